/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-accessible.h"
#include "gui/cd-calendar-forms.h"
#include "gui/cd-calendar-grid.h"
#include "gui/cd-client-page.h"
#include "gui/cd-visit-plan-window.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-overview.h"
#include "store/cd-store-plans.h"

struct _CdVisitPlanWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           plan_id;
  gint64           staff_id;
  gint64           editing_id;     /* the entry in the form, 0 for a new one */
  char            *month;          /* YYYY-MM of the completion rate */
  char            *completion;
  GArray          *contact_ids;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkLabel        *status;
  GtkLabel        *rate;
  GtkWidget       *entries;
  GtkWidget       *empty;
  GtkWidget       *edit_buttons;
  GtkWidget       *form_group;
  GtkLabel        *form_title;
  CdCalendarClientPicker *client;
  GtkDropDown     *contact;
  GtkEditable     *date;
  GtkEditable     *purpose;
  GtkDropDown     *mode;
  GtkWidget       *form_save;
  GtkWidget       *suggestions_group;
  GtkWidget       *suggestions;
  GtkWidget       *submit;
  GtkWidget       *review_group;
  GtkEditable     *review_comment;
};

G_DEFINE_FINAL_TYPE (CdVisitPlanWindow, cd_visit_plan_window, ADW_TYPE_WINDOW)

static const char *const mode_keys[] = { "in_person", "phone", "online" };

static CdStore *
store_of (CdVisitPlanWindow *self)
{
  return cd_context_get_store (self->context);
}

static void
toast (CdVisitPlanWindow *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static const char *
mode_label (const char *mode)
{
  if (g_strcmp0 (mode, "phone") == 0)
    return _("Phone");
  if (g_strcmp0 (mode, "online") == 0)
    return _("Online");
  return _("In person");
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
/* Who may review                                                      */

/* A director, or an account manager other than the plan's owner: the
 * people the plans are submitted to. The store has the last word. */
static gboolean
may_review (CdVisitPlanWindow *self)
{
  gint64 me = cd_context_get_current_staff (self->context);
  g_autoptr(GVariant) staff = NULL;
  gboolean supervisor = FALSE;
  GVariantIter iter;
  GVariant *row;

  if (me <= 0 || me == self->staff_id)
    return FALSE;
  staff = cd_store_overview (store_of (self), CD_OVERVIEW_ACTIVE_STAFF, NULL, 0, NULL);
  if (staff == NULL)
    return FALSE;
  g_variant_iter_init (&iter, staff);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *role = cd_form_text (row, "role");

      if (cd_form_int (row, "id") == me)
        supervisor = g_str_equal (role, "director") || g_str_equal (role, "account_manager");
      g_variant_unref (row);
    }
  return supervisor;
}

/* ------------------------------------------------------------------ */
/* Completion and status                                               */

static void
show_completion (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) rows = cd_store_visit_plan_completion (store_of (self), self->month, self->staff_id, &error);
  gint64 planned = 0, done = 0, permille = 0;

  if (rows != NULL && g_variant_n_children (rows) > 0)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, 0);

      planned = cd_form_int (row, "planned");
      done = cd_form_int (row, "done");
      permille = cd_form_int (row, "rate_permille");
    }
  g_free (self->completion);
  /* TRANSLATORS: visit plan completion rate (拜访计划完成率): month, planned, done, percent */
  self->completion = g_strdup_printf (_("Completion in %s: %" PRId64 " planned, %" PRId64
                                        " done (%" PRId64 "%%)"),
                                      self->month, planned, done, (permille + 5) / 10);
  gtk_label_set_label (self->rate, self->completion);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->completion, -1);
  if (error != NULL)
    toast (self, error->message);
}

/* The submission deadline, moved past weekends and holidays (遇节假日顺延). */
static char *
due_day (CdVisitPlanWindow *self,
         GVariant          *plan)
{
  CdHolidayCalendar *calendar = cd_context_get_calendar (self->context);
  const char *due = cd_form_text (plan, "due");
  GDate date;

  if (calendar == NULL || !cd_calendar_parse_iso (due, &date))
    return g_strdup (due);
  cd_deadline_next_working_day (calendar, &date);
  return cd_calendar_iso (&date);
}

static char *
describe_status (CdVisitPlanWindow *self,
                 GVariant          *plan)
{
  const char *status = cd_form_text (plan, "status");

  if (g_str_equal (status, "reviewed"))
    {
      const char *comment = cd_form_text (plan, "review_comment");

      /* TRANSLATORS: reviewer, date, comment; why the plan can no longer change */
      return g_strdup_printf (_("Reviewed by %s on %s%s%s. A reviewed plan is locked and can no longer be "
                                "changed; visits logged against its entries still count."),
                              cd_form_text (plan, "reviewer_name"), cd_form_text (plan, "reviewed_at"),
                              *comment ? ": " : "", comment);
    }
  if (g_str_equal (status, "submitted"))
    /* TRANSLATORS: %s is when the plan was submitted */
    return g_strdup_printf (_("Submitted on %s, waiting for the supervisor’s review. Entries can still be "
                              "changed until then."),
                            cd_form_text (plan, "submitted_at"));
  {
    g_autofree char *due = due_day (self, plan);

    /* TRANSLATORS: %s is the submission deadline */
    return g_strdup_printf (_("Draft. Submit it by %s."), due);
  }
}

static void
apply_status (CdVisitPlanWindow *self,
              GVariant          *plan)
{
  const char *status = cd_form_text (plan, "status");
  gboolean locked = g_str_equal (status, "reviewed");
  g_autofree char *text = describe_status (self, plan);
  g_autofree char *title = NULL;

  gtk_label_set_label (self->status, text);
  gtk_widget_set_sensitive (self->edit_buttons, !locked);
  gtk_widget_set_visible (self->form_group, !locked && gtk_widget_get_visible (self->form_group));
  gtk_widget_set_visible (self->suggestions_group, !locked && gtk_widget_get_visible (self->suggestions_group));
  gtk_widget_set_sensitive (self->submit, g_str_equal (status, "draft"));
  gtk_widget_set_visible (self->review_group, g_str_equal (status, "submitted") && may_review (self));
  /* TRANSLATORS: a person's name, then the first and last day of the plan */
  title = g_strdup_printf (_("%s, %s to %s"), cd_form_text (plan, "staff_name"), cd_form_text (plan, "start"),
                           cd_form_text (plan, "end"));
  adw_window_title_set_subtitle (self->window_title, title);
  g_object_set_data (G_OBJECT (self), "cd-locked", GINT_TO_POINTER (locked));
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */

static void start_editing (CdVisitPlanWindow *self, GVariant *entry);

static void
on_log_visit_clicked_cb (GtkButton         *button,
                         CdVisitPlanWindow *self)
{
  gint64 client = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cd-client"));

  /* The visit is logged in the client's file; coming back here, Refresh
   * (or the window becoming active) shows it matched. */
  cd_client_page_present (GTK_WIDGET (self), self->context, client, "visits");
}

static void
on_edit_clicked_cb (GtkButton         *button,
                    CdVisitPlanWindow *self)
{
  start_editing (self, g_object_get_data (G_OBJECT (button), "cd-entry"));
}

static void
on_remove_clicked_cb (GtkButton         *button,
                      CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  GVariant *entry = g_object_get_data (G_OBJECT (button), "cd-entry");

  if (!cd_store_visit_plan_remove_entry (store_of (self), cd_form_int (entry, "id"), &error))
    toast (self, error->message);
  cd_visit_plan_window_reload (self);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *name,
            GVariant   *entry,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "cd-entry", g_variant_ref (entry), (GDestroyNotify) g_variant_unref);
  g_object_set_data (G_OBJECT (button), "cd-client", GSIZE_TO_POINTER ((gsize) cd_form_int (entry, "client_id")));
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static GtkWidget *
entry_row (CdVisitPlanWindow *self,
           GVariant          *entry,
           gboolean           locked)
{
  GtkWidget *row = adw_action_row_new ();
  const char *client = cd_form_text (entry, "client_name");
  const char *contact = cd_form_text (entry, "contact_name");
  const char *purpose = cd_form_text (entry, "purpose");
  gboolean visited = cd_form_int (entry, "visit_id") > 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *visit = NULL;
  g_autofree char *log_name = g_strdup_printf (_("Log visit to %s"), client);
  g_autofree char *edit_name = g_strdup_printf (_("Edit entry for %s"), client);
  g_autofree char *remove_name = g_strdup_printf (_("Remove entry for %s"), client);
  GtkWidget *mark;

  visit = visited ? g_strdup_printf (_("visited on %s"), cd_form_text (entry, "visit_date"))
                  : g_strdup (_("not visited yet"));
  subtitle = g_strjoin (" · ", cd_form_text (entry, "date"), mode_label (cd_form_text (entry, "mode")),
                        *contact ? contact : _("no contact chosen"), *purpose ? purpose : _("no purpose given"),
                        visit, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), client);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  mark = gtk_image_new_from_icon_name (visited ? "emblem-ok-symbolic" : "content-loading-symbolic");
  gtk_widget_add_css_class (mark, visited ? "success" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  visited ? _("Visited") : _("Not visited yet"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
  if (!visited)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("document-new-symbolic", _("Log the visit in the client’s file"),
                                           log_name, entry, G_CALLBACK (on_log_visit_clicked_cb), self));
  if (!locked)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("document-edit-symbolic", _("Edit"), edit_name, entry,
                                             G_CALLBACK (on_edit_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("user-trash-symbolic", _("Remove"), remove_name, entry,
                                             G_CALLBACK (on_remove_clicked_cb), self));
    }
  return row;
}

static void
show_entries (CdVisitPlanWindow *self,
              gboolean           locked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) entries = cd_store_visit_plan_entries (store_of (self), self->plan_id, &error);
  GVariantIter iter;
  GVariant *entry;

  cd_form_clear (self->entries);
  if (entries == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->empty, g_variant_n_children (entries) == 0);
  gtk_widget_set_visible (self->entries, g_variant_n_children (entries) > 0);
  g_variant_iter_init (&iter, entries);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      gtk_list_box_append (GTK_LIST_BOX (self->entries), entry_row (self, entry, locked));
      g_variant_unref (entry);
    }
}

/* ------------------------------------------------------------------ */
/* The entry form                                                      */

static void
fill_contacts (CdVisitPlanWindow *self,
               gint64             selected)
{
  gint64 client = cd_calendar_client_picker_get_id (self->client);
  g_autoptr(GVariant) rows = client > 0 ? cd_store_client_contacts (store_of (self), client, NULL) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  GVariantIter iter;
  GVariant *row;

  g_array_set_size (self->contact_ids, 0);
  gtk_string_list_append (names, _("No contact"));
  g_array_append_val (self->contact_ids, none);
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
  gtk_drop_down_set_model (self->contact, G_LIST_MODEL (names));
  cd_form_select_id (self->contact, self->contact_ids, selected);
}

static void
on_client_changed_cb (CdVisitPlanWindow *self)
{
  fill_contacts (self, 0);
}

static void
start_editing (CdVisitPlanWindow *self,
               GVariant          *entry)
{
  const char *mode = cd_form_text (entry, "mode");

  self->editing_id = entry != NULL ? cd_form_int (entry, "id") : 0;
  gtk_label_set_label (self->form_title, self->editing_id > 0 ? _("Edit Entry") : _("New Entry"));
  gtk_button_set_label (GTK_BUTTON (self->form_save), self->editing_id > 0 ? _("Save Entry") : _("Add Entry"));
  /* A new label renames the button for screen readers too: name it again. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->form_save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save entry"), -1);
  cd_calendar_client_picker_set (self->client, cd_form_int (entry, "client_id"), cd_form_text (entry, "client_name"));
  fill_contacts (self, cd_form_int (entry, "contact_id"));
  if (entry != NULL)
    gtk_editable_set_text (self->date, cd_form_text (entry, "date"));
  gtk_editable_set_text (self->purpose, cd_form_text (entry, "purpose"));
  gtk_drop_down_set_selected (self->mode, 0);
  for (guint i = 0; i < G_N_ELEMENTS (mode_keys); i++)
    if (g_strcmp0 (mode_keys[i], mode) == 0)
      gtk_drop_down_set_selected (self->mode, i);
  gtk_widget_set_visible (self->form_group, TRUE);
}

static void
on_add_clicked_cb (CdVisitPlanWindow *self)
{
  start_editing (self, NULL);
}

static void
on_cancel_clicked_cb (CdVisitPlanWindow *self)
{
  gtk_widget_set_visible (self->form_group, FALSE);
}

static void
on_form_save_clicked_cb (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;
  GVariantDict dict;
  gint64 contact = cd_form_selected_id (self->contact, self->contact_ids);
  gboolean ok;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "client_id", "x", cd_calendar_client_picker_get_id (self->client));
  /* On an update, 0 takes a contact off the entry. */
  if (contact > 0 || self->editing_id > 0)
    g_variant_dict_insert (&dict, "contact_id", "x", contact);
  g_variant_dict_insert (&dict, "date", "s", gtk_editable_get_text (self->date));
  g_variant_dict_insert (&dict, "purpose", "s", gtk_editable_get_text (self->purpose));
  g_variant_dict_insert (&dict, "mode", "s", mode_keys[MIN (gtk_drop_down_get_selected (self->mode), 2)]);
  fields = g_variant_ref_sink (g_variant_dict_end (&dict));
  if (cd_calendar_client_picker_get_id (self->client) <= 0)
    {
      toast (self, _("Choose a client: type part of its name, then pick it from the list."));
      return;
    }
  if (self->editing_id > 0)
    ok = cd_store_visit_plan_update_entry (store_of (self), self->editing_id, fields, &error);
  else
    ok = cd_store_visit_plan_add_entry (store_of (self), self->plan_id, fields, &error) > 0;
  if (!ok)
    {
      toast (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->form_group, FALSE);
  cd_visit_plan_window_reload (self);
}

/* ------------------------------------------------------------------ */
/* Suggestions                                                         */

static void
on_add_suggestion_clicked_cb (GtkButton         *button,
                              CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  GVariant *suggestion = g_object_get_data (G_OBJECT (button), "cd-entry");
  GVariantDict dict;
  gint64 contact = cd_form_int (suggestion, "contact_id");

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "client_id", "x", cd_form_int (suggestion, "client_id"));
  if (contact > 0)
    g_variant_dict_insert (&dict, "contact_id", "x", contact);
  g_variant_dict_insert (&dict, "date", "s", cd_form_text (suggestion, "date"));
  g_variant_dict_insert (&dict, "purpose", "s", _("Regular service visit"));
  g_variant_dict_insert (&dict, "mode", "s", "in_person");
  if (cd_store_visit_plan_add_entry (store_of (self), self->plan_id, g_variant_dict_end (&dict), &error) <= 0)
    toast (self, error->message);
  cd_visit_plan_window_reload (self);
}

static GtkWidget *
suggestion_row (CdVisitPlanWindow *self,
                GVariant          *suggestion)
{
  GtkWidget *row = adw_action_row_new ();
  const char *client = cd_form_text (suggestion, "client_name");
  const char *last = cd_form_text (suggestion, "last_visit");
  gint64 overdue = cd_form_int (suggestion, "overdue_days");
  g_autofree char *name = g_strdup_printf (_("Add %s to the plan"), client);
  g_autofree char *subtitle = NULL;
  g_autofree char *late = NULL;

  late = overdue > 0 ? g_strdup_printf (ngettext ("%" PRId64 " day overdue",
                                                  "%" PRId64 " days overdue", overdue), overdue)
                     : g_strdup_printf (_("due %s"), cd_form_text (suggestion, "due"));
  /* TRANSLATORS: tier, last visit, how late, suggested day */
  subtitle = g_strdup_printf (_("Tier %s · last visit %s · %s · on %s"), cd_form_text (suggestion, "tier"),
                              *last ? last : _("never"), late, cd_form_text (suggestion, "date"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), client);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("list-add-symbolic", _("Add to the plan"), name, suggestion,
                                         G_CALLBACK (on_add_suggestion_clicked_cb), self));
  return row;
}

static void
show_suggestions (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) rows = NULL;
  GVariantIter iter;
  GVariant *row;

  cd_form_clear (self->suggestions);
  rows = cd_store_visit_plan_suggest (store_of (self), self->plan_id, cd_context_get_calendar (self->context),
                                      &error);
  if (rows == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (g_variant_n_children (rows) == 0)
    {
      GtkWidget *none = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none),
                                     _("No client falls due for a visit in this period beyond those planned."));
      gtk_list_box_append (GTK_LIST_BOX (self->suggestions), none);
    }
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gtk_list_box_append (GTK_LIST_BOX (self->suggestions), suggestion_row (self, row));
      g_variant_unref (row);
    }
}

static void
on_suggest_clicked_cb (CdVisitPlanWindow *self)
{
  show_suggestions (self);
  gtk_widget_set_visible (self->suggestions_group, TRUE);
}

static void
on_add_all_clicked_cb (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 added = cd_store_visit_plan_add_suggested (store_of (self), self->plan_id,
                                                    cd_context_get_calendar (self->context), &error);
  g_autofree char *text = NULL;

  if (added < 0)
    {
      toast (self, error->message);
      return;
    }
  text = g_strdup_printf (ngettext ("%" PRId64 " visit added to the plan.",
                                    "%" PRId64 " visits added to the plan.", added), added);
  toast (self, text);
  cd_visit_plan_window_reload (self);
}

/* ------------------------------------------------------------------ */
/* Submit and review                                                   */

static void
on_submit_clicked_cb (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cd_store_visit_plan_submit (store_of (self), self->plan_id, &error))
    toast (self, error->message);
  else
    toast (self, _("Plan submitted for review."));
  cd_visit_plan_window_reload (self);
}

static void
on_review_clicked_cb (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cd_store_visit_plan_review (store_of (self), self->plan_id, cd_context_get_current_staff (self->context),
                                   gtk_editable_get_text (self->review_comment), &error))
    toast (self, error->message);
  else
    toast (self, _("Plan reviewed; it is now locked."));
  cd_visit_plan_window_reload (self);
}

static void
on_refresh_clicked_cb (CdVisitPlanWindow *self)
{
  cd_visit_plan_window_reload (self);
}

static void
on_active_changed_cb (CdVisitPlanWindow *self)
{
  /* Back from logging a visit in a client's file. */
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->plan_id > 0)
    cd_visit_plan_window_reload (self);
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

static GtkWidget *
make_button (GtkWidget  *box,
             const char *label,
             const char *name,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = cd_form_button (label, name);

  g_signal_connect_swapped (button, "clicked", callback, data);
  gtk_flow_box_append (GTK_FLOW_BOX (box), button);
  return button;
}

static GtkWidget *
flow (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 4);
  return box;
}

static void
build_form (CdVisitPlanWindow *self,
            GtkWidget         *box)
{
  const char *const modes[] = { _("In person"), _("Phone"), _("Online"), NULL };
  GtkWidget *list = cd_form_boxed_list ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = cd_form_button (_("_Cancel"), _("Cancel entry"));

  self->form_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->form_title = GTK_LABEL (heading (self->form_group, _("New Entry")));
  self->client = cd_calendar_client_picker_new (self->context, _("Client"));
  g_signal_connect_object (self->client, "notify::client-id", G_CALLBACK (on_client_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->form_group), GTK_WIDGET (self->client));
  self->contact = cd_form_dropdown_row (list, _("Contact"), (const char *[]) { _("No contact"), NULL });
  self->date = cd_form_entry_row (list, _("Planned date (YYYY-MM-DD)"));
  self->purpose = cd_form_entry_row (list, _("Purpose"));
  self->mode = cd_form_dropdown_row (list, _("Mode"), modes);
  gtk_box_append (GTK_BOX (self->form_group), list);
  self->form_save = cd_form_button (_("Add Entry"), _("Save entry"));
  gtk_widget_add_css_class (self->form_save, "suggested-action");
  g_signal_connect_swapped (self->form_save, "clicked", G_CALLBACK (on_form_save_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->form_save);
  gtk_box_append (GTK_BOX (self->form_group), buttons);
  gtk_widget_set_visible (self->form_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->form_group);
}

static void
build_suggestions (CdVisitPlanWindow *self,
                   GtkWidget         *box)
{
  GtkWidget *add_all = cd_form_button (_("Add _All Suggestions"), _("Add all suggestions"));

  self->suggestions_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading (self->suggestions_group, _("Due by Their Service Cycle"));
  self->suggestions = cd_form_boxed_list ();
  gtk_box_append (GTK_BOX (self->suggestions_group), self->suggestions);
  gtk_widget_set_halign (add_all, GTK_ALIGN_END);
  g_signal_connect_swapped (add_all, "clicked", G_CALLBACK (on_add_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->suggestions_group), add_all);
  gtk_widget_set_visible (self->suggestions_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->suggestions_group);
}

static void
build_review (CdVisitPlanWindow *self,
              GtkWidget         *box)
{
  GtkWidget *list = cd_form_boxed_list ();
  GtkWidget *review = cd_form_button (_("_Review Plan"), _("Review plan"));

  self->review_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading (self->review_group, _("Supervisor’s Review"));
  self->review_comment = cd_form_entry_row (list, _("Review comment"));
  gtk_box_append (GTK_BOX (self->review_group), list);
  gtk_widget_set_halign (review, GTK_ALIGN_END);
  g_signal_connect_swapped (review, "clicked", G_CALLBACK (on_review_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->review_group), review);
  gtk_widget_set_visible (self->review_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->review_group);
}

static void
build_body (CdVisitPlanWindow *self,
            GtkWidget         *box)
{
  GtkWidget *actions = flow ();

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0.0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  self->rate = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->rate, 0.0);
  gtk_label_set_wrap (self->rate, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rate), "title-4");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rate));

  self->edit_buttons = flow ();
  make_button (self->edit_buttons, _("_Add Entry"), _("Add entry"), G_CALLBACK (on_add_clicked_cb), self);
  make_button (self->edit_buttons, _("_Suggest from Service Cycles"), _("Suggest from service cycles"),
               G_CALLBACK (on_suggest_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->edit_buttons);

  heading (box, _("Planned Visits"));
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Visits Planned"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Add an entry for each client to visit, or let Suggest from Service Cycles "
                                     "list the clients due for a visit by their tier."));
  gtk_widget_add_css_class (self->empty, "compact");
  /* A status page scrolls its content: in a box it needs room to show it. */
  gtk_widget_set_size_request (self->empty, -1, 260);
  gtk_box_append (GTK_BOX (box), self->empty);
  self->entries = cd_form_boxed_list ();
  gtk_box_append (GTK_BOX (box), self->entries);
  build_form (self, box);
  build_suggestions (self, box);

  self->submit = make_button (actions, _("S_ubmit Plan"), _("Submit plan"), G_CALLBACK (on_submit_clicked_cb), self);
  make_button (actions, _("R_efresh"), _("Refresh plan"), G_CALLBACK (on_refresh_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), actions);
  build_review (self, box);
}

static void
build_window (CdVisitPlanWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Visit Plan"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (content), header);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toast_overlay_set_child (self->toasts, scrolled);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 760);
  gtk_window_set_title (GTK_WINDOW (self), _("Visit Plan"));
  build_body (self, box);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

static void
cd_visit_plan_window_dispose (GObject *object)
{
  CdVisitPlanWindow *self = CD_VISIT_PLAN_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->month, g_free);
  g_clear_pointer (&self->completion, g_free);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  G_OBJECT_CLASS (cd_visit_plan_window_parent_class)->dispose (object);
}

static void
cd_visit_plan_window_class_init (CdVisitPlanWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cd_visit_plan_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cd_visit_plan_window_init (CdVisitPlanWindow *self)
{
  self->contact_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
}

/* The first day of the period holding @day. */
static char *
period_start (const char *period,
              const char *day)
{
  GDate date;

  if (!cd_calendar_parse_iso (day, &date))
    return g_strdup (day);
  if (g_strcmp0 (period, CD_PLAN_PERIOD_WEEK) == 0)
    g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  else
    g_date_set_day (&date, 1);
  return cd_calendar_iso (&date);
}

/**
 * cd_visit_plan_window_present:
 *
 * Returns: (transfer none): the window, shown (with the store's refusal
 *   in a toast when the plan could not be made)
 */
CdVisitPlanWindow *
cd_visit_plan_window_present (GtkWidget  *parent,
                              CdContext  *context,
                              gint64      staff_id,
                              const char *period,
                              const char *day)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  CdVisitPlanWindow *self = g_object_new (CD_TYPE_VISIT_PLAN_WINDOW, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = period_start (period, day);

  self->context = g_object_ref (context);
  self->staff_id = staff_id;
  self->month = g_strndup (start, 7);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  build_window (self);
  gtk_editable_set_text (self->date, start);
  self->plan_id = cd_store_visit_plan_ensure (cd_context_get_store (context), staff_id, period, start, &error);
  if (self->plan_id <= 0)
    toast (self, error->message);
  cd_visit_plan_window_reload (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), NULL);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gint64
cd_visit_plan_window_get_plan (CdVisitPlanWindow *self)
{
  g_return_val_if_fail (CD_IS_VISIT_PLAN_WINDOW (self), 0);
  return self->plan_id;
}

/* Reads the plan, its entries and the month's completion again. */
void
cd_visit_plan_window_reload (CdVisitPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) plan = NULL;

  g_return_if_fail (CD_IS_VISIT_PLAN_WINDOW (self));

  if (self->plan_id <= 0)
    return;
  plan = cd_store_visit_plan_get (store_of (self), self->plan_id, &error);
  if (plan == NULL)
    {
      toast (self, error->message);
      return;
    }
  apply_status (self, plan);
  show_entries (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "cd-locked")));
  if (gtk_widget_get_visible (self->suggestions_group))
    show_suggestions (self);
  show_completion (self);
}

/* Returns: the completion line on screen, for tests */
const char *
cd_visit_plan_window_get_completion (CdVisitPlanWindow *self)
{
  g_return_val_if_fail (CD_IS_VISIT_PLAN_WINDOW (self), NULL);
  return self->completion;
}
