/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote and contract kinds of `render` (cd-cli-render.c):
 *   render quote NUMBER[/vN] -o FILE.pdf
 *   render contract NUMBER -o FILE.pdf
 * Handlers for the `render` dispatcher: argv[0] = "render", argv[1] = the kind. */
#pragma once

#include "cli/cd-cli-private.h"

G_BEGIN_DECLS

int cd_cli_render_quote    (CdCli *cli, const CdCliCommand *command, int argc, char **argv);
int cd_cli_render_contract (CdCli *cli, const CdCliCommand *command, int argc, char **argv);

G_END_DECLS
