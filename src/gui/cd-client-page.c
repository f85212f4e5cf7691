/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file window. Built in code: its sections are lists of rows
 * read from the store when the window opens and after each change. Every
 * form checks as it is typed and saves whole through cd-store-clients, so
 * nothing is half-saved; Ctrl+Z puts back the last edited company field. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-credit-code.h"
#include "core/cd-states.h"
#include "gui/cd-accessible.h"
#include "gui/cd-client-page-private.h"
#include "gui/cd-history-button.h"
#include "store/cd-store-client-file.h"
#include "store/cd-store-clients.h"


G_DEFINE_FINAL_TYPE (CdClientPage, cd_client_page, ADW_TYPE_WINDOW)

static const struct { const char *key; const char *title; } company_fields[] = {
  { "name", N_("Name") }, { "short_name", N_("Short name") },
  { "credit_code", N_("Unified social credit code") }, { "industry", N_("Industry") },
  { "region", N_("Region") }, { "address", N_("Address") }, { "tier", N_("Tier (A, B or C)") },
  { "source", N_("Source channel") }, { "invoice_title", N_("Invoice title") },
  { "invoice_tax_id", N_("Invoice tax id") }, { "invoice_bank", N_("Invoice bank") },
  { "invoice_account", N_("Invoice account") }, { "invoice_address", N_("Invoice address") },
  { "invoice_phone", N_("Invoice phone") }, { "notes", N_("Notes") },
  { "private_notes", N_("Private notes (never exported unless asked for)") },
};

void
cd_client_page_toast (CdClientPage *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

GtkWidget *
cd_client_page_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

GtkEditable *
cd_client_page_entry_row (GtkWidget *list, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

static GtkCheckButton *
check_row (GtkWidget *box, const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_box_append (GTK_BOX (box), check);
  return GTK_CHECK_BUTTON (check);
}

GtkWidget *
cd_client_page_add_tab (CdClientPage *self, const char *name, const char *title, const char *icon)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_view_stack_add_titled_with_icon (self->stack, scrolled, name, title, icon);
  return box;
}

GtkWidget *
cd_client_page_add_text_row (GtkListBox *list, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_list_box_append (list, row);
  return row;
}

void
cd_client_page_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

const char *
cd_client_page_text_of (GVariant *row, const char *key)
{
  const char *text = NULL;

  return g_variant_lookup (row, key, "&s", &text) ? text : NULL;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static void
load_company (CdClientPage *self)
{
  g_autoptr (GVariant) client = cd_store_client_get (cd_context_get_store (self->context),
                                                      self->client_id, NULL);
  const char *status;

  if (client == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (company_fields); i++)
    {
      const char *text = cd_client_page_text_of (client, company_fields[i].key);
      gtk_editable_set_text (g_hash_table_lookup (self->entries, company_fields[i].key),
                             text != NULL ? text : "");
    }
  gtk_window_set_title (GTK_WINDOW (self), cd_client_page_text_of (client, "name"));
  status = cd_client_page_text_of (client, "status");
  gtk_label_set_text (self->status_label, cd_state_label ("client", status));
  gtk_widget_set_sensitive (self->save_button, FALSE);
}

static void
show_form_error (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* "" for a missing or NULL text */
static const char *
text_or_empty (GVariant *row, const char *key)
{
  const char *text = cd_client_page_text_of (row, key);

  return text != NULL ? text : "";
}

static gboolean
flag (GVariant *row, const char *key)
{
  gint64 value = 0;

  return g_variant_lookup (row, key, "x", &value) && value != 0;
}

/* The non-empty ones of @parts (NULL-terminated), joined by " · ". */
static char *
join_parts (const char *const *parts)
{
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (kept, parts[i]);
  strv = g_strv_builder_end (kept);
  return g_strjoinv (" · ", strv);
}

static void
load_contacts (CdClientPage *self, GVariant *contacts)
{
  GVariantIter iter;
  GVariant *row;

  g_autoptr (GtkStringList) names = gtk_string_list_new ((const char *const[]) { _("Nobody in particular"), NULL });
  gint64 none = 0;

  cd_client_page_clear_list (self->contacts);
  g_array_set_size (self->contact_ids, 0);
  g_array_append_val (self->contact_ids, none);
  for (g_variant_iter_init (&iter, contacts); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 id = 0;

      g_variant_lookup (row, "id", "x", &id);
      g_array_append_val (self->contact_ids, id);
      gtk_string_list_append (names, text_or_empty (row, "name"));
    }
  gtk_drop_down_set_model (self->visit_contact, G_LIST_MODEL (names));
  for (g_variant_iter_init (&iter, contacts); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      const char *parts[] = {
        text_or_empty (row, "title"), text_or_empty (row, "phone"), text_or_empty (row, "email"),
        flag (row, "is_primary") ? _("primary contact") : "",
        flag (row, "is_decision_maker") ? _("decision maker") : "",
        flag (row, "is_emergency") ? _("emergency contact") : "", NULL,
      };
      g_autofree char *sub = join_parts (parts);

      cd_client_page_add_text_row (self->contacts, text_or_empty (row, "name"), sub);
    }
  if (g_variant_n_children (contacts) == 0)
    cd_client_page_add_text_row (self->contacts, _("No contacts yet"),
                                 _("Add the people you deal with below."));
}

static void
load_visits (CdClientPage *self, GVariant *visits)
{
  GVariantIter iter;
  GVariant *row;

  cd_client_page_clear_list (self->visits);
  for (g_variant_iter_init (&iter, visits); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gboolean reviewed = g_strcmp0 (cd_client_page_text_of (row, "status"), "reviewed") == 0;
      g_autofree char *title = g_strdup_printf ("%s · %s", text_or_empty (row, "date"),
                                                text_or_empty (row, "topic"));
      g_autofree char *comment = reviewed && *text_or_empty (row, "review_comment")
        ? g_strdup_printf (_("reviewed: %s"), text_or_empty (row, "review_comment")) : NULL;
      g_autofree char *next = *text_or_empty (row, "next_date")
        ? g_strdup_printf (_("next appointment %s"), text_or_empty (row, "next_date")) : NULL;
      const char *parts[] = {
        text_or_empty (row, "staff"), flag (row, "special") ? _("special visit") : "",
        next != NULL ? next : "",
        comment != NULL ? comment : reviewed ? _("reviewed, locked") : "", NULL,
      };
      g_autofree char *sub = join_parts (parts);
      GtkWidget *widget = cd_client_page_add_text_row (self->visits, title, sub);

      if (!reviewed)
        adw_action_row_add_suffix (ADW_ACTION_ROW (widget), cd_client_page_review_button (self, row));
    }
  if (g_variant_n_children (visits) == 0)
    cd_client_page_add_text_row (self->visits, _("No visits logged yet"),
                                 _("Log the first one below."));
}

static void
load_feedback (CdClientPage *self, GVariant *feedback)
{
  GVariantIter iter;
  GVariant *row;

  cd_client_page_clear_list (self->feedback);
  for (g_variant_iter_init (&iter, feedback); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gboolean complaint = g_strcmp0 (cd_client_page_text_of (row, "kind"), "complaint") == 0;
      gboolean open = g_strcmp0 (cd_client_page_text_of (row, "status"), "open") == 0;
      g_autofree char *closed = open ? NULL
        : g_strdup_printf (_("closed %s"), text_or_empty (row, "closed_date"));
      const char *parts[] = {
        complaint ? _("Complaint") : _("Praise"), text_or_empty (row, "date"),
        text_or_empty (row, "owner"), open ? _("open") : closed,
        open ? "" : flag (row, "valid") ? _("valid") : _("not valid"),
        text_or_empty (row, "resolution"), NULL,
      };
      g_autofree char *sub = join_parts (parts);
      GtkWidget *widget = cd_client_page_add_text_row (self->feedback,
                                                       text_or_empty (row, "summary"), sub);

      if (open)
        adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                                   cd_client_page_close_feedback_button (row));
    }
  if (g_variant_n_children (feedback) == 0)
    cd_client_page_add_text_row (self->feedback, _("No complaints or praise registered"), NULL);
}

/* "Next visit due …" from the tier's service cycle and the last visit. */
static void
load_visit_cycle (CdClientPage *self)
{
  g_autoptr (GVariant) cycle = cd_store_client_visit_cycle (cd_context_get_store (self->context),
                                                            self->client_id, NULL);
  const char *due = cycle != NULL ? cd_client_page_text_of (cycle, "next_visit_due") : NULL;
  const char *last = cycle != NULL ? cd_client_page_text_of (cycle, "last_visit") : NULL;
  const char *tier = cycle != NULL ? cd_client_page_text_of (cycle, "tier") : NULL;
  gint64 days = 0;
  g_autofree char *text = NULL;

  if (cycle != NULL)
    g_variant_lookup (cycle, "visit_cycle_days", "x", &days);
  if (due == NULL || tier == NULL || days <= 0)
    text = g_strdup (_("No service cycle: give the client a tier (A, B or C) to know when the next visit is due."));
  else
    /* Translators: next visit due day, last visit day, tier, days between visits */
    text = g_strdup_printf (_("Next visit due %s (last visit %s; tier %s: a visit every %" PRId64 " days)."),
                            due, last != NULL ? last : _("none yet"), tier, days);
  gtk_label_set_text (self->visit_cycle, text);
}

/* Reads contacts, visits, feedback, owners and the business tabs again. */
void
cd_client_page_load_lists (CdClientPage *self)
{
  CdStore *store = cd_context_get_store (self->context);
  g_autoptr (GVariant) contacts = cd_store_client_contacts (store, self->client_id, NULL);
  g_autoptr (GVariant) visits = cd_store_client_visits (store, self->client_id, NULL);
  g_autoptr (GVariant) feedback = cd_store_client_feedback (store, self->client_id, NULL);

  if (contacts != NULL)
    load_contacts (self, contacts);
  if (visits != NULL)
    load_visits (self, visits);
  if (feedback != NULL)
    load_feedback (self, feedback);
  load_visit_cycle (self);
  cd_client_page_load_owners (self);
  cd_client_page_load_records (self);
}

/* ------------------------------------------------------------------ */
/* Company                                                              */

static gboolean
company_valid (CdClientPage *self)
{
  GtkEditable *name = g_hash_table_lookup (self->entries, "name");
  g_autofree char *code = cd_credit_code_normalize (
    gtk_editable_get_text (g_hash_table_lookup (self->entries, "credit_code")));
  g_autoptr (GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  const char *reason = NULL;

  if (*trimmed == '\0')
    reason = _("A client needs a name.");
  else if (code != NULL && *code != '\0' && !cd_credit_code_validate (code, &error))
    reason = error->message;
  gtk_label_set_text (self->code_error, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->code_error), reason != NULL);
  return reason == NULL;
}

static void
on_field_changed_cb (GtkEditable *editable, CdClientPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "cd-key");

  /* The first change to a field remembers its text before, for Ctrl+Z. */
  if (g_strcmp0 (key, self->editing_key) != 0)
    {
      g_free (self->undo_key);
      g_free (self->undo_text);
      self->undo_key = g_steal_pointer (&self->editing_key);
      self->undo_text = g_steal_pointer (&self->editing_text);
      self->editing_key = g_strdup (key);
      self->editing_text = g_strdup (g_object_get_data (G_OBJECT (editable), "cd-before"));
    }
  gtk_widget_set_sensitive (self->save_button, company_valid (self));
}

static void
save_company (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  GVariantDict dict;

  if (!company_valid (self))
    return;
  g_variant_dict_init (&dict, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (company_fields); i++)
    g_variant_dict_insert (&dict, company_fields[i].key, "s",
                           gtk_editable_get_text (g_hash_table_lookup (self->entries,
                                                                       company_fields[i].key)));
  if (!cd_store_client_update (cd_context_get_store (self->context), self->client_id,
                               g_variant_dict_end (&dict), &error))
    {
      cd_client_page_toast (self, error->message);
      return;
    }
  cd_client_page_toast (self, _("Saved."));
  gtk_widget_set_sensitive (self->save_button, FALSE);
}

/* Ctrl+Z: the field edited before the current one gets its old text back;
 * with one field edited, that field does. */
static void
undo_edit (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  const char *key = self->editing_key != NULL ? self->editing_key : self->undo_key;
  const char *text = self->editing_key != NULL ? self->editing_text : self->undo_text;
  GtkEditable *editable = key != NULL ? g_hash_table_lookup (self->entries, key) : NULL;
  g_autofree char *restore = g_strdup (text);

  if (editable == NULL)
    return;
  g_signal_handlers_block_by_func (editable, on_field_changed_cb, self);
  gtk_editable_set_text (editable, restore != NULL ? restore : "");
  g_signal_handlers_unblock_by_func (editable, on_field_changed_cb, self);
  g_clear_pointer (&self->editing_key, g_free);
  g_clear_pointer (&self->editing_text, g_free);
  gtk_widget_set_sensitive (self->save_button, company_valid (self));
}

static void
on_field_focus_cb (GtkEventControllerFocus *focus, CdClientPage *self)
{
  GtkWidget *editable = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  g_object_set_data_full (G_OBJECT (editable), "cd-before",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))), g_free);
}

static void
set_status (CdClientPage *self, const char *status)
{
  g_autoptr (GError) error = NULL;

  if (!cd_store_client_set_status (cd_context_get_store (self->context), self->client_id, status,
                                   gtk_editable_get_text (self->lost_reason), &error))
    cd_client_page_toast (self, error->message);
  load_company (self);
}

static void
status_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  set_status (CD_CLIENT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
build_company (CdClientPage *self)
{
  GtkWidget *box = cd_client_page_add_tab (self, "company", _("Company"), "x-office-address-book-symbolic");
  GtkWidget *list = cd_client_page_boxed_list ();
  GtkWidget *status_row = adw_action_row_new ();
  GtkWidget *status_list = cd_client_page_boxed_list ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  static const char *const moves[][2] = {
    { "active", N_("Active") }, { "dormant", N_("Dormant") }, { "lost", N_("Lost") },
    { "prospect", N_("Prospect again") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (company_fields); i++)
    {
      GtkEditable *editable = cd_client_page_entry_row (list, _(company_fields[i].title));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_object_set_data (G_OBJECT (editable), "cd-key", (gpointer) company_fields[i].key);
      g_hash_table_insert (self->entries, (gpointer) company_fields[i].key, editable);
      g_signal_connect (editable, "changed", G_CALLBACK (on_field_changed_cb), self);
      g_signal_connect (focus, "enter", G_CALLBACK (on_field_focus_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (editable), focus);
      if (g_str_equal (company_fields[i].key, "credit_code"))
        {
          self->code_error = GTK_LABEL (gtk_label_new (NULL));
          gtk_widget_add_css_class (GTK_WIDGET (self->code_error), "error");
          gtk_widget_set_visible (GTK_WIDGET (self->code_error), FALSE);
        }
    }
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->code_error));
  self->save_button = gtk_button_new_with_mnemonic (_("_Save Company Data"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "client.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_halign (self->save_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), self->save_button);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("Status"));
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (status_row), GTK_WIDGET (self->status_label));
  gtk_list_box_append (GTK_LIST_BOX (status_list), status_row);
  self->lost_reason = cd_client_page_entry_row (status_list, _("Reason (needed to mark lost)"));
  gtk_box_append (GTK_BOX (box), status_list);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(moves[i][1]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client.status");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", moves[i][0]);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (box), buttons);

  cd_client_page_build_hand_over (self, box);
  gtk_box_append (GTK_BOX (box), cd_client_page_delete_button ());
}

/* ------------------------------------------------------------------ */
/* Contacts, visits, feedback                                           */

static void
add_contact (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "name", "s", gtk_editable_get_text (self->contact_name));
  g_variant_dict_insert (&dict, "phone", "s", gtk_editable_get_text (self->contact_phone));
  g_variant_dict_insert (&dict, "title", "s", gtk_editable_get_text (self->contact_title));
  g_variant_dict_insert (&dict, "email", "s", gtk_editable_get_text (self->contact_email));
  g_variant_dict_insert (&dict, "wechat", "s", gtk_editable_get_text (self->contact_wechat));
  g_variant_dict_insert (&dict, "is_decision_maker", "b", gtk_check_button_get_active (self->contact_decision));
  g_variant_dict_insert (&dict, "is_primary", "b", gtk_check_button_get_active (self->contact_primary));
  g_variant_dict_insert (&dict, "is_emergency", "b", gtk_check_button_get_active (self->contact_emergency));
  if (cd_store_contact_add (cd_context_get_store (self->context), self->client_id,
                            g_variant_dict_end (&dict), &error) == 0)
    {
      show_form_error (self->contact_error, error->message);
      return;
    }
  show_form_error (self->contact_error, NULL);
  gtk_editable_set_text (self->contact_name, "");
  gtk_editable_set_text (self->contact_phone, "");
  gtk_editable_set_text (self->contact_title, "");
  gtk_editable_set_text (self->contact_email, "");
  gtk_editable_set_text (self->contact_wechat, "");
  cd_client_page_load_lists (self);
  cd_client_page_toast (self, _("Contact added."));
}

static gint64
visiting_staff (CdClientPage *self)
{
  g_autoptr (GVariant) client = NULL;
  gint64 staff = cd_context_get_current_staff (self->context);

  if (staff > 0)
    return staff;
  client = cd_store_client_get (cd_context_get_store (self->context), self->client_id, NULL);
  if (client != NULL && g_variant_lookup (client, "owner_id", "x", &staff))
    return staff;
  return 0;
}

static void
add_visit (GtkWidget *widget, const char *name, GVariant *parameter)
{
  static const char *const modes[] = { "in_person", "phone", "online" };
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  GVariantDict dict;
  guint contact;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "date", "s", gtk_editable_get_text (self->visit_date));
  g_variant_dict_insert (&dict, "staff_id", "x", visiting_staff (self));
  g_variant_dict_insert (&dict, "mode", "s", modes[MIN (gtk_drop_down_get_selected (self->visit_mode), 2)]);
  g_variant_dict_insert (&dict, "special", "b", gtk_check_button_get_active (self->visit_special));
  g_variant_dict_insert (&dict, "topic", "s", gtk_editable_get_text (self->visit_topic));
  g_variant_dict_insert (&dict, "opinions", "s", gtk_editable_get_text (self->visit_opinions));
  g_variant_dict_insert (&dict, "needs", "s", gtk_editable_get_text (self->visit_needs));
  g_variant_dict_insert (&dict, "next_date", "s", gtk_editable_get_text (self->visit_next));
  g_variant_dict_insert (&dict, "handling_status", "s", gtk_editable_get_text (self->visit_handling));
  contact = gtk_drop_down_get_selected (self->visit_contact);
  if (contact != GTK_INVALID_LIST_POSITION && contact < self->contact_ids->len
      && g_array_index (self->contact_ids, gint64, contact) > 0)
    g_variant_dict_insert (&dict, "contact_id", "x", g_array_index (self->contact_ids, gint64, contact));
  if (cd_store_visit_add (cd_context_get_store (self->context), self->client_id,
                          g_variant_dict_end (&dict), &error) == 0)
    {
      show_form_error (self->visit_error, error->message);
      return;
    }
  show_form_error (self->visit_error, NULL);
  gtk_editable_set_text (self->visit_handling, "");
  gtk_editable_set_text (self->visit_topic, "");
  gtk_editable_set_text (self->visit_opinions, "");
  gtk_editable_set_text (self->visit_needs, "");
  cd_client_page_load_lists (self);
  cd_client_page_toast (self, _("Visit logged."));
}

static void
add_feedback (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientPage *self = CD_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (cd_store_feedback_add (cd_context_get_store (self->context), self->client_id,
                             gtk_drop_down_get_selected (self->feedback_kind) == 0 ? "complaint" : "praise",
                             today, gtk_editable_get_text (self->feedback_summary),
                             visiting_staff (self), &error) == 0)
    {
      cd_client_page_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (self->feedback_summary, "");
  cd_client_page_load_lists (self);
  cd_client_page_toast (self, _("Feedback registered."));
}

/* The one sentence that says why a form was not saved, under the form. */
static GtkLabel *
form_error_label (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static GtkDropDown *
drop_down_row (GtkWidget *list, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings ((const char *const[]) { "—", NULL });

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_DROP_DOWN (drop_down);
}

static GtkWidget *
action_button (const char *label, const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  return button;
}

static void
build_contacts (CdClientPage *self)
{
  GtkWidget *box = cd_client_page_add_tab (self, "contacts", _("Contacts"), "system-users-symbolic");
  GtkWidget *form = cd_client_page_boxed_list ();
  GtkWidget *flags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->contacts = GTK_LIST_BOX (cd_client_page_boxed_list ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->contacts));
  self->contact_name = cd_client_page_entry_row (form, _("Contact name"));
  self->contact_title = cd_client_page_entry_row (form, _("Job title"));
  self->contact_phone = cd_client_page_entry_row (form, _("Phone"));
  self->contact_email = cd_client_page_entry_row (form, _("Email"));
  self->contact_wechat = cd_client_page_entry_row (form, _("WeChat"));
  gtk_box_append (GTK_BOX (box), form);
  self->contact_error = form_error_label (box);
  self->contact_decision = check_row (flags, _("Decision maker"));
  self->contact_primary = check_row (flags, _("Primary contact"));
  self->contact_emergency = check_row (flags, _("Emergency contact"));
  gtk_box_append (GTK_BOX (box), flags);
  gtk_box_append (GTK_BOX (box), action_button (_("_Add Contact"), "client.add-contact"));
}

static void
build_visits (CdClientPage *self)
{
  const char *const modes[] = { _("In person"), _("Phone"), _("Online"), NULL };
  GtkWidget *box = cd_client_page_add_tab (self, "visits", _("Visits"), "x-office-calendar-symbolic");
  GtkWidget *form = cd_client_page_boxed_list ();
  GtkWidget *mode_row = adw_action_row_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->visit_cycle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->visit_cycle, 0);
  gtk_label_set_wrap (self->visit_cycle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->visit_cycle), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->visit_cycle));
  self->visits = GTK_LIST_BOX (cd_client_page_boxed_list ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->visits));
  self->visit_date = cd_client_page_entry_row (form, _("Visit date (YYYY-MM-DD)"));
  gtk_editable_set_text (self->visit_date, today);
  self->visit_mode = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (modes));
  gtk_widget_set_valign (GTK_WIDGET (self->visit_mode), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->visit_mode), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mode"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mode_row), _("Mode"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (mode_row), GTK_WIDGET (self->visit_mode));
  gtk_list_box_append (GTK_LIST_BOX (form), mode_row);
  self->visit_topic = cd_client_page_entry_row (form, _("What was discussed"));
  self->visit_opinions = cd_client_page_entry_row (form, _("The client's opinions"));
  self->visit_needs = cd_client_page_entry_row (form, _("New needs"));
  self->visit_next = cd_client_page_entry_row (form, _("Next appointment (YYYY-MM-DD)"));
  self->visit_handling = cd_client_page_entry_row (form, _("Handling status"));
  self->visit_contact = drop_down_row (form, _("Contact met"));
  gtk_box_append (GTK_BOX (box), form);
  self->visit_error = form_error_label (box);
  self->visit_special = check_row (box, _("Special visit"));
  gtk_box_append (GTK_BOX (box), action_button (_("_Log Visit"), "client.add-visit"));
}

static void
build_feedback (CdClientPage *self)
{
  const char *const kinds[] = { _("Complaint"), _("Praise"), NULL };
  GtkWidget *box = cd_client_page_add_tab (self, "feedback", _("Feedback"), "mail-unread-symbolic");
  GtkWidget *form = cd_client_page_boxed_list ();
  GtkWidget *kind_row = adw_action_row_new ();

  self->feedback = GTK_LIST_BOX (cd_client_page_boxed_list ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->feedback));
  self->feedback_kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_widget_set_valign (GTK_WIDGET (self->feedback_kind), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), GTK_WIDGET (self->feedback_kind));
  gtk_list_box_append (GTK_LIST_BOX (form), kind_row);
  self->feedback_summary = cd_client_page_entry_row (form, _("What the client said"));
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), action_button (_("_Register Feedback"), "client.add-feedback"));
}

/* ------------------------------------------------------------------ */

static void
cd_client_page_dispose (GObject *object)
{
  CdClientPage *self = CD_CLIENT_PAGE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->undo_key, g_free);
  g_clear_pointer (&self->undo_text, g_free);
  g_clear_pointer (&self->editing_key, g_free);
  g_clear_pointer (&self->editing_text, g_free);
  G_OBJECT_CLASS (cd_client_page_parent_class)->dispose (object);
}

static void
cd_client_page_class_init (CdClientPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cd_client_page_dispose;
  gtk_widget_class_install_action (widget_class, "client.save", NULL, save_company);
  gtk_widget_class_install_action (widget_class, "client.undo", NULL, undo_edit);
  gtk_widget_class_install_action (widget_class, "client.status", "s", status_action);
  gtk_widget_class_install_action (widget_class, "client.add-contact", NULL, add_contact);
  gtk_widget_class_install_action (widget_class, "client.add-visit", NULL, add_visit);
  gtk_widget_class_install_action (widget_class, "client.add-feedback", NULL, add_feedback);
  cd_client_page_install_review_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "client.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "client.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cd_client_page_init (CdClientPage *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_new ();

  self->header = header;
  self->switcher = switcher;
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  /* Always the tabs, also in a narrow window: the file has no other way
   * between its sections. */
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_box_append (GTK_BOX (content), header);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 760);
  build_company (self);
  build_contacts (self);
  cd_client_page_build_records (self);
  build_visits (self);
  build_feedback (self);
}

/**
 * cd_client_page_present:
 *
 * Returns: (transfer none): the window, shown
 */
CdClientPage *
cd_client_page_present (GtkWidget *parent, CdContext *context, gint64 client_id, const char *tab)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  CdClientPage *self = g_object_new (CD_TYPE_CLIENT_PAGE, NULL);

  self->context = g_object_ref (context);
  self->client_id = client_id;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header),
                           cd_history_button_new (context, "client", client_id));
  load_company (self);
  cd_client_page_load_lists (self);
  /* The view switcher's buttons, the entry rows' apply buttons and the
   * drop-downs' parts carry no names of their own in GTK 4.8 / Adw 1.2. */
  cd_accessible_name_parts (GTK_WIDGET (self));
  if (tab != NULL)
    adw_view_stack_set_visible_child_name (self->stack, tab);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
