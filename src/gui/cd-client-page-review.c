/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file's guarded changes. Month-end review: the current staff
 * member adds a comment and marks a visit reviewed, after which the
 * database refuses any change to it. Hand-over: the account manager or
 * account executive changes, with a reason, and the history of every
 * hand-over (who, from, to, when, why) is listed under the owners.
 * Feedback: closed with valid or not and a resolution. Deletion: asked for
 * confirmation; a client with projects is refused, with the reason. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-client-page-private.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-projects.h"

/* ------------------------------------------------------------------ */
/* Month-end review                                                     */

typedef struct
{
  CdClientPage *page;
  gint64        visit_id;
  gint64        visit_staff;
  GtkEditable  *comment;
} Review;

static void
review_free (gpointer data, GClosure *closure)
{
  Review *review = data;

  g_object_unref (review->page);
  g_free (review);
}

static void
on_review_response_cb (AdwMessageDialog *dialog, const char *response, Review *review)
{
  CdClientPage *self = review->page;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "review") != 0)
    return;
  if (!cd_store_visit_review (cd_context_get_store (self->context), review->visit_id,
                              cd_context_get_current_staff (self->context),
                              gtk_editable_get_text (review->comment), &error))
    {
      cd_client_page_toast (self, error->message);
      return;
    }
  cd_client_page_load_lists (self);
  cd_client_page_toast (self, _("Visit reviewed. It can no longer be changed."));
}

/* Who may review: someone known (Preferences → current staff member) and
 * not the one who made the visit. NULL when allowed. */
static const char *
review_refusal (CdClientPage *self, gint64 visit_staff)
{
  gint64 me = cd_context_get_current_staff (self->context);

  if (me <= 0)
    return _("Choose who you are in Preferences (current staff member) to review visits.");
  if (me == visit_staff)
    return _("A visit is reviewed by a supervisor, not by the person who made it.");
  return NULL;
}

static void
open_review (CdClientPage *self, gint64 visit_id, gint64 visit_staff, const char *title)
{
  const char *refusal = review_refusal (self, visit_staff);
  GtkWidget *dialog, *entry;
  Review *review;

  if (refusal != NULL)
    {
      cd_client_page_toast (self, refusal);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Review Visit"), title);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", title,
    _("Once reviewed, the visit log is locked: it cannot be changed or deleted."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Supervisor's comment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Supervisor's comment"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "review", _("_Mark Reviewed"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  review = g_new0 (Review, 1);
  review->page = g_object_ref (self);
  review->visit_id = visit_id;
  review->visit_staff = visit_staff;
  review->comment = GTK_EDITABLE (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_review_response_cb), review,
                         review_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  gint64 visit_id = 0, staff = 0;
  const char *title = NULL;

  g_variant_get (parameter, "(xx&s)", &visit_id, &staff, &title);
  open_review (self, visit_id, staff, title);
}

/* Returns: (transfer floating): a "Review…" button for @visit's row */
GtkWidget *
cd_client_page_review_button (CdClientPage *self, GVariant *visit)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Review…"));
  const char *date = cd_client_page_text_of (visit, "date");
  g_autofree char *label = g_strdup_printf (_("Review the visit of %s"), date != NULL ? date : "");
  gint64 id = 0, staff = 0;

  g_variant_lookup (visit, "id", "x", &id);
  g_variant_lookup (visit, "staff_id", "x", &staff);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client.review-visit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xxs)", id, staff, label);
  return button;
}

/* ------------------------------------------------------------------ */
/* Hand-over                                                            */

static const char *
role_label (const char *role)
{
  return g_strcmp0 (role, "ae") == 0 ? _("Account executive") : _("Account manager");
}

static void
show_hand_over_error (CdClientPage *self, const char *reason)
{
  gtk_label_set_text (self->hand_over_error, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hand_over_error), reason != NULL);
}

static void
hand_over_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->hand_over_reason)));
  guint staff = gtk_drop_down_get_selected (self->hand_over_staff);
  const char *role = gtk_drop_down_get_selected (self->hand_over_role) == 1 ? "ae" : "am";

  if (staff == GTK_INVALID_LIST_POSITION || staff >= self->staff_ids->len)
    {
      show_hand_over_error (self, _("Choose who takes the client over."));
      return;
    }
  if (*reason == '\0')
    {
      show_hand_over_error (self, _("Say why the client is handed over."));
      return;
    }
  if (!cd_store_client_hand_over (cd_context_get_store (self->context), self->client_id, role,
                                  g_array_index (self->staff_ids, gint64, staff), reason, &error))
    {
      show_hand_over_error (self, error->message);
      return;
    }
  show_hand_over_error (self, NULL);
  gtk_editable_set_text (self->hand_over_reason, "");
  cd_client_page_load_owners (self);
  cd_client_page_toast (self, _("Client handed over."));
}

/* Returns: (transfer full) (nullable): the name of staff member @id */
static char *
staff_name (GVariant *staff, gint64 id)
{
  GVariantIter iter;
  GVariant *row;

  if (staff == NULL || id <= 0)
    return NULL;
  for (g_variant_iter_init (&iter, staff); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 row_id = 0;
      g_variant_lookup (row, "id", "x", &row_id);
      if (row_id == id)
        {
          char *name = g_strdup (cd_client_page_text_of (row, "name"));
          g_variant_unref (row);
          return name;
        }
    }
  return NULL;
}

static void
load_staff_choices (CdClientPage *self, GVariant *staff)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GVariantIter iter;
  GVariant *row;

  g_array_set_size (self->staff_ids, 0);
  for (g_variant_iter_init (&iter, staff); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 id = 0;
      g_variant_lookup (row, "id", "x", &id);
      g_array_append_val (self->staff_ids, id);
      gtk_string_list_append (names, cd_client_page_text_of (row, "name"));
    }
  gtk_drop_down_set_model (self->hand_over_staff, G_LIST_MODEL (names));
}

static void
load_history (CdClientPage *self, GVariant *history)
{
  GVariantIter iter;
  GVariant *row;

  cd_client_page_clear_list (self->history);
  for (g_variant_iter_init (&iter, history); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      const char *from = cd_client_page_text_of (row, "from_name");
      const char *to = cd_client_page_text_of (row, "to_name");
      const char *reason = cd_client_page_text_of (row, "reason");
      g_autofree char *title = g_strdup_printf ("%s: %s → %s",
                                                role_label (cd_client_page_text_of (row, "role")),
                                                from != NULL ? from : "—", to != NULL ? to : "—");
      g_autofree char *sub = g_strdup_printf ("%s · %s", cd_client_page_text_of (row, "changed_at"),
                                              reason != NULL && *reason ? reason : _("no reason given"));

      cd_client_page_add_text_row (self->history, title, sub);
    }
  if (g_variant_n_children (history) == 0)
    cd_client_page_add_text_row (self->history, _("No hand-overs yet"), NULL);
}

/* Reads the owners, the staff who can take over and the history again. */
void
cd_client_page_load_owners (CdClientPage *self)
{
  CdStore *store = cd_context_get_store (self->context);
  g_autoptr (GVariant) client = cd_store_client_get (store, self->client_id, NULL);
  g_autoptr (GVariant) staff = cd_store_staff_for (store, TRUE, NULL);
  g_autoptr (GVariant) history = cd_store_client_owner_history (store, self->client_id, NULL);
  gint64 am = 0, ae = 0;
  g_autofree char *am_name = NULL;
  g_autofree char *ae_name = NULL;
  g_autofree char *owners = NULL;

  if (client != NULL)
    {
      g_variant_lookup (client, "owner_id", "x", &am);
      g_variant_lookup (client, "ae_id", "x", &ae);
    }
  am_name = staff_name (staff, am);
  ae_name = staff_name (staff, ae);
  owners = g_strdup_printf (_("Account manager: %s. Account executive: %s."),
                            am_name != NULL ? am_name : _("nobody"),
                            ae_name != NULL ? ae_name : _("nobody"));
  gtk_label_set_text (self->owners, owners);
  /* Once: reading the lists again must not undo a choice being made. */
  if (staff != NULL && self->staff_ids->len == 0)
    load_staff_choices (self, staff);
  if (history != NULL)
    load_history (self, history);
}

static GtkDropDown *
drop_down_row (GtkWidget *list, const char *title, const char *const *strings)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (strings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_DROP_DOWN (drop_down);
}

void
cd_client_page_build_hand_over (CdClientPage *self, GtkWidget *box)
{
  const char *const roles[] = { _("Account manager"), _("Account executive"), NULL };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *form = cd_client_page_boxed_list ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Hand Over"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hand Over"), -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Owners and hand-overs"));
  self->owners = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->owners, 0);
  gtk_label_set_wrap (self->owners, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->owners));
  self->hand_over_role = drop_down_row (form, _("Role"), roles);
  self->hand_over_staff = drop_down_row (form, _("Hand over to"), (const char *const[]) { NULL });
  self->hand_over_reason = cd_client_page_entry_row (form, _("Reason for the hand-over"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form);
  self->hand_over_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hand_over_error, 0);
  gtk_label_set_wrap (self->hand_over_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hand_over_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->hand_over_error), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->hand_over_error));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client.hand-over");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  self->history = GTK_LIST_BOX (cd_client_page_boxed_list ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->history), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hand-over history"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->history));
  gtk_box_append (GTK_BOX (box), group);
}

/* ------------------------------------------------------------------ */
/* Closing feedback                                                     */

typedef struct
{
  CdClientPage *page;
  gint64        feedback_id;
  GtkDropDown  *valid;
  GtkEditable  *resolution;
  GtkLabel     *hint;
} Closing;

static void
closing_free (gpointer data, GClosure *closure)
{
  Closing *closing = data;

  g_object_unref (closing->page);
  g_free (closing);
}

/* The resolution is required: until there is one, the dialog says so under
 * the field and cannot be confirmed. */
static void
on_resolution_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  Closing *closing = g_object_get_data (G_OBJECT (dialog), "cd-closing");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_visible (GTK_WIDGET (closing->hint), *text == '\0');
  adw_message_dialog_set_response_enabled (dialog, "close-feedback", *text != '\0');
}

static void
on_closing_response_cb (AdwMessageDialog *dialog, const char *response, Closing *closing)
{
  CdClientPage *self = closing->page;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (g_strcmp0 (response, "close-feedback") != 0)
    return;
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  if (!cd_store_feedback_close (cd_context_get_store (self->context), closing->feedback_id,
                                gtk_drop_down_get_selected (closing->valid) == 0,
                                gtk_editable_get_text (closing->resolution), today, &error))
    {
      cd_client_page_toast (self, error->message);
      return;
    }
  cd_client_page_load_lists (self);
  cd_client_page_toast (self, _("Feedback closed."));
}

static GtkWidget *
closing_form (Closing *closing)
{
  const char *const choices[] = { _("Valid"), _("Not valid"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *valid = gtk_drop_down_new_from_strings (choices);
  GtkWidget *hint = gtk_label_new (_("Say how it was resolved."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (valid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Was the feedback valid?"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Resolution"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Resolution"), -1);
  gtk_widget_add_css_class (hint, "error");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_box_append (GTK_BOX (box), valid);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  closing->valid = GTK_DROP_DOWN (valid);
  closing->resolution = GTK_EDITABLE (entry);
  closing->hint = GTK_LABEL (hint);
  return box;
}

static void
close_feedback_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  Closing *closing = g_new0 (Closing, 1);
  const char *summary = NULL;
  GtkWidget *dialog;

  g_variant_get (parameter, "(x&s)", &closing->feedback_id, &summary);
  closing->page = g_object_ref (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Close Feedback"), summary);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), closing_form (closing));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close-feedback", _("C_lose Feedback"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close-feedback",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close-feedback", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cd-closing", closing);
  g_signal_connect (closing->resolution, "changed", G_CALLBACK (on_resolution_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_closing_response_cb), closing,
                         closing_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: (transfer floating): a "Close…" button for an open feedback row */
GtkWidget *
cd_client_page_close_feedback_button (GVariant *feedback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Close…"));
  const char *date = cd_client_page_text_of (feedback, "date");
  const char *summary = cd_client_page_text_of (feedback, "summary");
  /* Translators: %s is the day the complaint or praise was registered */
  g_autofree char *label = g_strdup_printf (_("Close the feedback of %s"), date != NULL ? date : "");
  gint64 id = 0;

  g_variant_lookup (feedback, "id", "x", &id);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client.close-feedback");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", id,
                                    summary != NULL ? summary : "");
  return button;
}

/* ------------------------------------------------------------------ */
/* Deletion                                                             */

static void
on_delete_response_cb (AdwMessageDialog *dialog, const char *response, CdClientPage *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *refusal;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (cd_store_client_delete (cd_context_get_store (self->context), self->client_id, &error))
    {
      gtk_window_close (GTK_WINDOW (self));  /* the list reads itself again */
      return;
    }
  refusal = adw_message_dialog_new (GTK_WINDOW (self), _("The Client Was Not Deleted"),
                                    error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refusal), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (refusal));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Client?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
    _("“%s”, its contacts, visit logs, feedback and hand-over history will be deleted. "
      "This cannot be undone. A client who stopped working with the agency can be marked "
      "lost instead."), gtk_window_get_title (GTK_WINDOW (self)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: (transfer floating): the "Delete Client…" button */
GtkWidget *
cd_client_page_delete_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Client…"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Client…"), -1);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client.delete");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  return button;
}

void
cd_client_page_install_review_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "client.review-visit", "(xxs)", review_action);
  gtk_widget_class_install_action (widget_class, "client.hand-over", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "client.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "client.close-feedback", "(xs)",
                                   close_feedback_action);
}
