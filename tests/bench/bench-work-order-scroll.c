/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the 1,000,000-row work-order list and scrolling to its end
 * (DESIGN.md §8): no frame over 50 ms, RSS at most 250 MB.
 *
 *   bench-work-order-scroll --db LARGE.db [--scroll-frames N]
 *
 * Needs a display (tools/bench.sh runs it under Xvfb, GSK_RENDERER=cairo).
 * A window with the Work orders view (CdWorkOrdersView, over the paged model) is shown; a
 * tick callback keeps the frame clock running every frame, so that any
 * stall of the main loop — a query, a splice of many rows, a long layout —
 * shows as a long gap between two painted frames. Once the list has its
 * rows, the scrollbar is dragged from top to bottom over N frames (default
 * 120, two seconds at 60 frames a second), then held at the bottom for a
 * second while the last rows come in.
 *
 * Prints the longest interval between two consecutive frames from the
 * first painted frame to the end (the budgeted figure), the longest time
 * spent inside one frame (before-paint to after-paint; the window's first
 * frame apart, printed on its own), the time until the
 * list had rows, how many rows its model holds, whether the view reached
 * the bottom and its last row was read by then, and the process's peak RSS
 * (VmHWM). */
#include <time.h>
#include <adwaita.h>

#include "bench-stats.h"
#include "gui/cd-work-orders-view.h"
#include "store/cd-context.h"

#define SETTLE_FRAMES 60

typedef enum { OPENING, SCROLLING, SETTLING, DONE } Phase;

typedef struct
{
  CdWorkOrdersView *view;
  GtkAdjustment *vadjustment;
  Phase          phase;
  guint          step, steps;
  gint64         shown_at, loaded_at, frame_start, last_paint;
  double         frame_cpu_start;
  GArray        *intervals;   /* ms between consecutive painted frames */
  GArray        *work;        /* ms inside each frame */
  GArray        *work_cpu;    /* CPU ms of this thread inside each frame */
  GArray        *scroll_intervals;
  double         first_frame_ms;
} Run;

static GtkAdjustment *
find_vadjustment (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = find_vadjustment (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
bottom (GtkAdjustment *adjustment)
{
  return MAX (0.0, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static gboolean
on_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  Run *run = user_data;

  switch (run->phase)
    {
    case OPENING:
      if (g_list_model_get_n_items (G_LIST_MODEL (cd_work_orders_view_get_model (run->view))) > 0
          && !cd_paged_model_get_loading (cd_work_orders_view_get_model (run->view)))
        {
          run->loaded_at = g_get_monotonic_time ();
          run->vadjustment = find_vadjustment (GTK_WIDGET (run->view));
          run->phase = run->vadjustment != NULL ? SCROLLING : DONE;
        }
      break;
    case SCROLLING:
      /* Upper is re-read every frame: a long list estimates its height. */
      gtk_adjustment_set_value (run->vadjustment, bottom (run->vadjustment) * ++run->step / run->steps);
      if (run->step >= run->steps)
        {
          run->phase = SETTLING;
          run->step = 0;
        }
      break;
    case SETTLING:
      gtk_adjustment_set_value (run->vadjustment, bottom (run->vadjustment));
      if (++run->step >= SETTLE_FRAMES)
        run->phase = DONE;
      break;
    case DONE:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* On a shared machine a frame can wait for the CPU: this thread's CPU
 * time tells the work from the wait. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
on_before_paint_cb (GdkFrameClock *clock, Run *run)
{
  run->frame_start = g_get_monotonic_time ();
  run->frame_cpu_start = thread_cpu_ms ();
}

static void
on_after_paint_cb (GdkFrameClock *clock, Run *run)
{
  gint64 now = g_get_monotonic_time ();
  double work = (now - run->frame_start) / 1000.0;
  double cpu = thread_cpu_ms () - run->frame_cpu_start;

  /* The window's own first frame (mapping, first layout) is not the
   * list's: in the app the list opens inside a window already shown. */
  if (run->last_paint == 0)
    run->first_frame_ms = work;
  else
    {
      double interval = (now - run->last_paint) / 1000.0;

      g_array_append_val (run->intervals, interval);
      g_array_append_val (run->work, work);
      g_array_append_val (run->work_cpu, cpu);
      if (run->phase == SCROLLING || run->phase == SETTLING)
        g_array_append_val (run->scroll_intervals, interval);
    }
  run->last_paint = now;
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL;
  int scroll_frames = 120;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The large demo database", "PATH" },
    { "scroll-frames", 0, 0, G_OPTION_ARG_INT, &scroll_frames, "Frames to reach the bottom (120)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("— work-order list benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdContext) context = NULL;
  GtkWidget *window;
  GdkFrameClock *clock;
  gint64 deadline;
  Run run = { 0 };
  gboolean at_bottom, last_read;
  g_autoptr (GObject) last = NULL;
  guint n_rows;
  double max_interval, max_scroll, p95_interval, max_work, max_work_cpu;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || db_path == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--db is needed");
      return 2;
    }
  gtk_init ();
  adw_init ();
  store = cd_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  context = cd_context_new (store);
  run.steps = CLAMP (scroll_frames, 1, 100000);
  run.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  run.scroll_intervals = g_array_new (FALSE, FALSE, sizeof (double));
  run.work = g_array_new (FALSE, FALSE, sizeof (double));
  run.work_cpu = g_array_new (FALSE, FALSE, sizeof (double));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  run.view = cd_work_orders_view_new (context);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (run.view));
  gtk_widget_add_tick_callback (window, on_tick_cb, &run, NULL);
  run.shown_at = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &run);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &run);

  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (run.phase != DONE && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (run.phase != DONE || run.vadjustment == NULL)
    {
      g_printerr ("the work-order list did not %s\n", run.loaded_at == 0 ? "load" : "scroll");
      return 2;
    }

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (cd_work_orders_view_get_model (run.view)));
  at_bottom = gtk_adjustment_get_value (run.vadjustment) >= bottom (run.vadjustment) - 1;
  /* Shown at the bottom, the last row's page was asked for a second ago. */
  last = n_rows > 0 ? g_list_model_get_item (G_LIST_MODEL (cd_work_orders_view_get_model (run.view)),
                                             n_rows - 1) : NULL;
  last_read = last != NULL && !cd_row_is_loading (last);
  max_interval = bench_max ((double *) run.intervals->data, run.intervals->len);
  max_scroll = bench_max ((double *) run.scroll_intervals->data, run.scroll_intervals->len);
  max_work = bench_max ((double *) run.work->data, run.work->len);
  max_work_cpu = bench_max ((double *) run.work_cpu->data, run.work_cpu->len);
  p95_interval = bench_percentile ((double *) run.intervals->data, run.intervals->len, 0.95);
  printf ("%u rows in the model; rows after %.0f ms; %u frames; longest frame interval %.1f ms"
          " (while scrolling %.1f ms), p95 %.1f ms; longest time in a frame %.1f ms (CPU %.1f ms);"
          " reached the bottom: %s, last row read: %s; peak RSS %.1f MB; the window's first frame"
          " %.1f ms\n",
          n_rows, (run.loaded_at - run.shown_at) / 1000.0, run.intervals->len + 1, max_interval,
          max_scroll, p95_interval, max_work, max_work_cpu, at_bottom ? "yes" : "no",
          last_read ? "yes" : "no", bench_peak_rss_kb () / 1024.0,
          run.first_frame_ms);
  printf ("RESULT {\"item\": \"work-order-scroll\", \"rows\": %u, \"open_ms\": %.1f,"
          " \"frames\": %u, \"max_frame_ms\": %.1f, \"max_scroll_frame_ms\": %.1f,"
          " \"p95_frame_ms\": %.1f, \"max_work_ms\": %.1f, \"max_work_cpu_ms\": %.1f,"
          " \"at_bottom\": %s, \"last_row_read\": %s, \"rss_mb\": %.1f,"
          " \"first_frame_ms\": %.1f}\n",
          n_rows, (run.loaded_at - run.shown_at) / 1000.0, run.intervals->len + 1, max_interval,
          max_scroll, p95_interval, max_work, max_work_cpu, at_bottom ? "true" : "false",
          last_read ? "true" : "false",
          bench_peak_rss_kb () / 1024.0, run.first_frame_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (run.intervals);
  g_array_unref (run.scroll_intervals);
  g_array_unref (run.work);
  g_array_unref (run.work_cpu);
  return 0;
}
