/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart widget under Xvfb: its accessible name and description, the
 * keyboard moving from point to point with a visible mark, the legend's
 * toggles, dark colours; and the Insights view loading a chart and its
 * table from the demo agency off the UI thread. */
#include <string.h>

#include "gui-test-util.h"
#include "gui/cd-chart-widget.h"
#include "gui/cd-insights-view.h"

static CdChart *
make_chart (void)
{
  CdChart *chart = cd_chart_new (CD_CHART_BAR, "Revenue");
  guint a, b;

  cd_chart_set_subtitle (chart, "2025-01 – 2025-03");
  a = cd_chart_add_series (chart, "Contracted", CD_CHART_UNIT_FEN, FALSE);
  b = cd_chart_add_series (chart, "Collected", CD_CHART_UNIT_FEN, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("2025-%02u", i + 1);
      guint c = cd_chart_add_category (chart, key, key);

      cd_chart_set_value (chart, a, c, 100000 * (i + 1));
      cd_chart_set_value (chart, b, c, 50000 * (i + 2));
    }
  return chart;
}

static GtkWindow *
show (GtkWidget *child, int width, int height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  cd_test_iterate (300);
  return window;
}

/* The widget as painted, to compare pixels. */
static GBytes *
render (GtkWidget *widget, int *out_width, int *out_height, const char *save_as)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guint8 *data;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (save_as != NULL)
    gdk_texture_save_to_png (texture, save_as);
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  *out_width = width;
  *out_height = height;
  return g_bytes_new_take (data, width * height * 4);
}

static guint
count_colors (GBytes *pixels)
{
  g_autoptr (GHashTable) colors = g_hash_table_new (g_direct_hash, g_direct_equal);
  gsize size;
  const guint32 *data = g_bytes_get_data (pixels, &size);

  for (gsize i = 0; i < size / 4; i++)
    g_hash_table_add (colors, GUINT_TO_POINTER (data[i]));
  return g_hash_table_size (colors);
}

static void
test_accessible_label (void)
{
  g_autoptr (CdChart) chart = make_chart ();
  GtkWidget *widget = cd_chart_widget_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Other");
  g_autofree char *description = cd_chart_describe (chart);
  GtkWindow *window;

  cd_chart_widget_set_chart (CD_CHART_WIDGET (widget), chart);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), widget);
  window = show (box, 640, 400);
  gtk_widget_grab_focus (button);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Revenue chart");
  /* Without the keyboard: the summary, with each series' total and peak. */
  g_assert_nonnull (strstr (description, "¥6,000.00"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  /* With it: the point it is on. */
  gtk_widget_grab_focus (widget);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "2025-01 · Contracted: ¥1,000.00");
  gtk_widget_grab_focus (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  gtk_window_destroy (window);
}

static void
test_keyboard_focus (void)
{
  g_autoptr (CdChart) chart = make_chart ();
  GtkWidget *widget = cd_chart_widget_new ();
  g_autoptr (GBytes) before = NULL, after = NULL;
  GtkWindow *window;
  int series = -1, index = -1, width, height;

  cd_chart_widget_set_chart (CD_CHART_WIDGET (widget), chart);
  window = show (widget, 640, 400);
  before = render (widget, &width, &height, NULL);

  /* Focus lands on the first point; the arrow keys' actions move it. */
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (gtk_widget_is_focus (widget));
  g_assert_true (cd_chart_widget_get_focus_item (CD_CHART_WIDGET (widget), &series, &index));
  g_assert_cmpint (series, ==, 0);
  g_assert_cmpint (index, ==, 0);
  gtk_widget_activate_action (widget, "chart.next-item", NULL);
  gtk_widget_activate_action (widget, "chart.next-item", NULL);
  cd_chart_widget_get_focus_item (CD_CHART_WIDGET (widget), &series, &index);
  g_assert_cmpint (series, ==, 0);
  g_assert_cmpint (index, ==, 1);
  gtk_widget_activate_action (widget, "chart.previous-item", NULL);
  cd_chart_widget_get_focus_item (CD_CHART_WIDGET (widget), &series, &index);
  g_assert_cmpint (series, ==, 1);
  g_assert_cmpint (index, ==, 0);
  gtk_widget_activate_action (widget, "chart.last-item", NULL);
  cd_chart_widget_get_focus_item (CD_CHART_WIDGET (widget), &series, &index);
  g_assert_cmpint (series, ==, 1);
  g_assert_cmpint (index, ==, 2);

  /* A screen reader hears the point with the keyboard. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "2025-03 · Collected: ¥2,000.00");

  /* The focus mark is painted. */
  cd_test_iterate (100);
  after = render (widget, &width, &height, NULL);
  g_assert_nonnull (before);
  g_assert_nonnull (after);
  g_assert_false (g_bytes_equal (before, after));
  gtk_window_destroy (window);
}

static void
on_item_activated_cb (CdChartWidget *widget, int series, int index, int *out)
{
  out[0] = series;
  out[1] = index;
}

static void
on_series_toggled_cb (CdChartWidget *widget, int series, gboolean visible, int *out)
{
  out[0] = series;
  out[1] = visible;
}

static void
test_activate_and_toggle (void)
{
  g_autoptr (CdChart) chart = make_chart ();
  GtkWidget *widget = cd_chart_widget_new ();
  int activated[2] = { -1, -1 }, toggled[2] = { -1, -1 }, series, index;
  GtkWindow *window;

  cd_chart_widget_set_chart (CD_CHART_WIDGET (widget), chart);
  g_signal_connect (widget, "item-activated", G_CALLBACK (on_item_activated_cb), activated);
  g_signal_connect (widget, "series-toggled", G_CALLBACK (on_series_toggled_cb), toggled);
  window = show (widget, 640, 400);

  cd_chart_widget_set_focus_item (CD_CHART_WIDGET (widget), 1, 2);
  gtk_widget_activate_action (widget, "chart.activate-item", NULL);
  g_assert_cmpint (activated[0], ==, 1);
  g_assert_cmpint (activated[1], ==, 2);

  /* Key 2 toggles the second legend entry: the focused series goes. */
  gtk_widget_activate_action (widget, "chart.toggle-series", "u", 2);
  g_assert_cmpint (toggled[0], ==, 1);
  g_assert_cmpint (toggled[1], ==, FALSE);
  g_assert_false (cd_chart_get_series_visible (chart, 1));
  g_assert_false (cd_chart_widget_get_focus_item (CD_CHART_WIDGET (widget), &series, &index));
  gtk_widget_activate_action (widget, "chart.toggle-series", "u", 2);
  g_assert_true (cd_chart_get_series_visible (chart, 1));
  g_assert_cmpint (toggled[1], ==, TRUE);
  gtk_window_destroy (window);
}

static void
test_dark_colours (void)
{
  g_autoptr (CdChart) chart = make_chart ();
  GtkWidget *widget = cd_chart_widget_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr (GBytes) light = NULL, dark = NULL;
  GtkWindow *window;
  int width, height;

  cd_chart_widget_set_chart (CD_CHART_WIDGET (widget), chart);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show (widget, 640, 400);
  light = render (widget, &width, &height, NULL);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cd_test_iterate (200);
  g_assert_true (adw_style_manager_get_dark (manager));
  dark = render (widget, &width, &height, NULL);
  g_assert_false (g_bytes_equal (light, dark));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

typedef struct
{
  char           *db_path;
  CdContext      *context;
  CdInsightsView *view;
} ViewFixture;

static gboolean
view_idle (gpointer data)
{
  ViewFixture *f = data;

  return !cd_insights_view_is_busy (f->view)
         && cd_chart_widget_get_chart (cd_insights_view_get_chart_widget (f->view)) != NULL;
}

static void
test_insights_view (void)
{
  ViewFixture f = { 0 };
  GtkWindow *window;
  CdChart *chart;
  GtkColumnView *table;
  g_autoptr (GBytes) shot = NULL;
  g_autofree char *png = NULL;
  const char *build = g_getenv ("CLIENTDESK_BUILD_ROOT");
  int width, height;

  f.db_path = cd_test_make_db_path ();
  f.context = cd_test_open_context (f.db_path);
  g_assert_true (cd_test_fill_demo (f.context));
  f.view = cd_insights_view_new (f.context);
  window = show (GTK_WIDGET (f.view), 1100, 700);
  g_assert_true (cd_test_wait (view_idle, &f, 10000));

  /* Last twelve months by default: one bar group per month. */
  chart = cd_chart_widget_get_chart (cd_insights_view_get_chart_widget (f.view));
  g_assert_cmpuint (cd_chart_get_n_categories (chart), ==, 12);
  g_assert_cmpstr (cd_chart_get_title (chart), ==, "Revenue");
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (f.view), "Revenue chart"));

  /* A screenshot is not empty (and is kept to be looked at). */
  cd_test_iterate (300);
  png = build ? g_build_filename (build, "insights-view.png", NULL) : NULL;
  shot = render (GTK_WIDGET (f.view), &width, &height, png);
  g_assert_nonnull (shot);
  g_assert_cmpuint (count_colors (shot), >, 50);

  /* The same figures as a table: a column per series, a row per month. */
  cd_insights_view_set_show_table (f.view, TRUE);
  table = cd_insights_view_get_table (f.view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    12);

  /* Another chart loads off the UI thread. */
  cd_insights_view_set_insight (f.view, CD_INSIGHT_WORKLOAD);
  g_assert_true (cd_test_wait (view_idle, &f, 10000));
  chart = cd_chart_widget_get_chart (cd_insights_view_get_chart_widget (f.view));
  g_assert_cmpint (cd_chart_get_kind (chart), ==, CD_CHART_STACKED_BAR);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 5);

  /* Exports run on a worker thread and leave complete files. */
  {
    g_autofree char *dir = g_path_get_dirname (f.db_path);
    g_autofree char *png_path = g_build_filename (dir, "workload.png", NULL);
    g_autofree char *pack_path = g_build_filename (dir, "pack.xlsx", NULL);
    g_autoptr (GFile) png_file = g_file_new_for_path (png_path);
    g_autoptr (GFile) pack_file = g_file_new_for_path (pack_path);

    g_assert_true (cd_insights_view_export (f.view, "png", png_file));
    g_assert_false (cd_insights_view_export (f.view, "director-pack", pack_file));  /* one at a time */
    g_assert_true (cd_test_wait (view_idle, &f, 10000));
    g_assert_true (cd_insights_view_export (f.view, "director-pack", pack_file));
    g_assert_true (cd_test_wait (view_idle, &f, 20000));
    g_assert_true (g_file_test (png_path, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (pack_path, G_FILE_TEST_IS_REGULAR));
  }

  gtk_window_destroy (window);
  cd_test_iterate (100);
  g_object_unref (f.context);
  cd_test_remove_tree (f.db_path);
  g_free (f.db_path);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/chart-widget/accessible-label-names-the-chart", test_accessible_label);
  g_test_add_func ("/gui/chart-widget/keyboard-focus-moves-between-points", test_keyboard_focus);
  g_test_add_func ("/gui/chart-widget/enter-activates-and-keys-toggle-series", test_activate_and_toggle);
  g_test_add_func ("/gui/chart-widget/colours-follow-the-dark-style", test_dark_colours);
  g_test_add_func ("/gui/insights-view/loads-a-chart-and-its-table-off-the-ui-thread",
                   test_insights_view);
  return g_test_run ();
}
