/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's calendar as an iCalendar file (RFC 5545, issue 12): the events
 * of cd_store_calendar_events () as VEVENTs, all-day items as dates, timed
 * ones in Beijing time with the Asia/Shanghai VTIMEZONE, text escaped,
 * lines folded at 75 octets between UTF-8 characters, CRLF line ends.
 * The file is written beside its target and renamed, readable by its owner
 * only (a calendar says where staff are and whom they meet). No GTK. */
#pragma once

#include <gio/gio.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * cd_calendar_export_to_string:
 * @events: aa{sv} as cd_store_calendar_events () returns: "date" (s,
 *   YYYY-MM-DD), "time", "end_time" (s, "HH:MM" or "": all day), "title",
 *   "detail", "staff_name" (s), "uid" (s)
 * @name: (nullable): the calendar's name (X-WR-CALNAME)
 * @stamp: (nullable): the DTSTAMP of every event; %NULL: now
 *
 * Returns: (transfer full): the VCALENDAR, or %NULL with @error set when
 *   an event has no uid or a date or time that is not one
 */
char     *cd_calendar_export_to_string (GVariant    *events,
                                        const char  *name,
                                        GDateTime   *stamp,
                                        GError     **error);

/* Writes cd_calendar_export_to_string () to @path (0600, atomically). */
gboolean  cd_calendar_export_write     (GVariant    *events,
                                        const char  *name,
                                        const char  *path,
                                        GError     **error);

/**
 * cd_calendar_export:
 * @from, @to: "YYYY-MM-DD", inclusive
 * @staff_id: whose calendar (0: everyone's)
 * @name: (nullable): the calendar's name
 *
 * Reads cd_store_calendar_events () and writes them to @path.
 */
gboolean  cd_calendar_export           (CdStore     *store,
                                        const char  *from,
                                        const char  *to,
                                        gint64       staff_id,
                                        const char  *name,
                                        const char  *path,
                                        GError     **error);

/* Appends @text to @out as an iCalendar TEXT value: backslash, semicolon
 * and comma escaped, every line break as "\n", other control characters
 * dropped. */
void      cd_ical_escape_text          (GString     *out,
                                        const char  *text);
/* Appends one content line to @out, folded at 75 octets (a fold never
 * splits a UTF-8 sequence), ending in CRLF. */
void      cd_ical_append_line          (GString     *out,
                                        const char  *line);

G_END_DECLS
