/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-tasks.h"
#include "gui/cd-welcome-page.h"
#include "store/cd-demo.h"

/* The sample agency always has the same clients, so that a manual and a
 * screenshot describe what people see. */
#define SAMPLE_SEED 20240301

/* Progress reported on the worker thread, shown on the UI thread: the
 * worker only stores the latest value and schedules one update at a time. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  double           fraction;
  char            *stage;
  gboolean         pending;
  GWeakRef         page;
} Progress;

struct _CdWelcomePage
{
  AdwBin          parent_instance;

  CdContext      *context;
  GCancellable   *cancellable;
  Progress       *progress;
  gboolean        busy;

  GtkButton      *sample_button;
  GtkButton      *empty_button;
  GtkButton      *import_button;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (CdWelcomePage, cd_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static Progress *
progress_new (CdWelcomePage *page)
{
  Progress *progress = g_new0 (Progress, 1);

  g_atomic_ref_count_init (&progress->ref_count);
  g_mutex_init (&progress->mutex);
  g_weak_ref_init (&progress->page, page);
  return progress;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (!g_atomic_ref_count_dec (&progress->ref_count))
    return;
  g_weak_ref_clear (&progress->page);
  g_mutex_clear (&progress->mutex);
  g_free (progress->stage);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  g_autoptr(CdWelcomePage) self = g_weak_ref_get (&progress->page);
  g_autofree char *stage = NULL;
  double fraction;

  g_mutex_lock (&progress->mutex);
  fraction = progress->fraction;
  stage = g_strdup (progress->stage);
  progress->pending = FALSE;
  g_mutex_unlock (&progress->mutex);

  if (self != NULL && self->busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      gtk_progress_bar_set_text (self->progress_bar, stage);
    }
  return G_SOURCE_REMOVE;
}

/* Runs on the demo's worker thread. */
static void
on_demo_progress_cb (double      fraction,
                     const char *stage,
                     gpointer    user_data)
{
  Progress *progress = user_data;
  gboolean schedule;

  g_mutex_lock (&progress->mutex);
  progress->fraction = CLAMP (fraction, 0.0, 1.0);
  if (g_strcmp0 (progress->stage, stage) != 0)
    {
      g_free (progress->stage);
      progress->stage = g_strdup (stage);
    }
  schedule = !progress->pending;
  progress->pending = TRUE;
  g_mutex_unlock (&progress->mutex);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, show_progress_cb, progress_ref (progress),
                     (GDestroyNotify) progress_unref);
}

static void
set_busy (CdWelcomePage *self,
          gboolean       busy,
          const char    *text)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static GtkWindow *
get_window (CdWelcomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
finish (CdWelcomePage *self)
{
  g_autoptr(GError) error = NULL;

  /* Not fatal: the welcome page merely shows again next time. */
  if (!cd_store_set_setting (cd_context_get_store (self->context),
                             CD_SETTING_FIRST_RUN_DONE, "1", &error))
    g_message ("first run: %s", error->message);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
on_demo_generated_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CdWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cd_demo_generate_finish (CD_STORE (source_object), result, &error))
    {
      set_busy (self, FALSE, NULL);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cd_show_message (get_window (self), _("The Sample Agency Could Not Be Loaded"), error->message);
      return;
    }
  set_busy (self, FALSE, NULL);
  finish (self);
}

static void
on_sample_button_clicked_cb (CdWelcomePage *self)
{
  g_clear_pointer (&self->progress, progress_unref);
  self->progress = progress_new (self);
  set_busy (self, TRUE, _("Preparing the sample agency…"));
  cd_demo_generate_async (cd_context_get_store (self->context), CD_DEMO_SMALL, SAMPLE_SEED,
                          on_demo_progress_cb, self->progress,
                          self->cancellable, on_demo_generated_cb, g_object_ref (self));
}

static void
on_empty_button_clicked_cb (CdWelcomePage *self)
{
  finish (self);
}

static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CdWelcomePage) self = user_data;
  g_autoptr(CdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE, NULL);
  if (!cd_import_file_finish (result, &report, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cd_show_import_refusal (get_window (self), report, error);
      return;
    }
  finish (self);
}

static void
on_import_file_chosen_cb (GFile    *file,
                          CdKind    kind,
                          gpointer  user_data)
{
  g_autoptr(CdWelcomePage) self = user_data;

  if (file == NULL)
    return;
  set_busy (self, TRUE, _("Importing clients…"));
  gtk_progress_bar_pulse (self->progress_bar);
  cd_import_file_async (cd_context_get_store (self->context), kind, file,
                        self->cancellable, on_import_done_cb, g_object_ref (self));
}

static void
on_import_button_clicked_cb (CdWelcomePage *self)
{
  cd_choose_import_file (get_window (self), FALSE, on_import_file_chosen_cb, g_object_ref (self));
}

static void
cd_welcome_page_dispose (GObject *object)
{
  CdWelcomePage *self = CD_WELCOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (cd_welcome_page_parent_class)->dispose (object);
}

static void
cd_welcome_page_finalize (GObject *object)
{
  CdWelcomePage *self = CD_WELCOME_PAGE (object);

  g_clear_pointer (&self->progress, progress_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cd_welcome_page_parent_class)->finalize (object);
}

static void
cd_welcome_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CdWelcomePage *self = CD_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_welcome_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdWelcomePage *self = CD_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_welcome_page_class_init (CdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_welcome_page_dispose;
  object_class->finalize = cd_welcome_page_finalize;
  object_class->get_property = cd_welcome_page_get_property;
  object_class->set_property = cd_welcome_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdWelcomePage::finished:
   *
   * The person chose; the database is ready for the views.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWelcomePage, sample_button);
  gtk_widget_class_bind_template_child (widget_class, CdWelcomePage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, CdWelcomePage, import_button);
  gtk_widget_class_bind_template_child (widget_class, CdWelcomePage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
}

static void
cd_welcome_page_init (CdWelcomePage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer floating): the welcome page */
CdWelcomePage *
cd_welcome_page_new (CdContext *context)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);
  return g_object_new (CD_TYPE_WELCOME_PAGE, "context", context, NULL);
}

/* Whether the sample agency is being generated or a file imported. */
gboolean
cd_welcome_page_get_busy (CdWelcomePage *self)
{
  g_return_val_if_fail (CD_IS_WELCOME_PAGE (self), FALSE);
  return self->busy;
}

/* An empty database whose owner has not yet chosen "Start empty". */
gboolean
cd_welcome_page_is_needed (CdContext *context)
{
  CdStore *store;
  g_autofree char *done = NULL;

  g_return_val_if_fail (CD_IS_CONTEXT (context), FALSE);

  store = cd_context_get_store (context);
  if (!cd_store_is_empty (store))
    return FALSE;
  done = cd_store_get_setting (store, CD_SETTING_FIRST_RUN_DONE);
  return g_strcmp0 (done, "1") != 0;
}
