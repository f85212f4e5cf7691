/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The directors' charts: a table of the store's insights as a CdChart. */
#pragma once

#include "reports/cd-chart.h"
#include "store/cd-store-insights.h"

G_BEGIN_DECLS

CdChart *cd_insight_chart_new          (const CdInsightTable  *table);
CdChart *cd_insight_chart_load         (CdStore               *store,
                                        CdInsight              insight,
                                        const CdInsightQuery  *query,
                                        GError               **error);
char    *cd_insight_period_label       (const char            *from,
                                        const char            *to);

G_END_DECLS
