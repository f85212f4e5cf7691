/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "gui/cd-paged-columns.h"
#include "gui/cd-paged-model.h"
#include "gui/cd-row.h"
#include "store/cd-store-projects.h"

char *
cd_paged_columns_text (gpointer row, const CdPagedColumn *column)
{
  g_autofree char *text = NULL;
  gint64 value = 0;

  if (row == NULL || cd_row_is_loading (row))
    return g_strdup ("…");
  switch (column->kind)
    {
    case CD_CELL_STATE:
      text = cd_row_dup_string (row, column->key);
      return g_strdup (text ? cd_state_label (column->entity, text) : "");
    case CD_CELL_DEPARTMENT:
      text = cd_row_dup_string (row, column->key);
      return g_strdup (text ? cd_work_order_department_label (text) : "");
    case CD_CELL_PRIORITY:
      cd_row_get_int64 (row, column->key, &value);
      return g_strdup (cd_work_order_priority_label ((int) value));
    case CD_CELL_HOURS:
      cd_row_get_int64 (row, column->key, &value);
      return value > 0 ? g_strdup_printf ("%.1f", value / 60.0) : g_strdup ("");
    case CD_CELL_TEXT:
    default:
      text = cd_row_dup_string (row, column->key);
      return g_strdup (text ? text : "");
    }
}

/* What a column's factory knows: every column of its view (a row's texts
 * are made once for all of them) and which one it is. */
typedef struct
{
  const CdPagedColumn *all;
  guint                n;
  guint                index;
} ColumnRef;

/* A row's cell texts, made on its first bind and kept on the row: one pass
 * over its dictionary instead of a lookup per cell (a lookup in a{sv}
 * walks and copies its entries, which dominated scrolling a million rows). */
typedef struct
{
  const CdPagedColumn *all;
  GVariant            *dict;     /* what the texts were made from */
  char               **texts;
  gboolean             overdue;
  gboolean             loading;
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
row_texts (gpointer row, const ColumnRef *ref)
{
  RowTexts *rt = g_object_get_qdata (row, row_texts_quark);
  GVariant *dict = cd_row_get_dict (row);
  gint64 overdue = 0;

  /* A row object may be given new contents (cd_row_set_dict): the texts
   * are kept only while its dictionary is the one they came from. */
  if (rt != NULL && rt->all == ref->all && rt->dict == dict)
    return rt;
  rt = g_new0 (RowTexts, 1);
  rt->all = ref->all;
  rt->dict = g_variant_ref (dict);
  rt->loading = cd_row_is_loading (row);
  rt->texts = g_new0 (char *, ref->n + 1);
  for (guint i = 0; i < ref->n; i++)
    rt->texts[i] = rt->loading ? g_strdup ("…") : cd_paged_columns_text (row, &ref->all[i]);
  if (!rt->loading)
    cd_row_get_int64 (row, "overdue", &overdue);
  rt->overdue = overdue != 0;
  g_object_set_qdata_full (row, row_texts_quark, rt, (GDestroyNotify) row_texts_free);
  return rt;
}

/* What a cell watches: the row it is bound to, whose page may arrive
 * after the bind (CdPagedModel's fill-in-place refills the row and
 * notifies "dict" instead of announcing new items). */
typedef struct
{
  GtkWidget       *cell;
  const ColumnRef *ref;
  gpointer         row;     /* unowned: the list item holds it while bound */
  gulong           handler;
} CellBinding;

static GQuark cell_binding_quark;

static void
cell_binding_free (CellBinding *binding)
{
  g_clear_signal_handler (&binding->handler, binding->row);
  g_free (binding);
}

static void
show_row (CellBinding *binding)
{
  GtkInscription *cell = GTK_INSCRIPTION (binding->cell);
  gboolean overdue = FALSE;

  if (binding->row == NULL)
    gtk_inscription_set_text (cell, "…");
  else
    {
      const RowTexts *rt = row_texts (binding->row, binding->ref);

      gtk_inscription_set_text (cell, rt->texts[binding->ref->index]);
      overdue = rt->overdue;
    }
  if (overdue)
    gtk_widget_add_css_class (binding->cell, "overdue");
  else
    gtk_widget_remove_css_class (binding->cell, "overdue");
}

static void
on_row_dict_cb (GObject *row, GParamSpec *pspec, CellBinding *binding)
{
  show_row (binding);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const ColumnRef *ref)
{
  const CdPagedColumn *column = &ref->all[ref->index];
  GtkWidget *cell = gtk_inscription_new (NULL);
  CellBinding *binding = g_new0 (CellBinding, 1);

  binding->cell = cell;
  binding->ref = ref;
  g_object_set_qdata_full (G_OBJECT (cell), cell_binding_quark, binding,
                           (GDestroyNotify) cell_binding_free);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), column->chars);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), MIN (column->chars, 6));
  if (column->kind == CD_CELL_HOURS)
    gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
  gtk_list_item_set_child (item, cell);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const ColumnRef *ref)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  CellBinding *binding = g_object_get_qdata (G_OBJECT (cell), cell_binding_quark);

  g_clear_signal_handler (&binding->handler, binding->row);
  binding->row = gtk_list_item_get_item (item);
  if (CD_IS_ROW (binding->row))
    binding->handler = g_signal_connect (binding->row, "notify::dict",
                                         G_CALLBACK (on_row_dict_cb), binding);
  show_row (binding);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const ColumnRef *ref)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  CellBinding *binding = g_object_get_qdata (G_OBJECT (cell), cell_binding_quark);

  g_clear_signal_handler (&binding->handler, binding->row);
  binding->row = NULL;
}

/**
 * cd_paged_columns_add:
 * @columns: (array length=n_columns): static descriptions (kept by pointer)
 */
void
cd_paged_columns_add (GtkColumnView *view, const CdPagedColumn *columns, guint n_columns)
{
  if (row_texts_quark == 0)
    row_texts_quark = g_quark_from_static_string ("cd-paged-columns-texts");
  if (cell_binding_quark == 0)
    cell_binding_quark = g_quark_from_static_string ("cd-paged-columns-binding");
  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      ColumnRef *ref = g_new0 (ColumnRef, 1);

      ref->all = columns;
      ref->n = n_columns;
      ref->index = i;
      g_object_set_data_full (G_OBJECT (factory), "cd-column-ref", ref, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), ref);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), ref);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), ref);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].sort_key != NULL)
        {
          g_autoptr (GtkSorter) sorter = cd_paged_model_column_sorter (columns[i].sort_key);

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
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
