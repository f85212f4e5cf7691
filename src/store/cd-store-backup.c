/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backup with SQLite's online backup API (the app may be in use), and a
 * restore that validates before it replaces anything. */
#define G_LOG_DOMAIN "cd-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "store/cd-store-private.h"

static void
remove_with_sidecars (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  /* The copy is written in rollback-journal mode: a disk that fills up
   * half-way leaves its hot journal behind. */
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

static gboolean
copy_database (sqlite3 *from, int pages_per_step, const char *dest, GError **error)
{
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  /* Backups hold client files: created 0600 before SQLite writes them. */
  fd = g_open (dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot write “%s”: %s."), dest, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (dest, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup != NULL)
        {
          /* Small steps let writers in between. */
          do
            {
              rc = sqlite3_backup_step (backup, pages_per_step);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (20);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (to);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                 _("The backup to “%s” failed: %s."), dest,
                 to ? sqlite3_errmsg (to) : sqlite3_errstr (rc));
  sqlite3_close (to);
  return rc == SQLITE_OK;
}

/* SQLite's integrity check of the copy. Only a damaged file is refused:
 * a database that breaks a domain rule (which `check` reports) must still
 * be backed up as it is, or the backups would stop exactly when something
 * went wrong. */
static gboolean
copy_is_sound (CdStore *copy, char **out_problem)
{
  sqlite3_stmt *stmt = cd_store_prepare (copy, "PRAGMA integrity_check", NULL);
  gboolean sound = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      sound = g_strcmp0 (result, "ok") == 0;
      if (!sound)
        *out_problem = g_strdup (result);
    }
  sqlite3_reset (stmt);
  return sound;
}

/* A read-only connection of the backup's own. In WAL mode its read
 * transaction does not stop the app's connection from writing, so the copy
 * is made in one step (one consistent snapshot, never restarted by a
 * write) without holding the store's lock: the window stays usable while
 * a large file is copied. NULL when the file cannot be opened so. */
static sqlite3 *
open_source (CdStore *self)
{
  const char *path = cd_store_get_path (self);
  sqlite3 *db = NULL;

  if (path == NULL || path[0] == '\0'
      || sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/**
 * cd_store_backup:
 *
 * Copies the live database to @dest (mode 0600) through a temporary file
 * that is checked and then renamed, so @dest is either a sound backup or
 * untouched.
 */
gboolean
cd_store_backup (CdStore *self, const char *dest, GError **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".part", NULL);
  g_autoptr (CdStore) copy = NULL;
  g_autofree char *problem = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  source = open_source (self);
  if (source != NULL)
    {
      ok = copy_database (source, -1, tmp, error);
      sqlite3_close (source);
    }
  else
    {
      /* Small steps under the lock let the app's own work in between. */
      cd_store_lock (self);
      ok = copy_database (cd_store_get_db (self), 256, tmp, error);
      cd_store_unlock (self);
    }

  if (ok)
    {
      copy = cd_store_open (tmp, error);
      ok = copy != NULL && copy_is_sound (copy, &problem);
      if (copy != NULL && !ok)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                     _("The backup copy failed its integrity check (%s); nothing was kept."),
                     problem != NULL ? problem : "");
      /* A backup is one self-contained file: leave WAL mode so that closing
       * the check's connection leaves no -wal or -shm beside it. */
      if (copy != NULL)
        cd_store_exec (copy, "PRAGMA journal_mode = DELETE", NULL);
      g_clear_object (&copy);
    }
  if (ok && g_rename (tmp, dest) != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot write “%s”: %s."), dest, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    remove_with_sidecars (tmp);
  return ok;
}

static char *
kept_copy_name (const char *db_path)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
}

static gboolean
validate_source (const char *source, GError **error)
{
  int version;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("“%s” does not exist or is not a file."), source);
      return FALSE;
    }
  if (!cd_store_validate_file (source, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK,
                   _("“%s” is empty: it is not a ClientDesk backup."), source);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_store_restore:
 * @out_kept_copy: (out) (optional): where the replaced database was kept
 *
 * Validates @source (a ClientDesk database of a known schema that passes
 * its check), keeps the current database at @db_path as a dated copy, and
 * puts a copy of @source in its place. Nothing changes when @source is
 * refused. No store may be open on @db_path meanwhile.
 */
gboolean
cd_store_restore (const char *db_path, const char *source, char **out_kept_copy, GError **error)
{
  g_autoptr (CdStore) incoming = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *staged = g_strconcat (db_path, ".restoring", NULL);
  g_autofree char *kept = NULL;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL && source != NULL, FALSE);

  if (!validate_source (source, error))
    return FALSE;

  /* Check the backup on a private copy, never on the user's file. */
  {
    sqlite3 *src = NULL;

    if (sqlite3_open_v2 (source, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
      {
        sqlite3_close (src);
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK,
                     _("“%s” cannot be read as a database."), source);
        return FALSE;
      }
    ok = copy_database (src, 256, staged, error);
    sqlite3_close (src);
    if (!ok)
      {
        remove_with_sidecars (staged);
        return FALSE;
      }
  }

  incoming = cd_store_open (staged, error);
  if (incoming == NULL || !cd_store_check (incoming, &problems, NULL))
    {
      if (incoming != NULL)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                     _("“%s” fails its check (%s): nothing was restored."), source,
                     problems && problems->len ? (char *) problems->pdata[0] : "");
      g_clear_object (&incoming);
      remove_with_sidecars (staged);
      return FALSE;
    }
  g_clear_object (&incoming);

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      kept = kept_copy_name (db_path);
      if (g_rename (db_path, kept) != 0)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                       _("Cannot keep the current database as “%s”: %s."), kept,
                       g_strerror (errno));
          remove_with_sidecars (staged);
          return FALSE;
        }
      /* The closed database has no -wal left (the store checkpoints on
       * close); stale sidecars would be applied to the restored file. */
      {
        g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
        g_unlink (wal);
        g_unlink (shm);
      }
    }
  if (g_rename (staged, db_path) != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot put the restored database in place: %s."), g_strerror (errno));
      if (kept)
        g_rename (kept, db_path);
      return FALSE;
    }
  if (out_kept_copy)
    *out_kept_copy = g_steal_pointer (&kept);
  return TRUE;
}
