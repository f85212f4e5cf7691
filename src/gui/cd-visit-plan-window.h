/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One person's visit plan for a week or a month (issue 12): its entries,
 * suggestions from the tier service cycles, submission, the supervisor's
 * review (after which it is read-only), and the month's completion rate. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_VISIT_PLAN_WINDOW (cd_visit_plan_window_get_type ())
G_DECLARE_FINAL_TYPE (CdVisitPlanWindow, cd_visit_plan_window, CD, VISIT_PLAN_WINDOW, AdwWindow)

/* @period: CD_PLAN_PERIOD_WEEK or CD_PLAN_PERIOD_MONTH; @start: a day in
 * it (YYYY-MM-DD); the plan is made as a draft if there was none. */
CdVisitPlanWindow *cd_visit_plan_window_present   (GtkWidget         *parent,
                                                   CdContext         *context,
                                                   gint64             staff_id,
                                                   const char        *period,
                                                   const char        *day);
gint64             cd_visit_plan_window_get_plan  (CdVisitPlanWindow *self);
void               cd_visit_plan_window_reload    (CdVisitPlanWindow *self);
const char        *cd_visit_plan_window_get_completion (CdVisitPlanWindow *self);

G_END_DECLS
