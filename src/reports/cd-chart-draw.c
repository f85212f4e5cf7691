/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout, drawing and hit-testing of a CdChart.
 *
 * One layout function decides where everything goes from the chart and the
 * geometry alone; drawing, hit-testing and keyboard focus all start from
 * it, so what the pointer finds is what was painted. Text widths are
 * estimated (an em for a CJK character, 0.6 em for the rest) rather than
 * measured, which keeps the layout free of any cairo_t and identical on
 * screen, in PNG, SVG and PDF; pango then draws the text inside the boxes,
 * ellipsizing what does not fit. */
#define G_LOG_DOMAIN "cd-reports"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "reports/cd-chart-private.h"

#define MAX_LEGEND 32
#define DIM_ALPHA 0.45

typedef struct
{
  const CdChart         *chart;
  const CdChartGeometry *geometry;
  double                 fs;           /* body font size */
  double                 pad;
  CdChartRect            title;
  CdChartRect            subtitle;
  CdChartRect            legend[MAX_LEGEND];
  int                    legend_entry[MAX_LEGEND];  /* series, or category for a donut */
  guint                  n_legend;
  CdChartRect            plot;
  CdChartAxis            axis;
  CdChartUnit            unit;
  guint                  n_cat;
  int                    drawn[CD_CHART_MAX_SERIES];
  guint                  n_drawn;
  double                 band;         /* width of one category */
  double                 bar_width;    /* one bar (grouped) or one stack */
  double                 group_inset;  /* from the band's left edge to the first bar */
  guint                  label_every;
  gboolean               two_line_labels;
  double                 y_label_width;
  double                 cx, cy, r_outer, r_inner;
  gint64                 total;        /* donut */
  gboolean               empty;
  gboolean               tiny;
} Layout;

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
layout_titles (Layout *l, double *top)
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

static const char *
legend_label (const Layout *l, int entry)
{
  if (l->chart->kind == CD_CHART_DONUT)
    return cd_chart_get_category_label (l->chart, entry);
  return cd_chart_series (l->chart, entry)->label;
}

/* Entries flow left to right and wrap; a donut's legend names its slices. */
static void
layout_legend (Layout *l, double *top)
{
  const CdChartGeometry *g = l->geometry;
  double left = g->x + l->pad, right = g->x + g->width - l->pad;
  double x = left, row_height = l->fs * 1.7;
  guint rows = 0, n;
  gboolean donut = l->chart->kind == CD_CHART_DONUT;

  if (!g->show_legend)
    return;
  n = donut ? l->n_cat : l->chart->series->len;
  for (guint e = 0; e < n && l->n_legend < MAX_LEGEND; e++)
    {
      double w;

      if (!donut && cd_chart_series (l->chart, e)->table_only)
        continue;
      if (donut && (l->n_drawn == 0 || cd_chart_get_value (l->chart, l->drawn[0], e) == 0))
        continue;
      w = l->fs * 1.5 + MIN (estimate_width (legend_label (l, e), l->fs), right - left - l->fs * 2);
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
value_range (const Layout *l, double *lo, double *hi)
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
widest_category (const Layout *l)
{
  double widest = 0;

  for (guint i = 0; i < l->n_cat; i++)
    widest = MAX (widest, estimate_width (cd_chart_get_category_label (l->chart, i), l->fs));
  return MIN (widest, l->fs * 10);   /* longer names are ellipsized */
}

static void
layout_axes (Layout *l, double top, double bottom)
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
layout_donut (Layout *l, double top, double bottom)
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
has_data (const Layout *l)
{
  for (guint k = 0; k < l->n_drawn; k++)
    for (guint i = 0; i < l->n_cat; i++)
      if (cd_chart_series_value (cd_chart_series (l->chart, l->drawn[k]), i) != 0)
        return TRUE;
  return FALSE;
}

static void
layout_compute (Layout *l, const CdChart *chart, const CdChartGeometry *g)
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
value_y (const Layout *l, gint64 value)
{
  double v = cd_chart_unit_to_display (l->unit, value);
  double span = l->axis.max - l->axis.min;

  return l->plot.y + l->plot.height - (v - l->axis.min) / span * l->plot.height;
}

static int
drawn_position (const Layout *l, int series)
{
  for (guint k = 0; k < l->n_drawn; k++)
    if (l->drawn[k] == series)
      return k;
  return -1;
}

/* The horizontal extent of bar @k of category @i (of the stack for
 * stacked bars), on whole units: pixel-aligned boxes are what cairo fills
 * fastest, and edges stay sharp on screen. At least one unit wide. */
static void
bar_slot (const Layout *l, guint k, guint i, double *x0, double *x1)
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
static CdChartRect
bar_rect (const Layout *l, guint k, guint i)
{
  const CdChart *c = l->chart;
  gint64 base = 0, v = cd_chart_series_value (cd_chart_series (c, l->drawn[k]), i);
  double x0, x1, y0, y1;

  bar_slot (l, k, i, &x0, &x1);
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

static void
point_at (const Layout *l, guint k, guint i, double *x, double *y)
{
  *x = l->plot.x + (i + 0.5) * l->band;
  *y = value_y (l, cd_chart_series_value (cd_chart_series (l->chart, l->drawn[k]), i));
}

/* Angles of slice @i of the donut, clockwise from twelve o'clock. */
static gboolean
slice_angles (const Layout *l, guint i, double *a0, double *a1)
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

/* ------------------------------------------------------------------ */
/* Drawing                                                              */

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  const CdChartStyle   *style;
  const Layout         *l;
} Painter;

static void
set_color (cairo_t *cr, const CdChartColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static const CdChartColor *
series_color (const CdChartStyle *style, int index)
{
  return &style->series[(guint) index % CD_CHART_N_COLORS];
}

/* Text in a box: @xalign 0 left, 0.5 centred, 1 right; vertically centred
 * on @cy. Only a text wider than its box is ellipsized (measured first:
 * the layout's estimates may be a little off for a given font). */
static void
draw_text (Painter *p, const char *text, double size, gboolean bold, const CdChartColor *color,
           double x, double cy, double width, double xalign)
{
  PangoRectangle logical;
  double dx;

  pango_font_description_set_absolute_size (p->font, size * PANGO_SCALE);
  pango_font_description_set_weight (p->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->layout, p->font);
  pango_layout_set_width (p->layout, -1);
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_extents (p->layout, NULL, &logical);
  if (width > 0 && logical.width > width)
    {
      pango_layout_set_width (p->layout, (int) (width * PANGO_SCALE));
      pango_layout_get_pixel_extents (p->layout, NULL, &logical);
    }

  dx = width > 0 ? MAX (0, (width - logical.width) * xalign) : 0;
  set_color (p->cr, color, 1);
  cairo_move_to (p->cr, x + dx - logical.x, cy - logical.height / 2.0);
  pango_cairo_show_layout (p->cr, p->layout);
}

static void
draw_titles (Painter *p)
{
  const Layout *l = p->l;

  if (!l->geometry->show_title)
    return;
  draw_text (p, l->chart->title, l->fs * 1.45, TRUE, &p->style->text, l->title.x,
             l->title.y + l->title.height / 2, l->title.width, 0);
  if (*l->chart->subtitle)
    draw_text (p, l->chart->subtitle, l->fs, FALSE, &p->style->muted, l->subtitle.x,
               l->subtitle.y + l->subtitle.height / 2, l->subtitle.width, 0);
}

static void
draw_legend (Painter *p)
{
  const Layout *l = p->l;
  gboolean donut = l->chart->kind == CD_CHART_DONUT;

  for (guint n = 0; n < l->n_legend; n++)
    {
      const CdChartRect *r = &l->legend[n];
      int e = l->legend_entry[n];
      gboolean on = donut || cd_chart_series (l->chart, e)->visible;
      double sw = l->fs * 0.9, sy = r->y + (r->height - sw) / 2;

      cairo_rectangle (p->cr, r->x + 0.5, sy + 0.5, sw - 1, sw - 1);
      set_color (p->cr, series_color (p->style, e), 1);
      if (on)
        cairo_fill (p->cr);
      else
        {
          /* A hidden series keeps an empty swatch, so it can be turned back on. */
          cairo_set_line_width (p->cr, 1.5);
          cairo_stroke (p->cr);
        }
      /* The text may run into the space before the next entry. */
      draw_text (p, legend_label (l, e), l->fs, FALSE, on ? &p->style->text : &p->style->muted,
                 r->x + l->fs * 1.5, r->y + r->height / 2, r->width - l->fs * 0.5, 0);
    }
}

static void
draw_message (Painter *p)
{
  const Layout *l = p->l;
  const char *message = _("There is no data for this period.");

  if (l->n_drawn == 0 && cd_chart_get_n_drawn_series (l->chart) == 0 && l->n_legend > 0
      && l->chart->kind != CD_CHART_DONUT)
    message = _("Every series is hidden: turn one on in the legend.");
  draw_text (p, message, l->fs * 1.1, FALSE, &p->style->muted, l->plot.x,
             l->plot.y + l->plot.height / 2, l->plot.width, 0.5);
}

static void
draw_value_axis (Painter *p)
{
  const Layout *l = p->l;
  cairo_t *cr = p->cr;

  cairo_set_line_width (cr, 1);
  for (guint t = 0; t <= l->axis.n_steps; t++)
    {
      double value = cd_chart_axis_tick (&l->axis, t);
      double y = l->plot.y + l->plot.height - t * l->plot.height / l->axis.n_steps;
      g_autofree char *label = cd_chart_axis_format_tick (&l->axis, value, l->unit,
                                                          l->geometry->labels);

      /* Half-pixel lines stay sharp on screen and in PNG. */
      y = round (y) + 0.5;
      set_color (cr, fabs (value) < l->axis.step * 1e-6 ? &p->style->axis : &p->style->grid, 1);
      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
      cairo_stroke (cr);
      /* Right-aligned to the plot; the box reaches into the margin so that
       * a label a little wider than estimated is not cut. */
      draw_text (p, label, l->fs, FALSE, &p->style->muted,
                 l->plot.x - l->fs * 0.5 - l->y_label_width * 1.5, y, l->y_label_width * 1.5, 1);
    }
}

/* Up to two lines, centred in @width, from @y down; the rest ellipsized. */
static void
draw_wrapped_label (Painter *p, const char *text, double x, double y, double width)
{
  PangoRectangle logical;

  pango_font_description_set_absolute_size (p->font, p->l->fs * PANGO_SCALE);
  pango_font_description_set_weight (p->font, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->layout, p->font);
  pango_layout_set_width (p->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_height (p->layout, -2);
  pango_layout_set_wrap (p->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_extents (p->layout, NULL, &logical);
  set_color (p->cr, &p->style->muted, 1);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->layout);
  pango_layout_set_height (p->layout, -1);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
}

static void
draw_category_labels (Painter *p)
{
  const Layout *l = p->l;
  double y = l->plot.y + l->plot.height + l->fs * 0.95;
  double width = l->band * l->label_every - l->fs * 0.4;

  for (guint i = 0; i < l->n_cat; i += l->label_every)
    {
      double cx = l->plot.x + (i + 0.5) * l->band;
      const char *label = cd_chart_get_category_label (l->chart, i);

      if (l->two_line_labels)
        draw_wrapped_label (p, label, cx - width / 2, y - l->fs * 0.6, width);
      else
        draw_text (p, label, l->fs, FALSE, &p->style->muted, cx - width / 2, y, width, 0.5);
    }
}

static gboolean
is_highlight (const CdChartStyle *style, int series, guint index)
{
  return style->highlight_series == series && style->highlight_index == (int) index;
}

static double
item_alpha (const CdChartStyle *style, int series, guint index)
{
  if (style->highlight_series < 0)
    return 1;
  return is_highlight (style, series, index) ? 1 : DIM_ALPHA;
}

/* One path and one fill per series: 960 bars cost 8 fills, not 960. */
static void
draw_bars (Painter *p)
{
  const Layout *l = p->l;
  const CdChartStyle *style = p->style;

  for (guint k = 0; k < l->n_drawn; k++)
    {
      int s = l->drawn[k];

      for (guint i = 0; i < l->n_cat; i++)
        {
          CdChartRect r;

          if (is_highlight (style, s, i))
            continue;
          r = bar_rect (l, k, i);
          cairo_rectangle (p->cr, r.x, r.y, r.width, r.height);
        }
      set_color (p->cr, series_color (style, s), style->highlight_series < 0 ? 1 : DIM_ALPHA);
      cairo_fill (p->cr);

      if (style->highlight_series == s && style->highlight_index >= 0
          && (guint) style->highlight_index < l->n_cat)
        {
          CdChartRect r = bar_rect (l, k, style->highlight_index);

          cairo_rectangle (p->cr, r.x, r.y, r.width, r.height);
          set_color (p->cr, series_color (style, s), 1);
          cairo_fill (p->cr);
        }
    }
}

static void
draw_lines (Painter *p)
{
  const Layout *l = p->l;
  const CdChartStyle *style = p->style;
  cairo_t *cr = p->cr;
  double radius = l->fs * 0.22;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint k = 0; k < l->n_drawn; k++)
    {
      int s = l->drawn[k];
      double x, y;

      /* One stroke per segment: cairo strokes a long zig-zag polyline
       * several times slower than its segments one by one (its pieces
       * overlap), and the round caps hide the joints. */
      cairo_set_line_width (cr, MAX (1.5, l->fs * 0.16));
      set_color (cr, series_color (style, s), style->highlight_series < 0 ? 1 : 0.7);
      point_at (l, k, 0, &x, &y);
      for (guint i = 1; i < l->n_cat; i++)
        {
          cairo_move_to (cr, x, y);
          point_at (l, k, i, &x, &y);
          cairo_line_to (cr, x, y);
          cairo_stroke (cr);
        }

      /* Markers only where the points stand apart. */
      for (guint i = 0; i < l->n_cat && l->band >= radius * 5; i++)
        {
          point_at (l, k, i, &x, &y);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
        }
      cairo_fill (cr);

      if (style->highlight_series == s && style->highlight_index >= 0
          && (guint) style->highlight_index < l->n_cat)
        {
          point_at (l, k, style->highlight_index, &x, &y);
          cairo_arc (cr, x, y, radius * 2, 0, 2 * G_PI);
          set_color (cr, &style->background, 1);
          cairo_fill_preserve (cr);
          set_color (cr, series_color (style, s), 1);
          cairo_set_line_width (cr, radius * 1.2);
          cairo_stroke (cr);
        }
    }
}

static void
slice_path (cairo_t *cr, const Layout *l, double a0, double a1)
{
  cairo_new_path (cr);
  cairo_arc (cr, l->cx, l->cy, l->r_outer, a0, a1);
  cairo_arc_negative (cr, l->cx, l->cy, l->r_inner, a1, a0);
  cairo_close_path (cr);
}

/* Each slice wide enough for it says its share, in the background colour. */
static void
draw_slice_shares (Painter *p)
{
  const Layout *l = p->l;
  double a0, a1, mid_r = (l->r_inner + l->r_outer) / 2;

  for (guint i = 0; i < l->n_cat; i++)
    {
      gint64 v;
      g_autofree char *share = NULL;
      double mid;

      if (!slice_angles (l, i, &a0, &a1) || (a1 - a0) * mid_r < l->fs * 3.5)
        continue;
      v = cd_chart_get_value (l->chart, l->drawn[0], i);
      /* One decimal is enough to read a share. */
      share = cd_chart_format_value (CD_CHART_UNIT_BP, (v * 1000 + l->total / 2) / l->total * 10);
      mid = (a0 + a1) / 2;
      draw_text (p, share, l->fs * 1.1, TRUE, &p->style->background,
                 l->cx + cos (mid) * mid_r - l->fs * 3, l->cy + sin (mid) * mid_r, l->fs * 6, 0.5);
    }
}

static void
draw_donut (Painter *p)
{
  const Layout *l = p->l;
  const CdChartStyle *style = p->style;
  g_autofree char *total = NULL;
  double a0, a1;

  for (guint i = 0; i < l->n_cat; i++)
    {
      if (!slice_angles (l, i, &a0, &a1))
        continue;
      slice_path (p->cr, l, a0, a1);
      set_color (p->cr, series_color (style, i), item_alpha (style, l->drawn[0], i));
      cairo_fill_preserve (p->cr);
      /* A thin ring of background between slices. */
      set_color (p->cr, &style->background, 1);
      cairo_set_line_width (p->cr, MAX (1, l->fs * 0.1));
      cairo_stroke (p->cr);
    }

  draw_slice_shares (p);
  total = cd_chart_format_value (l->unit, l->total);
  draw_text (p, total, l->fs * 1.8, TRUE, &style->text, l->cx - l->r_inner, l->cy - l->fs * 0.9,
             l->r_inner * 2, 0.5);
  draw_text (p, _("Total"), l->fs * 1.1, FALSE, &style->muted, l->cx - l->r_inner,
             l->cy + l->fs * 1.3, l->r_inner * 2, 0.5);
}

static gboolean layout_item_area (const Layout *l, int series, int index, CdChartRect *out);

static void
draw_focus (Painter *p)
{
  const Layout *l = p->l;
  const CdChartStyle *style = p->style;
  CdChartRect r;
  double a0, a1, dash[] = { 4, 2 };

  if (style->focus_series < 0 || l->tiny || l->empty)
    return;
  cairo_set_line_width (p->cr, 2);
  cairo_set_dash (p->cr, dash, 2, 0);
  set_color (p->cr, &style->focus, 1);
  if (l->chart->kind == CD_CHART_DONUT)
    {
      if (style->focus_index < 0 || !slice_angles (l, style->focus_index, &a0, &a1))
        goto out;
      slice_path (p->cr, l, a0, a1);
      cairo_stroke (p->cr);
    }
  else if (layout_item_area (l, style->focus_series, style->focus_index, &r))
    {
      cairo_rectangle (p->cr, r.x - 2.5, r.y - 2.5, r.width + 5, r.height + 5);
      cairo_stroke (p->cr);
    }
out:
  cairo_set_dash (p->cr, NULL, 0, 0);
}

static PangoLayout *
create_text_layout (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  PangoLayout *layout;

  /* Han characters shared by Chinese and Japanese take their Chinese shapes. */
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  layout = pango_layout_new (context);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  g_object_unref (context);
  return layout;
}

/**
 * cd_chart_draw:
 * @cr: where to paint; the geometry is in its user units
 * @geometry: where things go
 * @chart: what to draw
 * @style: colours, and the highlighted and focused items
 *
 * Paints @chart in the rectangle of @geometry and nowhere else. The same
 * call paints the widget, the PNG, SVG and PDF exports and print.
 */
void
cd_chart_draw (cairo_t *cr, const CdChartGeometry *geometry, const CdChart *chart,
               const CdChartStyle *style)
{
  Painter p = { cr, NULL, NULL, style, NULL };
  Layout l;

  g_return_if_fail (cr != NULL && geometry != NULL && chart != NULL && style != NULL);

  layout_compute (&l, chart, geometry);
  p.l = &l;
  cairo_save (cr);
  cairo_rectangle (cr, geometry->x, geometry->y, geometry->width, geometry->height);
  cairo_clip (cr);
  if (style->fill_background)
    {
      set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }

  p.layout = create_text_layout (cr);
  p.font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  draw_titles (&p);
  draw_legend (&p);
  if (!l.tiny)
    {
      if (l.empty)
        draw_message (&p);
      else if (chart->kind == CD_CHART_DONUT)
        draw_donut (&p);
      else
        {
          draw_value_axis (&p);
          if (chart->kind == CD_CHART_LINE)
            draw_lines (&p);
          else
            draw_bars (&p);
          draw_category_labels (&p);
        }
      draw_focus (&p);
    }
  pango_font_description_free (p.font);
  g_object_unref (p.layout);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Hit-testing                                                          */

static gboolean
in_rect (const CdChartRect *r, double x, double y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static gboolean
lookup_bar_in (const Layout *l, guint i, double x, double y, int *best)
{
  for (guint k = 0; k < l->n_drawn; k++)
    {
      CdChartRect r = bar_rect (l, k, i);
      double x0, x1;

      bar_slot (l, k, i, &x0, &x1);
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
      if (r.height > 0 && (*best < 0 || r.y < bar_rect (l, *best, i).y))
        *best = k;
    }
  return *best >= 0;
}

static gboolean
lookup_bar (const Layout *l, double x, double y, int *series, int *index)
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
lookup_point (const Layout *l, double x, double y, int *series, int *index)
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

      point_at (l, k, i, &px, &py);
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
lookup_slice (const Layout *l, double x, double y, int *series, int *index)
{
  double dx = x - l->cx, dy = y - l->cy, r = hypot (dx, dy), angle, a0, a1;

  if (r < l->r_inner || r > l->r_outer)
    return FALSE;
  angle = atan2 (dy, dx);
  if (angle < -G_PI_2)
    angle += 2 * G_PI;
  for (guint i = 0; i < l->n_cat; i++)
    if (slice_angles (l, i, &a0, &a1) && angle >= a0 && angle < a1)
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
  Layout l;
  int series = -1, index = -1;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL && geometry != NULL, FALSE);

  layout_compute (&l, chart, geometry);
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
  Layout l;

  g_return_val_if_fail (chart != NULL && geometry != NULL, FALSE);

  if (chart->kind == CD_CHART_DONUT)
    return FALSE;
  layout_compute (&l, chart, geometry);
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
  Layout l;

  g_return_val_if_fail (chart != NULL && geometry != NULL && out_area != NULL, FALSE);

  layout_compute (&l, chart, geometry);
  for (guint n = 0; n < l.n_legend; n++)
    if (l.legend_entry[n] == series)
      {
        *out_area = l.legend[n];
        return TRUE;
      }
  return FALSE;
}

static gboolean
layout_item_area (const Layout *l, int series, int index, CdChartRect *out)
{
  int k = drawn_position (l, series);
  double x, y, a0, a1, mid;

  if (k < 0 || index < 0 || (guint) index >= l->n_cat || l->tiny)
    return FALSE;
  switch (l->chart->kind)
    {
    case CD_CHART_BAR:
    case CD_CHART_STACKED_BAR:
      *out = bar_rect (l, k, index);
      return TRUE;
    case CD_CHART_LINE:
      point_at (l, k, index, &x, &y);
      *out = (CdChartRect) { x - l->fs * 0.5, y - l->fs * 0.5, l->fs, l->fs };
      return TRUE;
    case CD_CHART_DONUT:
      if (!slice_angles (l, index, &a0, &a1))
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
  Layout l;

  g_return_val_if_fail (chart != NULL && geometry != NULL && out_area != NULL, FALSE);

  layout_compute (&l, chart, geometry);
  return layout_item_area (&l, series, index, out_area);
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
