/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supplier statement window: a supplier, a period (YYYY-MM-DD, both
 * days included; default the year so far), then the statement read on a
 * worker thread. A bad date is refused with one sentence under the filters.
 * Export writes the statement shown, on a worker thread too. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-money.h"
#include "gui/cd-accessible.h"
#include "gui/cd-supplier-statement-window.h"
#include "gui/cd-tasks.h"
#include "reports/cd-supplier-statement.h"
#include "store/cd-store-month-end.h"

struct _CdSupplierStatementWindow
{
  AdwWindow     parent_instance;

  CdContext    *context;
  GCancellable *cancellable;
  GArray       *supplier_ids;   /* gint64, by drop-down position */
  GVariant     *statement;
  char         *from_text;
  char         *to_text;
  gboolean      ready;

  AdwToastOverlay *toasts;
  GtkDropDown  *supplier_drop;
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkLabel     *error_label;
  GtkWidget    *export_button;
  GtkStack     *stack;
  GtkListBox   *summary;
  GtkListBox   *entries;
};

G_DEFINE_FINAL_TYPE (CdSupplierStatementWindow, cd_supplier_statement_window, ADW_TYPE_WINDOW)

/* Reads hold the window weakly: a window closed meanwhile is finalized at
 * once (its parent may go next), and the late answer is dropped. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static gpointer
weak_ref_take (gpointer data)
{
  GWeakRef *ref = data;
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}

static gboolean
parse_date (const char *text, GDate *out)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static gint64
get_int (GVariant *dict, const char *key)
{
  gint64 value = 0;

  g_variant_lookup (dict, key, "x", &value);
  return value;
}

static const char *
get_text (GVariant *dict, const char *key)
{
  const char *value = "";

  if (!g_variant_lookup (dict, key, "&s", &value))
    value = "";
  return value;
}

static void
show_error (CdSupplierStatementWindow *self, GtkWidget *field, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
}

static GtkWidget *
money_row (const char *title, const char *subtitle, gint64 amount_fen, gint64 balance_fen,
           gboolean with_balance)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = cd_money_format (amount_fen);
  GtkWidget *amount_label = gtk_label_new (amount);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (amount_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label);
  if (with_balance)
    {
      g_autofree char *balance = cd_money_format (balance_fen);
      /* Translators: the running balance after a statement line */
      g_autofree char *text = g_strdup_printf (_("balance %s"), balance);
      GtkWidget *balance_label = gtk_label_new (text);

      gtk_widget_add_css_class (balance_label, "dim-label");
      gtk_widget_add_css_class (balance_label, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (balance_label), 20);
      gtk_label_set_xalign (GTK_LABEL (balance_label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), balance_label);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill (CdSupplierStatementWindow *self)
{
  g_autoptr (GVariant) entries = g_variant_lookup_value (self->statement, "entries", G_VARIANT_TYPE ("aa{sv}"));

  clear_list (self->summary);
  clear_list (self->entries);
  gtk_list_box_append (self->summary, money_row (_("Opening balance"), NULL,
                                                 get_int (self->statement, "opening_balance_fen"), 0, FALSE));
  gtk_list_box_append (self->summary, money_row (_("Became payable"), NULL,
                                                 get_int (self->statement, "charged_fen"), 0, FALSE));
  gtk_list_box_append (self->summary, money_row (_("Paid"), NULL,
                                                 get_int (self->statement, "paid_fen"), 0, FALSE));
  gtk_list_box_append (self->summary, money_row (_("Closing balance"), NULL,
                                                 get_int (self->statement, "closing_balance_fen"), 0, FALSE));
  for (gsize i = 0; entries != NULL && i < g_variant_n_children (entries); i++)
    {
      g_autoptr (GVariant) entry = g_variant_get_child_value (entries, i);
      gboolean payment = g_str_equal (get_text (entry, "kind"), "payment");
      /* Translators: a statement line: date, then "Payment" or "Order accepted", then the order number */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), get_text (entry, "date"),
                                                payment ? _("Payment") : _("Order accepted"),
                                                get_text (entry, "number"));

      gtk_list_box_append (self->entries,
                           money_row (title, get_text (entry, "reference"),
                                      payment ? -get_int (entry, "payment_fen") : get_int (entry, "charge_fen"),
                                      get_int (entry, "balance_fen"), TRUE));
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    entries != NULL && g_variant_n_children (entries) > 0 ? "statement" : "empty");
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
on_statement_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GVariant *statement = cd_store_supplier_statement_finish (CD_STORE (source), result, &error);
  g_autoptr (CdSupplierStatementWindow) self = weak_ref_take (user_data);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    {
      g_clear_pointer (&statement, g_variant_unref);
      return;
    }
  if (statement == NULL)
    {
      show_error (self, NULL, error->message);
      return;
    }
  g_clear_pointer (&self->statement, g_variant_unref);
  self->statement = statement;
  fill (self);
}

static gboolean
run (CdSupplierStatementWindow *self)
{
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  guint position = gtk_drop_down_get_selected (self->supplier_drop);
  GDate from, to;

  if (position == GTK_INVALID_LIST_POSITION || position >= self->supplier_ids->len)
    {
      show_error (self, GTK_WIDGET (self->supplier_drop), _("Choose a supplier."));
      return FALSE;
    }
  if (!parse_date (from_text, &from))
    {
      show_error (self, GTK_WIDGET (self->from_entry), _("The start date is not a date: write it as YYYY-MM-DD, e.g. 2026-01-01."));
      return FALSE;
    }
  if (!parse_date (to_text, &to))
    {
      show_error (self, GTK_WIDGET (self->to_entry), _("The end date is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31."));
      return FALSE;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      show_error (self, GTK_WIDGET (self->to_entry), _("The end date is before the start date."));
      return FALSE;
    }
  show_error (self, NULL, NULL);
  g_free (self->from_text);
  g_free (self->to_text);
  self->from_text = g_strdup (from_text);
  self->to_text = g_strdup (to_text);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_sensitive (self->export_button, FALSE);
  cd_store_supplier_statement_async (cd_context_get_store (self->context),
                                     g_array_index (self->supplier_ids, gint64, position), &from, &to,
                                     self->cancellable, on_statement_read_cb, weak_ref_new (self));
  return TRUE;
}

static void
on_show_cb (GtkWidget *widget, CdSupplierStatementWindow *self)
{
  run (self);
}

static void
on_suppliers_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_list_finish (CD_STORE (source), result, &error);
  g_autoptr (CdSupplierStatementWindow) self = weak_ref_take (user_data);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;
  self->ready = TRUE;
  if (rows == NULL)
    {
      show_error (self, NULL, error->message);
      return;
    }
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      gint64 id = get_int (row, "id");

      gtk_string_list_append (names, get_text (row, "name"));
      g_array_append_val (self->supplier_ids, id);
    }
  gtk_drop_down_set_model (self->supplier_drop, G_LIST_MODEL (names));
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CdSupplierStatementWindow *self = source;
  GError *error = NULL;

  if (cd_supplier_statement_export (self->statement, self->from_text, self->to_text, data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CdSupplierStatementWindow *self = CD_SUPPLIER_STATEMENT_WINDOW (source);
  g_autoptr (GError) error = NULL;

  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    cd_show_message (GTK_WINDOW (self), _("The Workbook Was Not Written"), error->message);
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Statement exported")));
}

static void
on_file_chosen_cb (GFile *file, gpointer user_data)
{
  g_autoptr (CdSupplierStatementWindow) self = user_data;
  g_autoptr (GTask) task = NULL;

  if (file == NULL || self->statement == NULL || self->stack == NULL)
    return;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  task = g_task_new (self, NULL, on_exported_cb, NULL);
  /* The statement is not replaced while the button is insensitive. */
  g_task_set_task_data (task, g_file_get_path (file), g_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_cb (GtkWidget *widget, CdSupplierStatementWindow *self)
{
  /* Translators: the suggested file name of a supplier statement; keep .xlsx */
  g_autofree char *name = g_strdup_printf (_("supplier-statement-%s-%s.xlsx"), self->from_text, self->to_text);

  cd_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Statement"), _("_Export"),
                  _("Excel workbooks"), "*.xlsx", name, on_file_chosen_cb, g_object_ref (self));
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
  return box;
}

static GtkEntry *
date_entry (CdSupplierStatementWindow *self, const char *name, const char *text)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (entry, _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_show_cb), self);
  return entry;
}

static GtkWidget *
make_filters (CdSupplierStatementWindow *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show"));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *year_start = g_date_time_format (now, "%Y-01-01");
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->supplier_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, expression));
  gtk_drop_down_set_enable_search (self->supplier_drop, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->supplier_drop), _("Supplier"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->supplier_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Supplier"), -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->supplier_drop), 220, -1);
  self->from_entry = date_entry (self, _("From date"), year_start);
  self->to_entry = date_entry (self, _("To date"), today);
  gtk_box_append (GTK_BOX (row), labelled (_("_Supplier"), GTK_WIDGET (self->supplier_drop)));
  gtk_box_append (GTK_BOX (row), labelled (_("_From"), GTK_WIDGET (self->from_entry)));
  gtk_box_append (GTK_BOX (row), labelled (_("_To"), GTK_WIDGET (self->to_entry)));
  gtk_widget_add_css_class (show, "suggested-action");
  gtk_widget_set_valign (show, GTK_ALIGN_END);
  g_signal_connect (show, "clicked", G_CALLBACK (on_show_cb), self);
  gtk_box_append (GTK_BOX (row), show);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (column), row);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->error_label));
  gtk_widget_set_halign (column, GTK_ALIGN_CENTER);
  g_object_set (column, "margin-top", 12, "margin-bottom", 6, "margin-start", 12, "margin-end", 12, NULL);
  return column;
}

static GtkListBox *
boxed_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
make_results (CdSupplierStatementWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *hint = adw_status_page_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->summary = boxed_list (_("Statement totals"));
  self->entries = boxed_list (_("Statement lines"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->entries));
  g_object_set (column, "margin-top", 6, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the statement"), -1);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (hint), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (hint), _("Choose a Supplier"));
  adw_status_page_set_description (ADW_STATUS_PAGE (hint), _("Pick a supplier and a period, then Show."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing in This Period"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("No order was accepted and nothing was paid between these dates."));
  gtk_stack_add_named (self->stack, hint, "hint");
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, scrolled, "statement");
  gtk_stack_set_visible_child_name (self->stack, "hint");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  return GTK_WIDGET (self->stack);
}

static void
build (CdSupplierStatementWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Supplier Statement"));
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 680);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_widget_set_tooltip_text (self->export_button, _("Export the statement to an Excel workbook"));
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), make_filters (self));
  gtk_box_append (GTK_BOX (box), make_results (self));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  cd_accessible_name_parts (GTK_WIDGET (self));
}

static void
cd_supplier_statement_window_dispose (GObject *object)
{
  CdSupplierStatementWindow *self = CD_SUPPLIER_STATEMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* A read still running holds this window past its parent's end: let go
   * of the parent now, while it is alive (GTK 4.8 would otherwise touch it
   * when this window is finalized). */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  self->stack = NULL;
  G_OBJECT_CLASS (cd_supplier_statement_window_parent_class)->dispose (object);
}

static void
cd_supplier_statement_window_finalize (GObject *object)
{
  CdSupplierStatementWindow *self = CD_SUPPLIER_STATEMENT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->supplier_ids, g_array_unref);
  g_clear_pointer (&self->statement, g_variant_unref);
  g_free (self->from_text);
  g_free (self->to_text);
  G_OBJECT_CLASS (cd_supplier_statement_window_parent_class)->finalize (object);
}

static void
cd_supplier_statement_window_class_init (CdSupplierStatementWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_supplier_statement_window_dispose;
  object_class->finalize = cd_supplier_statement_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_supplier_statement_window_init (CdSupplierStatementWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->supplier_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
}

GtkWindow *
cd_supplier_statement_window_new (CdContext *context,
                                  GtkWindow *parent)
{
  CdSupplierStatementWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_SUPPLIER_STATEMENT_WINDOW, NULL);
  self->context = g_object_ref (context);
  build (self);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  cd_store_list_async (cd_context_get_store (context), CD_KIND_SUPPLIERS, NULL, NULL, 0, 0,
                       self->cancellable, on_suppliers_read_cb, weak_ref_new (self));
  return GTK_WINDOW (self);
}

gboolean
cd_supplier_statement_window_is_ready (CdSupplierStatementWindow *self)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_STATEMENT_WINDOW (self), FALSE);
  return self->ready;
}

gboolean
cd_supplier_statement_window_show (CdSupplierStatementWindow *self,
                                   gint64                     supplier_id,
                                   const char                *from,
                                   const char                *to)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_STATEMENT_WINDOW (self), FALSE);

  for (guint i = 0; i < self->supplier_ids->len; i++)
    if (g_array_index (self->supplier_ids, gint64, i) == supplier_id)
      gtk_drop_down_set_selected (self->supplier_drop, i);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  return run (self);
}

GVariant *
cd_supplier_statement_window_get_statement (CdSupplierStatementWindow *self)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_STATEMENT_WINDOW (self), NULL);
  return self->statement;
}

gboolean
cd_supplier_statement_window_export (CdSupplierStatementWindow *self,
                                     const char                *path,
                                     GError                   **error)
{
  g_return_val_if_fail (CD_IS_SUPPLIER_STATEMENT_WINDOW (self), FALSE);

  if (self->statement == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Show a statement before exporting it."));
      return FALSE;
    }
  return cd_supplier_statement_export (self->statement, self->from_text, self->to_text, path, error);
}
