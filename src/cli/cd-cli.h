/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clientdesk-cli: the application's operations without a display
 * (DESIGN.md §7). Finance automates month end with it, so its command line,
 * its output and its exit statuses are a contract. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CdCliStatus:
 * @CD_CLI_STATUS_DONE: the command did what was asked
 * @CD_CLI_STATUS_REFUSED: bad input, invalid or locked data; one line on
 *   stderr says why and nothing was written
 * @CD_CLI_STATUS_USAGE: the command line itself is wrong; a short usage is
 *   on stderr
 */
typedef enum
{
  CD_CLI_STATUS_DONE = 0,
  CD_CLI_STATUS_REFUSED = 1,
  CD_CLI_STATUS_USAGE = 2,
} CdCliStatus;

/* Runs one command line (argv[0] is the program) and returns the exit
 * status. The caller sets up the locale and the text domain first. */
int cd_cli_run (int    argc,
                char **argv);

G_END_DECLS
