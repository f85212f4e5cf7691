/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CdListView: rows read on a worker thread, the empty and no-match states,
 * cell text and sorting. Clients come from a small CSV import, so that these
 * tests do not depend on the sample agency. */
#define G_LOG_DOMAIN "cd-test"

#include <glib/gstdio.h>
#include <string.h>

#include "core/cd-money.h"
#include "gui-test-util.h"
#include "gui/cd-list-view.h"
#include "gui/cd-row.h"
#include "store/cd-import.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char       *db_path;
  CdContext  *context;
  GtkWindow  *window;
  CdListView *view;
} Fixture;

static const char clients_csv[] =
  "name,short_name,industry,region,tier\n"
  "上海华联广告有限公司,华联,零售,华东,A\n"
  "北京远景文化传播有限公司,远景,文化,华北,B\n"
  "广州南方食品有限公司,南方食品,食品,华南,C\n";

static void
import_clients (CdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdImportReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientdesk-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clients.csv", NULL);

  g_assert_true (g_file_set_contents (path, clients_csv, -1, NULL));
  cd_import_csv (cd_context_get_store (context), CD_KIND_CLIENTS, path, FALSE, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  if (report != NULL)
    g_assert_cmpuint (report->rows_imported, ==, 3);
  g_unlink (path);
  g_rmdir (dir);
}

static void
show_view (Fixture      *fixture,
           CdListSource  source)
{
  fixture->view = cd_list_view_new (fixture->context, source);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 800, 500);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static gboolean
view_settled (gpointer data)
{
  CdListView *view = data;

  return cd_list_view_get_loaded (view) && !cd_list_view_get_loading (view);
}

static void
wait_for_rows (Fixture *fixture)
{
  g_assert_true (cd_test_wait (view_settled, fixture->view, 10000));
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
    {
      gtk_window_destroy (fixture->window);
      cd_test_iterate (50);
      g_assert_finalize_object (fixture->window);
    }
  g_assert_finalize_object (fixture->context);
  cd_test_remove_tree (fixture->db_path);
  g_free (fixture->db_path);
}

static void
test_empty_database_says_what_to_do (Fixture       *fixture,
                                     gconstpointer  data)
{
  AdwStatusPage *page;

  show_view (fixture, CD_SOURCE_CLIENTS);
  wait_for_rows (fixture);

  g_assert_cmpstr (cd_list_view_get_state (fixture->view), ==, "empty");
  page = ADW_STATUS_PAGE (cd_test_find_by_type (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  /* The first status page in the template is the empty state. */
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Clients Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "Import"));
  g_assert_cmpuint (g_list_model_get_n_items (cd_list_view_get_model (fixture->view)), ==, 0);
}

static void
test_imported_clients_fill_the_table (Fixture       *fixture,
                                      gconstpointer  data)
{
  GListModel *model;
  g_autofree char *names = NULL;
  GString *all = g_string_new (NULL);

  import_clients (fixture->context);
  show_view (fixture, CD_SOURCE_CLIENTS);
  wait_for_rows (fixture);

  g_assert_cmpstr (cd_list_view_get_state (fixture->view), ==, "list");
  model = cd_list_view_get_model (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CdRow) row = g_list_model_get_item (model, i);
      g_autofree char *name = cd_row_dup_string (row, "name");

      g_string_append_printf (all, "%s;", name);
    }
  names = g_string_free (all, FALSE);
  g_assert_nonnull (strstr (names, "北京远景文化传播有限公司"));
  g_assert_nonnull (strstr (names, "广州南方食品有限公司"));
}

static void
test_search_narrows_to_matching_rows (Fixture       *fixture,
                                      gconstpointer  data)
{
  GListModel *model;

  import_clients (fixture->context);
  show_view (fixture, CD_SOURCE_CLIENTS);
  wait_for_rows (fixture);

  cd_list_view_set_search (fixture->view, "远景");
  wait_for_rows (fixture);
  model = cd_list_view_get_model (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  if (g_list_model_get_n_items (model) == 1)
    {
      g_autoptr(CdRow) row = g_list_model_get_item (model, 0);
      g_autofree char *name = cd_row_dup_string (row, "name");

      g_assert_cmpstr (name, ==, "北京远景文化传播有限公司");
    }

  cd_list_view_set_search (fixture->view, NULL);
  wait_for_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_search_without_match_says_so (Fixture       *fixture,
                                   gconstpointer  data)
{
  import_clients (fixture->context);
  show_view (fixture, CD_SOURCE_CLIENTS);
  wait_for_rows (fixture);

  cd_list_view_set_search (fixture->view, "不存在的名字");
  wait_for_rows (fixture);
  g_assert_cmpstr (cd_list_view_get_state (fixture->view), ==, "no-match");
  g_assert_cmpuint (g_list_model_get_n_items (cd_list_view_get_model (fixture->view)), ==, 0);
}

static void
test_summaries_ignore_the_search (Fixture       *fixture,
                                  gconstpointer  data)
{
  show_view (fixture, CD_SOURCE_MONTHLY_REVENUE);
  wait_for_rows (fixture);

  g_assert_false (cd_list_view_is_searchable (fixture->view));
  cd_list_view_set_search (fixture->view, "x");
  g_assert_null (cd_list_view_get_search (fixture->view));
  /* Twelve months, each present even with nothing signed or paid. */
  g_assert_cmpuint (g_list_model_get_n_items (cd_list_view_get_model (fixture->view)), ==, 12);
}

static void
add_suppliers (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CdStore *store = cd_context_get_store (fixture->context);

  g_assert_true (cd_store_exec (store,
    "INSERT INTO supplier (id, name, category, status) VALUES"
    "  (1, '上海彩虹印务有限公司', 'print', 'active'),"
    "  (2, '上海晨光彩印有限公司', 'print', 'suspended'),"
    "  (3, '深圳光明LED显示有限公司', 'led', 'active'),"
    "  (4, '义乌礼品有限公司', 'gifts', 'active');", &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The names shown, sorted, so the text does not depend on the order read. */
static char *
shown_names (CdListView *view)
{
  GListModel *model = cd_list_view_get_model (view);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CdRow) row = g_list_model_get_item (model, i);

      g_ptr_array_add (names, cd_row_dup_string (row, "name"));
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (all, "%s;", (char *) names->pdata[i]);
  return g_string_free (all, FALSE);
}

static guint
category_position (const char *code)
{
  const char *const *codes = cd_supplier_categories ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i + 1;  /* after "All categories" */
  g_assert_not_reached ();
  return 0;
}

static const char *
filter_state_text (CdListView *view)
{
  GtkWidget *button = cd_test_find (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Clear filters");
  GtkWidget *label = button != NULL ? gtk_widget_get_prev_sibling (button) : NULL;

  return GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static void
test_supplier_filters_narrow_and_clear (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkDropDown *category, *status;
  GtkWidget *clear, *no_match_clear;
  AdwStatusPage *no_match;
  char *names;

  add_suppliers (fixture);
  show_view (fixture, CD_SOURCE_SUPPLIERS);
  wait_for_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cd_list_view_get_model (fixture->view)), ==, 4);

  category = GTK_DROP_DOWN (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN,
                                          "Category filter"));
  status = GTK_DROP_DOWN (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN,
                                        "Status filter"));
  clear = cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Clear filters");
  g_assert_nonnull (category);
  g_assert_nonnull (status);
  g_assert_nonnull (clear);
  if (category == NULL || status == NULL || clear == NULL)
    return;
  g_assert_cmpuint (gtk_drop_down_get_selected (category), ==, 0);
  g_assert_false (gtk_widget_get_visible (clear));
  g_assert_nonnull (strstr (filter_state_text (fixture->view), "4 suppliers"));

  /* Print: the two print shops, whatever their status. */
  gtk_drop_down_set_selected (category, category_position ("print"));
  wait_for_rows (fixture);
  names = shown_names (fixture->view);
  g_assert_cmpstr (names, ==, "上海彩虹印务有限公司;上海晨光彩印有限公司;");
  g_free (names);
  g_assert_true (cd_list_view_has_filters (fixture->view));
  g_assert_true (gtk_widget_get_visible (clear));
  g_assert_nonnull (strstr (filter_state_text (fixture->view), "2 suppliers · Print"));

  /* Print and suspended: one; LED and suspended: none, and the page says
   * to clear the filters, with a button that does. */
  gtk_drop_down_set_selected (status, 2);
  wait_for_rows (fixture);
  names = shown_names (fixture->view);
  g_assert_cmpstr (names, ==, "上海晨光彩印有限公司;");
  g_free (names);
  g_assert_nonnull (strstr (filter_state_text (fixture->view), "Print · Suspended"));
  gtk_drop_down_set_selected (category, category_position ("led"));
  wait_for_rows (fixture);
  g_assert_cmpstr (cd_list_view_get_state (fixture->view), ==, "no-match");
  no_match_clear = cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Clear the filters");
  g_assert_nonnull (no_match_clear);
  if (no_match_clear != NULL)
    g_assert_true (gtk_widget_get_visible (no_match_clear));
  no_match = ADW_STATUS_PAGE (gtk_widget_get_ancestor (no_match_clear, ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (strstr (adw_status_page_get_description (no_match), "Clear the filters"));

  /* One click puts both back to "All" and every supplier returns. */
  g_signal_emit_by_name (clear, "clicked");
  wait_for_rows (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (category), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 0);
  g_assert_false (cd_list_view_has_filters (fixture->view));
  g_assert_cmpstr (cd_list_view_get_state (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (cd_list_view_get_model (fixture->view)), ==, 4);
  g_assert_false (gtk_widget_get_visible (clear));
}

static void
test_other_lists_have_no_filters (Fixture       *fixture,
                                  gconstpointer  data)
{
  show_view (fixture, CD_SOURCE_CLIENTS);
  wait_for_rows (fixture);
  g_assert_null (cd_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN, "Category filter"));
  g_assert_false (cd_list_view_has_filters (fixture->view));
}

static void
test_pickup_slip_status_is_a_label (void)
{
  const CdSourceInfo *info = cd_list_source_get_info (CD_SOURCE_PICKUP_SLIPS);
  const char *const states[][2] = { { "signed", "Signed" }, { "issued", "Issued" } };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    for (guint i = 0; i < info->n_columns; i++)
      if (info->columns[i].type == CD_COLUMN_STATUS)
        {
          GVariantDict dict;
          g_autoptr(CdRow) row = NULL;
          g_autofree char *cell = NULL;

          g_variant_dict_init (&dict, NULL);
          g_variant_dict_insert (&dict, info->columns[i].key, "s", states[s][0]);
          row = cd_row_new (g_variant_dict_end (&dict));
          cell = cd_column_format (&info->columns[i], info->status_entity, row);
          g_assert_cmpstr (cell, ==, states[s][1]);
        }
}

static CdRow *
row_with_amount (gint64 fen)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", (gint64) 1);
  g_variant_dict_insert (&dict, "total_fen", "x", fen);
  g_variant_dict_insert_value (&dict, "notes", g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL));
  return cd_row_new (g_variant_dict_end (&dict));
}

static void
test_money_cells_use_the_money_format (void)
{
  const CdSourceInfo *info = cd_list_source_get_info (CD_SOURCE_QUOTES);
  const CdColumnSpec *money = NULL;
  g_autoptr(CdRow) row = row_with_amount (123456789);
  g_autofree char *cell = NULL;
  g_autofree char *expected = cd_money_format (123456789);
  g_autofree char *missing = NULL;

  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].type == CD_COLUMN_MONEY)
      money = &info->columns[i];
  g_assert_nonnull (money);
  cell = cd_column_format (money, info->status_entity, row);
  g_assert_cmpstr (cell, ==, expected);
  /* A null value in the row is an empty cell, not "0" or "(null)". */
  g_assert_null (cd_row_dup_string (row, "notes"));
  missing = cd_column_format (&info->columns[0], info->status_entity, row);
  g_assert_cmpstr (missing, ==, "");
}

static void
test_amounts_sort_by_value_not_text (void)
{
  const CdColumnSpec spec = { "total_fen", "Total", CD_COLUMN_MONEY, FALSE };
  g_autoptr(CdRow) small = row_with_amount (900);
  g_autoptr(CdRow) large = row_with_amount (10000);

  /* As text "900" sorts after "10000". */
  g_assert_cmpint (cd_column_compare (&spec, small, large), <, 0);
  g_assert_cmpint (cd_column_compare (&spec, large, small), >, 0);
  g_assert_cmpint (cd_column_compare (&spec, large, large), ==, 0);
}

static void
test_every_kind_has_columns_and_words (void)
{
  for (guint i = 0; i < CD_N_SOURCES; i++)
    {
      const CdSourceInfo *info = cd_list_source_get_info (i);

      g_assert_nonnull (info->name);
      g_assert_cmpuint (info->n_columns, >, 0);
      g_assert_nonnull (info->empty_title);
      g_assert_nonnull (info->empty_description);
      g_assert_nonnull (info->accessible_name);
    }
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/list-view/empty-database-says-what-to-do", test_empty_database_says_what_to_do);
  ADD ("/gui/list-view/imported-clients-fill-the-table", test_imported_clients_fill_the_table);
  ADD ("/gui/list-view/search-narrows-to-matching-rows", test_search_narrows_to_matching_rows);
  ADD ("/gui/list-view/search-without-match-says-so", test_search_without_match_says_so);
  ADD ("/gui/list-view/summaries-ignore-the-search", test_summaries_ignore_the_search);
  ADD ("/gui/list-view/supplier-category-narrows-and-clear-restores",
       test_supplier_filters_narrow_and_clear);
  ADD ("/gui/list-view/other-lists-have-no-filters", test_other_lists_have_no_filters);
#undef ADD
  g_test_add_func ("/gui/list-view/money-cells-use-the-money-format", test_money_cells_use_the_money_format);
  g_test_add_func ("/gui/list-view/amounts-sort-by-value-not-text", test_amounts_sort_by_value_not_text);
  g_test_add_func ("/gui/list-view/every-kind-has-columns-and-words", test_every_kind_has_columns_and_words);
  g_test_add_func ("/gui/list-view/pickup-slip-status-shows-its-label", test_pickup_slip_status_is_a_label);

  return g_test_run ();
}
