/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-reliability"

#include <errno.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "rel-util.h"

int
rel_raw_exec (const char *path, const char *sql, char **message)
{
  sqlite3 *db = NULL;
  char *error = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_exec (db, sql, NULL, NULL, &error);
    }
  if (message != NULL)
    *message = g_strdup (error ? error : sqlite3_errmsg (db));
  sqlite3_free (error);
  sqlite3_close (db);
  return rc;
}

static sqlite3_stmt *
raw_first_row (const char *path, const char *sql, sqlite3 **out_db)
{
  sqlite3_stmt *stmt = NULL;

  *out_db = NULL;
  if (sqlite3_open_v2 (path, out_db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (*out_db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_test_message ("raw query failed: %s", sqlite3_errmsg (*out_db));
      return NULL;
    }
  sqlite3_busy_timeout (*out_db, 5000);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

char *
rel_raw_text (const char *path, const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = raw_first_row (path, sql, &db);
  char *text = NULL;

  if (stmt != NULL && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strndup ((const char *) sqlite3_column_text (stmt, 0),
                      (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

gint64
rel_raw_int (const char *path, const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = raw_first_row (path, sql, &db);
  gint64 value = G_MININT64;

  if (stmt != NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

int
rel_run_cli (const char *const *args, char **out, char **err)
{
  const char *cli = g_getenv ("CLIENTDESK_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &stdout_text, &stderr_text, &wait_status, &error))
    {
      g_test_fail_printf ("could not run %s: %s", cli, error->message);
      return -1;
    }
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  if (WIFSIGNALED (wait_status))
    return 128 + WTERMSIG (wait_status);
  return -1;
}

char *
rel_make_temp_dir (const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("cd-%s-XXXXXX", name);
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (pattern, &error);

  g_assert_no_error (error);
  return dir;
}

void
rel_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* Tests make some folders read-only; give them back first. */
      g_chmod (child, 0700);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rel_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

gboolean
rel_copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &data, &length, NULL)
         && g_file_set_contents_full (to, data, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600,
                                      NULL);
}

char *
rel_build_path (const char *relative)
{
  const char *root = g_getenv ("CLIENTDESK_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

char *
rel_source_path (const char *relative)
{
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}
