/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pages of rows on demand. The model keeps the ordered ids of its query
 * (cd_store_page_ids) and at most CD_PAGED_MODEL_MAX_PAGES pages of rows,
 * least recently used first out, so a million rows cost their ids and a few
 * thousand rows whatever is scrolled. A generation number ties every
 * reply to the query that asked for it: a page that comes back after the
 * search changed is dropped.
 *
 * Pages that arrive are applied together, at most once a frame and within a
 * few milliseconds (cd-paged-model-pages.c). With fill-in-place, a page's
 * stand-in rows are refilled (cd_row_set_dict) instead of replaced through
 * items-changed: GTK 4.8 answers items-changed over a page by dropping and
 * re-creating the widgets of every row in it, which is what made scrolling
 * a million work orders stall for hundreds of milliseconds. */
#define G_LOG_DOMAIN "cd-gui"

#include <string.h>

#include "gui/cd-paged-model-private.h"

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
  gboolean     with_first_pages;
} IdsJob;

/* What an ids read returns. */
typedef struct
{
  GArray   *ids;
  GVariant *first_pages[FIRST_PAGES];  /* nullable: with fill-in-place */
} IdsResult;

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
  PROP_FILL_IN_PLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_RESULTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ids_result_free (IdsResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  for (guint i = 0; i < FIRST_PAGES; i++)
    g_clear_pointer (&result->first_pages[i], g_variant_unref);
  g_free (result);
}

void
cd_paged_model_update_loading (CdPagedModel *self, gboolean was_loading)
{
  if (was_loading != cd_paged_model_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* New ids in fill-in-place: the rows at positions both lists have are
 * kept and refilled, and only the tail that differs is announced. The
 * reads start first, so that the worker reads while the cells follow the
 * refill. @pages: the rows of the first pages, where they came with the
 * ids (FIRST_PAGES, nullable each). */
static void
replace_ids_in_place (CdPagedModel *self, GArray *ids, GVariant **pages)
{
  guint old_n = n_ids (self), new_n = ids->len;
  guint common = MIN (old_n, new_n);
  g_autoptr (GList) kept = NULL;
  g_autoptr (GList) refill = NULL;
  GList *link;

  /* Take out the pages with a row in the common part before the rest
   * are dropped (cd_paged_pages_drop cancels their reads). */
  while ((link = g_queue_pop_tail_link (&self->lru)) != NULL)
    {
      Page *page = link->data;

      if (page->index * CD_PAGED_MODEL_PAGE_SIZE < common)
        {
          g_hash_table_steal (self->pages, GUINT_TO_POINTER (page->index));
          g_cancellable_cancel (page->cancellable);
          g_clear_object (&page->cancellable);
          kept = g_list_prepend (kept, page);
        }
    }
  cd_paged_pages_drop (self);
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_array_ref (ids);
  /* kept runs most recently used first: pushed in reverse to keep the order. */
  for (GList *l = g_list_last (kept); l != NULL; l = l->prev)
    {
      Page *page = l->data;

      cd_paged_page_renew (self, page, page->index < FIRST_PAGES ? pages[page->index] : NULL);
      cd_paged_page_add (self, page);
      refill = g_list_prepend (refill, page);
    }
  /* Pages that came with the ids and were not kept are new pages; the
   * first pages GTK will ask for are asked for now. Last to first, so
   * that page 0 is the most recently used. */
  for (guint i = MIN (FIRST_PAGES, (new_n + CD_PAGED_MODEL_PAGE_SIZE - 1) / CD_PAGED_MODEL_PAGE_SIZE);
       i-- > 0;)
    if (g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i)) == NULL && pages[i] != NULL)
      {
        Page *page = g_new0 (Page, 1);

        page->index = i;
        page->rows = g_ptr_array_new_full (cd_paged_page_length (self, i), g_object_unref);
        page->link.data = page;
        cd_paged_page_renew (self, page, pages[i]);
        cd_paged_page_add (self, page);
        refill = g_list_prepend (refill, page);
        cd_paged_pages_evict (self);
      }
    else if (g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i)) == NULL)
      cd_paged_page_request (self, i);
  cd_paged_pages_launch (self);
  for (GList *l = refill; l != NULL; l = l->next)
    {
      Page *page = l->data;

      cd_paged_page_refill (self, page, page->loaded && page->index < FIRST_PAGES ? pages[page->index] : NULL);
    }
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
}

static void
free_pages (GVariant **pages)
{
  for (guint i = 0; i < FIRST_PAGES; i++)
    g_clear_pointer (&pages[i], g_variant_unref);
}

static void
clear_base (CdPagedModel *self)
{
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->base_key, g_free);
  free_pages (self->base_pages);
}

/* The whole list (no search text) as read: typing narrows it (base_for),
 * and clearing the search shows it again with no read (show_base_now). */
static void
set_base (CdPagedModel *self, GArray *ids, GVariant **first_pages)
{
  clear_base (self);
  self->base_ids = g_array_ref (ids);
  self->base_key = query_key (self->query);
  for (guint i = 0; i < FIRST_PAGES; i++)
    self->base_pages[i] = first_pages[i] != NULL ? g_variant_ref (first_pages[i]) : NULL;
}

static void
apply_in_place (CdPagedModel *self, GArray *ids, GVariant **first_pages)
{
  guint old_n = n_ids (self);

  replace_ids_in_place (self, ids, first_pages);
  if (old_n != n_ids (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[SIGNAL_RESULTS_CHANGED], 0);
}

static void
on_ids_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IdsReply *reply = user_data;
  g_autoptr (CdPagedModel) self = reply->model;
  guint generation = reply->generation;
  g_autoptr (GError) error = NULL;
  IdsResult *ids_result = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GArray) ids = NULL;
  GVariant *first_pages[FIRST_PAGES] = { NULL };
  gboolean was_loading;
  guint old_n, new_n;

  g_free (reply);
  if (ids_result != NULL)
    {
      ids = g_steal_pointer (&ids_result->ids);
      memcpy (first_pages, ids_result->first_pages, sizeof first_pages);
      memset (ids_result->first_pages, 0, sizeof ids_result->first_pages);
      ids_result_free (ids_result);
    }
  if (generation != self->generation)
    {
      free_pages (first_pages);
      return;
    }
  was_loading = cd_paged_model_get_loading (self);
  self->ids_pending = FALSE;
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the list: %s", error->message);
      cd_paged_model_update_loading (self, was_loading);
      return;
    }
  if (self->query->search == NULL)
    set_base (self, ids, first_pages);
  old_n = n_ids (self);
  if (self->fill_in_place)
    {
      apply_in_place (self, ids, first_pages);
      free_pages (first_pages);
      cd_paged_model_update_loading (self, was_loading);
      return;
    }
  free_pages (first_pages);
  cd_paged_pages_drop (self);
  g_clear_pointer (&self->ids, g_array_unref);
  /* New results are announced as two changes, all removed then all added:
   * given one change that replaces rows, GTK 4.8's list view and selection
   * look for the rows they track among the new items, which reads every
   * page of 100,000 matches before the list updates. (Fill-in-place needs
   * neither: see replace_ids_in_place.) */
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->ids = g_steal_pointer (&ids);
  new_n = n_ids (self);
  /* The first page is read right away: it is what a search shows. */
  if (new_n > 0)
    cd_paged_page_request (self, 0);
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[SIGNAL_RESULTS_CHANGED], 0);
  cd_paged_model_update_loading (self, was_loading);
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
  IdsResult *result;
  GArray *ids;

  if (job->base != NULL && job->query->search == NULL)
    ids = g_array_ref (job->base);
  else if (job->base != NULL)
    ids = cd_store_page_filter_ids (job->store, job->query->kind, job->query->search, job->base,
                                    cancellable, &error);
  else
    ids = cd_store_page_ids (job->store, job->query, cancellable, &error);
  if (ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (IdsResult, 1);
  result->ids = ids;
  if (job->with_first_pages && ids->len > 0 && !g_cancellable_is_cancelled (cancellable))
    {
      /* No rows is no error: the page is then read like any other. */
      result->first_pages[0] = cd_store_page_rows (job->store, job->query->kind,
                                                   (const gint64 *) ids->data,
                                                   MIN (ids->len, CD_PAGED_MODEL_PAGE_SIZE), NULL);
      if (result->first_pages[0] != NULL)
        g_variant_get_data (result->first_pages[0]);  /* see fetch_thread */
    }
  g_task_return_pointer (task, result, (GDestroyNotify) ids_result_free);
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

static gboolean
show_base_cb (gpointer user_data)
{
  CdPagedModel *self = CD_PAGED_MODEL (user_data);
  gboolean was_loading = cd_paged_model_get_loading (self);
  g_autoptr (GArray) base = base_for (self);
  GVariant *pages[FIRST_PAGES];

  self->base_source = 0;
  self->ids_pending = FALSE;
  /* base_pages may be replaced meanwhile: they are the base's own. */
  for (guint i = 0; i < FIRST_PAGES; i++)
    pages[i] = self->base_pages[i] != NULL ? g_variant_ref (self->base_pages[i]) : NULL;
  apply_in_place (self, base, pages);
  free_pages (pages);
  cd_paged_model_update_loading (self, was_loading);
  return G_SOURCE_REMOVE;
}

/* Clearing the search text shows the whole list again: when its ids and
 * first pages are at hand (fill-in-place), they are shown without a trip
 * to a worker thread and back. Not at once but when the main loop is next
 * idle, before the next frame: replacing the text of a search entry
 * empties it first, and that empty text, superseded in the same breath,
 * would cost a refill of every row GTK keeps. Call with the new query in
 * place. */
static gboolean
show_base_soon (CdPagedModel *self)
{
  g_autoptr (GArray) base = NULL;

  if (!self->fill_in_place || self->query->search != NULL || self->base_pages[0] == NULL
      || (base = base_for (self)) == NULL)
    return FALSE;
  self->ids_pending = TRUE;
  self->base_source = g_idle_add_full (G_PRIORITY_DEFAULT, show_base_cb, self, NULL);
  return TRUE;
}

static void
run_query (CdPagedModel *self)
{
  gboolean was_loading = cd_paged_model_get_loading (self);
  IdsReply *reply;
  g_autoptr (GTask) task = NULL;
  IdsJob *job;

  /* The old ids and their pages stay until the new ids arrive, so the
   * list keeps showing something consistent meanwhile. */
  self->generation++;
  g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  g_clear_handle_id (&self->base_source, g_source_remove);
  if (show_base_soon (self))
    {
      cd_paged_model_update_loading (self, was_loading);
      return;
    }
  reply = g_new0 (IdsReply, 1);
  self->ids_cancellable = g_cancellable_new ();
  self->ids_pending = TRUE;
  reply->model = g_object_ref (self);
  reply->generation = self->generation;
  job = g_new0 (IdsJob, 1);
  job->store = g_object_ref (self->store);
  job->query = cd_page_query_copy (self->query);
  job->base = base_for (self);
  job->with_first_pages = self->fill_in_place;
  task = g_task_new (NULL, self->ids_cancellable, on_ids_done_cb, reply);
  g_task_set_source_tag (task, run_query);
  g_task_set_task_data (task, job, (GDestroyNotify) ids_job_free);
  g_task_run_in_thread (task, ids_thread);
  cd_paged_model_update_loading (self, was_loading);
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
    page = cd_paged_page_request (self, index);
  else
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
      if (!page->launched)
        cd_paged_pages_launch (self);
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
  g_clear_handle_id (&self->base_source, g_source_remove);
  cd_paged_pages_drop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_paged_model_parent_class)->dispose (object);
}

static void
cd_paged_model_finalize (GObject *object)
{
  CdPagedModel *self = CD_PAGED_MODEL (object);

  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->ids, g_array_unref);
  clear_base (self);
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
    case PROP_FILL_IN_PLACE:
      g_value_set_boolean (value, self->fill_in_place);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_paged_model_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILL_IN_PLACE:
      cd_paged_model_set_fill_in_place (CD_PAGED_MODEL (object), g_value_get_boolean (value));
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
  object_class->set_property = cd_paged_model_set_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* See cd_paged_model_set_fill_in_place(). */
  properties[PROP_FILL_IN_PLACE] =
    g_param_spec_boolean ("fill-in-place", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdPagedModel::results-changed:
   *
   * The results of a new query are in place. With fill-in-place, a search
   * whose results are as many as before changes no item of the list (the
   * rows are refilled), so this is the one sign that they are new.
   */
  signals[SIGNAL_RESULTS_CHANGED] =
    g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_paged_model_init (CdPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cd_paged_page_free);
  g_queue_init (&self->lru);
  g_queue_init (&self->arrivals);
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

/**
 * cd_paged_model_set_fill_in_place:
 *
 * When TRUE, a page that arrives refills the stand-in rows already handed
 * out (each CdRow notifies "dict") and the model emits no items-changed for
 * it; new results of a query keep the rows at the positions both lists
 * have, refilled, and announce only the tail that differs. The cells must
 * follow their row's notify::dict, as cd-paged-columns cells do. When FALSE
 * (the default), the stand-ins are replaced by new rows through
 * items-changed, for cells that read their row only on bind, and new
 * results as all removed then all added.
 */
void
cd_paged_model_set_fill_in_place (CdPagedModel *self, gboolean fill_in_place)
{
  g_return_if_fail (CD_IS_PAGED_MODEL (self));

  fill_in_place = !!fill_in_place;
  if (self->fill_in_place == fill_in_place)
    return;
  self->fill_in_place = fill_in_place;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILL_IN_PLACE]);
}

gboolean
cd_paged_model_get_fill_in_place (CdPagedModel *self)
{
  g_return_val_if_fail (CD_IS_PAGED_MODEL (self), FALSE);
  return self->fill_in_place;
}

/* Reads the same query again, after a change to the data. */
void
cd_paged_model_reload (CdPagedModel *self)
{
  g_return_if_fail (CD_IS_PAGED_MODEL (self));
  clear_base (self);
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
