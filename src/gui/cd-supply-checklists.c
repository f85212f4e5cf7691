/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-supply-checklists.h"
#include "store/cd-store-suppliers.h"

struct _CdSupplyChecklists
{
  AdwPreferencesPage parent_instance;

  CdStore   *store;
  GPtrArray *templates;   /* CdChecklistTemplate, as shown */
};

G_DEFINE_FINAL_TYPE (CdSupplyChecklists, cd_supply_checklists, ADW_TYPE_PREFERENCES_PAGE)

/* The widgets of one checklist, kept on its Save button. */
typedef struct
{
  CdChecklistTemplate *template_;   /* owned by the page's array */
  AdwEntryRow         *name_row;
  GtkTextView         *items_view;
  GtkLabel            *error_label;
} Editor;

static char *
items_text (const CdChecklistTemplate *t)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < t->items->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (t->items, i));
  return g_string_free (text, FALSE);
}

/* One item per line; blank lines are spacing, not items. */
static GPtrArray *
read_items (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0')
        g_ptr_array_add (items, g_strdup (line));
    }
  return items;
}

static void
on_save_clicked_cb (GtkButton *button, CdSupplyChecklists *self)
{
  Editor *ed = g_object_get_data (G_OBJECT (button), "editor");
  g_autoptr (CdChecklistTemplate) edited = cd_checklist_template_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;

  edited->id = ed->template_->id;
  edited->kind = g_strdup (ed->template_->kind);
  edited->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ed->name_row)));
  g_ptr_array_unref (edited->items);
  edited->items = read_items (ed->items_view);
  if (!cd_store_checklist_template_save (self->store, edited, &error))
    {
      gtk_label_set_text (ed->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (ed->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (ed->error_label), FALSE);
  /* What was saved, tidied: one item per line, no blank lines. */
  g_free (ed->template_->name);
  ed->template_->name = g_strdup (edited->name);
  g_ptr_array_unref (ed->template_->items);
  ed->template_->items = g_ptr_array_ref (edited->items);
  shown = items_text (ed->template_);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (ed->items_view), shown, -1);
  gtk_button_set_label (button, _("Saved"));
}

static void
on_edited_cb (Editor *ed)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (ed->items_view), "save-button");

  gtk_button_set_label (GTK_BUTTON (button), _("_Save"));
}

static GtkWidget *
items_view (CdChecklistTemplate *t, const char *kind_label)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  g_autofree char *text = items_text (t);
  g_autofree char *name = g_strdup_printf (_("Items of the %s checklist, one per line"), kind_label);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_margin_top (frame, 12);
  gtk_widget_add_css_class (frame, "view");
  return frame;
}

static GtkWidget *
checklist_group (CdSupplyChecklists *self, CdChecklistTemplate *t)
{
  const char *kind_label = cd_checklist_kind_label (t->kind);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *frame = items_view (t, kind_label);
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  g_autofree char *save_name = g_strdup_printf (_("Save the %s checklist"), kind_label);
  g_autofree char *row_name = g_strdup_printf (_("Name of the %s checklist"), kind_label);
  Editor *ed = g_new0 (Editor, 1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kind_label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), t->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name, -1);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_margin_top (error_label, 6);
  gtk_widget_set_visible (error_label, FALSE);
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);

  ed->template_ = t;
  ed->name_row = ADW_ENTRY_ROW (name_row);
  ed->items_view = GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (frame)));
  ed->error_label = GTK_LABEL (error_label);
  g_object_set_data_full (G_OBJECT (save), "editor", ed, g_free);
  g_object_set_data (G_OBJECT (ed->items_view), "save-button", save);
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (ed->items_view), "changed", G_CALLBACK (on_edited_cb), ed);
  g_signal_connect_swapped (name_row, "changed", G_CALLBACK (on_edited_cb), ed);

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error_label);
  return group;
}

static void
fill (CdSupplyChecklists *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *intro = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (intro), _("Acceptance Checklists"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (intro),
                                         _("A delivery is inspected against the checklist of its supplier’s "
                                           "category, design output against the output checklist. Inspections "
                                           "started after a change use the new items; earlier ones keep theirs."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (intro));
  self->templates = cd_store_checklist_templates (self->store, &error);
  if (self->templates == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (intro), error->message);
      return;
    }
  for (guint i = 0; i < self->templates->len; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self),
                              ADW_PREFERENCES_GROUP (checklist_group (self, g_ptr_array_index (self->templates, i))));
}

static void
cd_supply_checklists_dispose (GObject *object)
{
  CdSupplyChecklists *self = CD_SUPPLY_CHECKLISTS (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (cd_supply_checklists_parent_class)->dispose (object);
}

static void
cd_supply_checklists_finalize (GObject *object)
{
  /* After dispose: the editors that point into the templates are gone. */
  g_clear_pointer (&CD_SUPPLY_CHECKLISTS (object)->templates, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_supply_checklists_parent_class)->finalize (object);
}

static void
cd_supply_checklists_class_init (CdSupplyChecklistsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_supply_checklists_dispose;
  object_class->finalize = cd_supply_checklists_finalize;
}

static void
cd_supply_checklists_init (CdSupplyChecklists *self)
{
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Checklists"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "checkbox-checked-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "checklists");
}

CdSupplyChecklists *
cd_supply_checklists_new (CdStore *store)
{
  CdSupplyChecklists *self;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  self = g_object_new (CD_TYPE_SUPPLY_CHECKLISTS, NULL);
  self->store = g_object_ref (store);
  fill (self);
  return self;
}
