/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-money.h"
#include "gui/cd-finance-view.h"
#include "gui/cd-payment-receivables-window.h"
#include "gui/cd-supplier-payment-window.h"
#include "gui/cd-supplier-statement-window.h"
#include "reports/cd-supplier-sheet.h"
#include "reports/cd-work-order-summary.h"
#include "store/cd-store-month-end.h"

#define MONTHS_OFFERED 36

typedef enum
{
  VALUE_SUPPLIERS,
  VALUE_LINES,
  VALUE_AMOUNT,
  VALUE_TAX,
  VALUE_TOTAL,
  VALUE_PAYABLE,
  VALUE_NOT_PAYABLE,
  VALUE_WORK_ORDERS,
  VALUE_PEOPLE,
  N_VALUES
} Value;

typedef enum
{
  EXPORT_SUPPLIER_SHEET,
  EXPORT_WORK_ORDERS,
} ExportKind;

struct _CdFinanceView
{
  AdwBin           parent_instance;

  gboolean         load_when_mapped;  /* asked to load before it was first shown */

  CdContext       *context;
  GPtrArray       *months;            /* "YYYY-MM", newest first */
  GCancellable    *totals_cancellable;
  GCancellable    *export_cancellable;
  GFile           *exported;          /* the file of the last export */
  int              progress_permille; /* written by the export's thread */
  guint            progress_source;
  gboolean         loading;
  gboolean         updating_switch;

  AdwToastOverlay *toast_overlay;
  GtkDropDown     *month_dropdown;
  GtkSwitch       *per_supplier_switch;
  GtkSpinner      *spinner;
  GtkWidget       *progress_box;
  GtkProgressBar  *progress_bar;
  AdwActionRow    *rows[N_VALUES];
  GtkLabel        *values[N_VALUES];
};

G_DEFINE_FINAL_TYPE (CdFinanceView, cd_finance_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const row_names[N_VALUES] = {
  "suppliers_row", "lines_row", "amount_row", "tax_row", "total_row", "payable_row",
  "not_payable_row", "work_orders_row", "people_row",
};

/* ------------------------------------------------------------------ */

static CdStore *
get_store (CdFinanceView *self)
{
  return cd_context_get_store (self->context);
}

static void
update_actions (CdFinanceView *self)
{
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.export-supplier-sheet", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.export-work-orders", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.cancel-export", exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.open-folder", self->exported != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_dropdown), !exporting);
}

static char *
count_text (gint64 n)
{
  return g_strdup_printf ("%" PRId64, n);
}

static void
set_value (CdFinanceView *self, Value value, char *text)
{
  gtk_label_set_text (self->values[value], text);
  /* Screen readers read the row's title with its value. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->values[value]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_free (text);
}

static void
show_totals (CdFinanceView *self, const CdMonthTotals *t)
{
  set_value (self, VALUE_SUPPLIERS, count_text (t->suppliers));
  set_value (self, VALUE_LINES, count_text (t->lines));
  set_value (self, VALUE_AMOUNT, cd_money_format (t->amount_fen));
  set_value (self, VALUE_TAX, cd_money_format (t->tax_fen));
  set_value (self, VALUE_TOTAL, cd_money_format (t->total_fen));
  set_value (self, VALUE_PAYABLE, cd_money_format (t->payable_fen));
  set_value (self, VALUE_NOT_PAYABLE, count_text (t->not_payable));
  set_value (self, VALUE_WORK_ORDERS, count_text (t->work_orders));
  set_value (self, VALUE_PEOPLE, count_text (t->work_order_people));
  if (t->not_payable > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[VALUE_NOT_PAYABLE]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[VALUE_NOT_PAYABLE]), "warning");
}

static void
clear_totals (CdFinanceView *self)
{
  for (guint i = 0; i < N_VALUES; i++)
    set_value (self, i, g_strdup ("…"));
}

static void
set_loading (CdFinanceView *self, gboolean loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
toast (CdFinanceView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ------------------------------------------------------------------ */
/* Totals, loaded on a worker thread                                   */

static void
on_totals_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CdFinanceView) self = user_data;
  g_autoptr (GError) error = NULL;
  CdMonthTotals totals;

  if (!cd_store_month_totals_finish (CD_STORE (source), result, &totals, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_loading (self, FALSE);
      toast (self, error->message);
      return;
    }
  set_loading (self, FALSE);
  show_totals (self, &totals);
}

static void
load_totals (CdFinanceView *self)
{
  const char *month = cd_finance_view_get_month (self);

  /* A page nobody has looked at yet must not hold the store while the
   * window starts: its figures are read when it is first shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->load_when_mapped = TRUE;
      return;
    }
  self->load_when_mapped = FALSE;

  g_cancellable_cancel (self->totals_cancellable);
  g_clear_object (&self->totals_cancellable);
  if (month == NULL || self->context == NULL)
    return;

  self->totals_cancellable = g_cancellable_new ();
  clear_totals (self);
  set_loading (self, TRUE);
  cd_store_month_totals_async (get_store (self), month, self->totals_cancellable,
                               on_totals_loaded_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

/* Called on the export's thread: only stores the figure; a timeout on
 * the UI thread shows it. */
static void
export_progress_cb (double fraction, gpointer user_data)
{
  CdFinanceView *self = user_data;

  g_atomic_int_set (&self->progress_permille, (int) (fraction * 1000));
}

static gboolean
show_progress_cb (gpointer user_data)
{
  CdFinanceView *self = user_data;
  double fraction = g_atomic_int_get (&self->progress_permille) / 1000.0;
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), fraction * 100);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
end_export (CdFinanceView *self)
{
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (self->progress_box, FALSE);
  update_actions (self);
}

static void
show_export_error (CdFinanceView *self, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      toast (self, _("Export cancelled: no file was written"));
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                                       _("The Workbook Was Not Written"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_export_done (CdFinanceView *self)
{
  g_autofree char *name = g_file_get_basename (self->exported);
  g_autofree char *shown = g_filename_display_name (name);
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), shown);
  AdwToast *done = adw_toast_new (title);

  adw_toast_set_button_label (done, _("Open Folder"));
  adw_toast_set_action_name (done, "finance.open-folder");
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CdFinanceView) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == cd_supplier_sheet_export_async)
    ok = cd_supplier_sheet_export_finish (CD_STORE (source), result, &error);
  else
    ok = cd_work_order_summary_export_finish (CD_STORE (source), result, &error);

  end_export (self);
  if (!ok)
    {
      g_clear_object (&self->exported);
      update_actions (self);
      show_export_error (self, error);
      return;
    }
  show_export_done (self);
}

static void
start_export (CdFinanceView *self, ExportKind kind, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *month = cd_finance_view_get_month (self);

  if (path == NULL)
    {
      toast (self, _("Choose a file on this computer"));
      return;
    }
  g_set_object (&self->exported, file);
  self->export_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress_permille, 0);
  show_progress_cb (self);
  gtk_widget_set_visible (self->progress_box, TRUE);
  self->progress_source = g_timeout_add (100, show_progress_cb, self);
  update_actions (self);

  /* The view stays alive (and its progress field with it) until the
   * callback, which holds the reference. */
  if (kind == EXPORT_SUPPLIER_SHEET)
    cd_supplier_sheet_export_async (get_store (self), month, path,
                                    cd_supplier_sheet_default_flags (get_store (self)),
                                    export_progress_cb, self, self->export_cancellable,
                                    on_export_done_cb, g_object_ref (self));
  else
    cd_work_order_summary_export_async (get_store (self), month, path, export_progress_cb, self,
                                        self->export_cancellable, on_export_done_cb,
                                        g_object_ref (self));
}

typedef struct
{
  CdFinanceView *self;
  ExportKind     kind;
} Choice;

static void
on_file_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        start_export (choice->self, choice->kind, file);
    }
  g_object_unref (choice->self);
  g_free (choice);
  g_object_unref (dialog);
}

static void
choose_file (CdFinanceView *self, ExportKind kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *month = cd_finance_view_get_month (self);
  g_autofree char *name = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  Choice *choice;

  if (month == NULL)
    return;
  /* Translators: file names; %s is the month, such as 2026-03 */
  name = g_strdup_printf (kind == EXPORT_SUPPLIER_SHEET ? _("supplier-sheet-%s.xlsx")
                                                        : _("work-order-summary-%s.xlsx"),
                          month);
  dialog = gtk_file_chooser_native_new (kind == EXPORT_SUPPLIER_SHEET
                                          ? _("Export Supplier Sheet")
                                          : _("Export Work-Order Summary"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  choice = g_new0 (Choice, 1);
  choice->self = g_object_ref (self);
  choice->kind = kind;
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ */
/* Actions and callbacks                                               */

static void
export_supplier_sheet_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (CD_FINANCE_VIEW (widget), EXPORT_SUPPLIER_SHEET);
}

static void
export_work_orders_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (CD_FINANCE_VIEW (widget), EXPORT_WORK_ORDERS);
}

static void
cancel_export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_cancellable_cancel (CD_FINANCE_VIEW (widget)->export_cancellable);
}

static void
open_folder_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdFinanceView *self = CD_FINANCE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->exported == NULL)
    return;
  folder = g_file_get_parent (self->exported);
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_month_selected_cb (CdFinanceView *self)
{
  load_totals (self);
}

/* The option lives in the database, so that the CLI and every desktop of
 * the agency make the same workbook. */
static void
on_per_supplier_active_cb (CdFinanceView *self)
{
  g_autoptr (GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->per_supplier_switch);

  if (self->updating_switch || self->context == NULL)
    return;
  if (!cd_store_set_setting (get_store (self), CD_SETTING_SHEET_PER_SUPPLIER,
                             active ? "true" : "false", &error))
    toast (self, error->message);
}

static void
fill_months (CdFinanceView *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  for (int i = 0; i < MONTHS_OFFERED; i++)
    {
      g_autoptr (GDateTime) month = g_date_time_add_months (now, -i);
      g_autofree char *label = NULL;

      g_ptr_array_add (self->months, g_date_time_format (month, "%Y-%m"));
      /* Translators: a month in the month chooser, see g_date_time_format () */
      label = g_date_time_format (month, _("%B %Y"));
      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (labels));
}

/* ------------------------------------------------------------------ */

static void
cd_finance_view_constructed (GObject *object)
{
  CdFinanceView *self = CD_FINANCE_VIEW (object);

  G_OBJECT_CLASS (cd_finance_view_parent_class)->constructed (object);

  self->updating_switch = TRUE;
  gtk_switch_set_active (self->per_supplier_switch,
                         cd_supplier_sheet_default_flags (get_store (self))
                           & CD_SUPPLIER_SHEET_PER_SUPPLIER);
  self->updating_switch = FALSE;

  /* Last month: the one the month-end papers are about. */
  g_signal_connect_swapped (self->month_dropdown, "notify::selected",
                            G_CALLBACK (on_month_selected_cb), self);
  gtk_drop_down_set_selected (self->month_dropdown, 1);
  update_actions (self);
}

static void
cd_finance_view_dispose (GObject *object)
{
  CdFinanceView *self = CD_FINANCE_VIEW (object);

  g_cancellable_cancel (self->totals_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_FINANCE_VIEW);

  G_OBJECT_CLASS (cd_finance_view_parent_class)->dispose (object);
}

static void
cd_finance_view_finalize (GObject *object)
{
  CdFinanceView *self = CD_FINANCE_VIEW (object);

  g_clear_object (&self->totals_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->exported);
  g_clear_object (&self->context);
  g_ptr_array_unref (self->months);

  G_OBJECT_CLASS (cd_finance_view_parent_class)->finalize (object);
}

static void
cd_finance_view_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  CdFinanceView *self = CD_FINANCE_VIEW (object);

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
cd_finance_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdFinanceView *self = CD_FINANCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_finance_view_map (GtkWidget *widget)
{
  CdFinanceView *self = (CdFinanceView *) widget;

  GTK_WIDGET_CLASS (cd_finance_view_parent_class)->map (widget);
  if (self->load_when_mapped)
    load_totals (self);
}

/* ------------------------------------------------------------------ */
/* Payments to suppliers                                               */

static GtkWindow *
parent_window (CdFinanceView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_payment_recorded_cb (CdSupplierPaymentWindow *window, gint64 amount_fen, CdFinanceView *self)
{
  g_autofree char *amount = cd_money_format (amount_fen);
  /* Translators: %s is an amount such as ¥1,200.00 */
  g_autofree char *text = g_strdup_printf (_("Payment of %s recorded"), amount);

  toast (self, text);
  /* "Still to pay" changes with every payment. */
  load_totals (self);
}

static void
record_payment_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CdFinanceView *self = CD_FINANCE_VIEW (widget);
  GtkWindow *window;

  if (self->context == NULL)
    return;
  window = cd_supplier_payment_window_new (self->context, parent_window (self));
  g_signal_connect_object (window, "recorded", G_CALLBACK (on_payment_recorded_cb), self, 0);
  gtk_window_present (window);
}

static void
supplier_statement_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CdFinanceView *self = CD_FINANCE_VIEW (widget);

  if (self->context != NULL)
    gtk_window_present (cd_supplier_statement_window_new (self->context, parent_window (self)));
}

/* Receivables live beside the month-end papers because finance chases
 * them at the same time; the window reads its figures off the UI thread. */
static void
aged_receivables_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CdFinanceView *self = CD_FINANCE_VIEW (widget);

  if (self->context != NULL)
    cd_payment_receivables_window_present (widget, self->context);
}

static void
cd_finance_view_class_init (CdFinanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = cd_finance_view_map;

  object_class->constructed = cd_finance_view_constructed;
  object_class->dispose = cd_finance_view_dispose;
  object_class->finalize = cd_finance_view_finalize;
  object_class->get_property = cd_finance_view_get_property;
  object_class->set_property = cd_finance_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-finance-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdFinanceView, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdFinanceView, per_supplier_switch);
  gtk_widget_class_bind_template_child (widget_class, CdFinanceView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdFinanceView, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CdFinanceView, progress_bar);
  for (guint i = 0; i < N_VALUES; i++)
    gtk_widget_class_bind_template_child_full (widget_class, row_names[i], FALSE,
                                               G_STRUCT_OFFSET (CdFinanceView, rows)
                                                 + i * sizeof (gpointer));

  gtk_widget_class_install_action (widget_class, "finance.export-supplier-sheet", NULL,
                                   export_supplier_sheet_action);
  gtk_widget_class_install_action (widget_class, "finance.export-work-orders", NULL,
                                   export_work_orders_action);
  gtk_widget_class_install_action (widget_class, "finance.cancel-export", NULL,
                                   cancel_export_action);
  gtk_widget_class_install_action (widget_class, "finance.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "finance.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "finance.supplier-statement", NULL,
                                   supplier_statement_action);
  gtk_widget_class_install_action (widget_class, "finance.aged-receivables", NULL,
                                   aged_receivables_action);
}

static void
cd_finance_view_init (CdFinanceView *self)
{
  self->months = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The overlay is AdwBin's child, not a bound template child: AdwBin
   * unparents it itself, after gtk_widget_dispose_template (). */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  for (guint i = 0; i < N_VALUES; i++)
    {
      self->values[i] = GTK_LABEL (gtk_label_new ("…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->values[i]), "numeric");
      gtk_label_set_selectable (self->values[i], TRUE);
      adw_action_row_add_suffix (self->rows[i], GTK_WIDGET (self->values[i]));
    }
  g_signal_connect_swapped (self->per_supplier_switch, "notify::active",
                            G_CALLBACK (on_per_supplier_active_cb), self);
  fill_months (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/* Returns: (transfer floating): the Finance view's month-end part */
CdFinanceView *
cd_finance_view_new (CdContext *context)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return g_object_new (CD_TYPE_FINANCE_VIEW, "context", context, NULL);
}

const char *
cd_finance_view_get_month (CdFinanceView *self)
{
  guint selected;

  g_return_val_if_fail (CD_IS_FINANCE_VIEW (self), NULL);

  selected = gtk_drop_down_get_selected (self->month_dropdown);
  return selected < self->months->len ? g_ptr_array_index (self->months, selected) : NULL;
}

/* Where @month is in the list (newest first), adding an older or newer
 * month than those offered. */
static guint
month_position (CdFinanceView *self, const char *month)
{
  GtkStringList *labels = GTK_STRING_LIST (gtk_drop_down_get_model (self->month_dropdown));
  g_autoptr (GDateTime) first = NULL;
  g_autofree char *label = NULL;
  GDate date;
  guint i;

  for (i = 0; i < self->months->len; i++)
    {
      int order = strcmp (month, g_ptr_array_index (self->months, i));

      if (order == 0)
        return i;
      if (order > 0)
        break;
    }
  cd_month_parse (month, &date, NULL, NULL);
  first = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 0, 0, 0);
  label = g_date_time_format (first, _("%B %Y"));
  g_ptr_array_insert (self->months, (int) i, g_strdup (month));
  gtk_string_list_splice (labels, i, 0, (const char *const[]) { label, NULL });
  return i;
}

gboolean
cd_finance_view_set_month (CdFinanceView *self, const char *month)
{
  guint position;

  g_return_val_if_fail (CD_IS_FINANCE_VIEW (self), FALSE);

  if (!cd_month_parse (month, NULL, NULL, NULL))
    return FALSE;
  position = month_position (self, month);
  if (gtk_drop_down_get_selected (self->month_dropdown) == position)
    load_totals (self);
  else
    gtk_drop_down_set_selected (self->month_dropdown, position);
  return TRUE;
}

void
cd_finance_view_refresh (CdFinanceView *self)
{
  g_return_if_fail (CD_IS_FINANCE_VIEW (self));
  load_totals (self);
}

gboolean
cd_finance_view_is_busy (CdFinanceView *self)
{
  g_return_val_if_fail (CD_IS_FINANCE_VIEW (self), FALSE);
  return self->loading || self->export_cancellable != NULL;
}
