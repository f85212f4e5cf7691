/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "gui/cd-list-view.h"
#include "gui/cd-row.h"
#include "store/cd-store-list.h"
#include "store/cd-store-suppliers.h"

struct _CdListView
{
  AdwBin              parent_instance;

  CdContext          *context;
  CdListSource        source;
  char               *search;
  GListStore         *rows;
  GtkSortListModel   *sorted;
  GCancellable       *cancellable;
  gboolean            loading;
  gboolean            loaded;
  gint64              load_started;   /* monotonic µs, for the debug log */

  /* The supplier directory's filters; codes NULL for "All". */
  const char * const *category_codes;
  const char * const *status_codes;
  const char         *category;
  const char         *status;
  gboolean            clearing;

  GtkLabel           *description_label;
  GtkBox             *filter_bar;
  GtkBox             *filter_box;
  GtkLabel           *filter_state;
  GtkButton          *clear_button;
  GtkButton          *no_match_clear_button;
  GtkDropDown        *category_drop_down;
  GtkDropDown        *status_drop_down;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  GtkLabel           *footer_label;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *no_match_page;
  AdwStatusPage      *error_page;
};

/* What one column's factory and sorter need to know. */
typedef struct
{
  const CdColumnSpec *spec;
  const char         *status_entity;
} ColumnData;

G_DEFINE_FINAL_TYPE (CdListView, cd_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SOURCE,
  PROP_SEARCH,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (CdListView *self);

static void
set_loading (CdListView *self,
             gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Long names are cut off in the cell; the tooltip shows them whole. It is
 * asked for on hover rather than set on every bind: setting a tooltip
 * makes GTK query the pointer, a round trip to the display per cell. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_column_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ColumnData               *data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  /* GtkInscription asks for no width by itself. */
  guint chars = cd_column_width_chars (data->spec);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), chars);
  /* Short columns are never cut; the wide ones (names, titles) give way
   * when the window is narrow, and take the room when it is not. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell),
                                 data->spec->expand ? MIN (chars * 2 / 3, 18) : chars);
  if (data->spec->type == CD_COLUMN_MONEY || data->spec->type == CD_COLUMN_NUMBER)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, cell);
}

static void
on_column_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   ColumnData               *data)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  CdRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = cd_column_format (data->spec, data->status_entity, row);

  gtk_inscription_set_text (cell, text);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ColumnData *data = user_data;

  return cd_column_compare (data->spec, CD_ROW ((gpointer) a), CD_ROW ((gpointer) b));
}

static void
add_column (CdListView         *self,
            const CdSourceInfo *info,
            const CdColumnSpec *spec)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnData *data = g_new0 (ColumnData, 1);

  data->spec = spec;
  data->status_entity = info->status_entity;
  /* The factory owns the column data; the sorter borrows it. */
  g_object_set_data_full (G_OBJECT (factory), "cd-column-data", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_column_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_column_bind_cb), data);

  column = gtk_column_view_column_new (_(spec->title), factory);
  gtk_column_view_column_set_expand (column, spec->expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, data, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_append_column (self->column_view, column);
}

static void
setup_columns (CdListView *self)
{
  const CdSourceInfo *info = cd_list_source_get_info (self->source);
  GtkSelectionModel *selection;

  for (guint i = 0; i < info->n_columns; i++)
    add_column (self, info, &info->columns[i]);

  self->rows = g_list_store_new (CD_TYPE_ROW);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  adw_status_page_set_icon_name (self->empty_page, info->empty_icon);
  adw_status_page_set_title (self->empty_page, _(info->empty_title));
  adw_status_page_set_description (self->empty_page, _(info->empty_description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->accessible_name),
                                  -1);
  gtk_widget_set_name (GTK_WIDGET (self), info->name);
}

/* ------------------------------------------------------------------ */
/* Filters (the supplier directory only)                                */

static gboolean
has_filters (CdListView *self)
{
  return self->category != NULL || self->status != NULL;
}

static void
append_choice (GString     *text,
               GtkDropDown *drop_down)
{
  GtkStringObject *item;

  if (drop_down == NULL || gtk_drop_down_get_selected (drop_down) == 0)
    return;
  item = gtk_drop_down_get_selected_item (drop_down);
  if (item != NULL)
    g_string_append_printf (text, " · %s", gtk_string_object_get_string (item));
}

/* The line under the drop-downs says in words what the list shows, as the
 * Clients view does: "3 suppliers · Print · Active". */
static void
update_filter_state (CdListView *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n;

  if (self->category_drop_down == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (self->loading)
    g_string_append (text, _("Reading…"));
  else
    g_string_printf (text, g_dngettext (NULL, "%u supplier", "%u suppliers", n), n);
  append_choice (text, self->category_drop_down);
  append_choice (text, self->status_drop_down);
  if (self->search != NULL)
    g_string_append_printf (text, " · %s “%s”", _("matching"), self->search);
  gtk_label_set_text (self->filter_state, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), has_filters (self));
}

static void
show_no_filter_match (CdListView *self)
{
  g_autofree char *text = NULL;

  if (self->search != NULL)
    /* Translators: %s is what the person typed in the search field. */
    text = g_strdup_printf (_("No supplier matches “%s” with the chosen filters. "
                              "Clear the filters or change the search."), self->search);
  else
    text = g_strdup (_("No supplier is in the chosen category and status. "
                       "Clear the filters to see every supplier."));
  adw_status_page_set_description (self->no_match_page, text);
  gtk_stack_set_visible_child_name (self->stack, "no-match");
}

static const char *
selected_code (GtkDropDown        *drop_down,
               const char * const *codes)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > g_strv_length ((char **) codes))
    return NULL;
  return codes[selected - 1];
}

static void
on_filter_changed_cb (CdListView *self)
{
  if (self->clearing)
    return;
  self->category = selected_code (self->category_drop_down, self->category_codes);
  self->status = selected_code (self->status_drop_down, self->status_codes);
  update_filter_state (self);
  cd_list_view_invalidate (self);
}

static void
on_clear_button_clicked_cb (CdListView *self)
{
  cd_list_view_clear_filters (self);
}

/* A drop-down whose first entry, @all, means no filter; the others are
 * @codes by their translated labels. */
static GtkDropDown *
add_filter (CdListView          *self,
            const char          *all,
            const char          *accessible_name,
            const char * const  *codes,
            const char *       (*label) (const char *code))
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GtkDropDown *drop_down;

  gtk_string_list_append (list, all);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (list, label (codes[i]));
  drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), accessible_name);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->filter_box, GTK_WIDGET (drop_down));
  return drop_down;
}

static const char *
supplier_status_label (const char *code)
{
  return cd_state_label ("supplier", code);
}

static void
setup_filters (CdListView *self)
{
  if (self->source != CD_SOURCE_SUPPLIERS)
    return;
  self->category_codes = cd_supplier_categories ();
  self->status_codes = cd_state_names ("supplier");
  self->category_drop_down = add_filter (self, _("All categories"), _("Category filter"),
                                         self->category_codes, cd_supplier_category_label);
  self->status_drop_down = add_filter (self, _("All statuses"), _("Status filter"),
                                       self->status_codes, supplier_status_label);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar), TRUE);
  update_filter_state (self);
}

static void
show_rows (CdListView *self,
           GVariant   *page)
{
  GVariantIter iter;
  GVariant *dict;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *no_match = NULL;

  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  /* Reuse the row objects already shown (see cd_row_set_dict ()). */
  g_variant_iter_init (&iter, page);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      if (items->len < n_old)
        {
          CdRow *row = g_list_model_get_item (G_LIST_MODEL (self->rows), items->len);

          cd_row_set_dict (row, dict);
          g_ptr_array_add (items, row);
        }
      else
        g_ptr_array_add (items, cd_row_new (dict));
      g_variant_unref (dict);
    }
  g_list_store_splice (self->rows, 0, n_old, items->pdata, items->len);

  gtk_widget_set_visible (GTK_WIDGET (self->footer_label),
                          items->len >= CD_LIST_VIEW_PAGE_SIZE);
  update_filter_state (self);
  if (items->len > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_clear_button), has_filters (self));
  if (has_filters (self))
    {
      show_no_filter_match (self);
      return;
    }
  if (self->search != NULL && self->search[0] != '\0')
    {
      /* Translators: %s is what the person typed in the search field. */
      no_match = g_strdup_printf (_("Nothing here matches “%s”. Try fewer or other characters."),
                                  self->search);
      adw_status_page_set_description (self->no_match_page, no_match);
      gtk_stack_set_visible_child_name (self->stack, "no-match");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_loaded_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CdListView) self = user_data;
  g_autoptr(GVariant) page = NULL;
  g_autoptr(GError) error = NULL;
  CdKind kind;

  if (cd_list_source_get_kind (self->source, &kind))
    page = cd_store_list_finish (CD_STORE (source_object), result, &error);
  else
    page = cd_store_overview_finish (CD_STORE (source_object), result, &error);

  /* A newer load replaced this one: it will finish the job. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  self->loaded = TRUE;
  if (page == NULL)
    {
      g_message ("list %s: %s", cd_list_source_get_info (self->source)->name, error->message);
      adw_status_page_set_description (self->error_page, error->message);
      update_filter_state (self);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_rows (self, page);
  g_debug ("list %s: %" G_GSIZE_FORMAT " rows in %.1f ms",
           cd_list_source_get_info (self->source)->name, g_variant_n_children (page),
           (g_get_monotonic_time () - self->load_started) / 1000.0);
}

static void
load (CdListView *self)
{
  CdStore *store = cd_context_get_store (self->context);
  const char *search = NULL;
  CdKind kind;
  CdOverview overview;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  self->load_started = g_get_monotonic_time ();
  /* Keep the old rows on screen while the new ones come; only a view that
   * never had any shows the spinner. */
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  if (self->search != NULL && self->search[0] != '\0')
    search = self->search;
  update_filter_state (self);

  if (self->source == CD_SOURCE_SUPPLIERS)
    cd_store_list_suppliers_async (store, search, self->category, self->status,
                                   0, CD_LIST_VIEW_PAGE_SIZE,
                                   self->cancellable, on_loaded_cb, g_object_ref (self));
  else if (cd_list_source_get_kind (self->source, &kind))
    cd_store_list_async (store, kind, NULL, search, 0, CD_LIST_VIEW_PAGE_SIZE,
                         self->cancellable, on_loaded_cb, g_object_ref (self));
  else if (cd_list_source_get_overview (self->source, &overview))
    cd_store_overview_async (store, overview, NULL, CD_LIST_VIEW_PAGE_SIZE,
                             self->cancellable, on_loaded_cb, g_object_ref (self));
  else
    g_assert_not_reached ();
}

static void
on_retry_button_clicked_cb (CdListView *self)
{
  load (self);
}

/* Enter or a double click on a row: whoever placed the list opens it. */
static void
on_column_view_activate_cb (CdListView *self,
                            guint       position)
{
  g_autoptr(CdRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}

static void
cd_list_view_map (GtkWidget *widget)
{
  CdListView *self = CD_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (cd_list_view_parent_class)->map (widget);

  /* Rows are read when the view is first shown, not when it is made: the
   * window builds every view at start and must not run a dozen queries. */
  if (!self->loaded && !self->loading && self->context != NULL)
    load (self);
}

static void
cd_list_view_constructed (GObject *object)
{
  CdListView *self = CD_LIST_VIEW (object);

  G_OBJECT_CLASS (cd_list_view_parent_class)->constructed (object);

  setup_columns (self);
  setup_filters (self);
}

static void
cd_list_view_dispose (GObject *object)
{
  CdListView *self = CD_LIST_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_LIST_VIEW);

  G_OBJECT_CLASS (cd_list_view_parent_class)->dispose (object);
}

static void
cd_list_view_finalize (GObject *object)
{
  CdListView *self = CD_LIST_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->context);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (cd_list_view_parent_class)->finalize (object);
}

static void
cd_list_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CdListView *self = CD_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SOURCE:
      g_value_set_int (value, self->source);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_list_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CdListView *self = CD_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_get_int (value);
      break;
    case PROP_SEARCH:
      cd_list_view_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_list_view_class_init (CdListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_list_view_constructed;
  object_class->dispose = cd_list_view_dispose;
  object_class->finalize = cd_list_view_finalize;
  object_class->get_property = cd_list_view_get_property;
  object_class->set_property = cd_list_view_set_property;
  widget_class->map = cd_list_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_int ("source", NULL, NULL, 0, CD_N_SOURCES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdListView::row-activated:
   * @row: the CdRow activated (Enter, double click)
   */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CD_TYPE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdListView, description_label);
  gtk_widget_class_bind_template_child (widget_class, CdListView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, CdListView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CdListView, filter_state);
  gtk_widget_class_bind_template_child (widget_class, CdListView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CdListView, no_match_clear_button);
  gtk_widget_class_bind_template_child (widget_class, CdListView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdListView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CdListView, footer_label);
  gtk_widget_class_bind_template_child (widget_class, CdListView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CdListView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, CdListView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
}

static void
cd_list_view_init (CdListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (on_column_view_activate_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cd_list_view_new:
 *
 * Returns: (transfer floating): a view of @source's rows
 */
CdListView *
cd_list_view_new (CdContext    *context,
                  CdListSource  source)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (source < CD_N_SOURCES, NULL);

  return g_object_new (CD_TYPE_LIST_VIEW, "context", context, "source", source, NULL);
}

CdListSource
cd_list_view_get_source (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), 0);
  return self->source;
}

/* Whether the search field applies: overview summaries ignore it. */
gboolean
cd_list_view_is_searchable (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), FALSE);
  return cd_list_source_get_info (self->source)->searchable;
}

const char *
cd_list_view_get_search (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), NULL);
  return self->search;
}

/* Reads the rows again with @search (NULL or "" for all rows): now if the
 * view is on screen, else when it is next shown. */
void
cd_list_view_set_search (CdListView *self,
                         const char *search)
{
  g_return_if_fail (CD_IS_LIST_VIEW (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;
  if (!cd_list_view_is_searchable (self))
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  cd_list_view_invalidate (self);
}

/* A line above the table saying what it shows; NULL hides it. */
void
cd_list_view_set_description (CdListView *self,
                              const char *description)
{
  g_return_if_fail (CD_IS_LIST_VIEW (self));

  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);
}

/* The data changed (sample agency loaded, file imported): read it again. */
void
cd_list_view_invalidate (CdListView *self)
{
  g_return_if_fail (CD_IS_LIST_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      load (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  set_loading (self, FALSE);
  self->loaded = FALSE;
}

gboolean
cd_list_view_get_loading (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), FALSE);
  return self->loading;
}

gboolean
cd_list_view_get_loaded (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), FALSE);
  return self->loaded;
}

/* Returns: (transfer none): the rows as shown, sorted by the column headers */
GListModel *
cd_list_view_get_model (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/* Emits row-activated for the row at @position of the model (tests, and
 * callers that pick a row themselves). */
void
cd_list_view_activate_row (CdListView *self,
                           guint       position)
{
  g_return_if_fail (CD_IS_LIST_VIEW (self));
  on_column_view_activate_cb (self, position);
}

/* Returns: which page is showing: "loading", "list", "empty", "no-match" or "error" */
const char *
cd_list_view_get_state (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Whether a filter (category, status) narrows the list; the search is not
 * a filter here, it belongs to the header bar. */
gboolean
cd_list_view_has_filters (CdListView *self)
{
  g_return_val_if_fail (CD_IS_LIST_VIEW (self), FALSE);
  return has_filters (self);
}

/* Puts every filter back to "All" and reads the rows once. */
void
cd_list_view_clear_filters (CdListView *self)
{
  g_return_if_fail (CD_IS_LIST_VIEW (self));

  if (self->category_drop_down == NULL || !has_filters (self))
    return;
  self->clearing = TRUE;
  gtk_drop_down_set_selected (self->category_drop_down, 0);
  gtk_drop_down_set_selected (self->status_drop_down, 0);
  self->clearing = FALSE;
  on_filter_changed_cb (self);
}
