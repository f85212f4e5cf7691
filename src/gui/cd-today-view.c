/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Today view (issue 9): the month-end papers with their dates moved
 * past weekends and public holidays, marked done or exported from here, and
 * one section per kind of thing due, for me, my team or everyone. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-holidays.h"
#include "core/cd-money.h"
#include "gui/cd-deadline-notifier.h"
#include "gui/cd-meeting-window.h"
#include "gui/cd-visit-plan-window.h"
#include "gui/cd-tasks.h"
#include "gui/cd-today-view.h"
#include "reports/cd-supplier-sheet.h"
#include "reports/cd-work-order-summary.h"
#include "store/cd-store-plans.h"
#include "store/cd-store-today.h"

struct _CdTodayView
{
  AdwBin               parent_instance;

  CdContext           *context;
  GDate                today;          /* invalid: the clock's today */
  CdTodayScope         scope;
  GCancellable        *cancellable;
  GCancellable        *export_cancellable;
  GPtrArray           *paper_rows;
  GtkWidget           *section_groups[CD_TODAY_N_SECTIONS];
  gint64               totals[CD_TODAY_N_SECTIONS];
  gboolean             loading;
  gboolean             updating_scope;

  AdwToastOverlay     *toast_overlay;
  GtkLabel            *day_label;
  GtkSpinner          *spinner;
  GtkBox              *scope_box;
  GtkToggleButton     *mine_button;
  GtkToggleButton     *team_button;
  GtkToggleButton     *everyone_button;
  GtkBox              *sections_box;
  AdwPreferencesGroup *deadlines_group;
  AdwStatusPage       *nothing_page;
};

/* What the papers of DESIGN.md §3 step 10 are; their days are the
 * deadline_rule table's. */
typedef struct
{
  const char *code;
  const char *title;
  const char *what;         /* %s: the month the paper covers */
  int         month_offset; /* which month the paper covers, from the due month */
  const char *export_label; /* NULL: nothing to export */
} Paper;

static const Paper papers[] = {
  { "hr-work-order-summary", N_("Work-order summary to HR"),
    N_("Work orders issued in %s"), -1, N_("Export Summary…") },
  { "cashier-supplier-sheet", N_("Supplier sheet and pickup slips to the cashier"),
    N_("Supplier orders accepted and slips signed in %s"), -1, N_("Export Sheet…") },
  { "archive-backup", N_("Quarterly archive backup"),
    N_("A backup copy of the database kept for the quarter before %s"), 0, N_("Back Up…") },
  { "visit-plan", N_("Visit plan"),
    N_("Client visits planned for %s"), 1, NULL },
};

/* The sections of cd-store-today.h, in the order shown. */
typedef struct
{
  CdTodaySection section;
  const char    *title;
  const char    *list_view;  /* the window's view with all of them */
} Section;

static const Section sections[] = {
  { CD_TODAY_MEETINGS_WITHOUT_NOTICE, N_("Client Meetings Without a Notice Sent"), "calendar" },
  { CD_TODAY_VISIT_PLANS_DUE, N_("Visit Plans for Next Month Not Submitted"), "calendar" },
  { CD_TODAY_WORK_ORDERS_OVERDUE, N_("Overdue Work Orders"), "work-orders" },
  { CD_TODAY_WORK_ORDERS_THIS_WEEK, N_("Work Orders Due This Week"), "work-orders" },
  { CD_TODAY_DELIVERIES_DUE, N_("Supplier Deliveries Due"), "suppliers-deliveries" },
  { CD_TODAY_AWAITING_ACCEPTANCE, N_("Deliveries Waiting for Acceptance"), "suppliers-deliveries" },
  { CD_TODAY_INSTALLMENTS_OVERDUE, N_("Overdue Installments"), "finance" },
  { CD_TODAY_INSTALLMENTS_DUE, N_("Installments Due Within a Week"), "finance" },
  { CD_TODAY_CONTRACTS_ENDING, N_("Contracts Ending Within 30 Days"), "quotes-contracts" },
  { CD_TODAY_QUOTES_UNANSWERED, N_("Quotes Sent and Unanswered"), "quotes-contracts" },
  { CD_TODAY_VISITS_DUE, N_("Clients Due a Visit"), "clients" },
  { CD_TODAY_COMPLAINTS_OPEN, N_("Open Complaints"), "clients" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sections) == CD_TODAY_N_SECTIONS);

G_DEFINE_FINAL_TYPE (CdTodayView, cd_today_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (CdTodayView *self);

static const Paper *
find_paper (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_str_equal (papers[i].code, code))
      return &papers[i];
  return NULL;
}

/* The clock: a day set by the caller, else cd_clock_today () (which
 * honours $CLIENTDESK_TODAY for tests and demonstrations). */
static void
get_today (CdTodayView *self,
           GDate       *out)
{
  if (g_date_valid (&self->today))
    *out = self->today;
  else
    cd_clock_today (out);
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

/* Returns: (transfer none): the translated title of paper @code */
const char *
cd_today_paper_title (const char *code)
{
  const Paper *paper = find_paper (code);

  return paper != NULL ? _(paper->title) : code;
}

/* "Work orders issued in May 2025 · Due Monday, 9 June 2025, moved from …" */
static char *
describe_due (CdHolidayCalendar *calendar,
              const CdPaperDue  *due,
              const Paper       *paper)
{
  g_autofree char *when = format_date (&due->due);
  g_autofree char *covers = format_month (g_date_get_year (&due->nominal),
                                          g_date_get_month (&due->nominal) + (paper ? paper->month_offset : 0));
  g_autofree char *what = paper ? g_strdup_printf (_(paper->what), covers) : g_strdup (due->code);

  if (!due->checked)
    /* Translators: what the paper covers, then a date; the holiday calendar lacks that year */
    return g_strdup_printf (_("%s · Due %s; the holiday calendar does not cover it, so weekends and holidays were not checked"),
                            what, when);
  if (g_date_compare (&due->due, &due->nominal) != 0)
    {
      g_autofree char *from = format_date (&due->nominal);
      const char *holiday = cd_holiday_calendar_day_name (calendar, &due->nominal);

      if (holiday != NULL && holiday[0] != '\0')
        /* Translators: what the paper covers, the due date, the nominal date, a holiday's name */
        return g_strdup_printf (_("%s · Due %s, moved from %s (%s)"), what, when, from, holiday);
      /* Translators: what the paper covers, the due date, the nominal date */
      return g_strdup_printf (_("%s · Due %s, moved from %s (a weekend)"), what, when, from);
    }
  /* Translators: what the paper covers, then the due date */
  return g_strdup_printf (_("%s · Due %s"), what, when);
}

static void
toast (CdTodayView *self,
       const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
set_done (CdTodayView *self,
          GtkWidget   *button,
          gboolean     done)
{
  const char *code = g_object_get_data (G_OBJECT (button), "cd-code");
  const char *period = g_object_get_data (G_OBJECT (button), "cd-period");
  g_autoptr(GError) error = NULL;

  if (!cd_store_paper_set_done (cd_context_get_store (self->context), code, period, done, &error))
    {
      toast (self, error->message);
      return;
    }
  cd_today_view_rebuild_papers (self);
}

static void
on_done_clicked_cb (GtkButton   *button,
                    CdTodayView *self)
{
  set_done (self, GTK_WIDGET (button), TRUE);
}

static void
on_not_done_clicked_cb (GtkButton   *button,
                        CdTodayView *self)
{
  set_done (self, GTK_WIDGET (button), FALSE);
}

typedef struct
{
  CdTodayView *view;
  char        *name;
} ExportData;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(CdTodayView) self = data->view;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_async_result_is_tagged (result, cd_work_order_summary_export_async))
    ok = cd_work_order_summary_export_finish (CD_STORE (source), result, &error);
  else
    ok = cd_supplier_sheet_export_finish (CD_STORE (source), result, &error);
  g_clear_object (&self->export_cancellable);
  if (ok)
    {
      /* Translators: %s is the file written */
      g_autofree char *text = g_strdup_printf (_("Saved %s"), data->name);

      toast (self, text);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cd_show_message (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                     _("The Workbook Was Not Written"), error->message);
  g_free (data->name);
  g_free (data);
}

static void
on_export_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  GtkWidget *button = user_data;
  CdTodayView *self = CD_TODAY_VIEW (gtk_widget_get_ancestor (button, CD_TYPE_TODAY_VIEW));
  const char *code = g_object_get_data (G_OBJECT (button), "cd-code");
  const char *month = g_object_get_data (G_OBJECT (button), "cd-covers");
  CdStore *store;
  g_autofree char *path = NULL;
  ExportData *data;

  if (file == NULL || self == NULL || (path = g_file_get_path (file)) == NULL)
    {
      g_object_unref (button);
      return;
    }
  store = cd_context_get_store (self->context);
  data = g_new0 (ExportData, 1);
  data->view = g_object_ref (self);
  data->name = g_file_get_basename (file);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  toast (self, _("Exporting…"));
  if (g_str_equal (code, "hr-work-order-summary"))
    cd_work_order_summary_export_async (store, month, path, NULL, NULL, self->export_cancellable,
                                        on_exported_cb, data);
  else
    cd_supplier_sheet_export_async (store, month, path, cd_supplier_sheet_default_flags (store),
                                    NULL, NULL, self->export_cancellable, on_exported_cb, data);
  g_object_unref (button);
}

static void
on_export_clicked_cb (GtkButton   *button,
                      CdTodayView *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "cd-code");
  const char *month = g_object_get_data (G_OBJECT (button), "cd-covers");
  g_autofree char *name = NULL;

  if (g_str_equal (code, "archive-backup"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "app.backup", NULL);
      return;
    }
  /* Translators: suggested file names; %s is a month such as 2026-01 */
  name = g_strdup_printf (g_str_equal (code, "hr-work-order-summary") ? _("work-orders-%s.xlsx")
                                                                      : _("supplier-sheet-%s.xlsx"),
                          month);
  cd_choose_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), GTK_FILE_CHOOSER_ACTION_SAVE,
                  _("Export the Month-End Workbook"), _("_Export"), _("Excel workbooks"), "*.xlsx",
                  name, on_export_file_chosen_cb, g_object_ref (button));
}

static GtkWidget *
make_button (const char  *label,
             const char  *accessible,
             const CdPaperDue *due,
             const char  *covers,
             GCallback    callback,
             CdTodayView *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, accessible);
  g_object_set_data_full (G_OBJECT (button), "cd-code", g_strdup (due->code), g_free);
  g_object_set_data_full (G_OBJECT (button), "cd-period", g_strdup (due->period), g_free);
  g_object_set_data_full (G_OBJECT (button), "cd-covers", g_strdup (covers), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* "YYYY-MM" of the month the paper covers. */
static char *
covered_month (const CdPaperDue *due,
               const Paper      *paper)
{
  int year = g_date_get_year (&due->nominal);
  int month = g_date_get_month (&due->nominal) + (paper ? paper->month_offset : 0);

  while (month < 1)
    month += 12, year--;
  while (month > 12)
    month -= 12, year++;
  return g_strdup_printf ("%04d-%02d", year, month);
}

/* @submitted: the paper is the visit plan and the current staff member's
 * plan has been submitted. */
static GtkWidget *
make_paper_row (CdTodayView      *self,
                const CdPaperDue *due,
                gboolean          submitted,
                const GDate      *today)
{
  const Paper *paper = find_paper (due->code);
  const char *title = paper ? _(paper->title) : due->code;
  g_autofree char *subtitle = describe_due (cd_context_get_calendar (self->context), due, paper);
  g_autofree char *covers = covered_month (due, paper);
  g_autofree char *done_name = NULL;
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_set_name (row, due->code);
  if (submitted)
    {
      /* The plan itself says it is done: nothing to mark. */
      GtkWidget *label = gtk_label_new (_("Submitted"));

      gtk_widget_add_css_class (label, "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_add_css_class (row, "dim-label");
      return row;
    }
  if (due->done)
    {
      /* Translators: %s is a month-end paper such as "Visit plan" */
      done_name = g_strdup_printf (_("Mark “%s” not done"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (_("_Not Done"), done_name, due, covers,
                                              G_CALLBACK (on_not_done_clicked_cb), self));
      gtk_widget_add_css_class (row, "dim-label");
      return row;
    }
  {
    g_autofree char *distance = format_distance (today, &due->due);
    GtkWidget *badge = gtk_label_new (distance);

    gtk_widget_add_css_class (badge, g_date_compare (&due->due, today) < 0 ? "error" : "accent");
    if (g_date_compare (&due->due, today) == 0)
      gtk_widget_add_css_class (badge, "heading");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  }
  if (paper != NULL && paper->export_label != NULL)
    {
      /* Translators: %s is a month-end paper such as "Visit plan" */
      g_autofree char *export_name = g_strdup_printf (_("Export “%s” now"), title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (_(paper->export_label), export_name, due, covers,
                                              G_CALLBACK (on_export_clicked_cb), self));
    }
  /* Translators: %s is a month-end paper such as "Visit plan" */
  done_name = g_strdup_printf (_("Mark “%s” done"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button (_("_Done"), done_name, due, covers,
                                          G_CALLBACK (on_done_clicked_cb), self));
  return row;
}

static void
clear_paper_rows (CdTodayView *self)
{
  for (guint i = 0; i < self->paper_rows->len; i++)
    adw_preferences_group_remove (self->deadlines_group, g_ptr_array_index (self->paper_rows, i));
  g_ptr_array_set_size (self->paper_rows, 0);
}

/* The papers are a handful of settings reads: done on the UI thread. */
void
cd_today_view_rebuild_papers (CdTodayView *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *description = NULL;
  guint n_done = 0;
  gboolean submitted;
  GDate today;

  g_return_if_fail (CD_IS_TODAY_VIEW (self));

  get_today (self, &today);
  clear_paper_rows (self);
  due = cd_store_today_papers (cd_context_get_store (self->context),
                               cd_context_get_calendar (self->context), &today, &error);
  if (due == NULL)
    {
      adw_preferences_group_set_description (self->deadlines_group, error->message);
      return;
    }
  /* The current staff member's submitted visit plan is the paper done. */
  submitted = cd_store_today_plan_submitted (cd_context_get_store (self->context),
                                             cd_context_get_current_staff (self->context), &today);
  /* Open papers first, done ones after them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < due->len; i++)
      {
        CdPaperDue *paper = g_ptr_array_index (due, i);
        gboolean plan_done = submitted && g_str_equal (paper->code, "visit-plan");
        GtkWidget *row;

        if ((paper->done || plan_done) != (pass == 1))
          continue;
        n_done += paper->done || plan_done;
        row = make_paper_row (self, paper, plan_done, &today);
        adw_preferences_group_add (self->deadlines_group, row);
        g_ptr_array_add (self->paper_rows, row);
      }

  month = format_month (g_date_get_year (&today), g_date_get_month (&today));
  /* Translators: %s is a month such as "March 2025" */
  description = g_strdup_printf (_("Due in %s; a deadline on a weekend or public holiday moves to the next working day"),
                                 month);
  adw_preferences_group_set_description (self->deadlines_group, description);
}

static void
on_row_activated_cb (AdwActionRow *row,
                     CdTodayView  *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "cd-open-kind");
  const char *number = g_object_get_data (G_OBJECT (row), "cd-number");
  gint64 *id = g_object_get_data (G_OBJECT (row), "cd-open-id");

  g_signal_emit (self, signals[OPEN], 0, kind, id != NULL ? *id : 0, number);
}

static const char *
lookup_string (GVariant   *dict,
               const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (dict, key, "&s", &value))
    return NULL;
  return value;
}

/* The row's second line: its detail, what it is worth, when it is due. */
static char *
describe_item (CdTodaySection  section,
               GVariant       *dict,
               const GDate    *today)
{
  const char *detail = lookup_string (dict, "detail");
  const char *date = lookup_string (dict, "date");
  g_autoptr(GString) text = g_string_new (detail != NULL ? detail : "");
  gint64 amount;

  if (section == CD_TODAY_VISITS_DUE)
    {
      const char *last = lookup_string (dict, "last_visit");
      g_autofree char *visit = last != NULL
        /* Translators: %s is the date of the client's last visit */
        ? g_strdup_printf (_("last visit %s"), last)
        : g_strdup (_("never visited"));

      g_string_append_printf (text, " · %s", visit);
    }
  if (g_variant_lookup (dict, "amount_fen", "x", &amount))
    {
      g_autofree char *money = cd_money_format (amount);

      g_string_append_printf (text, " · %s", money);
    }
  if (date != NULL)
    {
      int y, m, d;

      if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          GDate due;
          g_autofree char *distance = NULL;

          g_date_clear (&due, 1);
          g_date_set_dmy (&due, d, m, y);
          distance = format_distance (today, &due);
          g_string_append_printf (text, " · %s (%s)", date, distance);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
make_item_row (CdTodayView    *self,
               CdTodaySection  section,
               GVariant       *dict,
               const GDate    *today)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = lookup_string (dict, "title");
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *subtitle = describe_item (section, dict, today);
  g_autofree char *subtitle_escaped = g_markup_escape_text (subtitle, -1);
  gint64 open_id = 0;

  g_variant_lookup (dict, "open_id", "x", &open_id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cd-open-kind", g_strdup (lookup_string (dict, "open_kind")), g_free);
  g_object_set_data_full (G_OBJECT (row), "cd-number", g_strdup (lookup_string (dict, "number")), g_free);
  g_object_set_data_full (G_OBJECT (row), "cd-open-id", g_memdup2 (&open_id, sizeof open_id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  return row;
}

static GtkWidget *
make_more_row (CdTodayView   *self,
               const Section *info,
               gint64         more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " more…",
                                                         "%" PRId64 " more…", more), more);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Open the list of all of them"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cd-open-kind", g_strdup ("view"), g_free);
  g_object_set_data_full (G_OBJECT (row), "cd-number", g_strdup (info->list_view), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  return row;
}

static void
fill_section (CdTodayView   *self,
              const Section *info,
              gint64         total,
              GVariant      *rows,
              const GDate   *today)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf ("%s (%" PRId64 ")", _(info->title), total);
  GVariantIter iter;
  GVariant *dict;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  g_variant_iter_init (&iter, rows);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_item_row (self, info->section, dict, today));
      g_variant_unref (dict);
    }
  if (total > (gint64) g_variant_n_children (rows))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_more_row (self, info, total - g_variant_n_children (rows)));
  gtk_widget_set_visible (group, total > 0);
  gtk_box_insert_child_after (self->sections_box, group,
                              info == sections ? GTK_WIDGET (self->deadlines_group)
                                               : self->section_groups[sections[info - sections - 1].section]);
  self->section_groups[info->section] = group;
  self->totals[info->section] = total;
}

static void
clear_sections (CdTodayView *self)
{
  for (guint i = 0; i < CD_TODAY_N_SECTIONS; i++)
    if (self->section_groups[i] != NULL)
      {
        gtk_box_remove (self->sections_box, self->section_groups[i]);
        self->section_groups[i] = NULL;
      }
}

static void
set_loading (CdTodayView *self,
             gboolean     loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_today_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CdTodayView) self = user_data;
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sum = 0;
  GDate today;

  all = cd_store_today_finish (CD_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  clear_sections (self);
  if (all == NULL)
    {
      toast (self, error->message);
      return;
    }
  get_today (self, &today);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(GVariant) rows = NULL;
      gint64 total = 0;

      g_variant_get_child (all, sections[i].section, "(x@aa{sv})", &total, &rows);
      fill_section (self, &sections[i], total, rows, &today);
      sum += total;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_page), sum == 0);
}

static CdTodayScope
effective_scope (CdTodayView *self)
{
  /* Without a current staff member only "everyone" means anything. */
  if (cd_context_get_current_staff (self->context) <= 0)
    return CD_TODAY_SCOPE_EVERYONE;
  return self->scope;
}

static void
sync_scope_buttons (CdTodayView *self)
{
  gboolean has_staff = cd_context_get_current_staff (self->context) > 0;
  CdTodayScope scope = effective_scope (self);

  self->updating_scope = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), has_staff);
  gtk_widget_set_sensitive (GTK_WIDGET (self->team_button), has_staff);
  gtk_toggle_button_set_active (scope == CD_TODAY_SCOPE_MINE ? self->mine_button
                                : scope == CD_TODAY_SCOPE_TEAM ? self->team_button
                                                               : self->everyone_button,
                                TRUE);
  self->updating_scope = FALSE;
}

static void
update_day_label (CdTodayView *self,
                  const GDate *today)
{
  g_autofree char *day = format_date (today);

  gtk_label_set_label (self->day_label, day);
}

/* Reads every section again, off the UI thread. */
static void
reload (CdTodayView *self)
{
  GDate today;

  get_today (self, &today);
  update_day_label (self, &today);
  sync_scope_buttons (self);
  cd_today_view_rebuild_papers (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  cd_store_today_async_full (cd_context_get_store (self->context), effective_scope (self),
                             cd_context_get_current_staff (self->context), &today,
                             cd_context_get_calendar (self->context), CD_TODAY_VIEW_ROWS,
                             self->cancellable, on_today_loaded_cb, g_object_ref (self));
}

static void
on_scope_toggled_cb (CdTodayView     *self,
                     GtkToggleButton *button)
{
  if (self->updating_scope || !gtk_toggle_button_get_active (button))
    return;
  if (button == self->mine_button)
    self->scope = CD_TODAY_SCOPE_MINE;
  else if (button == self->team_button)
    self->scope = CD_TODAY_SCOPE_TEAM;
  else
    self->scope = CD_TODAY_SCOPE_EVERYONE;
  reload (self);
}

/* Meetings and visit plans open in their own windows (issue 12). */
static void
cd_today_view_real_open (CdTodayView *self,
                         const char  *kind,
                         gint64       id,
                         const char  *number)
{
  if (g_strcmp0 (kind, "meeting") == 0)
    cd_meeting_window_present (GTK_WIDGET (self), self->context, id);
  else if (g_strcmp0 (kind, "visit-plan") == 0)
    {
      /* The row is a person (@id) whose plan for next month is due. */
      GDate next;
      char start[11];

      get_today (self, &next);
      g_date_set_day (&next, 1);
      g_date_add_months (&next, 1);
      g_snprintf (start, sizeof start, "%04d-%02d-01", g_date_get_year (&next), g_date_get_month (&next));
      cd_visit_plan_window_present (GTK_WIDGET (self), self->context, id, CD_PLAN_PERIOD_MONTH, start);
    }
}

static void
cd_today_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cd_today_view_parent_class)->map (widget);

  /* The window may stay open across midnight or a month end. */
  reload (CD_TODAY_VIEW (widget));
}

static void
cd_today_view_dispose (GObject *object)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->export_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_TODAY_VIEW);

  G_OBJECT_CLASS (cd_today_view_parent_class)->dispose (object);
}

static void
cd_today_view_finalize (GObject *object)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

  g_clear_pointer (&self->paper_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
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
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_today_view_constructed (GObject *object)
{
  CdTodayView *self = CD_TODAY_VIEW (object);

  G_OBJECT_CLASS (cd_today_view_parent_class)->constructed (object);

  self->scope = CD_TODAY_SCOPE_MINE;
  sync_scope_buttons (self);
  cd_today_view_rebuild_papers (self);
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
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdTodayView::open:
   * @kind: "work-order", "supplier-order", "contract", "quote", "client",
   *   or "view" (@number is then the window view to show)
   * @id: the record's id
   * @number: what a search finds the record by (number or name)
   *
   * A row was activated: whoever placed the view opens the record. The
   * view itself opens meetings ("meeting") and visit plans ("visit-plan"),
   * in its default handler, which a handler can stop.
   */
  signals[OPEN] =
    g_signal_new_class_handler ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (cd_today_view_real_open), NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, day_label);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, scope_box);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, team_button);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, everyone_button);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, CdTodayView, nothing_page);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled_cb);
}

static void
cd_today_view_init (CdTodayView *self)
{
  g_date_clear (&self->today, 1);
  self->paper_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* AdwBin's own child, not a bound template child: AdwBin unparents it
   * itself, after gtk_widget_dispose_template (). */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scope_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Whose work to show"), -1);
}

/* Returns: (transfer floating): the Today view */
CdTodayView *
cd_today_view_new (CdContext *context)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return g_object_new (CD_TYPE_TODAY_VIEW, "context", context, NULL);
}

/* The day the view is for (NULL: the clock's, see get_today ()). */
void
cd_today_view_set_today (CdTodayView *self,
                         const GDate *today)
{
  g_return_if_fail (CD_IS_TODAY_VIEW (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  cd_today_view_refresh (self);
}

/* Writes the view's day into @out. */
void
cd_today_view_get_today (CdTodayView *self,
                         GDate       *out)
{
  g_return_if_fail (CD_IS_TODAY_VIEW (self));
  get_today (self, out);
}

void
cd_today_view_set_scope (CdTodayView  *self,
                         CdTodayScope  scope)
{
  g_return_if_fail (CD_IS_TODAY_VIEW (self));

  self->scope = scope;
  cd_today_view_refresh (self);
}

/* The data or the holiday calendar changed: read everything again (the
 * sections when the view is on screen, else when it is next shown). */
void
cd_today_view_refresh (CdTodayView *self)
{
  g_return_if_fail (CD_IS_TODAY_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    {
      sync_scope_buttons (self);
      cd_today_view_rebuild_papers (self);
    }
}

gboolean
cd_today_view_get_loading (CdTodayView *self)
{
  g_return_val_if_fail (CD_IS_TODAY_VIEW (self), FALSE);
  return self->loading;
}

/* For tests: the total of @section as last read, and its group (NULL
 * before the first read). */
gint64
cd_today_view_get_total (CdTodayView    *self,
                         CdTodaySection  section)
{
  g_return_val_if_fail (CD_IS_TODAY_VIEW (self), 0);
  g_return_val_if_fail (section < CD_TODAY_N_SECTIONS, 0);
  return self->totals[section];
}

GtkWidget *
cd_today_view_get_section (CdTodayView    *self,
                           CdTodaySection  section)
{
  g_return_val_if_fail (CD_IS_TODAY_VIEW (self), NULL);
  g_return_val_if_fail (section < CD_TODAY_N_SECTIONS, NULL);
  return self->section_groups[section];
}
