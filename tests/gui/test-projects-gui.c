/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project worksheet and the Work orders view under Xvfb: a known
 * project's contract total, supplier costs, margin and its rate shown to
 * the fen, the warning row under the minimum margin, and the work orders
 * of every project in the paged list, overdue ones marked. */
#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui-test-util.h"
#include "gui/cd-paged-model.h"
#include "gui/cd-projects-view.h"
#include "gui/cd-row.h"
#include "gui/cd-text-cell.h"
#include "gui/cd-work-orders-view.h"
#include "store/cd-store-private.h"
#include "store/cd-store-projects.h"

static const char fixture_sql[] =
  "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
  "INSERT INTO staff (id, name, role, department) VALUES (3, '陈晓', 'creative', 'creative');"
  "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
  "INSERT INTO supplier (id, name, category) VALUES (1, '上海彩虹印务', 'print');"
  "INSERT INTO project (id, number, client_id, name, status, am_id, start_date, due_date)"
  "  VALUES (1, 'XM-1', 1, '春季新品发布会', 'contracted', 1, '2026-03-02', '2026-04-30');"
  "INSERT INTO contract (id, number, project_id, client_id, status, subject, amount_fen, signed_date)"
  "  VALUES (1, 'HT-1', 1, 1, 'signed', '发布会', 10000000, '2026-03-10');"
  "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date)"
  "  VALUES (1, 'GD-1', 1, 1, 'delivered', '2026-03-11', '2026-03-15');"
  "INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit_price_fen, amount_fen, tax_fen)"
  "  VALUES (1, 1, '海报', 1000, 7000000, 7000000, 910000);"
  "INSERT INTO work_order (number, project_id, title, department, assignee_id, issued_date, due_date, status)"
  "  VALUES ('GZ-1', 1, '主视觉', 'design', 3, '2020-03-02', '2020-03-05', 'issued'),"
  "         ('GZ-2', 1, '海报文案', 'copywriting', 3, '2026-03-03', '2099-03-06', 'issued');";

typedef struct
{
  char          *path;
  CdContext     *context;
  GtkWindow     *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  g_assert_true (cd_store_exec (cd_context_get_store (f->context), fixture_sql, &error));
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  cd_test_iterate (50);
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
}

static gboolean
page_loaded (gpointer data)
{
  return !cd_project_page_get_loading (data) && cd_project_page_get_worksheet (data) != NULL;
}

/* The value label named @caption (its caption shows the same text). */
static GtkWidget *
find_value (GtkWidget *root, const char *caption)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), caption) != 0
      && gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, caption);
      if (mismatch == NULL)
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_value (c, caption);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
figure (GtkWidget *root, const char *caption)
{
  GtkWidget *label = find_value (root, caption);

  g_assert_nonnull (label);
  return label ? g_strdup (gtk_label_get_text (GTK_LABEL (label))) : NULL;
}

static void
test_worksheet_shows_known_numbers (Fixture *f, gconstpointer data)
{
  CdProjectsView *view = cd_projects_view_new (f->context);
  CdProjectPage *page = cd_projects_view_get_page (view);
  g_autofree char *contract = NULL;
  g_autofree char *costs = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *want_contract = cd_money_format (10000000);
  g_autofree char *want_costs = cd_money_format (7910000);
  g_autofree char *want_margin = cd_money_format (2090000);
  GtkWidget *warning;

  gtk_window_set_child (f->window, GTK_WIDGET (view));
  gtk_window_present (f->window);
  cd_projects_view_show_project (view, 1);
  g_assert_true (cd_test_wait (page_loaded, page, 5000));
  contract = figure (GTK_WIDGET (page), "Contract total");
  costs = figure (GTK_WIDGET (page), "Supplier costs so far");
  margin = figure (GTK_WIDGET (page), "Margin");
  rate = figure (GTK_WIDGET (page), "Margin rate");
  g_assert_cmpstr (contract, ==, want_contract);
  g_assert_cmpstr (costs, ==, want_costs);
  g_assert_cmpstr (margin, ==, want_margin);
  g_assert_cmpstr (rate, ==, "20.90 %");
  warning = cd_test_find (GTK_WIDGET (page), GTK_TYPE_BOX, "Margin warning");
  g_assert_nonnull (warning);
  g_assert_false (warning && gtk_widget_get_visible (warning));

  /* Raise the minimum above 20.90 %: the warning row appears. */
  g_assert_true (cd_store_exec (cd_context_get_store (f->context),
                                "UPDATE project SET min_margin_bp = 2500 WHERE id = 1", NULL));
  cd_project_page_set_project (page, 1);
  g_assert_true (cd_test_wait (page_loaded, page, 5000));
  g_assert_true (cd_project_page_get_worksheet (page)->below_min);
  warning = cd_test_find (GTK_WIDGET (page), GTK_TYPE_BOX, "Margin warning");
  g_assert_true (warning && gtk_widget_get_visible (warning));
  /* Reference files of the brief: a button to attach one, and their count. */
  g_assert_nonnull (cd_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Attach a reference file to the brief"));
  {
    GtkWidget *count = cd_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "Reference files");
    g_autoptr (GBytes) bytes = g_bytes_new_static ("ref", 3);

    g_assert_cmpstr (count ? gtk_label_get_text (GTK_LABEL (count)) : NULL, ==, "0 reference files");
    g_assert_true (cd_store_brief_attach (cd_context_get_store (f->context), 1, "参考图.png", bytes, NULL));
    cd_project_page_set_project (page, 1);
    g_assert_true (cd_test_wait (page_loaded, page, 5000));
    count = cd_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "Reference files");
    g_assert_cmpstr (count ? gtk_label_get_text (GTK_LABEL (count)) : NULL, ==, "1 reference file");
  }
  /* The brief was never filled in: the form names what is missing. */
  {
    GtkWidget *missing = cd_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "Missing brief fields");
    g_assert_nonnull (missing);
    g_assert_nonnull (missing ? strstr (gtk_label_get_text (GTK_LABEL (missing)), "Background") : NULL);
  }
}

static gboolean
model_ready (gpointer data)
{
  return !cd_paged_model_get_loading (data) && g_list_model_get_n_items (data) > 0;
}

static gboolean
has_overdue_cell (GtkWidget *root)
{
  if (CD_IS_TEXT_CELL (root) && gtk_widget_has_css_class (root, "overdue"))
    {
      const char *text = cd_text_cell_get_text (CD_TEXT_CELL (root));
      return g_strcmp0 (text, "GZ-1") == 0 || g_strcmp0 (text, "主视觉") == 0;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_overdue_cell (c))
      return TRUE;
  return FALSE;
}

static void
test_work_orders_view_marks_overdue (Fixture *f, gconstpointer data)
{
  CdWorkOrdersView *view = cd_work_orders_view_new (f->context);
  CdPagedModel *model = cd_work_orders_view_get_model (view);

  gtk_window_set_child (f->window, GTK_WIDGET (view));
  gtk_window_present (f->window);
  g_assert_true (cd_test_wait (model_ready, model, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  cd_test_iterate (200);
  g_assert_true (has_overdue_cell (GTK_WIDGET (view)));
  g_assert_nonnull (cd_test_find (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, "Department"));
  {
    g_autoptr (GPtrArray) missing = cd_test_unlabelled (GTK_WIDGET (view));

    for (guint i = 0; i < missing->len; i++)
      {
        g_autofree char *where = cd_test_describe (g_ptr_array_index (missing, i));
        g_test_message ("no accessible name: %s", where);
      }
    g_assert_cmpuint (missing->len, ==, 0);
  }
}

/* The AM sets the project's minimum margin on its page: a percentage that
 * is not one is refused beside the field, a valid one moves the warning. */
static void
test_minimum_margin_is_set_on_the_page (Fixture *f, gconstpointer data)
{
  CdProjectsView *view = cd_projects_view_new (f->context);
  CdProjectPage *page = cd_projects_view_get_page (view);
  GtkWidget *entry, *save, *warning;

  gtk_window_set_child (f->window, GTK_WIDGET (view));
  gtk_window_present (f->window);
  cd_projects_view_show_project (view, 1);
  g_assert_true (cd_test_wait (page_loaded, page, 5000));
  g_assert_false (cd_project_page_get_worksheet (page)->below_min);
  entry = cd_test_find (GTK_WIDGET (page), GTK_TYPE_ENTRY, "Minimum margin (%)");
  save = cd_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Save the AE and minimum margin");
  g_assert_nonnull (entry);
  g_assert_nonnull (save);
  g_assert_nonnull (cd_test_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "Account executive"));
  if (entry == NULL || save == NULL)
    return;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "20.00");

  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (save, "clicked");
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT min_margin_bp FROM project WHERE id = 1", NULL), ==, 2000);

  gtk_editable_set_text (GTK_EDITABLE (entry), "25");
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (cd_test_wait (page_loaded, page, 5000));
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT min_margin_bp FROM project WHERE id = 1", NULL), ==, 2500);
  g_assert_true (cd_project_page_get_worksheet (page)->below_min);
  warning = cd_test_find (GTK_WIDGET (page), GTK_TYPE_BOX, "Margin warning");
  g_assert_true (warning && gtk_widget_get_visible (warning));
}

static gboolean
is_idle_model (gpointer data)
{
  return !cd_paged_model_get_loading (data);
}

static gboolean
has_n_items (gpointer data)
{
  GListModel *model = data;

  return !cd_paged_model_get_loading (data)
         && g_list_model_get_n_items (model) == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static void
test_project_list_filters_by_client (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdProjectsView *view = NULL;
  CdPagedModel *model;
  GtkWidget *entry;

  g_assert_true (cd_store_exec (cd_context_get_store (f->context),
    "INSERT INTO client (id, name, status, owner_id) VALUES (2, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
    "  VALUES (2, 'XM-2', 2, '龙井茶包装设计', 'brief', 1, '2026-03-05');", &error));
  g_assert_no_error (error);
  view = cd_projects_view_new (f->context);
  model = cd_projects_view_get_model (view);
  gtk_window_set_child (f->window, GTK_WIDGET (view));
  gtk_window_present (f->window);
  g_object_set_data (G_OBJECT (model), "want", GUINT_TO_POINTER (2));
  g_assert_true (cd_test_wait (has_n_items, model, 5000));

  entry = cd_test_find (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, "Filter by client");
  g_assert_nonnull (entry);
  if (entry == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), "云栖");
  g_object_set_data (G_OBJECT (model), "want", GUINT_TO_POINTER (1));
  g_assert_true (cd_test_wait (has_n_items, model, 5000));
  {
    g_autoptr (CdRow) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autofree char *number = NULL;

    g_assert_true (cd_test_wait (is_idle_model, model, 5000));
    number = row ? cd_row_dup_string (row, "number") : NULL;
    g_assert_cmpstr (number, ==, "XM-2");
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_object_set_data (G_OBJECT (model), "want", GUINT_TO_POINTER (2));
  g_assert_true (cd_test_wait (has_n_items, model, 5000));
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;
  g_test_add ("/gui/projects/worksheet-shows-the-numbers-of-a-known-project", Fixture, NULL, fixture_setup,
              test_worksheet_shows_known_numbers, fixture_teardown);
  g_test_add ("/gui/projects/minimum-margin-is-set-on-the-page", Fixture, NULL, fixture_setup,
              test_minimum_margin_is_set_on_the_page, fixture_teardown);
  g_test_add ("/gui/projects/list-filters-by-a-part-of-the-client-name", Fixture, NULL, fixture_setup,
              test_project_list_filters_by_client, fixture_teardown);
  g_test_add ("/gui/work-orders/view-lists-every-work-order-and-marks-the-overdue", Fixture, NULL, fixture_setup,
              test_work_orders_view_marks_overdue, fixture_teardown);
  return g_test_run ();
}
