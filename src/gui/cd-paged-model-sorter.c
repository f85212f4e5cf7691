/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Column sorters of a GtkColumnView over a CdPagedModel: the database
 * sorts, so a column's sorter only says which sort key it stands for, and
 * the model reads the column view's sorter to re-query when a header is
 * clicked. */
#define G_LOG_DOMAIN "cd-gui"

#include "gui/cd-paged-model.h"

/* Set while cd_paged_model_read_sorter() probes: the first column sorter
 * the column view asks is its primary column. Only the UI thread sorts. */
static const char *probed_key;

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  if (probed_key == NULL)
    probed_key = user_data;
  return -1;
}

/* Returns: (transfer full): the sorter to give a column of @sort_key */
GtkSorter *
cd_paged_model_column_sorter (const char *sort_key)
{
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare,
                                            (gpointer) g_intern_string (sort_key), NULL));
}

/**
 * cd_paged_model_read_sorter:
 * @out_key: (out) (transfer none): the primary column's sort key, or NULL
 *
 * Returns: TRUE when a column sorts
 */
gboolean
cd_paged_model_read_sorter (GtkSorter *column_view_sorter, const char **out_key,
                            gboolean *out_descending)
{
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);

  probed_key = NULL;
  order = gtk_sorter_compare (column_view_sorter, a, b);
  *out_key = probed_key;
  *out_descending = order == GTK_ORDERING_LARGER;
  probed_key = NULL;
  return *out_key != NULL;
}

static void
on_sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, gpointer user_data)
{
  CdPagedModel *self = CD_PAGED_MODEL (user_data);
  const char *key = NULL;
  gboolean descending = FALSE;

  cd_paged_model_read_sorter (sorter, &key, &descending);
  cd_paged_model_set_sort (self, key, descending);
}

/* Re-queries whenever the column view's sorter changes, for as long as
 * the model lives. */
void
cd_paged_model_follow_sorter (CdPagedModel *self, GtkSorter *column_view_sorter)
{
  g_return_if_fail (CD_IS_PAGED_MODEL (self));
  g_return_if_fail (GTK_IS_SORTER (column_view_sorter));

  g_signal_connect_object (column_view_sorter, "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
  on_sorter_changed_cb (column_view_sorter, GTK_SORTER_CHANGE_DIFFERENT, self);
}
