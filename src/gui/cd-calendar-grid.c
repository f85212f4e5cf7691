/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "gui/cd-calendar-grid.h"

struct _CdCalendarGrid
{
  GtkWidget           parent_instance;

  CdHolidayCalendar  *holidays;     /* nullable */
  CdCalendarGridMode  mode;
  GDate               date;         /* a day inside the period shown */
  GDate               today;
  GDate               first, last;  /* the days on screen */
  GtkGrid            *grid;
  GHashTable         *cells;        /* julian day → GtkBox of the day */
  GHashTable         *lists;        /* julian day → GtkBox of its events */
  GVariant           *events;       /* aa{sv}, nullable */
};

G_DEFINE_FINAL_TYPE (CdCalendarGrid, cd_calendar_grid, GTK_TYPE_WIDGET)

enum {
  EVENT_ACTIVATED,
  PERIOD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *label;   /* N_() */
  const char *icon_name;
} kinds[] = {
  { N_("Planned visit"), "find-location-symbolic" },
  { N_("Visit"), "emblem-ok-symbolic" },
  { N_("Meeting"), "system-users-symbolic" },
  { N_("Work order due"), "view-list-bullet-symbolic" },
  { N_("Delivery due"), "package-x-generic-symbolic" },
  { N_("Installment due"), "accessories-calculator-symbolic" },
};

/* Returns: the translated name of a CdCalendarEventKind */
const char *
cd_calendar_event_kind_label (int kind)
{
  if (kind < 0 || kind >= (int) G_N_ELEMENTS (kinds))
    return _("Event");
  return _(kinds[kind].label);
}

char *
cd_calendar_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
cd_calendar_parse_iso (const char *text,
                       GDate      *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static GDateTime *
to_datetime (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = to_datetime (date);

  return g_date_time_format (dt, format);
}

/* Monday of the week holding @date. */
static void
week_start (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static void
compute_range (CdCalendarGrid *self)
{
  self->first = self->date;
  if (self->mode == CD_CALENDAR_GRID_MONTH)
    g_date_set_day (&self->first, 1);
  week_start (&self->first);
  self->last = self->date;
  if (self->mode == CD_CALENDAR_GRID_MONTH)
    g_date_set_day (&self->last, g_date_get_days_in_month (g_date_get_month (&self->date),
                                                           g_date_get_year (&self->date)));
  /* To the Sunday closing the week of the last day. */
  g_date_add_days (&self->last, G_DATE_SUNDAY - g_date_get_weekday (&self->last));
}

static CdDayKind
day_kind (CdCalendarGrid *self,
          const GDate    *date,
          const char    **name)
{
  CdDayKind kind;

  *name = NULL;
  if (self->holidays == NULL)
    return g_date_get_weekday (date) >= G_DATE_SATURDAY ? CD_DAY_WEEKEND : CD_DAY_WORKDAY;
  kind = cd_holiday_calendar_day_kind (self->holidays, date);
  if (kind == CD_DAY_HOLIDAY || kind == CD_DAY_MAKEUP_WORKDAY)
    *name = cd_holiday_calendar_day_name (self->holidays, date);
  return kind;
}

static char *
describe_day (CdCalendarGrid *self,
              const GDate    *date)
{
  g_autofree char *text = format_date (date, _("%A %-d %B %Y"));
  const char *name;

  switch (day_kind (self, date, &name))
    {
    case CD_DAY_HOLIDAY:
      /* TRANSLATORS: a day, then the name of the public holiday */
      return g_strdup_printf (_("%s, public holiday: %s"), text, name ? name : "");
    case CD_DAY_MAKEUP_WORKDAY:
      /* TRANSLATORS: a weekend day worked to make up for a holiday (调休上班) */
      return g_strdup_printf (_("%s, make-up working day: %s"), text, name ? name : "");
    case CD_DAY_WEEKEND:
    case CD_DAY_WORKDAY:
    default:
      return g_steal_pointer (&text);
    }
}

static GtkWidget *
make_day_header (CdCalendarGrid *self,
                 const GDate    *date)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (date));
  GtkWidget *label = gtk_label_new (number);
  const char *name = NULL;
  CdDayKind kind = day_kind (self, date, &name);

  gtk_widget_add_css_class (label, "heading");
  if (g_date_compare (date, &self->today) == 0)
    gtk_widget_add_css_class (label, "accent");
  if (self->mode == CD_CALENDAR_GRID_MONTH && g_date_get_month (date) != g_date_get_month (&self->date))
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  if (kind == CD_DAY_HOLIDAY || kind == CD_DAY_MAKEUP_WORKDAY)
    {
      /* TRANSLATORS: short marks on a calendar day: 休 (day off), 班 (make-up working day) */
      GtkWidget *badge = gtk_label_new (kind == CD_DAY_HOLIDAY ? _("Off") : _("Work"));
      GtkWidget *title = gtk_label_new (name);

      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, kind == CD_DAY_HOLIDAY ? "success" : "warning");
      gtk_widget_add_css_class (title, "caption");
      gtk_widget_add_css_class (title, kind == CD_DAY_HOLIDAY ? "success" : "warning");
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_set_name (title, "holiday-name");
      gtk_box_append (GTK_BOX (box), badge);
      gtk_box_append (GTK_BOX (box), title);
    }
  else if (kind == CD_DAY_WEEKEND)
    gtk_widget_add_css_class (label, "dim-label");
  return box;
}

static GtkWidget *
make_day (CdCalendarGrid *self,
          const GDate    *date)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *description = describe_day (self, date);
  guint julian = g_date_get_julian (date);

  gtk_widget_add_css_class (cell, "card");
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_widget_set_vexpand (cell, TRUE);
  gtk_widget_set_size_request (cell, 80, self->mode == CD_CALENDAR_GRID_MONTH ? 96 : 320);
  gtk_widget_set_margin_start (cell, 2);
  gtk_widget_set_margin_end (cell, 2);
  gtk_widget_set_margin_top (cell, 2);
  gtk_widget_set_margin_bottom (cell, 2);
  gtk_widget_set_overflow (cell, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (cell), make_day_header (self, date));
  gtk_widget_set_margin_start (gtk_widget_get_first_child (cell), 6);
  gtk_widget_set_margin_top (gtk_widget_get_first_child (cell), 4);
  gtk_box_append (GTK_BOX (cell), list);
  gtk_widget_set_tooltip_text (cell, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_hash_table_insert (self->cells, GUINT_TO_POINTER (julian), cell);
  g_hash_table_insert (self->lists, GUINT_TO_POINTER (julian), list);
  return cell;
}

static void
clear_grid (CdCalendarGrid *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->lists);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
build_days (CdCalendarGrid *self)
{
  GDate day = self->first;

  clear_grid (self);
  for (int column = 0; column < 7; column++)
    {
      g_autofree char *name = format_date (&day, self->mode == CD_CALENDAR_GRID_WEEK ? _("%a %-d %b") : "%a");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, column, 0, 1, 1);
      g_date_add_days (&day, 1);
    }
  day = self->first;
  for (int row = 1; g_date_compare (&day, &self->last) <= 0; row++)
    for (int column = 0; column < 7; column++)
      {
        gtk_grid_attach (self->grid, make_day (self, &day), column, row, 1, 1);
        g_date_add_days (&day, 1);
      }
}

static void
on_event_clicked_cb (GtkButton      *button,
                     CdCalendarGrid *self)
{
  GVariant *event = g_object_get_data (G_OBJECT (button), "cd-event");
  const char *open_kind = "";
  const char *title = "";
  gint64 open_id = 0;

  g_variant_lookup (event, "open_kind", "&s", &open_kind);
  g_variant_lookup (event, "open_id", "x", &open_id);
  g_variant_lookup (event, "title", "&s", &title);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, open_kind, open_id, title);
}

static GtkWidget *
make_event (CdCalendarGrid *self,
            GVariant       *event)
{
  const char *title = "", *time = "", *detail = "", *staff = "";
  int kind = -1;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_variant_lookup (event, "kind", "i", &kind);
  g_variant_lookup (event, "title", "&s", &title);
  g_variant_lookup (event, "time", "&s", &time);
  g_variant_lookup (event, "detail", "&s", &detail);
  g_variant_lookup (event, "staff_name", "&s", &staff);
  text = *time ? g_strdup_printf ("%s %s", time, title) : g_strdup (title);
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  if (kind >= 0 && kind < (int) G_N_ELEMENTS (kinds))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (kinds[kind].icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
    }
  if (self->mode == CD_CALENDAR_GRID_WEEK)
    {
      /* A week has room for the whole title and what it is about. */
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_box_append (GTK_BOX (lines), label);
      if (*detail != '\0')
        {
          GtkWidget *more = gtk_label_new (detail);

          gtk_label_set_wrap (GTK_LABEL (more), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (more), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (more), 2);
          gtk_label_set_ellipsize (GTK_LABEL (more), PANGO_ELLIPSIZE_END);
          gtk_label_set_xalign (GTK_LABEL (more), 0.0);
          gtk_widget_add_css_class (more, "caption");
          gtk_widget_add_css_class (more, "dim-label");
          gtk_box_append (GTK_BOX (lines), more);
        }
      gtk_box_append (GTK_BOX (box), lines);
    }
  else
    gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  if (*time != '\0')
    /* TRANSLATORS: kind of calendar item, its time, its title */
    name = g_strdup_printf (_("%s %s: %s"), cd_calendar_event_kind_label (kind), time, title);
  else
    /* TRANSLATORS: kind of calendar item, its title */
    name = g_strdup_printf (_("%s: %s"), cd_calendar_event_kind_label (kind), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, *detail ? detail : name);
  g_object_set_data_full (G_OBJECT (button), "cd-event", g_variant_ref (event),
                          (GDestroyNotify) g_variant_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_event_clicked_cb), self);
  return button;
}

static void
on_more_clicked_cb (GtkButton      *button,
                    CdCalendarGrid *self)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cd-julian")));
  self->date = day;
  cd_calendar_grid_set_mode (self, CD_CALENDAR_GRID_WEEK);
}

static GtkWidget *
make_more (guint julian,
           guint hidden,
           CdCalendarGrid *self)
{
  g_autofree char *text = g_strdup_printf (ngettext ("+%u more", "+%u more", hidden), hidden);
  GtkWidget *button = gtk_button_new_with_label (text);
  g_autofree char *name = g_strdup_printf (ngettext ("Show %u more item in the week view",
                                                        "Show %u more items in the week view", hidden),
                                           hidden);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "cd-julian", GUINT_TO_POINTER (julian));
  g_signal_connect (button, "clicked", G_CALLBACK (on_more_clicked_cb), self);
  return button;
}

static void
fill_events (CdCalendarGrid *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GVariantIter iter;
  GVariant *event;

  if (self->events == NULL)
    return;
  g_variant_iter_init (&iter, self->events);
  while ((event = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *date = NULL;
      GDate day;
      GtkWidget *list;
      guint julian, n;

      if (g_variant_lookup (event, "date", "&s", &date) && cd_calendar_parse_iso (date, &day)
          && (list = g_hash_table_lookup (self->lists, GUINT_TO_POINTER ((julian = g_date_get_julian (&day))))))
        {
          n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (julian)));
          if (self->mode == CD_CALENDAR_GRID_WEEK || n < CD_CALENDAR_GRID_MONTH_ROWS)
            gtk_box_append (GTK_BOX (list), make_event (self, event));
          g_hash_table_insert (counts, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (n + 1));
        }
      g_variant_unref (event);
    }
  if (self->mode == CD_CALENDAR_GRID_MONTH)
    {
      GHashTableIter it;
      gpointer key, value;

      g_hash_table_iter_init (&it, counts);
      while (g_hash_table_iter_next (&it, &key, &value))
        if (GPOINTER_TO_UINT (value) > CD_CALENDAR_GRID_MONTH_ROWS)
          gtk_box_append (GTK_BOX (g_hash_table_lookup (self->lists, key)),
                          make_more (GPOINTER_TO_UINT (key),
                                     GPOINTER_TO_UINT (value) - CD_CALENDAR_GRID_MONTH_ROWS, self));
    }
}

static void
rebuild (CdCalendarGrid *self)
{
  GDate old_first = self->first, old_last = self->last;

  compute_range (self);
  build_days (self);
  if (!g_date_valid (&old_first) || g_date_compare (&old_first, &self->first) != 0
      || g_date_compare (&old_last, &self->last) != 0)
    {
      /* The events on hand belong to the old days. */
      g_clear_pointer (&self->events, g_variant_unref);
      g_signal_emit (self, signals[PERIOD_CHANGED], 0);
    }
  else
    fill_events (self);
}

static void
cd_calendar_grid_dispose (GObject *object)
{
  CdCalendarGrid *self = CD_CALENDAR_GRID (object);

  if (self->grid != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->grid));
  self->grid = NULL;
  G_OBJECT_CLASS (cd_calendar_grid_parent_class)->dispose (object);
}

static void
cd_calendar_grid_finalize (GObject *object)
{
  CdCalendarGrid *self = CD_CALENDAR_GRID (object);

  g_clear_pointer (&self->holidays, cd_holiday_calendar_unref);
  g_clear_pointer (&self->events, g_variant_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  G_OBJECT_CLASS (cd_calendar_grid_parent_class)->finalize (object);
}

static void
cd_calendar_grid_class_init (CdCalendarGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_calendar_grid_dispose;
  object_class->finalize = cd_calendar_grid_finalize;

  /**
   * CdCalendarGrid::event-activated:
   * @open_kind: as the event's "open_kind" ("meeting", "client", …)
   * @open_id: the record's id
   * @title: the event's title
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING);
  /* The days on screen changed: their events are to be read again. */
  signals[PERIOD_CHANGED] =
    g_signal_new ("period-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cd_calendar_grid_init (CdCalendarGrid *self)
{
  self->cells = g_hash_table_new (NULL, NULL);
  self->lists = g_hash_table_new (NULL, NULL);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_homogeneous (self->grid, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  g_date_clear (&self->today, 1);
  g_date_clear (&self->date, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
  }
  self->date = self->today;
  self->mode = CD_CALENDAR_GRID_MONTH;
  compute_range (self);
  build_days (self);
}

CdCalendarGrid *
cd_calendar_grid_new (void)
{
  return g_object_new (CD_TYPE_CALENDAR_GRID, NULL);
}

/* @calendar: (nullable): the holidays to mark; NULL marks only weekends */
void
cd_calendar_grid_set_holidays (CdCalendarGrid    *self,
                               CdHolidayCalendar *calendar)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));

  g_clear_pointer (&self->holidays, cd_holiday_calendar_unref);
  if (calendar != NULL)
    self->holidays = cd_holiday_calendar_ref (calendar);
  build_days (self);
  fill_events (self);
}

void
cd_calendar_grid_set_mode (CdCalendarGrid     *self,
                           CdCalendarGridMode  mode)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  rebuild (self);
}

CdCalendarGridMode
cd_calendar_grid_get_mode (CdCalendarGrid *self)
{
  g_return_val_if_fail (CD_IS_CALENDAR_GRID (self), CD_CALENDAR_GRID_MONTH);
  return self->mode;
}

/* Shows the week or month holding @date. */
void
cd_calendar_grid_set_date (CdCalendarGrid *self,
                           const GDate    *date)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  rebuild (self);
}

void
cd_calendar_grid_get_date (CdCalendarGrid *self,
                           GDate          *out)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));
  *out = self->date;
}

/* The day marked as today (tests and $CLIENTDESK_TODAY fix it). */
void
cd_calendar_grid_set_today (CdCalendarGrid *self,
                            const GDate    *today)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  build_days (self);
  fill_events (self);
}

/* The first (a Monday) and last (a Sunday) day on screen. */
void
cd_calendar_grid_get_range (CdCalendarGrid *self,
                            GDate          *first,
                            GDate          *last)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));
  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}

/* Moves @periods weeks or months forward (negative: back). */
void
cd_calendar_grid_shift (CdCalendarGrid *self,
                        int             periods)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));

  if (self->mode == CD_CALENDAR_GRID_WEEK)
    {
      if (periods >= 0)
        g_date_add_days (&self->date, 7 * periods);
      else
        g_date_subtract_days (&self->date, 7 * -periods);
    }
  else
    {
      g_date_set_day (&self->date, 1);
      if (periods >= 0)
        g_date_add_months (&self->date, periods);
      else
        g_date_subtract_months (&self->date, -periods);
    }
  rebuild (self);
}

/* @events: (nullable): aa{sv} as cd_store_calendar_events () */
void
cd_calendar_grid_set_events (CdCalendarGrid *self,
                             GVariant       *events)
{
  g_return_if_fail (CD_IS_CALENDAR_GRID (self));

  g_clear_pointer (&self->events, g_variant_unref);
  if (events != NULL)
    self->events = g_variant_ref_sink (events);
  build_days (self);
  fill_events (self);
}

/* Returns: (transfer none) (nullable): the box of @date, when on screen */
GtkWidget *
cd_calendar_grid_get_day (CdCalendarGrid *self,
                          const GDate    *date)
{
  g_return_val_if_fail (CD_IS_CALENDAR_GRID (self), NULL);
  return g_hash_table_lookup (self->cells, GUINT_TO_POINTER (g_date_get_julian (date)));
}

/* Returns: (transfer full): "February 2026", or the week's first day */
char *
cd_calendar_grid_dup_title (CdCalendarGrid *self)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CD_IS_CALENDAR_GRID (self), NULL);
  if (self->mode == CD_CALENDAR_GRID_MONTH)
    return format_date (&self->date, _("%B %Y"));
  day = format_date (&self->first, _("%-d %B %Y"));
  /* TRANSLATORS: %s is the Monday the week starts on */
  return g_strdup_printf (_("Week of %s"), day);
}
