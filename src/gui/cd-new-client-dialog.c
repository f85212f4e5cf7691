/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New client form, as an AdwMessageDialog with the fields as its extra
 * child. The store checks everything again when saving; the checks here
 * only tell the person early, next to the field. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-credit-code.h"
#include "gui/cd-new-client-dialog.h"
#include "store/cd-store-clients.h"

typedef struct
{
  CdContext       *context;
  CdNewClientFunc  func;
  gpointer         user_data;
  AdwMessageDialog *dialog;
  GtkEditable     *name;
  GtkEditable     *short_name;
  GtkEditable     *credit_code;
  GtkEditable     *industry;
  GtkEditable     *region;
  GtkDropDown     *tier;
  GtkLabel        *name_error;
  GtkLabel        *code_error;
} Form;

static const char *const tiers[] = { "A", "B", "C", NULL };

static void
form_free (Form *form)
{
  g_object_unref (form->context);
  g_free (form);
}

static GtkLabel *
add_error_label (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static GtkEditable *
add_field (GtkBox *box, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (box, list);
  return GTK_EDITABLE (row);
}

static void
show_error (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* Returns TRUE when the form can be saved; shows each reason by its field. */
static gboolean
validate (Form *form)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (form->name)));
  g_autofree char *code = cd_credit_code_normalize (gtk_editable_get_text (form->credit_code));
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (*name == '\0')
    show_error (form->name_error, _("A client needs a name.")), ok = FALSE;
  else if (g_utf8_strlen (name, -1) > 300)
    show_error (form->name_error, _("The name is longer than 300 characters.")), ok = FALSE;
  else
    show_error (form->name_error, NULL);
  if (code != NULL && *code != '\0' && !cd_credit_code_validate (code, &error))
    show_error (form->code_error, error->message), ok = FALSE;
  else
    show_error (form->code_error, NULL);
  adw_message_dialog_set_response_enabled (form->dialog, "create", ok);
  return ok;
}

static void
on_changed_cb (GtkEditable *editable, Form *form)
{
  validate (form);
}

static GVariant *
form_fields (Form *form)
{
  GVariantDict dict;
  gint64 staff = cd_context_get_current_staff (form->context);
  struct { const char *key; GtkEditable *editable; } texts[] = {
    { "name", form->name }, { "short_name", form->short_name },
    { "credit_code", form->credit_code }, { "industry", form->industry },
    { "region", form->region },
  };

  g_variant_dict_init (&dict, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_variant_dict_insert (&dict, texts[i].key, "s", gtk_editable_get_text (texts[i].editable));
  g_variant_dict_insert (&dict, "tier", "s", tiers[gtk_drop_down_get_selected (form->tier)]);
  if (staff > 0)
    g_variant_dict_insert (&dict, "owner_id", "x", staff);
  return g_variant_dict_end (&dict);
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, Form *form)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "create") != 0 || !validate (form))
    return;
  id = cd_store_client_create (cd_context_get_store (form->context), form_fields (form), &error);
  if (id == 0)
    {
      /* The dialog closes after any response: say why nothing was saved. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      GtkWidget *refusal = adw_message_dialog_new (parent, _("The Client Was Not Saved"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refusal), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (refusal));
      return;
    }
  if (form->func != NULL)
    form->func (id, gtk_editable_get_text (form->name), form->user_data);
}

static GtkWidget *
build_fields (Form *form)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *tier_row = adw_action_row_new ();
  GtkWidget *tier_list = gtk_list_box_new ();

  form->name = add_field (box, _("Name"));
  form->name_error = add_error_label (box);
  form->short_name = add_field (box, _("Short name"));
  form->credit_code = add_field (box, _("Unified social credit code"));
  form->code_error = add_error_label (box);
  form->industry = add_field (box, _("Industry"));
  form->region = add_field (box, _("Region"));
  form->tier = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (tiers));
  gtk_drop_down_set_selected (form->tier, 2);
  gtk_widget_set_valign (GTK_WIDGET (form->tier), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tier_row), _("Tier"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (tier_row), GTK_WIDGET (form->tier));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->tier), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tier"), -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (tier_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (tier_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (tier_list), tier_row);
  gtk_box_append (box, tier_list);

  g_signal_connect (form->name, "changed", G_CALLBACK (on_changed_cb), form);
  g_signal_connect (form->credit_code, "changed", G_CALLBACK (on_changed_cb), form);
  return GTK_WIDGET (box);
}

/**
 * cd_new_client_dialog_present:
 * @func: (nullable): told of the new client once it is saved
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
cd_new_client_dialog_present (GtkWidget *parent, CdContext *context, CdNewClientFunc func,
                              gpointer user_data)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  Form *form = g_new0 (Form, 1);
  GtkWidget *dialog;

  form->context = g_object_ref (context);
  form->func = func;
  form->user_data = user_data;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Client"),
                                   _("Only the name is required; the rest can be filled in later."));
  form->dialog = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_set_extra_child (form->dialog, build_fields (form));
  adw_message_dialog_add_responses (form->dialog, "cancel", _("_Cancel"), "create", _("_Create"),
                                    NULL);
  adw_message_dialog_set_response_appearance (form->dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (form->dialog, "create");
  adw_message_dialog_set_close_response (form->dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), form);
  g_object_set_data_full (G_OBJECT (dialog), "cd-form", form, (GDestroyNotify) form_free);
  validate (form);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
