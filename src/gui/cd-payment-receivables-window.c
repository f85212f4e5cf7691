/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-payment-receivables-window.h"
#include "store/cd-store-contracts.h"

/* The table's columns after the name: the totals of a CdReceivableTotal. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_OUTSTANDING,
  COLUMN_OVERDUE,
  COLUMN_NOT_DUE,
  COLUMN_0_30,
  COLUMN_31_60,
  COLUMN_61_90,
  COLUMN_OVER_90,
  N_COLUMNS
} Column;

struct _CdPaymentReceivablesWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;
  char            *as_of;          /* nullable: today */
  GCancellable    *cancellable;
  GPtrArray       *by_client;      /* CdReceivableTotal */
  GPtrArray       *by_contract;
  CdReceivableTotal all;           /* the sum of every row */
  GtkStringList   *rows;           /* each row's index in the shown array; "all" for the sum */
  gboolean         loaded;

  AdwWindowTitle  *window_title;
  GtkToggleButton *by_client_button;
  GtkLabel        *summary_label;
  GtkColumnView   *table;
};

G_DEFINE_FINAL_TYPE (CdPaymentReceivablesWindow, cd_payment_receivables_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KEY_COLUMN "cd-column"

static GPtrArray *
shown (CdPaymentReceivablesWindow *self)
{
  return gtk_toggle_button_get_active (self->by_client_button) ? self->by_client : self->by_contract;
}

static const CdReceivableTotal *
total_for (CdPaymentReceivablesWindow *self, const char *key)
{
  GPtrArray *totals = shown (self);
  guint64 index = 0;

  if (g_strcmp0 (key, "all") == 0)
    return &self->all;
  if (totals == NULL || !g_ascii_string_to_unsigned (key, 10, 0, G_MAXUINT, &index, NULL)
      || index >= totals->len)
    return NULL;
  return g_ptr_array_index (totals, index);
}

static char *
cell_text (const CdReceivableTotal *t, Column column)
{
  switch (column)
    {
    case COLUMN_NAME:        return g_strdup (t->label ? t->label : "");
    case COLUMN_OUTSTANDING: return cd_money_format (t->outstanding_fen);
    case COLUMN_OVERDUE:     return cd_money_format (t->overdue_fen);
    case COLUMN_NOT_DUE:     return cd_money_format (t->bucket_fen[CD_AGING_NOT_DUE]);
    case COLUMN_0_30:        return cd_money_format (t->bucket_fen[CD_AGING_0_30]);
    case COLUMN_31_60:       return cd_money_format (t->bucket_fen[CD_AGING_31_60]);
    case COLUMN_61_90:       return cd_money_format (t->bucket_fen[CD_AGING_61_90]);
    case COLUMN_OVER_90:     return cd_money_format (t->bucket_fen[CD_AGING_OVER_90]);
    case N_COLUMNS:
    default:                 return g_strdup ("");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), KEY_COLUMN));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NAME ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == COLUMN_NAME ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CdPaymentReceivablesWindow *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), KEY_COLUMN));
  GtkStringObject *key = gtk_list_item_get_item (item);
  const char *index = gtk_string_object_get_string (key);
  const CdReceivableTotal *t = total_for (self, index);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = t ? cell_text (t, column) : g_strdup ("");

  gtk_label_set_text (GTK_LABEL (label), text);
  /* The sum row reads as such. */
  if (g_strcmp0 (index, "all") == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
add_column (CdPaymentReceivablesWindow *self, Column column, const char *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), KEY_COLUMN, GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, column == COLUMN_NAME);
  gtk_column_view_append_column (self->table, col);
}

static void
fill_rows (CdPaymentReceivablesWindow *self)
{
  GPtrArray *totals = shown (self);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *outstanding = cd_money_format (self->all.outstanding_fen);
  g_autofree char *overdue = cd_money_format (self->all.overdue_fen);
  g_autofree char *summary = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; totals != NULL && i < totals->len; i++)
    g_ptr_array_add (keys, g_strdup_printf ("%u", i));
  if (totals != NULL && totals->len > 0)
    g_ptr_array_add (keys, g_strdup ("all"));
  g_ptr_array_add (keys, NULL);
  gtk_string_list_splice (self->rows, 0, n, (const char *const *) keys->pdata);
  if (totals == NULL)
    return;
  summary = totals->len == 0
    ? g_strdup (_("Nothing is owed on signed contracts."))
    : g_strdup_printf (ngettext ("%s still owed by %u client, %s of it past due.",
                                    "%s still owed by %u clients, %s of it past due.", self->by_client->len),
                       outstanding, self->by_client->len, overdue);
  gtk_label_set_text (self->summary_label, summary);
}

static void
on_grouping_toggled_cb (CdPaymentReceivablesWindow *self)
{
  fill_rows (self);
}

static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *items = cd_store_receivables (CD_STORE (source), data, 0, 0, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CdPaymentReceivablesWindow) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;
  self->loaded = TRUE;
  if (items == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  self->by_client = cd_receivables_by_client (items);
  self->by_contract = cd_receivables_by_contract (items);
  self->all.label = g_strdup (_("All"));
  for (guint i = 0; i < self->by_client->len; i++)
    {
      const CdReceivableTotal *t = g_ptr_array_index (self->by_client, i);

      for (guint b = 0; b < CD_AGING_N_BUCKETS; b++)
        self->all.bucket_fen[b] += t->bucket_fen[b];
      self->all.outstanding_fen += t->outstanding_fen;
      self->all.overdue_fen += t->overdue_fen;
    }
  fill_rows (self);
}

static void
cd_payment_receivables_window_dispose (GObject *object)
{
  CdPaymentReceivablesWindow *self = CD_PAYMENT_RECEIVABLES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PAYMENT_RECEIVABLES_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->by_client, g_ptr_array_unref);
  g_clear_pointer (&self->by_contract, g_ptr_array_unref);
  g_clear_pointer (&self->all.label, g_free);
  g_clear_pointer (&self->as_of, g_free);
  G_OBJECT_CLASS (cd_payment_receivables_window_parent_class)->dispose (object);
}

static void
cd_payment_receivables_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                            GParamSpec *pspec)
{
  CdPaymentReceivablesWindow *self = CD_PAYMENT_RECEIVABLES_WINDOW (object);

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
cd_payment_receivables_window_class_init (CdPaymentReceivablesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_payment_receivables_window_dispose;
  object_class->set_property = cd_payment_receivables_window_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-payment-receivables-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPaymentReceivablesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdPaymentReceivablesWindow, by_client_button);
  gtk_widget_class_bind_template_child (widget_class, CdPaymentReceivablesWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CdPaymentReceivablesWindow, table);
  gtk_widget_class_bind_template_callback (widget_class, on_grouping_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_payment_receivables_window_init (CdPaymentReceivablesWindow *self)
{
  const char *titles[N_COLUMNS] = {
    _("Client or contract"), _("Outstanding"), _("Past due"), _("Not due"),
    _("0–30 days"), _("31–60 days"), _("61–90 days"), _("Over 90 days"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->table,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  for (Column c = 0; c < N_COLUMNS; c++)
    add_column (self, c, titles[c]);
}

CdPaymentReceivablesWindow *
cd_payment_receivables_window_new (CdContext *context, const char *as_of)
{
  CdPaymentReceivablesWindow *self;
  g_autoptr (GTask) task = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_PAYMENT_RECEIVABLES_WINDOW, "context", context, NULL);
  self->as_of = g_strdup (as_of);
  subtitle = as_of ? g_strdup_printf (_("As of %s, installments of signed contracts"), as_of)
                   : g_strdup (_("As of today, installments of signed contracts"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  task = g_task_new (cd_context_get_store (context), self->cancellable, on_read_cb, g_object_ref (self));
  g_task_set_source_tag (task, cd_payment_receivables_window_new);
  g_task_set_task_data (task, g_strdup (as_of), g_free);
  g_task_run_in_thread (task, read_thread);
  return self;
}

CdPaymentReceivablesWindow *
cd_payment_receivables_window_present (GtkWidget *widget, CdContext *context)
{
  CdPaymentReceivablesWindow *self = cd_payment_receivables_window_new (context, NULL);
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
cd_payment_receivables_window_is_loaded (CdPaymentReceivablesWindow *self)
{
  g_return_val_if_fail (CD_IS_PAYMENT_RECEIVABLES_WINDOW (self), FALSE);
  return self->loaded;
}
