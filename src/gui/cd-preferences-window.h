/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Company profile, current staff member, numbering patterns, tax rates and
 * the holiday calendar. Values live in the database's settings (so that the
 * command line's documents use them) except the current staff member, which
 * belongs to this desktop. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_PREFERENCES_WINDOW (cd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CdPreferencesWindow, cd_preferences_window, CD, PREFERENCES_WINDOW, AdwPreferencesWindow)

CdPreferencesWindow *cd_preferences_window_new (GtkWindow *parent,
                                                CdContext *context);

G_END_DECLS
