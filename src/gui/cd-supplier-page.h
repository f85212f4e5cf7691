/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A supplier's page: the directory record (validated when saved, the reason
 * shown under the form), Suspend / Reactivate, and the scorecard — orders,
 * on-time delivery, first-pass acceptance, reworks, spend by month. With
 * id 0 it makes a new supplier. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLIER_PAGE (cd_supplier_page_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplierPage, cd_supplier_page, CD, SUPPLIER_PAGE, AdwWindow)

CdSupplierPage *cd_supplier_page_new     (CdContext      *context,
                                          gint64          supplier_id);
/* Opens supplier @supplier_id (0: a new one) over the window of @widget
 * (the Suppliers list of Suppliers & deliveries, on row activation). */
CdSupplierPage *cd_supplier_page_present (GtkWidget      *widget,
                                          CdContext      *context,
                                          gint64          supplier_id);
gint64          cd_supplier_page_get_supplier_id (CdSupplierPage *self);

G_END_DECLS
