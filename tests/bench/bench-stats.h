/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks written for tools/bench.sh share: percentiles by
 * nearest rank, the process's peak RSS from the kernel, and the one
 * machine-readable line each prints for tools/bench-report.py:
 *
 *   RESULT {"item": "…", …}
 */
#pragma once

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

static inline int
bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p-th percentile (0 < p ≤ 1) of @n values by nearest rank: with 10
 * values the 95th is the largest. Sorts @values. */
static inline double
bench_percentile (double *values, guint n, double p)
{
  guint rank;

  if (n == 0)
    return NAN;
  qsort (values, n, sizeof (double), bench_compare_doubles);
  rank = (guint) ceil (p * n);
  return values[CLAMP (rank, 1u, n) - 1];
}

static inline double
bench_median (double *values, guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof (double), bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static inline double
bench_max (const double *values, guint n)
{
  double max = n > 0 ? values[0] : NAN;

  for (guint i = 1; i < n; i++)
    max = MAX (max, values[i]);
  return max;
}

/* The kernel's high-water mark of this process's resident set, in kB. */
static inline long
bench_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}
