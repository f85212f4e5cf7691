/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-chart.c (the model), cd-chart-layout.c (where things go),
 * cd-chart-draw.c (painting) and cd-chart-lookup.c (hit-testing). */
#pragma once

#include "reports/cd-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char        *label;
  CdChartUnit  unit;
  gboolean     table_only;
  gboolean     visible;
  GArray      *values;   /* gint64, one per category */
} CdChartSeries;

struct _CdChart
{
  gatomicrefcount  ref_count;
  CdChartKind      kind;
  char            *title;
  char            *subtitle;
  char            *category_title;
  GPtrArray       *category_keys;    /* char * */
  GPtrArray       *category_labels;  /* char * */
  GPtrArray       *series;           /* CdChartSeries * */
};

static inline const CdChartSeries *
cd_chart_series (const CdChart *self, guint i)
{
  return g_ptr_array_index (self->series, i);
}

static inline gint64
cd_chart_series_value (const CdChartSeries *series, guint index)
{
  return g_array_index (series->values, gint64, index);
}

#define CD_CHART_MAX_LEGEND 32

/* Where everything goes, from the chart and the geometry alone. */
typedef struct
{
  const CdChart         *chart;
  const CdChartGeometry *geometry;
  double                 fs;           /* body font size */
  double                 pad;
  CdChartRect            title;
  CdChartRect            subtitle;
  CdChartRect            legend[CD_CHART_MAX_LEGEND];
  int                    legend_entry[CD_CHART_MAX_LEGEND];  /* series, or category for a donut */
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
} CdChartLayout;

void         cd_chart_layout_compute         (CdChartLayout         *l,
                                              const CdChart         *chart,
                                              const CdChartGeometry *geometry);
const char  *cd_chart_layout_legend_label    (const CdChartLayout   *l,
                                              int                    entry);
int          cd_chart_layout_drawn_position  (const CdChartLayout   *l,
                                              int                    series);
void         cd_chart_layout_bar_slot        (const CdChartLayout   *l,
                                              guint                  k,
                                              guint                  i,
                                              double                *x0,
                                              double                *x1);
CdChartRect  cd_chart_layout_bar_rect        (const CdChartLayout   *l,
                                              guint                  k,
                                              guint                  i);
void         cd_chart_layout_point           (const CdChartLayout   *l,
                                              guint                  k,
                                              guint                  i,
                                              double                *x,
                                              double                *y);
gboolean     cd_chart_layout_slice_angles    (const CdChartLayout   *l,
                                              guint                  i,
                                              double                *a0,
                                              double                *a1);
gboolean     cd_chart_layout_item_area       (const CdChartLayout   *l,
                                              int                    series,
                                              int                    index,
                                              CdChartRect           *out);

G_END_DECLS
