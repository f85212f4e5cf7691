/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The weekly / monthly work sheet (月、周工作表格) of one AM or AE as a
 * workbook: a Summary whose figures are formulas over the detail sheets
 * (Projects, Work orders, Visits, Quotes), so the totals always equal the
 * sum of the details they stand for. */
#define G_LOG_DOMAIN "cd-reports"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "reports/cd-work-sheet-export.h"

enum { S_PERSON, S_FROM, S_TO, S_PROJECTS, S_ISSUED, S_DONE, S_OVERDUE, S_VISITS, S_QUOTES, S_QUOTES_FEN, S_N };
enum { W_NUMBER, W_TITLE, W_PROJECT, W_ASSIGNEE, W_STATUS, W_ISSUED_DATE, W_DUE, W_DONE_DATE,
       W_ISSUED, W_DONE, W_OVERDUE, W_N };

static const char *
text_of (GVariant *row, const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (row, key, "&s", &value))
    return NULL;
  return value;
}

static gint64
int_of (GVariant *row, const char *key)
{
  gint64 value = 0;

  g_variant_lookup (row, key, "x", &value);
  return value;
}

/* "=SUM('Work orders'!I2:I9)" over a detail column, its value cached. */
static void
sum_of (CdXlsxSheet *sheet, guint col, const char *detail, guint detail_col, gsize n, gint64 cached,
        CdXlsxKind kind)
{
  g_autofree char *first = cd_xlsx_cell_name (1, detail_col);
  g_autofree char *last = cd_xlsx_cell_name ((guint32) n, detail_col);
  g_autofree char *formula = NULL;

  if (n == 0)
    formula = g_strdup ("=0");
  else
    formula = g_strdup_printf ("=SUM('%s'!%s:%s)", detail, first, last);
  /* A formula's cached value is what the cell shows: yuan, not fen. */
  cd_xlsx_sheet_formula (sheet, col, formula, kind == CD_XLSX_MONEY ? cached / 100.0 : (double) cached,
                         kind, FALSE);
}

static void
count_of (CdXlsxSheet *sheet, guint col, const char *detail, gsize n)
{
  g_autofree char *last = cd_xlsx_cell_name ((guint32) n, 0);
  g_autofree char *formula = n == 0 ? g_strdup ("=0") : g_strdup_printf ("=COUNTA('%s'!A2:%s)", detail, last);

  cd_xlsx_sheet_formula (sheet, col, formula, (double) n, CD_XLSX_INTEGER, FALSE);
}

static gboolean
write_summary (CdXlsx *xlsx, const CdWorkSheet *ws, GError **error)
{
  const CdXlsxColumn columns[S_N] = {
    { _("Person"), CD_XLSX_TEXT }, { _("From"), CD_XLSX_DATE }, { _("To"), CD_XLSX_DATE },
    { _("Projects"), CD_XLSX_INTEGER }, { _("Work orders issued"), CD_XLSX_INTEGER },
    { _("Work orders done"), CD_XLSX_INTEGER }, { _("Work orders overdue"), CD_XLSX_INTEGER },
    { _("Visits"), CD_XLSX_INTEGER }, { _("Quotes sent"), CD_XLSX_INTEGER },
    { _("Quoted amount"), CD_XLSX_MONEY },
  };
  gsize n_orders = g_variant_n_children (ws->work_orders);
  CdXlsxSheet *sheet = cd_xlsx_add_sheet (xlsx, "Summary", columns, S_N, 1, error);

  if (sheet == NULL)
    return FALSE;
  cd_xlsx_sheet_text (sheet, S_PERSON, ws->staff_name);
  cd_xlsx_sheet_date (sheet, S_FROM, ws->from);
  cd_xlsx_sheet_date (sheet, S_TO, ws->to);
  count_of (sheet, S_PROJECTS, "Projects", g_variant_n_children (ws->projects));
  sum_of (sheet, S_ISSUED, "Work orders", W_ISSUED, n_orders, ws->n_issued, CD_XLSX_INTEGER);
  sum_of (sheet, S_DONE, "Work orders", W_DONE, n_orders, ws->n_done, CD_XLSX_INTEGER);
  sum_of (sheet, S_OVERDUE, "Work orders", W_OVERDUE, n_orders, ws->n_overdue, CD_XLSX_INTEGER);
  count_of (sheet, S_VISITS, "Visits", ws->n_visits);
  count_of (sheet, S_QUOTES, "Quotes", ws->n_quotes);
  sum_of (sheet, S_QUOTES_FEN, "Quotes", 4, ws->n_quotes, ws->quotes_fen, CD_XLSX_MONEY);
  return cd_xlsx_sheet_end_row (sheet, error);
}

static gboolean
write_projects (CdXlsx *xlsx, const CdWorkSheet *ws, GError **error)
{
  const CdXlsxColumn columns[] = {
    { _("Number"), CD_XLSX_TEXT }, { _("Project"), CD_XLSX_TEXT }, { _("Client"), CD_XLSX_TEXT },
    { _("Status"), CD_XLSX_TEXT }, { _("Role"), CD_XLSX_TEXT }, { _("Start"), CD_XLSX_DATE },
    { _("Due"), CD_XLSX_DATE },
  };
  CdXlsxSheet *sheet = cd_xlsx_add_sheet (xlsx, "Projects", columns, G_N_ELEMENTS (columns),
                                          g_variant_n_children (ws->projects), error);
  GVariantIter iter;
  GVariant *row;

  if (sheet == NULL)
    return FALSE;
  g_variant_iter_init (&iter, ws->projects);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (GVariant) owned = row;

      cd_xlsx_sheet_text (sheet, 0, text_of (row, "number"));
      cd_xlsx_sheet_text (sheet, 1, text_of (row, "name"));
      cd_xlsx_sheet_text (sheet, 2, text_of (row, "client"));
      cd_xlsx_sheet_text (sheet, 3, cd_state_label ("project", text_of (row, "status")));
      cd_xlsx_sheet_text (sheet, 4, g_strcmp0 (text_of (row, "role"), "am") == 0
                                    ? _("Account manager") : _("Account executive"));
      cd_xlsx_sheet_date (sheet, 5, text_of (row, "start_date"));
      cd_xlsx_sheet_date (sheet, 6, text_of (row, "due_date"));
      if (!cd_xlsx_sheet_end_row (sheet, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_orders (CdXlsx *xlsx, const CdWorkSheet *ws, GError **error)
{
  const CdXlsxColumn columns[W_N] = {
    { _("Number"), CD_XLSX_TEXT }, { _("Title"), CD_XLSX_TEXT }, { _("Project"), CD_XLSX_TEXT },
    { _("Assignee"), CD_XLSX_TEXT }, { _("Status"), CD_XLSX_TEXT }, { _("Issued"), CD_XLSX_DATE },
    { _("Due"), CD_XLSX_DATE }, { _("Done"), CD_XLSX_DATE }, { _("Issued in period"), CD_XLSX_INTEGER },
    { _("Done in period"), CD_XLSX_INTEGER }, { _("Overdue"), CD_XLSX_INTEGER },
  };
  CdXlsxSheet *sheet = cd_xlsx_add_sheet (xlsx, "Work orders", columns, W_N,
                                          g_variant_n_children (ws->work_orders), error);
  GVariantIter iter;
  GVariant *row;

  if (sheet == NULL)
    return FALSE;
  g_variant_iter_init (&iter, ws->work_orders);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (GVariant) owned = row;

      cd_xlsx_sheet_text (sheet, W_NUMBER, text_of (row, "number"));
      cd_xlsx_sheet_text (sheet, W_TITLE, text_of (row, "title"));
      cd_xlsx_sheet_text (sheet, W_PROJECT, text_of (row, "project"));
      cd_xlsx_sheet_text (sheet, W_ASSIGNEE, text_of (row, "assignee"));
      cd_xlsx_sheet_text (sheet, W_STATUS, cd_state_label ("work_order", text_of (row, "status")));
      cd_xlsx_sheet_date (sheet, W_ISSUED_DATE, text_of (row, "issued_date"));
      cd_xlsx_sheet_date (sheet, W_DUE, text_of (row, "due_date"));
      cd_xlsx_sheet_date (sheet, W_DONE_DATE, text_of (row, "done_date"));
      cd_xlsx_sheet_integer (sheet, W_ISSUED, int_of (row, "issued") != 0);
      cd_xlsx_sheet_integer (sheet, W_DONE, int_of (row, "done") != 0);
      cd_xlsx_sheet_integer (sheet, W_OVERDUE, int_of (row, "overdue") != 0);
      if (!cd_xlsx_sheet_end_row (sheet, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_visits (CdXlsx *xlsx, const CdWorkSheet *ws, GError **error)
{
  const CdXlsxColumn columns[] = {
    { _("Date"), CD_XLSX_DATE }, { _("Client"), CD_XLSX_TEXT }, { _("Topic"), CD_XLSX_TEXT },
  };
  CdXlsxSheet *sheet = cd_xlsx_add_sheet (xlsx, "Visits", columns, G_N_ELEMENTS (columns),
                                          g_variant_n_children (ws->visits), error);
  GVariantIter iter;
  GVariant *row;

  if (sheet == NULL)
    return FALSE;
  g_variant_iter_init (&iter, ws->visits);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (GVariant) owned = row;

      cd_xlsx_sheet_date (sheet, 0, text_of (row, "date"));
      cd_xlsx_sheet_text (sheet, 1, text_of (row, "client"));
      cd_xlsx_sheet_text (sheet, 2, text_of (row, "topic"));
      if (!cd_xlsx_sheet_end_row (sheet, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_quotes (CdXlsx *xlsx, const CdWorkSheet *ws, GError **error)
{
  const CdXlsxColumn columns[] = {
    { _("Number"), CD_XLSX_TEXT }, { _("Version"), CD_XLSX_INTEGER }, { _("Client"), CD_XLSX_TEXT },
    { _("Sent"), CD_XLSX_DATE }, { _("Total"), CD_XLSX_MONEY },
  };
  CdXlsxSheet *sheet = cd_xlsx_add_sheet (xlsx, "Quotes", columns, G_N_ELEMENTS (columns),
                                          g_variant_n_children (ws->quotes), error);
  GVariantIter iter;
  GVariant *row;

  if (sheet == NULL)
    return FALSE;
  g_variant_iter_init (&iter, ws->quotes);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (GVariant) owned = row;

      cd_xlsx_sheet_text (sheet, 0, text_of (row, "number"));
      cd_xlsx_sheet_integer (sheet, 1, int_of (row, "version"));
      cd_xlsx_sheet_text (sheet, 2, text_of (row, "client"));
      cd_xlsx_sheet_date (sheet, 3, text_of (row, "sent_date"));
      cd_xlsx_sheet_money (sheet, 4, int_of (row, "total_fen"));
      if (!cd_xlsx_sheet_end_row (sheet, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cd_work_sheet_write (const CdWorkSheet *ws, const char *target, GError **error)
{
  g_autoptr (CdXlsx) xlsx = NULL;

  g_return_val_if_fail (ws != NULL, FALSE);

  xlsx = cd_xlsx_open (target, error);
  if (xlsx == NULL)
    return FALSE;
  return write_summary (xlsx, ws, error) && write_projects (xlsx, ws, error)
         && write_orders (xlsx, ws, error) && write_visits (xlsx, ws, error)
         && write_quotes (xlsx, ws, error) && cd_xlsx_finish (xlsx, error);
}

gboolean
cd_work_sheet_export (CdStore *store, gint64 staff_id, const char *from, const char *to, const char *target,
                      GError **error)
{
  g_autoptr (CdWorkSheet) ws = cd_store_work_sheet (store, staff_id, from, to, NULL, error);

  return ws != NULL && cd_work_sheet_write (ws, target, error);
}

typedef struct
{
  CdStore *store;
  gint64   staff_id;
  char    *from;
  char    *to;
  char    *target;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *ed = data;

  g_object_unref (ed->store);
  g_free (ed->from);
  g_free (ed->to);
  g_free (ed->target);
  g_free (ed);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportData *ed = data;
  GError *error = NULL;

  if (cd_work_sheet_export (ed->store, ed->staff_id, ed->from, ed->to, ed->target, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_work_sheet_export_async (CdStore *store, gint64 staff_id, const char *from, const char *to,
                            const char *target, GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *ed = g_new0 (ExportData, 1);

  ed->store = g_object_ref (store);
  ed->staff_id = staff_id;
  ed->from = g_strdup (from);
  ed->to = g_strdup (to);
  ed->target = g_strdup (target);
  g_task_set_source_tag (task, cd_work_sheet_export_async);
  g_task_set_task_data (task, ed, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cd_work_sheet_export_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
