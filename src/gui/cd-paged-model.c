/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pages of rows on demand. The model keeps the ordered ids of its query
 * (cd_store_page_ids) and at most CD_PAGED_MODEL_MAX_PAGES pages of rows,
 * least recently used first out, so a million rows cost their ids and a few
 * thousand rows whatever is scrolled. A generation number ties every
 * reply to the query that asked for it: a page that comes back after the
 * search changed is dropped.
 *
 * Pages that arrive are applied together, at most once a frame and within a
 * few milliseconds (see flush_arrivals). With fill-in-place, a page's
 * stand-in rows are refilled (cd_row_set_dict) instead of replaced through
 * items-changed: GTK 4.8 answers items-changed over a page by dropping and
 * re-creating the widgets of every row in it, which is what made scrolling
 * a million work orders stall for hundreds of milliseconds. */
#define G_LOG_DOMAIN "cd-gui"

#include <string.h>

#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "store/cd-store-pages.h"

typedef struct
{
  guint         index;
  GPtrArray    *rows;        /* CdRow: stand-ins until loaded */
  gboolean      loaded;
  gboolean      launched;    /* its read was started */
  GList         link;        /* in lru; data = the page */
  GCancellable *cancellable; /* its read: cancelled when it is evicted */
} Page;

/* The pages GTK 4.8's list views make row widgets for in a new list: 200
 * rows from the top one, plus a few (rows 0–204), two pages. With
 * fill-in-place the first is read with the ids, so that a search's rows
 * are filled when its count is shown; the second is read as soon as the
 * ids are in place, while the UI thread refills the first (reading both
 * with the ids kept the UI thread waiting for the second), and is applied
 * at once rather than after the next frame. The whole list's are kept, to
 * show it again when the search is cleared. */
#define FIRST_PAGES 2

struct _CdPagedModel
{
  GObject       parent_instance;

  CdStore      *store;
  CdPageQuery  *query;
  GArray       *ids;          /* gint64, the query's order */
  GArray       *base_ids;     /* the last query without search text… */
  char         *base_key;     /* …and its filters and sort (query_key) */
  GVariant     *base_pages[FIRST_PAGES];  /* …and its first pages, nullable */
  guint         generation;       /* of the query: ids replies */
  guint         page_generation;  /* of the ids: page replies */
  GHashTable   *pages;            /* index → Page */
  GQueue        lru;              /* most recent at the head */
  GCancellable *ids_cancellable;
  guint         ids_pending : 1;
  guint         fill_in_place : 1;
  guint         pages_pending;    /* asked for and not yet applied */
  guint         in_flight;        /* reads started and not yet back */
  GQueue        arrivals;         /* Arrival: read, waiting for the flush */
  guint         flush_source;
  guint         flush_soon : 1;   /* flush_source is at G_PRIORITY_DEFAULT */
  guint         base_source;      /* show_base_cb, pending */
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
  guint     generation;
  guint     index;
  GArray   *ids;
  GVariant *rows;
} Arrival;

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
static void launch_reads (CdPagedModel *self);
static guint page_length (CdPagedModel *self, guint index);
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

/* How long one flush may apply pages before it lets a frame be painted. */
#define FLUSH_BUDGET_US 4000
/* Reads at once. Dragging the scrollbar over a million rows asks for a new
 * page or two every frame; reading them all would keep both cores of a small
 * machine busy (and the heap growing) with pages long scrolled past. So a
 * page is only read when a slot is free, the most recently asked for first.
 * One slot, not two: on a 2-core machine a second reader took the core the
 * UI thread needed, and 3 runs in 8 had a frame over 50 ms; with one, none
 * in 18 (docs/benchmarks.md). */
#define MAX_IN_FLIGHT 1

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_RESULTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A page leaves the cache (evicted, dropped with its query, or failed):
 * its read, if still queued, is not worth doing any more. */
static void
page_free (Page *page)
{
  g_cancellable_cancel (page->cancellable);
  g_object_unref (page->cancellable);
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
arrival_free (Arrival *arrival)
{
  g_array_unref (arrival->ids);
  g_variant_unref (arrival->rows);
  g_free (arrival);
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

static GVariant *
unread_dict (gint64 id)
{
  GVariantBuilder dict;

  g_variant_builder_init (&dict, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&dict, "{sv}", "id", g_variant_new_int64 (id));
  g_variant_builder_add (&dict, "{sv}", "loading", g_variant_new_boolean (TRUE));
  return g_variant_builder_end (&dict);
}

static CdRow *
unread_row (gint64 id)
{
  return cd_row_new (unread_dict (id));
}

static void
ids_result_free (IdsResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  for (guint i = 0; i < FIRST_PAGES; i++)
    g_clear_pointer (&result->first_pages[i], g_variant_unref);
  g_free (result);
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

      if (!oldest->launched)
        self->pages_pending--;  /* never read: nothing will come back */
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
    {
      g_task_return_error (task, error);
      return;
    }
  /* Serialise the page here, into one buffer: building it made a GVariant
   * (a GSlice block, GLib 2.74) for every value of every row, and freeing
   * those on the UI thread, as rows are dropped, piles them up in the UI
   * thread's slice magazines while this thread keeps asking for new ones —
   * the heap grew by ~1 MB a page while scrolling. Serialising frees the
   * tree here; the UI thread then makes its own views into the buffer. */
  g_variant_get_data (rows);
  g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

/* Rows come back in id order; a row deleted meanwhile keeps its
 * stand-in row rather than shifting every row after it. */
static void
fill_page (Page *page, GVariant *rows, const GArray *ids, gboolean in_place)
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
      if (i < page->rows->len && in_place)
        cd_row_set_dict (page->rows->pdata[i], row);
      else if (i < page->rows->len)
        {
          g_object_unref (page->rows->pdata[i]);
          page->rows->pdata[i] = cd_row_new (row);
        }
      g_variant_unref (row);
    }
  page->loaded = TRUE;
}

static void
apply_arrival (CdPagedModel *self, Arrival *arrival)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (arrival->index));

  if (page == NULL || page->loaded)
    return;  /* evicted meanwhile */
  fill_page (page, arrival->rows, arrival->ids, self->fill_in_place);
  /* A first page of the whole list, kept to show it again (show_base_cb). */
  if (self->ids == self->base_ids && arrival->index < FIRST_PAGES
      && self->base_pages[arrival->index] == NULL)
    self->base_pages[arrival->index] = g_variant_ref (arrival->rows);
  if (!self->fill_in_place)
    g_list_model_items_changed (G_LIST_MODEL (self),
                                page->index * CD_PAGED_MODEL_PAGE_SIZE,
                                page->rows->len, page->rows->len);
}

/* Runs below the frame clock's priority: pages that arrived while a frame
 * was due wait for it, and all that arrived since the last flush are
 * applied in one go, in arrival order, for FLUSH_BUDGET_US at most. */
static gboolean
flush_arrivals (gpointer user_data)
{
  CdPagedModel *self = CD_PAGED_MODEL (user_data);
  gint64 until = g_get_monotonic_time () + FLUSH_BUDGET_US;
  gboolean was_loading = cd_paged_model_get_loading (self);
  gboolean more;
  Arrival *arrival;

  g_object_ref (self);
  while (g_get_monotonic_time () < until
         && (arrival = g_queue_pop_head (&self->arrivals)) != NULL)
    {
      self->pages_pending--;
      apply_arrival (self, arrival);
      arrival_free (arrival);
    }
  more = self->arrivals.length > 0 && self->flush_source != 0;
  if (!more)
    self->flush_source = 0;
  self->flush_soon = FALSE;
  update_loading (self, was_loading);
  g_object_unref (self);
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_fetch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fetch *fetch = g_task_get_task_data (G_TASK (result));
  CdPagedModel *self = fetch->model;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean was_loading = cd_paged_model_get_loading (self);
  Arrival *arrival;

  if (fetch->generation != self->page_generation)
    return;  /* other ids since; their pending count was reset then */
  self->in_flight--;
  launch_reads (self);
  if (rows == NULL)
    {
      Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->index));

      self->pages_pending--;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read rows: %s", error->message);
      /* Not a page asked for again since this one was evicted. */
      if (page != NULL && !page->loaded
          && page->cancellable == g_task_get_cancellable (G_TASK (result)))
        {
          g_queue_unlink (&self->lru, &page->link);
          g_hash_table_remove (self->pages, GUINT_TO_POINTER (fetch->index));
        }
      update_loading (self, was_loading);
      return;
    }
  arrival = g_new0 (Arrival, 1);
  arrival->generation = fetch->generation;
  arrival->index = fetch->index;
  arrival->ids = g_array_ref (fetch->ids);
  arrival->rows = g_steal_pointer (&rows);
  g_queue_push_tail (&self->arrivals, arrival);
  /* One of the first pages of new results is shown at once: the list is
   * not done before it (FIRST_PAGES), and it is one page, not a scroll's
   * worth. */
  if (fetch->index < FIRST_PAGES && !self->flush_soon)
    {
      g_clear_handle_id (&self->flush_source, g_source_remove);
      self->flush_soon = TRUE;
      self->flush_source = g_idle_add_full (G_PRIORITY_DEFAULT, flush_arrivals, self, NULL);
    }
  else if (self->flush_source == 0)
    self->flush_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, flush_arrivals, self, NULL);
}

static void
launch_read (CdPagedModel *self, Page *page)
{
  guint start = page->index * CD_PAGED_MODEL_PAGE_SIZE;
  g_autoptr (GTask) task = NULL;
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->model = g_object_ref (self);
  fetch->generation = self->page_generation;
  fetch->index = page->index;
  fetch->kind = self->query->kind;
  /* Not page->rows->len: a kept page is read before its rows are refilled
   * (replace_ids_in_place). */
  fetch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), page_length (self, page->index));
  g_array_append_vals (fetch->ids, &g_array_index (self->ids, gint64, start),
                       page_length (self, page->index));

  task = g_task_new (NULL, page->cancellable, on_fetch_done_cb, NULL);
  g_task_set_source_tag (task, launch_read);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  g_task_run_in_thread (task, fetch_thread);
  page->launched = TRUE;
  self->in_flight++;
}

/* Starts reads while there are free slots, newest pages first (the head
 * of the LRU list is what is on screen now). */
static void
launch_reads (CdPagedModel *self)
{
  for (GList *l = self->lru.head; l != NULL && self->in_flight < MAX_IN_FLIGHT; l = l->next)
    {
      Page *page = l->data;

      if (!page->launched)
        launch_read (self, page);
    }
}

static Page *
request_page (CdPagedModel *self, guint index)
{
  guint start = index * CD_PAGED_MODEL_PAGE_SIZE;
  guint n = MIN (CD_PAGED_MODEL_PAGE_SIZE, n_ids (self) - start);
  gboolean was_loading = cd_paged_model_get_loading (self);
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->rows = g_ptr_array_new_full (n, g_object_unref);
  page->link.data = page;
  page->cancellable = g_cancellable_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->rows, unread_row (g_array_index (self->ids, gint64, start + i)));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);
  self->pages_pending++;
  evict_pages (self);
  launch_reads (self);
  update_loading (self, was_loading);
  return page;
}

static void
drop_pages (CdPagedModel *self)
{
  self->page_generation++;
  g_queue_init (&self->lru);  /* the links live in the pages */
  g_hash_table_remove_all (self->pages);  /* cancels their reads */
  g_queue_clear_full (&self->arrivals, (GDestroyNotify) arrival_free);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  self->flush_soon = FALSE;
  self->pages_pending = 0;
  self->in_flight = 0;
}

static guint
page_length (CdPagedModel *self, guint index)
{
  guint start = index * CD_PAGED_MODEL_PAGE_SIZE;

  return start < n_ids (self) ? MIN (CD_PAGED_MODEL_PAGE_SIZE, n_ids (self) - start) : 0;
}

/* A kept page takes the new ids at its positions: it is read again like a
 * new page, unless its @rows came with the ids. Its rows are refilled
 * after, by refill_rows(). */
static void
renew_kept_page (CdPagedModel *self, Page *page, GVariant *rows)
{
  page->loaded = rows != NULL;
  page->launched = rows != NULL;
  page->cancellable = g_cancellable_new ();
  if (!page->loaded)
    self->pages_pending++;
}

/* The page's row objects (which GTK may hold) get the new ids' rows read
 * with them (@rows) or stand-ins. Rows past the new end go; rows past the
 * old end are new objects (announced as added). */
static void
refill_rows (CdPagedModel *self, Page *page, GVariant *rows)
{
  guint start = page->index * CD_PAGED_MODEL_PAGE_SIZE;
  guint n = page_length (self, page->index);
  g_autoptr (GVariant) row = NULL;
  GVariantIter iter;

  if (page->rows->len > n)
    g_ptr_array_remove_range (page->rows, n, page->rows->len - n);
  if (rows != NULL)
    {
      g_variant_iter_init (&iter, rows);
      row = g_variant_iter_next_value (&iter);
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, start + i);
      gint64 row_id = 0;
      GVariant *dict;

      /* Rows come back in id order; a row deleted meanwhile stays a
       * stand-in, as in fill_page(). */
      if (row != NULL)
        g_variant_lookup (row, "id", "x", &row_id);
      dict = row != NULL && row_id == id ? row : unread_dict (id);
      if (i < page->rows->len)
        cd_row_set_dict (page->rows->pdata[i], dict);
      else
        g_ptr_array_add (page->rows, cd_row_new (dict));
      if (dict == row)
        {
          g_variant_unref (row);
          row = g_variant_iter_next_value (&iter);
        }
    }
}

static void
add_page (CdPagedModel *self, Page *page)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page->index), page);
  g_queue_push_head_link (&self->lru, &page->link);
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
   * are dropped (drop_pages cancels their reads). */
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
  drop_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_array_ref (ids);
  /* kept runs most recently used first: pushed in reverse to keep the order. */
  for (GList *l = g_list_last (kept); l != NULL; l = l->prev)
    {
      Page *page = l->data;

      renew_kept_page (self, page, page->index < FIRST_PAGES ? pages[page->index] : NULL);
      add_page (self, page);
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
        page->rows = g_ptr_array_new_full (page_length (self, i), g_object_unref);
        page->link.data = page;
        renew_kept_page (self, page, pages[i]);
        add_page (self, page);
        refill = g_list_prepend (refill, page);
        evict_pages (self);
      }
    else if (g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i)) == NULL)
      request_page (self, i);
  launch_reads (self);
  for (GList *l = refill; l != NULL; l = l->next)
    {
      Page *page = l->data;

      refill_rows (self, page, page->loaded && page->index < FIRST_PAGES ? pages[page->index] : NULL);
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
      update_loading (self, was_loading);
      return;
    }
  if (self->query->search == NULL)
    set_base (self, ids, first_pages);
  old_n = n_ids (self);
  if (self->fill_in_place)
    {
      apply_in_place (self, ids, first_pages);
      free_pages (first_pages);
      update_loading (self, was_loading);
      return;
    }
  free_pages (first_pages);
  drop_pages (self);
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
    request_page (self, 0);
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[SIGNAL_RESULTS_CHANGED], 0);
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
  update_loading (self, was_loading);
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
      update_loading (self, was_loading);
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
      if (!page->launched)
        launch_reads (self);
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
  drop_pages (self);
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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
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
