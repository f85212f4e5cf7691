/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart model: categories (months, statuses, suppliers…), series of
 * integer values over them (fen, counts, basis points), and which series
 * the reader has hidden from the legend. Drawing lives in cd-chart-draw.c. */
#define G_LOG_DOMAIN "cd-reports"

#include <string.h>
#include <glib/gi18n.h>

#include "reports/cd-chart-private.h"

G_DEFINE_BOXED_TYPE (CdChart, cd_chart, cd_chart_ref, cd_chart_unref)

static void
series_free (gpointer data)
{
  CdChartSeries *series = data;

  g_free (series->label);
  g_array_unref (series->values);
  g_free (series);
}

/**
 * cd_chart_new:
 * @title: what the chart shows, translated ("Revenue")
 *
 * Returns: (transfer full): an empty chart
 */
CdChart *
cd_chart_new (CdChartKind kind, const char *title)
{
  CdChart *self = g_new0 (CdChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup ("");
  self->category_title = g_strdup ("");
  self->category_keys = g_ptr_array_new_with_free_func (g_free);
  self->category_labels = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  return self;
}

/**
 * cd_chart_copy:
 *
 * A snapshot for another thread (an export) while this one may still
 * toggle series: data, titles and which series are hidden.
 *
 * Returns: (transfer full): the copy
 */
CdChart *
cd_chart_copy (const CdChart *self)
{
  CdChart *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cd_chart_new (self->kind, self->title);
  cd_chart_set_subtitle (copy, self->subtitle);
  cd_chart_set_category_title (copy, self->category_title);
  for (guint i = 0; i < self->category_keys->len; i++)
    cd_chart_add_category (copy, g_ptr_array_index (self->category_keys, i),
                           g_ptr_array_index (self->category_labels, i));
  for (guint s = 0; s < self->series->len; s++)
    {
      const CdChartSeries *series = cd_chart_series (self, s);
      CdChartSeries *to;

      cd_chart_add_series (copy, series->label, series->unit, series->table_only);
      to = g_ptr_array_index (copy->series, s);
      to->visible = series->visible;
      memcpy (to->values->data, series->values->data, series->values->len * sizeof (gint64));
    }
  return copy;
}

CdChart *
cd_chart_ref (CdChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cd_chart_unref (CdChart *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->category_title);
  g_ptr_array_unref (self->category_keys);
  g_ptr_array_unref (self->category_labels);
  g_ptr_array_unref (self->series);
  g_free (self);
}

CdChartKind
cd_chart_get_kind (const CdChart *self)
{
  return self->kind;
}

void
cd_chart_set_kind (CdChart *self, CdChartKind kind)
{
  self->kind = kind;
}

const char *
cd_chart_get_title (const CdChart *self)
{
  return self->title;
}

void
cd_chart_set_subtitle (CdChart *self, const char *subtitle)
{
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle ? subtitle : "");
}

const char *
cd_chart_get_subtitle (const CdChart *self)
{
  return self->subtitle;
}

/* The header of the categories' column in a table ("Month", "Supplier"). */
void
cd_chart_set_category_title (CdChart *self, const char *title)
{
  g_free (self->category_title);
  self->category_title = g_strdup (title ? title : "");
}

const char *
cd_chart_get_category_title (const CdChart *self)
{
  return self->category_title;
}

/**
 * cd_chart_add_category:
 * @key: what a click on the category opens ("2025-03", a status, an id)
 * @label: what the reader sees, translated
 *
 * Every series gets a zero for the new category.
 *
 * Returns: the index of the category
 */
guint
cd_chart_add_category (CdChart *self, const char *key, const char *label)
{
  gint64 zero = 0;

  g_return_val_if_fail (self != NULL, 0);

  g_ptr_array_add (self->category_keys, g_strdup (key ? key : ""));
  g_ptr_array_add (self->category_labels, g_strdup (label ? label : ""));
  for (guint s = 0; s < self->series->len; s++)
    g_array_append_val (((CdChartSeries *) g_ptr_array_index (self->series, s))->values, zero);
  return self->category_keys->len - 1;
}

guint
cd_chart_get_n_categories (const CdChart *self)
{
  return self->category_keys->len;
}

const char *
cd_chart_get_category_key (const CdChart *self, guint index)
{
  g_return_val_if_fail (index < self->category_keys->len, NULL);
  return g_ptr_array_index (self->category_keys, index);
}

const char *
cd_chart_get_category_label (const CdChart *self, guint index)
{
  g_return_val_if_fail (index < self->category_labels->len, NULL);
  return g_ptr_array_index (self->category_labels, index);
}

/**
 * cd_chart_add_series:
 * @label: the legend's and the table header's text, translated
 * @unit: what the values are
 * @table_only: a column of the table (a rate beside its counts) that the
 *   chart does not draw
 *
 * Returns: the index of the series; its values start at zero
 */
guint
cd_chart_add_series (CdChart *self, const char *label, CdChartUnit unit, gboolean table_only)
{
  CdChartSeries *series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->series->len < CD_CHART_MAX_SERIES, self->series->len - 1);

  series = g_new0 (CdChartSeries, 1);
  series->label = g_strdup (label ? label : "");
  series->unit = unit;
  series->table_only = table_only;
  series->visible = TRUE;
  series->values = g_array_sized_new (FALSE, TRUE, sizeof (gint64), self->category_keys->len);
  g_array_set_size (series->values, self->category_keys->len);
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

guint
cd_chart_get_n_series (const CdChart *self)
{
  return self->series->len;
}

const char *
cd_chart_get_series_label (const CdChart *self, guint series)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  return cd_chart_series (self, series)->label;
}

CdChartUnit
cd_chart_get_series_unit (const CdChart *self, guint series)
{
  g_return_val_if_fail (series < self->series->len, CD_CHART_UNIT_COUNT);
  return cd_chart_series (self, series)->unit;
}

gboolean
cd_chart_get_series_table_only (const CdChart *self, guint series)
{
  g_return_val_if_fail (series < self->series->len, TRUE);
  return cd_chart_series (self, series)->table_only;
}

/* The legend's toggle: a hidden series is neither drawn nor hit. */
void
cd_chart_set_series_visible (CdChart *self, guint series, gboolean visible)
{
  g_return_if_fail (series < self->series->len);
  ((CdChartSeries *) g_ptr_array_index (self->series, series))->visible = !!visible;
}

gboolean
cd_chart_get_series_visible (const CdChart *self, guint series)
{
  g_return_val_if_fail (series < self->series->len, FALSE);
  return cd_chart_series (self, series)->visible;
}

gboolean
cd_chart_series_is_drawn (const CdChart *self, guint series)
{
  const CdChartSeries *s;

  if (series >= self->series->len)
    return FALSE;
  s = cd_chart_series (self, series);
  if (s->table_only || !s->visible)
    return FALSE;
  /* A donut shows one series: the first that is drawn. */
  if (self->kind == CD_CHART_DONUT)
    for (guint i = 0; i < series; i++)
      if (!cd_chart_series (self, i)->table_only && cd_chart_series (self, i)->visible)
        return FALSE;
  return TRUE;
}

guint
cd_chart_get_n_drawn_series (const CdChart *self)
{
  guint n = 0;

  for (guint s = 0; s < self->series->len; s++)
    n += cd_chart_series_is_drawn (self, s);
  return n;
}

void
cd_chart_set_value (CdChart *self, guint series, guint index, gint64 value)
{
  CdChartSeries *s;

  g_return_if_fail (series < self->series->len);
  s = g_ptr_array_index (self->series, series);
  g_return_if_fail (index < s->values->len);
  g_array_index (s->values, gint64, index) = value;
}

gint64
cd_chart_get_value (const CdChart *self, guint series, guint index)
{
  const CdChartSeries *s;

  g_return_val_if_fail (series < self->series->len, 0);
  s = cd_chart_series (self, series);
  g_return_val_if_fail (index < s->values->len, 0);
  return cd_chart_series_value (s, index);
}

/* The unit of the value axis: that of the first series the chart draws. */
CdChartUnit
cd_chart_get_unit (const CdChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    if (!cd_chart_series (self, s)->table_only)
      return cd_chart_series (self, s)->unit;
  return CD_CHART_UNIT_COUNT;
}

/**
 * cd_chart_format_item:
 *
 * The tooltip of one item: "2025-03 · Collected: ¥12,345.00".
 *
 * Returns: (transfer full): the text
 */
char *
cd_chart_format_item (const CdChart *self, guint series, guint index)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (index < self->category_labels->len, NULL);

  value = cd_chart_format_value (cd_chart_series (self, series)->unit,
                                 cd_chart_get_value (self, series, index));
  /* TRANSLATORS: a chart's tooltip: category · series: value */
  return g_strdup_printf (_("%s · %s: %s"), cd_chart_get_category_label (self, index),
                          cd_chart_series (self, series)->label, value);
}

/* One sentence per drawn series: its total or range and where it peaks. */
static void
describe_series (const CdChart *self, guint s, GString *out)
{
  const CdChartSeries *series = cd_chart_series (self, s);
  guint n = self->category_keys->len, peak = 0;
  gint64 total = 0;
  g_autofree char *peak_text = NULL, *total_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      gint64 v = cd_chart_series_value (series, i);

      total += v;
      if (v > cd_chart_series_value (series, peak))
        peak = i;
    }
  peak_text = cd_chart_format_value (series->unit, cd_chart_series_value (series, peak));
  if (series->unit == CD_CHART_UNIT_BP)
    /* TRANSLATORS: accessible description of a chart's series: series, highest value, category */
    g_string_append_printf (out, _(" %s: highest %s, in %s."), series->label, peak_text,
                            cd_chart_get_category_label (self, peak));
  else
    {
      total_text = cd_chart_format_value (series->unit, total);
      /* TRANSLATORS: accessible description of a chart's series: series, total, highest value, category */
      g_string_append_printf (out, _(" %s: total %s, highest %s in %s."), series->label,
                              total_text, peak_text, cd_chart_get_category_label (self, peak));
    }
}

/**
 * cd_chart_describe:
 *
 * What a screen reader says about the chart: its kind, its size and, per
 * series, the total and the peak.
 *
 * Returns: (transfer full): the description
 */
char *
cd_chart_describe (const CdChart *self)
{
  static const char *const kinds[] = {
    N_("Bar chart"), N_("Stacked bar chart"), N_("Line chart"), N_("Donut chart"),
  };
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = self->category_keys->len;

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "%s: %s", _(kinds[self->kind]), self->title);
  if (*self->subtitle)
    g_string_append_printf (out, ", %s", self->subtitle);
  g_string_append (out, ". ");
  if (n == 0)
    {
      g_string_append (out, _("There is no data for this period."));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  g_string_append_printf (out, ngettext ("%u category, from %s to %s.",
                                    "%u categories, from %s to %s.", n),
                          n, cd_chart_get_category_label (self, 0),
                          cd_chart_get_category_label (self, n - 1));
  for (guint s = 0; s < self->series->len; s++)
    if (cd_chart_series_is_drawn (self, s))
      describe_series (self, s, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cd_chart_geometry_init:
 *
 * A geometry at the origin with the body text at 1/60 of the smaller
 * side (13 px in a 1123 × 794 export), title and legend shown.
 */
void
cd_chart_geometry_init (CdChartGeometry *geometry, double width, double height)
{
  g_return_if_fail (geometry != NULL);

  geometry->x = 0;
  geometry->y = 0;
  geometry->width = width;
  geometry->height = height;
  geometry->font_size = CLAMP (MIN (width, height) / 60.0, 9.0, 18.0);
  geometry->labels = CD_CHART_LABEL_DEFAULT;
  geometry->show_title = TRUE;
  geometry->show_legend = TRUE;
}

static CdChartColor
rgb (guint32 hex)
{
  return (CdChartColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                          (hex & 0xff) / 255.0, 1.0 };
}

/**
 * cd_chart_style_init:
 * @dark: the dark variant (AdwStyleManager:dark)
 *
 * The GNOME palette, in shades that keep their contrast on a white or on a
 * #242424 background; nothing highlighted or focused.
 */
void
cd_chart_style_init (CdChartStyle *style, gboolean dark)
{
  static const guint32 light_series[CD_CHART_N_COLORS] = {
    0x1c71d8, 0xe66100, 0x26a269, 0x9141ac, 0xc01c28, 0x986a44, 0x0e7c86, 0x5e5c64,
  };
  static const guint32 dark_series[CD_CHART_N_COLORS] = {
    0x62a0ea, 0xffa348, 0x57e389, 0xc061cb, 0xf66151, 0xcdab8f, 0x5bc8d0, 0xc0bfbc,
  };

  g_return_if_fail (style != NULL);

  style->background = rgb (dark ? 0x242424 : 0xffffff);
  style->text = rgb (dark ? 0xffffff : 0x241f31);
  style->muted = rgb (dark ? 0x9a9996 : 0x5e5c64);
  style->grid = rgb (dark ? 0x3d3846 : 0xdeddda);
  style->axis = rgb (dark ? 0x77767b : 0x9a9996);
  style->focus = rgb (dark ? 0x78aeed : 0x1c71d8);
  for (guint i = 0; i < CD_CHART_N_COLORS; i++)
    style->series[i] = rgb (dark ? dark_series[i] : light_series[i]);
  style->font_family = "Sans";
  style->fill_background = TRUE;
  style->highlight_series = -1;
  style->highlight_index = -1;
  style->focus_series = -1;
  style->focus_index = -1;
}
