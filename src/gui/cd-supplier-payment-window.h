/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finance records what it paid a supplier: the order, the day, the amount
 * and the bank reference. A bad field or an over-payment is refused with
 * one sentence under the field; nothing is saved. Emits "recorded" (with
 * the amount in fen) after a payment is saved, then closes. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLIER_PAYMENT_WINDOW (cd_supplier_payment_window_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplierPaymentWindow, cd_supplier_payment_window, CD,
                      SUPPLIER_PAYMENT_WINDOW, AdwWindow)

/* Returns: (transfer none): a new window listing the orders still to pay. */
GtkWindow *cd_supplier_payment_window_new        (CdContext               *context,
                                                  GtkWindow               *parent);
/* Whether the orders still to pay have been read. */
gboolean   cd_supplier_payment_window_is_ready   (CdSupplierPaymentWindow *self);
/* Chooses the order with @order_id; FALSE when it is not in the list. */
gboolean   cd_supplier_payment_window_select     (CdSupplierPaymentWindow *self,
                                                  gint64                   order_id);
/* Fills the fields as a person would and presses Save; FALSE when refused
 * (the reason is shown under the field). */
gboolean   cd_supplier_payment_window_submit     (CdSupplierPaymentWindow *self,
                                                  const char              *date,
                                                  const char              *amount,
                                                  const char              *reference);
/* (transfer none) (nullable): the refusal shown, if any. */
const char *cd_supplier_payment_window_get_error (CdSupplierPaymentWindow *self);

G_END_DECLS
