/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hit-testing and keyboard order of a CdChart: which item is under a
 * point, which legend entry, where an item is painted, which item comes
 * next. All from the same layout as the drawing. */
#define G_LOG_DOMAIN "cd-reports"

#include <math.h>

#include "reports/cd-chart-private.h"

static gboolean
in_rect (const CdChartRect *r, double x, double y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static gboolean
lookup_bar_in (const CdChartLayout *l, guint i, double x, double y, int *best)
{
  for (guint k = 0; k < l->n_drawn; k++)
    {
      CdChartRect r = cd_chart_layout_bar_rect (l, k, i);
      double x0, x1;

      cd_chart_layout_bar_slot (l, k, i, &x0, &x1);
      if (x < x0 || x >= x1)
        continue;
      if (l->chart->kind == CD_CHART_BAR)
        {
          /* Anywhere in the bar's column: short bars are hard to point at;
           * but not in the gap painted between two bars. */
          if (x >= r.x + r.width)
            return FALSE;
          *best = k;
          return TRUE;
        }
      /* A stack: the segment under the pointer, else the top one. */
      if (r.height > 0 && y >= r.y && y < r.y + r.height)
        {
          *best = k;
          return TRUE;
        }
      if (r.height > 0 && (*best < 0 || r.y < cd_chart_layout_bar_rect (l, *best, i).y))
        *best = k;
    }
  return *best >= 0;
}

static gboolean
lookup_bar (const CdChartLayout *l, double x, double y, int *series, int *index)
{
  int column, best;

  if (!in_rect (&l->plot, x, y))
    return FALSE;
  column = (int) floor ((x - l->plot.x) / l->band);
  /* Whole-unit edges may reach a little into the next category. */
  for (int i = MAX (0, column - 1); i <= column + 1 && i < (int) l->n_cat; i++)
    {
      best = -1;
      if (lookup_bar_in (l, i, x, y, &best))
        {
          *series = l->drawn[best];
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
lookup_point (const CdChartLayout *l, double x, double y, int *series, int *index)
{
  guint i;
  double best = G_MAXDOUBLE;

  if (!in_rect (&l->plot, x, y) || l->n_drawn == 0)
    return FALSE;
  i = (guint) ((x - l->plot.x) / l->band);
  if (i >= l->n_cat)
    return FALSE;
  /* The nearest line in the pointer's column. */
  for (guint k = 0; k < l->n_drawn; k++)
    {
      double px, py;

      cd_chart_layout_point (l, k, i, &px, &py);
      if (fabs (py - y) < best)
        {
          best = fabs (py - y);
          *series = l->drawn[k];
        }
    }
  *index = i;
  return TRUE;
}

static gboolean
lookup_slice (const CdChartLayout *l, double x, double y, int *series, int *index)
{
  double dx = x - l->cx, dy = y - l->cy, r = hypot (dx, dy), angle, a0, a1;

  if (r < l->r_inner || r > l->r_outer)
    return FALSE;
  angle = atan2 (dy, dx);
  if (angle < -G_PI_2)
    angle += 2 * G_PI;
  for (guint i = 0; i < l->n_cat; i++)
    if (cd_chart_layout_slice_angles (l, i, &a0, &a1) && angle >= a0 && angle < a1)
      {
        *series = l->drawn[0];
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cd_chart_lookup_item:
 * @x, @y: a point in the geometry's units
 * @out_series, @out_index: (out): the item under the point
 *
 * Bars answer anywhere in their column of the plot, stacks by segment,
 * lines by the nearest point of the column, donuts by slice. The margins,
 * the axes, the legend and hidden series answer nothing.
 *
 * Returns: %TRUE if there is an item under the point
 */
gboolean
cd_chart_lookup_item (const CdChart *chart, const CdChartGeometry *geometry, double x, double y,
                      int *out_series, int *out_index)
{
  CdChartLayout l;
  int series = -1, index = -1;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL && geometry != NULL, FALSE);

  cd_chart_layout_compute (&l, chart, geometry);
  if (!l.tiny && !l.empty)
    {
      if (chart->kind == CD_CHART_DONUT)
        found = lookup_slice (&l, x, y, &series, &index);
      else if (chart->kind == CD_CHART_LINE)
        found = lookup_point (&l, x, y, &series, &index);
      else
        found = lookup_bar (&l, x, y, &series, &index);
    }
  if (out_series)
    *out_series = found ? series : -1;
  if (out_index)
    *out_index = found ? index : -1;
  return found;
}

/**
 * cd_chart_lookup_legend:
 * @out_series: (out): the series whose legend entry is under the point
 *
 * A donut's legend names slices and toggles nothing: it answers %FALSE.
 *
 * Returns: %TRUE if a series' legend entry is under the point
 */
gboolean
cd_chart_lookup_legend (const CdChart *chart, const CdChartGeometry *geometry, double x, double y,
                        int *out_series)
{
  CdChartLayout l;

  g_return_val_if_fail (chart != NULL && geometry != NULL, FALSE);

  if (chart->kind == CD_CHART_DONUT)
    return FALSE;
  cd_chart_layout_compute (&l, chart, geometry);
  for (guint n = 0; n < l.n_legend; n++)
    if (in_rect (&l.legend[n], x, y))
      {
        if (out_series)
          *out_series = l.legend_entry[n];
        return TRUE;
      }
  return FALSE;
}

gboolean
cd_chart_get_legend_area (const CdChart *chart, const CdChartGeometry *geometry, int series,
                          CdChartRect *out_area)
{
  CdChartLayout l;

  g_return_val_if_fail (chart != NULL && geometry != NULL && out_area != NULL, FALSE);

  cd_chart_layout_compute (&l, chart, geometry);
  for (guint n = 0; n < l.n_legend; n++)
    if (l.legend_entry[n] == series)
      {
        *out_area = l.legend[n];
        return TRUE;
      }
  return FALSE;
}

/**
 * cd_chart_get_item_area:
 * @out_area: (out): where the item is painted: a bar's rectangle, a small
 *   square around a point or around the middle of a slice
 *
 * Returns: %FALSE if the item is not drawn (hidden series, empty slice)
 */
gboolean
cd_chart_get_item_area (const CdChart *chart, const CdChartGeometry *geometry, int series,
                        int index, CdChartRect *out_area)
{
  CdChartLayout l;

  g_return_val_if_fail (chart != NULL && geometry != NULL && out_area != NULL, FALSE);

  cd_chart_layout_compute (&l, chart, geometry);
  return cd_chart_layout_item_area (&l, series, index, out_area);
}

/**
 * cd_chart_next_item:
 * @direction: 1 for the next item, -1 for the previous one
 * @series, @index: (inout): the current item (-1: none, then the first or
 *   the last)
 *
 * Items go in reading order: category by category, and within a category
 * series by series. A donut skips its empty slices.
 *
 * Returns: %FALSE, leaving the item as it was, when there is no item in
 *   that direction
 */
gboolean
cd_chart_next_item (const CdChart *chart, int direction, int *series, int *index)
{
  int drawn[CD_CHART_MAX_SERIES], n_drawn = 0, n_cat, k = -1, pos, total;

  g_return_val_if_fail (chart != NULL && series != NULL && index != NULL, FALSE);

  for (guint s = 0; s < chart->series->len; s++)
    if (cd_chart_series_is_drawn (chart, s))
      drawn[n_drawn++] = s;
  n_cat = chart->category_keys->len;
  total = n_drawn * n_cat;
  if (total == 0 || direction == 0)
    return FALSE;

  for (int j = 0; j < n_drawn; j++)
    if (drawn[j] == *series)
      k = j;
  if (k < 0 || *index < 0 || *index >= n_cat)
    pos = direction > 0 ? -1 : total;
  else
    pos = *index * n_drawn + k;

  for (pos += direction > 0 ? 1 : -1; pos >= 0 && pos < total; pos += direction > 0 ? 1 : -1)
    {
      int s = drawn[pos % n_drawn], i = pos / n_drawn;

      if (chart->kind == CD_CHART_DONUT && cd_chart_get_value (chart, s, i) <= 0)
        continue;
      *series = s;
      *index = i;
      return TRUE;
    }
  return FALSE;
}
