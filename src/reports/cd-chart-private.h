/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-chart.c (the model) and cd-chart-draw.c (layout, drawing,
 * hit-testing). */
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

G_END_DECLS
