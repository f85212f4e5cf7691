/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several lists under one sidebar entry ("Quotes & contracts"), one at a
 * time, chosen with a switcher above them. */
#pragma once

#include <adwaita.h>

#include "gui/cd-list-view.h"

G_BEGIN_DECLS

#define CD_TYPE_SECTION_VIEW (cd_section_view_get_type ())
G_DECLARE_FINAL_TYPE (CdSectionView, cd_section_view, CD, SECTION_VIEW, AdwBin)

CdSectionView *cd_section_view_new              (void);
void           cd_section_view_add              (CdSectionView *self,
                                                 CdListView    *view,
                                                 const char    *title);
void           cd_section_view_add_page         (CdSectionView *self,
                                                 GtkWidget     *page,
                                                 const char    *name,
                                                 const char    *title);
CdListView    *cd_section_view_get_visible_list (CdSectionView *self);
GtkWidget     *cd_section_view_get_visible_page (CdSectionView *self);
void           cd_section_view_set_visible_page (CdSectionView *self,
                                                 const char    *name);
void           cd_section_view_set_visible_list (CdSectionView *self,
                                                 CdListView    *view);

G_END_DECLS
