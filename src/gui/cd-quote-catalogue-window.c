/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-quote-catalogue-window.h"
#include "store/cd-store-quotes.h"

struct _CdQuoteCatalogueWindow
{
  AdwWindow             parent_instance;

  CdContext            *context;
  gint64                item_id;      /* the item in the form; 0 for a new one */

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *form_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *spec_row;
  AdwEntryRow          *unit_row;
  AdwEntryRow          *price_row;
  AdwEntryRow          *tax_row;
  AdwEntryRow          *category_row;
  GtkSwitch            *active_switch;
  GtkLabel             *form_error;
  GtkListBox           *items_list;
};

G_DEFINE_FINAL_TYPE (CdQuoteCatalogueWindow, cd_quote_catalogue_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KEY_ITEM "cd-catalogue-item"

static CdStore *
get_store (CdQuoteCatalogueWindow *self)
{
  return cd_context_get_store (self->context);
}

static void
show_error (CdQuoteCatalogueWindow *self, const char *text)
{
  gtk_label_set_text (self->form_error, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), text != NULL);
}

static void
set_row (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Fills the form from @item, or empties it for a new item. */
static void
fill_form (CdQuoteCatalogueWindow *self, const CdCatalogueItem *item)
{
  g_autofree char *price = item ? cd_money_format_plain (item->unit_price_fen) : NULL;
  g_autofree char *tax = item ? cd_money_format_plain (item->tax_rate_bp) : g_strdup ("6.00");

  self->item_id = item ? item->id : 0;
  set_row (self->name_row, item ? item->name : NULL);
  set_row (self->spec_row, item ? item->spec : NULL);
  set_row (self->unit_row, item ? item->unit : NULL);
  set_row (self->price_row, price);
  set_row (self->tax_row, tax);
  set_row (self->category_row, item ? item->category : NULL);
  gtk_switch_set_active (self->active_switch, item ? item->active : TRUE);
  adw_preferences_group_set_title (self->form_group, item ? item->name : _("New Item"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.delete", item != NULL);
  show_error (self, NULL);
}

static GtkWidget *
make_row (const CdCatalogueItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *price = cd_money_format (item->unit_price_fen);
  g_autofree char *title = g_markup_escape_text (item->name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *plain = NULL;

  plain = g_strdup_printf (_("%s%s%s / %s · tax %d.%02d %%%s%s%s"), item->spec ? item->spec : "",
                           item->spec ? " · " : "", price, item->unit, item->tax_rate_bp / 100,
                           item->tax_rate_bp % 100, item->category ? " · " : "",
                           item->category ? item->category : "", item->active ? "" : _(" · switched off"));
  subtitle = g_markup_escape_text (plain, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, item->name, -1);
  if (!item->active)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data_full (G_OBJECT (row), KEY_ITEM, cd_catalogue_item_copy (item),
                          (GDestroyNotify) cd_catalogue_item_free);
  return row;
}

static void
reload (CdQuoteCatalogueWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cd_store_catalogue_list (get_store (self), TRUE, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);
  if (items == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const CdCatalogueItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = make_row (item);

      gtk_list_box_append (self->items_list, row);
      if (item->id == self->item_id)
        gtk_list_box_select_row (self->items_list, GTK_LIST_BOX_ROW (row));
    }
}

/* The percentage typed, "6", "6 %" or "12.5", as basis points. */
static gboolean
parse_rate (const char *text, int *out_bp, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gint64 value = 0;
  gsize len = strlen (copy);

  if (len > 0 && copy[len - 1] == '%')
    copy[len - 1] = '\0';
  g_strstrip (copy);
  if (!cd_money_parse (copy, CD_MONEY_PARSE_DEFAULT, &value, error))
    return FALSE;
  if (value > 10000)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The tax rate must be between 0 % and 100 %."));
      return FALSE;
    }
  *out_bp = (int) value;
  return TRUE;
}

/* Reads the form into a new item; NULL, with the sentence shown under the
 * form, when a figure does not read. */
static CdCatalogueItem *
read_form (CdQuoteCatalogueWindow *self)
{
  g_autoptr (CdCatalogueItem) item = cd_catalogue_item_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  int bp = 0;

  item->id = self->item_id;
  item->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  item->spec = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->spec_row)));
  item->unit = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  item->category = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_row)));
  item->active = gtk_switch_get_active (self->active_switch);
  if (!cd_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->price_row)), CD_MONEY_PARSE_DEFAULT,
                       &item->unit_price_fen, &error))
    message = g_strdup_printf (_("Unit price: %s"), error->message);
  else if (!parse_rate (gtk_editable_get_text (GTK_EDITABLE (self->tax_row)), &bp, &error))
    message = g_strdup_printf (_("Tax rate: %s"), error->message);
  if (message != NULL)
    {
      show_error (self, message);
      return NULL;
    }
  item->tax_rate_bp = bp;
  /* Blank optional fields are stored as nothing. */
  if (item->spec[0] == '\0')
    g_clear_pointer (&item->spec, g_free);
  if (item->category[0] == '\0')
    g_clear_pointer (&item->category, g_free);
  return g_steal_pointer (&item);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteCatalogueWindow *self = CD_QUOTE_CATALOGUE_WINDOW (widget);
  g_autoptr (CdCatalogueItem) item = read_form (self);
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  if (!cd_store_catalogue_save (get_store (self), item, &error))
    {
      show_error (self, error->message);
      return;
    }
  self->item_id = item->id;
  fill_form (self, item);
  reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Item saved")));
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteCatalogueWindow *self = CD_QUOTE_CATALOGUE_WINDOW (widget);

  gtk_list_box_unselect_all (self->items_list);
  fill_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdQuoteCatalogueWindow *self = CD_QUOTE_CATALOGUE_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->item_id == 0)
    return;
  if (!cd_store_catalogue_delete (get_store (self), self->item_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  fill_form (self, NULL);
  reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Item deleted")));
}

static void
on_item_activated_cb (GtkListBox *box, GtkListBoxRow *row, CdQuoteCatalogueWindow *self)
{
  fill_form (self, g_object_get_data (G_OBJECT (row), KEY_ITEM));
}

static void
cd_quote_catalogue_window_dispose (GObject *object)
{
  CdQuoteCatalogueWindow *self = CD_QUOTE_CATALOGUE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_QUOTE_CATALOGUE_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cd_quote_catalogue_window_parent_class)->dispose (object);
}

static void
cd_quote_catalogue_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                        GParamSpec *pspec)
{
  CdQuoteCatalogueWindow *self = CD_QUOTE_CATALOGUE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdQuoteCatalogueWindow, name)

static void
cd_quote_catalogue_window_class_init (CdQuoteCatalogueWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_quote_catalogue_window_dispose;
  object_class->set_property = cd_quote_catalogue_window_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-quote-catalogue-window.ui");
  BIND (toast_overlay); BIND (form_group); BIND (name_row); BIND (spec_row); BIND (unit_row);
  BIND (price_row); BIND (tax_row); BIND (category_row); BIND (active_switch); BIND (form_error);
  BIND (items_list);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_install_action (widget_class, "catalogue.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "catalogue.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "catalogue.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "catalogue.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_quote_catalogue_window_init (CdQuoteCatalogueWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CdQuoteCatalogueWindow *
cd_quote_catalogue_window_new (CdContext *context)
{
  CdQuoteCatalogueWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_QUOTE_CATALOGUE_WINDOW, "context", context, NULL);
  fill_form (self, NULL);
  reload (self);
  return self;
}

CdQuoteCatalogueWindow *
cd_quote_catalogue_window_present (GtkWidget *widget, CdContext *context)
{
  CdQuoteCatalogueWindow *self = cd_quote_catalogue_window_new (context);
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
