/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first run on an empty database: the welcome page and its three
 * choices; "Start empty" is remembered; a database with data goes straight
 * to the views. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "gui/cd-tasks.h"
#include "gui/cd-welcome-page.h"
#include "gui/cd-window.h"

typedef struct
{
  char      *db_path;
  CdContext *context;
  CdWindow  *window;
} Fixture;

static void
open_window (Fixture *fixture)
{
  fixture->window = cd_window_new (NULL, fixture->context);
  g_object_ref (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cd_test_iterate (50);
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cd_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db_path = cd_test_make_db_path ();
  fixture->context = cd_test_open_context (fixture->db_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);
  g_assert_finalize_object (fixture->context);
  cd_test_remove_tree (fixture->db_path);
  g_free (fixture->db_path);
}

static GtkWidget *
visible_button (Fixture    *fixture,
                const char *label)
{
  GtkWidget *button = cd_test_find_by_label (GTK_WIDGET (fixture->window), label);

  g_test_message ("button “%s”", label);
  g_assert_nonnull (button);
  if (button == NULL)
    return NULL;
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  return button;
}

static void
test_empty_database_offers_three_choices (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *page;

  open_window (fixture);
  g_assert_cmpstr (cd_window_get_page (fixture->window), ==, "welcome");
  page = cd_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  if (page != NULL)
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Welcome to ClientDesk");

  visible_button (fixture, "Load sample agency");
  visible_button (fixture, "Start empty");
  visible_button (fixture, "Import clients from a CSV file");
}

static void
test_start_empty_is_remembered (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *button;
  g_autofree char *done = NULL;

  open_window (fixture);
  button = visible_button (fixture, "Start empty");
  if (button == NULL)
    return;
  g_signal_emit_by_name (button, "clicked");
  cd_test_iterate (50);

  g_assert_cmpstr (cd_window_get_page (fixture->window), ==, "views");
  done = cd_store_get_setting (cd_context_get_store (fixture->context), CD_SETTING_FIRST_RUN_DONE);
  g_assert_cmpstr (done, ==, "1");
  /* The lists show their empty states, which say what to do. */
  cd_window_show_view (fixture->window, "suppliers-deliveries");
  cd_test_iterate (300);
  g_assert_cmpstr (cd_list_view_get_state (cd_window_get_current_list (fixture->window)), ==, "empty");

  /* The next start goes straight to the views. */
  close_window (fixture);
  open_window (fixture);
  g_assert_cmpstr (cd_window_get_page (fixture->window), ==, "views");
}

static gboolean
page_is_views (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (cd_window_get_page (fixture->window), "views") == 0;
}

static void
test_sample_agency_loads_and_shows_the_views (Fixture       *fixture,
                                              gconstpointer  data)
{
  GtkWidget *button;

  open_window (fixture);
  button = visible_button (fixture, "Load sample agency");
  if (button == NULL)
    return;
  g_signal_emit_by_name (button, "clicked");
  /* The buttons wait while the agency is generated on a worker thread. */
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_true (cd_test_wait (page_is_views, fixture, 120000));
  g_assert_false (cd_store_is_empty (cd_context_get_store (fixture->context)));
}

static void
test_every_welcome_control_has_an_accessible_name (Fixture       *fixture,
                                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) missing = NULL;

  open_window (fixture);
  missing = cd_test_unlabelled (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < missing->len; i++)
    {
      g_autofree char *where = cd_test_describe (g_ptr_array_index (missing, i));

      g_test_message ("no accessible name: %s", where);
    }
  g_assert_cmpuint (missing->len, ==, 0);
}

typedef struct
{
  gboolean        done;
  gboolean        ok;
  CdImportReport *report;
  GError         *error;
} ImportWait;

static void
on_imported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportWait *wait = user_data;

  wait->ok = cd_import_file_finish (result, &wait->report, &wait->error);
  wait->done = TRUE;
}

static gboolean
import_done (gpointer data)
{
  return ((ImportWait *) data)->done;
}

/* What Import… on the welcome page does once a file is chosen: a file with
 * a bad row is refused whole, and the dialog says which row and why. */
static void
test_refused_import_names_the_rows (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autofree char *path = g_build_filename (dir, "clients.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ImportWait wait = { 0 };
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (g_file_set_contents (path, "name,phone\n上海好客户有限公司,021-5555\n,0755-1234\n", -1, NULL));
  cd_import_file_async (cd_context_get_store (fixture->context), CD_KIND_CLIENTS, file, NULL,
                        on_imported_cb, &wait);
  g_assert_true (cd_test_wait (import_done, &wait, 20000));

  g_assert_false (wait.ok);
  g_assert_nonnull (wait.error);
  g_assert_nonnull (wait.report);
  dialog = cd_show_import_refusal (NULL, wait.report, wait.error);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Line 3"));
  g_assert_nonnull (strstr (body, "Nothing was imported"));
  /* The whole file or nothing. */
  g_assert_true (cd_store_is_empty (cd_context_get_store (fixture->context)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&wait.report, cd_import_report_free);
  g_clear_error (&wait.error);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/first-run/empty-database-offers-three-choices", test_empty_database_offers_three_choices);
  ADD ("/gui/first-run/start-empty-is-remembered", test_start_empty_is_remembered);
  ADD ("/gui/first-run/sample-agency-loads-and-shows-the-views", test_sample_agency_loads_and_shows_the_views);
  ADD ("/gui/first-run/every-welcome-control-has-an-accessible-name", test_every_welcome_control_has_an_accessible_name);
  ADD ("/gui/first-run/refused-import-names-the-rows", test_refused_import_names_the_rows);
#undef ADD

  return g_test_run ();
}
