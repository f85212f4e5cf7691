/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the cli tests: run $CLIENTDESK_CLI, read its JSON, files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;     /* exit status; 128 + N when killed by signal N */
  char *out;
  char *err;
} CdRun;

void      cd_run_free          (CdRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdRun, cd_run_free)

/* Runs the CLI with the arguments (NULL-terminated); @env, when not NULL,
 * is a NULL-terminated list of "NAME=VALUE" (or "NAME" to unset) applied
 * to this process's environment for the child. */
CdRun    *cd_run_cli_env       (const char *const *env,
                                const char        *first_arg,
                                ...) G_GNUC_NULL_TERMINATED;
#define   cd_run_cli(...)      cd_run_cli_env (NULL, __VA_ARGS__)
CdRun    *cd_run_cli_argv      (const char *const *env,
                                const char *const *args);

guint     cd_count_lines       (const char *text);

/* Asserts (non-fatally) the contract of a refusal (status 1, one line on
 * stderr, nothing on stdout) or of a usage error (status 2, "Usage:"). */
void      cd_assert_refused    (const CdRun *run);
void      cd_assert_usage      (const CdRun *run);

/* JSON as GVariant: object → a{sv}, array → av, string → s, integer → x,
 * other numbers → d, true/false → b, null → mv (nothing). NULL when the
 * text is not exactly one valid JSON value. */
GVariant *cd_parse_json        (const char *text);

char     *cd_make_temp_dir     (void);
void      cd_remove_tree       (const char *path);
char     *cd_file_checksum     (const char *path);

G_END_DECLS
