/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Export what I see" of the Clients view: the rows of a query (search,
 * filters, sort) with the columns shown, to an xlsx workbook with a frozen,
 * filtered header row and fitted widths. Private notes only when asked. */
#pragma once

#include "store/cd-store-pages.h"

G_BEGIN_DECLS

/* Every column key the export knows, in the view's order. */
const char *const *cd_clients_export_columns (void);

gboolean cd_clients_export (CdStore            *store,
                            const CdPageQuery  *query,
                            const char *const  *columns,
                            gboolean            include_private,
                            const char         *path,
                            GCancellable       *cancellable,
                            GError            **error);

G_END_DECLS
