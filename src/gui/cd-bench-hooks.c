/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gui/cd-bench-hooks.h"

/* Shared by name, not by pointer: the benchmark may preload a second copy
 * of this file into a program that also calls it. */
#define WATCHED_KEY "cd-bench-first-frame-watched"
#define RENDERED_KEY "cd-bench-first-frame-rendered"

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* GdkSurface::render stops at the first handler that returns TRUE (GTK's
 * own): an emission hook is the one way to see it from outside. */
static gboolean
on_render_emission_hook (GSignalInvocationHint *hint,
                         guint                  n_values,
                         const GValue          *values,
                         gpointer               user_data)
{
  GObject *surface = g_value_get_object (&values[0]);

  g_object_set_data (surface, RENDERED_KEY, GINT_TO_POINTER (TRUE));
  return TRUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 now = g_get_monotonic_time ();

  /* A frame clock can tick before anything is drawn on the surface. */
  if (surface == NULL || g_object_get_data (G_OBJECT (surface), RENDERED_KEY) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  fprintf (stderr, "clientdesk-bench first-frame monotonic-us=%" PRId64 " vmhwm-kb=%ld\n",
           now, peak_rss_kb ());
  fflush (stderr);
  /* Ending at once measures nothing more and leaves the database as a
   * crash would, which it survives; a clean quit would first wait for
   * the views' queries still running on worker threads. */
  if (g_strcmp0 (g_getenv ("CLIENTDESK_BENCH_FIRST_FRAME"), "quit") == 0)
    _exit (0);
}

static void
on_window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), window);
}

/**
 * cd_bench_hooks_watch_window:
 *
 * Call before the window is first presented. Does nothing unless
 * CLIENTDESK_BENCH_FIRST_FRAME is set, and nothing for a window already
 * watched.
 */
void
cd_bench_hooks_watch_window (GtkWindow *window)
{
  static gsize hook_added = 0;
  const char *wanted = g_getenv ("CLIENTDESK_BENCH_FIRST_FRAME");

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (wanted == NULL || wanted[0] == '\0'
      || g_object_get_data (G_OBJECT (window), WATCHED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (window), WATCHED_KEY, GINT_TO_POINTER (TRUE));

  if (g_once_init_enter (&hook_added))
    {
      g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                  on_render_emission_hook, NULL, NULL);
      g_once_init_leave (&hook_added, 1);
    }
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}
