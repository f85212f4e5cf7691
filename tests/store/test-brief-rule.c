/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project moves to quoting only with a complete brief, and from schema 6
 * the database keeps the rule too: raw SQL cannot move a project with an
 * incomplete brief, by the very definition the store uses
 * (cd_brief_missing_fields ()), case by case; the store's own message,
 * which names the missing fields, still comes first; a cancel and the
 * later moves are not the trigger's business; and the demo's projects past
 * their brief have complete briefs. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "store/cd-demo.h"
#include "store/cd-store-private.h"
#include "store/cd-store-projects.h"
#include "store/cd-store-quotes.h"

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
} Fixture;

static const char seed_sql[] =
  "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
  "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);";

/* The VALUES of a complete brief for project ?: each case below changes one
 * thing of it. */
#define COMPLETE "'新品上市', '提升知名度', '白领', '海报', '微信', 10000000, 20000000, NULL, '2026-04-15'," \
                 " '品牌标志', '市场总监'"

typedef struct
{
  const char *what;
  const char *values;   /* NULL: no brief saved at all */
  gboolean    complete;
} BriefCase;

static const BriefCase cases[] = {
  { "no brief saved", NULL, FALSE },
  { "every field filled", COMPLETE, TRUE },
  { "background blank", "NULL, '提升知名度', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "objectives spaces", "'新品上市', ' \t\r\n\f', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "audience empty", "'新品上市', '提升知名度', '', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "deliverables newline", "'新品上市', '提升知名度', '白领', '\n\n', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "channels blank", "'新品上市', '提升知名度', '白领', '海报', NULL, 1, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "budget without a low end", "'新品上市', '提升知名度', '白领', '海报', '微信', NULL, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "budget without a high end", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, NULL, NULL, '2026-04-15', '品牌标志', '市场总监'", FALSE },
  { "budget of zero", "'新品上市', '提升知名度', '白领', '海报', '微信', 0, 0, NULL, '2026-04-15', '品牌标志', '市场总监'", TRUE },
  { "no key date", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, NULL, NULL, '品牌标志', '市场总监'", FALSE },
  { "key date blank", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, ' ', '', '品牌标志', '市场总监'", FALSE },
  { "event date only", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, '2026-05-01', NULL, '品牌标志', '市场总监'", TRUE },
  { "mandatory blank", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '\t', '市场总监'", FALSE },
  { "approvals blank", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', NULL", FALSE },
  /* Not blank to g_ascii_isspace (), so not to the trigger either. */
  { "approvals a vertical tab", "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', char (11)", TRUE },
  { "background an ideographic space", "'　', '提升知名度', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', '市场总监'", TRUE },
};

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cd-brief-rule-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    return;   /* the demo fills the file */
  g_assert_true (cd_store_exec (f->store, seed_sql, &error));
  g_assert_no_error (error);
  cd_store_set_actor (f->store, 1);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Raw SQL against the file, as another program would write it. */
static int
raw_exec (const char *path, const char *sql, char **message)
{
  sqlite3 *db = NULL;
  int rc;

  sqlite3_open (path, &db);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
}

static gint64
count (CdStore *store, const char *sql)
{
  return cd_store_query_int (store, sql, NULL);
}

static char *
status_of (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdProject) project = cd_store_project_get (f->store, id, &error);

  g_assert_no_error (error);
  return project ? g_strdup (project->status) : NULL;
}

/* Project @id at its brief, with the brief of @values (none when NULL). */
static void
add_project (Fixture *f, gint64 id, const char *values)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *project = g_strdup_printf (
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    " VALUES (%" G_GINT64_FORMAT ", 'XM202603-%04" G_GINT64_FORMAT "', 1, '发布会', 'brief', '2026-03-02')",
    id, id);
  g_autofree char *brief = NULL;

  g_assert_true (cd_store_exec (f->store, project, &error));
  g_assert_no_error (error);
  if (values == NULL)
    return;
  brief = g_strdup_printf ("INSERT INTO brief (project_id, background, objectives, audience, deliverables,"
                           " channels, budget_min_fen, budget_max_fen, event_date, launch_date, mandatory,"
                           " approvals) VALUES (%" G_GINT64_FORMAT ", %s)", id, values);
  g_assert_true (cd_store_exec (f->store, brief, &error));
  g_assert_no_error (error);
}

static gboolean
complete_by_the_store (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdBrief) brief = cd_store_brief_get (f->store, id, &error);
  g_auto (GStrv) missing = NULL;

  g_assert_no_error (error);
  missing = cd_brief_missing_fields (brief);
  return g_strv_length (missing) == 0;
}

static void
test_raw_move_to_quoting_needs_a_complete_brief (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = (gint64) i + 1;
      g_autofree char *sql = g_strdup_printf ("UPDATE project SET status = 'quoting' WHERE id = %" G_GINT64_FORMAT,
                                              id);
      g_autofree char *status = NULL;
      char *message = NULL;
      int rc;

      add_project (f, id, cases[i].values);
      /* The trigger and the store agree on what a complete brief is. */
      if (complete_by_the_store (f, id) != cases[i].complete)
        g_test_fail_printf ("%s: the store reads it as %s", cases[i].what,
                            cases[i].complete ? "incomplete" : "complete");
      rc = raw_exec (f->path, sql, &message);
      g_test_message ("%s → %d %s", cases[i].what, rc, message ? message : "");
      status = status_of (f, id);
      if (cases[i].complete)
        {
          if (rc != SQLITE_OK)
            g_test_fail_printf ("%s: refused (%s)", cases[i].what, message);
          g_assert_cmpstr (status, ==, "quoting");
        }
      else
        {
          if (rc == SQLITE_OK)
            g_test_fail_printf ("%s: moved to quoting", cases[i].what);
          else if (message == NULL || strstr (message, "clientdesk:brief:project") == NULL)
            g_test_fail_printf ("%s: refused for another reason (%s)", cases[i].what, message);
          g_assert_cmpstr (status, ==, "brief");
        }
      sqlite3_free (message);
    }
  /* Refused moves wrote nothing, not even to the audit log. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'project'"
                                    " AND action = 'update'"), ==,
                   count (f->store, "SELECT count(*) FROM project WHERE status = 'quoting'"));
}

static void
test_the_stores_message_comes_first (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;

  add_project (f, 1, "'新品上市', '提升知名度', '白领', '海报', '微信', 1, 2, NULL, '2026-04-15', '品牌标志', NULL");
  /* A move by hand and the first quote: the store names what is missing. */
  g_assert_false (cd_store_project_move (f->store, 1, "quoting", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (error ? strstr (error->message, "The brief is not complete: Approvals needed.") : NULL);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_quote_create (f->store, 1, "2026-03-05", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (error ? strstr (error->message, "Approvals needed") : NULL);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM quote"), ==, 0);

  /* Around the store's check, through its connection: the trigger's
   * sentence, which cannot name the fields. */
  g_assert_false (cd_store_exec (f->store, "UPDATE project SET status = 'quoting' WHERE id = 1", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (error ? strstr (error->message, "fill in every required field before the project moves "
                                                    "to quoting") : NULL);
  g_clear_error (&error);
  status = status_of (f, 1);
  g_assert_cmpstr (status, ==, "brief");

  /* Completed, the first quote moves it on. */
  g_assert_true (cd_store_exec (f->store, "UPDATE brief SET approvals = '市场总监' WHERE project_id = 1", &error));
  g_assert_cmpint (cd_store_quote_create (f->store, 1, "2026-03-05", &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&status, g_free);
  status = status_of (f, 1);
  g_assert_cmpstr (status, ==, "quoting");
}

static void
test_only_the_move_to_quoting_needs_the_brief (Fixture *f, gconstpointer data)
{
  g_autofree char *status = NULL;
  char *message = NULL;

  add_project (f, 1, NULL);
  /* A cancel from the brief needs only its reason. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE project SET status = 'cancelled', cancel_reason = '客户取消'"
                                      " WHERE id = 1", &message), ==, SQLITE_OK);
  g_assert_null (message);
  status = status_of (f, 1);
  g_assert_cmpstr (status, ==, "cancelled");

  /* A project written straight into a later state (an import, a bulk
   * writer) and its later moves are not moves out of the brief. */
  g_assert_cmpint (raw_exec (f->path,
                             "INSERT INTO project (id, number, client_id, name, status, start_date)"
                             "  VALUES (2, 'XM202603-0002', 1, '年会', 'quoting', '2026-03-02');"
                             "UPDATE project SET status = 'contracted' WHERE id = 2;"
                             "UPDATE project SET status = 'in_production' WHERE id = 2;", &message),
                   ==, SQLITE_OK);
  g_assert_null (message);
  g_clear_pointer (&status, g_free);
  status = status_of (f, 2);
  g_assert_cmpstr (status, ==, "in_production");

  /* A move the machine refuses says so, brief or not. */
  add_project (f, 3, NULL);
  g_assert_cmpint (raw_exec (f->path, "UPDATE project SET status = 'delivered' WHERE id = 3", &message),
                   !=, SQLITE_OK);
  g_assert_nonnull (message);
  g_assert_nonnull (message ? strstr (message, "clientdesk:state:project") : NULL);
  sqlite3_free (message);
}

static void
test_demo_projects_past_the_brief_have_complete_briefs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;
  GDate today;
  guint checked = 0;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  g_assert_true (cd_demo_generate (f->store, CD_DEMO_SMALL, 20261125, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Past the brief: in a later state, or cancelled after a quote. */
  stmt = cd_store_prepare (f->store, "SELECT id FROM project WHERE status IN ('quoting', 'contracted',"
                                     " 'in_production', 'delivered', 'closed') OR (status = 'cancelled'"
                                     " AND EXISTS (SELECT 1 FROM quote q WHERE q.project_id = project.id))",
                           &error);
  g_assert_nonnull (stmt);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!complete_by_the_store (f, id))
        g_test_fail_printf ("demo project %" G_GINT64_FORMAT " is past its brief with the brief incomplete", id);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 100);
  /* And the demo's projects still at their brief can move on. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM project WHERE status = 'brief'"), >, 0);
  g_assert_true (cd_store_exec (f->store, "UPDATE project SET status = 'quoting' WHERE status = 'brief'", &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/project/raw-move-to-quoting-needs-a-complete-brief", test_raw_move_to_quoting_needs_a_complete_brief);
  ADD ("/store/project/the-stores-message-naming-the-fields-comes-first", test_the_stores_message_comes_first);
  ADD ("/store/project/only-the-move-from-brief-to-quoting-needs-the-brief",
       test_only_the_move_to_quoting_needs_the_brief);
#undef ADD
  g_test_add ("/store/project/demo-projects-past-the-brief-have-complete-briefs", Fixture, "demo",
              fixture_setup, test_demo_projects_past_the_brief_have_complete_briefs, fixture_teardown);
  return g_test_run ();
}
