/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HR work-order summary. As the supplier sheet: counted first, then
 * streamed from one read snapshot; fixed English sheet names, translated
 * column titles. */
#define G_LOG_DOMAIN "cd-reports"

#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>

#include "reports/cd-report-about.h"
#include "reports/cd-work-order-summary.h"
#include "store/cd-store-month-end.h"

enum { P_NAME, P_DEPARTMENT, P_ISSUED, P_DONE, P_ON_TIME, P_RATE, P_REVISIONS, P_HOURS, P_N };
enum { W_NUMBER, W_TITLE, W_PROJECT, W_CLIENT, W_DEPARTMENT, W_ASSIGNEE, W_ISSUED_BY, W_ISSUED,
       W_DUE, W_STATUS, W_DONE, W_ON_TIME, W_PRIORITY, W_REVISIONS, W_HOURS, W_N };

/* A person's row, kept from the one pass that also counts the sheets. */
typedef struct
{
  char   *name;
  char   *department;
  gint64  issued;
  gint64  done;
  gint64  on_time;
  gint64  revision_rounds;
  gint64  spent_minutes;
} Person;

typedef struct
{
  CdStore        *store;
  CdMonthReader  *reader;
  CdXlsx         *xlsx;
  CdMonthTotals   totals;
  CdXlsxSheet    *summary;
  CdXlsxSheet    *details;
  CdXlsxSheet    *about;
  CdReportTicker  ticker;
  GArray         *people;     /* Person, read before any sheet is made */
  /* The totals row's cached results. */
  gint64          issued;
  gint64          done;
  gint64          on_time;
  gint64          revisions;
  gint64          minutes;
} Export;

static const char *
staff_department_label (const char *department)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "account", N_("Account department") }, { "creative", N_("Creative") },
    { "production", N_("Production") }, { "media", N_("Media") },
    { "finance", N_("Finance") },       { "hr", N_("Human resources") },
    { "management", N_("Management") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, department) == 0)
      return _(labels[i].label);
  return department;
}

static const char *
work_department_label (const char *department)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "design", N_("Design") },         { "copywriting", N_("Copywriting") },
    { "production", N_("Production") }, { "media", N_("Media") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, department) == 0)
      return _(labels[i].label);
  return department;
}

static const char *
status_label (const char *status)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "issued", N_("Issued") },       { "in_progress", N_("In progress") },
    { "in_review", N_("In review") }, { "done", N_("Done") },
    { "cancelled", N_("Cancelled") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, status) == 0)
      return _(labels[i].label);
  return status;
}

static const char *
priority_label (int priority)
{
  switch (priority)
    {
    case 1:
      return _("High");
    case 2:
      return _("Normal");
    case 3:
      return _("Low");
    default:
      return "";
    }
}

/* ------------------------------------------------------------------ */

static CdXlsxSheet *
add_summary (Export *export, GError **error)
{
  const CdXlsxColumn columns[P_N] = {
    { _("Person"), CD_XLSX_TEXT },          { _("Department"), CD_XLSX_TEXT },
    { _("Issued"), CD_XLSX_INTEGER },       { _("Done"), CD_XLSX_INTEGER },
    { _("On time"), CD_XLSX_INTEGER },      { _("On-time rate"), CD_XLSX_PERCENT },
    { _("Revision rounds"), CD_XLSX_INTEGER }, { _("Hours"), CD_XLSX_HOURS },
  };

  return cd_xlsx_add_sheet (export->xlsx, "Summary", columns, P_N,
                            (guint) export->totals.work_order_people, error);
}

static CdXlsxSheet *
add_details (Export *export, GError **error)
{
  const CdXlsxColumn columns[W_N] = {
    { _("Number"), CD_XLSX_TEXT },          { _("Title"), CD_XLSX_TEXT },
    { _("Project"), CD_XLSX_TEXT },         { _("Client"), CD_XLSX_TEXT },
    { _("Department"), CD_XLSX_TEXT },      { _("Assignee"), CD_XLSX_TEXT },
    { _("Issued by"), CD_XLSX_TEXT },       { _("Issued date"), CD_XLSX_DATE },
    { _("Due date"), CD_XLSX_DATE },        { _("Status"), CD_XLSX_TEXT },
    { _("Done date"), CD_XLSX_DATE },       { _("On time"), CD_XLSX_TEXT },
    { _("Priority"), CD_XLSX_TEXT },        { _("Revision rounds"), CD_XLSX_INTEGER },
    { _("Hours"), CD_XLSX_HOURS },
  };

  return cd_xlsx_add_sheet (export->xlsx, "Details", columns, W_N,
                            (guint) export->totals.work_orders, error);
}

/* "=IF(D2=0,0,E2/D2)": on time out of done, 0 when nothing is done. */
static void
write_rate (CdXlsxSheet *sheet, gint64 done, gint64 on_time, gboolean bold)
{
  guint32 row = cd_xlsx_sheet_get_row (sheet);
  g_autofree char *done_cell = cd_xlsx_cell_name (row, P_DONE);
  g_autofree char *on_time_cell = cd_xlsx_cell_name (row, P_ON_TIME);
  g_autofree char *formula = g_strdup_printf ("=IF(%s=0,0,%s/%s)", done_cell, on_time_cell,
                                              done_cell);

  cd_xlsx_sheet_formula (sheet, P_RATE, formula, done > 0 ? (double) on_time / done : 0.0,
                         CD_XLSX_PERCENT, bold);
}

static void
person_clear (Person *person)
{
  g_free (person->name);
  g_free (person->department);
}

static gboolean
collect_person_cb (const CdWorkOrderPersonRow *row, gpointer user_data, GError **error)
{
  Export *export = user_data;
  Person person = {
    .name = g_strdup (row->name),
    .department = g_strdup (row->department),
    .issued = row->issued,
    .done = row->done,
    .on_time = row->on_time,
    .revision_rounds = row->revision_rounds,
    .spent_minutes = row->spent_minutes,
  };

  g_array_append_val (export->people, person);
  export->totals.work_order_people++;
  export->totals.work_orders += row->issued;
  return TRUE;
}

static gboolean
write_person (Export *export, const Person *person, GError **error)
{
  CdXlsxSheet *sheet = export->summary;

  cd_xlsx_sheet_text (sheet, P_NAME, person->name != NULL ? person->name : _("(unassigned)"));
  cd_xlsx_sheet_text (sheet, P_DEPARTMENT, staff_department_label (person->department));
  cd_xlsx_sheet_integer (sheet, P_ISSUED, person->issued);
  cd_xlsx_sheet_integer (sheet, P_DONE, person->done);
  cd_xlsx_sheet_integer (sheet, P_ON_TIME, person->on_time);
  write_rate (sheet, person->done, person->on_time, FALSE);
  cd_xlsx_sheet_integer (sheet, P_REVISIONS, person->revision_rounds);
  cd_xlsx_sheet_hours (sheet, P_HOURS, person->spent_minutes);

  export->issued += person->issued;
  export->done += person->done;
  export->on_time += person->on_time;
  export->revisions += person->revision_rounds;
  export->minutes += person->spent_minutes;
  return cd_xlsx_sheet_end_row (sheet, error) && cd_report_ticker_step (&export->ticker, error);
}

static gboolean
write_summary (Export *export, GError **error)
{
  CdXlsxSheet *sheet = export->summary;

  for (guint i = 0; i < export->people->len; i++)
    if (!write_person (export, &g_array_index (export->people, Person, i), error))
      return FALSE;
  cd_xlsx_sheet_bold_text (sheet, P_NAME, _("Total"));
  cd_xlsx_sheet_sum (sheet, P_ISSUED, export->issued, CD_XLSX_INTEGER);
  cd_xlsx_sheet_sum (sheet, P_DONE, export->done, CD_XLSX_INTEGER);
  cd_xlsx_sheet_sum (sheet, P_ON_TIME, export->on_time, CD_XLSX_INTEGER);
  write_rate (sheet, export->done, export->on_time, TRUE);
  cd_xlsx_sheet_sum (sheet, P_REVISIONS, export->revisions, CD_XLSX_INTEGER);
  cd_xlsx_sheet_sum (sheet, P_HOURS, export->minutes, CD_XLSX_HOURS);
  return cd_xlsx_sheet_end_row (sheet, error);
}

static gboolean
work_order_cb (const CdWorkOrderRow *row, gpointer user_data, GError **error)
{
  Export *export = user_data;
  CdXlsxSheet *sheet = export->details;
  gboolean done = g_strcmp0 (row->status, "done") == 0;

  cd_xlsx_sheet_text (sheet, W_NUMBER, row->number);
  cd_xlsx_sheet_text (sheet, W_TITLE, row->title);
  cd_xlsx_sheet_text (sheet, W_PROJECT, row->project);
  cd_xlsx_sheet_text (sheet, W_CLIENT, row->client);
  cd_xlsx_sheet_text (sheet, W_DEPARTMENT, work_department_label (row->department));
  cd_xlsx_sheet_text (sheet, W_ASSIGNEE, row->assignee != NULL ? row->assignee
                                                               : _("(unassigned)"));
  cd_xlsx_sheet_text (sheet, W_ISSUED_BY, row->issued_by);
  cd_xlsx_sheet_date (sheet, W_ISSUED, row->issued_date);
  cd_xlsx_sheet_date (sheet, W_DUE, row->due_date);
  cd_xlsx_sheet_text (sheet, W_STATUS, status_label (row->status));
  cd_xlsx_sheet_date (sheet, W_DONE, row->done_date);
  if (done)
    cd_xlsx_sheet_text (sheet, W_ON_TIME, row->on_time ? _("Yes") : _("No"));
  cd_xlsx_sheet_text (sheet, W_PRIORITY, priority_label (row->priority));
  cd_xlsx_sheet_integer (sheet, W_REVISIONS, row->revision_rounds);
  cd_xlsx_sheet_hours (sheet, W_HOURS, row->spent_minutes);
  return cd_xlsx_sheet_end_row (sheet, error) && cd_report_ticker_step (&export->ticker, error);
}

static gboolean
write_about (Export *export, GError **error)
{
  const CdMonthTotals *t = &export->totals;
  g_autofree char *orders = g_strdup_printf ("%" PRId64, t->work_orders);
  g_autofree char *people = g_strdup_printf ("%" PRId64, t->work_order_people);
  const char *figures[] = { _("Work orders"), orders, _("People"), people, NULL };
  const char *rules[] = {
    _("Work orders issued in the period (by issued date), whatever their status now."),
    _("Done: their status is done. On time: done no later than the due date. On-time rate: "
      "on time out of done."),
    _("Revision rounds: the revisions recorded on those work orders. Hours: the time spent "
      "recorded on them."),
    NULL,
  };
  CdReportAbout about = {
    .title = _("Monthly work-order summary"),
    .figures = figures,
    .rules = rules,
  };

  return cd_report_write_about (export->about, export->store, export->reader, &about, error);
}

static gboolean
prepare (Export *export, CdStore *store, const char *month, const char *target, GError **error)
{
  export->store = store;
  export->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (export->people, (GDestroyNotify) person_clear);
  /* One pass gives the people and the number of work orders: a month's
   * work orders lie all over a table of a million, each read costs. */
  export->reader = cd_month_reader_open (store, month, error);
  if (export->reader == NULL
      || !cd_month_reader_foreach_person (export->reader, collect_person_cb, export, error))
    return FALSE;
  export->ticker.total = export->totals.work_order_people + export->totals.work_orders;
  if (!cd_report_ticker_check (&export->ticker, error))
    return FALSE;

  export->xlsx = cd_xlsx_open (target, error);
  if (export->xlsx == NULL)
    return FALSE;
  export->summary = add_summary (export, error);
  export->details = export->summary ? add_details (export, error) : NULL;
  export->about = export->details ? cd_xlsx_add_plain_sheet (export->xlsx, "About", 2, error)
                                  : NULL;
  return export->about != NULL;
}

gboolean
cd_work_order_summary_export (CdStore *store, const char *month, const char *target,
                              CdReportProgressFunc progress, gpointer progress_data,
                              GCancellable *cancellable, GError **error)
{
  Export export = { .ticker = { progress, progress_data, cancellable, 0, 0 } };
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  ok = prepare (&export, store, month, target, error)
       && write_summary (&export, error)
       && cd_month_reader_foreach_work_order (export.reader, work_order_cb, &export, error)
       && write_about (&export, error)
       && cd_report_ticker_check (&export.ticker, error)
       && cd_xlsx_finish (export.xlsx, error);

  g_clear_pointer (&export.xlsx, cd_xlsx_free);
  g_clear_pointer (&export.reader, cd_month_reader_free);
  g_clear_pointer (&export.people, g_array_unref);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}

/* ------------------------------------------------------------------ */

typedef struct
{
  char                 *month;
  char                 *target;
  CdReportProgressFunc  progress;
  gpointer              progress_data;
} ExportArgs;

static void
export_args_free (ExportArgs *args)
{
  g_free (args->month);
  g_free (args->target);
  g_free (args);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportArgs *args = data;
  GError *error = NULL;

  if (cd_work_order_summary_export (CD_STORE (source), args->month, args->target,
                                    args->progress, args->progress_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_work_order_summary_export_async (CdStore *store, const char *month, const char *target,
                                    CdReportProgressFunc progress, gpointer progress_data,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportArgs *args;

  g_return_if_fail (CD_IS_STORE (store));

  args = g_new0 (ExportArgs, 1);
  args->month = g_strdup (month);
  args->target = g_strdup (target);
  args->progress = progress;
  args->progress_data = progress_data;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_work_order_summary_export_async);
  g_task_set_task_data (task, args, (GDestroyNotify) export_args_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cd_work_order_summary_export_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
