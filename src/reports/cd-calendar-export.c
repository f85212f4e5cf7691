/* SPDX-License-Identifier: GPL-3.0-or-later */
/* iCalendar export of the Calendar view's events (RFC 5545). Dates and
 * times in the store are Beijing wall-clock time; they are written with
 * TZID=Asia/Shanghai and the zone's definition, so a calendar program in
 * another zone shows them at the right instant. */
#define G_LOG_DOMAIN "cd-reports"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "reports/cd-calendar-export.h"
#include "reports/cd-chart-export.h"
#include "store/cd-store-meetings.h"

#define FOLD_OCTETS 75
#define TZID "Asia/Shanghai"

void
cd_ical_escape_text (GString *out, const char *text)
{
  g_return_if_fail (out != NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          /* CRLF is one break, a lone CR too. */
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          /* RFC 5545 allows no other control character in TEXT but tab. */
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }
}

void
cd_ical_append_line (GString *out, const char *line)
{
  const char *p = line;
  gsize left = strlen (line);
  gsize room = FOLD_OCTETS;

  g_return_if_fail (out != NULL && line != NULL);

  while (left > room)
    {
      gsize cut = room;

      /* Back up to the first byte of a UTF-8 sequence. */
      while (cut > 0 && ((guchar) p[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut);
      g_string_append (out, "\r\n ");
      p += cut;
      left -= cut;
      room = FOLD_OCTETS - 1;   /* the leading space counts */
    }
  g_string_append_len (out, p, left);
  g_string_append (out, "\r\n");
}

/* "NAME:" followed by the escaped text, as one folded line. */
static void
append_text_property (GString *out, const char *name, const char *text)
{
  g_autoptr (GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  cd_ical_escape_text (line, text);
  cd_ical_append_line (out, line->str);
}

static void
append_timezone (GString *out)
{
  /* China has kept UTC+8 without daylight saving time since 1991. */
  static const char *const lines[] = {
    "BEGIN:VTIMEZONE", "TZID:" TZID, "X-LIC-LOCATION:" TZID, "BEGIN:STANDARD",
    "DTSTART:19700101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST",
    "END:STANDARD", "END:VTIMEZONE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    cd_ical_append_line (out, lines[i]);
}

static const char *
lookup_string (GVariant *dict, const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (dict, key, "&s", &value))
    return "";
  return value;
}

/* "YYYY-MM-DD" → a valid GDate. */
static gboolean
parse_date (const char *text, GDate *out)
{
  guint y, m, d;
  char tail;

  g_date_clear (out, 1);
  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* "HH:MM" → minutes after midnight; -1 for "", -2 for anything else. */
static int
parse_time (const char *text)
{
  guint h, m;
  char tail;

  if (text[0] == '\0')
    return -1;
  if (strlen (text) != 5 || sscanf (text, "%2u:%2u%c", &h, &m, &tail) != 2 || h > 23 || m > 59)
    return -2;
  return (int) (h * 60 + m);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d%02d%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
append_when (GString *out, const GDate *date, int start, int end)
{
  g_autofree char *day = format_date (date);
  GDate next = *date;
  g_autofree char *next_day = NULL;
  g_autofree char *line = NULL;

  if (start < 0)
    {
      /* An all-day item: DTEND is the next day, not included. */
      g_date_add_days (&next, 1);
      next_day = format_date (&next);
      line = g_strdup_printf ("DTSTART;VALUE=DATE:%s", day);
      cd_ical_append_line (out, line);
      g_free (line);
      line = g_strdup_printf ("DTEND;VALUE=DATE:%s", next_day);
      cd_ical_append_line (out, line);
      return;
    }
  line = g_strdup_printf ("DTSTART;TZID=" TZID ":%sT%02d%02d00", day, start / 60, start % 60);
  cd_ical_append_line (out, line);
  if (end < 0)
    return;
  /* An end at or before the start runs past midnight. */
  if (end <= start)
    g_date_add_days (&next, 1);
  next_day = format_date (&next);
  g_free (line);
  line = g_strdup_printf ("DTEND;TZID=" TZID ":%sT%02d%02d00", next_day, end / 60, end % 60);
  cd_ical_append_line (out, line);
}

static gboolean
append_event (GString *out, GVariant *event, const char *stamp, GError **error)
{
  const char *uid = lookup_string (event, "uid");
  const char *date_text = lookup_string (event, "date");
  const char *detail = lookup_string (event, "detail");
  const char *staff = lookup_string (event, "staff_name");
  int start = parse_time (lookup_string (event, "time"));
  int end = parse_time (lookup_string (event, "end_time"));
  g_autoptr (GString) description = g_string_new (detail);
  GDate date;

  if (uid[0] == '\0' || !parse_date (date_text, &date) || start == -2 || end == -2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is an event's title in the calendar */
                   _("The calendar item “%s” has no identifier or a date or time that is not one."),
                   lookup_string (event, "title"));
      return FALSE;
    }
  cd_ical_append_line (out, "BEGIN:VEVENT");
  append_text_property (out, "UID", uid);
  cd_ical_append_line (out, stamp);
  append_when (out, &date, start, start < 0 ? -1 : end);
  append_text_property (out, "SUMMARY", lookup_string (event, "title"));
  if (staff[0] != '\0')
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      /* Translators: the person whose calendar item it is, in an exported calendar */
      g_string_append_printf (description, _("Staff: %s"), staff);
    }
  if (description->len > 0)
    append_text_property (out, "DESCRIPTION", description->str);
  cd_ical_append_line (out, "END:VEVENT");
  return TRUE;
}

char *
cd_calendar_export_to_string (GVariant *events, const char *name, GDateTime *stamp, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp_line = NULL;
  GVariantIter iter;
  GVariant *event;

  g_return_val_if_fail (events != NULL && g_variant_is_of_type (events, G_VARIANT_TYPE ("aa{sv}")),
                        NULL);

  now = stamp != NULL ? g_date_time_to_utc (stamp) : g_date_time_new_now_utc ();
  stamp_line = g_date_time_format (now, "DTSTAMP:%Y%m%dT%H%M%SZ");
  cd_ical_append_line (out, "BEGIN:VCALENDAR");
  cd_ical_append_line (out, "VERSION:2.0");
  cd_ical_append_line (out, "PRODID:-//ClientDesk//ClientDesk " PACKAGE_VERSION "//ZH");
  cd_ical_append_line (out, "CALSCALE:GREGORIAN");
  cd_ical_append_line (out, "METHOD:PUBLISH");
  if (name != NULL && name[0] != '\0')
    append_text_property (out, "X-WR-CALNAME", name);
  cd_ical_append_line (out, "X-WR-TIMEZONE:" TZID);
  append_timezone (out);
  g_variant_iter_init (&iter, events);
  while ((event = g_variant_iter_next_value (&iter)) != NULL)
    {
      gboolean ok = append_event (out, event, stamp_line, error);

      g_variant_unref (event);
      if (!ok)
        return NULL;
    }
  cd_ical_append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
cd_calendar_export_write (GVariant *events, const char *name, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = cd_calendar_export_to_string (events, name, NULL, error);
  if (text == NULL)
    return FALSE;
  /* GLib writes a temporary file beside @path and renames it, so a failed
   * export leaves nothing; 0600, as the file says where people are. */
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO, _("Cannot write “%s”: %s."), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_calendar_export (CdStore *store, const char *from, const char *to, gint64 staff_id,
                    const char *name, const char *path, GError **error)
{
  g_autoptr (GVariant) events = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL && path != NULL, FALSE);

  events = cd_store_calendar_events (store, from, to, staff_id, error);
  if (events == NULL)
    return FALSE;
  return cd_calendar_export_write (events, name, path, error);
}
