/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote (报价单) as a PDF: letterhead, client, lines, tax per rate,
 * total in figures and in Chinese capitals, validity, terms, signatures. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-pdf.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-quotes.h"

G_BEGIN_DECLS

/* Draws @quote (with its lines) for @client; no database needed. */
gboolean cd_quote_pdf_write         (const CdQuote       *quote,
                                     const CdParty       *client,
                                     const CdLetterhead  *letterhead,
                                     const char          *path,
                                     GError             **error);
/* Reads quote @quote_id, its client and the letterhead, and writes @path. */
gboolean cd_quote_pdf_render        (CdStore             *store,
                                     gint64               quote_id,
                                     const char          *path,
                                     GError             **error);
/* The same on a worker thread (the window's "Save as PDF…"). */
void     cd_quote_pdf_render_async  (CdStore             *store,
                                     gint64               quote_id,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean cd_quote_pdf_render_finish (GAsyncResult        *result,
                                     GError             **error);

/* "6%", "12.5%": a rate or share in basis points, as documents print it. */
char    *cd_pdf_format_bp           (gint64               bp);

G_END_DECLS
