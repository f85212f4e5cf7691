/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart as a file: PNG, SVG or PDF, drawn by the same cd_chart_draw()
 * as the widget. Written to a temporary file beside the target and renamed,
 * so a failed export leaves no partial file. */
#pragma once

#include "reports/cd-chart.h"

G_BEGIN_DECLS

#define CD_CHART_ERROR (cd_chart_error_quark ())

/**
 * CdChartError:
 * @CD_CHART_ERROR_FORMAT: the file name ends in an extension we do not write
 * @CD_CHART_ERROR_IO: the file could not be written
 */
typedef enum
{
  CD_CHART_ERROR_FORMAT,
  CD_CHART_ERROR_IO,
} CdChartError;

typedef enum
{
  CD_CHART_FORMAT_PNG,
  CD_CHART_FORMAT_SVG,
  CD_CHART_FORMAT_PDF,
} CdChartFormat;

/* A4 landscape at 96 dpi: printable as it is. A PDF page is the same size
 * in points (× 0.75): 842 × 595 pt, A4. */
#define CD_CHART_EXPORT_WIDTH  1123
#define CD_CHART_EXPORT_HEIGHT 794

typedef struct
{
  int               width;    /* px at 96 dpi; 0: CD_CHART_EXPORT_WIDTH */
  int               height;   /* 0: CD_CHART_EXPORT_HEIGHT */
  gboolean          dark;
  CdChartLabelFlags labels;
} CdChartExportOptions;

GQuark    cd_chart_error_quark        (void);

gboolean  cd_chart_format_from_path   (const char                 *path,
                                       CdChartFormat              *out_format,
                                       GError                    **error);

gboolean  cd_chart_export             (const CdChart              *chart,
                                       const char                 *path,
                                       CdChartFormat               format,
                                       const CdChartExportOptions *options,
                                       GError                    **error);

gboolean  cd_chart_export_pdf_pages   (CdChart * const            *charts,
                                       guint                       n_charts,
                                       const char                 *path,
                                       const CdChartExportOptions *options,
                                       GError                    **error);

/* For other exports of the reports layer: a temporary file beside @path,
 * and the rename that publishes it (or the removal that forgets it). */
char     *cd_reports_temp_path        (const char                 *path,
                                       GError                    **error);
gboolean  cd_reports_publish          (const char                 *temp_path,
                                       const char                 *path,
                                       gboolean                    ok,
                                       GError                    **error);

G_END_DECLS
