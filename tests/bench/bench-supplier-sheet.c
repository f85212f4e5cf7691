/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly supplier sheet against its budget (DESIGN.md §8): at most 1.5
 * times a bare libxlsxwriter loop writing the same number of cells
 * (bench-xlsx-bare), and a peak RSS of at most 60 MB.
 *
 *   clientdesk-cli --db large.db demo --scale large
 *   bench-supplier-sheet --db large.db [--month YYYY-MM] [--repeat N]
 *
 * The month defaults to last month (where the large demo puts its
 * nationwide campaign). Each run is a fresh process (posix_spawn, this
 * program again for the export), so that its peak RSS is its own; the
 * figures are medians of wall time, with CPU time beside them, which a busy
 * machine disturbs less. Exit 1 when over budget. */
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "reports/cd-supplier-sheet.h"
#include "store/cd-store-month-end.h"

#define TIME_BUDGET 1.5
#define RSS_BUDGET_KB (60 * 1024)

extern char **environ;

typedef struct
{
  double seconds;
  double cpu_seconds;
  long   max_rss_kb;
} Run;

static char *
last_month (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_months (now, -1);

  return g_date_time_format (then, "%Y-%m");
}

/* The cells of the workbook, as rows of the Details sheet's 17 cells. */
static long
equivalent_rows (const char *db, const char *month, CdMonthTotals *totals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (db, &error);
  g_autoptr (CdMonthReader) reader = NULL;
  gint64 cells;

  if (store == NULL || (reader = cd_month_reader_open (store, month, &error)) == NULL
      || !cd_month_reader_totals (reader, totals, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (2);
    }
  cells = totals->lines * 17 + totals->suppliers * 9 + totals->not_payable * 12
          + totals->pickup_rows * 9;
  return (long) ((cells + 16) / 17);
}

/* ru_maxrss of a spawned child includes this process's pages (the kernel
 * records the parent's high-water mark at exec): each child prints its own
 * "VmHWM: N kB" on stdout instead. */
static void
print_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmHWM:")) != NULL)
    printf ("%.*s\n", (int) strcspn (line, "\n"), line);
}

static long
parse_peak_rss (int fd)
{
  char buffer[4096];
  ssize_t n = read (fd, buffer, sizeof buffer - 1);
  const char *line;

  buffer[MAX (n, 0)] = '\0';
  line = strstr (buffer, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* Runs @argv in a fresh process: its wall time, CPU time and peak RSS. */
static Run
measure (char **argv)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0, fds[2];
  pid_t pid;
  Run run;

  if (pipe (fds) != 0)
    exit (2);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose (&actions, fds[0]);
  if (posix_spawn (&pid, argv[0], &actions, NULL, argv, environ) != 0)
    exit (2);
  close (fds[1]);
  run.max_rss_kb = parse_peak_rss (fds[0]);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "%s failed (status %d)\n", argv[0], status);
      exit (2);
    }
  posix_spawn_file_actions_destroy (&actions);
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
                    + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return run;
}

/* The child's side: bench-supplier-sheet --run-export DB MONTH OUT. */
static int
run_export (const char *db, const char *month, const char *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (db, &error);

  if (store == NULL
      || !cd_supplier_sheet_export (store, month, out, 0, NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  print_peak_rss ();
  return 0;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static Run
median (const Run *runs, int n)
{
  double wall[9], cpu[9];
  long rss = 0;

  for (int i = 0; i < n; i++)
    {
      wall[i] = runs[i].seconds;
      cpu[i] = runs[i].cpu_seconds;
      rss = MAX (rss, runs[i].max_rss_kb);
    }
  qsort (wall, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  return (Run) { wall[n / 2], cpu[n / 2], rss };
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL, *month = NULL, *bare = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cd-bench-XXXXXX", NULL);
  g_autofree char *self_dir = g_path_get_dirname (argv[0]);
  g_autofree char *out = g_build_filename (dir, "sheet.xlsx", NULL);
  int repeat = 3;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database (the large demo)", "PATH" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, "The month (default: last month)", "YYYY-MM" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare, "The bare program", "PATH" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each (default 3)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— supplier sheet benchmark");
  g_autoptr (GError) error = NULL;
  g_autofree char *self_path = NULL;
  CdMonthTotals totals;
  Run exports[9], bares[9], e, b;
  char rows_text[32];
  long rows;
  gboolean ok;

  if (argc == 5 && strcmp (argv[1], "--run-export") == 0)
    return run_export (argv[2], argv[3], argv[4]);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL)
    {
      fprintf (stderr, "%s\n", error ? error->message : "--db is needed");
      return 2;
    }
  repeat = CLAMP (repeat, 1, 9);
  if (month == NULL)
    month = last_month ();
  if (bare == NULL)
    bare = g_build_filename (self_dir, "bench-xlsx-bare", NULL);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  rows = equivalent_rows (db, month, &totals);
  g_snprintf (rows_text, sizeof rows_text, "%ld", rows);
  printf ("month %s: %" PRId64 " suppliers, %" PRId64 " detail lines, "
          "%" PRId64 " not payable, %" PRId64 " pickup rows = %ld rows of 17 cells\n",
          month, totals.suppliers, totals.lines, totals.not_payable, totals.pickup_rows, rows);

  for (int i = 0; i < repeat; i++)
    {
      char *bare_argv[] = { bare, rows_text, out, NULL };
      char *export_argv[] = { self_path, "--run-export", db, month, out, NULL };

      bares[i] = measure (bare_argv);
      exports[i] = measure (export_argv);
    }
  b = median (bares, repeat);
  e = median (exports, repeat);
  g_unlink (out);
  g_rmdir (dir);

  ok = e.seconds <= TIME_BUDGET * b.seconds && e.max_rss_kb <= RSS_BUDGET_KB;
  printf ("bare libxlsxwriter: %.2f s (CPU %.2f s), peak RSS %.1f MB\n", b.seconds,
          b.cpu_seconds, b.max_rss_kb / 1024.0);
  printf ("supplier sheet:     %.2f s (CPU %.2f s), peak RSS %.1f MB\n", e.seconds,
          e.cpu_seconds, e.max_rss_kb / 1024.0);
  printf ("ratio %.2f, CPU ratio %.2f (budget %.1f); RSS budget %d MB: %s\n",
          e.seconds / b.seconds, e.cpu_seconds / b.cpu_seconds, TIME_BUDGET,
          RSS_BUDGET_KB / 1024, ok ? "within budget" : "OVER BUDGET");
  return ok ? 0 : 1;
}
