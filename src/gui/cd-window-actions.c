/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-audit-window.h"
#include "gui/cd-new-quote-dialog.h"
#include "gui/cd-tasks.h"
#include "gui/cd-window-private.h"

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (g_strcmp0 (cd_window_get_page (self), "views") != 0)
    return;
  cd_window_show_view (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->search_button)))
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The list on screen is the Quotes list: "New" makes a quote. */
static gboolean
can_create (CdWindow *self)
{
  return self->quotes_list != NULL && cd_window_get_current_list (self) == self->quotes_list;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (can_create (self))
    cd_window_new_quote (self);
}

static void
audit_log_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (self->context != NULL)
    gtk_window_present (cd_audit_window_new (self->context, GTK_WINDOW (self)));
}

void
cd_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
}

/* Enables and disables the window's actions from its state. */
void
cd_window_update_actions (CdWindow *self)
{
  gboolean views = g_strcmp0 (cd_window_get_page (self), "views") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", views);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 views && gtk_widget_get_sensitive (GTK_WIDGET (self->search_button)));
  gboolean create = views && can_create (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", create);
  /* Where there is no form for new records yet, keep the button where
   * people expect it and say how records get in. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button),
                               create ? _("New quote (Ctrl+N)")
                                      : _("Records are added by importing a CSV file (Import… in the main menu), from the Quotes list, or with clientdesk-cli in this version"));
}

static void
on_new_quote_response_cb (CdWindow *self)
{
  /* A quote may have been made: the list shows it when read again (if it
   * was built: a view is built when first shown). */
  if (self->quotes_list != NULL)
    cd_list_view_invalidate (self->quotes_list);
}

/* "New" on the Quotes list. */
void
cd_window_new_quote (CdWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (CD_IS_WINDOW (self));

  dialog = cd_new_quote_dialog_present (GTK_WIDGET (self), self->context);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_quote_response_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

typedef struct
{
  CdWindow *window;
  CdKind    kind;
} ImportData;

static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(CdWindow) self = data->window;
  CdKind kind = data->kind;
  g_autoptr(CdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_free (data);
  if (!cd_import_file_finish (result, &report, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cd_show_import_refusal (GTK_WINDOW (self), report, error);
      return;
    }
  summary = cd_import_describe (kind, report);
  cd_window_toast (self, summary);
  cd_window_reload (self);
  cd_window_leave_welcome (self);
  cd_window_show_view (self, kind == CD_KIND_SUPPLIERS ? "suppliers-deliveries" : "clients");
}

static void
on_import_file_chosen_cb (GFile    *file,
                          CdKind    kind,
                          gpointer  user_data)
{
  g_autoptr(CdWindow) self = user_data;
  ImportData *data;

  if (file == NULL)
    return;
  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->kind = kind;
  cd_window_toast (self, _("Importing…"));
  cd_import_file_async (cd_context_get_store (self->context), kind, file, self->cancellable,
                        on_import_done_cb, data);
}

/* Import… from the main menu: a CSV file of clients or suppliers. */
void
cd_window_import (CdWindow *self)
{
  g_return_if_fail (CD_IS_WINDOW (self));

  cd_choose_import_file (GTK_WINDOW (self), TRUE, on_import_file_chosen_cb, g_object_ref (self));
}

static void
on_backup_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cd_backup_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cd_show_message (GTK_WINDOW (self), _("The Backup Was Not Written"), error->message);
      return;
    }
  cd_window_toast (self, _("Backup saved"));
}

static void
on_backup_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(CdWindow) self = user_data;

  if (file == NULL)
    return;
  cd_backup_async (cd_context_get_store (self->context), file, self->cancellable,
                   on_backup_done_cb, g_object_ref (self));
}

static void
on_restore_confirmed_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CdWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "cd-path");

  if (g_strcmp0 (response, "replace") != 0)
    return;
  /* The application closes this window, swaps the file and opens a new
   * window on it: no store may be open on the file meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.restore", "s", path);
}

static void
on_restore_file_chosen_cb (GFile    *file,
                           gpointer  user_data)
{
  g_autoptr(CdWindow) self = user_data;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      cd_show_message (GTK_WINDOW (self), _("Nothing Was Restored"),
                       _("Choose a backup file on this computer."));
      return;
    }
  name = g_filename_display_basename (path);
  /* Translators: %s is the backup file's name */
  body = g_strdup_printf (_("Everything in this database is replaced by the backup “%s”. The current database is kept as a dated copy beside it."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace All Data?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cd-path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_backup_destination (CdWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested file name of a backup; keep the .db ending */
  g_autofree char *name = g_strdup_printf (_("clientdesk-backup-%s.db"), date);

  cd_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up the Database"),
                  _("_Save"), _("ClientDesk databases"), "*.db", name,
                  on_backup_file_chosen_cb, g_object_ref (self));
}

static void
on_backup_choice_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CdWindow         *self)
{
  if (g_strcmp0 (response, "backup") == 0)
    choose_backup_destination (self);
  else if (g_strcmp0 (response, "restore") == 0)
    cd_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore From a Backup"),
                    _("_Restore"), _("ClientDesk databases"), "*.db", NULL,
                    on_restore_file_chosen_cb, g_object_ref (self));
}

/* Backup & Restore… from the main menu: write a checked copy of the
 * database while the window stays usable, or put a backup in its place. */
void
cd_window_backup (CdWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (CD_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Backup & Restore"),
                                   _("A backup is one file holding everything in this database; keep one each quarter for the archive. Restoring a backup replaces the data shown here, and the current database is kept as a dated copy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore…"),
                                    "backup", _("_Back Up…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "backup",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "backup");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_backup_choice_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
