/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A week or a month of days (Monday first), each marked as a public holiday
 * or a make-up working day (调休上班) by the holiday calendar, holding the
 * events of cd_store_calendar_events () as buttons that emit
 * ::event-activated with the event's "open_kind" and "open_id". */
#pragma once

#include <adwaita.h>

#include "core/cd-holidays.h"

G_BEGIN_DECLS

typedef enum
{
  CD_CALENDAR_GRID_MONTH,
  CD_CALENDAR_GRID_WEEK,
} CdCalendarGridMode;

/* The most events a day of the month view lists before "+N more". */
#define CD_CALENDAR_GRID_MONTH_ROWS 3

#define CD_TYPE_CALENDAR_GRID (cd_calendar_grid_get_type ())
G_DECLARE_FINAL_TYPE (CdCalendarGrid, cd_calendar_grid, CD, CALENDAR_GRID, GtkWidget)

CdCalendarGrid     *cd_calendar_grid_new          (void);
void                cd_calendar_grid_set_holidays (CdCalendarGrid     *self,
                                                   CdHolidayCalendar  *calendar);
void                cd_calendar_grid_set_mode     (CdCalendarGrid     *self,
                                                   CdCalendarGridMode  mode);
CdCalendarGridMode  cd_calendar_grid_get_mode     (CdCalendarGrid     *self);
void                cd_calendar_grid_set_date     (CdCalendarGrid     *self,
                                                   const GDate        *date);
void                cd_calendar_grid_get_date     (CdCalendarGrid     *self,
                                                   GDate              *out);
void                cd_calendar_grid_set_today    (CdCalendarGrid     *self,
                                                   const GDate        *today);
void                cd_calendar_grid_get_range    (CdCalendarGrid     *self,
                                                   GDate              *first,
                                                   GDate              *last);
void                cd_calendar_grid_shift        (CdCalendarGrid     *self,
                                                   int                 periods);
void                cd_calendar_grid_set_events   (CdCalendarGrid     *self,
                                                   GVariant           *events);
GtkWidget          *cd_calendar_grid_get_day      (CdCalendarGrid     *self,
                                                   const GDate        *date);
char               *cd_calendar_grid_dup_title    (CdCalendarGrid     *self);
const char         *cd_calendar_event_kind_label  (int                 kind);

/* "YYYY-MM-DD" ↔ GDate, for the calendar windows. */
char               *cd_calendar_iso               (const GDate        *date);
gboolean            cd_calendar_parse_iso         (const char         *text,
                                                   GDate              *out);

G_END_DECLS
