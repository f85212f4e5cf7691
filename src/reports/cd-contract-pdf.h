/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contract (合同) or amendment (补充协议) as a PDF: parties with their
 * invoicing details, subject, amount in figures and capitals, term, clauses,
 * payment schedule, signatures. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-pdf.h"
#include "store/cd-store-contracts.h"

G_BEGIN_DECLS

gboolean cd_contract_pdf_write         (const CdContract    *contract,
                                        const CdParty       *client,
                                        const CdLetterhead  *letterhead,
                                        const char          *path,
                                        GError             **error);
gboolean cd_contract_pdf_render        (CdStore             *store,
                                        gint64               contract_id,
                                        const char          *path,
                                        GError             **error);
void     cd_contract_pdf_render_async  (CdStore             *store,
                                        gint64               contract_id,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean cd_contract_pdf_render_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
