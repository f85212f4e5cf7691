/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row per audit entry: a heading (what, by whom; and on which record
 * in the search), the time on the right, then a two-column grid of changed
 * fields. Values are plain text, never markup: they are whatever people
 * typed. Each row also carries the whole entry as one accessible sentence,
 * which is what a screen reader reads and what the tests check. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gui/cd-audit-list.h"

struct _CdAuditList
{
  GtkWidget   parent_instance;

  GtkStack   *stack;
  GtkListBox *list_box;
  GtkWidget  *more;
  AdwStatusPage *error_page;
  gboolean    show_record;
  guint       n_entries;

  /* The search shown, for its next pages (cd_audit_list_load). */
  CdStore      *store;
  CdAuditFilter filter;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CdAuditList, cd_audit_list, GTK_TYPE_WIDGET)

#define PAGE_SIZE 100

static char *
who_text (const CdAuditEntry *entry)
{
  if (entry->staff_name != NULL)
    return g_strdup (entry->staff_name);
  /* Translators: who made a change the audit log has no person for (the
   * command line, or before a current staff member was chosen) */
  return g_strdup (_("no one recorded"));
}

static char *
record_text (const CdAuditEntry *entry)
{
  g_autofree char *table = cd_audit_table_label (entry->table_name);
  g_autofree char *id = g_strdup_printf ("%" PRId64, entry->row_id);

  if (entry->row_id == 0)
    return g_steal_pointer (&table);
  /* Translators: a record in the audit log: table and row, "Client #7" */
  return g_strdup_printf (_("%s #%s"), table, id);
}

static char *
heading_text (const CdAuditEntry *entry, gboolean show_record)
{
  g_autofree char *who = who_text (entry);
  /* Translators: "Changed by 王强"; the first %s is Created, Changed or Deleted */
  g_autofree char *heading = g_strdup_printf (_("%s by %s"), cd_audit_action_label (entry->action), who);
  g_autofree char *record = NULL;

  if (!show_record)
    return g_steal_pointer (&heading);
  record = record_text (entry);
  /* Translators: "Client #7 · Changed by 王强" */
  return g_strdup_printf (_("%s · %s"), record, heading);
}

static char *
time_text (const CdAuditEntry *entry)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (entry->at);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
change_value (const CdAuditChange *change)
{
  if (change->old_text != NULL && change->new_text != NULL)
    /* Translators: a field's value before and after a change */
    return g_strdup_printf (_("%s → %s"), change->old_text, change->new_text);
  return g_strdup (change->new_text != NULL ? change->new_text : change->old_text);
}

char *
cd_audit_entry_describe (const CdAuditEntry *entry,
                         gboolean            show_record)
{
  g_autofree char *heading = heading_text (entry, show_record);
  g_autofree char *when = time_text (entry);
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  /* Translators: "Changed by 王强 on 2026-11-25 20:01" */
  g_string_printf (text, _("%s on %s"), heading, when);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const CdAuditChange *change = entry->changes->pdata[i];
      g_autofree char *value = change_value (change);

      g_string_append (text, i == 0 ? ": " : "; ");
      g_string_append_printf (text, "%s %s", change->label, value);
    }
  g_string_append (text, ".");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
make_label (const char *text, gboolean dim, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
changes_grid (const CdAuditEntry *entry)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const CdAuditChange *change = entry->changes->pdata[i];
      g_autofree char *value = change_value (change);
      GtkWidget *field = make_label (change->label, TRUE, FALSE);

      /* The same first column in every entry, so values line up. */
      gtk_label_set_width_chars (GTK_LABEL (field), 12);
      GtkWidget *shown = make_label (value, FALSE, TRUE);

      gtk_widget_set_hexpand (shown, TRUE);
      if (change->new_text == NULL)
        gtk_widget_add_css_class (shown, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), field, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), shown, 1, i, 1, 1);
    }
  if (entry->changes->len == 0)
    gtk_grid_attach (GTK_GRID (grid), make_label (_("No field changed."), TRUE, FALSE), 0, 0, 1, 1);
  return grid;
}

static GtkWidget *
make_row (const CdAuditEntry *entry, gboolean show_record)
{
  g_autofree char *heading = heading_text (entry, show_record);
  g_autofree char *when = time_text (entry);
  g_autofree char *summary = cd_audit_entry_describe (entry, show_record);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = make_label (heading, FALSE, TRUE);
  GtkWidget *time = make_label (when, TRUE, FALSE);

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (time, "numeric");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), time);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), changes_grid (entry));
  g_object_set (box, "margin-top", 10, "margin-bottom", 10, "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  return row;
}

static GtkWidget *
status_page (const char *icon, const char *title, const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

static void
clear_filter (CdAuditFilter *filter)
{
  g_clear_pointer ((char **) &filter->table_name, g_free);
  g_clear_pointer (&filter->from, g_date_time_unref);
  g_clear_pointer (&filter->until, g_date_time_unref);
  memset (filter, 0, sizeof *filter);
}

static void
cd_audit_list_dispose (GObject *object)
{
  CdAuditList *self = CD_AUDIT_LIST (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  clear_filter (&self->filter);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cd_audit_list_parent_class)->dispose (object);
}

static void
cd_audit_list_class_init (CdAuditListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_audit_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void load_page (CdAuditList *self);

static void
cd_audit_list_init (CdAuditList *self)
{
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the history"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack,
                       status_page ("document-open-recent-symbolic", _("No Changes Recorded"),
                                    _("Nothing in the audit log matches.")),
                       "empty");
  self->error_page = ADW_STATUS_PAGE (status_page ("dialog-error-symbolic",
                                                   _("The History Could Not Be Read"), NULL));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes"), -1);
  self->more = gtk_button_new ();
  gtk_widget_set_halign (self->more, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->more, 12);
  gtk_widget_add_css_class (self->more, "pill");
  gtk_widget_set_visible (self->more, FALSE);
  g_signal_connect_swapped (self->more, "clicked", G_CALLBACK (load_page), self);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->list_box));
  gtk_box_append (GTK_BOX (column), self->more);
  g_object_set (column, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

GtkWidget *
cd_audit_list_new (gboolean show_record)
{
  CdAuditList *self = g_object_new (CD_TYPE_AUDIT_LIST, NULL);

  self->show_record = show_record;
  return GTK_WIDGET (self);
}

void
cd_audit_list_set_loading (CdAuditList *self)
{
  g_return_if_fail (CD_IS_AUDIT_LIST (self));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
cd_audit_list_set_entries (CdAuditList *self,
                           GPtrArray   *entries,
                           gboolean     append)
{
  GtkWidget *child;

  g_return_if_fail (CD_IS_AUDIT_LIST (self));
  g_return_if_fail (entries != NULL);

  if (!append)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
        gtk_list_box_remove (self->list_box, child);
      self->n_entries = 0;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const CdAuditEntry *entry = entries->pdata[i];
      /* A record's history holds its parts (a quote's lines): those say
       * which part they are. */
      gboolean other_table = self->filter.table_name != NULL
                             && g_strcmp0 (entry->table_name, self->filter.table_name) != 0;

      gtk_list_box_append (self->list_box, make_row (entry, self->show_record || other_table));
    }
  self->n_entries += entries->len;
  gtk_stack_set_visible_child_name (self->stack, self->n_entries > 0 ? "list" : "empty");
}

void
cd_audit_list_set_error (CdAuditList *self,
                         const char  *message)
{
  g_return_if_fail (CD_IS_AUDIT_LIST (self));
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

guint
cd_audit_list_get_n_entries (CdAuditList *self)
{
  g_return_val_if_fail (CD_IS_AUDIT_LIST (self), 0);
  return self->n_entries;
}

GtkListBox *
cd_audit_list_get_list_box (CdAuditList *self)
{
  g_return_val_if_fail (CD_IS_AUDIT_LIST (self), NULL);
  return self->list_box;
}

/* Reads hold the list weakly: a window closed meanwhile goes at once, and
 * the late answer is dropped. */
static void
on_page_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = cd_store_audit_query_finish (CD_STORE (source), result, &error);
  GWeakRef *ref = user_data;
  g_autoptr (CdAuditList) self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    {
      cd_audit_list_set_error (self, error->message);
      return;
    }
  cd_audit_list_set_entries (self, entries, self->filter.offset > 0);
  self->filter.offset += entries->len;
  gtk_widget_set_visible (self->more, entries->len == PAGE_SIZE);
  gtk_widget_set_sensitive (self->more, TRUE);
}

static void
load_page (CdAuditList *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  if (self->filter.offset == 0)
    cd_audit_list_set_loading (self);
  gtk_widget_set_sensitive (self->more, FALSE);
  g_weak_ref_init (ref, self);
  cd_store_audit_query_async (self->store, &self->filter, self->cancellable, on_page_read_cb, ref);
}

void
cd_audit_list_load (CdAuditList         *self,
                    CdStore             *store,
                    const CdAuditFilter *filter,
                    const char          *more_mnemonic)
{
  g_return_if_fail (CD_IS_AUDIT_LIST (self));
  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (filter != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->store, store);
  clear_filter (&self->filter);
  self->filter = *filter;
  self->filter.table_name = g_strdup (filter->table_name);
  self->filter.from = filter->from != NULL ? g_date_time_ref (filter->from) : NULL;
  self->filter.until = filter->until != NULL ? g_date_time_ref (filter->until) : NULL;
  self->filter.offset = 0;
  self->filter.limit = PAGE_SIZE;
  gtk_button_set_label (GTK_BUTTON (self->more), more_mnemonic);
  gtk_button_set_use_underline (GTK_BUTTON (self->more), TRUE);
  load_page (self);
}
