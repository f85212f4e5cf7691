/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New client form: name, short name, credit code, tier, industry and
 * region, each checked as it is typed with the reason shown under the
 * field; Create stays off until everything is valid, and nothing is saved
 * before it. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

/* Called with the new client's id and name once it is saved. */
typedef void (*CdNewClientFunc) (gint64      id,
                                 const char *name,
                                 gpointer    user_data);

GtkWidget *cd_new_client_dialog_present (GtkWidget       *parent,
                                         CdContext       *context,
                                         CdNewClientFunc  func,
                                         gpointer         user_data);

G_END_DECLS
