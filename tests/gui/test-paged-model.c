/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paged model over 100,000 clients: counts, the last row, a bounded
 * cache, search and sort done by the database, stale replies dropped, and
 * a column view's header clicks turned into sort keys. */
#define G_LOG_DOMAIN "cd-test"

#include <sqlite3.h>
#include <string.h>

#include "gui-test-util.h"
#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "store/cd-store-pages.h"

#define N_CLIENTS 100000

static char *db_path;
static CdContext *context;

/* Every hundredth client is in Shanghai (“上海”), so a search has 1,000
 * answers; names count up with the id so the last row is known. */
static gboolean
fill_clients (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  sqlite3_open (path, &db);
  rc = sqlite3_exec (db,
    "BEGIN;"
    "UPDATE audit_control SET suspended = 1 WHERE id = 1;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
    " INSERT INTO client (id, name, short_name, tier, status, region)"
    " SELECT i, CASE WHEN i % 100 = 0 THEN '上海广告' ELSE '北京客户' END || printf ('%06d', i),"
    "  printf ('S%06d', 100001 - i), char (65 + i % 3), 'prospect',"
    "  CASE WHEN i % 100 = 0 THEN '华东' ELSE '华北' END FROM n;"
    "INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source;"
    "UPDATE audit_control SET suspended = 0 WHERE id = 1;"
    "COMMIT;",
    NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_test_message ("fill: %s", message);
  sqlite3_free (message);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static gboolean
is_idle (gpointer data)
{
  return !cd_paged_model_get_loading (data);
}

static CdPagedModel *
loaded_model (void)
{
  CdPagedModel *model = cd_paged_model_new (cd_context_get_store (context), CD_KIND_CLIENTS);

  g_assert_true (cd_test_wait (is_idle, model, 20000));
  return model;
}

static char *
name_at (CdPagedModel *model, guint position)
{
  g_autoptr (CdRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

  return row != NULL ? cd_row_dup_string (row, "name") : NULL;
}

static void
test_n_items_is_the_count (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autoptr (CdPageQuery) query = cd_page_query_new (CD_KIND_CLIENTS, NULL, NULL, NULL, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS);
  g_assert_cmpint (cd_store_page_count (cd_context_get_store (context), query, NULL), ==,
                   N_CLIENTS);
}

static void
test_last_row_arrives_with_its_page (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autoptr (CdRow) first = g_list_model_get_item (G_LIST_MODEL (model), N_CLIENTS - 1);
  g_autofree char *name = NULL;

  g_assert_true (cd_row_is_loading (first));
  g_assert_cmpint (cd_row_get_id (first), ==, N_CLIENTS);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  name = name_at (model, N_CLIENTS - 1);
  g_assert_cmpstr (name, ==, "上海广告100000");
  g_clear_pointer (&name, g_free);
  name = name_at (model, N_CLIENTS - 2);
  g_assert_cmpstr (name, ==, "北京客户099999");
}

static void
on_items_changed_count_cb (GListModel *model, guint position, guint removed, guint added,
                           guint *count)
{
  (*count)++;
}

static void
on_dict_count_cb (GObject *row, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* With fill-in-place, the stand-in handed out is the row that gets the
 * data: it notifies "dict" and the list announces nothing (GTK 4.8 would
 * rebuild every row widget of the page otherwise). */
static void
test_fill_in_place_refills_the_stand_in (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autoptr (CdRow) row = NULL;
  g_autofree char *name = NULL;
  guint changes = 0, notifies = 0;

  cd_paged_model_set_fill_in_place (model, TRUE);
  g_assert_true (cd_paged_model_get_fill_in_place (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_count_cb), &changes);
  row = g_list_model_get_item (G_LIST_MODEL (model), 54321);
  g_assert_true (cd_row_is_loading (row));
  g_signal_connect (row, "notify::dict", G_CALLBACK (on_dict_count_cb), &notifies);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_assert_false (cd_row_is_loading (row));
  name = cd_row_dup_string (row, "name");
  g_assert_cmpstr (name, ==, "北京客户054322");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (changes, ==, 0);
  /* The model hands out that same object from now on. */
  {
    g_autoptr (CdRow) again = g_list_model_get_item (G_LIST_MODEL (model), 54321);
    g_assert_true (again == row);
  }
  g_signal_handlers_disconnect_by_data (model, &changes);
}

typedef struct
{
  guint count;
  guint position, removed, added;  /* of the last change */
} Changes;

static void
on_items_changed_record_cb (GListModel *model, guint position, guint removed, guint added,
                            Changes *changes)
{
  changes->count++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static gboolean
has_n_items (gpointer data)
{
  CdPagedModel *model = data;

  return g_list_model_get_n_items (G_LIST_MODEL (model))
         == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (model), "cd-test-n"));
}

/* New results in fill-in-place: the rows at positions both lists have are
 * the same objects, refilled; only the tail that differs is announced, so
 * GTK keeps the row widgets on screen. The first page comes with the ids. */
static void
test_new_results_in_place_announce_only_the_tail (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autoptr (CdRow) first = NULL;
  g_autoptr (CdRow) later = NULL;
  g_autoptr (CdRow) again = NULL;
  g_autofree char *name = NULL;
  Changes changes = { 0 };

  cd_paged_model_set_fill_in_place (model, TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  later = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_record_cb), &changes);

  /* 100,000 → 1,000 rows: only the 99,000 at the end are removed. */
  g_object_set_data (G_OBJECT (model), "cd-test-n", GUINT_TO_POINTER (N_CLIENTS / 100));
  cd_paged_model_set_search (model, "上海");
  g_assert_true (cd_test_wait (has_n_items, model, 5000));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, N_CLIENTS / 100);
  g_assert_cmpuint (changes.removed, ==, N_CLIENTS - N_CLIENTS / 100);
  g_assert_cmpuint (changes.added, ==, 0);
  /* The first page was read with the ids: row 0 is filled already. */
  g_assert_false (cd_row_is_loading (first));
  name = cd_row_dup_string (first, "name");
  g_assert_cmpstr (name, ==, "上海广告000100");
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  again = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (again == later);
  g_clear_pointer (&name, g_free);
  name = cd_row_dup_string (later, "name");
  g_assert_cmpstr (name, ==, "上海广告025100");
  g_assert_cmpuint (changes.count, ==, 1);

  /* 1,000 → 100,000: only the 99,000 at the end are added. */
  g_object_set_data (G_OBJECT (model), "cd-test-n", GUINT_TO_POINTER (N_CLIENTS));
  cd_paged_model_set_search (model, NULL);
  g_assert_true (cd_test_wait (has_n_items, model, 5000));
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpuint (changes.position, ==, N_CLIENTS / 100);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, N_CLIENTS - N_CLIENTS / 100);
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again == first);
  g_clear_pointer (&name, g_free);
  name = cd_row_dup_string (first, "name");
  g_assert_cmpstr (name, ==, "北京客户000001");
  g_signal_handlers_disconnect_by_data (model, &changes);
}

/* What a results-changed handler saw. */
typedef struct
{
  guint    count;
  guint    n_items;
  gboolean loading;
  gboolean first_filled;   /* row 0 was read, not a stand-in */
  gboolean second_filled;  /* row 204, on the second page */
} Results;

static gboolean
row_filled (CdPagedModel *model, guint position)
{
  g_autoptr (CdRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

  return row != NULL && !cd_row_is_loading (row);
}

static void
on_results_changed_cb (CdPagedModel *model, Results *results)
{
  results->count++;
  results->n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  results->loading = cd_paged_model_get_loading (model);
  results->first_filled = row_filled (model, 0);
  results->second_filled = results->n_items > 204 && row_filled (model, 204);
}

static gboolean
has_results (gpointer data)
{
  return ((Results *) data)->count > 0;
}

/* Fill-in-place reads the first page with the ids and the second (GTK
 * makes widgets for rows 0–204) right after, and shows the whole list
 * again from memory when the search is cleared: then, at
 * "results-changed", nothing is left to read. */
static void
test_results_come_with_their_first_pages (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autofree char *name = NULL;
  Results results = { 0 };

  cd_paged_model_set_fill_in_place (model, TRUE);
  cd_paged_model_reload (model);  /* the whole list again, now with its pages */
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_signal_connect (model, "results-changed", G_CALLBACK (on_results_changed_cb), &results);

  cd_paged_model_set_search (model, "上海");
  g_assert_true (cd_test_wait (has_results, &results, 5000));
  g_assert_cmpuint (results.n_items, ==, N_CLIENTS / 100);
  g_assert_true (results.first_filled);
  /* The second page is being read already. */
  g_assert_true (results.loading);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_assert_true (row_filled (model, 204));
  name = name_at (model, 204);
  g_assert_cmpstr (name, ==, "上海广告020500");

  results = (Results) { 0 };
  cd_paged_model_set_search (model, NULL);
  g_assert_true (cd_test_wait (has_results, &results, 5000));
  g_assert_cmpuint (results.count, ==, 1);
  g_assert_cmpuint (results.n_items, ==, N_CLIENTS);
  g_assert_true (results.first_filled);
  g_assert_true (results.second_filled);
  g_assert_false (results.loading);
  g_clear_pointer (&name, g_free);
  name = name_at (model, 204);
  g_assert_cmpstr (name, ==, "北京客户000205");
  g_signal_handlers_disconnect_by_data (model, &results);
}

/* Replacing a search entry's text empties it first: an empty search
 * superseded at once shows nothing, and the same results twice in a row
 * still say that they are new. */
static void
test_a_superseded_clear_shows_nothing (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  Results results = { 0 };
  Changes changes = { 0 };

  cd_paged_model_set_fill_in_place (model, TRUE);
  cd_paged_model_reload (model);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  cd_paged_model_set_search (model, "上海");
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_signal_connect (model, "results-changed", G_CALLBACK (on_results_changed_cb), &results);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_record_cb), &changes);

  cd_paged_model_set_search (model, NULL);
  cd_paged_model_set_search (model, "上海广");
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_assert_cmpuint (results.count, ==, 1);
  g_assert_cmpuint (results.n_items, ==, N_CLIENTS / 100);
  /* As many results as before: no item changed, and no list of 100,000
   * was shown in between. */
  g_assert_cmpuint (changes.count, ==, 0);
  g_signal_handlers_disconnect_by_data (model, &results);
  g_signal_handlers_disconnect_by_data (model, &changes);
}

static void
test_cache_stays_bounded (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  guint n_pages = N_CLIENTS / CD_PAGED_MODEL_PAGE_SIZE;

  for (guint page = 0; page < n_pages; page += 5)
    {
      g_autoptr (GObject) item =
        g_list_model_get_item (G_LIST_MODEL (model), page * CD_PAGED_MODEL_PAGE_SIZE);
      g_assert_cmpuint (cd_paged_model_get_n_cached_pages (model), <=,
                        CD_PAGED_MODEL_MAX_PAGES);
    }
  g_assert_true (cd_test_wait (is_idle, model, 20000));
  g_assert_cmpuint (cd_paged_model_get_n_cached_pages (model), <=, CD_PAGED_MODEL_MAX_PAGES);
  /* An evicted page is read again on demand. */
  g_autofree char *name = name_at (model, 0);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_free (name);
  name = name_at (model, 0);
  g_assert_cmpstr (name, ==, "北京客户000001");
}

static void
test_search_and_sort_change_the_order (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  cd_paged_model_set_search (model, "上海");
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS / 100);
  first = name_at (model, 0);
  g_assert_cmpstr (first, ==, "上海广告000100");

  /* Three characters go through the trigram index: same answer. */
  cd_paged_model_set_search (model, "上海广");
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS / 100);

  cd_paged_model_set_sort (model, "name", TRUE);
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  g_clear_pointer (&first, g_free);
  first = name_at (model, 0);
  second = name_at (model, 1);
  g_assert_cmpstr (first, ==, "上海广告100000");
  g_assert_cmpstr (second, ==, "上海广告099900");

  /* Short names run the other way round from ids. */
  cd_paged_model_set_query (model, NULL, NULL, "short-name", FALSE);
  g_assert_true (cd_test_wait (is_idle, model, 20000));
  g_clear_pointer (&first, g_free);
  first = name_at (model, 0);
  g_assert_cmpstr (first, ==, "上海广告100000");
}

static void
test_filters_narrow_the_list (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "tier", "s", "A");
  g_variant_dict_insert (&dict, "region", "s", "华东");
  cd_paged_model_set_filters (model, g_variant_dict_end (&dict));
  g_assert_true (cd_test_wait (is_idle, model, 5000));
  /* i % 100 == 0 and i % 3 == 0: multiples of 300. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS / 300);
}

static void
test_stale_replies_are_dropped (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  g_autofree char *name = NULL;

  cd_paged_model_set_search (model, "上海");
  cd_paged_model_set_search (model, "北京");
  cd_paged_model_set_search (model, "告000100");
  g_assert_true (cd_test_wait (is_idle, model, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  name = name_at (model, 0);
  g_assert_cmpstr (name, ==, "上海广告000100");
}

static void
test_unknown_sort_and_filter_are_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdPageQuery) bad_sort =
    cd_page_query_new (CD_KIND_CLIENTS, NULL, NULL, "name; DROP TABLE client", FALSE);
  g_autoptr (CdPageQuery) bad_filter = NULL;
  GVariantDict dict;

  g_assert_null (cd_store_page_ids (cd_context_get_store (context), bad_sort, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "1 OR 1", "s", "x");
  bad_filter = cd_page_query_new (CD_KIND_CLIENTS, NULL, g_variant_dict_end (&dict), NULL, FALSE);
  g_assert_null (cd_store_page_ids (cd_context_get_store (context), bad_filter, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_column_header_sorts_in_the_database (void)
{
  g_autoptr (CdPagedModel) model = loaded_model ();
  GtkWidget *view = gtk_column_view_new (NULL);
  GtkColumnViewColumn *name_col = gtk_column_view_column_new ("Name", NULL);
  GtkColumnViewColumn *tier_col = gtk_column_view_column_new ("Tier", NULL);
  g_autoptr (GtkSorter) name_sorter = cd_paged_model_column_sorter ("name");
  g_autoptr (GtkSorter) tier_sorter = cd_paged_model_column_sorter ("tier");

  g_object_ref_sink (view);
  gtk_column_view_column_set_sorter (name_col, name_sorter);
  gtk_column_view_column_set_sorter (tier_col, tier_sorter);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), name_col);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), tier_col);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (view),
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model)))));
  cd_paged_model_follow_sorter (model, gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view)));
  g_assert_null (cd_paged_model_get_sort_key (model));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), name_col, GTK_SORT_DESCENDING);
  g_assert_cmpstr (cd_paged_model_get_sort_key (model), ==, "name");
  g_assert_true (cd_paged_model_get_descending (model));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), tier_col, GTK_SORT_ASCENDING);
  g_assert_cmpstr (cd_paged_model_get_sort_key (model), ==, "tier");
  g_assert_false (cd_paged_model_get_descending (model));
  g_assert_true (cd_test_wait (is_idle, model, 20000));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), NULL, GTK_SORT_ASCENDING);
  g_assert_null (cd_paged_model_get_sort_key (model));
  g_assert_true (cd_test_wait (is_idle, model, 20000));
  g_object_unref (name_col);
  g_object_unref (tier_col);
  g_object_unref (view);
}

int
main (int argc, char **argv)
{
  int status;

  if (!cd_test_gui_init (&argc, &argv))
    return 0;
  db_path = cd_test_make_db_path ();
  context = cd_test_open_context (db_path);
  if (context == NULL || !fill_clients (db_path))
    {
      g_test_message ("could not make the test database");
      return 1;
    }

  g_test_add_func ("/gui/paged-model/n-items-is-the-count", test_n_items_is_the_count);
  g_test_add_func ("/gui/paged-model/the-last-row-arrives-with-its-page",
                   test_last_row_arrives_with_its_page);
  g_test_add_func ("/gui/paged-model/the-cache-stays-bounded", test_cache_stays_bounded);
  g_test_add_func ("/gui/paged-model/fill-in-place-refills-the-stand-in",
                   test_fill_in_place_refills_the_stand_in);
  g_test_add_func ("/gui/paged-model/new-results-in-place-announce-only-the-tail",
                   test_new_results_in_place_announce_only_the_tail);
  g_test_add_func ("/gui/paged-model/results-come-with-their-first-pages",
                   test_results_come_with_their_first_pages);
  g_test_add_func ("/gui/paged-model/a-superseded-clear-shows-nothing",
                   test_a_superseded_clear_shows_nothing);
  g_test_add_func ("/gui/paged-model/search-and-sort-change-the-order",
                   test_search_and_sort_change_the_order);
  g_test_add_func ("/gui/paged-model/filters-narrow-the-list", test_filters_narrow_the_list);
  g_test_add_func ("/gui/paged-model/stale-replies-are-dropped", test_stale_replies_are_dropped);
  g_test_add_func ("/gui/paged-model/unknown-sort-and-filter-are-refused",
                   test_unknown_sort_and_filter_are_refused);
  g_test_add_func ("/gui/paged-model/a-column-header-sorts-in-the-database",
                   test_column_header_sorts_in_the_database);
  status = g_test_run ();
  g_clear_object (&context);
  cd_test_remove_tree (db_path);
  return status;
}
