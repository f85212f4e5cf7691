/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>
#include <time.h>

#include "core/cd-holidays.h"
#include "gui/cd-today-view.h"

struct _CdTodayView
{
  AdwBin               parent_instance;

  CdContext           *context;
  GDate                today;        /* invalid: the real today */
  GPtrArray           *deadline_rows;

  AdwPreferencesGroup *deadlines_group;
  CdListView          *overdue;
};

/* The papers of DESIGN.md §3 step 10; the codes match the store's
 * deadline_rule table. */
typedef struct
{
  const char *code;
  int         day;
  gboolean    quarterly;
  const char *title;
  const char *what;         /* %s: the month the paper covers */
  int         month_offset; /* which month the paper covers, from this one */
} Paper;

static const Paper papers[] = {
  { "hr-work-order-summary", 3, FALSE, N_("Work-order summary to HR"),
    N_("Work orders issued in %s"), -1 },
  { "cashier-supplier-sheet", 5, FALSE, N_("Supplier sheet and pickup slips to the cashier"),
    N_("Supplier orders accepted and slips signed in %s"), -1 },
  { "archive-backup", 5, TRUE, N_("Quarterly archive backup"),
    N_("A backup copy of the database kept for the quarter before %s"), 0 },
  { "visit-plan", 28, FALSE, N_("Visit plan"),
    N_("Client visits planned for %s"), 1 },
};

G_DEFINE_FINAL_TYPE (CdTodayView, cd_today_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
get_today (CdTodayView *self,
           GDate       *out)
{
  if (g_date_valid (&self->today))
    {
      *out = self->today;
      return;
    }
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

static GDateTime *
date_time_from_gdate (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = date_time_from_gdate (date);

  /* Translators: a deadline's date, see g_date_time_format () */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

static char *
format_month (int year,
              int month)
{
  g_autoptr(GDateTime) dt = NULL;

  while (month < 1)
    month += 12, year--;
  while (month > 12)
    month -= 12, year++;
  dt = g_date_time_new_local (year, month, 1, 0, 0, 0);
  /* Translators: a month and its year, see g_date_time_format () */
  return g_date_time_format (dt, _("%B %Y"));
}

static char *
format_distance (const GDate *today,
                 const GDate *due)
{
  int days = g_date_days_between (today, due);

  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days), -days);
}

/* "Due Monday, 5 May 2025", and why when the date moved. */
static char *
describe_due (CdHolidayCalendar *calendar,
              int                year,
              int                month,
              const Paper       *paper,
              GDate             *out_due)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  g_autofree char *covers = format_month (year, month + paper->month_offset);
  GDate nominal;

  g_date_clear (&nominal, 1);
  g_date_set_dmy (&nominal, paper->day, month, year);
  what = g_strdup_printf (_(paper->what), covers);

  if (!cd_deadline_for_month (calendar, year, month, paper->day, out_due, &error))
    {
      *out_due = nominal;
      when = format_date (out_due);
      /* Translators: %s is a date; the holiday calendar lacks that year */
      return g_strdup_printf (_("%s · Due %s; the holiday calendar does not cover it, so weekends and holidays were not checked"),
                              what, when);
    }

  when = format_date (out_due);
  if (g_date_compare (out_due, &nominal) != 0)
    {
      g_autofree char *from = format_date (&nominal);
      const char *holiday = cd_holiday_calendar_day_name (calendar, &nominal);

      if (holiday != NULL && holiday[0] != '\0')
        /* Translators: what the paper covers, the due date, the nominal date, a holiday's name */
        return g_strdup_printf (_("%s · Due %s, moved from %s (%s)"), what, when, from, holiday);
      /* Translators: what the paper covers, the due date, the nominal date */
      return g_strdup_printf (_("%s · Due %s, moved from %s (a weekend)"), what, when, from);
    }
  /* Translators: what the paper covers, then the due date */
  return g_strdup_printf (_("%s · Due %s"), what, when);
}

static GtkWidget *
make_paper_row (CdTodayView *self,
                const Paper *paper,
                const GDate *today)
{
  CdHolidayCalendar *calendar = cd_context_get_calendar (self->context);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  g_autofree char *subtitle = NULL;
  g_autofree char *distance = NULL;
  GDate due;

  subtitle = describe_due (calendar, g_date_get_year (today), g_date_get_month (today), paper, &due);
  distance = format_distance (today, &due);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(paper->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  badge = gtk_label_new (distance);
  gtk_widget_add_css_class (badge, g_date_compare (&due, today) < 0 ? "dim-label" : "accent");
  if (g_date_compare (&due, today) == 0)
    gtk_widget_add_css_class (badge, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  gtk_widget_set_name (row, paper->code);
  return row;
}

static void
rebuild_deadlines (CdTodayView *self)
{
  g_autofree char *month = NULL;
  g_autofree char *description = NULL;
  GDate today;

  get_today (self, &today);

  for (guint i = 0; i < self->deadline_rows->len; i++)
    adw_preferences_group_remove (self->deadlines_group, g_ptr_array_index (self->deadline_rows, i));
  g_ptr_array_set_size (self->deadline_rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      GtkWidget *row;

      if (papers[i].quarterly && (g_date_get_month (&today) - 1) % 3 != 0)
        continue;
      row = make_paper_row (self, &papers[i], &today);
      adw_preferences_group_add (self->deadlines_group, row);
      g_ptr_array_add (self->deadline_rows, row);
    }

  month = format_month (g_date_get_year (&today), g_date_get_month (&today));
  /* Translators: %s is a month such as "March 2025" */
  description = g_strdup_printf (_("Due in %s; a deadline on a weekend or public holiday moves to the next working day"),
                                 month);
  adw_preferences_group_set_description (self->deadlines_group, description);
}

static void
cd_today_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cd_today_view_parent_class)->map (widget);

  /* The window may stay open across midnight or a month end. */
  rebuild_deadlines (CD_TODAY_VIEW (widget));
}

static void
cd_today_view_constructed (GObject *object)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

  G_OBJECT_CLASS (cd_today_view_parent_class)->constructed (object);

  self->overdue = cd_list_view_new (self->context, CD_SOURCE_OVERDUE_WORK_ORDERS);
  gtk_widget_set_vexpand (GTK_WIDGET (self->overdue), TRUE);
  /* The root box is AdwBin's child, not a bound template child: AdwBin
   * unparents it itself, after gtk_widget_dispose_template (). */
  gtk_box_append (GTK_BOX (adw_bin_get_child (ADW_BIN (self))), GTK_WIDGET (self->overdue));
  rebuild_deadlines (self);
}

static void
cd_today_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_TODAY_VIEW);

  G_OBJECT_CLASS (cd_today_view_parent_class)->dispose (object);
}

static void
cd_today_view_finalize (GObject *object)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

  g_clear_pointer (&self->deadline_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cd_today_view_parent_class)->finalize (object);
}

static void
cd_today_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

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
cd_today_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

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
cd_today_view_class_init (CdTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_today_view_constructed;
  object_class->dispose = cd_today_view_dispose;
  object_class->finalize = cd_today_view_finalize;
  object_class->get_property = cd_today_view_get_property;
  object_class->set_property = cd_today_view_set_property;
  widget_class->map = cd_today_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, deadlines_group);
}

static void
cd_today_view_init (CdTodayView *self)
{
  g_date_clear (&self->today, 1);
  self->deadline_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer floating): the Today view */
CdTodayView *
cd_today_view_new (CdContext *context)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return g_object_new (CD_TYPE_TODAY_VIEW, "context", context, NULL);
}

/* Returns: (transfer none): the list of late work orders */
CdListView *
cd_today_view_get_overdue (CdTodayView *self)
{
  g_return_val_if_fail (CD_IS_TODAY_VIEW (self), NULL);
  return self->overdue;
}

/* For tests: the day the papers are computed for (NULL: the real today). */
void
cd_today_view_set_today (CdTodayView *self,
                         const GDate *today)
{
  g_return_if_fail (CD_IS_TODAY_VIEW (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  rebuild_deadlines (self);
}

/* The holiday calendar changed: compute the dates again. */
void
cd_today_view_refresh (CdTodayView *self)
{
  g_return_if_fail (CD_IS_TODAY_VIEW (self));

  rebuild_deadlines (self);
  cd_list_view_invalidate (self->overdue);
}
