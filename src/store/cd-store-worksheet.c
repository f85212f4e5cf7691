/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project worksheet (项目工作表): one read of everything about one
 * project; and the weekly / monthly work sheet (月、周工作表格) of one AM or
 * AE. Both are read-only; every query is driven by an index (project id,
 * staff id), so a large file costs only the person's or project's rows. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "store/cd-store-docs-private.h"
#include "store/cd-store-projects.h"

/* Binds ?1 = @id and ?2..?4 = @a..@c (those that are non-NULL and that the
 * statement has), and reads every row into aa{sv}. */
static GVariant *
collect (CdStore *self, const char *sql, gint64 id, const char *a, const char *b, const char *c,
         GError **error)
{
  const char *texts[] = { a, b, c };
  GVariantBuilder builder;
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, error);
  int n_params, rc;

  if (stmt == NULL)
    return NULL;
  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  for (int i = 0; i < 3 && i + 2 <= n_params; i++)
    if (texts[i] != NULL)
      sqlite3_bind_text (stmt, i + 2, texts[i], -1, SQLITE_TRANSIENT);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&builder, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      cd_store_set_error (self, error, rc, _("reading the worksheet"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static gboolean
read_int (CdStore *self, const char *sql, gint64 id, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading the worksheet"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Project worksheet                                                  */

void
cd_worksheet_free (CdWorksheet *sheet)
{
  if (sheet == NULL)
    return;
  cd_project_free (sheet->project);
  cd_brief_free (sheet->brief);
  g_strfreev (sheet->missing);
  g_free (sheet->quote_number);
  g_clear_pointer (&sheet->work_orders, g_variant_unref);
  g_clear_pointer (&sheet->supplier_orders, g_variant_unref);
  g_clear_pointer (&sheet->pickup_slips, g_variant_unref);
  g_clear_pointer (&sheet->installments, g_variant_unref);
  g_clear_pointer (&sheet->payments, g_variant_unref);
  g_clear_pointer (&sheet->timeline, g_variant_unref);
  g_free (sheet);
}

static gboolean
read_quote (CdStore *self, CdWorksheet *sheet, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT number, version, total_fen FROM quote"
                                               " WHERE project_id = ?1 AND status = 'accepted'"
                                               " ORDER BY decided_date DESC, id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sheet->project->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sheet->quote_number = g_strdup_printf ("%s/v%d", (const char *) sqlite3_column_text (stmt, 0),
                                             sqlite3_column_int (stmt, 1));
      sheet->quote_total_fen = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading the worksheet"));
      return FALSE;
    }
  return TRUE;
}

#define COUNTED_CONTRACT "status IN ('signed', 'executing', 'completed')"

static gboolean
read_totals (CdStore *self, CdWorksheet *sheet, GError **error)
{
  gint64 id = sheet->project->id;

  if (!read_quote (self, sheet, error)
      /* An amendment with installments adds its amount; one without takes
       * its amount off (cd-store-contracts.h). */
      || !read_int (self, "SELECT coalesce (sum (CASE WHEN k.amends_id IS NOT NULL AND NOT EXISTS"
                          " (SELECT 1 FROM installment x WHERE x.contract_id = k.id)"
                          " THEN -k.amount_fen ELSE k.amount_fen END), 0) FROM contract k"
                          " WHERE k.project_id = ?1 AND k." COUNTED_CONTRACT, id, &sheet->contract_total_fen, error)
      || !read_int (self, "SELECT coalesce (sum (i.amount_fen), 0) FROM installment i"
                          " JOIN contract c ON c.id = i.contract_id WHERE c.project_id = ?1 AND c." COUNTED_CONTRACT,
                    id, &sheet->installments_fen, error)
      || !read_int (self, "SELECT coalesce (sum (pa.amount_fen), 0) FROM payment pa"
                          " JOIN installment i ON i.id = pa.installment_id"
                          " JOIN contract c ON c.id = i.contract_id WHERE c.project_id = ?1", id, &sheet->paid_fen, error)
      || !read_int (self, "SELECT coalesce (sum (l.amount_fen + l.tax_fen), 0) FROM supplier_order o"
                          " JOIN supplier_order_line l ON l.order_id = o.id"
                          " WHERE o.project_id = ?1 AND o.status IN ('delivered', 'accepted')",
                    id, &sheet->supplier_cost_fen, error))
    return FALSE;
  sheet->margin_fen = sheet->contract_total_fen - sheet->supplier_cost_fen;
  sheet->margin_bp = sheet->contract_total_fen > 0
                     ? sheet->margin_fen * 10000 / sheet->contract_total_fen : 0;
  sheet->below_min = (sheet->contract_total_fen > 0 || sheet->supplier_cost_fen > 0)
                     && sheet->margin_bp < sheet->project->min_margin_bp;
  return TRUE;
}

static const char timeline_sql[] =
  "SELECT date, kind, number, text, amount_fen FROM ("
  " SELECT start_date AS date, 'project_started' AS kind, number, name AS text, NULL AS amount_fen, 0 AS o"
  "  FROM project WHERE id = ?1"
  " UNION ALL SELECT due_date, 'project_due', number, name, NULL, 9 FROM project WHERE id = ?1 AND due_date IS NOT NULL"
  " UNION ALL SELECT event_date, 'brief_event', NULL, NULL, NULL, 8 FROM brief WHERE project_id = ?1 AND event_date IS NOT NULL"
  " UNION ALL SELECT launch_date, 'brief_launch', NULL, NULL, NULL, 8 FROM brief WHERE project_id = ?1 AND launch_date IS NOT NULL"
  " UNION ALL SELECT created_date, 'quote_created', number || '/v' || version, version_reason, total_fen, 1"
  "  FROM quote WHERE project_id = ?1"
  " UNION ALL SELECT sent_date, 'quote_sent', number || '/v' || version, NULL, total_fen, 2"
  "  FROM quote WHERE project_id = ?1 AND sent_date IS NOT NULL"
  " UNION ALL SELECT decided_date, 'quote_' || status, number || '/v' || version, NULL, total_fen, 3"
  "  FROM quote WHERE project_id = ?1 AND decided_date IS NOT NULL"
  " UNION ALL SELECT signed_date, 'contract_signed', number, subject, amount_fen, 3"
  "  FROM contract WHERE project_id = ?1 AND signed_date IS NOT NULL"
  " UNION ALL SELECT i.due_date, 'installment_due', c.number, i.label, i.amount_fen, 7 FROM installment i"
  "  JOIN contract c ON c.id = i.contract_id WHERE c.project_id = ?1 AND c." COUNTED_CONTRACT
  " UNION ALL SELECT pa.date, 'payment', c.number, i.label, pa.amount_fen, 6 FROM payment pa"
  "  JOIN installment i ON i.id = pa.installment_id JOIN contract c ON c.id = i.contract_id WHERE c.project_id = ?1"
  " UNION ALL SELECT issued_date, 'work_order_issued', number, title, NULL, 4 FROM work_order WHERE project_id = ?1"
  " UNION ALL SELECT r.date, 'work_order_revision', w.number, r.reason, NULL, 5 FROM work_order_revision r"
  "  JOIN work_order w ON w.id = r.work_order_id WHERE w.project_id = ?1"
  " UNION ALL SELECT done_date, 'work_order_done', number, title, NULL, 5 FROM work_order"
  "  WHERE project_id = ?1 AND done_date IS NOT NULL"
  " UNION ALL SELECT o.order_date, 'supplier_order_placed', o.number, s.name, NULL, 4 FROM supplier_order o"
  "  JOIN supplier s ON s.id = o.supplier_id WHERE o.project_id = ?1"
  " UNION ALL SELECT o.delivered_date, 'supplier_order_delivered', o.number, s.name, NULL, 5 FROM supplier_order o"
  "  JOIN supplier s ON s.id = o.supplier_id WHERE o.project_id = ?1 AND o.delivered_date IS NOT NULL"
  " UNION ALL SELECT a.signed_date, 'acceptance_signed', a.number, a.result, NULL, 6 FROM acceptance a"
  "  JOIN supplier_order o ON o.id = a.supplier_order_id WHERE o.project_id = ?1 AND a.signed_date IS NOT NULL"
  " UNION ALL SELECT date, 'pickup_slip', number, received_by, NULL, 6 FROM pickup_slip WHERE project_id = ?1"
  ") ORDER BY date, o, number";

static gboolean
read_tables (CdStore *self, CdWorksheet *sheet, const char *today, GError **error)
{
  gint64 id = sheet->project->id;

  sheet->work_orders = collect (self, "SELECT w.id, w.number, w.title, w.department, a.name AS assignee,"
                                      " w.status, w.issued_date, w.due_date, w.done_date,"
                                      " (w.status NOT IN ('done', 'cancelled') AND w.due_date < ?2) AS overdue,"
                                      " (SELECT count(*) FROM work_order_revision r WHERE r.work_order_id = w.id)"
                                      " AS revisions, w.spent_minutes FROM work_order w"
                                      " LEFT JOIN staff a ON a.id = w.assignee_id WHERE w.project_id = ?1"
                                      " ORDER BY w.issued_date, w.id", id, today, NULL, NULL, error);
  if (sheet->work_orders == NULL)
    return FALSE;
  sheet->supplier_orders = collect (self, "SELECT o.id, o.number, s.name AS supplier, o.status, o.order_date,"
                                          " o.delivered_date, o.accepted_date,"
                                          " (SELECT coalesce (sum (amount_fen + tax_fen), 0) FROM supplier_order_line"
                                          "  WHERE order_id = o.id) AS total_fen,"
                                          " a.number AS acceptance_number, a.status AS acceptance_status,"
                                          " a.result AS acceptance_result FROM supplier_order o"
                                          " JOIN supplier s ON s.id = o.supplier_id"
                                          " LEFT JOIN acceptance a ON a.id = (SELECT max (id) FROM acceptance"
                                          "  WHERE supplier_order_id = o.id)"
                                          " WHERE o.project_id = ?1 ORDER BY o.order_date, o.id",
                                    id, NULL, NULL, NULL, error);
  if (sheet->supplier_orders == NULL)
    return FALSE;
  sheet->pickup_slips = collect (self, "SELECT id, number, date, received_by, status FROM pickup_slip"
                                       " WHERE project_id = ?1 ORDER BY date, id", id, NULL, NULL, NULL, error);
  if (sheet->pickup_slips == NULL)
    return FALSE;
  sheet->installments = collect (self, "SELECT i.id, c.number AS contract, i.seq, i.label, i.due_date, i.amount_fen,"
                                       " (SELECT coalesce (sum (amount_fen), 0) FROM payment WHERE installment_id = i.id)"
                                       " AS paid_fen FROM installment i JOIN contract c ON c.id = i.contract_id"
                                       " WHERE c.project_id = ?1 AND c." COUNTED_CONTRACT " ORDER BY i.due_date, c.id, i.seq",
                                 id, NULL, NULL, NULL, error);
  if (sheet->installments == NULL)
    return FALSE;
  sheet->payments = collect (self, "SELECT pa.id, c.number AS contract, i.label, pa.date, pa.amount_fen, pa.method,"
                                   " pa.reference FROM payment pa JOIN installment i ON i.id = pa.installment_id"
                                   " JOIN contract c ON c.id = i.contract_id WHERE c.project_id = ?1"
                                   " ORDER BY pa.date, pa.id", id, NULL, NULL, NULL, error);
  if (sheet->payments == NULL)
    return FALSE;
  sheet->timeline = collect (self, timeline_sql, id, NULL, NULL, NULL, error);
  return sheet->timeline != NULL;
}

static char *
today_text (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static CdWorksheet *
read_worksheet (CdStore *self, gint64 project_id, const char *today, GError **error)
{
  g_autoptr (CdWorksheet) sheet = g_new0 (CdWorksheet, 1);

  sheet->project = cd_store_project_get (self, project_id, error);
  if (sheet->project == NULL)
    return NULL;
  sheet->brief = cd_store_brief_get (self, project_id, error);
  if (sheet->brief == NULL)
    return NULL;
  sheet->missing = cd_brief_missing_fields (sheet->brief);
  if (!read_totals (self, sheet, error) || !read_tables (self, sheet, today, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

/**
 * cd_store_project_worksheet:
 * @today: (nullable): the day that decides what is overdue (today when NULL)
 *
 * Returns: (transfer full): the worksheet, read in one read transaction
 */
CdWorksheet *
cd_store_project_worksheet (CdStore *self, gint64 project_id, const char *today, GError **error)
{
  g_autofree char *day = today ? g_strdup (today) : today_text ();
  CdWorksheet *sheet;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  /* Holding the connection's lock throughout keeps this process's writers
   * out, so the totals and the tables agree with each other. */
  cd_store_lock (self);
  sheet = read_worksheet (self, project_id, day, error);
  cd_store_unlock (self);
  return sheet;
}

static void
worksheet_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  CdWorksheet *sheet = cd_store_project_worksheet (source, *(gint64 *) data, NULL, &error);

  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sheet, (GDestroyNotify) cd_worksheet_free);
}

void
cd_store_project_worksheet_async (CdStore *self, gint64 project_id, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  gint64 *id = g_new (gint64, 1);

  *id = project_id;
  g_task_set_source_tag (task, cd_store_project_worksheet_async);
  g_task_set_task_data (task, id, g_free);
  g_task_run_in_thread (task, worksheet_thread);
}

CdWorksheet *
cd_store_project_worksheet_finish (CdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Work sheet of one person                                           */

void
cd_work_sheet_free (CdWorkSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->staff_name);
  g_free (sheet->from);
  g_free (sheet->to);
  g_clear_pointer (&sheet->projects, g_variant_unref);
  g_clear_pointer (&sheet->work_orders, g_variant_unref);
  g_clear_pointer (&sheet->visits, g_variant_unref);
  g_clear_pointer (&sheet->quotes, g_variant_unref);
  g_free (sheet);
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
cd_work_sheet_period (const char *day, gboolean monthly, char **out_from, char **out_to)
{
  GDate date;

  if (day == NULL || !cd_docs_parse_date (day, &date))
    {
      g_autofree char *today = today_text ();

      cd_docs_parse_date (today, &date);
    }
  if (monthly)
    {
      g_date_set_day (&date, 1);
      *out_from = iso (&date);
      g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
      *out_to = iso (&date);
      return;
    }
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  *out_from = iso (&date);
  g_date_add_days (&date, 6);
  *out_to = iso (&date);
}

/* ?1 staff, ?2 from, ?3 to, ?4 the day overdue is measured against: the
 * day after the period, or today when the period is not over. */
#define OVERDUE_EXPR \
  "(w.status <> 'cancelled' AND w.due_date < ?4" \
  " AND (w.done_date IS NULL OR (w.done_date > w.due_date AND w.done_date >= ?2)))"

static const char sheet_orders_sql[] =
  "SELECT * FROM (SELECT w.id, w.number, w.title, p.number AS project, a.name AS assignee, w.status,"
  " w.issued_date, w.due_date, w.done_date,"
  " (w.issued_date BETWEEN ?2 AND ?3) AS issued,"
  " (w.status = 'done' AND w.done_date BETWEEN ?2 AND ?3) AS done,"
  " " OVERDUE_EXPR " AS overdue"
  " FROM project p JOIN work_order w ON w.project_id = p.id LEFT JOIN staff a ON a.id = w.assignee_id"
  " WHERE (p.am_id = ?1 OR p.ae_id = ?1) AND p.start_date <= ?3)"
  " WHERE issued OR done OR overdue ORDER BY issued_date, id";

static gboolean
count_orders (CdWorkSheet *sheet)
{
  GVariantIter iter;
  GVariant *row;

  g_variant_iter_init (&iter, sheet->work_orders);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint64 issued = 0, done = 0, overdue = 0;

      g_variant_lookup (row, "issued", "x", &issued);
      g_variant_lookup (row, "done", "x", &done);
      g_variant_lookup (row, "overdue", "x", &overdue);
      sheet->n_issued += issued != 0;
      sheet->n_done += done != 0;
      sheet->n_overdue += overdue != 0;
      g_variant_unref (row);
    }
  return TRUE;
}

static void
count_quotes (CdWorkSheet *sheet)
{
  GVariantIter iter;
  GVariant *row;

  sheet->n_quotes = g_variant_n_children (sheet->quotes);
  sheet->n_visits = g_variant_n_children (sheet->visits);
  g_variant_iter_init (&iter, sheet->quotes);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint64 fen = 0;

      g_variant_lookup (row, "total_fen", "x", &fen);
      sheet->quotes_fen += fen;
      g_variant_unref (row);
    }
}

static gboolean
read_work_sheet (CdStore *self, CdWorkSheet *sheet, const char *ref, GError **error)
{
  gint64 id = sheet->staff_id;
  const char *from = sheet->from, *to = sheet->to;

  sheet->projects = collect (self, "SELECT p.id, p.number, p.name, c.name AS client, p.status,"
                                   " CASE WHEN p.am_id = ?1 THEN 'am' ELSE 'ae' END AS role,"
                                   " p.start_date, p.due_date FROM project p JOIN client c ON c.id = p.client_id"
                                   " WHERE (p.am_id = ?1 OR p.ae_id = ?1) AND p.start_date <= ?3"
                                   " AND (p.status NOT IN ('closed', 'cancelled') OR coalesce (p.due_date, p.start_date) >= ?2)"
                                   " ORDER BY p.start_date, p.id", id, from, to, NULL, error);
  if (sheet->projects == NULL)
    return FALSE;
  sheet->work_orders = collect (self, sheet_orders_sql, id, from, to, ref, error);
  if (sheet->work_orders == NULL)
    return FALSE;
  sheet->visits = collect (self, "SELECT v.id, v.date, c.name AS client, v.topic, v.mode, v.special FROM visit v"
                                 " JOIN client c ON c.id = v.client_id WHERE v.staff_id = ?1"
                                 " AND v.date BETWEEN ?2 AND ?3 ORDER BY v.date, v.id", id, from, to, NULL, error);
  if (sheet->visits == NULL)
    return FALSE;
  sheet->quotes = collect (self, "SELECT q.id, q.number, q.version, c.name AS client, q.sent_date, q.total_fen"
                                 " FROM project p JOIN quote q ON q.project_id = p.id JOIN client c ON c.id = q.client_id"
                                 " WHERE (p.am_id = ?1 OR p.ae_id = ?1) AND q.sent_date BETWEEN ?2 AND ?3"
                                 " ORDER BY q.sent_date, q.id", id, from, to, NULL, error);
  if (sheet->quotes == NULL)
    return FALSE;
  count_orders (sheet);
  count_quotes (sheet);
  return TRUE;
}

static char *
staff_name (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT name FROM staff WHERE id = ?1", error);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = cd_docs_column_dup (stmt, 0);
  else
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no staff member with id %" PRId64 "."), id);
  sqlite3_reset (stmt);
  return name;
}

/**
 * cd_store_work_sheet:
 * @today: (nullable): what decides "overdue" while the period runs
 *
 * Overdue: not cancelled, due before the end of the period (or before
 * today while the period runs), and still open or done late within the
 * period.
 *
 * Returns: (transfer full): the person's work sheet for @from … @to
 */
CdWorkSheet *
cd_store_work_sheet (CdStore *self, gint64 staff_id, const char *from, const char *to, const char *today,
                     GError **error)
{
  g_autoptr (CdWorkSheet) sheet = g_new0 (CdWorkSheet, 1);
  g_autofree char *now = today ? g_strdup (today) : today_text ();
  g_autofree char *after = NULL;
  GDate end;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (from == NULL || to == NULL || !cd_docs_parse_date (to, &end) || !cd_docs_parse_date (from, &end)
      || strcmp (from, to) > 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("The period must run from one day to a later one."));
      return NULL;
    }
  cd_docs_parse_date (to, &end);
  g_date_add_days (&end, 1);
  after = iso (&end);
  sheet->staff_id = staff_id;
  sheet->from = g_strdup (from);
  sheet->to = g_strdup (to);
  cd_store_lock (self);
  sheet->staff_name = staff_name (self, staff_id, error);
  ok = sheet->staff_name != NULL
       && read_work_sheet (self, sheet, strcmp (now, after) < 0 ? now : after, error);
  cd_store_unlock (self);
  return ok ? g_steal_pointer (&sheet) : NULL;
}
