/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preloaded (LD_PRELOAD) into the application by bench-startup until the
 * window calls cd_bench_hooks_watch_window () itself: every window the
 * program presents is watched for its first painted frame. The hook guards
 * against watching a window twice, so the shim stays harmless once the
 * application calls it. Used for the bare window too, so that both carry
 * the same preloaded library. */
#define _GNU_SOURCE
#include <dlfcn.h>

#include "gui/cd-bench-hooks.h"

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *) = NULL;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  cd_bench_hooks_watch_window (window);
  real_present (window);
}
