/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Work orders view: every work order of every project over the paged
 * model (a million rows cost a few pages), filtered by department, status,
 * assignee and due date, grouped by sorting on the grouping key (GTK 4.8
 * has no section headers), overdue rows marked; new, move, paper (PDF) and
 * the AM/AE work sheets. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "gui/cd-accessible.h"
#include "gui/cd-paged-columns.h"
#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "gui/cd-work-order-dialog.h"
#include "gui/cd-work-orders-view.h"
#include "gui/cd-work-sheet-dialog.h"
#include "reports/cd-work-order-pdf.h"
#include "store/cd-store-projects.h"

struct _CdWorkOrdersView
{
  AdwBin              parent_instance;

  CdContext          *context;
  CdPagedModel       *model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;

  GtkBox             *filter_box;
  GtkColumnView      *column_view;
  GtkMenuButton      *move_button;
  GtkLabel           *count_label;
  GtkDropDown        *group_drop;
  GtkDropDown        *department_drop;
  GtkDropDown        *status_drop;
  GtkDropDown        *due_drop;
  GtkDropDown        *assignee_drop;
  GArray             *assignee_ids;   /* gint64, index 0 = everyone */
  GObject            *watched_row;    /* selected, its page not read yet */
};

G_DEFINE_FINAL_TYPE (CdWorkOrdersView, cd_work_orders_view, ADW_TYPE_BIN)

/* Numbers and dates are never cut short: they are what people look for. */
static const CdPagedColumn columns[] = {
  { N_("Number"), "number", "number", CD_CELL_TEXT, NULL, 15, 15 },
  { N_("Title"), "title", "title", CD_CELL_TEXT, NULL, 24, 12, TRUE },
  { N_("Project"), "project", "project", CD_CELL_TEXT, NULL, 14, 14 },
  { N_("Department"), "department", "department", CD_CELL_DEPARTMENT, NULL, 10 },
  { N_("Assignee"), "assignee", "assignee", CD_CELL_TEXT, NULL, 8 },
  { N_("Issued"), "issued_date", "issued", CD_CELL_TEXT, NULL, 10, 10 },
  { N_("Due"), "due_date", "due", CD_CELL_TEXT, NULL, 10, 10 },
  { N_("Priority"), "priority", "priority", CD_CELL_PRIORITY, NULL, 6 },
  { N_("Status"), "status", "status", CD_CELL_STATE, "work_order", 10 },
  { N_("Hours"), "spent_minutes", "spent", CD_CELL_HOURS, NULL, 5 },
};

/* Group by: the sort key that brings each group together. */
static const char *const group_keys[] = { NULL, "assignee", "department", "due", "status" };
static const char *const group_labels[] = { N_("No grouping"), N_("By assignee"), N_("By department"),
                                            N_("By due date"), N_("By status (board)"), NULL };
static const char *const due_labels[] = { N_("Any due date"), N_("Due this week"), N_("Overdue"), NULL };

static gint64
selected_id (CdWorkOrdersView *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL && !cd_row_is_loading (row) ? cd_row_get_id (row) : 0;
}

static char *
selected_status (CdWorkOrdersView *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL && !cd_row_is_loading (row) ? cd_row_dup_string (row, "status") : NULL;
}

static GtkDropDown *
add_drop (CdWorkOrdersView *self, const char *const *labels, gboolean translate, const char *name)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop;

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, translate ? _(labels[i]) : labels[i]);
  drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (drop, name);
  gtk_box_append (self->filter_box, drop);
  return GTK_DROP_DOWN (drop);
}

static void
add_department_filter (CdWorkOrdersView *self)
{
  const char * const *keys = cd_work_order_departments ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_add (labels, (gpointer) _("All departments"));
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) cd_work_order_department_label (keys[i]));
  g_ptr_array_add (labels, NULL);
  self->department_drop = add_drop (self, (const char *const *) labels->pdata, FALSE, _("Department"));
}

static void
add_status_filter (CdWorkOrdersView *self)
{
  const char * const *names = cd_state_names ("work_order");
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_add (labels, (gpointer) _("All states"));
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) cd_state_label ("work_order", names[i]));
  g_ptr_array_add (labels, NULL);
  self->status_drop = add_drop (self, (const char *const *) labels->pdata, FALSE, _("Status"));
}

static void
add_assignee_filter (CdWorkOrdersView *self)
{
  g_autoptr (GVariant) staff = cd_store_staff_for (cd_context_get_store (self->context), FALSE, NULL);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GVariantIter iter;
  GVariant *row;
  gint64 none = 0;

  self->assignee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->assignee_ids, none);
  g_ptr_array_add (labels, g_strdup (_("Everyone")));
  if (staff != NULL)
    {
      g_variant_iter_init (&iter, staff);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = 0;
          const char *name = "";

          g_variant_lookup (row, "id", "x", &id);
          g_variant_lookup (row, "name", "&s", &name);
          g_array_append_val (self->assignee_ids, id);
          g_ptr_array_add (labels, g_strdup (name));
          g_variant_unref (row);
        }
    }
  g_ptr_array_add (labels, NULL);
  self->assignee_drop = add_drop (self, (const char *const *) labels->pdata, FALSE, _("Assignee"));
}

static GVariant *
build_filters (CdWorkOrdersView *self)
{
  GVariantDict dict;
  guint dep = gtk_drop_down_get_selected (self->department_drop);
  guint status = gtk_drop_down_get_selected (self->status_drop);
  guint due = gtk_drop_down_get_selected (self->due_drop);
  guint who = gtk_drop_down_get_selected (self->assignee_drop);

  g_variant_dict_init (&dict, NULL);
  if (dep > 0 && dep != GTK_INVALID_LIST_POSITION)
    g_variant_dict_insert (&dict, "department", "s", cd_work_order_departments ()[dep - 1]);
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    g_variant_dict_insert (&dict, "status", "s", cd_state_names ("work_order")[status - 1]);
  if (who > 0 && who < self->assignee_ids->len)
    g_variant_dict_insert (&dict, "assignee", "x", g_array_index (self->assignee_ids, gint64, who));
  if (due == 1)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      cd_work_sheet_period (NULL, FALSE, &from, &to);
      g_variant_dict_insert (&dict, "due-from", "s", from);
      g_variant_dict_insert (&dict, "due-to", "s", to);
    }
  else if (due == 2)
    g_variant_dict_insert (&dict, "overdue", "b", TRUE);
  return g_variant_dict_end (&dict);
}

static void
update_count (CdWorkOrdersView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u work order", "%u work orders", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
apply_query (CdWorkOrdersView *self)
{
  guint group = gtk_drop_down_get_selected (self->group_drop);

  cd_paged_model_set_filters (self->model, build_filters (self));
  if (group > 0 && group < G_N_ELEMENTS (group_keys))
    cd_paged_model_set_sort (self->model, group_keys[group], FALSE);
}

static void
update_move_menu (CdWorkOrdersView *self)
{
  g_autofree char *status = selected_status (self);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_auto (GStrv) next = status ? cd_state_next_states ("work_order", status) : NULL;

  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    {
      g_autofree char *action = g_strdup_printf ("work-orders.move::%s", next[i]);

      g_menu_append (menu, cd_state_label ("work_order", next[i]), action);
    }
  gtk_menu_button_set_menu_model (self->move_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), next != NULL && next[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "work-orders.pdf", selected_id (self) > 0);
}

static void
show_error (CdWorkOrdersView *self, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_filter_changed_cb (CdWorkOrdersView *self)
{
  apply_query (self);
}

static void
on_items_changed_cb (CdWorkOrdersView *self)
{
  update_count (self);
}

static void
unwatch_row (CdWorkOrdersView *self)
{
  if (self->watched_row != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_row, self);
  g_clear_object (&self->watched_row);
}

/* The model refills a stand-in row in place when its page arrives, without
 * a selection change: a row selected before then tells us itself. */
static void
on_selection_changed_cb (CdWorkOrdersView *self)
{
  GObject *row = gtk_single_selection_get_selected_item (self->selection);

  unwatch_row (self);
  if (row != NULL && cd_row_is_loading (row))
    {
      self->watched_row = g_object_ref (row);
      g_signal_connect_swapped (row, "notify::dict", G_CALLBACK (update_move_menu), self);
    }
  update_move_menu (self);
}

static void
on_saved_cb (CdWorkOrdersView *self)
{
  cd_paged_model_reload (self->model);
}

static void
move_to (CdWorkOrdersView *self, gint64 id, const char *to, const char *reason, const char *by)
{
  g_autoptr (GError) error = NULL;

  if (!cd_store_work_order_move (cd_context_get_store (self->context), id, to, NULL, reason, by, &error))
    show_error (self, _("The work order did not move"), error);
  cd_paged_model_reload (self->model);
}

static void
on_revision_response_cb (AdwMessageDialog *dialog, const char *response, CdWorkOrdersView *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  GtkEditable *by = g_object_get_data (G_OBJECT (dialog), "requested-by");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));

  if (g_strcmp0 (response, "send-back") == 0)
    move_to (self, id, "in_progress", gtk_editable_get_text (reason), gtk_editable_get_text (by));
}

/* Sending a review back is a revision round: ask why and who asked. */
static void
ask_revision (CdWorkOrdersView *self, gint64 id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Send Back for Revision?"),
                                              _("A revision round is recorded with its reason."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *reason = gtk_entry_new ();
  GtkWidget *by = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (by), _("Requested by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (by), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Requested by"), -1);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), by);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "send-back", _("_Send Back"), NULL);
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "requested-by", by);
  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (dialog, "response", G_CALLBACK (on_revision_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdWorkOrdersView *self = CD_WORK_ORDERS_VIEW (widget);
  g_autofree char *status = selected_status (self);
  const char *to = g_variant_get_string (param, NULL);
  gint64 id = selected_id (self);

  if (id == 0)
    return;
  if (g_strcmp0 (status, "in_review") == 0 && g_str_equal (to, "in_progress"))
    ask_revision (self, id);
  else
    move_to (self, id, to, NULL, NULL);
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdWorkOrdersView *self = CD_WORK_ORDERS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CdWorkOrderDialog *dialog = cd_work_order_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        0, 0);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_pdf_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CdWorkOrdersView) self = data;
  g_autoptr (GError) error = NULL;

  if (!cd_work_order_pdf_render_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("The work order could not be saved as PDF"), error);
}

static void
on_pdf_chooser_response_cb (GtkNativeDialog *chooser, int response, CdWorkOrdersView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "id"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    cd_work_order_pdf_render_async (cd_context_get_store (self->context), id, path, self->cancellable,
                                    on_pdf_done_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdWorkOrdersView *self = CD_WORK_ORDERS_VIEW (widget);
  gint64 id = selected_id (self);

  if (id > 0)
    cd_work_orders_view_save_pdf (self, id);
}

static void
work_sheets_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdWorkOrdersView *self = CD_WORK_ORDERS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CdWorkSheetDialog *dialog = cd_work_sheet_dialog_new (self->context,
                                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_activate_cb (CdWorkOrdersView *self, guint position)
{
  g_autoptr (GObject) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CdWorkOrderDialog *dialog;

  if (row == NULL || cd_row_is_loading (row))
    return;
  dialog = cd_work_order_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     cd_row_get_id (CD_ROW (row)), 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup (CdWorkOrdersView *self)
{
  self->model = cd_paged_model_new (cd_context_get_store (self->context), CD_KIND_WORK_ORDERS);
  cd_paged_model_set_fill_in_place (self->model, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  cd_paged_columns_add (self->column_view, columns, G_N_ELEMENTS (columns), NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  cd_paged_model_follow_sorter (self->model, gtk_column_view_get_sorter (self->column_view));

  self->group_drop = add_drop (self, group_labels, TRUE, _("Group work orders"));
  add_department_filter (self);
  add_status_filter (self);
  self->due_drop = add_drop (self, due_labels, TRUE, _("Due date"));
  add_assignee_filter (self);
  g_signal_connect_swapped (self->group_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->department_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->status_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->due_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->assignee_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  update_count (self);
  update_move_menu (self);
  cd_accessible_name_menu_button (self->move_button, _("Move To"));
  cd_accessible_name_parts (GTK_WIDGET (self));
}

static void
cd_work_orders_view_dispose (GObject *object)
{
  CdWorkOrdersView *self = CD_WORK_ORDERS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  unwatch_row (self);
  /* The column view still holds the model through the selection and pages
   * may arrive after this view is gone: stop listening first. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->assignee_ids, g_array_unref);
  G_OBJECT_CLASS (cd_work_orders_view_parent_class)->dispose (object);
}

static void
cd_work_orders_view_class_init (CdWorkOrdersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cd_work_orders_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-work-orders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWorkOrdersView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CdWorkOrdersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CdWorkOrdersView, move_button);
  gtk_widget_class_bind_template_child (widget_class, CdWorkOrdersView, count_label);
  gtk_widget_class_install_action (widget_class, "work-orders.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "work-orders.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "work-orders.pdf", NULL, pdf_action);
  gtk_widget_class_install_action (widget_class, "work-orders.work-sheets", NULL, work_sheets_action);
}

static void
cd_work_orders_view_init (CdWorkOrdersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  cd_paged_columns_ensure_style ();
}

CdWorkOrdersView *
cd_work_orders_view_new (CdContext *context)
{
  CdWorkOrdersView *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_WORK_ORDERS_VIEW, NULL);
  self->context = g_object_ref (context);
  setup (self);
  return self;
}

CdPagedModel *
cd_work_orders_view_get_model (CdWorkOrdersView *self)
{
  g_return_val_if_fail (CD_IS_WORK_ORDERS_VIEW (self), NULL);
  return self->model;
}

GtkColumnView *
cd_work_orders_view_get_column_view (CdWorkOrdersView *self)
{
  g_return_val_if_fail (CD_IS_WORK_ORDERS_VIEW (self), NULL);
  return self->column_view;
}

void
cd_work_orders_view_set_search (CdWorkOrdersView *self, const char *search)
{
  g_return_if_fail (CD_IS_WORK_ORDERS_VIEW (self));
  cd_paged_model_set_search (self->model, search && *search ? search : NULL);
}

/* Asks where to save the paper of work order @id, then renders it off the
 * UI thread. Also used by the project page. */
void
cd_work_orders_view_save_pdf (CdWorkOrdersView *self, gint64 id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (CdWorkOrder) order = cd_store_work_order_get (cd_context_get_store (self->context), id, NULL);
  g_autofree char *name = g_strdup_printf ("%s.pdf", order ? order->number : "work-order");

  chooser = gtk_file_chooser_native_new (_("Save the Work Order as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
