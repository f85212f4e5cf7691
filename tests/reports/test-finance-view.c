/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Finance view's month end on a known month: its totals are the
 * month's, loaded off the UI thread; every control has a name a screen
 * reader can say; the per-supplier option is the database's setting. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "core/cd-money.h"
#include "gui/cd-finance-view.h"
#include "store/cd-store-month-end.h"

typedef struct
{
  char      *dir;
  char      *db_path;
  CdContext *context;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root ? root : ".", "tests", "reports",
                                            "month-end-fixture.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  f->dir = g_dir_make_tmp ("cd-finance-view-XXXXXX", &error);
  f->db_path = g_build_filename (f->dir, "t.db", NULL);
  store = cd_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->context = cd_context_new (store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->context);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
wait_idle (CdFinanceView *view)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  do
    g_main_context_iteration (NULL, FALSE);
  while ((cd_finance_view_is_busy (view) || g_main_context_pending (NULL))
         && g_get_monotonic_time () < end);
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_ACTION_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
row_value (GtkWidget *root, const char *title)
{
  GtkWidget *row = find_row (root, title);
  GtkWidget *stack[64];
  int top = 0;

  if (row == NULL)
    return NULL;
  stack[top++] = row;
  while (top > 0)
    {
      GtkWidget *w = stack[--top];

      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "numeric"))
        return gtk_label_get_text (GTK_LABEL (w));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c && top < 64;
           c = gtk_widget_get_next_sibling (c))
        stack[top++] = c;
    }
  return NULL;
}

static void
collect_unnamed (GtkWidget *root, GPtrArray *unnamed)
{
  if ((GTK_IS_DROP_DOWN (root) || GTK_IS_SWITCH (root) || GTK_IS_PROGRESS_BAR (root)
       || GTK_IS_SPINNER (root))
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_ptr_array_add (unnamed, (gpointer) G_OBJECT_TYPE_NAME (root));
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL)
      && gtk_widget_get_ancestor (root, GTK_TYPE_DROP_DOWN) == NULL)
    g_ptr_array_add (unnamed, (gpointer) G_OBJECT_TYPE_NAME (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, unnamed);
}

static void
test_totals_of_the_month (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  CdFinanceView *view = cd_finance_view_new (f->context);
  g_autofree char *total = NULL;
  CdMonthTotals expected;
  g_autoptr (CdMonthReader) reader = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (view);

  /* Last month is chosen at first. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autoptr (GDateTime) last = g_date_time_add_months (now, -1);
    g_autofree char *month = g_date_time_format (last, "%Y-%m");

    g_assert_cmpstr (cd_finance_view_get_month (view), ==, month);
  }

  g_assert_true (cd_finance_view_set_month (view, "2026-03"));
  g_assert_cmpstr (cd_finance_view_get_month (view), ==, "2026-03");
  wait_idle (view);

  reader = cd_month_reader_open (cd_context_get_store (f->context), "2026-03", NULL);
  g_assert_true (cd_month_reader_totals (reader, &expected, NULL));
  total = cd_money_format (expected.total_fen);
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "Suppliers"), ==, "5");
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "Order lines"), ==, "8");
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "Total"), ==, total);
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "Deliveries not payable yet"), ==, "4");
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "Work orders issued"), ==, "5");
  g_assert_false (cd_finance_view_set_month (view, "2026-13"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_controls_are_named (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  CdFinanceView *view = cd_finance_view_new (f->context);
  g_autoptr (GPtrArray) unnamed = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (view);
  collect_unnamed (GTK_WIDGET (view), unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("no accessible name: %s", (const char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_per_supplier_option_is_saved (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  CdFinanceView *view = cd_finance_view_new (f->context);
  GtkWidget *toggle;
  g_autofree char *value = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (view);
  toggle = find_type (GTK_WIDGET (view), GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  value = cd_store_get_setting (cd_context_get_store (f->context), CD_SETTING_SHEET_PER_SUPPLIER);
  g_assert_cmpstr (value, ==, "true");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/gui/finance-view/shows-the-totals-of-the-month", Fixture, NULL, fixture_setup,
              test_totals_of_the_month, fixture_teardown);
  g_test_add ("/gui/finance-view/every-control-has-an-accessible-name", Fixture, NULL,
              fixture_setup, test_controls_are_named, fixture_teardown);
  g_test_add ("/gui/finance-view/per-supplier-option-is-a-database-setting", Fixture, NULL,
              fixture_setup, test_per_supplier_option_is_saved, fixture_teardown);
  return g_test_run ();
}
