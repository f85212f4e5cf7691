/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Visit plans (issue 12): the plan of a person for a week or a month, its
 * entries, submission and review (which locks it, with a hash of its
 * content that `check` recomputes), the completion rate, and the lists.
 * Suggestions from the tier cycles are in cd-store-plan-suggest.c; the
 * match of a logged visit to its entry is a trigger of
 * sql/005-plans-meetings.sql, so that it happens in the visit's own
 * transaction whoever writes the visit. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "store/cd-store-meetings-private.h"
#include "store/cd-store-plans.h"

/* ?-free column list of a plan as cd_store_visit_plan_get () returns it.
 * "due": the 28th (the visit-plan deadline rule) of the month before for a
 * month plan, never after the day before the month starts; the Sunday
 * before for a week plan. */
#define PLAN_COLUMNS                                                                  \
  "p.id, p.staff_id, s.name AS staff_name, p.period, p.start_date AS start,"          \
  " p.end_date AS \"end\", p.status, CASE p.period WHEN 'month' THEN min (date ("      \
  "  p.start_date, '-1 month', printf ('+%d days', coalesce ((SELECT day_of_month"     \
  "  FROM deadline_rule WHERE code = 'visit-plan'), 28) - 1)), date (p.start_date, '-1 day'))" \
  "  ELSE date (p.start_date, '-1 day') END AS due,"                                  \
  " coalesce (p.submitted_at, '') AS submitted_at, coalesce (p.reviewed_by, 0) AS reviewed_by," \
  " coalesce (r.name, '') AS reviewer_name, coalesce (p.reviewed_at, '') AS reviewed_at," \
  " coalesce (p.review_comment, '') AS review_comment,"                               \
  " (SELECT count (*) FROM visit_plan_entry e WHERE e.plan_id = p.id) AS n_entries,"  \
  " (SELECT count (*) FROM visit_plan_entry e WHERE e.plan_id = p.id"                 \
  "  AND e.visit_id IS NOT NULL) AS n_done"
#define PLAN_FROM                                                                     \
  " FROM visit_plan p JOIN staff s ON s.id = p.staff_id LEFT JOIN staff r ON r.id = p.reviewed_by"

static gboolean
check_period (const char *period, const char *start, GError **error)
{
  GDate day;

  if (g_strcmp0 (period, CD_PLAN_PERIOD_WEEK) != 0 && g_strcmp0 (period, CD_PLAN_PERIOD_MONTH) != 0)
    return cd_meet_invalid (error, _("Period"), _("a plan is for a week or a month."));
  if (!cd_docs_parse_date (start, &day))
    return cd_meet_invalid (error, _("Start"), _("not a date: use YYYY-MM-DD, such as 2026-03-31."));
  if (g_str_equal (period, CD_PLAN_PERIOD_WEEK) && g_date_get_weekday (&day) != G_DATE_MONDAY)
    return cd_meet_invalid (error, _("Start"), _("a week plan starts on a Monday."));
  if (g_str_equal (period, CD_PLAN_PERIOD_MONTH) && g_date_get_day (&day) != 1)
    return cd_meet_invalid (error, _("Start"), _("a month plan starts on the 1st."));
  return TRUE;
}

gint64
cd_store_visit_plan_ensure (CdStore *self, gint64 staff_id, const char *period, const char *start,
                            GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!check_period (period, start, error) || !cd_store_begin (self, error))
    return 0;
  if (cd_meet_int_for (self, "SELECT count (*) FROM staff WHERE id = ?1", staff_id, 0) == 0)
    {
      cd_meet_invalid (error, _("Person"), _("there is no such staff member."));
      return cd_docs_finish (self, FALSE, error), 0;
    }
  ok = (stmt = cd_store_prepare (self,
          "INSERT INTO visit_plan (staff_id, period, start_date, end_date) VALUES (?1, ?2, ?3,"
          " CASE ?2 WHEN 'week' THEN date (?3, '+6 days') ELSE date (?3, '+1 month', '-1 day') END)"
          " ON CONFLICT (staff_id, period, start_date) DO NOTHING", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, staff_id), sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT),
           sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT),
           cd_docs_run (self, stmt, _("making a visit plan"), error))
       && (stmt = cd_store_prepare (self, "SELECT id FROM visit_plan WHERE staff_id = ?1 AND period = ?2"
                                          " AND start_date = ?3", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      ok = id > 0;
    }
  return cd_docs_finish (self, ok, error) ? id : 0;
}

GVariant *
cd_store_visit_plan_get (CdStore *self, gint64 plan_id, GError **error)
{
  sqlite3_stmt *stmt;
  GVariant *row = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      row = cd_meet_row (self, stmt, _("reading a visit plan"), _("There is no such visit plan."), error);
    }
  cd_store_unlock (self);
  return row;
}

GVariant *
cd_store_visit_plans_list (CdStore *self, const char *period, const char *from, const char *to,
                           gint64 staff_id, GError **error)
{
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;
  GDate a, b;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!cd_docs_parse_date (from, &a) || !cd_docs_parse_date (to, &b))
    return cd_meet_invalid (error, _("Dates"), _("write them as YYYY-MM-DD.")), NULL;
  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT " PLAN_COLUMNS PLAN_FROM
                                 " WHERE (?1 IS NULL OR p.period = ?1) AND p.start_date BETWEEN ?2 AND ?3"
                                 " AND (?4 = 0 OR p.staff_id = ?4) ORDER BY p.start_date, s.name, p.id",
                           error);
  if (stmt != NULL)
    {
      cd_docs_bind_text (stmt, 1, period);
      sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, staff_id);
      rows = cd_meet_rows (self, stmt, _("listing visit plans"), error);
    }
  cd_store_unlock (self);
  return rows;
}

/* ------------------------------------------------------------------ */
/* Entries                                                            */

typedef struct
{
  gint64      client_id;     /* -1: not given */
  gint64      contact_id;    /* -1: not given; 0: none */
  const char *date;
  const char *purpose;
  const char *mode;
} EntryInput;

static void
read_entry (GVariant *fields, EntryInput *in)
{
  memset (in, 0, sizeof *in);
  in->client_id = in->contact_id = -1;
  g_variant_lookup (fields, "client_id", "x", &in->client_id);
  g_variant_lookup (fields, "contact_id", "x", &in->contact_id);
  g_variant_lookup (fields, "date", "&s", &in->date);
  g_variant_lookup (fields, "purpose", "&s", &in->purpose);
  g_variant_lookup (fields, "mode", "&s", &in->mode);
}

/* A reviewed plan is refused here with a sentence; the triggers refuse it
 * again for any other writer. */
static gboolean
check_open_plan (CdStore *self, gint64 plan_id, GError **error)
{
  g_autofree char *status = cd_meet_text_for (self, "SELECT status FROM visit_plan WHERE id = ?1", plan_id);

  if (status == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such visit plan."));
      return FALSE;
    }
  if (g_str_equal (status, "reviewed"))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("This visit plan was reviewed and is locked: its entries can no longer change."));
      return FALSE;
    }
  return TRUE;
}

/* The entry as it will be, checked against its plan: @client is the
 * client after the change, @date the date after it. */
static gboolean
check_entry (CdStore *self, gint64 plan_id, const EntryInput *in, gint64 client, const char *date,
             gboolean create, GError **error)
{
  GDate day;

  if (client <= 0 || cd_meet_int_for (self, "SELECT count (*) FROM client WHERE id = ?1", client, 0) == 0)
    return cd_meet_invalid (error, _("Client"), _("choose the client to visit."));
  if ((create || in->date != NULL) && !cd_docs_parse_date (date, &day))
    return cd_meet_invalid (error, _("Date"), _("not a date: use YYYY-MM-DD, such as 2026-03-31."));
  if (in->contact_id > 0
      && cd_meet_int_for (self, "SELECT client_id FROM contact WHERE id = ?1", in->contact_id, 0) != client)
    return cd_meet_invalid (error, _("Contact"), _("the contact is not one of the client's."));
  if (in->mode != NULL && *in->mode != '\0' && !g_str_equal (in->mode, "in_person")
      && !g_str_equal (in->mode, "phone") && !g_str_equal (in->mode, "online"))
    return cd_meet_invalid (error, _("Mode"), _("in person, by phone or online."));
  if (!cd_docs_check_text (in->purpose, _("Purpose"), 500, FALSE, FALSE, error))
    return FALSE;
  {
    sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT ?2 BETWEEN start_date AND end_date, start_date,"
                                                 " end_date FROM visit_plan WHERE id = ?1", error);
    gboolean inside = FALSE;
    g_autofree char *first = NULL;
    g_autofree char *last = NULL;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        inside = sqlite3_column_int (stmt, 0) != 0;
        first = cd_docs_column_dup (stmt, 1);
        last = cd_docs_column_dup (stmt, 2);
      }
    sqlite3_reset (stmt);
    if (!inside)
      {
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                     _("Date: %s is outside the plan, which runs from %s to %s."), date,
                     first ? first : "", last ? last : "");
        return FALSE;
      }
  }
  return TRUE;
}

gint64
cd_store_visit_plan_add_entry (CdStore *self, gint64 plan_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = NULL;
  EntryInput in;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  sunk = g_variant_ref_sink (fields);
  read_entry (fields, &in);
  if (!cd_store_begin (self, error))
    return 0;
  ok = check_open_plan (self, plan_id, error)
       && check_entry (self, plan_id, &in, in.client_id, in.date, TRUE, error)
       && (stmt = cd_store_prepare (self, "INSERT INTO visit_plan_entry (plan_id, client_id, contact_id,"
                                          " date, purpose, mode) VALUES (?1, ?2, ?3, ?4, trim (?5),"
                                          " coalesce (?6, 'in_person'))", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, in.client_id);
      if (in.contact_id > 0)
        sqlite3_bind_int64 (stmt, 3, in.contact_id);
      sqlite3_bind_text (stmt, 4, in.date, -1, SQLITE_TRANSIENT);
      cd_docs_bind_text (stmt, 5, in.purpose);
      cd_docs_bind_text (stmt, 6, in.mode);
      ok = cd_docs_run (self, stmt, _("planning a visit"), error);
    }
  id = ok ? cd_docs_last_id (self) : 0;
  return cd_docs_finish (self, ok, error) ? id : 0;
}

gboolean
cd_store_visit_plan_update_entry (CdStore *self, gint64 entry_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = NULL;
  g_autofree char *old_date = NULL;
  EntryInput in;
  sqlite3_stmt *stmt;
  gint64 plan_id, old_client, client;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  sunk = g_variant_ref_sink (fields);
  read_entry (fields, &in);
  if (!cd_store_begin (self, error))
    return FALSE;
  plan_id = cd_meet_int_for (self, "SELECT plan_id FROM visit_plan_entry WHERE id = ?1", entry_id, 0);
  if (plan_id == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such planned visit."));
      return cd_docs_finish (self, FALSE, error);
    }
  old_client = cd_meet_int_for (self, "SELECT client_id FROM visit_plan_entry WHERE id = ?1", entry_id, 0);
  old_date = cd_meet_text_for (self, "SELECT date FROM visit_plan_entry WHERE id = ?1", entry_id);
  client = in.client_id >= 0 ? in.client_id : old_client;
  /* A new client drops the old client's contact unless one is given. */
  if (client != old_client && in.contact_id < 0)
    in.contact_id = 0;
  ok = check_open_plan (self, plan_id, error)
       && check_entry (self, plan_id, &in, client, in.date ? in.date : old_date, FALSE, error)
       && (stmt = cd_store_prepare (self,
            "UPDATE visit_plan_entry SET client_id = ?2,"
            " contact_id = CASE WHEN ?3 < 0 THEN contact_id WHEN ?3 = 0 THEN NULL ELSE ?3 END,"
            " date = coalesce (?4, date), purpose = CASE WHEN ?7 THEN nullif (trim (?5), '') ELSE purpose END,"
            " mode = coalesce (nullif (?6, ''), mode) WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_int64 (stmt, 2, client);
      sqlite3_bind_int64 (stmt, 3, in.contact_id);
      cd_docs_bind_text (stmt, 4, in.date);
      sqlite3_bind_text (stmt, 5, in.purpose ? in.purpose : "", -1, SQLITE_TRANSIENT);
      cd_docs_bind_text (stmt, 6, in.mode);
      sqlite3_bind_int (stmt, 7, in.purpose != NULL);
      ok = cd_docs_run (self, stmt, _("changing a planned visit"), error);
    }
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_visit_plan_remove_entry (CdStore *self, gint64 entry_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  plan_id = cd_meet_int_for (self, "SELECT plan_id FROM visit_plan_entry WHERE id = ?1", entry_id, 0);
  if (plan_id == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such planned visit."));
      return cd_docs_finish (self, FALSE, error);
    }
  ok = check_open_plan (self, plan_id, error)
       && (stmt = cd_store_prepare (self, "DELETE FROM visit_plan_entry WHERE id = ?1", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, entry_id),
           cd_docs_run (self, stmt, _("removing a planned visit"), error));
  return cd_docs_finish (self, ok, error);
}

GVariant *
cd_store_visit_plan_entries (CdStore *self, gint64 plan_id, GError **error)
{
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self,
    "SELECT e.id, e.client_id, c.name AS client_name, coalesce (e.contact_id, 0) AS contact_id,"
    " coalesce (k.name, '') AS contact_name, e.date, coalesce (e.purpose, '') AS purpose, e.mode,"
    " coalesce (e.visit_id, 0) AS visit_id, coalesce (v.date, '') AS visit_date,"
    " coalesce (c.tier, '') AS tier"
    " FROM visit_plan_entry e JOIN client c ON c.id = e.client_id"
    " LEFT JOIN contact k ON k.id = e.contact_id LEFT JOIN visit v ON v.id = e.visit_id"
    " WHERE e.plan_id = ?1 ORDER BY e.date, c.name, e.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      rows = cd_meet_rows (self, stmt, _("reading a visit plan"), error);
    }
  cd_store_unlock (self);
  return rows;
}

/* ------------------------------------------------------------------ */
/* Submission, review and the lock hash                               */

static gboolean
check_move (CdStore *self, gint64 plan_id, const char *to, GError **error)
{
  g_autofree char *status = cd_meet_text_for (self, "SELECT status FROM visit_plan WHERE id = ?1", plan_id);
  g_autoptr (GError) state_error = NULL;

  if (status == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such visit plan."));
      return FALSE;
    }
  if (!cd_state_check_move ("visit_plan", status, to, NULL, &state_error))
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE, state_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_store_visit_plan_submit (CdStore *self, gint64 plan_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  ok = check_move (self, plan_id, "submitted", error);
  if (ok && cd_meet_int_for (self, "SELECT count (*) FROM visit_plan_entry WHERE plan_id = ?1", plan_id, 0) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A visit plan without a single planned visit cannot be submitted."));
      ok = FALSE;
    }
  ok = ok && (stmt = cd_store_prepare (self, "UPDATE visit_plan SET status = 'submitted',"
                                             " submitted_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                             " WHERE id = ?1", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, plan_id), cd_docs_run (self, stmt, _("submitting a visit plan"), error));
  return cd_docs_finish (self, ok, error);
}

/**
 * cd_store_visit_plan_canonical_hash:
 *
 * The SHA-256 of a plan's locked content as it is in the file, taken with
 * the review fields given (a reviewer computes it before the one UPDATE
 * that locks): the plan's columns but its status, and its entries by id
 * without their match to a visit, which may still change. Internal to the
 * store (cd-store-plans.c, cd-demo-plans.c, the check).
 */
char *
cd_store_visit_plan_canonical_hash (CdStore *self, gint64 plan_id, gint64 reviewer_id,
                                    const char *reviewed_at, const char *comment, GError **error)
{
  g_autoptr (GString) text = g_string_new ("clientdesk-visit-plan/1\n");
  sqlite3_stmt *stmt;
  int rc;

  stmt = cd_store_prepare (self, "SELECT staff_id, period, start_date, end_date, submitted_at"
                                 " FROM visit_plan WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such visit plan."));
      return NULL;
    }
  cd_docs_canon_int (text, "staff", sqlite3_column_int64 (stmt, 0));
  cd_docs_canon_text (text, "period", (const char *) sqlite3_column_text (stmt, 1));
  cd_docs_canon_text (text, "start", (const char *) sqlite3_column_text (stmt, 2));
  cd_docs_canon_text (text, "end", (const char *) sqlite3_column_text (stmt, 3));
  cd_docs_canon_text (text, "submitted", (const char *) sqlite3_column_text (stmt, 4));
  sqlite3_reset (stmt);
  cd_docs_canon_int (text, "reviewer", reviewer_id);
  cd_docs_canon_text (text, "reviewed", reviewed_at);
  cd_docs_canon_text (text, "comment", comment);

  stmt = cd_store_prepare (self, "SELECT id, client_id, contact_id, date, purpose, mode"
                                 " FROM visit_plan_entry WHERE plan_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      cd_docs_canon_int (text, "entry", sqlite3_column_int64 (stmt, 0));
      cd_docs_canon_int (text, "client", sqlite3_column_int64 (stmt, 1));
      cd_docs_canon_int (text, "contact", sqlite3_column_int64 (stmt, 2));
      cd_docs_canon_text (text, "date", (const char *) sqlite3_column_text (stmt, 3));
      cd_docs_canon_text (text, "purpose", (const char *) sqlite3_column_text (stmt, 4));
      cd_docs_canon_text (text, "mode", (const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a visit plan"));
      return NULL;
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, (gssize) text->len);
}

gboolean
cd_store_visit_plan_review (CdStore *self, gint64 plan_id, gint64 reviewer_id, const char *comment,
                            GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *hash = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (comment, _("Comment"), 4000, FALSE, TRUE, error))
    return FALSE;
  note = comment != NULL ? g_strstrip (g_strdup (comment)) : NULL;
  if (note != NULL && *note == '\0')
    g_clear_pointer (&note, g_free);
  if (!cd_store_begin (self, error))
    return FALSE;
  ok = check_move (self, plan_id, "reviewed", error);
  if (ok && (reviewer_id <= 0
             || cd_meet_int_for (self, "SELECT count (*) FROM staff WHERE id = ?1", reviewer_id, 0) == 0))
    ok = cd_meet_invalid (error, _("Reviewer"), _("there is no such staff member."));
  ok = ok && (hash = cd_store_visit_plan_canonical_hash (self, plan_id, reviewer_id, at, note, error)) != NULL
       && (stmt = cd_store_prepare (self, "UPDATE visit_plan SET status = 'reviewed', reviewed_by = ?2,"
                                          " reviewed_at = ?3, review_comment = ?4, locked_hash = ?5"
                                          " WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, reviewer_id);
      sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
      cd_docs_bind_text (stmt, 4, note);
      sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_TRANSIENT);
      ok = cd_docs_run (self, stmt, _("reviewing a visit plan"), error);
    }
  return cd_docs_finish (self, ok, error);
}

/* ------------------------------------------------------------------ */
/* Completion rate                                                    */

GVariant *
cd_store_visit_plan_completion (CdStore *self, const char *month, gint64 staff_id, GError **error)
{
  g_autofree char *first = NULL;
  sqlite3_stmt *stmt;
  GVariant *rows = NULL;
  GDate day;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  first = g_strconcat (month ? month : "", "-01", NULL);
  if (month == NULL || strlen (month) != 7 || !cd_docs_parse_date (first, &day))
    return cd_meet_invalid (error, _("Month"), _("write it as YYYY-MM, such as 2026-03.")), NULL;
  cd_store_lock (self);
  /* Rounded half up to whole permille. One person asked for gets a row
   * even with nothing planned. */
  stmt = cd_store_prepare (self,
    "SELECT s.id AS staff_id, s.name AS staff_name, count (x.id) AS planned, count (x.visit_id) AS done,"
    " CASE WHEN count (x.id) = 0 THEN 0"
    "  ELSE (count (x.visit_id) * 2000 + count (x.id)) / (2 * count (x.id)) END AS rate_permille"
    " FROM staff s LEFT JOIN (SELECT e.id, e.visit_id, p.staff_id FROM visit_plan_entry e"
    "  JOIN visit_plan p ON p.id = e.plan_id WHERE e.date >= ?1 AND e.date < date (?1, '+1 month')) x"
    "  ON x.staff_id = s.id"
    " WHERE s.id = ?2 OR (?2 = 0 AND x.id IS NOT NULL)"
    " GROUP BY s.id ORDER BY s.name, s.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, staff_id);
      rows = cd_meet_rows (self, stmt, _("reading the plan completion"), error);
    }
  cd_store_unlock (self);
  return rows;
}
