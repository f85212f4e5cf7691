/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by the supply windows (supplier page, supplier
 * quotes, supplier order, acceptance editor): presenting a window over the
 * one that asked, toasts, "Save as PDF…", and rows of read-only values. */
#pragma once

#include <adwaita.h>

#include "reports/cd-supply-pdf.h"
#include "store/cd-context.h"

G_BEGIN_DECLS

/* Makes @window transient for the window of @parent (and of its
 * application) and presents it. */
void        cd_supply_gui_present      (GtkWindow       *window,
                                        GtkWidget       *parent);
void        cd_supply_gui_toast        (AdwToastOverlay *overlay,
                                        const char      *message);
/* A toast with a button that activates @action_name on @overlay. */
void        cd_supply_gui_toast_action (AdwToastOverlay *overlay,
                                        const char      *message,
                                        const char      *button_label,
                                        const char      *action_name);
/* Asks where to save document @id (suggesting "@number.pdf"), renders it
 * on a worker thread and says how it went in a toast. */
void        cd_supply_gui_save_pdf     (GtkWindow       *window,
                                        AdwToastOverlay *overlay,
                                        CdContext       *context,
                                        CdSupplyDoc      doc,
                                        gint64           id,
                                        const char      *number,
                                        const char      *title);
/* Reads the lists of the main window again (the first CdWindow up the
 * transient-for chain of @window), after a supply window saved something. */
void        cd_supply_gui_reload_main  (GtkWindow       *window);
/* Today as "YYYY-MM-DD". */
char       *cd_supply_gui_today        (void);
/* Sets @row's subtitle to @text (plain text), or "—" when there is none. */
void        cd_supply_gui_set_subtitle (AdwActionRow    *row,
                                        const char      *text);
/* Removes every row of @box. */
void        cd_supply_gui_clear_list   (GtkListBox      *box);
/* A row that says there is nothing to show. */
GtkWidget  *cd_supply_gui_empty_note  (const char      *text);

G_END_DECLS
