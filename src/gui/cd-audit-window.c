/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log search. Filters sit in a row above the results: a person,
 * a kind of record, and a date range typed as YYYY-MM-DD (either end may be
 * left empty). A date that is not one is refused with one sentence under
 * the filters and nothing is searched. Results are read a page at a time
 * on a worker thread; a new search cancels the one still running. Dates
 * are the user's local days, turned into UTC instants for the store. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "gui/cd-accessible.h"
#include "gui/cd-audit-list.h"
#include "gui/cd-audit-window.h"
#include "store/cd-store-audit-query.h"


struct _CdAuditWindow
{
  AdwWindow     parent_instance;

  CdContext    *context;
  GArray       *staff_ids;    /* gint64, by position in person_drop (0: anyone) */
  GStrv         tables;       /* by position - 1 in table_drop */

  GtkDropDown  *person_drop;
  GtkDropDown  *table_drop;
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkLabel     *error_label;
  CdAuditList  *list;
};

G_DEFINE_FINAL_TYPE (CdAuditWindow, cd_audit_window, ADW_TYPE_WINDOW)

/* "YYYY-MM-DD" as a local midnight; empty text is no bound. */
static gboolean
parse_day (const char *text, GDateTime **out, gboolean *empty)
{
  int y, m, d;
  char tail;

  *out = NULL;
  *empty = text == NULL || text[0] == '\0';
  if (*empty)
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = g_date_time_new_local (y, m, d, 0, 0, 0);
  return *out != NULL;
}

static void
show_error (CdAuditWindow *self, GtkEntry *field, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  if (field != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (field), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    for (guint i = 0; i < 2; i++)
      {
        GtkAccessible *entry = GTK_ACCESSIBLE (i == 0 ? self->from_entry : self->to_entry);
        gtk_accessible_reset_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        gtk_accessible_reset_state (entry, GTK_ACCESSIBLE_STATE_INVALID);
      }
}

/* Reads the filters; refuses a bad date with its reason. */
static gboolean
run_search (CdAuditWindow *self)
{
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) to = NULL;
  g_autoptr (GDateTime) until = NULL;
  CdAuditFilter filter = { 0 };
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  guint person = gtk_drop_down_get_selected (self->person_drop);
  guint table = gtk_drop_down_get_selected (self->table_drop);
  gboolean from_empty, to_empty;

  if (!parse_day (from_text, &from, &from_empty))
    {
      show_error (self, self->from_entry, _("The start date is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01."));
      return FALSE;
    }
  if (!parse_day (to_text, &to, &to_empty))
    {
      show_error (self, self->to_entry, _("The end date is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31."));
      return FALSE;
    }
  if (from != NULL && to != NULL && g_date_time_compare (from, to) > 0)
    {
      show_error (self, self->to_entry, _("The end date is before the start date."));
      return FALSE;
    }
  show_error (self, NULL, NULL);

  if (table > 0 && table <= g_strv_length (self->tables))
    filter.table_name = self->tables[table - 1];
  filter.staff_id = person < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, person) : 0;
  filter.from = from;
  /* The end date is included: search up to the next midnight. */
  if (to != NULL)
    filter.until = until = g_date_time_add_days (to, 1);
  cd_audit_list_load (self->list, cd_context_get_store (self->context), &filter, _("Show _More"));
  return TRUE;
}

static void
on_search_cb (GtkWidget *widget, CdAuditWindow *self)
{
  run_search (self);
}

static GtkWidget *
labelled (const char *mnemonic, GtkWidget *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  return box;
}

static void
name_widget (GtkWidget *widget, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkWidget *
make_person_drop (CdAuditWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GVariant) people = cd_store_audit_people (cd_context_get_store (self->context), NULL);
  gint64 anyone = 0;
  gint64 nobody = CD_AUDIT_NOBODY;
  GVariantIter iter;
  const char *name;
  gint64 id;

  /* Translators: the person filter of the audit log: no filter */
  gtk_string_list_append (names, _("Anyone"));
  g_array_append_val (self->staff_ids, anyone);
  /* Translators: the person filter of the audit log: changes made with no
   * current staff member (the command line, an import, another program) */
  gtk_string_list_append (names, _("No one recorded"));
  g_array_append_val (self->staff_ids, nobody);
  if (people != NULL)
    {
      g_variant_iter_init (&iter, people);
      while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
        {
          gtk_string_list_append (names, name);
          g_array_append_val (self->staff_ids, id);
        }
    }
  self->person_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_enable_search (self->person_drop, TRUE);
  name_widget (GTK_WIDGET (self->person_drop), _("Person"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_drop), _("Person"));
  return GTK_WIDGET (self->person_drop);
}

static GtkWidget *
make_table_drop (CdAuditWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  self->tables = cd_store_audit_tables (cd_context_get_store (self->context), NULL);
  if (self->tables == NULL)
    self->tables = g_new0 (char *, 1);
  /* Translators: the record filter of the audit log: no filter */
  gtk_string_list_append (names, _("All records"));
  for (guint i = 0; self->tables[i] != NULL; i++)
    {
      g_autofree char *label = cd_audit_table_label (self->tables[i]);
      gtk_string_list_append (names, label);
    }
  self->table_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  name_widget (GTK_WIDGET (self->table_drop), _("Kind of record"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_drop), _("Kind of record"));
  return GTK_WIDGET (self->table_drop);
}

static GtkEntry *
make_date_entry (CdAuditWindow *self, const char *name)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  /* Translators: the format of a date field; keep the Latin letters */
  gtk_entry_set_placeholder_text (entry, _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_input_purpose (entry, GTK_INPUT_PURPOSE_DIGITS);
  name_widget (GTK_WIDGET (entry), name);
  g_signal_connect (entry, "activate", G_CALLBACK (on_search_cb), self);
  return entry;
}

static GtkWidget *
make_filters (CdAuditWindow *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *search = gtk_button_new_with_mnemonic (_("_Search"));

  self->from_entry = make_date_entry (self, _("From date"));
  self->to_entry = make_date_entry (self, _("To date"));
  gtk_box_append (GTK_BOX (row), labelled (_("_Person"), make_person_drop (self)));
  gtk_box_append (GTK_BOX (row), labelled (_("_Records"), make_table_drop (self)));
  gtk_box_append (GTK_BOX (row), labelled (_("_From"), GTK_WIDGET (self->from_entry)));
  gtk_box_append (GTK_BOX (row), labelled (_("_To"), GTK_WIDGET (self->to_entry)));
  gtk_widget_add_css_class (search, "suggested-action");
  gtk_widget_set_valign (search, GTK_ALIGN_END);
  g_signal_connect (search, "clicked", G_CALLBACK (on_search_cb), self);
  gtk_box_append (GTK_BOX (row), search);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search problem"), -1);

  gtk_box_append (GTK_BOX (column), row);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->error_label));
  g_object_set (column, "margin-top", 12, "margin-bottom", 6, "margin-start", 12, "margin-end", 12, NULL);
  gtk_widget_set_halign (column, GTK_ALIGN_CENTER);
  return column;
}

static void
cd_audit_window_dispose (GObject *object)
{
  CdAuditWindow *self = CD_AUDIT_WINDOW (object);

  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  self->list = NULL;
  G_OBJECT_CLASS (cd_audit_window_parent_class)->dispose (object);
}

static void
cd_audit_window_finalize (GObject *object)
{
  CdAuditWindow *self = CD_AUDIT_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->tables, g_strfreev);
  G_OBJECT_CLASS (cd_audit_window_parent_class)->finalize (object);
}

static void
cd_audit_window_class_init (CdAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_audit_window_dispose;
  object_class->finalize = cd_audit_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_audit_window_init (CdAuditWindow *self)
{
  self->staff_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
}

static void
build (CdAuditWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Audit Log"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 700);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), make_filters (self));
  self->list = CD_AUDIT_LIST (cd_audit_list_new (TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_window_set_content (ADW_WINDOW (self), box);
  /* The drop-downs' buttons and search fields take their names. */
  cd_accessible_name_parts (GTK_WIDGET (self));
}

GtkWindow *
cd_audit_window_new (CdContext *context,
                     GtkWindow *parent)
{
  CdAuditWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_AUDIT_WINDOW, NULL);
  self->context = g_object_ref (context);
  build (self);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  /* Opens on the newest changes, unfiltered. */
  run_search (self);
  return GTK_WINDOW (self);
}

gboolean
cd_audit_window_search (CdAuditWindow *self,
                        gint64         staff_id,
                        const char    *table_name,
                        const char    *from,
                        const char    *to)
{
  guint person = 0;
  guint table = 0;

  g_return_val_if_fail (CD_IS_AUDIT_WINDOW (self), FALSE);

  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == staff_id)
      person = i;
  for (guint i = 0; table_name != NULL && self->tables[i] != NULL; i++)
    if (g_str_equal (self->tables[i], table_name))
      table = i + 1;
  gtk_drop_down_set_selected (self->person_drop, person);
  gtk_drop_down_set_selected (self->table_drop, table);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  return run_search (self);
}
