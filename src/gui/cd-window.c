/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-accessible.h"
#include "gui/cd-calendar-view.h"
#include "gui/cd-acceptance-editor.h"
#include "gui/cd-contract-editor.h"
#include "gui/cd-list-view.h"
#include "gui/cd-clients-view.h"
#include "gui/cd-projects-view.h"
#include "gui/cd-work-orders-view.h"
#include "gui/cd-quote-editor.h"
#include "gui/cd-row.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-supplier-page.h"
#include "gui/cd-pickup-slip-window.h"
#include "gui/cd-supply-desk.h"
#include "gui/cd-section-view.h"
#include "gui/cd-window-private.h"

typedef GtkWidget *(*BuildViewFunc) (CdWindow *self);

typedef struct
{
  const char    *name;       /* GSettings last-view, win.show-view parameter */
  const char    *title;      /* N_() */
  const char    *icon_name;
  BuildViewFunc  build;
} ViewInfo;

static CdListView *current_list (CdWindow *self);
static GtkWidget *build_today (CdWindow *self);
static GtkWidget *build_clients (CdWindow *self);
static GtkWidget *build_projects (CdWindow *self);
static GtkWidget *build_work_orders (CdWindow *self);
static GtkWidget *build_quotes_contracts (CdWindow *self);
static GtkWidget *build_suppliers (CdWindow *self);
static GtkWidget *build_finance (CdWindow *self);
static GtkWidget *build_insights (CdWindow *self);
static GtkWidget *build_calendar (CdWindow *self);

/* DESIGN.md §6, in sidebar order; Ctrl+1…8 follow it. */
static const ViewInfo views[] = {
  { "today", N_("Today"), "x-office-calendar-symbolic", build_today },
  { "clients", N_("Clients"), "system-users-symbolic", build_clients },
  { "projects", N_("Projects"), "folder-documents-symbolic", build_projects },
  { "work-orders", N_("Work orders"), "view-list-bullet-symbolic", build_work_orders },
  { "quotes-contracts", N_("Quotes & contracts"), "x-office-document-symbolic", build_quotes_contracts },
  { "suppliers-deliveries", N_("Suppliers & deliveries"), "package-x-generic-symbolic", build_suppliers },
  { "finance", N_("Finance"), "accessories-calculator-symbolic", build_finance },
  { "insights", N_("Insights"), "x-office-spreadsheet-symbolic", build_insights },
  { "calendar", N_("Calendar"), "appointment-soon-symbolic", build_calendar },
};

static const char * const view_names[] = {
  "today", "clients", "projects", "work-orders", "quotes-contracts",
  "suppliers-deliveries", "finance", "insights", "calendar", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (view_names) == G_N_ELEMENTS (views) + 1);

G_DEFINE_FINAL_TYPE (CdWindow, cd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
find_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return i;
  return -1;
}

static CdListView *
add_list (CdWindow     *self,
          CdListSource  source)
{
  CdListView *view = cd_list_view_new (self->context, source);

  g_ptr_array_add (self->lists, view);
  return view;
}

/* Shows view @name with its list searched for @text (a record's number or
 * name), for records that have no window of their own. */
static void
show_searched (CdWindow   *self,
               const char *name,
               const char *text)
{
  GtkWidget *view = cd_window_get_view (self, name);

  cd_window_show_view (self, name);
  /* Views of their own, with their own search fields. */
  if (CD_IS_WORK_ORDERS_VIEW (view))
    {
      cd_work_orders_view_set_search (CD_WORK_ORDERS_VIEW (view), text);
      return;
    }
  if (CD_IS_CLIENTS_VIEW (view))
    {
      cd_clients_view_set_search (CD_CLIENTS_VIEW (view), text);
      return;
    }
  if (CD_IS_PROJECTS_VIEW (view))
    {
      cd_projects_view_set_search (CD_PROJECTS_VIEW (view), text);
      return;
    }
  if (current_list (self) == NULL || text == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
on_today_open_cb (CdWindow   *self,
                  const char *kind,
                  gint64      id,
                  const char *number)
{
  if (g_strcmp0 (kind, "quote") == 0)
    cd_quote_editor_present (GTK_WIDGET (self), self->context, id);
  else if (g_strcmp0 (kind, "contract") == 0)
    cd_contract_editor_present (GTK_WIDGET (self), self->context, id);
  else if (g_strcmp0 (kind, "supplier-order") == 0)
    cd_supplier_order_window_present (GTK_WIDGET (self), self->context, id);
  else if (g_strcmp0 (kind, "work-order") == 0)
    show_searched (self, "work-orders", number);
  else if (g_strcmp0 (kind, "client") == 0)
    show_searched (self, "clients", number);
  else if (g_strcmp0 (kind, "view") == 0)
    cd_window_show_view (self, number);
}

static GtkWidget *
build_today (CdWindow *self)
{
  self->today_view = cd_today_view_new (self->context);
  g_signal_connect_object (self->today_view, "open", G_CALLBACK (on_today_open_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self->today_view);
}

static GtkWidget *
build_clients (CdWindow *self)
{
  /* The client directory pages 100,000 clients from the database, with its
   * own search, filters and columns. */
  return GTK_WIDGET (cd_clients_view_new (self->context));
}

static GtkWidget *
build_projects (CdWindow *self)
{
  return GTK_WIDGET (cd_projects_view_new (self->context));
}

static GtkWidget *
build_work_orders (CdWindow *self)
{
  return GTK_WIDGET (cd_work_orders_view_new (self->context));
}

/* Row activation opens the record's own window, where one exists. */
static void
on_quote_activated_cb (CdWindow *self,
                       CdRow    *row)
{
  cd_quote_editor_present (GTK_WIDGET (self), self->context, cd_row_get_id (row));
}

static void
on_contract_activated_cb (CdWindow *self,
                          CdRow    *row)
{
  cd_contract_editor_present (GTK_WIDGET (self), self->context, cd_row_get_id (row));
}

static void
on_supplier_activated_cb (CdWindow *self,
                          CdRow    *row)
{
  cd_supplier_page_present (GTK_WIDGET (self), self->context, cd_row_get_id (row));
}

static void
on_supplier_order_activated_cb (CdWindow *self,
                                CdRow    *row)
{
  cd_supplier_order_window_present (GTK_WIDGET (self), self->context, cd_row_get_id (row));
}

static void
on_acceptance_activated_cb (CdWindow *self,
                            CdRow    *row)
{
  cd_acceptance_editor_present (GTK_WIDGET (self), self->context, cd_row_get_id (row));
}

static void
on_pickup_slip_activated_cb (CdWindow *self,
                             CdRow    *row)
{
  cd_pickup_slip_window_present (GTK_WIDGET (self), self->context, cd_row_get_id (row));
}

static CdListView *
add_opening_list (CdWindow     *self,
                  CdListSource  source,
                  GCallback     on_activated)
{
  CdListView *view = add_list (self, source);

  g_signal_connect_object (view, "row-activated", on_activated, self, G_CONNECT_SWAPPED);
  return view;
}

static GtkWidget *
build_quotes_contracts (CdWindow *self)
{
  CdSectionView *section = cd_section_view_new ();

  self->quotes_list = add_opening_list (self, CD_SOURCE_QUOTES, G_CALLBACK (on_quote_activated_cb));
  cd_section_view_add (section, self->quotes_list, _("Quotes"));
  cd_section_view_add (section,
                       add_opening_list (self, CD_SOURCE_CONTRACTS, G_CALLBACK (on_contract_activated_cb)),
                       _("Contracts"));
  return GTK_WIDGET (section);
}

static GtkWidget *
build_suppliers (CdWindow *self)
{
  CdSectionView *section = cd_section_view_new ();

  cd_section_view_add (section,
                       add_opening_list (self, CD_SOURCE_SUPPLIERS, G_CALLBACK (on_supplier_activated_cb)),
                       _("Suppliers"));
  cd_section_view_add (section,
                       add_opening_list (self, CD_SOURCE_SUPPLIER_ORDERS,
                                         G_CALLBACK (on_supplier_order_activated_cb)),
                       _("Orders"));
  cd_section_view_add (section,
                       add_opening_list (self, CD_SOURCE_ACCEPTANCES,
                                         G_CALLBACK (on_acceptance_activated_cb)),
                       _("Acceptances"));
  cd_section_view_add (section, add_opening_list (self, CD_SOURCE_PICKUP_SLIPS,
                                                  G_CALLBACK (on_pickup_slip_activated_cb)), _("Pickup slips"));
  cd_section_view_add_page (section, GTK_WIDGET (cd_supply_desk_new (self->context)), "production",
                            _("Production"));
  return GTK_WIDGET (section);
}

static GtkWidget *
build_finance (CdWindow *self)
{
  CdSectionView *section = cd_section_view_new ();

  self->finance_view = cd_finance_view_new (self->context);
  cd_section_view_add_page (section, GTK_WIDGET (self->finance_view), "month-end", _("Month end"));
  cd_section_view_add (section, add_list (self, CD_SOURCE_RECEIVABLES), _("Receivables"));
  cd_section_view_add (section, add_opening_list (self, CD_SOURCE_PICKUP_SLIPS,
                                                  G_CALLBACK (on_pickup_slip_activated_cb)), _("Pickup slips"));
  cd_accessible_name_parts (GTK_WIDGET (self->finance_view));
  return GTK_WIDGET (section);
}

/* A bar, point or slice opens the list behind it: the view of its kind,
 * that list chosen in its section, searched for the item's label, or for
 * its month — document numbers carry it (HT202603-0001), clients and
 * suppliers do not. */
static void
on_insights_open_items_cb (CdWindow   *self,
                           int         kind,
                           const char *month,
                           const char *search)
{
  static const char *const view_of_kind[CD_N_KINDS] = {
    [CD_KIND_CLIENTS] = "clients", [CD_KIND_PROJECTS] = "projects",
    [CD_KIND_WORK_ORDERS] = "work-orders", [CD_KIND_QUOTES] = "quotes-contracts",
    [CD_KIND_CONTRACTS] = "quotes-contracts", [CD_KIND_SUPPLIERS] = "suppliers-deliveries",
    [CD_KIND_SUPPLIER_ORDERS] = "suppliers-deliveries",
    [CD_KIND_ACCEPTANCES] = "suppliers-deliveries", [CD_KIND_PICKUP_SLIPS] = "finance",
  };
  g_autofree char *text = NULL;

  if (kind < 0 || kind >= CD_N_KINDS)
    return;
  cd_window_get_view (self, view_of_kind[kind]);  /* its lists, built */
  for (guint i = 0; i < self->lists->len; i++)
    {
      CdListView *list = self->lists->pdata[i];
      GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (list), CD_TYPE_SECTION_VIEW);

      if ((int) cd_list_view_get_source (list) == kind && section != NULL)
        cd_section_view_set_visible_list (CD_SECTION_VIEW (section), list);
    }
  if (month != NULL && kind != CD_KIND_CLIENTS && kind != CD_KIND_SUPPLIERS)
    {
      GString *digits = g_string_new (NULL);

      for (const char *p = month; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      text = g_string_free (digits, FALSE);
    }
  show_searched (self, view_of_kind[kind], text ? text : search);
}

static GtkWidget *
build_insights (CdWindow *self)
{
  self->insights_view = cd_insights_view_new (self->context);
  g_signal_connect_object (self->insights_view, "open-items",
                           G_CALLBACK (on_insights_open_items_cb), self, G_CONNECT_SWAPPED);
  cd_accessible_name_parts (GTK_WIDGET (self->insights_view));
  return GTK_WIDGET (self->insights_view);
}

/* Visits, meetings and due dates by day (issue 12); items without a window
 * of their own open as Today's rows do. */
static GtkWidget *
build_calendar (CdWindow *self)
{
  CdCalendarView *view = cd_calendar_view_new (self->context);

  g_signal_connect_object (view, "open", G_CALLBACK (on_today_open_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (view);
}

static GtkWidget *
make_sidebar_row (const ViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

/* Pixels: the minimum width of the widest page at the default font. */
#define VIEWS_MIN_WIDTH 670

/* Each view is built when it is first shown or asked for (ensure_view):
 * built all at once, the nine views and the reads they start took the
 * first frame past its budget (DESIGN.md §8), for pages not on screen. A
 * page holds an AdwBin until then. */
static void
build_views (CdWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *bin = adw_bin_new ();
      AdwViewStackPage *page;
      GtkWidget *row;

      page = adw_view_stack_add_titled (self->view_stack, bin, views[i].name, _(views[i].title));
      adw_view_stack_page_set_icon_name (page, views[i].icon_name);
      g_ptr_array_add (self->view_bins, bin);
      row = make_sidebar_row (&views[i]);
      gtk_list_box_append (self->sidebar, row);
      g_ptr_array_add (self->sidebar_rows, row);
    }
  /* The stack is as wide as its widest page built so far: without a floor,
   * visiting Suppliers & deliveries or Work orders (some 660 pixels at the
   * default font) would widen it, and fold the sidebar away under the
   * person's hand, in a window that did not fold a moment before. */
  gtk_widget_set_size_request (GTK_WIDGET (self->view_stack), VIEWS_MIN_WIDTH, -1);
}

/* The view at @index in views[], built now if it was not. */
static GtkWidget *
ensure_view (CdWindow *self, int index)
{
  AdwBin *bin;
  GtkWidget *view;

  if (index < 0 || (guint) index >= self->view_bins->len)
    return NULL;
  bin = ADW_BIN (g_ptr_array_index (self->view_bins, index));
  if ((view = adw_bin_get_child (bin)) != NULL)
    return view;
  view = views[index].build (self);
  adw_bin_set_child (bin, view);
  /* Drop-downs and menu buttons inside the view take their owners' names. */
  cd_accessible_name_parts (view);
  return view;
}

static GtkWidget *
visible_view (CdWindow *self)
{
  return ensure_view (self, find_view (adw_view_stack_get_visible_child_name (self->view_stack)));
}

/* The list the search field works on: the view's own list, or the tab on
 * screen in a view of several lists; NULL for Today. */
static CdListView *
current_list (CdWindow *self)
{
  GtkWidget *child = visible_view (self);

  if (CD_IS_LIST_VIEW (child))
    return CD_LIST_VIEW (child);
  if (CD_IS_SECTION_VIEW (child))
    return cd_section_view_get_visible_list (CD_SECTION_VIEW (child));
  return NULL;
}

static void
apply_search (CdWindow *self)
{
  CdListView *list = current_list (self);
  const char *text = NULL;

  if (list == NULL || !cd_list_view_is_searchable (list))
    return;
  if (gtk_search_bar_get_search_mode (self->search_bar))
    text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  cd_list_view_set_search (list, text);
}

static void
update_search (CdWindow *self)
{
  CdListView *list = current_list (self);
  gboolean searchable = list != NULL && cd_list_view_is_searchable (list);

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), searchable);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->search_button),
                               searchable ? _("Search (Ctrl+F)")
                                          : _("This view is a summary; search works in the lists of records"));
  /* Typing anywhere in the window starts a search, where one makes sense. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, searchable ? GTK_WIDGET (self) : NULL);
  if (!searchable)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  else
    apply_search (self);
}

static void
on_section_list_changed_cb (CdWindow *self)
{
  update_search (self);
  cd_window_update_actions (self);
}

/* The header, the sidebar selection and the search follow the view shown. */
static void
sync_view (CdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  int index = find_view (name);
  GtkWidget *child;

  /* While the views are being added the sidebar is not complete yet. */
  if (index < 0 || (guint) index >= self->sidebar_rows->len)
    return;
  child = ensure_view (self, index);
  adw_window_title_set_title (self->view_title, _(views[index].title));
  gtk_list_box_select_row (self->sidebar, g_ptr_array_index (self->sidebar_rows, index));
  if (CD_IS_SECTION_VIEW (child) && g_object_get_data (G_OBJECT (child), "cd-watched") == NULL)
    {
      g_signal_connect_object (child, "notify::visible-list",
                               G_CALLBACK (on_section_list_changed_cb), self, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (child), "cd-watched", GINT_TO_POINTER (1));
    }
  update_search (self);
  cd_window_update_actions (self);
}

static void
on_view_changed_cb (CdWindow *self)
{
  sync_view (self);
}

static void
on_sidebar_row_selected_cb (CdWindow      *self,
                            GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (CdWindow      *self,
                             GtkListBoxRow *row)
{
  on_sidebar_row_selected_cb (self, row);
  /* On a narrow window the sidebar covers the view: go to it. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_button_clicked_cb (CdWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_search_changed_cb (CdWindow *self)
{
  apply_search (self);
}

static void
on_search_stopped_cb (CdWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed_cb (CdWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self);
}

static void
show_views (CdWindow *self)
{
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-view");
  gtk_stack_set_visible_child_name (self->main_stack, "views");
  cd_window_show_view (self, find_view (last) >= 0 ? last : views[0].name);
  /* Showing the view that was already current changes nothing: sync anyway. */
  sync_view (self);
}

static void
on_welcome_finished_cb (CdWindow *self)
{
  cd_window_reload (self);
  show_views (self);
}

static void
setup_welcome (CdWindow *self)
{
  self->welcome_page = cd_welcome_page_new (self->context);
  gtk_widget_set_vexpand (GTK_WIDGET (self->welcome_page), TRUE);
  gtk_box_append (self->welcome_box, GTK_WIDGET (self->welcome_page));
  g_signal_connect_object (self->welcome_page, "finished",
                           G_CALLBACK (on_welcome_finished_cb), self, G_CONNECT_SWAPPED);
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      /* Only in a development run without compiled schemas. */
      g_message ("settings schema %s not found; window size will not be remembered", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_window_state (CdWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (CdWindow *self)
{
  int width, height;
  const char *view;

  if (self->settings == NULL)
    return;
  /* The default size tracks the unmaximized size, which is what to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  view = adw_view_stack_get_visible_child_name (self->view_stack);
  if (view != NULL && gtk_stack_get_visible_child_name (self->main_stack) != NULL
      && g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "views"))
    g_settings_set_string (self->settings, "last-view", view);
  g_settings_apply (self->settings);
}

static gboolean
cd_window_close_request (GtkWindow *window)
{
  save_window_state (CD_WINDOW (window));

  return GTK_WINDOW_CLASS (cd_window_parent_class)->close_request (window);
}

static void
cd_window_constructed (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  G_OBJECT_CLASS (cd_window_parent_class)->constructed (object);

  self->settings = open_settings ();
  restore_window_state (self);
  build_views (self);
  /* The welcome page only for a database that needs it. */
  if (cd_welcome_page_is_needed (self->context))
    {
      setup_welcome (self);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  else
    show_views (self);
  cd_window_update_actions (self);
  self->notifier = cd_deadline_notifier_new (self->context,
                                             G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
cd_window_dispose (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WINDOW);

  G_OBJECT_CLASS (cd_window_parent_class)->dispose (object);
}

static void
cd_window_finalize (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  g_clear_object (&self->notifier);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->view_bins, g_ptr_array_unref);
  g_clear_pointer (&self->sidebar_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cd_window_parent_class)->finalize (object);
}

static void
cd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdWindow *self = CD_WINDOW (object);

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
cd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdWindow *self = CD_WINDOW (object);

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
cd_window_class_init (CdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cd_window_constructed;
  object_class->dispose = cd_window_dispose;
  object_class->finalize = cd_window_finalize;
  object_class->get_property = cd_window_get_property;
  object_class->set_property = cd_window_set_property;
  window_class->close_request = cd_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CD_TYPE_LIST_VIEW);
  g_type_ensure (CD_TYPE_FINANCE_VIEW);
  g_type_ensure (CD_TYPE_INSIGHTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, welcome_box);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);

  cd_window_class_install_actions (widget_class);
}

static void
cd_window_init (CdWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->lists = g_ptr_array_new ();
  self->view_bins = g_ptr_array_new ();
  self->sidebar_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  cd_accessible_name_menu_button (self->primary_menu_button, _("Main menu"));
  cd_accessible_name_menu_button (self->welcome_menu_button, _("Main menu"));
  cd_accessible_name_parts (GTK_WIDGET (self->search_bar));
}

/**
 * cd_window_new:
 * @application: (nullable): the application; NULL in widget tests
 *
 * Returns: (transfer full): a new main window on @context's database
 */
CdWindow *
cd_window_new (GtkApplication *application,
               CdContext      *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return g_object_new (CD_TYPE_WINDOW, "application", application, "context", context, NULL);
}

/* Returns: (transfer none): the window's context */
CdContext *
cd_window_get_context (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->context;
}

/* Shows the view called @name (see cd_window_view_names ()). */
void
cd_window_show_view (CdWindow   *self,
                     const char *name)
{
  g_return_if_fail (CD_IS_WINDOW (self));

  if (find_view (name) < 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
cd_window_get_view_name (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* Returns: (transfer none) (nullable): the widget of the view called @name */
GtkWidget *
cd_window_get_view (CdWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return ensure_view (self, find_view (name));
}

/* Returns: (transfer none) (nullable): the list on screen, if any */
CdListView *
cd_window_get_current_list (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return current_list (self);
}

/* Returns: "welcome" or "views" */
const char *
cd_window_get_page (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* The database changed underneath the views: every list reads it again. */
void
cd_window_reload (CdWindow *self)
{
  g_return_if_fail (CD_IS_WINDOW (self));

  for (guint i = 0; i < self->lists->len; i++)
    cd_list_view_invalidate (g_ptr_array_index (self->lists, i));
  if (self->today_view != NULL)
    cd_today_view_refresh (self->today_view);
  if (self->finance_view != NULL)
    cd_finance_view_refresh (self->finance_view);
  if (self->insights_view != NULL)
    cd_insights_view_refresh (self->insights_view);
}

void
cd_window_toast (CdWindow   *self,
                 const char *text)
{
  g_return_if_fail (CD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Returns: (transfer none): the view names, in sidebar order */
const char * const *
cd_window_view_names (void)
{
  return view_names;
}

/* The welcome page is done with once the database has data. */
void
cd_window_leave_welcome (CdWindow *self)
{
  if (g_strcmp0 (cd_window_get_page (self), "welcome") == 0)
    show_views (self);
}
