/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The month's visits to review, read on a worker thread (a month of a large
 * agency's visits is a scan of the visit table), listed oldest first; each
 * row opens the client's file on its Visits tab, and the list is read again
 * when that window closes. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-client-page.h"
#include "gui/cd-client-review-window.h"
#include "store/cd-store-client-file.h"

struct _CdClientReviewWindow
{
  AdwWindow      parent_instance;

  CdContext     *context;
  char          *month;
  GCancellable  *cancellable;
  GtkStack      *stack;
  GtkListBox    *list;
  GtkLabel      *summary;
  AdwStatusPage *empty;
  gboolean       loading;
  guint          n_visits;
};

G_DEFINE_FINAL_TYPE (CdClientReviewWindow, cd_client_review_window, ADW_TYPE_WINDOW)

typedef struct
{
  char  *month;
  gint64 reviewer;
} Query;

static void
query_free (Query *query)
{
  g_free (query->month);
  g_free (query);
}

static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Query *query = data;
  CdStore *store = cd_context_get_store (CD_CLIENT_REVIEW_WINDOW (source)->context);
  GError *error = NULL;
  GVariant *rows = cd_store_visits_to_review (store, query->month, query->reviewer, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

static gboolean
on_client_page_closed_cb (CdClientReviewWindow *self);

static void
on_open_clicked_cb (GtkButton *button, CdClientReviewWindow *self)
{
  gint64 client = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-client"));
  CdClientPage *page = cd_client_page_present (GTK_WIDGET (self), self->context, client, "visits");

  g_signal_connect_object (page, "close-request", G_CALLBACK (on_client_page_closed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
add_visit_row (CdClientReviewWindow *self, GVariant *row)
{
  const char *client = "", *date = "", *staff = "", *topic = "";
  gint64 client_id = 0;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *button;

  g_variant_lookup (row, "client", "&s", &client);
  g_variant_lookup (row, "date", "&s", &date);
  g_variant_lookup (row, "staff", "&s", &staff);
  g_variant_lookup (row, "topic", "&s", &topic);
  g_variant_lookup (row, "client_id", "x", &client_id);
  title = g_strdup_printf ("%s · %s", date, client);
  subtitle = g_strdup_printf ("%s · %s", staff, topic);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  button = gtk_button_new_with_mnemonic (_("_Open…"));
  /* Translators: %s is a client's name */
  label = g_strdup_printf (_("Open the file of %s"), client);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "cd-client", GSIZE_TO_POINTER ((gsize) client_id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
  gtk_list_box_append (self->list, widget);
}

static void
show_rows (CdClientReviewWindow *self, GVariant *rows)
{
  GVariantIter iter;
  GVariant *row;
  GtkWidget *child;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_visits = g_variant_n_children (rows);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    add_visit_row (self, row);
  if (self->n_visits >= CD_STORE_VISITS_TO_REVIEW_MAX)
    summary = g_strdup_printf (_("The oldest %u visits of %s not reviewed yet; review them to see the next ones."),
                               self->n_visits, self->month);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit of %s not reviewed yet.",
                                            "%u visits of %s not reviewed yet.", self->n_visits),
                               self->n_visits, self->month);
  gtk_label_set_text (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack, self->n_visits > 0 ? "list" : "empty");
}

static void
on_read_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CdClientReviewWindow *self = CD_CLIENT_REVIEW_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (rows == NULL)
    {
      adw_status_page_set_title (self->empty, _("The visits could not be read"));
      adw_status_page_set_description (self->empty, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_rows (self, rows);
}

static void
reload (CdClientReviewWindow *self)
{
  g_autoptr (GTask) task = NULL;
  Query *query = g_new0 (Query, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  query->month = g_strdup (self->month);
  query->reviewer = cd_context_get_current_staff (self->context);
  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, on_read_done_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, read_thread);
}

/* The file's changes are saved as they are made: read the list again. */
static gboolean
on_client_page_closed_cb (CdClientReviewWindow *self)
{
  reload (self);
  return FALSE;  /* let it close */
}

static void
cd_client_review_window_dispose (GObject *object)
{
  CdClientReviewWindow *self = CD_CLIENT_REVIEW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->month, g_free);
  G_OBJECT_CLASS (cd_client_review_window_parent_class)->dispose (object);
}

static void
cd_client_review_window_class_init (CdClientReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cd_client_review_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_client_review_window_init (CdClientReviewWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Visits to review"), -1);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, scrolled, "list");
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "object-select-symbolic");
  adw_status_page_set_title (self->empty, _("Nothing left to review"));
  adw_status_page_set_description (self->empty,
    _("Every visit of this month that you may review has been reviewed."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_title (GTK_WINDOW (self), _("Visits to Review"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);
}

/**
 * cd_client_review_window_present:
 *
 * Returns: (transfer none): the window, shown, reading its list
 */
CdClientReviewWindow *
cd_client_review_window_present (GtkWidget *parent, CdContext *context, const char *month)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  CdClientReviewWindow *self;
  g_autoptr (GDateTime) now = NULL;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_CLIENT_REVIEW_WINDOW, NULL);
  self->context = g_object_ref (context);
  if (month == NULL)
    now = g_date_time_new_now_local ();
  self->month = month != NULL ? g_strdup (month) : g_date_time_format (now, "%Y-%m");
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
cd_client_review_window_get_loading (CdClientReviewWindow *self)
{
  g_return_val_if_fail (CD_IS_CLIENT_REVIEW_WINDOW (self), FALSE);
  return self->loading;
}

guint
cd_client_review_window_get_n_visits (CdClientReviewWindow *self)
{
  g_return_val_if_fail (CD_IS_CLIENT_REVIEW_WINDOW (self), 0);
  return self->n_visits;
}
