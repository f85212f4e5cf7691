/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the reliability tests: raw SQL on a file as another program
 * would write it, quiet runs of the command line, files and folders. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @sql on @path through a connection of its own (no ClientDesk code
 * involved). Returns the SQLite result code; *message (optional) gets the
 * error text, to be freed with g_free(). */
int       rel_raw_exec       (const char  *path,
                              const char  *sql,
                              char       **message);
/* The first column of the first row of @sql as text, or NULL. */
char     *rel_raw_text       (const char  *path,
                              const char  *sql);
gint64    rel_raw_int        (const char  *path,
                              const char  *sql);

/* Runs $CLIENTDESK_CLI with @args (NULL-terminated) without logging every
 * run: the crash test runs it hundreds of times. Returns the exit status
 * (128 + N when killed by signal N). @out and @err are optional. */
int       rel_run_cli        (const char *const *args,
                              char       **out,
                              char       **err);

char     *rel_make_temp_dir  (const char  *name);
void      rel_remove_tree    (const char  *path);
gboolean  rel_copy_file      (const char  *from,
                              const char  *to);
/* The file of the build tree at @relative (from CLIENTDESK_BUILD_ROOT). */
char     *rel_build_path     (const char  *relative);
/* The file of the source tree at @relative (from CLIENTDESK_SOURCE_ROOT). */
char     *rel_source_path    (const char  *relative);

G_END_DECLS
