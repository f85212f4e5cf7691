/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Projects view: every project over the paged model, sortable by any
 * column, filtered by status, AM, AE, due this week and overdue (the
 * window's search finds number, name and client); a row opens the project
 * worksheet; New Project asks for name, client and due date. */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-states.h"
#include "gui/cd-accessible.h"
#include "gui/cd-paged-columns.h"
#include "gui/cd-projects-view.h"
#include "gui/cd-row.h"
#include "store/cd-store-projects.h"

struct _CdProjectsView
{
  AdwBin           parent_instance;

  CdContext       *context;
  CdPagedModel    *model;
  CdProjectPage   *page;
  GArray          *staff_ids;   /* index 0: anyone */

  GtkStack        *stack;
  GtkBox          *filter_box;
  GtkBox          *page_box;
  GtkButton       *back_button;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_page;
  GtkWidget       *list_scroller;
  GtkToggleButton *week_toggle;
  GtkToggleButton *overdue_toggle;
  GtkDropDown     *status_drop;
  GtkDropDown     *am_drop;
  GtkDropDown     *ae_drop;
  GtkSearchEntry  *client_entry;
};

G_DEFINE_FINAL_TYPE (CdProjectsView, cd_projects_view, ADW_TYPE_BIN)

/* Numbers and dates are never cut short: they are what people look for. */
static const CdPagedColumn columns[] = {
  { N_("Number"), "number", "number", CD_CELL_TEXT, NULL, 15, 15 },
  { N_("Project"), "name", "name", CD_CELL_TEXT, NULL, 24, 12, TRUE },
  { N_("Client"), "client", "client", CD_CELL_TEXT, NULL, 20 },
  { N_("Status"), "status", "status", CD_CELL_STATE, "project", 10 },
  { N_("AM"), "am", "am", CD_CELL_TEXT, NULL, 8 },
  { N_("AE"), "ae", "ae", CD_CELL_TEXT, NULL, 8 },
  { N_("Start"), "start_date", "start", CD_CELL_TEXT, NULL, 10, 10 },
  { N_("Due"), "due_date", "due", CD_CELL_TEXT, NULL, 10, 10 },
};

static GtkDropDown *
add_drop (CdProjectsView *self, GtkStringList *list, const char *name)
{
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (list), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (drop, name);
  gtk_box_append (self->filter_box, drop);
  return GTK_DROP_DOWN (drop);
}

static void
add_filters (CdProjectsView *self)
{
  const char * const *names = cd_state_names ("project");
  g_autoptr (GVariant) staff = cd_store_staff_for (cd_context_get_store (self->context), TRUE, NULL);
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkStringList *ams = gtk_string_list_new (NULL);
  GtkStringList *aes = gtk_string_list_new (NULL);
  GVariantIter iter;
  GVariant *row;
  gint64 none = 0;

  gtk_string_list_append (statuses, _("All states"));
  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (statuses, cd_state_label ("project", names[i]));
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->staff_ids, none);
  gtk_string_list_append (ams, _("Any AM"));
  gtk_string_list_append (aes, _("Any AE"));
  if (staff != NULL)
    for (g_variant_iter_init (&iter, staff); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
      {
        gint64 id = 0;
        const char *name = "";

        g_variant_lookup (row, "id", "x", &id);
        g_variant_lookup (row, "name", "&s", &name);
        g_array_append_val (self->staff_ids, id);
        gtk_string_list_append (ams, name);
        gtk_string_list_append (aes, name);
      }
  self->status_drop = add_drop (self, statuses, _("Status"));
  self->am_drop = add_drop (self, ams, _("Account manager"));
  self->ae_drop = add_drop (self, aes, _("Account executive"));
  /* A part of the client's name rather than a list: a large agency has
   * tens of thousands of clients with projects. */
  self->client_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->client_entry, "placeholder-text", _("Client"), NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->client_entry), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->client_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by client"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->client_entry), _("Projects of clients whose name contains this"));
  gtk_box_append (self->filter_box, GTK_WIDGET (self->client_entry));
}

static GVariant *
build_filters (CdProjectsView *self)
{
  GVariantDict dict;
  guint status = gtk_drop_down_get_selected (self->status_drop);
  guint am = gtk_drop_down_get_selected (self->am_drop);
  guint ae = gtk_drop_down_get_selected (self->ae_drop);
  g_autofree char *client = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_entry))));

  g_variant_dict_init (&dict, NULL);
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    g_variant_dict_insert (&dict, "status", "s", cd_state_names ("project")[status - 1]);
  if (am > 0 && am < self->staff_ids->len)
    g_variant_dict_insert (&dict, "am", "x", g_array_index (self->staff_ids, gint64, am));
  if (ae > 0 && ae < self->staff_ids->len)
    g_variant_dict_insert (&dict, "ae", "x", g_array_index (self->staff_ids, gint64, ae));
  if (*client != '\0')
    g_variant_dict_insert (&dict, "client-name", "s", client);
  if (gtk_toggle_button_get_active (self->week_toggle))
    g_variant_dict_insert (&dict, "due-this-week", "b", TRUE);
  if (gtk_toggle_button_get_active (self->overdue_toggle))
    g_variant_dict_insert (&dict, "overdue", "b", TRUE);
  return g_variant_dict_end (&dict);
}

/* An empty list says why: no project yet, or none that the filters let
 * through. */
static void
update_empty (CdProjectsView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0
                   && !cd_paged_model_get_loading (self->model);
  GVariant *filters = cd_paged_model_get_filters (self->model);
  gboolean narrowed = cd_paged_model_get_search (self->model) != NULL
                      || (filters != NULL && g_variant_n_children (filters) > 0);

  adw_status_page_set_description (self->empty_page,
                                   narrowed ? _("No project matches the search and filters.")
                                            : _("Start one with New Project; it begins with the client’s brief."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
  gtk_widget_set_visible (self->list_scroller, !empty);
}

static void
on_filter_changed_cb (CdProjectsView *self)
{
  cd_paged_model_set_filters (self->model, build_filters (self));
}

static void
on_activate_cb (CdProjectsView *self, guint position)
{
  g_autoptr (GObject) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row != NULL && !cd_row_is_loading (row))
    cd_projects_view_show_project (self, cd_row_get_id (CD_ROW (row)));
}

static void
on_back_clicked_cb (CdProjectsView *self)
{
  cd_projects_view_show_project (self, 0);
}

/* ------------------------------------------------------------------ */
/* New project                                                        */

static gint64
find_client (CdProjectsView *self, const char *text, GError **error)
{
  g_autoptr (GVariant) rows = NULL;
  gint64 id = 0;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Type the client’s name."));
      return 0;
    }
  rows = cd_store_list (cd_context_get_store (self->context), CD_KIND_CLIENTS, NULL, text, 0, 2, error);
  if (rows == NULL)
    return 0;
  if (g_variant_n_children (rows) != 1)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   g_variant_n_children (rows) == 0 ? _("No client matches “%s”.")
                                                    : _("More than one client matches “%s”: type more of the name."),
                   text);
      return 0;
    }
  {
    g_autoptr (GVariant) row = g_variant_get_child_value (rows, 0);

    g_variant_lookup (row, "id", "x", &id);
  }
  return id;
}

static void new_project_dialog (CdProjectsView *self, const char *name, const char *client, const char *due,
                                const char *field, const char *message);

/* Which field of the New Project dialog a refusal is about. */
static const char *
field_of (const char *message)
{
  if (g_str_has_prefix (message, _("The project name")))
    return "name";
  if (strstr (message, _("The due date")) != NULL)
    return "due";
  return "client";
}

static void
on_new_response_cb (AdwMessageDialog *dialog, const char *response, CdProjectsView *self)
{
  g_autoptr (CdProject) project = cd_project_new ();
  g_autoptr (GError) error = NULL;
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *client = g_object_get_data (G_OBJECT (dialog), "client");
  GtkEditable *due = g_object_get_data (G_OBJECT (dialog), "due");

  if (g_strcmp0 (response, "create") != 0)
    return;
  project->name = g_strdup (gtk_editable_get_text (name));
  project->due_date = g_strdup (gtk_editable_get_text (due));
  project->am_id = cd_context_get_current_staff (self->context);
  project->client_id = find_client (self, gtk_editable_get_text (client), &error);
  if (project->client_id == 0 || !cd_store_project_save (cd_context_get_store (self->context), project, &error))
    {
      /* Nothing was saved: the same form again, the reason under its field. */
      new_project_dialog (self, gtk_editable_get_text (name), gtk_editable_get_text (client),
                          gtk_editable_get_text (due), project->client_id == 0 ? "client" : field_of (error->message),
                          error->message);
      return;
    }
  cd_paged_model_reload (self->model);
  cd_projects_view_show_project (self, project->id);
}

static GtkWidget *
labelled_entry (GtkWidget *box, const char *label, const char *hint, const char *text, const char *error)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), hint ? hint : label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (box), entry);
  if (error != NULL)
    {
      GtkWidget *why = gtk_label_new (error);

      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_widget_add_css_class (why, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_box_append (GTK_BOX (box), why);
    }
  return entry;
}

static void
new_project_dialog (CdProjectsView *self, const char *name, const char *client, const char *due,
                    const char *field, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New Project"),
                                              _("The project starts in Brief: fill in the brief on its page."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

#define ERROR_FOR(f) (g_strcmp0 (field, (f)) == 0 ? message : NULL)
  g_object_set_data (G_OBJECT (dialog), "name",
                     labelled_entry (box, _("Project name"), NULL, name, ERROR_FOR ("name")));
  g_object_set_data (G_OBJECT (dialog), "client",
                     labelled_entry (box, _("Client"), _("Client (part of the name)"), client, ERROR_FOR ("client")));
  g_object_set_data (G_OBJECT (dialog), "due",
                     labelled_entry (box, _("Due date"), _("Due date (YYYY-MM-DD)"), due, ERROR_FOR ("due")));
#undef ERROR_FOR
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget *widget, const char *action, GVariant *param)
{
  new_project_dialog (CD_PROJECTS_VIEW (widget), NULL, NULL, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ */

static void
setup (CdProjectsView *self)
{
  GtkSingleSelection *selection;

  self->model = cd_paged_model_new (cd_context_get_store (self->context), CD_KIND_PROJECTS);
  cd_paged_model_set_fill_in_place (self->model, TRUE);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  cd_paged_columns_add (self->column_view, columns, G_N_ELEMENTS (columns), NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  cd_paged_model_follow_sorter (self->model, gtk_column_view_get_sorter (self->column_view));
  add_filters (self);
  self->page = cd_project_page_new (self->context);
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (self->page_box, GTK_WIDGET (self->page));
  g_signal_connect_swapped (self->status_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->am_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->ae_drop, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->week_toggle, "toggled", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->client_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  update_empty (self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

static void
cd_projects_view_dispose (GObject *object)
{
  CdProjectsView *self = CD_PROJECTS_VIEW (object);

  /* The column view keeps the model through its selection a while longer. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (cd_projects_view_parent_class)->dispose (object);
}

static void
cd_projects_view_class_init (CdProjectsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cd_projects_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-projects-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, page_box);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, week_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdProjectsView, overdue_toggle);
  gtk_widget_class_install_action (widget_class, "projects.new", NULL, new_action);
}

static void
cd_projects_view_init (CdProjectsView *self)
{
  g_type_ensure (CD_TYPE_PROJECT_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_paged_columns_ensure_style ();
}

CdProjectsView *
cd_projects_view_new (CdContext *context)
{
  CdProjectsView *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_PROJECTS_VIEW, NULL);
  self->context = g_object_ref (context);
  setup (self);
  return self;
}

CdPagedModel *
cd_projects_view_get_model (CdProjectsView *self)
{
  g_return_val_if_fail (CD_IS_PROJECTS_VIEW (self), NULL);
  return self->model;
}

CdProjectPage *
cd_projects_view_get_page (CdProjectsView *self)
{
  g_return_val_if_fail (CD_IS_PROJECTS_VIEW (self), NULL);
  return self->page;
}

void
cd_projects_view_set_search (CdProjectsView *self, const char *search)
{
  g_return_if_fail (CD_IS_PROJECTS_VIEW (self));
  cd_paged_model_set_search (self->model, search && *search ? search : NULL);
}

void
cd_projects_view_show_project (CdProjectsView *self, gint64 project_id)
{
  g_return_if_fail (CD_IS_PROJECTS_VIEW (self));

  if (project_id > 0)
    cd_project_page_set_project (self->page, project_id);
  gtk_stack_set_visible_child_name (self->stack, project_id > 0 ? "project" : "list");
}
