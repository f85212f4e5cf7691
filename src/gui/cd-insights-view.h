/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Insights page: one of the directors' charts for a period and an
 * account manager, as a chart or as a table of the same figures, exported
 * as PNG, SVG, PDF, a PDF report of every chart, or the director pack. */
#pragma once

#include <adwaita.h>

#include "gui/cd-chart-widget.h"
#include "store/cd-context.h"
#include "store/cd-store-insights.h"

G_BEGIN_DECLS

/**
 * CdInsightsPeriod:
 * @CD_INSIGHTS_THIS_MONTH: the current month
 * @CD_INSIGHTS_THIS_QUARTER: the current quarter, to date
 * @CD_INSIGHTS_THIS_YEAR: the current year, to date
 * @CD_INSIGHTS_LAST_12_MONTHS: the current month and the eleven before it
 * @CD_INSIGHTS_CUSTOM: the months chosen in the from/to fields
 */
typedef enum
{
  CD_INSIGHTS_THIS_MONTH,
  CD_INSIGHTS_THIS_QUARTER,
  CD_INSIGHTS_THIS_YEAR,
  CD_INSIGHTS_LAST_12_MONTHS,
  CD_INSIGHTS_CUSTOM,
} CdInsightsPeriod;

#define CD_TYPE_INSIGHTS_VIEW (cd_insights_view_get_type ())
G_DECLARE_FINAL_TYPE (CdInsightsView, cd_insights_view, CD, INSIGHTS_VIEW, AdwBin)

CdInsightsView *cd_insights_view_new              (CdContext        *context);
CdInsight       cd_insights_view_get_insight      (CdInsightsView   *self);
void            cd_insights_view_set_insight      (CdInsightsView   *self,
                                                   CdInsight         insight);
void            cd_insights_view_set_period       (CdInsightsView   *self,
                                                   CdInsightsPeriod  period);
gboolean        cd_insights_view_set_custom_period (CdInsightsView  *self,
                                                   const char       *from,
                                                   const char       *to);
void            cd_insights_view_get_query        (CdInsightsView   *self,
                                                   CdInsightQuery   *query);
void            cd_insights_view_set_show_table   (CdInsightsView   *self,
                                                   gboolean          show_table);
CdChartWidget  *cd_insights_view_get_chart_widget (CdInsightsView   *self);
GtkColumnView  *cd_insights_view_get_table        (CdInsightsView   *self);
void            cd_insights_view_refresh          (CdInsightsView   *self);
gboolean        cd_insights_view_export           (CdInsightsView   *self,
                                                   const char       *what,
                                                   GFile            *file);
gboolean        cd_insights_view_is_busy          (CdInsightsView   *self);

G_END_DECLS
