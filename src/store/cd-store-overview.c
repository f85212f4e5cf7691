/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summaries of the window's Today, Finance and Insights views. Every
 * statement is a literal with bound parameters: ?1 is the day (or month)
 * the summary is for, ?2 the row limit (-1: all). */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>
#include <time.h>

#include "store/cd-store-overview.h"
#include "store/cd-store-docs-private.h"

#define OPEN_WORK_ORDER "('issued', 'in_progress', 'in_review')"
#define BILLED_CONTRACT "('signed', 'executing', 'completed')"

static const char overdue_sql[] =
  "SELECT w.id, w.number, w.title, w.status, p.number AS project, c.name AS client,"
  " s.name AS assignee, w.due_date,"
  " CAST (julianday (?1) - julianday (w.due_date) AS INTEGER) AS days_overdue"
  " FROM work_order w JOIN project p ON p.id = w.project_id"
  " JOIN client c ON c.id = p.client_id LEFT JOIN staff s ON s.id = w.assignee_id"
  " WHERE w.status IN " OPEN_WORK_ORDER " AND w.due_date < ?1"
  " ORDER BY w.due_date, w.id LIMIT ?2";

/* What is still owed per installment as of ?1: payments dated by then and,
 * through CD_DOCS_REDUCED_CTE (?9 bound to the same day), what the
 * reductions signed by then take off it, as cd_store_receivables () counts. */
static const char receivables_sql[] =
  CD_DOCS_REDUCED_CTE
  "SELECT id, number, client, label, status, due_date, days_overdue, amount_fen,"
  " received_fen, reduced_fen, amount_fen - received_fen - reduced_fen AS outstanding_fen FROM ("
  "  SELECT i.id, k.number, c.name AS client, i.label, i.due_date, i.amount_fen,"
  "  CASE WHEN i.due_date < ?1 THEN 'overdue' ELSE 'not_due' END AS status,"
  "  max (0, CAST (julianday (?1) - julianday (i.due_date) AS INTEGER)) AS days_overdue,"
  "  (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y"
  "    WHERE y.installment_id = i.id AND y.date <= ?1) AS received_fen,"
  "  coalesce (d.fen, 0) AS reduced_fen"
  "  FROM installment i JOIN contract k ON k.id = i.contract_id"
  "  JOIN client c ON c.id = k.client_id"
  "  LEFT JOIN reduced d ON d.installment_id = i.id"
  "  WHERE k.status IN " BILLED_CONTRACT ")"
  " WHERE amount_fen > received_fen + reduced_fen"
  " ORDER BY due_date, id LIMIT ?2";

/* The signed change a contract row brings to what was contracted: a
 * contract its amount; an amendment with installments what it adds; one
 * without (a reduction, or terms only at 0) minus what it takes off. Each
 * amendment holds only its change (cd-store-contracts.h), so all count. */
#define CONTRACTED_FEN(k)                                                      \
  "CASE WHEN " k ".amends_id IS NULL OR EXISTS (SELECT 1 FROM installment x"   \
  " WHERE x.contract_id = " k ".id) THEN " k ".amount_fen ELSE -" k ".amount_fen END"

/* ?1 first month "YYYY-MM", ?3 its first day, ?4 the first day after the
 * last month. Grouped sums joined to a generated list of the twelve months,
 * so that a month without business still shows, as zero. Contracts count in
 * the month they were signed, amendments in theirs, a reduction negative. */
static const char revenue_sql[] =
  "WITH RECURSIVE months (m, i) AS ("
  "  SELECT ?1, 1"
  "  UNION ALL SELECT strftime ('%Y-%m', m || '-01', '+1 month'), i + 1 FROM months WHERE i < 12),"
  " signed (m, s) AS ("
  "  SELECT substr (k.signed_date, 1, 7), sum (" CONTRACTED_FEN ("k") ") FROM contract k"
  "  WHERE k.signed_date >= ?3 AND k.signed_date < ?4 AND k.status <> 'draft'"
  "  GROUP BY 1),"
  " paid (m, s) AS ("
  "  SELECT substr (date, 1, 7), sum (amount_fen) FROM payment"
  "  WHERE date >= ?3 AND date < ?4 GROUP BY 1)"
  " SELECT months.i AS id, months.m AS month, coalesce (signed.s, 0) AS contracted_fen,"
  " coalesce (paid.s, 0) AS collected_fen"
  " FROM months LEFT JOIN signed ON signed.m = months.m LEFT JOIN paid ON paid.m = months.m"
  " ORDER BY months.i";

static const char staff_sql[] =
  "SELECT id, name, role, department FROM staff WHERE active = 1"
  " ORDER BY name, id LIMIT ?2";

static const char *
overview_sql (CdOverview what)
{
  switch (what)
    {
    case CD_OVERVIEW_OVERDUE_WORK_ORDERS:
      return overdue_sql;
    case CD_OVERVIEW_RECEIVABLES:
      return receivables_sql;
    case CD_OVERVIEW_MONTHLY_REVENUE:
      return revenue_sql;
    case CD_OVERVIEW_ACTIVE_STAFF:
      return staff_sql;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
resolve_today (const GDate *today,
               GDate       *out)
{
  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

static char *
iso_day (int year,
         int month,
         int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The twelve months ending with @today's: ?1, ?3 and ?4 of revenue_sql. */
static void
bind_months (sqlite3_stmt *stmt,
             const GDate  *today)
{
  int year = g_date_get_year (today);
  int month = g_date_get_month (today);
  int first_year = month == 12 ? year : year - 1;
  int first_month = month == 12 ? 1 : month + 1;
  int next_year = month == 12 ? year + 1 : year;
  int next_month = month == 12 ? 1 : month + 1;
  g_autofree char *first = g_strdup_printf ("%04d-%02d", first_year, first_month);
  g_autofree char *first_day = iso_day (first_year, first_month, 1);
  g_autofree char *next_day = iso_day (next_year, next_month, 1);

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, next_day, -1, SQLITE_TRANSIENT);
}

static GVariant *
run_overview (CdStore     *self,
              CdOverview   what,
              const GDate *today,
              guint        limit,
              GError     **error)
{
  GVariantBuilder rows;
  sqlite3_stmt *stmt;
  GDate day;
  g_autofree char *iso = NULL;
  int rc;

  stmt = cd_store_prepare (self, overview_sql (what), error);
  if (stmt == NULL)
    return NULL;

  resolve_today (today, &day);
  if (what == CD_OVERVIEW_MONTHLY_REVENUE)
    bind_months (stmt, &day);
  else
    {
      iso = iso_day (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
      /* Reductions (CD_DOCS_REDUCED_CTE) as of the same day. */
      if (sqlite3_bind_parameter_count (stmt) >= 9)
        sqlite3_bind_text (stmt, 9, iso, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&rows, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&rows);
      cd_store_set_error (self, error, rc, _("reading a summary"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

GVariant *
cd_store_overview (CdStore      *self,
                   CdOverview    what,
                   const GDate  *today,
                   guint         limit,
                   GError      **error)
{
  GVariant *rows;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (what <= CD_OVERVIEW_ACTIVE_STAFF, NULL);

  cd_store_lock (self);
  rows = run_overview (self, what, today, limit, error);
  cd_store_unlock (self);
  return rows;
}

typedef struct
{
  CdOverview what;
  GDate      today;
  guint      limit;
} OverviewArgs;

static void
overview_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OverviewArgs *args = task_data;
  GError *error = NULL;
  GVariant *rows;

  if (g_task_return_error_if_cancelled (task))
    return;
  rows = cd_store_overview (CD_STORE (source_object), args->what,
                            g_date_valid (&args->today) ? &args->today : NULL,
                            args->limit, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

void
cd_store_overview_async (CdStore             *self,
                         CdOverview           what,
                         const GDate         *today,
                         guint                limit,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OverviewArgs *args;

  g_return_if_fail (CD_IS_STORE (self));

  args = g_new0 (OverviewArgs, 1);
  args->what = what;
  args->limit = limit;
  g_date_clear (&args->today, 1);
  if (today != NULL && g_date_valid (today))
    args->today = *today;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_overview_async);
  g_task_set_task_data (task, args, g_free);
  g_task_run_in_thread (task, overview_thread);
}

/**
 * cd_store_overview_finish:
 *
 * Returns: (transfer full): rows of type aa{sv}, or %NULL with @error set
 */
GVariant *
cd_store_overview_finish (CdStore       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
