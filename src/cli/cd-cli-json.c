/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-cli"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "cli/cd-cli-json.h"

static void append_value (GString *out, GVariant *value);

static void
append_escaped_ascii (GString *out,
                      guchar   c)
{
  switch (c)
    {
    case '"':  g_string_append (out, "\\\""); break;
    case '\\': g_string_append (out, "\\\\"); break;
    case '\b': g_string_append (out, "\\b"); break;
    case '\f': g_string_append (out, "\\f"); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
      break;
    }
}

void
cd_cli_json_append_string (GString    *out,
                           const char *text,
                           gssize      length)
{
  const char *p, *end;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  end = text + length;

  g_string_append_c (out, '"');
  for (p = text; p < end;)
    {
      gunichar c;
      const char *next;

      if ((guchar) *p < 0x80)
        {
          append_escaped_ascii (out, (guchar) *p++);
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Never pass broken UTF-8 on: a JSON reader would reject the
           * whole array for one bad byte. */
          g_string_append (out, "\xEF\xBF\xBD");
          p++;
          continue;
        }

      next = g_utf8_next_char (p);
      /* Valid JSON, but they end a line in JavaScript source. */
      if (c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   d)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, d));
}

/* JSON keys are strings: a number key is written as its decimal text. */
static void
append_key (GString  *out,
            GVariant *key)
{
  g_autoptr(GString) text = NULL;

  if (g_variant_is_of_type (key, G_VARIANT_TYPE_STRING)
      || g_variant_is_of_type (key, G_VARIANT_TYPE_OBJECT_PATH)
      || g_variant_is_of_type (key, G_VARIANT_TYPE_SIGNATURE))
    {
      gsize length;
      const char *s = g_variant_get_string (key, &length);

      cd_cli_json_append_string (out, s, length);
      return;
    }

  text = g_string_new (NULL);
  append_value (text, key);
  cd_cli_json_append_string (out, text->str, text->len);
}

static void
append_object (GString  *out,
               GVariant *dict)
{
  GVariantIter iter;
  GVariant *entry;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  g_variant_iter_init (&iter, dict);
  while ((entry = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(GVariant) key = g_variant_get_child_value (entry, 0);
      g_autoptr(GVariant) value = g_variant_get_child_value (entry, 1);

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_key (out, key);
      g_string_append_c (out, ':');
      append_value (out, value);
      g_variant_unref (entry);
    }
  g_string_append_c (out, '}');
}

static void
append_array (GString  *out,
              GVariant *container)
{
  GVariantIter iter;
  GVariant *child;
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  g_variant_iter_init (&iter, container);
  while ((child = g_variant_iter_next_value (&iter)))
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_value (out, child);
      g_variant_unref (child);
    }
  g_string_append_c (out, ']');
}

static void
append_maybe (GString  *out,
              GVariant *maybe)
{
  g_autoptr(GVariant) inner = g_variant_get_maybe (maybe);

  if (inner == NULL)
    g_string_append (out, "null");
  else
    append_value (out, inner);
}

static void
append_value (GString  *out,
              GVariant *value)
{
  const GVariantType *type = g_variant_get_type (value);

  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_BOOLEAN:
      g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
      break;
    case G_VARIANT_CLASS_BYTE:
      g_string_append_printf (out, "%u", (guint) g_variant_get_byte (value));
      break;
    case G_VARIANT_CLASS_INT16:
      g_string_append_printf (out, "%d", (int) g_variant_get_int16 (value));
      break;
    case G_VARIANT_CLASS_UINT16:
      g_string_append_printf (out, "%u", (guint) g_variant_get_uint16 (value));
      break;
    case G_VARIANT_CLASS_INT32:
      g_string_append_printf (out, "%" G_GINT32_FORMAT, g_variant_get_int32 (value));
      break;
    case G_VARIANT_CLASS_HANDLE:
      g_string_append_printf (out, "%" G_GINT32_FORMAT, g_variant_get_handle (value));
      break;
    case G_VARIANT_CLASS_UINT32:
      g_string_append_printf (out, "%" G_GUINT32_FORMAT, g_variant_get_uint32 (value));
      break;
    case G_VARIANT_CLASS_INT64:
      g_string_append_printf (out, "%" PRId64, g_variant_get_int64 (value));
      break;
    case G_VARIANT_CLASS_UINT64:
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, g_variant_get_uint64 (value));
      break;
    case G_VARIANT_CLASS_DOUBLE:
      append_double (out, g_variant_get_double (value));
      break;
    case G_VARIANT_CLASS_STRING:
    case G_VARIANT_CLASS_OBJECT_PATH:
    case G_VARIANT_CLASS_SIGNATURE:
      {
        gsize length;
        const char *s = g_variant_get_string (value, &length);

        cd_cli_json_append_string (out, s, length);
      }
      break;
    case G_VARIANT_CLASS_VARIANT:
      {
        g_autoptr(GVariant) inner = g_variant_get_variant (value);

        append_value (out, inner);
      }
      break;
    case G_VARIANT_CLASS_MAYBE:
      append_maybe (out, value);
      break;
    case G_VARIANT_CLASS_ARRAY:
      if (g_variant_type_is_dict_entry (g_variant_type_element (type)))
        append_object (out, value);
      else
        append_array (out, value);
      break;
    case G_VARIANT_CLASS_TUPLE:
    case G_VARIANT_CLASS_DICT_ENTRY:
    default:
      append_array (out, value);
      break;
    }
}

void
cd_cli_json_append (GString  *out,
                    GVariant *value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  append_value (out, value);
}
