/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The numbers behind the directors' charts.
 *
 * Every query binds the same parameters:
 *   ?1 first day of the period ("YYYY-MM-01")
 *   ?2 first day after the period (exclusive)
 *   ?3 account manager id, or NULL for all
 *   ?4 per chart: the "as of" date (receivables), the row limit (suppliers)
 * Month series are grouped by substr (date, 1, 7) in SQL and laid into a
 * row per month here, so months without data read 0 rather than vanish.
 *
 * What each chart counts:
 * - revenue: contracted = amount of contracts by signing month (every
 *   status but draft), plus each signed amendment's change in its own
 *   signing month: what an increase adds, minus what a reduction takes
 *   off; collected = payments by payment date.
 * - pipeline: quotes (documents, all versions together) by the month their
 *   first version was sent; accepted = those with an accepted version;
 *   conversion = accepted / sent.
 * - projects-by-status: projects started in the period, by current status.
 * - supplier-spend: lines (net of VAT) of accepted supplier orders, by
 *   acceptance date and supplier category.
 * - supplier-quality: orders delivered in the period, per supplier (the
 *   top N by deliveries). On time = delivered_date <= promised_date among
 *   orders with a promised date; first pass = originals (not reworks) that
 *   were accepted, among originals that were accepted or rejected.
 * - workload: work orders issued by the end of the period and still open
 *   (issued, in progress, in review), per assignee.
 * - client-growth: clients created (created_on) and lost (lost_on) by month.
 * - receivables-aging: what is unpaid of installments already due, as of
 *   min (today, end of period), by days past due: 0–30, 31–60, 61–90, 90+;
 *   what signed reductions take off an installment is not unpaid
 *   (CD_DOCS_REDUCED_CTE, whose ?9 is bound to the same "as of" day).
 */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "store/cd-store-insights.h"
#include "store/cd-store-docs-private.h"

#define AM_FILTER(col) " AND (?3 IS NULL OR " col " = ?3)"

/* What contract row k adds to "contracted": a contract its amount, an
 * amendment with installments what it adds, one without (a reduction, or
 * terms only at 0) minus what it takes off (see cd-store-contracts.h). */
#define CONTRACTED_FEN                                                         \
  "CASE WHEN k.amends_id IS NULL OR EXISTS (SELECT 1 FROM installment x"       \
  " WHERE x.contract_id = k.id) THEN k.amount_fen ELSE -k.amount_fen END"

static const char *const insight_names[CD_N_INSIGHTS] = {
  "revenue", "pipeline", "projects-by-status", "supplier-spend",
  "supplier-quality", "workload", "client-growth", "receivables-aging",
};

static const char *const insight_titles[CD_N_INSIGHTS] = {
  N_("Revenue"), N_("Pipeline"), N_("Projects by status"), N_("Supplier spend"),
  N_("Supplier quality"), N_("Workload"), N_("Client growth"), N_("Receivables aging"),
};

/* The period and filter as bound to every statement. */
typedef struct
{
  const CdInsightQuery *query;
  int                   first_month;   /* year * 12 + month - 1 */
  guint                 n_months;
  char                  start[11];
  char                  end[11];       /* exclusive */
  char                  as_of[11];
} Period;

/* ------------------------------------------------------------------ */
/* Tables                                                              */

void
cd_insight_table_free (CdInsightTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->row_keys);
  g_strfreev (table->row_labels);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_free (table->columns[c].label);
      g_free (table->columns[c].values);
    }
  g_free (table->columns);
  g_free (table->title);
  g_free (table->row_title);
  g_free (table->filter_label);
  g_free (table);
}

static CdInsightTable *
table_new (CdInsight insight, CdInsightShape shape, const char *row_title, guint n_rows,
           const Period *period)
{
  CdInsightTable *table = g_new0 (CdInsightTable, 1);

  table->insight = insight;
  table->shape = shape;
  table->title = g_strdup (_(insight_titles[insight]));
  table->row_title = g_strdup (row_title);
  g_strlcpy (table->from, period->query->from, sizeof table->from);
  g_strlcpy (table->to, period->query->to, sizeof table->to);
  table->n_rows = n_rows;
  table->row_keys = g_new0 (char *, n_rows + 1);
  table->row_labels = g_new0 (char *, n_rows + 1);
  return table;
}

static guint
table_add_column (CdInsightTable *table, const char *label, CdInsightValue value, gboolean detail)
{
  CdInsightColumn *column;

  table->columns = g_renew (CdInsightColumn, table->columns, table->n_columns + 1);
  column = &table->columns[table->n_columns];
  column->label = g_strdup (label);
  column->value = value;
  column->detail = detail;
  column->values = g_new0 (gint64, MAX (table->n_rows, 1));
  return table->n_columns++;
}

static void
table_set_row (CdInsightTable *table, guint row, const char *key, const char *label)
{
  g_free (table->row_keys[row]);
  g_free (table->row_labels[row]);
  table->row_keys[row] = g_strdup (key);
  table->row_labels[row] = g_strdup (label);
}

/* A share in basis points, rounded half up; 0 of 0 is 0. */
static gint64
rate_bp (gint64 part, gint64 whole)
{
  if (whole <= 0)
    return 0;
  return (part * 20000 + whole) / (2 * whole);
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */

static gboolean
parse_month (const char *text, int *out_index)
{
  int year, month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  if (year < 1900 || month < 1 || month > 12)
    return FALSE;
  *out_index = year * 12 + month - 1;
  return TRUE;
}

static void
format_month (int index, char *out)
{
  g_snprintf (out, 8, "%04d-%02d", index / 12, index % 12 + 1);
}

/**
 * cd_insight_query_init:
 * @from, @to: "YYYY-MM", first and last month of the period
 *
 * Sets up a query for every account manager, as of the real today, with
 * the top ten suppliers.
 *
 * Returns: %FALSE with CD_STORE_ERROR_INVALID for a malformed month, a
 *   period that ends before it starts, or one longer than
 *   %CD_INSIGHT_MAX_MONTHS
 */
gboolean
cd_insight_query_init (CdInsightQuery *query, const char *from, const char *to, GError **error)
{
  int a, b;

  g_return_val_if_fail (query != NULL, FALSE);

  memset (query, 0, sizeof *query);
  g_date_clear (&query->today, 1);
  if (!parse_month (from, &a) || !parse_month (to, &b))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a month: use YYYY-MM, such as 2026-11."),
                   parse_month (from, &a) ? to : from);
      return FALSE;
    }
  if (a > b)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The period starts (%s) after it ends (%s): swap the two months."), from, to);
      return FALSE;
    }
  if (b - a + 1 > CD_INSIGHT_MAX_MONTHS)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The period is longer than %d years: choose a shorter one."),
                   CD_INSIGHT_MAX_MONTHS / 12);
      return FALSE;
    }
  g_strlcpy (query->from, from, sizeof query->from);
  g_strlcpy (query->to, to, sizeof query->to);
  return TRUE;
}

static gboolean
period_init (Period *period, const CdInsightQuery *query, GError **error)
{
  CdInsightQuery checked;
  int last, next;
  GDate end, today;

  if (!cd_insight_query_init (&checked, query->from, query->to, error))
    return FALSE;
  parse_month (query->from, &period->first_month);
  parse_month (query->to, &last);
  period->query = query;
  period->n_months = last - period->first_month + 1;
  g_snprintf (period->start, sizeof period->start, "%s-01", query->from);
  next = last + 1;
  g_snprintf (period->end, sizeof period->end, "%04d-%02d-01", next / 12, next % 12 + 1);

  /* Receivables are aged as of the end of the period, or today if sooner. */
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 1, (GDateMonth) (next % 12 + 1), (GDateYear) (next / 12));
  g_date_subtract_days (&end, 1);
  if (g_date_valid (&query->today))
    today = query->today;
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
    }
  if (g_date_compare (&today, &end) < 0)
    end = today;
  g_date_strftime (period->as_of, sizeof period->as_of, "%Y-%m-%d", &end);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Running queries                                                     */

typedef void (*RowFunc) (sqlite3_stmt *stmt, gpointer data);

static gboolean
run (CdStore *store, const char *sql, const Period *period, gint64 extra_int, RowFunc func,
     gpointer data, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (store, sql, error);
  int rc, n;

  if (stmt == NULL)
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_text (stmt, 1, period->start, -1, SQLITE_TRANSIENT);
  if (n >= 2)
    sqlite3_bind_text (stmt, 2, period->end, -1, SQLITE_TRANSIENT);
  if (n >= 3 && period->query->am_id > 0)
    sqlite3_bind_int64 (stmt, 3, period->query->am_id);
  /* ?4 is a limit when the chart gives one, else the "as of" date. */
  if (n >= 4 && extra_int > 0)
    sqlite3_bind_int64 (stmt, 4, extra_int);
  else if (n >= 4)
    sqlite3_bind_text (stmt, 4, period->as_of, -1, SQLITE_TRANSIENT);
  /* ?9 is the day of CD_DOCS_REDUCED_CTE: reductions as of the same day. */
  if (n >= 9)
    sqlite3_bind_text (stmt, 9, period->as_of, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (store, error, rc, _("reading the figures of a chart"));
      return FALSE;
    }
  return TRUE;
}

/* Rows of (month "YYYY-MM", value…) into one column per value. */
typedef struct
{
  CdInsightTable *table;
  const Period   *period;
  guint           columns[4];
  guint           n_columns;
} MonthSink;

static void
on_month_row (sqlite3_stmt *stmt, gpointer data)
{
  MonthSink *sink = data;
  int index;

  if (!parse_month ((const char *) sqlite3_column_text (stmt, 0), &index))
    return;
  index -= sink->period->first_month;
  if (index < 0 || (guint) index >= sink->period->n_months)
    return;
  for (guint c = 0; c < sink->n_columns; c++)
    sink->table->columns[sink->columns[c]].values[index] = sqlite3_column_int64 (stmt, c + 1);
}

static CdInsightTable *
month_table (CdInsight insight, CdInsightShape shape, const Period *period)
{
  CdInsightTable *table = table_new (insight, shape, _("Month"), period->n_months, period);

  for (guint i = 0; i < period->n_months; i++)
    {
      char month[8];

      format_month (period->first_month + i, month);
      table_set_row (table, i, month, month);
    }
  return table;
}

static gboolean
run_months (CdStore *store, const char *sql, const Period *period, CdInsightTable *table,
            guint first_column, guint n_columns, GError **error)
{
  MonthSink sink = { table, period, { 0 }, n_columns };

  for (guint c = 0; c < n_columns; c++)
    sink.columns[c] = first_column + c;
  return run (store, sql, period, 0, on_month_row, &sink, error);
}

/* Rows of (code, value…) into the row whose key is the code. */
typedef struct
{
  CdInsightTable *table;
  guint           n_columns;
} KeySink;

static void
on_key_row (sqlite3_stmt *stmt, gpointer data)
{
  KeySink *sink = data;
  const char *key = (const char *) sqlite3_column_text (stmt, 0);

  for (guint r = 0; r < sink->table->n_rows; r++)
    if (g_strcmp0 (sink->table->row_keys[r], key ? key : "") == 0)
      {
        for (guint c = 0; c < sink->n_columns; c++)
          sink->table->columns[c].values[r] = sqlite3_column_int64 (stmt, c + 1);
        return;
      }
}

/* ------------------------------------------------------------------ */
/* The charts                                                          */

static CdInsightTable *
query_revenue (CdStore *store, const Period *period, GError **error)
{
  g_autoptr (CdInsightTable) table = month_table (CD_INSIGHT_REVENUE, CD_INSIGHT_SHAPE_BARS, period);

  table_add_column (table, _("Contracted"), CD_INSIGHT_VALUE_FEN, FALSE);
  table_add_column (table, _("Collected"), CD_INSIGHT_VALUE_FEN, FALSE);
  if (!run_months (store,
                   "SELECT substr (k.signed_date, 1, 7), sum (" CONTRACTED_FEN ")"
                   " FROM contract k JOIN project p ON p.id = k.project_id"
                   " WHERE k.status <> 'draft' AND k.signed_date >= ?1 AND k.signed_date < ?2"
                   AM_FILTER ("p.am_id") " GROUP BY 1",
                   period, table, 0, 1, error))
    return NULL;
  if (!run_months (store,
                   "SELECT substr (y.date, 1, 7), sum (y.amount_fen)"
                   " FROM payment y JOIN installment i ON i.id = y.installment_id"
                   " JOIN contract k ON k.id = i.contract_id JOIN project p ON p.id = k.project_id"
                   " WHERE y.date >= ?1 AND y.date < ?2" AM_FILTER ("p.am_id") " GROUP BY 1",
                   period, table, 1, 1, error))
    return NULL;
  return g_steal_pointer (&table);
}

static CdInsightTable *
query_pipeline (CdStore *store, const Period *period, GError **error)
{
  g_autoptr (CdInsightTable) table = month_table (CD_INSIGHT_PIPELINE, CD_INSIGHT_SHAPE_BARS, period);

  table_add_column (table, _("Quotes sent"), CD_INSIGHT_VALUE_COUNT, FALSE);
  table_add_column (table, _("Accepted"), CD_INSIGHT_VALUE_COUNT, FALSE);
  table_add_column (table, _("Conversion rate"), CD_INSIGHT_VALUE_BP, TRUE);
  if (!run_months (store,
                   "SELECT substr (first_sent, 1, 7), count (*), sum (won) FROM"
                   " (SELECT min (q.sent_date) AS first_sent, max (q.status = 'accepted') AS won"
                   "  FROM quote q JOIN project p ON p.id = q.project_id"
                   "  WHERE q.sent_date IS NOT NULL" AM_FILTER ("p.am_id")
                   "  GROUP BY q.number)"
                   " WHERE first_sent >= ?1 AND first_sent < ?2 GROUP BY 1",
                   period, table, 0, 2, error))
    return NULL;
  for (guint r = 0; r < table->n_rows; r++)
    table->columns[2].values[r] = rate_bp (table->columns[1].values[r], table->columns[0].values[r]);
  return g_steal_pointer (&table);
}

static CdInsightTable *
query_projects (CdStore *store, const Period *period, GError **error)
{
  const char *const *states = cd_state_names ("project");
  g_autoptr (CdInsightTable) table = NULL;
  KeySink sink;

  table = table_new (CD_INSIGHT_PROJECTS_BY_STATUS, CD_INSIGHT_SHAPE_BARS, _("Status"),
                     g_strv_length ((char **) states), period);
  for (guint r = 0; states[r]; r++)
    table_set_row (table, r, states[r], cd_state_label ("project", states[r]));
  table_add_column (table, _("Projects"), CD_INSIGHT_VALUE_COUNT, FALSE);
  sink = (KeySink) { table, 1 };
  if (!run (store,
            "SELECT p.status, count (*) FROM project p"
            " WHERE p.start_date >= ?1 AND p.start_date < ?2" AM_FILTER ("p.am_id")
            " GROUP BY 1",
            period, 0, on_key_row, &sink, error))
    return NULL;
  return g_steal_pointer (&table);
}

static CdInsightTable *
query_supplier_spend (CdStore *store, const Period *period, GError **error)
{
  /* The same words as the supplier lists use for these codes. */
  static const struct { const char *code; const char *label; } categories[] = {
    { "print", N_("Print") }, { "large_format", N_("Large-format print") }, { "led", N_("LED") },
    { "gifts", N_("Gifts") }, { "fabrication", N_("Fabrication") }, { "other", N_("Other") },
  };
  g_autoptr (CdInsightTable) table = NULL;
  KeySink sink;

  table = table_new (CD_INSIGHT_SUPPLIER_SPEND, CD_INSIGHT_SHAPE_SHARES, _("Category"),
                     G_N_ELEMENTS (categories), period);
  for (guint r = 0; r < G_N_ELEMENTS (categories); r++)
    table_set_row (table, r, categories[r].code, _(categories[r].label));
  table_add_column (table, _("Accepted orders, net of VAT"), CD_INSIGHT_VALUE_FEN, FALSE);
  table_add_column (table, _("Orders"), CD_INSIGHT_VALUE_COUNT, TRUE);
  sink = (KeySink) { table, 2 };
  if (!run (store,
            "SELECT s.category, sum (l.amount_fen), count (DISTINCT o.id)"
            " FROM supplier_order o JOIN supplier s ON s.id = o.supplier_id"
            " JOIN project p ON p.id = o.project_id"
            " JOIN supplier_order_line l ON l.order_id = o.id"
            " WHERE o.status = 'accepted' AND o.accepted_date >= ?1 AND o.accepted_date < ?2"
            AM_FILTER ("p.am_id") " GROUP BY 1",
            period, 0, on_key_row, &sink, error))
    return NULL;
  return g_steal_pointer (&table);
}

/* Rows that are not known beforehand (suppliers, people) are appended. */
typedef struct
{
  GPtrArray *keys;
  GPtrArray *labels;
  GArray    *values;    /* gint64, n_values per row */
  guint      n_values;
  const char *nobody;
} GrowSink;

static void
on_grow_row (sqlite3_stmt *stmt, gpointer data)
{
  GrowSink *sink = data;
  const char *label = (const char *) sqlite3_column_text (stmt, 1);

  /* The key is the id; nobody (an unassigned work order) is "". */
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    g_ptr_array_add (sink->keys, g_strdup (""));
  else
    g_ptr_array_add (sink->keys, g_strdup_printf ("%" PRId64, (gint64) sqlite3_column_int64 (stmt, 0)));
  g_ptr_array_add (sink->labels, g_utf8_make_valid (label ? label : sink->nobody, -1));
  for (guint c = 0; c < sink->n_values; c++)
    {
      gint64 v = sqlite3_column_int64 (stmt, c + 2);
      g_array_append_val (sink->values, v);
    }
}

static CdInsightTable *
grown_table (CdInsight insight, CdInsightShape shape, const char *row_title, GrowSink *sink,
             const Period *period)
{
  CdInsightTable *table = table_new (insight, shape, row_title, sink->keys->len, period);

  for (guint r = 0; r < sink->keys->len; r++)
    table_set_row (table, r, g_ptr_array_index (sink->keys, r), g_ptr_array_index (sink->labels, r));
  return table;
}

static void
grow_sink_clear (GrowSink *sink)
{
  g_ptr_array_unref (sink->keys);
  g_ptr_array_unref (sink->labels);
  g_array_unref (sink->values);
}

static void
grow_sink_init (GrowSink *sink, guint n_values, const char *nobody)
{
  sink->keys = g_ptr_array_new_with_free_func (g_free);
  sink->labels = g_ptr_array_new_with_free_func (g_free);
  sink->values = g_array_new (FALSE, TRUE, sizeof (gint64));
  sink->n_values = n_values;
  sink->nobody = nobody;
}

static gint64
grow_value (const GrowSink *sink, guint row, guint c)
{
  return g_array_index (sink->values, gint64, row * sink->n_values + c);
}

static CdInsightTable *
query_supplier_quality (CdStore *store, const Period *period, GError **error)
{
  CdInsightTable *table;
  GrowSink sink;
  guint top_n = period->query->top_n ? period->query->top_n : 10;

  grow_sink_init (&sink, 5, "");
  /* values: deliveries, with a promise, on time, originals decided, first pass */
  if (!run (store,
            "SELECT s.id, s.name, count (*),"
            " sum (o.promised_date IS NOT NULL),"
            " sum (o.promised_date IS NOT NULL AND o.delivered_date <= o.promised_date),"
            " sum (o.rework_of_id IS NULL AND o.status IN ('accepted', 'rejected', 'reworked')),"
            " sum (o.rework_of_id IS NULL AND o.status = 'accepted')"
            " FROM supplier_order o JOIN supplier s ON s.id = o.supplier_id"
            " JOIN project p ON p.id = o.project_id"
            " WHERE o.delivered_date >= ?1 AND o.delivered_date < ?2" AM_FILTER ("p.am_id")
            " GROUP BY s.id ORDER BY 3 DESC, s.name, s.id LIMIT ?4",
            period, top_n, on_grow_row, &sink, error))
    {
      grow_sink_clear (&sink);
      return NULL;
    }
  table = grown_table (CD_INSIGHT_SUPPLIER_QUALITY, CD_INSIGHT_SHAPE_BARS, _("Supplier"), &sink, period);
  table_add_column (table, _("On time"), CD_INSIGHT_VALUE_BP, FALSE);
  table_add_column (table, _("Accepted first time"), CD_INSIGHT_VALUE_BP, FALSE);
  table_add_column (table, _("Deliveries"), CD_INSIGHT_VALUE_COUNT, TRUE);
  for (guint r = 0; r < table->n_rows; r++)
    {
      table->columns[0].values[r] = rate_bp (grow_value (&sink, r, 2), grow_value (&sink, r, 1));
      table->columns[1].values[r] = rate_bp (grow_value (&sink, r, 4), grow_value (&sink, r, 3));
      table->columns[2].values[r] = grow_value (&sink, r, 0);
    }
  grow_sink_clear (&sink);
  return table;
}

static CdInsightTable *
query_workload (CdStore *store, const Period *period, GError **error)
{
  static const char *const open_states[] = { "issued", "in_progress", "in_review" };
  CdInsightTable *table;
  GrowSink sink;

  grow_sink_init (&sink, 4, _("Unassigned"));
  if (!run (store,
            "SELECT w.assignee_id, s.name,"
            " sum (w.status = 'issued'), sum (w.status = 'in_progress'),"
            " sum (w.status = 'in_review'), count (*)"
            " FROM work_order w JOIN project p ON p.id = w.project_id"
            " LEFT JOIN staff s ON s.id = w.assignee_id"
            " WHERE w.status IN ('issued', 'in_progress', 'in_review') AND w.issued_date < ?2"
            AM_FILTER ("p.am_id")
            " GROUP BY w.assignee_id ORDER BY 6 DESC, s.name, w.assignee_id",
            period, 0, on_grow_row, &sink, error))
    {
      grow_sink_clear (&sink);
      return NULL;
    }
  table = grown_table (CD_INSIGHT_WORKLOAD, CD_INSIGHT_SHAPE_STACKED_BARS, _("Assignee"), &sink, period);
  for (guint c = 0; c < G_N_ELEMENTS (open_states); c++)
    table_add_column (table, cd_state_label ("work_order", open_states[c]), CD_INSIGHT_VALUE_COUNT,
                      FALSE);
  table_add_column (table, _("Open work orders"), CD_INSIGHT_VALUE_COUNT, TRUE);
  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < 4; c++)
      table->columns[c].values[r] = grow_value (&sink, r, c);
  grow_sink_clear (&sink);
  return table;
}

static CdInsightTable *
query_client_growth (CdStore *store, const Period *period, GError **error)
{
  g_autoptr (CdInsightTable) table = month_table (CD_INSIGHT_CLIENT_GROWTH, CD_INSIGHT_SHAPE_LINES,
                                                  period);

  table_add_column (table, _("New clients"), CD_INSIGHT_VALUE_COUNT, FALSE);
  table_add_column (table, _("Lost clients"), CD_INSIGHT_VALUE_COUNT, FALSE);
  table_add_column (table, _("Net change"), CD_INSIGHT_VALUE_COUNT, TRUE);
  if (!run_months (store,
                   "SELECT substr (c.created_on, 1, 7), count (*) FROM client c"
                   " WHERE c.created_on >= ?1 AND c.created_on < ?2" AM_FILTER ("c.owner_id")
                   " GROUP BY 1",
                   period, table, 0, 1, error))
    return NULL;
  if (!run_months (store,
                   "SELECT substr (c.lost_on, 1, 7), count (*) FROM client c"
                   " WHERE c.lost_on >= ?1 AND c.lost_on < ?2" AM_FILTER ("c.owner_id")
                   " GROUP BY 1",
                   period, table, 1, 1, error))
    return NULL;
  for (guint r = 0; r < table->n_rows; r++)
    table->columns[2].values[r] = table->columns[0].values[r] - table->columns[1].values[r];
  return g_steal_pointer (&table);
}

static CdInsightTable *
query_receivables (CdStore *store, const Period *period, GError **error)
{
  static const char *const buckets[] = {
    N_("0–30 days"), N_("31–60 days"), N_("61–90 days"), N_("Over 90 days"),
  };
  g_autoptr (CdInsightTable) table = NULL;
  KeySink sink;

  table = table_new (CD_INSIGHT_RECEIVABLES_AGING, CD_INSIGHT_SHAPE_BARS, _("Days past due"),
                     G_N_ELEMENTS (buckets), period);
  g_strlcpy (table->as_of, period->as_of, sizeof table->as_of);
  for (guint r = 0; r < G_N_ELEMENTS (buckets); r++)
    {
      char key[2] = { (char) ('0' + r), '\0' };
      table_set_row (table, r, key, _(buckets[r]));
    }
  table_add_column (table, _("Unpaid"), CD_INSIGHT_VALUE_FEN, FALSE);
  table_add_column (table, _("Installments"), CD_INSIGHT_VALUE_COUNT, TRUE);
  sink = (KeySink) { table, 2 };
  if (!run (store,
            CD_DOCS_REDUCED_CTE
            "SELECT CAST (CASE WHEN age <= 30 THEN 0 WHEN age <= 60 THEN 1"
            "  WHEN age <= 90 THEN 2 ELSE 3 END AS TEXT), sum (open), count (*) FROM"
            " (SELECT CAST (julianday (?4) - julianday (i.due_date) AS INTEGER) AS age,"
            "   i.amount_fen - coalesce (y.fen, 0) - coalesce (d.fen, 0) AS open"
            "  FROM installment i JOIN contract k ON k.id = i.contract_id"
            "  JOIN project p ON p.id = k.project_id"
            /* Payments summed in one pass, not once per installment. */
            "  LEFT JOIN (SELECT installment_id, sum (amount_fen) AS fen FROM payment"
            "    WHERE date <= ?4 GROUP BY installment_id) y ON y.installment_id = i.id"
            "  LEFT JOIN reduced d ON d.installment_id = i.id"
            "  WHERE k.status IN ('signed', 'executing', 'completed') AND k.signed_date <= ?4"
            "  AND i.due_date <= ?4" AM_FILTER ("p.am_id") ")"
            " WHERE open > 0 GROUP BY 1",
            period, 0, on_key_row, &sink, error))
    return NULL;
  return g_steal_pointer (&table);
}

typedef CdInsightTable *(*QueryFunc) (CdStore *store, const Period *period, GError **error);

static const QueryFunc queries[CD_N_INSIGHTS] = {
  query_revenue, query_pipeline, query_projects, query_supplier_spend,
  query_supplier_quality, query_workload, query_client_growth, query_receivables,
};

static char *
staff_name (CdStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (store, "SELECT name FROM staff WHERE id = ?1", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no staff member with the id %" PRId64 "."), id);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (store, error, rc, NULL);
  return name;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

const char *
cd_insight_to_string (CdInsight insight)
{
  g_return_val_if_fail (insight < CD_N_INSIGHTS, NULL);
  return insight_names[insight];
}

gboolean
cd_insight_from_string (const char *name, CdInsight *out_insight)
{
  for (guint i = 0; i < CD_N_INSIGHTS; i++)
    if (g_strcmp0 (insight_names[i], name) == 0)
      {
        if (out_insight)
          *out_insight = i;
        return TRUE;
      }
  return FALSE;
}

/* Returns: the translated title of the chart ("Revenue") */
const char *
cd_insight_get_title (CdInsight insight)
{
  g_return_val_if_fail (insight < CD_N_INSIGHTS, NULL);
  return _(insight_titles[insight]);
}

/**
 * cd_store_insight:
 * @query: the period (see cd_insight_query_init()), filter and options
 *
 * Runs the queries behind one chart. Any thread may call it.
 *
 * Returns: (transfer full): the table, or %NULL with @error set (a bad
 *   period, an unknown account manager, a database failure)
 */
CdInsightTable *
cd_store_insight (CdStore *store, CdInsight insight, const CdInsightQuery *query, GError **error)
{
  g_autofree char *am_name = NULL;
  CdInsightTable *table;
  Period period;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (insight < CD_N_INSIGHTS, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!period_init (&period, query, error))
    return NULL;
  cd_store_lock (store);
  if (query->am_id > 0 && (am_name = staff_name (store, query->am_id, error)) == NULL)
    {
      cd_store_unlock (store);
      return NULL;
    }
  table = queries[insight] (store, &period, error);
  cd_store_unlock (store);
  if (table != NULL)
    table->filter_label = g_steal_pointer (&am_name);
  return table;
}

typedef struct
{
  CdInsight      insight;
  CdInsightQuery query;
} InsightArgs;

static void
insight_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  InsightArgs *args = data;
  GError *error = NULL;
  CdInsightTable *table;

  if (g_task_return_error_if_cancelled (task))
    return;
  table = cd_store_insight (CD_STORE (source), args->insight, &args->query, &error);
  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) cd_insight_table_free);
}

/* The same, on a worker thread: the UI thread never waits for a query. */
void
cd_store_insight_async (CdStore *store, CdInsight insight, const CdInsightQuery *query,
                        GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  InsightArgs *args;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (query != NULL);

  args = g_new0 (InsightArgs, 1);
  args->insight = insight;
  args->query = *query;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_insight_async);
  g_task_set_task_data (task, args, g_free);
  g_task_run_in_thread (task, insight_thread);
}

/* Returns: (transfer full): the table, or %NULL with @error set */
CdInsightTable *
cd_store_insight_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cd_store_insight_list_ams:
 *
 * Returns: (transfer full): a(xs) of the account managers (id, name), by
 *   name, active ones and those who ever owned a project; %NULL on failure
 */
GVariant *
cd_store_insight_list_ams (CdStore *store, GError **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  cd_store_lock (store);
  stmt = cd_store_prepare (store,
                           "SELECT id, name FROM staff s WHERE (s.role = 'account_manager' AND s.active)"
                           " OR EXISTS (SELECT 1 FROM project p WHERE p.am_id = s.id)"
                           " ORDER BY name, id",
                           error);
  if (stmt == NULL)
    {
      cd_store_unlock (store);
      return NULL;
    }
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xs)"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1), -1);

      g_variant_builder_add (&builder, "(xs)", (gint64) sqlite3_column_int64 (stmt, 0), name);
    }
  sqlite3_reset (stmt);
  cd_store_unlock (store);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      cd_store_set_error (store, error, rc, NULL);
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}
