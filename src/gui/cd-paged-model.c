/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pages of rows on demand. The model keeps the ordered ids of its query
 * (cd_store_page_ids) and at most CD_PAGED_MODEL_MAX_PAGES pages of rows,
 * least recently used first out, so a million rows cost their ids and a few
 * thousand rows whatever is scrolled. A generation number ties every
 * reply to the query that asked for it: a page that comes back after the
 * search changed is dropped. */
#define G_LOG_DOMAIN "cd-gui"

#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "store/cd-store-pages.h"

typedef struct
{
  guint      index;
  GPtrArray *rows;     /* CdRow: stand-ins until loaded */
  gboolean   loaded;
  GList      link;     /* in lru; data = the page */
} Page;

struct _CdPagedModel
{
  GObject       parent_instance;

  CdStore      *store;
  CdPageQuery  *query;
  GArray       *ids;          /* gint64, the query's order */
  GArray       *base_ids;     /* the last query without search text… */
  char         *base_key;     /* …and its filters and sort (query_key) */
  guint         generation;       /* of the query: ids replies */
  guint         page_generation;  /* of the ids: page replies */
  GHashTable   *pages;            /* index → Page */
  GQueue        lru;              /* most recent at the head */
  GCancellable *ids_cancellable;
  GCancellable *pages_cancellable;
  guint         ids_pending : 1;
  guint         pages_pending;
};

typedef struct
{
  CdPagedModel *model;
  guint         generation;
  guint         index;
  CdKind        kind;
  GArray       *ids;
} Fetch;

typedef struct
{
  CdPagedModel *model;
  guint         generation;
} IdsReply;

typedef struct
{
  CdStore     *store;
  CdPageQuery *query;
  GArray      *base;   /* nullable: filter these by the search text */
} IdsJob;

static void cd_paged_model_list_model_init (GListModelInterface *iface);
static char *query_key (const CdPageQuery *query);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdPagedModel, cd_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cd_paged_model_list_model_init))

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->model);
  g_array_unref (fetch->ids);
  g_free (fetch);
}

static guint
n_ids (CdPagedModel *self)
{
  return self->ids != NULL ? self->ids->len : 0;
}

static CdRow *
unread_row (gint64 id)
{
  GVariantBuilder dict;

  g_variant_builder_init (&dict, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&dict, "{sv}", "id", g_variant_new_int64 (id));
  g_variant_builder_add (&dict, "{sv}", "loading", g_variant_new_boolean (TRUE));
  return cd_row_new (g_variant_builder_end (&dict));
}

static void
update_loading (CdPagedModel *self, gboolean was_loading)
{
  if (was_loading != cd_paged_model_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
evict_pages (CdPagedModel *self)
{
  while (self->lru.length > CD_PAGED_MODEL_MAX_PAGES)
    {
      Page *oldest = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &oldest->link);
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }
}

static void
fetch_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Fetch *fetch = data;
  GError *error = NULL;
  GVariant *rows;

  if (g_task_return_error_if_cancelled (task))
    return;
  rows = cd_store_page_rows (fetch->model->store, fetch->kind,
                             (const gint64 *) fetch->ids->data, fetch->ids->len, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

/* Rows come back in id order; a row deleted meanwhile keeps its
 * stand-in row rather than shifting every row after it. */
static void
fill_page (Page *page, GVariant *rows, const GArray *ids)
{
  GVariantIter iter;
  GVariant *row;
  guint i = 0;

  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint64 id = 0;

      g_variant_lookup (row, "id", "x", &id);
      while (i < ids->len && g_array_index (ids, gint64, i) != id)
        i++;
      if (i < page->rows->len)
        {
          g_object_unref (page->rows->pdata[i]);
          page->rows->pdata[i] = cd_row_new (row);
        }
      g_variant_unref (row);
    }
  page->loaded = TRUE;
}

static void
on_fetch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fetch *fetch = g_task_get_task_data (G_TASK (result));
  CdPagedModel *self = fetch->model;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean was_loading = cd_paged_model_get_loading (self);
  Page *page;

  if (fetch->generation != self->page_generation)
    return;  /* other ids since; their pending count was reset then */
  self->pages_pending--;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->index));
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read rows: %s", error->message);
      if (page != NULL && !page->loaded)
        {
          g_queue_unlink (&self->lru, &page->link);
          g_hash_table_remove (self->pages, GUINT_TO_POINTER (fetch->index));
        }
    }
  else if (page != NULL)
    {
      fill_page (page, rows, fetch->ids);
      g_list_model_items_changed (G_LIST_MODEL (self),
                                  page->index * CD_PAGED_MODEL_PAGE_SIZE,
                                  page->rows->len, page->rows->len);
    }
  update_loading (self, was_loading);
}

static Page *
request_page (CdPagedModel *self, guint index)
{
  guint start = index * CD_PAGED_MODEL_PAGE_SIZE;
  guint n = MIN (CD_PAGED_MODEL_PAGE_SIZE, n_ids (self) - start);
  gboolean was_loading = cd_paged_model_get_loading (self);
  g_autoptr (GTask) task = NULL;
  Page *page = g_new0 (Page, 1);
  Fetch *fetch = g_new0 (Fetch, 1);

  page->index = index;
  page->rows = g_ptr_array_new_full (n, g_object_unref);
  page->link.data = page;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->rows, unread_row (g_array_index (self->ids, gint64, start + i)));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);

  fetch->model = g_object_ref (self);
  fetch->generation = self->page_generation;
  fetch->index = index;
  fetch->kind = self->query->kind;
  fetch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (fetch->ids, &g_array_index (self->ids, gint64, start), n);

  task = g_task_new (NULL, self->pages_cancellable, on_fetch_done_cb, NULL);
  g_task_set_source_tag (task, request_page);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  g_task_run_in_thread (task, fetch_thread);
  self->pages_pending++;
  update_loading (self, was_loading);
  evict_pages (self);
  return page;
}

static void
drop_pages (CdPagedModel *self)
{
  self->page_generation++;
  g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  self->pages_cancellable = g_cancellable_new ();
  g_queue_init (&self->lru);  /* the links live in the pages */
  g_hash_table_remove_all (self->pages);
  self->pages_pending = 0;
}

static void
on_ids_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IdsReply *reply = user_data;
  g_autoptr (CdPagedModel) self = reply->model;
  guint generation = reply->generation;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean was_loading;
  guint old_n, new_n;

  g_free (reply);
  if (generation != self->generation)
    return;
  was_loading = cd_paged_model_get_loading (self);
  self->ids_pending = FALSE;
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the list: %s", error->message);
      update_loading (self, was_loading);
      return;
    }
  if (self->query->search == NULL)
    {
      g_clear_pointer (&self->base_ids, g_array_unref);
      g_free (self->base_key);
      self->base_ids = g_array_ref (ids);
      self->base_key = query_key (self->query);
    }
  old_n = n_ids (self);
  drop_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  /* New results are announced as two changes, all removed then all added:
   * given one change that replaces rows, GTK 4.8's list view and selection
   * look for the rows they track among the new items, which reads every
   * page of 100,000 matches before the list updates. */
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->ids = g_steal_pointer (&ids);
  new_n = n_ids (self);
  /* The first page is read right away: it is what a search shows. */
  if (new_n > 0)
    request_page (self, 0);
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  update_loading (self, was_loading);
}

static void
ids_job_free (IdsJob *job)
{
  g_object_unref (job->store);
  cd_page_query_free (job->query);
  g_clear_pointer (&job->base, g_array_unref);
  g_free (job);
}

static void
ids_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  IdsJob *job = data;
  GError *error = NULL;
  GArray *ids;

  if (job->base != NULL && job->query->search == NULL)
    ids = g_array_ref (job->base);
  else if (job->base != NULL)
    ids = cd_store_page_filter_ids (job->store, job->query->kind, job->query->search, job->base,
                                    cancellable, &error);
  else
    ids = cd_store_page_ids (job->store, job->query, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* What a query is apart from its search text. */
static char *
query_key (const CdPageQuery *query)
{
  g_autofree char *filters = query->filters != NULL ? g_variant_print (query->filters, TRUE) : NULL;

  return g_strdup_printf ("%s|%d|%s", query->sort_key ? query->sort_key : "",
                          query->descending, filters ? filters : "");
}

/* Typing narrows the list that was shown before any text: the ids of the
 * whole list in its order are kept, and a keystroke only asks the search
 * index which of them match (no sort of thousands of matches). */
static GArray *
base_for (CdPagedModel *self)
{
  g_autofree char *key = NULL;

  if (self->base_ids == NULL || !cd_store_page_can_filter_ids (self->query->kind))
    return NULL;
  key = query_key (self->query);
  return g_strcmp0 (key, self->base_key) == 0 ? g_array_ref (self->base_ids) : NULL;
}

static void
run_query (CdPagedModel *self)
{
  gboolean was_loading = cd_paged_model_get_loading (self);
  IdsReply *reply = g_new0 (IdsReply, 1);
  g_autoptr (GTask) task = NULL;
  IdsJob *job;

  /* The old ids and their pages stay until the new ids arrive, so the
   * list keeps showing something consistent meanwhile. */
  self->generation++;
  g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  self->ids_cancellable = g_cancellable_new ();
  self->ids_pending = TRUE;
  reply->model = g_object_ref (self);
  reply->generation = self->generation;
  job = g_new0 (IdsJob, 1);
  job->store = g_object_ref (self->store);
  job->query = cd_page_query_copy (self->query);
  job->base = base_for (self);
  task = g_task_new (NULL, self->ids_cancellable, on_ids_done_cb, reply);
  g_task_set_source_tag (task, run_query);
  g_task_set_task_data (task, job, (GDestroyNotify) ids_job_free);
  g_task_run_in_thread (task, ids_thread);
  update_loading (self, was_loading);
}

static GType
cd_paged_model_get_item_type (GListModel *model)
{
  return CD_TYPE_ROW;
}

static guint
cd_paged_model_get_n_items (GListModel *model)
{
  return n_ids (CD_PAGED_MODEL (model));
}

static gpointer
cd_paged_model_get_item (GListModel *model, guint position)
{
  CdPagedModel *self = CD_PAGED_MODEL (model);
  guint index = position / CD_PAGED_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= n_ids (self))
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    page = request_page (self, index);
  else
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
    }
  return g_object_ref (page->rows->pdata[position % CD_PAGED_MODEL_PAGE_SIZE]);
}

static void
cd_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cd_paged_model_get_item_type;
  iface->get_n_items = cd_paged_model_get_n_items;
  iface->get_item = cd_paged_model_get_item;
}

static void
cd_paged_model_dispose (GObject *object)
{
  CdPagedModel *self = CD_PAGED_MODEL (object);

  g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  drop_pages (self);
  g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_paged_model_parent_class)->dispose (object);
}

static void
cd_paged_model_finalize (GObject *object)
{
  CdPagedModel *self = CD_PAGED_MODEL (object);

  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_free (self->base_key);
  cd_page_query_free (self->query);

  G_OBJECT_CLASS (cd_paged_model_parent_class)->finalize (object);
}

static void
cd_paged_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdPagedModel *self = CD_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, cd_paged_model_get_loading (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, n_ids (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_paged_model_class_init (CdPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_paged_model_dispose;
  object_class->finalize = cd_paged_model_finalize;
  object_class->get_property = cd_paged_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_paged_model_init (CdPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
  self->pages_cancellable = g_cancellable_new ();
}

/**
 * cd_paged_model_new:
 * @kind: %CD_KIND_CLIENTS or %CD_KIND_WORK_ORDERS
 *
 * Returns: (transfer full): a model that starts reading the whole list
 *   (no search, no filter, by id)
 */
CdPagedModel *
cd_paged_model_new (CdStore *store, CdKind kind)
{
  CdPagedModel *self;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (cd_store_page_sort_keys (kind) != NULL, NULL);

  self = g_object_new (CD_TYPE_PAGED_MODEL, NULL);
  self->store = g_object_ref (store);
  self->query = cd_page_query_new (kind, NULL, NULL, NULL, FALSE);
  run_query (self);
  return self;
}

/**
 * cd_paged_model_set_query:
 * @filters: (nullable): a{sv} as CdPageQuery describes; a floating
 *   reference is sunk
 * @sort_key: (nullable): a key of cd_store_page_sort_keys(); an unknown
 *   key sorts by id
 *
 * Reads the list again; rows of the old query are never shown in the new
 * order.
 */
void
cd_paged_model_set_query (CdPagedModel *self, const char *search, GVariant *filters,
                          const char *sort_key, gboolean descending)
{
  CdKind kind;

  g_return_if_fail (CD_IS_PAGED_MODEL (self));

  kind = self->query->kind;
  if (sort_key != NULL && !cd_store_page_has_sort_key (kind, sort_key))
    {
      g_warning ("No sort key “%s” in this list", sort_key);
      sort_key = NULL;
    }
  cd_page_query_free (self->query);
  self->query = cd_page_query_new (kind, search, filters, sort_key, descending);
  run_query (self);
}

void
cd_paged_model_set_search (CdPagedModel *self, const char *search)
{
  g_autofree char *sort_key = NULL;
  g_autoptr (GVariant) filters = NULL;

  g_return_if_fail (CD_IS_PAGED_MODEL (self));

  if (g_strcmp0 (search != NULL && *search ? search : NULL, self->query->search) == 0)
    return;
  sort_key = g_strdup (self->query->sort_key);
  filters = self->query->filters != NULL ? g_variant_ref (self->query->filters) : NULL;
  cd_paged_model_set_query (self, search, filters, sort_key, self->query->descending);
}

void
cd_paged_model_set_filters (CdPagedModel *self, GVariant *filters)
{
  g_autofree char *search = NULL;
  g_autofree char *sort_key = NULL;

  g_return_if_fail (CD_IS_PAGED_MODEL (self));

  search = g_strdup (self->query->search);
  sort_key = g_strdup (self->query->sort_key);
  cd_paged_model_set_query (self, search, filters, sort_key, self->query->descending);
}

void
cd_paged_model_set_sort (CdPagedModel *self, const char *sort_key, gboolean descending)
{
  g_autofree char *search = NULL;
  g_autoptr (GVariant) filters = NULL;

  g_return_if_fail (CD_IS_PAGED_MODEL (self));

  if (g_strcmp0 (sort_key, self->query->sort_key) == 0 && descending == self->query->descending)
    return;
  search = g_strdup (self->query->search);
  filters = self->query->filters != NULL ? g_variant_ref (self->query->filters) : NULL;
  cd_paged_model_set_query (self, search, filters, sort_key, descending);
}

/* Reads the same query again, after a change to the data. */
void
cd_paged_model_reload (CdPagedModel *self)
{
  g_return_if_fail (CD_IS_PAGED_MODEL (self));
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->base_key, g_free);
  run_query (self);
}

CdKind
cd_paged_model_get_kind (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), CD_KIND_CLIENTS);
  return self->query->kind;
}

const char *
cd_paged_model_get_search (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), NULL);
  return self->query->search;
}

/* Returns: (transfer none) (nullable): the a{sv} filters in force */
GVariant *
cd_paged_model_get_filters (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), NULL);
  return self->query->filters;
}

const char *
cd_paged_model_get_sort_key (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), NULL);
  return self->query->sort_key;
}

gboolean
cd_paged_model_get_descending (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), FALSE);
  return self->query->descending;
}

/* TRUE while the ids of a query or any page of rows is being read. */
gboolean
cd_paged_model_get_loading (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), FALSE);
  return self->ids_pending || self->pages_pending > 0;
}

guint
cd_paged_model_get_n_cached_pages (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), 0);
  return g_hash_table_size (self->pages);
}

/* Returns: (transfer full): the ids of every row, in the list's order
 * (for exports of "what I see") */
GArray *
cd_paged_model_dup_ids (CdPagedModel *self)
{
  GArray *copy;

  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), NULL);

  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids (self));
  if (self->ids != NULL)
    g_array_append_vals (copy, self->ids->data, self->ids->len);
  return copy;
}

/* TRUE for a stand-in row whose page has not arrived yet. */
gboolean
cd_row_is_loading (gpointer row)
{
  gint64 loading = 0;

  return CD_IS_ROW (row) && cd_row_get_int64 (row, "loading", &loading) && loading;
}

/* ------------------------------------------------------------------ */
/* Column sorters                                                       */

/* Set while cd_paged_model_read_sorter() probes: the first column sorter
 * the column view asks is its primary column. Only the UI thread sorts. */
static const char *probed_key;

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  if (probed_key == NULL)
    probed_key = user_data;
  return -1;
}

/* Returns: (transfer full): the sorter to give a column of @sort_key */
GtkSorter *
cd_paged_model_column_sorter (const char *sort_key)
{
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare,
                                            (gpointer) g_intern_string (sort_key), NULL));
}

/**
 * cd_paged_model_read_sorter:
 * @out_key: (out) (transfer none): the primary column's sort key, or NULL
 *
 * Returns: TRUE when a column sorts
 */
gboolean
cd_paged_model_read_sorter (GtkSorter *column_view_sorter, const char **out_key,
                            gboolean *out_descending)
{
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);

  probed_key = NULL;
  order = gtk_sorter_compare (column_view_sorter, a, b);
  *out_key = probed_key;
  *out_descending = order == GTK_ORDERING_LARGER;
  probed_key = NULL;
  return *out_key != NULL;
}

static void
on_sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, gpointer user_data)
{
  CdPagedModel *self = CD_PAGED_MODEL (user_data);
  const char *key = NULL;
  gboolean descending = FALSE;

  cd_paged_model_read_sorter (sorter, &key, &descending);
  cd_paged_model_set_sort (self, key, descending);
}

/* Re-queries whenever the column view's sorter changes, for as long as
 * the model lives. */
void
cd_paged_model_follow_sorter (CdPagedModel *self, GtkSorter *column_view_sorter)
{
  g_return_if_fail (CD_IS_PAGED_MODEL (self));
  g_return_if_fail (GTK_IS_SORTER (column_view_sorter));

  g_signal_connect_object (column_view_sorter, "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
  on_sorter_changed_cb (column_view_sorter, GTK_SORTER_CHANGE_DIFFERENT, self);
}
