/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers of the visit plan and meeting repositories (issue 12):
 * rows read into GVariants with fixed types, single values, checks. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "store/cd-store-meetings-private.h"

static GVariant *
column_value (sqlite3_stmt *stmt, int i, const char **out_name)
{
  const char *name = sqlite3_column_name (stmt, i);
  gboolean is_null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

  if (g_str_has_prefix (name, "b:"))
    {
      *out_name = name + 2;
      return g_variant_new_boolean (sqlite3_column_int64 (stmt, i) != 0);
    }
  if (g_str_has_prefix (name, "i:"))
    {
      *out_name = name + 2;
      return g_variant_new_int32 (sqlite3_column_int (stmt, i));
    }
  *out_name = name;
  if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
    return g_variant_new_int64 (sqlite3_column_int64 (stmt, i));
  if (is_null)
    {
      /* The declared type says whether a NULL is a missing id or text. */
      const char *decl = sqlite3_column_decltype (stmt, i);
      if (decl != NULL && g_ascii_strcasecmp (decl, "INTEGER") == 0)
        return g_variant_new_int64 (0);
      return g_variant_new_string ("");
    }
  {
    const char *text = (const char *) sqlite3_column_text (stmt, i);

    /* Text in the file may come from another program. */
    if (g_utf8_validate (text, -1, NULL))
      return g_variant_new_string (text);
    else
      {
        g_autofree char *valid = g_utf8_make_valid (text, -1);
        return g_variant_new_string (valid);
      }
  }
}

static GVariant *
row_variant (sqlite3_stmt *stmt)
{
  GVariantBuilder builder;
  int n = sqlite3_column_count (stmt);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (int i = 0; i < n; i++)
    {
      const char *name = NULL;
      GVariant *value = column_value (stmt, i, &name);

      g_variant_builder_add (&builder, "{sv}", name, value);
    }
  return g_variant_builder_end (&builder);
}

GVariant *
cd_meet_rows (CdStore *self, sqlite3_stmt *stmt, const char *doing, GError **error)
{
  GVariantBuilder builder;
  int rc;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&builder, row_variant (stmt));
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, doing);
      sqlite3_reset (stmt);
      g_variant_builder_clear (&builder);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

GVariant *
cd_meet_row (CdStore *self, sqlite3_stmt *stmt, const char *doing, const char *missing,
             GError **error)
{
  GVariant *row = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    row = g_variant_ref_sink (row_variant (stmt));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, missing);
  else
    cd_store_set_error (self, error, rc, doing);
  sqlite3_reset (stmt);
  return row;
}

gboolean
cd_meet_invalid (GError **error, const char *field, const char *reason)
{
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, "%s: %s", field, reason);
  return FALSE;
}

gint64
cd_meet_int_for (CdStore *self, const char *sql, gint64 id, gint64 fallback)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

char *
cd_meet_text_for (CdStore *self, const char *sql, gint64 id)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = cd_docs_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
cd_meet_parse_stamp (const char *text, GDate *out)
{
  g_autofree char *day = NULL;
  guint h, m;

  if (text == NULL || strlen (text) != 16 || text[10] != 'T' || text[13] != ':'
      || !g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[12])
      || !g_ascii_isdigit (text[14]) || !g_ascii_isdigit (text[15]))
    return FALSE;
  day = g_strndup (text, 10);
  if (!cd_docs_parse_date (day, out))
    return FALSE;
  h = (guint) (text[11] - '0') * 10 + (guint) (text[12] - '0');
  m = (guint) (text[14] - '0') * 10 + (guint) (text[15] - '0');
  return h < 24 && m < 60;
}

char *
cd_meet_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
cd_meet_format_day (const GDate *date, char out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}
