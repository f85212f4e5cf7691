/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a chart's parts go: titles, legend, plot, axis, bars, points and
 * slices, decided from the chart and the geometry alone.
 *
 * Drawing, hit-testing and keyboard focus all start from this layout, so
 * what the pointer finds is what was painted. Text widths are estimated
 * (an em for a CJK character, 0.62 em for the rest) rather than measured,
 * which keeps the layout free of any cairo_t and identical on screen, in
 * PNG, SVG and PDF; pango then draws the text inside the boxes,
 * ellipsizing what does not fit. */
#define G_LOG_DOMAIN "cd-reports"

#include <math.h>
#include <string.h>

#include "reports/cd-chart-private.h"

static double
estimate_width (const char *text, double size)
{
  double em = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      em += g_unichar_iswide (c) ? 1.0 : (c == ' ' ? 0.32 : 0.62);
    }
  return em * size;
}

static void
layout_titles (CdChartLayout *l, double *top)
{
  const CdChartGeometry *g = l->geometry;
  double left = g->x + l->pad, width = g->width - 2 * l->pad;

  if (!g->show_title)
    return;
  l->title = (CdChartRect) { left, *top, width, l->fs * 1.45 * 1.3 };
  *top += l->title.height;
  if (*l->chart->subtitle)
    {
      l->subtitle = (CdChartRect) { left, *top, width, l->fs * 1.3 };
      *top += l->subtitle.height;
    }
  *top += l->fs * 0.5;
}

const char *
cd_chart_layout_legend_label (const CdChartLayout *l, int entry)
{
  if (l->chart->kind == CD_CHART_DONUT)
    return cd_chart_get_category_label (l->chart, entry);
  return cd_chart_series (l->chart, entry)->label;
}

/* Entries flow left to right and wrap; a donut's legend names its slices. */
static void
layout_legend (CdChartLayout *l, double *top)
{
  const CdChartGeometry *g = l->geometry;
  double left = g->x + l->pad, right = g->x + g->width - l->pad;
  double x = left, row_height = l->fs * 1.7;
  guint rows = 0, n;
  gboolean donut = l->chart->kind == CD_CHART_DONUT;

  if (!g->show_legend)
    return;
  n = donut ? l->n_cat : l->chart->series->len;
  for (guint e = 0; e < n && l->n_legend < CD_CHART_MAX_LEGEND; e++)
    {
      double w;

      if (!donut && cd_chart_series (l->chart, e)->table_only)
        continue;
      if (donut && (l->n_drawn == 0 || cd_chart_get_value (l->chart, l->drawn[0], e) == 0))
        continue;
      w = l->fs * 1.5 + MIN (estimate_width (cd_chart_layout_legend_label (l, e), l->fs), right - left - l->fs * 2);
      if (x > left && x + w > right)
        {
          x = left;
          rows++;
        }
      l->legend[l->n_legend] = (CdChartRect) { x, *top + rows * row_height, w, row_height };
      l->legend_entry[l->n_legend++] = e;
      x += w + l->fs * 1.2;
    }
  if (l->n_legend > 0)
    *top += (rows + 1) * row_height + l->fs * 0.4;
}

static void
value_range (const CdChartLayout *l, double *lo, double *hi)
{
  const CdChart *c = l->chart;

  *lo = *hi = 0;
  for (guint i = 0; i < l->n_cat; i++)
    {
      double pos = 0, neg = 0;

      for (guint k = 0; k < l->n_drawn; k++)
        {
          double v = cd_chart_unit_to_display (l->unit,
                                               cd_chart_series_value (cd_chart_series (c, l->drawn[k]), i));

          if (c->kind == CD_CHART_STACKED_BAR)
            {
              if (v >= 0)
                pos += v;
              else
                neg += v;
            }
          else
            {
              *lo = MIN (*lo, v);
              *hi = MAX (*hi, v);
            }
        }
      *lo = MIN (*lo, neg);
      *hi = MAX (*hi, pos);
    }
}

static double
widest_category (const CdChartLayout *l)
{
  double widest = 0;

  for (guint i = 0; i < l->n_cat; i++)
    widest = MAX (widest, estimate_width (cd_chart_get_category_label (l->chart, i), l->fs));
  return MIN (widest, l->fs * 10);   /* longer names are ellipsized */
}

static void
layout_axes (CdChartLayout *l, double top, double bottom)
{
  const CdChartGeometry *g = l->geometry;
  double lo, hi, height, left = g->x + l->pad, right = g->x + g->width - l->pad;
  double widest = 0, widest_cat = widest_category (l);
  guint max_steps;

  /* A few long names (suppliers, people) wrap onto two lines rather than
   * leave every other bar unlabelled. */
  l->two_line_labels = l->n_cat > 0 && l->n_cat <= 12
                       && widest_cat + l->fs * 0.8 > (right - left - l->fs * 5) / l->n_cat;
  height = bottom - l->fs * (l->two_line_labels ? 3.2 : 1.8) - (top + l->fs * 0.6);
  max_steps = (guint) CLAMP (height / (l->fs * 3.2), 2, 10);
  value_range (l, &lo, &hi);
  cd_chart_axis_compute (lo, hi, max_steps, cd_chart_unit_min_step (l->unit), &l->axis);

  for (guint t = 0; t <= l->axis.n_steps; t++)
    {
      g_autofree char *label = cd_chart_axis_format_tick (&l->axis, cd_chart_axis_tick (&l->axis, t),
                                                          l->unit, g->labels);
      widest = MAX (widest, estimate_width (label, l->fs));
    }
  l->y_label_width = widest;
  l->plot.x = left + widest + l->fs * 0.6;
  l->plot.y = top + l->fs * 0.6;
  l->plot.width = right - l->plot.x;
  l->plot.height = height;
  if (l->plot.width < 4 || l->plot.height < 4)
    {
      l->tiny = TRUE;
      return;
    }
  if (l->n_cat == 0)
    return;   /* nothing but the "no data" message */

  l->band = l->plot.width / l->n_cat;
  if (l->chart->kind == CD_CHART_STACKED_BAR)
    l->bar_width = MIN (l->band * 0.7, l->fs * 5);
  else
    l->bar_width = MIN (l->band * 0.8 / MAX (l->n_drawn, 1), l->fs * 4);
  l->group_inset = (l->band - (l->chart->kind == CD_CHART_STACKED_BAR ? 1 : MAX (l->n_drawn, 1))
                                * l->bar_width) / 2;
  if (l->two_line_labels)
    l->label_every = 1;
  else
    l->label_every = (guint) MAX (1, ceil ((widest_cat + l->fs * 0.8) / l->band));
}

static void
layout_donut (CdChartLayout *l, double top, double bottom)
{
  const CdChartGeometry *g = l->geometry;

  l->plot = (CdChartRect) { g->x + l->pad, top, g->width - 2 * l->pad, bottom - top };
  if (l->plot.width < 8 || l->plot.height < 8)
    {
      l->tiny = TRUE;
      return;
    }
  l->cx = l->plot.x + l->plot.width / 2;
  l->cy = l->plot.y + l->plot.height / 2;
  l->r_outer = MIN (l->plot.width, l->plot.height) / 2 * 0.94;
  l->r_inner = l->r_outer * 0.58;
}

static gboolean
has_data (const CdChartLayout *l)
{
  for (guint k = 0; k < l->n_drawn; k++)
    for (guint i = 0; i < l->n_cat; i++)
      if (cd_chart_series_value (cd_chart_series (l->chart, l->drawn[k]), i) != 0)
        return TRUE;
  return FALSE;
}

void
cd_chart_layout_compute (CdChartLayout *l, const CdChart *chart, const CdChartGeometry *g)
{
  double top, bottom;

  memset (l, 0, sizeof *l);
  l->chart = chart;
  l->geometry = g;
  l->fs = g->font_size > 0 ? g->font_size : 12;
  l->pad = l->fs * 0.9;
  l->n_cat = chart->category_keys->len;
  l->unit = cd_chart_get_unit (chart);
  for (guint s = 0; s < chart->series->len; s++)
    if (cd_chart_series_is_drawn (chart, s))
      l->drawn[l->n_drawn++] = s;

  top = g->y + l->pad;
  bottom = g->y + g->height - l->pad;
  layout_titles (l, &top);
  layout_legend (l, &top);
  l->empty = !has_data (l);

  if (chart->kind == CD_CHART_DONUT)
    {
      for (guint i = 0; i < l->n_cat && l->n_drawn > 0; i++)
        l->total += MAX (0, cd_chart_get_value (chart, l->drawn[0], i));
      l->empty = l->empty || l->total <= 0;
      layout_donut (l, top, bottom);
    }
  else
    layout_axes (l, top, bottom);
}

static double
value_y (const CdChartLayout *l, gint64 value)
{
  double v = cd_chart_unit_to_display (l->unit, value);
  double span = l->axis.max - l->axis.min;

  return l->plot.y + l->plot.height - (v - l->axis.min) / span * l->plot.height;
}

int
cd_chart_layout_drawn_position (const CdChartLayout *l, int series)
{
  for (guint k = 0; k < l->n_drawn; k++)
    if (l->drawn[k] == series)
      return k;
  return -1;
}

/* The horizontal extent of bar @k of category @i (of the stack for
 * stacked bars), on whole units: pixel-aligned boxes are what cairo fills
 * fastest, and edges stay sharp on screen. At least one unit wide. */
void
cd_chart_layout_bar_slot (const CdChartLayout *l, guint k, guint i, double *x0, double *x1)
{
  double x = l->plot.x + i * l->band + l->group_inset;

  if (l->chart->kind != CD_CHART_STACKED_BAR)
    x += k * l->bar_width;
  *x0 = round (x);
  *x1 = round (x + l->bar_width);
  if (*x1 <= *x0)
    *x1 = *x0 + 1;
}

/* The painted rectangle of a bar or of a stacked segment: its slot, less a
 * gap between neighbouring bars where they are wide enough. */
CdChartRect
cd_chart_layout_bar_rect (const CdChartLayout *l, guint k, guint i)
{
  const CdChart *c = l->chart;
  gint64 base = 0, v = cd_chart_series_value (cd_chart_series (c, l->drawn[k]), i);
  double x0, x1, y0, y1;

  cd_chart_layout_bar_slot (l, k, i, &x0, &x1);
  if (c->kind == CD_CHART_STACKED_BAR)
    {
      for (guint j = 0; j < k; j++)
        {
          gint64 w = cd_chart_series_value (cd_chart_series (c, l->drawn[j]), i);

          if ((w >= 0) == (v >= 0))
            base += w;
        }
    }
  else if (x1 - x0 >= 5)
    x1 -= MAX (1, round ((x1 - x0) * 0.1));
  y0 = round (value_y (l, base));
  y1 = round (value_y (l, base + v));
  return (CdChartRect) { x0, MIN (y0, y1), x1 - x0, fabs (y1 - y0) };
}

void
cd_chart_layout_point (const CdChartLayout *l, guint k, guint i, double *x, double *y)
{
  *x = l->plot.x + (i + 0.5) * l->band;
  *y = value_y (l, cd_chart_series_value (cd_chart_series (l->chart, l->drawn[k]), i));
}

/* Angles of slice @i of the donut, clockwise from twelve o'clock. */
gboolean
cd_chart_layout_slice_angles (const CdChartLayout *l, guint i, double *a0, double *a1)
{
  gint64 before = 0, v;

  if (l->n_drawn == 0 || l->total <= 0)
    return FALSE;
  for (guint j = 0; j < i; j++)
    before += MAX (0, cd_chart_get_value (l->chart, l->drawn[0], j));
  v = MAX (0, cd_chart_get_value (l->chart, l->drawn[0], i));
  *a0 = -G_PI_2 + 2 * G_PI * before / (double) l->total;
  *a1 = -G_PI_2 + 2 * G_PI * (before + v) / (double) l->total;
  return v > 0;
}

gboolean
cd_chart_layout_item_area (const CdChartLayout *l, int series, int index, CdChartRect *out)
{
  int k = cd_chart_layout_drawn_position (l, series);
  double x, y, a0, a1, mid;

  if (k < 0 || index < 0 || (guint) index >= l->n_cat || l->tiny)
    return FALSE;
  switch (l->chart->kind)
    {
    case CD_CHART_BAR:
    case CD_CHART_STACKED_BAR:
      *out = cd_chart_layout_bar_rect (l, k, index);
      return TRUE;
    case CD_CHART_LINE:
      cd_chart_layout_point (l, k, index, &x, &y);
      *out = (CdChartRect) { x - l->fs * 0.5, y - l->fs * 0.5, l->fs, l->fs };
      return TRUE;
    case CD_CHART_DONUT:
      if (!cd_chart_layout_slice_angles (l, index, &a0, &a1))
        return FALSE;
      mid = (a0 + a1) / 2;
      x = l->cx + cos (mid) * (l->r_inner + l->r_outer) / 2;
      y = l->cy + sin (mid) * (l->r_inner + l->r_outer) / 2;
      *out = (CdChartRect) { x - l->fs * 0.5, y - l->fs * 0.5, l->fs, l->fs };
      return TRUE;
    default:
      return FALSE;
    }
}
