/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What Today lists (issue 9): month-end papers moved past National Day and
 * the Spring Festival and kept on make-up Saturdays, the rules read from
 * the database, and each section's rows on a known demo agency and day,
 * counted again here from the plain lists. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include <string.h>
#include <glib/gstdio.h>

#include "store/cd-demo.h"
#include "store/cd-store-meetings.h"
#include "store/cd-store-plans.h"
#include "store/cd-store-today.h"

#define SEED 20261125

static char *dir;
static CdStore *demo;       /* small demo on 2026-02-10, read-only for most tests */
static CdHolidayCalendar *calendar;

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static CdStore *
open_empty (const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CdStore *store = cd_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The due date of @code among the papers of @today's month, "" if absent. */
static char *
due_of (CdStore    *store,
        const GDate *today,
        const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) papers = cd_store_today_papers (store, calendar, today, &error);

  g_assert_no_error (error);
  for (guint i = 0; papers != NULL && i < papers->len; i++)
    {
      CdPaperDue *paper = g_ptr_array_index (papers, i);

      if (g_str_equal (paper->code, code))
        {
          g_assert_true (paper->checked);
          return iso (&paper->due);
        }
    }
  return g_strdup ("");
}

#define ASSERT_DUE(store, today, code, expected) \
  G_STMT_START { g_autofree char *got_ = due_of (store, today, code); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_national_day_moves_every_paper (void)
{
  g_autoptr(CdStore) store = open_empty ("national-day.db");
  GDate today = day (2025, 10, 2);

  /* 1–8 October 2025 is the National Day and Mid-Autumn holiday. */
  ASSERT_DUE (store, &today, "hr-work-order-summary", "2025-10-09");
  ASSERT_DUE (store, &today, "cashier-supplier-sheet", "2025-10-09");
  /* October starts a quarter: the archive backup is due too. */
  ASSERT_DUE (store, &today, "archive-backup", "2025-10-09");
  ASSERT_DUE (store, &today, "visit-plan", "2025-10-28");
}

static void
test_spring_festival_and_make_up_saturdays (void)
{
  g_autoptr(CdStore) store = open_empty ("spring-festival.db");
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 2, 10);

  ASSERT_DUE (store, &today, "hr-work-order-summary", "2026-02-03");
  ASSERT_DUE (store, &today, "cashier-supplier-sheet", "2026-02-05");
  /* Saturday 28 February 2026 is a make-up working day: not moved. */
  ASSERT_DUE (store, &today, "visit-plan", "2026-02-28");
  /* Not a quarter's first month. */
  ASSERT_DUE (store, &today, "archive-backup", "");

  /* The rules are data: the 14th is a make-up Saturday, the 15th the first
   * day of the Spring Festival holiday (15–23 February). */
  g_assert_true (cd_store_set_deadline_day (store, "cashier-supplier-sheet", 14, &error));
  g_assert_no_error (error);
  ASSERT_DUE (store, &today, "cashier-supplier-sheet", "2026-02-14");
  g_assert_true (cd_store_set_deadline_day (store, "cashier-supplier-sheet", 15, &error));
  ASSERT_DUE (store, &today, "cashier-supplier-sheet", "2026-02-24");
}

static void
test_rules_refuse_impossible_days (void)
{
  g_autoptr(CdStore) store = open_empty ("rules.db");
  g_autoptr(GError) error = NULL;
  int rule_day = 0;
  gboolean quarterly = FALSE;

  g_assert_false (cd_store_set_deadline_day (store, "visit-plan", 0, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_set_deadline_day (store, "no-such-rule", 3, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cd_store_deadline_rule (store, "archive-backup", &rule_day, &quarterly, &error));
  g_assert_cmpint (rule_day, ==, 5);
  g_assert_true (quarterly);
  g_assert_false (cd_store_set_tier_cycle (store, "A", 0, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_set_tier_cycle (store, "A", 21, &error));
  {
    g_autoptr(GVariant) tiers = cd_store_tiers (store, &error);
    const char *code, *label;
    int days;

    g_assert_true (g_variant_get_child_value (tiers, 0) != NULL);
    g_variant_get_child (tiers, 0, "(&s&si)", &code, &label, &days);
    g_assert_cmpstr (code, ==, "A");
    g_assert_cmpint (days, ==, 21);
  }
}

static void
test_done_marks_are_kept_per_month (void)
{
  g_autoptr(CdStore) store = open_empty ("done.db");
  g_autoptr(GPtrArray) papers = NULL;
  GDate feb = day (2026, 2, 10), mar = day (2026, 3, 10);

  g_assert_true (cd_store_paper_set_done (store, "visit-plan", "2026-02", TRUE, NULL));
  papers = cd_store_today_papers (store, calendar, &feb, NULL);
  for (guint i = 0; i < papers->len; i++)
    {
      CdPaperDue *paper = g_ptr_array_index (papers, i);

      g_assert_cmpint (paper->done, ==, g_str_equal (paper->code, "visit-plan"));
    }
  g_clear_pointer (&papers, g_ptr_array_unref);
  papers = cd_store_today_papers (store, calendar, &mar, NULL);
  for (guint i = 0; i < papers->len; i++)
    g_assert_false (((CdPaperDue *) g_ptr_array_index (papers, i))->done);

  /* A notification once per item per day. */
  g_assert_true (cd_store_paper_mark_notified (store, "visit-plan", &feb));
  g_assert_false (cd_store_paper_mark_notified (store, "visit-plan", &feb));
  g_assert_true (cd_store_paper_mark_notified (store, "visit-plan", &mar));
}

static GVariant *
section (CdTodaySection s, CdTodayScope scope, gint64 staff, gint64 *total)
{
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 2, 10);
  GVariant *rows = cd_store_today_section (demo, s, scope, staff, &today, 1000, total, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpint (*total, ==, (gint64) g_variant_n_children (rows));
  return rows;
}

/* Work orders counted again from the plain list of every work order. */
static void
test_work_order_sections_match_the_list (void)
{
  g_autoptr(GVariant) all = cd_store_list (demo, CD_KIND_WORK_ORDERS, NULL, NULL, 0, 0, NULL);
  g_autoptr(GVariant) overdue = NULL, week = NULL;
  gint64 n_overdue = 0, n_week = 0, expect_overdue = 0, expect_week = 0;
  GVariantIter iter;
  GVariant *row;

  g_assert_nonnull (all);
  g_variant_iter_init (&iter, all);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *status = NULL, *due = NULL;

      g_variant_lookup (row, "status", "&s", &status);
      g_variant_lookup (row, "due_date", "&s", &due);
      if (g_strv_contains ((const char *const[]) { "issued", "in_progress", "in_review", NULL }, status))
        {
          expect_overdue += g_strcmp0 (due, "2026-02-10") < 0;
          /* Tuesday 10 February to Sunday 15 February. */
          expect_week += g_strcmp0 (due, "2026-02-10") >= 0 && g_strcmp0 (due, "2026-02-15") <= 0;
        }
      g_variant_unref (row);
    }
  overdue = section (CD_TODAY_WORK_ORDERS_OVERDUE, CD_TODAY_SCOPE_EVERYONE, 0, &n_overdue);
  week = section (CD_TODAY_WORK_ORDERS_THIS_WEEK, CD_TODAY_SCOPE_EVERYONE, 0, &n_week);
  g_test_message ("overdue %" PRId64 ", this week %" PRId64, n_overdue, n_week);
  g_assert_cmpint (n_overdue, >, 0);
  g_assert_cmpint (n_overdue, ==, expect_overdue);
  g_assert_cmpint (n_week, ==, expect_week);
}

/* Every row of every section is what its section says, and has what the
 * view needs to open it. */
static void
test_every_row_is_due_by_its_section (void)
{
  static const char *const kinds[CD_TODAY_N_SECTIONS] = {
    "work-order", "work-order", "supplier-order", "supplier-order", "contract", "contract",
    "contract", "quote", "client", "client", "meeting", "visit-plan",
  };
  gint64 grand = 0;

  for (guint s = 0; s < CD_TODAY_N_SECTIONS; s++)
    {
      gint64 total = 0;
      g_autoptr(GVariant) rows = section (s, CD_TODAY_SCOPE_EVERYONE, 0, &total);
      GVariantIter iter;
      GVariant *row;

      g_test_message ("section %u: %" PRId64 " rows", s, total);
      grand += total;
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          const char *date = NULL, *kind = NULL, *title = NULL;
          gint64 open_id = 0, amount = 1;

          g_assert_true (g_variant_lookup (row, "date", "&s", &date));
          g_assert_true (g_variant_lookup (row, "open_kind", "&s", &kind));
          g_assert_true (g_variant_lookup (row, "title", "&s", &title));
          g_assert_true (g_variant_lookup (row, "open_id", "x", &open_id));
          g_assert_cmpstr (kind, ==, kinds[s]);
          g_assert_cmpint (open_id, >, 0);
          switch (s)
            {
            case CD_TODAY_WORK_ORDERS_OVERDUE:
            case CD_TODAY_INSTALLMENTS_OVERDUE:
              g_assert_cmpstr (date, <, "2026-02-10");
              break;
            case CD_TODAY_DELIVERIES_DUE:
              g_assert_cmpstr (date, <=, "2026-02-17");
              break;
            case CD_TODAY_INSTALLMENTS_DUE:
              g_assert_cmpstr (date, >=, "2026-02-10");
              g_assert_cmpstr (date, <=, "2026-02-17");
              break;
            case CD_TODAY_CONTRACTS_ENDING:
              g_assert_cmpstr (date, >=, "2026-02-10");
              g_assert_cmpstr (date, <=, "2026-03-12");
              break;
            case CD_TODAY_QUOTES_UNANSWERED:
              /* Sent at least 7 days before (the default). */
              g_assert_cmpstr (date, <=, "2026-02-03");
              break;
            case CD_TODAY_VISITS_DUE:
            case CD_TODAY_COMPLAINTS_OPEN:
              g_assert_cmpstr (date, <=, "2026-02-10");
              break;
            default:
              break;
            }
          if (s == CD_TODAY_INSTALLMENTS_OVERDUE || s == CD_TODAY_INSTALLMENTS_DUE)
            {
              g_assert_true (g_variant_lookup (row, "amount_fen", "x", &amount));
              g_assert_cmpint (amount, >, 0);
            }
          g_variant_unref (row);
        }
    }
  g_assert_cmpint (grand, >, 0);
}

static void
test_scopes_nest (void)
{
  /* Staff 3 is an account manager led by director 1. */
  for (guint s = 0; s < CD_TODAY_N_SECTIONS; s++)
    {
      gint64 mine = 0, team = 0, everyone = 0, lead_team = 0;
      g_autoptr(GVariant) a = section (s, CD_TODAY_SCOPE_MINE, 3, &mine);
      g_autoptr(GVariant) b = section (s, CD_TODAY_SCOPE_TEAM, 3, &team);
      g_autoptr(GVariant) c = section (s, CD_TODAY_SCOPE_EVERYONE, 3, &everyone);
      g_autoptr(GVariant) d = section (s, CD_TODAY_SCOPE_TEAM, 1, &lead_team);

      g_test_message ("section %u: mine %" PRId64 " ≤ team %" PRId64
                      " ≤ everyone %" PRId64, s, mine, team, everyone);
      g_assert_cmpint (mine, <=, team);
      g_assert_cmpint (team, <=, everyone);
      g_assert_cmpint (lead_team, <=, everyone);
    }
  {
    gint64 mine = 0, everyone = 0;
    g_autoptr(GVariant) a = section (CD_TODAY_WORK_ORDERS_OVERDUE, CD_TODAY_SCOPE_MINE, 999999, &mine);
    g_autoptr(GVariant) b = section (CD_TODAY_WORK_ORDERS_OVERDUE, CD_TODAY_SCOPE_EVERYONE, 999999, &everyone);

    g_assert_cmpint (mine, ==, 0);
    g_assert_cmpint (everyone, >, 0);
  }
}

static void
test_unanswered_days_are_a_setting (void)
{
  gint64 week = 0, month = 0;
  g_autoptr(GVariant) a = NULL, b = NULL;

  g_assert_cmpint (cd_store_today_unanswered_days (demo), ==, 7);
  a = section (CD_TODAY_QUOTES_UNANSWERED, CD_TODAY_SCOPE_EVERYONE, 0, &week);
  g_assert_true (cd_store_set_setting (demo, CD_TODAY_UNANSWERED_KEY, "30", NULL));
  g_assert_cmpint (cd_store_today_unanswered_days (demo), ==, 30);
  b = section (CD_TODAY_QUOTES_UNANSWERED, CD_TODAY_SCOPE_EVERYONE, 0, &month);
  g_assert_cmpint (month, <=, week);
  /* Nonsense falls back to the default. */
  g_assert_true (cd_store_set_setting (demo, CD_TODAY_UNANSWERED_KEY, "many", NULL));
  g_assert_cmpint (cd_store_today_unanswered_days (demo), ==, 7);
  g_assert_true (cd_store_set_setting (demo, CD_TODAY_UNANSWERED_KEY, "7", NULL));
}

static gint64
add_meeting (const char *kind, const char *starts_at, gint64 client_id)
{
  g_autoptr(GError) error = NULL;
  GVariantDict fields;
  gint64 id;

  g_variant_dict_init (&fields, NULL);
  g_variant_dict_insert (&fields, "title", "s", starts_at);
  g_variant_dict_insert (&fields, "kind", "s", kind);
  if (client_id > 0)
    g_variant_dict_insert (&fields, "client_id", "x", client_id);
  g_variant_dict_insert (&fields, "starts_at", "s", starts_at);
  id = cd_store_meeting_create (demo, g_variant_dict_end (&fields), &error);
  g_assert_no_error (error);
  return id;
}

/* The titles (start times) of the meetings section on @today. */
static char *
meetings_due (int y, int m, int d, CdHolidayCalendar *cal, CdTodayScope scope, gint64 staff)
{
  g_autoptr(GError) error = NULL;
  GDate today = day (y, m, d);
  gint64 total = -1;
  g_autoptr(GVariant) rows = cd_store_today_section_full (demo, CD_TODAY_MEETINGS_WITHOUT_NOTICE, scope,
                                                          staff, &today, cal, 100, &total, &error);
  g_autoptr(GString) titles = g_string_new (NULL);
  GVariantIter iter;
  GVariant *row;

  g_assert_no_error (error);
  if (rows == NULL)
    return g_strdup ("(error)");
  g_assert_cmpint (total, ==, (gint64) g_variant_n_children (rows));
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *title = NULL, *kind = NULL, *date = NULL;
      gint64 open_id = 0;

      g_variant_lookup (row, "title", "&s", &title);
      g_variant_lookup (row, "open_kind", "&s", &kind);
      g_variant_lookup (row, "date", "&s", &date);
      g_variant_lookup (row, "open_id", "x", &open_id);
      g_assert_cmpstr (kind, ==, "meeting");
      g_assert_cmpint (open_id, >, 0);
      /* The demo's own meetings are not this test's. */
      if (g_str_has_prefix (title, date) && strlen (title) == 16)
        g_string_append_printf (titles, "%s%s", titles->len ? " " : "", title);
      g_variant_unref (row);
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* Client meetings within two working days without a notice: the Spring
 * Festival stretches the window, a sent notice or an internal meeting
 * takes a meeting off, and the scopes follow who made or attends it. */
static void
test_meetings_without_notice (void)
{
  g_autoptr(GVariant) clients = cd_store_list (demo, CD_KIND_CLIENTS, NULL, NULL, 1, 0, NULL);
  g_autoptr(GVariant) first = g_variant_get_child_value (clients, 0);
  g_autoptr(GError) error = NULL;
  gint64 client = 0, sent, attended;

  g_variant_lookup (first, "id", "x", &client);
  cd_store_set_actor (demo, 3);
  add_meeting ("client", "2026-02-13T10:00", client);
  add_meeting ("proposal", "2026-02-17T09:00", client);
  add_meeting ("planning", "2026-02-24T14:30", client);
  add_meeting ("daily", "2026-02-13T09:00", 0);
  sent = add_meeting ("client", "2026-02-13T15:00", client);
  g_assert_true (cd_store_meeting_mark_notice_sent (demo, sent, "2026-02-12", &error));
  cd_store_set_actor (demo, 1);
  attended = add_meeting ("client", "2026-02-16T11:00", client);
  cd_store_meeting_add_staff (demo, attended, 2, &error);
  g_assert_no_error (error);
  cd_store_set_actor (demo, 0);

  /* Friday the 13th: Saturday the 14th is a make-up working day, then the
   * festival runs to the 23rd, so the second working day is the 24th. */
  g_assert_cmpstr (meetings_due (2026, 2, 13, calendar, CD_TODAY_SCOPE_EVERYONE, 0), ==,
                   "2026-02-13T10:00 2026-02-16T11:00 2026-02-17T09:00 2026-02-24T14:30");
  /* Without the calendar only weekends rest: Monday and Tuesday. */
  g_assert_cmpstr (meetings_due (2026, 2, 13, NULL, CD_TODAY_SCOPE_EVERYONE, 0), ==,
                   "2026-02-13T10:00 2026-02-16T11:00 2026-02-17T09:00");
  /* Nothing is due before its window. */
  g_assert_cmpstr (meetings_due (2026, 2, 10, calendar, CD_TODAY_SCOPE_EVERYONE, 0), ==, "");
  /* Made by 3; made by 1 and attended by 2. */
  g_assert_cmpstr (meetings_due (2026, 2, 13, calendar, CD_TODAY_SCOPE_MINE, 3), ==,
                   "2026-02-13T10:00 2026-02-17T09:00 2026-02-24T14:30");
  g_assert_cmpstr (meetings_due (2026, 2, 13, calendar, CD_TODAY_SCOPE_MINE, 2), ==, "2026-02-16T11:00");
  g_assert_cmpstr (meetings_due (2026, 2, 13, calendar, CD_TODAY_SCOPE_MINE, 999999), ==, "");
  /* The director leads 3, so the team sees 3's meetings too. */
  {
    g_autofree char *team = meetings_due (2026, 2, 13, calendar, CD_TODAY_SCOPE_TEAM, 1);

    g_assert_nonnull (strstr (team, "2026-02-13T10:00"));
    g_assert_nonnull (strstr (team, "2026-02-16T11:00"));
  }
}

/* "staff_id:detail" of each row of the visit plans section on @today. */
static char *
plans_due (int y, int m, int d, CdHolidayCalendar *cal, CdTodayScope scope, gint64 staff,
           gint64 *out_total)
{
  g_autoptr(GError) error = NULL;
  GDate today = day (y, m, d);
  g_autoptr(GVariant) rows = cd_store_today_section_full (demo, CD_TODAY_VISIT_PLANS_DUE, scope, staff,
                                                          &today, cal, 1000, out_total, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GVariantIter iter;
  GVariant *row;

  g_assert_no_error (error);
  if (rows == NULL)
    return g_strdup ("(error)");
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *kind = NULL, *date = NULL, *start = NULL, *detail = NULL;
      gint64 open_id = 0;

      g_variant_lookup (row, "open_kind", "&s", &kind);
      g_variant_lookup (row, "date", "&s", &date);
      g_variant_lookup (row, "start", "&s", &start);
      g_variant_lookup (row, "detail", "&s", &detail);
      g_variant_lookup (row, "open_id", "x", &open_id);
      g_assert_cmpstr (kind, ==, "visit-plan");
      g_assert_cmpstr (start, ==, "2026-04-01");
      g_assert_cmpstr (date, ==, cal != NULL ? "2026-03-30" : "2026-03-28");
      g_string_append_printf (text, "[%" PRId64 ":%s]", open_id, detail);
      g_variant_unref (row);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* April's plans are due on Saturday 28 March 2026, moved to Monday the
 * 30th: Today warns from a week before, and a submitted plan leaves. */
static void
test_visit_plans_due (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) entry = NULL;
  g_autoptr(GVariant) clients = cd_store_list (demo, CD_KIND_CLIENTS, NULL, NULL, 1, 0, NULL);
  g_autoptr(GVariant) first = g_variant_get_child_value (clients, 0);
  g_autofree char *before = NULL, *mine = NULL, *after = NULL;
  gint64 client = 0, plan, everyone = 0, n = 0;
  GVariantDict fields;

  g_variant_lookup (first, "id", "x", &client);
  /* The 22nd is too early with the holiday calendar, not without it. */
  before = plans_due (2026, 3, 22, calendar, CD_TODAY_SCOPE_EVERYONE, 0, &n);
  g_assert_cmpstr (before, ==, "");
  g_free (before);
  before = plans_due (2026, 3, 22, NULL, CD_TODAY_SCOPE_EVERYONE, 0, &n);
  g_assert_cmpint (n, >, 1);
  g_free (before);
  before = plans_due (2026, 3, 23, calendar, CD_TODAY_SCOPE_EVERYONE, 0, &everyone);
  g_assert_cmpint (everyone, ==, n);
  g_assert_nonnull (strstr (before, "[3:Not started]"));

  plan = cd_store_visit_plan_ensure (demo, 3, CD_PLAN_PERIOD_MONTH, "2026-04-01", &error);
  g_assert_no_error (error);
  g_variant_dict_init (&fields, NULL);
  g_variant_dict_insert (&fields, "client_id", "x", client);
  g_variant_dict_insert (&fields, "date", "s", "2026-04-08");
  cd_store_visit_plan_add_entry (demo, plan, g_variant_dict_end (&fields), &error);
  g_assert_no_error (error);
  mine = plans_due (2026, 3, 25, calendar, CD_TODAY_SCOPE_MINE, 3, &n);
  g_assert_cmpstr (mine, ==, "[3:Draft with 1 planned visit, not submitted]");

  {
    GDate march = day (2026, 3, 25);

    g_assert_false (cd_store_today_plan_submitted (demo, 3, &march));
    g_assert_true (cd_store_visit_plan_submit (demo, plan, &error));
    g_assert_no_error (error);
    g_assert_true (cd_store_today_plan_submitted (demo, 3, &march));
    g_assert_false (cd_store_today_plan_submitted (demo, 0, &march));
  }
  g_free (mine);
  mine = plans_due (2026, 3, 25, calendar, CD_TODAY_SCOPE_MINE, 3, &n);
  g_assert_cmpstr (mine, ==, "");
  after = plans_due (2026, 3, 25, calendar, CD_TODAY_SCOPE_EVERYONE, 0, &n);
  g_assert_cmpint (n, ==, everyone - 1);
  g_assert_null (strstr (after, "[3:"));
  /* Nobody is asked for April's plan once April has come. */
  g_free (after);
  after = plans_due (2026, 4, 2, calendar, CD_TODAY_SCOPE_EVERYONE, 0, &n);
  g_assert_null (strstr (after, "2026-04-01"));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 2, 10);
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  dir = g_dir_make_tmp ("cd-today-XXXXXX", &error);
  g_assert_no_error (error);
  calendar = cd_holiday_calendar_new_default (&error);
  g_assert_no_error (error);
  demo = open_empty ("demo.db");
  g_assert_true (cd_demo_generate (demo, CD_DEMO_SMALL, SEED, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/store/today/national-day-moves-every-paper", test_national_day_moves_every_paper);
  g_test_add_func ("/store/today/spring-festival-and-make-up-saturdays", test_spring_festival_and_make_up_saturdays);
  g_test_add_func ("/store/today/rules-refuse-impossible-days", test_rules_refuse_impossible_days);
  g_test_add_func ("/store/today/done-marks-are-kept-per-month", test_done_marks_are_kept_per_month);
  g_test_add_func ("/store/today/work-order-sections-match-the-list", test_work_order_sections_match_the_list);
  g_test_add_func ("/store/today/every-row-is-due-by-its-section", test_every_row_is_due_by_its_section);
  g_test_add_func ("/store/today/scopes-nest", test_scopes_nest);
  g_test_add_func ("/store/today/unanswered-days-are-a-setting", test_unanswered_days_are_a_setting);
  /* Writes meetings into the demo after the 10th: keep it after the others. */
  g_test_add_func ("/store/today/client-meetings-without-notice-within-two-working-days",
                   test_meetings_without_notice);
  g_test_add_func ("/store/today/next-months-visit-plans-not-submitted", test_visit_plans_due);
  status = g_test_run ();

  g_clear_object (&demo);
  g_clear_pointer (&calendar, cd_holiday_calendar_unref);
  remove_dir (dir);
  g_free (dir);
  return status;
}
