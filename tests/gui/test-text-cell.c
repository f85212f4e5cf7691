/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CdTextCell, the cell of the long lists: sized by characters whatever its
 * text, drawn with its text, read out as a label. */
#define G_LOG_DOMAIN "cd-test"

#include <gtk/gtk.h>

#include "gui-test-util.h"
#include "gui/cd-text-cell.h"

static int
natural_width (GtkWidget *widget)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return natural;
}

static int
natural_height (GtkWidget *widget)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  return natural;
}

static void
test_sized_by_characters_not_by_text (void)
{
  GtkWidget *narrow = g_object_ref_sink (cd_text_cell_new (6, 10));
  GtkWidget *wide = g_object_ref_sink (cd_text_cell_new (24, 30));
  int narrow_width = natural_width (narrow), wide_width = natural_width (wide);
  int minimum = 0, natural = 0;

  g_assert_cmpint (narrow_width, >, 0);
  /* 30 characters against 10: three times as wide, give or take rounding. */
  g_assert_cmpint (ABS (wide_width - 3 * narrow_width), <=, 3);
  gtk_widget_measure (wide, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <, natural);

  /* A longer text changes nothing: the list does not measure again. */
  cd_text_cell_set_text (CD_TEXT_CELL (narrow), "上海广告传媒有限公司上海广告传媒有限公司");
  g_assert_cmpint (natural_width (narrow), ==, narrow_width);
  g_assert_cmpstr (cd_text_cell_get_text (CD_TEXT_CELL (narrow)),
                   ==, "上海广告传媒有限公司上海广告传媒有限公司");
  g_assert_cmpint (natural_height (narrow), >, 0);
  g_assert_cmpint (natural_height (narrow), ==, natural_height (wide));
  g_object_unref (narrow);
  g_object_unref (wide);
}

static gboolean
has_text_node (GskRenderNode *node)
{
  if (node == NULL)
    return FALSE;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return TRUE;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (has_text_node (gsk_container_node_get_child (node, i)))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return has_text_node (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return has_text_node (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return has_text_node (gsk_rounded_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return has_text_node (gsk_opacity_node_get_child (node));
    case GSK_DEBUG_NODE:
      return has_text_node (gsk_debug_node_get_child (node));
    default:
      return FALSE;
    }
}

static gboolean
draws_text (GtkWidget *cell)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (cell);
  GtkSnapshot *snapshot;
  g_autoptr (GskRenderNode) node = NULL;
  gboolean found;

  cd_test_iterate (100);  /* the frame that draws it */
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, 200, 30);
  node = gtk_snapshot_free_to_node (snapshot);
  found = has_text_node (node);
  return found;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
test_draws_its_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = cd_text_cell_new (10, 20);

  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cd_test_wait (is_mapped, cell, 5000));
  g_assert_false (draws_text (cell));
  cd_text_cell_set_text (CD_TEXT_CELL (cell), "上海广告");
  g_assert_true (draws_text (cell));
  cd_text_cell_set_xalign (CD_TEXT_CELL (cell), 1.0);
  cd_text_cell_set_strong (CD_TEXT_CELL (cell), TRUE);
  g_assert_true (draws_text (cell));
  cd_text_cell_set_text (CD_TEXT_CELL (cell), "");
  g_assert_false (draws_text (cell));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_is_read_out_as_a_label (void)
{
  GtkWidget *cell = g_object_ref_sink (cd_text_cell_new (6, 10));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)),
                   ==, GTK_ACCESSIBLE_ROLE_LABEL);
  cd_text_cell_set_text (CD_TEXT_CELL (cell), "华东");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "华东");
  cd_text_cell_set_text (CD_TEXT_CELL (cell), "华北");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "华北");
  g_object_unref (cell);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;
  g_test_add_func ("/gui/text-cell/sized-by-characters-not-by-text",
                   test_sized_by_characters_not_by_text);
  g_test_add_func ("/gui/text-cell/draws-its-text", test_draws_its_text);
  g_test_add_func ("/gui/text-cell/is-read-out-as-a-label", test_is_read_out_as_a_label);
  return g_test_run ();
}
