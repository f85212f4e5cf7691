/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PNG, SVG and PDF of a chart through cairo's image, SVG and PDF surfaces.
 *
 * Every format is drawn from the same geometry in px (1123 × 794 by
 * default); the PDF scales it by 0.75 to points, so its page is A4 and its
 * layout is exactly that of the PNG. */
#define G_LOG_DOMAIN "cd-reports"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "reports/cd-chart-export.h"

#define PT_PER_PX 0.75

G_DEFINE_QUARK (cd-chart-error-quark, cd_chart_error)

/**
 * cd_chart_format_from_path:
 *
 * Returns: %TRUE if @path ends in .png, .svg or .pdf (any case); else
 *   %FALSE with CD_CHART_ERROR_FORMAT
 */
gboolean
cd_chart_format_from_path (const char *path, CdChartFormat *out_format, GError **error)
{
  static const struct { const char *ext; CdChartFormat format; } formats[] = {
    { ".png", CD_CHART_FORMAT_PNG }, { ".svg", CD_CHART_FORMAT_SVG }, { ".pdf", CD_CHART_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].ext))
      {
        if (out_format)
          *out_format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_FORMAT,
               _("“%s” does not end in .png, .svg or .pdf: choose one of those formats."), path);
  return FALSE;
}

/**
 * cd_reports_temp_path:
 *
 * Creates an empty file beside @path (same directory, so the rename is
 * atomic) that only the user can read.
 *
 * Returns: (transfer full): its name, or %NULL with @error set
 */
char *
cd_reports_temp_path (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO,
                   _("Cannot write in the folder of “%s”: %s."), path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

/**
 * cd_reports_publish:
 * @ok: whether the temporary file was written completely
 *
 * Renames @temp_path to @path when @ok, else removes it; either way no
 * partial file is left at @path.
 */
gboolean
cd_reports_publish (const char *temp_path, const char *path, gboolean ok, GError **error)
{
  if (!ok)
    {
      g_unlink (temp_path);
      return FALSE;
    }
  /* mkstemp made it 0600; an export is a document to hand on. */
  g_chmod (temp_path, 0644);
  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO,
                   _("Cannot write “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
resolve_options (const CdChartExportOptions *options, CdChartExportOptions *out)
{
  if (options)
    *out = *options;
  else
    memset (out, 0, sizeof *out);
  if (out->width <= 0)
    out->width = CD_CHART_EXPORT_WIDTH;
  if (out->height <= 0)
    out->height = CD_CHART_EXPORT_HEIGHT;
  out->width = MIN (out->width, 16384);
  out->height = MIN (out->height, 16384);
}

static void
paint (cairo_t *cr, const CdChart *chart, const CdChartExportOptions *options)
{
  CdChartGeometry geometry;
  CdChartStyle style;

  cd_chart_geometry_init (&geometry, options->width, options->height);
  geometry.labels = options->labels;
  cd_chart_style_init (&style, options->dark);
  cd_chart_draw (cr, &geometry, chart, &style);
}

static gboolean
check_surface (cairo_surface_t *surface, const char *path, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO,
               _("Cannot write “%s”: %s."), path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
write_png (const CdChart *chart, const char *temp, const char *path,
           const CdChartExportOptions *options, GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width,
                                                         options->height);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  paint (cr, chart, options);
  cairo_destroy (cr);
  ok = check_surface (surface, path, error);
  if (ok)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, temp);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO, _("Cannot write “%s”: %s."),
                       path, cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_destroy (surface);
  return ok;
}

static cairo_surface_t *
create_vector_surface (CdChartFormat format, const char *temp, const CdChartExportOptions *options)
{
  cairo_surface_t *surface;

  if (format == CD_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create (temp, options->width, options->height);
      /* "1123px", not points: the SVG is the size of the PNG. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    }
  surface = cairo_pdf_surface_create (temp, options->width * PT_PER_PX, options->height * PT_PER_PX);
  return surface;
}

static gboolean
write_vector (const CdChart *chart, CdChartFormat format, const char *temp, const char *path,
              const CdChartExportOptions *options, GError **error)
{
  cairo_surface_t *surface = create_vector_surface (format, temp, options);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  if (format == CD_CHART_FORMAT_PDF)
    {
      g_autofree char *title = g_strdup (cd_chart_get_title (chart));

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ClientDesk");
      cairo_scale (cr, PT_PER_PX, PT_PER_PX);
    }
  paint (cr, chart, options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/**
 * cd_chart_export:
 * @path: the file to write; replaced only once the new one is complete
 * @options: (nullable): size, dark style, 万/亿 labels; %NULL: A4 light
 *
 * Returns: %TRUE if @path now holds the chart
 */
gboolean
cd_chart_export (const CdChart *chart, const char *path, CdChartFormat format,
                 const CdChartExportOptions *options, GError **error)
{
  CdChartExportOptions resolved;
  g_autofree char *temp = NULL;
  gboolean ok;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  resolve_options (options, &resolved);
  temp = cd_reports_temp_path (path, error);
  if (temp == NULL)
    return FALSE;
  if (format == CD_CHART_FORMAT_PNG)
    ok = write_png (chart, temp, path, &resolved, error);
  else
    ok = write_vector (chart, format, temp, path, &resolved, error);
  return cd_reports_publish (temp, path, ok, error);
}

/**
 * cd_chart_export_pdf_pages:
 * @charts: (array length=n_charts): the charts, one A4 landscape page each
 *
 * The Insights page as a printed report.
 *
 * Returns: %TRUE if @path now holds the report
 */
gboolean
cd_chart_export_pdf_pages (CdChart * const *charts, guint n_charts, const char *path,
                           const CdChartExportOptions *options, GError **error)
{
  CdChartExportOptions resolved;
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (charts != NULL || n_charts == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  resolve_options (options, &resolved);
  temp = cd_reports_temp_path (path, error);
  if (temp == NULL)
    return FALSE;
  surface = create_vector_surface (CD_CHART_FORMAT_PDF, temp, &resolved);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ClientDesk");
  cr = cairo_create (surface);
  cairo_scale (cr, PT_PER_PX, PT_PER_PX);
  for (guint i = 0; i < n_charts; i++)
    {
      paint (cr, charts[i], &resolved);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return cd_reports_publish (temp, path, ok, error);
}
