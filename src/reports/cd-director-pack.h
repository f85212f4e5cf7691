/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `export director-pack`: one workbook, one sheet per chart, each with its
 * table (real numbers, money as ¥#,##0.00) and a native Excel chart over
 * that table, so the director can restyle it in Excel; and the visit plan
 * completion rate (拜访计划完成率) per person and month. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-chart.h"
#include "store/cd-store-insights.h"

G_BEGIN_DECLS

gboolean cd_director_pack_write_charts  (CdChart * const       *charts,
                                         guint                  n_charts,
                                         const char            *path,
                                         GError               **error);
gboolean cd_director_pack_write         (CdChart * const       *charts,
                                         guint                  n_charts,
                                         GVariant              *plan_completion,
                                         const char            *path,
                                         GError               **error);
gboolean cd_director_pack_export        (CdStore               *store,
                                         const CdInsightQuery  *query,
                                         const char            *path,
                                         GCancellable          *cancellable,
                                         GError               **error);
void     cd_director_pack_export_async  (CdStore               *store,
                                         const CdInsightQuery  *query,
                                         const char            *path,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
gboolean cd_director_pack_export_finish (CdStore               *store,
                                         GAsyncResult          *result,
                                         GError               **error);

G_END_DECLS
