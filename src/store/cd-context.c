/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-context.h"

/* An imported calendar is kept in the database (so the CLI and every
 * desktop on the file agree); otherwise the bundled one is used. */
#define CALENDAR_SETTING "holidays.ics"

struct _CdContext
{
  GObject            parent_instance;

  CdStore           *store;
  CdHolidayCalendar *calendar;
  gint64             current_staff;
};

G_DEFINE_FINAL_TYPE (CdContext, cd_context, G_TYPE_OBJECT)

enum { PROP_0, PROP_STORE, PROP_CURRENT_STAFF, N_PROPS };
static GParamSpec *properties[N_PROPS];

static CdHolidayCalendar *
load_calendar (CdStore *store, GError **error)
{
  g_autoptr (CdHolidayCalendar) calendar = NULL;
  g_autofree char *imported = cd_store_get_setting (store, CALENDAR_SETTING);

  if (imported == NULL)
    return cd_holiday_calendar_new_default (error);

  calendar = cd_holiday_calendar_new ();
  if (!cd_holiday_calendar_load_ics (calendar, imported, -1, error))
    return NULL;
  return g_steal_pointer (&calendar);
}

static void
cd_context_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdContext *self = CD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CURRENT_STAFF:
      g_value_set_int64 (value, self->current_staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_context_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdContext *self = CD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CURRENT_STAFF:
      cd_context_set_current_staff (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_context_dispose (GObject *object)
{
  CdContext *self = CD_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->calendar, cd_holiday_calendar_unref);
  G_OBJECT_CLASS (cd_context_parent_class)->dispose (object);
}

static void
cd_context_class_init (CdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cd_context_get_property;
  object_class->set_property = cd_context_set_property;
  object_class->dispose = cd_context_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_STAFF] =
    g_param_spec_int64 ("current-staff", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_context_init (CdContext *self)
{
}

/**
 * cd_context_new:
 *
 * Returns: (transfer full): a context over @store
 */
CdContext *
cd_context_new (CdStore *store)
{
  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  return g_object_new (CD_TYPE_CONTEXT, "store", store, NULL);
}

CdStore *
cd_context_get_store (CdContext *self)
{
  g_return_val_if_fail (CD_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * cd_context_get_calendar:
 *
 * Returns: (transfer none): the holiday calendar in force, loaded on first
 *   use; an empty calendar (every date refused as unknown) if none loads
 */
CdHolidayCalendar *
cd_context_get_calendar (CdContext *self)
{
  g_return_val_if_fail (CD_IS_CONTEXT (self), NULL);

  if (self->calendar == NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!cd_context_reload_calendar (self, &error))
        {
          g_warning ("holiday calendar: %s", error->message);
          self->calendar = cd_holiday_calendar_new ();
        }
    }
  return self->calendar;
}

gboolean
cd_context_reload_calendar (CdContext *self, GError **error)
{
  CdHolidayCalendar *calendar;

  g_return_val_if_fail (CD_IS_CONTEXT (self), FALSE);

  calendar = load_calendar (self->store, error);
  if (calendar == NULL)
    return FALSE;
  g_clear_pointer (&self->calendar, cd_holiday_calendar_unref);
  self->calendar = calendar;
  return TRUE;
}

/**
 * cd_context_import_calendar:
 *
 * Parses @ics_data and, only when it parses, keeps it in the database as
 * the calendar in force.
 */
gboolean
cd_context_import_calendar (CdContext *self, const char *ics_data, gssize length, GError **error)
{
  g_autoptr (CdHolidayCalendar) calendar = cd_holiday_calendar_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (CD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (ics_data != NULL, FALSE);

  if (!cd_holiday_calendar_load_ics (calendar, ics_data, length, error))
    return FALSE;
  text = length < 0 ? g_strdup (ics_data) : g_strndup (ics_data, (gsize) length);
  if (!cd_store_set_setting (self->store, CALENDAR_SETTING, text, error))
    return FALSE;
  g_clear_pointer (&self->calendar, cd_holiday_calendar_unref);
  self->calendar = g_steal_pointer (&calendar);
  return TRUE;
}

gint64
cd_context_get_current_staff (CdContext *self)
{
  g_return_val_if_fail (CD_IS_CONTEXT (self), 0);
  return self->current_staff;
}

/* Every change is stamped with the current staff member (the audit log). */
void
cd_context_set_current_staff (CdContext *self, gint64 staff_id)
{
  g_return_if_fail (CD_IS_CONTEXT (self));

  if (self->current_staff == staff_id)
    return;
  self->current_staff = staff_id;
  if (self->store)
    cd_store_set_actor (self->store, staff_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STAFF]);
}
