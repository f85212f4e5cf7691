/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote editor: a window for one quote number, showing one version at
 * a time. Lines are edited in a table whose totals, tax per rate and
 * capitals follow every keystroke (core's arithmetic, exact to the fen);
 * the version history with what changed; Send, Accept, Reject, New
 * version, Create contract and Save as PDF. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_QUOTE_EDITOR (cd_quote_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdQuoteEditor, cd_quote_editor, CD, QUOTE_EDITOR, AdwWindow)

CdQuoteEditor *cd_quote_editor_new          (CdContext     *context,
                                             gint64         quote_id);
/* Opens the editor for @quote_id over the window of @widget (the Quotes &
 * contracts list, on row activation). */
CdQuoteEditor *cd_quote_editor_present      (GtkWidget     *widget,
                                             CdContext     *context,
                                             gint64         quote_id);
gint64         cd_quote_editor_get_quote_id (CdQuoteEditor *self);
gboolean       cd_quote_editor_get_dirty    (CdQuoteEditor *self);

G_END_DECLS
