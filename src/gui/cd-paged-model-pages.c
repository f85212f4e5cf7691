/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page cache of CdPagedModel: at most CD_PAGED_MODEL_MAX_PAGES pages
 * of rows, least recently used first out, each read on a worker thread
 * when a read slot is free, and applied when it comes back — together
 * with the others that came, at most once a frame and within a few
 * milliseconds (flush_arrivals), or at once for the first pages of new
 * results. */
#define G_LOG_DOMAIN "cd-gui"

#include "gui/cd-paged-model-private.h"

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

/* A page leaves the cache (evicted, dropped with its query, or failed):
 * its read, if still queued, is not worth doing any more. */
void
cd_paged_page_free (Page *page)
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

void
cd_paged_pages_evict (CdPagedModel *self)
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
  cd_paged_model_update_loading (self, was_loading);
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
  cd_paged_pages_launch (self);
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
      cd_paged_model_update_loading (self, was_loading);
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
  fetch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), cd_paged_page_length (self, page->index));
  g_array_append_vals (fetch->ids, &g_array_index (self->ids, gint64, start),
                       cd_paged_page_length (self, page->index));

  task = g_task_new (NULL, page->cancellable, on_fetch_done_cb, NULL);
  g_task_set_source_tag (task, launch_read);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  g_task_run_in_thread (task, fetch_thread);
  page->launched = TRUE;
  self->in_flight++;
}

/* Starts reads while there are free slots, newest pages first (the head
 * of the LRU list is what is on screen now). */
void
cd_paged_pages_launch (CdPagedModel *self)
{
  for (GList *l = self->lru.head; l != NULL && self->in_flight < MAX_IN_FLIGHT; l = l->next)
    {
      Page *page = l->data;

      if (!page->launched)
        launch_read (self, page);
    }
}

Page *
cd_paged_page_request (CdPagedModel *self, guint index)
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
  cd_paged_pages_evict (self);
  cd_paged_pages_launch (self);
  cd_paged_model_update_loading (self, was_loading);
  return page;
}

void
cd_paged_pages_drop (CdPagedModel *self)
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

guint
cd_paged_page_length (CdPagedModel *self, guint index)
{
  guint start = index * CD_PAGED_MODEL_PAGE_SIZE;

  return start < n_ids (self) ? MIN (CD_PAGED_MODEL_PAGE_SIZE, n_ids (self) - start) : 0;
}

/* A kept page takes the new ids at its positions: it is read again like a
 * new page, unless its @rows came with the ids. Its rows are refilled
 * after, by cd_paged_page_refill(). */
void
cd_paged_page_renew (CdPagedModel *self, Page *page, GVariant *rows)
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
void
cd_paged_page_refill (CdPagedModel *self, Page *page, GVariant *rows)
{
  guint start = page->index * CD_PAGED_MODEL_PAGE_SIZE;
  guint n = cd_paged_page_length (self, page->index);
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

void
cd_paged_page_add (CdPagedModel *self, Page *page)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page->index), page);
  g_queue_push_head_link (&self->lru, &page->link);
}

