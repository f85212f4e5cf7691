/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "History" button of a record page: opens a window listing the
 * record's audit log entries — when, who, what, and each changed field
 * old → new. Put it in a record page's header bar:
 *
 *   gtk_header_bar_pack_end (bar, cd_history_button_new (context, "client", id));
 *
 * A record not saved yet has row id 0: the button is then insensitive until
 * cd_history_button_set_row () gives it the new id. */
#pragma once

#include <gtk/gtk.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_HISTORY_BUTTON (cd_history_button_get_type ())
G_DECLARE_FINAL_TYPE (CdHistoryButton, cd_history_button, CD, HISTORY_BUTTON, GtkButton)

/* @table_name: the table as in the schema ("client", "supplier_order", …) */
GtkWidget *cd_history_button_new        (CdContext       *context,
                                         const char      *table_name,
                                         gint64           row_id);
void       cd_history_button_set_row    (CdHistoryButton *self,
                                         gint64           row_id);
gint64     cd_history_button_get_row    (CdHistoryButton *self);

/* Opens the history window now (what a click does); returns it
 * (transfer none). */
GtkWindow *cd_history_button_open       (CdHistoryButton *self);

G_END_DECLS
