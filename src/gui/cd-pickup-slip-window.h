/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A pickup slip (客户提货单): goods handed to the client. A new slip starts
 * from what the project's suppliers delivered and the agency accepted; the
 * lines, date and notes can be changed until it is created. A created slip
 * is printed (Save as PDF…) with a line for the client's signature, and
 * marked signed, with who received the goods, when the signed paper is
 * back; after that it does not change. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_PICKUP_SLIP_WINDOW (cd_pickup_slip_window_get_type ())
G_DECLARE_FINAL_TYPE (CdPickupSlipWindow, cd_pickup_slip_window, CD, PICKUP_SLIP_WINDOW, AdwWindow)

/* The slip @slip_id. */
CdPickupSlipWindow *cd_pickup_slip_window_new          (CdContext *context,
                                                        gint64     slip_id);
/* A new slip for the client of @project_id, not saved until "Create". */
CdPickupSlipWindow *cd_pickup_slip_window_new_for_project (CdContext *context,
                                                           gint64     project_id);
CdPickupSlipWindow *cd_pickup_slip_window_present      (GtkWidget *widget,
                                                        CdContext *context,
                                                        gint64     slip_id);
CdPickupSlipWindow *cd_pickup_slip_window_present_new  (GtkWidget *widget,
                                                        CdContext *context,
                                                        gint64     project_id);
/* The slip shown, or 0 while a new one is not yet created. */
gint64              cd_pickup_slip_window_get_slip_id  (CdPickupSlipWindow *self);

G_END_DECLS
