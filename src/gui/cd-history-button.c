/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A record's History: a header-bar button and the window it opens. The
 * window reads the entries on a worker thread (cd_store_audit_query_async),
 * a page at a time, newest first, and cancels the read when it closes. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/cd-audit-list.h"
#include "gui/cd-history-button.h"

/* The window: private to this file, as only the button opens it. */
#define CD_TYPE_HISTORY_WINDOW (cd_history_window_get_type ())
G_DECLARE_FINAL_TYPE (CdHistoryWindow, cd_history_window, CD, HISTORY_WINDOW, AdwWindow)

struct _CdHistoryWindow
{
  AdwWindow     parent_instance;

  CdContext    *context;
  char         *table_name;
  gint64        row_id;
  CdAuditList  *list;
};

G_DEFINE_FINAL_TYPE (CdHistoryWindow, cd_history_window, ADW_TYPE_WINDOW)

struct _CdHistoryButton
{
  GtkButton  parent_instance;

  CdContext *context;
  char      *table_name;
  gint64     row_id;
};

G_DEFINE_FINAL_TYPE (CdHistoryButton, cd_history_button, GTK_TYPE_BUTTON)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_TABLE_NAME,
  PROP_ROW_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_history_window_dispose (GObject *object)
{
  CdHistoryWindow *self = CD_HISTORY_WINDOW (object);

  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  self->list = NULL;
  G_OBJECT_CLASS (cd_history_window_parent_class)->dispose (object);
}

static void
cd_history_window_finalize (GObject *object)
{
  CdHistoryWindow *self = CD_HISTORY_WINDOW (object);

  g_clear_object (&self->context);
  g_free (self->table_name);
  G_OBJECT_CLASS (cd_history_window_parent_class)->finalize (object);
}

static void
cd_history_window_class_init (CdHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_history_window_dispose;
  object_class->finalize = cd_history_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_history_window_init (CdHistoryWindow *self)
{
}

static GtkWindow *
history_window_new (CdContext  *context,
                    const char *table_name,
                    gint64      row_id,
                    GtkWindow  *parent)
{
  CdHistoryWindow *self = g_object_new (CD_TYPE_HISTORY_WINDOW, NULL);
  g_autofree char *table = cd_audit_table_label (table_name);
  g_autofree char *id = g_strdup_printf ("%" PRId64, row_id);
  /* Translators: the record whose history is shown, "Client #7" */
  g_autofree char *record = g_strdup_printf (_("%s #%s"), table, id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->context = g_object_ref (context);
  self->table_name = g_strdup (table_name);
  self->row_id = row_id;

  gtk_window_set_title (GTK_WINDOW (self), _("History"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("History"), record));
  gtk_box_append (GTK_BOX (box), header);
  self->list = CD_AUDIT_LIST (cd_audit_list_new (FALSE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_window_set_content (ADW_WINDOW (self), box);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  cd_audit_list_load (self->list, cd_context_get_store (context),
                      &(CdAuditFilter) { .table_name = table_name, .row_id = row_id },
                      _("Show _Older Changes"));
  return GTK_WINDOW (self);
}

static void
on_clicked_cb (GtkButton *button)
{
  cd_history_button_open (CD_HISTORY_BUTTON (button));
}

static void
cd_history_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdHistoryButton *self = CD_HISTORY_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;
    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_history_button_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdHistoryButton *self = CD_HISTORY_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_TABLE_NAME:
      self->table_name = g_value_dup_string (value);
      break;
    case PROP_ROW_ID:
      cd_history_button_set_row (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_history_button_finalize (GObject *object)
{
  CdHistoryButton *self = CD_HISTORY_BUTTON (object);

  g_clear_object (&self->context);
  g_free (self->table_name);
  G_OBJECT_CLASS (cd_history_button_parent_class)->finalize (object);
}

static void
cd_history_button_class_init (CdHistoryButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->get_property = cd_history_button_get_property;
  object_class->set_property = cd_history_button_set_property;
  object_class->finalize = cd_history_button_finalize;
  button_class->clicked = on_clicked_cb;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE_NAME] =
    g_param_spec_string ("table-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_history_button_init (CdHistoryButton *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self), "document-open-recent-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("History"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"), -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * cd_history_button_new:
 * @context: the app's context (its store is read)
 * @table_name: the record's table, as in the schema
 * @row_id: the record's id; 0 for a record not saved yet
 *
 * Returns: (transfer floating): a History button
 */
GtkWidget *
cd_history_button_new (CdContext  *context,
                       const char *table_name,
                       gint64      row_id)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (table_name != NULL, NULL);

  return g_object_new (CD_TYPE_HISTORY_BUTTON,
                       "context", context,
                       "table-name", table_name,
                       "row-id", row_id,
                       NULL);
}

void
cd_history_button_set_row (CdHistoryButton *self,
                           gint64           row_id)
{
  g_return_if_fail (CD_IS_HISTORY_BUTTON (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self), row_id > 0);
  if (self->row_id == row_id)
    return;
  self->row_id = row_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_ID]);
}

gint64
cd_history_button_get_row (CdHistoryButton *self)
{
  g_return_val_if_fail (CD_IS_HISTORY_BUTTON (self), 0);
  return self->row_id;
}

GtkWindow *
cd_history_button_open (CdHistoryButton *self)
{
  GtkRoot *root;
  GtkWindow *window;

  g_return_val_if_fail (CD_IS_HISTORY_BUTTON (self), NULL);
  g_return_val_if_fail (self->row_id > 0, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = history_window_new (self->context, self->table_name, self->row_id,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (window);
  return window;
}
