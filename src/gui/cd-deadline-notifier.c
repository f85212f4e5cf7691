/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "gui/cd-deadline-notifier.h"
#include "gui/cd-today-view.h"
#include "store/cd-store-today.h"

/* Often enough to catch the day turning while the app stays open. */
#define CHECK_INTERVAL_SECONDS (15 * 60)
/* After the window is up. */
#define FIRST_CHECK_SECONDS 5

struct _CdDeadlineNotifier
{
  GObject       parent_instance;

  CdContext    *context;
  GApplication *application;   /* weak */
  GSettings    *settings;      /* NULL when the schema is not installed */
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (CdDeadlineNotifier, cd_deadline_notifier, G_TYPE_OBJECT)

void
cd_clock_today (GDate *out)
{
  const char *env = g_getenv ("CLIENTDESK_TODAY");
  int y, m, d;

  g_date_clear (out, 1);
  if (env != NULL && env[0] != '\0')
    {
      if (sscanf (env, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_date_set_dmy (out, d, m, y);
          return;
        }
      g_message ("CLIENTDESK_TODAY=%s is not a date such as 2026-02-14; using the real today", env);
    }
  g_date_set_time_t (out, time (NULL));
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
send (CdDeadlineNotifier *self,
      const CdPaperDue   *paper)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = g_strdup_printf ("deadline-%s", paper->code);
  /* Translators: a notification's title; %s is a paper such as "Visit plan" */
  g_autofree char *title = g_strdup_printf (_("Due today: %s"), cd_today_paper_title (paper->code));

  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open ClientDesk's Today view to export it or mark it done."));
  /* No default action: clicking it activates the application, which
   * raises the window. */
  g_application_send_notification (self->application, id, notification);
}

/* Client meetings within two working days whose notice is not sent, for
 * the current staff member (everyone's when there is none): one
 * notification a day naming how many, the first by its title. */
static guint
check_meeting_notices (CdDeadlineNotifier *self,
                       const GDate        *day)
{
  CdStore *store = cd_context_get_store (self->context);
  gint64 staff = cd_context_get_current_staff (self->context);
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *name = "";
  gint64 total = 0;

  rows = cd_store_today_section_full (store, CD_TODAY_MEETINGS_WITHOUT_NOTICE,
                                      staff > 0 ? CD_TODAY_SCOPE_MINE : CD_TODAY_SCOPE_EVERYONE, staff,
                                      day, cd_context_get_calendar (self->context), 1, &total, NULL);
  if (rows == NULL || total == 0 || !cd_store_paper_mark_notified (store, "meeting-notices", day))
    return 0;
  if (self->application == NULL)
    return 1;
  first = g_variant_get_child_value (rows, 0);
  g_variant_lookup (first, "title", "&s", &name);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Send the notice for %" PRId64 " client meeting",
                                        "Send the notices for %" PRId64 " client meetings",
                                        (gulong) total), total);
  notification = g_notification_new (title);
  /* Translators: %s is the first meeting's title */
  body = g_strdup_printf (_("“%s” is within two working days and its client has not been told. "
                                             "Open the meeting from ClientDesk's Today view."), name);
  g_notification_set_body (notification, body);
  g_application_send_notification (self->application, "meeting-notices", notification);
  return 1;
}

guint
cd_deadline_notifier_check (CdDeadlineNotifier *self,
                            const GDate        *today)
{
  CdStore *store;
  g_autoptr(GPtrArray) papers = NULL;
  GDate day;
  guint sent = 0;

  g_return_val_if_fail (CD_IS_DEADLINE_NOTIFIER (self), 0);

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "notifications-enabled"))
    return 0;
  if (today != NULL)
    day = *today;
  else
    cd_clock_today (&day);
  store = cd_context_get_store (self->context);
  papers = cd_store_today_papers (store, cd_context_get_calendar (self->context), &day, NULL);
  for (guint i = 0; papers != NULL && i < papers->len; i++)
    {
      CdPaperDue *paper = g_ptr_array_index (papers, i);

      if (paper->done || g_date_compare (&paper->due, &day) != 0)
        continue;
      /* A submitted visit plan needs no reminder. */
      if (g_str_equal (paper->code, "visit-plan")
          && cd_store_today_plan_submitted (store, cd_context_get_current_staff (self->context), &day))
        continue;
      /* Once per paper per day, even across restarts. */
      if (!cd_store_paper_mark_notified (store, paper->code, &day))
        continue;
      if (self->application != NULL)
        send (self, paper);
      sent++;
    }
  return sent + check_meeting_notices (self, &day);
}

static gboolean
on_timeout_cb (gpointer data)
{
  cd_deadline_notifier_check (data, NULL);
  return G_SOURCE_CONTINUE;
}

/* The first check, once the window is up: its reads were on the way to
 * the first painted frame (DESIGN.md §8), for a notification that can as
 * well come a few seconds later. */
static gboolean
on_first_check_cb (gpointer data)
{
  CdDeadlineNotifier *self = data;

  self->timeout_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, on_timeout_cb, self);
  cd_deadline_notifier_check (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
cd_deadline_notifier_dispose (GObject *object)
{
  CdDeadlineNotifier *self = CD_DEADLINE_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (cd_deadline_notifier_parent_class)->dispose (object);
}

static void
cd_deadline_notifier_finalize (GObject *object)
{
  CdDeadlineNotifier *self = CD_DEADLINE_NOTIFIER (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cd_deadline_notifier_parent_class)->finalize (object);
}

static void
cd_deadline_notifier_class_init (CdDeadlineNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_deadline_notifier_dispose;
  object_class->finalize = cd_deadline_notifier_finalize;
}

static void
cd_deadline_notifier_init (CdDeadlineNotifier *self)
{
}

/* Returns: (transfer full): a notifier; the first check runs a few
 * seconds after, then every CHECK_INTERVAL_SECONDS */
CdDeadlineNotifier *
cd_deadline_notifier_new (CdContext    *context,
                          GApplication *application)
{
  CdDeadlineNotifier *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_DEADLINE_NOTIFIER, NULL);
  self->context = g_object_ref (context);
  self->settings = open_settings ();
  g_set_weak_pointer (&self->application, application);
  if (application != NULL)
    self->timeout_id = g_timeout_add_seconds (FIRST_CHECK_SECONDS, on_first_check_cb, self);
  return self;
}
