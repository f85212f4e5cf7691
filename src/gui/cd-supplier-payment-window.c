/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recording a payment to a supplier. The orders still to pay are read on a
 * worker thread; the payment itself is one small insert, made by the store
 * (which refuses an over-payment with the figures). Each field has its own
 * error line right under it, in the same boxed list, so a refusal is read
 * where the mistake is. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-money.h"
#include "gui/cd-accessible.h"
#include "gui/cd-supplier-payment-window.h"
#include "store/cd-store-month-end.h"

typedef enum
{
  FIELD_ORDER,
  FIELD_DATE,
  FIELD_AMOUNT,
  FIELD_REFERENCE,
  N_FIELDS
} Field;

struct _CdSupplierPaymentWindow
{
  AdwWindow     parent_instance;

  CdContext    *context;
  GCancellable *cancellable;
  GVariant     *orders;       /* aa{sv}, in the drop-down's order */
  gboolean      ready;

  GtkDropDown  *order_drop;
  AdwActionRow *balance_row;
  AdwEntryRow  *date_row;
  AdwEntryRow  *amount_row;
  AdwEntryRow  *reference_row;
  GtkWidget    *save_button;
  GtkWidget    *field_widgets[N_FIELDS];
  GtkWidget    *error_rows[N_FIELDS];
  GtkLabel     *error_labels[N_FIELDS];
  char         *error;
};

G_DEFINE_FINAL_TYPE (CdSupplierPaymentWindow, cd_supplier_payment_window, ADW_TYPE_WINDOW)

/* Reads hold the window weakly: a window closed meanwhile is finalized at
 * once (its parent may go next), and the late answer is dropped. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static gpointer
weak_ref_take (gpointer data)
{
  GWeakRef *ref = data;
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}

enum
{
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
row_int (GVariant *row, const char *key)
{
  gint64 value = 0;

  g_variant_lookup (row, key, "x", &value);
  return value;
}

static GVariant *
selected_order (CdSupplierPaymentWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->order_drop);

  if (self->orders == NULL || position == GTK_INVALID_LIST_POSITION
      || position >= g_variant_n_children (self->orders))
    return NULL;
  return g_variant_get_child_value (self->orders, position);
}

static void
clear_errors (CdSupplierPaymentWindow *self)
{
  g_clear_pointer (&self->error, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_widget_set_visible (self->error_rows[i], FALSE);
      gtk_widget_remove_css_class (self->field_widgets[i], "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->field_widgets[i]),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
show_error (CdSupplierPaymentWindow *self, Field field, const char *message)
{
  clear_errors (self);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_labels[field], message);
  gtk_widget_set_visible (self->error_rows[field], TRUE);
  gtk_widget_add_css_class (self->field_widgets[field], "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->field_widgets[field]),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (self->field_widgets[field]);
}

static void
show_balance (CdSupplierPaymentWindow *self)
{
  g_autoptr (GVariant) order = selected_order (self);
  g_autofree char *total = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *left = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *subtitle = NULL;

  if (order == NULL)
    {
      adw_action_row_set_subtitle (self->balance_row, "");
      return;
    }
  total = cd_money_format (row_int (order, "total_fen"));
  paid = cd_money_format (row_int (order, "paid_fen"));
  left = cd_money_format (row_int (order, "total_fen") - row_int (order, "paid_fen"));
  /* Translators: an order's balance: the amount left, its total and what was paid */
  subtitle = g_strdup_printf (_("%s left of %s; %s paid so far"), left, total, paid);
  adw_action_row_set_subtitle (self->balance_row, subtitle);
  plain = cd_money_format_plain (row_int (order, "total_fen") - row_int (order, "paid_fen"));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), plain);
}

static void
on_order_selected_cb (GObject *drop, GParamSpec *pspec, CdSupplierPaymentWindow *self)
{
  clear_errors (self);
  show_balance (self);
}

static char *
order_text (GVariant *row)
{
  const char *number = "", *supplier = "";
  g_autofree char *left = cd_money_format (row_int (row, "total_fen") - row_int (row, "paid_fen"));

  g_variant_lookup (row, "number", "&s", &number);
  g_variant_lookup (row, "supplier", "&s", &supplier);
  /* Translators: a supplier order in the payment form: number, supplier, amount left */
  return g_strdup_printf (_("%s · %s · %s to pay"), number, supplier, left);
}

static void
on_orders_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) orders = cd_store_supplier_orders_to_pay_finish (CD_STORE (source), result, &error);
  g_autoptr (CdSupplierPaymentWindow) self = weak_ref_take (user_data);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->order_drop == NULL)
    return;
  self->ready = TRUE;
  if (orders == NULL)
    {
      show_error (self, FIELD_ORDER, error->message);
      return;
    }
  self->orders = g_steal_pointer (&orders);
  for (gsize i = 0; i < g_variant_n_children (self->orders); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (self->orders, i);
      g_autofree char *text = order_text (row);
      gtk_string_list_append (names, text);
    }
  gtk_drop_down_set_model (self->order_drop, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (self->save_button, g_variant_n_children (self->orders) > 0);
  if (g_variant_n_children (self->orders) == 0)
    show_error (self, FIELD_ORDER, _("No accepted supplier order is waiting for payment."));
  else
    show_balance (self);
}

/* "YYYY-MM-DD", strictly. */
static gboolean
parse_date (const char *text, GDate *out)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* Which field a refusal from the store is about. The date and the amount's
 * range are checked here first, so what the store refuses is an
 * over-payment (its sentence names the order) or the reference. Decided
 * without reading the sentence's words, which are translated. */
static Field
store_error_field (const GError *error, GVariant *order, const char *reference)
{
  const char *number = NULL;

  if (g_error_matches (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND))
    return FIELD_ORDER;
  if (g_variant_lookup (order, "number", "&s", &number) && number[0] != '\0'
      && strstr (error->message, number) != NULL)
    return FIELD_AMOUNT;
  return reference[0] != '\0' ? FIELD_REFERENCE : FIELD_AMOUNT;
}

static gboolean
save (CdSupplierPaymentWindow *self)
{
  g_autoptr (GVariant) order = selected_order (self);
  g_autoptr (GError) error = NULL;
  const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
  GDate date;
  gint64 amount = 0;

  if (order == NULL)
    {
      show_error (self, FIELD_ORDER, _("Choose the supplier order the payment is for."));
      return FALSE;
    }
  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      show_error (self, FIELD_DATE, _("The date is not a date: write it as YYYY-MM-DD, e.g. 2026-03-05."));
      return FALSE;
    }
  if (!cd_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), CD_MONEY_PARSE_DEFAULT,
                       &amount, &error))
    {
      show_error (self, FIELD_AMOUNT, error->message);
      return FALSE;
    }
  if (!cd_store_record_supplier_payment (cd_context_get_store (self->context), row_int (order, "id"),
                                         &date, amount, reference[0] != '\0' ? reference : NULL,
                                         NULL, &error))
    {
      show_error (self, store_error_field (error, order, reference), error->message);
      return FALSE;
    }
  clear_errors (self);
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, amount);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_cb (GtkWidget *widget, CdSupplierPaymentWindow *self)
{
  save (self);
}

static GtkWidget *
error_row (CdSupplierPaymentWindow *self, Field field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  g_object_set (label, "margin-top", 6, "margin-bottom", 6, "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  self->error_rows[field] = row;
  self->error_labels[field] = GTK_LABEL (label);
  return row;
}

static AdwEntryRow *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
make_form (CdSupplierPaymentWindow *self)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *order_row = adw_action_row_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->order_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, expression));
  gtk_drop_down_set_enable_search (self->order_drop, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->order_drop), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->order_drop), _("Supplier order"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->order_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Supplier order"), -1);
  g_signal_connect (self->order_drop, "notify::selected", G_CALLBACK (on_order_selected_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order_row), _("Supplier order"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), GTK_WIDGET (self->order_drop));
  self->field_widgets[FIELD_ORDER] = GTK_WIDGET (self->order_drop);

  self->balance_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->balance_row), _("Balance"));

  self->date_row = entry_row (_("Date paid (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  self->amount_row = entry_row (_("Amount (¥)"));
  self->reference_row = entry_row (_("Bank reference"));
  self->field_widgets[FIELD_DATE] = GTK_WIDGET (self->date_row);
  self->field_widgets[FIELD_AMOUNT] = GTK_WIDGET (self->amount_row);
  self->field_widgets[FIELD_REFERENCE] = GTK_WIDGET (self->reference_row);
  for (guint i = FIELD_DATE; i < N_FIELDS; i++)
    g_signal_connect (self->field_widgets[i], "entry-activated", G_CALLBACK (on_save_cb), self);

  gtk_list_box_append (GTK_LIST_BOX (list), order_row);
  gtk_list_box_append (GTK_LIST_BOX (list), error_row (self, FIELD_ORDER));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->balance_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->date_row));
  gtk_list_box_append (GTK_LIST_BOX (list), error_row (self, FIELD_DATE));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->amount_row));
  gtk_list_box_append (GTK_LIST_BOX (list), error_row (self, FIELD_AMOUNT));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->reference_row));
  gtk_list_box_append (GTK_LIST_BOX (list), error_row (self, FIELD_REFERENCE));
  return list;
}

static void
build (CdSupplierPaymentWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Record a Payment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 520);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (on_save_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), make_form (self));
  g_object_set (clamp, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

static void
cd_supplier_payment_window_dispose (GObject *object)
{
  CdSupplierPaymentWindow *self = CD_SUPPLIER_PAYMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* A read still running holds this window past its parent's end: let go
   * of the parent now, while it is alive (GTK 4.8 would otherwise touch it
   * when this window is finalized). */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  self->order_drop = NULL;
  G_OBJECT_CLASS (cd_supplier_payment_window_parent_class)->dispose (object);
}

static void
cd_supplier_payment_window_finalize (GObject *object)
{
  CdSupplierPaymentWindow *self = CD_SUPPLIER_PAYMENT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->orders, g_variant_unref);
  g_free (self->error);
  G_OBJECT_CLASS (cd_supplier_payment_window_parent_class)->finalize (object);
}

static void
cd_supplier_payment_window_class_init (CdSupplierPaymentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_supplier_payment_window_dispose;
  object_class->finalize = cd_supplier_payment_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * CdSupplierPaymentWindow::recorded:
   * @amount_fen: what was paid
   */
  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cd_supplier_payment_window_init (CdSupplierPaymentWindow *self)
{
  self->cancellable = g_cancellable_new ();
}

GtkWindow *
cd_supplier_payment_window_new (CdContext *context,
                                GtkWindow *parent)
{
  CdSupplierPaymentWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_SUPPLIER_PAYMENT_WINDOW, NULL);
  self->context = g_object_ref (context);
  build (self);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  cd_store_supplier_orders_to_pay_async (cd_context_get_store (context), 0, 0, self->cancellable,
                                         on_orders_read_cb, weak_ref_new (self));
  return GTK_WINDOW (self);
}

gboolean
cd_supplier_payment_window_is_ready (CdSupplierPaymentWindow *self)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_PAYMENT_WINDOW (self), FALSE);
  return self->ready;
}

gboolean
cd_supplier_payment_window_select (CdSupplierPaymentWindow *self,
                                   gint64                   order_id)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_PAYMENT_WINDOW (self), FALSE);

  for (gsize i = 0; self->orders != NULL && i < g_variant_n_children (self->orders); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (self->orders, i);
      if (row_int (row, "id") == order_id)
        {
          gtk_drop_down_set_selected (self->order_drop, i);
          show_balance (self);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
cd_supplier_payment_window_submit (CdSupplierPaymentWindow *self,
                                   const char              *date,
                                   const char              *amount,
                                   const char              *reference)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_PAYMENT_WINDOW (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount != NULL ? amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference != NULL ? reference : "");
  return save (self);
}

const char *
cd_supplier_payment_window_get_error (CdSupplierPaymentWindow *self)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_PAYMENT_WINDOW (self), NULL);
  return self->error;
}
