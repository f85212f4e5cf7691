/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_WORK_ORDER_DIALOG (cd_work_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdWorkOrderDialog, cd_work_order_dialog, CD, WORK_ORDER_DIALOG, AdwWindow)

CdWorkOrderDialog *cd_work_order_dialog_new (CdContext *context,
                                             GtkWindow *parent,
                                             gint64     id,
                                             gint64     project_id);

G_END_DECLS
