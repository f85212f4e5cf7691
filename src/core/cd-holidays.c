/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Public holidays and make-up working days, read from iCalendar, and the
 * month-end deadline rule "the Nth, moved past non-working days" (遇节假日顺延).
 *
 * The reader is small and tolerant — CRLF or LF, folded lines, a UTF-8 BOM,
 * unknown properties and components (VTIMEZONE, VALARM) are fine — but it
 * refuses anything it cannot read for sure, all or nothing: a calendar that
 * fails to load is left as it was. Input is bounded (size, events, days per
 * event, nesting), so hostile files cost little and cannot crash it.
 *
 * An event is a holiday or a make-up working day (调休上班):
 *   CATEGORIES:HOLIDAY  /  CATEGORIES:WORKDAY        (what our own file uses)
 * and, without either category, a SUMMARY containing 补班 or 上班 is a working
 * day (as in the Chinese holiday calendars published on the web); any other
 * event is a holiday. X-CLIENTDESK-PROVISIONAL:TRUE marks days that are derived
 * from the usual pattern and not yet announced by the State Council.
 *
 * A year is "known" when the loaded calendars have at least one event in it;
 * such a year is assumed complete. Deadlines are only computed within known
 * years: outside them the app would silently ignore holidays it does not know,
 * so cd_deadline_for_month() refuses and names the years it knows.
 */
#define G_LOG_DOMAIN "cd-core"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "cd-holidays.h"

#define MAX_INPUT_BYTES     (1024 * 1024)
#define MAX_EVENTS          5000
#define MAX_EVENT_DAYS      31
#define MAX_DEPTH           8
#define MAX_NAME_CHARS      64
#define MIN_YEAR            1900
#define MAX_YEAR            2200
/* No real calendar has this many days off in a row. */
#define MAX_DAYS_OFF_IN_ROW 64

#define DEFAULT_RESOURCE "/org/example/ClientDesk/holidays/cn-2024-2027.ics"

typedef struct
{
  CdDayKind   kind;
  const char *name;         /* in the calendar's string chunk */
  gboolean    provisional;
} DayInfo;

struct _CdHolidayCalendar
{
  gatomicrefcount  ref_count;
  GHashTable      *days;        /* julian day → DayInfo */
  GHashTable      *years;       /* year → GINT_TO_POINTER (1 | 2 if provisional) */
  GStringChunk    *strings;
};

/* One VEVENT while it is being read. */
typedef struct
{
  guint    line;
  GDate    start;
  GDate    end;         /* exclusive; invalid if none */
  int      duration;    /* days, -1 if none */
  char    *summary;
  gboolean cat_holiday;
  gboolean cat_workday;
  gboolean provisional;
} Event;

/* The state of one load, merged into the calendar only on success. */
typedef struct
{
  CdHolidayCalendar *cal;
  GHashTable        *days;    /* julian → DayInfo, this file only */
  GHashTable        *years;
  guint              n_events;
  guint              depth;
  gboolean           seen_calendar;
  gboolean           in_event;
  guint              event_depth;
  Event              event;
} Loader;

G_DEFINE_BOXED_TYPE (CdHolidayCalendar, cd_holiday_calendar,
                     cd_holiday_calendar_ref, cd_holiday_calendar_unref)
G_DEFINE_QUARK (cd-holidays-error-quark, cd_holidays_error)

/* ---------------------------------------------------------------------- */
/* Small helpers                                                           */

static void
event_clear (Event *ev)
{
  g_clear_pointer (&ev->summary, g_free);
  memset (ev, 0, sizeof *ev);
  ev->duration = -1;
}

static void
loader_clear (Loader *ld)
{
  g_clear_pointer (&ld->days, g_hash_table_unref);
  g_clear_pointer (&ld->years, g_hash_table_unref);
  event_clear (&ld->event);
}

static gboolean
parse_error (GError **error,
             guint    line,
             const char *what)
{
  g_set_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE,
               _("The holiday calendar cannot be read at line %u: %s"), line, what);
  return FALSE;
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

/* Case-insensitive search of an ASCII word in a comma-separated list. */
static gboolean
list_has (const char *list,
          const char *word)
{
  g_auto(GStrv) items = g_strsplit (list, ",", 64);
  guint i;

  for (i = 0; items[i] != NULL; i++)
    if (g_ascii_strcasecmp (g_strstrip (items[i]), word) == 0)
      return TRUE;
  return FALSE;
}

/* RFC 5545 TEXT unescaping: \\ \; \, \n \N. */
static char *
unescape_text (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, (*p == 'n' || *p == 'N') ? ' ' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* "20260215" or "20260215T000000[Z]" → a valid date within bounds. */
static gboolean
parse_date_value (const char *value,
                  GDate      *out)
{
  guint y, m, d, i;
  gsize len = strlen (value);

  if (len != 8 && !(len >= 15 && len <= 16 && value[8] == 'T'))
    return FALSE;
  for (i = 0; i < 8; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;

  y = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  m = (value[4] - '0') * 10 + (value[5] - '0');
  d = (value[6] - '0') * 10 + (value[7] - '0');
  if (y < MIN_YEAR || y > MAX_YEAR || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* "P1D", "P3D", "P1W" → days; -1 for anything else. */
static int
parse_duration (const char *value)
{
  guint64 n;
  char *end = NULL;

  if (value[0] != 'P' || !g_ascii_isdigit (value[1]))
    return -1;
  n = g_ascii_strtoull (value + 1, &end, 10);
  if (n > MAX_EVENT_DAYS)
    return MAX_EVENT_DAYS + 1;
  if (g_strcmp0 (end, "D") == 0)
    return (int) n;
  if (g_strcmp0 (end, "W") == 0)
    return (int) n * 7;
  return -1;
}

/* Splits "NAME;PARAM=…:VALUE" in place; the ':' inside quoted parameter
 * values does not count. */
static gboolean
split_property (char  *line,
                char **name,
                char **value)
{
  gboolean quoted = FALSE;
  char *p;

  for (p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        break;
    }
  if (*p != ':')
    return FALSE;
  *p = '\0';
  *value = p + 1;
  *name = line;
  p = strchr (line, ';');
  if (p != NULL)
    *p = '\0';
  return **name != '\0';
}

/* ---------------------------------------------------------------------- */
/* Events                                                                  */

static const char *
intern_name (Loader     *ld,
             const char *summary,
             CdDayKind   kind)
{
  g_autofree char *cut = NULL;

  if (summary == NULL || *summary == '\0')
    summary = kind == CD_DAY_HOLIDAY ? _("Public holiday") : _("Make-up working day");
  cut = g_utf8_substring (summary, 0, MIN (g_utf8_strlen (summary, -1), MAX_NAME_CHARS));
  return g_string_chunk_insert_const (ld->cal->strings, cut);
}

static gboolean
add_day (Loader      *ld,
         const GDate *date,
         CdDayKind    kind,
         const char  *name,
         gboolean     provisional,
         GError     **error)
{
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (date));
  DayInfo *old = g_hash_table_lookup (ld->days, key);
  int year = g_date_get_year (date);
  int flags;

  if (old == NULL)
    old = g_hash_table_lookup (ld->cal->days, key);
  if (old != NULL && old->kind != kind)
    {
      char when[16];

      g_date_strftime (when, sizeof when, "%Y-%m-%d", date);
      g_set_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE,
                   _("The holiday calendar says %s is both a holiday and a working day: correct one of the two events."),
                   when);
      return FALSE;
    }
  if (old == NULL)
    {
      DayInfo *info = g_new0 (DayInfo, 1);

      info->kind = kind;
      info->name = name;
      info->provisional = provisional;
      g_hash_table_insert (ld->days, key, info);
    }

  flags = GPOINTER_TO_INT (g_hash_table_lookup (ld->years, GINT_TO_POINTER (year)));
  flags |= 1 | (provisional ? 2 : 0);
  g_hash_table_insert (ld->years, GINT_TO_POINTER (year), GINT_TO_POINTER (flags));
  return TRUE;
}

static gboolean
finish_event (Loader  *ld,
              GError **error)
{
  Event *ev = &ld->event;
  CdDayKind kind;
  const char *name;
  GDate day;
  int n_days, i;

  if (!g_date_valid (&ev->start))
    return parse_error (error, ev->line, _("an event has no valid start date (DTSTART)."));

  if (g_date_valid (&ev->end))
    {
      n_days = g_date_days_between (&ev->start, &ev->end);
      if (n_days < 0)
        return parse_error (error, ev->line, _("an event ends before it starts."));
      n_days = MAX (n_days, 1);
    }
  else
    n_days = ev->duration >= 0 ? MAX (ev->duration, 1) : 1;
  if (n_days > MAX_EVENT_DAYS)
    return parse_error (error, ev->line, _("an event lasts more than 31 days."));

  if (ev->cat_holiday && ev->cat_workday)
    return parse_error (error, ev->line, _("an event is marked both HOLIDAY and WORKDAY."));
  if (ev->cat_workday)
    kind = CD_DAY_MAKEUP_WORKDAY;
  else if (ev->cat_holiday)
    kind = CD_DAY_HOLIDAY;
  else if (ev->summary != NULL
           && (strstr (ev->summary, "补班") != NULL || strstr (ev->summary, "上班") != NULL))
    kind = CD_DAY_MAKEUP_WORKDAY;
  else
    kind = CD_DAY_HOLIDAY;

  if (++ld->n_events > MAX_EVENTS)
    return parse_error (error, ev->line, _("the file has too many events for a holiday calendar."));

  name = intern_name (ld, ev->summary, kind);
  day = ev->start;
  for (i = 0; i < n_days; i++)
    {
      if (!g_date_valid (&day) || g_date_get_year (&day) > MAX_YEAR)
        return parse_error (error, ev->line, _("an event runs past the last year a calendar may hold."));
      if (!add_day (ld, &day, kind, name, ev->provisional, error))
        return FALSE;
      g_date_add_days (&day, 1);
    }
  return TRUE;
}

static gboolean
event_property (Loader     *ld,
                guint       line,
                const char *name,
                const char *value,
                GError    **error)
{
  Event *ev = &ld->event;

  if (g_ascii_strcasecmp (name, "DTSTART") == 0)
    {
      if (!parse_date_value (value, &ev->start))
        return parse_error (error, line, _("the start date (DTSTART) is not a date such as 20261001."));
    }
  else if (g_ascii_strcasecmp (name, "DTEND") == 0)
    {
      if (!parse_date_value (value, &ev->end))
        return parse_error (error, line, _("the end date (DTEND) is not a date such as 20261008."));
    }
  else if (g_ascii_strcasecmp (name, "DURATION") == 0)
    {
      ev->duration = parse_duration (value);
      if (ev->duration < 0)
        return parse_error (error, line, _("the duration is not a number of days such as P3D."));
    }
  else if (g_ascii_strcasecmp (name, "SUMMARY") == 0)
    {
      g_free (ev->summary);
      ev->summary = unescape_text (value);
    }
  else if (g_ascii_strcasecmp (name, "CATEGORIES") == 0)
    {
      ev->cat_holiday |= list_has (value, "HOLIDAY");
      ev->cat_workday |= list_has (value, "WORKDAY");
    }
  else if (g_ascii_strcasecmp (name, "X-CLIENTDESK-PROVISIONAL") == 0)
    ev->provisional = g_ascii_strcasecmp (value, "TRUE") == 0;

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Lines                                                                   */

static gboolean
handle_begin (Loader     *ld,
              guint       line,
              const char *value,
              GError    **error)
{
  if (ld->depth == 0 && g_ascii_strcasecmp (value, "VCALENDAR") != 0)
    return parse_error (error, line, _("the file does not start with BEGIN:VCALENDAR."));
  if (ld->depth == 0)
    ld->seen_calendar = TRUE;
  if (ld->depth >= MAX_DEPTH)
    return parse_error (error, line, _("components are nested too deeply."));

  if (g_ascii_strcasecmp (value, "VEVENT") == 0)
    {
      if (ld->in_event || ld->depth != 1)
        return parse_error (error, line, _("an event starts inside another component."));
      event_clear (&ld->event);
      ld->event.line = line;
      ld->in_event = TRUE;
      ld->event_depth = ld->depth + 1;
    }
  ld->depth++;
  return TRUE;
}

static gboolean
handle_end (Loader     *ld,
            guint       line,
            const char *value,
            GError    **error)
{
  if (ld->depth == 0)
    return parse_error (error, line, _("END without a matching BEGIN."));

  if (ld->in_event && ld->depth == ld->event_depth)
    {
      if (g_ascii_strcasecmp (value, "VEVENT") != 0)
        return parse_error (error, line, _("an event is not closed with END:VEVENT."));
      ld->in_event = FALSE;
      if (!finish_event (ld, error))
        return FALSE;
    }
  ld->depth--;
  return TRUE;
}

static gboolean
handle_line (Loader  *ld,
             guint    line,
             char    *text,
             GError **error)
{
  char *name, *value;

  if (*text == '\0')
    return TRUE;
  if (ld->depth == 0 && ld->seen_calendar && g_ascii_strncasecmp (text, "BEGIN:", 6) != 0)
    return parse_error (error, line, _("there is text after END:VCALENDAR."));
  if (!split_property (text, &name, &value))
    {
      if (ld->depth == 0)
        return parse_error (error, line, _("the file does not start with BEGIN:VCALENDAR."));
      return parse_error (error, line, _("the line is not a property (NAME:value)."));
    }

  if (g_ascii_strcasecmp (name, "BEGIN") == 0)
    return handle_begin (ld, line, g_strstrip (value), error);
  if (g_ascii_strcasecmp (name, "END") == 0)
    return handle_end (ld, line, g_strstrip (value), error);
  if (ld->depth == 0)
    return parse_error (error, line, _("the file does not start with BEGIN:VCALENDAR."));
  if (ld->in_event && ld->depth == ld->event_depth)
    return event_property (ld, line, name, value, error);
  return TRUE;  /* a property of the calendar or of an ignored component */
}

/* Walks physical lines (LF or CRLF), joins folded ones (a leading space or
 * tab continues the previous line) and hands each logical line on. */
static gboolean
read_lines (Loader     *ld,
            const char *data,
            gsize       length,
            GError    **error)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint line = 0, logical_line = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *eol = nl != NULL ? nl : end;
      gsize len = eol - p;

      line++;
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (len > 0 && (p[0] == ' ' || p[0] == '\t') && logical_line > 0)
        g_string_append_len (logical, p + 1, len - 1);
      else
        {
          if (logical_line > 0 && !handle_line (ld, logical_line, logical->str, error))
            return FALSE;
          g_string_assign (logical, "");
          g_string_append_len (logical, p, len);
          logical_line = line;
        }
      p = nl != NULL ? nl + 1 : end;
    }
  if (logical_line > 0 && !handle_line (ld, logical_line, logical->str, error))
    return FALSE;

  if (ld->in_event || ld->depth > 1)
    return parse_error (error, line, _("the file ends in the middle of an event."));
  return TRUE;
}

static void
merge_loader (Loader *ld)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ld->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (ld->cal->days, key))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (ld->cal->days, key, value);
        }
    }
  g_hash_table_iter_init (&iter, ld->years);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int flags = GPOINTER_TO_INT (g_hash_table_lookup (ld->cal->years, key));

      g_hash_table_insert (ld->cal->years, key, GINT_TO_POINTER (flags | GPOINTER_TO_INT (value)));
    }
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/* The known years, sorted; free with g_array_unref. */
static GArray *
sorted_years (CdHolidayCalendar *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int y = GPOINTER_TO_INT (key);

      g_array_append_val (years, y);
    }
  g_array_sort (years, compare_ints);
  return years;
}

/* "2024–2027", "2024, 2026–2027", or "none". */
static char *
describe_years (CdHolidayCalendar *self)
{
  g_autoptr(GArray) years = sorted_years (self);
  GString *out = g_string_new (NULL);
  guint i = 0;

  if (years->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (_("none"));
    }
  while (i < years->len)
    {
      int first = g_array_index (years, int, i);
      int last = first;

      while (i + 1 < years->len && g_array_index (years, int, i + 1) == last + 1)
        last = g_array_index (years, int, ++i);
      i++;
      if (out->len > 0)
        g_string_append (out, ", ");
      if (first == last)
        g_string_append_printf (out, "%d", first);
      else
        g_string_append_printf (out, "%d–%d", first, last);
    }
  return g_string_free (out, FALSE);
}

static const DayInfo *
lookup_day (CdHolidayCalendar *self,
            const GDate       *date)
{
  return g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static gboolean
refuse_year (CdHolidayCalendar *self,
             int                year,
             GError           **error)
{
  g_autofree char *known = describe_years (self);

  g_set_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE,
               _("The public holidays of %d are not known (the calendar covers %s): add that year's holiday calendar before computing deadlines in it."),
               year, known);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * cd_holiday_calendar_new:
 *
 * Returns: (transfer full): an empty calendar, where every year is unknown
 */
CdHolidayCalendar *
cd_holiday_calendar_new (void)
{
  CdHolidayCalendar *self = g_new0 (CdHolidayCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->years = g_hash_table_new (NULL, NULL);
  self->strings = g_string_chunk_new (256);
  return self;
}

/**
 * cd_holiday_calendar_new_default:
 * @error: a #CD_HOLIDAYS_ERROR
 *
 * Returns: (transfer full) (nullable): a calendar with mainland China's
 *   holidays as shipped with the application (data/holidays/)
 */
CdHolidayCalendar *
cd_holiday_calendar_new_default (GError **error)
{
  g_autoptr(CdHolidayCalendar) self = cd_holiday_calendar_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const char *data;

  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!cd_holiday_calendar_load_ics (self, data, (gssize) size, error))
    return NULL;
  return g_steal_pointer (&self);
}

CdHolidayCalendar *
cd_holiday_calendar_ref (CdHolidayCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cd_holiday_calendar_unref (CdHolidayCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->days);
  g_hash_table_unref (self->years);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/**
 * cd_holiday_calendar_load_ics:
 * @self: a calendar
 * @data: iCalendar text, UTF-8
 * @length: bytes in @data, or -1 if NUL-terminated
 * @error: %CD_HOLIDAYS_ERROR_PARSE or %CD_HOLIDAYS_ERROR_NO_EVENTS
 *
 * Adds the holidays and make-up working days of @data to @self. All or
 * nothing: on error @self is unchanged. A day already known keeps its name;
 * a day that would be both a holiday and a working day is an error.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_holiday_calendar_load_ics (CdHolidayCalendar  *self,
                              const char         *data,
                              gssize              length,
                              GError            **error)
{
  Loader ld = { 0 };
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strnlen (data, MAX_INPUT_BYTES + 1);
  if (length > MAX_INPUT_BYTES)
    {
      g_set_error_literal (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE,
                           _("The holiday calendar is larger than 1 MB: this is not a holiday calendar."));
      return FALSE;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  if (!g_utf8_validate_len (data, (gsize) length, NULL))
    {
      g_set_error_literal (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_PARSE,
                           _("The holiday calendar is not UTF-8 text: this is not an iCalendar file."));
      return FALSE;
    }

  ld.cal = self;
  ld.days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ld.years = g_hash_table_new (NULL, NULL);
  ld.event.duration = -1;

  ok = read_lines (&ld, data, (gsize) length, error);
  if (ok && !ld.seen_calendar)
    ok = parse_error (error, 1, _("the file does not start with BEGIN:VCALENDAR."));
  if (ok && g_hash_table_size (ld.days) == 0)
    {
      g_set_error_literal (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_NO_EVENTS,
                           _("The holiday calendar has no holidays or working days in it."));
      ok = FALSE;
    }
  if (ok)
    merge_loader (&ld);

  loader_clear (&ld);
  return ok;
}

/**
 * cd_holiday_calendar_load_file:
 * @self: a calendar
 * @path: an .ics file
 * @error: a #G_FILE_ERROR or a #CD_HOLIDAYS_ERROR
 *
 * cd_holiday_calendar_load_ics() on the contents of @path.
 */
gboolean
cd_holiday_calendar_load_file (CdHolidayCalendar  *self,
                               const char         *path,
                               GError            **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return cd_holiday_calendar_load_ics (self, contents, (gssize) length, error);
}

/**
 * cd_holiday_calendar_day_kind:
 *
 * Returns: what kind of day @date is; in a year the calendar does not know,
 *   only weekends are told apart from working days
 */
CdDayKind
cd_holiday_calendar_day_kind (CdHolidayCalendar *self,
                              const GDate       *date)
{
  const DayInfo *info;

  g_return_val_if_fail (self != NULL, CD_DAY_WORKDAY);
  g_return_val_if_fail (date != NULL && g_date_valid (date), CD_DAY_WORKDAY);

  info = lookup_day (self, date);
  if (info != NULL)
    return info->kind;
  return is_weekend (date) ? CD_DAY_WEEKEND : CD_DAY_WORKDAY;
}

/**
 * cd_holiday_calendar_day_name:
 *
 * Returns: (transfer none) (nullable): the event's summary for a holiday or
 *   a make-up working day ("国庆节", "春节补班"); %NULL for an ordinary day
 */
const char *
cd_holiday_calendar_day_name (CdHolidayCalendar *self,
                              const GDate       *date)
{
  const DayInfo *info;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  info = lookup_day (self, date);
  return info != NULL ? info->name : NULL;
}

gboolean
cd_holiday_calendar_is_working_day (CdHolidayCalendar *self,
                                    const GDate       *date)
{
  CdDayKind kind = cd_holiday_calendar_day_kind (self, date);

  return kind == CD_DAY_WORKDAY || kind == CD_DAY_MAKEUP_WORKDAY;
}

/**
 * cd_holiday_calendar_n_days:
 *
 * Returns: how many holidays and make-up working days are loaded
 */
guint
cd_holiday_calendar_n_days (CdHolidayCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->days);
}

/**
 * cd_holiday_calendar_knows_year:
 *
 * Returns: %TRUE if the loaded calendars have events in @year
 */
gboolean
cd_holiday_calendar_knows_year (CdHolidayCalendar *self,
                                int                year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

/**
 * cd_holiday_calendar_year_is_provisional:
 *
 * Returns: %TRUE if some of @year's days are marked provisional (derived
 *   from the usual pattern, not yet announced by the State Council)
 */
gboolean
cd_holiday_calendar_year_is_provisional (CdHolidayCalendar *self,
                                         int                year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (GPOINTER_TO_INT (g_hash_table_lookup (self->years, GINT_TO_POINTER (year))) & 2) != 0;
}

/**
 * cd_holiday_calendar_describe_years:
 *
 * Returns: (transfer full): the known years for people: "2024–2027"
 */
char *
cd_holiday_calendar_describe_years (CdHolidayCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return describe_years (self);
}

/**
 * cd_deadline_next_working_day:
 * @self: a calendar
 * @date: (inout): a date, moved to the first working day on or after it
 *
 * @date is left alone if it is a working day. In years the calendar does not
 * know only weekends are skipped; use cd_deadline_for_month() where an
 * unknown year must be refused.
 */
void
cd_deadline_next_working_day (CdHolidayCalendar *self,
                              GDate             *date)
{
  GDate d;
  guint i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  d = *date;
  for (i = 0; i < MAX_DAYS_OFF_IN_ROW; i++)
    {
      if (cd_holiday_calendar_is_working_day (self, &d))
        {
          *date = d;
          return;
        }
      if (g_date_get_year (&d) >= G_MAXUINT16)
        break;
      g_date_add_days (&d, 1);
    }
  g_warning ("No working day within %d days of %u-%02u-%02u: the holiday calendar is broken",
             MAX_DAYS_OFF_IN_ROW, g_date_get_year (date), g_date_get_month (date),
             g_date_get_day (date));
}

/**
 * cd_deadline_for_month:
 * @self: a calendar
 * @year: e.g. 2026
 * @month: 1–12
 * @day: 1–31; past the month's end it means the last day ("the 31st" of
 *   February is the 28th or 29th)
 * @out_date: (out): the deadline
 * @error: %CD_HOLIDAYS_ERROR_RANGE for a month or day out of range, or when
 *   the deadline falls in (or moves into) a year the calendar does not know
 *
 * The deadline "day @day of @month", moved forward past weekends and public
 * holidays (遇节假日顺延); make-up working days (调休上班) count as working
 * days, so a deadline on such a Saturday stays there.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_deadline_for_month (CdHolidayCalendar  *self,
                       int                 year,
                       int                 month,
                       int                 day,
                       GDate              *out_date,
                       GError            **error)
{
  GDate d;
  guint i;
  int last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (month < 1 || month > 12 || day < 1 || day > 31)
    {
      g_set_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE,
                   _("There is no day %d of month %d: use a month from 1 to 12 and a day from 1 to 31."),
                   day, month);
      return FALSE;
    }
  if (year < MIN_YEAR || year > MAX_YEAR || !cd_holiday_calendar_knows_year (self, year))
    return refuse_year (self, year, error);

  last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) MIN (day, last), (GDateMonth) month, (GDateYear) year);

  for (i = 0; i < MAX_DAYS_OFF_IN_ROW; i++)
    {
      if (!cd_holiday_calendar_knows_year (self, g_date_get_year (&d)))
        return refuse_year (self, g_date_get_year (&d), error);
      if (cd_holiday_calendar_is_working_day (self, &d))
        {
          *out_date = d;
          return TRUE;
        }
      g_date_add_days (&d, 1);
    }

  g_set_error (error, CD_HOLIDAYS_ERROR, CD_HOLIDAYS_ERROR_RANGE,
               _("The holiday calendar has no working day within %d days after %d-%02d-%02d: check the calendar."),
               MAX_DAYS_OFF_IN_ROW, year, month, MIN (day, last));
  return FALSE;
}
