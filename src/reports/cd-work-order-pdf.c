/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The work order (工作单) on paper, drawn with the shared document code. */
#define G_LOG_DOMAIN "cd-reports"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "reports/cd-work-order-pdf.h"

static char *
hours_text (gint64 minutes)
{
  return g_strdup_printf (_("%.2f h"), minutes / 60.0);
}

static void
write_fields (CdPdf *pdf, const CdWorkOrder *order)
{
  g_autofree char *project = g_strdup_printf ("%s %s", order->project_number ? order->project_number : "",
                                              order->project_name ? order->project_name : "");
  g_autofree char *hours = hours_text (order->spent_minutes);
  const char *pairs[] = {
    _("Project"), project,
    _("Client"), order->client_name,
    _("Department"), cd_work_order_department_label (order->department),
    _("Assignee"), order->assignee_name ? order->assignee_name : _("Not assigned"),
    _("Issued by"), order->issued_by_name,
    _("Priority"), cd_work_order_priority_label (order->priority),
    _("Issued"), order->issued_date,
    _("Due"), order->due_date,
    _("Status"), cd_state_label ("work_order", order->status),
    _("Done"), order->done_date,
    _("Time spent"), order->spent_minutes > 0 ? hours : NULL,
  };

  cd_pdf_fields (pdf, pairs, G_N_ELEMENTS (pairs) / 2, 2);
}

static void
write_revisions (CdPdf *pdf, GPtrArray *revisions)
{
  static const CdPdfColumn columns[] = {
    { N_("Round"), 0.8, TRUE },
    { N_("Date"), 1.4, FALSE },
    { N_("Reason"), 5.0, FALSE },
    { N_("Requested by"), 1.6, FALSE },
  };
  CdPdfColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (revisions == NULL || revisions->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _(columns[i].title);
    }
  for (guint i = 0; i < revisions->len; i++)
    {
      CdRevision *r = g_ptr_array_index (revisions, i);
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf ("%d", r->round);
      row[1] = g_strdup (r->date);
      row[2] = g_strdup (r->reason);
      row[3] = g_strdup (r->requested_by ? r->requested_by : "");
      g_ptr_array_add (rows, row);
    }
  cd_pdf_skip (pdf, 10);
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Revision rounds"));
  cd_pdf_table (pdf, translated, G_N_ELEMENTS (translated), rows);
}

/**
 * cd_work_order_pdf_write:
 *
 * Returns: whether @path was written (atomically: nothing is left on failure)
 */
gboolean
cd_work_order_pdf_write (const CdWorkOrder *order, GPtrArray *revisions, const CdLetterhead *letterhead,
                         const char *path, GError **error)
{
  g_autoptr (CdPdf) pdf = NULL;
  const char *left[] = { _("Signature: ____________"), _("Date: ____________"), NULL };
  const char *right[] = { _("Signature: ____________"), _("Date: ____________"), NULL };

  g_return_val_if_fail (order != NULL, FALSE);

  pdf = cd_pdf_new (path, letterhead, _("Work order"), order->number, order->issued_date, error);
  if (pdf == NULL)
    return FALSE;
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, order->title);
  write_fields (pdf, order);
  cd_pdf_skip (pdf, 10);
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Requirements"));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY, order->requirements && *order->requirements
                                      ? order->requirements : _("(none written)"));
  write_revisions (pdf, revisions);
  cd_pdf_skip (pdf, 24);
  cd_pdf_keep (pdf, 90);
  cd_pdf_signatures (pdf, _("Issued by (account department)"), left,
                     _("Received by (creative department)"), right);
  return cd_pdf_finish (pdf, error);
}

gboolean
cd_work_order_pdf_render (CdStore *store, gint64 id, const char *path, GError **error)
{
  g_autoptr (CdWorkOrder) order = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (CdLetterhead) letterhead = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);

  order = cd_store_work_order_get (store, id, error);
  if (order == NULL)
    return FALSE;
  revisions = cd_store_work_order_revisions (store, id, error);
  if (revisions == NULL)
    return FALSE;
  letterhead = cd_letterhead_load (store);
  return cd_work_order_pdf_write (order, revisions, letterhead, path, error);
}

typedef struct
{
  CdStore *store;
  gint64   id;
  char    *path;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *rd = data;

  g_object_unref (rd->store);
  g_free (rd->path);
  g_free (rd);
}

static void
render_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RenderData *rd = data;
  GError *error = NULL;

  if (cd_work_order_pdf_render (rd->store, rd->id, rd->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_work_order_pdf_render_async (CdStore *store, gint64 id, const char *path, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *rd = g_new0 (RenderData, 1);

  rd->store = g_object_ref (store);
  rd->id = id;
  rd->path = g_strdup (path);
  g_task_set_source_tag (task, cd_work_order_pdf_render_async);
  g_task_set_task_data (task, rd, render_data_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
cd_work_order_pdf_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
