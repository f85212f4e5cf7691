/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Short client searches (one or two characters, which have no trigram)
 * answered from a copy of the search index's text held in memory, so a
 * keystroke costs a memory scan instead of a pass over the index's content
 * table through SQLite. Same matches as instr () on that table. */
#pragma once

#include <gio/gio.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

gboolean  cd_store_client_search_warm       (CdStore       *self,
                                             GError       **error);
void      cd_store_client_search_warm_async (CdStore       *self,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean  cd_store_client_search_warm_finish (CdStore      *self,
                                             GAsyncResult  *result,
                                             GError       **error);
GArray   *cd_store_client_search_filter_ids (CdStore       *self,
                                             const char    *search,
                                             const GArray  *ordered,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
