/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-paged-columns.h"
#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "gui/cd-text-cell.h"
#include "store/cd-store-projects.h"

/* The text of a cell of @column, from the row's @value of its key. */
static char *
value_text (GVariant *value, const CdPagedColumn *column)
{
  g_autofree char *text = NULL;
  const char *label;
  gint64 number = 0;

  switch (column->kind)
    {
    case CD_CELL_STATE:
      text = cd_row_value_dup_string (value);
      label = text != NULL ? cd_state_label (column->entity, text) : NULL;
      return g_strdup (label != NULL ? label : text != NULL ? text : "");
    case CD_CELL_DEPARTMENT:
      text = cd_row_value_dup_string (value);
      return g_strdup (text ? cd_work_order_department_label (text) : "");
    case CD_CELL_PRIORITY:
      cd_row_value_get_int64 (value, &number);
      return g_strdup (cd_work_order_priority_label ((int) number));
    case CD_CELL_HOURS:
      cd_row_value_get_int64 (value, &number);
      return number > 0 ? g_strdup_printf ("%.1f", number / 60.0) : g_strdup ("");
    case CD_CELL_MONEY:
      return cd_row_value_get_int64 (value, &number) ? cd_money_format (number) : g_strdup ("");
    case CD_CELL_COUNT:
    case CD_CELL_TEXT:
    default:
      text = cd_row_value_dup_string (value);
      return g_strdup (text ? text : "");
    }
}

/* The columns of one view, and the row keys their texts come from: each
 * column's, then "overdue" and "loading". Kept on the column view. */
typedef struct
{
  const CdPagedColumn  *all;
  guint                 n;
  const char          **keys;
} ViewColumns;

#define KEY_OVERDUE(vc) ((vc)->n)
#define KEY_LOADING(vc) ((vc)->n + 1)

static void
view_columns_free (ViewColumns *vc)
{
  g_free (vc->keys);
  g_free (vc);
}

/* What a column's factory knows: every column of its view (a row's texts
 * are made once for all of them) and which one it is. */
typedef struct
{
  const ViewColumns *view;
  guint              index;
} ColumnRef;

/* A row's cell texts, made on its first bind and kept on the row, from
 * one pass over it (cd_row_lookup_values): a search refills every row GTK
 * keeps widgets for, some 200, and a lookup per cell walked the row each
 * time. */
typedef struct
{
  const ViewColumns *view;
  GVariant          *dict;     /* what the texts were made from */
  char             **texts;
  gboolean           overdue;
} RowTexts;

static GQuark row_texts_quark;

static void
row_texts_free (RowTexts *rt)
{
  g_strfreev (rt->texts);
  g_clear_pointer (&rt->dict, g_variant_unref);
  g_free (rt);
}

static const RowTexts *
row_texts (CdRow *row, const ViewColumns *vc)
{
  RowTexts *rt = g_object_get_qdata (G_OBJECT (row), row_texts_quark);
  GVariant *dict = cd_row_get_dict (row);
  g_autofree GVariant **values = NULL;
  gint64 loading = 0, overdue = 0;

  /* A row object may be given new contents (cd_row_set_dict): the texts
   * are kept only while its dictionary is the one they came from. */
  if (rt != NULL && rt->view == vc && rt->dict == dict)
    return rt;
  values = g_new (GVariant *, vc->n + 2);
  cd_row_lookup_values (row, vc->keys, vc->n + 2, values);
  cd_row_value_get_int64 (values[KEY_LOADING (vc)], &loading);
  cd_row_value_get_int64 (values[KEY_OVERDUE (vc)], &overdue);
  rt = g_new0 (RowTexts, 1);
  rt->view = vc;
  rt->dict = g_variant_ref (dict);
  rt->overdue = !loading && overdue != 0;
  rt->texts = g_new0 (char *, vc->n + 1);
  for (guint i = 0; i < vc->n; i++)
    rt->texts[i] = loading ? g_strdup ("…") : value_text (values[i], &vc->all[i]);
  for (guint i = 0; i < vc->n + 2; i++)
    g_clear_pointer (&values[i], g_variant_unref);
  g_object_set_qdata_full (G_OBJECT (row), row_texts_quark, rt, (GDestroyNotify) row_texts_free);
  return rt;
}

/* What a cell watches: the row it is bound to, whose page may arrive
 * after the bind (CdPagedModel's fill-in-place refills the row instead of
 * announcing new items). */
typedef struct
{
  GtkWidget       *cell;
  const ColumnRef *ref;
  CdRow           *row;     /* unowned: the list item holds it while bound */
} CellBinding;

static GQuark cell_binding_quark;
static GQuark list_item_quark;

static void
show_row (CdRow *row, gpointer data)
{
  CellBinding *binding = data;
  CdTextCell *cell = CD_TEXT_CELL (binding->cell);
  gboolean overdue = FALSE;

  if (binding->row == NULL)
    cd_text_cell_set_text (cell, "…");
  else
    {
      const RowTexts *rt = row_texts (binding->row, binding->ref->view);

      cd_text_cell_set_text (cell, rt->texts[binding->ref->index]);
      overdue = rt->overdue;
    }
  /* The class gives the colour; a CdTextCell draws in its list's font, so
   * the weight is its own. */
  cd_text_cell_set_strong (cell, overdue);
  if (overdue)
    gtk_widget_add_css_class (binding->cell, "overdue");
  else if (gtk_widget_has_css_class (binding->cell, "overdue"))
    gtk_widget_remove_css_class (binding->cell, "overdue");
}

static void
unwatch (CellBinding *binding)
{
  if (binding->row != NULL)
    cd_row_unwatch (binding->row, show_row, binding);
  binding->row = NULL;
}

static void
cell_binding_free (CellBinding *binding)
{
  unwatch (binding);
  g_free (binding);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const ColumnRef *ref)
{
  const CdPagedColumn *column = &ref->view->all[ref->index];
  guint min_chars = column->min_chars > 0 ? column->min_chars : MIN (column->chars, 6);
  GtkWidget *cell = cd_text_cell_new (min_chars, column->chars);
  CellBinding *binding = g_new0 (CellBinding, 1);

  binding->cell = cell;
  binding->ref = ref;
  g_object_set_qdata_full (G_OBJECT (cell), cell_binding_quark, binding,
                           (GDestroyNotify) cell_binding_free);
  g_object_set_qdata (G_OBJECT (cell), list_item_quark, item);
  if (column->kind == CD_CELL_HOURS || column->kind == CD_CELL_MONEY
      || column->kind == CD_CELL_COUNT)
    cd_text_cell_set_xalign (CD_TEXT_CELL (cell), 1.0);
  gtk_list_item_set_child (item, cell);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const ColumnRef *ref)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  CellBinding *binding = g_object_get_qdata (G_OBJECT (cell), cell_binding_quark);
  gpointer row = gtk_list_item_get_item (item);

  unwatch (binding);
  if (CD_IS_ROW (row))
    {
      binding->row = row;
      cd_row_watch (binding->row, show_row, binding);
    }
  show_row (binding->row, binding);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const ColumnRef *ref)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  unwatch (g_object_get_qdata (G_OBJECT (cell), cell_binding_quark));
}

/**
 * cd_paged_columns_add:
 * @columns: (array length=n_columns): static descriptions (kept by pointer)
 * @out_columns: (out caller-allocates) (array length=n_columns) (nullable):
 *   the columns made, owned by @view
 */
void
cd_paged_columns_add (GtkColumnView *view, const CdPagedColumn *columns, guint n_columns,
                      GtkColumnViewColumn **out_columns)
{
  ViewColumns *vc = g_new0 (ViewColumns, 1);

  if (row_texts_quark == 0)
    {
      row_texts_quark = g_quark_from_static_string ("cd-paged-columns-texts");
      cell_binding_quark = g_quark_from_static_string ("cd-paged-columns-binding");
      list_item_quark = g_quark_from_static_string ("cd-paged-columns-list-item");
    }
  vc->all = columns;
  vc->n = n_columns;
  vc->keys = g_new0 (const char *, n_columns + 2);
  for (guint i = 0; i < n_columns; i++)
    vc->keys[i] = columns[i].key;
  vc->keys[KEY_OVERDUE (vc)] = "overdue";
  vc->keys[KEY_LOADING (vc)] = "loading";
  g_object_set_data_full (G_OBJECT (view), "cd-paged-columns", vc,
                          (GDestroyNotify) view_columns_free);
  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      ColumnRef *ref = g_new0 (ColumnRef, 1);

      ref->view = vc;
      ref->index = i;
      g_object_set_data_full (G_OBJECT (factory), "cd-column-ref", ref, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), ref);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), ref);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), ref);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (columns[i].sort_key != NULL)
        {
          g_autoptr (GtkSorter) sorter = cd_paged_model_column_sorter (columns[i].sort_key);

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (view, column);
      if (out_columns != NULL)
        out_columns[i] = column;
      g_object_unref (column);
    }
}

/**
 * cd_paged_columns_item_at:
 * @x: @y: a point of @view
 *
 * Returns: (transfer none) (nullable): the list item of the cell at that
 *   point (for a context menu: one gesture for the whole view, not one per
 *   cell, which a search would make and drop by the thousand)
 */
GtkListItem *
cd_paged_columns_item_at (GtkColumnView *view, double x, double y)
{
  GtkWidget *cell = gtk_widget_pick (GTK_WIDGET (view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item;

  for (; cell != NULL && cell != GTK_WIDGET (view); cell = gtk_widget_get_parent (cell))
    if ((item = g_object_get_qdata (G_OBJECT (cell), list_item_quark)) != NULL)
      return item;
  return NULL;
}

/* The look of an overdue row and of the margin warning; installed once per
 * display by the views that use them. */
void
cd_paged_columns_ensure_style (void)
{
  static gboolean done = FALSE;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".overdue { color: @error_color; font-weight: bold; }\n"
                                   ".margin-warning { background: alpha(@warning_bg_color, 0.35);"
                                   " border-radius: 6px; padding: 6px 12px; }\n", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
