/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gui/cd-application.h"
#include "gui/cd-preferences-window.h"
#include "gui/cd-tasks.h"
#include "gui/cd-window.h"
#include "store/cd-context.h"
#include "store/cd-store-backup-rotation.h"

struct _CdApplication
{
  AdwApplication  parent_instance;

  gboolean        uninstalled;
  char           *db_path;
  CdContext      *context;
};

G_DEFINE_FINAL_TYPE (CdApplication, cd_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_UNINSTALLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
main_window (CdApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (CD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWindow *window = main_window (self);

  /* Closing the window saves its size; quitting outright would not. */
  if (window != NULL)
    gtk_window_close (window);
  g_application_quit (G_APPLICATION (self));
}

static void
on_calendar_changed_cb (CdPreferencesWindow *preferences,
                        CdWindow            *window)
{
  cd_window_reload (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWindow *window = main_window (self);
  CdPreferencesWindow *preferences;

  if (window == NULL)
    return;
  preferences = cd_preferences_window_new (window, self->context);
  g_signal_connect_object (preferences, "calendar-changed",
                           G_CALLBACK (on_calendar_changed_cb), window, 0);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", main_window (self),
                        "application-name", _("ClientDesk"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The ClientDesk authors"),
                        "comments", _("Clients, projects, quotes, contracts, work orders and suppliers for the account department of an advertising agency"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2024 The ClientDesk authors",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWindow *window = main_window (self);

  /* GtkApplicationWindow owns the overlay loaded from gtk/help-overlay.ui. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWindow *window = main_window (user_data);

  if (window != NULL)
    cd_window_import (CD_WINDOW (window));
}

static void
backup_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWindow *window = main_window (user_data);

  if (window != NULL)
    cd_window_backup (CD_WINDOW (window));
}

/* How long a restore waits for the last reader of the old store (a list
 * still finishing its query) before it gives up, in 50 ms steps. */
#define RESTORE_WAIT_STEPS 200

typedef struct
{
  CdApplication *app;
  char          *source;
  CdStore       *store;      /* weak: NULL once the old store is closed */
  guint          steps;
  char          *kept;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  if (job->store != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->store), (gpointer *) &job->store);
  g_free (job->source);
  g_free (job->kept);
  g_application_release (G_APPLICATION (job->app));
  g_object_unref (job->app);
  g_free (job);
}

static gboolean open_context (CdApplication *self, GError **error);
static void show_open_failure (CdApplication *self, const GError *error);

/* Opens the (restored or untouched) database again in a new window and
 * says what happened there. */
static void
reopen (RestoreJob   *job,
        const GError *restore_error)
{
  CdApplication *self = job->app;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  CdWindow *window;

  if (!open_context (self, &error))
    {
      show_open_failure (self, error);
      return;
    }
  window = cd_window_new (GTK_APPLICATION (self), self->context);
  gtk_window_present (GTK_WINDOW (window));
  if (restore_error != NULL)
    {
      cd_show_message (GTK_WINDOW (window), _("Nothing Was Restored"), restore_error->message);
      return;
    }
  kept = g_filename_display_basename (job->kept != NULL ? job->kept : "");
  {
    /* Translators: %s is the file name of the kept copy of the old data */
    g_autofree char *text = g_strdup_printf (_("Backup restored; the previous data is kept in %s"), kept);
    cd_window_toast (window, text);
  }
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  GError *error = NULL;

  if (!cd_store_restore (job->app->db_path, job->source, &job->kept, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_restored_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  reopen (job, error);
}

static gboolean
wait_for_store_closed_cb (gpointer user_data)
{
  RestoreJob *job = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (job->store != NULL && ++job->steps < RESTORE_WAIT_STEPS)
    return G_SOURCE_CONTINUE;
  if (job->store != NULL)
    {
      g_set_error_literal (&error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                           _("The database was still in use. Quit ClientDesk, start it again and restore before doing anything else."));
      reopen (job, error);
      restore_job_free (job);
      return G_SOURCE_REMOVE;
    }
  /* Copying and checking a large backup takes a while: not on this thread. */
  task = g_task_new (job->app, NULL, on_restored_cb, NULL);
  g_task_set_source_tag (task, wait_for_store_closed_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, restore_thread);
  return G_SOURCE_REMOVE;
}

static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CdApplication *self = user_data;
  g_autoptr(GList) windows = NULL;
  RestoreJob *job;

  if (self->context == NULL)
    return;

  job = g_new0 (RestoreJob, 1);
  job->app = g_object_ref (self);
  job->source = g_variant_dup_string (parameter, NULL);
  /* No window for a moment: keep the application alive. */
  g_application_hold (G_APPLICATION (self));

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (CD_IS_WINDOW (l->data))
      gtk_window_close (l->data);
    else
      gtk_window_destroy (l->data);

  job->store = cd_context_get_store (self->context);
  g_object_add_weak_pointer (G_OBJECT (job->store), (gpointer *) &job->store);
  g_clear_object (&self->context);
  g_timeout_add (50, wait_for_store_closed_cb, job);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "import", import_action },
  { "backup", backup_action },
  { "restore", restore_action, "s" },
};

static const struct
{
  const char *action;
  const char *accels[2];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.import", { "<Control>i", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.show-view::today", { "<Control>1", NULL } },
  { "win.show-view::clients", { "<Control>2", NULL } },
  { "win.show-view::projects", { "<Control>3", NULL } },
  { "win.show-view::work-orders", { "<Control>4", NULL } },
  { "win.show-view::quotes-contracts", { "<Control>5", NULL } },
  { "win.show-view::suppliers-deliveries", { "<Control>6", NULL } },
  { "win.show-view::finance", { "<Control>7", NULL } },
  { "win.show-view::insights", { "<Control>8", NULL } },
  { "win.show-view::calendar", { "<Control>9", NULL } },
};

static void
on_open_failed_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CdApplication    *self)
{
  g_application_release (G_APPLICATION (self));
}

/* The file was refused; say so and leave it untouched. */
static void
show_open_failure (CdApplication *self,
                   const GError  *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s says why the file was refused (it names the file) */
  body = g_strdup_printf (_("%s\n\nThe file was not changed."), error->message);
  dialog = adw_message_dialog_new (NULL, _("The Database Cannot Be Opened"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  /* Keep the application alive until the person has read the message,
   * then let it end: no window, no hold. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_context (CdApplication  *self,
              GError        **error)
{
  g_autoptr(CdStore) store = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (self->context != NULL)
    return TRUE;
  store = cd_store_open (self->db_path, error);
  if (store == NULL)
    return FALSE;
  self->context = cd_context_new (store);

  /* Who uses this desktop is a desktop setting, not a database one. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      gint64 staff = g_settings_get_int64 (settings, "current-staff-id");

      if (staff > 0)
        cd_context_set_current_staff (self->context, staff);
      /* The daily automatic backup, once the first window has settled. */
      cd_store_backup_rotate_later (store, 60, g_settings_get_int (settings, "backup-rotation"));
    }
  return TRUE;
}

static void
cd_application_activate (GApplication *application)
{
  CdApplication *self = CD_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = main_window (self);

  if (window == NULL)
    {
      if (!open_context (self, &error))
        {
          show_open_failure (self, error);
          return;
        }
      window = GTK_WINDOW (cd_window_new (GTK_APPLICATION (self), self->context));
    }
  gtk_window_present (window);
}

static void
cd_application_startup (GApplication *application)
{
  CdApplication *self = CD_APPLICATION (application);

  G_APPLICATION_CLASS (cd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  /* Running from the build tree: the app icon is not installed yet. */
  if (self->uninstalled)
    {
      g_autofree char *icons = g_build_filename (SOURCE_DATADIR, "..", "icons", NULL);

      gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
    }
  gtk_window_set_default_icon_name (APP_ID);
}

static int
cd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  CdApplication *self = CD_APPLICATION (application);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db[0] != '\0')
    self->db_path = g_strdup (db);
  else if (g_getenv ("CLIENTDESK_DB") != NULL && g_getenv ("CLIENTDESK_DB")[0] != '\0')
    self->db_path = g_strdup (g_getenv ("CLIENTDESK_DB"));
  else
    self->db_path = cd_store_default_path ();

  /* Continue to register and activate. */
  return -1;
}

static void
cd_application_shutdown (GApplication *application)
{
  CdApplication *self = CD_APPLICATION (application);

  G_APPLICATION_CLASS (cd_application_parent_class)->shutdown (application);

  g_clear_object (&self->context);
}

static void
cd_application_finalize (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (cd_application_parent_class)->finalize (object);
}

static void
cd_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdApplication *self = CD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_UNINSTALLED:
      self->uninstalled = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdApplication *self = CD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_UNINSTALLED:
      g_value_set_boolean (value, self->uninstalled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_application_class_init (CdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cd_application_finalize;
  object_class->get_property = cd_application_get_property;
  object_class->set_property = cd_application_set_property;
  app_class->activate = cd_application_activate;
  app_class->startup = cd_application_startup;
  app_class->shutdown = cd_application_shutdown;
  app_class->handle_local_options = cd_application_handle_local_options;

  properties[PROP_UNINSTALLED] =
    g_param_spec_boolean ("uninstalled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_application_init (CdApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file (default: $CLIENTDESK_DB, else the data folder)"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/**
 * cd_application_new:
 * @uninstalled: running from the build tree
 *
 * Returns: (transfer full): the application
 */
CdApplication *
cd_application_new (gboolean uninstalled)
{
  return g_object_new (CD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "uninstalled", uninstalled,
                       NULL);
}
