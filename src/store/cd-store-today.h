/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Today view lists (issue 9): the things due, one page of rows per
 * section, for one person, their team or everyone; the deadline rules and
 * tier visit cycles it computes with; the projects a new quote can be for. */
#pragma once

#include "core/cd-holidays.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * CdTodaySection:
 * @CD_TODAY_WORK_ORDERS_OVERDUE: open work orders past their due date
 * @CD_TODAY_WORK_ORDERS_THIS_WEEK: open work orders due from today to Sunday
 * @CD_TODAY_DELIVERIES_DUE: ordered supplier goods promised within 7 days, or late
 * @CD_TODAY_AWAITING_ACCEPTANCE: delivered supplier orders not yet accepted or rejected
 * @CD_TODAY_INSTALLMENTS_OVERDUE: installments of billed contracts past due, not fully paid
 * @CD_TODAY_INSTALLMENTS_DUE: the same, due within the next 7 days
 * @CD_TODAY_CONTRACTS_ENDING: signed or executing contracts ending within 30 days
 * @CD_TODAY_QUOTES_UNANSWERED: quotes sent more than N days ago with no answer
 * @CD_TODAY_VISITS_DUE: active clients whose tier's visit cycle has run out
 * @CD_TODAY_COMPLAINTS_OPEN: complaints not closed
 * @CD_TODAY_MEETINGS_WITHOUT_NOTICE: client meetings from today to the end
 *   of the second working day after it whose notice has not been sent
 *   (cd_store_meetings_without_notice ()); "open_kind" "meeting"
 * @CD_TODAY_VISIT_PLANS_DUE: next month's visit plans not yet submitted,
 *   one row per account manager or executive, from a week before the
 *   "visit-plan" deadline (the 28th, moved past weekends and holidays)
 *   to the end of the month; "open_kind" "visit-plan", "open_id" the staff
 *   member, "start" (s) the month's first day, "plan_id" (x, 0: none yet)
 *
 * Every row has "id", "number" (what a search finds it by), "title",
 * "detail", "date" ("YYYY-MM-DD", the date that makes it due), "open_kind"
 * ("work-order", "supplier-order", "contract", "quote", "client",
 * "meeting" or "visit-plan"),
 * "open_id", and "amount_fen" where money is involved.
 */
typedef enum
{
  CD_TODAY_WORK_ORDERS_OVERDUE,
  CD_TODAY_WORK_ORDERS_THIS_WEEK,
  CD_TODAY_DELIVERIES_DUE,
  CD_TODAY_AWAITING_ACCEPTANCE,
  CD_TODAY_INSTALLMENTS_OVERDUE,
  CD_TODAY_INSTALLMENTS_DUE,
  CD_TODAY_CONTRACTS_ENDING,
  CD_TODAY_QUOTES_UNANSWERED,
  CD_TODAY_VISITS_DUE,
  CD_TODAY_COMPLAINTS_OPEN,
  CD_TODAY_MEETINGS_WITHOUT_NOTICE,
  CD_TODAY_VISIT_PLANS_DUE,
  CD_TODAY_N_SECTIONS
} CdTodaySection;

/**
 * CdTodayScope:
 * @CD_TODAY_SCOPE_MINE: records the staff member owns, issued or is assigned
 * @CD_TODAY_SCOPE_TEAM: the same for them, the people they lead
 *   (staff.lead_id), and, when they have a lead, that lead and the lead's team
 * @CD_TODAY_SCOPE_EVERYONE: all records
 */
typedef enum
{
  CD_TODAY_SCOPE_MINE,
  CD_TODAY_SCOPE_TEAM,
  CD_TODAY_SCOPE_EVERYONE,
} CdTodayScope;

/* The DB setting of the "unanswered quote" days, and its default. */
#define CD_TODAY_UNANSWERED_KEY "today.unanswered_quote_days"
#define CD_TODAY_UNANSWERED_DEFAULT 7

/**
 * cd_store_today_section:
 * @today: the day the view is for
 * @staff_id: whose records (ignored for %CD_TODAY_SCOPE_EVERYONE)
 * @limit: the most rows returned
 * @out_total: (out) (optional): how many rows the section has in all
 *
 * Returns: (transfer full): rows of type aa{sv}, or %NULL with @error set
 */
GVariant *cd_store_today_section (CdStore         *self,
                                  CdTodaySection   section,
                                  CdTodayScope     scope,
                                  gint64           staff_id,
                                  const GDate     *today,
                                  guint            limit,
                                  gint64          *out_total,
                                  GError         **error);

/* The same, with the holiday calendar that counts working days and moves
 * deadlines (%NULL: Monday to Friday are working days, nothing moves). */
GVariant *cd_store_today_section_full (CdStore           *self,
                                       CdTodaySection     section,
                                       CdTodayScope       scope,
                                       gint64             staff_id,
                                       const GDate       *today,
                                       CdHolidayCalendar *calendar,
                                       guint              limit,
                                       gint64            *out_total,
                                       GError           **error);

/* How many working days ahead a client meeting needs its notice sent. */
#define CD_TODAY_NOTICE_WORKING_DAYS 2
/* How many days before the visit plan deadline the Today view warns. */
#define CD_TODAY_PLAN_WARNING_DAYS 7

/* Every section on a worker thread. The result is of type a(xaa{sv}),
 * indexed by CdTodaySection: (total, first @limit rows). */
void      cd_store_today_async   (CdStore            *self,
                                  CdTodayScope        scope,
                                  gint64              staff_id,
                                  const GDate        *today,
                                  guint               limit,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
void      cd_store_today_async_full (CdStore            *self,
                                     CdTodayScope        scope,
                                     gint64              staff_id,
                                     const GDate        *today,
                                     CdHolidayCalendar  *calendar,
                                     guint               limit,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
GVariant *cd_store_today_finish  (CdStore            *self,
                                  GAsyncResult       *result,
                                  GError            **error);

/* The "unanswered quote" days from the DB settings (the default when unset
 * or not a number from 1 to 365). */
int       cd_store_today_unanswered_days (CdStore *self);

/**
 * cd_store_deadline_rule:
 * @out_day: (out): the day of the month the paper is due
 * @out_quarterly: (out) (optional): whether it is due only in the first
 *   month of a quarter
 *
 * Returns: FALSE with @error set for an unknown @code
 */
gboolean  cd_store_deadline_rule         (CdStore      *self,
                                          const char   *code,
                                          int          *out_day,
                                          gboolean     *out_quarterly,
                                          GError      **error);
/* Returns: (transfer full): every rule as a(sis): code, day, "monthly" or "quarterly" */
GVariant *cd_store_deadline_rules        (CdStore      *self,
                                          GError      **error);
gboolean  cd_store_set_deadline_day      (CdStore      *self,
                                          const char   *code,
                                          int           day,
                                          GError      **error);
/* Returns: (transfer full): every tier as a(ssi): code, label, visit cycle days */
GVariant *cd_store_tiers                 (CdStore      *self,
                                          GError      **error);
gboolean  cd_store_set_tier_cycle        (CdStore      *self,
                                          const char   *code,
                                          int           days,
                                          GError      **error);

/* Projects a quote can be started for (brief or quoting), newest first,
 * matching @search (nullable) in number, name or client.
 * Returns: (transfer full): aa{sv} with "id", "number", "name", "client" */
GVariant *cd_store_quotable_projects     (CdStore      *self,
                                          const char   *search,
                                          guint         limit,
                                          GError      **error);

/**
 * CdPaperDue:
 * @code: the deadline rule's code ("hr-work-order-summary", …)
 * @period: "YYYY-MM", the month the deadline falls in (the key of its
 *   done mark)
 * @nominal: the rule's day in that month
 * @due: @nominal moved past weekends and public holidays; equal to
 *   @nominal when @checked is FALSE
 * @checked: whether the holiday calendar covers the month
 * @done: whether someone marked it done for @period
 *
 * One month-end paper due in the month of "today".
 */
typedef struct
{
  char     *code;
  char     *period;
  GDate     nominal;
  GDate     due;
  gboolean  checked;
  gboolean  done;
} CdPaperDue;

void       cd_paper_due_free           (CdPaperDue        *paper);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdPaperDue, cd_paper_due_free)

/**
 * cd_store_today_papers:
 *
 * The papers due in @today's month, from the deadline_rule table
 * (quarterly rules only in January, April, July and October), each moved
 * with cd_deadline_for_month() on @calendar, sorted by due date.
 *
 * Returns: (transfer full) (element-type CdPaperDue): the papers, or %NULL
 *   with @error set
 */
GPtrArray *cd_store_today_papers       (CdStore           *self,
                                        CdHolidayCalendar *calendar,
                                        const GDate       *today,
                                        GError           **error);
/* The done mark of @code for @period ("YYYY-MM"), in the DB settings
 * ("deadline-done.<code>.<period>"). */
gboolean   cd_store_paper_get_done     (CdStore           *self,
                                        const char        *code,
                                        const char        *period);
gboolean   cd_store_paper_set_done     (CdStore           *self,
                                        const char        *code,
                                        const char        *period,
                                        gboolean           done,
                                        GError           **error);
/* Whether @staff_id's visit plan for the month after @today's has been
 * submitted (or reviewed): the "visit-plan" paper is then done for them. */
gboolean   cd_store_today_plan_submitted (CdStore         *self,
                                          gint64           staff_id,
                                          const GDate     *today);
/* Records that @code was notified on @day; returns FALSE when it already
 * was that day (at most one notification per item per day). */
gboolean   cd_store_paper_mark_notified (CdStore          *self,
                                         const char       *code,
                                         const GDate      *day);

G_END_DECLS
