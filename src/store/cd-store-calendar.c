/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar view's events (issue 12): planned and logged visits,
 * meetings, work orders, supplier deliveries and installments falling due,
 * each on its day, for one person or everyone. One statement; ?1 and ?2
 * the first and last day, ?3 the person (0: everyone). */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-store-meetings.h"
#include "store/cd-store-meetings-private.h"

/* The kinds are written into the SQL as numbers; keep them in step. */
G_STATIC_ASSERT (CD_CALENDAR_PLANNED_VISIT == 0 && CD_CALENDAR_VISIT == 1 && CD_CALENDAR_MEETING == 2
                 && CD_CALENDAR_WORK_ORDER_DUE == 3 && CD_CALENDAR_DELIVERY_DUE == 4
                 && CD_CALENDAR_INSTALLMENT_DUE == 5);

/* ?4 "Planned visit", ?5 "Visit", ?6 "Due", ?7 "Delivery", ?8 "Installment":
 * translated words the details start with. uid: kind and row id, stable
 * across runs, for iCalendar. */
static const char events_sql[] =
  "SELECT kind AS \"i:kind\", date, time, end_time, title, detail, staff_id,"
  " coalesce ((SELECT name FROM staff WHERE id = ev.staff_id), '') AS staff_name,"
  " open_kind, open_id, uid || '@clientdesk' AS uid FROM ("
  /* Planned visits of the person's plans. */
  " SELECT 0 AS kind, e.date, '' AS time, '' AS end_time, c.name AS title,"
  "  ?4 || coalesce (' · ' || nullif (e.purpose, ''), '') || coalesce (' · ' || k.name, '')"
  "  || CASE WHEN e.visit_id IS NOT NULL THEN ' ✓' ELSE '' END AS detail,"
  "  p.staff_id, 'client' AS open_kind, c.id AS open_id, 'plan-entry-' || e.id AS uid"
  "  FROM visit_plan_entry e JOIN visit_plan p ON p.id = e.plan_id JOIN client c ON c.id = e.client_id"
  "  LEFT JOIN contact k ON k.id = e.contact_id"
  "  WHERE e.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR p.staff_id = ?3)"
  " UNION ALL"
  /* Visits logged. */
  " SELECT 1, v.date, '', '', c.name, ?5 || coalesce (' · ' || nullif (v.topic, ''), ''),"
  "  v.staff_id, 'client', c.id, 'visit-' || v.id"
  "  FROM visit v JOIN client c ON c.id = v.client_id"
  "  WHERE v.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR v.staff_id = ?3)"
  " UNION ALL"
  /* Meetings the person attends or called. */
  " SELECT 2, substr (m.starts_at, 1, 10), substr (m.starts_at, 12, 5),"
  "  coalesce (substr (m.ends_at, 12, 5), ''), m.title,"
  "  m.number || coalesce (' · ' || nullif (m.place, ''), ''),"
  "  CASE WHEN ?3 = 0 THEN coalesce (m.created_by, 0) ELSE ?3 END, 'meeting', m.id, 'meeting-' || m.id"
  "  FROM meeting m WHERE m.starts_at >= ?1 AND m.starts_at < date (?2, '+1 day')"
  "  AND (?3 = 0 OR m.created_by = ?3 OR EXISTS (SELECT 1 FROM meeting_attendee a"
  "   WHERE a.meeting_id = m.id AND a.staff_id = ?3))"
  " UNION ALL"
  /* Open work orders due, assigned to or issued by the person. */
  " SELECT 3, w.due_date, '', '', w.number || ' ' || w.title,"
  "  ?6 || ' · ' || p.name, coalesce (w.assignee_id, w.issued_by, 0), 'work-order', w.id,"
  "  'work-order-' || w.id"
  "  FROM work_order w JOIN project p ON p.id = w.project_id"
  "  WHERE w.status IN ('issued', 'in_progress', 'in_review') AND w.due_date BETWEEN ?1 AND ?2"
  "  AND (?3 = 0 OR w.assignee_id = ?3 OR w.issued_by = ?3)"
  " UNION ALL"
  /* Supplier goods promised, for projects the person manages. */
  " SELECT 4, o.promised_date, '', '', o.number || ' ' || u.name, ?7 || ' · ' || p.name,"
  "  coalesce (p.am_id, 0), 'supplier-order', o.id, 'delivery-' || o.id"
  "  FROM supplier_order o JOIN supplier u ON u.id = o.supplier_id JOIN project p ON p.id = o.project_id"
  "  WHERE o.status IN ('requested', 'ordered') AND o.promised_date BETWEEN ?1 AND ?2"
  "  AND (?3 = 0 OR p.am_id = ?3 OR p.ae_id = ?3)"
  " UNION ALL"
  /* Installments of billed contracts not yet fully paid. */
  " SELECT 5, i.due_date, '', '', k.number || ' ' || i.label, ?8 || ' · ' || c.name,"
  "  coalesce (p.am_id, 0), 'contract', k.id, 'installment-' || i.id"
  "  FROM installment i JOIN contract k ON k.id = i.contract_id JOIN client c ON c.id = k.client_id"
  "  JOIN project p ON p.id = k.project_id"
  "  WHERE k.status IN ('signed', 'executing') AND i.due_date BETWEEN ?1 AND ?2"
  "  AND i.amount_fen > (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y WHERE y.installment_id = i.id)"
  "  AND (?3 = 0 OR p.am_id = ?3 OR p.ae_id = ?3)"
  ") ev ORDER BY date, time, kind, title, uid";

GVariant *
cd_store_calendar_events (CdStore *self, const char *from, const char *to, gint64 staff_id,
                          GError **error)
{
  GDate a, b;
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!cd_docs_parse_date (from, &a) || !cd_docs_parse_date (to, &b))
    return cd_meet_invalid (error, _("Dates"), _("write them as YYYY-MM-DD.")), NULL;
  if (g_date_compare (&a, &b) > 0)
    return cd_meet_invalid (error, _("Dates"), _("the first day comes after the last.")), NULL;
  cd_store_lock (self);
  stmt = cd_store_prepare (self, events_sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, staff_id);
      sqlite3_bind_text (stmt, 4, C_("calendar", "Planned visit"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, C_("calendar", "Visit"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, C_("calendar", "Due"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, C_("calendar", "Delivery"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, C_("calendar", "Installment"), -1, SQLITE_TRANSIENT);
      rows = cd_meet_rows (self, stmt, _("reading the calendar"), error);
    }
  cd_store_unlock (self);
  return rows;
}
