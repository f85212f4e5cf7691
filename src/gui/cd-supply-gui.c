/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-supply-gui.h"
#include "gui/cd-window.h"

void
cd_supply_gui_present (GtkWindow *window, GtkWidget *parent)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (window, GTK_WINDOW (root));
      gtk_window_set_application (window, gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (window);
}

void
cd_supply_gui_toast (AdwToastOverlay *overlay, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
cd_supply_gui_toast_action (AdwToastOverlay *overlay, const char *message, const char *button_label,
                            const char *action_name)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  adw_toast_overlay_add_toast (overlay, toast);
}

typedef struct
{
  AdwToastOverlay *overlay;   /* weak */
  CdContext       *context;
  CdSupplyDoc      doc;
  gint64           id;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_weak_pointer (&job->overlay);
  g_clear_object (&job->context);
  g_free (job);
}

static void
on_pdf_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PdfJob *job = data;
  g_autoptr (GError) error = NULL;
  gboolean ok = cd_supply_pdf_render_finish (result, &error);

  if (job->overlay != NULL)
    cd_supply_gui_toast (job->overlay, ok ? _("PDF saved") : error->message);
  pdf_job_free (job);
}

static void
on_pdf_chosen_cb (GtkNativeDialog *chooser, int response, PdfJob *job)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    cd_supply_pdf_render_async (cd_context_get_store (job->context), job->doc, job->id, path, NULL,
                                on_pdf_done_cb, job);
  else
    pdf_job_free (job);
  g_object_unref (chooser);
}

void
cd_supply_gui_save_pdf (GtkWindow *window, AdwToastOverlay *overlay, CdContext *context, CdSupplyDoc doc,
                        gint64 id, const char *number, const char *title)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));
  g_autofree char *suggested = g_strdup_printf ("%s.pdf", number ? number : "document");
  PdfJob *job = g_new0 (PdfJob, 1);

  g_set_weak_pointer (&job->overlay, overlay);
  job->context = g_object_ref (context);
  job->doc = doc;
  job->id = id;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cd_supply_gui_reload_main (GtkWindow *window)
{
  for (GtkWindow *w = window; w != NULL; w = gtk_window_get_transient_for (w))
    if (CD_IS_WINDOW (w))
      {
        cd_window_reload (CD_WINDOW (w));
        return;
      }
}

char *
cd_supply_gui_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
cd_supply_gui_set_subtitle (AdwActionRow *row, const char *text)
{
  /* Rows take markup: a supplier named "A&B" must not break them. */
  g_autofree char *escaped = g_markup_escape_text (text != NULL && *text != '\0' ? text : "—", -1);

  adw_action_row_set_subtitle (row, escaped);
}

void
cd_supply_gui_clear_list (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

GtkWidget *
cd_supply_gui_empty_note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}
