/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is due (issue 9): this month's month-end papers, with their dates
 * moved past weekends and public holidays, done marks and "export now"; and
 * the late and coming work, deliveries, payments, contracts, quotes, visits
 * and complaints, for me, my team or everyone. Rows emit ::open. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"
#include "store/cd-store-today.h"

G_BEGIN_DECLS

/* The most rows one section shows; a last row opens the full list. */
#define CD_TODAY_VIEW_ROWS 8

#define CD_TYPE_TODAY_VIEW (cd_today_view_get_type ())
G_DECLARE_FINAL_TYPE (CdTodayView, cd_today_view, CD, TODAY_VIEW, AdwBin)

CdTodayView *cd_today_view_new            (CdContext      *context);
void         cd_today_view_set_today      (CdTodayView    *self,
                                           const GDate    *today);
void         cd_today_view_get_today      (CdTodayView    *self,
                                           GDate          *out);
void         cd_today_view_set_scope      (CdTodayView    *self,
                                           CdTodayScope    scope);
void         cd_today_view_refresh        (CdTodayView    *self);
void         cd_today_view_rebuild_papers (CdTodayView    *self);
gboolean     cd_today_view_get_loading    (CdTodayView    *self);
gint64       cd_today_view_get_total      (CdTodayView    *self,
                                           CdTodaySection  section);
GtkWidget   *cd_today_view_get_section    (CdTodayView    *self,
                                           CdTodaySection  section);
const char  *cd_today_paper_title         (const char     *code);

G_END_DECLS
