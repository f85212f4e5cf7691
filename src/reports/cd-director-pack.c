/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The director pack: every chart of the Insights page in one workbook.
 *
 * Each sheet holds the chart's table from A1 (header row frozen, real
 * numbers: amounts in yuan formatted ¥#,##0.00, rates as per cent, counts as
 * integers) and, beside it, a native Excel chart whose series refer to the
 * table's ranges: restyling or editing the numbers in Excel redraws it.
 * Labels are always written as strings, never as formulas. */
#define G_LOG_DOMAIN "cd-reports"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "reports/cd-chart-export.h"
#include "reports/cd-director-pack.h"
#include "reports/cd-insight-chart.h"
#include "reports/cd-xlsx.h"
#include "store/cd-store-plans.h"

#define MONEY_FORMAT "¥#,##0.00"

/* The light palette of cd_chart_style_init(), so both look alike. */
static const lxw_color_t palette[CD_CHART_N_COLORS] = {
  0x1c71d8, 0xe66100, 0x26a269, 0x9141ac, 0xc01c28, 0x986a44, 0x0e7c86, 0x5e5c64,
};

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *money;
  lxw_format   *rate;
  lxw_format   *count;
  lxw_format   *permille;
} Pack;

/* Excel refuses []:*?/\ in sheet names, more than 31 characters, a leading
 * or trailing apostrophe, and the same name twice. */
static char *
sheet_name (const char *title, GHashTable *taken)
{
  g_autoptr (GString) name = g_string_new (NULL);
  glong n = 0;

  for (const char *p = title; *p && n < 28; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        c = '-';
      if (c == '\'' && (name->len == 0 || p[1] == '\0'))
        continue;
      g_string_append_unichar (name, c);
    }
  if (name->len == 0)
    g_string_append (name, "Sheet");
  for (int i = 2; g_hash_table_contains (taken, name->str); i++)
    {
      if (i > 2)
        g_string_truncate (name, strrchr (name->str, ' ') - name->str);
      g_string_append_printf (name, " %d", i);
    }
  g_hash_table_add (taken, g_strdup (name->str));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static lxw_format *
format_for (const Pack *pack, CdChartUnit unit)
{
  switch (unit)
    {
    case CD_CHART_UNIT_FEN:
      return pack->money;
    case CD_CHART_UNIT_BP:
      return pack->rate;
    case CD_CHART_UNIT_COUNT:
    default:
      return pack->count;
    }
}

static double
cell_value (CdChartUnit unit, gint64 value)
{
  switch (unit)
    {
    case CD_CHART_UNIT_FEN:
      return value / 100.0;
    case CD_CHART_UNIT_BP:
      return value / 10000.0;
    case CD_CHART_UNIT_COUNT:
    default:
      return (double) value;
    }
}

static void
write_table (const Pack *pack, lxw_worksheet *sheet, const CdChart *chart)
{
  guint n_rows = cd_chart_get_n_categories (chart), n_series = cd_chart_get_n_series (chart);

  worksheet_set_column (sheet, 0, 0, 24, NULL);
  worksheet_set_column (sheet, 1, n_series, 18, NULL);
  worksheet_write_string (sheet, 0, 0, cd_chart_get_category_title (chart), pack->header);
  for (guint s = 0; s < n_series; s++)
    worksheet_write_string (sheet, 0, s + 1, cd_chart_get_series_label (chart, s), pack->header);
  for (guint r = 0; r < n_rows; r++)
    {
      worksheet_write_string (sheet, r + 1, 0, cd_chart_get_category_label (chart, r), NULL);
      for (guint s = 0; s < n_series; s++)
        {
          CdChartUnit unit = cd_chart_get_series_unit (chart, s);

          worksheet_write_number (sheet, r + 1, s + 1,
                                  cell_value (unit, cd_chart_get_value (chart, s, r)),
                                  format_for (pack, unit));
        }
    }
  worksheet_freeze_panes (sheet, 1, 0);
}

static lxw_chart *
add_chart (const Pack *pack, const CdChart *chart)
{
  static const uint8_t types[] = {
    [CD_CHART_BAR] = LXW_CHART_COLUMN,
    [CD_CHART_STACKED_BAR] = LXW_CHART_COLUMN_STACKED,
    [CD_CHART_LINE] = LXW_CHART_LINE,
    [CD_CHART_DONUT] = LXW_CHART_DOUGHNUT,
  };
  static const char *const axis_formats[] = {
    [CD_CHART_UNIT_COUNT] = "#,##0", [CD_CHART_UNIT_FEN] = "¥#,##0", [CD_CHART_UNIT_BP] = "0%",
  };
  lxw_chart *xl = workbook_add_chart (pack->workbook, types[cd_chart_get_kind (chart)]);
  g_autofree char *title = NULL;

  title = g_strdup_printf ("%s\n%s", cd_chart_get_title (chart), cd_chart_get_subtitle (chart));
  chart_title_set_name (xl, title);
  chart_legend_set_position (xl, LXW_CHART_LEGEND_BOTTOM);
  if (cd_chart_get_kind (chart) != CD_CHART_DONUT)
    chart_axis_set_num_format (xl->y_axis, axis_formats[cd_chart_get_unit (chart)]);
  return xl;
}

static void
add_series (lxw_chart *xl, const CdChart *chart, const char *sheet, guint s)
{
  guint n_rows = cd_chart_get_n_categories (chart);
  lxw_chart_series *series = chart_add_series (xl, NULL, NULL);
  lxw_chart_fill fill = { .color = palette[s % CD_CHART_N_COLORS] };
  lxw_chart_line line = { .color = palette[s % CD_CHART_N_COLORS], .width = 2.25 };

  chart_series_set_categories (series, sheet, 1, 0, n_rows, 0);
  chart_series_set_values (series, sheet, 1, s + 1, n_rows, s + 1);
  chart_series_set_name_range (series, sheet, 0, s + 1);
  switch (cd_chart_get_kind (chart))
    {
    case CD_CHART_LINE:
      chart_series_set_line (series, &line);
      break;
    case CD_CHART_DONUT:
      chart_series_set_labels (series);
      chart_series_set_labels_options (series, FALSE, FALSE, FALSE);
      chart_series_set_labels_percentage (series);
      break;
    case CD_CHART_BAR:
    case CD_CHART_STACKED_BAR:
    default:
      chart_series_set_fill (series, &fill);
      break;
    }
}

static void
write_sheet (const Pack *pack, const CdChart *chart, GHashTable *taken)
{
  g_autofree char *name = sheet_name (cd_chart_get_title (chart), taken);
  lxw_worksheet *sheet = workbook_add_worksheet (pack->workbook, name);
  guint n_rows = cd_chart_get_n_categories (chart), n_series = cd_chart_get_n_series (chart);
  lxw_chart_options options = { .x_offset = 12, .y_offset = 4, .x_scale = 1.6, .y_scale = 1.6 };
  lxw_chart *xl;

  write_table (pack, sheet, chart);
  if (n_rows == 0 || cd_chart_get_n_drawn_series (chart) == 0)
    {
      /* An Excel chart over an empty range only shows an error. */
      worksheet_write_string (sheet, 1, 0, _("There is no data for this period."), NULL);
      return;
    }
  xl = add_chart (pack, chart);
  for (guint s = 0; s < n_series; s++)
    if (cd_chart_series_is_drawn (chart, s))
      add_series (xl, chart, name, s);
  options.description = (char *) cd_chart_get_title (chart);
  worksheet_insert_chart_opt (sheet, 1, n_series + 2, xl, &options);
}

static void
add_formats (Pack *pack)
{
  pack->header = workbook_add_format (pack->workbook);
  format_set_bold (pack->header);
  format_set_bottom (pack->header, LXW_BORDER_THIN);
  format_set_text_wrap (pack->header);
  pack->money = workbook_add_format (pack->workbook);
  format_set_num_format (pack->money, MONEY_FORMAT);
  pack->rate = workbook_add_format (pack->workbook);
  format_set_num_format (pack->rate, "0.0%");
  pack->count = workbook_add_format (pack->workbook);
  format_set_num_format (pack->count, "#,##0");
  pack->permille = workbook_add_format (pack->workbook);
  format_set_num_format (pack->permille, "0.0%");
}

static const char *
lookup_string (GVariant *dict, const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (dict, key, "&s", &value))
    return "";
  return value;
}

static gint64
lookup_int (GVariant *dict, const char *key)
{
  gint64 value = 0;

  g_variant_lookup (dict, key, "x", &value);
  return value;
}

/* 拜访计划完成率: one row per person and month, the rate as a real
 * per cent of what was planned, filterable by month and person. */
static void
write_plan_sheet (const Pack *pack, GVariant *rows, GHashTable *taken)
{
  g_autofree char *name = sheet_name (_("Visit plan completion"), taken);
  lxw_worksheet *sheet = workbook_add_worksheet (pack->workbook, name);
  const char *headers[] = { _("Month"), _("Person"), _("Planned visits"), _("Done"),
                            _("Completion rate") };
  guint n = g_variant_n_children (rows);

  worksheet_set_column (sheet, 0, 0, 12, NULL);
  worksheet_set_column (sheet, 1, 1, 20, NULL);
  worksheet_set_column (sheet, 2, 4, 16, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], pack->header);
  worksheet_freeze_panes (sheet, 1, 0);
  if (n == 0)
    {
      worksheet_write_string (sheet, 1, 0, _("No visits were planned in this period."), NULL);
      return;
    }
  /* Named ranges before the rows (TESTING.md, pitfall 8). */
  worksheet_autofilter (sheet, 0, 0, n, G_N_ELEMENTS (headers) - 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      gint64 planned = lookup_int (row, "planned");

      worksheet_write_string (sheet, i + 1, 0, lookup_string (row, "month"), NULL);
      worksheet_write_string (sheet, i + 1, 1, lookup_string (row, "staff_name"), NULL);
      worksheet_write_number (sheet, i + 1, 2, (double) planned, pack->count);
      worksheet_write_number (sheet, i + 1, 3, (double) lookup_int (row, "done"), pack->count);
      /* The store's rate, not a formula: a viewer without recalculation
       * shows the same figure as the app. */
      worksheet_write_number (sheet, i + 1, 4, lookup_int (row, "rate_permille") / 1000.0,
                              pack->permille);
    }
}

/**
 * cd_director_pack_write_charts:
 * @charts: (array length=n_charts): one sheet each, in this order
 * @path: the .xlsx to write; replaced only once the new one is complete
 *
 * Returns: %TRUE if @path now holds the workbook
 */
gboolean
cd_director_pack_write_charts (CdChart * const *charts, guint n_charts, const char *path,
                               GError **error)
{
  return cd_director_pack_write (charts, n_charts, NULL, path, error);
}

/**
 * cd_director_pack_write:
 * @plan_completion: (nullable): aa{sv} as cd_store_visit_plan_completion ()
 *   with a "month" (s, YYYY-MM) in each row: the visit plan completion
 *   sheet after the charts' sheets; %NULL: no such sheet
 *
 * Returns: %TRUE if @path now holds the workbook
 */
gboolean
cd_director_pack_write (CdChart * const *charts, guint n_charts, GVariant *plan_completion,
                        const char *path, GError **error)
{
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *temp = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  Pack pack = { 0 };
  lxw_error rc;

  g_return_val_if_fail (charts != NULL || n_charts == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temp = cd_reports_temp_path (path, error);
  if (temp == NULL)
    return FALSE;
  pack.workbook = workbook_new_opt (temp, &options);
  if (pack.workbook == NULL)
    {
      g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO, _("Cannot write “%s”."), path);
      return cd_reports_publish (temp, path, FALSE, NULL);
    }
  properties.title = (char *) _("Director pack");
  properties.author = (char *) "ClientDesk";
  workbook_set_properties (pack.workbook, &properties);
  add_formats (&pack);
  for (guint i = 0; i < n_charts; i++)
    write_sheet (&pack, charts[i], taken);
  if (plan_completion != NULL)
    write_plan_sheet (&pack, plan_completion, taken);

  rc = cd_xlsx_close_quietly (pack.workbook);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, CD_CHART_ERROR, CD_CHART_ERROR_IO, _("Cannot write “%s”: %s."), path,
                   lxw_strerror (rc));
      return cd_reports_publish (temp, path, FALSE, NULL);
    }
  return cd_reports_publish (temp, path, TRUE, error);
}

/* The completion rate of every month from @query's first to its last, for
 * its account manager or everyone, each row with its "month". */
static GVariant *
plan_completion (CdStore *store, const CdInsightQuery *query, GError **error)
{
  GVariantBuilder all;
  int year = atoi (query->from), month = atoi (query->from + 5);
  int last_year = atoi (query->to), last_month = atoi (query->to + 5);

  g_variant_builder_init (&all, G_VARIANT_TYPE ("aa{sv}"));
  while (year < last_year || (year == last_year && month <= last_month))
    {
      char key[8];
      g_autoptr (GVariant) rows = NULL;
      GVariantIter iter;
      GVariant *row;

      g_snprintf (key, sizeof key, "%04d-%02d", year, month);
      rows = cd_store_visit_plan_completion (store, key, query->am_id, error);
      if (rows == NULL)
        {
          g_variant_builder_clear (&all);
          return NULL;
        }
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          GVariantDict dict;

          g_variant_dict_init (&dict, row);
          g_variant_dict_insert (&dict, "month", "s", key);
          g_variant_builder_add_value (&all, g_variant_dict_end (&dict));
          g_variant_unref (row);
        }
      month = month % 12 + 1;
      year += month == 1;
    }
  return g_variant_ref_sink (g_variant_builder_end (&all));
}

/**
 * cd_director_pack_export:
 * @query: the period and account manager, as for each chart
 *
 * Queries every chart of DESIGN.md §7 and the visit plan completion of
 * each month, and writes the pack. Runs on any
 * thread; checks @cancellable between charts, and a cancelled export
 * leaves nothing at @path.
 *
 * Returns: %TRUE if @path now holds the workbook
 */
gboolean
cd_director_pack_export (CdStore *store, const CdInsightQuery *query, const char *path,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_chart_unref);
  g_autoptr (GVariant) completion = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL && path != NULL, FALSE);

  for (guint i = 0; i < CD_N_INSIGHTS; i++)
    {
      CdChart *chart;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      chart = cd_insight_chart_load (store, i, query, error);
      if (chart == NULL)
        return FALSE;
      g_ptr_array_add (charts, chart);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  completion = plan_completion (store, query, error);
  if (completion == NULL)
    return FALSE;
  return cd_director_pack_write ((CdChart * const *) charts->pdata, charts->len, completion, path,
                                 error);
}

typedef struct
{
  CdInsightQuery  query;
  char           *path;
} PackArgs;

static void
pack_args_free (PackArgs *args)
{
  g_free (args->path);
  g_free (args);
}

static void
pack_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PackArgs *args = data;
  GError *error = NULL;

  if (cd_director_pack_export (CD_STORE (source), &args->query, args->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_director_pack_export_async (CdStore *store, const CdInsightQuery *query, const char *path,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  PackArgs *args;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (query != NULL && path != NULL);

  args = g_new0 (PackArgs, 1);
  args->query = *query;
  args->path = g_strdup (path);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_director_pack_export_async);
  g_task_set_task_data (task, args, (GDestroyNotify) pack_args_free);
  g_task_run_in_thread (task, pack_thread);
}

gboolean
cd_director_pack_export_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
