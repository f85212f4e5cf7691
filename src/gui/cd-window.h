/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a sidebar of the eight views of DESIGN.md §6 beside the
 * view on screen, or the welcome page on an empty database's first run. */
#pragma once

#include <adwaita.h>

#include "gui/cd-list-view.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_WINDOW (cd_window_get_type ())
G_DECLARE_FINAL_TYPE (CdWindow, cd_window, CD, WINDOW, AdwApplicationWindow)

CdWindow   *cd_window_new              (GtkApplication *application,
                                        CdContext      *context);
CdContext  *cd_window_get_context      (CdWindow       *self);
void        cd_window_show_view        (CdWindow       *self,
                                        const char     *name);
const char *cd_window_get_view_name    (CdWindow       *self);
GtkWidget  *cd_window_get_view         (CdWindow       *self,
                                        const char     *name);
CdListView *cd_window_get_current_list (CdWindow       *self);
const char *cd_window_get_page         (CdWindow       *self);
void        cd_window_reload           (CdWindow       *self);
void        cd_window_toast            (CdWindow       *self,
                                        const char     *text);
void        cd_window_import           (CdWindow       *self);
void        cd_window_backup           (CdWindow       *self);

/* The names of the views, in sidebar order; NULL-terminated. */
const char * const *cd_window_view_names (void);

G_END_DECLS
