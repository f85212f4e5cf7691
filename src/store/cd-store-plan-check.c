/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `check` for visit plans and meetings (issue 12): what the triggers
 * cannot see, or what someone may have done behind their back. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-store-meetings-private.h"

typedef struct
{
  const char *sql;      /* one row per offending record: label, then figures, as text */
  const char *message;  /* printf format over the three columns */
} Invariant;

static const Invariant invariants[] = {
  { "SELECT s.name || ' ' || p.start_date, e.date, v.date FROM visit_plan_entry e"
    " JOIN visit_plan p ON p.id = e.plan_id JOIN staff s ON s.id = p.staff_id"
    " JOIN visit v ON v.id = e.visit_id"
    " WHERE v.client_id <> e.client_id OR v.staff_id <> p.staff_id",
    N_("Visit plan %s: the visit planned for %s is matched to a visit (of %s) by another person or "
       "to another client.") },
  { "SELECT s.name || ' ' || p.start_date, e.date, p.end_date FROM visit_plan_entry e"
    " JOIN visit_plan p ON p.id = e.plan_id JOIN staff s ON s.id = p.staff_id"
    " WHERE e.date < p.start_date OR e.date > p.end_date",
    N_("Visit plan %s: a visit is planned for %s, outside the plan (which ends %s).") },
  { "SELECT m.number, w.number, coalesce ((SELECT number FROM meeting WHERE id = w.meeting_id), '-')"
    " FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id JOIN work_order w ON w.id = a.work_order_id"
    " WHERE w.meeting_id IS NOT a.meeting_id",
    N_("Meeting %s: its action item became work order %s, which names meeting %s instead.") },
  { "SELECT s.name || ' ' || p.start_date, p.status, '' FROM visit_plan p JOIN staff s ON s.id = p.staff_id"
    " WHERE p.status = 'reviewed' AND p.locked_hash IS NULL",
    N_("Visit plan %s is %s but has no hash of its locked content, so nothing shows that it is "
       "unchanged.") },
  { "SELECT s.name || ' ' || p.start_date, p.status, '' FROM visit_plan p JOIN staff s ON s.id = p.staff_id"
    " WHERE p.status <> 'reviewed' AND p.locked_hash IS NOT NULL",
    N_("Visit plan %s carries the hash of a locked record but is %s: it was unlocked outside "
       "ClientDesk.") },
};

static void
add_problem (GPtrArray *problems, const char *format, sqlite3_stmt *stmt)
{
  const char *a = (const char *) sqlite3_column_text (stmt, 0);
  const char *b = (const char *) sqlite3_column_text (stmt, 1);
  const char *c = (const char *) sqlite3_column_text (stmt, 2);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_ptr_array_add (problems, g_strdup_printf (_(format), a ? a : "", b ? b : "", c ? c : ""));
#pragma GCC diagnostic pop
}

/* Every reviewed plan's hash recomputed from the file. */
static gboolean
verify_hashes (CdStore *self, GPtrArray *problems, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = cd_store_prepare (self, "SELECT id FROM visit_plan WHERE status = 'reviewed'"
                                 " AND locked_hash IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *stored = cd_meet_text_for (self, "SELECT locked_hash FROM visit_plan WHERE id = ?1", id);
      g_autofree char *at = cd_meet_text_for (self, "SELECT reviewed_at FROM visit_plan WHERE id = ?1", id);
      g_autofree char *comment = cd_meet_text_for (self, "SELECT review_comment FROM visit_plan WHERE id = ?1", id);
      g_autofree char *label = cd_meet_text_for (self, "SELECT s.name || ' ' || p.start_date FROM visit_plan p"
                                                       " JOIN staff s ON s.id = p.staff_id WHERE p.id = ?1", id);
      gint64 reviewer = cd_meet_int_for (self, "SELECT reviewed_by FROM visit_plan WHERE id = ?1", id, 0);
      g_autofree char *hash = cd_store_visit_plan_canonical_hash (self, id, reviewer, at, comment, error);

      if (hash == NULL)
        return FALSE;
      if (g_strcmp0 (hash, stored) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Visit plan %s was changed after it was reviewed: its content "
                                            "no longer matches the hash taken when it was locked."),
                                          label ? label : ""));
    }
  return TRUE;
}

gboolean
cd_store_plans_check (CdStore *self, GPtrArray *problems, GError **error)
{
  if (cd_store_get_schema_version (self) < 5)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      sqlite3_stmt *stmt = cd_store_prepare (self, invariants[i].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_problem (problems, invariants[i].message, stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cd_store_set_error (self, error, rc, _("checking the database"));
          return FALSE;
        }
    }
  return verify_hashes (self, problems, error);
}
