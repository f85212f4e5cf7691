/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start to first painted window (DESIGN.md §8): ClientDesk on the large
 * database against a bare AdwApplication window (bench-bare-window), both
 * under the display and renderer of the environment (tools/bench.sh runs
 * it under Xvfb with GSK_RENDERER=cairo). Budget: at most 1.5 × the bare
 * window and at most 600 ms.
 *
 *   bench-startup --shim libbench-first-frame-shim.so [--runs N]
 *                 APP --db DB  -- BARE
 *
 * Each run is a fresh process, spawned with CLIENTDESK_BENCH_FIRST_FRAME=quit
 * and the shim preloaded; the time is from just before posix_spawn to the
 * CLOCK_MONOTONIC timestamp the process prints when its first frame has
 * been painted (src/gui/cd-bench-hooks.c), and the peak RSS is the one it
 * printed then. The two programs take turns, one unrecorded warm-up run
 * each first (the page cache, fontconfig's caches). */
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-stats.h"

#define TIMEOUT_MS 60000

extern char **environ;

typedef struct
{
  double ms;
  long   rss_kb;
} Sample;

static char **
child_environment (const char *shim)
{
  char **env = g_get_environ ();
  const char *preload = g_environ_getenv (env, "LD_PRELOAD");
  g_autofree char *value = preload != NULL && preload[0] != '\0'
                             ? g_strconcat (shim, ":", preload, NULL)
                             : g_strdup (shim);

  env = g_environ_setenv (env, "LD_PRELOAD", value, TRUE);
  return g_environ_setenv (env, "CLIENTDESK_BENCH_FIRST_FRAME", "quit", TRUE);
}

/* Reads the child's stderr until the first-frame line; other lines are
 * passed on, so that warnings are seen. */
static gboolean
read_first_frame (int fd, gint64 *out_us, long *out_rss)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  char buffer[4096];

  for (;;)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      const char *line;
      ssize_t n;

      if (poll (&p, 1, (int) MAX (0, (deadline - g_get_monotonic_time ()) / 1000)) <= 0)
        return FALSE;
      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        return FALSE;
      g_string_append_len (text, buffer, n);
      line = strstr (text->str, "clientdesk-bench first-frame ");
      if (line != NULL && strchr (line, '\n') != NULL)
        {
          fwrite (text->str, 1, line - text->str, stderr);
          return sscanf (line, "clientdesk-bench first-frame monotonic-us=%" PRId64
                         " vmhwm-kb=%ld", out_us, out_rss) == 2;
        }
    }
}

static gboolean
run_once (char **argv, char **env, Sample *sample)
{
  posix_spawn_file_actions_t actions;
  int fds[2], status = 0;
  gint64 start, painted = 0;
  gboolean ok;
  pid_t pid;

  if (pipe (fds) != 0)
    return FALSE;
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose (&actions, fds[0]);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  start = g_get_monotonic_time ();
  if (posix_spawn (&pid, argv[0], &actions, NULL, argv, env) != 0)
    {
      g_printerr ("cannot start %s: %s\n", argv[0], g_strerror (errno));
      return FALSE;
    }
  posix_spawn_file_actions_destroy (&actions);
  close (fds[1]);
  ok = read_first_frame (fds[0], &painted, &sample->rss_kb);
  if (!ok)
    kill (pid, SIGKILL);
  close (fds[0]);
  waitpid (pid, &status, 0);
  sample->ms = (painted - start) / 1000.0;
  if (!ok)
    g_printerr ("%s: no first frame reported (status %d)\n", argv[0], status);
  return ok;
}

static void
print_summary (const char *name, Sample *samples, guint n)
{
  g_autofree double *ms = g_new (double, n);
  g_autofree double *rss = g_new (double, n);

  double median, p95;

  for (guint i = 0; i < n; i++)
    {
      ms[i] = samples[i].ms;
      rss[i] = samples[i].rss_kb / 1024.0;
    }
  /* Both sort ms: the smallest and largest are then at either end. */
  median = bench_median (ms, n);
  p95 = bench_percentile (ms, n, 0.95);
  printf ("\"%s\": {\"median_ms\": %.1f, \"p95_ms\": %.1f, \"min_ms\": %.1f, \"max_ms\": %.1f,"
          " \"rss_mb\": %.1f}", name, median, p95, ms[0], ms[n - 1], bench_max (rss, n));
}

int
main (int argc, char **argv)
{
  g_autofree char *shim = NULL;
  g_auto (GStrv) env = NULL;
  g_autofree Sample *app = NULL, *bare = NULL;
  char **app_argv, **bare_argv = NULL;
  int runs = 10, first = 1;

  for (; first + 1 < argc && g_str_has_prefix (argv[first], "--"); first += 2)
    if (strcmp (argv[first], "--shim") == 0)
      shim = g_canonicalize_filename (argv[first + 1], NULL);
    else if (strcmp (argv[first], "--runs") == 0)
      runs = CLAMP (atoi (argv[first + 1]), 1, 1000);
  app_argv = argv + first;
  for (int i = first; i < argc; i++)
    if (strcmp (argv[i], "--") == 0)
      {
        argv[i] = NULL;
        bare_argv = argv + i + 1;
      }
  if (shim == NULL || app_argv[0] == NULL || bare_argv == NULL || bare_argv[0] == NULL)
    {
      g_printerr ("usage: %s --shim SHIM.so [--runs N] APP ARGS… -- BARE ARGS…\n", argv[0]);
      return 2;
    }
  env = child_environment (shim);
  app = g_new0 (Sample, runs);
  bare = g_new0 (Sample, runs);

  for (int i = -1; i < runs; i++)
    {
      Sample warm;
      /* Alternate which goes first, so that neither always follows the other. */
      char **one = i % 2 ? bare_argv : app_argv, **two = i % 2 ? app_argv : bare_argv;
      Sample *s1 = i < 0 ? &warm : (i % 2 ? &bare[i] : &app[i]);
      Sample *s2 = i < 0 ? &warm : (i % 2 ? &app[i] : &bare[i]);

      if (!run_once (one, env, s1) || !run_once (two, env, s2))
        return 2;
      if (i >= 0)
        printf ("run %d: app %.1f ms, bare %.1f ms\n", i + 1, app[i].ms, bare[i].ms);
    }
  printf ("RESULT {\"item\": \"startup\", \"runs\": %d, ", runs);
  print_summary ("app", app, runs);
  printf (", ");
  print_summary ("bare", bare, runs);
  printf ("}\n");
  return 0;
}
