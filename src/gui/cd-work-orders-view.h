/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/cd-paged-model.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_WORK_ORDERS_VIEW (cd_work_orders_view_get_type ())
G_DECLARE_FINAL_TYPE (CdWorkOrdersView, cd_work_orders_view, CD, WORK_ORDERS_VIEW, AdwBin)

CdWorkOrdersView *cd_work_orders_view_new             (CdContext        *context);
CdPagedModel     *cd_work_orders_view_get_model       (CdWorkOrdersView *self);
GtkColumnView    *cd_work_orders_view_get_column_view (CdWorkOrdersView *self);
void              cd_work_orders_view_set_search      (CdWorkOrdersView *self,
                                                       const char       *search);
void              cd_work_orders_view_save_pdf        (CdWorkOrdersView *self,
                                                       gint64            id);

G_END_DECLS
