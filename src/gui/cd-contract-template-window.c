/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-contract-template-window.h"
#include "store/cd-store-contracts.h"

struct _CdContractTemplateWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;

  AdwToastOverlay *toast_overlay;
  GtkTextView     *text_view;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (CdContractTemplateWindow, cd_contract_template_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (CdContractTemplateWindow *self, const char *text)
{
  gtk_label_set_text (self->error_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
set_text (CdContractTemplateWindow *self, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  show_error (self, NULL);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdContractTemplateWindow *self = CD_CONTRACT_TEMPLATE_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The default saved as it is stays the default when it changes. */
  if (g_strcmp0 (text, cd_contract_default_template ()) == 0)
    g_clear_pointer (&text, g_free);
  if (!cd_store_contract_set_template (cd_context_get_store (self->context), text, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Saved: new contracts start from these clauses")));
}

static void
restore_action (GtkWidget *widget, const char *name, GVariant *param)
{
  set_text (CD_CONTRACT_TEMPLATE_WINDOW (widget), cd_contract_default_template ());
}

static void
cd_contract_template_window_dispose (GObject *object)
{
  CdContractTemplateWindow *self = CD_CONTRACT_TEMPLATE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CONTRACT_TEMPLATE_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cd_contract_template_window_parent_class)->dispose (object);
}

static void
cd_contract_template_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                          GParamSpec *pspec)
{
  CdContractTemplateWindow *self = CD_CONTRACT_TEMPLATE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_contract_template_window_class_init (CdContractTemplateWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_contract_template_window_dispose;
  object_class->set_property = cd_contract_template_window_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-contract-template-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdContractTemplateWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdContractTemplateWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, CdContractTemplateWindow, error_label);
  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "template.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "template.save", NULL);
}

static void
cd_contract_template_window_init (CdContractTemplateWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CdContractTemplateWindow *
cd_contract_template_window_new (CdContext *context)
{
  CdContractTemplateWindow *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_CONTRACT_TEMPLATE_WINDOW, "context", context, NULL);
  text = cd_store_contract_get_template (cd_context_get_store (context));
  set_text (self, text);
  return self;
}

CdContractTemplateWindow *
cd_contract_template_window_present (GtkWidget *widget, CdContext *context)
{
  CdContractTemplateWindow *self = cd_contract_template_window_new (context);
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
