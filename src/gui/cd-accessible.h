/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accessible names for the parts of GTK 4.8 and libadwaita 1.2 widgets that
 * come without one (icon-only buttons inside menu buttons, search bars,
 * entry rows and view switchers), so that screen readers and the
 * end-to-end tests can tell them apart. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cd_accessible_name_menu_button  (GtkMenuButton *button,
                                      const char    *label);
void cd_accessible_name_parts        (GtkWidget     *root);

G_END_DECLS
