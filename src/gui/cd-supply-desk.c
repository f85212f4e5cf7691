/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "gui/cd-pickup-slip-window.h"
#include "gui/cd-supplier-page.h"
#include "gui/cd-supplier-quotes-window.h"
#include "gui/cd-supply-desk.h"
#include "gui/cd-supply-gui.h"

/* A page of projects is plenty: people narrow it with the search. */
#define DESK_PAGE 20

struct _CdSupplyDesk
{
  AdwBin          parent_instance;

  CdContext      *context;
  GCancellable   *cancellable;   /* of the read under way */
  char           *search;
  gboolean        loading;

  GtkSearchEntry *search_entry;
  GtkListBox     *projects_list;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (CdSupplyDesk, cd_supply_desk, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (CdSupplyDesk *self);

static void
set_loading (CdSupplyDesk *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
reload_main (GtkWindow *window)
{
  cd_supply_gui_reload_main (window);
}

static void
on_quotes_clicked_cb (GtkButton *button, CdSupplyDesk *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "project-id"));
  CdSupplierQuotesWindow *window = cd_supplier_quotes_window_present (GTK_WIDGET (self), self->context, id);

  g_signal_connect (window, "changed", G_CALLBACK (reload_main), NULL);
}

static void
on_slip_clicked_cb (GtkButton *button, CdSupplyDesk *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "project-id"));

  cd_pickup_slip_window_present_new (GTK_WIDGET (self), self->context, id);
}

static GtkWidget *
row_button (CdSupplyDesk *self, const char *label, const char *name, gint64 id, GCallback callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "project-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
project_row (CdSupplyDesk *self, GVariant *project)
{
  const char *number = "", *name = "", *client = "", *status = "";
  gint64 id = 0;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL, *subtitle = NULL, *quotes_name = NULL, *slip_name = NULL;

  g_variant_lookup (project, "id", "x", &id);
  g_variant_lookup (project, "number", "&s", &number);
  g_variant_lookup (project, "name", "&s", &name);
  g_variant_lookup (project, "client", "&s", &client);
  g_variant_lookup (project, "status", "&s", &status);
  title = g_strdup_printf ("%s %s", number, name);
  subtitle = g_strdup_printf ("%s · %s", client, cd_state_label ("project", status));
  quotes_name = g_strdup_printf (_("Supplier quotes for %s"), number);
  slip_name = g_strdup_printf (_("New pickup slip for %s"), number);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, _("Supplier _Quotes…"), quotes_name, id,
                                         G_CALLBACK (on_quotes_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, _("_Pickup Slip…"), slip_name, id, G_CALLBACK (on_slip_clicked_cb)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GCancellable) cancellable = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_list_finish (CD_STORE (source), result, &error);
  CdSupplyDesk *self;
  gsize n;

  /* A newer search, or the page went away: these rows are stale. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "desk");
  cd_supply_gui_clear_list (self->projects_list);
  n = rows ? g_variant_n_children (rows) : 0;
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);

      gtk_list_box_append (self->projects_list, project_row (self, row));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->projects_list), n > 0);
  if (error != NULL)
    gtk_label_set_text (self->empty_label, error->message);
  else if (n == 0)
    gtk_label_set_text (self->empty_label, self->search ? _("No project matches this search.")
                                                        : _("No projects yet: a project is made from a client’s brief."));
  else if (n == DESK_PAGE)
    gtk_label_set_text (self->empty_label, _("Only the first projects are shown: type more of the number or name."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), error != NULL || n == 0 || n == DESK_PAGE);
  set_loading (self, FALSE);
}

static void
load (CdSupplyDesk *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* Not a reference: dispose cancels before the page goes. */
  g_object_set_data (G_OBJECT (self->cancellable), "desk", self);
  set_loading (self, TRUE);
  cd_store_list_async (cd_context_get_store (self->context), CD_KIND_PROJECTS, NULL, self->search, 0, DESK_PAGE,
                       self->cancellable, on_loaded_cb, g_object_ref (self->cancellable));
}

static void
on_search_changed_cb (GtkSearchEntry *entry, CdSupplyDesk *self)
{
  cd_supply_desk_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
new_supplier_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdSupplyDesk *self = CD_SUPPLY_DESK (widget);
  CdSupplierPage *page = cd_supplier_page_present (widget, self->context, 0);

  g_signal_connect (page, "changed", G_CALLBACK (reload_main), NULL);
}

static void
cd_supply_desk_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cd_supply_desk_parent_class)->map (widget);
  /* A project may have been made or moved since: read them when shown. */
  load (CD_SUPPLY_DESK (widget));
}

static void
cd_supply_desk_dispose (GObject *object)
{
  CdSupplyDesk *self = CD_SUPPLY_DESK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SUPPLY_DESK);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cd_supply_desk_parent_class)->dispose (object);
}

static void
cd_supply_desk_finalize (GObject *object)
{
  g_free (CD_SUPPLY_DESK (object)->search);
  G_OBJECT_CLASS (cd_supply_desk_parent_class)->finalize (object);
}

static void
cd_supply_desk_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, CD_SUPPLY_DESK (object)->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_supply_desk_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CD_SUPPLY_DESK (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_supply_desk_class_init (CdSupplyDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_supply_desk_dispose;
  object_class->finalize = cd_supply_desk_finalize;
  object_class->get_property = cd_supply_desk_get_property;
  object_class->set_property = cd_supply_desk_set_property;
  widget_class->map = cd_supply_desk_map;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-supply-desk.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSupplyDesk, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdSupplyDesk, projects_list);
  gtk_widget_class_bind_template_child (widget_class, CdSupplyDesk, empty_label);
  gtk_widget_class_install_action (widget_class, "desk.new-supplier", NULL, new_supplier_action);
}

static void
cd_supply_desk_init (CdSupplyDesk *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
}

CdSupplyDesk *
cd_supply_desk_new (CdContext *context)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return g_object_new (CD_TYPE_SUPPLY_DESK, "context", context, NULL);
}

void
cd_supply_desk_set_search (CdSupplyDesk *self, const char *text)
{
  g_autofree char *search = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (CD_IS_SUPPLY_DESK (self));

  g_free (self->search);
  self->search = *search ? g_steal_pointer (&search) : NULL;
  load (self);
}

gboolean
cd_supply_desk_get_loading (CdSupplyDesk *self)
{
  g_return_val_if_fail (CD_IS_SUPPLY_DESK (self), FALSE);
  return self->loading;
}
