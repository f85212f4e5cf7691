/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-tasks.h"

/* How many refused rows a dialog lists before it says "and N more". */
#define MAX_PROBLEMS_SHOWN 12

typedef struct
{
  CdFileChosenFunc   file_cb;
  CdImportChosenFunc import_cb;
  gpointer           user_data;
} ChooserData;

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        ChooserData     *data)
{
  g_autoptr(GFile) file = NULL;
  const char *choice;
  CdKind kind = CD_KIND_CLIENTS;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (data->import_cb != NULL)
    {
      choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "kind");
      if (choice != NULL)
        cd_kind_from_string (choice, &kind);
      data->import_cb (file, kind, data->user_data);
    }
  else
    data->file_cb (file, data->user_data);

  g_free (data);
  /* The dialog held itself alive since it was shown. */
  g_object_unref (dialog);
}

static GtkFileChooserNative *
make_chooser (GtkWindow            *parent,
              GtkFileChooserAction  action,
              const char           *title,
              const char           *accept_label,
              const char           *filter_name,
              const char           *pattern)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter_name != NULL)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  return chooser;
}

/* Shows a file chooser; @callback gets the file, or NULL when the person
 * cancelled. */
void
cd_choose_file (GtkWindow            *parent,
                GtkFileChooserAction  action,
                const char           *title,
                const char           *accept_label,
                const char           *filter_name,
                const char           *pattern,
                const char           *suggested_name,
                CdFileChosenFunc      callback,
                gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  data->file_cb = callback;
  data->user_data = user_data;
  chooser = make_chooser (parent, action, title, accept_label, filter_name, pattern);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A CSV chooser; with @ask_kind it also asks whether the file holds clients
 * or suppliers. */
void
cd_choose_import_file (GtkWindow          *parent,
                       gboolean            ask_kind,
                       CdImportChosenFunc  callback,
                       gpointer            user_data)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);
  const char *ids[] = { "clients", "suppliers", NULL };
  const char *labels[] = { _("Clients"), _("Suppliers"), NULL };

  data->import_cb = callback;
  data->user_data = user_data;
  chooser = make_chooser (parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                          ask_kind ? _("Import Clients or Suppliers") : _("Import Clients"),
                          _("_Import"), _("CSV files"), "*.[cC][sS][vV]");
  if (ask_kind)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "kind", _("The file holds"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "kind", "clients");
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  CdKind          kind;
  char           *path;
  CdImportReport *report;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->report, cd_import_report_free);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (!cd_import_csv (CD_STORE (source_object), job->kind, job->path, FALSE, &job->report, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Imports @file with cd_import_csv () on a worker thread. */
void
cd_import_file_async (CdStore             *store,
                      CdKind               kind,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job->kind = kind;
  job->path = g_file_get_path (file);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_import_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files on this computer can be imported."));
      return;
    }
  g_task_run_in_thread (task, import_thread);
}

/* *out_report gets the import's report whether it succeeded or was refused
 * (NULL when the file could not even be read). */
gboolean
cd_import_file_finish (GAsyncResult    *result,
                       CdImportReport **out_report,
                       GError         **error)
{
  ImportJob *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_import_file_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (out_report != NULL)
    *out_report = g_steal_pointer (&job->report);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Returns: (transfer full): one sentence for a toast, e.g. "Imported 12 clients" */
char *
cd_import_describe (CdKind                kind,
                    const CdImportReport *report)
{
  guint n = report != NULL ? report->rows_imported : 0;

  if (kind == CD_KIND_SUPPLIERS)
    return g_strdup_printf (ngettext ("Imported %u supplier", "Imported %u suppliers", n), n);
  return g_strdup_printf (ngettext ("Imported %u client", "Imported %u clients", n), n);
}

static char *
describe_problems (const CdImportReport *report,
                   const GError         *error)
{
  GString *text = g_string_new (error != NULL ? error->message : "");
  guint n = report != NULL && report->problems != NULL ? report->problems->len : 0;

  for (guint i = 0; i < MIN (n, MAX_PROBLEMS_SHOWN); i++)
    {
      CdImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_string_append_c (text, '\n');
      if (problem->column != NULL)
        /* Translators: a refused row: line number, column name, reason */
        g_string_append_printf (text, _("Line %u, column %s: %s"), problem->line, problem->column, problem->reason);
      else
        /* Translators: a refused row: line number, reason */
        g_string_append_printf (text, _("Line %u: %s"), problem->line, problem->reason);
    }
  if (n > MAX_PROBLEMS_SHOWN)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("…and %u more problem", "…and %u more problems",
                                              n - MAX_PROBLEMS_SHOWN),
                              n - MAX_PROBLEMS_SHOWN);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Nothing was imported. Correct the file and import it again."));
  return g_string_free (text, FALSE);
}

/**
 * cd_show_import_refusal:
 *
 * The file was refused: says why, row by row.
 *
 * Returns: (transfer none): the dialog, already presented
 */
AdwMessageDialog *
cd_show_import_refusal (GtkWindow            *parent,
                        const CdImportReport *report,
                        const GError         *error)
{
  g_autofree char *body = describe_problems (report, error);

  return cd_show_message (parent, _("The File Was Not Imported"), body);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!cd_store_backup (CD_STORE (source_object), task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes a checked copy of the database to @dest on a worker thread. */
void
cd_backup_async (CdStore             *store,
                 GFile               *dest,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_backup_async);
  path = g_file_get_path (dest);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A backup can only be written to a folder on this computer."));
      return;
    }
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
cd_backup_finish (GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_backup_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cd_show_message:
 *
 * Shows a dialog with one "Close" response that destroys it.
 *
 * Returns: (transfer none): the dialog, already presented
 */
AdwMessageDialog *
cd_show_message (GtkWindow  *parent,
                 const char *heading,
                 const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
