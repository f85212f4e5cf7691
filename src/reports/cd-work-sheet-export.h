/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The weekly / monthly work sheet of one AM or AE as an Excel workbook:
 * Summary (formulas over the details), Projects, Work orders, Visits,
 * Quotes. Written to a temporary file and renamed. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-xlsx.h"
#include "store/cd-store-projects.h"

G_BEGIN_DECLS

gboolean cd_work_sheet_write         (const CdWorkSheet   *sheet,
                                      const char          *target,
                                      GError             **error);
gboolean cd_work_sheet_export        (CdStore             *store,
                                      gint64               staff_id,
                                      const char          *from,
                                      const char          *to,
                                      const char          *target,
                                      GError             **error);
void     cd_work_sheet_export_async  (CdStore             *store,
                                      gint64               staff_id,
                                      const char          *from,
                                      const char          *to,
                                      const char          *target,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean cd_work_sheet_export_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
