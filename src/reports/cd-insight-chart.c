/* SPDX-License-Identifier: GPL-3.0-or-later */
/* From the store's plain tables to charts: the kind that suits each table,
 * units, and a subtitle that says which period, whose clients and, for
 * receivables, as of which day. */
#define G_LOG_DOMAIN "cd-reports"

#include <glib/gi18n.h>

#include "reports/cd-insight-chart.h"

static CdChartKind
kind_for_shape (CdInsightShape shape)
{
  switch (shape)
    {
    case CD_INSIGHT_SHAPE_STACKED_BARS:
      return CD_CHART_STACKED_BAR;
    case CD_INSIGHT_SHAPE_LINES:
      return CD_CHART_LINE;
    case CD_INSIGHT_SHAPE_SHARES:
      return CD_CHART_DONUT;
    case CD_INSIGHT_SHAPE_BARS:
    default:
      return CD_CHART_BAR;
    }
}

static CdChartUnit
unit_for_value (CdInsightValue value)
{
  switch (value)
    {
    case CD_INSIGHT_VALUE_FEN:
      return CD_CHART_UNIT_FEN;
    case CD_INSIGHT_VALUE_BP:
      return CD_CHART_UNIT_BP;
    case CD_INSIGHT_VALUE_COUNT:
    default:
      return CD_CHART_UNIT_COUNT;
    }
}

/**
 * cd_insight_period_label:
 *
 * Returns: (transfer full): "2025-01 – 2025-12", or "2025-03" for one month
 */
char *
cd_insight_period_label (const char *from, const char *to)
{
  if (g_strcmp0 (from, to) == 0)
    return g_strdup (from);
  /* TRANSLATORS: a period of months, first – last */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
subtitle_for (const CdInsightTable *table)
{
  g_autofree char *period = cd_insight_period_label (table->from, table->to);
  g_autoptr (GString) out = g_string_new (period);

  if (table->filter_label != NULL)
    /* TRANSLATORS: appended to the chart's period: the account manager it is filtered by */
    g_string_append_printf (out, _(" · account manager %s"), table->filter_label);
  if (table->as_of[0] != '\0')
    /* TRANSLATORS: appended to the chart's period: the day receivables are aged at */
    g_string_append_printf (out, _(" · as of %s"), table->as_of);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cd_insight_chart_new:
 *
 * Returns: (transfer full): the chart of @table; its detail columns are
 *   table-only series
 */
CdChart *
cd_insight_chart_new (const CdInsightTable *table)
{
  g_autofree char *subtitle = NULL;
  CdChart *chart;

  g_return_val_if_fail (table != NULL, NULL);

  chart = cd_chart_new (kind_for_shape (table->shape), table->title);
  subtitle = subtitle_for (table);
  cd_chart_set_subtitle (chart, subtitle);
  cd_chart_set_category_title (chart, table->row_title);
  for (guint r = 0; r < table->n_rows; r++)
    cd_chart_add_category (chart, table->row_keys[r], table->row_labels[r]);
  for (guint c = 0; c < table->n_columns; c++)
    {
      const CdInsightColumn *column = &table->columns[c];
      guint s = cd_chart_add_series (chart, column->label, unit_for_value (column->value),
                                     column->detail);

      for (guint r = 0; r < table->n_rows; r++)
        cd_chart_set_value (chart, s, r, column->values[r]);
    }
  return chart;
}

/**
 * cd_insight_chart_load:
 *
 * Queries the store and builds the chart; for workers and the command line.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
CdChart *
cd_insight_chart_load (CdStore *store, CdInsight insight, const CdInsightQuery *query,
                       GError **error)
{
  g_autoptr (CdInsightTable) table = cd_store_insight (store, insight, query, error);

  if (table == NULL)
    return NULL;
  return cd_insight_chart_new (table);
}
