/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): redraw of a 120-month × 8-series chart onto an
 * image surface, as the widget repaints it, repeated; prints the first
 * (cold) run, the median and the 95th percentile for bars, stacked bars and
 * lines, with a pointer highlight and Chinese 万/亿 labels. Budget
 * (DESIGN.md §8): 5 ms. Exit status 1 when a 95th percentile is over it.
 *
 * The series are monthly figures as an agency has them: a random walk
 * (each month within ±15 % of the last) around a seasonal trend. A last
 * line, not held to the budget, draws white noise over the whole axis,
 * every month: lines cost cairo in proportion to the height they cross.
 * Besides wall-clock time, the thread's CPU time is printed: on a shared
 * machine it tells the drawing's cost from the time spent waiting.
 *
 *   bench-chart [--runs N] [--width W] [--height H] [-o KEEP.png]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reports/cd-chart.h"

#define BUDGET_MS 5.0
#define MONTHS 120
#define SERIES 8

static double
next_random (guint32 *state)
{
  *state = *state * 1103515245u + 12345u;
  return (*state >> 8) / (double) (1u << 24);
}

static CdChart *
make_chart (CdChartKind kind, gboolean noise)
{
  static const char *const names[SERIES] = {
    "合同额", "回款", "报价", "中标", "供应商支出", "新客户", "流失客户", "应收账款",
  };
  CdChart *chart = cd_chart_new (kind, "十年经营概览 Ten years at a glance");
  guint32 state = 12345;

  cd_chart_set_subtitle (chart, "2016-01 – 2025-12");
  for (guint m = 0; m < MONTHS; m++)
    {
      g_autofree char *key = g_strdup_printf ("%04u-%02u", 2016 + m / 12, m % 12 + 1);
      cd_chart_add_category (chart, key, key);
    }
  for (guint s = 0; s < SERIES; s++)
    {
      guint series = cd_chart_add_series (chart, names[s], CD_CHART_UNIT_FEN, FALSE);
      double level = 50000000.0 * (s + 2);

      for (guint m = 0; m < MONTHS; m++)
        {
          double season = 1 + 0.2 * sin (m * G_PI / 6);
          gint64 value;

          level *= 1 + (next_random (&state) - 0.5) * 0.3;
          level = CLAMP (level, 10000000.0, 800000000.0);
          value = noise ? (gint64) (next_random (&state) * 500000000) + 1000000
                        : (gint64) (level * season);
          cd_chart_set_value (chart, series, m, value);
        }
    }
  return chart;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
measure (const char *label, CdChartKind kind, gboolean noise, int runs, int width, int height,
         const char *keep)
{
  g_autoptr (CdChart) chart = make_chart (kind, noise);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double *times = g_new (double, runs), *cpu = g_new (double, runs), first = 0;
  CdChartGeometry geometry;
  CdChartStyle style;
  double median, p95;

  cd_chart_geometry_init (&geometry, width, height);
  geometry.labels = CD_CHART_LABEL_CJK;
  cd_chart_style_init (&style, FALSE);
  for (int r = -1; r < runs; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;
      double ms, cpu_start;

      /* The pointer moves from bar to bar, as when hovering. */
      style.highlight_series = r < 0 ? -1 : r % SERIES;
      style.highlight_index = r < 0 ? -1 : (r * 7) % MONTHS;
      cpu_start = cpu_ms ();
      start = g_get_monotonic_time ();
      cd_chart_draw (cr, &geometry, chart, &style);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      if (r < 0)
        first = ms;
      else
        {
          times[r] = ms;
          cpu[r] = cpu_ms () - cpu_start;
        }
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  qsort (cpu, runs, sizeof (double), compare_doubles);
  median = times[runs / 2];
  p95 = times[MIN (runs - 1, (int) (runs * 0.95))];
  printf ("%-12s %d×%d, %d runs: first %.2f ms, median %.2f ms, p95 %.2f ms (budget %.0f ms) %s"
          " — CPU median %.2f ms, p95 %.2f ms\n",
          label, width, height, runs, first, median, p95, BUDGET_MS,
          p95 <= BUDGET_MS ? "ok" : "OVER", cpu[runs / 2], cpu[MIN (runs - 1, (int) (runs * 0.95))]);
  if (keep)
    cairo_surface_write_to_png (surface, keep);
  cairo_surface_destroy (surface);
  g_free (times);
  g_free (cpu);
  return p95 <= BUDGET_MS;
}

int
main (int argc, char **argv)
{
  int runs = 200, width = 1123, height = 794;
  const char *keep = NULL;
  gboolean ok = TRUE;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--runs") == 0)
        runs = MAX (1, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "--width") == 0)
        width = MAX (100, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "--height") == 0)
        height = MAX (100, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "-o") == 0)
        keep = argv[i + 1];
    }

  printf ("chart redraw, %d months × %d series\n", MONTHS, SERIES);
  ok &= measure ("bars", CD_CHART_BAR, FALSE, runs, width, height, keep);
  ok &= measure ("stacked bars", CD_CHART_STACKED_BAR, FALSE, runs, width, height, NULL);
  ok &= measure ("lines", CD_CHART_LINE, FALSE, runs, width, height, NULL);
  printf ("worst case, not budgeted:\n");
  measure ("noise lines", CD_CHART_LINE, TRUE, runs, width, height, NULL);
  return ok ? 0 : 1;
}
