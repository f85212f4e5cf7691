/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Automatic backups (issue 10): at most one a day per database, into a
 * backups folder, each an online backup checked before it is kept (0600);
 * then only the newest N of that database are kept. Files are named
 * "<database>-auto-YYYYMMDDTHHMMSSZ.db"; nothing else in the folder is
 * ever deleted, so backups made by hand and other databases' backups are
 * safe. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/* The minimum time between two automatic backups. */
#define CD_BACKUP_INTERVAL G_TIME_SPAN_DAY

/* Returns: (transfer full): $XDG_DATA_HOME/clientdesk/backups */
char     *cd_store_backup_default_dir   (void);

/**
 * cd_store_backup_rotate:
 * @dir: (nullable): the backups folder; %NULL for the default one (created
 *   0700 when missing)
 * @keep: how many automatic backups of this database to keep (at least 1)
 * @interval: no backup when the newest is younger than this (0: always)
 * @now: (nullable): the time to stamp and compare with; %NULL for now
 * @out_written: (out) (optional) (transfer full): the new backup's path,
 *   %NULL when none was needed
 * @out_removed: (out) (optional): how many old backups were deleted
 *
 * Returns: FALSE with @error set when the backup failed (the older ones
 *   are then all kept).
 */
gboolean  cd_store_backup_rotate        (CdStore      *self,
                                         const char   *dir,
                                         guint         keep,
                                         GTimeSpan     interval,
                                         GDateTime    *now,
                                         char        **out_written,
                                         guint        *out_removed,
                                         GError      **error);

/* The same on a worker thread, with the real time. @callback may be NULL:
 * a failure is then logged as a warning, never silent. */
void      cd_store_backup_rotate_async  (CdStore            *self,
                                         const char         *dir,
                                         guint               keep,
                                         GTimeSpan           interval,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
/* Returns: (transfer full) (nullable): as @out_written; %NULL with @error
 * unset when no backup was needed. */
char     *cd_store_backup_rotate_finish (CdStore            *self,
                                         GAsyncResult       *result,
                                         GError            **error);

/* What the app calls when it opens a database: in @delay_seconds (so the
 * copy does not compete with the first window), rotate in the default
 * folder with the real time on a worker thread, logging a failure. Holds
 * no reference: a store closed meanwhile (restore, quit) is skipped. */
void      cd_store_backup_rotate_later  (CdStore            *self,
                                         guint               delay_seconds,
                                         guint               keep);

G_END_DECLS
