/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline of the start-up budget (DESIGN.md §8): a bare
 * AdwApplication whose window has a header bar and a label, the size of
 * ClientDesk's main window, and nothing else. Run by bench-startup with
 * CLIENTDESK_BENCH_FIRST_FRAME=quit, under the same renderer as the app. */
#include <adwaita.h>

#include "gui/cd-bench-hooks.h"

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("ClientDesk");

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  cd_bench_hooks_watch_window (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app = adw_application_new ("org.example.ClientDesk.BenchBare",
                                                         G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
