/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar page (issue 12): one person's week or month of planned and
 * logged visits, meetings, work orders, deliveries and installments due, on
 * a grid that marks public holidays and make-up working days; the doors to
 * the visit plan, new and daily meetings, and the week's iCalendar export.
 * Items it has no window for are passed on through ::open (kind, id, title),
 * as the Today view's rows are. */
#pragma once

#include <adwaita.h>

#include "gui/cd-calendar-grid.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_CALENDAR_VIEW (cd_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (CdCalendarView, cd_calendar_view, CD, CALENDAR_VIEW, AdwBin)

CdCalendarView *cd_calendar_view_new        (CdContext      *context);
void            cd_calendar_view_set_today  (CdCalendarView *self,
                                             const GDate    *today);
void            cd_calendar_view_set_person (CdCalendarView *self,
                                             gint64          staff_id);
gint64          cd_calendar_view_get_person (CdCalendarView *self);
void            cd_calendar_view_refresh    (CdCalendarView *self);
gboolean        cd_calendar_view_get_loading (CdCalendarView *self);
CdCalendarGrid *cd_calendar_view_get_grid   (CdCalendarView *self);
gboolean        cd_calendar_view_export_week (CdCalendarView *self,
                                             const char     *path,
                                             GError        **error);

G_END_DECLS
