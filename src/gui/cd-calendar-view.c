/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gui/cd-accessible.h"
#include "gui/cd-calendar-view.h"
#include "gui/cd-client-page.h"
#include "gui/cd-contract-editor.h"
#include "gui/cd-deadline-notifier.h"
#include "gui/cd-meeting-window.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-tasks.h"
#include "gui/cd-visit-plan-window.h"
#include "reports/cd-calendar-export.h"
#include "store/cd-store-meetings.h"
#include "store/cd-store-overview.h"
#include "store/cd-store-plans.h"

struct _CdCalendarView
{
  AdwBin           parent_instance;

  CdContext       *context;
  GCancellable    *cancellable;
  GArray          *person_ids;       /* gint64, one per drop-down item; 0 = everyone */
  gboolean         load_when_mapped;
  gboolean         loading;
  guint            n_events;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *title_label;
  GtkSpinner      *spinner;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkDropDown     *person_dropdown;
  CdCalendarGrid  *grid;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (CdCalendarView, cd_calendar_view, ADW_TYPE_BIN)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *from, *to;
  gint64  staff_id;
} Query;

static void
query_free (Query *query)
{
  g_free (query->from);
  g_free (query->to);
  g_free (query);
}

static void
toast (CdCalendarView *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
set_loading (CdCalendarView *self,
             gboolean        loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
read_events_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Query *query = task_data;
  GError *error = NULL;
  GVariant *events = cd_store_calendar_events (CD_STORE (source_object), query->from, query->to,
                                               query->staff_id, &error);

  if (events == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, events, (GDestroyNotify) g_variant_unref);
}

static void
on_events_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CdCalendarView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) events = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  set_loading (self, FALSE);
  if (events == NULL)
    {
      toast (self, error->message);
      return;
    }
  self->n_events = g_variant_n_children (events);
  cd_calendar_grid_set_events (self->grid, events);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), self->n_events == 0);
}

static void
update_title (CdCalendarView *self)
{
  g_autofree char *title = cd_calendar_grid_dup_title (self->grid);

  gtk_label_set_label (self->title_label, title);
}

/* Reads the days on screen on a worker thread: a month of a busy agency
 * is thousands of rows. */
static void
load (CdCalendarView *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query = g_new0 (Query, 1);
  GDate first, last;

  update_title (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->load_when_mapped = TRUE;
      query_free (query);
      return;
    }
  self->load_when_mapped = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  cd_calendar_grid_get_range (self->grid, &first, &last);
  query->from = cd_calendar_iso (&first);
  query->to = cd_calendar_iso (&last);
  query->staff_id = cd_calendar_view_get_person (self);
  set_loading (self, TRUE);
  task = g_task_new (cd_context_get_store (self->context), self->cancellable, on_events_read_cb,
                     g_object_ref (self));
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, read_events_thread);
}

static void
fill_people (CdCalendarView *self)
{
  g_autoptr(GVariant) staff = cd_store_overview (cd_context_get_store (self->context),
                                                 CD_OVERVIEW_ACTIVE_STAFF, NULL, 0, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current = cd_context_get_current_staff (self->context);
  guint selected = 0;
  gint64 everyone = 0;
  GVariantIter iter;
  GVariant *row;

  g_array_set_size (self->person_ids, 0);
  gtk_string_list_append (names, _("Everyone"));
  g_array_append_val (self->person_ids, everyone);
  if (staff != NULL)
    {
      g_variant_iter_init (&iter, staff);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = 0;
          const char *name = "";

          g_variant_lookup (row, "id", "x", &id);
          g_variant_lookup (row, "name", "&s", &name);
          if (id == current)
            selected = self->person_ids->len;
          gtk_string_list_append (names, name);
          g_array_append_val (self->person_ids, id);
          g_variant_unref (row);
        }
    }
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->person_dropdown, selected);
}

static GtkWidget *
parent_widget (CdCalendarView *self)
{
  return GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
on_meeting_saved_cb (CdCalendarView *self)
{
  load (self);
}

static void
open_meeting (CdCalendarView *self,
              gint64          meeting_id)
{
  CdMeetingWindow *window = cd_meeting_window_new (parent_widget (self), self->context, meeting_id);

  g_signal_connect_object (window, "saved", G_CALLBACK (on_meeting_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_event_activated_cb (CdCalendarView *self,
                       const char     *kind,
                       gint64          id,
                       const char     *title)
{
  if (g_strcmp0 (kind, "meeting") == 0)
    open_meeting (self, id);
  else if (g_strcmp0 (kind, "client") == 0)
    cd_client_page_present (parent_widget (self), self->context, id, "visits");
  else if (g_strcmp0 (kind, "contract") == 0)
    cd_contract_editor_present (parent_widget (self), self->context, id);
  else if (g_strcmp0 (kind, "supplier-order") == 0)
    cd_supplier_order_window_present (parent_widget (self), self->context, id);
  else
    {
      /* Titles start with the record's number ("GD202602-0003 Poster"),
       * which is what the lists are searched for. */
      g_autofree char *number = g_strdup (title != NULL ? title : "");
      char *space = strchr (number, ' ');

      if (space != NULL)
        *space = '\0';
      g_signal_emit (self, signals[OPEN], 0, kind, id, number);
    }
}

static void
on_period_changed_cb (CdCalendarView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
  load (self);
}

static void
on_previous_clicked_cb (CdCalendarView *self)
{
  cd_calendar_grid_shift (self->grid, -1);
}

static void
on_next_clicked_cb (CdCalendarView *self)
{
  cd_calendar_grid_shift (self->grid, 1);
}

static void
on_today_clicked_cb (CdCalendarView *self)
{
  GDate today;

  cd_clock_today (&today);
  cd_calendar_grid_set_date (self->grid, &today);
}

static void
on_mode_toggled_cb (CdCalendarView *self)
{
  CdCalendarGridMode mode = gtk_toggle_button_get_active (self->week_button) ? CD_CALENDAR_GRID_WEEK
                                                                             : CD_CALENDAR_GRID_MONTH;

  cd_calendar_grid_set_mode (self->grid, mode);
  update_title (self);
}

/* The "+N more" of a month's day switches the grid to its week. */
static void
on_grid_mode_changed (CdCalendarView *self)
{
  gboolean week = cd_calendar_grid_get_mode (self->grid) == CD_CALENDAR_GRID_WEEK;

  if (gtk_toggle_button_get_active (self->week_button) != week)
    gtk_toggle_button_set_active (week ? self->week_button : self->month_button, TRUE);
}

static void
on_person_changed_cb (CdCalendarView *self)
{
  load (self);
}

/* The person whose plan opens: the one chosen, else who uses the app. */
static gint64
plan_person (CdCalendarView *self)
{
  gint64 person = cd_calendar_view_get_person (self);

  return person > 0 ? person : cd_context_get_current_staff (self->context);
}

static void
on_plan_clicked_cb (CdCalendarView *self)
{
  gint64 person = plan_person (self);
  g_autofree char *day = NULL;
  GDate date;

  if (person <= 0)
    {
      toast (self, _("Choose a person first: a visit plan is one person’s."));
      return;
    }
  cd_calendar_grid_get_date (self->grid, &date);
  day = cd_calendar_iso (&date);
  cd_visit_plan_window_present (parent_widget (self), self->context, person,
                                cd_calendar_grid_get_mode (self->grid) == CD_CALENDAR_GRID_WEEK
                                  ? CD_PLAN_PERIOD_WEEK : CD_PLAN_PERIOD_MONTH,
                                day);
}

static void
on_new_meeting_clicked_cb (CdCalendarView *self)
{
  open_meeting (self, 0);
}

static void
on_daily_clicked_cb (CdCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GDate today;
  gint64 id;

  cd_clock_today (&today);
  day = cd_calendar_iso (&today);
  id = cd_store_meeting_create_daily (cd_context_get_store (self->context), day, &error);
  if (id <= 0)
    {
      toast (self, error->message);
      return;
    }
  open_meeting (self, id);
  load (self);
}

/* A week is a few dozen events: read and written on the UI thread. */
static void
on_export_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(CdCalendarView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (!cd_calendar_view_export_week (self, path, &error))
    toast (self, error->message);
  else
    toast (self, _("Week saved as an iCalendar file."));
}

static char *
person_name (CdCalendarView *self)
{
  GListModel *model = gtk_drop_down_get_model (self->person_dropdown);
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);

  if (model == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_list_model_get_n_items (model))
    return g_strdup (_("Everyone"));
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), selected));
}

/* The Monday of the week on screen (or holding the month's day shown). */
static void
week_of (CdCalendarView *self,
         GDate          *first,
         GDate          *last)
{
  cd_calendar_grid_get_date (self->grid, first);
  g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
  *last = *first;
  g_date_add_days (last, 6);
}

static void
on_export_clicked_cb (CdCalendarView *self)
{
  g_autofree char *person = person_name (self);
  g_autofree char *monday = NULL;
  g_autofree char *file_name = NULL;
  GDate first, last;

  week_of (self, &first, &last);
  monday = cd_calendar_iso (&first);
  file_name = g_strdup_printf ("%s %s.ics", person, monday);
  cd_choose_file (GTK_WINDOW (parent_widget (self)), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Week"),
                  _("_Save"), _("iCalendar files"), "*.ics", file_name, on_export_file_chosen_cb,
                  g_object_ref (self));
}

static void
cd_calendar_view_map (GtkWidget *widget)
{
  CdCalendarView *self = CD_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (cd_calendar_view_parent_class)->map (widget);
  /* Shown again: meetings, visits and plans may have changed elsewhere. */
  load (self);
}

static void
cd_calendar_view_dispose (GObject *object)
{
  CdCalendarView *self = CD_CALENDAR_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CALENDAR_VIEW);
  G_OBJECT_CLASS (cd_calendar_view_parent_class)->dispose (object);
}

static void
cd_calendar_view_finalize (GObject *object)
{
  CdCalendarView *self = CD_CALENDAR_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cd_calendar_view_parent_class)->finalize (object);
}

static void
cd_calendar_view_class_init (CdCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_calendar_view_dispose;
  object_class->finalize = cd_calendar_view_finalize;
  widget_class->map = cd_calendar_view_map;

  /* As CdTodayView::open: (kind, id, number or title). */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING);

  g_type_ensure (CD_TYPE_CALENDAR_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, week_button);
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, month_button);
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, grid);
  gtk_widget_class_bind_template_child (widget_class, CdCalendarView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_meeting_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_daily_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
}

static void
cd_calendar_view_init (CdCalendarView *self)
{
  self->person_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child is not a template child: AdwBin unparents it
   * itself, after gtk_widget_dispose_template (). */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  set_loading (self, FALSE);
}

CdCalendarView *
cd_calendar_view_new (CdContext *context)
{
  CdCalendarView *self;
  GDate today;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_CALENDAR_VIEW, NULL);
  self->context = g_object_ref (context);
  cd_calendar_grid_set_holidays (self->grid, cd_context_get_calendar (context));
  cd_clock_today (&today);
  cd_calendar_view_set_today (self, &today);
  fill_people (self);
  g_signal_connect_object (self->person_dropdown, "notify::selected", G_CALLBACK (on_person_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Who uses the app changed in Preferences: their calendar, and the
   * people as they are now. */
  g_signal_connect_object (context, "notify::current-staff", G_CALLBACK (fill_people), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "period-changed", G_CALLBACK (on_grid_mode_changed), self,
                           G_CONNECT_SWAPPED);
  cd_accessible_name_parts (GTK_WIDGET (self));
  load (self);
  return self;
}

/* Shows the month holding @today and marks it. */
void
cd_calendar_view_set_today (CdCalendarView *self,
                            const GDate    *today)
{
  g_return_if_fail (CD_IS_CALENDAR_VIEW (self));

  cd_calendar_grid_set_today (self->grid, today);
  cd_calendar_grid_set_date (self->grid, today);
  update_title (self);
}

/* @staff_id: a staff member, or 0 for everyone */
void
cd_calendar_view_set_person (CdCalendarView *self,
                             gint64          staff_id)
{
  g_return_if_fail (CD_IS_CALENDAR_VIEW (self));

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == staff_id)
      gtk_drop_down_set_selected (self->person_dropdown, i);
}

gint64
cd_calendar_view_get_person (CdCalendarView *self)
{
  guint selected;

  g_return_val_if_fail (CD_IS_CALENDAR_VIEW (self), 0);
  selected = gtk_drop_down_get_selected (self->person_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->person_ids->len)
    return 0;
  return g_array_index (self->person_ids, gint64, selected);
}

void
cd_calendar_view_refresh (CdCalendarView *self)
{
  g_return_if_fail (CD_IS_CALENDAR_VIEW (self));
  load (self);
}

gboolean
cd_calendar_view_get_loading (CdCalendarView *self)
{
  g_return_val_if_fail (CD_IS_CALENDAR_VIEW (self), FALSE);
  return self->loading || self->load_when_mapped;
}

/* Returns: (transfer none): the grid, for tests */
CdCalendarGrid *
cd_calendar_view_get_grid (CdCalendarView *self)
{
  g_return_val_if_fail (CD_IS_CALENDAR_VIEW (self), NULL);
  return self->grid;
}

/**
 * cd_calendar_view_export_week:
 *
 * Writes the chosen person's week (the one holding the day shown) to @path
 * as an iCalendar file.
 */
gboolean
cd_calendar_view_export_week (CdCalendarView *self,
                              const char     *path,
                              GError        **error)
{
  g_autoptr(GVariant) events = NULL;
  g_autofree char *person = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *name = NULL;
  GDate first, last;

  g_return_val_if_fail (CD_IS_CALENDAR_VIEW (self), FALSE);

  week_of (self, &first, &last);
  from = cd_calendar_iso (&first);
  to = cd_calendar_iso (&last);
  events = cd_store_calendar_events (cd_context_get_store (self->context), from, to,
                                     cd_calendar_view_get_person (self), error);
  if (events == NULL)
    return FALSE;
  person = person_name (self);
  /* TRANSLATORS: the exported calendar's name: a person, the week's Monday */
  name = g_strdup_printf (_("%s, week of %s"), person, from);
  return cd_calendar_export_write (events, name, path, error);
}
