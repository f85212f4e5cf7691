/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Automatic backups and their rotation. The backup itself is
 * cd_store_backup () (online backup API, integrity and domain check of the
 * copy, 0600, temporary file renamed); this file decides when one is due,
 * names it, and deletes the oldest of the same database beyond the number
 * to keep — only after a new one succeeded, and only files whose name it
 * made. Timestamps in names are UTC so that the names sort by time across
 * daylight-saving changes. */
#define G_LOG_DOMAIN "cd-store"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/cd-store-backup-rotation.h"

#define STAMP_LEN 16 /* YYYYMMDDTHHMMSSZ */

char *
cd_store_backup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "clientdesk", "backups", NULL);
}

/* "clientdesk.db" → "clientdesk-auto-": a name any file system takes. */
static char *
backup_prefix (CdStore *self)
{
  const char *path = cd_store_get_path (self);
  g_autofree char *base = g_path_get_basename (path != NULL && path[0] != '\0' ? path : "clientdesk.db");
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (char *p = base; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '_';
  return g_strconcat (base, "-auto-", NULL);
}

static gboolean
is_stamp (const char *text)
{
  for (int i = 0; i < STAMP_LEN; i++)
    {
      gboolean ok = i == 8 ? text[i] == 'T' : i == 15 ? text[i] == 'Z' : g_ascii_isdigit (text[i]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* This database's automatic backups in @dir, oldest first; stale
 * temporary files of a crashed backup are removed on the way. */
static GPtrArray *
list_backups (const char *dir, const char *prefix, GError **error)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, error);
  GPtrArray *names;
  const char *name;
  gsize len = strlen (prefix);

  if (d == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix) || strlen (name) < len + STAMP_LEN + 3
          || !is_stamp (name + len))
        continue;
      if (g_str_equal (name + len + STAMP_LEN, ".db"))
        g_ptr_array_add (names, g_strdup (name));
      else if (g_str_has_prefix (name + len + STAMP_LEN, ".db.part"))
        {
          g_autofree char *stale = g_build_filename (dir, name, NULL);
          g_unlink (stale);
        }
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

static GDateTime *
stamp_time (const char *stamp)
{
  int y, mo, d, h, mi, s;

  if (sscanf (stamp, "%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

static gboolean
is_due (GPtrArray *names, gsize prefix_len, GTimeSpan interval, GDateTime *now)
{
  g_autoptr (GDateTime) newest = NULL;

  if (names->len == 0 || interval <= 0)
    return TRUE;
  newest = stamp_time ((char *) names->pdata[names->len - 1] + prefix_len);
  /* A stamp in the future (a clock set back) must not stop backups. */
  return newest == NULL || g_date_time_difference (now, newest) >= interval
         || g_date_time_difference (now, newest) < 0;
}

static guint
prune (const char *dir, GPtrArray *names, guint keep)
{
  guint removed = 0;

  for (guint i = 0; names->len > keep && i < names->len - keep; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_unlink (path) == 0)
        removed++;
      else
        g_warning ("Could not delete the old backup %s: %s", path, g_strerror (errno));
    }
  return removed;
}

gboolean
cd_store_backup_rotate (CdStore     *self,
                        const char  *dir,
                        guint        keep,
                        GTimeSpan    interval,
                        GDateTime   *now,
                        char       **out_written,
                        guint       *out_removed,
                        GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GDateTime) real_now = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GPtrArray) names = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (out_written != NULL)
    *out_written = NULL;
  if (out_removed != NULL)
    *out_removed = 0;
  if (dir == NULL)
    dir = default_dir = cd_store_backup_default_dir ();
  if (now == NULL)
    now = real_now = g_date_time_new_now_utc ();
  keep = MAX (keep, 1);
  /* The folder holds copies of every client file: for this user only. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot create the backups folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }
  prefix = backup_prefix (self);
  names = list_backups (dir, prefix, error);
  if (names == NULL)
    return FALSE;
  if (is_due (names, strlen (prefix), interval, now))
    {
      g_autofree char *stamp = NULL;
      g_autofree char *name = NULL;

      utc = g_date_time_to_utc (now);
      stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
      name = g_strconcat (prefix, stamp, ".db", NULL);
      written = g_build_filename (dir, name, NULL);
      if (!cd_store_backup (self, written, error))
        return FALSE;
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  if (out_removed != NULL)
    *out_removed = prune (dir, names, keep);
  else
    prune (dir, names, keep);
  if (out_written != NULL)
    *out_written = g_steal_pointer (&written);
  return TRUE;
}

typedef struct
{
  char      *dir;
  guint      keep;
  GTimeSpan  interval;
  gboolean   log_failure;
} RotateArgs;

static void
rotate_args_free (gpointer data)
{
  RotateArgs *args = data;

  g_free (args->dir);
  g_free (args);
}

static void
rotate_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RotateArgs *args = data;
  GError *error = NULL;
  char *written = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!cd_store_backup_rotate (CD_STORE (source), args->dir, args->keep, args->interval, NULL,
                               &written, NULL, &error))
    {
      if (args->log_failure)
        g_warning ("The automatic backup failed: %s", error->message);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, written, g_free);
}

void
cd_store_backup_rotate_async (CdStore            *self,
                              const char         *dir,
                              guint               keep,
                              GTimeSpan           interval,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  RotateArgs *args;

  g_return_if_fail (CD_IS_STORE (self));

  args = g_new0 (RotateArgs, 1);
  args->dir = g_strdup (dir);
  args->keep = keep;
  args->interval = interval;
  args->log_failure = callback == NULL;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_backup_rotate_async);
  g_task_set_task_data (task, args, rotate_args_free);
  g_task_run_in_thread (task, rotate_thread);
}

char *
cd_store_backup_rotate_finish (CdStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GWeakRef store;
  guint    keep;
} Later;

static void
later_free (gpointer data)
{
  Later *later = data;

  g_weak_ref_clear (&later->store);
  g_free (later);
}

static gboolean
on_rotate_due_cb (gpointer data)
{
  Later *later = data;
  g_autoptr (CdStore) store = g_weak_ref_get (&later->store);

  if (store != NULL)
    cd_store_backup_rotate_async (store, NULL, later->keep, CD_BACKUP_INTERVAL, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

void
cd_store_backup_rotate_later (CdStore *self,
                              guint    delay_seconds,
                              guint    keep)
{
  Later *later;

  g_return_if_fail (CD_IS_STORE (self));

  later = g_new0 (Later, 1);
  g_weak_ref_init (&later->store, self);
  later->keep = keep;
  g_timeout_add_seconds_full (G_PRIORITY_LOW, delay_seconds, on_rotate_due_cb, later, later_free);
}
