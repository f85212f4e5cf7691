/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-quote-editor.c (the table, totals, loading) and
 * cd-quote-editor-actions.c (saving, state changes, dialogs). */
#pragma once

#include "gui/cd-quote-editor.h"
#include "store/cd-store-quotes.h"

G_BEGIN_DECLS

struct _CdQuoteEditor
{
  AdwWindow           parent_instance;

  CdContext          *context;
  gint64              quote_id;
  CdQuote            *quote;          /* the version shown, as saved */
  gboolean            any_accepted;   /* some version of the number is */
  GListStore         *lines;          /* CdQuoteLineItem */
  GtkSingleSelection *selection;
  gboolean            dirty;
  gboolean            loading;        /* filling widgets: not the user typing */
  GCancellable       *cancellable;

  AdwToastOverlay    *toast_overlay;
  AdwHeaderBar       *header_bar;
  GtkWidget          *history_button; /* the shown version's audit history */
  AdwWindowTitle     *window_title;
  GtkLabel           *state_label;
  GtkEntry           *valid_entry;
  GtkEntry           *terms_entry;
  GtkEntry           *notes_entry;
  GtkLabel           *valid_error;
  GtkMenuButton      *catalogue_button;
  GtkListBox         *catalogue_list;
  GtkColumnView      *lines_view;
  GtkLabel           *line_error;
  GtkGrid            *totals_grid;
  GtkLabel           *words_label;
  GtkListBox         *versions_list;
  GtkDropDown        *compare_dropdown;
  GArray             *compare_ids;    /* quote ids, in the dropdown's order */
  GtkLabel           *diff_title;
  GtkLabel           *diff_label;
  GtkLabel           *subtotal_value;
  GtkBox             *tax_box;
  GtkLabel           *total_value;
};

CdStore  *cd_quote_editor_get_store      (CdQuoteEditor *self);
gboolean  cd_quote_editor_is_draft       (CdQuoteEditor *self);
gboolean  cd_quote_editor_load           (CdQuoteEditor *self,
                                          gint64         quote_id);
void      cd_quote_editor_update_actions (CdQuoteEditor *self);
void      cd_quote_editor_toast          (CdQuoteEditor *self,
                                          const char    *text);
/* Saves a dirty draft; FALSE (with the reason shown) when it cannot. */
gboolean  cd_quote_editor_save           (CdQuoteEditor *self);
gboolean  cd_quote_editor_lines_valid    (CdQuoteEditor *self);
void      cd_quote_editor_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
