/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supplier directory's filters (issue 6): the plain supplier list of
 * cd_store_list () narrowed by category and status. The values are bound as
 * parameters and checked against the known codes first. Implemented in
 * cd-store-list.c. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * cd_store_list_suppliers:
 * @search: (nullable): substring, as cd_store_list ()
 * @category: (nullable): one of cd_supplier_categories (), NULL for all
 * @status: (nullable): "active" or "suspended", NULL for all
 *
 * Returns: (transfer full): rows of type aa{sv} as cd_store_list () gives
 *   for suppliers, or %NULL with @error set (an unknown category or status
 *   is %CD_STORE_ERROR_INVALID)
 */
GVariant *cd_store_list_suppliers       (CdStore            *self,
                                         const char         *search,
                                         const char         *category,
                                         const char         *status,
                                         guint               offset,
                                         guint               limit,
                                         GError            **error);
/* The same on a worker thread; finish with cd_store_list_finish (). */
void      cd_store_list_suppliers_async (CdStore            *self,
                                         const char         *search,
                                         const char         *category,
                                         const char         *status,
                                         guint               offset,
                                         guint               limit,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);

G_END_DECLS
