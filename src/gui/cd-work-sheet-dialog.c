/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The weekly / monthly work sheet (月、周工作表格) of one AM or AE on
 * screen: the period's projects, work orders issued / done / overdue,
 * visits and quotes sent; for a month, also the work-order summary HR
 * gets by the 3rd (per person: issued, done, on time, revision rounds,
 * hours); read on a worker thread; exported to Excel. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-accessible.h"
#include "gui/cd-work-sheet-dialog.h"
#include "reports/cd-work-sheet-export.h"
#include "store/cd-store-month-end.h"
#include "store/cd-store-projects.h"

struct _CdWorkSheetDialog
{
  AdwWindow     parent_instance;

  CdContext    *context;
  GCancellable *cancellable;
  GArray       *staff_ids;
  CdWorkSheet  *sheet;
  GPtrArray    *hr_lines;     /* the month's HR summary, one line a person */

  GtkDropDown  *person_drop;
  GtkDropDown  *period_drop;
  GtkEntry     *day_entry;
  GtkLabel     *summary_label;
  GtkListBox   *list;
  GtkButton    *export_button;
};

G_DEFINE_FINAL_TYPE (CdWorkSheetDialog, cd_work_sheet_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  gint64   staff_id;
  char    *from;
  char    *to;
  gboolean month;
} Query;

typedef struct
{
  CdWorkSheet *sheet;
  GPtrArray   *hr_lines;   /* NULL for a week */
} Reply;

static void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->sheet, cd_work_sheet_free);
  g_clear_pointer (&reply->hr_lines, g_ptr_array_unref);
  g_free (reply);
}

static gboolean
add_person (const CdWorkOrderPersonRow *row, gpointer user_data, GError **error)
{
  /* TRANSLATORS: one person's line of the monthly work-order summary for HR */
  g_ptr_array_add (user_data, g_strdup_printf (_("%s: issued %" PRId64 ", done %" PRId64
                                                 ", on time %" PRId64 ", revision rounds %"
                                                 PRId64 ", %.1f hours"),
                                               row->name != NULL ? row->name : _("Not assigned"), row->issued,
                                               row->done, row->on_time, row->revision_rounds,
                                               row->spent_minutes / 60.0));
  return TRUE;
}

static GPtrArray *
read_hr_lines (CdStore *store, const char *from, GError **error)
{
  g_autofree char *month = g_strndup (from, 7);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  CdMonthReader *reader = cd_month_reader_open (store, month, error);
  gboolean ok;

  if (reader == NULL)
    return NULL;
  ok = cd_month_reader_foreach_person (reader, add_person, lines, error);
  cd_month_reader_free (reader);
  return ok ? g_steal_pointer (&lines) : NULL;
}

static void
query_free (Query *q)
{
  g_free (q->from);
  g_free (q->to);
  g_free (q);
}

static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Query *q = data;
  GError *error = NULL;
  Reply *reply = g_new0 (Reply, 1);

  reply->sheet = cd_store_work_sheet (source, q->staff_id, q->from, q->to, NULL, &error);
  if (reply->sheet != NULL && q->month)
    reply->hr_lines = read_hr_lines (source, q->from, &error);
  if (reply->sheet == NULL || (q->month && reply->hr_lines == NULL))
    {
      reply_free (reply);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, reply, (GDestroyNotify) reply_free);
}

static void
add_line (CdWorkSheetDialog *self, const char *text, gboolean heading, gboolean overdue)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, heading ? 6 : 18);
  gtk_widget_set_margin_top (label, heading ? 10 : 2);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (overdue)
    gtk_widget_add_css_class (label, "overdue");
  gtk_list_box_append (self->list, label);
}

static const char *
s (GVariant *row, const char *key)
{
  const char *value = NULL;

  return g_variant_lookup (row, key, "&s", &value) ? value : "";
}

static void
show_sheet (CdWorkSheetDialog *self)
{
  CdWorkSheet *ws = self->sheet;
  g_autofree char *money = cd_money_format (ws->quotes_fen);
  g_autofree char *summary = NULL;
  GVariantIter iter;
  GVariant *row;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  summary = g_strdup_printf (_("%s, %s to %s: %zu projects; work orders issued %" PRId64
                               ", done %" PRId64 ", overdue %" PRId64 "; visits %"
                               PRId64 "; quotes sent %" PRId64 " (%s)"),
                             ws->staff_name, ws->from, ws->to, g_variant_n_children (ws->projects), ws->n_issued,
                             ws->n_done, ws->n_overdue, ws->n_visits, ws->n_quotes, money);
  gtk_label_set_text (self->summary_label, summary);
  add_line (self, _("Projects"), TRUE, FALSE);
  for (g_variant_iter_init (&iter, ws->projects); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      g_autofree char *t = g_strdup_printf ("%s  %s · %s · %s", s (row, "number"), s (row, "name"), s (row, "client"),
                                            cd_state_label ("project", s (row, "status")));
      add_line (self, t, FALSE, FALSE);
    }
  add_line (self, _("Work orders"), TRUE, FALSE);
  for (g_variant_iter_init (&iter, ws->work_orders); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 overdue = 0;
      g_autofree char *t = NULL;

      g_variant_lookup (row, "overdue", "x", &overdue);
      t = g_strdup_printf ("%s  %s · %s · %s · %s %s", s (row, "number"), s (row, "title"), s (row, "assignee"),
                           cd_state_label ("work_order", s (row, "status")), _("due"), s (row, "due_date"));
      add_line (self, t, FALSE, overdue != 0);
    }
  add_line (self, _("Visits"), TRUE, FALSE);
  for (g_variant_iter_init (&iter, ws->visits); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      g_autofree char *t = g_strdup_printf ("%s  %s · %s", s (row, "date"), s (row, "client"), s (row, "topic"));
      add_line (self, t, FALSE, FALSE);
    }
  add_line (self, _("Quotes sent"), TRUE, FALSE);
  for (g_variant_iter_init (&iter, ws->quotes); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 fen = 0;
      g_autofree char *amount = NULL;
      g_autofree char *t = NULL;

      g_variant_lookup (row, "total_fen", "x", &fen);
      amount = cd_money_format (fen);
      t = g_strdup_printf ("%s  %s · %s · %s", s (row, "sent_date"), s (row, "number"), s (row, "client"), amount);
      add_line (self, t, FALSE, FALSE);
    }
  if (self->hr_lines != NULL)
    {
      add_line (self, _("Work-order summary for HR"), TRUE, FALSE);
      for (guint i = 0; i < self->hr_lines->len; i++)
        add_line (self, g_ptr_array_index (self->hr_lines, i), FALSE, FALSE);
      if (self->hr_lines->len == 0)
        add_line (self, _("No work orders were issued this month."), FALSE, FALSE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
}

static void
on_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  Reply *reply = g_task_propagate_pointer (G_TASK (result), &error);
  CdWorkSheetDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CD_WORK_SHEET_DIALOG (data);
  if (reply == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  g_clear_pointer (&self->sheet, cd_work_sheet_free);
  g_clear_pointer (&self->hr_lines, g_ptr_array_unref);
  self->sheet = g_steal_pointer (&reply->sheet);
  self->hr_lines = g_steal_pointer (&reply->hr_lines);
  reply_free (reply);
  show_sheet (self);
}

static void
refresh (CdWorkSheetDialog *self)
{
  guint who = gtk_drop_down_get_selected (self->person_drop);
  g_autoptr (GTask) task = NULL;
  Query *q;

  if (who >= self->staff_ids->len)
    return;
  q = g_new0 (Query, 1);
  q->staff_id = g_array_index (self->staff_ids, gint64, who);
  q->month = gtk_drop_down_get_selected (self->period_drop) == 1;
  cd_work_sheet_period (gtk_editable_get_text (GTK_EDITABLE (self->day_entry)), q->month, &q->from, &q->to);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  task = g_task_new (cd_context_get_store (self->context), self->cancellable, on_read_cb, self);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, q, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, read_thread);
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CdWorkSheetDialog) self = data;
  g_autoptr (GError) error = NULL;

  if (!cd_work_sheet_export_finish (result, &error))
    gtk_label_set_text (self->summary_label, error->message);
}

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, CdWorkSheetDialog *self)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                           ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL && self->sheet != NULL)
    cd_work_sheet_export_async (cd_context_get_store (self->context), self->sheet->staff_id, self->sheet->from,
                                self->sheet->to, path, NULL, on_exported_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
on_export_clicked_cb (CdWorkSheetDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->sheet == NULL)
    return;
  name = g_strdup_printf ("%s %s.xlsx", self->sheet->staff_name, self->sheet->from);
  chooser = gtk_file_chooser_native_new (_("Export the Work Sheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkDropDown *
make_people (CdWorkSheetDialog *self)
{
  g_autoptr (GVariant) staff = cd_store_staff_for (cd_context_get_store (self->context), TRUE, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GVariantIter iter;
  GVariant *row;
  gint64 current = cd_context_get_current_staff (self->context);
  guint selected = 0;

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (staff != NULL)
    for (g_variant_iter_init (&iter, staff); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
      {
        gint64 id = 0;

        g_variant_lookup (row, "id", "x", &id);
        if (id == current)
          selected = self->staff_ids->len;
        g_array_append_val (self->staff_ids, id);
        gtk_string_list_append (names, s (row, "name"));
      }
  {
    GtkDropDown *drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));

    gtk_drop_down_set_selected (drop, selected);
    return drop;
  }
}

static void
build (CdWorkSheetDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  const char *periods[] = { _("Week"), _("Month"), NULL };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->export_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Export to Excel…")));
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->export_button));
  gtk_box_append (GTK_BOX (box), header);
  self->person_drop = make_people (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->person_drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Person"), -1);
  self->period_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (periods));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);
  self->day_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A day of the period"), -1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->person_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->period_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->day_entry));
  gtk_widget_set_margin_start (bar, 12);
  gtk_box_append (GTK_BOX (box), bar);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect_swapped (self->person_drop, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->period_drop, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->day_entry, "activate", G_CALLBACK (refresh), self);
}

static void
cd_work_sheet_dialog_dispose (GObject *object)
{
  CdWorkSheetDialog *self = CD_WORK_SHEET_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->sheet, cd_work_sheet_free);
  g_clear_pointer (&self->hr_lines, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_work_sheet_dialog_parent_class)->dispose (object);
}

static void
cd_work_sheet_dialog_class_init (CdWorkSheetDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cd_work_sheet_dialog_dispose;
}

static void
cd_work_sheet_dialog_init (CdWorkSheetDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 560);
  gtk_window_set_title (GTK_WINDOW (self), _("Work Sheets"));
}

CdWorkSheetDialog *
cd_work_sheet_dialog_new (CdContext *context, GtkWindow *parent)
{
  CdWorkSheetDialog *self = g_object_new (CD_TYPE_WORK_SHEET_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  build (self);
  cd_accessible_name_parts (GTK_WIDGET (self));
  refresh (self);
  return self;
}
