/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"
#include "store/cd-store-projects.h"

G_BEGIN_DECLS

#define CD_TYPE_PROJECT_PAGE (cd_project_page_get_type ())
G_DECLARE_FINAL_TYPE (CdProjectPage, cd_project_page, CD, PROJECT_PAGE, AdwBin)

CdProjectPage     *cd_project_page_new           (CdContext     *context);
/* Reads the project's worksheet on a worker thread ("loading" follows). */
void               cd_project_page_set_project   (CdProjectPage *self,
                                                  gint64         project_id);
gboolean           cd_project_page_get_loading   (CdProjectPage *self);
/* (transfer none) (nullable): what the page shows */
const CdWorksheet *cd_project_page_get_worksheet (CdProjectPage *self);

G_END_DECLS
