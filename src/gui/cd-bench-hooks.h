/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hooks for the benchmarks (tools/bench.sh), inert unless asked for by the
 * environment. With CLIENTDESK_BENCH_FIRST_FRAME set, a watched window
 * prints, when its first frame has been rendered and painted, one line on
 * stderr:
 *
 *   clientdesk-bench first-frame monotonic-us=N vmhwm-kb=N
 *
 * (g_get_monotonic_time (), i.e. CLOCK_MONOTONIC, so that the process that
 * started this one can subtract its own spawn time). With the value "quit"
 * the process then ends at once. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cd_bench_hooks_watch_window (GtkWindow *window);

G_END_DECLS
