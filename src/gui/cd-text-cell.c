/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "gui/cd-text-cell.h"

struct _CdTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  guint        min_chars;
  guint        nat_chars;
  float        xalign;
  gboolean     strong;
  /* Made on the first draw, in the context of the list. */
  PangoLayout *layout;
  guint        layout_serial;  /* of that context when last laid out */
};

G_DEFINE_FINAL_TYPE (CdTextCell, cd_text_cell, GTK_TYPE_WIDGET)

/* What a context's font measures, kept on the context until it changes
 * (pango_context_get_serial): asking Pango for metrics is dear, and every
 * cell of a list asks for the same ones. */
typedef struct
{
  guint serial;
  int   char_width;  /* Pango units: the wider of a character and a digit */
  int   ascent;
  int   descent;
} Metrics;

static GQuark metrics_quark;

/* The Pango context of the list the cell is in (one per list, made once),
 * or the cell's own outside a list. */
static PangoContext *
list_context (CdTextCell *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);

  if (list == NULL)
    list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);
  return gtk_widget_get_pango_context (list != NULL ? list : GTK_WIDGET (self));
}

static const Metrics *
get_metrics (CdTextCell *self)
{
  PangoContext *context = list_context (self);
  Metrics *metrics = g_object_get_qdata (G_OBJECT (context), metrics_quark);
  PangoFontMetrics *font;

  if (metrics != NULL && metrics->serial == pango_context_get_serial (context))
    return metrics;
  metrics = g_new0 (Metrics, 1);
  font = pango_context_get_metrics (context, NULL, NULL);
  metrics->serial = pango_context_get_serial (context);
  metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (font),
                             pango_font_metrics_get_approximate_digit_width (font));
  metrics->ascent = pango_font_metrics_get_ascent (font);
  metrics->descent = pango_font_metrics_get_descent (font);
  pango_font_metrics_unref (font);
  g_object_set_qdata_full (G_OBJECT (context), metrics_quark, metrics, g_free);
  return metrics;
}

static void
cd_text_cell_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                      int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CdTextCell *self = CD_TEXT_CELL (widget);
  const Metrics *metrics = get_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * metrics->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) * metrics->char_width);
    }
  else
    *minimum = *natural = PANGO_PIXELS_CEIL (metrics->ascent + metrics->descent);
}

static PangoAttrList *
strong_attributes (void)
{
  static PangoAttrList *attributes;

  if (attributes == NULL)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    }
  return attributes;
}

static PangoLayout *
ensure_layout (CdTextCell *self)
{
  PangoContext *context = list_context (self);

  if (self->layout != NULL && pango_layout_get_context (self->layout) != context)
    g_clear_object (&self->layout);
  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
      pango_layout_set_attributes (self->layout, self->strong ? strong_attributes () : NULL);
      self->layout_serial = pango_context_get_serial (context);
    }
  else if (self->layout_serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->layout_serial = pango_context_get_serial (context);
    }
  return self->layout;
}

static void
cd_text_cell_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CdTextCell *self = CD_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  float xalign = self->xalign;
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  layout = ensure_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  /* The layout is as wide as the cell: it aligns the text itself. */
  pango_layout_set_alignment (layout, xalign < 0.33f ? PANGO_ALIGN_LEFT
                                      : xalign < 0.67f ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, MAX (0, (height - logical.height) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The whole text of a cell cut short, when the pointer rests on it. */
static gboolean
cd_text_cell_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard,
                            GtkTooltip *tooltip)
{
  CdTextCell *self = CD_TEXT_CELL (widget);

  if (self->layout == NULL || self->text == NULL || !pango_layout_is_ellipsized (self->layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
cd_text_cell_finalize (GObject *object)
{
  CdTextCell *self = CD_TEXT_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (cd_text_cell_parent_class)->finalize (object);
}

static void
cd_text_cell_class_init (CdTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cd_text_cell_finalize;
  widget_class->measure = cd_text_cell_measure;
  widget_class->snapshot = cd_text_cell_snapshot;
  widget_class->query_tooltip = cd_text_cell_query_tooltip;

  /* Styled and read out as a label. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
  metrics_quark = g_quark_from_static_string ("cd-text-cell-metrics");
}

static void
cd_text_cell_init (CdTextCell *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/**
 * cd_text_cell_new:
 * @min_chars: the width it needs, in characters
 * @nat_chars: the width it asks for, in characters
 */
GtkWidget *
cd_text_cell_new (guint min_chars, guint nat_chars)
{
  CdTextCell *self = g_object_new (CD_TYPE_TEXT_CELL, NULL);

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  return GTK_WIDGET (self);
}

void
cd_text_cell_set_text (CdTextCell *self, const char *text)
{
  g_return_if_fail (CD_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  /* The size does not follow the text: only a redraw is needed. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

const char *
cd_text_cell_get_text (CdTextCell *self)
{
  g_return_val_if_fail (CD_IS_TEXT_CELL (self), NULL);
  return self->text;
}

void
cd_text_cell_set_xalign (CdTextCell *self, float xalign)
{
  g_return_if_fail (CD_IS_TEXT_CELL (self));

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cd_text_cell_set_strong (CdTextCell *self, gboolean strong)
{
  g_return_if_fail (CD_IS_TEXT_CELL (self));

  strong = !!strong;
  if (self->strong == strong)
    return;
  self->strong = strong;
  if (self->layout != NULL)
    pango_layout_set_attributes (self->layout, strong ? strong_attributes () : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
