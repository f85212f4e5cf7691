/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A supplier order (供应商业务单): its details, lines and totals, its
 * inspections, and buttons for the moves its state allows — Mark Ordered,
 * Mark Delivered (with the delivery date), Inspect (starts or opens the
 * acceptance), Create Rework Order (when rejected) — and Save as PDF. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLIER_ORDER_WINDOW (cd_supplier_order_window_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplierOrderWindow, cd_supplier_order_window, CD, SUPPLIER_ORDER_WINDOW, AdwWindow)

CdSupplierOrderWindow *cd_supplier_order_window_new     (CdContext             *context,
                                                         gint64                 order_id);
/* Opens order @order_id over the window of @widget (the Orders list of
 * Suppliers & deliveries, on row activation). */
CdSupplierOrderWindow *cd_supplier_order_window_present (GtkWidget             *widget,
                                                         CdContext             *context,
                                                         gint64                 order_id);
gint64                 cd_supplier_order_window_get_order_id (CdSupplierOrderWindow *self);

G_END_DECLS
