/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `render` and `export`: the command table's entries for what the reports
 * layer writes, and their chart kinds (cd-cli-chart.c):
 *   render chart NAME --from YYYY-MM --to YYYY-MM -o FILE.png|.svg|.pdf
 *   export director-pack --from YYYY-MM --to YYYY-MM -o FILE.xlsx
 * Both also take --am ID (one account manager) and --dark. */
#pragma once

#include "cli/cd-cli-private.h"

G_BEGIN_DECLS

int cd_cli_cmd_render (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int cd_cli_cmd_export (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

int cd_cli_render_chart         (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int cd_cli_export_director_pack (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

G_END_DECLS
