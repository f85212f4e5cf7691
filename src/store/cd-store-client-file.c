/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Read-only lists of the client file (issue 3). Quotes and contracts are
 * reached through the client's projects: project has an index on
 * client_id, quote and contract have one on project_id. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>
#include <string.h>

#include "store/cd-store-client-file.h"
#include "store/cd-store-docs-private.h"

#define SIGNED "('signed', 'executing', 'completed')"
#define PAID_ON(inst) \
  "coalesce ((SELECT sum (y.amount_fen) FROM payment y WHERE y.installment_id = " inst "), 0)"
/* Paid on an installment by day ?2, the day the receivables are for. */
#define PAID_BY(inst) \
  "coalesce ((SELECT sum (y.amount_fen) FROM payment y WHERE y.installment_id = " inst \
  " AND y.date <= ?2), 0)"
/* Still owed on installment i by day ?2: less those payments and what the
 * reductions signed by then take off it (CD_DOCS_REDUCED_CTE joined as d,
 * its ?9 bound to the same day). */
#define OWED_BY "i.amount_fen - " PAID_BY ("i.id") " - coalesce (d.fen, 0)"
/* What a contract row adds to the contracted amount: a contract and an
 * amendment with installments their amount, a reduction (no installments)
 * minus it. */
#define CONTRACTED_FEN                                                         \
  "CASE WHEN k.amends_id IS NULL OR EXISTS (SELECT 1 FROM installment x"       \
  " WHERE x.contract_id = k.id) THEN k.amount_fen ELSE -k.amount_fen END"

/* Binds ?1 to @id and ?2 to @text (when not NULL), and ?9 (the day of
 * CD_DOCS_REDUCED_CTE) to @text too when the statement has it. */
static GVariant *
read_rows (CdStore *self, const char *sql, gint64 id, const char *text, GError **error)
{
  GVariantBuilder rows;
  sqlite3_stmt *stmt;
  int rc;

  cd_store_lock (self);
  if ((stmt = cd_store_prepare (self, sql, error)) == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (text != NULL && sqlite3_bind_parameter_count (stmt) >= 9)
    sqlite3_bind_text (stmt, 9, text, -1, SQLITE_TRANSIENT);
  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&rows, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&rows);
      cd_store_set_error (self, error, rc, _("reading a client"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

static gboolean
valid_day (const char *today, GError **error)
{
  GDate date;

  if (today == NULL)
    return TRUE;
  g_date_clear (&date, 1);
  if (strlen (today) == 10)
    g_date_set_parse (&date, today);
  if (!g_date_valid (&date))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The date must be written YYYY-MM-DD."));
      return FALSE;
    }
  return TRUE;
}

GVariant *
cd_store_client_projects (CdStore *self, gint64 client_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return read_rows (self,
                    "SELECT p.id, p.number, p.name, p.status, am.name AS am, ae.name AS ae,"
                    " p.start_date, p.due_date,"
                    " (SELECT coalesce (sum (" CONTRACTED_FEN "), 0) FROM contract k"
                    "   WHERE k.project_id = p.id AND k.status IN " SIGNED ") AS contracted_fen"
                    " FROM project p LEFT JOIN staff am ON am.id = p.am_id"
                    " LEFT JOIN staff ae ON ae.id = p.ae_id"
                    " WHERE p.client_id = ?1 ORDER BY p.start_date DESC, p.id DESC",
                    client_id, NULL, error);
}

GVariant *
cd_store_client_quotes (CdStore *self, gint64 client_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return read_rows (self,
                    "SELECT q.id, q.number, q.version, q.status, p.number AS project,"
                    " q.created_date, q.sent_date, q.total_fen"
                    " FROM project p JOIN quote q ON q.project_id = p.id"
                    " WHERE p.client_id = ?1 ORDER BY q.number DESC, q.version DESC",
                    client_id, NULL, error);
}

GVariant *
cd_store_client_contracts (CdStore *self, gint64 client_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return read_rows (self,
                    "SELECT k.id, k.number, k.subject, k.status, p.number AS project,"
                    " k.signed_date, k.amount_fen,"
                    " (SELECT coalesce (sum (" PAID_ON ("i.id") "), 0) FROM installment i"
                    "   WHERE i.contract_id = k.id) AS paid_fen"
                    " FROM project p JOIN contract k ON k.project_id = p.id"
                    " WHERE p.client_id = ?1"
                    " ORDER BY coalesce (k.signed_date, '9999') DESC, k.id DESC",
                    client_id, NULL, error);
}

/* @today, or the local day when NULL: the reductions need a day. */
static char *
resolve_day (const char *today)
{
  g_autoptr (GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

GVariant *
cd_store_client_receivables (CdStore *self, gint64 client_id, const char *today, GError **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  if (!valid_day (today, error))
    return NULL;
  day = resolve_day (today);
  return read_rows (self,
                    CD_DOCS_REDUCED_CTE
                    "SELECT * FROM (SELECT i.id, k.number AS contract, i.label, i.due_date,"
                    " i.amount_fen, " PAID_BY ("i.id") " AS paid_fen,"
                    " coalesce (d.fen, 0) AS reduced_fen, " OWED_BY " AS outstanding_fen,"
                    " CAST (julianday (?2) - julianday (i.due_date) AS INTEGER) AS age_days"
                    " FROM project p JOIN contract k ON k.project_id = p.id"
                    " JOIN installment i ON i.contract_id = k.id"
                    " LEFT JOIN reduced d ON d.installment_id = i.id"
                    " WHERE p.client_id = ?1 AND k.status IN " SIGNED " AND i.due_date <= ?2)"
                    " WHERE outstanding_fen > 0 ORDER BY due_date, id",
                    client_id, day, error);
}

gint64
cd_store_client_not_yet_due (CdStore *self, gint64 client_id, const char *today, GError **error)
{
  g_autoptr (GVariant) rows = NULL;
  g_autofree char *day = NULL;
  GVariantIter iter;
  GVariant *row;
  gint64 total = 0;

  g_return_val_if_fail (CD_IS_STORE (self), -1);
  if (!valid_day (today, error))
    return -1;
  day = resolve_day (today);
  rows = read_rows (self,
                    CD_DOCS_REDUCED_CTE
                    "SELECT sum (" OWED_BY ") AS outstanding_fen"
                    " FROM project p JOIN contract k ON k.project_id = p.id"
                    " JOIN installment i ON i.contract_id = k.id"
                    " LEFT JOIN reduced d ON d.installment_id = i.id"
                    " WHERE p.client_id = ?1 AND k.status IN " SIGNED " AND i.due_date > ?2",
                    client_id, day, error);
  if (rows == NULL)
    return -1;
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 fen = 0;
      if (g_variant_lookup (row, "outstanding_fen", "x", &fen))
        total += MAX (fen, 0);
    }
  return total;
}

GVariant *
cd_store_client_visit_cycle (CdStore *self, gint64 client_id, GError **error)
{
  g_autoptr (GVariant) rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  rows = read_rows (self,
                    "SELECT c.tier, t.visit_cycle_days, v.last_visit,"
                    " date (coalesce (v.last_visit, c.created_on),"
                    "       '+' || t.visit_cycle_days || ' days') AS next_visit_due"
                    " FROM client c LEFT JOIN tier t ON t.code = c.tier,"
                    " (SELECT max (date) AS last_visit FROM visit WHERE client_id = ?1) v"
                    " WHERE c.id = ?1",
                    client_id, NULL, error);
  if (rows == NULL)
    return NULL;
  if (g_variant_n_children (rows) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such client."));
      return NULL;
    }
  return g_variant_get_child_value (rows, 0);
}

GVariant *
cd_store_client_feedback (CdStore *self, gint64 client_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return read_rows (self,
                    "SELECT f.id, f.kind, f.date, f.summary, f.status, f.valid, s.name AS owner,"
                    " f.resolution, f.closed_date FROM feedback f"
                    " LEFT JOIN staff s ON s.id = f.owner_id"
                    " WHERE f.client_id = ?1 ORDER BY f.date DESC, f.id DESC",
                    client_id, NULL, error);
}

GVariant *
cd_store_visits_to_review (CdStore *self, const char *month, gint64 reviewer_id, GError **error)
{
  g_autofree char *first = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  if (month == NULL || strlen (month) != 7)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The month must be written YYYY-MM."));
      return NULL;
    }
  first = g_strconcat (month, "-01", NULL);
  if (!valid_day (first, error))
    return NULL;
  return read_rows (self,
                    "SELECT v.id, v.client_id, c.name AS client, v.date, v.staff_id,"
                    " s.name AS staff, v.topic FROM visit v JOIN client c ON c.id = v.client_id"
                    " LEFT JOIN staff s ON s.id = v.staff_id"
                    " WHERE v.status <> 'reviewed' AND v.staff_id <> ?1"
                    " AND v.date >= ?2 AND v.date < date (?2, '+1 month')"
                    " AND (NOT EXISTS (SELECT 1 FROM staff t WHERE t.lead_id = ?1)"
                    "      OR v.staff_id IN (SELECT t.id FROM staff t WHERE t.lead_id = ?1))"
                    " ORDER BY v.date, v.id LIMIT 500",
                    reviewer_id, first, error);
}
