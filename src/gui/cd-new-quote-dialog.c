/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "New" on the Quotes list: choose the project (one in brief or quoting),
 * create quote v1 for it and open the quote editor. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-new-quote-dialog.h"
#include "gui/cd-quote-editor.h"
#include "store/cd-store-quotes.h"
#include "store/cd-store-today.h"

#define PICKER_LIMIT 50

typedef struct
{
  GtkWidget     *dialog;   /* owns this */
  CdContext     *context;
  GtkWidget     *parent;
  GtkListBox    *list;
  GtkLabel      *status;
  GCancellable  *cancellable;
} Picker;

static void
picker_free (Picker *picker)
{
  g_cancellable_cancel (picker->cancellable);
  g_clear_object (&picker->cancellable);
  g_clear_object (&picker->context);
  /* The list may outlive this while the dialog comes apart. */
  g_signal_handlers_disconnect_by_data (picker->list, picker);
  g_clear_object (&picker->list);
  g_free (picker);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GVariant *rows = cd_store_quotable_projects (CD_STORE (source_object), task_data, PICKER_LIMIT, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

static GtkWidget *
make_project_row (GVariant *dict)
{
  GtkWidget *row = adw_action_row_new ();
  const char *number = NULL, *name = NULL, *client = NULL;
  gint64 id = 0;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_variant_lookup (dict, "id", "x", &id);
  g_variant_lookup (dict, "number", "&s", &number);
  g_variant_lookup (dict, "name", "&s", &name);
  g_variant_lookup (dict, "client", "&s", &client);
  title = g_markup_printf_escaped ("%s · %s", number ? number : "", name ? name : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  subtitle = g_markup_escape_text (client ? client : "", -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cd-project-id64", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Picker *picker = user_data;
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GVariantIter iter;
  GVariant *dict;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (picker->list))) != NULL)
    gtk_list_box_remove (picker->list, child);
  if (rows == NULL)
    {
      gtk_label_set_label (picker->status, error->message);
      return;
    }
  g_variant_iter_init (&iter, rows);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      gtk_list_box_append (picker->list, make_project_row (dict));
      g_variant_unref (dict);
    }
  gtk_label_set_label (picker->status,
                       g_variant_n_children (rows) == 0
                         ? _("No project in brief or quoting matches. Quotes are made for projects that are not contracted yet.")
                         : "");
  gtk_widget_set_visible (GTK_WIDGET (picker->status), g_variant_n_children (rows) == 0);
}

static void
start_search (Picker     *picker,
              const char *text)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (picker->cancellable);
  g_clear_object (&picker->cancellable);
  picker->cancellable = g_cancellable_new ();
  task = g_task_new (cd_context_get_store (picker->context), picker->cancellable,
                     on_search_done_cb, picker);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, search_thread);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      Picker         *picker)
{
  start_search (picker, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_row_selected_cb (GtkListBox    *list,
                    GtkListBoxRow *row,
                    Picker        *picker)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (picker->dialog), "create", row != NULL);
}

static void
create_for_row (Picker        *picker,
                GtkListBoxRow *row)
{
  gint64 *project_id = g_object_get_data (G_OBJECT (row), "cd-project-id64");
  g_autoptr(GError) error = NULL;
  gint64 quote_id;

  quote_id = cd_store_quote_create (cd_context_get_store (picker->context), *project_id, NULL, &error);
  if (quote_id <= 0)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (picker->parent)),
                                                   _("The Quote Was Not Created"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  cd_quote_editor_present (picker->parent, picker->context, quote_id);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Picker           *picker)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (picker->list);

  if (g_strcmp0 (response, "create") == 0 && row != NULL)
    create_for_row (picker, row);
}

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     Picker        *picker)
{
  gtk_list_box_select_row (list, row);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (picker->dialog), "create");
  gtk_window_close (GTK_WINDOW (picker->dialog));
}

static GtkWidget *
build_body (Picker *picker)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search projects"), -1);
  g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), picker);
  gtk_box_append (GTK_BOX (box), entry);

  picker->list = g_object_ref_sink (GTK_LIST_BOX (gtk_list_box_new ()));
  gtk_widget_add_css_class (GTK_WIDGET (picker->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Projects in brief or quoting"), -1);
  g_signal_connect (picker->list, "row-selected", G_CALLBACK (on_row_selected_cb), picker);
  g_signal_connect (picker->list, "row-activated", G_CALLBACK (on_row_activated_cb), picker);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (picker->list));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), scrolled);

  picker->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (picker->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (picker->status), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (picker->status), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->status));
  return box;
}

/**
 * cd_new_quote_dialog_present:
 * @parent: a widget of the window to put the dialog over
 *
 * Returns: (transfer none): the dialog (it closes itself)
 */
GtkWidget *
cd_new_quote_dialog_present (GtkWidget *parent,
                             CdContext *context)
{
  Picker *picker;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  picker = g_new0 (Picker, 1);
  picker->context = g_object_ref (context);
  picker->parent = parent;
  picker->dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), _("New Quote"),
                                           _("Choose the project the quote is for. Its first version opens as a draft."));
  g_object_set_data_full (G_OBJECT (picker->dialog), "cd-picker", picker, (GDestroyNotify) picker_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (picker->dialog), build_body (picker));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (picker->dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate Quote"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (picker->dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (picker->dialog), "create", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (picker->dialog), "cancel");
  g_signal_connect (picker->dialog, "response", G_CALLBACK (on_response_cb), picker);
  start_search (picker, NULL);
  gtk_window_present (GTK_WINDOW (picker->dialog));
  return picker->dialog;
}
