/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supply documents as PDFs, on the agency's letterhead (cd-pdf.h):
 *   the supplier order (供应商业务单) sent to the supplier,
 *   the acceptance (交货验收单 / 出品检查表): checklist with results and
 *     notes, counts against the order, photo thumbnails, signature,
 *   the pickup slip (客户提货单) with a line for the client's signature.
 * cd-supply-pdf.c and cd-acceptance-pdf.c. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-pdf.h"
#include "store/cd-store-suppliers.h"

G_BEGIN_DECLS

typedef enum
{
  CD_SUPPLY_DOC_SUPPLIER_ORDER,
  CD_SUPPLY_DOC_ACCEPTANCE,
  CD_SUPPLY_DOC_PICKUP_SLIP,
} CdSupplyDoc;

/* Draw one document; no database needed. @photos: (nullable)
 * (element-type cairo_surface_t): the acceptance's pictures, in the order
 * of @acceptance->photos; NULL entries could not be read. */
gboolean cd_supplier_order_pdf_write (const CdSupplierOrder *order,
                                      const CdLetterhead    *letterhead,
                                      const char            *path,
                                      GError               **error);
gboolean cd_acceptance_pdf_write     (const CdAcceptance    *acceptance,
                                      GPtrArray             *photos,
                                      const CdLetterhead    *letterhead,
                                      const char            *path,
                                      GError               **error);
gboolean cd_pickup_slip_pdf_write    (const CdPickupSlip    *slip,
                                      const CdLetterhead    *letterhead,
                                      const char            *path,
                                      GError               **error);

/* A photo (PNG or JPEG bytes, EXIF orientation applied) as a cairo image
 * no larger than @max_pixels on its longer side, or NULL when it cannot be
 * read. */
cairo_surface_t *cd_supply_pdf_decode_photo (GBytes *bytes,
                                             int     max_pixels);

/* Reads document @id of @doc (with photos, letterhead) and writes @path. */
gboolean cd_supply_pdf_render        (CdStore             *store,
                                      CdSupplyDoc          doc,
                                      gint64               id,
                                      const char          *path,
                                      GError             **error);
/* The same on a worker thread (the pages' "Save as PDF…"). */
void     cd_supply_pdf_render_async  (CdStore             *store,
                                      CdSupplyDoc          doc,
                                      gint64               id,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean cd_supply_pdf_render_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
