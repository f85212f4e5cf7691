/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients view. Rows come from a CdPagedModel (the database sorts,
 * filters and searches; 100,000 clients cost their ids and a few pages).
 * Column headers sort through the model (see cd_paged_model_follow_sorter);
 * filter chips are drop-downs and toggles whose state is spelled out under
 * them with one "Clear filters" button; the columns shown are remembered in
 * the "client-columns" setting. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-states.h"
#include "gui/cd-client-page.h"
#include "gui/cd-accessible.h"
#include "gui/cd-client-review-window.h"
#include "gui/cd-clients-view.h"
#include "gui/cd-new-client-dialog.h"
#include "gui/cd-paged-columns.h"
#include "gui/cd-row.h"
#include "reports/cd-clients-export.h"
#include "store/cd-store-client-search.h"
#include "store/cd-store-pages.h"

/* The sort key of each column is also its name in the "client-columns"
 * setting. */
static const CdPagedColumn columns[] = {
  { N_("Name"), "name", "name", CD_CELL_TEXT, NULL, 30, 24, TRUE },
  { N_("Short name"), "short_name", "short-name", CD_CELL_TEXT, NULL, 10 },
  { N_("Tier"), "tier", "tier", CD_CELL_TEXT, NULL, 10 },
  { N_("Status"), "status", "status", CD_CELL_STATE, "client", 10 },
  { N_("Industry"), "industry", "industry", CD_CELL_TEXT, NULL, 10 },
  { N_("Region"), "region", "region", CD_CELL_TEXT, NULL, 10 },
  { N_("Account manager"), "owner", "owner", CD_CELL_TEXT, NULL, 10 },
  { N_("Last visit"), "last_visit", "last-visit", CD_CELL_TEXT, NULL, 10, 10 },
  { N_("Next visit due"), "next_visit_due", "next-visit-due", CD_CELL_TEXT, NULL, 10, 10 },
  { N_("Open projects"), "open_projects", "open-projects", CD_CELL_COUNT, NULL, 6, 4 },
  { N_("Receivables"), "receivables_fen", "receivables", CD_CELL_MONEY, NULL, 14, 13 },
};

typedef struct
{
  const char *filter;   /* CdPageQuery filter name */
  const char *any;      /* the first entry: no filter */
} Choice;

static const Choice choices[] = {
  { "tier", N_("Any tier") },
  { "status", N_("Any status") },
  { "owner", N_("Any account manager") },
  { "industry", N_("Any industry") },
  { "region", N_("Any region") },
};

#define N_CHOICES G_N_ELEMENTS (choices)

struct _CdClientsView
{
  GtkWidget       parent_instance;

  CdContext      *context;
  CdPagedModel   *model;
  GSettings      *settings;
  GCancellable   *cancellable;

  GtkWidget      *toast_overlay;
  GtkWidget      *box;
  GtkFileChooserNative *chooser;
  GtkSearchEntry *search_entry;
  GtkMenuButton  *columns_button;
  GtkFlowBox     *filter_box;
  GtkLabel       *filter_state;
  GtkButton      *clear_button;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *status_page;

  GtkDropDown    *drop_downs[N_CHOICES];
  GPtrArray      *values[N_CHOICES];   /* value per drop-down entry; [0] = NULL */
  GtkToggleButton *overdue_toggle;
  GtkToggleButton *complaints_toggle;
  GtkColumnViewColumn *view_columns[G_N_ELEMENTS (columns)];
  GtkWidget      *context_menu;
  gint64          menu_client;
  gboolean        warm_pending;  /* read the search text again when idle */
};

G_DEFINE_FINAL_TYPE (CdClientsView, cd_clients_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_OPEN_CLIENT,
  SIGNAL_NEW_VISIT,
  SIGNAL_EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Cells                                                                */

/* One right-click gesture for the whole column view, not one per cell: a
 * search replaces every row on screen, and making and dropping eleven
 * controllers a row was a tenth of the UI thread's time in the keystroke
 * benchmark. The cell under the pointer knows its list item. */
static void
on_view_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                    CdClientsView *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkListItem *item = cd_paged_columns_item_at (self->column_view, x, y);
  graphene_point_t point;
  CdRow *row;

  if (item == NULL || (row = gtk_list_item_get_item (item)) == NULL || cd_row_is_loading (row))
    return;
  gtk_selection_model_select_item (gtk_column_view_get_model (self->column_view),
                                   gtk_list_item_get_position (item), TRUE);
  self->menu_client = cd_row_get_id (row);
  if (!gtk_widget_compute_point (view, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
add_columns (CdClientsView *self)
{
  cd_paged_columns_add (self->column_view, columns, G_N_ELEMENTS (columns), self->view_columns);
}

/* ------------------------------------------------------------------ */
/* Columns menu                                                         */

static void
save_columns (CdClientsView *self)
{
  g_auto (GStrv) shown = cd_clients_view_dup_visible_columns (self);

  g_settings_set_strv (self->settings, "client-columns", (const char *const *) shown);
}

static void
on_column_toggled_cb (GtkCheckButton *check, CdClientsView *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "column"));

  gtk_column_view_column_set_visible (self->view_columns[i], gtk_check_button_get_active (check));
  save_columns (self);
}

static void
build_columns_menu (CdClientsView *self)
{
  g_auto (GStrv) shown = g_settings_get_strv (self->settings, "client-columns");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover = gtk_popover_new ();

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      /* The name always shows: a row must say which client it is. */
      gboolean visible = i == 0 || g_strv_contains ((const char *const *) shown, columns[i].sort_key);
      GtkWidget *check = gtk_check_button_new_with_label (_(columns[i].title));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), visible);
      gtk_widget_set_sensitive (check, i != 0);
      gtk_column_view_column_set_visible (self->view_columns[i], visible);
      g_object_set_data (G_OBJECT (check), "column", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_column_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->columns_button, popover);
}

/* ------------------------------------------------------------------ */
/* Filters                                                              */

static GVariant *
build_filters (CdClientsView *self)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->drop_downs[i]);
      const char *value;

      if (selected == 0 || selected >= self->values[i]->len)
        continue;
      value = self->values[i]->pdata[selected];
      if (g_str_equal (choices[i].filter, "owner"))
        g_variant_dict_insert (&dict, "owner", "x", g_ascii_strtoll (value, NULL, 10));
      else
        g_variant_dict_insert (&dict, choices[i].filter, "s", value);
    }
  if (gtk_toggle_button_get_active (self->overdue_toggle))
    g_variant_dict_insert (&dict, "visit-overdue", "b", TRUE);
  if (gtk_toggle_button_get_active (self->complaints_toggle))
    g_variant_dict_insert (&dict, "open-complaints", "b", TRUE);
  return g_variant_dict_end (&dict);
}

static gboolean
has_filters (CdClientsView *self)
{
  GVariant *filters = cd_paged_model_get_filters (self->model);

  return filters != NULL && g_variant_n_children (filters) > 0;
}

static char *
describe_filters (CdClientsView *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  g_string_printf (text, g_dngettext (NULL, "%u client", "%u clients", n), n);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (self->drop_downs[i]);

      if (gtk_drop_down_get_selected (self->drop_downs[i]) > 0 && item != NULL)
        g_string_append_printf (text, " · %s", gtk_string_object_get_string (item));
    }
  if (gtk_toggle_button_get_active (self->overdue_toggle))
    g_string_append_printf (text, " · %s", _("visit overdue"));
  if (gtk_toggle_button_get_active (self->complaints_toggle))
    g_string_append_printf (text, " · %s", _("open complaints"));
  if (cd_paged_model_get_search (self->model) != NULL)
    g_string_append_printf (text, " · %s “%s”", _("matching"),
                            cd_paged_model_get_search (self->model));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_state (CdClientsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean narrowed;
  g_autofree char *state = NULL;

  if (self->model == NULL || self->drop_downs[N_CHOICES - 1] == NULL
      || self->complaints_toggle == NULL)
    return;  /* still being built, or already taken apart */
  narrowed = has_filters (self) || cd_paged_model_get_search (self->model) != NULL;
  state = describe_filters (self);
  if (self->warm_pending && !cd_paged_model_get_loading (self->model)
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->warm_pending = FALSE;
      cd_store_client_search_warm_async (cd_context_get_store (self->context), self->cancellable,
                                         NULL, NULL);
    }

  gtk_label_set_text (self->filter_state, state);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), narrowed);
  if (cd_paged_model_get_loading (self->model) && n == 0)
    return;
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (narrowed)
    {
      adw_status_page_set_title (self->status_page, _("No client matches"));
      adw_status_page_set_description (self->status_page,
        _("Check the spelling or type fewer characters; names, short names, contacts, "
          "phone numbers and tax ids are searched. Or clear the filters."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("No clients yet"));
      adw_status_page_set_description (self->status_page,
        _("Add the first client with New, or import a CSV file of clients from the main menu."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Rows are refilled in place when the results change, so the selection
 * would stay on its position and land on another client: a new search or
 * filter starts from the first row, as a new list would. */
static void
select_first_row (CdClientsView *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);

  if (GTK_IS_SINGLE_SELECTION (selection))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 0);
}

static void
on_filter_changed_cb (CdClientsView *self)
{
  if (self->model == NULL || self->drop_downs[N_CHOICES - 1] == NULL
      || self->complaints_toggle == NULL)
    return;
  cd_paged_model_set_filters (self->model, build_filters (self));
  select_first_row (self);
  update_state (self);
}

static GtkDropDown *
add_drop_down (CdClientsView *self, guint i)
{
  const char *const any[] = { _(choices[i].any), NULL };
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (any));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(choices[i].any), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), _(choices[i].any));
  self->values[i] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->values[i], NULL);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->filter_box, GTK_WIDGET (drop_down));
  return drop_down;
}

static void
fill_drop_down (CdClientsView *self, guint i, GVariant *values)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (self->drop_downs[i]));
  GVariantIter iter;
  const char *value, *label;

  g_variant_iter_init (&iter, values);
  while (g_variant_iter_next (&iter, "(&s&s)", &value, &label))
    {
      g_ptr_array_add (self->values[i], g_strdup (value));
      gtk_string_list_append (list, label);
    }
}

static void
choices_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CdStore *store = data;
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  for (guint i = 0; i < N_CHOICES; i++)
    {
      GVariant *values = NULL;

      if (!g_str_equal (choices[i].filter, "status"))
        values = cd_store_page_choices (store, CD_KIND_CLIENTS, choices[i].filter, NULL);
      g_ptr_array_add (all, values != NULL ? values
                                           : g_variant_ref_sink (g_variant_new ("a(ss)", NULL)));
    }
  g_task_return_pointer (task, all, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_choices_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GPtrArray) all = g_task_propagate_pointer (G_TASK (result), NULL);
  CdClientsView *self = user_data;

  if (all == NULL)
    return;  /* cancelled: the view is gone */
  for (guint i = 0; i < N_CHOICES; i++)
    if (!g_str_equal (choices[i].filter, "status"))
      fill_drop_down (self, i, all->pdata[i]);
}

static void
build_filters_bar (CdClientsView *self)
{
  static const char *const statuses[] = { "prospect", "active", "dormant", "lost" };
  g_autoptr (GTask) task = NULL;
  guint status_index = 1;

  for (guint i = 0; i < N_CHOICES; i++)
    self->drop_downs[i] = add_drop_down (self, i);
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_ptr_array_add (self->values[status_index], g_strdup (statuses[s]));
      gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->drop_downs[status_index])),
                              cd_state_label ("client", statuses[s]));
    }
  self->overdue_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Visit overdue")));
  self->complaints_toggle =
    GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Has open complaints")));
  g_signal_connect_object (self->overdue_toggle, "toggled", G_CALLBACK (on_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->complaints_toggle, "toggled", G_CALLBACK (on_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->filter_box, GTK_WIDGET (self->overdue_toggle));
  gtk_flow_box_append (self->filter_box, GTK_WIDGET (self->complaints_toggle));

  /* The choices read every client: a worker thread does it. */
  task = g_task_new (NULL, self->cancellable, on_choices_cb, self);
  g_task_set_task_data (task, g_object_ref (cd_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, choices_thread);
}

/* ------------------------------------------------------------------ */
/* Callbacks and actions                                                */

static void
on_search_changed_cb (GtkSearchEntry *entry, CdClientsView *self)
{
  cd_paged_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  select_first_row (self);
  update_state (self);
}

static gboolean
on_page_close_cb (CdClientsView *self)
{
  cd_clients_view_reload (self);
  return FALSE;  /* let it close */
}

/* Opens the client file window; the list is read again when it closes, so
 * what was changed there shows here. */
static void
open_client (CdClientsView *self, gint64 id, const char *tab)
{
  CdClientPage *page;

  g_signal_emit (self, signals[SIGNAL_OPEN_CLIENT], 0, id);
  page = cd_client_page_present (GTK_WIDGET (self), self->context, id, tab);
  g_signal_connect_object (page, "close-request", G_CALLBACK (on_page_close_cb), self,
                           G_CONNECT_SWAPPED);
}

static gint64
selected_client (CdClientsView *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  g_autoptr (CdRow) row = NULL;
  guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return row != NULL && !cd_row_is_loading (row) ? cd_row_get_id (row) : 0;
}

static void
on_activate_cb (GtkColumnView *view, guint position, CdClientsView *self)
{
  g_autoptr (CdRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row != NULL && !cd_row_is_loading (row))
    open_client (self, cd_row_get_id (row), NULL);
}

typedef struct
{
  CdStore     *store;
  CdPageQuery *query;
  GStrv        columns;
  char        *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->store);
  cd_page_query_free (job->query);
  g_strfreev (job->columns);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;

  /* Private notes stay out: the view never shows them. */
  if (cd_clients_export (job->store, job->query, (const char *const *) job->columns, FALSE,
                         job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CdClientsView *self = CD_CLIENTS_VIEW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *base = g_path_get_basename (job->path);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    text = g_strdup_printf (_("Exported the list to “%s”."), base);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup_printf (_("The list was not exported: %s"), error->message);
  if (text != NULL && self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (text));
}

/* Writes the rows and columns shown, in their order, on a worker thread. */
static void
export_to (CdClientsView *self, const char *path)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->store = g_object_ref (cd_context_get_store (self->context));
  job->query = cd_page_query_new (CD_KIND_CLIENTS, cd_paged_model_get_search (self->model),
                                  cd_paged_model_get_filters (self->model),
                                  cd_paged_model_get_sort_key (self->model),
                                  cd_paged_model_get_descending (self->model));
  job->columns = cd_clients_view_dup_visible_columns (self);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, CdClientsView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    export_to (self, path);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_export_file (CdClientsView *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("clients-%s.xlsx", day);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Clients"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
client_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientsView *self = CD_CLIENTS_VIEW (widget);
  gint64 id = self->menu_client != 0 ? self->menu_client : selected_client (self);

  self->menu_client = 0;
  if (g_str_equal (name, "clients.export"))
    {
      gboolean handled = FALSE;

      /* The window may offer its own export flow; otherwise ask for a file. */
      g_signal_emit (self, signals[SIGNAL_EXPORT], 0, &handled);
      if (!handled)
        choose_export_file (self);
    }
  else if (id != 0 && g_str_equal (name, "clients.open"))
    open_client (self, id, NULL);
  else if (id != 0 && g_str_equal (name, "clients.new-visit"))
    {
      g_signal_emit (self, signals[SIGNAL_NEW_VISIT], 0, id);
      open_client (self, id, "visits");
    }
}

static void
focus_search (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CD_CLIENTS_VIEW (widget)->search_entry));
}

static void open_client (CdClientsView *self, gint64 id, const char *tab);

static void
on_client_created_cb (gint64 id, const char *name, gpointer user_data)
{
  CdClientsView *self = user_data;

  /* Show the new client: the list is read again and searched for it, and
   * its file opens on the contacts, usually the next thing to fill in. */
  cd_clients_view_reload (self);
  cd_clients_view_clear_filters (self);
  cd_clients_view_set_search (self, name);
  open_client (self, id, "contacts");
}

static void
new_client_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientsView *self = CD_CLIENTS_VIEW (widget);
  GtkWidget *dialog = cd_new_client_dialog_present (widget, self->context, on_client_created_cb,
                                                    self);

  /* The view lives as long as its dialog, which calls back into it. */
  g_object_set_data_full (G_OBJECT (dialog), "cd-view", g_object_ref (self), g_object_unref);
}

static void
clear_filters_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cd_clients_view_clear_filters (CD_CLIENTS_VIEW (widget));
}

static void
build_context_menu (CdClientsView *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("_Open"), "clients.open");
  g_menu_append (menu, _("New _Visit…"), "clients.new-visit");
  g_menu_append (menu, _("_Export What Is Shown…"), "clients.export");
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}

static void
review_visits_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cd_client_review_window_present (widget, CD_CLIENTS_VIEW (widget)->context, NULL);
}

static void
show_menu_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CdClientsView *self = CD_CLIENTS_VIEW (widget);

  self->menu_client = selected_client (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Short searches are answered from the clients' search text in memory:
 * read it while the user looks at the list, not on the first keystroke. */
static void
on_map_cb (CdClientsView *self)
{
  cd_store_client_search_warm_async (cd_context_get_store (self->context), self->cancellable,
                                     NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                            */

static void
cd_clients_view_dispose (GObject *object)
{
  CdClientsView *self = CD_CLIENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  memset (self->drop_downs, 0, sizeof self->drop_downs);
  self->overdue_toggle = self->complaints_toggle = NULL;
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CLIENTS_VIEW);
  g_clear_pointer (&self->toast_overlay, gtk_widget_unparent);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  for (guint i = 0; i < N_CHOICES; i++)
    g_clear_pointer (&self->values[i], g_ptr_array_unref);

  G_OBJECT_CLASS (cd_clients_view_parent_class)->dispose (object);
}

static void
cd_clients_view_class_init (CdClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_clients_view_dispose;

  signals[SIGNAL_OPEN_CLIENT] =
    g_signal_new ("open-client", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_NEW_VISIT] =
    g_signal_new ("new-visit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, box);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, columns_button);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, filter_state);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CdClientsView, status_page);

  gtk_widget_class_install_action (widget_class, "clients.open", NULL, client_action);
  gtk_widget_class_install_action (widget_class, "clients.new-visit", NULL, client_action);
  gtk_widget_class_install_action (widget_class, "clients.export", NULL, client_action);
  gtk_widget_class_install_action (widget_class, "clients.new", NULL, new_client_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "clients.new",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "clients.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "clients.focus-search", NULL, focus_search);
  gtk_widget_class_install_action (widget_class, "clients.menu", NULL, show_menu_action);
  gtk_widget_class_install_action (widget_class, "clients.review-visits", NULL,
                                   review_visits_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "clients.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "clients.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "clients.menu", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cd_clients_view_init (CdClientsView *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new ("org.example.ClientDesk");
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */

/* Returns: (transfer full): the view, sorted by name, reading its rows */
CdClientsView *
cd_clients_view_new (CdContext *context)
{
  CdClientsView *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_CLIENTS_VIEW, NULL);
  self->context = g_object_ref (context);
  self->model = cd_paged_model_new (cd_context_get_store (context), CD_KIND_CLIENTS);
  /* A search refills the rows on screen instead of replacing them: GTK 4.8
   * drops and rebuilds every row widget on items-changed over them, most
   * of a keystroke's time on the large demo (DESIGN.md §8). */
  cd_paged_model_set_fill_in_place (self->model, TRUE);
  add_columns (self);
  gtk_column_view_set_model (self->column_view,
    GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)))));
  gtk_column_view_sort_by_column (self->column_view, self->view_columns[0], GTK_SORT_ASCENDING);
  cd_paged_model_follow_sorter (self->model, gtk_column_view_get_sorter (self->column_view));
  build_columns_menu (self);
  build_filters_bar (self);
  /* The drop-downs' own toggle and search field carry no names in GTK 4.8. */
  cd_accessible_name_parts (GTK_WIDGET (self));
  build_context_menu (self);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect_object (click, "pressed", G_CALLBACK (on_view_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  }

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* GtkSearchEntry waits 150 ms after a keystroke by default, five times
   * the keystroke budget (DESIGN.md §8); a search superseded by the next
   * keystroke is cancelled by the model, so none is needed. */
  gtk_search_entry_set_search_delay (self->search_entry, 0);
  g_signal_connect_object (self, "map", G_CALLBACK (on_map_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, 0);
  g_signal_connect_object (self->clear_button, "clicked",
                           G_CALLBACK (cd_clients_view_clear_filters), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_activate_cb), self, 0);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
  return self;
}

/* Returns: (transfer none): the rows shown, in their order */
CdPagedModel *
cd_clients_view_get_model (CdClientsView *self)
{
  g_return_val_if_fail (CD_IS_CLIENTS_VIEW (self), NULL);
  return self->model;
}

void
cd_clients_view_set_search (CdClientsView *self, const char *text)
{
  g_return_if_fail (CD_IS_CLIENTS_VIEW (self));
  /* Setting the text empties the entry first: no search for that. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);
  /* Not waiting for the entry's typing delay: the caller has the text. */
  cd_paged_model_set_search (self->model, text);
  select_first_row (self);
  update_state (self);
}

/* Clears the filter chips and the search text in one go. */
void
cd_clients_view_clear_filters (CdClientsView *self)
{
  g_return_if_fail (CD_IS_CLIENTS_VIEW (self));

  for (guint i = 0; i < N_CHOICES; i++)
    gtk_drop_down_set_selected (self->drop_downs[i], 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->complaints_toggle, FALSE);
  cd_clients_view_set_search (self, NULL);
}

/**
 * cd_clients_view_export:
 *
 * Writes what the view shows (search, filters, sort, visible columns) to
 * @path on a worker thread; a toast says how it went.
 */
void
cd_clients_view_export (CdClientsView *self, const char *path)
{
  g_return_if_fail (CD_IS_CLIENTS_VIEW (self));
  g_return_if_fail (path != NULL);
  export_to (self, path);
}

/* Reads the list again after clients were added or changed. */
void
cd_clients_view_reload (CdClientsView *self)
{
  g_return_if_fail (CD_IS_CLIENTS_VIEW (self));
  cd_paged_model_reload (self->model);
  /* The search text changed with the data: read it again once the list is
   * read (both need the store), while the user looks at it, rather than on
   * the next keystroke. */
  self->warm_pending = TRUE;
}

/* Returns: (transfer full): the keys of the columns shown, in order */
GStrv
cd_clients_view_dup_visible_columns (CdClientsView *self)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (CD_IS_CLIENTS_VIEW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (gtk_column_view_column_get_visible (self->view_columns[i]))
      g_strv_builder_add (keys, columns[i].sort_key);
  return g_strv_builder_end (keys);
}
