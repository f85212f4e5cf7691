/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly supplier sheet (供应商月结表) the cashier gets by the 5th:
 * sheets "Summary", "Details", "Not payable", "Pickup slips", optionally one
 * per supplier, and "About". Which orders count is written down in
 * store/cd-store-month-end.h. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-xlsx.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

typedef enum
{
  CD_SUPPLIER_SHEET_DEFAULT      = 0,
  CD_SUPPLIER_SHEET_PER_SUPPLIER = 1 << 0,   /* one more sheet per supplier */
} CdSupplierSheetFlags;

/* The flags the database's settings ask for ("export.sheet_per_supplier"). */
CdSupplierSheetFlags cd_supplier_sheet_default_flags (CdStore               *store);

/**
 * cd_supplier_sheet_export:
 * @month: "YYYY-MM"
 * @target: the .xlsx file to write; replaced only when the export succeeds
 * @progress: (nullable): called from this thread with the fraction done
 * @cancellable: (nullable): checked every few hundred rows; a cancel ends
 *   with G_IO_ERROR_CANCELLED and leaves no file
 *
 * Writes the workbook. On any failure nothing is left at @target (an
 * existing file there is left as it was) and @error says why.
 */
gboolean  cd_supplier_sheet_export        (CdStore               *store,
                                           const char            *month,
                                           const char            *target,
                                           CdSupplierSheetFlags   flags,
                                           CdReportProgressFunc   progress,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* The same on a worker thread; @progress is called on that thread (hand
 * it to the main context before touching widgets). @progress_data must
 * live until @callback runs. */
void      cd_supplier_sheet_export_async  (CdStore               *store,
                                           const char            *month,
                                           const char            *target,
                                           CdSupplierSheetFlags   flags,
                                           CdReportProgressFunc   progress,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
gboolean  cd_supplier_sheet_export_finish (CdStore               *store,
                                           GAsyncResult          *result,
                                           GError               **error);

G_END_DECLS
