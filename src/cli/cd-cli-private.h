/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the command files of clientdesk-cli: the command table entry,
 * the argument parser and the ways a command ends (done, refused, usage). */
#pragma once

#include <stdio.h>

#include "cli/cd-cli.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

#define CD_CLI_PROGRAM "clientdesk-cli"

/* What one run knows before the command starts. */
typedef struct
{
  char *db_path;        /* from --db, or NULL for the default */
  char *default_path;   /* cache of cd_store_default_path () */
} CdCli;

typedef struct _CdCliCommand CdCliCommand;

/* argv[0] is the command's name; returns a CdCliStatus. */
typedef int (*CdCliHandler) (CdCli              *cli,
                             const CdCliCommand *command,
                             int                 argc,
                             char              **argv);

struct _CdCliCommand
{
  const char   *name;
  const char   *synopsis;  /* after "clientdesk-cli [--db PATH] ": grammar, not translated */
  const char   *summary;   /* N_() */
  CdCliHandler  handler;
};

/* One option of a command. A value option stores a pointer into argv in
 * `const char **out`; a flag sets `gboolean *out`. --db and --help are
 * understood by every command without being listed. */
typedef struct
{
  const char *long_name;    /* without the leading "--" */
  char        short_name;   /* 0 when there is none */
  gboolean    takes_value;
  gpointer    out;
} CdCliOption;

gboolean     cd_cli_parse_args         (CdCli              *cli,
                                        const CdCliCommand *command,
                                        const CdCliOption  *options,
                                        guint               n_options,
                                        int                 argc,
                                        char              **argv,
                                        guint               min_args,
                                        guint               max_args,
                                        GPtrArray         **out_args,
                                        int                *out_status);

int          cd_cli_usage              (const CdCliCommand *command,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (2, 3);
int          cd_cli_refuse             (const char         *format,
                                        ...) G_GNUC_PRINTF (1, 2);
int          cd_cli_refuse_error       (const GError       *error);
void         cd_cli_print_line         (FILE               *stream,
                                        const char         *text);

/* Values typed by the user: a bad one is refused (status 1, one line). */
int          cd_cli_check_month        (const char         *text,
                                        int                *out_year,
                                        int                *out_month);

/* The database. */
const char  *cd_cli_get_db_path        (CdCli              *cli);
char        *cd_cli_display_path       (const char         *path);
int          cd_cli_open_existing      (CdCli              *cli,
                                        CdStore           **out_store);
gboolean     cd_cli_same_file          (const char         *a,
                                        const char         *b);

/* Handlers, one per command, in their own files. */
int          cd_cli_cmd_init           (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_demo           (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_check          (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_backup         (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_restore        (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_import         (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_list           (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_money          (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);
int          cd_cli_cmd_deadline       (CdCli              *cli,
                                        const CdCliCommand *command,
                                        int                 argc,
                                        char              **argv);

G_END_DECLS
