/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Supplier quotes (供应报价) of one project: pick a production item (a line
 * of the client's quote, or an item typed freely), add what each supplier
 * quoted, compare the quotes side by side (cheapest and fastest marked),
 * choose one with its reason, and turn the chosen quote into an order. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLIER_QUOTES_WINDOW (cd_supplier_quotes_window_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplierQuotesWindow, cd_supplier_quotes_window, CD, SUPPLIER_QUOTES_WINDOW, AdwWindow)

CdSupplierQuotesWindow *cd_supplier_quotes_window_new     (CdContext *context,
                                                           gint64     project_id);
/* Opens the supplier quotes of @project_id over the window of @widget (a
 * project's page, or a supplier order's "Supplier Quotes of the Project"). */
CdSupplierQuotesWindow *cd_supplier_quotes_window_present (GtkWidget *widget,
                                                           CdContext *context,
                                                           gint64     project_id);

G_END_DECLS
