/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-calendar-forms.h"
#include "store/cd-store-overview.h"

/* How many clients the chooser offers for what was typed. */
#define PICKER_ROWS 8

GtkWidget *
cd_form_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* An AdwEntryRow named @title for screen readers as well as on screen. */
GtkEditable *
cd_form_entry_row (GtkWidget  *list,
                   const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

GtkDropDown *
cd_form_dropdown_row (GtkWidget          *list,
                      const char         *title,
                      const char * const *items)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char **) items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_DROP_DOWN (dropdown);
}

GtkWidget *
cd_form_button (const char *label,
                const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

/* A scrolled, clamped page of @stack; returns the box to fill. */
GtkWidget *
cd_form_page (AdwViewStack *stack,
              const char   *name,
              const char   *title,
              const char   *icon_name)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_view_stack_add_titled_with_icon (stack, scrolled, name, title, icon_name);
  return box;
}

/* Removes every child of a box or a list box. */
void
cd_form_clear (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else
        gtk_widget_unparent (child);
    }
}

const char *
cd_form_text (GVariant   *row,
              const char *key)
{
  const char *text = NULL;

  return row != NULL && g_variant_lookup (row, key, "&s", &text) ? text : "";
}

gint64
cd_form_int (GVariant   *row,
             const char *key)
{
  gint64 value = 0;

  if (row != NULL)
    g_variant_lookup (row, key, "x", &value);
  return value;
}

/**
 * cd_form_fill_staff:
 * @none_label: (nullable): the first item, standing for nobody (id 0)
 *
 * Returns: (transfer full): the staff ids, one per item of @dropdown
 */
GArray *
cd_form_fill_staff (GtkDropDown *dropdown,
                    CdContext   *context,
                    const char  *none_label,
                    gint64       selected_id)
{
  g_autoptr(GVariant) staff = cd_store_overview (cd_context_get_store (context), CD_OVERVIEW_ACTIVE_STAFF,
                                                 NULL, 0, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  GVariantIter iter;
  GVariant *row;

  if (none_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (names, none_label);
      g_array_append_val (ids, none);
    }
  if (staff != NULL)
    {
      g_variant_iter_init (&iter, staff);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = cd_form_int (row, "id");

          gtk_string_list_append (names, cd_form_text (row, "name"));
          g_array_append_val (ids, id);
          g_variant_unref (row);
        }
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  cd_form_select_id (dropdown, ids, selected_id);
  return ids;
}

gint64
cd_form_selected_id (GtkDropDown *dropdown,
                     GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

void
cd_form_select_id (GtkDropDown *dropdown,
                   GArray      *ids,
                   gint64       id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

/* ------------------------------------------------------------------ */
/* Client chooser                                                      */

struct _CdCalendarClientPicker
{
  GtkBox       parent_instance;

  CdContext   *context;
  gint64       client_id;
  char        *name;
  guint        search_source;
  gboolean     setting;       /* the text changes because a client was chosen */
  GtkEditable *entry;
  GtkWidget   *results;
};

G_DEFINE_FINAL_TYPE (CdCalendarClientPicker, cd_calendar_client_picker, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  N_PROPS
};

static GParamSpec *picker_props[N_PROPS];

static void
on_result_clicked_cb (GtkButton              *button,
                      CdCalendarClientPicker *self)
{
  cd_calendar_client_picker_set (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-id")),
                                 g_object_get_data (G_OBJECT (button), "cd-name"));
  cd_form_clear (self->results);
  gtk_widget_set_visible (self->results, FALSE);
}

static GtkWidget *
make_result (CdCalendarClientPicker *self,
             GVariant               *row)
{
  const char *name = cd_form_text (row, "name");
  GtkWidget *button = gtk_button_new_with_label (name);
  /* TRANSLATORS: %s is a client's name, offered while typing */
  g_autofree char *label = g_strdup_printf (_("Choose client %s"), name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_FILL);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "cd-id", GSIZE_TO_POINTER ((gsize) cd_form_int (row, "id")));
  g_object_set_data_full (G_OBJECT (button), "cd-name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_result_clicked_cb), self);
  return button;
}

static void
run_search (CdCalendarClientPicker *self)
{
  const char *text = gtk_editable_get_text (self->entry);
  g_autoptr(GVariant) rows = NULL;
  GVariantIter iter;
  GVariant *row;

  cd_form_clear (self->results);
  if (text == NULL || *text == '\0')
    {
      gtk_widget_set_visible (self->results, FALSE);
      return;
    }
  /* One page of matches: cheap on the UI thread even for a big directory. */
  rows = cd_store_list (cd_context_get_store (self->context), CD_KIND_CLIENTS, NULL, text, 0, PICKER_ROWS,
                        NULL);
  if (rows == NULL || g_variant_n_children (rows) == 0)
    {
      GtkWidget *none = gtk_label_new (_("No client matches; type part of the name."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->results), none);
    }
  else
    {
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gtk_box_append (GTK_BOX (self->results), make_result (self, row));
          g_variant_unref (row);
        }
    }
  gtk_widget_set_visible (self->results, TRUE);
}

static gboolean
search_timeout_cb (gpointer data)
{
  CdCalendarClientPicker *self = data;

  self->search_source = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (CdCalendarClientPicker *self)
{
  if (self->setting)
    return;
  if (self->client_id != 0)
    {
      self->client_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), picker_props[PROP_CLIENT_ID]);
    }
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (250, search_timeout_cb, self);
}

static void
cd_calendar_client_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdCalendarClientPicker *self = CD_CALENDAR_CLIENT_PICKER (object);

  if (prop_id == PROP_CLIENT_ID)
    g_value_set_int64 (value, self->client_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cd_calendar_client_picker_dispose (GObject *object)
{
  CdCalendarClientPicker *self = CD_CALENDAR_CLIENT_PICKER (object);

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_object (&self->context);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (cd_calendar_client_picker_parent_class)->dispose (object);
}

static void
cd_calendar_client_picker_class_init (CdCalendarClientPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cd_calendar_client_picker_get_property;
  object_class->dispose = cd_calendar_client_picker_dispose;
  picker_props[PROP_CLIENT_ID] = g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, picker_props);
}

static void
cd_calendar_client_picker_init (CdCalendarClientPicker *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  self->results = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->results, "card");
  gtk_widget_set_visible (self->results, FALSE);
}

/* @title: the field's name, such as "Client" */
CdCalendarClientPicker *
cd_calendar_client_picker_new (CdContext  *context,
                               const char *title)
{
  CdCalendarClientPicker *self = g_object_new (CD_TYPE_CALENDAR_CLIENT_PICKER, NULL);
  GtkWidget *list = cd_form_boxed_list ();

  self->context = g_object_ref (context);
  self->entry = cd_form_entry_row (list, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), _("Type part of the client’s name, then choose it"));
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), list);
  gtk_box_append (GTK_BOX (self), self->results);
  return self;
}

/* Returns: the client chosen, 0 while none is */
gint64
cd_calendar_client_picker_get_id (CdCalendarClientPicker *self)
{
  g_return_val_if_fail (CD_IS_CALENDAR_CLIENT_PICKER (self), 0);
  return self->client_id;
}

const char *
cd_calendar_client_picker_get_name (CdCalendarClientPicker *self)
{
  g_return_val_if_fail (CD_IS_CALENDAR_CLIENT_PICKER (self), NULL);
  return self->client_id != 0 ? self->name : NULL;
}

void
cd_calendar_client_picker_set (CdCalendarClientPicker *self,
                               gint64                  client_id,
                               const char             *name)
{
  g_return_if_fail (CD_IS_CALENDAR_CLIENT_PICKER (self));

  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
  self->setting = TRUE;
  gtk_editable_set_text (self->entry, self->name);
  self->setting = FALSE;
  if (self->client_id != client_id)
    {
      self->client_id = client_id;
      g_object_notify_by_pspec (G_OBJECT (self), picker_props[PROP_CLIENT_ID]);
    }
}

/* Runs the search for the text typed at once (tests, Enter). */
void
cd_calendar_client_picker_search_now (CdCalendarClientPicker *self)
{
  g_return_if_fail (CD_IS_CALENDAR_CLIENT_PICKER (self));
  g_clear_handle_id (&self->search_source, g_source_remove);
  run_search (self);
}
