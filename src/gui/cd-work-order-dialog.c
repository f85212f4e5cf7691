/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The work order form: project, title, department, assignee, priority,
 * dates and requirements; time spent added in hours. The store checks
 * everything; its sentence is shown under the form and nothing is saved
 * half-way. Built in code: a plain list of labelled rows. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "gui/cd-accessible.h"
#include "gui/cd-history-button.h"
#include "gui/cd-work-order-dialog.h"
#include "store/cd-store-projects.h"

struct _CdWorkOrderDialog
{
  AdwWindow     parent_instance;

  CdContext    *context;
  gint64        id;
  GArray       *staff_ids;

  GtkEntry     *project_entry;
  GtkEntry     *title_entry;
  GtkDropDown  *department_drop;
  GtkDropDown  *assignee_drop;
  GtkDropDown  *priority_drop;
  GtkEntry     *issued_entry;
  GtkEntry     *due_entry;
  GtkTextView  *requirements_view;
  GtkEntry     *hours_entry;
  GtkLabel     *error_label;
  GtkBox       *status_box;   /* an existing work order's state and moves */
};

G_DEFINE_FINAL_TYPE (CdWorkOrderDialog, cd_work_order_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
name_widget (GtkWidget *widget, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
add_row (GtkGrid *grid, int row, const char *label, GtkWidget *field)
{
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (field, TRUE);
  name_widget (field, label);
  gtk_grid_attach (grid, caption, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

static GtkEntry *
add_entry (GtkGrid *grid, int row, const char *label, const char *hint)
{
  GtkWidget *entry = gtk_entry_new ();

  if (hint != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), hint);
  add_row (grid, row, label, entry);
  return GTK_ENTRY (entry);
}

static GtkDropDown *
add_drop (GtkGrid *grid, int row, const char *label, GPtrArray *labels)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop;

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));
  drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  add_row (grid, row, label, drop);
  return GTK_DROP_DOWN (drop);
}

static void
add_choices (CdWorkOrderDialog *self, GtkGrid *grid)
{
  g_autoptr (GPtrArray) deps = g_ptr_array_new ();
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) priorities = g_ptr_array_new ();
  g_autoptr (GVariant) staff = cd_store_staff_for (cd_context_get_store (self->context), FALSE, NULL);
  const char * const *keys = cd_work_order_departments ();
  GVariantIter iter;
  GVariant *row;
  gint64 none = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (deps, (gpointer) cd_work_order_department_label (keys[i]));
  self->department_drop = add_drop (grid, 2, _("Department"), deps);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->staff_ids, none);
  g_ptr_array_add (people, g_strdup (_("Not assigned yet")));
  if (staff != NULL)
    {
      g_variant_iter_init (&iter, staff);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = 0;
          const char *name = "";

          g_variant_lookup (row, "id", "x", &id);
          g_variant_lookup (row, "name", "&s", &name);
          g_array_append_val (self->staff_ids, id);
          g_ptr_array_add (people, g_strdup (name));
          g_variant_unref (row);
        }
    }
  self->assignee_drop = add_drop (grid, 3, _("Assignee"), people);
  for (int p = 1; p <= 3; p++)
    g_ptr_array_add (priorities, (gpointer) cd_work_order_priority_label (p));
  self->priority_drop = add_drop (grid, 4, _("Priority"), priorities);
  gtk_drop_down_set_selected (self->priority_drop, 1);
}

static void
build_form (CdWorkOrderDialog *self, GtkBox *content)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  self->project_entry = add_entry (grid, 0, _("Project number"), NULL);
  self->title_entry = add_entry (grid, 1, _("Title"), NULL);
  add_choices (self, grid);
  self->issued_entry = add_entry (grid, 5, _("Issued"), _("YYYY-MM-DD (today when empty)"));
  self->due_entry = add_entry (grid, 6, _("Due"), _("YYYY-MM-DD"));
  self->hours_entry = add_entry (grid, 7, _("Add hours spent"), _("such as 1.5"));
  self->requirements_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->requirements_view, GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (scroller, -1, 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->requirements_view));
  gtk_widget_add_css_class (scroller, "card");
  add_row (grid, 8, _("Requirements (format, sizes, copy, references)"), scroller);
  name_widget (GTK_WIDGET (self->requirements_view), _("Requirements"));
  gtk_box_append (content, GTK_WIDGET (grid));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (content, GTK_WIDGET (self->error_label));
}

static char *
requirements_text (CdWorkOrderDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->requirements_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CdWorkOrder *
read_form (CdWorkOrderDialog *self, GError **error)
{
  CdStore *store = cd_context_get_store (self->context);
  g_autoptr (CdWorkOrder) order = self->id ? cd_store_work_order_get (store, self->id, error) : cd_work_order_new ();
  guint dep = gtk_drop_down_get_selected (self->department_drop);
  guint who = gtk_drop_down_get_selected (self->assignee_drop);

  if (order == NULL)
    return NULL;
  order->project_id = cd_store_project_find (store, gtk_editable_get_text (GTK_EDITABLE (self->project_entry)), error);
  if (order->project_id == 0)
    return NULL;
  g_free (order->title);
  order->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  g_free (order->department);
  order->department = g_strdup (cd_work_order_departments ()[MIN (dep, 4)]);
  order->assignee_id = who < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, who) : 0;
  order->priority = (int) gtk_drop_down_get_selected (self->priority_drop) + 1;
  g_free (order->issued_date);
  order->issued_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issued_entry)));
  g_free (order->due_date);
  order->due_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_entry)));
  g_free (order->requirements);
  order->requirements = requirements_text (self);
  if (order->issued_by == 0)
    order->issued_by = cd_context_get_current_staff (self->context);
  return g_steal_pointer (&order);
}

static void
on_save_clicked_cb (CdWorkOrderDialog *self)
{
  CdStore *store = cd_context_get_store (self->context);
  const char *hours = gtk_editable_get_text (GTK_EDITABLE (self->hours_entry));
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWorkOrder) order = NULL;
  gint64 minutes = 0;

  /* Check the hours before anything is written: nothing is saved half-way. */
  if (*hours != '\0' && !cd_work_order_parse_hours (hours, &minutes, &error))
    goto refused;
  order = read_form (self, &error);
  if (order == NULL)
    goto refused;
  order->spent_minutes += minutes;
  if (!cd_store_work_order_save (store, order, &error))
    goto refused;
  self->id = order->id;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, order->id);
  gtk_window_close (GTK_WINDOW (self));
  return;

refused:
  gtk_label_set_text (self->error_label, error->message);
}

static void show_status (CdWorkOrderDialog *self, const char *status);

static void
on_move_clicked_cb (GtkButton *button, CdWorkOrderDialog *self)
{
  CdStore *store = cd_context_get_store (self->context);
  const char *to = g_object_get_data (G_OBJECT (button), "cd-to");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWorkOrder) order = NULL;

  if (!cd_store_work_order_move (store, self->id, to, NULL, NULL, NULL, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  gtk_label_set_text (self->error_label, "");
  order = cd_store_work_order_get (store, self->id, NULL);
  show_status (self, order != NULL ? order->status : to);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->id);
}

/* The state and a button for each move forward. A cancel and a revision
 * round (back from review, with its reason) stay in the Work orders view's
 * Move To menu, which asks for the reason. */
static void
show_status (CdWorkOrderDialog *self, const char *status)
{
  g_auto (GStrv) next = cd_state_next_states ("work_order", status);
  g_autofree char *text = g_strdup_printf (_("Status: %s"), cd_state_label ("work_order", status));
  GtkWidget *child;
  GtkWidget *label;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->status_box))) != NULL)
    gtk_box_remove (self->status_box, child);
  label = gtk_label_new (text);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  name_widget (label, text);
  gtk_box_append (self->status_box, label);
  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    {
      g_autofree char *move = NULL;
      GtkWidget *button;

      if (g_str_equal (next[i], "cancelled")
          || (g_str_equal (status, "in_review") && g_str_equal (next[i], "in_progress")))
        continue;
      move = g_strdup_printf (_("Move to %s"), cd_state_label ("work_order", next[i]));
      button = gtk_button_new_with_label (move);
      g_object_set_data_full (G_OBJECT (button), "cd-to", g_strdup (next[i]), g_free);
      name_widget (button, move);
      g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), self);
      gtk_box_append (self->status_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), TRUE);
}

static void
fill (CdWorkOrderDialog *self, gint64 project_id)
{
  CdStore *store = cd_context_get_store (self->context);
  g_autoptr (CdWorkOrder) order = self->id ? cd_store_work_order_get (store, self->id, NULL) : NULL;
  g_autoptr (CdProject) project = NULL;

  if (order == NULL)
    {
      project = project_id ? cd_store_project_get (store, project_id, NULL) : NULL;
      if (project != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->project_entry), project->number);
      return;
    }
  gtk_window_set_title (GTK_WINDOW (self), order->number);
  show_status (self, order->status);
  gtk_editable_set_text (GTK_EDITABLE (self->project_entry), order->project_number);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), order->title);
  for (guint i = 0; cd_work_order_departments ()[i] != NULL; i++)
    if (g_strcmp0 (cd_work_order_departments ()[i], order->department) == 0)
      gtk_drop_down_set_selected (self->department_drop, i);
  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == order->assignee_id)
      gtk_drop_down_set_selected (self->assignee_drop, i);
  gtk_drop_down_set_selected (self->priority_drop, CLAMP (order->priority, 1, 3) - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->issued_entry), order->issued_date);
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), order->due_date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->requirements_view),
                            order->requirements ? order->requirements : "", -1);
}

static void
build (CdWorkOrderDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  if (self->id > 0)
    adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                               cd_history_button_new (self->context, "work_order", self->id));
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  self->status_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_box));
  build_form (self, GTK_BOX (content));
  gtk_box_append (GTK_BOX (toolbar), content);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
cd_work_order_dialog_dispose (GObject *object)
{
  CdWorkOrderDialog *self = CD_WORK_ORDER_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (cd_work_order_dialog_parent_class)->dispose (object);
}

static void
cd_work_order_dialog_class_init (CdWorkOrderDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cd_work_order_dialog_dispose;
  /**
   * CdWorkOrderDialog::saved:
   * @id: the work order's id
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cd_work_order_dialog_init (CdWorkOrderDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  gtk_window_set_title (GTK_WINDOW (self), _("New Work Order"));
}

/**
 * cd_work_order_dialog_new:
 * @id: the work order to edit, 0 for a new one
 * @project_id: for a new one, its project (0: typed in)
 */
CdWorkOrderDialog *
cd_work_order_dialog_new (CdContext *context, GtkWindow *parent, gint64 id, gint64 project_id)
{
  CdWorkOrderDialog *self = g_object_new (CD_TYPE_WORK_ORDER_DIALOG, "modal", TRUE,
                                          "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->id = id;
  build (self);
  fill (self, project_id);
  cd_accessible_name_parts (GTK_WIDGET (self));
  return self;
}
