/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/cd-paged-model.h"
#include "gui/cd-project-page.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_PROJECTS_VIEW (cd_projects_view_get_type ())
G_DECLARE_FINAL_TYPE (CdProjectsView, cd_projects_view, CD, PROJECTS_VIEW, AdwBin)

CdProjectsView *cd_projects_view_new          (CdContext      *context);
CdPagedModel   *cd_projects_view_get_model    (CdProjectsView *self);
void            cd_projects_view_set_search   (CdProjectsView *self,
                                               const char     *search);
/* Shows the worksheet of @project_id (0: back to the list). */
void            cd_projects_view_show_project (CdProjectsView *self,
                                               gint64          project_id);
CdProjectPage  *cd_projects_view_get_page     (CdProjectsView *self);

G_END_DECLS
