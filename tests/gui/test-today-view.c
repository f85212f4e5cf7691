/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Today view under Xvfb on a demo agency with a fixed day: papers moved
 * past holidays, marked done and back, every section's rows and counts, the
 * scope buttons, and rows that open their records. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include <string.h>

#include "gui-test-util.h"
#include "gui/cd-deadline-notifier.h"
#include "gui/cd-deadline-prefs.h"
#include "gui/cd-meeting-window.h"
#include "gui/cd-visit-plan-window.h"
#include "store/cd-store-plans.h"
#include "gui/cd-today-view.h"
#include "store/cd-demo.h"
#include "store/cd-store-meetings.h"

#define SEED 20261125

static char *db_path;

typedef struct
{
  CdContext   *context;
  GtkWindow   *window;
  CdTodayView *view;
} Fixture;

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static gboolean
view_settled (gpointer data)
{
  return !cd_today_view_get_loading (data) && cd_today_view_get_section (data, 0) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GDate today = day (2026, 2, 10);

  fixture->context = cd_test_open_context (db_path);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  fixture->view = cd_today_view_new (fixture->context);
  cd_today_view_set_today (fixture->view, &today);
  cd_today_view_set_scope (fixture->view, CD_TODAY_SCOPE_EVERYONE);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (fixture->window, 1000, 800);
  gtk_window_present (fixture->window);
  g_assert_true (cd_test_wait (view_settled, fixture->view, 20000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  cd_test_iterate (100);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->context);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static void
test_spring_festival_papers (Fixture *fixture, gconstpointer data)
{
  GtkWidget *visit = find_named (GTK_WIDGET (fixture->view), "visit-plan");
  const char *subtitle;

  g_assert_nonnull (visit);
  if (visit == NULL)
    return;
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (visit));
  g_test_message ("visit plan: %s", subtitle);
  /* Saturday 28 February 2026 is a make-up working day. */
  g_assert_nonnull (strstr (subtitle, "28 February 2026"));
  g_assert_null (strstr (subtitle, "moved"));
  /* February is not a quarter's first month. */
  g_assert_null (find_named (GTK_WIDGET (fixture->view), "archive-backup"));
}

static void
test_national_day_papers (Fixture *fixture, gconstpointer data)
{
  GDate today = day (2025, 10, 2);
  GtkWidget *hr;
  const char *subtitle;

  cd_today_view_set_today (fixture->view, &today);
  cd_test_wait (view_settled, fixture->view, 20000);
  hr = find_named (GTK_WIDGET (fixture->view), "hr-work-order-summary");
  g_assert_nonnull (hr);
  if (hr == NULL)
    return;
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (hr));
  g_test_message ("HR summary: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, "Thursday, 9 October 2025"));
  g_assert_nonnull (strstr (subtitle, "moved from Friday, 3 October 2025"));
  g_assert_nonnull (strstr (subtitle, "国庆节"));
  g_assert_nonnull (find_named (GTK_WIDGET (fixture->view), "archive-backup"));
}

static void
test_marking_done_moves_the_paper_down (Fixture *fixture, gconstpointer data)
{
  GtkWidget *done = cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON,
                                  "Mark “Visit plan” done");
  CdStore *store = cd_context_get_store (fixture->context);

  g_assert_nonnull (done);
  if (done == NULL)
    return;
  g_assert_false (cd_store_paper_get_done (store, "visit-plan", "2026-02"));
  g_signal_emit_by_name (done, "clicked");
  cd_test_iterate (50);
  g_assert_true (cd_store_paper_get_done (store, "visit-plan", "2026-02"));
  g_assert_null (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” done"));
  done = cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” not done");
  g_assert_nonnull (done);
  if (done != NULL)
    g_signal_emit_by_name (done, "clicked");
  cd_test_iterate (50);
  g_assert_false (cd_store_paper_get_done (store, "visit-plan", "2026-02"));
  g_assert_nonnull (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” done"));
}

/* Each section shows its count and at most a page of rows, plus one row to
 * open the rest. */
static void
test_sections_show_their_rows (Fixture *fixture, gconstpointer data)
{
  GDate today = day (2026, 2, 10);
  gint64 grand = 0;

  for (guint s = 0; s < CD_TODAY_N_SECTIONS; s++)
    {
      GtkWidget *group = cd_today_view_get_section (fixture->view, s);
      gint64 total = cd_today_view_get_total (fixture->view, s);
      gint64 expected = 0;
      g_autoptr(GVariant) rows = cd_store_today_section (cd_context_get_store (fixture->context), s,
                                                         CD_TODAY_SCOPE_EVERYONE, 0, &today, 1,
                                                         &expected, NULL);
      g_autofree char *count = g_strdup_printf ("(%" PRId64 ")", total);

      g_assert_nonnull (group);
      if (group == NULL)
        continue;
      g_test_message ("section %u: %s, %u rows", s,
                      adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), count_rows (group));
      g_assert_cmpint (total, ==, expected);
      g_assert_cmpint (gtk_widget_get_visible (group), ==, total > 0);
      g_assert_nonnull (strstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), count));
      g_assert_cmpuint (count_rows (group), ==,
                        MIN (total, CD_TODAY_VIEW_ROWS) + (total > CD_TODAY_VIEW_ROWS ? 1 : 0));
      grand += total;
    }
  g_assert_cmpint (grand, >, 0);
}

typedef struct
{
  char   *kind;
  gint64  id;
} Opened;

static void
on_open_cb (CdTodayView *view,
            const char  *kind,
            gint64       id,
            const char  *number,
            Opened      *opened)
{
  g_free (opened->kind);
  opened->kind = g_strdup (kind);
  opened->id = id;
}

static void
test_rows_open_their_records (Fixture *fixture, gconstpointer data)
{
  GtkWidget *group = cd_today_view_get_section (fixture->view, CD_TODAY_WORK_ORDERS_OVERDUE);
  GtkWidget *row = group != NULL ? cd_test_find_by_type (group, ADW_TYPE_ACTION_ROW) : NULL;
  Opened opened = { 0 };

  g_assert_nonnull (row);
  if (row == NULL)
    return;
  g_signal_connect (fixture->view, "open", G_CALLBACK (on_open_cb), &opened);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (opened.kind, ==, "work-order");
  g_assert_cmpint (opened.id, >, 0);
  g_free (opened.kind);
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The meeting added in main (): a proposal tomorrow, no notice sent. */
static gint64 meeting_id;

static void
on_open_stop_cb (CdTodayView *view,
                 const char  *kind,
                 gint64       id,
                 const char  *number,
                 Opened      *opened)
{
  on_open_cb (view, kind, id, number, opened);
  /* The view opens meetings itself: not in this test. */
  g_signal_stop_emission_by_name (view, "open");
}

static void
test_meeting_without_notice_is_shown (Fixture *fixture, gconstpointer data)
{
  GtkWidget *group = cd_today_view_get_section (fixture->view, CD_TODAY_MEETINGS_WITHOUT_NOTICE);
  GtkWidget *row = NULL;
  CdStore *store = cd_context_get_store (fixture->context);
  Opened opened = { 0 };

  gint64 total = cd_today_view_get_total (fixture->view, CD_TODAY_MEETINGS_WITHOUT_NOTICE);

  g_assert_cmpint (total, >=, 1);
  g_assert_nonnull (group);
  if (group == NULL)
    return;
  /* The demo may have its own meetings: find ours by its title. */
  row = find_row_titled (group, "新品提案会");
  g_assert_nonnull (row);
  if (row == NULL)
    return;
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2026-02-11"));
  g_signal_connect (fixture->view, "open", G_CALLBACK (on_open_stop_cb), &opened);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (opened.kind, ==, "meeting");
  g_assert_cmpint (opened.id, ==, meeting_id);
  g_free (opened.kind);
  g_signal_handlers_disconnect_by_func (fixture->view, on_open_stop_cb, &opened);

  /* Left to the view, the row opens the meeting's own window. */
  g_signal_emit_by_name (row, "activated");
  cd_test_iterate (20);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    GtkWidget *found = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CD_IS_MEETING_WINDOW (l->data))
        found = l->data;
    g_assert_nonnull (found);
    if (found != NULL)
      {
        g_assert_cmpint (cd_meeting_window_get_meeting (CD_MEETING_WINDOW (found)), ==, meeting_id);
        gtk_window_destroy (GTK_WINDOW (found));
        cd_test_iterate (20);
      }
  }

  /* Once the notice is sent the warning goes. */
  g_assert_true (cd_store_meeting_mark_notice_sent (store, meeting_id, "2026-02-10", NULL));
  cd_today_view_refresh (fixture->view);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, fixture->view, 20000));
  g_assert_cmpint (cd_today_view_get_total (fixture->view, CD_TODAY_MEETINGS_WITHOUT_NOTICE), ==, total - 1);
  group = cd_today_view_get_section (fixture->view, CD_TODAY_MEETINGS_WITHOUT_NOTICE);
  g_assert_null (group != NULL ? find_row_titled (group, "新品提案会") : NULL);
}

/* A week before the 28th, next month's unsubmitted plans are listed, one
 * row per account manager or executive, each naming its person. */
static void
test_visit_plans_to_submit (Fixture *fixture, gconstpointer data)
{
  GDate late = day (2026, 2, 23);
  GtkWidget *group, *row;
  Opened opened = { 0 };
  gint64 expected = 0;
  g_autoptr(GVariant) rows = NULL;

  g_assert_cmpint (cd_today_view_get_total (fixture->view, CD_TODAY_VISIT_PLANS_DUE), ==, 0);
  cd_today_view_set_today (fixture->view, &late);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, fixture->view, 20000));
  rows = cd_store_today_section_full (cd_context_get_store (fixture->context), CD_TODAY_VISIT_PLANS_DUE,
                                      CD_TODAY_SCOPE_EVERYONE, 0, &late,
                                      cd_context_get_calendar (fixture->context), 1, &expected, NULL);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (cd_today_view_get_total (fixture->view, CD_TODAY_VISIT_PLANS_DUE), ==, expected);
  group = cd_today_view_get_section (fixture->view, CD_TODAY_VISIT_PLANS_DUE);
  row = group != NULL ? cd_test_find_by_type (group, ADW_TYPE_ACTION_ROW) : NULL;
  g_assert_nonnull (row);
  if (row == NULL)
    return;
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "visit plan for 2026-03"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2026-02-28"));
  g_signal_connect (fixture->view, "open", G_CALLBACK (on_open_stop_cb), &opened);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (opened.kind, ==, "visit-plan");
  g_assert_cmpint (opened.id, >, 0);
  g_free (opened.kind);
  g_signal_handlers_disconnect_by_func (fixture->view, on_open_stop_cb, &opened);

  /* Left to the view, the row opens that person's plan for March. */
  g_signal_emit_by_name (row, "activated");
  cd_test_iterate (20);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    GtkWidget *found = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CD_IS_VISIT_PLAN_WINDOW (l->data))
        found = l->data;
    g_assert_nonnull (found);
    if (found != NULL)
      {
        gint64 plan = cd_visit_plan_window_get_plan (CD_VISIT_PLAN_WINDOW (found));
        g_autoptr(GVariant) info = cd_store_visit_plan_get (cd_context_get_store (fixture->context), plan, NULL);
        const char *start = NULL;
        gint64 staff = 0;

        g_assert_nonnull (info);
        if (info != NULL)
          {
            g_variant_lookup (info, "start", "&s", &start);
            g_variant_lookup (info, "staff_id", "x", &staff);
            g_assert_cmpstr (start, ==, "2026-03-01");
            g_assert_cmpint (staff, ==, opened.id);
          }
        gtk_window_destroy (GTK_WINDOW (found));
        cd_test_iterate (20);
      }
  }
}

/* Once the current staff member has submitted next month's plan, the
 * visit plan paper says so and asks for nothing. */
static void
test_submitted_plan_is_the_paper_done (Fixture *fixture, gconstpointer data)
{
  CdStore *store = cd_context_get_store (fixture->context);
  g_autoptr(GVariant) clients = cd_store_list (store, CD_KIND_CLIENTS, NULL, NULL, 1, 0, NULL);
  g_autoptr(GVariant) first = g_variant_get_child_value (clients, 0);
  g_autoptr(GError) error = NULL;
  GDate late = day (2026, 4, 23);
  GtkWidget *paper;
  GVariantDict fields;
  gint64 client = 0, plan;

  g_variant_lookup (first, "id", "x", &client);
  cd_context_set_current_staff (fixture->context, 3);
  cd_today_view_set_today (fixture->view, &late);
  g_assert_nonnull (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” done"));

  plan = cd_store_visit_plan_ensure (store, 3, CD_PLAN_PERIOD_MONTH, "2026-05-01", &error);
  g_assert_no_error (error);
  g_variant_dict_init (&fields, NULL);
  g_variant_dict_insert (&fields, "client_id", "x", client);
  g_variant_dict_insert (&fields, "date", "s", "2026-05-12");
  cd_store_visit_plan_add_entry (store, plan, g_variant_dict_end (&fields), &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_visit_plan_submit (store, plan, &error));
  g_assert_no_error (error);

  cd_today_view_rebuild_papers (fixture->view);
  paper = find_named (GTK_WIDGET (fixture->view), "visit-plan");
  g_assert_nonnull (paper);
  g_assert_null (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” done"));
  g_assert_null (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” not done"));
  g_assert_true (paper != NULL && gtk_widget_has_css_class (paper, "dim-label"));
  /* Nor does the notification on the day it is due. */
  {
    g_autoptr(CdDeadlineNotifier) notifier = cd_deadline_notifier_new (fixture->context, NULL);
    g_autoptr(GPtrArray) papers = cd_store_today_papers (store, cd_context_get_calendar (fixture->context),
                                                         &late, NULL);
    GDate due;

    g_date_clear (&due, 1);
    for (guint i = 0; papers != NULL && i < papers->len; i++)
      if (g_str_equal (((CdPaperDue *) g_ptr_array_index (papers, i))->code, "visit-plan"))
        due = ((CdPaperDue *) g_ptr_array_index (papers, i))->due;
    g_assert_true (g_date_valid (&due));
    if (g_date_valid (&due))
      {
        g_assert_cmpuint (cd_deadline_notifier_check (notifier, &due), ==, 0);
        /* Someone else is still reminded. */
        cd_context_set_current_staff (fixture->context, 0);
        g_assert_cmpuint (cd_deadline_notifier_check (notifier, &due), ==, 1);
      }
  }
  /* Someone else's view still asks for it. */
  cd_context_set_current_staff (fixture->context, 0);
  cd_today_view_rebuild_papers (fixture->view);
  g_assert_nonnull (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Mark “Visit plan” done"));
}

static void
test_scope_needs_a_staff_member (Fixture *fixture, gconstpointer data)
{
  GtkWidget *mine = cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON, "Mine");
  GtkWidget *everyone = cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON, "Everyone");
  gint64 all;

  g_assert_nonnull (mine);
  g_assert_nonnull (everyone);
  if (mine == NULL || everyone == NULL)
    return;
  cd_context_set_current_staff (fixture->context, 0);
  cd_today_view_refresh (fixture->view);
  g_assert_false (gtk_widget_get_sensitive (mine));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (everyone)));

  cd_test_wait (view_settled, fixture->view, 20000);
  all = cd_today_view_get_total (fixture->view, CD_TODAY_WORK_ORDERS_OVERDUE);
  /* Staff 3, an account manager: their own are fewer than everyone's. */
  cd_context_set_current_staff (fixture->context, 3);
  cd_today_view_set_scope (fixture->view, CD_TODAY_SCOPE_MINE);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, fixture->view, 20000));
  g_assert_true (gtk_widget_get_sensitive (mine));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mine)));
  g_assert_cmpint (cd_today_view_get_total (fixture->view, CD_TODAY_WORK_ORDERS_OVERDUE), <=, all);
  cd_context_set_current_staff (fixture->context, 0);
}

/* The view must fit beside the sidebar of a 1280-pixel window. */
static void
test_view_fits_a_laptop_window (Fixture *fixture, gconstpointer data)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_test_message ("minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 600);
}

/* The Deadlines preferences write the rules Today and the CLI read. */
static void
test_preferences_edit_the_rules (Fixture *fixture, gconstpointer data)
{
  CdStore *store = cd_context_get_store (fixture->context);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = cd_deadline_prefs_new (store);
  GtkWidget *visit, *unanswered, *tier;
  int rule_day = 0;

  gtk_window_set_child (GTK_WINDOW (window), group);
  gtk_window_present (GTK_WINDOW (window));
  visit = cd_test_find (group, GTK_TYPE_SPIN_BUTTON, "Visit plan");
  unanswered = cd_test_find (group, GTK_TYPE_SPIN_BUTTON, "Quote unanswered after");
  tier = cd_test_find (group, GTK_TYPE_SPIN_BUTTON, "Visit tier A clients every");
  g_assert_nonnull (visit);
  g_assert_nonnull (unanswered);
  g_assert_nonnull (tier);
  if (visit != NULL && unanswered != NULL && tier != NULL)
    {
      g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (visit)), ==, 28);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (visit), 27);
      g_assert_true (cd_store_deadline_rule (store, "visit-plan", &rule_day, NULL, NULL));
      g_assert_cmpint (rule_day, ==, 27);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (unanswered), 12);
      g_assert_cmpint (cd_store_today_unanswered_days (store), ==, 12);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (tier), 10);
      {
        g_autoptr(GVariant) tiers = cd_store_tiers (store, NULL);
        int days = 0;

        g_variant_get_child (tiers, 0, "(&s&si)", NULL, NULL, &days);
        g_assert_cmpint (days, ==, 10);
      }
      {
        GtkWidget *toggle = cd_test_find (group, GTK_TYPE_SWITCH, "Notify When a Paper Is Due");
        g_autoptr(GSettings) settings = g_settings_new ("org.example.ClientDesk");

        g_assert_nonnull (toggle);
        if (toggle != NULL)
          {
            gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
            g_assert_false (g_settings_get_boolean (settings, "notifications-enabled"));
            gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
            g_assert_true (g_settings_get_boolean (settings, "notifications-enabled"));
          }
      }
      /* Back as they were, for the other tests. */
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (visit), 28);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (unanswered), 7);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (tier), 14);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Once per paper per day, and never when switched off. */
static void
test_notifications_once_a_day (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CdDeadlineNotifier) notifier = cd_deadline_notifier_new (fixture->context, NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.example.ClientDesk");
  CdStore *store = cd_context_get_store (fixture->context);
  GDate due = day (2026, 2, 28), before = day (2026, 2, 27), next_month = day (2026, 3, 5);

  g_assert_cmpuint (cd_deadline_notifier_check (notifier, &before), ==, 0);
  /* The visit plan is due on Saturday 28 February 2026, a make-up day. */
  g_assert_cmpuint (cd_deadline_notifier_check (notifier, &due), ==, 1);
  g_assert_cmpuint (cd_deadline_notifier_check (notifier, &due), ==, 0);

  /* The cashier's sheet is due on Thursday 5 March; a done paper is quiet. */
  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
  g_assert_cmpuint (cd_deadline_notifier_check (notifier, &next_month), ==, 0);
  g_settings_set_boolean (settings, "notifications-enabled", TRUE);
  g_assert_true (cd_store_paper_set_done (store, "cashier-supplier-sheet", "2026-03", TRUE, NULL));
  g_assert_cmpuint (cd_deadline_notifier_check (notifier, &next_month), ==, 0);
  g_assert_true (cd_store_paper_set_done (store, "cashier-supplier-sheet", "2026-03", FALSE, NULL));
  g_assert_cmpuint (cd_deadline_notifier_check (notifier, &next_month), ==, 1);

  /* A client meeting on Wednesday 4 March without a notice: told on
   * Monday the 2nd (no paper is due that day), once. */
  {
    GDate monday = day (2026, 3, 2);
    g_autoptr(GVariant) meeting = cd_store_meeting_get (store, meeting_id, NULL);
    gint64 client = 0;
    GVariantDict fields;

    g_variant_lookup (meeting, "client_id", "x", &client);
    g_variant_dict_init (&fields, NULL);
    g_variant_dict_insert (&fields, "title", "s", "Media plan review");
    g_variant_dict_insert (&fields, "kind", "s", "client");
    g_variant_dict_insert (&fields, "client_id", "x", client);
    g_variant_dict_insert (&fields, "starts_at", "s", "2026-03-04T15:00");
    g_assert_cmpint (cd_store_meeting_create (store, g_variant_dict_end (&fields), NULL), >, 0);
    g_assert_cmpuint (cd_deadline_notifier_check (notifier, &monday), ==, 1);
    g_assert_cmpuint (cd_deadline_notifier_check (notifier, &monday), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  CdContext *context;
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 2, 10);
  int status;

  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  db_path = cd_test_make_db_path ();
  context = cd_test_open_context (db_path);
  g_assert_true (cd_demo_generate (cd_context_get_store (context), CD_DEMO_SMALL, SEED, &today,
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GVariant) clients = cd_store_list (cd_context_get_store (context), CD_KIND_CLIENTS, NULL,
                                                 NULL, 1, 0, NULL);
    g_autoptr(GVariant) first = g_variant_get_child_value (clients, 0);
    GVariantDict fields;
    gint64 client = 0;

    g_variant_lookup (first, "id", "x", &client);
    g_variant_dict_init (&fields, NULL);
    g_variant_dict_insert (&fields, "title", "s", "新品提案会");
    g_variant_dict_insert (&fields, "kind", "s", "proposal");
    g_variant_dict_insert (&fields, "client_id", "x", client);
    g_variant_dict_insert (&fields, "starts_at", "s", "2026-02-11T10:00");
    meeting_id = cd_store_meeting_create (cd_context_get_store (context), g_variant_dict_end (&fields),
                                          &error);
    g_assert_no_error (error);
  }
  g_object_unref (context);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/today/spring-festival-papers", test_spring_festival_papers);
  ADD ("/gui/today/national-day-papers", test_national_day_papers);
  ADD ("/gui/today/marking-done-moves-the-paper-down", test_marking_done_moves_the_paper_down);
  ADD ("/gui/today/sections-show-their-rows", test_sections_show_their_rows);
  ADD ("/gui/today/rows-open-their-records", test_rows_open_their_records);
  ADD ("/gui/today/meeting-without-notice-is-shown-and-opens", test_meeting_without_notice_is_shown);
  ADD ("/gui/today/visit-plans-to-submit-a-week-before-the-28th", test_visit_plans_to_submit);
  ADD ("/gui/today/submitted-plan-is-the-paper-done", test_submitted_plan_is_the_paper_done);
  ADD ("/gui/today/scope-needs-a-staff-member", test_scope_needs_a_staff_member);
  ADD ("/gui/today/view-fits-a-laptop-window", test_view_fits_a_laptop_window);
  ADD ("/gui/today/notifications-once-a-day", test_notifications_once_a_day);
  ADD ("/gui/today/preferences-edit-the-rules", test_preferences_edit_the_rules);
#undef ADD

  status = g_test_run ();
  cd_test_remove_tree (db_path);
  g_free (db_path);
  return status;
}
