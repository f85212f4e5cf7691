/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-accessible.h"
#include "gui/cd-calendar-grid.h"
#include "gui/cd-deadline-notifier.h"
#include "gui/cd-meeting-window-private.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-meetings.h"

G_DEFINE_FINAL_TYPE (CdMeetingWindow, cd_meeting_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the drop-down. */
static const char *const kind_keys[] = {
  CD_MEETING_CLIENT, CD_MEETING_PLANNING, CD_MEETING_PROPOSAL, CD_MEETING_DAILY, CD_MEETING_OTHER,
};

static CdStore *
store_of (CdMeetingWindow *self)
{
  return cd_context_get_store (self->context);
}

void
cd_meeting_window_toast (CdMeetingWindow *self,
                         const char      *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* A titled, framed multi-line field; returns its buffer. */
GtkTextBuffer *
cd_meeting_text_area (GtkWidget  *box,
                      const char *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

char *
cd_meeting_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ------------------------------------------------------------------ */
/* Client, project and contacts                                        */

static void
fill_projects (CdMeetingWindow *self,
               gint64           selected)
{
  const char *client = cd_calendar_client_picker_get_name (self->client);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GVariant) rows = NULL;
  gint64 none = 0;
  GVariantIter iter;
  GVariant *row;

  g_array_set_size (self->project_ids, 0);
  gtk_string_list_append (names, _("No project"));
  g_array_append_val (self->project_ids, none);
  if (client != NULL)
    rows = cd_store_list (store_of (self), CD_KIND_PROJECTS, NULL, client, 0, 100, NULL);
  if (rows != NULL)
    {
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = cd_form_int (row, "id");

          /* The search matches names too: keep the client's own. */
          if (g_strcmp0 (cd_form_text (row, "client"), client) == 0)
            {
              g_autofree char *text = g_strdup_printf ("%s %s", cd_form_text (row, "number"),
                                                       cd_form_text (row, "name"));

              gtk_string_list_append (names, text);
              g_array_append_val (self->project_ids, id);
            }
          g_variant_unref (row);
        }
    }
  gtk_drop_down_set_model (self->project, G_LIST_MODEL (names));
  cd_form_select_id (self->project, self->project_ids, selected);
}

static void
fill_contacts (CdMeetingWindow *self)
{
  gint64 client_id = cd_calendar_client_picker_get_id (self->client);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GVariant) rows = NULL;
  GVariantIter iter;
  GVariant *row;

  g_array_set_size (self->contact_ids, 0);
  if (client_id > 0)
    rows = cd_store_client_contacts (store_of (self), client_id, NULL);
  if (rows != NULL)
    {
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = cd_form_int (row, "id");

          gtk_string_list_append (names, cd_form_text (row, "name"));
          g_array_append_val (self->contact_ids, id);
          g_variant_unref (row);
        }
    }
  gtk_drop_down_set_model (self->contact_choice, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->contact_choice), self->contact_ids->len > 0);
}

static void
on_client_changed_cb (CdMeetingWindow *self)
{
  fill_projects (self, 0);
  fill_contacts (self);
}

/* ------------------------------------------------------------------ */
/* Attendees                                                           */

static void load_attendees (CdMeetingWindow *self);

static void
on_remove_attendee_clicked_cb (GtkButton       *button,
                               CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-id"));

  if (!cd_store_meeting_remove_attendee (store_of (self), id, &error))
    cd_meeting_window_toast (self, error->message);
  load_attendees (self);
}

static GtkWidget *
attendee_row (CdMeetingWindow *self,
              GVariant        *row)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  const char *name = cd_form_text (row, "name");
  /* TRANSLATORS: %s is a person attending the meeting */
  g_autofree char *label = g_strdup_printf (_("Remove %s"), name);
  g_autofree char *subtitle = NULL;

  subtitle = g_strjoin (" · ", g_str_equal (cd_form_text (row, "kind"), "staff") ? _("Staff") : _("Client contact"),
                        cd_form_text (row, "title"), cd_form_text (row, "phone"), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (remove), "cd-id", GSIZE_TO_POINTER ((gsize) cd_form_int (row, "id")));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_attendee_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), remove);
  return action_row;
}

static void
load_attendees (CdMeetingWindow *self)
{
  g_autoptr(GVariant) rows = NULL;
  GVariantIter iter;
  GVariant *row;

  cd_form_clear (self->attendees);
  if (self->meeting_id <= 0)
    return;
  rows = cd_store_meeting_attendees (store_of (self), self->meeting_id, NULL);
  if (rows == NULL || g_variant_n_children (rows) == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("Nobody yet: add client contacts and staff below"));
      gtk_list_box_append (GTK_LIST_BOX (self->attendees), empty);
      return;
    }
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gtk_list_box_append (GTK_LIST_BOX (self->attendees), attendee_row (self, row));
      g_variant_unref (row);
    }
}

static void
on_add_contact_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 contact = cd_form_selected_id (self->contact_choice, self->contact_ids);

  if (contact <= 0)
    {
      cd_meeting_window_toast (self, _("Choose the client first, then one of its contacts."));
      return;
    }
  if (cd_store_meeting_add_contact (store_of (self), self->meeting_id, contact, &error) <= 0)
    cd_meeting_window_toast (self, error->message);
  load_attendees (self);
}

static void
on_add_staff_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 staff = cd_form_selected_id (self->staff_choice, self->staff_ids);

  if (staff > 0 && cd_store_meeting_add_staff (store_of (self), self->meeting_id, staff, &error) <= 0)
    cd_meeting_window_toast (self, error->message);
  load_attendees (self);
}

static GtkWidget *
chooser_row (GtkWidget   *list,
             const char  *title,
             GtkDropDown **out_dropdown,
             const char  *button_label,
             GCallback    callback,
             gpointer     data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);
  GtkWidget *add = gtk_button_new_with_label (_("Add"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  g_signal_connect_swapped (add, "clicked", callback, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  *out_dropdown = GTK_DROP_DOWN (dropdown);
  return row;
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static char *
joined_time (const char *date,
             const char *time)
{
  return g_strdup_printf ("%sT%s", date, time);
}

static GVariant *
collect_fields (CdMeetingWindow *self)
{
  GVariantDict dict;
  const char *date = gtk_editable_get_text (self->date);
  const char *end = gtk_editable_get_text (self->end_time);
  g_autofree char *starts = joined_time (date, gtk_editable_get_text (self->start_time));
  g_autofree char *agenda = cd_meeting_buffer_text (self->agenda);
  g_autofree char *notes = cd_meeting_buffer_text (self->notes);
  g_autofree char *decisions = cd_meeting_buffer_text (self->decisions);
  guint kind = gtk_drop_down_get_selected (self->kind);
  gint64 client = cd_calendar_client_picker_get_id (self->client);
  gint64 project = cd_form_selected_id (self->project, self->project_ids);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "title", "s", gtk_editable_get_text (self->title));
  g_variant_dict_insert (&dict, "kind", "s", kind_keys[MIN (kind, G_N_ELEMENTS (kind_keys) - 1)]);
  g_variant_dict_insert (&dict, "starts_at", "s", starts);
  if (*end != '\0')
    {
      g_autofree char *ends = joined_time (date, end);

      g_variant_dict_insert (&dict, "ends_at", "s", ends);
    }
  /* Always both, 0 for none: a saved meeting's client or project can be
   * taken off again (the store reads a missing key as "unchanged"). */
  g_variant_dict_insert (&dict, "client_id", "x", MAX (client, 0));
  g_variant_dict_insert (&dict, "project_id", "x", MAX (project, 0));
  g_variant_dict_insert (&dict, "place", "s", gtk_editable_get_text (self->place));
  g_variant_dict_insert (&dict, "agenda", "s", agenda);
  g_variant_dict_insert (&dict, "notes", "s", notes);
  g_variant_dict_insert (&dict, "decisions", "s", decisions);
  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

static void
update_sensitivity (CdMeetingWindow *self)
{
  gboolean saved = self->meeting_id > 0;

  gtk_widget_set_visible (self->save_first, !saved);
  gtk_widget_set_sensitive (self->attendees_group, saved);
  gtk_widget_set_sensitive (self->actions_group, saved);
  gtk_widget_set_sensitive (self->notice_group, saved);
}

static void load_meeting (CdMeetingWindow *self);

/**
 * cd_meeting_window_save:
 *
 * Writes the fields on screen: creates the meeting when it is new.
 * Returns: FALSE with @error set (the store names the field) on bad input
 */
gboolean
cd_meeting_window_save (CdMeetingWindow *self,
                        GError         **error)
{
  g_autoptr(GVariant) fields = NULL;

  g_return_val_if_fail (CD_IS_MEETING_WINDOW (self), FALSE);

  fields = collect_fields (self);
  if (self->meeting_id > 0)
    {
      if (!cd_store_meeting_update (store_of (self), self->meeting_id, fields, error))
        return FALSE;
    }
  else
    {
      gint64 id = cd_store_meeting_create (store_of (self), fields, error);

      if (id <= 0)
        return FALSE;
      self->meeting_id = id;
    }
  load_meeting (self);
  g_signal_emit (self, signals[SAVED], 0, self->meeting_id);
  return TRUE;
}

static void
on_save_clicked_cb (CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->meeting_id <= 0;

  if (!cd_meeting_window_save (self, &error))
    {
      cd_meeting_window_toast (self, error->message);
      return;
    }
  cd_meeting_window_toast (self, was_new ? _("Meeting created: add its attendees.") : _("Meeting saved."));
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static void
split_time (const char *stamp,
            char      **date,
            char      **time)
{
  const char *t = stamp != NULL ? strchr (stamp, 'T') : NULL;

  if (t == NULL)
    {
      *date = g_strdup (stamp != NULL ? stamp : "");
      *time = g_strdup ("");
      return;
    }
  *date = g_strndup (stamp, t - stamp);
  *time = g_strndup (t + 1, 5);
}

static void
set_kind (CdMeetingWindow *self,
          const char      *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (g_strcmp0 (kind_keys[i], kind) == 0)
      gtk_drop_down_set_selected (self->kind, i);
}

static void
show_meeting (CdMeetingWindow *self,
              GVariant        *meeting)
{
  g_autofree char *date = NULL, *start = NULL, *end_date = NULL, *end = NULL;
  const char *number = cd_form_text (meeting, "number");

  split_time (cd_form_text (meeting, "starts_at"), &date, &start);
  split_time (cd_form_text (meeting, "ends_at"), &end_date, &end);
  gtk_editable_set_text (self->title, cd_form_text (meeting, "title"));
  set_kind (self, cd_form_text (meeting, "kind"));
  cd_calendar_client_picker_set (self->client, cd_form_int (meeting, "client_id"),
                                 cd_form_text (meeting, "client_name"));
  fill_projects (self, cd_form_int (meeting, "project_id"));
  fill_contacts (self);
  gtk_editable_set_text (self->date, date);
  gtk_editable_set_text (self->start_time, start);
  gtk_editable_set_text (self->end_time, end);
  gtk_editable_set_text (self->place, cd_form_text (meeting, "place"));
  gtk_text_buffer_set_text (self->agenda, cd_form_text (meeting, "agenda"), -1);
  adw_window_title_set_title (self->window_title, cd_form_text (meeting, "title"));
  adw_window_title_set_subtitle (self->window_title, number);
  gtk_window_set_title (GTK_WINDOW (self), cd_form_text (meeting, "title"));
}

static void
load_meeting (CdMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) meeting = NULL;

  update_sensitivity (self);
  if (self->meeting_id <= 0)
    return;
  meeting = cd_store_meeting_get (store_of (self), self->meeting_id, &error);
  if (meeting == NULL)
    {
      cd_meeting_window_toast (self, error->message);
      return;
    }
  show_meeting (self, meeting);
  cd_meeting_load_minutes (self, meeting);
  cd_meeting_load_notice (self, meeting);
  load_attendees (self);
  cd_meeting_load_actions (self);
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

static void
build_details (CdMeetingWindow *self)
{
  const char *const kinds[] = {
    _("Client business meeting"), _("Planning or creative review"), _("Proposal"),
    _("Daily work meeting"), _("Other"), NULL,
  };
  GtkWidget *box = cd_form_page (self->stack, "meeting", _("Meeting"), "x-office-calendar-symbolic");
  GtkWidget *form = cd_form_boxed_list ();
  GtkWidget *when = cd_form_boxed_list ();

  self->title = cd_form_entry_row (form, _("Title"));
  self->kind = cd_form_dropdown_row (form, _("Kind"), kinds);
  gtk_box_append (GTK_BOX (box), form);
  self->client = cd_calendar_client_picker_new (self->context, _("Client (optional)"));
  g_signal_connect_object (self->client, "notify::client-id", G_CALLBACK (on_client_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->client));
  self->project = cd_form_dropdown_row (when, _("Project (optional)"), (const char *[]) { _("No project"), NULL });
  self->date = cd_form_entry_row (when, _("Date (YYYY-MM-DD)"));
  self->start_time = cd_form_entry_row (when, _("Starts at (HH:MM)"));
  self->end_time = cd_form_entry_row (when, _("Ends at (HH:MM)"));
  self->place = cd_form_entry_row (when, _("Place or link"));
  gtk_box_append (GTK_BOX (box), when);
  self->agenda = cd_meeting_text_area (box, _("Agenda"));

  self->attendees_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  {
    GtkWidget *heading = gtk_label_new (_("Attendees"));
    GtkWidget *add = cd_form_boxed_list ();

    gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
    gtk_widget_add_css_class (heading, "heading");
    gtk_box_append (GTK_BOX (self->attendees_group), heading);
    self->attendees = cd_form_boxed_list ();
    gtk_box_append (GTK_BOX (self->attendees_group), self->attendees);
    chooser_row (add, _("Client contact"), &self->contact_choice, _("Add client contact"),
                 G_CALLBACK (on_add_contact_clicked_cb), self);
    chooser_row (add, _("Staff member"), &self->staff_choice, _("Add staff member"),
                 G_CALLBACK (on_add_staff_clicked_cb), self);
    gtk_box_append (GTK_BOX (self->attendees_group), add);
  }
  self->save_first = gtk_label_new (_("Save the meeting first; then add its attendees here, and its minutes and "
                                      "notice on the other pages."));
  gtk_label_set_wrap (GTK_LABEL (self->save_first), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->save_first), 0.0);
  gtk_widget_add_css_class (self->save_first, "dim-label");
  gtk_box_append (GTK_BOX (box), self->save_first);
  gtk_box_append (GTK_BOX (box), self->attendees_group);
}

static void
cd_meeting_window_dispose (GObject *object)
{
  CdMeetingWindow *self = CD_MEETING_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->project_ids, g_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->action_project_ids, g_array_unref);
  G_OBJECT_CLASS (cd_meeting_window_parent_class)->dispose (object);
}

static void
cd_meeting_window_class_init (CdMeetingWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cd_meeting_window_dispose;
  /* The meeting was written (created or changed); its id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cd_meeting_window_init (CdMeetingWindow *self)
{
  self->project_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->contact_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->action_project_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
}

static void
build_window (CdMeetingWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher_bar = adw_view_switcher_bar_new ();
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *save = cd_form_button (_("_Save"), _("Save meeting"));

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Meeting"), ""));
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (content), header);
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), self->stack);
  gtk_box_append (GTK_BOX (content), switcher_bar);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 780);
  gtk_window_set_title (GTK_WINDOW (self), _("New Meeting"));

  build_details (self);
  cd_meeting_build_minutes (self);
  cd_meeting_build_notice (self);
  self->staff_ids = cd_form_fill_staff (self->staff_choice, self->context, NULL, 0);
  self->owner_ids = cd_form_fill_staff (self->action_owner, self->context, _("Nobody yet"),
                                        cd_context_get_current_staff (self->context));
  cd_meeting_fill_action_projects (self);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

/**
 * cd_meeting_window_new:
 * @meeting_id: 0 for a new meeting
 *
 * Returns: (transfer none): the window, not yet shown
 */
CdMeetingWindow *
cd_meeting_window_new (GtkWidget *parent,
                       CdContext *context,
                       gint64     meeting_id)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  CdMeetingWindow *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_MEETING_WINDOW, NULL);
  self->context = g_object_ref (context);
  self->meeting_id = meeting_id;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  build_window (self);
  if (meeting_id <= 0)
    {
      GDate today;
      g_autofree char *day = NULL;

      cd_clock_today (&today);
      day = cd_calendar_iso (&today);
      gtk_editable_set_text (self->date, day);
      gtk_editable_set_text (self->start_time, "10:00");
      gtk_editable_set_text (self->end_time, "11:00");
      fill_projects (self, 0);
      fill_contacts (self);
    }
  load_meeting (self);
  return self;
}

/* Opens meeting @meeting_id (0: a new one) in its own window. */
void
cd_meeting_window_present (GtkWidget *parent,
                           CdContext *context,
                           gint64     meeting_id)
{
  gtk_window_present (GTK_WINDOW (cd_meeting_window_new (parent, context, meeting_id)));
}

gint64
cd_meeting_window_get_meeting (CdMeetingWindow *self)
{
  g_return_val_if_fail (CD_IS_MEETING_WINDOW (self), 0);
  return self->meeting_id;
}
