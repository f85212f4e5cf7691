/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly work-order summary for HR (工作单汇总表, due by the 3rd, used
 * for performance scoring): a "Summary" sheet per person with formulas and a
 * "Details" sheet with one row per work order issued in the month. Which
 * work orders count is written down in store/cd-store-month-end.h. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-xlsx.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

/* Like cd_supplier_sheet_export(): nothing is left at @target on failure. */
gboolean cd_work_order_summary_export        (CdStore              *store,
                                              const char           *month,
                                              const char           *target,
                                              CdReportProgressFunc  progress,
                                              gpointer              progress_data,
                                              GCancellable         *cancellable,
                                              GError              **error);

void     cd_work_order_summary_export_async  (CdStore              *store,
                                              const char           *month,
                                              const char           *target,
                                              CdReportProgressFunc  progress,
                                              gpointer              progress_data,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean cd_work_order_summary_export_finish (CdStore              *store,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
