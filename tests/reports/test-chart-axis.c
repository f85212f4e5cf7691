/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value axes: nice steps, ticks that cover the data, and labels in 万/亿 or
 * with thousands separators. */
#include <locale.h>
#include <math.h>

#include "reports/cd-chart-axis.h"

static void
test_nice_steps (void)
{
  static const struct { double range; guint max_steps; double step; } cases[] = {
    { 10, 5, 2 },          /* 2 exactly */
    { 11, 5, 5 },          /* 2.2 → 5 */
    { 100, 10, 10 },
    { 95, 5, 20 },         /* 19 → 20 */
    { 1, 4, 0.5 },         /* 0.25 → 0.5 */
    { 0.3, 3, 0.1 },
    { 12345678, 6, 5e6 },  /* 2,057,613 → 5,000,000 */
    { 7, 7, 1 },
    { 3, 10, 0.5 },        /* 0.3 → 0.5 */
    { 1e9, 5, 2e8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = cd_chart_axis_nice_step (cases[i].range, cases[i].max_steps);

      g_test_message ("range %g in %u steps: %g", cases[i].range, cases[i].max_steps, step);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
    }
  /* Nothing to cover: a step of 1, never 0 or NaN. */
  g_assert_cmpfloat (cd_chart_axis_nice_step (0, 5), ==, 1);
  g_assert_cmpfloat (cd_chart_axis_nice_step (NAN, 5), ==, 1);
}

/* Every step is 1, 2 or 5 × 10ⁿ and the axis covers the data in at most
 * the steps asked for. */
static void
test_ticks_cover_the_data (void)
{
  static const double ranges[][2] = {
    { 0, 1 }, { 0, 7 }, { 0, 13 }, { 0, 99.5 }, { 0, 12345.67 }, { -35, 120 },
    { 0, 987654321 }, { 3, 3 }, { 0, 0 }, { 0.01, 0.07 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    for (guint max_steps = 2; max_steps <= 10; max_steps++)
      {
        CdChartAxis axis;
        double mantissa;

        cd_chart_axis_compute (ranges[i][0], ranges[i][1], max_steps, 0.01, &axis);
        mantissa = axis.step / pow (10, floor (log10 (axis.step) + 1e-12));
        g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6
                       || fabs (mantissa - 5) < 1e-6);
        g_assert_cmpfloat (axis.min, <=, ranges[i][0] + 1e-9);
        g_assert_cmpfloat (axis.max, >=, ranges[i][1] - 1e-9);
        g_assert_cmpuint (axis.n_steps, >=, 1);
        g_assert_cmpfloat_with_epsilon (axis.min + axis.n_steps * axis.step, axis.max, axis.step * 1e-6);
        if (ranges[i][1] - ranges[i][0] > 0.05)
          g_assert_cmpuint (axis.n_steps, <=, max_steps);
        /* The ticks are multiples of the step. */
        g_assert_cmpfloat (fabs (remainder (axis.min, axis.step)), <, axis.step * 1e-6);
      }
}

static void
test_counts_step_by_whole_numbers (void)
{
  CdChartAxis axis;

  cd_chart_axis_compute (0, 3, 10, cd_chart_unit_min_step (CD_CHART_UNIT_COUNT), &axis);
  g_assert_cmpfloat (axis.step, ==, 1);
  g_assert_cmpfloat (axis.max, ==, 3);
  g_assert_cmpuint (axis.n_steps, ==, 3);
}

static char *
tick (double lo, double hi, guint steps, double value, CdChartUnit unit, CdChartLabelFlags flags)
{
  CdChartAxis axis;

  cd_chart_axis_compute (lo, hi, steps, cd_chart_unit_min_step (unit), &axis);
  return cd_chart_axis_format_tick (&axis, value, unit, flags);
}

#define assert_tick(expected, ...) \
  G_STMT_START { g_autofree char *t_ = tick (__VA_ARGS__); g_assert_cmpstr (t_, ==, expected); } G_STMT_END

static void
test_chinese_labels (void)
{
  /* Axis 0–200,000 yuan in 50,000 steps: 万. */
  assert_tick ("¥5万", 0, 180000, 5, 50000, CD_CHART_UNIT_FEN, CD_CHART_LABEL_CJK);
  assert_tick ("¥20万", 0, 180000, 5, 200000, CD_CHART_UNIT_FEN, CD_CHART_LABEL_CJK);
  assert_tick ("¥0", 0, 180000, 5, 0, CD_CHART_UNIT_FEN, CD_CHART_LABEL_CJK);
  /* One scale for the whole axis: 5,000 beside 20,000 is 0.5万. */
  assert_tick ("0.5万", 0, 20000, 4, 5000, CD_CHART_UNIT_COUNT, CD_CHART_LABEL_CJK);
  /* 亿 once the axis reaches 10⁸; every tick with the decimals of the step. */
  assert_tick ("¥1.5亿", 0, 290000000, 6, 150000000, CD_CHART_UNIT_FEN, CD_CHART_LABEL_CJK);
  assert_tick ("¥3.0亿", 0, 290000000, 6, 300000000, CD_CHART_UNIT_FEN, CD_CHART_LABEL_CJK);
  /* No separators inside a 万 number: "1200万". */
  assert_tick ("1200万", 0, 14000000, 7, 12000000, CD_CHART_UNIT_COUNT, CD_CHART_LABEL_CJK);
  /* Below 万 the numbers are plain. */
  assert_tick ("8,000", 0, 7000, 5, 8000, CD_CHART_UNIT_COUNT, CD_CHART_LABEL_CJK);
}

static void
test_plain_labels (void)
{
  assert_tick ("¥40,000", 0, 180000, 5, 40000, CD_CHART_UNIT_FEN, CD_CHART_LABEL_DEFAULT);
  assert_tick ("¥150,000,000", 0, 290000000, 6, 150000000, CD_CHART_UNIT_FEN, CD_CHART_LABEL_DEFAULT);
  assert_tick ("12,000,000", 0, 14000000, 7, 12000000, CD_CHART_UNIT_COUNT, CD_CHART_LABEL_DEFAULT);
  assert_tick ("¥0.5", 0, 2.2, 5, 0.5, CD_CHART_UNIT_FEN, CD_CHART_LABEL_DEFAULT);
  assert_tick ("-¥20", -35, 120, 8, -20, CD_CHART_UNIT_FEN, CD_CHART_LABEL_DEFAULT);
  assert_tick ("4,000", 0, 7000, 5, 4000, CD_CHART_UNIT_COUNT, CD_CHART_LABEL_DEFAULT);
  assert_tick ("40%", 0, 100, 5, 40, CD_CHART_UNIT_BP, CD_CHART_LABEL_CJK);
}

static void
test_exact_values (void)
{
  static const struct { CdChartUnit unit; gint64 value; const char *text; } cases[] = {
    { CD_CHART_UNIT_FEN, 123456789, "¥1,234,567.89" },
    { CD_CHART_UNIT_FEN, 0, "¥0.00" },
    { CD_CHART_UNIT_COUNT, 1234567, "1,234,567" },
    { CD_CHART_UNIT_COUNT, -12, "-12" },
    { CD_CHART_UNIT_BP, 4250, "42.5%" },
    { CD_CHART_UNIT_BP, 10000, "100%" },
    { CD_CHART_UNIT_BP, 3333, "33.33%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cd_chart_format_value (cases[i].unit, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A decimal comma in the locale must not leak into the labels. */
static void
test_labels_ignore_the_decimal_comma (void)
{
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE locale on this machine");
      return;
    }
  text = cd_chart_format_number (1234.5, 1);
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (text, ==, "1,234.5");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/reports/axis/nice-steps-are-one-two-or-five-times-a-power-of-ten", test_nice_steps);
  g_test_add_func ("/reports/axis/ticks-cover-the-data-in-the-steps-allowed", test_ticks_cover_the_data);
  g_test_add_func ("/reports/axis/counts-step-by-whole-numbers", test_counts_step_by_whole_numbers);
  g_test_add_func ("/reports/axis/chinese-labels-count-in-wan-and-yi", test_chinese_labels);
  g_test_add_func ("/reports/axis/other-labels-have-thousands-separators", test_plain_labels);
  g_test_add_func ("/reports/axis/exact-values-for-tooltips-and-tables", test_exact_values);
  g_test_add_func ("/reports/axis/labels-ignore-the-locale-decimal-comma", test_labels_ignore_the_decimal_comma);
  return g_test_run ();
}
