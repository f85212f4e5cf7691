/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Insights page.
 *
 * Every change of chart, period or account manager cancels the load under
 * way and starts another on a worker thread (cd_store_insight_async); the
 * chart and the table are rebuilt from its result on the UI thread.
 * Exports copy the chart (the legend may still change it) and write on a
 * worker thread too; the files appear only when complete. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-insights-view.h"
#include "reports/cd-chart-export.h"
#include "reports/cd-director-pack.h"
#include "reports/cd-insight-chart.h"

#define CUSTOM_MONTHS 120   /* the custom period reaches back ten years */

struct _CdInsightsView
{
  AdwBin            parent_instance;

  gboolean          load_when_mapped;  /* asked to load before it was first shown */

  CdContext        *context;
  CdChart          *chart;
  GArray           *am_ids;           /* gint64; 0 first: everyone */
  GPtrArray        *months;           /* "YYYY-MM", newest first */
  GCancellable     *load_cancellable;
  GCancellable     *export_cancellable;
  gboolean          loading;

  AdwToastOverlay  *toast_overlay;
  GtkDropDown      *chart_dropdown;
  GtkDropDown      *period_dropdown;
  GtkWidget        *custom_box;
  GtkDropDown      *from_dropdown;
  GtkDropDown      *to_dropdown;
  GtkDropDown      *am_dropdown;
  GtkSpinner       *spinner;
  GtkToggleButton  *table_toggle;
  GtkStack         *stack;
  CdChartWidget    *chart_widget;
  GtkColumnView    *table_view;
};

G_DEFINE_FINAL_TYPE (CdInsightsView, cd_insights_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  OPEN_ITEMS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *const period_labels[] = {
  N_("This month"), N_("This quarter"), N_("This year"), N_("Last 12 months"), N_("Custom"),
};

/* What a click on a chart's item opens: the list of that kind, for the
 * month of the bar or searched for the category's name. */
static const struct { CdKind kind; gboolean by_month; } item_lists[CD_N_INSIGHTS] = {
  [CD_INSIGHT_REVENUE] = { CD_KIND_CONTRACTS, TRUE },
  [CD_INSIGHT_PIPELINE] = { CD_KIND_QUOTES, TRUE },
  [CD_INSIGHT_PROJECTS_BY_STATUS] = { CD_KIND_PROJECTS, FALSE },
  [CD_INSIGHT_SUPPLIER_SPEND] = { CD_KIND_SUPPLIER_ORDERS, FALSE },
  [CD_INSIGHT_SUPPLIER_QUALITY] = { CD_KIND_SUPPLIER_ORDERS, FALSE },
  [CD_INSIGHT_WORKLOAD] = { CD_KIND_WORK_ORDERS, FALSE },
  [CD_INSIGHT_CLIENT_GROWTH] = { CD_KIND_CLIENTS, TRUE },
  [CD_INSIGHT_RECEIVABLES_AGING] = { CD_KIND_CONTRACTS, FALSE },
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static CdStore *
get_store (CdInsightsView *self)
{
  return cd_context_get_store (self->context);
}

static void
toast (CdInsightsView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static GtkWindow *
get_window (CdInsightsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_loading (CdInsightsView *self, gboolean loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
update_actions (CdInsightsView *self)
{
  gboolean idle = self->export_cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.export-chart",
                                 idle && self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.export-report", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.export-director-pack", idle);
}

static void
month_of (GDateTime *now, int months_back, char out[8])
{
  int index = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1 - months_back;

  g_snprintf (out, 8, "%04d-%02d", index / 12, index % 12 + 1);
}

/* ------------------------------------------------------------------ */
/* The table: one row per category, one column per series              */

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  if (GPOINTER_TO_INT (data) >= 0)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 8);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CdInsightsView *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);
  g_autofree char *text = NULL;

  if (self->chart == NULL || index >= cd_chart_get_n_categories (self->chart))
    return;
  if (column < 0)
    text = g_strdup (cd_chart_get_category_label (self->chart, index));
  else
    text = cd_chart_format_value (cd_chart_get_series_unit (self->chart, column),
                                  cd_chart_get_value (self->chart, column, index));
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
add_table_column (CdInsightsView *self, const char *title, int column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, column < 0);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->table_view, view_column);
  g_object_unref (view_column);
}

static void
rebuild_table (CdInsightsView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table_view);
  g_autoptr (GtkStringList) rows = gtk_string_list_new (NULL);
  GtkNoSelection *selection;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table_view, column);
    }
  if (self->chart == NULL)
    {
      gtk_column_view_set_model (self->table_view, NULL);
      return;
    }
  add_table_column (self, cd_chart_get_category_title (self->chart), -1);
  for (guint s = 0; s < cd_chart_get_n_series (self->chart); s++)
    add_table_column (self, cd_chart_get_series_label (self->chart, s), s);
  for (guint i = 0; i < cd_chart_get_n_categories (self->chart); i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (rows, index);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* ------------------------------------------------------------------ */
/* Loading, on a worker thread                                         */

static void
on_insight_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CdInsightsView) self = user_data;
  g_autoptr (CdInsightTable) table = NULL;
  g_autoptr (GError) error = NULL;

  table = cd_store_insight_finish (CD_STORE (source), result, &error);
  if (table == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  g_clear_pointer (&self->chart, cd_chart_unref);
  if (table == NULL)
    toast (self, error->message);
  else
    self->chart = cd_insight_chart_new (table);
  cd_chart_widget_set_chart (self->chart_widget, self->chart);
  rebuild_table (self);
  update_actions (self);
}

static void
load (CdInsightsView *self)
{
  CdInsightQuery query;

  /* A page nobody has looked at yet must not hold the store while the
   * window starts: its figures are read when it is first shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->load_when_mapped = TRUE;
      return;
    }
  self->load_when_mapped = FALSE;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->context == NULL)
    return;
  self->load_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  cd_insights_view_get_query (self, &query);
  cd_store_insight_async (get_store (self), cd_insights_view_get_insight (self), &query,
                          self->load_cancellable, on_insight_loaded_cb, g_object_ref (self));
}

static void
ams_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GVariant *ams = cd_store_insight_list_ams (CD_STORE (source), &error);

  if (ams == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ams, (GDestroyNotify) g_variant_unref);
}

static void
on_ams_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CdInsightsView) self = user_data;
  g_autoptr (GVariant) ams = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GVariantIter iter;
  const char *name;
  gint64 id = 0;

  g_array_set_size (self->am_ids, 0);
  g_array_append_val (self->am_ids, id);
  gtk_string_list_append (labels, _("All account managers"));
  if (ams != NULL)
    {
      g_variant_iter_init (&iter, ams);
      while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
        {
          g_array_append_val (self->am_ids, id);
          gtk_string_list_append (labels, name);
        }
    }
  gtk_drop_down_set_model (self->am_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->am_dropdown, 0);
}

static void
load_ams (CdInsightsView *self)
{
  g_autoptr (GTask) task = g_task_new (get_store (self), NULL, on_ams_loaded_cb,
                                       g_object_ref (self));

  g_task_run_in_thread (task, ams_thread);
}

/* ------------------------------------------------------------------ */
/* Exports                                                             */

typedef enum
{
  EXPORT_PNG,
  EXPORT_SVG,
  EXPORT_PDF,
  EXPORT_REPORT,
  EXPORT_PACK,
} ExportKind;

typedef struct
{
  ExportKind      kind;
  char           *path;
  CdChart        *chart;     /* a copy, for one chart */
  CdInsightQuery  query;     /* for the report and the pack */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->chart, cd_chart_unref);
  g_free (job);
}

static gboolean
write_report (CdStore *store, ExportJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_chart_unref);
  CdChartExportOptions options = { 0 };

  options.labels = cd_chart_locale_prefers_cjk () ? CD_CHART_LABEL_CJK : CD_CHART_LABEL_DEFAULT;
  for (guint i = 0; i < CD_N_INSIGHTS; i++)
    {
      CdChart *chart;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((chart = cd_insight_chart_load (store, i, &job->query, error)) == NULL)
        return FALSE;
      g_ptr_array_add (charts, chart);
    }
  return cd_chart_export_pdf_pages ((CdChart * const *) charts->pdata, charts->len, job->path,
                                    &options, error);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  CdChartExportOptions options = { 0 };
  GError *error = NULL;
  gboolean ok;

  options.labels = cd_chart_locale_prefers_cjk () ? CD_CHART_LABEL_CJK : CD_CHART_LABEL_DEFAULT;
  switch (job->kind)
    {
    case EXPORT_REPORT:
      ok = write_report (CD_STORE (source), job, cancellable, &error);
      break;
    case EXPORT_PACK:
      ok = cd_director_pack_export (CD_STORE (source), &job->query, job->path, cancellable, &error);
      break;
    default:
      ok = cd_chart_export (job->chart, job->path,
                            job->kind == EXPORT_SVG ? CD_CHART_FORMAT_SVG
                            : job->kind == EXPORT_PDF ? CD_CHART_FORMAT_PDF : CD_CHART_FORMAT_PNG,
                            &options, &error);
      break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CdInsightsView) self = user_data;
  g_autoptr (GError) error = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_filename_display_basename (job->path);

  g_clear_object (&self->export_cancellable);
  update_actions (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                           _("The File Was Not Written"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    toast (self, text);
  }
}

static void
start_export (CdInsightsView *self, ExportKind kind, const char *path)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->kind = kind;
  job->path = g_strdup (path);
  if (self->chart != NULL)
    job->chart = cd_chart_copy (self->chart);
  cd_insights_view_get_query (self, &job->query);
  self->export_cancellable = g_cancellable_new ();
  update_actions (self);

  task = g_task_new (get_store (self), self->export_cancellable, on_export_done_cb,
                     g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

typedef struct
{
  CdInsightsView *self;
  ExportKind      kind;
} Choice;

static void
on_file_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        start_export (choice->self, choice->kind, path);
      else
        toast (choice->self, _("Choose a file on this computer"));
    }
  g_object_unref (choice->self);
  g_free (choice);
  g_object_unref (dialog);
}

static void
choose_file (CdInsightsView *self, ExportKind kind)
{
  static const struct { const char *ext; const char *filter; const char *title; } kinds[] = {
    [EXPORT_PNG] = { "png", N_("PNG images"), N_("Export Chart as PNG") },
    [EXPORT_SVG] = { "svg", N_("SVG drawings"), N_("Export Chart as SVG") },
    [EXPORT_PDF] = { "pdf", N_("PDF documents"), N_("Export Chart as PDF") },
    [EXPORT_REPORT] = { "pdf", N_("PDF documents"), N_("Export Insights Report") },
    [EXPORT_PACK] = { "xlsx", N_("Excel workbooks"), N_("Export Director Pack") },
  };
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", kinds[kind].ext);
  g_autofree char *name = NULL;
  CdInsightQuery query;
  GtkFileChooserNative *dialog;
  Choice *choice;

  cd_insights_view_get_query (self, &query);
  if (kind == EXPORT_PACK)
    /* TRANSLATORS: a file name; the months of the period */
    name = g_strdup_printf (_("director-pack-%s-%s.xlsx"), query.from, query.to);
  else if (kind == EXPORT_REPORT)
    /* TRANSLATORS: a file name; the months of the period */
    name = g_strdup_printf (_("insights-%s-%s.pdf"), query.from, query.to);
  else
    name = g_strdup_printf ("%s-%s-%s.%s", cd_insight_to_string (cd_insights_view_get_insight (self)),
                            query.from, query.to, kinds[kind].ext);

  dialog = gtk_file_chooser_native_new (_(kinds[kind].title), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _(kinds[kind].filter));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  choice = g_new0 (Choice, 1);
  choice->self = g_object_ref (self);
  choice->kind = kind;
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_chart_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *format = g_variant_get_string (param, NULL);

  choose_file (CD_INSIGHTS_VIEW (widget), g_str_equal (format, "svg") ? EXPORT_SVG
                                          : g_str_equal (format, "pdf") ? EXPORT_PDF : EXPORT_PNG);
}

static void
export_report_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (CD_INSIGHTS_VIEW (widget), EXPORT_REPORT);
}

static void
export_pack_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (CD_INSIGHTS_VIEW (widget), EXPORT_PACK);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */

static void
on_period_selected_cb (CdInsightsView *self)
{
  gtk_widget_set_visible (self->custom_box,
                          gtk_drop_down_get_selected (self->period_dropdown) == CD_INSIGHTS_CUSTOM);
  load (self);
}

static void
on_table_toggled_cb (CdInsightsView *self)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_toggle_button_get_active (self->table_toggle)
                                                   ? "table" : "chart");
}

static void
on_item_activated_cb (CdInsightsView *self, int series, int index)
{
  CdInsight insight = cd_insights_view_get_insight (self);
  const char *key, *label;

  if (self->chart == NULL || index < 0 || (guint) index >= cd_chart_get_n_categories (self->chart))
    return;
  key = cd_chart_get_category_key (self->chart, index);
  label = cd_chart_get_category_label (self->chart, index);
  if (item_lists[insight].by_month)
    g_signal_emit (self, signals[OPEN_ITEMS], 0, (int) item_lists[insight].kind, key, NULL);
  else
    g_signal_emit (self, signals[OPEN_ITEMS], 0, (int) item_lists[insight].kind, NULL, label);
}

static void
fill_dropdowns (CdInsightsView *self)
{
  g_autoptr (GtkStringList) charts = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < CD_N_INSIGHTS; i++)
    gtk_string_list_append (charts, cd_insight_get_title (i));
  for (guint i = 0; i < G_N_ELEMENTS (period_labels); i++)
    gtk_string_list_append (periods, _(period_labels[i]));
  for (int i = 0; i < CUSTOM_MONTHS; i++)
    {
      char month[8];

      month_of (now, i, month);
      g_ptr_array_add (self->months, g_strdup (month));
      gtk_string_list_append (months, month);
    }
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (charts));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (months));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (months));
  gtk_drop_down_set_selected (self->period_dropdown, CD_INSIGHTS_LAST_12_MONTHS);
  gtk_drop_down_set_selected (self->from_dropdown, 11);
  gtk_drop_down_set_selected (self->to_dropdown, 0);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cd_insights_view_constructed (GObject *object)
{
  CdInsightsView *self = CD_INSIGHTS_VIEW (object);

  G_OBJECT_CLASS (cd_insights_view_parent_class)->constructed (object);

  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (load), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (on_period_selected_cb), self);
  g_signal_connect_swapped (self->from_dropdown, "notify::selected", G_CALLBACK (load), self);
  g_signal_connect_swapped (self->to_dropdown, "notify::selected", G_CALLBACK (load), self);
  g_signal_connect_swapped (self->am_dropdown, "notify::selected", G_CALLBACK (load), self);
  update_actions (self);
  if (self->context != NULL)
    load_ams (self);
  load (self);
}

static void
cd_insights_view_dispose (GObject *object)
{
  CdInsightsView *self = CD_INSIGHTS_VIEW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  /* AdwBin keeps its own pointer to the child: let it drop the child
   * before the template does, or it unparents a widget that is gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_INSIGHTS_VIEW);
  G_OBJECT_CLASS (cd_insights_view_parent_class)->dispose (object);
}

static void
cd_insights_view_finalize (GObject *object)
{
  CdInsightsView *self = CD_INSIGHTS_VIEW (object);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->chart, cd_chart_unref);
  g_clear_object (&self->context);
  g_array_unref (self->am_ids);
  g_ptr_array_unref (self->months);
  G_OBJECT_CLASS (cd_insights_view_parent_class)->finalize (object);
}

static void
cd_insights_view_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CdInsightsView *self = CD_INSIGHTS_VIEW (object);

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
cd_insights_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdInsightsView *self = CD_INSIGHTS_VIEW (object);

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
cd_insights_view_map (GtkWidget *widget)
{
  CdInsightsView *self = (CdInsightsView *) widget;

  GTK_WIDGET_CLASS (cd_insights_view_parent_class)->map (widget);
  if (self->load_when_mapped)
    load (self);
}

static void
cd_insights_view_class_init (CdInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = cd_insights_view_map;

  object_class->constructed = cd_insights_view_constructed;
  object_class->dispose = cd_insights_view_dispose;
  object_class->finalize = cd_insights_view_finalize;
  object_class->get_property = cd_insights_view_get_property;
  object_class->set_property = cd_insights_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdInsightsView::open-items:
   * @kind: the CdKind of the list to show
   * @month: (nullable): its month ("YYYY-MM"), for charts by month
   * @search: (nullable): else the text to search it for (a status, a
   *   supplier, a person)
   *
   * A bar, point or slice was clicked or activated with Enter.
   */
  signals[OPEN_ITEMS] =
    g_signal_new ("open-items", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (CD_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-insights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, am_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, chart_widget);
  gtk_widget_class_bind_template_child (widget_class, CdInsightsView, table_view);

  gtk_widget_class_install_action (widget_class, "insights.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "insights.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "insights.export-director-pack", NULL,
                                   export_pack_action);
}

static void
cd_insights_view_init (CdInsightsView *self)
{
  gint64 everyone = 0;

  self->am_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_append_val (self->am_ids, everyone);
  self->months = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_dropdowns (self);
  {
    g_autoptr (GtkStringList) ams = gtk_string_list_new (NULL);

    gtk_string_list_append (ams, _("All account managers"));
    gtk_drop_down_set_model (self->am_dropdown, G_LIST_MODEL (ams));
  }
  g_signal_connect_swapped (self->table_toggle, "toggled", G_CALLBACK (on_table_toggled_cb), self);
  g_signal_connect_swapped (self->chart_widget, "item-activated",
                            G_CALLBACK (on_item_activated_cb), self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/* Returns: (transfer floating): the Insights page */
CdInsightsView *
cd_insights_view_new (CdContext *context)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);
  return g_object_new (CD_TYPE_INSIGHTS_VIEW, "context", context, NULL);
}

CdInsight
cd_insights_view_get_insight (CdInsightsView *self)
{
  guint selected;

  g_return_val_if_fail (CD_IS_INSIGHTS_VIEW (self), CD_INSIGHT_REVENUE);
  selected = gtk_drop_down_get_selected (self->chart_dropdown);
  return selected < CD_N_INSIGHTS ? (CdInsight) selected : CD_INSIGHT_REVENUE;
}

void
cd_insights_view_set_insight (CdInsightsView *self, CdInsight insight)
{
  g_return_if_fail (CD_IS_INSIGHTS_VIEW (self));
  g_return_if_fail (insight < CD_N_INSIGHTS);
  gtk_drop_down_set_selected (self->chart_dropdown, insight);
}

void
cd_insights_view_set_period (CdInsightsView *self, CdInsightsPeriod period)
{
  g_return_if_fail (CD_IS_INSIGHTS_VIEW (self));
  gtk_drop_down_set_selected (self->period_dropdown, period);
}

/* Returns: %FALSE if a month is not one the custom period offers */
gboolean
cd_insights_view_set_custom_period (CdInsightsView *self, const char *from, const char *to)
{
  int from_index = -1, to_index = -1;

  g_return_val_if_fail (CD_IS_INSIGHTS_VIEW (self), FALSE);

  for (guint i = 0; i < self->months->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->months, i), from) == 0)
        from_index = i;
      if (g_strcmp0 (g_ptr_array_index (self->months, i), to) == 0)
        to_index = i;
    }
  if (from_index < 0 || to_index < 0)
    return FALSE;
  gtk_drop_down_set_selected (self->from_dropdown, from_index);
  gtk_drop_down_set_selected (self->to_dropdown, to_index);
  gtk_drop_down_set_selected (self->period_dropdown, CD_INSIGHTS_CUSTOM);
  return TRUE;
}

/**
 * cd_insights_view_get_query:
 * @query: (out): the period and account manager chosen; a custom period
 *   chosen backwards is read forwards
 */
void
cd_insights_view_get_query (CdInsightsView *self, CdInsightQuery *query)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  guint am = gtk_drop_down_get_selected (self->am_dropdown);
  char from[8], to[8];
  int back = 11;

  month_of (now, 0, to);
  switch (period)
    {
    case CD_INSIGHTS_THIS_MONTH:
      back = 0;
      break;
    case CD_INSIGHTS_THIS_QUARTER:
      back = (g_date_time_get_month (now) - 1) % 3;
      break;
    case CD_INSIGHTS_THIS_YEAR:
      back = g_date_time_get_month (now) - 1;
      break;
    case CD_INSIGHTS_CUSTOM:
      {
        guint a = MIN (gtk_drop_down_get_selected (self->from_dropdown), self->months->len - 1);
        guint b = MIN (gtk_drop_down_get_selected (self->to_dropdown), self->months->len - 1);

        /* Newest first: the larger index is the earlier month. */
        g_strlcpy (to, g_ptr_array_index (self->months, MIN (a, b)), sizeof to);
        back = (int) MAX (a, b);
        break;
      }
    case CD_INSIGHTS_LAST_12_MONTHS:
    default:
      back = 11;
      break;
    }
  month_of (now, back, from);
  cd_insight_query_init (query, from, to, NULL);
  if (am < self->am_ids->len)
    query->am_id = g_array_index (self->am_ids, gint64, am);
}

void
cd_insights_view_set_show_table (CdInsightsView *self, gboolean show_table)
{
  g_return_if_fail (CD_IS_INSIGHTS_VIEW (self));
  gtk_toggle_button_set_active (self->table_toggle, show_table);
}

/* Returns: (transfer none): the chart widget */
CdChartWidget *
cd_insights_view_get_chart_widget (CdInsightsView *self)
{
  g_return_val_if_fail (CD_IS_INSIGHTS_VIEW (self), NULL);
  return self->chart_widget;
}

/* Returns: (transfer none): the "show as table" view */
GtkColumnView *
cd_insights_view_get_table (CdInsightsView *self)
{
  g_return_val_if_fail (CD_IS_INSIGHTS_VIEW (self), NULL);
  return self->table_view;
}

/* Loads the figures again (after the data changed elsewhere). */
void
cd_insights_view_refresh (CdInsightsView *self)
{
  g_return_if_fail (CD_IS_INSIGHTS_VIEW (self));
  load (self);
}

/**
 * cd_insights_view_export:
 * @what: "png", "svg" or "pdf" (the chart shown), "report" (every chart
 *   as a PDF) or "director-pack" (the workbook)
 * @file: where to write, on this computer
 *
 * What the Export menu does once a file is chosen; the result shows as a
 * toast or a message. Starts nothing while another export runs.
 *
 * Returns: %TRUE if the export started
 */
gboolean
cd_insights_view_export (CdInsightsView *self, const char *what, GFile *file)
{
  static const struct { const char *name; ExportKind kind; } names[] = {
    { "png", EXPORT_PNG }, { "svg", EXPORT_SVG }, { "pdf", EXPORT_PDF },
    { "report", EXPORT_REPORT }, { "director-pack", EXPORT_PACK },
  };
  g_autofree char *path = NULL;

  g_return_val_if_fail (CD_IS_INSIGHTS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || self->export_cancellable != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].name, what) == 0)
      {
        if (names[i].kind <= EXPORT_PDF && self->chart == NULL)
          return FALSE;
        start_export (self, names[i].kind, path);
        return TRUE;
      }
  return FALSE;
}

gboolean
cd_insights_view_is_busy (CdInsightsView *self)
{
  g_return_val_if_fail (CD_IS_INSIGHTS_VIEW (self), FALSE);
  return self->loading || self->export_cancellable != NULL;
}
