/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Automatic backups: a checked copy, 0600 in a 0700 folder, at most one a
 * day, only the newest N of this database kept, nothing else in the folder
 * ever touched, a failure reported. */
#define G_LOG_DOMAIN "cd-test"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "store/cd-store-backup-rotation.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  char    *backups;
  CdStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-rotation-XXXXXX", NULL);
  f->backups = g_build_filename (f->dir, "backups", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  cd_store_exec (f->store, "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager')", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->backups);
  g_free (f->dir);
}

static GDateTime *
day (int n)
{
  return g_date_time_new_utc (2026, 3, 1 + n, 9, 30, 0);
}

static guint
count_backups (Fixture *f)
{
  g_autoptr (GDir) d = g_dir_open (f->backups, 0, NULL);
  guint n = 0;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "agency-auto-"))
      n++;
  return n;
}

static void
test_checked_private_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = day (0);
  g_autofree char *written = NULL;
  g_autofree char *expected = g_build_filename (f->backups, "agency-auto-20260301T093000Z.db", NULL);
  struct stat st;
  int version = 0;

  g_assert_true (cd_store_backup_rotate (f->store, f->backups, 3, CD_BACKUP_INTERVAL, now, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (g_stat (written, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (cd_store_validate_file (written, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, CD_STORE_SCHEMA_VERSION);
}

static void
test_once_a_day (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) first = day (0);
  g_autoptr (GDateTime) later_that_day = g_date_time_add_hours (first, 5);
  g_autoptr (GDateTime) next_day = g_date_time_add_hours (first, 25);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_true (cd_store_backup_rotate (f->store, f->backups, 7, CD_BACKUP_INTERVAL, first, &a, NULL, NULL));
  g_assert_nonnull (a);
  g_assert_true (cd_store_backup_rotate (f->store, f->backups, 7, CD_BACKUP_INTERVAL, later_that_day, &b, NULL, NULL));
  g_assert_null (b);
  g_assert_true (cd_store_backup_rotate (f->store, f->backups, 7, CD_BACKUP_INTERVAL, next_day, &c, NULL, NULL));
  g_assert_nonnull (c);
  g_assert_cmpuint (count_backups (f), ==, 2);
}

static void
test_keeps_newest (Fixture *f, gconstpointer data)
{
  guint removed = 0;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr (GDateTime) now = day (i);
      g_assert_true (cd_store_backup_rotate (f->store, f->backups, 3, CD_BACKUP_INTERVAL, now, NULL, &removed, NULL));
      g_assert_cmpuint (removed, ==, i >= 3 ? 1 : 0);
    }
  g_assert_cmpuint (count_backups (f), ==, 3);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("agency-auto-202603%02dT093000Z.db", 1 + i);
      g_autofree char *path = g_build_filename (f->backups, name, NULL);
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, i >= 2);
    }
  /* A smaller setting takes effect at the next rotation. */
  {
    g_autoptr (GDateTime) now = day (6);
    g_assert_true (cd_store_backup_rotate (f->store, f->backups, 1, CD_BACKUP_INTERVAL, now, NULL, &removed, NULL));
    g_assert_cmpuint (removed, ==, 3);
    g_assert_cmpuint (count_backups (f), ==, 1);
  }
}

static void
test_other_files_untouched (Fixture *f, gconstpointer data)
{
  const char *others[] = { "manual.db", "other-auto-20200101T000000Z.db", "agency-auto-notes.txt",
                           "agency-auto-2020.db" };
  g_autofree char *stale = g_build_filename (f->backups, "agency-auto-20200101T000000Z.db.part", NULL);

  g_mkdir_with_parents (f->backups, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->backups, others[i], NULL);
      g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
    }
  g_assert_true (g_file_set_contents (stale, "half a backup", -1, NULL));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (GDateTime) now = day (i);
      g_assert_true (cd_store_backup_rotate (f->store, f->backups, 1, CD_BACKUP_INTERVAL, now, NULL, NULL, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->backups, others[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  /* What a crashed backup left behind is not a backup. */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_backups (f), ==, 1 + 2);
}

static void
test_failure_reported (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *blocked = g_build_filename (f->dir, "not-a-folder", NULL);

  g_assert_true (g_file_set_contents (blocked, "a file", -1, NULL));
  g_assert_false (cd_store_backup_rotate (f->store, blocked, 3, CD_BACKUP_INTERVAL, NULL, NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO);
}

/* A domain rule broken (which `check` reports) is no reason to stop
 * backing up: only a damaged file is. */
static void
test_backs_up_despite_domain_problems (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) copy = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *written = NULL;

  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO client (id, name, status) VALUES (1, '上海星河饮料有限公司', 'active');"
    "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
    "  VALUES (1, 'XM202602-0001', 1, '春季新品发布', 'in_production', 1, '2026-02-01');", &error));
  g_assert_no_error (error);
  g_assert_false (cd_store_check (f->store, &problems, NULL));
  g_assert_true (cd_store_backup_rotate (f->store, f->backups, 3, 0, NULL, &written, NULL, &error));
  g_assert_no_error (error);
  copy = written != NULL ? cd_store_open (written, &error) : NULL;
  g_assert_nonnull (copy);
  if (copy != NULL)
    g_assert_cmpint (cd_store_query_int (copy, "SELECT count(*) FROM project", NULL), ==, 1);
}

static void
on_rotated_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  char **out = data;
  g_autoptr (GError) error = NULL;

  *out = cd_store_backup_rotate_finish (CD_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autofree char *written = NULL;

  cd_store_backup_rotate_async (f->store, f->backups, 2, CD_BACKUP_INTERVAL, NULL, on_rotated_cb, &written);
  for (int i = 0; written == NULL && i < 1000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (written);
  g_assert_true (written != NULL && g_file_test (written, G_FILE_TEST_EXISTS));
}

static void
test_default_dir (void)
{
  g_autofree char *dir = cd_store_backup_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "clientdesk", "backups", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/backup-rotation/writes-a-checked-copy-only-its-user-can-read", test_checked_private_copy);
  ADD ("/store/backup-rotation/at-most-one-backup-a-day", test_once_a_day);
  ADD ("/store/backup-rotation/keeps-the-newest-n", test_keeps_newest);
  ADD ("/store/backup-rotation/never-deletes-other-files", test_other_files_untouched);
  ADD ("/store/backup-rotation/a-failure-is-reported", test_failure_reported);
  ADD ("/store/backup-rotation/backs-up-a-database-that-breaks-a-domain-rule", test_backs_up_despite_domain_problems);
  ADD ("/store/backup-rotation/runs-off-the-ui-thread", test_async);
#undef ADD
  g_test_add_func ("/store/backup-rotation/default-folder-is-in-the-user-data-dir", test_default_dir);
  return g_test_run ();
}
