/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A GListModel of CdRow over a long list in the store that holds only a
 * few pages of rows: get_item() of a row not yet read returns a stand-in row
 * (a row whose "loading" is true) and reads its page on a worker thread;
 * when the page arrives, items-changed replaces the stand-in rows, or with
 * fill-in-place the stand-ins themselves are refilled. Sorting and
 * filtering happen in the database (cd_paged_model_set_query), so do not put
 * a GtkSortListModel or GtkFilterListModel on top. */
#pragma once

#include <gtk/gtk.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

#define CD_TYPE_PAGED_MODEL (cd_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (CdPagedModel, cd_paged_model, CD, PAGED_MODEL, GObject)

#define CD_PAGED_MODEL_PAGE_SIZE 200
#define CD_PAGED_MODEL_MAX_PAGES 20

CdPagedModel *cd_paged_model_new            (CdStore      *store,
                                             CdKind        kind);
void          cd_paged_model_set_query      (CdPagedModel *self,
                                             const char   *search,
                                             GVariant     *filters,
                                             const char   *sort_key,
                                             gboolean      descending);
void          cd_paged_model_set_search     (CdPagedModel *self,
                                             const char   *search);
void          cd_paged_model_set_filters    (CdPagedModel *self,
                                             GVariant     *filters);
void          cd_paged_model_set_sort       (CdPagedModel *self,
                                             const char   *sort_key,
                                             gboolean      descending);
void          cd_paged_model_reload         (CdPagedModel *self);
void          cd_paged_model_set_fill_in_place (CdPagedModel *self,
                                             gboolean      fill_in_place);
gboolean      cd_paged_model_get_fill_in_place (CdPagedModel *self);

CdKind        cd_paged_model_get_kind       (CdPagedModel *self);
const char   *cd_paged_model_get_search     (CdPagedModel *self);
GVariant     *cd_paged_model_get_filters    (CdPagedModel *self);
const char   *cd_paged_model_get_sort_key   (CdPagedModel *self);
gboolean      cd_paged_model_get_descending (CdPagedModel *self);
gboolean      cd_paged_model_get_loading    (CdPagedModel *self);
guint         cd_paged_model_get_n_cached_pages (CdPagedModel *self);
GArray       *cd_paged_model_dup_ids        (CdPagedModel *self);

gboolean      cd_row_is_loading             (gpointer      row);

/* GtkColumnView in GTK 4.8 cannot tell which column sorts. Give each
 * sortable column cd_paged_model_column_sorter (its sort key) as its
 * sorter; then follow the column view's sorter and the model re-queries
 * the database when a header is clicked. */
GtkSorter    *cd_paged_model_column_sorter  (const char   *sort_key);
gboolean      cd_paged_model_read_sorter    (GtkSorter    *column_view_sorter,
                                             const char  **out_key,
                                             gboolean     *out_descending);
void          cd_paged_model_follow_sorter  (CdPagedModel *self,
                                             GtkSorter    *column_view_sorter);

G_END_DECLS
