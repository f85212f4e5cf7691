/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first run on an empty database: load the sample agency, start empty,
 * or import clients. Emits "finished" when the views can be shown. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_WELCOME_PAGE (cd_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (CdWelcomePage, cd_welcome_page, CD, WELCOME_PAGE, AdwBin)

/* The DB setting that remembers "Start empty". */
#define CD_SETTING_FIRST_RUN_DONE "first-run-done"

CdWelcomePage *cd_welcome_page_new       (CdContext     *context);
gboolean       cd_welcome_page_get_busy  (CdWelcomePage *self);
gboolean       cd_welcome_page_is_needed (CdContext     *context);

G_END_DECLS
