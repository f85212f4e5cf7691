/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receivables (应收账款): what clients still owe on signed contracts, per
 * client or per contract, aged by days past due (0–30, 31–60, 61–90, over
 * 90), read off the UI thread. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_PAYMENT_RECEIVABLES_WINDOW (cd_payment_receivables_window_get_type ())
G_DECLARE_FINAL_TYPE (CdPaymentReceivablesWindow, cd_payment_receivables_window, CD,
                      PAYMENT_RECEIVABLES_WINDOW, AdwWindow)

/* @as_of: (nullable): the day the receivables are for; today if NULL */
CdPaymentReceivablesWindow *cd_payment_receivables_window_new     (CdContext  *context,
                                                                   const char *as_of);
CdPaymentReceivablesWindow *cd_payment_receivables_window_present (GtkWidget  *widget,
                                                                   CdContext  *context);
/* TRUE once the figures are read (for tests). */
gboolean                    cd_payment_receivables_window_is_loaded (CdPaymentReceivablesWindow *self);

G_END_DECLS
