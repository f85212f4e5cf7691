/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supply kinds of `render` (cd-cli-render-supply.c):
 *   render acceptance NUMBER -o FILE.pdf
 *   render pickup-slip NUMBER -o FILE.pdf
 *   render supplier-order NUMBER -o FILE.pdf
 * Handlers for the `render` dispatcher: argv[0] = "render", argv[1] = the kind. */
#pragma once

#include "cli/cd-cli-private.h"

G_BEGIN_DECLS

int cd_cli_render_acceptance     (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int cd_cli_render_pickup_slip    (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int cd_cli_render_supplier_order (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

G_END_DECLS
