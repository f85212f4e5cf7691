/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sortable table of one page of rows from the store, with its empty,
 * no-match and error states. Rows are read on a worker thread when the view
 * is first shown and again when the search text or a filter changes (the
 * supplier directory has category and status filters above its table). */
#pragma once

#include <adwaita.h>

#include "gui/cd-list-source.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

/* The most rows one view reads at a time. */
#define CD_LIST_VIEW_PAGE_SIZE 500

#define CD_TYPE_LIST_VIEW (cd_list_view_get_type ())
G_DECLARE_FINAL_TYPE (CdListView, cd_list_view, CD, LIST_VIEW, AdwBin)

CdListView   *cd_list_view_new             (CdContext    *context,
                                            CdListSource  source);
CdListSource  cd_list_view_get_source      (CdListView   *self);
gboolean      cd_list_view_is_searchable   (CdListView   *self);
const char   *cd_list_view_get_search      (CdListView   *self);
void          cd_list_view_set_search      (CdListView   *self,
                                            const char   *search);
void          cd_list_view_set_description (CdListView   *self,
                                            const char   *description);
void          cd_list_view_invalidate      (CdListView   *self);
gboolean      cd_list_view_get_loading     (CdListView   *self);
gboolean      cd_list_view_get_loaded      (CdListView   *self);
GListModel   *cd_list_view_get_model       (CdListView   *self);
const char   *cd_list_view_get_state       (CdListView   *self);
void          cd_list_view_activate_row    (CdListView   *self,
                                            guint         position);
gboolean      cd_list_view_has_filters     (CdListView   *self);
void          cd_list_view_clear_filters   (CdListView   *self);

G_END_DECLS
