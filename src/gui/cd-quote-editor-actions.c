/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote editor's actions: saving the draft, the table's line buttons,
 * the catalogue, the quote's state changes, new versions, the contract and
 * the PDF. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-contract-editor.h"
#include "gui/cd-quote-catalogue-window.h"
#include "gui/cd-quote-editor-private.h"
#include "gui/cd-quote-line-item.h"
#include "reports/cd-quote-pdf.h"
#include "store/cd-store-contracts.h"

/* ------------------------------------------------------------------ */
/* Saving                                                             */

static GPtrArray *
collect_lines (CdQuoteEditor *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CdQuoteLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_ptr_array_add (lines, cd_quote_line_copy (cd_quote_line_item_get_line (item)));
    }
  return lines;
}

gboolean
cd_quote_editor_save (CdQuoteEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  const char *valid;

  if (!self->dirty)
    return TRUE;
  if (!cd_quote_editor_is_draft (self))
    return FALSE;
  if (!cd_quote_editor_lines_valid (self))
    {
      /* The sentence is already under the table; nothing is saved. */
      gtk_widget_grab_focus (GTK_WIDGET (self->lines_view));
      return FALSE;
    }
  valid = gtk_editable_get_text (GTK_EDITABLE (self->valid_entry));
  lines = collect_lines (self);
  if (!cd_store_quote_save_draft (cd_quote_editor_get_store (self), self->quote_id, valid,
                                  gtk_editable_get_text (GTK_EDITABLE (self->terms_entry)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->notes_entry)), lines, &error))
    {
      /* The store names the field: put a date's reason under the date. */
      if (g_str_has_prefix (error->message, _("Valid until")))
        {
          gtk_label_set_text (self->valid_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->valid_error), TRUE);
          gtk_widget_add_css_class (GTK_WIDGET (self->valid_entry), "error");
        }
      else
        cd_quote_editor_toast (self, error->message);
      return FALSE;
    }
  cd_quote_editor_load (self, self->quote_id);
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);

  if (cd_quote_editor_save (self))
    cd_quote_editor_toast (self, _("Saved"));
}

/* ------------------------------------------------------------------ */
/* Lines                                                              */

static guint
selected (CdQuoteEditor *self)
{
  return gtk_single_selection_get_selected (self->selection);
}

static void
insert_item (CdQuoteEditor *self, guint position, CdQuoteLineItem *item)
{
  g_list_store_insert (self->lines, position, item);
  gtk_single_selection_set_selected (self->selection, position);
  self->dirty = TRUE;
  cd_quote_editor_update_actions (self);
}

static void
add_line_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);
  g_autoptr (CdQuoteLineItem) item = cd_quote_line_item_new (NULL);

  insert_item (self, g_list_model_get_n_items (G_LIST_MODEL (self->lines)), item);
}

static void
duplicate_line_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);
  guint pos = selected (self);
  g_autoptr (CdQuoteLineItem) item = NULL;
  g_autoptr (CdQuoteLineItem) copy = NULL;

  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->lines), pos);
  copy = cd_quote_line_item_copy (item);
  insert_item (self, pos + 1, copy);
}

static void
move_line (CdQuoteEditor *self, int delta)
{
  guint pos = selected (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_autoptr (CdQuoteLineItem) item = NULL;

  if (pos == GTK_INVALID_LIST_POSITION || (delta < 0 && pos == 0) || (delta > 0 && pos + 1 >= n))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->lines), pos);
  g_list_store_remove (self->lines, pos);
  insert_item (self, pos + delta, item);
}

static void
move_up_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_line (CD_QUOTE_EDITOR (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_line (CD_QUOTE_EDITOR (widget), 1);
}

static void
remove_line_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);
  guint pos = selected (self);

  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  g_list_store_remove (self->lines, pos);
  self->dirty = TRUE;
  cd_quote_editor_update_actions (self);
}

/* ------------------------------------------------------------------ */
/* The catalogue                                                      */

static void
on_catalogue_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, CdQuoteEditor *self)
{
  const CdCatalogueItem *entry = g_object_get_data (G_OBJECT (row), "cd-catalogue-item");
  g_autoptr (CdQuoteLine) line = cd_quote_line_new_from_catalogue (entry, 1000);
  g_autoptr (CdQuoteLineItem) item = cd_quote_line_item_new (line);

  gtk_menu_button_popdown (self->catalogue_button);
  insert_item (self, g_list_model_get_n_items (G_LIST_MODEL (self->lines)), item);
}

static void
fill_catalogue (CdQuoteEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cd_store_catalogue_list (cd_quote_editor_get_store (self), FALSE, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->catalogue_list))) != NULL)
    gtk_list_box_remove (self->catalogue_list, child);
  if (items == NULL || items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? error->message : _("The catalogue is empty"));
      gtk_list_box_append (self->catalogue_list, row);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      CdCatalogueItem *entry = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *price = cd_money_format (entry->unit_price_fen);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s / %s", entry->spec ? entry->spec : "",
                                                   entry->spec ? " · " : "", price, entry->unit);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->name, -1);
      g_object_set_data_full (G_OBJECT (row), "cd-catalogue-item", cd_catalogue_item_copy (entry),
                              (GDestroyNotify) cd_catalogue_item_free);
      gtk_list_box_append (self->catalogue_list, row);
    }
}

static void
edit_catalogue_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);

  cd_quote_catalogue_window_present (widget, self->context);
}

/* Read each time the popover opens: the catalogue may have changed. */
static void
on_catalogue_show_cb (GtkPopover *popover, CdQuoteEditor *self)
{
  fill_catalogue (self);
}

/* ------------------------------------------------------------------ */
/* State changes                                                      */

typedef gboolean (*QuoteMove) (CdStore *store, gint64 id, const char *date, GError **error);

static void
move_quote (CdQuoteEditor *self, QuoteMove move, const char *done)
{
  g_autoptr (GError) error = NULL;

  if (!cd_quote_editor_save (self) && self->dirty)
    return;
  if (!move (cd_quote_editor_get_store (self), self->quote_id, NULL, &error))
    {
      cd_quote_editor_toast (self, error->message);
      return;
    }
  cd_quote_editor_load (self, self->quote_id);
  cd_quote_editor_toast (self, done);
}

static void
send_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_quote (CD_QUOTE_EDITOR (widget), cd_store_quote_send, _("Marked as sent"));
}

static void
on_decision_response_cb (AdwMessageDialog *dialog, const char *response, CdQuoteEditor *self)
{
  if (g_str_equal (response, "accept"))
    move_quote (self, cd_store_quote_accept, _("Accepted and locked"));
  else if (g_str_equal (response, "reject"))
    move_quote (self, cd_store_quote_reject, _("Marked as rejected"));
}

static void
ask_decision (CdQuoteEditor *self, gboolean accept)
{
  g_autofree char *heading = g_strdup_printf (accept ? _("Accept version %d?") : _("Reject version %d?"),
                                              self->quote->version);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              accept ? _("The version is then locked: it can no longer "
                                                         "change, and the other versions are superseded.")
                                                     : _("The client turned this version down. A new "
                                                         "version can still be made."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    accept ? "accept" : "reject", accept ? _("_Accept") : _("_Reject"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), accept ? "accept" : "reject",
                                              accept ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_decision_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accept_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_decision (CD_QUOTE_EDITOR (widget), TRUE);
}

static void
reject_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_decision (CD_QUOTE_EDITOR (widget), FALSE);
}

/* ------------------------------------------------------------------ */
/* New version                                                        */

static void
on_reason_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *text != '\0');
}

static void
on_new_version_response_cb (AdwMessageDialog *dialog, const char *response, CdQuoteEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    return;
  if (!cd_quote_editor_save (self) && self->dirty)
    return;
  id = cd_store_quote_new_version (cd_quote_editor_get_store (self), self->quote_id,
                                   gtk_editable_get_text (entry), &error);
  if (id == 0)
    {
      cd_quote_editor_toast (self, error->message);
      return;
    }
  cd_quote_editor_load (self, id);
}

static void
new_version_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);
  g_autofree char *body = g_strdup_printf (_("Version %d is copied into a new draft; the versions still "
                                             "open are superseded. Why is a new version needed?"),
                                           self->quote->version);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Version"), body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example: the client asked for a lower price"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the new version"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "create", _("_Create Version"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_version_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Contract and PDF                                                   */

static void
create_contract_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_quote_editor_get_store (self);
  gint64 id = cd_store_contract_for_quote (store, self->quote_id, &error);

  if (id == 0 && error == NULL)
    id = cd_store_contract_create_from_quote (store, self->quote_id, NULL, &error);
  if (id == 0)
    {
      cd_quote_editor_toast (self, error ? error->message : _("The contract could not be made."));
      return;
    }
  cd_contract_editor_present (GTK_WIDGET (self), self->context, id);
}

static void
on_pdf_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CdQuoteEditor) self = data;
  g_autoptr (GError) error = NULL;

  if (!cd_quote_pdf_render_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cd_quote_editor_toast (self, error->message);
      return;
    }
  cd_quote_editor_toast (self, _("PDF saved"));
}

static void
on_pdf_chosen_cb (GtkNativeDialog *chooser, int response, CdQuoteEditor *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    cd_quote_pdf_render_async (cd_quote_editor_get_store (self), self->quote_id, path, self->cancellable,
                               on_pdf_done_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Quote as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autofree char *name_suggested = g_strdup_printf ("%s-v%d.pdf", self->quote->number, self->quote->version);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name_suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */

void
cd_quote_editor_update_actions (CdQuoteEditor *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean draft = cd_quote_editor_is_draft (self);
  guint pos = selected (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  gboolean has = pos != GTK_INVALID_LIST_POSITION && pos < n;
  gboolean valid = cd_quote_editor_lines_valid (self);
  CdQuoteStatus status = self->quote ? self->quote->status : CD_QUOTE_DRAFT;

  gtk_widget_action_set_enabled (w, "quote.save", draft && self->dirty && valid);
  gtk_widget_action_set_enabled (w, "quote.add-line", draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->catalogue_button), draft);
  gtk_widget_action_set_enabled (w, "quote.duplicate-line", draft && has);
  gtk_widget_action_set_enabled (w, "quote.remove-line", draft && has);
  gtk_widget_action_set_enabled (w, "quote.move-up", draft && has && pos > 0);
  gtk_widget_action_set_enabled (w, "quote.move-down", draft && has && pos + 1 < n);
  gtk_widget_action_set_enabled (w, "quote.send", draft && valid && n > 0);
  gtk_widget_action_set_enabled (w, "quote.accept", self->quote && status == CD_QUOTE_SENT);
  gtk_widget_action_set_enabled (w, "quote.reject", self->quote && status == CD_QUOTE_SENT);
  gtk_widget_action_set_enabled (w, "quote.new-version", self->quote && !self->any_accepted);
  gtk_widget_action_set_enabled (w, "quote.create-contract", self->quote && status == CD_QUOTE_ACCEPTED);
  gtk_widget_action_set_enabled (w, "quote.save-pdf", self->quote && !self->dirty);
}

void
cd_quote_editor_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "quote.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "quote.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "quote.duplicate-line", NULL, duplicate_line_action);
  gtk_widget_class_install_action (widget_class, "quote.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "quote.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "quote.remove-line", NULL, remove_line_action);
  gtk_widget_class_install_action (widget_class, "quote.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "quote.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "quote.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "quote.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "quote.create-contract", NULL, create_contract_action);
  gtk_widget_class_install_action (widget_class, "quote.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "quote.edit-catalogue", NULL, edit_catalogue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "quote.save", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_show_cb);
}
