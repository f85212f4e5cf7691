/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients view: every client in a sortable column view that reads its
 * rows in pages (CdPagedModel), with type-ahead search, filter chips, a
 * column menu remembered in settings and an empty state that says what to
 * do. */
#pragma once

#include <adwaita.h>

#include "gui/cd-paged-model.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_CLIENTS_VIEW (cd_clients_view_get_type ())
G_DECLARE_FINAL_TYPE (CdClientsView, cd_clients_view, CD, CLIENTS_VIEW, GtkWidget)

CdClientsView *cd_clients_view_new           (CdContext     *context);
CdPagedModel  *cd_clients_view_get_model     (CdClientsView *self);
void           cd_clients_view_set_search    (CdClientsView *self,
                                              const char    *text);
void           cd_clients_view_clear_filters (CdClientsView *self);
void           cd_clients_view_reload        (CdClientsView *self);
void           cd_clients_view_export        (CdClientsView *self,
                                              const char    *path);
GStrv          cd_clients_view_dup_visible_columns (CdClientsView *self);

G_END_DECLS
