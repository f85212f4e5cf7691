/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <stdio.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-contract-editor.h"
#include "gui/cd-contract-template-window.h"
#include "gui/cd-history-button.h"
#include "gui/cd-payment-receivables-window.h"
#include "reports/cd-contract-pdf.h"
#include "store/cd-store-contracts.h"

struct _CdContractEditor
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           contract_id;
  CdContract      *contract;
  GArray          *pay_targets;     /* installment ids, in the dropdown's order */
  gboolean         dirty;
  gboolean         loading;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  AdwHeaderBar    *header_bar;
  GtkWidget       *history_button;  /* the contract's audit history */
  AdwWindowTitle  *window_title;
  GtkLabel        *state_label;
  AdwEntryRow     *subject_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwActionRow    *amount_row;
  GtkLabel        *details_error;
  GtkTextView     *clauses_view;
  GtkListBox      *installments_list;
  GtkWidget       *installment_form;
  GtkWidget       *split_button;
  GtkEntry        *inst_label_entry;
  GtkEntry        *inst_due_entry;
  GtkEntry        *inst_amount_entry;
  GtkLabel        *installments_sum;
  GtkListBox      *payments_list;
  GtkWidget       *payment_form;
  GtkDropDown     *pay_installment_dropdown;
  GtkEntry        *pay_date_entry;
  GtkEntry        *pay_amount_entry;
  GtkDropDown     *pay_method_dropdown;
  GtkEntry        *pay_reference_entry;
  GtkLabel        *payment_error;
  GtkWidget       *amendments_group;
  GtkListBox      *amendments_list;
};

G_DEFINE_FINAL_TYPE (CdContractEditor, cd_contract_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const method_codes[] = { "transfer", "cheque", "cash", "other", NULL };
static const char *const method_labels[] = {
  N_("Bank transfer"), N_("Cheque"), N_("Cash"), N_("Other"),
};

static gboolean load (CdContractEditor *self, gint64 contract_id);

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

static CdStore *
get_store (CdContractEditor *self)
{
  return cd_context_get_store (self->context);
}

static gboolean
is_draft (CdContractEditor *self)
{
  return self->contract != NULL && self->contract->status == CD_CONTRACT_DRAFT;
}

static void
toast (CdContractEditor *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
clear_list (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static char *
clauses_text (CdContractEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->clauses_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
installments_sum (const CdContract *k)
{
  gint64 sum = 0;

  for (guint i = 0; i < k->installments->len; i++)
    sum += ((CdInstallment *) g_ptr_array_index (k->installments, i))->amount_fen;
  return sum;
}

static void
update_actions (CdContractEditor *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  CdContractStatus s = self->contract ? self->contract->status : CD_CONTRACT_DRAFT;
  gboolean draft = is_draft (self);
  gboolean live = self->contract && (s == CD_CONTRACT_SIGNED || s == CD_CONTRACT_EXECUTING);
  gboolean root = self->contract && self->contract->amends_id == 0;

  gtk_widget_action_set_enabled (w, "contract.save", draft && self->dirty);
  gtk_widget_action_set_enabled (w, "contract.sign", draft);
  gtk_widget_action_set_enabled (w, "contract.add-installment", draft);
  gtk_widget_action_set_enabled (w, "contract.split", draft);
  gtk_widget_action_set_enabled (w, "contract.start", self->contract && s == CD_CONTRACT_SIGNED);
  gtk_widget_action_set_enabled (w, "contract.complete", self->contract && s == CD_CONTRACT_EXECUTING);
  gtk_widget_action_set_enabled (w, "contract.terminate", live);
  gtk_widget_action_set_enabled (w, "contract.amend", live && root);
  gtk_widget_action_set_enabled (w, "contract.add-payment",
                                 self->contract && !draft && self->pay_targets->len > 0);
  gtk_widget_action_set_enabled (w, "contract.save-pdf", self->contract && !self->dirty);
}

/* ------------------------------------------------------------------ */
/* Showing the contract                                               */

static void
show_header (CdContractEditor *self)
{
  const CdContract *k = self->contract;
  g_autofree char *title = g_strdup_printf (k->amends_id ? _("Amendment %s") : _("Contract %s"), k->number);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                               cd_state_label ("contract", cd_contract_status_to_string (k->status)),
                                               k->client_name ? k->client_name : "");
  g_autofree char *state = NULL;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (k->status == CD_CONTRACT_DRAFT)
    state = g_strdup (_("A draft: plan the installments so that they add up to the amount, then sign."));
  else if (k->status == CD_CONTRACT_TERMINATED)
    state = g_strdup_printf (_("Signed on %s, terminated: %s"), k->signed_date, k->terminate_reason);
  else
    state = g_strdup_printf (_("Signed on %s and locked: a change is an amendment."), k->signed_date);
  gtk_label_set_text (self->state_label, state);
}

static void
show_details (CdContractEditor *self)
{
  const CdContract *k = self->contract;
  g_autofree char *amount = cd_money_format (k->amount_fen);
  g_autofree char *words = cd_money_to_words (k->amount_fen);
  g_autofree char *capitals = g_strdup_printf (_("RMB %s"), words ? words : "");
  gboolean draft = is_draft (self);

  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), k->subject ? k->subject : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), k->start_date ? k->start_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), k->end_date ? k->end_date : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->clauses_view), k->clauses ? k->clauses : "", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row),
                                 cd_contract_amount_delta (k) < 0 ? _("Amount taken off")
                                 : k->amends_id ? _("Amount added") : _("Amount"));
  adw_action_row_set_subtitle (self->amount_row, amount);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->amount_row), capitals);
  for (GtkWidget **e = (GtkWidget *[]) { GTK_WIDGET (self->subject_row), GTK_WIDGET (self->start_row),
                                         GTK_WIDGET (self->end_row), NULL }; *e; e++)
    gtk_editable_set_editable (GTK_EDITABLE (*e), draft);
  gtk_text_view_set_editable (self->clauses_view, draft);
  show_error (self->details_error, NULL);
}

static void
on_remove_installment_cb (GtkButton *button, CdContractEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-id"));
  g_autoptr (GError) error = NULL;

  if (!cd_store_contract_remove_installment (get_store (self), id, &error))
    toast (self, error->message);
  load (self, self->contract_id);
}

static void
show_installments (CdContractEditor *self)
{
  const CdContract *k = self->contract;
  gint64 sum = installments_sum (k);
  g_autofree char *sum_text = cd_money_format (sum);
  g_autofree char *amount_text = cd_money_format (k->amount_fen);
  g_autofree char *gap = cd_money_format (ABS (k->amount_fen - sum));
  g_autofree char *line = NULL;

  clear_list (self->installments_list);
  for (guint i = 0; i < k->installments->len; i++)
    {
      const CdInstallment *inst = g_ptr_array_index (k->installments, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%d. %s", inst->seq, inst->label);
      g_autofree char *amount = cd_money_format (inst->amount_fen);
      g_autofree char *paid = cd_money_format (inst->paid_fen);
      g_autofree char *cut = cd_money_format (inst->reduced_fen);
      g_autofree char *subtitle = inst->reduced_fen > 0
        ? g_strdup_printf (_("Due %s · %s · received %s · %s taken off by amendment"), inst->due_date,
                           amount, paid, cut)
        : g_strdup_printf (_("Due %s · %s · received %s"), inst->due_date, amount, paid);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (is_draft (self))
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *name = g_strdup_printf (_("Remove installment %d"), inst->seq);

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data (G_OBJECT (remove), "cd-id", GSIZE_TO_POINTER (inst->id));
          g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_installment_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      gtk_list_box_append (self->installments_list, row);
    }
  if (cd_contract_amount_delta (k) < 0)
    line = g_strdup_printf (_("A reduction has no installments of its own: once signed, its %s comes off "
                              "what is still due on contract %s, the last installments first."),
                            amount_text, k->amends_number);
  else if (sum == k->amount_fen)
    line = g_strdup_printf (_("The installments add up to the amount, %s."), amount_text);
  else if (sum < k->amount_fen)
    line = g_strdup_printf (_("The installments add up to %s of %s: %s is still to be planned."),
                            sum_text, amount_text, gap);
  else
    line = g_strdup_printf (_("The installments add up to %s, %s more than the amount, %s."),
                            sum_text, gap, amount_text);
  gtk_label_set_text (self->installments_sum, line);
  if (sum == k->amount_fen || cd_contract_amount_delta (k) < 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->installments_sum), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->installments_sum), "error");
  gtk_widget_set_visible (self->installment_form, is_draft (self) && cd_contract_amount_delta (k) >= 0);
  gtk_widget_set_visible (self->split_button, is_draft (self) && cd_contract_amount_delta (k) >= 0);
}

static void
on_remove_payment_cb (GtkButton *button, CdContractEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-id"));
  g_autoptr (GError) error = NULL;

  if (!cd_store_payment_remove (get_store (self), id, &error))
    toast (self, error->message);
  load (self, self->contract_id);
}

static const char *
method_label (const char *code)
{
  for (guint i = 0; method_codes[i] != NULL; i++)
    if (g_strcmp0 (code, method_codes[i]) == 0)
      return _(method_labels[i]);
  return code;
}

static void
show_payments (CdContractEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) payments = cd_store_contract_payments (get_store (self), self->contract_id, &error);
  g_autoptr (GtkStringList) targets = gtk_string_list_new (NULL);
  const CdContract *k = self->contract;

  clear_list (self->payments_list);
  for (guint i = 0; payments != NULL && i < payments->len; i++)
    {
      const CdPayment *p = g_ptr_array_index (payments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *amount = cd_money_format (p->amount_fen);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", p->date, method_label (p->method),
                                                   p->reference ? " · " : "", p->reference ? p->reference : "");
      g_autofree char *name = g_strdup_printf (_("Remove the payment of %s on %s"), amount, p->date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amount);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (remove), "cd-id", GSIZE_TO_POINTER (p->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_payment_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->payments_list, row);
    }

  /* What can still be paid: installments with something due. */
  g_array_set_size (self->pay_targets, 0);
  for (guint i = 0; i < k->installments->len; i++)
    {
      const CdInstallment *inst = g_ptr_array_index (k->installments, i);
      gint64 left = inst->amount_fen - inst->paid_fen - inst->reduced_fen;
      g_autofree char *due = cd_money_format (left);
      g_autofree char *text = g_strdup_printf (_("%d. %s (%s due)"), inst->seq, inst->label, due);

      if (left <= 0)
        continue;
      gtk_string_list_append (targets, text);
      g_array_append_val (self->pay_targets, inst->id);
    }
  gtk_drop_down_set_model (self->pay_installment_dropdown, G_LIST_MODEL (targets));
  gtk_widget_set_visible (self->payment_form, !is_draft (self));
  show_error (self->payment_error, NULL);
}

static void
on_amendment_activated_cb (GtkListBox *box, GtkListBoxRow *row, CdContractEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cd-id"));

  cd_contract_editor_present (GTK_WIDGET (self), self->context, id);
}

static void
show_amendments (CdContractEditor *self)
{
  g_autoptr (GPtrArray) amendments = NULL;
  gint64 revised = self->contract->amount_fen;
  g_autofree char *revised_text = NULL;
  g_autofree char *revised_line = NULL;

  clear_list (self->amendments_list);
  if (self->contract->amends_id != 0
      || (amendments = cd_store_contract_amendments (get_store (self), self->contract_id, NULL)) == NULL
      || amendments->len == 0)
    {
      gtk_widget_set_visible (self->amendments_group, FALSE);
      return;
    }
  gtk_widget_set_visible (self->amendments_group, TRUE);
  for (guint i = 0; i < amendments->len; i++)
    {
      const CdContract *a = g_ptr_array_index (amendments, i);
      GtkWidget *row = adw_action_row_new ();
      gint64 delta = cd_contract_amount_delta (a);
      g_autofree char *amount = cd_money_format (ABS (delta));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s · %s",
                                                   cd_state_label ("contract", cd_contract_status_to_string (a->status)),
                                                   delta < 0 ? "−" : "+", amount, a->amendment_reason);

      if (a->status != CD_CONTRACT_DRAFT)
        revised += delta;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->number);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a->number, -1);
      g_object_set_data (G_OBJECT (row), "cd-id", GSIZE_TO_POINTER (a->id));
      gtk_list_box_append (self->amendments_list, row);
    }
  /* The figure the client now owes in all, signed amendments included. */
  revised_text = cd_money_format (revised);
  revised_line = g_strdup_printf (_("Contract amount after signed amendments: %s"), revised_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->amendments_group), revised_line);
  if (revised != self->contract->amount_fen)
    {
      g_autofree char *amount = cd_money_format (self->contract->amount_fen);
      g_autofree char *both = g_strdup_printf (_("%s, %s after signed amendments"), amount, revised_text);

      adw_action_row_set_subtitle (self->amount_row, both);
    }
}

static gboolean
load (CdContractEditor *self, gint64 contract_id)
{
  g_autoptr (GError) error = NULL;
  CdContract *k = cd_store_contract_get (get_store (self), contract_id, &error);

  if (k == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->contract, cd_contract_free);
  self->contract = k;
  self->contract_id = contract_id;
  if (self->history_button != NULL)
    cd_history_button_set_row (CD_HISTORY_BUTTON (self->history_button), contract_id);
  self->loading = TRUE;
  show_header (self);
  show_details (self);
  show_installments (self);
  show_payments (self);
  show_amendments (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  update_actions (self);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */

static gboolean
save (CdContractEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *clauses = NULL;

  if (!self->dirty || !is_draft (self))
    return TRUE;
  clauses = clauses_text (self);
  if (!cd_store_contract_set_details (get_store (self), self->contract_id,
                                      gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->start_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->end_row)), clauses, &error))
    {
      show_error (self->details_error, error->message);
      return FALSE;
    }
  return load (self, self->contract_id);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  if (save (CD_CONTRACT_EDITOR (widget)))
    toast (CD_CONTRACT_EDITOR (widget), _("Saved"));
}

static void
sign_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!save (self))
    return;
  if (!cd_store_contract_sign (get_store (self), self->contract_id, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  load (self, self->contract_id);
  toast (self, _("Signed and locked"));
}

static void
move_to (CdContractEditor *self, CdContractStatus to, const char *reason)
{
  g_autoptr (GError) error = NULL;

  if (!cd_store_contract_move (get_store (self), self->contract_id, to, reason, &error))
    toast (self, error->message);
  load (self, self->contract_id);
}

static void
start_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_to (CD_CONTRACT_EDITOR (widget), CD_CONTRACT_EXECUTING, NULL);
}

static void
complete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_to (CD_CONTRACT_EDITOR (widget), CD_CONTRACT_COMPLETED, NULL);
}

/* A dialog with text fields; @fields holds (accessible name, hint text)
 * pairs. The first field must be filled for @response to be allowed. */
static GtkWidget *
entry_dialog (CdContractEditor *self, const char *heading, const char *body, const char *response,
              const char *response_label, const char *const *fields)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; fields[i] != NULL; i += 2)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), fields[i + 1]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, fields[i], -1);
      gtk_box_append (GTK_BOX (box), entry);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    response, response_label, NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static const char *
dialog_field (AdwMessageDialog *dialog, guint index)
{
  GtkWidget *child = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));

  while (index-- > 0 && child != NULL)
    child = gtk_widget_get_next_sibling (child);
  return child ? gtk_editable_get_text (GTK_EDITABLE (child)) : "";
}

static void
on_terminate_response_cb (AdwMessageDialog *dialog, const char *response, CdContractEditor *self)
{
  if (g_str_equal (response, "terminate"))
    move_to (self, CD_CONTRACT_TERMINATED, dialog_field (dialog, 0));
}

static void
terminate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  const char *fields[] = { _("Reason for terminating"), _("Why the contract ends early"), NULL };
  GtkWidget *dialog = entry_dialog (self, _("Terminate the Contract?"),
                                    _("A terminated contract stays on file with its reason."),
                                    "terminate", _("_Terminate"), fields);

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "terminate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_terminate_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_amend_response_cb (AdwMessageDialog *dialog, const char *response, CdContractEditor *self)
{
  g_autoptr (GError) error = NULL;
  gint64 delta = 0, id;

  if (!g_str_equal (response, "amend"))
    return;
  if (*dialog_field (dialog, 1) != '\0'
      && !cd_money_parse (dialog_field (dialog, 1), CD_MONEY_PARSE_ALLOW_NEGATIVE, &delta, &error))
    {
      toast (self, error->message);
      return;
    }
  id = cd_store_contract_amend (get_store (self), self->contract_id, dialog_field (dialog, 0), delta, NULL,
                                &error);
  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  load (self, self->contract_id);
  cd_contract_editor_present (GTK_WIDGET (self), self->context, id);
}

/* The reason is required and the change must read as money: the sentence
 * saying what is wrong sits under the fields, and Make Amendment waits. */
static void
on_amend_field_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkLabel *error_label = GTK_LABEL (gtk_widget_get_last_child (box));
  g_autofree char *reason = g_strstrip (g_strdup (dialog_field (dialog, 0)));
  const char *amount = dialog_field (dialog, 1);
  g_autoptr (GError) error = NULL;
  gint64 delta = 0;
  gboolean amount_ok = *amount == '\0'
                       || cd_money_parse (amount, CD_MONEY_PARSE_ALLOW_NEGATIVE, &delta, &error);

  show_error (error_label, amount_ok ? NULL : error->message);
  adw_message_dialog_set_response_enabled (dialog, "amend", amount_ok && *reason != '\0');
}

static void
amend_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  const char *fields[] = { _("Reason for the amendment"), _("What changes, and why"),
                           _("Change in amount"), _("Change in amount: 20000.00 adds, -5000.00 takes off"),
                           NULL };
  GtkWidget *dialog = entry_dialog (self, _("Amend the Contract"),
                                    _("An amendment has its own number and is signed like a contract. "
                                      "A reduction comes off the installments still due, never below "
                                      "what was already collected."),
                                    "amend", _("_Make Amendment"), fields);
  GtkWidget *box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), error_label);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != error_label;
       child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "changed", G_CALLBACK (on_amend_field_changed_cb), dialog);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "amend", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_amend_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_installment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 amount = 0;

  if (!cd_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->inst_amount_entry)),
                       CD_MONEY_PARSE_DEFAULT, &amount, &error)
      || cd_store_contract_add_installment (get_store (self), self->contract_id,
                                            gtk_editable_get_text (GTK_EDITABLE (self->inst_label_entry)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->inst_due_entry)),
                                            amount, &error) == 0)
    {
      gtk_label_set_text (self->installments_sum, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->installments_sum), "error");
      return;
    }
  for (GtkEntry **e = (GtkEntry *[]) { self->inst_label_entry, self->inst_due_entry, self->inst_amount_entry,
                                       NULL }; *e; e++)
    gtk_editable_set_text (GTK_EDITABLE (*e), "");
  load (self, self->contract_id);
}

/* The due date @days after the contract's start (or today). */
static char *
due_after (const CdContract *k, int days)
{
  g_autoptr (GDateTime) base = NULL;
  g_autoptr (GDateTime) due = NULL;
  int y, m, d;

  if (k->start_date != NULL && sscanf (k->start_date, "%d-%d-%d", &y, &m, &d) == 3)
    base = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (base == NULL)
    base = g_date_time_new_now_local ();
  due = g_date_time_add_days (base, days);
  return g_date_time_format (due, "%Y-%m-%d");
}

static void
split_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  g_auto (GStrv) parts = g_strsplit (g_variant_get_string (param, NULL), ",", -1);
  guint n = g_strv_length (parts);
  g_autofree CdInstallmentShare *shares = g_new0 (CdInstallmentShare, n);
  g_autoptr (GPtrArray) dues = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      shares[i].percent_bp = (int) g_ascii_strtoll (parts[i], NULL, 10);
      /* Installment names are printed in the contract. */
      shares[i].label = i == 0 && n > 1 ? _("Payment on signing")
                        : i + 1 == n ? _("Payment on acceptance") : _("Interim payment");
      g_ptr_array_add (dues, due_after (self->contract, n == 1 ? 30 : (int) (i * 30)));
      shares[i].due_date = g_ptr_array_index (dues, i);
    }
  if (!cd_store_contract_split_installments (get_store (self), self->contract_id, shares, n, &error))
    toast (self, error->message);
  load (self, self->contract_id);
}

static void
add_payment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  guint target = gtk_drop_down_get_selected (self->pay_installment_dropdown);
  guint method = gtk_drop_down_get_selected (self->pay_method_dropdown);
  gint64 amount = 0;

  if (target == GTK_INVALID_LIST_POSITION || target >= self->pay_targets->len)
    {
      show_error (self->payment_error, _("Choose the installment the payment is for."));
      return;
    }
  if (!cd_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->pay_amount_entry)), CD_MONEY_PARSE_DEFAULT,
                       &amount, &error)
      || cd_store_payment_add (get_store (self), g_array_index (self->pay_targets, gint64, target),
                               gtk_editable_get_text (GTK_EDITABLE (self->pay_date_entry)), amount,
                               method_codes[MIN (method, 3)],
                               gtk_editable_get_text (GTK_EDITABLE (self->pay_reference_entry)), &error) == 0)
    {
      show_error (self->payment_error, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->pay_amount_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->pay_amount_entry), "error");
  for (GtkEntry **e = (GtkEntry *[]) { self->pay_date_entry, self->pay_amount_entry, self->pay_reference_entry,
                                       NULL }; *e; e++)
    gtk_editable_set_text (GTK_EDITABLE (*e), "");
  load (self, self->contract_id);
  toast (self, _("Payment recorded"));
}

static void
on_pdf_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CdContractEditor) self = data;
  g_autoptr (GError) error = NULL;

  if (!cd_contract_pdf_render_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("PDF saved"));
}

static void
on_pdf_chosen_cb (GtkNativeDialog *chooser, int response, CdContractEditor *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    cd_contract_pdf_render_async (get_store (self), self->contract_id, path, self->cancellable,
                                  on_pdf_done_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Contract as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autofree char *suggested = g_strdup_printf ("%s.pdf", self->contract->number);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
edit_template_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cd_contract_template_window_present (widget, CD_CONTRACT_EDITOR (widget)->context);
}

static void
receivables_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cd_payment_receivables_window_present (widget, CD_CONTRACT_EDITOR (widget)->context);
}

/* ------------------------------------------------------------------ */

static void
on_changed_cb (CdContractEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  update_actions (self);
}

static gboolean
on_close_request_cb (CdContractEditor *self)
{
  return self->dirty && is_draft (self) && !save (self);
}

static void
cd_contract_editor_dispose (GObject *object)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CONTRACT_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->contract, cd_contract_free);
  g_clear_pointer (&self->pay_targets, g_array_unref);
  G_OBJECT_CLASS (cd_contract_editor_parent_class)->dispose (object);
}

static void
cd_contract_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdContractEditor *self = CD_CONTRACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdContractEditor, name)

static void
cd_contract_editor_class_init (CdContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_contract_editor_dispose;
  object_class->set_property = cd_contract_editor_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-contract-editor.ui");
  BIND (toast_overlay); BIND (header_bar); BIND (window_title); BIND (state_label); BIND (subject_row); BIND (start_row);
  BIND (end_row); BIND (amount_row); BIND (details_error); BIND (clauses_view); BIND (installments_list);
  BIND (installment_form); BIND (split_button); BIND (inst_label_entry); BIND (inst_due_entry); BIND (inst_amount_entry);
  BIND (installments_sum); BIND (payments_list); BIND (payment_form); BIND (pay_installment_dropdown);
  BIND (pay_date_entry); BIND (pay_amount_entry); BIND (pay_method_dropdown); BIND (pay_reference_entry);
  BIND (payment_error); BIND (amendments_group); BIND (amendments_list);

  gtk_widget_class_install_action (widget_class, "contract.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "contract.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "contract.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "contract.complete", NULL, complete_action);
  gtk_widget_class_install_action (widget_class, "contract.terminate", NULL, terminate_action);
  gtk_widget_class_install_action (widget_class, "contract.amend", NULL, amend_action);
  gtk_widget_class_install_action (widget_class, "contract.add-installment", NULL, add_installment_action);
  gtk_widget_class_install_action (widget_class, "contract.split", "s", split_action);
  gtk_widget_class_install_action (widget_class, "contract.add-payment", NULL, add_payment_action);
  gtk_widget_class_install_action (widget_class, "contract.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "contract.edit-template", NULL, edit_template_action);
  gtk_widget_class_install_action (widget_class, "contract.receivables", NULL, receivables_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "contract.save", NULL);
}

static void
cd_contract_editor_init (CdContractEditor *self)
{
  g_autoptr (GtkStringList) methods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->pay_targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (method_labels); i++)
    gtk_string_list_append (methods, _(method_labels[i]));
  gtk_drop_down_set_model (self->pay_method_dropdown, G_LIST_MODEL (methods));

  g_signal_connect_swapped (self->subject_row, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->end_row, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->clauses_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect (self->amendments_list, "row-activated", G_CALLBACK (on_amendment_activated_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

/* ------------------------------------------------------------------ */

CdContractEditor *
cd_contract_editor_new (CdContext *context, gint64 contract_id)
{
  CdContractEditor *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_CONTRACT_EDITOR, "context", context, NULL);
  self->history_button = cd_history_button_new (context, "contract", 0);
  adw_header_bar_pack_end (self->header_bar, self->history_button);
  load (self, contract_id);
  return self;
}

CdContractEditor *
cd_contract_editor_present (GtkWidget *widget, CdContext *context, gint64 contract_id)
{
  CdContractEditor *self = cd_contract_editor_new (context, contract_id);
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gint64
cd_contract_editor_get_contract_id (CdContractEditor *self)
{
  g_return_val_if_fail (CD_IS_CONTRACT_EDITOR (self), 0);
  return self->contract_id;
}
