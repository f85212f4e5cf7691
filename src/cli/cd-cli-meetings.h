/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings on the command line (issue 12), in cd-cli-meetings.c:
 *   render meeting-notice NUMBER -o FILE.pdf | --text
 *   list meetings [--month YYYY-MM] [--search TEXT] --json   (rows only)
 * and the calendar (cd-cli-calendar.c):
 *   export calendar --from YYYY-MM-DD --to YYYY-MM-DD [--staff NAME] -o FILE.ics */
#pragma once

#include "cli/cd-cli-private.h"

G_BEGIN_DECLS

int       cd_cli_render_meeting_notice (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int       cd_cli_export_calendar       (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

/* The meetings of @month (nullable: all) matching @search (nullable) as
 * the search field matches: a substring of the number, title, client,
 * project or place. NULL with @error set on failure. */
GVariant *cd_cli_meetings_rows         (CdStore     *store,
                                        const char  *month,
                                        const char  *search,
                                        GError     **error);

G_END_DECLS
