/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GVariant → JSON writer behind `list --json`. */
#define G_LOG_DOMAIN "cd-cli-test"

#include <math.h>
#include <locale.h>

#include "cli/cd-cli-json.h"
#include "cd-cli-test-util.h"

static char *
to_json (GVariant *value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);

  cd_cli_json_append (out, sunk);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
string_json (const char *text,
             gssize      length)
{
  g_autoptr(GString) out = g_string_new (NULL);

  cd_cli_json_append_string (out, text, length);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_escapes_quotes_and_control_characters (void)
{
  g_autofree char *json = string_json ("a\"b\\c/\b\f\n\r\t\x01\x1f\x7f", -1);
  g_autofree char *embedded = string_json ("x\0y", 3);

  g_assert_cmpstr (json, ==, "\"a\\\"b\\\\c/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\"");
  g_assert_cmpstr (embedded, ==, "\"x\\u0000y\"");
}

static void
test_keeps_chinese_and_emoji_as_utf8 (void)
{
  g_autofree char *json = string_json ("上海广告 😀 שלום", -1);
  g_autofree char *separators = string_json ("a\u2028b\u2029c", -1);

  g_assert_cmpstr (json, ==, "\"上海广告 😀 שלום\"");
  g_assert_cmpstr (separators, ==, "\"a\\u2028b\\u2029c\"");
}

static void
test_replaces_invalid_utf8 (void)
{
  /* A stray continuation byte, a truncated 3-byte sequence, an overlong
   * encoding and a UTF-16 surrogate encoded in UTF-8. */
  g_autofree char *json = string_json ("a\x80" "b\xe4\xb8" "c\xc0\xaf" "d\xed\xa0\x80", -1);

  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_true (g_str_has_prefix (json, "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD"));
  g_assert_null (strstr (json, "\x80"));
  g_assert_null (strstr (json, "\xc0"));
  g_assert_null (strstr (json, "\xed\xa0"));
  g_assert_true (g_str_has_suffix (json, "\""));
}

static void
test_writes_numbers_booleans_and_null (void)
{
  g_autofree char *json = to_json (g_variant_new_parsed (
    "(int64 9223372036854775807, int64 -9223372036854775808, uint64 18446744073709551615,"
    " int32 -7, byte 0xff, true, false, @mi nothing, @mi 5, 0.5)"));
  g_autofree char *inf = to_json (g_variant_new_double (INFINITY));
  g_autofree char *nan = to_json (g_variant_new_double (NAN));

  g_assert_cmpstr (json, ==, "[9223372036854775807,-9223372036854775808,"
                             "18446744073709551615,-7,255,true,false,null,5,0.5]");
  g_assert_cmpstr (inf, ==, "null");
  g_assert_cmpstr (nan, ==, "null");
}

static void
test_turns_dictionaries_into_objects (void)
{
  g_autofree char *json = to_json (g_variant_new_parsed (
    "[{'id': <int64 1>, 'name': <'华东\"客户'>, 'amount_fen': <int64 1234567>,"
    "  'tags': <['a', 'b']>, 'empty': <@as []>, 'nested': <{'k': <true>}>,"
    "  'note': <@ms nothing>}, @a{sv} {}]"));
  g_autofree char *keys = to_json (g_variant_new_parsed ("{int64 3: 'x'}"));

  g_assert_cmpstr (json, ==,
                   "[{\"id\":1,\"name\":\"华东\\\"客户\",\"amount_fen\":1234567,"
                   "\"tags\":[\"a\",\"b\"],\"empty\":[],\"nested\":{\"k\":true},"
                   "\"note\":null},{}]");
  g_assert_cmpstr (keys, ==, "{\"3\":\"x\"}");
}

/* What the writer produces, a strict reader takes back unchanged. */
static void
test_round_trips_through_a_strict_reader (void)
{
  g_autoptr(GVariant) parsed = NULL;
  g_autofree char *json = to_json (g_variant_new_parsed (
    "[{'id': <int64 42>, 'name': <'北京\\n\\t\"引号\" \\\\ 😀'>, 'ok': <false>}]"));
  g_autoptr(GVariant) row = NULL;
  g_autoptr(GVariant) inner = NULL;
  const char *name = NULL;
  gint64 id = 0;

  parsed = cd_parse_json (json);
  g_assert_nonnull (parsed);
  if (parsed == NULL)
    return;
  g_assert_cmpuint (g_variant_n_children (parsed), ==, 1);
  row = g_variant_get_child_value (parsed, 0);
  inner = g_variant_get_variant (row);
  g_assert_true (g_variant_lookup (inner, "id", "x", &id));
  g_assert_true (g_variant_lookup (inner, "name", "&s", &name));
  g_assert_cmpint (id, ==, 42);
  g_assert_cmpstr (name, ==, "北京\n\t\"引号\" \\ 😀");
}

int
main (int    argc,
      char **argv)
{
  /* Test messages carry Chinese text: let GLib print it as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/cli/json/escapes-quotes-and-control-characters",
                   test_escapes_quotes_and_control_characters);
  g_test_add_func ("/cli/json/keeps-chinese-and-emoji-as-utf8",
                   test_keeps_chinese_and_emoji_as_utf8);
  g_test_add_func ("/cli/json/replaces-invalid-utf8", test_replaces_invalid_utf8);
  g_test_add_func ("/cli/json/writes-numbers-booleans-and-null",
                   test_writes_numbers_booleans_and_null);
  g_test_add_func ("/cli/json/turns-dictionaries-into-objects",
                   test_turns_dictionaries_into_objects);
  g_test_add_func ("/cli/json/round-trips-through-a-strict-reader",
                   test_round_trips_through_a_strict_reader);
  return g_test_run ();
}
