/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database file as a whole: init, demo, check, backup, restore. */
#define G_LOG_DOMAIN "cd-cli-test"

#include <string.h>
#include <locale.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cd-cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* One demo database for the tests that only read it (demo takes a while,
 * more so under the sanitizers). */
static char *demo_dir;
static char *demo_db;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cd_make_temp_dir ();
  fixture->db = g_build_filename (fixture->dir, "clientdesk.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cd_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_init_creates_a_private_file_once (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(CdRun) first = cd_run_cli ("--db", fixture->db, "init", NULL);
  g_autoptr(CdRun) second = NULL;
  g_autoptr(CdRun) check = NULL;
  g_autofree char *before = NULL, *after = NULL;
  GStatBuf st;

  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpstr (first->err, ==, "");
  g_assert_cmpint (g_stat (fixture->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  before = cd_file_checksum (fixture->db);
  second = cd_run_cli ("--db", fixture->db, "init", NULL);
  after = cd_file_checksum (fixture->db);
  g_assert_cmpint (second->status, ==, 0);
  g_assert_nonnull (strstr (second->out, "nothing was changed"));
  g_assert_cmpstr (before, ==, after);

  check = cd_run_cli ("--db", fixture->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpstr (check->out, ==, "ok\n");
}

static void
assert_refused_untouched (const char *dir,
                          const char *db,
                          const char *command)
{
  g_autofree char *before = cd_file_checksum (db);
  guint files = count_files (dir);
  g_autoptr(CdRun) run = cd_run_cli ("--db", db, command, NULL);
  g_autofree char *after = cd_file_checksum (db);

  cd_assert_refused (run);
  g_assert_nonnull (before);
  g_assert_cmpstr (before, ==, after);
  /* No -journal, -wal or -shm left next to it either. */
  g_assert_cmpuint (count_files (dir), ==, files);
}

static void
test_init_refuses_garbage (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) garbage = g_string_new (NULL);

  for (int i = 0; i < 300; i++)
    g_string_append_printf (garbage, "line %d of something that is not a database\n", i);
  g_assert_true (g_file_set_contents (fixture->db, garbage->str, garbage->len, NULL));

  assert_refused_untouched (fixture->dir, fixture->db, "init");
  assert_refused_untouched (fixture->dir, fixture->db, "check");
  assert_refused_untouched (fixture->dir, fixture->db, "demo");
}

/* The fixture is another program's SQLite file; only the test writes this
 * SQL, to have something that is SQLite but not ClientDesk. */
static void
write_foreign_sqlite (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 2;"
                                 "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                 "INSERT INTO notes (body) VALUES ('someone else''s data');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_init_refuses_another_programs_sqlite_file (Fixture       *fixture,
                                                gconstpointer  data)
{
  write_foreign_sqlite (fixture->db);

  assert_refused_untouched (fixture->dir, fixture->db, "init");
  assert_refused_untouched (fixture->dir, fixture->db, "check");
  assert_refused_untouched (fixture->dir, fixture->db, "demo");
}

static void
test_default_path_follows_environment (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *env_db = g_build_filename (fixture->dir, "from-env.db", NULL);
  g_autofree char *xdg = g_build_filename (fixture->dir, "xdg", NULL);
  g_autofree char *xdg_db = g_build_filename (xdg, "clientdesk", "clientdesk.db", NULL);
  g_autofree char *set_db = g_strconcat ("CLIENTDESK_DB=", env_db, NULL);
  g_autofree char *set_xdg = g_strconcat ("XDG_DATA_HOME=", xdg, NULL);
  const char *const with_env[] = { set_db, set_xdg, NULL };
  const char *const with_xdg[] = { "CLIENTDESK_DB", set_xdg, NULL };
  g_autoptr(CdRun) by_env = cd_run_cli_env (with_env, "init", NULL);
  g_autoptr(CdRun) by_xdg = NULL;

  g_assert_cmpint (by_env->status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (xdg_db, G_FILE_TEST_EXISTS));

  by_xdg = cd_run_cli_env (with_xdg, "init", NULL);
  g_assert_cmpint (by_xdg->status, ==, 0);
  g_assert_true (g_file_test (xdg_db, G_FILE_TEST_IS_REGULAR));
}

static void
test_missing_database_is_refused_not_created (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autoptr(CdRun) check = cd_run_cli ("--db", fixture->db, "check", NULL);
  g_autoptr(CdRun) list = cd_run_cli ("--db", fixture->db, "list", "clients", "--json", NULL);
  g_autoptr(CdRun) backup = cd_run_cli ("--db", fixture->db, "backup", "-o", out, NULL);

  cd_assert_refused (check);
  cd_assert_refused (list);
  cd_assert_refused (backup);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

static void
test_demo_refuses_bad_options_and_writes_nothing (Fixture       *fixture,
                                                  gconstpointer  data)
{
  static const char *const cases[][2] = {
    { "--scale", "huge" }, { "--seed", "-1" }, { "--seed", "4294967296" },
    { "--seed", "12abc" }, { "--seed", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdRun) run = cd_run_cli ("--db", fixture->db, "demo",
                                         cases[i][0], cases[i][1], NULL);
      cd_assert_refused (run);
    }
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

static void
test_check_passes_on_demo_data (void)
{
  g_autoptr(CdRun) run = cd_run_cli ("--db", demo_db, "check", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "ok\n");
}

static void
test_demo_refuses_a_database_with_data (void)
{
  g_autofree char *before = cd_file_checksum (demo_db);
  g_autoptr(CdRun) run = cd_run_cli ("--db", demo_db, "demo", "--seed", "7", NULL);
  g_autofree char *after = cd_file_checksum (demo_db);

  cd_assert_refused (run);
  g_assert_cmpstr (before, ==, after);
}

static void
test_backup_passes_check (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "archive 2026Q1.db", NULL);
  g_autoptr(CdRun) backup = cd_run_cli ("--db", demo_db, "backup", "-o", out, NULL);
  g_autoptr(CdRun) check = cd_run_cli ("--db", out, "check", NULL);
  g_autoptr(CdRun) itself = cd_run_cli ("--db", demo_db, "backup", "--output", demo_db, NULL);

  g_assert_cmpint (backup->status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpstr (check->out, ==, "ok\n");
  cd_assert_refused (itself);
}

static void
test_restore_refuses_garbage (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *before = cd_file_checksum (demo_db);
  g_autofree char *demo_folder = g_path_get_dirname (demo_db);
  guint files = count_files (demo_folder);
  g_autoptr(CdRun) run = NULL;
  g_autoptr(CdRun) none = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (garbage, "SQLite format 3\0garbage", 23, NULL));
  run = cd_run_cli ("--db", demo_db, "restore", garbage, NULL);
  none = cd_run_cli ("--db", demo_db, "restore", missing, NULL);
  after = cd_file_checksum (demo_db);

  cd_assert_refused (run);
  cd_assert_refused (none);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (demo_folder), ==, files);
}

static void
test_restore_keeps_the_previous_database (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "current.db", NULL);
  g_autoptr(CdRun) backup = cd_run_cli ("--db", demo_db, "backup", "-o", copy, NULL);
  g_autoptr(CdRun) init = cd_run_cli ("--db", db, "init", NULL);
  g_autoptr(CdRun) restore = NULL;
  g_autoptr(CdRun) check = NULL;
  g_autoptr(CdRun) clients = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint kept = 0;

  g_assert_cmpint (backup->status, ==, 0);
  g_assert_cmpint (init->status, ==, 0);
  restore = cd_run_cli ("--db", db, "restore", copy, NULL);
  g_assert_cmpint (restore->status, ==, 0);

  /* The old (empty) database is somewhere new, and the message says where. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "copy.db") && !g_str_equal (name, "current.db")
        && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      {
        kept++;
        g_assert_nonnull (strstr (restore->out, name));
      }
  g_assert_cmpuint (kept, ==, 1);

  check = cd_run_cli ("--db", db, "check", NULL);
  g_assert_cmpstr (check->out, ==, "ok\n");
  clients = cd_run_cli ("--db", db, "list", "clients", "--json", NULL);
  g_assert_cmpint (clients->status, ==, 0);
  g_assert_true (g_str_has_prefix (clients->out, "[\n{"));
}

static gboolean
make_demo_database (void)
{
  g_autoptr(CdRun) run = NULL;

  demo_dir = cd_make_temp_dir ();
  demo_db = g_build_filename (demo_dir, "demo.db", NULL);
  run = cd_run_cli ("--db", demo_db, "demo", "--scale", "small", "--seed", "3", NULL);
  if (run->status != 0)
    g_test_message ("demo failed (%d): %s", run->status, run->err);
  return run->status == 0 && g_str_equal (run->err, "");
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Test messages carry Chinese text: let GLib print it as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/cli/init/creates-a-0600-file-and-then-changes-nothing", Fixture, NULL,
              fixture_set_up, test_init_creates_a_private_file_once, fixture_tear_down);
  g_test_add ("/cli/init/refuses-garbage-and-leaves-it-untouched", Fixture, NULL,
              fixture_set_up, test_init_refuses_garbage, fixture_tear_down);
  g_test_add ("/cli/init/refuses-another-programs-sqlite-file-untouched", Fixture, NULL,
              fixture_set_up, test_init_refuses_another_programs_sqlite_file, fixture_tear_down);
  g_test_add ("/cli/init/default-path-follows-the-environment", Fixture, NULL,
              fixture_set_up, test_default_path_follows_environment, fixture_tear_down);
  g_test_add ("/cli/db/missing-database-is-refused-not-created", Fixture, NULL,
              fixture_set_up, test_missing_database_is_refused_not_created, fixture_tear_down);
  g_test_add ("/cli/demo/bad-options-are-refused-before-anything-is-written", Fixture, NULL,
              fixture_set_up, test_demo_refuses_bad_options_and_writes_nothing,
              fixture_tear_down);
  g_test_add_func ("/cli/check/passes-on-demo-data", test_check_passes_on_demo_data);
  g_test_add_func ("/cli/demo/refuses-a-database-that-holds-data",
                   test_demo_refuses_a_database_with_data);
  g_test_add ("/cli/backup/writes-a-file-that-passes-check", Fixture, NULL,
              fixture_set_up, test_backup_passes_check, fixture_tear_down);
  g_test_add ("/cli/restore/refuses-garbage-and-keeps-the-database", Fixture, NULL,
              fixture_set_up, test_restore_refuses_garbage, fixture_tear_down);
  g_test_add ("/cli/restore/puts-a-backup-back-and-says-where-the-old-one-is", Fixture, NULL,
              fixture_set_up, test_restore_keeps_the_previous_database, fixture_tear_down);

  if (!make_demo_database ())
    g_test_message ("the demo database could not be made; the tests that read it will fail");
  status = g_test_run ();
  cd_remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_db);
  return status;
}
