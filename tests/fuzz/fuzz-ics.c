/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the iCalendar holiday parser (src/core/cd-holidays.c). */
#define G_LOG_DOMAIN "cd-fuzz"

#include <stdlib.h>
#include <glib.h>

#include "fuzz-targets.h"
#include "core/cd-holidays.h"

/* A calendar that loaded answers for its years without tripping. */
static void
ask (CdHolidayCalendar *calendar)
{
  for (int year = 2000; year <= 2100; year++)
    {
      GDate date;

      if (!cd_holiday_calendar_knows_year (calendar, year))
        continue;
      for (int month = 1; month <= 12; month++)
        {
          g_autoptr (GError) error = NULL;

          g_date_clear (&date, 1);
          if (cd_deadline_for_month (calendar, year, month, 31, &date, &error))
            CD_FUZZ_CHECK (g_date_valid (&date));
          else
            CD_FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
          g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
          (void) cd_holiday_calendar_day_kind (calendar, &date);
          (void) cd_holiday_calendar_day_name (calendar, &date);
        }
    }
}

int
cd_fuzz_ics (const uint8_t *data, size_t size)
{
  g_autoptr (CdHolidayCalendar) calendar = cd_holiday_calendar_new ();
  g_autoptr (GError) error = NULL;

  if (cd_holiday_calendar_load_ics (calendar, (const char *) data, (gssize) size, &error))
    {
      g_autofree char *years = cd_holiday_calendar_describe_years (calendar);

      CD_FUZZ_CHECK (years == NULL || g_utf8_validate (years, -1, NULL));
      ask (calendar);
    }
  else
    CD_FUZZ_CHECK (error != NULL && error->message != NULL && g_utf8_validate (error->message, -1, NULL));
  return 0;
}

#ifdef CD_FUZZ_MAIN
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return cd_fuzz_ics (data, size);
}
#endif
