/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Deadlines" preferences group: month-end paper days, unanswered quote
 * days, tier visit cycles, saved to the database as they change. */
#pragma once

#include <adwaita.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

GtkWidget *cd_deadline_prefs_new (CdStore *store);

G_END_DECLS
