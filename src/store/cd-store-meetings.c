/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings (issue 12): the record, its number, attendees, the notice's
 * sent date, and the lists by date and person. Action items, work orders
 * from them and the daily work meeting are in cd-store-meeting-actions.c;
 * the Calendar's events in cd-store-calendar.c. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "store/cd-store-meetings.h"
#include "store/cd-store-meetings-private.h"

/* What a create or update asked for; a NULL text or a negative id is "not
 * given" (an update keeps the stored value). */
typedef struct
{
  const char *title;
  const char *kind;
  const char *starts_at;
  const char *ends_at;
  const char *place;
  const char *agenda;
  const char *notes;
  const char *decisions;
  gint64      client_id;
  gint64      project_id;
} MeetingInput;

#define MEETING_COLUMNS                                                              \
  "m.id, m.number, m.title, m.kind, coalesce (m.client_id, 0) AS client_id,"          \
  " coalesce (c.name, '') AS client_name, coalesce (m.project_id, 0) AS project_id,"  \
  " coalesce (p.name, '') AS project_name, coalesce (p.number, '') AS project_number,"\
  " m.starts_at, coalesce (m.ends_at, '') AS ends_at, coalesce (m.place, '') AS place,"\
  " coalesce (m.agenda, '') AS agenda, coalesce (m.notice_sent_on, '') AS notice_sent_on,"\
  " coalesce (m.created_by, 0) AS created_by, coalesce (s.name, '') AS created_by_name"
#define MEETING_FROM                                                                 \
  " FROM meeting m LEFT JOIN client c ON c.id = m.client_id"                          \
  " LEFT JOIN project p ON p.id = m.project_id LEFT JOIN staff s ON s.id = m.created_by"

static const char *const kinds[] = {
  CD_MEETING_CLIENT, CD_MEETING_PLANNING, CD_MEETING_PROPOSAL, CD_MEETING_DAILY, CD_MEETING_OTHER,
};

static void
read_input (GVariant *fields, MeetingInput *in)
{
  memset (in, 0, sizeof *in);
  in->client_id = in->project_id = -1;
  g_variant_lookup (fields, "title", "&s", &in->title);
  g_variant_lookup (fields, "kind", "&s", &in->kind);
  g_variant_lookup (fields, "starts_at", "&s", &in->starts_at);
  g_variant_lookup (fields, "ends_at", "&s", &in->ends_at);
  g_variant_lookup (fields, "place", "&s", &in->place);
  g_variant_lookup (fields, "agenda", "&s", &in->agenda);
  g_variant_lookup (fields, "notes", "&s", &in->notes);
  g_variant_lookup (fields, "decisions", "&s", &in->decisions);
  g_variant_lookup (fields, "client_id", "x", &in->client_id);
  g_variant_lookup (fields, "project_id", "x", &in->project_id);
}

static gboolean
check_kind (const char *kind, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kind != NULL && g_str_equal (kind, kinds[i]))
      return TRUE;
  return cd_meet_invalid (error, _("Kind"),
                          _("choose client meeting, planning or creative review, proposal, "
                            "daily work meeting or other."));
}

static gboolean
check_stamp (const char *text, const char *field, gboolean required, GError **error)
{
  GDate day;

  if (text == NULL || *text == '\0')
    return required ? cd_meet_invalid (error, field, _("a date and time is needed.")) : TRUE;
  if (!cd_meet_parse_stamp (text, &day))
    return cd_meet_invalid (error, field,
                            _("not a date and time: write it as YYYY-MM-DDTHH:MM, such as "
                              "2026-11-30T14:30."));
  return TRUE;
}

/* Checks the given fields; for a create, @create requires the mandatory
 * ones. @old_starts is the stored start when an update leaves it out. */
static gboolean
check_input (const MeetingInput *in, gboolean create, const char *old_starts, GError **error)
{
  const char *starts = in->starts_at != NULL ? in->starts_at : old_starts;

  if ((create || in->title != NULL)
      && !cd_docs_check_text (in->title, _("Title"), 300, TRUE, FALSE, error))
    return FALSE;
  if ((create || in->kind != NULL) && !check_kind (in->kind, error))
    return FALSE;
  if ((create || in->starts_at != NULL) && !check_stamp (in->starts_at, _("Starts"), TRUE, error))
    return FALSE;
  if (!check_stamp (in->ends_at, _("Ends"), FALSE, error))
    return FALSE;
  if (in->ends_at != NULL && *in->ends_at != '\0' && starts != NULL
      && strcmp (in->ends_at, starts) <= 0)
    return cd_meet_invalid (error, _("Ends"), _("the meeting must end after it starts."));
  return cd_docs_check_text (in->place, _("Place"), 500, FALSE, FALSE, error)
         && cd_docs_check_text (in->agenda, _("Agenda"), 20000, FALSE, TRUE, error)
         && cd_docs_check_text (in->notes, _("Notes"), 20000, FALSE, TRUE, error)
         && cd_docs_check_text (in->decisions, _("Decisions"), 20000, FALSE, TRUE, error);
}

/* The client and project must exist; a project given alone brings its
 * client, and a project of another client is refused. */
static gboolean
resolve_parties (CdStore *self, MeetingInput *in, gint64 old_client, gint64 old_project, GError **error)
{
  gint64 client = in->client_id >= 0 ? in->client_id : old_client;
  gint64 project = in->project_id >= 0 ? in->project_id : old_project;

  /* A meeting about a project is with that project's client. */
  if (in->client_id == 0 && project > 0)
    return cd_meet_invalid (error, _("Client"), _("a meeting about a project is with the project's client."));
  if (in->project_id < 0 && old_project > 0 && in->client_id > 0
      && cd_meet_int_for (self, "SELECT client_id FROM project WHERE id = ?1", old_project, 0) != in->client_id)
    return cd_meet_invalid (error, _("Client"), _("the meeting's project belongs to another client."));

  if (in->client_id > 0
      && cd_meet_int_for (self, "SELECT id FROM client WHERE id = ?1", in->client_id, 0) == 0)
    return cd_meet_invalid (error, _("Client"), _("there is no such client."));
  if (in->project_id > 0)
    {
      gint64 owner = cd_meet_int_for (self, "SELECT client_id FROM project WHERE id = ?1",
                                      in->project_id, 0);
      if (owner == 0)
        return cd_meet_invalid (error, _("Project"), _("there is no such project."));
      if (client > 0 && owner != client)
        return cd_meet_invalid (error, _("Project"),
                                _("the project belongs to another client than the meeting's."));
      if (client <= 0)
        in->client_id = owner;
    }
  return TRUE;
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gint64
insert_meeting (CdStore *self, const MeetingInput *in, GError **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  GDate day;

  cd_meet_parse_stamp (in->starts_at, &day);
  number = cd_store_next_number (self, "meeting", &day, error);
  if (number == NULL)
    return 0;
  stmt = cd_store_prepare (self,
                           "INSERT INTO meeting (number, title, kind, client_id, project_id,"
                           " starts_at, ends_at, place, agenda, notes, decisions, created_by)"
                           " VALUES (?1, trim (?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, in->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, in->kind, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 4, in->client_id);
  bind_id_or_null (stmt, 5, in->project_id);
  sqlite3_bind_text (stmt, 6, in->starts_at, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 7, in->ends_at);
  cd_docs_bind_text (stmt, 8, in->place);
  cd_docs_bind_text (stmt, 9, in->agenda);
  cd_docs_bind_text (stmt, 10, in->notes);
  cd_docs_bind_text (stmt, 11, in->decisions);
  bind_id_or_null (stmt, 12, cd_store_get_actor (self));
  if (!cd_docs_run (self, stmt, _("saving a meeting"), error))
    return 0;
  return cd_docs_last_id (self);
}

/* A second daily work meeting on one day is refused with a sentence,
 * before the unique index would refuse it with a constraint name. */
static gboolean
check_one_daily (CdStore *self, const char *kind, const char *starts_at, gint64 except,
                 GError **error)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  if (kind == NULL || !g_str_equal (kind, CD_MEETING_DAILY) || starts_at == NULL)
    return TRUE;
  stmt = cd_store_prepare (self, "SELECT 1 FROM meeting WHERE kind = 'daily'"
                                 " AND substr (starts_at, 1, 10) = substr (?1, 1, 10) AND id <> ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, starts_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    return cd_meet_invalid (error, _("Kind"), _("that day already has its daily work meeting."));
  return TRUE;
}

gint64
cd_store_meeting_create (CdStore *self, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = NULL;
  MeetingInput in;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  sunk = g_variant_ref_sink (fields);
  read_input (fields, &in);
  if (!check_input (&in, TRUE, NULL, error) || !cd_store_begin (self, error))
    return 0;
  ok = resolve_parties (self, &in, 0, 0, error)
       && check_one_daily (self, in.kind, in.starts_at, 0, error)
       && (id = insert_meeting (self, &in, error)) > 0;
  return cd_docs_finish (self, ok, error) ? id : 0;
}

static gboolean
update_text (CdStore *self, gint64 id, const char *sql, const char *value, GError **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    return TRUE;
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  cd_docs_bind_text (stmt, 2, value);
  return cd_docs_run (self, stmt, _("saving a meeting"), error);
}

static gboolean
update_id (CdStore *self, gint64 id, const char *sql, gint64 value, GError **error)
{
  sqlite3_stmt *stmt;

  if (value < 0)
    return TRUE;
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_id_or_null (stmt, 2, value);
  return cd_docs_run (self, stmt, _("saving a meeting"), error);
}

/* One statement per given field: what was not given stays as it was. The
 * start and end go in one statement, so their order is checked once. */
static gboolean
apply_update (CdStore *self, gint64 id, const MeetingInput *in, GError **error)
{
  sqlite3_stmt *stmt;

  if (in->starts_at != NULL || in->ends_at != NULL)
    {
      stmt = cd_store_prepare (self, "UPDATE meeting SET starts_at = coalesce (?2, starts_at),"
                                     " ends_at = CASE WHEN ?4 THEN ?3 ELSE ends_at END WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      cd_docs_bind_text (stmt, 2, in->starts_at);
      cd_docs_bind_text (stmt, 3, in->ends_at);
      sqlite3_bind_int (stmt, 4, in->ends_at != NULL);
      if (!cd_docs_run (self, stmt, _("saving a meeting"), error))
        return FALSE;
    }
  return update_text (self, id, "UPDATE meeting SET title = trim (?2) WHERE id = ?1", in->title, error)
         && update_text (self, id, "UPDATE meeting SET kind = ?2 WHERE id = ?1", in->kind, error)
         && update_text (self, id, "UPDATE meeting SET place = ?2 WHERE id = ?1", in->place, error)
         && update_text (self, id, "UPDATE meeting SET agenda = ?2 WHERE id = ?1", in->agenda, error)
         && update_text (self, id, "UPDATE meeting SET notes = ?2 WHERE id = ?1", in->notes, error)
         && update_text (self, id, "UPDATE meeting SET decisions = ?2 WHERE id = ?1", in->decisions, error)
         && update_id (self, id, "UPDATE meeting SET client_id = ?2 WHERE id = ?1", in->client_id, error)
         && update_id (self, id, "UPDATE meeting SET project_id = ?2 WHERE id = ?1", in->project_id, error);
}

gboolean
cd_store_meeting_update (CdStore *self, gint64 meeting_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = NULL;
  g_autofree char *old_starts = NULL;
  g_autofree char *old_kind = NULL;
  MeetingInput in;
  gint64 old_client;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  sunk = g_variant_ref_sink (fields);
  read_input (fields, &in);
  if (!cd_store_begin (self, error))
    return FALSE;
  old_starts = cd_meet_text_for (self, "SELECT starts_at FROM meeting WHERE id = ?1", meeting_id);
  if (old_starts == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such meeting."));
      return cd_docs_finish (self, FALSE, error);
    }
  old_kind = cd_meet_text_for (self, "SELECT kind FROM meeting WHERE id = ?1", meeting_id);
  old_client = cd_meet_int_for (self, "SELECT coalesce (client_id, 0) FROM meeting WHERE id = ?1",
                                meeting_id, 0);
  if (in.ends_at == NULL && in.starts_at != NULL)
    {
      /* A moved start is checked against the stored end. */
      g_autofree char *old_end = cd_meet_text_for (self, "SELECT ends_at FROM meeting WHERE id = ?1",
                                                   meeting_id);
      if (old_end != NULL && strcmp (old_end, in.starts_at) <= 0)
        {
          cd_meet_invalid (error, _("Ends"), _("the meeting must end after it starts."));
          return cd_docs_finish (self, FALSE, error);
        }
    }
  ok = check_input (&in, FALSE, old_starts, error)
       && resolve_parties (self, &in, old_client,
                           cd_meet_int_for (self, "SELECT coalesce (project_id, 0) FROM meeting WHERE id = ?1",
                                            meeting_id, 0), error)
       && check_one_daily (self, in.kind != NULL ? in.kind : old_kind,
                           in.starts_at != NULL ? in.starts_at : old_starts, meeting_id, error)
       && apply_update (self, meeting_id, &in, error);
  return cd_docs_finish (self, ok, error);
}

/* A meeting whose action items became work orders is kept: the work
 * orders name it. Otherwise it goes with its attendees and actions. */
gboolean
cd_store_meeting_delete (CdStore *self, gint64 meeting_id, GError **error)
{
  static const char *const deletes[] = {
    "DELETE FROM meeting_attendee WHERE meeting_id = ?1",
    "DELETE FROM meeting_action WHERE meeting_id = ?1",
    "DELETE FROM meeting WHERE id = ?1",
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  if (cd_meet_int_for (self, "SELECT count (*) FROM meeting WHERE id = ?1", meeting_id, 0) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such meeting."));
      return cd_docs_finish (self, FALSE, error);
    }
  if (cd_meet_int_for (self, "SELECT count (*) FROM work_order WHERE meeting_id = ?1", meeting_id, 0) > 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("This meeting cannot be deleted: work orders were issued from its action items."));
      return cd_docs_finish (self, FALSE, error);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = cd_store_prepare (self, deletes[i], error);

      ok = stmt != NULL && (sqlite3_bind_int64 (stmt, 1, meeting_id),
                            cd_docs_run (self, stmt, _("deleting a meeting"), error));
    }
  return cd_docs_finish (self, ok, error);
}

gint64
cd_store_meeting_find (CdStore *self, const char *number, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT id FROM meeting WHERE number = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, number ? number : "", -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else if (rc == SQLITE_DONE)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     _("There is no meeting numbered “%s”."), number ? number : "");
      else
        cd_store_set_error (self, error, rc, _("finding a meeting"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return id;
}

GVariant *
cd_store_meeting_get (CdStore *self, gint64 meeting_id, GError **error)
{
  sqlite3_stmt *stmt;
  GVariant *row = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT " MEETING_COLUMNS ", coalesce (m.notes, '') AS notes,"
                                 " coalesce (m.decisions, '') AS decisions" MEETING_FROM
                                 " WHERE m.id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      row = cd_meet_row (self, stmt, _("reading a meeting"), _("There is no such meeting."), error);
    }
  cd_store_unlock (self);
  return row;
}

/* ------------------------------------------------------------------ */
/* Attendees                                                          */

static gint64
add_attendee (CdStore *self, gint64 meeting_id, const char *column_sql, const char *find_sql,
              const char *exists_sql, gint64 ref_id, const char *missing, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  if (!cd_store_begin (self, error))
    return 0;
  if (cd_meet_int_for (self, "SELECT count (*) FROM meeting WHERE id = ?1", meeting_id, 0) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such meeting."));
      return cd_docs_finish (self, FALSE, error), 0;
    }
  if (ref_id <= 0 || cd_meet_int_for (self, exists_sql, ref_id, 0) == 0)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, missing);
      return cd_docs_finish (self, FALSE, error), 0;
    }
  /* Adding someone twice finds the first: one row per person. */
  stmt = cd_store_prepare (self, find_sql, error);
  if (stmt == NULL)
    return cd_docs_finish (self, FALSE, error), 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, ref_id);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (id > 0)
    return cd_docs_finish (self, TRUE, error) ? id : 0;
  ok = (stmt = cd_store_prepare (self, column_sql, error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, meeting_id), sqlite3_bind_int64 (stmt, 2, ref_id),
           cd_docs_run (self, stmt, _("adding an attendee"), error));
  id = ok ? cd_docs_last_id (self) : 0;
  return cd_docs_finish (self, ok, error) ? id : 0;
}

gint64
cd_store_meeting_add_contact (CdStore *self, gint64 meeting_id, gint64 contact_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), 0);
  return add_attendee (self, meeting_id,
                       "INSERT INTO meeting_attendee (meeting_id, contact_id) VALUES (?1, ?2)",
                       "SELECT id FROM meeting_attendee WHERE meeting_id = ?1 AND contact_id = ?2",
                       "SELECT count (*) FROM contact WHERE id = ?1", contact_id,
                       _("Attendee: there is no such contact."), error);
}

gint64
cd_store_meeting_add_staff (CdStore *self, gint64 meeting_id, gint64 staff_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), 0);
  return add_attendee (self, meeting_id,
                       "INSERT INTO meeting_attendee (meeting_id, staff_id) VALUES (?1, ?2)",
                       "SELECT id FROM meeting_attendee WHERE meeting_id = ?1 AND staff_id = ?2",
                       "SELECT count (*) FROM staff WHERE id = ?1", staff_id,
                       _("Attendee: there is no such staff member."), error);
}

gboolean
cd_store_meeting_remove_attendee (CdStore *self, gint64 attendee_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  ok = (stmt = cd_store_prepare (self, "DELETE FROM meeting_attendee WHERE id = ?1", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, attendee_id),
           cd_docs_run (self, stmt, _("removing an attendee"), error));
  if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such attendee."));
      ok = FALSE;
    }
  return cd_docs_finish (self, ok, error);
}

GVariant *
cd_store_meeting_attendees (CdStore *self, gint64 meeting_id, GError **error)
{
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  /* Client contacts first (the notice is for them), then staff. */
  stmt = cd_store_prepare (self,
    "SELECT id, kind, ref_id, name, title, phone, email FROM ("
    " SELECT a.id, 'contact' AS kind, k.id AS ref_id, k.name, coalesce (k.title, '') AS title,"
    " coalesce (k.phone, '') AS phone, coalesce (k.email, '') AS email, 0 AS o"
    " FROM meeting_attendee a JOIN contact k ON k.id = a.contact_id WHERE a.meeting_id = ?1"
    " UNION ALL SELECT a.id, 'staff', s.id, s.name, s.role, coalesce (s.phone, ''),"
    " coalesce (s.email, ''), 1"
    " FROM meeting_attendee a JOIN staff s ON s.id = a.staff_id WHERE a.meeting_id = ?1)"
    " ORDER BY o, id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      rows = cd_meet_rows (self, stmt, _("reading the attendees"), error);
    }
  cd_store_unlock (self);
  if (rows == NULL)
    return NULL;
  return rows;
}

gboolean
cd_store_meeting_mark_notice_sent (CdStore *self, gint64 meeting_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  day = cd_docs_resolve_date (date, _("Notice sent on"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return FALSE;
  ok = (stmt = cd_store_prepare (self, "UPDATE meeting SET notice_sent_on = ?2 WHERE id = ?1", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, meeting_id), sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT),
           cd_docs_run (self, stmt, _("recording the notice"), error));
  if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such meeting."));
      ok = FALSE;
    }
  return cd_docs_finish (self, ok, error);
}

/* ------------------------------------------------------------------ */
/* Lists                                                              */

GVariant *
cd_store_meetings_list (CdStore *self, const char *from, const char *to, gint64 staff_id,
                        GError **error)
{
  GDate a, b;
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!cd_docs_parse_date (from, &a) || !cd_docs_parse_date (to, &b))
    return cd_meet_invalid (error, _("Dates"), _("write them as YYYY-MM-DD.")), NULL;
  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT " MEETING_COLUMNS MEETING_FROM
                                 " WHERE m.starts_at >= ?1 AND m.starts_at < date (?2, '+1 day')"
                                 " AND (?3 = 0 OR m.created_by = ?3 OR EXISTS (SELECT 1"
                                 "  FROM meeting_attendee a WHERE a.meeting_id = m.id AND a.staff_id = ?3))"
                                 " ORDER BY m.starts_at, m.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, staff_id);
      rows = cd_meet_rows (self, stmt, _("listing meetings"), error);
    }
  cd_store_unlock (self);
  return rows;
}

/* The last day of the window: @working_days working days after @today
 * (Monday to Friday when there is no holiday calendar). */
static void
window_end (const GDate *today, guint working_days, CdHolidayCalendar *calendar, GDate *out)
{
  *out = *today;
  for (guint n = 0; n < working_days;)
    {
      gboolean working;

      g_date_add_days (out, 1);
      if (calendar != NULL)
        working = cd_holiday_calendar_is_working_day (calendar, out);
      else
        working = g_date_get_weekday (out) <= G_DATE_FRIDAY;
      if (working)
        n++;
    }
}

GVariant *
cd_store_meetings_without_notice (CdStore *self, const char *today, guint working_days,
                                  CdHolidayCalendar *calendar, GError **error)
{
  GDate start, end;
  char last[11];
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!cd_docs_parse_date (today, &start))
    return cd_meet_invalid (error, _("Today"), _("write it as YYYY-MM-DD.")), NULL;
  window_end (&start, MIN (working_days, 366), calendar, &end);
  cd_meet_format_day (&end, last);
  cd_store_lock (self);
  /* Only meetings someone outside could be told of: with a client or a
   * client contact among the attendees. */
  stmt = cd_store_prepare (self, "SELECT " MEETING_COLUMNS MEETING_FROM
                                 " WHERE m.kind IN ('client', 'planning', 'proposal')"
                                 " AND m.notice_sent_on IS NULL"
                                 " AND m.starts_at >= ?1 AND m.starts_at < date (?2, '+1 day')"
                                 " AND (m.client_id IS NOT NULL OR EXISTS (SELECT 1 FROM meeting_attendee a"
                                 "  WHERE a.meeting_id = m.id AND a.contact_id IS NOT NULL))"
                                 " ORDER BY m.starts_at, m.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
      rows = cd_meet_rows (self, stmt, _("listing meetings without a notice"), error);
    }
  cd_store_unlock (self);
  return rows;
}
