/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Mainland China's public holidays and make-up working days (调休), read from
 * iCalendar, and the deadline rule "the Nth, moved past non-working days"
 * (遇节假日顺延). */
#pragma once

#include <glib.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define CD_HOLIDAYS_ERROR (cd_holidays_error_quark ())

typedef enum
{
  CD_HOLIDAYS_ERROR_PARSE,      /* not an iCalendar file, or a broken event */
  CD_HOLIDAYS_ERROR_NO_EVENTS,  /* a calendar without a single usable day */
  CD_HOLIDAYS_ERROR_RANGE,      /* asked for a day outside what is known */
} CdHolidaysError;

typedef enum
{
  CD_DAY_WORKDAY,           /* Monday–Friday, no holiday */
  CD_DAY_WEEKEND,           /* Saturday or Sunday, no make-up */
  CD_DAY_HOLIDAY,           /* a public holiday (法定节假日 or 调休 rest day) */
  CD_DAY_MAKEUP_WORKDAY,    /* a weekend day worked to make up (调休上班) */
} CdDayKind;

#define CD_TYPE_HOLIDAY_CALENDAR (cd_holiday_calendar_get_type ())
typedef struct _CdHolidayCalendar CdHolidayCalendar;

GType               cd_holiday_calendar_get_type   (void) G_GNUC_CONST;
GQuark              cd_holidays_error_quark        (void);

CdHolidayCalendar  *cd_holiday_calendar_new        (void);
CdHolidayCalendar  *cd_holiday_calendar_ref        (CdHolidayCalendar *self);
void                cd_holiday_calendar_unref      (CdHolidayCalendar *self);

gboolean            cd_holiday_calendar_load_ics   (CdHolidayCalendar *self,
                                                    const char        *data,
                                                    gssize             length,
                                                    GError           **error);
CdDayKind           cd_holiday_calendar_day_kind   (CdHolidayCalendar *self,
                                                    const GDate       *date);
const char         *cd_holiday_calendar_day_name   (CdHolidayCalendar *self,
                                                    const GDate       *date);
gboolean            cd_holiday_calendar_is_working_day (CdHolidayCalendar *self,
                                                    const GDate       *date);
guint               cd_holiday_calendar_n_days     (CdHolidayCalendar *self);

void                cd_deadline_next_working_day   (CdHolidayCalendar *self,
                                                    GDate             *date);
gboolean            cd_deadline_for_month          (CdHolidayCalendar *self,
                                                    int                year,
                                                    int                month,
                                                    int                day,
                                                    GDate             *out_date,
                                                    GError           **error);

/* Additions to the fixed API above. */
CdHolidayCalendar  *cd_holiday_calendar_new_default (GError          **error);
gboolean            cd_holiday_calendar_load_file  (CdHolidayCalendar *self,
                                                    const char        *path,
                                                    GError           **error);
gboolean            cd_holiday_calendar_knows_year (CdHolidayCalendar *self,
                                                    int                year);
gboolean            cd_holiday_calendar_year_is_provisional (CdHolidayCalendar *self,
                                                    int                year);
char               *cd_holiday_calendar_describe_years (CdHolidayCalendar *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdHolidayCalendar, cd_holiday_calendar_unref)

G_END_DECLS
