/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export clients [-o FILE.xlsx] (cd-cli-export-clients.c). */
#pragma once

#include "cli/cd-cli-private.h"

G_BEGIN_DECLS

int cd_cli_export_clients (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

G_END_DECLS
