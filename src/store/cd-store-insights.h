/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The numbers behind the directors' charts (DESIGN.md §7), one query per
 * chart, for a period of whole months and optionally one account manager.
 * Results are plain tables (no cairo here): rows are categories (months,
 * statuses, suppliers, people, age buckets), columns are series of integer
 * values: fen, counts or basis points. src/reports/ turns them into charts
 * and workbooks. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/* In the order of DESIGN.md §7; the names are those of `render chart`. */
typedef enum
{
  CD_INSIGHT_REVENUE,
  CD_INSIGHT_PIPELINE,
  CD_INSIGHT_PROJECTS_BY_STATUS,
  CD_INSIGHT_SUPPLIER_SPEND,
  CD_INSIGHT_SUPPLIER_QUALITY,
  CD_INSIGHT_WORKLOAD,
  CD_INSIGHT_CLIENT_GROWTH,
  CD_INSIGHT_RECEIVABLES_AGING,
  CD_N_INSIGHTS
} CdInsight;

typedef enum
{
  CD_INSIGHT_VALUE_COUNT,
  CD_INSIGHT_VALUE_FEN,
  CD_INSIGHT_VALUE_BP,      /* a rate: 10000 = 100 % */
} CdInsightValue;

/* How the table is best drawn; the reports layer decides the rest. */
typedef enum
{
  CD_INSIGHT_SHAPE_BARS,
  CD_INSIGHT_SHAPE_STACKED_BARS,
  CD_INSIGHT_SHAPE_LINES,
  CD_INSIGHT_SHAPE_SHARES,
} CdInsightShape;

typedef struct
{
  char           *label;     /* translated: "Contracted" */
  CdInsightValue  value;
  gboolean        detail;    /* a table column the chart does not draw */
  gint64         *values;    /* one per row */
} CdInsightColumn;

typedef struct
{
  CdInsight       insight;
  CdInsightShape  shape;
  char           *title;           /* translated chart title */
  char           *row_title;       /* translated header of the categories: "Month" */
  char            from[8];         /* "YYYY-MM" */
  char            to[8];
  char            as_of[11];       /* receivables: "YYYY-MM-DD"; else "" */
  char           *filter_label;    /* the account manager's name when filtered, else NULL */
  guint           n_rows;
  char          **row_keys;        /* what a click opens: "2025-03", "in_production", an id */
  char          **row_labels;      /* translated or names from the file */
  guint           n_columns;
  CdInsightColumn *columns;
} CdInsightTable;

typedef struct
{
  char   from[8];     /* "YYYY-MM", first month, inclusive */
  char   to[8];       /* last month, inclusive */
  gint64 am_id;       /* 0: every account manager */
  GDate  today;       /* receivables age as of min (today, end of @to); invalid: the real today */
  guint  top_n;       /* supplier-quality: the N suppliers with most deliveries; 0: 10 */
} CdInsightQuery;

/* Longest period a query accepts, in months. */
#define CD_INSIGHT_MAX_MONTHS 240

const char     *cd_insight_to_string        (CdInsight              insight);
gboolean        cd_insight_from_string      (const char            *name,
                                             CdInsight             *out_insight);
const char     *cd_insight_get_title        (CdInsight              insight);

gboolean        cd_insight_query_init       (CdInsightQuery        *query,
                                             const char            *from,
                                             const char            *to,
                                             GError               **error);

CdInsightTable *cd_store_insight            (CdStore               *store,
                                             CdInsight              insight,
                                             const CdInsightQuery  *query,
                                             GError               **error);
void            cd_store_insight_async      (CdStore               *store,
                                             CdInsight              insight,
                                             const CdInsightQuery  *query,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
CdInsightTable *cd_store_insight_finish     (CdStore               *store,
                                             GAsyncResult          *result,
                                             GError               **error);

/* Account managers for the filter: a(xs) of (id, name), by name. */
GVariant       *cd_store_insight_list_ams   (CdStore               *store,
                                             GError               **error);

void            cd_insight_table_free       (CdInsightTable        *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdInsightTable, cd_insight_table_free)

G_END_DECLS
