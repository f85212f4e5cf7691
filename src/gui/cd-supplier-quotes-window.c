/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-supplier-quotes-window.h"
#include "gui/cd-accessible.h"
#include "gui/cd-supply-gui.h"
#include "store/cd-store-quotes.h"
#include "store/cd-store-suppliers.h"

/* A production item: a line of the client's quote, or a text. */
typedef struct
{
  gint64  quote_line_id;
  char   *item;
  gint64  qty_milli;
  char   *unit;
} Item;

struct _CdSupplierQuotesWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           project_id;
  GPtrArray       *items;          /* Item; the combo row's last entry is "a new item" */
  GArray          *supplier_ids;   /* gint64, as the supplier combo lists them */
  GPtrArray       *quotes;         /* CdSupplierQuote of the item shown */
  gint64           pending_choice; /* quote the reason dialog is for */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwComboRow     *item_row;
  GtkBox          *cards_box;
  GtkLabel        *no_quotes_label;
  AdwComboRow     *supplier_row;
  AdwEntryRow     *new_item_row;
  AdwEntryRow     *qty_row;
  AdwEntryRow     *price_row;
  AdwEntryRow     *lead_row;
  AdwEntryRow     *quote_notes_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (CdSupplierQuotesWindow, cd_supplier_quotes_window, ADW_TYPE_WINDOW)

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

static void show_item (CdSupplierQuotesWindow *self);

static CdStore *
get_store (CdSupplierQuotesWindow *self)
{
  return cd_context_get_store (self->context);
}

static void
item_free (Item *item)
{
  g_free (item->item);
  g_free (item->unit);
  g_free (item);
}

static void
add_item (GPtrArray *items, gint64 quote_line_id, const char *text, gint64 qty, const char *unit)
{
  Item *item = g_new0 (Item, 1);

  item->quote_line_id = quote_line_id;
  item->item = g_strdup (text);
  item->qty_milli = qty;
  item->unit = g_strdup (unit);
  g_ptr_array_add (items, item);
}

/* The selected item, or NULL for "a new item". */
static Item *
current_item (CdSupplierQuotesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->item_row);

  return i < self->items->len ? g_ptr_array_index (self->items, i) : NULL;
}

/* ------------------------------------------------------------------ */
/* Items and suppliers                                                 */

/* The lines of the client's quote: the accepted version, else the latest. */
static void
collect_quote_lines (CdSupplierQuotesWindow *self, GPtrArray *items)
{
  g_autoptr (GPtrArray) quotes = cd_store_quote_list_for_project (get_store (self), self->project_id, NULL);
  g_autoptr (CdQuote) quote = NULL;
  gint64 pick = 0;

  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      CdQuote *q = g_ptr_array_index (quotes, i);

      if (pick == 0 || q->status == CD_QUOTE_ACCEPTED)
        pick = q->id;
    }
  if (pick == 0 || (quote = cd_store_quote_get (get_store (self), pick, NULL)) == NULL)
    return;
  for (guint i = 0; i < quote->lines->len; i++)
    {
      CdQuoteLine *line = g_ptr_array_index (quote->lines, i);

      add_item (items, line->id, line->item, line->qty_milli, line->unit);
    }
}

static gboolean
is_for (const Item *item, const CdSupplierQuote *q)
{
  return q->quote_line_id != 0 ? item->quote_line_id == q->quote_line_id
                               : item->quote_line_id == 0 && g_strcmp0 (item->item, q->item) == 0;
}

static gboolean
has_item (GPtrArray *items, const CdSupplierQuote *q)
{
  for (guint i = 0; i < items->len; i++)
    if (is_for (g_ptr_array_index (items, i), q))
      return TRUE;
  return FALSE;
}

static guint
count_quotes (GPtrArray *quotes, const Item *item)
{
  guint n = 0;

  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    if (is_for (item, g_ptr_array_index (quotes, i)))
      n++;
  return n;
}

/* Fills the item combo; selects the item named @select_text, else the
 * first item that has quotes. */
static void
load_items (CdSupplierQuotesWindow *self, const char *select_text)
{
  g_autoptr (GPtrArray) quotes = cd_store_supplier_quotes_for_project (get_store (self), self->project_id, NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = G_MAXUINT, first_quoted = G_MAXUINT;

  g_ptr_array_set_size (self->items, 0);
  collect_quote_lines (self, self->items);
  /* Items quoted by suppliers that the client's quote does not list. */
  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      CdSupplierQuote *q = g_ptr_array_index (quotes, i);

      if (!has_item (self->items, q))
        add_item (self->items, q->quote_line_id, q->item, q->qty_milli, NULL);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      guint n = count_quotes (quotes, item);
      g_autofree char *qty = cd_quantity_format (item->qty_milli);
      g_autofree char *count = g_strdup_printf (ngettext ("%u quote", "%u quotes", n), n);
      g_autofree char *label = g_strdup_printf ("%s — %s %s · %s", item->item, qty, item->unit ? item->unit : "",
                                                count);

      gtk_string_list_append (labels, label);
      if (select_text != NULL && selected == G_MAXUINT && g_strcmp0 (item->item, select_text) == 0)
        selected = i;
      if (n > 0 && first_quoted == G_MAXUINT)
        first_quoted = i;
    }
  gtk_string_list_append (labels, _("A new item…"));
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->item_row, selected != G_MAXUINT ? selected
                                              : first_quoted != G_MAXUINT ? first_quoted : 0);
}

static void
load_suppliers (CdSupplierQuotesWindow *self)
{
  g_autoptr (GVariant) rows = cd_store_list (get_store (self), CD_KIND_SUPPLIERS, NULL, NULL, 0, 500, NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_array_set_size (self->supplier_ids, 0);
  for (gsize i = 0; rows != NULL && i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      const char *name = NULL, *category = NULL, *status = NULL;
      gint64 id = 0;
      g_autofree char *label = NULL;

      g_variant_lookup (row, "id", "x", &id);
      g_variant_lookup (row, "name", "&s", &name);
      g_variant_lookup (row, "category", "&s", &category);
      g_variant_lookup (row, "status", "&s", &status);
      if (g_strcmp0 (status, "active") != 0)
        continue;
      label = g_strdup_printf ("%s (%s)", name, cd_supplier_category_label (category));
      gtk_string_list_append (labels, label);
      g_array_append_val (self->supplier_ids, id);
    }
  adw_combo_row_set_model (self->supplier_row, G_LIST_MODEL (labels));
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

static void
on_choose_response_cb (AdwMessageDialog *dialog, const char *response, CdSupplierQuotesWindow *self)
{
  g_autoptr (GError) error = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "choose") != 0)
    return;
  if (!cd_store_supplier_quote_choose (get_store (self), self->pending_choice, gtk_editable_get_text (entry),
                                       &error))
    {
      cd_supply_gui_toast (self->toast_overlay, error->message);
      return;
    }
  cd_supply_gui_toast (self->toast_overlay, _("Chosen, with its reason kept"));
  show_item (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_reason_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "choose", *text != '\0');
}

static void
on_choose_clicked_cb (GtkButton *button, CdSupplierQuotesWindow *self)
{
  const CdSupplierQuote *q = g_object_get_data (G_OBJECT (button), "quote");
  g_autofree char *heading = g_strdup_printf (_("Choose %s?"), q->supplier_name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("The other quotes are kept. Say why this one: the reason "
                                                "goes on record with the choice."));
  GtkWidget *entry = gtk_entry_new ();

  self->pending_choice = q->id;
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, such as lowest price or best quality"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the choice"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "choose", _("C_hoose"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "choose", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_order_clicked_cb (GtkButton *button, CdSupplierQuotesWindow *self)
{
  const CdSupplierQuote *q = g_object_get_data (G_OBJECT (button), "quote");
  g_autoptr (GError) error = NULL;
  gint64 order = cd_store_supplier_order_create_from_quotes (get_store (self), &q->id, 1, NULL, NULL, &error);

  if (order == 0)
    {
      cd_supply_gui_toast (self->toast_overlay, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  cd_supplier_order_window_present (GTK_WIDGET (self), self->context, order);
}

static GtkWidget *
card_label (GtkWidget *box, const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
card_button (CdSupplierQuotesWindow *self, const CdSupplierQuote *q)
{
  gboolean chosen = q->chosen;
  GtkWidget *button = gtk_button_new_with_mnemonic (chosen ? _("_Order…") : _("C_hoose…"));
  g_autofree char *name = chosen ? g_strdup_printf (_("Order from %s"), q->supplier_name)
                                 : g_strdup_printf (_("Choose %s"), q->supplier_name);

  if (chosen)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, g_strcmp0 (q->supplier_status, "active") == 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "quote", (gpointer) q);
  g_signal_connect (button, "clicked", chosen ? G_CALLBACK (on_order_clicked_cb) : G_CALLBACK (on_choose_clicked_cb),
                    self);
  return button;
}

static GtkWidget *
quote_card (CdSupplierQuotesWindow *self, const CdSupplierQuote *q, const Item *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *amount = cd_money_format (q->amount_fen);
  g_autofree char *price = cd_money_format (q->price_fen);
  g_autofree char *qty = cd_quantity_format (q->qty_milli);
  g_autofree char *unit_line = g_strdup_printf (_("%s × %s %s, before VAT"), price, qty,
                                                item && item->unit ? item->unit : "");
  g_autofree char *lead = q->lead_days >= 0 ? g_strdup_printf (ngettext ("Delivers in %d day", "Delivers in %d days",
                                                                         q->lead_days), q->lead_days)
                                            : g_strdup (_("Lead time not given"));
  g_autofree char *quoted = g_strdup_printf (_("Quoted on %s"), q->quote_date);
  g_autofree char *chosen = q->chosen ? g_strdup_printf (_("Chosen: %s"), q->choice_reason ? q->choice_reason : "")
                                      : NULL;
  g_autofree char *name = g_strdup_printf (_("Quote of %s: %s"), q->supplier_name, amount);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_size_request (box, 230, -1);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_start (box, 2);
  gtk_widget_set_margin_end (box, 2);
  card_label (box, q->supplier_name, "heading");
  card_label (box, cd_supplier_category_label (q->supplier_category), "dim-label");
  card_label (box, amount, "title-2");
  card_label (box, unit_line, "caption");
  card_label (box, lead, NULL);
  card_label (box, quoted, "dim-label");
  if (q->cheapest)
    card_label (box, _("Cheapest"), "success");
  if (q->fastest)
    card_label (box, _("Fastest"), "accent");
  if (q->notes != NULL)
    card_label (box, q->notes, "dim-label");
  if (chosen != NULL)
    card_label (box, chosen, "success");
  if (g_strcmp0 (q->supplier_status, "active") != 0)
    card_label (box, _("Supplier suspended"), "error");
  gtk_box_append (GTK_BOX (box), card_button (self, q));
  /* Inner padding of the card. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (box), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return box;
}

/* Quotes are asked of several suppliers: offer the first active one that
 * has not quoted the item shown, so that quote after quote goes to the
 * next supplier without opening the list. */
static void
select_unquoted_supplier (CdSupplierQuotesWindow *self)
{
  for (guint i = 0; i < self->supplier_ids->len; i++)
    {
      gint64 id = g_array_index (self->supplier_ids, gint64, i);
      gboolean quoted = FALSE;

      for (guint k = 0; self->quotes != NULL && k < self->quotes->len && !quoted; k++)
        quoted = ((CdSupplierQuote *) g_ptr_array_index (self->quotes, k))->supplier_id == id;
      if (!quoted)
        {
          adw_combo_row_set_selected (self->supplier_row, i);
          return;
        }
    }
}

static void
show_item (CdSupplierQuotesWindow *self)
{
  Item *item = current_item (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->new_item_row), item == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->qty_row), item == NULL);
  if (item != NULL)
    self->quotes = cd_store_supplier_quotes_compare (get_store (self), self->project_id, item->quote_line_id,
                                                     item->item, NULL);
  for (guint i = 0; self->quotes != NULL && i < self->quotes->len; i++)
    gtk_box_append (self->cards_box, quote_card (self, g_ptr_array_index (self->quotes, i), item));
  gtk_widget_set_visible (GTK_WIDGET (self->no_quotes_label), self->quotes == NULL || self->quotes->len == 0);
  select_unquoted_supplier (self);
}

/* ------------------------------------------------------------------ */
/* Adding a quote                                                      */

static gboolean
fail (CdSupplierQuotesWindow *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  return FALSE;
}

static gboolean
read_quote (CdSupplierQuotesWindow *self, CdSupplierQuote *q)
{
  g_autoptr (GError) error = NULL;
  Item *item = current_item (self);
  guint supplier = adw_combo_row_get_selected (self->supplier_row);
  const char *lead = gtk_editable_get_text (GTK_EDITABLE (self->lead_row));
  guint64 days = 0;

  if (supplier >= self->supplier_ids->len)
    return fail (self, _("Supplier: choose who quoted."));
  q->project_id = self->project_id;
  q->supplier_id = g_array_index (self->supplier_ids, gint64, supplier);
  if (item != NULL)
    {
      q->quote_line_id = item->quote_line_id;
      q->item = g_strdup (item->item);
      q->qty_milli = item->qty_milli;
    }
  else
    {
      q->item = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_item_row)));
      if (!cd_quantity_parse (gtk_editable_get_text (GTK_EDITABLE (self->qty_row)), &q->qty_milli, &error))
        return fail (self, error->message);
    }
  if (!cd_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->price_row)), CD_MONEY_PARSE_DEFAULT,
                       &q->price_fen, &error))
    return fail (self, error->message);
  if (*lead != '\0' && !g_ascii_string_to_unsigned (lead, 10, 0, 365, &days, NULL))
    return fail (self, _("Lead time: give a number of days from 0 to 365, or leave it empty."));
  q->lead_days = *lead != '\0' ? (int) days : -1;
  q->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->quote_notes_row)));
  return TRUE;
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierQuotesWindow *self = CD_SUPPLIER_QUOTES_WINDOW (widget);
  g_autoptr (CdSupplierQuote) q = cd_supplier_quote_new ();
  g_autoptr (GError) error = NULL;
  AdwEntryRow *clear[] = { self->price_row, self->lead_row, self->quote_notes_row, self->new_item_row,
                           self->qty_row };

  if (!read_quote (self, q))
    return;
  if (cd_store_supplier_quote_add (get_store (self), q, &error) == 0)
    {
      fail (self, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    gtk_editable_set_text (GTK_EDITABLE (clear[i]), "");
  load_items (self, q->item);
  show_item (self);
  cd_supply_gui_toast (self->toast_overlay, _("Quote added"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ------------------------------------------------------------------ */

static void
name_rows (CdSupplierQuotesWindow *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->item_row), GTK_WIDGET (self->supplier_row), GTK_WIDGET (self->new_item_row),
    GTK_WIDGET (self->qty_row), GTK_WIDGET (self->price_row), GTK_WIDGET (self->lead_row),
    GTK_WIDGET (self->quote_notes_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), -1);
}

static void
load (CdSupplierQuotesWindow *self)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  if (cd_store_supply_project (get_store (self), self->project_id, &number, &name, NULL))
    subtitle = g_strdup_printf ("%s %s", number, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  load_suppliers (self);
  load_items (self, NULL);
  show_item (self);
}

static void
cd_supplier_quotes_window_dispose (GObject *object)
{
  CdSupplierQuotesWindow *self = CD_SUPPLIER_QUOTES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SUPPLIER_QUOTES_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->supplier_ids, g_array_unref);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_supplier_quotes_window_parent_class)->dispose (object);
}

static void
cd_supplier_quotes_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdSupplierQuotesWindow *self = CD_SUPPLIER_QUOTES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdSupplierQuotesWindow, name)

static void
cd_supplier_quotes_window_class_init (CdSupplierQuotesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_supplier_quotes_window_dispose;
  object_class->set_property = cd_supplier_quotes_window_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /**
   * CdSupplierQuotesWindow::changed:
   *
   * A quote was added or chosen, or an order made from one.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-supplier-quotes-window.ui");
  BIND (toast_overlay); BIND (window_title); BIND (item_row); BIND (cards_box); BIND (no_quotes_label);
  BIND (supplier_row); BIND (new_item_row); BIND (qty_row); BIND (price_row); BIND (lead_row);
  BIND (quote_notes_row); BIND (error_label);

  gtk_widget_class_install_action (widget_class, "quotes.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_supplier_quotes_window_init (CdSupplierQuotesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->supplier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->item_row, "notify::selected", G_CALLBACK (show_item), self);
  name_rows (self);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */

CdSupplierQuotesWindow *
cd_supplier_quotes_window_new (CdContext *context, gint64 project_id)
{
  CdSupplierQuotesWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_SUPPLIER_QUOTES_WINDOW, "context", context, NULL);
  self->project_id = project_id;
  load (self);
  return self;
}

CdSupplierQuotesWindow *
cd_supplier_quotes_window_present (GtkWidget *widget, CdContext *context, gint64 project_id)
{
  CdSupplierQuotesWindow *self = cd_supplier_quotes_window_new (context, project_id);

  cd_supply_gui_present (GTK_WINDOW (self), widget);
  return self;
}
