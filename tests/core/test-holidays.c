/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every expected date below was worked out by hand from the State Council's
 * notices (国务院办公厅关于2024/2025/2026年部分节假日安排的通知) and a wall
 * calendar, not from the code under test. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib.h>

#include "core/cd-holidays.h"

static CdHolidayCalendar *
shipped_calendar (void)
{
  g_autoptr(GError) error = NULL;
  CdHolidayCalendar *cal = cd_holiday_calendar_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (cal);
  return cal;
}

static void
assert_deadline (CdHolidayCalendar *cal,
                 int year, int month, int day,
                 int ey, int em, int ed)
{
  g_autoptr(GError) error = NULL;
  GDate out;
  gboolean ok;

  g_date_clear (&out, 1);
  ok = cd_deadline_for_month (cal, year, month, day, &out, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  if (!ok)
    return;
  g_test_message ("%d-%02d day %d -> %u-%02u-%02u", year, month, day,
                  g_date_get_year (&out), g_date_get_month (&out), g_date_get_day (&out));
  g_assert_cmpint (g_date_get_year (&out), ==, ey);
  g_assert_cmpint (g_date_get_month (&out), ==, em);
  g_assert_cmpint (g_date_get_day (&out), ==, ed);
}

static CdDayKind
kind_of (CdHolidayCalendar *cal, int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return cd_holiday_calendar_day_kind (cal, &date);
}

static void
test_shipped_calendar_loads (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();
  g_autoptr(CdHolidayCalendar) from_file = cd_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *years = NULL;
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");

  g_assert_cmpuint (cd_holiday_calendar_n_days (cal), >, 100);
  years = cd_holiday_calendar_describe_years (cal);
  g_assert_cmpstr (years, ==, "2024–2027");
  g_assert_false (cd_holiday_calendar_knows_year (cal, 2023));
  g_assert_true (cd_holiday_calendar_knows_year (cal, 2024));
  g_assert_true (cd_holiday_calendar_knows_year (cal, 2027));
  g_assert_false (cd_holiday_calendar_knows_year (cal, 2028));

  /* The compiled-in copy is the file in data/holidays/. */
  if (root != NULL)
    {
      path = g_build_filename (root, "data", "holidays", "cn-2024-2027.ics", NULL);
      g_assert_true (cd_holiday_calendar_load_file (from_file, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (cd_holiday_calendar_n_days (from_file), ==, cd_holiday_calendar_n_days (cal));
    }
}

static void
test_2027_is_marked_provisional (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();

  g_assert_false (cd_holiday_calendar_year_is_provisional (cal, 2024));
  g_assert_false (cd_holiday_calendar_year_is_provisional (cal, 2025));
  g_assert_false (cd_holiday_calendar_year_is_provisional (cal, 2026));
  g_assert_true (cd_holiday_calendar_year_is_provisional (cal, 2027));
}

static void
test_day_kinds_follow_the_notices (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();
  GDate date;

  /* 2024: 春节 Feb 10–17, work Sun Feb 4 and Sun Feb 18. */
  g_assert_cmpint (kind_of (cal, 2024, 2, 4), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2024, 2, 9), ==, CD_DAY_WORKDAY);     /* 除夕, a Friday */
  g_assert_cmpint (kind_of (cal, 2024, 2, 10), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2024, 2, 17), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2024, 2, 18), ==, CD_DAY_MAKEUP_WORKDAY);
  /* 2024: 端午 Jun 10 with the weekend; Jun 8 stays a plain weekend. */
  g_assert_cmpint (kind_of (cal, 2024, 6, 8), ==, CD_DAY_WEEKEND);
  g_assert_cmpint (kind_of (cal, 2024, 6, 10), ==, CD_DAY_HOLIDAY);
  /* 2024: 国庆 Oct 1–7, work Sun Sep 29 and Sat Oct 12. */
  g_assert_cmpint (kind_of (cal, 2024, 9, 29), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2024, 10, 12), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2024, 10, 13), ==, CD_DAY_WEEKEND);
  /* 2025: 元旦 Jan 1 only; 劳动节 work Sun Apr 27; 端午 May 31–Jun 2. */
  g_assert_cmpint (kind_of (cal, 2025, 1, 1), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2025, 1, 2), ==, CD_DAY_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2025, 4, 27), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2025, 6, 2), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2025, 10, 8), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2025, 10, 11), ==, CD_DAY_MAKEUP_WORKDAY);
  /* 2026: 元旦 Jan 1–3, work Sun Jan 4; 国庆 work Sun Sep 20, Sat Oct 10. */
  g_assert_cmpint (kind_of (cal, 2026, 1, 3), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2026, 1, 4), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 5, 9), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 9, 20), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 10, 10), ==, CD_DAY_MAKEUP_WORKDAY);
  /* An ordinary Monday and Sunday. */
  g_assert_cmpint (kind_of (cal, 2026, 3, 2), ==, CD_DAY_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 3, 1), ==, CD_DAY_WEEKEND);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 16, 2, 2026);
  g_assert_cmpstr (cd_holiday_calendar_day_name (cal, &date), ==, "春节");
  g_assert_false (cd_holiday_calendar_is_working_day (cal, &date));
  g_date_set_dmy (&date, 14, 2, 2026);
  g_assert_cmpstr (cd_holiday_calendar_day_name (cal, &date), ==, "春节补班");
  g_assert_true (cd_holiday_calendar_is_working_day (cal, &date));
  g_date_set_dmy (&date, 2, 3, 2026);
  g_assert_null (cd_holiday_calendar_day_name (cal, &date));
}

static void
test_deadline_moves_past_national_day (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();

  /* 2025: Oct 1–8 off → the 5th becomes Thu Oct 9. */
  assert_deadline (cal, 2025, 10, 5, 2025, 10, 9);
  /* 2024: Oct 1–7 off → the 3rd becomes Tue Oct 8. */
  assert_deadline (cal, 2024, 10, 3, 2024, 10, 8);
  /* 2026: Oct 1–7 off → the 3rd and the 5th become Thu Oct 8. */
  assert_deadline (cal, 2026, 10, 3, 2026, 10, 8);
  assert_deadline (cal, 2026, 10, 5, 2026, 10, 8);
}

static void
test_deadline_moves_past_the_spring_festival (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();

  /* 2026: Feb 15–23 off → the 17th becomes Tue Feb 24. */
  assert_deadline (cal, 2026, 2, 17, 2026, 2, 24);
  /* 2025: Jan 28–Feb 4 off → the 3rd becomes Wed Feb 5. */
  assert_deadline (cal, 2025, 2, 3, 2025, 2, 5);
  /* 2024: Feb 10–17 off, Sun Feb 18 worked → the 12th becomes Feb 18. */
  assert_deadline (cal, 2024, 2, 12, 2024, 2, 18);
  /* 2026: Thu Feb 5 is an ordinary working day: no move. */
  assert_deadline (cal, 2026, 2, 5, 2026, 2, 5);
}

static void
test_makeup_working_days_count_as_working_days (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();

  /* Sat Feb 14 2026 is worked (春节补班): the deadline stays there. */
  assert_deadline (cal, 2026, 2, 14, 2026, 2, 14);
  /* Sat Oct 12 2024 is worked (国庆节补班). */
  assert_deadline (cal, 2024, 10, 12, 2024, 10, 12);
  /* 2026-01 the 3rd: Sat Jan 3 is 元旦, Sun Jan 4 is worked. */
  assert_deadline (cal, 2026, 1, 3, 2026, 1, 4);
}

static void
test_deadline_moves_past_weekends_and_month_ends (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();

  /* Sat Mar 1 2025 → Mon Mar 3. */
  assert_deadline (cal, 2025, 3, 1, 2025, 3, 3);
  /* 2024-05 the 3rd: May 1–5 off → Mon May 6. */
  assert_deadline (cal, 2024, 5, 3, 2024, 5, 6);
  /* The 31st of February 2026 is Sat Feb 28, a make-up working day. */
  assert_deadline (cal, 2026, 2, 31, 2026, 2, 28);
  /* The 30th of February 2024 (leap year) is Thu Feb 29. */
  assert_deadline (cal, 2024, 2, 30, 2024, 2, 29);
  /* The 31st of May 2025 is 端午 (May 31–Jun 2) → Tue Jun 3, next month. */
  assert_deadline (cal, 2025, 5, 31, 2025, 6, 3);
  /* Fri Dec 31 2027 is a working day. */
  assert_deadline (cal, 2027, 12, 31, 2027, 12, 31);
}

static void
test_deadline_refuses_unknown_years (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();
  g_autoptr(CdHolidayCalendar) empty = cd_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate out;

  g_assert_false (cd_deadline_for_month (cal, 2023, 12, 5, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "2023"));
  g_assert_nonnull (strstr (error->message, "2024–2027"));
  g_clear_error (&error);

  g_assert_false (cd_deadline_for_month (cal, 2028, 1, 3, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);

  g_assert_false (cd_deadline_for_month (empty, 2026, 1, 3, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);

  g_assert_false (cd_deadline_for_month (cal, 2026, 13, 3, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (cd_deadline_for_month (cal, 2026, 0, 3, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (cd_deadline_for_month (cal, 2026, 1, 0, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (cd_deadline_for_month (cal, 2026, 1, 32, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (cd_deadline_for_month (cal, G_MININT, G_MININT, G_MAXINT, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (cd_deadline_for_month (cal, G_MAXINT, 1, 1, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
}

static void
test_deadline_refuses_to_move_into_an_unknown_year (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\n"
    "BEGIN:VEVENT\n"
    "DTSTART;VALUE=DATE:20301231\n"
    "SUMMARY:Year end\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n";
  g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate out;

  g_assert_true (cd_holiday_calendar_load_ics (cal, ics, -1, &error));
  g_assert_no_error (error);
  /* Tue Dec 31 2030 is off; Jan 1 2031 is in a year nobody described. */
  g_assert_false (cd_deadline_for_month (cal, 2030, 12, 31, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "2031"));
}

static void
test_next_working_day_skips_weekends_in_unknown_years (void)
{
  g_autoptr(CdHolidayCalendar) cal = shipped_calendar ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 10, 2025);           /* National Day */
  cd_deadline_next_working_day (cal, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 9);

  g_date_set_dmy (&date, 6, 1, 2029);            /* a Saturday, unknown year */
  cd_deadline_next_working_day (cal, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 8);

  g_date_set_dmy (&date, 8, 1, 2029);            /* Monday stays */
  cd_deadline_next_working_day (cal, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 8);
}

static void
test_other_published_forms_are_read (void)
{
  /* CRLF, folded lines, a BOM, a summary-only workday (补班 / 上班), a
   * DURATION, date-times, VALARM and VTIMEZONE, lower-case names. */
  static const char ics[] =
    "\xEF\xBB\xBF" "BEGIN:VCALENDAR \r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20260215\r\n"
    "DTEND;VALUE=DATE:20260224\r\n"
    "SUMMARY:春节 \r\n"
    " 假期\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nSUMMARY:上班\r\nEND:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20260214\r\n"
    "SUMMARY:春节补班\r\n"
    "END:VEVENT\r\n"
    "begin:vevent\r\n"
    "dtstart:20260228T000000\r\n"
    "summary:上班\r\n"
    "end:vevent\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20261001\r\n"
    "DURATION:P7D\r\n"
    "SUMMARY;LANGUAGE=zh-CN:国庆节\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (cd_holiday_calendar_load_ics (cal, ics, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cd_holiday_calendar_n_days (cal), ==, 9 + 1 + 1 + 7);
  g_assert_cmpint (kind_of (cal, 2026, 2, 15), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2026, 2, 23), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2026, 2, 24), ==, CD_DAY_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 2, 14), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 2, 28), ==, CD_DAY_MAKEUP_WORKDAY);
  g_assert_cmpint (kind_of (cal, 2026, 10, 7), ==, CD_DAY_HOLIDAY);
  g_assert_cmpint (kind_of (cal, 2026, 10, 8), ==, CD_DAY_WORKDAY);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 16, 2, 2026);
  g_assert_cmpstr (cd_holiday_calendar_day_name (cal, &date), ==, "春节 假期");
}

static void
test_loading_adds_and_failure_changes_nothing (void)
{
  static const char a[] =
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20300101\nEND:VEVENT\nEND:VCALENDAR\n";
  static const char conflict[] =
    "BEGIN:VCALENDAR\n"
    "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20310101\nCATEGORIES:HOLIDAY\nEND:VEVENT\n"
    "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20300101\nCATEGORIES:WORKDAY\nEND:VEVENT\n"
    "END:VCALENDAR\n";
  g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_holiday_calendar_load_ics (cal, a, -1, &error));
  g_assert_cmpuint (cd_holiday_calendar_n_days (cal), ==, 1);

  g_assert_false (cd_holiday_calendar_load_ics (cal, conflict, -1, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "2030-01-01"));
  g_assert_cmpuint (cd_holiday_calendar_n_days (cal), ==, 1);
  g_assert_false (cd_holiday_calendar_knows_year (cal, 2031));
}

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;
  int         code;
} BadCase;

static void
test_garbage_is_refused_clearly (void)
{
  static const BadCase cases[] = {
    { "empty", "", 0, CD_HOLIDAYS_ERROR_PARSE },
    { "plain text", "hello world", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "csv", "date,name\n2026-01-01,元旦\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "no events", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_NO_EVENTS },
    { "no start", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "bad date", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260230\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "short date", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026011\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "year 9999", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:99991231\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "end before start", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260105\nDTEND:20260101\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "a year long", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nDTEND:20270101\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "huge duration", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nDURATION:P99999999999999999999D\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "bad duration", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nDURATION:PT1H\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "truncated", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "nested event", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VEVENT\nDTSTART:20260101\nEND:VEVENT\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "wrong end", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nEND:VTODO\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "stray end", "BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "not a property", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\njust words\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "both kinds", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nCATEGORIES:HOLIDAY,WORKDAY\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "invalid utf-8", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nSUMMARY:\xff\xfe\nEND:VEVENT\nEND:VCALENDAR\n", -1, CD_HOLIDAYS_ERROR_PARSE },
    { "embedded NUL", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\0\nEND:VEVENT\nEND:VCALENDAR\n", 60, CD_HOLIDAYS_ERROR_PARSE },
    { "text after end", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nEND:VEVENT\nEND:VCALENDAR\ngarbage\n", -1, CD_HOLIDAYS_ERROR_PARSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = cd_holiday_calendar_load_ics (cal, cases[i].data, cases[i].length, &error);
      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(accepted)");
      g_assert_false (ok);
      g_assert_error (error, CD_HOLIDAYS_ERROR, cases[i].code);
      if (error != NULL)
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (cd_holiday_calendar_n_days (cal), ==, 0);
    }
}

static void
test_hostile_input_is_bounded (void)
{
  g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new ("BEGIN:VCALENDAR\n");
  g_autofree char *big = NULL;
  guint i;

  /* Deep nesting. */
  for (i = 0; i < 100; i++)
    g_string_append (s, "BEGIN:X\n");
  g_assert_false (cd_holiday_calendar_load_ics (cal, s->str, -1, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE);
  g_clear_error (&error);

  /* One enormous folded line (well under the size limit). */
  g_string_assign (s, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nSUMMARY:");
  for (i = 0; i < 20000; i++)
    g_string_append (s, "长\n ");
  g_string_append (s, "🎉\nEND:VEVENT\nEND:VCALENDAR\n");
  g_assert_true (cd_holiday_calendar_load_ics (cal, s->str, -1, &error));
  g_assert_no_error (error);
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, 1, 2026);
    g_assert_cmpint (g_utf8_strlen (cd_holiday_calendar_day_name (cal, &date), -1), <=, 64);
  }

  /* More than the size limit. */
  big = g_malloc (2 * 1024 * 1024 + 1);
  memset (big, 'A', 2 * 1024 * 1024);
  big[2 * 1024 * 1024] = '\0';
  g_assert_false (cd_holiday_calendar_load_ics (cal, big, -1, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE);
  g_clear_error (&error);

  /* Too many events. */
  g_string_assign (s, "BEGIN:VCALENDAR\n");
  for (i = 0; i < 6000; i++)
    g_string_append (s, "BEGIN:VEVENT\nDTSTART:20260101\nEND:VEVENT\n");
  g_string_append (s, "END:VCALENDAR\n");
  g_assert_false (cd_holiday_calendar_load_ics (cal, s->str, -1, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE);
}

static void
test_a_calendar_of_only_holidays_does_not_loop (void)
{
  g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
  g_autoptr(GString) s = g_string_new ("BEGIN:VCALENDAR\n");
  g_autoptr(GError) error = NULL;
  GDate date, out;
  guint m;

  /* Every day of 2030 is a holiday, in 31-day events. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2030);
  for (m = 0; m < 12; m++)
    {
      char buf[16];

      g_date_strftime (buf, sizeof buf, "%Y%m%d", &date);
      g_string_append_printf (s, "BEGIN:VEVENT\nDTSTART:%s\nDURATION:P31D\nEND:VEVENT\n", buf);
      g_date_add_days (&date, 31);
    }
  g_string_append (s, "END:VCALENDAR\n");
  g_assert_true (cd_holiday_calendar_load_ics (cal, s->str, -1, &error));
  g_assert_no_error (error);

  g_assert_false (cd_deadline_for_month (cal, 2030, 3, 1, &out, &error));
  g_assert_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE);

  g_date_set_dmy (&date, 1, 3, 2030);
  g_test_expect_message ("cd-core", G_LOG_LEVEL_WARNING, "*No working day*");
  cd_deadline_next_working_day (cal, &date);
  g_test_assert_expected_messages ();
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
}

static void
test_the_calendar_is_a_boxed_type (void)
{
  g_autoptr(CdHolidayCalendar) cal = cd_holiday_calendar_new ();
  CdHolidayCalendar *copy;

  g_assert_true (G_TYPE_IS_BOXED (CD_TYPE_HOLIDAY_CALENDAR));
  copy = g_boxed_copy (CD_TYPE_HOLIDAY_CALENDAR, cal);
  g_assert_true (copy == cal);
  g_boxed_free (CD_TYPE_HOLIDAY_CALENDAR, copy);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/holidays/shipped-calendar-covers-2024-to-2027", test_shipped_calendar_loads);
  g_test_add_func ("/core/holidays/2027-is-marked-provisional", test_2027_is_marked_provisional);
  g_test_add_func ("/core/holidays/day-kinds-follow-the-state-council-notices", test_day_kinds_follow_the_notices);
  g_test_add_func ("/core/holidays/deadline-moves-past-national-day", test_deadline_moves_past_national_day);
  g_test_add_func ("/core/holidays/deadline-moves-past-the-spring-festival", test_deadline_moves_past_the_spring_festival);
  g_test_add_func ("/core/holidays/make-up-working-days-count-as-working-days", test_makeup_working_days_count_as_working_days);
  g_test_add_func ("/core/holidays/deadline-moves-past-weekends-and-clamps-to-month-end", test_deadline_moves_past_weekends_and_month_ends);
  g_test_add_func ("/core/holidays/deadline-refuses-years-it-does-not-know", test_deadline_refuses_unknown_years);
  g_test_add_func ("/core/holidays/deadline-refuses-to-move-into-an-unknown-year", test_deadline_refuses_to_move_into_an_unknown_year);
  g_test_add_func ("/core/holidays/next-working-day-skips-weekends-in-unknown-years", test_next_working_day_skips_weekends_in_unknown_years);
  g_test_add_func ("/core/holidays/other-published-ics-forms-are-read", test_other_published_forms_are_read);
  g_test_add_func ("/core/holidays/a-failed-load-changes-nothing", test_loading_adds_and_failure_changes_nothing);
  g_test_add_func ("/core/holidays/garbage-is-refused-with-a-clear-error", test_garbage_is_refused_clearly);
  g_test_add_func ("/core/holidays/hostile-input-is-bounded", test_hostile_input_is_bounded);
  g_test_add_func ("/core/holidays/a-calendar-of-only-holidays-does-not-loop", test_a_calendar_of_only_holidays_does_not_loop);
  g_test_add_func ("/core/holidays/the-calendar-is-a-boxed-type", test_the_calendar_is_a_boxed_type);

  return g_test_run ();
}
