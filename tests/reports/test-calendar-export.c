/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export read back by a small RFC 5545 parser: CRLF, lines
 * folded at 75 octets between UTF-8 characters, TEXT escaping, dates for
 * all-day items and Asia/Shanghai times for timed ones, Chinese text. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <sys/stat.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "reports/cd-calendar-export.h"

typedef struct
{
  char *name;     /* upper case, without parameters */
  char *params;   /* ";TZID=…" or "" */
  char *value;    /* unescaped for TEXT properties */
} Prop;

static void
prop_free (gpointer data)
{
  Prop *prop = data;

  g_free (prop->name);
  g_free (prop->params);
  g_free (prop->value);
  g_free (prop);
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Checks the physical lines, unfolds them and splits each content line at
 * its first unquoted colon. Returns the properties in order. */
static GPtrArray *
parse_ics (const char *text)
{
  GPtrArray *props = g_ptr_array_new_with_free_func (prop_free);
  g_autoptr (GString) logical = NULL;
  g_auto (GStrv) lines = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = lines[i];

      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      if (line[0] == ' ')
        {
          g_assert_nonnull (logical);
          g_string_append (logical, line + 1);
          continue;
        }
      if (logical != NULL)
        {
          Prop *prop = g_new0 (Prop, 1);
          char *colon = strchr (logical->str, ':');
          char *semi;

          g_assert_nonnull (colon);
          *colon = '\0';
          semi = strchr (logical->str, ';');
          prop->params = g_strdup (semi ? semi : "");
          if (semi)
            *semi = '\0';
          prop->name = g_ascii_strup (logical->str, -1);
          prop->value = unescape (colon + 1);
          g_ptr_array_add (props, prop);
          g_string_free (logical, TRUE);
        }
      logical = g_string_new (line);
    }
  g_assert_nonnull (logical);
  {
    Prop *prop = g_new0 (Prop, 1);

    g_assert_cmpstr (logical->str, ==, "END:VCALENDAR");
    prop->name = g_strdup ("END");
    prop->params = g_strdup ("");
    prop->value = g_strdup ("VCALENDAR");
    g_ptr_array_add (props, prop);
  }
  g_assert_cmpstr (lines[n - 1], ==, "");
  return props;
}

/* The properties of the @index-th VEVENT, as a name → Prop table. */
static GHashTable *
event_props (GPtrArray *props, guint index)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  guint seen = 0;
  gboolean inside = FALSE;

  for (guint i = 0; i < props->len; i++)
    {
      Prop *prop = g_ptr_array_index (props, i);

      if (g_str_equal (prop->name, "BEGIN") && g_str_equal (prop->value, "VEVENT"))
        inside = seen++ == index;
      else if (g_str_equal (prop->name, "END") && g_str_equal (prop->value, "VEVENT"))
        inside = FALSE;
      else if (inside)
        g_hash_table_insert (table, prop->name, prop);
    }
  return table;
}

static guint
count (GPtrArray *props, const char *name, const char *value)
{
  guint n = 0;

  for (guint i = 0; i < props->len; i++)
    {
      Prop *prop = g_ptr_array_index (props, i);

      n += g_str_equal (prop->name, name) && (value == NULL || g_str_equal (prop->value, value));
    }
  return n;
}

static void
add_event (GVariantBuilder *builder, const char *uid, const char *date, const char *time,
           const char *end, const char *title, const char *detail, const char *staff)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "kind", "i", 2);
  g_variant_dict_insert (&dict, "uid", "s", uid);
  g_variant_dict_insert (&dict, "date", "s", date);
  g_variant_dict_insert (&dict, "time", "s", time);
  g_variant_dict_insert (&dict, "end_time", "s", end);
  g_variant_dict_insert (&dict, "title", "s", title);
  g_variant_dict_insert (&dict, "detail", "s", detail);
  g_variant_dict_insert (&dict, "staff_name", "s", staff);
  g_variant_builder_add_value (builder, g_variant_dict_end (&dict));
}

#define LONG_CHINESE "上海市浦东新区世纪大道一百号环球金融中心七十七楼第三会议室，" \
                     "议程：一、春季新品发布会创意提案；二、媒体排期；三、预算与报价确认。"
#define HOSTILE "Budget; scope, and C:\\path\\file\nsecond line\r\nthird"

static GVariant *
sample_events (void)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  add_event (&builder, "meeting-7@clientdesk", "2026-11-26", "09:30", "11:00",
             "春季新品提案会 · 华东日化", LONG_CHINESE, "王晓明");
  add_event (&builder, "work-order-12@clientdesk", "2026-11-27", "", "",
             "工作单 WO202611-0012 截止", HOSTILE, "");
  add_event (&builder, "visit-3@clientdesk", "2026-11-30", "23:30", "00:30",
             "Late call, with a comma", "", "李四");
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
test_round_trip (void)
{
  g_autoptr (GVariant) events = sample_events ();
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2026, 11, 25, 20, 30, 5);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = cd_calendar_export_to_string (events, "王晓明的日程", stamp, &error);
  g_autoptr (GPtrArray) props = NULL;
  g_autoptr (GHashTable) first = NULL, second = NULL, third = NULL;
  Prop *prop;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  props = parse_ics (text);
  g_assert_cmpstr (((Prop *) g_ptr_array_index (props, 0))->name, ==, "BEGIN");
  g_assert_cmpstr (((Prop *) g_ptr_array_index (props, 0))->value, ==, "VCALENDAR");
  g_assert_cmpuint (count (props, "VERSION", "2.0"), ==, 1);
  g_assert_cmpuint (count (props, "PRODID", NULL), ==, 1);
  g_assert_cmpuint (count (props, "X-WR-CALNAME", "王晓明的日程"), ==, 1);
  g_assert_cmpuint (count (props, "BEGIN", "VTIMEZONE"), ==, 1);
  g_assert_cmpuint (count (props, "TZID", "Asia/Shanghai"), ==, 1);
  g_assert_cmpuint (count (props, "TZOFFSETTO", "+0800"), ==, 1);
  g_assert_cmpuint (count (props, "BEGIN", "VEVENT"), ==, 3);
  g_assert_cmpuint (count (props, "END", "VEVENT"), ==, 3);
  g_assert_cmpuint (count (props, "DTSTAMP", "20261125T203005Z"), ==, 3);

  first = event_props (props, 0);
  g_assert_cmpstr (((Prop *) g_hash_table_lookup (first, "UID"))->value, ==, "meeting-7@clientdesk");
  prop = g_hash_table_lookup (first, "DTSTART");
  g_assert_cmpstr (prop->params, ==, ";TZID=Asia/Shanghai");
  g_assert_cmpstr (prop->value, ==, "20261126T093000");
  prop = g_hash_table_lookup (first, "DTEND");
  g_assert_cmpstr (prop->params, ==, ";TZID=Asia/Shanghai");
  g_assert_cmpstr (prop->value, ==, "20261126T110000");
  g_assert_cmpstr (((Prop *) g_hash_table_lookup (first, "SUMMARY"))->value, ==,
                   "春季新品提案会 · 华东日化");
  /* The long Chinese description came back whole through the folds. */
  g_assert_cmpstr (((Prop *) g_hash_table_lookup (first, "DESCRIPTION"))->value, ==,
                   LONG_CHINESE "\nStaff: 王晓明");

  second = event_props (props, 1);
  prop = g_hash_table_lookup (second, "DTSTART");
  g_assert_cmpstr (prop->params, ==, ";VALUE=DATE");
  g_assert_cmpstr (prop->value, ==, "20261127");
  prop = g_hash_table_lookup (second, "DTEND");
  g_assert_cmpstr (prop->params, ==, ";VALUE=DATE");
  g_assert_cmpstr (prop->value, ==, "20261128");
  g_assert_cmpstr (((Prop *) g_hash_table_lookup (second, "DESCRIPTION"))->value, ==,
                   "Budget; scope, and C:\\path\\file\nsecond line\nthird");

  third = event_props (props, 2);
  g_assert_cmpstr (((Prop *) g_hash_table_lookup (third, "DTEND"))->value, ==, "20261201T003000");
  g_assert_cmpstr (((Prop *) g_hash_table_lookup (third, "SUMMARY"))->value, ==,
                   "Late call, with a comma");
}

static void
test_escaping_is_literal (void)
{
  g_autoptr (GString) out = g_string_new (NULL);

  cd_ical_escape_text (out, "a,b;c\\d\ne\r\nf\rg\001h\ti");
  g_assert_cmpstr (out->str, ==, "a\\,b\\;c\\\\d\\ne\\nf\\ng" "h\ti");
}

static void
test_folding_keeps_utf8_whole (void)
{
  /* Every alignment of three-byte characters against the 75-octet limit. */
  for (guint prefix = 0; prefix < 3; prefix++)
    {
      g_autoptr (GString) line = g_string_new ("DESCRIPTION:");
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GString) joined = g_string_new (NULL);
      g_auto (GStrv) parts = NULL;

      for (guint i = 0; i < prefix; i++)
        g_string_append_c (line, 'x');
      for (guint i = 0; i < 100; i++)
        g_string_append (line, i % 2 ? "汉" : "字");
      cd_ical_append_line (out, line->str);
      parts = g_strsplit (out->str, "\r\n", -1);
      for (guint i = 0; parts[i] != NULL && parts[i][0] != '\0'; i++)
        {
          g_assert_cmpuint (strlen (parts[i]), <=, 75);
          g_assert_true (g_utf8_validate (parts[i], -1, NULL));
          /* Folding uses the room it has: no line ends more than one
           * character short of the limit, except the last. */
          if (parts[i + 1] != NULL && parts[i + 1][0] != '\0')
            g_assert_cmpuint (strlen (parts[i]), >=, 73);
          if (i > 0)
            g_assert_cmpint (parts[i][0], ==, ' ');
          g_string_append (joined, i > 0 ? parts[i] + 1 : parts[i]);
        }
      g_assert_cmpstr (joined->str, ==, line->str);
    }
}

static void
test_bad_event_is_refused (void)
{
  GVariantBuilder builder;
  g_autoptr (GVariant) events = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  add_event (&builder, "x@clientdesk", "2026-02-30", "", "", "Never", "", "");
  events = g_variant_ref_sink (g_variant_builder_end (&builder));
  text = cd_calendar_export_to_string (events, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_file_is_private_and_whole (void)
{
  g_autoptr (GVariant) events = sample_events ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cd-ics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "week.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) props = NULL;
  GStatBuf st;
  GDir *listing;
  guint n_files = 0;

  g_assert_true (cd_calendar_export_write (events, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  props = parse_ics (text);
  g_assert_cmpuint (count (props, "BEGIN", "VEVENT"), ==, 3);
  /* No temporary file is left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 1);

  /* A folder that does not exist: refused, nothing written. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "week.ics", NULL);
    g_autoptr (GError) bad_error = NULL;

    g_assert_false (cd_calendar_export_write (events, NULL, bad, &bad_error));
    g_assert_nonnull (bad_error);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/reports/calendar-export/events-come-back-from-the-file", test_round_trip);
  g_test_add_func ("/reports/calendar-export/text-escaping-is-literal", test_escaping_is_literal);
  g_test_add_func ("/reports/calendar-export/folding-keeps-utf8-characters-whole",
                   test_folding_keeps_utf8_whole);
  g_test_add_func ("/reports/calendar-export/an-impossible-date-is-refused", test_bad_event_is_refused);
  g_test_add_func ("/reports/calendar-export/the-file-is-private-and-whole",
                   test_file_is_private_and_whole);
  return g_test_run ();
}
