/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings (issue 12): client business meetings, planning and creative
 * reviews, proposals (提案), the daily work meeting; the notice sent to the
 * client; the minutes with their action items, which can become work
 * orders linked back to the meeting. Every write is one transaction; bad
 * input changes nothing and names the field (CD_STORE_ERROR_INVALID). */
#pragma once

#include "core/cd-holidays.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

/* Meeting kinds, as stored. */
#define CD_MEETING_CLIENT   "client"    /* client business meeting */
#define CD_MEETING_PLANNING "planning"  /* planning / creative review */
#define CD_MEETING_PROPOSAL "proposal"  /* 提案 */
#define CD_MEETING_DAILY    "daily"     /* daily work meeting (internal) */
#define CD_MEETING_OTHER    "other"

/* Meeting fields: "title" (s, required), "kind" (s, required, one of the
 * above), "client_id", "project_id" (x, optional), "starts_at" (s, required,
 * "YYYY-MM-DDTHH:MM" local time), "ends_at" (s, same form, after starts_at),
 * "place" (s, a room, an address or a link), "agenda" (s), "notes",
 * "decisions" (s: the minutes). Every meeting gets a number from the
 * numbering pattern (kind "meeting", e.g. MT{yyyy}{mm}-{nnnn}). */
gint64    cd_store_meeting_create          (CdStore     *self,
                                            GVariant    *fields,
                                            GError     **error);
gboolean  cd_store_meeting_update          (CdStore     *self,
                                            gint64       meeting_id,
                                            GVariant    *fields,
                                            GError     **error);
gboolean  cd_store_meeting_delete          (CdStore     *self,
                                            gint64       meeting_id,
                                            GError     **error);
gint64    cd_store_meeting_find            (CdStore     *self,
                                            const char  *number,
                                            GError     **error);

/* Returns: (transfer full): a{sv} with the fields above plus "id",
 * "number", "client_name", "project_name", "notice_sent_on" (s, "" when no
 * notice was sent), "created_by" (x), "created_by_name". */
GVariant *cd_store_meeting_get             (CdStore     *self,
                                            gint64       meeting_id,
                                            GError     **error);

/* Attendees: a client contact or a staff member (exactly one of the two). */
gint64    cd_store_meeting_add_contact     (CdStore     *self,
                                            gint64       meeting_id,
                                            gint64       contact_id,
                                            GError     **error);
gint64    cd_store_meeting_add_staff       (CdStore     *self,
                                            gint64       meeting_id,
                                            gint64       staff_id,
                                            GError     **error);
gboolean  cd_store_meeting_remove_attendee (CdStore     *self,
                                            gint64       attendee_id,
                                            GError     **error);
/* Returns: (transfer full): aa{sv}: "id", "kind" ("contact"/"staff"),
 * "ref_id" (x), "name", "title" (job title or role), "phone", "email". */
GVariant *cd_store_meeting_attendees       (CdStore     *self,
                                            gint64       meeting_id,
                                            GError     **error);

/* Records that the client notice went out on @date (YYYY-MM-DD). */
gboolean  cd_store_meeting_mark_notice_sent (CdStore    *self,
                                             gint64      meeting_id,
                                             const char *date,
                                             GError    **error);

/* Action items of the minutes: "text" (s, required), "owner_id" (x),
 * "due_date" (s), and optionally "project_id" (x): the project a work
 * order from it goes to when not the meeting's (the daily work meeting has
 * no project). */
gint64    cd_store_meeting_add_action      (CdStore     *self,
                                            gint64       meeting_id,
                                            GVariant    *fields,
                                            GError     **error);
gboolean  cd_store_meeting_action_done     (CdStore     *self,
                                            gint64       action_id,
                                            gboolean     done,
                                            GError     **error);
/* Returns: (transfer full): aa{sv}: "id", "text", "owner_id", "owner_name",
 * "due_date", "done" (b), "work_order_id" (x, 0 if none),
 * "work_order_number", "work_order_status" (s, "" if none), "project_id"
 * (x, the action's own project, 0 if none). */
GVariant *cd_store_meeting_actions         (CdStore     *self,
                                            gint64       meeting_id,
                                            GError     **error);

/**
 * cd_store_meeting_action_to_work_order:
 * @department: the work order's department ("design", "copywriting", …)
 *
 * Issues a work order for the action item (its text as title and
 * requirements, its owner as assignee, its due date) in the meeting's
 * project (or the action's own "project_id") — refused with the reason
 * when there is no project or the action has no owner or due date, or
 * already became a work order — and links the two both ways
 * (work_order.meeting_id, the action's "work_order_id"). The work order
 * is issued on the meeting's day (today if the meeting is ahead). A
 * meeting with work orders issued from it can no longer be deleted.
 *
 * Returns: the new work order's id, 0 on error.
 */
gint64    cd_store_meeting_action_to_work_order (CdStore    *self,
                                                 gint64      action_id,
                                                 const char *department,
                                                 GError    **error);

/**
 * cd_store_meeting_create_daily:
 * @day: "YYYY-MM-DD"
 *
 * Creates @day's daily work meeting (09:00–09:30, kind daily), unless one
 * exists: the agenda lists, grouped by department, the open work orders,
 * the supplier deliveries due and everything overdue, as plain text lines.
 * Precisely: a heading line per group (work-order departments in form
 * order, then "Supplier deliveries (production)", then "Installments
 * overdue (finance)"), then "- " lines: open work orders due within 7 days
 * or overdue, ordered supplier goods promised within 7 days or late,
 * unpaid installments past due; overdue lines end in " · OVERDUE"; at most
 * 20 per group, then "… and N more". One daily meeting per day (the
 * database refuses a second).
 *
 * Returns: the meeting's id (the existing one if there was one), 0 on error.
 */
gint64    cd_store_meeting_create_daily    (CdStore     *self,
                                            const char  *day,
                                            GError     **error);

/* Meetings starting in [from, to] (YYYY-MM-DD, inclusive), for which
 * @staff_id is an attendee or the creator (0: everyone): aa{sv} as
 * cd_store_meeting_get without the minutes. */
GVariant *cd_store_meetings_list           (CdStore     *self,
                                            const char  *from,
                                            const char  *to,
                                            gint64       staff_id,
                                            GError     **error);

/* Client meetings (kinds client, planning, proposal) starting from @today
 * to the end of the @working_days-th working day after it whose notice has
 * not been sent: aa{sv} as cd_store_meetings_list. Working days come from
 * @calendar (Monday to Friday when %NULL). Only meetings with someone to
 * notify count: a client, or a client contact among the attendees. */
GVariant *cd_store_meetings_without_notice (CdStore           *self,
                                            const char        *today,
                                            guint              working_days,
                                            CdHolidayCalendar *calendar,
                                            GError           **error);

/**
 * CdCalendarEventKind:
 * The things the Calendar view shows, each on its day.
 */
typedef enum
{
  CD_CALENDAR_PLANNED_VISIT,
  CD_CALENDAR_VISIT,           /* logged */
  CD_CALENDAR_MEETING,
  CD_CALENDAR_WORK_ORDER_DUE,
  CD_CALENDAR_DELIVERY_DUE,    /* supplier order promised date */
  CD_CALENDAR_INSTALLMENT_DUE,
} CdCalendarEventKind;

/**
 * cd_store_calendar_events:
 * @from, @to: "YYYY-MM-DD", inclusive
 * @staff_id: the person whose calendar it is (their visits, plans, meetings
 *   they attend, work orders assigned to or issued by them, deliveries and
 *   installments of projects they manage), or 0 for everyone
 *
 * Returns: (transfer full): aa{sv} ordered by date and time (all-day
 * events first): "kind" (i, a
 * CdCalendarEventKind), "date" (s), "time" (s, "HH:MM" or ""), "end_time",
 * "title" (s), "detail" (s), "staff_id" (x), "staff_name", "open_kind"
 * (as CdTodaySection rows: "meeting", "client", "work-order",
 * "supplier-order", "contract"), "open_id" (x), "uid" (s, stable across
 * runs, for iCalendar: "meeting-12@clientdesk", "plan-entry-3@clientdesk"…).
 * Planned visits already fulfilled end their detail in " ✓".
 */
GVariant *cd_store_calendar_events         (CdStore     *self,
                                            const char  *from,
                                            const char  *to,
                                            gint64       staff_id,
                                            GError     **error);

G_END_DECLS
