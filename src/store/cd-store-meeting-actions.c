/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The minutes' action items (issue 12): an item can become a work order,
 * linked both ways; and the daily work meeting, created once a day with
 * what is open and due as its agenda. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "store/cd-store-meetings.h"
#include "store/cd-store-meetings-private.h"
#include "store/cd-store-projects.h"

/* How many lines one agenda section lists before "and N more". */
#define AGENDA_SECTION_MAX 20
/* Work orders and deliveries due within this many days are on the agenda. */
#define AGENDA_DAYS_AHEAD "+7 days"

static gboolean
check_owner_and_due (CdStore *self, gint64 owner_id, const char *due, GError **error)
{
  GDate day;

  if (owner_id > 0 && cd_meet_int_for (self, "SELECT count (*) FROM staff WHERE id = ?1", owner_id, 0) == 0)
    return cd_meet_invalid (error, _("Owner"), _("there is no such staff member."));
  if (due != NULL && *due != '\0' && !cd_docs_parse_date (due, &day))
    return cd_meet_invalid (error, _("Due date"), _("not a date: use YYYY-MM-DD, such as 2026-03-31."));
  return TRUE;
}

gint64
cd_store_meeting_add_action (CdStore *self, gint64 meeting_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = NULL;
  const char *text = NULL, *due = NULL;
  gint64 owner = 0, project = 0, id = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  sunk = g_variant_ref_sink (fields);
  g_variant_lookup (fields, "text", "&s", &text);
  g_variant_lookup (fields, "owner_id", "x", &owner);
  g_variant_lookup (fields, "due_date", "&s", &due);
  g_variant_lookup (fields, "project_id", "x", &project);
  if (!cd_docs_check_text (text, _("Action"), 2000, TRUE, TRUE, error) || !cd_store_begin (self, error))
    return 0;
  if (cd_meet_int_for (self, "SELECT count (*) FROM meeting WHERE id = ?1", meeting_id, 0) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such meeting."));
      return cd_docs_finish (self, FALSE, error), 0;
    }
  if (project > 0 && cd_meet_int_for (self, "SELECT count (*) FROM project WHERE id = ?1", project, 0) == 0)
    {
      cd_meet_invalid (error, _("Project"), _("there is no such project."));
      return cd_docs_finish (self, FALSE, error), 0;
    }
  ok = check_owner_and_due (self, owner, due, error)
       && (stmt = cd_store_prepare (self, "INSERT INTO meeting_action (meeting_id, text, owner_id,"
                                          " due_date, project_id) VALUES (?1, trim (?2), ?3, ?4, ?5)",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      if (owner > 0)
        sqlite3_bind_int64 (stmt, 3, owner);
      cd_docs_bind_text (stmt, 4, due);
      if (project > 0)
        sqlite3_bind_int64 (stmt, 5, project);
      ok = cd_docs_run (self, stmt, _("adding an action item"), error);
    }
  id = ok ? cd_docs_last_id (self) : 0;
  return cd_docs_finish (self, ok, error) ? id : 0;
}

gboolean
cd_store_meeting_action_done (CdStore *self, gint64 action_id, gboolean done, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  ok = (stmt = cd_store_prepare (self, "UPDATE meeting_action SET done = ?2 WHERE id = ?1", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, action_id), sqlite3_bind_int (stmt, 2, done ? 1 : 0),
           cd_docs_run (self, stmt, _("marking an action item"), error));
  if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such action item."));
      ok = FALSE;
    }
  return cd_docs_finish (self, ok, error);
}

GVariant *
cd_store_meeting_actions (CdStore *self, gint64 meeting_id, GError **error)
{
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self,
    "SELECT a.id, a.text, coalesce (a.owner_id, 0) AS owner_id, coalesce (s.name, '') AS owner_name,"
    " coalesce (a.due_date, '') AS due_date, a.done AS \"b:done\","
    " coalesce (a.work_order_id, 0) AS work_order_id, coalesce (w.number, '') AS work_order_number,"
    " coalesce (w.status, '') AS work_order_status, coalesce (a.project_id, 0) AS project_id"
    " FROM meeting_action a LEFT JOIN staff s ON s.id = a.owner_id"
    " LEFT JOIN work_order w ON w.id = a.work_order_id"
    " WHERE a.meeting_id = ?1 ORDER BY a.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      rows = cd_meet_rows (self, stmt, _("reading the action items"), error);
    }
  cd_store_unlock (self);
  return rows;
}

/* ------------------------------------------------------------------ */
/* Action item → work order                                           */

typedef struct
{
  char   *text;
  gint64  owner_id;
  char   *due_date;
  gint64  project_id;     /* the action's own, else the meeting's; 0: none */
  gint64  work_order_id;
  gint64  meeting_id;
  char   *meeting_number;
  char   *meeting_title;
  char   *meeting_day;
} ActionSource;

static void
action_source_clear (ActionSource *a)
{
  g_free (a->text);
  g_free (a->due_date);
  g_free (a->meeting_number);
  g_free (a->meeting_title);
  g_free (a->meeting_day);
}

static gboolean
load_action (CdStore *self, gint64 action_id, ActionSource *a, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cd_store_prepare (self,
    "SELECT a.text, coalesce (a.owner_id, 0), a.due_date, coalesce (a.project_id, m.project_id, 0),"
    " coalesce (a.work_order_id, 0), m.id, m.number, m.title, substr (m.starts_at, 1, 10)"
    " FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      a->text = cd_docs_column_dup (stmt, 0);
      a->owner_id = sqlite3_column_int64 (stmt, 1);
      a->due_date = cd_docs_column_dup (stmt, 2);
      a->project_id = sqlite3_column_int64 (stmt, 3);
      a->work_order_id = sqlite3_column_int64 (stmt, 4);
      a->meeting_id = sqlite3_column_int64 (stmt, 5);
      a->meeting_number = cd_docs_column_dup (stmt, 6);
      a->meeting_title = cd_docs_column_dup (stmt, 7);
      a->meeting_day = cd_docs_column_dup (stmt, 8);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such action item."));
  else
    cd_store_set_error (self, error, rc, _("reading an action item"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* The reasons an action item cannot become a work order, in the order a
 * person would fix them. */
static gboolean
check_convertible (const ActionSource *a, GError **error)
{
  const char *reason = NULL;

  if (a->work_order_id > 0)
    reason = _("This action item already became a work order.");
  else if (a->project_id <= 0)
    reason = _("This action item cannot become a work order: the meeting has no project. "
               "Give the meeting (or the action item) a project first.");
  else if (a->owner_id <= 0)
    reason = _("This action item cannot become a work order: it has no owner. "
               "Say who will do it first.");
  else if (a->due_date == NULL || *a->due_date == '\0')
    reason = _("This action item cannot become a work order: it has no due date. "
               "Say by when first.");
  if (reason == NULL)
    return TRUE;
  g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, reason);
  return FALSE;
}

/* The first line of the text, cut to what a work order title holds. */
static char *
title_from_text (const char *text)
{
  const char *nl = strchr (text, '\n');
  g_autofree char *line = nl ? g_strndup (text, (gsize) (nl - text)) : g_strdup (text);
  g_autofree char *trimmed = g_strdup (g_strstrip (line));

  if (g_utf8_strlen (trimmed, -1) <= 100)
    return g_steal_pointer (&trimmed);
  {
    g_autofree char *cut = g_utf8_substring (trimmed, 0, 99);
    return g_strconcat (cut, "…", NULL);
  }
}

static gint64
issue_work_order (CdStore *self, const ActionSource *a, const char *department, GError **error)
{
  g_autoptr (CdWorkOrder) order = cd_work_order_new ();
  g_autofree char *today = cd_meet_today ();

  order->project_id = a->project_id;
  order->title = title_from_text (a->text);
  order->department = g_strdup (department);
  order->assignee_id = a->owner_id;
  order->requirements = g_strdup_printf (_("%s\n\nFrom meeting %s “%s” of %s."), a->text,
                                         a->meeting_number, a->meeting_title, a->meeting_day);
  /* Issued the day it was decided, unless the meeting is still ahead. */
  order->issued_date = g_strdup (strcmp (a->meeting_day, today) <= 0 ? a->meeting_day : today);
  order->due_date = g_strdup (a->due_date);
  order->priority = 2;
  if (!cd_store_work_order_save (self, order, error))
    return 0;
  return order->id;
}

static gboolean
link_both_ways (CdStore *self, gint64 action_id, gint64 meeting_id, gint64 order_id, GError **error)
{
  sqlite3_stmt *stmt;

  stmt = cd_store_prepare (self, "UPDATE work_order SET meeting_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  if (!cd_docs_run (self, stmt, _("linking the work order to its meeting"), error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE meeting_action SET work_order_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, order_id);
  return cd_docs_run (self, stmt, _("linking the action item to its work order"), error);
}

gint64
cd_store_meeting_action_to_work_order (CdStore *self, gint64 action_id, const char *department,
                                       GError **error)
{
  ActionSource a = { 0 };
  gint64 order_id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!cd_store_begin (self, error))
    return 0;
  ok = load_action (self, action_id, &a, error)
       && check_convertible (&a, error)
       && (order_id = issue_work_order (self, &a, department, error)) > 0
       && link_both_ways (self, action_id, a.meeting_id, order_id, error);
  action_source_clear (&a);
  /* A refusal inside cd_store_work_order_save () has rolled back already;
   * cd_docs_finish () then only ends our level. */
  return cd_docs_finish (self, ok, error) ? order_id : 0;
}

/* ------------------------------------------------------------------ */
/* The daily work meeting                                             */

typedef struct
{
  const char *sql;      /* ?1 the day; columns: group key, line */
  gboolean    by_department;
} AgendaPart;

static const char *
group_heading (const char *key)
{
  if (g_str_equal (key, "deliveries"))
    return _("Supplier deliveries (production)");
  if (g_str_equal (key, "collections"))
    return _("Installments overdue (finance)");
  return cd_work_order_department_label (key);
}

/* Work orders by department (each department's open orders due within a
 * week, the overdue ones marked), then deliveries due or late, then
 * installments overdue. The order of the groups is fixed. */
static const char agenda_sql[] =
  "SELECT grp, line, n FROM ("
  " SELECT w.department AS grp, CASE w.department WHEN 'design' THEN 1 WHEN 'copywriting' THEN 2"
  "  WHEN 'production' THEN 3 WHEN 'media' THEN 4 ELSE 5 END AS g,"
  "  w.due_date AS d, w.number AS k, w.number || ' ' || w.title || ' · ' || p.name"
  "  || coalesce (' · ' || s.name, '') || ' · ' || ?2 || ' ' || w.due_date"
  "  || CASE WHEN w.due_date < ?1 THEN ' · ' || ?3 ELSE '' END AS line,"
  "  count (*) OVER (PARTITION BY w.department) AS n,"
  "  row_number () OVER (PARTITION BY w.department ORDER BY w.due_date, w.number) AS r"
  "  FROM work_order w JOIN project p ON p.id = w.project_id LEFT JOIN staff s ON s.id = w.assignee_id"
  "  WHERE w.status IN ('issued', 'in_progress', 'in_review') AND w.due_date <= date (?1, '" AGENDA_DAYS_AHEAD "')"
  " UNION ALL"
  " SELECT 'deliveries', 6, o.promised_date, o.number, o.number || ' ' || u.name || ' · ' || p.name"
  "  || ' · ' || ?4 || ' ' || o.promised_date"
  "  || CASE WHEN o.promised_date < ?1 THEN ' · ' || ?3 ELSE '' END,"
  "  count (*) OVER (), row_number () OVER (ORDER BY o.promised_date, o.number)"
  "  FROM supplier_order o JOIN supplier u ON u.id = o.supplier_id JOIN project p ON p.id = o.project_id"
  "  WHERE o.status = 'ordered' AND o.promised_date <= date (?1, '" AGENDA_DAYS_AHEAD "')"
  " UNION ALL"
  " SELECT 'collections', 7, i.due_date, k.number, k.number || ' ' || i.label || ' · ' || c.name"
  "  || ' · ' || ?2 || ' ' || i.due_date, count (*) OVER (),"
  "  row_number () OVER (ORDER BY i.due_date, k.number)"
  "  FROM installment i JOIN contract k ON k.id = i.contract_id JOIN client c ON c.id = k.client_id"
  "  WHERE k.status IN ('signed', 'executing') AND i.due_date < ?1"
  "  AND i.amount_fen > (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y WHERE y.installment_id = i.id)"
  ") WHERE r <= ?5 ORDER BY g, d, k";

static char *
build_agenda (CdStore *self, const char *day, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *group = NULL;
  gint64 shown = 0, total = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cd_store_prepare (self, agenda_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, C_("agenda", "due"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, C_("agenda", "OVERDUE"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, C_("agenda", "promised"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, AGENDA_SECTION_MAX);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (group == NULL || !g_str_equal (group, key))
        {
          if (group != NULL && total > shown)
            g_string_append_printf (out, _("  … and %" PRId64 " more\n"), total - shown);
          g_string_append_printf (out, "%s%s\n", out->len > 0 ? "\n" : "", group_heading (key));
          g_free (group);
          group = g_strdup (key);
          shown = 0;
        }
      total = sqlite3_column_int64 (stmt, 2);
      shown++;
      g_string_append_printf (out, "- %s\n", (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("gathering the agenda"));
      return NULL;
    }
  if (group != NULL && total > shown)
    g_string_append_printf (out, _("  … and %" PRId64 " more\n"), total - shown);
  if (out->len == 0)
    g_string_append (out, _("Nothing open or due."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
find_daily (CdStore *self, const char *day)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT id FROM meeting WHERE kind = 'daily'"
                                               " AND substr (starts_at, 1, 10) = ?1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
cd_store_meeting_create_daily (CdStore *self, const char *day, GError **error)
{
  g_autofree char *agenda = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *title = NULL;
  GVariantDict dict;
  GDate date;
  gint64 id;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!cd_docs_parse_date (day, &date))
    return cd_meet_invalid (error, _("Day"), _("write it as YYYY-MM-DD.")), 0;
  if (!cd_store_begin (self, error))
    return 0;
  if ((id = find_daily (self, day)) > 0)
    return cd_docs_finish (self, TRUE, error) ? id : 0;
  agenda = build_agenda (self, day, error);
  if (agenda == NULL)
    return cd_docs_finish (self, FALSE, error), 0;
  starts = g_strconcat (day, "T09:00", NULL);
  ends = g_strconcat (day, "T09:30", NULL);
  title = g_strdup_printf (_("Daily work meeting %s"), day);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "title", "s", title);
  g_variant_dict_insert (&dict, "kind", "s", CD_MEETING_DAILY);
  g_variant_dict_insert (&dict, "starts_at", "s", starts);
  g_variant_dict_insert (&dict, "ends_at", "s", ends);
  g_variant_dict_insert (&dict, "agenda", "s", agenda);
  id = cd_store_meeting_create (self, g_variant_dict_end (&dict), error);
  return cd_docs_finish (self, id > 0, error) ? id : 0;
}
