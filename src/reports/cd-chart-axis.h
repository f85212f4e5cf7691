/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The value axis of a chart: "nice" steps (1, 2 or 5 × 10ⁿ), ticks, and the
 * words on them. Amounts arrive in fen and are labelled in yuan; rates
 * arrive in basis points and are labelled in per cent. Pure arithmetic: no
 * cairo, no GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CdChartUnit:
 * @CD_CHART_UNIT_COUNT: a number of things
 * @CD_CHART_UNIT_FEN: money in integer fen (shown in yuan)
 * @CD_CHART_UNIT_BP: a rate in basis points (10000 = 100 %)
 */
typedef enum
{
  CD_CHART_UNIT_COUNT,
  CD_CHART_UNIT_FEN,
  CD_CHART_UNIT_BP,
} CdChartUnit;

/**
 * CdChartLabelFlags:
 * @CD_CHART_LABEL_DEFAULT: full numbers with thousands separators
 * @CD_CHART_LABEL_CJK: large numbers the Chinese way, in 万 (10⁴) and 亿 (10⁸);
 *   the caller decides from the locale (cd_chart_locale_prefers_cjk())
 */
typedef enum
{
  CD_CHART_LABEL_DEFAULT = 0,
  CD_CHART_LABEL_CJK = 1 << 0,
} CdChartLabelFlags;

/* A value axis in display units (yuan, things, per cent): ticks at
 * min, min + step, … max; n_steps = (max - min) / step. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_steps;
} CdChartAxis;

double   cd_chart_axis_nice_step      (double             range,
                                       guint              max_steps);
void     cd_chart_axis_compute        (double             lo,
                                       double             hi,
                                       guint              max_steps,
                                       double             min_step,
                                       CdChartAxis       *axis);
double   cd_chart_axis_tick           (const CdChartAxis *axis,
                                       guint              i);
char    *cd_chart_axis_format_tick    (const CdChartAxis *axis,
                                       double             value,
                                       CdChartUnit        unit,
                                       CdChartLabelFlags  flags);

double   cd_chart_unit_to_display     (CdChartUnit        unit,
                                       gint64             value);
double   cd_chart_unit_min_step       (CdChartUnit        unit);
char    *cd_chart_format_value        (CdChartUnit        unit,
                                       gint64             value);
char    *cd_chart_format_number       (double             value,
                                       guint              decimals);
gboolean cd_chart_locale_prefers_cjk  (void);

G_END_DECLS
