/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-acceptance-editor.h"
#include "gui/cd-accessible.h"
#include "gui/cd-history-button.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-supplier-quotes-window.h"
#include "gui/cd-supply-gui.h"
#include "store/cd-store-suppliers.h"

struct _CdSupplierOrderWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           order_id;
  CdSupplierOrder *order;
  GPtrArray       *acceptances;   /* CdAcceptance, without items */
  gint64           related_id;    /* the order this one redoes, or that redoes it */

  AdwToastOverlay *toast_overlay;
  AdwHeaderBar    *header_bar;
  AdwWindowTitle  *window_title;
  GtkButton       *ordered_button;
  GtkButton       *delivered_button;
  GtkButton       *inspect_button;
  GtkButton       *rework_button;
  GtkMenuButton   *more_button;
  GtkLabel        *status_label;
  AdwActionRow    *supplier_row;
  AdwActionRow    *project_row;
  AdwActionRow    *dates_row;
  AdwActionRow    *delivered_row;
  AdwActionRow    *place_row;
  AdwActionRow    *rework_row;
  GtkListBox      *lines_list;
  GtkLabel        *totals_label;
  GtkListBox      *acceptances_list;
};

G_DEFINE_FINAL_TYPE (CdSupplierOrderWindow, cd_supplier_order_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void load (CdSupplierOrderWindow *self);

static CdStore *
get_store (CdSupplierOrderWindow *self)
{
  return cd_context_get_store (self->context);
}

static void
toast (CdSupplierOrderWindow *self, const char *text)
{
  cd_supply_gui_toast (self->toast_overlay, text);
}

static void
saved (CdSupplierOrderWindow *self, const char *message)
{
  load (self);
  toast (self, message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The draft inspection of the order, if one is under way. */
static CdAcceptance *
draft_acceptance (CdSupplierOrderWindow *self)
{
  for (guint i = 0; self->acceptances != NULL && i < self->acceptances->len; i++)
    {
      CdAcceptance *a = g_ptr_array_index (self->acceptances, i);

      if (a->status == CD_ACCEPTANCE_DRAFT)
        return a;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Showing                                                             */

static char *
status_text (const CdSupplierOrder *o)
{
  const char *label = cd_state_label ("supplier_order", cd_supplier_order_status_to_string (o->status));

  switch (o->status)
    {
    case CD_SUPPLIER_ORDER_REQUESTED:
      return g_strdup_printf (_("%s — not yet sent to the supplier"), label);
    case CD_SUPPLIER_ORDER_ORDERED:
      return o->promised_date ? g_strdup_printf (_("%s — promised for %s"), label, o->promised_date)
                              : g_strdup (label);
    case CD_SUPPLIER_ORDER_DELIVERED:
      return g_strdup_printf (_("%s — waiting for inspection"), label);
    case CD_SUPPLIER_ORDER_REJECTED:
      return g_strdup_printf (_("%s — the delivery failed inspection and waits for its rework order"), label);
    case CD_SUPPLIER_ORDER_REWORKED:
      return g_strdup_printf (_("%s — redone by order %s"), label, o->reworked_by_number ? o->reworked_by_number : "?");
    case CD_SUPPLIER_ORDER_ACCEPTED:
    default:
      return o->accepted_date ? g_strdup_printf (_("%s on %s"), label, o->accepted_date) : g_strdup (label);
    }
}

static void
update_actions (CdSupplierOrderWindow *self)
{
  CdSupplierOrderStatus status = self->order ? self->order->status : CD_SUPPLIER_ORDER_ACCEPTED;
  gboolean loaded = self->order != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.mark-ordered", loaded && status == CD_SUPPLIER_ORDER_REQUESTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.mark-delivered", loaded && status == CD_SUPPLIER_ORDER_ORDERED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.inspect", loaded && status == CD_SUPPLIER_ORDER_DELIVERED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.rework", loaded && status == CD_SUPPLIER_ORDER_REJECTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.save-pdf", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.quotes", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.open-related", self->related_id != 0);
  /* Only the next step is offered. */
  gtk_widget_set_visible (GTK_WIDGET (self->ordered_button), status == CD_SUPPLIER_ORDER_REQUESTED);
  gtk_widget_set_visible (GTK_WIDGET (self->delivered_button), status == CD_SUPPLIER_ORDER_ORDERED);
  gtk_widget_set_visible (GTK_WIDGET (self->inspect_button), status == CD_SUPPLIER_ORDER_DELIVERED);
  gtk_widget_set_visible (GTK_WIDGET (self->rework_button), status == CD_SUPPLIER_ORDER_REJECTED);
}

static GtkWidget *
line_row (const CdSupplierOrderLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *qty = cd_quantity_format (line->qty_milli);
  g_autofree char *price = cd_money_format (line->unit_price_fen);
  g_autofree char *amount = cd_money_format (line->amount_fen);
  g_autofree char *subtitle = g_strdup_printf (_("%s%s%s %s × %s, VAT %d%%"), line->spec ? line->spec : "",
                                               line->spec ? " · " : "", qty, line->unit ? line->unit : "",
                                               price, line->tax_rate_bp / 100);
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->item);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
on_acceptance_activated_cb (GtkListBox *box, GtkListBoxRow *row, CdSupplierOrderWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "acceptance-id");
  CdAcceptanceEditor *editor = cd_acceptance_editor_present (GTK_WIDGET (self), self->context, id);

  g_signal_connect_object (editor, "changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
}

static GtkWidget *
acceptance_row (const CdAcceptance *a)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = a->status == CD_ACCEPTANCE_SIGNED
    ? g_strdup_printf (_("%s, signed by %s on %s"), cd_check_result_label (a->result),
                       a->signer_name ? a->signer_name : "?", a->signed_date ? a->signed_date : "?")
    : g_strdup_printf (_("Draft, inspected %s"), a->inspected_date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "acceptance-id", g_memdup2 (&a->id, sizeof a->id), g_free);
  return row;
}

static void
fill (CdSupplierOrderWindow *self)
{
  const CdSupplierOrder *o = self->order;
  g_autofree char *status = status_text (o);
  g_autofree char *project = g_strdup_printf ("%s (%s)", o->project_name, o->project_number);
  g_autofree char *dates = g_strdup_printf (_("%s, promised for %s"), o->order_date,
                                            o->promised_date ? o->promised_date : "—");
  g_autofree char *delivered = g_strdup_printf ("%s, %s", o->delivered_date ? o->delivered_date : "—",
                                                o->accepted_date ? o->accepted_date : "—");
  g_autofree char *title = g_strdup_printf (_("Supplier Order %s"), o->number);
  g_autofree char *subtotal = cd_money_format (o->subtotal_fen);
  g_autofree char *tax = cd_money_format (o->tax_fen);
  g_autofree char *total = cd_money_format (o->total_fen);
  g_autofree char *totals = g_strdup_printf (_("Subtotal %s   VAT %s   Total %s"), subtotal, tax, total);
  g_autofree char *rework = NULL;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, o->supplier_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->status_label, status);
  cd_supply_gui_set_subtitle (self->supplier_row, o->supplier_name);
  cd_supply_gui_set_subtitle (self->project_row, project);
  cd_supply_gui_set_subtitle (self->dates_row, dates);
  cd_supply_gui_set_subtitle (self->delivered_row, delivered);
  cd_supply_gui_set_subtitle (self->place_row, o->delivery_place);
  if (o->rework_of_number != NULL)
    rework = g_strdup_printf (_("Redoes order %s"), o->rework_of_number);
  else if (o->reworked_by_number != NULL)
    rework = g_strdup_printf (_("Redone by order %s"), o->reworked_by_number);
  cd_supply_gui_set_subtitle (self->rework_row, rework);
  gtk_widget_set_visible (GTK_WIDGET (self->rework_row), rework != NULL);
  gtk_label_set_text (self->totals_label, totals);

  cd_supply_gui_clear_list (self->lines_list);
  for (guint i = 0; i < o->lines->len; i++)
    gtk_list_box_append (self->lines_list, line_row (g_ptr_array_index (o->lines, i)));
  cd_supply_gui_clear_list (self->acceptances_list);
  for (guint i = 0; self->acceptances != NULL && i < self->acceptances->len; i++)
    gtk_list_box_append (self->acceptances_list, acceptance_row (g_ptr_array_index (self->acceptances, i)));
  if (self->acceptances == NULL || self->acceptances->len == 0)
    gtk_list_box_set_placeholder (self->acceptances_list,
                                  cd_supply_gui_empty_note (_("Not inspected yet: a delivered order is inspected "
                                                               "against its checklist.")));
}

/* The order this one redoes, or the one that redoes it. */
static gint64
find_related (CdSupplierOrderWindow *self)
{
  g_autoptr (CdSupplierOrder) other = NULL;

  if (self->order->rework_of_id != 0)
    return self->order->rework_of_id;
  if (self->order->reworked_by_number == NULL)
    return 0;
  other = cd_store_supplier_order_find (get_store (self), self->order->reworked_by_number, NULL);
  return other ? other->id : 0;
}

static void
load (CdSupplierOrderWindow *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->order, cd_supplier_order_free);
  g_clear_pointer (&self->acceptances, g_ptr_array_unref);
  self->related_id = 0;
  self->order = cd_store_supplier_order_get (get_store (self), self->order_id, &error);
  if (self->order == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      update_actions (self);
      return;
    }
  self->acceptances = cd_store_acceptances_for_order (get_store (self), self->order_id, NULL);
  self->related_id = find_related (self);
  fill (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Moves                                                               */

static void
mark_ordered_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!cd_store_supplier_order_move (get_store (self), self->order_id, CD_SUPPLIER_ORDER_ORDERED, NULL, &error))
    toast (self, error->message);
  else
    saved (self, _("Marked as ordered"));
}

/* A message dialog with one date entry (today, or @initial). */
static GtkWidget *
date_dialog (CdSupplierOrderWindow *self, const char *heading, const char *body, const char *field,
             const char *initial, const char *ok_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *today = cd_supply_gui_today ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, field, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static const char *
dialog_date (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
}

static void
on_delivered_response_cb (AdwMessageDialog *dialog, const char *response, CdSupplierOrderWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  if (!cd_store_supplier_order_move (get_store (self), self->order_id, CD_SUPPLIER_ORDER_DELIVERED,
                                     dialog_date (dialog), &error))
    toast (self, error->message);
  else
    saved (self, _("Marked as delivered: inspect it next"));
}

static void
mark_delivered_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);
  g_autofree char *heading = g_strdup_printf (_("Order %s Delivered"), self->order->number);
  GtkWidget *dialog = date_dialog (self, heading, _("When did the goods arrive? A delivery after the promised "
                                                    "date counts as late on the supplier's scorecard."),
                                   _("Delivery date"), NULL, _("_Delivered"));

  g_signal_connect (dialog, "response", G_CALLBACK (on_delivered_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
inspect_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  CdAcceptance *draft = draft_acceptance (self);
  CdAcceptanceEditor *editor;
  gint64 id = draft ? draft->id : cd_store_acceptance_create_for_order (get_store (self), self->order_id, NULL,
                                                                         &error);

  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  if (draft == NULL)
    saved (self, _("Inspection started"));
  editor = cd_acceptance_editor_present (GTK_WIDGET (self), self->context, id);
  g_signal_connect_object (editor, "changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
}

static void
on_rework_response_cb (AdwMessageDialog *dialog, const char *response, CdSupplierOrderWindow *self)
{
  g_autoptr (GError) error = NULL;
  const char *promised = dialog_date (dialog);
  gint64 id;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  id = cd_store_supplier_order_create_rework (get_store (self), self->order_id, NULL,
                                              *promised ? promised : NULL, FALSE, &error);
  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  saved (self, _("Rework order made"));
  cd_supplier_order_window_present (GTK_WIDGET (self), self->context, id);
}

static void
rework_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);
  g_autofree char *heading = g_strdup_printf (_("Rework Order %s?"), self->order->number);
  GtkWidget *dialog = date_dialog (self, heading,
                                   _("A new order with the same lines goes to the same supplier, and this one "
                                     "becomes reworked. By when must the rework be delivered?"),
                                   _("Promised delivery date of the rework"), "", _("_Create Rework Order"));

  g_signal_connect (dialog, "response", G_CALLBACK (on_rework_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_related_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);

  if (self->related_id != 0)
    cd_supplier_order_window_present (GTK_WIDGET (self), self->context, self->related_id);
}

static void
quotes_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);

  if (self->order != NULL)
    cd_supplier_quotes_window_present (GTK_WIDGET (self), self->context, self->order->project_id);
}

static void
save_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (widget);

  cd_supply_gui_save_pdf (GTK_WINDOW (self), self->toast_overlay, self->context, CD_SUPPLY_DOC_SUPPLIER_ORDER,
                          self->order_id, self->order->number, _("Save the Supplier Order as PDF"));
}

/* ------------------------------------------------------------------ */

static void
cd_supplier_order_window_dispose (GObject *object)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SUPPLIER_ORDER_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->order, cd_supplier_order_free);
  g_clear_pointer (&self->acceptances, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_supplier_order_window_parent_class)->dispose (object);
}

static void
cd_supplier_order_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdSupplierOrderWindow *self = CD_SUPPLIER_ORDER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdSupplierOrderWindow, name)

static void
cd_supplier_order_window_class_init (CdSupplierOrderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_supplier_order_window_dispose;
  object_class->set_property = cd_supplier_order_window_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /**
   * CdSupplierOrderWindow::changed:
   *
   * The order (or an order or acceptance made from here) was saved.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-supplier-order-window.ui");
  BIND (toast_overlay); BIND (header_bar); BIND (window_title); BIND (ordered_button); BIND (delivered_button);
  BIND (inspect_button); BIND (rework_button); BIND (more_button); BIND (status_label); BIND (supplier_row); BIND (project_row);
  BIND (dates_row); BIND (delivered_row); BIND (place_row); BIND (rework_row); BIND (lines_list);
  BIND (totals_label); BIND (acceptances_list);

  gtk_widget_class_install_action (widget_class, "order.mark-ordered", NULL, mark_ordered_action);
  gtk_widget_class_install_action (widget_class, "order.mark-delivered", NULL, mark_delivered_action);
  gtk_widget_class_install_action (widget_class, "order.inspect", NULL, inspect_action);
  gtk_widget_class_install_action (widget_class, "order.rework", NULL, rework_action);
  gtk_widget_class_install_action (widget_class, "order.open-related", NULL, open_related_action);
  gtk_widget_class_install_action (widget_class, "order.quotes", NULL, quotes_action);
  gtk_widget_class_install_action (widget_class, "order.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_supplier_order_window_init (CdSupplierOrderWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_accessible_name_menu_button (self->more_button, _("More order actions"));
  g_signal_connect (self->acceptances_list, "row-activated", G_CALLBACK (on_acceptance_activated_cb), self);
}

/* ------------------------------------------------------------------ */

CdSupplierOrderWindow *
cd_supplier_order_window_new (CdContext *context, gint64 order_id)
{
  CdSupplierOrderWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_SUPPLIER_ORDER_WINDOW, "context", context, NULL);
  self->order_id = order_id;
  /* Who changed this record, and when (issue 10). */
  adw_header_bar_pack_end (self->header_bar, cd_history_button_new (context, "supplier_order", order_id));
  load (self);
  return self;
}

CdSupplierOrderWindow *
cd_supplier_order_window_present (GtkWidget *widget, CdContext *context, gint64 order_id)
{
  CdSupplierOrderWindow *self = cd_supplier_order_window_new (context, order_id);

  cd_supply_gui_present (GTK_WINDOW (self), widget);
  return self;
}

gint64
cd_supplier_order_window_get_order_id (CdSupplierOrderWindow *self)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_ORDER_WINDOW (self), 0);
  return self->order_id;
}
