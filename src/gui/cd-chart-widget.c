/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart widget: a thin layer over the reports layer's chart.
 *
 * Painting goes through gtk_snapshot_append_cairo () into cd_chart_draw (),
 * with the geometry of the allocation and colours from the theme (light or
 * dark, re-read when AdwStyleManager:dark changes). Pointer and keyboard
 * ask cd_chart_lookup_item () and cd_chart_next_item (); the widget only
 * keeps which item is under the pointer and which has the keyboard. */
#define G_LOG_DOMAIN "cd-gui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/cd-chart-widget.h"

struct _CdChartWidget
{
  GtkWidget          parent_instance;

  CdChart           *chart;
  CdChartLabelFlags  labels;
  int                hover_series;    /* -1: nothing under the pointer */
  int                hover_index;
  int                focus_series;    /* -1: no item has the keyboard */
  int                focus_index;
  double             pointer_x;
  double             pointer_y;
  gulong             dark_handler;
  GtkEventController *focus_controller;
  gboolean           has_keyboard;    /* between focus enter and leave */
};

G_DEFINE_FINAL_TYPE (CdChartWidget, cd_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  SERIES_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */

static double
font_size_px (CdChartWidget *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = font ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 11;

  if (font && !pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  /* A little under the body text: axis labels are secondary. */
  return CLAMP (size * 0.9, 9, 20);
}

static void
get_geometry (CdChartWidget *self, CdChartGeometry *geometry)
{
  cd_chart_geometry_init (geometry, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)));
  geometry->font_size = font_size_px (self);
  geometry->labels = self->labels;
}

static CdChartColor
to_chart_color (const GdkRGBA *rgba, double alpha)
{
  return (CdChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

/* The theme's colours: text from the widget's CSS, the series palette of
 * the light or dark variant, no background (the view's shows through). */
static void
get_style (CdChartWidget *self, CdChartStyle *style)
{
  GdkRGBA fg;

  cd_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->text = to_chart_color (&fg, 1);
  style->muted = to_chart_color (&fg, 0.65);
  style->grid = to_chart_color (&fg, 0.12);
  style->axis = to_chart_color (&fg, 0.4);
  style->fill_background = FALSE;
  style->highlight_series = self->hover_series;
  style->highlight_index = self->hover_index;
  if (self->has_keyboard)
    {
      style->focus_series = self->focus_series;
      style->focus_index = self->focus_index;
    }
}

static void
update_accessible (CdChartWidget *self)
{
  g_autofree char *label = NULL, *description = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Chart"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("There is no data for this period."), -1);
      return;
    }
  /* TRANSLATORS: accessible name of a chart widget; %s is its title */
  label = g_strdup_printf (_("%s chart"), cd_chart_get_title (self->chart));
  /* While the keyboard is in the chart, the item it is on is what a
   * screen reader needs; the summary otherwise. */
  if (self->focus_series >= 0 && self->has_keyboard)
    description = cd_chart_format_item (self->chart, self->focus_series, self->focus_index);
  else
    description = cd_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
set_hover (CdChartWidget *self, int series, int index)
{
  if (self->hover_series == series && self->hover_index == index)
    return;
  self->hover_series = series;
  self->hover_index = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A hidden series or a changed chart may leave the focus on nothing. */
static void
check_focus_item (CdChartWidget *self)
{
  if (self->chart == NULL || self->focus_series < 0
      || !cd_chart_series_is_drawn (self->chart, self->focus_series)
      || self->focus_index >= (int) cd_chart_get_n_categories (self->chart))
    {
      self->focus_series = -1;
      self->focus_index = -1;
    }
}

static void
move_focus (CdChartWidget *self, int direction, gboolean from_end)
{
  int series = from_end ? -1 : self->focus_series, index = from_end ? -1 : self->focus_index;

  if (self->chart == NULL)
    return;
  if (cd_chart_next_item (self->chart, direction, &series, &index))
    cd_chart_widget_set_focus_item (self, series, index);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Actions (bound to keys)                                             */

static void
next_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_focus (CD_CHART_WIDGET (widget), 1, FALSE);
}

static void
previous_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_focus (CD_CHART_WIDGET (widget), -1, FALSE);
}

static void
first_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_focus (CD_CHART_WIDGET (widget), 1, TRUE);
}

static void
last_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_focus (CD_CHART_WIDGET (widget), -1, TRUE);
}

static void
activate_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdChartWidget *self = CD_CHART_WIDGET (widget);

  if (self->focus_series >= 0)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->focus_series, self->focus_index);
}

/* Keys 1–9 toggle the first nine series of the legend. */
static void
toggle_series_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdChartWidget *self = CD_CHART_WIDGET (widget);
  guint n = g_variant_get_uint32 (param), legend = 0;

  if (self->chart == NULL)
    return;
  for (guint s = 0; s < cd_chart_get_n_series (self->chart); s++)
    if (!cd_chart_get_series_table_only (self->chart, s) && ++legend == n)
      {
        cd_chart_widget_toggle_series (self, s);
        return;
      }
}

/* ------------------------------------------------------------------ */
/* Pointer                                                             */

static void
on_motion_cb (GtkEventControllerMotion *controller, double x, double y, CdChartWidget *self)
{
  CdChartGeometry geometry;
  int series = -1, index = -1, legend;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->chart == NULL)
    return;
  get_geometry (self, &geometry);
  cd_chart_lookup_item (self->chart, &geometry, x, y, &series, &index);
  set_hover (self, series, index);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   series >= 0 || cd_chart_lookup_legend (self->chart, &geometry, x,
                                                                          y, &legend)
                                     ? "pointer" : NULL);
}

static void
on_leave_cb (GtkEventControllerMotion *controller, CdChartWidget *self)
{
  set_hover (self, -1, -1);
}

static void
on_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, CdChartWidget *self)
{
  CdChartGeometry geometry;
  int series, index;

  if (self->chart == NULL)
    return;
  get_geometry (self, &geometry);
  if (cd_chart_lookup_legend (self->chart, &geometry, x, y, &series))
    {
      cd_chart_widget_toggle_series (self, series);
      return;
    }
  if (cd_chart_lookup_item (self->chart, &geometry, x, y, &series, &index))
    {
      /* The keyboard goes on from the item clicked. */
      cd_chart_widget_set_focus_item (self, series, index);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, series, index);
    }
}

static gboolean
on_query_tooltip_cb (CdChartWidget *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  CdChartGeometry geometry;
  CdChartRect area;
  g_autofree char *text = NULL;
  int series = -1, index = -1;

  if (self->chart == NULL)
    return FALSE;
  get_geometry (self, &geometry);
  if (keyboard)
    {
      series = self->focus_series;
      index = self->focus_index;
    }
  else if (cd_chart_lookup_legend (self->chart, &geometry, x, y, &series))
    {
      gtk_tooltip_set_text (tooltip, cd_chart_get_series_visible (self->chart, series)
                                       ? _("Click to hide this series")
                                       : _("Click to show this series"));
      return TRUE;
    }
  else
    cd_chart_lookup_item (self->chart, &geometry, x, y, &series, &index);

  if (series < 0 || !cd_chart_get_item_area (self->chart, &geometry, series, index, &area))
    return FALSE;
  text = cd_chart_format_item (self->chart, series, index);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.x, (int) area.y,
                                                       MAX (1, (int) area.width),
                                                       MAX (1, (int) area.height) });
  return TRUE;
}

static void
on_dark_changed_cb (CdChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* GtkWidget                                                           */

static void
cd_chart_widget_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CdChartWidget *self = CD_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  CdChartGeometry geometry;
  CdChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  get_geometry (self, &geometry);
  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cd_chart_draw (cr, &geometry, self->chart, &style);
  cairo_destroy (cr);
}

static void
cd_chart_widget_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 420;
}

static void
on_focus_enter_cb (CdChartWidget *self)
{
  /* The keyboard lands on the first item, so the arrows have somewhere
   * to go from. */
  self->has_keyboard = TRUE;
  if (self->focus_series < 0)
    move_focus (self, 1, TRUE);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave_cb (CdChartWidget *self)
{
  /* A window that loses the X focus sends a leave too; the chart keeps the
   * keyboard until another widget of its window takes it. */
  if (gtk_widget_is_focus (GTK_WIDGET (self)))
    return;
  self->has_keyboard = FALSE;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Focus events only reach widgets of an active window; the window's focus
 * widget is kept all the same (a window without a window manager may never
 * become active), so follow it too: arrows and the description then agree
 * with what has the keyboard. */
static void
on_root_focus_widget_cb (GtkWindow *window, GParamSpec *pspec, CdChartWidget *self)
{
  gboolean focused = gtk_widget_is_focus (GTK_WIDGET (self));

  if (focused && !self->has_keyboard)
    on_focus_enter_cb (self);
  else if (!focused && self->has_keyboard)
    on_focus_leave_cb (self);
}

static void
cd_chart_widget_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (cd_chart_widget_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::focus-widget",
                             G_CALLBACK (on_root_focus_widget_cb), widget, 0);
}

static void
cd_chart_widget_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_root_focus_widget_cb, widget);
  GTK_WIDGET_CLASS (cd_chart_widget_parent_class)->unroot (widget);
}

static void
cd_chart_widget_dispose (GObject *object)
{
  CdChartWidget *self = CD_CHART_WIDGET (object);

  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  G_OBJECT_CLASS (cd_chart_widget_parent_class)->dispose (object);
}

static void
cd_chart_widget_finalize (GObject *object)
{
  CdChartWidget *self = CD_CHART_WIDGET (object);

  g_clear_pointer (&self->chart, cd_chart_unref);
  G_OBJECT_CLASS (cd_chart_widget_parent_class)->finalize (object);
}

static void
cd_chart_widget_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdChartWidget *self = CD_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_chart_widget_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  CdChartWidget *self = CD_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      cd_chart_widget_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Right, "chart.next-item" }, { GDK_KEY_KP_Right, "chart.next-item" },
    { GDK_KEY_Down, "chart.next-item" }, { GDK_KEY_Left, "chart.previous-item" },
    { GDK_KEY_KP_Left, "chart.previous-item" }, { GDK_KEY_Up, "chart.previous-item" },
    { GDK_KEY_Home, "chart.first-item" }, { GDK_KEY_End, "chart.last-item" },
    { GDK_KEY_Return, "chart.activate-item" }, { GDK_KEY_KP_Enter, "chart.activate-item" },
    { GDK_KEY_space, "chart.activate-item" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, keys[i].action, NULL);
  for (guint n = 1; n <= 9; n++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + n - 1, 0, "chart.toggle-series",
                                         "u", n);
}

static void
cd_chart_widget_class_init (CdChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_chart_widget_dispose;
  object_class->finalize = cd_chart_widget_finalize;
  object_class->get_property = cd_chart_widget_get_property;
  object_class->set_property = cd_chart_widget_set_property;
  widget_class->snapshot = cd_chart_widget_snapshot;
  widget_class->measure = cd_chart_widget_measure;
  widget_class->root = cd_chart_widget_root;
  widget_class->unroot = cd_chart_widget_unroot;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, CD_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdChartWidget::item-activated:
   * @series: the series of the item clicked or activated with Enter
   * @index: its category
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  /**
   * CdChartWidget::series-toggled:
   * @series: the series shown or hidden from the legend
   * @visible: whether it is now shown
   */
  signals[SERIES_TOGGLED] =
    g_signal_new ("series-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "chart.next-item", NULL, next_item_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-item", NULL, previous_item_action);
  gtk_widget_class_install_action (widget_class, "chart.first-item", NULL, first_item_action);
  gtk_widget_class_install_action (widget_class, "chart.last-item", NULL, last_item_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-item", NULL, activate_item_action);
  gtk_widget_class_install_action (widget_class, "chart.toggle-series", "u", toggle_series_action);
  add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cd_chart_widget_init (CdChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover_series = self->hover_index = -1;
  self->focus_series = self->focus_index = -1;
  if (cd_chart_locale_prefers_cjk ())
    self->labels = CD_CHART_LABEL_CJK;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  self->focus_controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->focus_controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (self->focus_controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), self->focus_controller);

  /* Colours follow the dark style as soon as it changes. */
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (on_dark_changed_cb), self);
  update_accessible (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
cd_chart_widget_new (void)
{
  return g_object_new (CD_TYPE_CHART_WIDGET, NULL);
}

/* Returns: (transfer none) (nullable): the chart shown */
CdChart *
cd_chart_widget_get_chart (CdChartWidget *self)
{
  g_return_val_if_fail (CD_IS_CHART_WIDGET (self), NULL);
  return self->chart;
}

/**
 * cd_chart_widget_set_chart:
 * @chart: (nullable): the chart to show; the widget keeps a reference and
 *   toggles its series' visibility from the legend
 */
void
cd_chart_widget_set_chart (CdChartWidget *self, CdChart *chart)
{
  g_return_if_fail (CD_IS_CHART_WIDGET (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, cd_chart_unref);
  if (chart)
    self->chart = cd_chart_ref (chart);
  self->hover_series = self->hover_index = -1;
  check_focus_item (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* 万/亿 on the value axis, or full numbers; the default follows the locale. */
void
cd_chart_widget_set_label_flags (CdChartWidget *self, CdChartLabelFlags flags)
{
  g_return_if_fail (CD_IS_CHART_WIDGET (self));
  self->labels = flags;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cd_chart_widget_get_focus_item (CdChartWidget *self, int *series, int *index)
{
  g_return_val_if_fail (CD_IS_CHART_WIDGET (self), FALSE);

  if (series)
    *series = self->focus_series;
  if (index)
    *index = self->focus_index;
  return self->focus_series >= 0;
}

/* Puts the keyboard focus mark on an item (-1: none). */
void
cd_chart_widget_set_focus_item (CdChartWidget *self, int series, int index)
{
  g_return_if_fail (CD_IS_CHART_WIDGET (self));

  self->focus_series = series;
  self->focus_index = index;
  check_focus_item (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a click on the legend does: hide a shown series, show a hidden one. */
void
cd_chart_widget_toggle_series (CdChartWidget *self, guint series)
{
  gboolean visible;

  g_return_if_fail (CD_IS_CHART_WIDGET (self));
  if (self->chart == NULL || series >= cd_chart_get_n_series (self->chart))
    return;
  visible = !cd_chart_get_series_visible (self->chart, series);
  cd_chart_set_series_visible (self->chart, series, visible);
  set_hover (self, -1, -1);
  check_focus_item (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SERIES_TOGGLED], 0, (int) series, visible);
}

/* The geometry the widget paints with, for hit-testing from outside. */
void
cd_chart_widget_get_geometry (CdChartWidget *self, CdChartGeometry *geometry)
{
  g_return_if_fail (CD_IS_CHART_WIDGET (self));
  get_geometry (self, geometry);
}
