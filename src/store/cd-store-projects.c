/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Projects and their client brief: create, edit, move through the
 * lifecycle; the brief must be complete before a project leaves "brief". */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-states.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-projects.h"

#define DEFAULT_MIN_MARGIN_BP 2000

static const struct
{
  const char *key;
  const char *label;
} brief_fields[] = {
  { "background", N_("Background") },
  { "objectives", N_("Objectives") },
  { "audience", N_("Target audience") },
  { "deliverables", N_("Deliverables") },
  { "channels", N_("Channels") },
  { "budget", N_("Budget range") },
  { "key_dates", N_("Key dates") },
  { "mandatory", N_("Mandatory elements") },
  { "approvals", N_("Approvals needed") },
};

/* ------------------------------------------------------------------ */
/* Records                                                            */

CdProject *
cd_project_new (void)
{
  CdProject *project = g_new0 (CdProject, 1);

  project->min_margin_bp = -1;
  return project;
}

void
cd_project_free (CdProject *project)
{
  if (project == NULL)
    return;
  g_free (project->number);
  g_free (project->name);
  g_free (project->status);
  g_free (project->start_date);
  g_free (project->due_date);
  g_free (project->cancel_reason);
  g_free (project->client_name);
  g_free (project->am_name);
  g_free (project->ae_name);
  g_free (project);
}

CdBrief *
cd_brief_new (gint64 project_id)
{
  CdBrief *brief = g_new0 (CdBrief, 1);

  brief->project_id = project_id;
  brief->budget_min_fen = -1;
  brief->budget_max_fen = -1;
  return brief;
}

void
cd_brief_free (CdBrief *brief)
{
  if (brief == NULL)
    return;
  g_free (brief->background);
  g_free (brief->objectives);
  g_free (brief->audience);
  g_free (brief->deliverables);
  g_free (brief->channels);
  g_free (brief->event_date);
  g_free (brief->launch_date);
  g_free (brief->mandatory);
  g_free (brief->approvals);
  g_free (brief);
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

GStrv
cd_brief_missing_fields (const CdBrief *brief)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  gboolean filled[G_N_ELEMENTS (brief_fields)];

  g_return_val_if_fail (brief != NULL, NULL);

  filled[0] = !blank (brief->background);
  filled[1] = !blank (brief->objectives);
  filled[2] = !blank (brief->audience);
  filled[3] = !blank (brief->deliverables);
  filled[4] = !blank (brief->channels);
  filled[5] = brief->budget_min_fen >= 0 && brief->budget_max_fen >= 0;
  filled[6] = !blank (brief->event_date) || !blank (brief->launch_date);
  filled[7] = !blank (brief->mandatory);
  filled[8] = !blank (brief->approvals);
  for (guint i = 0; i < G_N_ELEMENTS (brief_fields); i++)
    if (!filled[i])
      g_strv_builder_add (builder, brief_fields[i].key);
  return g_strv_builder_end (builder);
}

const char *
cd_brief_field_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (brief_fields); i++)
    if (g_strcmp0 (brief_fields[i].key, key) == 0)
      return _(brief_fields[i].label);
  return key;
}

char *
cd_brief_describe_missing (const CdBrief *brief)
{
  g_auto (GStrv) missing = cd_brief_missing_fields (brief);
  GString *out = g_string_new (NULL);

  for (guint i = 0; missing[i] != NULL; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates the names of missing brief fields */
        g_string_append (out, _(", "));
      g_string_append (out, cd_brief_field_label (missing[i]));
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Projects                                                           */

int
cd_store_project_default_min_margin (CdStore *self)
{
  g_autofree char *value = cd_store_get_setting (self, "project.min_margin_bp");
  gint64 bp;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 10000, &bp, NULL))
    return DEFAULT_MIN_MARGIN_BP;
  return (int) bp;
}

static gint64
column_id (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

static CdProject *
project_from_row (sqlite3_stmt *stmt)
{
  CdProject *project = cd_project_new ();

  project->id = sqlite3_column_int64 (stmt, 0);
  project->number = cd_docs_column_dup (stmt, 1);
  project->client_id = sqlite3_column_int64 (stmt, 2);
  project->name = cd_docs_column_dup (stmt, 3);
  project->status = cd_docs_column_dup (stmt, 4);
  project->am_id = column_id (stmt, 5);
  project->ae_id = column_id (stmt, 6);
  project->start_date = cd_docs_column_dup (stmt, 7);
  project->due_date = cd_docs_column_dup (stmt, 8);
  project->min_margin_bp = sqlite3_column_int (stmt, 9);
  project->cancel_reason = cd_docs_column_dup (stmt, 10);
  project->client_name = cd_docs_column_dup (stmt, 11);
  project->am_name = cd_docs_column_dup (stmt, 12);
  project->ae_name = cd_docs_column_dup (stmt, 13);
  return project;
}

static CdProject *
load_project (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  CdProject *project = NULL;
  int rc;

  stmt = cd_store_prepare (self, "SELECT p.id, p.number, p.client_id, p.name, p.status, p.am_id,"
                                 " p.ae_id, p.start_date, p.due_date, p.min_margin_bp, p.cancel_reason,"
                                 " c.name, am.name, ae.name FROM project p"
                                 " JOIN client c ON c.id = p.client_id"
                                 " LEFT JOIN staff am ON am.id = p.am_id"
                                 " LEFT JOIN staff ae ON ae.id = p.ae_id WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    project = project_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no project with id %" PRId64 "."), id);
  else
    cd_store_set_error (self, error, rc, _("reading a project"));
  sqlite3_reset (stmt);
  return project;
}

CdProject *
cd_store_project_get (CdStore *self, gint64 id, GError **error)
{
  CdProject *project;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  project = load_project (self, id, error);
  cd_store_unlock (self);
  return project;
}

gint64
cd_store_project_find (CdStore *self, const char *number, GError **error)
{
  g_autofree char *wanted = g_strstrip (g_strdup (number ? number : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT id FROM project WHERE number = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else if (rc == SQLITE_DONE)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     _("There is no project numbered “%s”."), wanted);
      else
        cd_store_set_error (self, error, rc, _("finding a project"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return id;
}

static gboolean
check_project (CdStore *self, CdProject *project, char **out_start, char **out_due, GError **error)
{
  if (!cd_docs_check_text (project->name, _("The project name"), 300, TRUE, FALSE, error))
    return FALSE;
  if (project->client_id <= 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Choose the client of the project."));
      return FALSE;
    }
  if (project->min_margin_bp < 0)
    project->min_margin_bp = cd_store_project_default_min_margin (self);
  if (project->min_margin_bp > 10000)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The minimum margin must be between 0 %% and 100 %%."));
      return FALSE;
    }
  *out_start = cd_docs_resolve_date (project->start_date, _("The start date"), error);
  if (*out_start == NULL)
    return FALSE;
  if (blank (project->due_date))
    return TRUE;
  *out_due = cd_docs_resolve_date (project->due_date, _("The due date"), error);
  if (*out_due == NULL)
    return FALSE;
  if (strcmp (*out_due, *out_start) < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The due date %s is before the start date %s."), *out_due, *out_start);
      return FALSE;
    }
  return TRUE;
}

static void
bind_id (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
insert_project (CdStore *self, CdProject *project, const char *start, const char *due, GError **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  GDate day;

  cd_docs_parse_date (start, &day);
  number = cd_store_next_number (self, "project", &day, error);
  if (number == NULL)
    return FALSE;
  stmt = cd_store_prepare (self, "INSERT INTO project (number, client_id, name, status, am_id, ae_id,"
                                 " start_date, due_date, min_margin_bp)"
                                 " VALUES (?1, ?2, ?3, 'brief', ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, project->client_id);
  sqlite3_bind_text (stmt, 3, project->name, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 4, project->am_id);
  bind_id (stmt, 5, project->ae_id);
  sqlite3_bind_text (stmt, 6, start, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 7, due);
  sqlite3_bind_int (stmt, 8, project->min_margin_bp);
  if (!cd_docs_run (self, stmt, _("creating a project"), error))
    return FALSE;
  project->id = cd_docs_last_id (self);
  g_free (project->number);
  project->number = g_steal_pointer (&number);
  g_free (project->status);
  project->status = g_strdup ("brief");
  stmt = cd_store_prepare (self, "INSERT INTO brief (project_id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project->id);
  return cd_docs_run (self, stmt, _("creating the brief"), error);
}

static gboolean
update_project (CdStore *self, CdProject *project, const char *start, const char *due, GError **error)
{
  sqlite3_stmt *stmt;

  stmt = cd_store_prepare (self, "UPDATE project SET client_id = ?2, name = ?3, am_id = ?4, ae_id = ?5,"
                                 " start_date = ?6, due_date = ?7, min_margin_bp = ?8 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project->id);
  sqlite3_bind_int64 (stmt, 2, project->client_id);
  sqlite3_bind_text (stmt, 3, project->name, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 4, project->am_id);
  bind_id (stmt, 5, project->ae_id);
  sqlite3_bind_text (stmt, 6, start, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 7, due);
  sqlite3_bind_int (stmt, 8, project->min_margin_bp);
  if (!cd_docs_run (self, stmt, _("saving the project"), error))
    return FALSE;
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no project with id %" PRId64 "."), project->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_store_project_save (CdStore *self, CdProject *project, GError **error)
{
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  if (!check_project (self, project, &start, &due, error))
    return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  if (project->id == 0)
    ok = insert_project (self, project, start, due, error);
  else
    ok = update_project (self, project, start, due, error);
  return cd_docs_finish (self, ok, error);
}

static CdBrief *
load_brief (CdStore *self, gint64 project_id, GError **error)
{
  sqlite3_stmt *stmt;
  CdBrief *brief = cd_brief_new (project_id);
  int rc;

  stmt = cd_store_prepare (self, "SELECT background, objectives, audience, deliverables, channels,"
                                 " budget_min_fen, budget_max_fen, event_date, launch_date, mandatory,"
                                 " approvals, (SELECT count(*) FROM attachment WHERE owner_table = 'brief'"
                                 " AND owner_id = ?1)"
                                 /* A file may be attached before any field is saved. */
                                 " FROM (SELECT ?1 AS id) p LEFT JOIN brief b ON b.project_id = p.id", error);
  if (stmt == NULL)
    {
      cd_brief_free (brief);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, project_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      brief->background = cd_docs_column_dup (stmt, 0);
      brief->objectives = cd_docs_column_dup (stmt, 1);
      brief->audience = cd_docs_column_dup (stmt, 2);
      brief->deliverables = cd_docs_column_dup (stmt, 3);
      brief->channels = cd_docs_column_dup (stmt, 4);
      brief->budget_min_fen = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 5);
      brief->budget_max_fen = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 6);
      brief->event_date = cd_docs_column_dup (stmt, 7);
      brief->launch_date = cd_docs_column_dup (stmt, 8);
      brief->mandatory = cd_docs_column_dup (stmt, 9);
      brief->approvals = cd_docs_column_dup (stmt, 10);
      brief->n_attachments = sqlite3_column_int64 (stmt, 11);
    }
  else if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading the brief"));
      g_clear_pointer (&brief, cd_brief_free);
    }
  sqlite3_reset (stmt);
  return brief;
}

CdBrief *
cd_store_brief_get (CdStore *self, gint64 project_id, GError **error)
{
  CdBrief *brief;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  brief = load_brief (self, project_id, error);
  cd_store_unlock (self);
  return brief;
}

static gboolean
check_brief (const CdBrief *brief, char **out_event, char **out_launch, GError **error)
{
  const char *texts[] = { brief->background, brief->objectives, brief->audience, brief->deliverables,
                          brief->channels, brief->mandatory, brief->approvals };
  const char *keys[] = { "background", "objectives", "audience", "deliverables", "channels",
                         "mandatory", "approvals" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!cd_docs_check_text (texts[i], cd_brief_field_label (keys[i]), 20000, FALSE, TRUE, error))
      return FALSE;
  if (brief->budget_min_fen >= 0 && brief->budget_max_fen >= 0
      && brief->budget_min_fen > brief->budget_max_fen)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The budget range ends below where it starts."));
      return FALSE;
    }
  if (!blank (brief->event_date)
      && (*out_event = cd_docs_resolve_date (brief->event_date, _("The event date"), error)) == NULL)
    return FALSE;
  if (!blank (brief->launch_date)
      && (*out_launch = cd_docs_resolve_date (brief->launch_date, _("The launch date"), error)) == NULL)
    return FALSE;
  return TRUE;
}

static void
bind_fen (sqlite3_stmt *stmt, int index, gint64 fen)
{
  if (fen >= 0)
    sqlite3_bind_int64 (stmt, index, fen);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
cd_store_brief_save (CdStore *self, const CdBrief *brief, GError **error)
{
  g_autofree char *event = NULL;
  g_autofree char *launch = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (brief != NULL, FALSE);

  if (!check_brief (brief, &event, &launch, error) || !cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "INSERT INTO brief (project_id, background, objectives, audience,"
                                 " deliverables, channels, budget_min_fen, budget_max_fen, event_date,"
                                 " launch_date, mandatory, approvals)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                                 " ON CONFLICT (project_id) DO UPDATE SET background = excluded.background,"
                                 " objectives = excluded.objectives, audience = excluded.audience,"
                                 " deliverables = excluded.deliverables, channels = excluded.channels,"
                                 " budget_min_fen = excluded.budget_min_fen,"
                                 " budget_max_fen = excluded.budget_max_fen,"
                                 " event_date = excluded.event_date, launch_date = excluded.launch_date,"
                                 " mandatory = excluded.mandatory, approvals = excluded.approvals", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, brief->project_id);
      cd_docs_bind_text (stmt, 2, brief->background);
      cd_docs_bind_text (stmt, 3, brief->objectives);
      cd_docs_bind_text (stmt, 4, brief->audience);
      cd_docs_bind_text (stmt, 5, brief->deliverables);
      cd_docs_bind_text (stmt, 6, brief->channels);
      bind_fen (stmt, 7, brief->budget_min_fen);
      bind_fen (stmt, 8, brief->budget_max_fen);
      cd_docs_bind_text (stmt, 9, event);
      cd_docs_bind_text (stmt, 10, launch);
      cd_docs_bind_text (stmt, 11, brief->mandatory);
      cd_docs_bind_text (stmt, 12, brief->approvals);
      ok = cd_docs_run (self, stmt, _("saving the brief"), error);
    }
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_brief_attach (CdStore *self, gint64 project_id, const char *filename, GBytes *content,
                       GError **error)
{
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer data;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (filename, _("The file name"), 255, TRUE, FALSE, error))
    return FALSE;
  data = content ? g_bytes_get_data (content, &size) : NULL;
  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "INSERT INTO attachment (owner_table, owner_id, filename, content)"
                                 " SELECT 'brief', ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM project WHERE id = ?1)",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_text (stmt, 2, filename, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (stmt, 3, data ? data : "", size, SQLITE_TRANSIENT);
      ok = cd_docs_run (self, stmt, _("attaching a file to the brief"), error);
    }
  return cd_docs_finish (self, ok, error);
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                          */

static gboolean
check_brief_complete (CdStore *self, gint64 project_id, GError **error)
{
  g_autoptr (CdBrief) brief = load_brief (self, project_id, error);
  g_autofree char *missing = NULL;

  if (brief == NULL)
    return FALSE;
  missing = cd_brief_describe_missing (brief);
  if (*missing == '\0')
    return TRUE;
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("The brief is not complete: %s. Fill them in before the project moves on."), missing);
  return FALSE;
}

static gboolean
move_project (CdStore *self, CdProject *project, const char *to, const char *reason, GError **error)
{
  g_autoptr (GError) state_error = NULL;
  sqlite3_stmt *stmt;

  if (!cd_state_check_move ("project", project->status, to, reason, &state_error))
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE, state_error->message);
      return FALSE;
    }
  if (g_str_equal (project->status, "brief") && !g_str_equal (to, "cancelled")
      && !check_brief_complete (self, project->id, error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE project SET status = ?2,"
                                 " cancel_reason = CASE WHEN ?2 = 'cancelled' THEN ?3 ELSE cancel_reason END"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project->id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 3, reason);
  return cd_docs_run (self, stmt, _("moving the project"), error);
}

/**
 * cd_store_project_check_brief:
 *
 * For every way a project leaves "brief" (a move by hand, the first quote):
 * TRUE when the project is past "brief" or its brief is complete; else
 * CD_STORE_ERROR_INVALID naming the missing fields (NOT_FOUND for no such
 * project). Reads only: call it inside the caller's transaction.
 */
gboolean
cd_store_project_check_brief (CdStore *self, gint64 project_id, GError **error)
{
  g_autoptr (CdProject) project = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  project = load_project (self, project_id, error);
  if (project == NULL)
    return FALSE;
  if (!g_str_equal (project->status, "brief"))
    return TRUE;
  return check_brief_complete (self, project_id, error);
}

gboolean
cd_store_project_move (CdStore *self, gint64 id, const char *to, const char *reason, GError **error)
{
  g_autoptr (CdProject) project = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!cd_docs_check_text (reason, _("The reason"), 2000, FALSE, TRUE, error))
    return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  project = load_project (self, id, error);
  ok = project != NULL && move_project (self, project, to, reason, error);
  return cd_docs_finish (self, ok, error);
}
