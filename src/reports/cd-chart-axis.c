/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value axes: nice steps and the labels on their ticks.
 *
 * Steps are 1, 2 or 5 × 10ⁿ of the display unit (yuan, not fen), so the
 * ticks read as round numbers. A Chinese reader counts large amounts in 万
 * and 亿, not in thousands: one scale is chosen for the whole axis from its
 * largest tick, so that 5,000 next to 20,000 reads "0.5万" beside "2万". */
#define G_LOG_DOMAIN "cd-reports"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "reports/cd-chart-axis.h"

#define EPSILON 1e-9

/* Digits after the point that tell ticks @step apart. */
static guint
decimals_for_step (double step)
{
  double d;

  if (step <= 0 || step >= 1 - EPSILON)
    return 0;
  d = ceil (-log10 (step) - EPSILON);
  return (guint) CLAMP (d, 0, 6);
}

/* Thousands separators are written by hand: the locale's own grouping would
 * make the PNG of one machine differ from another's, and "," is what both
 * Chinese and English financial documents use. */
static void
append_grouped (GString *out, const char *digits)
{
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

static char *
format_fixed (double value, guint decimals, gboolean grouped)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  g_autoptr (GString) out = g_string_new (NULL);
  const char *text, *point;
  g_autofree char *integer = NULL;

  /* Rounding may produce "-0": a zero has no sign. */
  if (fabs (value) < 0.5 * pow (10, -(double) decimals))
    value = 0;
  g_snprintf (buffer, sizeof buffer, "%.*f", (int) decimals, value);
  text = buffer;
  /* %f honours LC_NUMERIC; the labels always use "." */
  for (char *p = buffer; *p; p++)
    if (*p == ',')
      *p = '.';

  if (*text == '-')
    {
      g_string_append_c (out, '-');
      text++;
    }
  point = strchr (text, '.');
  integer = point ? g_strndup (text, point - text) : g_strdup (text);
  if (grouped)
    append_grouped (out, integer);
  else
    g_string_append (out, integer);
  if (point)
    g_string_append (out, point);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "42.50" → "42.5", "100.00" → "100". */
static void
trim_zeros (char *text)
{
  char *point = strchr (text, '.');
  char *end;

  if (point == NULL)
    return;
  end = text + strlen (text) - 1;
  while (end > point && *end == '0')
    *end-- = '\0';
  if (end == point)
    *end = '\0';
}

/**
 * cd_chart_axis_nice_step:
 * @range: the span the axis must cover, in display units
 * @max_steps: how many steps fit at most
 *
 * Returns: the smallest step of 1, 2 or 5 × 10ⁿ that covers @range in at
 *   most @max_steps steps (1 for an empty or invalid range)
 */
double
cd_chart_axis_nice_step (double range, guint max_steps)
{
  double raw, magnitude, fraction, nice;

  if (!isfinite (range) || range <= 0 || max_steps == 0)
    return 1;
  raw = range / max_steps;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1 + EPSILON)
    nice = 1;
  else if (fraction <= 2 + EPSILON)
    nice = 2;
  else if (fraction <= 5 + EPSILON)
    nice = 5;
  else
    nice = 10;
  return nice * magnitude;
}

/**
 * cd_chart_axis_compute:
 * @lo, @hi: the smallest and largest value to show (display units)
 * @max_steps: at most this many steps between ticks
 * @min_step: no step smaller than this (1 for counts: no "0.5 clients")
 * @axis: (out): the axis, from a multiple of its step at or below @lo to
 *   one at or above @hi
 */
void
cd_chart_axis_compute (double lo, double hi, guint max_steps, double min_step, CdChartAxis *axis)
{
  double step;

  g_return_if_fail (axis != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < EPSILON)
    hi = lo + MAX (min_step, 1);
  if (max_steps == 0)
    max_steps = 5;

  step = cd_chart_axis_nice_step (hi - lo, max_steps);
  if (step < min_step)
    step = min_step;

  /* Rounding both ends out to the step may need one step more than
   * allowed: then take the next nice step. */
  for (;;)
    {
      axis->step = step;
      axis->min = floor (lo / step + EPSILON) * step;
      axis->max = ceil (hi / step - EPSILON) * step;
      axis->n_steps = (guint) lround ((axis->max - axis->min) / step);
      if (axis->n_steps <= max_steps)
        break;
      step = cd_chart_axis_nice_step (step * 1.5, 1);
    }
  if (axis->n_steps == 0)
    {
      axis->max = axis->min + step;
      axis->n_steps = 1;
    }
}

/* The i-th tick, without the drift of adding the step i times. */
double
cd_chart_axis_tick (const CdChartAxis *axis, guint i)
{
  double value = axis->min + i * axis->step;
  double unit = pow (10, -(double) decimals_for_step (axis->step));

  return round (value / unit) * unit;
}

/**
 * cd_chart_axis_format_tick:
 * @value: a tick of @axis, in display units
 *
 * Returns: (transfer full): the label: "¥20,000" / "¥2万", "1,500" /
 *   "1500" / "0.15万", "40%"
 */
char *
cd_chart_axis_format_tick (const CdChartAxis *axis, double value, CdChartUnit unit,
                           CdChartLabelFlags flags)
{
  g_autofree char *number = NULL;
  const char *suffix = "";
  double top, step = axis->step;

  if (unit == CD_CHART_UNIT_BP)
    {
      number = format_fixed (value, decimals_for_step (step), TRUE);
      return g_strconcat (number, "%", NULL);
    }

  top = MAX (fabs (axis->min), fabs (axis->max));
  if ((flags & CD_CHART_LABEL_CJK) && top >= 1e4 - EPSILON)
    {
      double scale = top >= 1e8 - EPSILON ? 1e8 : 1e4;

      suffix = scale == 1e8 ? "亿" : "万";
      number = format_fixed (value / scale, decimals_for_step (step / scale), FALSE);
      if (value == 0)
        suffix = "";
    }
  else
    number = format_fixed (value, decimals_for_step (step), TRUE);

  if (unit == CD_CHART_UNIT_FEN)
    {
      if (number[0] == '-')
        return g_strconcat ("-¥", number + 1, suffix, NULL);
      return g_strconcat ("¥", number, suffix, NULL);
    }
  return g_strconcat (number, suffix, NULL);
}

/* Stored integers to what the axis shows: fen → yuan, bp → per cent. */
double
cd_chart_unit_to_display (CdChartUnit unit, gint64 value)
{
  switch (unit)
    {
    case CD_CHART_UNIT_FEN:
      return value / 100.0;
    case CD_CHART_UNIT_BP:
      return value / 100.0;
    case CD_CHART_UNIT_COUNT:
    default:
      return (double) value;
    }
}

double
cd_chart_unit_min_step (CdChartUnit unit)
{
  return unit == CD_CHART_UNIT_COUNT ? 1 : 0.01;
}

/**
 * cd_chart_format_number:
 *
 * Returns: (transfer full): @value with @decimals digits after the point
 *   and "," between thousands: "1,234,567.5"
 */
char *
cd_chart_format_number (double value, guint decimals)
{
  return format_fixed (value, MIN (decimals, 6), TRUE);
}

/**
 * cd_chart_format_value:
 *
 * The exact value, for tooltips and tables: "¥1,234.56", "1,234", "42.5%".
 *
 * Returns: (transfer full): the text
 */
char *
cd_chart_format_value (CdChartUnit unit, gint64 value)
{
  char *text;

  switch (unit)
    {
    case CD_CHART_UNIT_FEN:
      return cd_money_format (value);
    case CD_CHART_UNIT_BP:
      text = format_fixed (value / 100.0, 2, TRUE);
      trim_zeros (text);
      {
        char *with_sign = g_strconcat (text, "%", NULL);
        g_free (text);
        return with_sign;
      }
    case CD_CHART_UNIT_COUNT:
    default:
      return format_fixed ((double) value, 0, TRUE);
    }
}

/**
 * cd_chart_locale_prefers_cjk:
 *
 * Returns: %TRUE when the user reads Chinese (the first of
 *   g_get_language_names() is zh…), so axis labels count in 万 and 亿
 */
gboolean
cd_chart_locale_prefers_cjk (void)
{
  const char * const *names = g_get_language_names ();

  return names != NULL && names[0] != NULL && g_str_has_prefix (names[0], "zh");
}
