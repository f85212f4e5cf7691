/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-supplier-page.h"
#include "gui/cd-accessible.h"
#include "gui/cd-supply-gui.h"
#include "store/cd-store-suppliers.h"

struct _CdSupplierPage
{
  AdwWindow            parent_instance;

  CdContext           *context;
  gint64               supplier_id;
  CdSupplier          *supplier;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *status_button;
  AdwPreferencesGroup *scorecard_group;
  GtkBox              *stats_box;
  GtkListBox          *months_list;
  AdwEntryRow         *name_row;
  AdwComboRow         *category_row;
  AdwEntryRow         *credit_code_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  AdwComboRow         *vat_type_row;
  AdwComboRow         *rate_row;
  AdwEntryRow         *bank_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *terms_row;
  GtkTextView         *notes_view;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (CdSupplierPage, cd_supplier_page, ADW_TYPE_WINDOW)

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

/* The rates each VAT type invoices at, as the combo rows list them. */
static const int general_rates[] = { 1300, 900, 600, 0 };
static const int small_scale_rates[] = { 300, 100, 500, 0 };
static const char *const vat_types[] = { "general", "small_scale" };

static CdStore *
get_store (CdSupplierPage *self)
{
  return cd_context_get_store (self->context);
}

static const int *
rates_for (CdSupplierPage *self, guint *n)
{
  gboolean general = adw_combo_row_get_selected (self->vat_type_row) == 0;

  *n = general ? G_N_ELEMENTS (general_rates) : G_N_ELEMENTS (small_scale_rates);
  return general ? general_rates : small_scale_rates;
}

static void
fill_rates (CdSupplierPage *self, int selected_bp)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint n, selected = 0;
  const int *rates = rates_for (self, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d %%", rates[i] / 100);

      gtk_string_list_append (labels, label);
      if (rates[i] == selected_bp)
        selected = i;
    }
  adw_combo_row_set_model (self->rate_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->rate_row, selected);
}

static void
on_vat_type_changed_cb (CdSupplierPage *self)
{
  fill_rates (self, -1);
}

/* ------------------------------------------------------------------ */
/* Scorecard                                                           */

static GtkWidget *
stat_card (const char *value, const char *label, const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *big = gtk_label_new (value);
  GtkWidget *caption = gtk_label_new (label);
  g_autofree char *name = g_strdup_printf ("%s: %s%s%s", label, value, detail ? ", " : "", detail ? detail : "");

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_bottom (box, 2);
  gtk_widget_add_css_class (big, "title-2");
  gtk_widget_set_margin_top (big, 12);
  gtk_widget_add_css_class (caption, "heading");
  gtk_box_append (GTK_BOX (box), big);
  gtk_box_append (GTK_BOX (box), caption);
  if (detail != NULL)
    {
      GtkWidget *small = gtk_label_new (detail);

      gtk_widget_add_css_class (small, "dim-label");
      gtk_widget_add_css_class (small, "caption");
      gtk_box_append (GTK_BOX (box), small);
    }
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return box;
}

static char *
rate_text (int bp)
{
  return bp < 0 ? g_strdup ("—") : g_strdup_printf ("%d %%", (bp + 50) / 100);
}

static void
fill_stats (CdSupplierPage *self, const CdSupplierScorecard *card)
{
  g_autofree char *orders = g_strdup_printf ("%u", card->n_orders);
  g_autofree char *open = g_strdup_printf (ngettext ("%u open", "%u open", card->n_open), card->n_open);
  g_autofree char *on_time = rate_text (cd_supplier_scorecard_on_time_bp (card));
  g_autofree char *on_time_detail = g_strdup_printf (_("%u of %u deliveries, %u late"), card->n_on_time,
                                                     card->n_promised, card->n_late);
  g_autofree char *first = rate_text (cd_supplier_scorecard_first_pass_bp (card));
  g_autofree char *first_detail = g_strdup_printf (_("%u of %u orders"), card->n_first_pass, card->n_decided);
  g_autofree char *reworks = g_strdup_printf ("%u", card->n_reworks);
  g_autofree char *spend = cd_money_format (card->spend_net_fen + card->spend_tax_fen);
  g_autofree char *net = cd_money_format (card->spend_net_fen);
  g_autofree char *spend_detail = g_strdup_printf (_("last 12 months, %s before VAT"), net);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box))) != NULL)
    gtk_box_remove (self->stats_box, child);
  gtk_box_append (self->stats_box, stat_card (orders, _("Orders"), open));
  gtk_box_append (self->stats_box, stat_card (on_time, _("On time"), on_time_detail));
  gtk_box_append (self->stats_box, stat_card (first, _("First-pass acceptance"), first_detail));
  gtk_box_append (self->stats_box, stat_card (reworks, _("Reworks"), NULL));
  gtk_box_append (self->stats_box, stat_card (spend, _("Spend"), spend_detail));
}

static void
fill_months (CdSupplierPage *self, const CdSupplierScorecard *card)
{
  gint64 most = 1;

  cd_supply_gui_clear_list (self->months_list);
  for (guint i = 0; i < card->months->len; i++)
    {
      const CdSupplierMonthSpend *m = &g_array_index (card->months, CdSupplierMonthSpend, i);
      most = MAX (most, m->net_fen + m->tax_fen);
    }
  /* Newest first: the months that matter now are at the top. */
  for (guint i = card->months->len; i-- > 0;)
    {
      const CdSupplierMonthSpend *m = &g_array_index (card->months, CdSupplierMonthSpend, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, (double) most);
      GtkWidget *label;
      g_autofree char *amount = cd_money_format (m->net_fen + m->tax_fen);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->month);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) (m->net_fen + m->tax_fen));
      gtk_widget_set_size_request (bar, 220, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, amount, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      label = gtk_label_new (amount);
      /* One width for every amount, so that the bars line up. */
      gtk_label_set_width_chars (GTK_LABEL (label), 15);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->months_list, row);
    }
  gtk_list_box_set_placeholder (self->months_list, cd_supply_gui_empty_note (_("Nothing accepted from this "
                                                                                "supplier yet.")));
}

static void
load_scorecard (CdSupplierPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplierScorecard) card = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) year_ago = g_date_time_add_months (now, -11);
  g_autofree char *from = g_date_time_format (year_ago, "%Y-%m");

  gtk_widget_set_visible (GTK_WIDGET (self->scorecard_group), self->supplier_id != 0);
  if (self->supplier_id == 0)
    return;
  card = cd_store_supplier_scorecard (get_store (self), self->supplier_id, from, NULL, &error);
  if (card == NULL)
    {
      cd_supply_gui_toast (self->toast_overlay, error->message);
      return;
    }
  fill_stats (self, card);
  fill_months (self, card);
}

/* ------------------------------------------------------------------ */
/* The record                                                          */

static guint
index_of (const char *const *list, guint n, const char *code)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (list[i], code) == 0)
      return i;
  return 0;
}

static void
set_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill_record (CdSupplierPage *self)
{
  const CdSupplier *s = self->supplier;
  const char *const *categories = cd_supplier_categories ();
  g_autofree char *title = s->id ? g_strdup (s->name) : g_strdup (_("New Supplier"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, s->id ? cd_state_label ("supplier", s->status) : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
  set_text (self->name_row, s->name);
  adw_combo_row_set_selected (self->category_row,
                              index_of (categories, g_strv_length ((char **) categories), s->category));
  set_text (self->credit_code_row, s->credit_code);
  set_text (self->contact_row, s->contact);
  set_text (self->phone_row, s->phone);
  set_text (self->address_row, s->address);
  adw_combo_row_set_selected (self->vat_type_row, index_of (vat_types, G_N_ELEMENTS (vat_types), s->vat_type));
  fill_rates (self, s->invoice_rate_bp);
  set_text (self->bank_row, s->bank);
  set_text (self->account_row, s->account);
  set_text (self->terms_row, s->payment_terms);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), s->notes ? s->notes : "", -1);
  gtk_button_set_label (self->status_button, g_strcmp0 (s->status, "suspended") == 0 ? _("_Reactivate")
                                                                                     : _("Sus_pend"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), s->id != 0);
}

static void
load (CdSupplierPage *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->supplier, cd_supplier_free);
  self->supplier = self->supplier_id ? cd_store_supplier_get (get_store (self), self->supplier_id, &error)
                                     : cd_supplier_new ();
  if (self->supplier == NULL)
    {
      self->supplier = cd_supplier_new ();
      cd_supply_gui_toast (self->toast_overlay, error->message);
    }
  fill_record (self);
  load_scorecard (self);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* The form as a record, on top of what was loaded (id, status). */
static CdSupplier *
read_form (CdSupplierPage *self)
{
  CdSupplier *s = cd_supplier_copy (self->supplier);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint n;
  const int *rates = rates_for (self, &n);
  guint rate = adw_combo_row_get_selected (self->rate_row);

#define TAKE(field, row) G_STMT_START { g_free (s->field); s->field = entry_text (self->row); } G_STMT_END
  TAKE (name, name_row);
  TAKE (credit_code, credit_code_row);
  TAKE (contact, contact_row);
  TAKE (phone, phone_row);
  TAKE (address, address_row);
  TAKE (bank, bank_row);
  TAKE (account, account_row);
  TAKE (payment_terms, terms_row);
#undef TAKE
  g_free (s->category);
  s->category = g_strdup (cd_supplier_categories ()[adw_combo_row_get_selected (self->category_row)]);
  g_free (s->vat_type);
  s->vat_type = g_strdup (vat_types[MIN (adw_combo_row_get_selected (self->vat_type_row), 1)]);
  s->invoice_rate_bp = rate < n ? rates[rate] : 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (s->notes);
  s->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return s;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierPage *self = CD_SUPPLIER_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplier) s = read_form (self);

  if (!cd_store_supplier_save (get_store (self), s, &error))
    {
      /* The reason stays next to the form until the next save. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->supplier_id = s->id;
  load (self);
  cd_supply_gui_toast (self->toast_overlay, _("Supplier saved"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
toggle_status_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplierPage *self = CD_SUPPLIER_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gboolean suspend = g_strcmp0 (self->supplier->status, "suspended") != 0;

  if (!cd_store_supplier_set_status (get_store (self), self->supplier_id, suspend ? "suspended" : "active",
                                     &error))
    {
      cd_supply_gui_toast (self->toast_overlay, error->message);
      return;
    }
  load (self);
  cd_supply_gui_toast (self->toast_overlay, suspend ? _("Suspended: no new quotes or orders")
                                                    : _("Active again"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ------------------------------------------------------------------ */

static void
name_rows (CdSupplierPage *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->category_row), GTK_WIDGET (self->credit_code_row),
    GTK_WIDGET (self->contact_row), GTK_WIDGET (self->phone_row), GTK_WIDGET (self->address_row),
    GTK_WIDGET (self->vat_type_row), GTK_WIDGET (self->rate_row), GTK_WIDGET (self->bank_row),
    GTK_WIDGET (self->account_row), GTK_WIDGET (self->terms_row),
  };

  /* Entry and combo rows of libadwaita 1.2 do not name themselves after
   * their titles. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), -1);
}

static void
cd_supplier_page_dispose (GObject *object)
{
  CdSupplierPage *self = CD_SUPPLIER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SUPPLIER_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->supplier, cd_supplier_free);
  G_OBJECT_CLASS (cd_supplier_page_parent_class)->dispose (object);
}

static void
cd_supplier_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdSupplierPage *self = CD_SUPPLIER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdSupplierPage, name)

static void
cd_supplier_page_class_init (CdSupplierPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_supplier_page_dispose;
  object_class->set_property = cd_supplier_page_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /**
   * CdSupplierPage::changed:
   *
   * The supplier was saved, suspended or reactivated.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-supplier-page.ui");
  BIND (toast_overlay); BIND (window_title); BIND (status_button); BIND (scorecard_group); BIND (stats_box);
  BIND (months_list); BIND (name_row); BIND (category_row); BIND (credit_code_row); BIND (contact_row);
  BIND (phone_row); BIND (address_row); BIND (vat_type_row); BIND (rate_row); BIND (bank_row);
  BIND (account_row); BIND (terms_row); BIND (notes_view); BIND (error_label);

  gtk_widget_class_install_action (widget_class, "supplier.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "supplier.toggle-status", NULL, toggle_status_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "supplier.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_supplier_page_init (CdSupplierPage *self)
{
  g_autoptr (GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const char *const *c = cd_supplier_categories (); *c != NULL; c++)
    gtk_string_list_append (categories, cd_supplier_category_label (*c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  for (guint i = 0; i < G_N_ELEMENTS (vat_types); i++)
    gtk_string_list_append (types, cd_supplier_vat_type_label (vat_types[i]));
  adw_combo_row_set_model (self->vat_type_row, G_LIST_MODEL (types));
  g_signal_connect_swapped (self->vat_type_row, "notify::selected", G_CALLBACK (on_vat_type_changed_cb), self);
  name_rows (self);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */

CdSupplierPage *
cd_supplier_page_new (CdContext *context, gint64 supplier_id)
{
  CdSupplierPage *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_SUPPLIER_PAGE, "context", context, NULL);
  self->supplier_id = supplier_id;
  load (self);
  return self;
}

CdSupplierPage *
cd_supplier_page_present (GtkWidget *widget, CdContext *context, gint64 supplier_id)
{
  CdSupplierPage *self = cd_supplier_page_new (context, supplier_id);

  cd_supply_gui_present (GTK_WINDOW (self), widget);
  return self;
}

gint64
cd_supplier_page_get_supplier_id (CdSupplierPage *self)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_PAGE (self), 0);
  return self->supplier_id;
}
