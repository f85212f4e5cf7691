/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a visit plan could hold (issue 12): the clients a person owns that
 * fall due within the plan's period by their tier's visit cycle — the same
 * rule as the Today view's "visits due": the last visit (or the day the
 * client was added) plus the cycle — overdue first, each on a working day. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-store-meetings-private.h"
#include "store/cd-store-plans.h"

/* ?1 the plan. Active clients of its person (as AM or AE) with a tier, not
 * yet in the plan, whose due day is on or before the plan's last day. The
 * last visit is the latest visit of the client, by anyone. */
static const char suggest_sql[] =
  "SELECT client_id, client_name, tier, last_visit, due,"
  " max (0, CAST (julianday (start_date) - julianday (due) AS INTEGER)) AS overdue_days,"
  " contact_id, coalesce ((SELECT name FROM contact WHERE id = contact_id), '') AS contact_name,"
  " start_date, end_date FROM ("
  " SELECT client_id, client_name, tier, start_date, end_date, coalesce (last_visit, '') AS last_visit,"
  "  date (coalesce (last_visit, created_on), printf ('+%d days', cycle)) AS due,"
  "  coalesce (contact_id, 0) AS contact_id FROM ("
  "  SELECT c.id AS client_id, c.name AS client_name, c.tier, p.start_date, p.end_date,"
  "   (SELECT max (v.date) FROM visit v WHERE v.client_id = c.id) AS last_visit,"
  "   t.visit_cycle_days AS cycle, c.created_on,"
  "   (SELECT k.id FROM contact k WHERE k.client_id = c.id ORDER BY k.is_primary DESC, k.id LIMIT 1)"
  "    AS contact_id"
  "  FROM visit_plan p JOIN client c ON c.owner_id = p.staff_id OR c.ae_id = p.staff_id"
  "  JOIN tier t ON t.code = c.tier"
  "  WHERE p.id = ?1 AND c.status = 'active' AND NOT EXISTS (SELECT 1 FROM visit_plan_entry e"
  "   WHERE e.plan_id = p.id AND e.client_id = c.id)))"
  " WHERE due <= end_date ORDER BY due, client_name, client_id";

static gboolean
working (CdHolidayCalendar *calendar, const GDate *day)
{
  return cd_holiday_calendar_is_working_day (calendar, day);
}

/* The day to plan: the due day, not before the period; then the next
 * working day inside the period, else the last working day before it
 * (still inside), else the day itself. */
static void
suggested_day (const char *due, const char *start, const char *end, CdHolidayCalendar *calendar,
               char out[11])
{
  GDate d, first, last, probe;

  cd_docs_parse_date (due, &d);
  cd_docs_parse_date (start, &first);
  cd_docs_parse_date (end, &last);
  if (g_date_compare (&d, &first) < 0)
    d = first;
  if (calendar != NULL && !working (calendar, &d))
    {
      probe = d;
      while (g_date_compare (&probe, &last) < 0 && !working (calendar, &probe))
        g_date_add_days (&probe, 1);
      if (!working (calendar, &probe))
        {
          probe = d;
          while (g_date_compare (&probe, &first) > 0 && !working (calendar, &probe))
            g_date_subtract_days (&probe, 1);
        }
      if (working (calendar, &probe))
        d = probe;
    }
  cd_meet_format_day (&d, out);
}

static GVariant *
suggestion_row (sqlite3_stmt *stmt, CdHolidayCalendar *calendar)
{
  GVariantDict dict;
  char day[11];

  suggested_day ((const char *) sqlite3_column_text (stmt, 4), (const char *) sqlite3_column_text (stmt, 8),
                 (const char *) sqlite3_column_text (stmt, 9), calendar, day);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "client_id", "x", sqlite3_column_int64 (stmt, 0));
  g_variant_dict_insert (&dict, "client_name", "s", (const char *) sqlite3_column_text (stmt, 1));
  g_variant_dict_insert (&dict, "tier", "s", (const char *) sqlite3_column_text (stmt, 2));
  g_variant_dict_insert (&dict, "last_visit", "s", (const char *) sqlite3_column_text (stmt, 3));
  g_variant_dict_insert (&dict, "due", "s", (const char *) sqlite3_column_text (stmt, 4));
  g_variant_dict_insert (&dict, "overdue_days", "x", sqlite3_column_int64 (stmt, 5));
  g_variant_dict_insert (&dict, "contact_id", "x", sqlite3_column_int64 (stmt, 6));
  g_variant_dict_insert (&dict, "contact_name", "s", (const char *) sqlite3_column_text (stmt, 7));
  g_variant_dict_insert (&dict, "date", "s", day);
  return g_variant_dict_end (&dict);
}

/* Reads the suggestions with the store's lock held by the caller. */
static GVariant *
read_suggestions (CdStore *self, gint64 plan_id, CdHolidayCalendar *calendar, GError **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc;

  if (cd_meet_int_for (self, "SELECT count (*) FROM visit_plan WHERE id = ?1", plan_id, 0) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such visit plan."));
      return NULL;
    }
  stmt = cd_store_prepare (self, suggest_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&builder, suggestion_row (stmt, calendar));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      cd_store_set_error (self, error, rc, _("suggesting visits"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

GVariant *
cd_store_visit_plan_suggest (CdStore *self, gint64 plan_id, CdHolidayCalendar *calendar, GError **error)
{
  GVariant *rows;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  rows = read_suggestions (self, plan_id, calendar, error);
  cd_store_unlock (self);
  return rows;
}

gint64
cd_store_visit_plan_add_suggested (CdStore *self, gint64 plan_id, CdHolidayCalendar *calendar,
                                   GError **error)
{
  g_autoptr (GVariant) rows = NULL;
  gint64 added = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CD_IS_STORE (self), -1);

  if (!cd_store_begin (self, error))
    return -1;
  rows = read_suggestions (self, plan_id, calendar, error);
  if (rows == NULL)
    return cd_docs_finish (self, FALSE, error), -1;
  for (gsize i = 0; ok && i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      g_autofree char *purpose = NULL;
      const char *tier = NULL, *date = NULL;
      gint64 client = 0, contact = 0;
      GVariantDict dict;

      g_variant_lookup (row, "client_id", "x", &client);
      g_variant_lookup (row, "contact_id", "x", &contact);
      g_variant_lookup (row, "tier", "&s", &tier);
      g_variant_lookup (row, "date", "&s", &date);
      purpose = g_strdup_printf (_("Regular visit (tier %s)"), tier);
      g_variant_dict_init (&dict, NULL);
      g_variant_dict_insert (&dict, "client_id", "x", client);
      if (contact > 0)
        g_variant_dict_insert (&dict, "contact_id", "x", contact);
      g_variant_dict_insert (&dict, "date", "s", date);
      g_variant_dict_insert (&dict, "purpose", "s", purpose);
      ok = cd_store_visit_plan_add_entry (self, plan_id, g_variant_dict_end (&dict), error) > 0;
      added += ok ? 1 : 0;
    }
  return cd_docs_finish (self, ok, error) ? added : -1;
}
