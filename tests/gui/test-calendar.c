/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar grid under Xvfb: February 2026 with the Spring Festival and
 * its make-up working days marked by name, events placed on their days and
 * opened from their buttons, week and month navigation. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include "gui-test-util.h"
#include "gui/cd-calendar-grid.h"
#include "store/cd-store-meetings.h"

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
  *out = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", kind, id, title);
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

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/calendar/month-marks-holidays-and-make-up-days",
                   test_month_marks_holidays_and_make_up_days);
  g_test_add_func ("/gui/calendar/events-sit-on-their-days-and-open", test_events_sit_on_their_days_and_open);
  g_test_add_func ("/gui/calendar/navigation-moves-by-week-and-month", test_navigation_moves_by_week_and_month);
  return g_test_run ();
}
