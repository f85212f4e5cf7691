/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart on screen: painted by cd_chart_draw() (the same code as the PNG,
 * SVG and PDF exports), with a tooltip and highlight under the pointer,
 * legend entries that hide and show series, keyboard focus that moves from
 * item to item, and an accessible label and description. */
#pragma once

#include <gtk/gtk.h>

#include "reports/cd-chart.h"

G_BEGIN_DECLS

#define CD_TYPE_CHART_WIDGET (cd_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (CdChartWidget, cd_chart_widget, CD, CHART_WIDGET, GtkWidget)

GtkWidget  *cd_chart_widget_new              (void);
CdChart    *cd_chart_widget_get_chart        (CdChartWidget     *self);
void        cd_chart_widget_set_chart        (CdChartWidget     *self,
                                              CdChart           *chart);
void        cd_chart_widget_set_label_flags  (CdChartWidget     *self,
                                              CdChartLabelFlags  flags);
gboolean    cd_chart_widget_get_focus_item   (CdChartWidget     *self,
                                              int               *series,
                                              int               *index);
void        cd_chart_widget_set_focus_item   (CdChartWidget     *self,
                                              int                series,
                                              int                index);
void        cd_chart_widget_toggle_series    (CdChartWidget     *self,
                                              guint              series);
void        cd_chart_widget_get_geometry     (CdChartWidget     *self,
                                              CdChartGeometry   *geometry);

G_END_DECLS
