/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting window's second and third pages: the minutes with their
 * action items (each can become a work order, linked back), and the notice
 * to the client as text to paste, as a PDF, and its sent date. */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-calendar-grid.h"
#include "gui/cd-deadline-notifier.h"
#include "gui/cd-meeting-window-private.h"
#include "gui/cd-tasks.h"
#include "reports/cd-meeting-notice.h"
#include "store/cd-store-meetings.h"
#include "store/cd-store-projects.h"

static CdStore *
store_of (CdMeetingWindow *self)
{
  return cd_context_get_store (self->context);
}

static GtkWidget *
heading (GtkWidget  *box,
         const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* ------------------------------------------------------------------ */
/* Action items                                                        */

static void
on_done_toggled_cb (GtkCheckButton  *check,
                    CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cd-id"));

  if (!cd_store_meeting_action_done (store_of (self), id, gtk_check_button_get_active (check), &error))
    {
      cd_meeting_window_toast (self, error->message);
      cd_meeting_load_actions (self);
    }
}

static const char *
chosen_department (CdMeetingWindow *self)
{
  const char * const *keys = cd_work_order_departments ();
  guint selected = gtk_drop_down_get_selected (self->department);

  return selected < g_strv_length ((char **) keys) ? keys[selected] : keys[0];
}

static void
on_make_work_order_clicked_cb (GtkButton       *button,
                               CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-id"));

  if (cd_store_meeting_action_to_work_order (store_of (self), id, chosen_department (self), &error) <= 0)
    {
      /* The store says why in one sentence: no project, no owner, no due date. */
      cd_meeting_window_toast (self, error->message);
      return;
    }
  cd_meeting_window_toast (self, _("Work order issued for the action item."));
  cd_meeting_load_actions (self);
}

static GtkWidget *
action_row (CdMeetingWindow *self,
            GVariant        *row)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *done = gtk_check_button_new ();
  const char *text = cd_form_text (row, "text");
  const char *order = cd_form_text (row, "work_order_number");
  const char *owner = cd_form_text (row, "owner_name");
  const char *due = cd_form_text (row, "due_date");
  gboolean is_done = FALSE;
  gsize id = (gsize) cd_form_int (row, "id");
  g_autofree char *subtitle = NULL;
  g_autofree char *done_name = g_strdup_printf (_("Done: %s"), text);

  g_variant_lookup (row, "done", "b", &is_done);
  /* TRANSLATORS: an action item's owner and due date */
  subtitle = g_strdup_printf (_("Owner: %s · due %s"), *owner ? owner : _("nobody yet"), *due ? due : _("not set"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (done), is_done);
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, done_name, -1);
  g_object_set_data (G_OBJECT (done), "cd-id", GSIZE_TO_POINTER (id));
  g_signal_connect (done, "toggled", G_CALLBACK (on_done_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), done);
  if (cd_form_int (row, "work_order_id") > 0)
    {
      /* TRANSLATORS: %s is a work order number */
      g_autofree char *linked = g_strdup_printf (_("Work order %s"), order);
      GtkWidget *label = gtk_label_new (linked);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), label);
    }
  else
    {
      GtkWidget *make = gtk_button_new_with_label (_("Make Work Order"));
      g_autofree char *name = g_strdup_printf (_("Make work order: %s"), text);

      gtk_widget_set_valign (make, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (make), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (make), "cd-id", GSIZE_TO_POINTER (id));
      g_signal_connect (make, "clicked", G_CALLBACK (on_make_work_order_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), make);
    }
  return action_row;
}

void
cd_meeting_load_actions (CdMeetingWindow *self)
{
  g_autoptr(GVariant) rows = NULL;
  GVariantIter iter;
  GVariant *row;

  cd_form_clear (self->actions);
  if (self->meeting_id > 0)
    rows = cd_store_meeting_actions (store_of (self), self->meeting_id, NULL);
  if (rows == NULL || g_variant_n_children (rows) == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty),
                                     _("No action items yet: write one below with its owner and due date"));
      gtk_list_box_append (GTK_LIST_BOX (self->actions), empty);
      return;
    }
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gtk_list_box_append (GTK_LIST_BOX (self->actions), action_row (self, row));
      g_variant_unref (row);
    }
}

static void
on_add_action_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  GVariantDict dict;
  gint64 owner = cd_form_selected_id (self->action_owner, self->owner_ids);
  gint64 project = cd_form_selected_id (self->action_project, self->action_project_ids);
  const char *due = gtk_editable_get_text (self->action_due);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "text", "s", gtk_editable_get_text (self->action_text));
  if (owner > 0)
    g_variant_dict_insert (&dict, "owner_id", "x", owner);
  if (*due != '\0')
    g_variant_dict_insert (&dict, "due_date", "s", due);
  if (project > 0)
    g_variant_dict_insert (&dict, "project_id", "x", project);
  if (cd_store_meeting_add_action (store_of (self), self->meeting_id, g_variant_dict_end (&dict), &error) <= 0)
    {
      cd_meeting_window_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (self->action_text, "");
  cd_meeting_load_actions (self);
}

static GtkDropDown *
department_dropdown (GtkWidget *list)
{
  const char * const *keys = cd_work_order_departments ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) cd_work_order_department_label (keys[i]));
  g_ptr_array_add (labels, NULL);
  return cd_form_dropdown_row (list, _("Work orders go to"), (const char * const *) labels->pdata);
}

void
cd_meeting_build_minutes (CdMeetingWindow *self)
{
  GtkWidget *box = cd_form_page (self->stack, "minutes", _("Minutes"), "accessories-text-editor-symbolic");
  GtkWidget *form = cd_form_boxed_list ();
  GtkWidget *add;

  self->notes = cd_meeting_text_area (box, _("Notes"));
  self->decisions = cd_meeting_text_area (box, _("Decisions"));
  self->actions_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading (self->actions_group, _("Action Items"));
  self->actions = cd_form_boxed_list ();
  gtk_box_append (GTK_BOX (self->actions_group), self->actions);
  self->department = department_dropdown (form);
  self->action_text = cd_form_entry_row (form, _("New action item"));
  self->action_owner = cd_form_dropdown_row (form, _("Owner"), (const char *[]) { NULL });
  self->action_due = cd_form_entry_row (form, _("Due date (YYYY-MM-DD)"));
  self->action_project = cd_form_dropdown_row (form, _("Project of its work order"), (const char *[]) { NULL });
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->action_project),
                               _("Where a work order made from this item goes; the daily meeting has no project of its own"));
  gtk_box_append (GTK_BOX (self->actions_group), form);
  add = cd_form_button (_("_Add Action Item"), _("Add action item"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_action_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->actions_group), add);
  gtk_box_append (GTK_BOX (box), self->actions_group);
}

/* Open projects, for action items of meetings without one (the daily work
 * meeting assigns work across projects). One page: the newest 300. */
void
cd_meeting_fill_action_projects (CdMeetingWindow *self)
{
  gint64 count = cd_store_count (store_of (self), CD_KIND_PROJECTS, NULL);
  g_autoptr(GVariant) rows = cd_store_list (store_of (self), CD_KIND_PROJECTS, NULL, NULL,
                                            (guint) MAX (count - 300, 0), 300, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  gint64 none = 0;

  g_array_set_size (self->action_project_ids, 0);
  gtk_string_list_append (names, _("The meeting’s project"));
  g_array_append_val (self->action_project_ids, none);
  for (gsize i = rows != NULL ? g_variant_n_children (rows) : 0; i > 0; i--)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i - 1);
      const char *status = cd_form_text (row, "status");
      gint64 id = cd_form_int (row, "id");
      g_autofree char *text = NULL;

      if (g_str_equal (status, "closed") || g_str_equal (status, "cancelled"))
        continue;
      text = g_strdup_printf ("%s %s · %s", cd_form_text (row, "number"), cd_form_text (row, "name"),
                              cd_form_text (row, "client"));
      gtk_string_list_append (names, text);
      g_array_append_val (self->action_project_ids, id);
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->action_project, expression);
  gtk_drop_down_set_enable_search (self->action_project, TRUE);
  gtk_drop_down_set_model (self->action_project, G_LIST_MODEL (names));
}

void
cd_meeting_load_minutes (CdMeetingWindow *self,
                         GVariant        *meeting)
{
  gtk_text_buffer_set_text (self->notes, cd_form_text (meeting, "notes"), -1);
  gtk_text_buffer_set_text (self->decisions, cd_form_text (meeting, "decisions"), -1);
}

/* ------------------------------------------------------------------ */
/* The notice                                                          */

void
cd_meeting_load_notice (CdMeetingWindow *self,
                        GVariant        *meeting)
{
  const char *sent = cd_form_text (meeting, "notice_sent_on");
  g_autofree char *state = NULL;

  if (*sent != '\0')
    /* TRANSLATORS: %s is a date */
    state = g_strdup_printf (_("The notice was sent on %s."), sent);
  else
    state = g_strdup (_("No notice sent yet. Client meetings within two working days without one are flagged on the Today view."));
  gtk_label_set_label (self->notice_state, state);
}

/* The meeting and its attendees as the notice needs them. */
static gboolean
read_notice (CdMeetingWindow *self,
             GVariant       **meeting,
             GVariant       **attendees,
             CdLetterhead   **letterhead,
             GDate           *today)
{
  g_autoptr(GError) error = NULL;

  *meeting = cd_store_meeting_get (store_of (self), self->meeting_id, &error);
  if (*meeting == NULL)
    {
      cd_meeting_window_toast (self, error->message);
      return FALSE;
    }
  *attendees = cd_store_meeting_attendees (store_of (self), self->meeting_id, NULL);
  *letterhead = cd_letterhead_load (store_of (self));
  cd_clock_today (today);
  return TRUE;
}

static void
on_notice_text_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GVariant) meeting = NULL;
  g_autoptr(GVariant) attendees = NULL;
  g_autofree char *text = NULL;
  CdLetterhead *letterhead = NULL;
  GDate today;

  if (!read_notice (self, &meeting, &attendees, &letterhead, &today))
    return;
  text = cd_meeting_notice_text (meeting, attendees, letterhead, &today);
  g_clear_pointer (&letterhead, cd_letterhead_free);
  gtk_text_buffer_set_text (self->notice_text, text, -1);
  gtk_widget_set_visible (self->notice_view, TRUE);
}

static void
on_copy_clicked_cb (CdMeetingWindow *self)
{
  g_autofree char *text = NULL;

  if (!gtk_widget_get_visible (self->notice_view))
    on_notice_text_clicked_cb (self);
  text = cd_meeting_buffer_text (self->notice_text);
  if (*text == '\0')
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  cd_meeting_window_toast (self, _("Notice copied: paste it into a message or an e-mail."));
}

static void
on_pdf_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(CdMeetingWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) meeting = NULL;
  g_autoptr(GVariant) attendees = NULL;
  g_autofree char *path = NULL;
  CdLetterhead *letterhead = NULL;
  GDate today;
  gboolean ok;

  if (file == NULL || !read_notice (self, &meeting, &attendees, &letterhead, &today))
    return;
  path = g_file_get_path (file);
  ok = cd_meeting_notice_write_pdf (meeting, attendees, letterhead, &today, path, &error);
  g_clear_pointer (&letterhead, cd_letterhead_free);
  if (!ok)
    {
      cd_meeting_window_toast (self, error->message);
      return;
    }
  cd_meeting_window_toast (self, _("Notice PDF saved."));
}

static void
on_pdf_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GVariant) meeting = cd_store_meeting_get (store_of (self), self->meeting_id, NULL);
  /* TRANSLATORS: file name of a meeting notice; %s is the meeting number */
  g_autofree char *name = g_strdup_printf (_("Meeting notice %s.pdf"), cd_form_text (meeting, "number"));

  cd_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Meeting Notice"), _("_Save"),
                  _("PDF documents"), "*.pdf", name, on_pdf_chosen_cb, g_object_ref (self));
}

static void
on_mark_sent_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) meeting = NULL;
  g_autofree char *day = NULL;
  GDate today;

  cd_clock_today (&today);
  day = cd_calendar_iso (&today);
  if (!cd_store_meeting_mark_notice_sent (store_of (self), self->meeting_id, day, &error))
    {
      cd_meeting_window_toast (self, error->message);
      return;
    }
  meeting = cd_store_meeting_get (store_of (self), self->meeting_id, NULL);
  if (meeting != NULL)
    cd_meeting_load_notice (self, meeting);
}

void
cd_meeting_build_notice (CdMeetingWindow *self)
{
  GtkWidget *box = cd_form_page (self->stack, "notice", _("Notice"), "mail-send-symbolic");
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *text = cd_form_button (_("Notice _Text"), _("Notice text"));
  GtkWidget *copy = cd_form_button (_("_Copy to Clipboard"), _("Copy notice to clipboard"));
  GtkWidget *pdf = cd_form_button (_("Notice _PDF…"), _("Save notice as PDF"));
  GtkWidget *sent = cd_form_button (_("_Mark Notice Sent"), _("Mark notice sent"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  self->notice_group = box;
  heading (box, _("Notice to the Client"));
  self->notice_state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->notice_state, TRUE);
  gtk_label_set_xalign (self->notice_state, 0.0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notice_state));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), text);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), copy);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), pdf);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), sent);
  g_signal_connect_swapped (text, "clicked", G_CALLBACK (on_notice_text_clicked_cb), self);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (on_copy_clicked_cb), self);
  g_signal_connect_swapped (pdf, "clicked", G_CALLBACK (on_pdf_clicked_cb), self);
  g_signal_connect_swapped (sent, "clicked", G_CALLBACK (on_mark_sent_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notice text"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  self->notice_text = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  self->notice_view = frame;
  gtk_widget_set_visible (frame, FALSE);
  gtk_box_append (GTK_BOX (box), frame);
}
