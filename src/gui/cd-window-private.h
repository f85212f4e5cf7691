/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-window.c and cd-window-actions.c. */
#pragma once

#include "gui/cd-deadline-notifier.h"
#include "gui/cd-finance-view.h"
#include "gui/cd-insights-view.h"
#include "gui/cd-today-view.h"
#include "gui/cd-welcome-page.h"
#include "gui/cd-window.h"

G_BEGIN_DECLS

struct _CdWindow
{
  AdwApplicationWindow parent_instance;

  CdContext       *context;
  GSettings       *settings;       /* NULL when the schema is not installed */
  GCancellable    *cancellable;
  GPtrArray       *lists;          /* every CdListView, for reloads */
  GPtrArray       *sidebar_rows;   /* GtkListBoxRow, in view order */
  GPtrArray       *view_bins;      /* AdwBin, in view order: a view, once built */
  CdTodayView     *today_view;
  CdFinanceView   *finance_view;
  CdInsightsView  *insights_view;
  CdListView      *quotes_list;
  CdDeadlineNotifier *notifier;
  CdWelcomePage   *welcome_page;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  GtkBox          *welcome_box;
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar;
  GtkBox          *content_box;
  GtkButton       *back_button;
  GtkButton       *new_button;
  AdwWindowTitle  *view_title;
  GtkToggleButton *search_button;
  GtkMenuButton   *primary_menu_button;
  GtkMenuButton   *welcome_menu_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  AdwViewStack    *view_stack;
};

void cd_window_class_install_actions (GtkWidgetClass *widget_class);
void cd_window_update_actions        (CdWindow       *self);
void cd_window_leave_welcome         (CdWindow       *self);
void cd_window_new_quote             (CdWindow       *self);

G_END_DECLS
