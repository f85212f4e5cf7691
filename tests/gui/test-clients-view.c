/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients view on the sample agency: it lists every client, a Chinese
 * substring narrows the list, filters show their state and clear in one
 * click, no match says what to do, and hidden columns are remembered. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "gui/cd-client-page.h"
#include "gui/cd-clients-view.h"
#include "store/cd-store-clients.h"
#include "gui/cd-row.h"
#include "store/cd-store-pages.h"

typedef struct
{
  char          *path;
  CdContext     *context;
  GtkWidget     *window;
  CdClientsView *view;
  CdPagedModel  *model;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !cd_paged_model_get_loading (data);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  g_assert_true (cd_test_fill_demo (f->context));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  f->view = cd_clients_view_new (f->context);
  f->model = cd_clients_view_get_model (f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (cd_test_wait (is_idle, f->model, 10000));
  cd_test_iterate (100);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cd_test_iterate (50);
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->model));
}

static char *
name_at (Fixture *f, guint position)
{
  g_autoptr (CdRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (f->model), position);
  return row != NULL ? cd_row_dup_string (row, "name") : NULL;
}

static void
test_lists_every_client_sorted_by_name (Fixture *f, gconstpointer data)
{
  g_autoptr (CdPageQuery) all = cd_page_query_new (CD_KIND_CLIENTS, NULL, NULL, NULL, FALSE);
  gint64 count = cd_store_page_count (cd_context_get_store (f->context), all, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  int min_width = 0;

  /* Narrow enough to share a laptop screen with the sidebar. */
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  g_test_message ("minimum width %d", min_width);
  g_assert_cmpint (min_width, <=, 600);
  g_assert_cmpint (count, >, 10);
  g_assert_cmpuint (n_rows (f), ==, count);
  g_assert_cmpstr (cd_paged_model_get_sort_key (f->model), ==, "name");
  first = name_at (f, 0);
  second = name_at (f, 1);
  g_assert_cmpint (strcmp (first, second), <=, 0);
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (f->view), "Search clients"));
}

static void
test_a_chinese_substring_narrows_the_list (Fixture *f, gconstpointer data)
{
  g_autofree char *name = name_at (f, n_rows (f) / 2);
  g_autoptr (CdRow) source = g_list_model_get_item (G_LIST_MODEL (f->model), n_rows (f) / 2);
  g_autoptr (GArray) ids = NULL;
  g_autofree char *part = NULL;
  guint before = n_rows (f);
  gboolean found_source = FALSE;
  GtkSingleSelection *selection;
  const char *start;

  g_assert_nonnull (name);
  /* Two characters from the middle of a real name. */
  start = g_utf8_offset_to_pointer (name, 2);
  part = g_strndup (start, g_utf8_offset_to_pointer (start, 2) - start);
  g_test_message ("searching “%s” from “%s”", part, name);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (cd_test_find_by_type (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW))));
  cd_clients_view_set_search (f->view, part);
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_assert_cmpuint (n_rows (f), >=, 1);
  g_assert_cmpuint (n_rows (f), <, before);
  /* The client the text came from is among the matches. */
  ids = cd_paged_model_dup_ids (f->model);
  for (guint i = 0; i < ids->len; i++)
    found_source |= g_array_index (ids, gint64, i) == cd_row_get_id (source);
  g_assert_true (found_source);
  cd_clients_view_clear_filters (f->view);
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_assert_cmpuint (n_rows (f), ==, before);
  /* Rows are refilled in place: a new search starts from the first match
   * instead of staying on a position that is now another client. */
  gtk_single_selection_set_selected (selection, 3);
  cd_clients_view_set_search (f->view, "公司");
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_assert_cmpuint (n_rows (f), >, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
}

static void
test_no_match_says_what_to_do (Fixture *f, gconstpointer data)
{
  AdwStatusPage *status;

  cd_clients_view_set_search (f->view, "绝无此客户名称");
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  cd_test_iterate (50);
  g_assert_cmpuint (n_rows (f), ==, 0);
  status = ADW_STATUS_PAGE (cd_test_find_by_type (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No client matches");
  g_assert_nonnull (cd_test_find (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Clear filters"));
}

static void
test_filters_show_their_state_and_clear (Fixture *f, gconstpointer data)
{
  GtkToggleButton *lost_touch =
    GTK_TOGGLE_BUTTON (cd_test_find (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, "Visit overdue"));
  GVariant *filters;
  guint before = n_rows (f);

  g_assert_nonnull (lost_touch);
  gtk_toggle_button_set_active (lost_touch, TRUE);
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  filters = cd_paged_model_get_filters (f->model);
  g_assert_nonnull (filters);
  g_assert_true (g_variant_lookup (filters, "visit-overdue", "b", NULL));
  g_assert_cmpuint (n_rows (f), <=, before);
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (f->view), "Clear filters"));
  cd_clients_view_clear_filters (f->view);
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_assert_false (gtk_toggle_button_get_active (lost_touch));
  g_assert_cmpuint (n_rows (f), ==, before);
}

static void
test_hidden_columns_are_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.example.ClientDesk");
  GtkWidget *check;
  g_auto (GStrv) saved = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (cd_test_find_by_label (GTK_WIDGET (f->view),
                                                                 "Columns shown")));
  cd_test_iterate (50);
  /* By default the working columns show; industry, a filter too, does not. */
  check = cd_test_find (GTK_WIDGET (f->view), GTK_TYPE_CHECK_BUTTON, "Industry");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  check = cd_test_find (GTK_WIDGET (f->view), GTK_TYPE_CHECK_BUTTON, "Receivables");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  saved = g_settings_get_strv (settings, "client-columns");
  g_assert_true (g_strv_contains ((const char *const *) saved, "industry"));
  g_assert_false (g_strv_contains ((const char *const *) saved, "receivables"));
  g_assert_true (g_strv_contains ((const char *const *) saved, "name"));
  g_settings_reset (settings, "client-columns");
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_a_new_client_can_be_created_and_found (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  GtkWidget *name, *code;
  g_autofree char *found = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "clients.new", NULL);
  cd_test_iterate (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  name = cd_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  code = cd_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Unified social credit code");
  g_assert_nonnull (name);
  g_assert_nonnull (code);
  gtk_editable_set_text (GTK_EDITABLE (name), "苏州星河文旅发展有限公司");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  /* A mistyped check character: the reason shows and Create is off. */
  gtk_editable_set_text (GTK_EDITABLE (code), "91310106MA1FY3XK25");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (code), "91310106MA1FY3XK24");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  cd_test_iterate (100);
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_assert_cmpstr (cd_paged_model_get_search (f->model), ==, "苏州星河文旅发展有限公司");
  g_assert_cmpuint (n_rows (f), ==, 1);
  found = name_at (f, 0);
  g_assert_cmpstr (found, ==, "苏州星河文旅发展有限公司");

  /* Its file opened on the contacts. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    CdClientPage *page = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && page == NULL; i++)
      {
        g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
        if (CD_IS_CLIENT_PAGE (window))
          page = CD_CLIENT_PAGE (window);
      }
    g_assert_nonnull (page);
    if (page != NULL)
      gtk_window_destroy (GTK_WINDOW (page));
  }

  /* Found again by two of its characters, as a person would type. */
  cd_clients_view_set_search (f->view, "星河");
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  g_assert_cmpuint (n_rows (f), >=, 1);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
test_export_writes_what_is_shown (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "shown.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  cd_clients_view_set_search (f->view, "有限公司");
  g_assert_true (cd_test_wait (is_idle, f->model, 5000));
  cd_clients_view_export (f->view, path);
  g_assert_true (cd_test_wait (file_exists, path, 10000));
  cd_test_iterate (100);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* An xlsx file is a zip archive. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (length > 2 && contents[0] == 'P' && contents[1] == 'K');
  g_remove (path);
}

static void
test_client_page_adds_a_contact_and_a_visit (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  g_autoptr (CdRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_autoptr (GVariant) contacts = NULL;
  g_autoptr (GVariant) visits = NULL;
  gint64 id = cd_row_get_id (row);
  gsize contacts_before, visits_before;
  CdClientPage *page;
  GtkWidget *name;

  contacts = cd_store_client_contacts (store, id, NULL);
  visits = cd_store_client_visits (store, id, NULL);
  contacts_before = g_variant_n_children (contacts);
  visits_before = g_variant_n_children (visits);
  g_clear_pointer (&contacts, g_variant_unref);
  g_clear_pointer (&visits, g_variant_unref);

  page = cd_client_page_present (GTK_WIDGET (f->view), f->context, id, "contacts");
  cd_test_iterate (100);
  name = cd_test_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Contact name");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "王小明");
  gtk_widget_activate_action (GTK_WIDGET (page), "client.add-contact", NULL);
  contacts = cd_store_client_contacts (store, id, NULL);
  g_assert_cmpuint (g_variant_n_children (contacts), ==, contacts_before + 1);

  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                     "What was discussed")), "春季新品发布");
  gtk_widget_activate_action (GTK_WIDGET (page), "client.add-visit", NULL);
  visits = cd_store_client_visits (store, id, NULL);
  g_assert_cmpuint (g_variant_n_children (visits), ==, visits_before + 1);

  /* A bad date is refused and nothing is logged. */
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                     "Visit date (YYYY-MM-DD)")), "2026-02-30");
  gtk_widget_activate_action (GTK_WIDGET (page), "client.add-visit", NULL);
  g_clear_pointer (&visits, g_variant_unref);
  visits = cd_store_client_visits (store, id, NULL);
  g_assert_cmpuint (g_variant_n_children (visits), ==, visits_before + 1);
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  g_test_add ("/gui/clients-view/lists-every-client-sorted-by-name", Fixture, NULL,
              fixture_set_up, test_lists_every_client_sorted_by_name, fixture_tear_down);
  g_test_add ("/gui/clients-view/a-chinese-substring-narrows-the-list", Fixture, NULL,
              fixture_set_up, test_a_chinese_substring_narrows_the_list, fixture_tear_down);
  g_test_add ("/gui/clients-view/no-match-says-what-to-do", Fixture, NULL,
              fixture_set_up, test_no_match_says_what_to_do, fixture_tear_down);
  g_test_add ("/gui/clients-view/filters-show-their-state-and-clear", Fixture, NULL,
              fixture_set_up, test_filters_show_their_state_and_clear, fixture_tear_down);
  g_test_add ("/gui/clients-view/hidden-columns-are-remembered", Fixture, NULL,
              fixture_set_up, test_hidden_columns_are_remembered, fixture_tear_down);
  g_test_add ("/gui/clients-view/a-new-client-can-be-created-and-found", Fixture, NULL,
              fixture_set_up, test_a_new_client_can_be_created_and_found, fixture_tear_down);
  g_test_add ("/gui/clients-view/export-writes-what-is-shown", Fixture, NULL,
              fixture_set_up, test_export_writes_what_is_shown, fixture_tear_down);
  g_test_add ("/gui/clients-view/the-client-page-adds-a-contact-and-a-visit", Fixture, NULL,
              fixture_set_up, test_client_page_adds_a_contact_and_a_visit, fixture_tear_down);
  return g_test_run ();
}
