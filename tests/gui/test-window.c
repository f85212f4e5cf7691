/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window on the small sample agency: the eight views by name, real
 * rows in each, search, keyboard view switching, and an accessible name on
 * everything a person can act on. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include "gui-test-util.h"
#include "gui/cd-insights-view.h"
#include "gui/cd-list-view.h"
#include "gui/cd-section-view.h"
#include "gui/cd-tasks.h"
#include "gui/cd-today-view.h"
#include "gui/cd-window.h"

static const char *const view_titles[] = {
  "Today", "Clients", "Projects", "Work orders", "Quotes & contracts",
  "Suppliers & deliveries", "Finance", "Insights",
};

/* One database for the whole program: the sample agency takes a moment. */
static char *db_path;

typedef struct
{
  CdContext *context;
  CdWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = cd_test_open_context (db_path);
  fixture->window = cd_window_new (NULL, fixture->context);
  g_object_ref (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cd_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cd_test_iterate (100);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->context);
}

static gboolean
list_settled (gpointer data)
{
  CdListView *view = data;

  return cd_list_view_get_loaded (view) && !cd_list_view_get_loading (view);
}

/* Every list inside @view's widget. */
static void
collect_lists (GtkWidget *widget,
               GPtrArray *out)
{
  if (CD_IS_LIST_VIEW (widget))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_lists (child, out);
}

static guint
wait_and_count (CdListView *list)
{
  if (!cd_test_wait (list_settled, list, 20000))
    return 0;
  return g_list_model_get_n_items (cd_list_view_get_model (list));
}

static void
test_sidebar_lists_the_eight_views (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_assert_cmpstr (cd_window_get_page (fixture->window), ==, "views");
  for (guint i = 0; i < G_N_ELEMENTS (view_titles); i++)
    {
      GtkWidget *row = cd_test_find (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX_ROW, view_titles[i]);

      g_test_message ("sidebar row %s", view_titles[i]);
      g_assert_nonnull (row);
      g_assert_true (row != NULL && GTK_IS_LIST_BOX_ROW (row));
    }
}

static void
test_sidebar_row_activation_shows_its_view (Fixture       *fixture,
                                            gconstpointer  data)
{
  GtkWidget *row = cd_test_find (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX_ROW, "Projects");

  g_assert_nonnull (row);
  if (row == NULL)
    return;
  /* What Enter or a click on the row does. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_cmpstr (cd_window_get_view_name (fixture->window), ==, "projects");
}

/* The twelve months are always there; the agency's business must show in
 * their amounts. */
static gint64
sum_amounts (CdListView *list)
{
  GListModel *model = cd_list_view_get_model (list);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CdRow) row = g_list_model_get_item (model, i);
      gint64 contracted = 0, collected = 0;

      cd_row_get_int64 (row, "contracted_fen", &contracted);
      cd_row_get_int64 (row, "collected_fen", &collected);
      total += contracted + collected;
    }
  return total;
}

/* Every list of every view holds rows of the sample agency. */
static void
test_every_view_shows_rows_of_the_sample_agency (Fixture       *fixture,
                                                 gconstpointer  data)
{
  const char * const *names = cd_window_view_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) lists = g_ptr_array_new ();
      GtkWidget *view;

      cd_window_show_view (fixture->window, names[i]);
      cd_test_iterate (20);
      view = cd_window_get_view (fixture->window, names[i]);
      collect_lists (view, lists);
      /* Views that are not plain lists (Today, Insights, and the views of
       * issues 3 and 4) have their own tests. */
      if (!CD_IS_LIST_VIEW (view) && !CD_IS_SECTION_VIEW (view))
        continue;
      g_assert_cmpuint (lists->len, >, 0);

      for (guint j = 0; j < lists->len; j++)
        {
          CdListView *list = g_ptr_array_index (lists, j);
          const CdSourceInfo *info = cd_list_source_get_info (cd_list_view_get_source (list));
          guint n;

          /* A tab in a view of several lists loads when it is shown. */
          if (CD_IS_SECTION_VIEW (view))
            cd_section_view_set_visible_list (CD_SECTION_VIEW (view), list);
          cd_test_iterate (20);
          n = wait_and_count (list);
          g_test_message ("view %s, list %s: %u rows (%s)", names[i], info->name, n,
                          cd_list_view_get_state (list));
          g_assert_cmpuint (n, >, 0);
          if (g_str_equal (info->name, "monthly-revenue"))
            g_assert_cmpint (sum_amounts (list), >, 0);
        }
    }
}

static void
test_search_narrows_the_client_list (Fixture       *fixture,
                                     gconstpointer  data)
{
  CdListView *list;
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;
  guint all, found;
  GtkWidget *entry;

  /* Clients have a directory view of their own (tested in
   * test-clients-view.c); the header's search serves the plain lists. */
  cd_window_show_view (fixture->window, "suppliers-deliveries");
  list = cd_window_get_current_list (fixture->window);
  g_assert_nonnull (list);
  all = wait_and_count (list);
  g_assert_cmpuint (all, >, 1);

  /* Search for part of the last client's name, as a person would type it. */
  {
    GListModel *model = cd_list_view_get_model (list);
    g_autoptr(CdRow) row = g_list_model_get_item (model, all - 1);

    name = cd_row_dup_string (row, "name");
    needle = g_utf8_substring (name, 0, MIN (4, g_utf8_strlen (name, -1)));
  }
  g_test_message ("searching for “%s”", needle);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  entry = cd_test_find_by_label (GTK_WIDGET (fixture->window), "Search in this list");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), needle);
  /* The search entry waits a moment after the last keystroke. */
  cd_test_iterate (400);
  found = wait_and_count (list);
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, all);
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < found; i++)
      {
        g_autoptr(CdRow) row = g_list_model_get_item (cd_list_view_get_model (list), i);
        g_autofree char *text = cd_row_dup_string (row, "name");

        seen = seen || g_strcmp0 (text, name) == 0;
      }
    g_assert_true (seen);
  }

  /* Closing the search shows every row again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  cd_test_iterate (400);
  g_assert_cmpuint (wait_and_count (list), ==, all);
}

static void
test_ctrl_number_switches_views (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char * const *names = cd_window_view_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", names[i]);
      g_assert_cmpstr (cd_window_get_view_name (fixture->window), ==, names[i]);
    }
}

static void
test_every_control_has_an_accessible_name (Fixture       *fixture,
                                           gconstpointer  data)
{
  const char * const *names = cd_window_view_names ();
  g_autoptr(GPtrArray) missing = NULL;

  /* Show every view and tab once, so that lazily built parts exist. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      cd_window_show_view (fixture->window, names[i]);
      cd_test_iterate (20);
    }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "clients");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  cd_test_iterate (50);

  missing = cd_test_unlabelled (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < missing->len; i++)
    {
      g_autofree char *where = cd_test_describe (g_ptr_array_index (missing, i));

      g_test_message ("no accessible name: %s", where);
    }
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_new_button_explains_itself (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *button = cd_test_find_by_label (GTK_WIDGET (fixture->window), "New record");
  const char *tooltip;

  g_assert_nonnull (button);
  if (button == NULL)
    return;
  tooltip = gtk_widget_get_tooltip_text (button);
  g_assert_nonnull (tooltip);
  g_assert_cmpuint (strlen (tooltip != NULL ? tooltip : ""), >, 20);
}

static void
test_today_lists_the_month_end_papers (Fixture       *fixture,
                                       gconstpointer  data)
{
  CdTodayView *today = CD_TODAY_VIEW (cd_window_get_view (fixture->window, "today"));
  static const char *const codes[] = { "hr-work-order-summary", "cashier-supplier-sheet", "visit-plan" };
  GDate may;

  /* 3 May 2025 is a Saturday inside the Labour Day holiday (1–5 May). */
  g_date_clear (&may, 1);
  g_date_set_dmy (&may, 2, G_DATE_MAY, 2025);
  cd_today_view_set_today (today, &may);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      GtkWidget *row = NULL;
      GtkWidget *walk = GTK_WIDGET (today);
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      /* Rows are named by their deadline code. */
      g_ptr_array_add (stack, walk);
      while (stack->len > 0 && row == NULL)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (g_strcmp0 (gtk_widget_get_name (w), codes[i]) == 0)
            row = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      g_test_message ("deadline row %s", codes[i]);
      g_assert_nonnull (row);
      if (row != NULL && g_str_equal (codes[i], "hr-work-order-summary"))
        {
          const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

          g_test_message ("%s", subtitle);
          /* Due on the first working day after the holiday. */
          g_assert_nonnull (strstr (subtitle, "Tuesday, 6 May 2025"));
          g_assert_nonnull (strstr (subtitle, "moved from"));
        }
    }
  cd_today_view_set_today (today, NULL);
}

static void
test_opens_on_the_last_view (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.example.ClientDesk");
  g_autofree char *saved = NULL;
  CdWindow *again;

  cd_window_show_view (fixture->window, "finance");
  /* Closing saves the view; the next window opens on it. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  saved = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (saved, ==, "finance");

  again = cd_window_new (NULL, fixture->context);
  g_object_ref (again);
  gtk_window_present (GTK_WINDOW (again));
  g_assert_cmpstr (cd_window_get_view_name (again), ==, "finance");
  gtk_window_destroy (GTK_WINDOW (again));
  cd_test_iterate (50);
  g_assert_finalize_object (again);
  g_settings_reset (settings, "last-view");
}

static gboolean
is_folded (gpointer data)
{
  GtkWidget *leaflet = cd_test_find_by_type (GTK_WIDGET (data), ADW_TYPE_LEAFLET);

  return leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

/* On a narrow window the sidebar and the view take turns, with a way back.
 * The window is opened narrow: without a window manager (Xvfb in CI) a
 * mapped X11 window may not follow a later change of its default size. */
static void
test_narrow_window_folds_the_sidebar (Fixture       *fixture,
                                      gconstpointer  data)
{
  CdWindow *narrow;
  GtkWidget *back;

  g_assert_false (is_folded (fixture->window));

  narrow = cd_window_new (NULL, fixture->context);
  g_object_ref (narrow);
  gtk_window_set_default_size (GTK_WINDOW (narrow), 700, 700);
  gtk_window_present (GTK_WINDOW (narrow));
  g_assert_true (cd_test_wait (is_folded, narrow, 5000));

  back = cd_test_find (GTK_WIDGET (narrow), GTK_TYPE_BUTTON, "Back to the list of views");
  g_assert_nonnull (back);
  if (back != NULL)
    g_assert_true (gtk_widget_get_visible (back));
  gtk_window_destroy (GTK_WINDOW (narrow));
  cd_test_iterate (50);
  g_assert_finalize_object (narrow);
}

/* A click on a chart's bar opens the list behind it (issue 8). */
static void
test_chart_item_opens_its_list (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *insights = cd_window_get_view (fixture->window, "insights");
  GtkWidget *entry;
  CdListView *list;

  g_assert_nonnull (insights);
  cd_window_show_view (fixture->window, "insights");
  g_signal_emit_by_name (insights, "open-items", (int) CD_KIND_CONTRACTS, "2026-03", NULL);
  cd_test_iterate (50);

  g_assert_cmpstr (cd_window_get_view_name (fixture->window), ==, "quotes-contracts");
  list = cd_window_get_current_list (fixture->window);
  g_assert_nonnull (list);
  if (list != NULL)
    g_assert_cmpint (cd_list_view_get_source (list), ==, CD_SOURCE_CONTRACTS);
  entry = cd_test_find_by_label (GTK_WIDGET (fixture->window), "Search in this list");
  g_assert_nonnull (entry);
  if (entry != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "202603");
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} BackupWait;

static void
on_backed_up_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BackupWait *wait = user_data;

  wait->ok = cd_backup_finish (result, &wait->error);
  wait->done = TRUE;
}

static gboolean
backup_done (gpointer data)
{
  return ((BackupWait *) data)->done;
}

/* What Backup & Restore… → Back Up… does once a file is chosen. */
static void
test_backup_writes_a_database_that_opens (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *dest = cd_test_make_db_path ();
  g_autoptr(GFile) file = g_file_new_for_path (dest);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) copy = NULL;
  BackupWait wait = { 0 };

  cd_backup_async (cd_context_get_store (fixture->context), file, NULL, on_backed_up_cb, &wait);
  g_assert_true (cd_test_wait (backup_done, &wait, 30000));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  copy = cd_store_open (dest, &error);
  g_assert_no_error (error);
  if (copy != NULL)
    g_assert_cmpint (cd_store_count (copy, CD_KIND_CLIENTS, NULL), ==,
                     cd_store_count (cd_context_get_store (fixture->context), CD_KIND_CLIENTS, NULL));
  g_clear_object (&copy);
  g_clear_error (&wait.error);
  cd_test_remove_tree (dest);
}

int
main (int argc, char **argv)
{
  CdContext *context;
  int status;

  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  db_path = cd_test_make_db_path ();
  context = cd_test_open_context (db_path);
  cd_test_fill_demo (context);
  g_object_unref (context);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/window/sidebar-lists-the-eight-views", test_sidebar_lists_the_eight_views);
  ADD ("/gui/window/sidebar-row-activation-shows-its-view", test_sidebar_row_activation_shows_its_view);
  ADD ("/gui/window/every-view-shows-rows-of-the-sample-agency", test_every_view_shows_rows_of_the_sample_agency);
  ADD ("/gui/window/search-narrows-the-client-list", test_search_narrows_the_client_list);
  ADD ("/gui/window/ctrl-number-switches-views", test_ctrl_number_switches_views);
  ADD ("/gui/window/every-control-has-an-accessible-name", test_every_control_has_an_accessible_name);
  ADD ("/gui/window/new-button-explains-itself", test_new_button_explains_itself);
  ADD ("/gui/window/today-lists-the-month-end-papers", test_today_lists_the_month_end_papers);
  ADD ("/gui/window/backup-writes-a-database-that-opens", test_backup_writes_a_database_that_opens);
  ADD ("/gui/window/opens-on-the-last-view", test_opens_on_the_last_view);
  ADD ("/gui/window/narrow-window-folds-the-sidebar", test_narrow_window_folds_the_sidebar);
  ADD ("/gui/window/chart-item-opens-its-list", test_chart_item_opens_its_list);
#undef ADD

  status = g_test_run ();
  cd_test_remove_tree (db_path);
  g_free (db_path);
  return status;
}
