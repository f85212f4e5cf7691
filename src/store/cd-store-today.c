/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Today view's sections (issue 9). Every statement is a literal with
 * bound parameters: ?1 the day "YYYY-MM-DD", ?2 the scope (0 mine, 1 team,
 * 2 everyone), ?3 the staff member, ?4 the row limit, ?5 the "unanswered
 * quote" days. A window count gives each section's total with its page. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "store/cd-store-meetings.h"
#include "store/cd-store-plans.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-today.h"

/* The people whose records count: the staff member, and for the team scope
 * those they lead, their own lead and the lead's other reports. */
#define TEAM_CTE                                                                    \
  "team (id) AS (SELECT ?3 UNION"                                                   \
  " SELECT t.id FROM staff t JOIN staff m ON m.id = ?3 WHERE ?2 = 1"                \
  " AND (t.lead_id = m.id OR (m.lead_id IS NOT NULL"                                \
  " AND (t.lead_id = m.lead_id OR t.id = m.lead_id))))"
#define TEAM "WITH " TEAM_CTE " "
#define SCOPE(expr) " AND (?2 = 2 OR " expr ")"
#define OPEN_WORK_ORDER "('issued', 'in_progress', 'in_review')"
#define BILLED_CONTRACT "('signed', 'executing')"
#define TOTAL " count (*) OVER () AS total"

#define WORK_ORDER_SELECT                                                           \
  TEAM "SELECT w.id, w.number, w.title, p.number || ' · ' || c.name"                \
  " || coalesce (' · ' || s.name, '') AS detail, w.due_date AS date,"               \
  " 'work-order' AS open_kind, w.id AS open_id," TOTAL                              \
  " FROM work_order w JOIN project p ON p.id = w.project_id"                        \
  " JOIN client c ON c.id = p.client_id LEFT JOIN staff s ON s.id = w.assignee_id"  \
  " WHERE w.status IN " OPEN_WORK_ORDER                                             \
  SCOPE ("w.assignee_id IN team OR w.issued_by IN team OR p.am_id IN team")

#define SUPPLIER_ORDER_SELECT(date_col)                                             \
  TEAM "SELECT o.id, o.number, o.number || ' · ' || u.name AS title,"               \
  " p.number || ' · ' || p.name AS detail, " date_col " AS date,"                   \
  " 'supplier-order' AS open_kind, o.id AS open_id," TOTAL                          \
  " FROM supplier_order o JOIN supplier u ON u.id = o.supplier_id"                  \
  " JOIN project p ON p.id = o.project_id"                                          \
  " WHERE 1" SCOPE ("p.am_id IN team OR p.ae_id IN team")

/* What is still owed on an installment on day ?1: less the payments dated
 * by then and what the reductions signed by then take off it
 * (CD_DOCS_REDUCED_CTE, ?9 bound to the same day), as the receivables. */
#define INSTALLMENT_SELECT                                                          \
  CD_DOCS_REDUCED_CTE ", " TEAM_CTE ", due AS (SELECT i.id, k.number,"             \
  " k.number || ' · ' || i.label AS title,"                                         \
  " c.name AS detail, i.due_date AS date, 'contract' AS open_kind,"                 \
  " k.id AS open_id, i.amount_fen - (SELECT coalesce (sum (y.amount_fen), 0)"       \
  "   FROM payment y WHERE y.installment_id = i.id AND y.date <= ?1)"               \
  "  - coalesce (d.fen, 0) AS amount_fen"                                           \
  " FROM installment i JOIN contract k ON k.id = i.contract_id"                     \
  " JOIN client c ON c.id = k.client_id JOIN project p ON p.id = k.project_id"      \
  " LEFT JOIN reduced d ON d.installment_id = i.id"                                 \
  " WHERE k.status IN " BILLED_CONTRACT                                             \
  SCOPE ("p.am_id IN team OR p.ae_id IN team")

static const char *const section_sql[CD_TODAY_N_SECTIONS] = {
  [CD_TODAY_WORK_ORDERS_OVERDUE] =
    WORK_ORDER_SELECT " AND w.due_date < ?1 ORDER BY w.due_date, w.id LIMIT ?4",
  [CD_TODAY_WORK_ORDERS_THIS_WEEK] =
    WORK_ORDER_SELECT " AND w.due_date >= ?1 AND w.due_date <= date (?1, 'weekday 0')"
    " ORDER BY w.due_date, w.id LIMIT ?4",
  [CD_TODAY_DELIVERIES_DUE] =
    SUPPLIER_ORDER_SELECT ("o.promised_date")
    " AND o.status = 'ordered' AND o.promised_date <= date (?1, '+7 days')"
    " ORDER BY o.promised_date, o.id LIMIT ?4",
  [CD_TODAY_AWAITING_ACCEPTANCE] =
    SUPPLIER_ORDER_SELECT ("o.delivered_date")
    " AND o.status = 'delivered' ORDER BY o.delivered_date, o.id LIMIT ?4",
  [CD_TODAY_INSTALLMENTS_OVERDUE] =
    INSTALLMENT_SELECT " AND i.due_date < ?1)"
    " SELECT *," TOTAL " FROM due WHERE amount_fen > 0"
    " ORDER BY date, id LIMIT ?4",
  [CD_TODAY_INSTALLMENTS_DUE] =
    INSTALLMENT_SELECT " AND i.due_date >= ?1 AND i.due_date <= date (?1, '+7 days'))"
    " SELECT *," TOTAL " FROM due WHERE amount_fen > 0"
    " ORDER BY date, id LIMIT ?4",
  [CD_TODAY_CONTRACTS_ENDING] =
    TEAM "SELECT k.id, k.number, k.number || ' · ' || k.subject AS title,"
    " c.name AS detail, k.end_date AS date, 'contract' AS open_kind,"
    " k.id AS open_id, k.amount_fen," TOTAL
    " FROM contract k JOIN client c ON c.id = k.client_id"
    " JOIN project p ON p.id = k.project_id"
    " WHERE k.status IN " BILLED_CONTRACT
    " AND k.end_date >= ?1 AND k.end_date <= date (?1, '+30 days')"
    SCOPE ("p.am_id IN team OR p.ae_id IN team")
    " ORDER BY k.end_date, k.id LIMIT ?4",
  [CD_TODAY_QUOTES_UNANSWERED] =
    TEAM "SELECT q.id, q.number, q.number || ' v' || q.version || ' · ' || p.name AS title,"
    " c.name AS detail, q.sent_date AS date, 'quote' AS open_kind, q.id AS open_id,"
    " q.total_fen AS amount_fen," TOTAL
    " FROM quote q JOIN project p ON p.id = q.project_id JOIN client c ON c.id = q.client_id"
    " WHERE q.status = 'sent' AND q.sent_date <= date (?1, printf ('-%d days', ?5))"
    SCOPE ("p.am_id IN team OR p.ae_id IN team")
    " ORDER BY q.sent_date, q.id LIMIT ?4",
  /* A client never visited counts from the day it was added. */
  [CD_TODAY_VISITS_DUE] =
    TEAM "SELECT id, number, title, detail, date, 'client' AS open_kind, id AS open_id,"
    " last_visit, cycle_days," TOTAL " FROM (SELECT id, number, title, detail, last_visit,"
    " cycle_days, date (coalesce (last_visit, created_on), printf ('+%d days', cycle_days)) AS date"
    " FROM (SELECT c.id, c.name AS number, c.name AS title, t.label AS detail, c.created_on,"
    " t.visit_cycle_days AS cycle_days, (SELECT max (v.date) FROM visit v"
    "   WHERE v.client_id = c.id AND v.date <= ?1) AS last_visit"
    " FROM client c JOIN tier t ON t.code = c.tier"
    " WHERE c.status = 'active'" SCOPE ("c.owner_id IN team OR c.ae_id IN team") "))"
    " WHERE date <= ?1 ORDER BY date, id LIMIT ?4",
  [CD_TODAY_COMPLAINTS_OPEN] =
    TEAM "SELECT f.id, c.name AS number, f.summary AS title, c.name AS detail,"
    " f.date, 'client' AS open_kind, c.id AS open_id," TOTAL
    " FROM feedback f JOIN client c ON c.id = f.client_id"
    " WHERE f.kind = 'complaint' AND f.status = 'open' AND f.date <= ?1"
    SCOPE ("f.owner_id IN team OR c.owner_id IN team")
    " ORDER BY f.date, f.id LIMIT ?4",
  /* Computed from the meetings and plans API with the holiday calendar. */
  [CD_TODAY_MEETINGS_WITHOUT_NOTICE] = NULL,
  [CD_TODAY_VISIT_PLANS_DUE] = NULL,
};

/* The people of a scope (the staff member alone, their team), and for the
 * visit plans everyone who plans visits. */
static const char team_sql[] = TEAM "SELECT id FROM team";
static const char planners_sql[] =
  TEAM "SELECT s.id, s.name FROM staff s WHERE s.active = 1"
  " AND s.role IN ('account_manager', 'account_executive')" SCOPE ("s.id IN team")
  " ORDER BY s.name, s.id";

typedef struct
{
  CdTodayScope       scope;
  gint64             staff_id;
  GDate              today;
  CdHolidayCalendar *calendar;
  guint              limit;
} TodayArgs;

static void
today_args_free (TodayArgs *args)
{
  g_clear_pointer (&args->calendar, cd_holiday_calendar_unref);
  g_free (args);
}

static void
format_day (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

int
cd_store_today_unanswered_days (CdStore *self)
{
  g_autofree char *text = cd_store_get_setting (self, CD_TODAY_UNANSWERED_KEY);
  guint64 days = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 365, &days, NULL))
    return CD_TODAY_UNANSWERED_DEFAULT;
  return (int) days;
}

/* Steps @stmt to its end; the caller holds the lock. */
static GVariant *
collect_rows (CdStore      *self,
              sqlite3_stmt *stmt,
              gint64       *out_total,
              GError      **error)
{
  GVariantBuilder rows;
  gint64 total = 0;
  int rc;

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      total = sqlite3_column_int64 (stmt, sqlite3_column_count (stmt) - 1);
      g_variant_builder_add_value (&rows, cd_store_row_to_variant (stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&rows);
      cd_store_set_error (self, error, rc, _("reading what is due today"));
      return NULL;
    }
  if (out_total != NULL)
    *out_total = total;
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

static GVariant *computed_section (CdStore *self, CdTodaySection section, CdTodayScope scope,
                                  gint64 staff_id, const char *day, const GDate *today,
                                  CdHolidayCalendar *calendar, guint limit, gint64 *out_total,
                                  GError **error);

GVariant *
cd_store_today_section (CdStore        *self,
                        CdTodaySection  section,
                        CdTodayScope    scope,
                        gint64          staff_id,
                        const GDate    *today,
                        guint           limit,
                        gint64         *out_total,
                        GError        **error)
{
  return cd_store_today_section_full (self, section, scope, staff_id, today, NULL, limit,
                                      out_total, error);
}

GVariant *
cd_store_today_section_full (CdStore           *self,
                             CdTodaySection     section,
                             CdTodayScope       scope,
                             gint64             staff_id,
                             const GDate       *today,
                             CdHolidayCalendar *calendar,
                             guint              limit,
                             gint64            *out_total,
                             GError           **error)
{
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;
  char day[11];

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (section < CD_TODAY_N_SECTIONS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  format_day (today, day);
  if (section_sql[section] == NULL)
    return computed_section (self, section, scope, staff_id, day, today, calendar, limit,
                             out_total, error);
  cd_store_lock (self);
  stmt = cd_store_prepare (self, section_sql[section], error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, scope);
      sqlite3_bind_int64 (stmt, 3, staff_id);
      sqlite3_bind_int64 (stmt, 4, limit);
      if (sqlite3_bind_parameter_count (stmt) >= 5)
        sqlite3_bind_int (stmt, 5, cd_store_today_unanswered_days (self));
      /* The installments' reductions (CD_DOCS_REDUCED_CTE) as of the day. */
      if (sqlite3_bind_parameter_count (stmt) >= 9)
        sqlite3_bind_text (stmt, 9, day, -1, SQLITE_TRANSIENT);
      rows = collect_rows (self, stmt, out_total, error);
    }
  cd_store_unlock (self);
  return rows;
}

static void
today_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CdStore *self = source_object;
  TodayArgs *args = task_data;
  GVariantBuilder sections;

  g_variant_builder_init (&sections, G_VARIANT_TYPE ("a(xaa{sv})"));
  for (guint i = 0; i < CD_TODAY_N_SECTIONS; i++)
    {
      g_autoptr(GVariant) rows = NULL;
      g_autoptr(GError) error = NULL;
      gint64 total = 0;

      if (g_task_return_error_if_cancelled (task))
        {
          g_variant_builder_clear (&sections);
          return;
        }
      rows = cd_store_today_section_full (self, i, args->scope, args->staff_id, &args->today,
                                          args->calendar, args->limit, &total, &error);
      if (rows == NULL)
        {
          g_variant_builder_clear (&sections);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_variant_builder_add (&sections, "(x@aa{sv})", total, rows);
    }
  g_task_return_pointer (task, g_variant_ref_sink (g_variant_builder_end (&sections)),
                         (GDestroyNotify) g_variant_unref);
}

void
cd_store_today_async (CdStore            *self,
                      CdTodayScope        scope,
                      gint64              staff_id,
                      const GDate        *today,
                      guint               limit,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  cd_store_today_async_full (self, scope, staff_id, today, NULL, limit, cancellable, callback,
                             user_data);
}

void
cd_store_today_async_full (CdStore            *self,
                           CdTodayScope        scope,
                           gint64              staff_id,
                           const GDate        *today,
                           CdHolidayCalendar  *calendar,
                           guint               limit,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  TodayArgs *args;

  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  args = g_new0 (TodayArgs, 1);
  args->scope = scope;
  args->staff_id = staff_id;
  args->today = *today;
  args->calendar = calendar != NULL ? cd_holiday_calendar_ref (calendar) : NULL;
  args->limit = limit;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_today_async);
  g_task_set_task_data (task, args, (GDestroyNotify) today_args_free);
  g_task_run_in_thread (task, today_thread);
}

GVariant *
cd_store_today_finish (CdStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
cd_store_deadline_rule (CdStore     *self,
                        const char  *code,
                        int         *out_day,
                        gboolean    *out_quarterly,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL && out_day != NULL, FALSE);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT day_of_month, months FROM deadline_rule WHERE code = ?1", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *out_day = sqlite3_column_int (stmt, 0);
      if (out_quarterly != NULL)
        *out_quarterly = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "quarterly") == 0;
    }
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (!found)
    /* Translators: %s is a deadline rule's code such as "visit-plan" */
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no deadline rule “%s”."), code);
  return found;
}

/* Rows of (text, int, text) or (text, text, int), by @type. */
static GVariant *
read_triples (CdStore     *self,
              const char  *sql,
              gboolean     int_last,
              GError     **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (int_last ? "a(ssi)" : "a(sis)"));
  cd_store_lock (self);
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      g_variant_builder_clear (&builder);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *a = (const char *) sqlite3_column_text (stmt, 0);

      if (int_last)
        g_variant_builder_add (&builder, "(ssi)", a, (const char *) sqlite3_column_text (stmt, 1),
                               sqlite3_column_int (stmt, 2));
      else
        g_variant_builder_add (&builder, "(sis)", a, sqlite3_column_int (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      cd_store_set_error (self, error, rc, _("reading the deadline rules"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

GVariant *
cd_store_deadline_rules (CdStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return read_triples (self, "SELECT code, day_of_month, months FROM deadline_rule ORDER BY code",
                       FALSE, error);
}

GVariant *
cd_store_tiers (CdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return read_triples (self, "SELECT code, label, visit_cycle_days FROM tier ORDER BY position, code",
                       TRUE, error);
}

/* One UPDATE of one row by its code, in its own transaction. */
static gboolean
update_by_code (CdStore    *self,
                const char *sql,
                const char *code,
                int         value,
                GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  cd_store_lock (self);
  if (!cd_store_begin (self, error))
    goto out;
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      cd_store_rollback (self);
      goto out;
    }
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("saving a rule"));
      cd_store_rollback (self);
      goto out;
    }
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      cd_store_rollback (self);
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no rule “%s”."), code);
      goto out;
    }
  ok = cd_store_commit (self, error);
out:
  cd_store_unlock (self);
  return ok;
}

gboolean
cd_store_set_deadline_day (CdStore     *self,
                           const char  *code,
                           int          day,
                           GError     **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (day < 1 || day > 31)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A deadline's day must be from 1 to 31."));
      return FALSE;
    }
  return update_by_code (self, "UPDATE deadline_rule SET day_of_month = ?2 WHERE code = ?1",
                         code, day, error);
}

gboolean
cd_store_set_tier_cycle (CdStore     *self,
                         const char  *code,
                         int          days,
                         GError     **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (days < 1 || days > 3650)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A visit cycle must be from 1 to 3650 days."));
      return FALSE;
    }
  return update_by_code (self, "UPDATE tier SET visit_cycle_days = ?2 WHERE code = ?1",
                         code, days, error);
}

GVariant *
cd_store_quotable_projects (CdStore     *self,
                            const char  *search,
                            guint        limit,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (search != NULL && search[0] == '\0')
    search = NULL;
  cd_store_lock (self);
  stmt = cd_store_prepare (self,
                           "SELECT p.id, p.number, p.name, c.name AS client, 0 AS total"
                           " FROM project p JOIN client c ON c.id = p.client_id"
                           " WHERE p.status IN ('brief', 'quoting')"
                           " AND (?1 IS NULL OR instr (p.number || ' ' || p.name || ' ' || c.name, ?1) > 0)"
                           " ORDER BY p.id DESC LIMIT ?2", error);
  if (stmt != NULL)
    {
      if (search != NULL)
        sqlite3_bind_text (stmt, 1, search, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, limit);
      rows = collect_rows (self, stmt, NULL, error);
    }
  cd_store_unlock (self);
  return rows;
}

void
cd_paper_due_free (CdPaperDue *paper)
{
  if (paper == NULL)
    return;
  g_free (paper->code);
  g_free (paper->period);
  g_free (paper);
}

static int
compare_papers (gconstpointer a,
                gconstpointer b)
{
  const CdPaperDue *pa = *(CdPaperDue * const *) a;
  const CdPaperDue *pb = *(CdPaperDue * const *) b;
  int by_date = g_date_compare (&pa->due, &pb->due);

  return by_date != 0 ? by_date : g_strcmp0 (pa->code, pb->code);
}

static CdPaperDue *
paper_for_month (CdStore           *self,
                 CdHolidayCalendar *calendar,
                 const char        *code,
                 int                day,
                 int                year,
                 int                month)
{
  CdPaperDue *paper = g_new0 (CdPaperDue, 1);
  int last = g_date_get_days_in_month (month, year);

  paper->code = g_strdup (code);
  paper->period = g_strdup_printf ("%04d-%02d", year, month);
  g_date_clear (&paper->nominal, 1);
  /* A rule of the 31st in a short month falls on its last day. */
  g_date_set_dmy (&paper->nominal, MIN (day, last), month, year);
  paper->checked = calendar != NULL
                   && cd_deadline_for_month (calendar, year, month, MIN (day, last), &paper->due, NULL);
  if (!paper->checked)
    paper->due = paper->nominal;
  paper->done = cd_store_paper_get_done (self, code, paper->period);
  return paper;
}

GPtrArray *
cd_store_today_papers (CdStore           *self,
                       CdHolidayCalendar *calendar,
                       const GDate       *today,
                       GError           **error)
{
  g_autoptr(GVariant) rules = NULL;
  g_autoptr(GPtrArray) papers = NULL;
  GVariantIter iter;
  const char *code, *months;
  int day, year, month;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  rules = cd_store_deadline_rules (self, error);
  if (rules == NULL)
    return NULL;
  year = g_date_get_year (today);
  month = g_date_get_month (today);
  papers = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_paper_due_free);
  g_variant_iter_init (&iter, rules);
  while (g_variant_iter_next (&iter, "(&si&s)", &code, &day, &months))
    {
      if (g_str_equal (months, "quarterly") && (month - 1) % 3 != 0)
        continue;
      g_ptr_array_add (papers, paper_for_month (self, calendar, code, day, year, month));
    }
  g_ptr_array_sort (papers, compare_papers);
  return g_steal_pointer (&papers);
}

static char *
done_key (const char *code,
          const char *period)
{
  return g_strdup_printf ("deadline-done.%s.%s", code, period);
}

gboolean
cd_store_paper_get_done (CdStore    *self,
                         const char *code,
                         const char *period)
{
  g_autofree char *key = done_key (code, period);
  g_autofree char *value = cd_store_get_setting (self, key);

  return g_strcmp0 (value, "1") == 0;
}

gboolean
cd_store_paper_set_done (CdStore     *self,
                         const char  *code,
                         const char  *period,
                         gboolean     done,
                         GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL && period != NULL, FALSE);

  key = done_key (code, period);
  return cd_store_set_setting (self, key, done ? "1" : "0", error);
}

gboolean
cd_store_paper_mark_notified (CdStore     *self,
                              const char  *code,
                              const GDate *day)
{
  g_autofree char *key = g_strdup_printf ("deadline-notified.%s", code);
  g_autofree char *last = cd_store_get_setting (self, key);
  char text[11];

  format_day (day, text);
  if (g_strcmp0 (last, text) == 0)
    return FALSE;
  return cd_store_set_setting (self, key, text, NULL);
}

/* ------------------------------------------------------------------ */
/* Sections computed through the meetings and plans API (issue 12)     */

/* The ids of @scope's people; %NULL for everyone. */
static GHashTable *
scope_people (CdStore *self, CdTodayScope scope, gint64 staff_id, GError **error)
{
  g_autoptr(GHashTable) people = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  if (scope == CD_TODAY_SCOPE_EVERYONE)
    return NULL;
  people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  cd_store_lock (self);
  stmt = cd_store_prepare (self, team_sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 2, scope);
      sqlite3_bind_int64 (stmt, 3, staff_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_hash_table_add (people, g_memdup2 (&id, sizeof id));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        cd_store_set_error (self, error, rc, _("reading what is due today"));
    }
  cd_store_unlock (self);
  /* An empty set (an unknown staff member) still means "nobody". */
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&people) : NULL;
}

static gboolean
has_person (GHashTable *people, gint64 id)
{
  return g_hash_table_contains (people, &id);
}

/* Whether the meeting is the work of one of @people: made by them or
 * attended by them. */
static gboolean
meeting_in_scope (CdStore *self, GVariant *meeting, GHashTable *people)
{
  g_autoptr(GVariant) attendees = NULL;
  gint64 id = 0, creator = 0;
  GVariantIter iter;
  GVariant *a;
  gboolean found = FALSE;

  if (people == NULL)
    return TRUE;
  g_variant_lookup (meeting, "created_by", "x", &creator);
  if (has_person (people, creator))
    return TRUE;
  g_variant_lookup (meeting, "id", "x", &id);
  attendees = cd_store_meeting_attendees (self, id, NULL);
  if (attendees == NULL)
    return FALSE;
  g_variant_iter_init (&iter, attendees);
  while (!found && (a = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *kind = "";
      gint64 ref = 0;

      g_variant_lookup (a, "kind", "&s", &kind);
      g_variant_lookup (a, "ref_id", "x", &ref);
      found = g_str_equal (kind, "staff") && has_person (people, ref);
      g_variant_unref (a);
    }
  return found;
}

static GVariant *
meeting_row (GVariant *meeting)
{
  const char *number = "", *title = "", *starts = "", *client = "";
  gint64 id = 0;
  GVariantDict row;
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;

  g_variant_lookup (meeting, "id", "x", &id);
  g_variant_lookup (meeting, "number", "&s", &number);
  g_variant_lookup (meeting, "title", "&s", &title);
  g_variant_lookup (meeting, "starts_at", "&s", &starts);
  g_variant_lookup (meeting, "client_name", "&s", &client);
  date = g_strndup (starts, 10);
  /* "华东日化 · 09:30 · MT202611-0007" */
  detail = g_strdup_printf ("%s%s%s · %s", client, client[0] ? " · " : "",
                            strlen (starts) >= 16 ? starts + 11 : "", number);
  g_variant_dict_init (&row, NULL);
  g_variant_dict_insert (&row, "id", "x", id);
  g_variant_dict_insert (&row, "number", "s", number);
  g_variant_dict_insert (&row, "title", "s", title);
  g_variant_dict_insert (&row, "detail", "s", detail);
  g_variant_dict_insert (&row, "date", "s", date);
  g_variant_dict_insert (&row, "starts_at", "s", starts);
  g_variant_dict_insert (&row, "open_kind", "s", "meeting");
  g_variant_dict_insert (&row, "open_id", "x", id);
  return g_variant_dict_end (&row);
}

static GVariant *
meetings_section (CdStore *self, CdTodayScope scope, gint64 staff_id, const char *day,
                  CdHolidayCalendar *calendar, guint limit, gint64 *out_total, GError **error)
{
  g_autoptr(GVariant) meetings = NULL;
  g_autoptr(GHashTable) people = NULL;
  GVariantBuilder rows;
  GVariantIter iter;
  GVariant *meeting;
  GError *local = NULL;
  gint64 total = 0;

  people = scope_people (self, scope, staff_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  meetings = cd_store_meetings_without_notice (self, day, CD_TODAY_NOTICE_WORKING_DAYS, calendar, error);
  if (meetings == NULL)
    return NULL;
  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, meetings);
  while ((meeting = g_variant_iter_next_value (&iter)) != NULL)
    {
      if (meeting_in_scope (self, meeting, people) && total++ < limit)
        g_variant_builder_add_value (&rows, meeting_row (meeting));
      g_variant_unref (meeting);
    }
  if (out_total != NULL)
    *out_total = total;
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

/* The people who plan visits, in @scope, as (id, name) pairs. */
static GVariant *
planners (CdStore *self, CdTodayScope scope, gint64 staff_id, GError **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xs)"));
  cd_store_lock (self);
  stmt = cd_store_prepare (self, planners_sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 2, scope);
      sqlite3_bind_int64 (stmt, 3, staff_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_variant_builder_add (&builder, "(xs)", sqlite3_column_int64 (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        cd_store_set_error (self, error, rc, _("reading what is due today"));
    }
  cd_store_unlock (self);
  if (stmt == NULL || rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* Next month's plan of each planner: staff id → a{sv} of the plan. */
static GHashTable *
next_month_plans (CdStore *self, const char *start, GError **error)
{
  g_autoptr(GVariant) plans = cd_store_visit_plans_list (self, CD_PLAN_PERIOD_MONTH, start, start, 0, error);
  GHashTable *by_staff;
  GVariantIter iter;
  GVariant *plan;

  if (plans == NULL)
    return NULL;
  by_staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_variant_unref);
  g_variant_iter_init (&iter, plans);
  while ((plan = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint64 staff = 0;

      g_variant_lookup (plan, "staff_id", "x", &staff);
      g_hash_table_insert (by_staff, g_memdup2 (&staff, sizeof staff), plan);
    }
  return by_staff;
}

static GVariant *
plan_row (gint64 staff_id, const char *name, GVariant *plan, const char *start, const char *due)
{
  const char *status = "";
  gint64 plan_id = 0, entries = 0;
  g_autofree char *month = g_strndup (start, 7);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  GVariantDict row;

  if (plan != NULL)
    {
      g_variant_lookup (plan, "id", "x", &plan_id);
      g_variant_lookup (plan, "status", "&s", &status);
      g_variant_lookup (plan, "n_entries", "x", &entries);
    }
  /* Translators: a person's visit plan for a month ("2026-03") */
  title = g_strdup_printf (_("%s: visit plan for %s"), name, month);
  if (plan_id == 0)
    detail = g_strdup (_("Not started"));
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Draft with %" PRId64 " planned visit, not submitted",
                                           "Draft with %" PRId64 " planned visits, not submitted",
                                           (gulong) entries), entries);
  g_variant_dict_init (&row, NULL);
  g_variant_dict_insert (&row, "id", "x", staff_id);
  g_variant_dict_insert (&row, "number", "s", name);
  g_variant_dict_insert (&row, "title", "s", title);
  g_variant_dict_insert (&row, "detail", "s", detail);
  g_variant_dict_insert (&row, "date", "s", due);
  g_variant_dict_insert (&row, "start", "s", start);
  g_variant_dict_insert (&row, "plan_id", "x", plan_id);
  g_variant_dict_insert (&row, "open_kind", "s", "visit-plan");
  g_variant_dict_insert (&row, "open_id", "x", staff_id);
  return g_variant_dict_end (&row);
}

/* The deadline of next month's plan, in @today's month; FALSE when it is
 * not yet time to warn. */
static gboolean
plan_deadline (CdStore *self, const GDate *today, CdHolidayCalendar *calendar, char due[11],
               char start[11])
{
  g_autoptr(CdPaperDue) paper = NULL;
  int rule = 28, year = g_date_get_year (today), month = g_date_get_month (today);
  GDate warn_from;

  if (!cd_store_deadline_rule (self, "visit-plan", &rule, NULL, NULL))
    rule = 28;
  paper = paper_for_month (self, calendar, "visit-plan", rule, year, month);
  warn_from = paper->due;
  g_date_subtract_days (&warn_from, CD_TODAY_PLAN_WARNING_DAYS);
  format_day (&paper->due, due);
  month = month % 12 + 1;
  year += month == 1;
  g_snprintf (start, 11, "%04d-%02d-01", year, month);
  return g_date_compare (today, &warn_from) >= 0;
}

gboolean
cd_store_today_plan_submitted (CdStore     *self,
                               gint64       staff_id,
                               const GDate *today)
{
  g_autoptr(GVariant) plans = NULL;
  g_autoptr(GVariant) plan = NULL;
  const char *status = "draft";
  GDate next;
  char start[11];

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (staff_id <= 0)
    return FALSE;
  next = *today;
  g_date_set_day (&next, 1);
  g_date_add_months (&next, 1);
  format_day (&next, start);
  plans = cd_store_visit_plans_list (self, CD_PLAN_PERIOD_MONTH, start, start, staff_id, NULL);
  if (plans == NULL || g_variant_n_children (plans) == 0)
    return FALSE;
  plan = g_variant_get_child_value (plans, 0);
  g_variant_lookup (plan, "status", "&s", &status);
  return !g_str_equal (status, "draft");
}

static GVariant *
plans_section (CdStore *self, CdTodayScope scope, gint64 staff_id, const GDate *today,
               CdHolidayCalendar *calendar, guint limit, gint64 *out_total, GError **error)
{
  g_autoptr(GVariant) people = NULL;
  g_autoptr(GHashTable) plans = NULL;
  GVariantBuilder rows;
  GVariantIter iter;
  const char *name;
  char due[11], start[11];
  gint64 id, total = 0;

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  if (plan_deadline (self, today, calendar, due, start))
    {
      if ((people = planners (self, scope, staff_id, error)) == NULL
          || (plans = next_month_plans (self, start, error)) == NULL)
        {
          g_variant_builder_clear (&rows);
          return NULL;
        }
      g_variant_iter_init (&iter, people);
      while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
        {
          GVariant *plan = g_hash_table_lookup (plans, &id);
          const char *status = "draft";

          if (plan != NULL)
            g_variant_lookup (plan, "status", "&s", &status);
          if (g_str_equal (status, "draft") && total++ < limit)
            g_variant_builder_add_value (&rows, plan_row (id, name, plan, start, due));
        }
    }
  if (out_total != NULL)
    *out_total = total;
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

static GVariant *
computed_section (CdStore *self, CdTodaySection section, CdTodayScope scope, gint64 staff_id,
                  const char *day, const GDate *today, CdHolidayCalendar *calendar, guint limit,
                  gint64 *out_total, GError **error)
{
  if (section == CD_TODAY_MEETINGS_WITHOUT_NOTICE)
    return meetings_section (self, scope, staff_id, day, calendar, limit, out_total, error);
  return plans_section (self, scope, staff_id, today, calendar, limit, out_total, error);
}
