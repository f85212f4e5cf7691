/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart model, its drawing and its hit-testing, checked against each
 * other: wherever the image shows a series' colour, lookup must name that
 * series, and nowhere else may it name anything. */
#include <math.h>

#include "reports/cd-chart.h"

#define WIDTH 640
#define HEIGHT 400

static CdChart *
make_chart (CdChartKind kind, guint n_series, guint n_categories)
{
  CdChart *chart = cd_chart_new (kind, "Test chart");

  cd_chart_set_subtitle (chart, "2025-01 – 2025-06");
  for (guint i = 0; i < n_categories; i++)
    {
      g_autofree char *key = g_strdup_printf ("2025-%02u", i + 1);
      cd_chart_add_category (chart, key, key);
    }
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *label = g_strdup_printf ("Series %u", s);
      guint series = cd_chart_add_series (chart, label, CD_CHART_UNIT_FEN, FALSE);

      for (guint i = 0; i < n_categories; i++)
        cd_chart_set_value (chart, series, i, (gint64) (((i * 7 + s * 3) % 5) + 1) * 100000);
    }
  return chart;
}

static guint32
color_pixel (const CdChartColor *c)
{
  return 0xff000000u | ((guint32) lround (c->red * 255) << 16)
         | ((guint32) lround (c->green * 255) << 8) | (guint32) lround (c->blue * 255);
}

static cairo_surface_t *
render (const CdChart *chart, const CdChartGeometry *geometry, const CdChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cd_chart_draw (cr, geometry, chart, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

/* Which colour index a pixel has, or -1. */
static int
palette_index (const CdChartStyle *style, guint32 pixel)
{
  for (int i = 0; i < CD_CHART_N_COLORS; i++)
    if (color_pixel (&style->series[i]) == pixel)
      return i;
  return -1;
}

/* Every pixel painted in a series' colour answers that series (a donut:
 * that category) from lookup; returns how many (series, index) pairs were
 * seen, in @seen. */
static void
cross_check (const CdChart *chart, const CdChartGeometry *geometry, gboolean by_category,
             gboolean seen[8][16])
{
  CdChartStyle style;
  cairo_surface_t *surface;
  guint mismatches = 0;

  cd_chart_style_init (&style, FALSE);
  surface = render (chart, geometry, &style);
  for (int y = 0; y < HEIGHT; y += 2)
    for (int x = 0; x < WIDTH; x += 2)
      {
        int color = palette_index (&style, pixel_at (surface, x, y)), series, index;

        if (color < 0)
          continue;
        if (!cd_chart_lookup_item (chart, geometry, x + 0.5, y + 0.5, &series, &index))
          {
            mismatches++;
            continue;
          }
        if ((by_category ? index : series) != color)
          mismatches++;
        else
          seen[series][index] = TRUE;
      }
  g_test_message ("%u pixels disagree with lookup", mismatches);
  g_assert_cmpuint (mismatches, ==, 0);
  cairo_surface_destroy (surface);
}

static void
no_legend_geometry (CdChartGeometry *geometry)
{
  cd_chart_geometry_init (geometry, WIDTH, HEIGHT);
  /* The legend's swatches have the series' colours too. */
  geometry->show_legend = FALSE;
}

static void
test_bar_under_point (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_BAR, 3, 6);
  CdChartGeometry geometry;
  gboolean seen[8][16] = { { FALSE } };

  no_legend_geometry (&geometry);
  cross_check (chart, &geometry, FALSE, seen);
  for (guint s = 0; s < 3; s++)
    for (guint i = 0; i < 6; i++)
      g_assert_true (seen[s][i]);

  /* The middle of each bar's painted area is that bar. */
  for (int s = 0; s < 3; s++)
    for (int i = 0; i < 6; i++)
      {
        CdChartRect area;
        int hs, hi;

        g_assert_true (cd_chart_get_item_area (chart, &geometry, s, i, &area));
        g_assert_true (cd_chart_lookup_item (chart, &geometry, area.x + area.width / 2,
                                             area.y + area.height / 2, &hs, &hi));
        g_assert_cmpint (hs, ==, s);
        g_assert_cmpint (hi, ==, i);
      }
}

static void
test_margins_hit_nothing (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_BAR, 3, 6);
  CdChartGeometry geometry;
  const double points[][2] = {
    { 1, 1 }, { WIDTH - 2, HEIGHT - 2 }, { 3, HEIGHT / 2 },      /* corners, left margin */
    { WIDTH / 2, 8 },                                           /* the title */
    { WIDTH / 2, HEIGHT - 3 },                                  /* under the category labels */
    { WIDTH + 10, HEIGHT / 2 }, { -5, -5 },                      /* outside altogether */
  };
  CdChartRect a, b;
  int s = 7, i = 7;

  cd_chart_geometry_init (&geometry, WIDTH, HEIGHT);
  for (guint p = 0; p < G_N_ELEMENTS (points); p++)
    {
      g_assert_false (cd_chart_lookup_item (chart, &geometry, points[p][0], points[p][1], &s, &i));
      g_assert_cmpint (s, ==, -1);
      g_assert_cmpint (i, ==, -1);
    }

  /* The gap between two groups of bars is no bar either. */
  g_assert_true (cd_chart_get_item_area (chart, &geometry, 2, 0, &a));
  g_assert_true (cd_chart_get_item_area (chart, &geometry, 0, 1, &b));
  g_assert_cmpfloat (a.x + a.width, <, b.x);
  g_assert_false (cd_chart_lookup_item (chart, &geometry, (a.x + a.width + b.x) / 2,
                                        a.y + a.height - 1, NULL, NULL));
}

static void
test_hidden_series (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_BAR, 3, 6);
  CdChartGeometry geometry;
  CdChartStyle style;
  cairo_surface_t *surface;
  guint painted = 0;

  no_legend_geometry (&geometry);
  cd_chart_style_init (&style, FALSE);
  cd_chart_set_series_visible (chart, 1, FALSE);
  g_assert_cmpuint (cd_chart_get_n_drawn_series (chart), ==, 2);
  surface = render (chart, &geometry, &style);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        int series, index;

        painted += palette_index (&style, pixel_at (surface, x, y)) == 1;
        if (cd_chart_lookup_item (chart, &geometry, x, y, &series, &index))
          g_assert_cmpint (series, !=, 1);
      }
  g_assert_cmpuint (painted, ==, 0);
  g_assert_false (cd_chart_get_item_area (chart, &geometry, 1, 0, &(CdChartRect) { 0 }));
  cairo_surface_destroy (surface);
}

static void
test_legend_toggles (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_BAR, 2, 4);
  guint rate = cd_chart_add_series (chart, "Rate", CD_CHART_UNIT_BP, TRUE);
  CdChartGeometry geometry;
  CdChartRect area;
  int series = -1;

  cd_chart_geometry_init (&geometry, WIDTH, HEIGHT);
  for (int s = 0; s < 2; s++)
    {
      g_assert_true (cd_chart_get_legend_area (chart, &geometry, s, &area));
      g_assert_true (cd_chart_lookup_legend (chart, &geometry, area.x + 2, area.y + area.height / 2,
                                             &series));
      g_assert_cmpint (series, ==, s);
    }
  /* A table-only column has no legend entry and is never drawn. */
  g_assert_false (cd_chart_get_legend_area (chart, &geometry, rate, &area));
  g_assert_false (cd_chart_series_is_drawn (chart, rate));
  /* A hidden series keeps its entry, so it can be turned on again. */
  cd_chart_set_series_visible (chart, 0, FALSE);
  g_assert_true (cd_chart_get_legend_area (chart, &geometry, 0, &area));
  g_assert_false (cd_chart_lookup_legend (chart, &geometry, 1, 1, &series));
}

static void
test_stacked_segments (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_STACKED_BAR, 3, 5);
  CdChartGeometry geometry;
  gboolean seen[8][16] = { { FALSE } };
  CdChartRect low, high;
  int s, i;

  no_legend_geometry (&geometry);
  cross_check (chart, &geometry, FALSE, seen);
  for (guint k = 0; k < 3; k++)
    for (guint c = 0; c < 5; c++)
      g_assert_true (seen[k][c]);

  /* Segments stack upwards in series order; above the stack is its top. */
  cd_chart_get_item_area (chart, &geometry, 0, 2, &low);
  cd_chart_get_item_area (chart, &geometry, 2, 2, &high);
  g_assert_cmpfloat (high.y + high.height, <, low.y + 0.01);
  g_assert_true (cd_chart_lookup_item (chart, &geometry, high.x + 2, high.y - 5, &s, &i));
  g_assert_cmpint (s, ==, 2);
  g_assert_cmpint (i, ==, 2);
}

static void
test_donut_slices (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_DONUT, 1, 5);
  CdChartGeometry geometry;
  gboolean seen[8][16] = { { FALSE } };

  no_legend_geometry (&geometry);
  cross_check (chart, &geometry, TRUE, seen);
  for (guint c = 0; c < 5; c++)
    g_assert_true (seen[0][c]);
  /* The hole in the middle is nothing. */
  g_assert_false (cd_chart_lookup_item (chart, &geometry, WIDTH / 2.0, HEIGHT / 2.0 + 20, NULL, NULL));
}

static void
test_line_points (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_LINE, 2, 6);
  CdChartGeometry geometry;

  cd_chart_geometry_init (&geometry, WIDTH, HEIGHT);
  for (int s = 0; s < 2; s++)
    for (int i = 0; i < 6; i++)
      {
        CdChartRect area;
        int hs, hi;

        g_assert_true (cd_chart_get_item_area (chart, &geometry, s, i, &area));
        if (i > 0 && cd_chart_get_value (chart, 0, i) == cd_chart_get_value (chart, 1, i))
          continue;   /* two points in the same place: either is right */
        g_assert_true (cd_chart_lookup_item (chart, &geometry, area.x + area.width / 2,
                                             area.y + area.height / 2 + 1, &hs, &hi));
        g_assert_cmpint (hi, ==, i);
        g_assert_cmpint (hs, ==, s);
      }
}

static void
test_keyboard_order (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_BAR, 2, 3);
  int s = -1, i = -1;
  const int expected[][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 }, { 0, 2 }, { 1, 2 } };

  for (guint n = 0; n < G_N_ELEMENTS (expected); n++)
    {
      g_assert_true (cd_chart_next_item (chart, 1, &s, &i));
      g_assert_cmpint (s, ==, expected[n][0]);
      g_assert_cmpint (i, ==, expected[n][1]);
    }
  g_assert_false (cd_chart_next_item (chart, 1, &s, &i));
  g_assert_cmpint (i, ==, 2);
  g_assert_true (cd_chart_next_item (chart, -1, &s, &i));
  g_assert_cmpint (s, ==, 0);
  g_assert_cmpint (i, ==, 2);

  /* A hidden series is skipped. */
  cd_chart_set_series_visible (chart, 0, FALSE);
  s = i = -1;
  g_assert_true (cd_chart_next_item (chart, 1, &s, &i));
  g_assert_cmpint (s, ==, 1);
  g_assert_true (cd_chart_next_item (chart, 1, &s, &i));
  g_assert_cmpint (s, ==, 1);
  g_assert_cmpint (i, ==, 1);
}

static void
test_description (void)
{
  g_autoptr (CdChart) chart = cd_chart_new (CD_CHART_BAR, "Revenue");
  g_autofree char *text = NULL, *item = NULL;
  guint s;

  cd_chart_set_subtitle (chart, "2025-01 – 2025-03");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("2025-%02u", i + 1);
      cd_chart_add_category (chart, key, key);
    }
  s = cd_chart_add_series (chart, "Collected", CD_CHART_UNIT_FEN, FALSE);
  cd_chart_set_value (chart, s, 0, 100);
  cd_chart_set_value (chart, s, 1, 250000);
  cd_chart_set_value (chart, s, 2, 5000);
  text = cd_chart_describe (chart);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Revenue"));
  g_assert_nonnull (strstr (text, "Collected"));
  g_assert_nonnull (strstr (text, "¥2,551.00"));     /* the total */
  g_assert_nonnull (strstr (text, "¥2,500.00"));     /* the peak… */
  g_assert_nonnull (strstr (text, "2025-02"));       /* …and where */
  item = cd_chart_format_item (chart, s, 1);
  g_assert_nonnull (strstr (item, "2025-02"));
  g_assert_nonnull (strstr (item, "¥2,500.00"));
}

/* Highlight and focus change colours only: the highlighted bar keeps its
 * colour, the others are dimmed, and the layout does not move. */
static void
test_highlight (void)
{
  g_autoptr (CdChart) chart = make_chart (CD_CHART_BAR, 2, 4);
  CdChartGeometry geometry;
  CdChartStyle style;
  CdChartRect area, other;
  cairo_surface_t *surface;

  no_legend_geometry (&geometry);
  cd_chart_style_init (&style, FALSE);
  style.highlight_series = 1;
  style.highlight_index = 2;
  style.focus_series = 0;
  style.focus_index = 0;
  surface = render (chart, &geometry, &style);
  cd_chart_get_item_area (chart, &geometry, 1, 2, &area);
  cd_chart_get_item_area (chart, &geometry, 1, 1, &other);
  g_assert_cmpint (palette_index (&style, pixel_at (surface, area.x + area.width / 2,
                                                    area.y + area.height / 2)), ==, 1);
  g_assert_cmpint (palette_index (&style, pixel_at (surface, other.x + other.width / 2,
                                                    other.y + other.height / 2)), ==, -1);
  cairo_surface_destroy (surface);
}

static void
test_degenerate_areas (void)
{
  g_autoptr (CdChart) empty = cd_chart_new (CD_CHART_BAR, "Empty");
  g_autoptr (CdChart) chart = make_chart (CD_CHART_DONUT, 1, 3);
  CdChartGeometry geometry;
  CdChartStyle style;
  cairo_surface_t *surface;
  int s = 0, i = 0;

  cd_chart_style_init (&style, TRUE);
  cd_chart_geometry_init (&geometry, 6, 6);
  surface = render (chart, &geometry, &style);
  cairo_surface_destroy (surface);
  g_assert_false (cd_chart_lookup_item (chart, &geometry, 3, 3, &s, &i));

  cd_chart_geometry_init (&geometry, WIDTH, HEIGHT);
  surface = render (empty, &geometry, &style);
  cairo_surface_destroy (surface);
  g_assert_false (cd_chart_lookup_item (empty, &geometry, WIDTH / 2.0, HEIGHT / 2.0, &s, &i));
  g_assert_false (cd_chart_next_item (empty, 1, &s, &i));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/reports/chart/hit-testing-returns-the-bar-under-a-point", test_bar_under_point);
  g_test_add_func ("/reports/chart/margins-titles-and-gaps-hit-nothing", test_margins_hit_nothing);
  g_test_add_func ("/reports/chart/hidden-series-are-neither-drawn-nor-hit", test_hidden_series);
  g_test_add_func ("/reports/chart/legend-entries-find-their-series", test_legend_toggles);
  g_test_add_func ("/reports/chart/stacked-segments-are-hit-one-by-one", test_stacked_segments);
  g_test_add_func ("/reports/chart/donut-slices-are-hit-by-angle", test_donut_slices);
  g_test_add_func ("/reports/chart/line-points-are-hit-in-their-column", test_line_points);
  g_test_add_func ("/reports/chart/keyboard-goes-through-items-in-reading-order", test_keyboard_order);
  g_test_add_func ("/reports/chart/description-names-totals-and-peaks", test_description);
  g_test_add_func ("/reports/chart/highlight-dims-the-other-items", test_highlight);
  g_test_add_func ("/reports/chart/tiny-and-empty-charts-draw-and-hit-nothing", test_degenerate_areas);
  return g_test_run ();
}
