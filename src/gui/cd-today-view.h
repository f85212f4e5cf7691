/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is due: this month's month-end papers, with their dates moved past
 * weekends and public holidays, and the work orders that are late. */
#pragma once

#include <adwaita.h>

#include "gui/cd-list-view.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_TODAY_VIEW (cd_today_view_get_type ())
G_DECLARE_FINAL_TYPE (CdTodayView, cd_today_view, CD, TODAY_VIEW, AdwBin)

CdTodayView *cd_today_view_new          (CdContext   *context);
CdListView  *cd_today_view_get_overdue  (CdTodayView *self);
void         cd_today_view_set_today    (CdTodayView *self,
                                         const GDate *today);
void         cd_today_view_refresh      (CdTodayView *self);

G_END_DECLS
