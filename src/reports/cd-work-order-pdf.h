/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One work order (工作单) as the paper the creative department gets:
 * letterhead, project and client, assignee, dates, priority, the
 * requirements in full, revision rounds and sign-off lines. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-pdf.h"
#include "store/cd-store-projects.h"

G_BEGIN_DECLS

/* Draws @order with its @revisions (element-type CdRevision, nullable);
 * no database needed. */
gboolean cd_work_order_pdf_write         (const CdWorkOrder   *order,
                                          GPtrArray           *revisions,
                                          const CdLetterhead  *letterhead,
                                          const char          *path,
                                          GError             **error);
/* Reads work order @id, its revisions and the letterhead; writes @path. */
gboolean cd_work_order_pdf_render        (CdStore             *store,
                                          gint64               id,
                                          const char          *path,
                                          GError             **error);
void     cd_work_order_pdf_render_async  (CdStore             *store,
                                          gint64               id,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean cd_work_order_pdf_render_finish (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
