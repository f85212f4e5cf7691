/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar page under Xvfb: February 2026 with the Spring Festival and
 * its make-up working days marked by name, events placed on their days and
 * opened from their buttons, week and month navigation; on a demo agency, a
 * known meeting on its day and the person filter; the meeting window saving
 * a new meeting whose action item becomes a work order; the visit plan's
 * entries and completion rate. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "gui/cd-calendar-forms.h"
#include "gui/cd-calendar-grid.h"
#include "gui/cd-calendar-view.h"
#include "gui/cd-meeting-window.h"
#include "gui/cd-visit-plan-window.h"
#include "store/cd-demo.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-meetings.h"
#include "store/cd-store-overview.h"
#include "store/cd-store-plans.h"

#define SEED 20261125

static char *db_path;

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* Whether a GtkLabel under @root reads @text. */
static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_label_prefix (GtkWidget  *root,
                  const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_prefix (child, prefix))
      return TRUE;
  return FALSE;
}

static guint
count_buttons (GtkWidget *root)
{
  guint n = GTK_IS_BUTTON (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_buttons (child);
  return n;
}

static GtkWindow *
show_grid (CdCalendarGrid **out)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHolidayCalendar) holidays = cd_holiday_calendar_new_default (&error);
  CdCalendarGrid *grid = cd_calendar_grid_new ();
  GDate today = day (2026, 2, 10);

  g_assert_no_error (error);
  cd_calendar_grid_set_holidays (grid, holidays);
  cd_calendar_grid_set_today (grid, &today);
  cd_calendar_grid_set_date (grid, &today);
  gtk_window_set_child (window, GTK_WIDGET (grid));
  gtk_window_set_default_size (window, 1000, 800);
  gtk_window_present (window);
  cd_test_iterate (50);
  *out = grid;
  return g_object_ref (window);
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  cd_test_iterate (50);
  g_assert_finalize_object (window);
}

static void
test_month_marks_holidays_and_make_up_days (void)
{
  CdCalendarGrid *grid;
  GtkWindow *window = show_grid (&grid);
  GDate first, last, festival = day (2026, 2, 17), makeup = day (2026, 2, 14), plain = day (2026, 2, 10);
  GtkWidget *cell;

  cd_calendar_grid_get_range (grid, &first, &last);
  /* February 2026 starts on a Sunday: the grid starts on Monday 26 January. */
  g_assert_cmpint (g_date_get_day (&first), ==, 26);
  g_assert_cmpint (g_date_get_month (&first), ==, 1);
  g_assert_cmpint (g_date_get_weekday (&last), ==, G_DATE_SUNDAY);
  g_assert_cmpint (g_date_get_day (&last), ==, 1);
  g_assert_cmpint (g_date_get_month (&last), ==, 3);

  cell = cd_calendar_grid_get_day (grid, &festival);
  g_assert_nonnull (cell);
  g_assert_true (has_label_text (cell, "春节"));
  g_assert_true (has_label_text (cell, "Off"));
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (grid), "Tuesday 17 February 2026, public holiday: 春节"));

  cell = cd_calendar_grid_get_day (grid, &makeup);
  g_assert_nonnull (cell);
  g_assert_true (has_label_text (cell, "春节补班"));
  g_assert_true (has_label_text (cell, "Work"));
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (grid),
                                           "Saturday 14 February 2026, make-up working day: 春节补班"));

  cell = cd_calendar_grid_get_day (grid, &plain);
  g_assert_false (has_label_text (cell, "Off"));
  g_assert_false (has_label_text (cell, "Work"));
  close_window (window);
}

static GVariant *
event (int kind, const char *date, const char *time, const char *title, const char *open_kind, gint64 id)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "kind", "i", kind);
  g_variant_dict_insert (&dict, "date", "s", date);
  g_variant_dict_insert (&dict, "time", "s", time);
  g_variant_dict_insert (&dict, "title", "s", title);
  g_variant_dict_insert (&dict, "open_kind", "s", open_kind);
  g_variant_dict_insert (&dict, "open_id", "x", id);
  return g_variant_dict_end (&dict);
}

static void
on_event_activated_cb (CdCalendarGrid *grid, const char *kind, gint64 id, const char *title, char **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s %" PRId64 " %s", kind, id, title);
}

static void
test_events_sit_on_their_days_and_open (void)
{
  CdCalendarGrid *grid;
  GtkWindow *window = show_grid (&grid);
  GVariantBuilder builder;
  GDate tenth = day (2026, 2, 10), eleventh = day (2026, 2, 11);
  GtkWidget *button;
  g_autofree char *opened = NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, event (CD_CALENDAR_MEETING, "2026-02-10", "09:30", "Kick-off", "meeting", 7));
  for (int i = 0; i < 5; i++)
    g_variant_builder_add_value (&builder, event (CD_CALENDAR_PLANNED_VISIT, "2026-02-11", "", "Visit", "client", 100 + i));
  g_signal_connect (grid, "event-activated", G_CALLBACK (on_event_activated_cb), &opened);
  cd_calendar_grid_set_events (grid, g_variant_builder_end (&builder));
  cd_test_iterate (20);

  g_assert_true (has_label_text (cd_calendar_grid_get_day (grid, &tenth), "09:30 Kick-off"));
  button = cd_test_find (cd_calendar_grid_get_day (grid, &tenth), GTK_TYPE_BUTTON, "Meeting 09:30: Kick-off");
  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (opened, ==, "meeting 7 Kick-off");
  /* A month's day lists three and offers the rest in the week view. */
  g_assert_cmpuint (count_buttons (cd_calendar_grid_get_day (grid, &eleventh)), ==, CD_CALENDAR_GRID_MONTH_ROWS + 1);
  button = cd_test_find (cd_calendar_grid_get_day (grid, &eleventh), GTK_TYPE_BUTTON,
                         "Show 2 more items in the week view");
  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (cd_calendar_grid_get_mode (grid), ==, CD_CALENDAR_GRID_WEEK);
  close_window (window);
}

static void
on_period_changed_cb (CdCalendarGrid *grid, guint *count)
{
  (*count)++;
}

static void
test_navigation_moves_by_week_and_month (void)
{
  CdCalendarGrid *grid;
  GtkWindow *window = show_grid (&grid);
  GDate first, last;
  guint changes = 0;
  g_autofree char *title = NULL;

  g_signal_connect (grid, "period-changed", G_CALLBACK (on_period_changed_cb), &changes);
  cd_calendar_grid_shift (grid, 1);
  cd_calendar_grid_get_range (grid, &first, &last);
  /* March 2026: Monday 23 February to Sunday 5 April. */
  g_assert_cmpint (g_date_get_month (&first), ==, 2);
  g_assert_cmpint (g_date_get_day (&first), ==, 23);
  g_assert_cmpint (g_date_get_day (&last), ==, 5);
  title = cd_calendar_grid_dup_title (grid);
  g_assert_cmpstr (title, ==, "March 2026");
  g_clear_pointer (&title, g_free);

  cd_calendar_grid_set_mode (grid, CD_CALENDAR_GRID_WEEK);
  cd_calendar_grid_get_range (grid, &first, &last);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 6);
  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  cd_calendar_grid_shift (grid, -1);
  title = cd_calendar_grid_dup_title (grid);
  g_test_message ("week: %s", title);
  g_assert_cmpstr (title, ==, "Week of 16 February 2026");
  g_assert_cmpuint (changes, ==, 3);
  close_window (window);
}


/* ------------------------------------------------------------------ */
/* On the demo agency                                                  */

typedef struct
{
  gint64  am_id;        /* an account manager */
  char   *am_name;
  gint64  other_id;     /* someone else */
  gint64  director_id;
  gint64  client_id;    /* a client the account manager owns */
  char   *client_name;
} Agency;

static void
agency_clear (Agency *agency)
{
  g_free (agency->am_name);
  g_free (agency->client_name);
}

static void
find_agency (CdContext *context,
             Agency    *agency)
{
  CdStore *store = cd_context_get_store (context);
  g_autoptr(GVariant) staff = cd_store_overview (store, CD_OVERVIEW_ACTIVE_STAFF, NULL, 0, NULL);
  g_autoptr(GVariant) clients = NULL;

  memset (agency, 0, sizeof *agency);
  g_assert_nonnull (staff);
  for (gsize i = 0; staff != NULL && i < g_variant_n_children (staff); i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (staff, i);

      if (agency->director_id == 0 && g_str_equal (cd_form_text (row, "role"), "director"))
        agency->director_id = cd_form_int (row, "id");
      if (agency->am_id == 0 && g_str_equal (cd_form_text (row, "role"), "account_manager"))
        {
          agency->am_id = cd_form_int (row, "id");
          agency->am_name = g_strdup (cd_form_text (row, "name"));
        }
      else if (agency->other_id == 0)
        agency->other_id = cd_form_int (row, "id");
    }
  clients = cd_store_list (store, CD_KIND_CLIENTS, NULL, NULL, 0, 500, NULL);
  for (gsize i = 0; clients != NULL && i < g_variant_n_children (clients) && agency->client_id == 0; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (clients, i);

      if (g_strcmp0 (cd_form_text (row, "owner"), agency->am_name) == 0)
        {
          agency->client_id = cd_form_int (row, "id");
          agency->client_name = g_strdup (cd_form_text (row, "name"));
        }
    }
  g_assert_cmpint (agency->am_id, >, 0);
  g_assert_cmpint (agency->other_id, >, 0);
  g_assert_cmpint (agency->client_id, >, 0);
}

static gint64
make_meeting (CdStore *store, const char *title, const char *starts_at, gint64 staff_id)
{
  g_autoptr(GError) error = NULL;
  GVariantDict dict;
  gint64 id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "title", "s", title);
  g_variant_dict_insert (&dict, "kind", "s", CD_MEETING_PLANNING);
  g_variant_dict_insert (&dict, "starts_at", "s", starts_at);
  id = cd_store_meeting_create (store, g_variant_dict_end (&dict), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (staff_id > 0)
    g_assert_cmpint (cd_store_meeting_add_staff (store, id, staff_id, &error), >, 0);
  g_assert_no_error (error);
  return id;
}

static void
set_text (GtkWidget *root, const char *label, const char *text)
{
  GtkWidget *field = cd_test_find_by_label (root, label);

  g_assert_nonnull (field);
  if (field != NULL)
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
click (GtkWidget *root, const char *label)
{
  GtkWidget *button = cd_test_find (root, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_test_message ("no button “%s”", label);
  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  cd_test_iterate (20);
}

static gboolean
view_settled (gpointer data)
{
  return !cd_calendar_view_get_loading (data);
}

static void
test_view_shows_a_meeting_and_filters_by_person (void)
{
  g_autoptr(CdContext) context = cd_test_open_context (db_path);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GDate today = day (2026, 2, 10), holiday = day (2026, 2, 17);
  CdCalendarView *view;
  CdCalendarGrid *grid;
  Agency agency;
  g_autoptr(GPtrArray) unlabelled = NULL;

  find_agency (context, &agency);
  make_meeting (cd_context_get_store (context), "Spring campaign review", "2026-02-10T09:30", agency.am_id);
  g_object_ref (window);
  view = cd_calendar_view_new (context);
  cd_calendar_view_set_today (view, &today);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 1200, 900);
  gtk_window_present (window);
  cd_test_iterate (50);
  g_assert_true (cd_test_wait (view_settled, view, 20000));
  grid = cd_calendar_view_get_grid (view);
  g_assert_true (has_label_text (cd_calendar_grid_get_day (grid, &holiday), "春节"));

  /* A busy day of the month lists three items: the week shows them all. */
  click (GTK_WIDGET (view), "Week view");
  g_assert_cmpint (cd_calendar_grid_get_mode (grid), ==, CD_CALENDAR_GRID_WEEK);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, view, 20000));

  /* Everyone's calendar, then the attendee's: the meeting is there. */
  cd_calendar_view_set_person (view, 0);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, view, 20000));
  g_assert_nonnull (cd_test_find (cd_calendar_grid_get_day (grid, &today), GTK_TYPE_BUTTON,
                                  "Meeting 09:30: Spring campaign review"));
  cd_calendar_view_set_person (view, agency.am_id);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, view, 20000));
  g_assert_cmpint (cd_calendar_view_get_person (view), ==, agency.am_id);
  g_assert_nonnull (cd_test_find (cd_calendar_grid_get_day (grid, &today), GTK_TYPE_BUTTON,
                                  "Meeting 09:30: Spring campaign review"));
  /* Someone who neither attends nor made it does not see it. */
  cd_calendar_view_set_person (view, agency.other_id);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, view, 20000));
  g_assert_null (cd_test_find (cd_calendar_grid_get_day (grid, &today), GTK_TYPE_BUTTON,
                               "Meeting 09:30: Spring campaign review"));

  /* The attendee's week as iCalendar holds the meeting, at its hour. */
  cd_calendar_view_set_person (view, agency.am_id);
  cd_test_iterate (20);
  g_assert_true (cd_test_wait (view_settled, view, 20000));
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_path_get_dirname (db_path);
    g_autofree char *ics = g_build_filename (dir, "week.ics", NULL);
    g_autofree char *text = NULL;

    g_assert_true (cd_calendar_view_export_week (view, ics, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
    g_assert_nonnull (text);
    g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
    g_assert_nonnull (strstr (text, "SUMMARY:Spring campaign review"));
    g_assert_nonnull (strstr (text, "T093000"));
    g_unlink (ics);
  }

  /* Another person uses the app now (Preferences): their calendar shows. */
  cd_context_set_current_staff (context, agency.other_id);
  cd_test_iterate (20);
  g_assert_cmpint (cd_calendar_view_get_person (view), ==, agency.other_id);
  g_assert_true (cd_test_wait (view_settled, view, 20000));
  g_assert_null (cd_test_find (cd_calendar_grid_get_day (grid, &today), GTK_TYPE_BUTTON,
                               "Meeting 09:30: Spring campaign review"));

  unlabelled = cd_test_unlabelled (GTK_WIDGET (view));
  for (guint i = 0; i < unlabelled->len; i++)
    {
      g_autofree char *what = cd_test_describe (unlabelled->pdata[i]);
      g_test_message ("no accessible name: %s", what);
    }
  g_assert_cmpuint (unlabelled->len, ==, 0);
  agency_clear (&agency);
  close_window (window);
}

/* A client with a project, the way the meeting needs it for work orders. */
static gint64
client_with_project (CdStore *store, char **name)
{
  g_autoptr(GVariant) projects = cd_store_list (store, CD_KIND_PROJECTS, NULL, NULL, 0, 1, NULL);
  g_autoptr(GVariant) project = NULL;
  g_autoptr(GVariant) clients = NULL;
  g_autoptr(GVariant) client = NULL;

  g_assert_cmpuint (g_variant_n_children (projects), >, 0);
  project = g_variant_get_child_value (projects, 0);
  *name = g_strdup (cd_form_text (project, "client"));
  clients = cd_store_list (store, CD_KIND_CLIENTS, NULL, *name, 0, 1, NULL);
  g_assert_cmpuint (g_variant_n_children (clients), >, 0);
  client = g_variant_get_child_value (clients, 0);
  return cd_form_int (client, "id");
}

static void
test_meeting_window_saves_and_makes_a_work_order (void)
{
  g_autoptr(CdContext) context = cd_test_open_context (db_path);
  CdStore *store = cd_context_get_store (context);
  CdMeetingWindow *window = cd_meeting_window_new (NULL, context, 0);
  GtkWidget *root = GTK_WIDGET (window);
  g_autofree char *client_name = NULL;
  gint64 client_id = client_with_project (store, &client_name);
  GtkWidget *picker, *project, *owner;
  g_autoptr(GVariant) meeting = NULL;
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GPtrArray) unlabelled = NULL;
  gint64 id;

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  cd_test_iterate (50);
  unlabelled = cd_test_unlabelled (root);
  for (guint i = 0; i < unlabelled->len; i++)
    {
      g_autofree char *what = cd_test_describe (unlabelled->pdata[i]);
      g_test_message ("no accessible name: %s", what);
    }
  g_assert_cmpuint (unlabelled->len, ==, 0);

  set_text (root, "Title", "Proposal rehearsal");
  picker = cd_test_find_by_type (root, CD_TYPE_CALENDAR_CLIENT_PICKER);
  g_assert_nonnull (picker);
  cd_calendar_client_picker_set (CD_CALENDAR_CLIENT_PICKER (picker), client_id, client_name);
  project = cd_test_find (root, GTK_TYPE_DROP_DOWN, "Project (optional)");
  g_assert_nonnull (project);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (project))), >, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (project), 1);
  set_text (root, "Date (YYYY-MM-DD)", "2026-02-12");
  set_text (root, "Starts at (HH:MM)", "14:00");
  set_text (root, "Ends at (HH:MM)", "15:30");
  set_text (root, "Place or link", "Meeting room 2");
  click (root, "Save meeting");
  id = cd_meeting_window_get_meeting (window);
  g_assert_cmpint (id, >, 0);
  meeting = cd_store_meeting_get (store, id, NULL);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (cd_form_text (meeting, "title"), ==, "Proposal rehearsal");
  g_assert_cmpstr (cd_form_text (meeting, "starts_at"), ==, "2026-02-12T14:00");
  g_assert_cmpint (cd_form_int (meeting, "client_id"), ==, client_id);
  g_assert_cmpint (cd_form_int (meeting, "project_id"), >, 0);

  /* The client taken off again: the project goes with it. */
  cd_calendar_client_picker_set (CD_CALENDAR_CLIENT_PICKER (picker), 0, "");
  click (root, "Save meeting");
  g_clear_pointer (&meeting, g_variant_unref);
  meeting = cd_store_meeting_get (store, id, NULL);
  g_assert_cmpint (cd_form_int (meeting, "client_id"), ==, 0);
  g_assert_cmpint (cd_form_int (meeting, "project_id"), ==, 0);
  cd_calendar_client_picker_set (CD_CALENDAR_CLIENT_PICKER (picker), client_id, client_name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (project), 1);
  click (root, "Save meeting");
  g_clear_pointer (&meeting, g_variant_unref);
  meeting = cd_store_meeting_get (store, id, NULL);
  g_assert_cmpint (cd_form_int (meeting, "client_id"), ==, client_id);
  g_assert_cmpint (cd_form_int (meeting, "project_id"), >, 0);

  /* A staff attendee, the notice as text and its sent date. */
  click (root, "Add staff member");
  {
    g_autoptr(GVariant) attendees = cd_store_meeting_attendees (store, id, NULL);
    g_autoptr(GVariant) sent = NULL;
    GtkWidget *notice;

    g_assert_cmpuint (g_variant_n_children (attendees), ==, 1);
    click (root, "Notice text");
    notice = cd_test_find (root, GTK_TYPE_TEXT_VIEW, "Notice text");
    g_assert_nonnull (notice);
    if (notice != NULL)
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notice));
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        g_assert_nonnull (strstr (text, "Proposal rehearsal"));
        g_assert_nonnull (strstr (text, "Meeting room 2"));
      }
    click (root, "Mark notice sent");
    sent = cd_store_meeting_get (store, id, NULL);
    g_assert_cmpstr (cd_form_text (sent, "notice_sent_on"), !=, "");
  }

  set_text (root, "New action item", "Revise the key visual");
  owner = cd_test_find (root, GTK_TYPE_DROP_DOWN, "Owner");
  g_assert_nonnull (owner);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 1);
  set_text (root, "Due date (YYYY-MM-DD)", "2026-02-20");
  click (root, "Add action item");
  click (root, "Make work order: Revise the key visual");
  actions = cd_store_meeting_actions (store, id, NULL);
  g_assert_nonnull (actions);
  g_assert_cmpuint (g_variant_n_children (actions), ==, 1);
  if (actions != NULL && g_variant_n_children (actions) == 1)
    {
      g_autoptr(GVariant) action = g_variant_get_child_value (actions, 0);

      g_assert_cmpint (cd_form_int (action, "work_order_id"), >, 0);
      g_test_message ("work order %s", cd_form_text (action, "work_order_number"));
    }
  close_window (GTK_WINDOW (window));
}

/* March 2026 as the store counts it for @staff: planned, and *done. */
static gint64
completion (CdStore *store, gint64 staff, gint64 *done)
{
  g_autoptr(GVariant) rows = cd_store_visit_plan_completion (store, "2026-03", staff, NULL);
  g_autoptr(GVariant) row = NULL;

  *done = 0;
  if (rows == NULL || g_variant_n_children (rows) == 0)
    return 0;
  row = g_variant_get_child_value (rows, 0);
  *done = cd_form_int (row, "done");
  return cd_form_int (row, "planned");
}

static void
test_visit_plan_counts_a_logged_visit (void)
{
  g_autoptr(CdContext) context = cd_test_open_context (db_path);
  CdStore *store = cd_context_get_store (context);
  g_autoptr(GError) error = NULL;
  CdVisitPlanWindow *window;
  GtkWidget *root, *picker;
  g_autoptr(GPtrArray) unlabelled = NULL;
  GVariantDict dict;
  Agency agency;
  g_autofree char *expect = NULL;
  gint64 planned, done = 0;

  find_agency (context, &agency);
  window = cd_visit_plan_window_present (NULL, context, agency.am_id, CD_PLAN_PERIOD_MONTH, "2026-03-09");
  root = GTK_WIDGET (window);
  g_object_ref (window);
  cd_test_iterate (50);
  g_assert_cmpint (cd_visit_plan_window_get_plan (window), >, 0);
  g_test_message ("%s", cd_visit_plan_window_get_completion (window));
  planned = completion (store, agency.am_id, &done);
  expect = g_strdup_printf ("%" PRId64 " planned, %" PRId64 " done", planned, done);
  g_assert_nonnull (strstr (cd_visit_plan_window_get_completion (window), expect));
  unlabelled = cd_test_unlabelled (root);
  for (guint i = 0; i < unlabelled->len; i++)
    {
      g_autofree char *what = cd_test_describe (unlabelled->pdata[i]);
      g_test_message ("no accessible name: %s", what);
    }
  g_assert_cmpuint (unlabelled->len, ==, 0);

  click (root, "Add entry");
  picker = cd_test_find_by_type (root, CD_TYPE_CALENDAR_CLIENT_PICKER);
  cd_calendar_client_picker_set (CD_CALENDAR_CLIENT_PICKER (picker), agency.client_id, agency.client_name);
  set_text (root, "Planned date (YYYY-MM-DD)", "2026-03-11");
  set_text (root, "Purpose", "Spring campaign brief");
  click (root, "Save entry");
  g_test_message ("%s", cd_visit_plan_window_get_completion (window));
  g_free (expect);
  expect = g_strdup_printf ("%" PRId64 " planned, %" PRId64 " done", planned + 1, done);
  g_assert_nonnull (strstr (cd_visit_plan_window_get_completion (window), expect));

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "date", "s", "2026-03-12");
  g_variant_dict_insert (&dict, "staff_id", "x", agency.am_id);
  g_variant_dict_insert (&dict, "mode", "s", "in_person");
  g_assert_cmpint (cd_store_visit_add (store, agency.client_id, g_variant_dict_end (&dict), &error), >, 0);
  g_assert_no_error (error);
  click (root, "Refresh plan");
  g_test_message ("%s", cd_visit_plan_window_get_completion (window));
  g_free (expect);
  expect = g_strdup_printf ("%" PRId64 " planned, %" PRId64 " done", planned + 1, done + 1);
  g_assert_nonnull (strstr (cd_visit_plan_window_get_completion (window), expect));
  g_assert_nonnull (cd_test_find_by_label (root, "Visited"));

  /* Due the 28th of the month before: Saturday 28 February 2026 is a
   * make-up working day, so the deadline stays. */
  g_assert_true (has_label_prefix (root, "Draft. Submit it by 2026-02-28."));

  /* Submitted, then reviewed by a director: the plan locks, and says so. */
  click (root, "Submit plan");
  g_assert_false (gtk_widget_get_sensitive (cd_test_find (root, GTK_TYPE_BUTTON, "Submit plan")));
  g_assert_cmpint (agency.director_id, >, 0);
  cd_context_set_current_staff (context, agency.director_id);
  click (root, "Refresh plan");
  set_text (root, "Review comment", "Good coverage of tier A");
  click (root, "Review plan");
  g_assert_true (has_label_prefix (root, "Reviewed by"));
  {
    g_autofree char *edit = g_strdup_printf ("Edit entry for %s", agency.client_name);

    g_assert_null (cd_test_find (root, GTK_TYPE_BUTTON, edit));
  }
  g_assert_false (gtk_widget_is_sensitive (cd_test_find (root, GTK_TYPE_BUTTON, "Add entry")));
  cd_context_set_current_staff (context, 0);
  agency_clear (&agency);
  close_window (GTK_WINDOW (window));
}

static void
test_visit_plan_takes_the_suggestions (void)
{
  g_autoptr(CdContext) context = cd_test_open_context (db_path);
  CdStore *store = cd_context_get_store (context);
  CdVisitPlanWindow *window;
  GtkWidget *root;
  g_autoptr(GVariant) suggested = NULL;
  g_autoptr(GVariant) entries = NULL;
  g_autoptr(GVariant) before = NULL;
  Agency agency;
  gint64 plan;

  find_agency (context, &agency);
  window = cd_visit_plan_window_present (NULL, context, agency.am_id, CD_PLAN_PERIOD_MONTH, "2026-04-01");
  root = GTK_WIDGET (window);
  g_object_ref (window);
  cd_test_iterate (50);
  plan = cd_visit_plan_window_get_plan (window);
  suggested = cd_store_visit_plan_suggest (store, plan, cd_context_get_calendar (context), NULL);
  g_assert_nonnull (suggested);
  g_test_message ("%" G_GSIZE_FORMAT " clients suggested", g_variant_n_children (suggested));
  g_assert_cmpuint (g_variant_n_children (suggested), >, 0);
  click (root, "Suggest from service cycles");
  if (g_variant_n_children (suggested) > 0)
    {
      g_autoptr(GVariant) first = g_variant_get_child_value (suggested, 0);
      g_autofree char *name = g_strdup_printf ("Add %s to the plan", cd_form_text (first, "client_name"));

      g_assert_nonnull (cd_test_find (root, GTK_TYPE_BUTTON, name));
    }
  before = cd_store_visit_plan_entries (store, plan, NULL);
  click (root, "Add all suggestions");
  entries = cd_store_visit_plan_entries (store, plan, NULL);
  g_assert_cmpuint (g_variant_n_children (entries), ==,
                    g_variant_n_children (before) + g_variant_n_children (suggested));
  agency_clear (&agency);
  close_window (GTK_WINDOW (window));
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
  g_object_unref (context);

  g_test_add_func ("/gui/calendar/month-marks-holidays-and-make-up-days",
                   test_month_marks_holidays_and_make_up_days);
  g_test_add_func ("/gui/calendar/events-sit-on-their-days-and-open", test_events_sit_on_their_days_and_open);
  g_test_add_func ("/gui/calendar/navigation-moves-by-week-and-month", test_navigation_moves_by_week_and_month);
  g_test_add_func ("/gui/calendar/view-shows-a-meeting-and-filters-by-person",
                   test_view_shows_a_meeting_and_filters_by_person);
  g_test_add_func ("/gui/meeting/window-saves-and-makes-a-work-order",
                   test_meeting_window_saves_and_makes_a_work_order);
  g_test_add_func ("/gui/visit-plan/counts-a-logged-visit-and-locks-when-reviewed",
                   test_visit_plan_counts_a_logged_visit);
  g_test_add_func ("/gui/visit-plan/takes-the-suggestions", test_visit_plan_takes_the_suggestions);
  status = g_test_run ();
  cd_test_remove_tree (db_path);
  g_free (db_path);
  return status;
}
