/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Painting a CdChart onto any cairo_t: screen, PNG, SVG, PDF and print.
 * Everything is placed by cd-chart-layout.c; this file only chooses colours
 * and strokes, and lets pango draw the text. */
#define G_LOG_DOMAIN "cd-reports"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "reports/cd-chart-private.h"

#define DIM_ALPHA 0.45

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  const CdChartStyle   *style;
  const CdChartLayout         *l;
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
  const CdChartLayout *l = p->l;

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
  const CdChartLayout *l = p->l;
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
      draw_text (p, cd_chart_layout_legend_label (l, e), l->fs, FALSE, on ? &p->style->text : &p->style->muted,
                 r->x + l->fs * 1.5, r->y + r->height / 2, r->width - l->fs * 0.5, 0);
    }
}

static void
draw_message (Painter *p)
{
  const CdChartLayout *l = p->l;
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
  const CdChartLayout *l = p->l;
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
  const CdChartLayout *l = p->l;
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
  const CdChartLayout *l = p->l;
  const CdChartStyle *style = p->style;

  for (guint k = 0; k < l->n_drawn; k++)
    {
      int s = l->drawn[k];

      for (guint i = 0; i < l->n_cat; i++)
        {
          CdChartRect r;

          if (is_highlight (style, s, i))
            continue;
          r = cd_chart_layout_bar_rect (l, k, i);
          cairo_rectangle (p->cr, r.x, r.y, r.width, r.height);
        }
      set_color (p->cr, series_color (style, s), style->highlight_series < 0 ? 1 : DIM_ALPHA);
      cairo_fill (p->cr);

      if (style->highlight_series == s && style->highlight_index >= 0
          && (guint) style->highlight_index < l->n_cat)
        {
          CdChartRect r = cd_chart_layout_bar_rect (l, k, style->highlight_index);

          cairo_rectangle (p->cr, r.x, r.y, r.width, r.height);
          set_color (p->cr, series_color (style, s), 1);
          cairo_fill (p->cr);
        }
    }
}

static void
draw_lines (Painter *p)
{
  const CdChartLayout *l = p->l;
  const CdChartStyle *style = p->style;
  cairo_t *cr = p->cr;
  double radius = l->fs * 0.22;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint k = 0; k < l->n_drawn; k++)
    {
      int s = l->drawn[k];
      double x, y;

      /* One stroke per segment: cairo strokes a long zig-zag polyline
       * several times slower than its segments one by one (its pieces
       * overlap). Butt caps cost a third less than round ones; where
       * points stand apart the markers cover the joints, where they are
       * dense the notch at a joint is under a pixel. */
      cairo_set_line_width (cr, MAX (1.5, l->fs * 0.16));
      set_color (cr, series_color (style, s), style->highlight_series < 0 ? 1 : 0.7);
      cd_chart_layout_point (l, k, 0, &x, &y);
      for (guint i = 1; i < l->n_cat; i++)
        {
          cairo_move_to (cr, x, y);
          cd_chart_layout_point (l, k, i, &x, &y);
          cairo_line_to (cr, x, y);
          cairo_stroke (cr);
        }

      /* Markers only where the points stand apart. */
      for (guint i = 0; i < l->n_cat && l->band >= radius * 5; i++)
        {
          cd_chart_layout_point (l, k, i, &x, &y);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
        }
      cairo_fill (cr);

      if (style->highlight_series == s && style->highlight_index >= 0
          && (guint) style->highlight_index < l->n_cat)
        {
          cd_chart_layout_point (l, k, style->highlight_index, &x, &y);
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
slice_path (cairo_t *cr, const CdChartLayout *l, double a0, double a1)
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
  const CdChartLayout *l = p->l;
  double a0, a1, mid_r = (l->r_inner + l->r_outer) / 2;

  for (guint i = 0; i < l->n_cat; i++)
    {
      gint64 v;
      g_autofree char *share = NULL;
      double mid;

      if (!cd_chart_layout_slice_angles (l, i, &a0, &a1) || (a1 - a0) * mid_r < l->fs * 3.5)
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
  const CdChartLayout *l = p->l;
  const CdChartStyle *style = p->style;
  g_autofree char *total = NULL;
  double a0, a1;

  for (guint i = 0; i < l->n_cat; i++)
    {
      if (!cd_chart_layout_slice_angles (l, i, &a0, &a1))
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

static void
draw_focus (Painter *p)
{
  const CdChartLayout *l = p->l;
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
      if (style->focus_index < 0 || !cd_chart_layout_slice_angles (l, style->focus_index, &a0, &a1))
        goto out;
      slice_path (p->cr, l, a0, a1);
      cairo_stroke (p->cr);
    }
  else if (cd_chart_layout_item_area (l, style->focus_series, style->focus_index, &r))
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
  CdChartLayout l;

  g_return_if_fail (cr != NULL && geometry != NULL && chart != NULL && style != NULL);

  cd_chart_layout_compute (&l, chart, geometry);
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
