/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <string.h>

#include "gui/cd-row.h"

struct _CdRow
{
  GObject   parent_instance;
  GVariant *dict;
  GArray   *watchers;  /* Watcher, nullable: made on the first watch */
};

typedef struct
{
  CdRowWatchFunc func;
  gpointer       data;
} Watcher;

G_DEFINE_FINAL_TYPE (CdRow, cd_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_row_finalize (GObject *object)
{
  CdRow *self = CD_ROW (object);

  g_clear_pointer (&self->dict, g_variant_unref);
  g_clear_pointer (&self->watchers, g_array_unref);

  G_OBJECT_CLASS (cd_row_parent_class)->finalize (object);
}

static void
cd_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DICT:
      g_value_set_variant (value, CD_ROW (object)->dict);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_row_class_init (CdRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_row_finalize;
  object_class->get_property = cd_row_get_property;

  /* Notified when cd_row_set_dict() gives the row new contents: a cell
   * bound to a row follows it without the list announcing a change. */
  properties[PROP_DICT] =
    g_param_spec_variant ("dict", NULL, NULL, G_VARIANT_TYPE_VARDICT, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_row_init (CdRow *self)
{
}

/**
 * cd_row_new:
 * @dict: a GVariant of type a{sv}; a floating reference is sunk
 *
 * Returns: (transfer full): a new row
 */
CdRow *
cd_row_new (GVariant *dict)
{
  CdRow *self;

  g_return_val_if_fail (dict != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (dict, G_VARIANT_TYPE_VARDICT), NULL);

  self = g_object_new (CD_TYPE_ROW, NULL);
  self->dict = g_variant_ref_sink (dict);
  return self;
}

/* Gives the row new contents and notifies "dict". The lists reuse their row
 * objects: CdListView for its next page, CdPagedModel when a stand-in row's
 * page arrives, so that GTK keeps the row widgets it has (GTK 4.8 keeps up
 * to 200 rows of widgets, whatever is visible) and only the cells watching
 * the row update. */
void
cd_row_set_dict (CdRow    *self,
                 GVariant *dict)
{
  g_return_if_fail (CD_IS_ROW (self));
  g_return_if_fail (g_variant_is_of_type (dict, G_VARIANT_TYPE_VARDICT));

  g_variant_ref_sink (dict);
  g_clear_pointer (&self->dict, g_variant_unref);
  self->dict = dict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DICT]);
  for (guint i = 0; self->watchers != NULL && i < self->watchers->len; i++)
    {
      Watcher *watcher = &g_array_index (self->watchers, Watcher, i);
      watcher->func (self, watcher->data);
    }
}

/**
 * cd_row_watch:
 * @func: called after cd_row_set_dict() gives the row new contents
 *
 * What the cells of a list use instead of notify::dict: a search refills
 * the 200 rows GTK keeps widgets for, eleven cells each, and as many
 * signal handlers (a closure each, connected on bind and disconnected on
 * unbind) cost more than the texts they show. @func must not watch or
 * unwatch this row.
 */
void
cd_row_watch (CdRow *self, CdRowWatchFunc func, gpointer data)
{
  Watcher watcher = { func, data };

  g_return_if_fail (CD_IS_ROW (self));
  g_return_if_fail (func != NULL);

  if (self->watchers == NULL)
    self->watchers = g_array_sized_new (FALSE, FALSE, sizeof (Watcher), 12);
  g_array_append_val (self->watchers, watcher);
}

/* Stops one watch of cd_row_watch(), the last one made with @func and @data. */
void
cd_row_unwatch (CdRow *self, CdRowWatchFunc func, gpointer data)
{
  g_return_if_fail (CD_IS_ROW (self));

  for (guint i = self->watchers != NULL ? self->watchers->len : 0; i-- > 0;)
    {
      Watcher *watcher = &g_array_index (self->watchers, Watcher, i);

      if (watcher->func == func && watcher->data == data)
        {
          g_array_remove_index_fast (self->watchers, i);
          return;
        }
    }
}

/* Returns: (transfer none): the row's a{sv} dictionary */
GVariant *
cd_row_get_dict (CdRow *self)
{
  g_return_val_if_fail (CD_IS_ROW (self), NULL);
  return self->dict;
}

gint64
cd_row_get_id (CdRow *self)
{
  gint64 id = 0;

  g_return_val_if_fail (CD_IS_ROW (self), 0);
  cd_row_get_int64 (self, "id", &id);
  return id;
}

/**
 * cd_row_value_dup_string:
 * @value: (nullable): a value of a row
 *
 * Returns: (transfer full) (nullable): @value as text: strings as they are,
 * numbers in decimal; NULL for NULL or another type.
 */
char *
cd_row_value_dup_string (GVariant *value)
{
  gint64 number;

  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_strdup_printf ("%g", g_variant_get_double (value));
  if (cd_row_value_get_int64 (value, &number))
    return g_strdup_printf ("%" PRId64, number);
  return NULL;
}

/* Integers of any width are accepted: the store may use int64 for ids and
 * int32 for small counts. Returns FALSE for NULL or not a number. */
gboolean
cd_row_value_get_int64 (GVariant *value, gint64 *out_value)
{
  gint64 number;

  if (value == NULL)
    return FALSE;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    number = g_variant_get_int64 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    number = g_variant_get_int32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    number = g_variant_get_uint32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
    number = (gint64) MIN (g_variant_get_uint64 (value), (guint64) G_MAXINT64);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    number = g_variant_get_boolean (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    number = (gint64) g_variant_get_double (value);
  else
    return FALSE;
  if (out_value != NULL)
    *out_value = number;
  return TRUE;
}

/**
 * cd_row_dup_string:
 *
 * Returns: (transfer full) (nullable): the value under @key as text
 *   (cd_row_value_dup_string); NULL when the key is missing or null.
 */
char *
cd_row_dup_string (CdRow      *self,
                   const char *key)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (CD_IS_ROW (self), NULL);

  value = g_variant_lookup_value (self->dict, key, NULL);
  return cd_row_value_dup_string (value);
}

/* Returns FALSE when @key is missing or not a number. */
gboolean
cd_row_get_int64 (CdRow      *self,
                  const char *key,
                  gint64     *out_value)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (CD_IS_ROW (self), FALSE);

  value = g_variant_lookup_value (self->dict, key, NULL);
  return cd_row_value_get_int64 (value, out_value);
}

/**
 * cd_row_lookup_values:
 * @keys: (array length=n_keys): keys of the row
 * @values: (out caller-allocates) (array length=n_keys): the value of each
 *   key (transfer full), NULL where the row has none
 *
 * Several keys in one pass over the row: a lookup in an a{sv} walks its
 * entries, so a cell text per column looked up one by one walked the row
 * once per column (and to its end for a key it lacks, such as "loading").
 */
void
cd_row_lookup_values (CdRow             *self,
                      const char *const *keys,
                      guint              n_keys,
                      GVariant         **values)
{
  gsize n_entries;

  g_return_if_fail (CD_IS_ROW (self));

  memset (values, 0, n_keys * sizeof (GVariant *));
  n_entries = g_variant_n_children (self->dict);
  for (gsize i = 0; i < n_entries; i++)
    {
      g_autoptr (GVariant) entry = g_variant_get_child_value (self->dict, i);
      g_autoptr (GVariant) key = g_variant_get_child_value (entry, 0);
      const char *name = g_variant_get_string (key, NULL);

      for (guint k = 0; k < n_keys; k++)
        if (values[k] == NULL && strcmp (keys[k], name) == 0)
          {
            g_autoptr (GVariant) boxed = g_variant_get_child_value (entry, 1);

            values[k] = g_variant_get_variant (boxed);
            break;
          }
    }
}
