/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Month-end exports on the command line (cd-cli-export.c):
 *   export supplier-sheet --month YYYY-MM -o FILE.xlsx
 *   export work-orders    --month YYYY-MM -o FILE.xlsx
 * Each is a kind of the `export` command: argv[0] is "export", argv[1] the
 * kind. */
#pragma once

#include "cli/cd-cli-private.h"

G_BEGIN_DECLS

int cd_cli_export_supplier_sheet (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int cd_cli_export_work_orders    (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

G_END_DECLS
