/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One line of text in a cell of a long list: sized by a number of
 * characters, not by its text, ellipsised at the end. A GtkInscription
 * that costs less to make: a search that changes a list from a handful of
 * rows to 100,000 makes the cells of some 200 rows at once (GTK 4.8 keeps
 * widgets for 200 rows past the top one), and each GtkInscription made its
 * own Pango context and font metrics when created, and laid its text out
 * when allocated, on screen or not. A CdTextCell shares the context and the
 * metrics of its list and lays out its text when it is drawn. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CD_TYPE_TEXT_CELL (cd_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (CdTextCell, cd_text_cell, CD, TEXT_CELL, GtkWidget)

GtkWidget  *cd_text_cell_new        (guint        min_chars,
                                     guint        nat_chars);
void        cd_text_cell_set_text   (CdTextCell  *self,
                                     const char  *text);
const char *cd_text_cell_get_text   (CdTextCell  *self);
/* 0.0 puts the text at the start, 1.0 at the end (figures). */
void        cd_text_cell_set_xalign (CdTextCell  *self,
                                     float        xalign);
/* Bold text (an overdue row). */
void        cd_text_cell_set_strong (CdTextCell  *self,
                                     gboolean     strong);

G_END_DECLS
