/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart: series of values over categories, and the one function that
 * draws it. cd_chart_draw() is a pure function of (data, geometry, colours)
 * onto a cairo_t, so the widget, PNG, SVG, PDF and print share it; the
 * same geometry answers hit-testing for tooltips, clicks and the legend.
 * No GTK here. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "reports/cd-chart-axis.h"

G_BEGIN_DECLS

/**
 * CdChartKind:
 * @CD_CHART_BAR: bars side by side, one group per category
 * @CD_CHART_STACKED_BAR: one bar per category, series stacked
 * @CD_CHART_LINE: one line per series
 * @CD_CHART_DONUT: the first drawn series as shares of a ring, one slice per category
 */
typedef enum
{
  CD_CHART_BAR,
  CD_CHART_STACKED_BAR,
  CD_CHART_LINE,
  CD_CHART_DONUT,
} CdChartKind;

#define CD_CHART_N_COLORS 8
#define CD_CHART_MAX_SERIES 32

typedef struct
{
  double red, green, blue, alpha;
} CdChartColor;

typedef struct
{
  double x, y, width, height;
} CdChartRect;

/* Everything that decides where things go. Hit-testing needs only this
 * and the chart, never a cairo_t: text widths are estimated from the
 * characters (a CJK character is one em), the same way for every surface. */
typedef struct
{
  double            x, y, width, height;  /* the area, in the cairo_t's user units */
  double            font_size;            /* body text: px on screen and in PNG, pt in PDF */
  CdChartLabelFlags labels;               /* 万/亿 on the value axis */
  gboolean          show_title;           /* exports draw the title; the widget has its own */
  gboolean          show_legend;
} CdChartGeometry;

/* Everything that decides only colours: light or dark, and which item the
 * pointer (highlight) or the keyboard (focus) is on. */
typedef struct
{
  CdChartColor background;
  CdChartColor text;
  CdChartColor muted;
  CdChartColor grid;
  CdChartColor axis;
  CdChartColor focus;
  CdChartColor series[CD_CHART_N_COLORS];
  const char  *font_family;
  gboolean     fill_background;
  int          highlight_series;   /* -1: nothing under the pointer */
  int          highlight_index;
  int          focus_series;       /* -1: no keyboard focus mark */
  int          focus_index;
} CdChartStyle;

typedef struct _CdChart CdChart;

#define CD_TYPE_CHART (cd_chart_get_type ())

GType        cd_chart_get_type             (void) G_GNUC_CONST;

CdChart     *cd_chart_new                  (CdChartKind          kind,
                                            const char          *title);
CdChart     *cd_chart_copy                 (const CdChart       *self);
CdChart     *cd_chart_ref                  (CdChart             *self);
void         cd_chart_unref                (CdChart             *self);

CdChartKind  cd_chart_get_kind             (const CdChart       *self);
void         cd_chart_set_kind             (CdChart             *self,
                                            CdChartKind          kind);
const char  *cd_chart_get_title            (const CdChart       *self);
void         cd_chart_set_subtitle         (CdChart             *self,
                                            const char          *subtitle);
const char  *cd_chart_get_subtitle         (const CdChart       *self);
void         cd_chart_set_category_title   (CdChart             *self,
                                            const char          *title);
const char  *cd_chart_get_category_title   (const CdChart       *self);

guint        cd_chart_add_category         (CdChart             *self,
                                            const char          *key,
                                            const char          *label);
guint        cd_chart_get_n_categories     (const CdChart       *self);
const char  *cd_chart_get_category_key     (const CdChart       *self,
                                            guint                index);
const char  *cd_chart_get_category_label   (const CdChart       *self,
                                            guint                index);

guint        cd_chart_add_series           (CdChart             *self,
                                            const char          *label,
                                            CdChartUnit          unit,
                                            gboolean             table_only);
guint        cd_chart_get_n_series         (const CdChart       *self);
const char  *cd_chart_get_series_label     (const CdChart       *self,
                                            guint                series);
CdChartUnit  cd_chart_get_series_unit      (const CdChart       *self,
                                            guint                series);
gboolean     cd_chart_get_series_table_only (const CdChart      *self,
                                            guint                series);
void         cd_chart_set_series_visible   (CdChart             *self,
                                            guint                series,
                                            gboolean             visible);
gboolean     cd_chart_get_series_visible   (const CdChart       *self,
                                            guint                series);
gboolean     cd_chart_series_is_drawn      (const CdChart       *self,
                                            guint                series);
guint        cd_chart_get_n_drawn_series   (const CdChart       *self);

void         cd_chart_set_value            (CdChart             *self,
                                            guint                series,
                                            guint                index,
                                            gint64               value);
gint64       cd_chart_get_value            (const CdChart       *self,
                                            guint                series,
                                            guint                index);
CdChartUnit  cd_chart_get_unit             (const CdChart       *self);

char        *cd_chart_format_item          (const CdChart       *self,
                                            guint                series,
                                            guint                index);
char        *cd_chart_describe             (const CdChart       *self);

void         cd_chart_geometry_init        (CdChartGeometry     *geometry,
                                            double               width,
                                            double               height);
void         cd_chart_style_init           (CdChartStyle        *style,
                                            gboolean             dark);

void         cd_chart_draw                 (cairo_t             *cr,
                                            const CdChartGeometry *geometry,
                                            const CdChart       *chart,
                                            const CdChartStyle  *style);

gboolean     cd_chart_lookup_item          (const CdChart       *chart,
                                            const CdChartGeometry *geometry,
                                            double               x,
                                            double               y,
                                            int                 *out_series,
                                            int                 *out_index);
gboolean     cd_chart_lookup_legend        (const CdChart       *chart,
                                            const CdChartGeometry *geometry,
                                            double               x,
                                            double               y,
                                            int                 *out_series);
gboolean     cd_chart_get_item_area        (const CdChart       *chart,
                                            const CdChartGeometry *geometry,
                                            int                  series,
                                            int                  index,
                                            CdChartRect         *out_area);
gboolean     cd_chart_get_legend_area      (const CdChart       *chart,
                                            const CdChartGeometry *geometry,
                                            int                  series,
                                            CdChartRect         *out_area);
gboolean     cd_chart_next_item            (const CdChart       *chart,
                                            int                  direction,
                                            int                 *series,
                                            int                 *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdChart, cd_chart_unref)

G_END_DECLS
