/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PNG, SVG and PDF exports: the size asked for, something drawn, files that
 * parse, the title in the PDF's text, and nothing left behind on failure. */
#include <glib/gstdio.h>

#include "reports/cd-chart-export.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("cd-chart-export-XXXXXX", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static CdChart *
make_chart (void)
{
  CdChart *chart = cd_chart_new (CD_CHART_BAR, "Revenue 营业收入");
  guint a, b;

  cd_chart_set_subtitle (chart, "2025-01 – 2025-12");
  a = cd_chart_add_series (chart, "Contracted", CD_CHART_UNIT_FEN, FALSE);
  b = cd_chart_add_series (chart, "Collected 回款", CD_CHART_UNIT_FEN, FALSE);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *key = g_strdup_printf ("2025-%02u", i + 1);
      guint c = cd_chart_add_category (chart, key, key);

      cd_chart_set_value (chart, a, c, (gint64) (i % 5 + 1) * 1234567);
      cd_chart_set_value (chart, b, c, (gint64) (i % 3 + 1) * 987654);
    }
  return chart;
}

static guint
count_colors (cairo_surface_t *image)
{
  g_autoptr (GHashTable) colors = g_hash_table_new (g_direct_hash, g_direct_equal);
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      g_hash_table_add (colors, GUINT_TO_POINTER (*(const guint32 *) (data + y * stride + x * 4)));
  return g_hash_table_size (colors);
}

static void
check_png (const char *path, int width, int height)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  /* Background, two series, grid, text with antialiasing: many colours. */
  g_assert_cmpuint (count_colors (image), >, 20);
  cairo_surface_destroy (image);
}

static void
test_png (Fixture *f, gconstpointer data)
{
  g_autoptr (CdChart) chart = make_chart ();
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  g_autoptr (GError) error = NULL;
  CdChartExportOptions options = { 800, 500, FALSE, CD_CHART_LABEL_CJK };

  g_assert_true (cd_chart_export (chart, path, CD_CHART_FORMAT_PNG, &options, &error));
  g_assert_no_error (error);
  check_png (path, 800, 500);

  /* The default is A4 landscape at 96 dpi, in the dark style too. */
  options = (CdChartExportOptions) { 0, 0, TRUE, CD_CHART_LABEL_DEFAULT };
  g_assert_true (cd_chart_export (chart, path, CD_CHART_FORMAT_PNG, &options, &error));
  check_png (path, CD_CHART_EXPORT_WIDTH, CD_CHART_EXPORT_HEIGHT);
}

static void
on_start_element (GMarkupParseContext *context, const char *name, const char **attribute_names,
                  const char **attribute_values, gpointer user_data, GError **error)
{
  char **root_width = user_data;

  if (g_str_equal (name, "svg") && *root_width == NULL)
    for (guint i = 0; attribute_names[i]; i++)
      if (g_str_equal (attribute_names[i], "width"))
        *root_width = g_strdup (attribute_values[i]);
}

static void
test_svg (Fixture *f, gconstpointer data)
{
  g_autoptr (CdChart) chart = make_chart ();
  g_autofree char *path = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *contents = NULL, *width = NULL;
  g_autoptr (GError) error = NULL;
  GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  GMarkupParseContext *context;
  gsize length;

  g_assert_true (cd_chart_export (chart, path, CD_CHART_FORMAT_SVG, NULL, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  context = g_markup_parse_context_new (&parser, 0, &width, NULL);
  /* The XML declaration is not markup GMarkup knows: skip it. */
  g_assert_true (g_markup_parse_context_parse (context, strstr (contents, "<svg"), -1, &error)
                 && g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_cmpstr (width, ==, "1123px");
  g_assert_cmpuint (length, >, 5000);
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr (CdChart) chart = make_chart ();
  g_autofree char *path = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *pages = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  int status = -1;

  g_assert_true (cd_chart_export (chart, path, CD_CHART_FORMAT_PDF, NULL, &error));
  g_assert_no_error (error);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, NULL))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("pdftotext: %s", out);
  g_assert_nonnull (strstr (out, "Revenue"));
  g_assert_nonnull (strstr (out, "营业收入"));
  g_assert_nonnull (strstr (out, "2025-07"));

  /* The page is A4 landscape: 842 × 595 points. */
  g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &pages, NULL, &status, NULL));
  g_test_message ("pdfinfo: %s", pages);
  g_assert_nonnull (strstr (pages, "842.25 x 595.5 pts (A4)"));
  g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", pages, G_REGEX_MULTILINE, 0));
}

static void
test_report_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (CdChart) a = make_chart ();
  g_autoptr (CdChart) b = make_chart ();
  CdChart *charts[] = { a, b };
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  int status;

  cd_chart_set_kind (b, CD_CHART_LINE);
  g_assert_true (cd_chart_export_pdf_pages (charts, 2, path, NULL, &error));
  g_assert_no_error (error);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL,
                     &status, NULL))
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_regex_match_simple ("^Pages:\\s+2$", info, G_REGEX_MULTILINE, 0));
}

static void
test_failures_leave_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (CdChart) chart = make_chart ();
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *bmp = g_build_filename (f->dir, "chart.bmp", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  CdChartFormat format;

  g_assert_false (cd_chart_export (chart, missing, CD_CHART_FORMAT_PNG, NULL, &error));
  g_assert_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (cd_chart_format_from_path (bmp, &format, &error));
  g_assert_error (error, CD_CHART_ERROR, CD_CHART_ERROR_FORMAT);
  g_assert_true (cd_chart_format_from_path ("X.PDF", &format, NULL));
  g_assert_cmpint (format, ==, CD_CHART_FORMAT_PDF);

  /* No temporary file remains after a good export either. */
  g_assert_true (cd_chart_export (chart, bmp, CD_CHART_FORMAT_PNG, NULL, NULL));
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "chart.bmp");
  g_assert_null (g_dir_read_name (dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reports/export/png-has-the-requested-size-and-is-not-blank", test_png);
  ADD ("/reports/export/svg-is-well-formed-and-sized-in-px", test_svg);
  ADD ("/reports/export/pdf-is-a4-and-holds-the-title-as-text", test_pdf);
  ADD ("/reports/export/report-has-one-page-per-chart", test_report_pages);
  ADD ("/reports/export/failed-exports-leave-no-file", test_failures_leave_nothing);
  return g_test_run ();
}
