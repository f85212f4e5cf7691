/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "New" on the Quotes list: pick a project in brief or quoting, create the
 * quote's first version, open the quote editor on it. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

GtkWidget *cd_new_quote_dialog_present (GtkWidget *parent,
                                        CdContext *context);

G_END_DECLS
