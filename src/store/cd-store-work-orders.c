/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Work orders (工作单) to the creative department: issue, edit, move
 * through issued → in_progress → in_review → done | cancelled, revision
 * rounds (each review sent back is one) and the time spent. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-states.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-projects.h"

/* A work order longer than this many hours is a typing mistake. */
#define MAX_HOURS_AT_ONCE 1000

static const char * const departments[] = { "design", "copywriting", "production", "media", "other", NULL };
static const char * const department_labels[] = {
  N_("Design"), N_("Copywriting"), N_("Production"), N_("Media"), N_("Other"),
};

const char * const *
cd_work_order_departments (void)
{
  return departments;
}

const char *
cd_work_order_department_label (const char *department)
{
  for (guint i = 0; departments[i] != NULL; i++)
    if (g_strcmp0 (departments[i], department) == 0)
      return _(department_labels[i]);
  return department;
}

const char *
cd_work_order_priority_label (int priority)
{
  switch (priority)
    {
    case 1:
      return C_("priority", "High");
    case 3:
      return C_("priority", "Low");
    default:
      return C_("priority", "Normal");
    }
}

CdWorkOrder *
cd_work_order_new (void)
{
  CdWorkOrder *order = g_new0 (CdWorkOrder, 1);

  order->priority = 2;
  order->department = g_strdup ("design");
  return order;
}

void
cd_work_order_free (CdWorkOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->number);
  g_free (order->title);
  g_free (order->department);
  g_free (order->requirements);
  g_free (order->issued_date);
  g_free (order->due_date);
  g_free (order->status);
  g_free (order->done_date);
  g_free (order->project_number);
  g_free (order->project_name);
  g_free (order->client_name);
  g_free (order->assignee_name);
  g_free (order->issued_by_name);
  g_free (order);
}

void
cd_revision_free (CdRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->date);
  g_free (revision->reason);
  g_free (revision->requested_by);
  g_free (revision);
}

static gint64
column_id (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

static CdWorkOrder *
order_from_row (sqlite3_stmt *stmt)
{
  CdWorkOrder *order = cd_work_order_new ();

  order->id = sqlite3_column_int64 (stmt, 0);
  order->number = cd_docs_column_dup (stmt, 1);
  order->project_id = sqlite3_column_int64 (stmt, 2);
  order->title = cd_docs_column_dup (stmt, 3);
  g_free (order->department);
  order->department = cd_docs_column_dup (stmt, 4);
  order->assignee_id = column_id (stmt, 5);
  order->issued_by = column_id (stmt, 6);
  order->requirements = cd_docs_column_dup (stmt, 7);
  order->issued_date = cd_docs_column_dup (stmt, 8);
  order->due_date = cd_docs_column_dup (stmt, 9);
  order->priority = sqlite3_column_int (stmt, 10);
  order->status = cd_docs_column_dup (stmt, 11);
  order->done_date = cd_docs_column_dup (stmt, 12);
  order->spent_minutes = sqlite3_column_int64 (stmt, 13);
  order->project_number = cd_docs_column_dup (stmt, 14);
  order->project_name = cd_docs_column_dup (stmt, 15);
  order->client_name = cd_docs_column_dup (stmt, 16);
  order->assignee_name = cd_docs_column_dup (stmt, 17);
  order->issued_by_name = cd_docs_column_dup (stmt, 18);
  order->revisions = sqlite3_column_int (stmt, 19);
  return order;
}

static CdWorkOrder *
load_order (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  CdWorkOrder *order = NULL;
  int rc;

  stmt = cd_store_prepare (self, "SELECT w.id, w.number, w.project_id, w.title, w.department,"
                                 " w.assignee_id, w.issued_by, w.requirements, w.issued_date, w.due_date,"
                                 " w.priority, w.status, w.done_date, w.spent_minutes, p.number, p.name,"
                                 " c.name, a.name, i.name,"
                                 " (SELECT count(*) FROM work_order_revision r WHERE r.work_order_id = w.id)"
                                 " FROM work_order w JOIN project p ON p.id = w.project_id"
                                 " JOIN client c ON c.id = p.client_id"
                                 " LEFT JOIN staff a ON a.id = w.assignee_id"
                                 " LEFT JOIN staff i ON i.id = w.issued_by WHERE w.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    order = order_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no work order with id %" PRId64 "."), id);
  else
    cd_store_set_error (self, error, rc, _("reading a work order"));
  sqlite3_reset (stmt);
  return order;
}

CdWorkOrder *
cd_store_work_order_get (CdStore *self, gint64 id, GError **error)
{
  CdWorkOrder *order;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  order = load_order (self, id, error);
  cd_store_unlock (self);
  return order;
}

gint64
cd_store_work_order_find (CdStore *self, const char *number, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT id FROM work_order WHERE number = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, number ? number : "", -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else if (rc == SQLITE_DONE)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     _("There is no work order numbered “%s”."), number ? number : "");
      else
        cd_store_set_error (self, error, rc, _("finding a work order"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return id;
}

static gboolean
check_order (CdWorkOrder *order, char **out_issued, char **out_due, GError **error)
{
  if (!cd_docs_check_text (order->title, _("The title"), 300, TRUE, FALSE, error)
      || !cd_docs_check_text (order->requirements, _("The requirements"), 20000, FALSE, TRUE, error))
    return FALSE;
  if (order->project_id <= 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Choose the project of the work order."));
      return FALSE;
    }
  if (!g_strv_contains (departments, order->department ? order->department : ""))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Choose a department: design, copywriting, production, media or other."));
      return FALSE;
    }
  if (order->priority < 1 || order->priority > 3)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("The priority must be high, normal or low."));
      return FALSE;
    }
  if ((*out_issued = cd_docs_resolve_date (order->issued_date, _("The issue date"), error)) == NULL)
    return FALSE;
  if (order->due_date == NULL || *order->due_date == '\0')
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("The due date is required."));
      return FALSE;
    }
  if ((*out_due = cd_docs_resolve_date (order->due_date, _("The due date"), error)) == NULL)
    return FALSE;
  if (strcmp (*out_due, *out_issued) < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The due date %s is before the issue date %s."), *out_due, *out_issued);
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

static void
bind_fields (sqlite3_stmt *stmt, const CdWorkOrder *order, const char *issued, const char *due)
{
  sqlite3_bind_int64 (stmt, 2, order->project_id);
  sqlite3_bind_text (stmt, 3, order->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, order->department, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 5, order->assignee_id);
  cd_docs_bind_text (stmt, 6, order->requirements);
  sqlite3_bind_text (stmt, 7, issued, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, order->priority);
  sqlite3_bind_int64 (stmt, 10, MAX (order->spent_minutes, 0));
}

static gboolean
insert_order (CdStore *self, CdWorkOrder *order, const char *issued, const char *due, GError **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 issuer = order->issued_by > 0 ? order->issued_by : cd_store_get_actor (self);
  GDate day;

  cd_docs_parse_date (issued, &day);
  number = cd_store_next_number (self, "work_order", &day, error);
  if (number == NULL)
    return FALSE;
  stmt = cd_store_prepare (self, "INSERT INTO work_order (number, project_id, title, department,"
                                 " assignee_id, requirements, issued_date, due_date, priority,"
                                 " spent_minutes, issued_by, status)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'issued')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  bind_fields (stmt, order, issued, due);
  bind_id (stmt, 11, issuer);
  if (!cd_docs_run (self, stmt, _("issuing a work order"), error))
    return FALSE;
  order->id = cd_docs_last_id (self);
  g_free (order->number);
  order->number = g_steal_pointer (&number);
  g_free (order->status);
  order->status = g_strdup ("issued");
  return TRUE;
}

static gboolean
update_order (CdStore *self, CdWorkOrder *order, const char *issued, const char *due, GError **error)
{
  sqlite3_stmt *stmt;

  stmt = cd_store_prepare (self, "UPDATE work_order SET project_id = ?2, title = ?3, department = ?4,"
                                 " assignee_id = ?5, requirements = ?6, issued_date = ?7, due_date = ?8,"
                                 " priority = ?9, spent_minutes = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order->id);
  bind_fields (stmt, order, issued, due);
  if (!cd_docs_run (self, stmt, _("saving the work order"), error))
    return FALSE;
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no work order with id %" PRId64 "."), order->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_store_work_order_save (CdStore *self, CdWorkOrder *order, GError **error)
{
  g_autofree char *issued = NULL;
  g_autofree char *due = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (order != NULL, FALSE);

  if (!check_order (order, &issued, &due, error) || !cd_store_begin (self, error))
    return FALSE;
  ok = order->id == 0 ? insert_order (self, order, issued, due, error)
                      : update_order (self, order, issued, due, error);
  return cd_docs_finish (self, ok, error);
}

static gboolean
add_revision (CdStore *self, gint64 id, const char *date, const char *reason, const char *requested_by,
              GError **error)
{
  sqlite3_stmt *stmt;

  stmt = cd_store_prepare (self, "INSERT INTO work_order_revision (work_order_id, round, date, reason,"
                                 " requested_by) SELECT ?1, coalesce (max (round), 0) + 1, ?2, ?3, ?4"
                                 " FROM work_order_revision WHERE work_order_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 4, requested_by);
  return cd_docs_run (self, stmt, _("recording a revision round"), error);
}

static gboolean
move_order (CdStore *self, gint64 id, const char *to, const char *date, const char *reason,
            const char *requested_by, GError **error)
{
  g_autoptr (CdWorkOrder) order = load_order (self, id, error);
  g_autoptr (GError) state_error = NULL;
  gboolean revision;
  sqlite3_stmt *stmt;

  if (order == NULL)
    return FALSE;
  if (!cd_state_check_move ("work_order", order->status, to, NULL, &state_error))
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE, state_error->message);
      return FALSE;
    }
  revision = g_str_equal (order->status, "in_review") && g_str_equal (to, "in_progress");
  if (revision && !cd_docs_check_text (reason, _("The reason for the revision"), 2000, TRUE, TRUE, error))
    return FALSE;
  if (g_str_equal (to, "done") && strcmp (date, order->issued_date) < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The work order cannot be done on %s, before it was issued (%s)."), date, order->issued_date);
      return FALSE;
    }
  stmt = cd_store_prepare (self, "UPDATE work_order SET status = ?2,"
                                 " done_date = CASE WHEN ?2 = 'done' THEN ?3 ELSE done_date END"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("moving the work order"), error))
    return FALSE;
  return !revision || add_revision (self, id, date, reason, requested_by, error);
}

gboolean
cd_store_work_order_move (CdStore *self, gint64 id, const char *to, const char *date, const char *reason,
                          const char *requested_by, GError **error)
{
  g_autofree char *day = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if ((day = cd_docs_resolve_date (date, _("The date"), error)) == NULL
      || !cd_docs_check_text (requested_by, _("Requested by"), 200, FALSE, FALSE, error)
      || !cd_store_begin (self, error))
    return FALSE;
  ok = move_order (self, id, to, day, reason, requested_by, error);
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_work_order_parse_hours (const char *hours, gint64 *out_minutes, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (hours ? hours : ""));
  char *end = NULL;
  double value;

  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !(value >= 0) || value > MAX_HOURS_AT_ONCE)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a number of hours between 0 and %d (such as 1.5)."), text, MAX_HOURS_AT_ONCE);
      return FALSE;
    }
  /* Minutes, rounded half up: 0.01 h is 0.6 min → 1 min. */
  *out_minutes = (gint64) (value * 60.0 + 0.5);
  return TRUE;
}

gboolean
cd_store_work_order_add_time (CdStore *self, gint64 id, const char *hours, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 minutes;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_work_order_parse_hours (hours, &minutes, error) || !cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE work_order SET spent_minutes = spent_minutes + ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, minutes);
      ok = cd_docs_run (self, stmt, _("recording the time spent"), error);
    }
  if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no work order with id %" PRId64 "."), id);
      ok = FALSE;
    }
  return cd_docs_finish (self, ok, error);
}

GPtrArray *
cd_store_work_order_revisions (CdStore *self, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_revision_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT round, date, reason, requested_by FROM work_order_revision"
                                 " WHERE work_order_id = ?1 ORDER BY round", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdRevision *revision = g_new0 (CdRevision, 1);

      revision->round = sqlite3_column_int (stmt, 0);
      revision->date = cd_docs_column_dup (stmt, 1);
      revision->reason = cd_docs_column_dup (stmt, 2);
      revision->requested_by = cd_docs_column_dup (stmt, 3);
      g_ptr_array_add (revisions, revision);
    }
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading revision rounds"));
      return NULL;
    }
  return g_steal_pointer (&revisions);
}

GVariant *
cd_store_staff_for (CdStore *self, gboolean account, GError **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT id, name, role, department FROM staff WHERE active = 1"
                                 " AND ((?1 AND role IN ('director', 'account_manager', 'account_executive'))"
                                 " OR (NOT ?1 AND department IN ('creative', 'production', 'media')))"
                                 " ORDER BY name", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, account ? 1 : 0);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&builder, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      cd_store_set_error (self, error, rc, _("reading the staff"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}
