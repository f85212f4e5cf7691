/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-paged-model.c (queries, ids, the list) and
 * cd-paged-model-pages.c (the page cache and its reads). */
#pragma once

#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "store/cd-store-pages.h"

G_BEGIN_DECLS

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

static inline guint
n_ids (CdPagedModel *self)
{
  return self->ids != NULL ? self->ids->len : 0;
}

void   cd_paged_model_update_loading (CdPagedModel *self,
                                      gboolean      was_loading);

void   cd_paged_page_free    (Page         *page);
Page  *cd_paged_page_request (CdPagedModel *self,
                              guint         index);
guint  cd_paged_page_length  (CdPagedModel *self,
                              guint         index);
void   cd_paged_page_renew   (CdPagedModel *self,
                              Page         *page,
                              GVariant     *rows);
void   cd_paged_page_refill  (CdPagedModel *self,
                              Page         *page,
                              GVariant     *rows);
void   cd_paged_page_add     (CdPagedModel *self,
                              Page         *page);
void   cd_paged_pages_evict  (CdPagedModel *self);
void   cd_paged_pages_launch (CdPagedModel *self);
void   cd_paged_pages_drop   (CdPagedModel *self);

G_END_DECLS
