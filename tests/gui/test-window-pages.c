/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The finished pages in the main window: Finance's month end, Insights'
 * charts, and the record windows that open from the lists' rows. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include "gui-test-util.h"
#include "gui/cd-acceptance-editor.h"
#include "gui/cd-contract-editor.h"
#include "gui/cd-finance-view.h"
#include "gui/cd-insights-view.h"
#include "gui/cd-list-view.h"
#include "gui/cd-payment-receivables-window.h"
#include "gui/cd-quote-editor.h"
#include "gui/cd-row.h"
#include "gui/cd-section-view.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-supplier-page.h"
#include "gui/cd-today-view.h"
#include "gui/cd-window.h"
#include "store/cd-store.h"

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

/* Closes every window but the main one (the editors opened by a test). */
static void
close_other_windows (Fixture *fixture)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
  cd_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_other_windows (fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cd_test_iterate (100);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->context);
}

static gboolean
list_settled (gpointer data)
{
  return cd_list_view_get_loaded (data) && !cd_list_view_get_loading (data);
}

/* The first window of @type among the toplevels, or NULL. */
static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Shows tab @index of the section @view_name and returns its list, loaded. */
static CdListView *
show_tab (Fixture    *fixture,
          const char *view_name,
          guint       index)
{
  CdSectionView *section;
  GtkWidget *stack, *page;
  guint i = 0;

  cd_window_show_view (fixture->window, view_name);
  section = CD_SECTION_VIEW (cd_window_get_view (fixture->window, view_name));
  stack = gtk_widget_get_parent (GTK_WIDGET (cd_section_view_get_visible_page (section)));
  for (page = gtk_widget_get_first_child (stack); page != NULL && i < index; i++)
    page = gtk_widget_get_next_sibling (page);
  g_assert_nonnull (page);
  if (page == NULL || !CD_IS_LIST_VIEW (page))
    return NULL;
  cd_section_view_set_visible_list (section, CD_LIST_VIEW (page));
  cd_test_iterate (50);
  g_assert_true (cd_test_wait (list_settled, page, 20000));
  return CD_LIST_VIEW (page);
}

/* Activating the first row opens a window of @type on the row's record. */
static void
check_row_opens (Fixture    *fixture,
                 const char *view_name,
                 guint       tab,
                 GType       type)
{
  CdListView *list = show_tab (fixture, view_name, tab);
  g_autoptr(CdRow) row = NULL;
  GtkWindow *window;

  g_assert_nonnull (list);
  if (list == NULL)
    return;
  g_assert_cmpuint (g_list_model_get_n_items (cd_list_view_get_model (list)), >, 0);
  row = g_list_model_get_item (cd_list_view_get_model (list), 0);
  g_assert_null (find_window (type));
  cd_list_view_activate_row (list, 0);
  cd_test_iterate (200);
  window = find_window (type);
  g_test_message ("%s tab %u → %s for row %" PRId64, view_name, tab, g_type_name (type),
                  cd_row_get_id (row));
  g_assert_nonnull (window);
  if (window == NULL)
    return;
  if (type == CD_TYPE_QUOTE_EDITOR)
    g_assert_cmpint (cd_quote_editor_get_quote_id (CD_QUOTE_EDITOR (window)), ==, cd_row_get_id (row));
  else if (type == CD_TYPE_CONTRACT_EDITOR)
    g_assert_cmpint (cd_contract_editor_get_contract_id (CD_CONTRACT_EDITOR (window)), ==, cd_row_get_id (row));
  else if (type == CD_TYPE_SUPPLIER_ORDER_WINDOW)
    g_assert_cmpint (cd_supplier_order_window_get_order_id (CD_SUPPLIER_ORDER_WINDOW (window)), ==,
                     cd_row_get_id (row));
  else if (type == CD_TYPE_SUPPLIER_PAGE)
    g_assert_cmpint (cd_supplier_page_get_supplier_id (CD_SUPPLIER_PAGE (window)), ==, cd_row_get_id (row));
  else if (type == CD_TYPE_ACCEPTANCE_EDITOR)
    g_assert_cmpint (cd_acceptance_editor_get_acceptance_id (CD_ACCEPTANCE_EDITOR (window)), ==,
                     cd_row_get_id (row));
  close_other_windows (fixture);
}

static void
test_quote_row_opens_the_quote_editor (Fixture *fixture, gconstpointer data)
{
  check_row_opens (fixture, "quotes-contracts", 0, CD_TYPE_QUOTE_EDITOR);
}

static void
test_contract_row_opens_the_contract_editor (Fixture *fixture, gconstpointer data)
{
  check_row_opens (fixture, "quotes-contracts", 1, CD_TYPE_CONTRACT_EDITOR);
}

static void
test_supplier_row_opens_the_supplier_page (Fixture *fixture, gconstpointer data)
{
  check_row_opens (fixture, "suppliers-deliveries", 0, CD_TYPE_SUPPLIER_PAGE);
}

static void
test_order_row_opens_the_order_window (Fixture *fixture, gconstpointer data)
{
  check_row_opens (fixture, "suppliers-deliveries", 1, CD_TYPE_SUPPLIER_ORDER_WINDOW);
}

static void
test_acceptance_row_opens_the_acceptance_editor (Fixture *fixture, gconstpointer data)
{
  check_row_opens (fixture, "suppliers-deliveries", 2, CD_TYPE_ACCEPTANCE_EDITOR);
}

static void
test_finance_opens_on_month_end (Fixture *fixture, gconstpointer data)
{
  CdSectionView *section;
  GtkWidget *search;

  cd_window_show_view (fixture->window, "finance");
  cd_test_iterate (50);
  section = CD_SECTION_VIEW (cd_window_get_view (fixture->window, "finance"));
  g_assert_true (CD_IS_FINANCE_VIEW (cd_section_view_get_visible_page (section)));
  g_assert_null (cd_section_view_get_visible_list (section));
  g_assert_null (cd_window_get_current_list (fixture->window));
  /* Month end is a summary: the search field does not apply to it. */
  search = cd_test_find_by_label (GTK_WIDGET (fixture->window), "Search");
  if (search != NULL)
    g_assert_false (gtk_widget_get_sensitive (search));
  g_assert_nonnull (cd_test_find (GTK_WIDGET (section), GTK_TYPE_WIDGET, "Month end"));
}

/* Returns: (transfer none) (nullable): the row under @root whose title is
 * @title; a preferences row is named for assistive technology by its title. */
static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The aged receivables open from the Finance view, over the main window. */
static void
test_finance_opens_aged_receivables (Fixture *fixture, gconstpointer data)
{
  GtkWidget *section = cd_window_get_view (fixture->window, "finance");
  GtkWidget *row;
  GtkWindow *window;

  cd_window_show_view (fixture->window, "finance");
  cd_test_iterate (50);
  row = find_row (section, "Aged Receivables…");
  g_assert_nonnull (row);
  g_assert_null (find_window (CD_TYPE_PAYMENT_RECEIVABLES_WINDOW));
  if (row == NULL)
    return;
  g_assert_true (gtk_widget_activate (row));
  cd_test_iterate (100);
  window = find_window (CD_TYPE_PAYMENT_RECEIVABLES_WINDOW);
  g_assert_nonnull (window);
  if (window != NULL)
    g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window));
}

static void
test_insights_shows_the_charts (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = cd_window_get_view (fixture->window, "insights");

  g_assert_true (CD_IS_INSIGHTS_VIEW (view));
  cd_window_show_view (fixture->window, "insights");
  cd_test_iterate (100);
  g_assert_nonnull (cd_insights_view_get_chart_widget (CD_INSIGHTS_VIEW (view)));
}

static gboolean
dialog_has_rows (gpointer data)
{
  GtkWidget *list = cd_test_find (data, GTK_TYPE_LIST_BOX, "Projects in brief or quoting");

  return list != NULL && gtk_widget_get_first_child (list) != NULL;
}

static void
test_new_makes_a_quote_for_a_chosen_project (Fixture *fixture, gconstpointer data)
{
  CdStore *store = cd_context_get_store (fixture->context);
  gint64 before = cd_store_count (store, CD_KIND_QUOTES, NULL);
  GtkWindow *dialog;
  GtkWidget *list;
  GtkWindow *editor;

  cd_window_show_view (fixture->window, "clients");
  cd_test_iterate (50);
  g_assert_false (gtk_widget_is_sensitive (cd_test_find_by_label (GTK_WIDGET (fixture->window), "New record")));
  show_tab (fixture, "quotes-contracts", 0);
  g_assert_true (gtk_widget_is_sensitive (cd_test_find_by_label (GTK_WIDGET (fixture->window), "New record")));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL);
  cd_test_iterate (100);
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_true (cd_test_wait (dialog_has_rows, dialog, 20000));
  list = cd_test_find (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "Projects in brief or quoting");
  g_signal_emit_by_name (list, "row-activated", gtk_widget_get_first_child (list));
  cd_test_iterate (200);

  g_assert_cmpint (cd_store_count (store, CD_KIND_QUOTES, NULL), ==, before + 1);
  editor = find_window (CD_TYPE_QUOTE_EDITOR);
  g_assert_nonnull (editor);
}

static gboolean
today_settled (gpointer data)
{
  return !cd_today_view_get_loading (data) && cd_today_view_get_section (data, 0) != NULL;
}

/* Today's sections must leave the sidebar beside them on a laptop. */
static void
test_today_fits_beside_the_sidebar (Fixture *fixture, gconstpointer data)
{
  CdTodayView *today = CD_TODAY_VIEW (cd_window_get_view (fixture->window, "today"));
  int minimum = 0, natural = 0;

  cd_window_show_view (fixture->window, "today");
  g_assert_true (cd_test_wait (today_settled, today, 20000));
  cd_test_iterate (100);
  gtk_widget_measure (GTK_WIDGET (today), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("Today: minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 700);
  /* The others are their owners' to fit; say which would fold the window. */
  for (const char * const *name = cd_window_view_names (); *name != NULL; name++)
    {
      gtk_widget_measure (cd_window_get_view (fixture->window, *name), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, &natural, NULL, NULL);
      g_test_message ("view %s: minimum width %d", *name, minimum);
    }
}

/* A Today row opens its record: a work order shows the Work orders view. */
static void
test_today_rows_open_their_records (Fixture *fixture, gconstpointer data)
{
  CdTodayView *today = CD_TODAY_VIEW (cd_window_get_view (fixture->window, "today"));

  g_signal_emit_by_name (today, "open", "work-order", (gint64) 1, "WO-NO-SUCH");
  cd_test_iterate (50);
  g_assert_cmpstr (cd_window_get_view_name (fixture->window), ==, "work-orders");
  g_signal_emit_by_name (today, "open", "client", (gint64) 1, "no such client");
  cd_test_iterate (50);
  g_assert_cmpstr (cd_window_get_view_name (fixture->window), ==, "clients");
  g_signal_emit_by_name (today, "open", "view", (gint64) 0, "finance");
  g_assert_cmpstr (cd_window_get_view_name (fixture->window), ==, "finance");
  g_signal_emit_by_name (today, "open", "quote", (gint64) 1, "");
  cd_test_iterate (100);
  g_assert_nonnull (find_window (CD_TYPE_QUOTE_EDITOR));
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
  ADD ("/gui/window/quote-row-opens-the-quote-editor", test_quote_row_opens_the_quote_editor);
  ADD ("/gui/window/contract-row-opens-the-contract-editor", test_contract_row_opens_the_contract_editor);
  ADD ("/gui/window/supplier-row-opens-the-supplier-page", test_supplier_row_opens_the_supplier_page);
  ADD ("/gui/window/today-rows-open-their-records", test_today_rows_open_their_records);
  ADD ("/gui/window/order-row-opens-the-order-window", test_order_row_opens_the_order_window);
  ADD ("/gui/window/acceptance-row-opens-the-acceptance-editor", test_acceptance_row_opens_the_acceptance_editor);
  ADD ("/gui/window/finance-opens-on-month-end", test_finance_opens_on_month_end);
  ADD ("/gui/window/finance-opens-aged-receivables", test_finance_opens_aged_receivables);
  ADD ("/gui/window/insights-shows-the-charts", test_insights_shows_the_charts);
  ADD ("/gui/window/new-makes-a-quote-for-a-chosen-project", test_new_makes_a_quote_for_a_chosen_project);
  ADD ("/gui/window/today-fits-beside-the-sidebar", test_today_fits_beside_the_sidebar);
#undef ADD

  status = g_test_run ();
  cd_test_remove_tree (db_path);
  g_free (db_path);
  return status;
}
