/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commands about the database file as a whole: init, demo, check,
 * backup, restore. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cli/cd-cli-private.h"
#include "store/cd-demo.h"

typedef struct
{
  int   last_percent;
  char *last_stage;
} DemoProgress;

static int
make_parent_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *shown = cd_cli_display_path (folder);

      return cd_cli_refuse (_("The folder “%s” could not be created: %s."),
                            shown, g_strerror (saved));
    }
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_cmd_init (CdCli              *cli,
                 const CdCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = NULL;
  g_autofree char *shown = NULL;
  const char *path;
  int status;

  if (!cd_cli_parse_args (cli, command, NULL, 0, argc, argv, 0, 0, &args, &status))
    return status;

  path = cd_cli_get_db_path (cli);
  if (path == NULL || *path == '\0')
    return cd_cli_refuse (_("The database path is empty: give one with --db PATH."));
  shown = cd_cli_display_path (path);

  /* An existing file is only looked at: a foreign one must stay as it is. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int version = 0;

      if (!cd_store_validate_file (path, &version, &error))
        return cd_cli_refuse_error (error);
      printf (_("“%s” is already a ClientDesk database; nothing was changed."), shown);
      putchar ('\n');
      return CD_CLI_STATUS_DONE;
    }

  if ((status = make_parent_folder (path)) != CD_CLI_STATUS_DONE)
    return status;
  store = cd_store_open (path, &error);
  if (store == NULL)
    return cd_cli_refuse_error (error);

  printf (_("Created an empty ClientDesk database at “%s”."), shown);
  putchar ('\n');
  return CD_CLI_STATUS_DONE;
}

static void
on_demo_progress_cb (double      fraction,
                     const char *stage,
                     gpointer    user_data)
{
  DemoProgress *progress = user_data;
  int percent = (int) CLAMP (fraction * 100.0, 0.0, 100.0);

  if (percent == progress->last_percent && g_strcmp0 (stage, progress->last_stage) == 0)
    return;
  progress->last_percent = percent;
  g_free (progress->last_stage);
  progress->last_stage = g_strdup (stage);
  /* \r and the erase-line sequence redraw one line on the terminal. */
  fprintf (stderr, "\r\033[K%3d%%  %s", percent, stage ? stage : "");
  fflush (stderr);
}

static int
check_demo_options (const char  *scale_text,
                    const char  *seed_text,
                    CdDemoScale *out_scale,
                    guint32     *out_seed)
{
  guint64 seed = 1;

  *out_scale = CD_DEMO_SMALL;
  if (scale_text != NULL && !cd_demo_scale_from_string (scale_text, out_scale))
    return cd_cli_refuse (_("“%s” is not a demo scale: use small or large."), scale_text);
  if (seed_text != NULL
      && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    return cd_cli_refuse (_("“%s” is not a seed: use a whole number from 0 to %u."),
                          seed_text, G_MAXUINT32);
  *out_seed = (guint32) seed;
  return CD_CLI_STATUS_DONE;
}

/* demo creates the file when there is none; when it then fails, the file it
 * made goes too, so that a refusal leaves nothing behind. */
static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static int
open_for_demo (CdCli     *cli,
               gboolean  *out_created,
               CdStore  **out_store)
{
  const char *path = cd_cli_get_db_path (cli);
  g_autoptr(GError) error = NULL;
  int status;

  if (path == NULL || *path == '\0')
    return cd_cli_refuse (_("The database path is empty: give one with --db PATH."));
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return cd_cli_open_existing (cli, out_store);

  if ((status = make_parent_folder (path)) != CD_CLI_STATUS_DONE)
    return status;
  *out_created = TRUE;
  *out_store = cd_store_open (path, &error);
  if (*out_store == NULL)
    {
      remove_database_files (path);
      return cd_cli_refuse_error (error);
    }
  return CD_CLI_STATUS_DONE;
}

static gboolean
generate (CdStore      *store,
          CdDemoScale   scale,
          guint32       seed,
          GError      **error)
{
  DemoProgress progress = { -1, NULL };
  gboolean show = isatty (STDERR_FILENO);
  gboolean ok;

  ok = cd_demo_generate (store, scale, seed, NULL,
                         show ? on_demo_progress_cb : NULL, show ? &progress : NULL,
                         NULL, error);
  if (show && progress.last_percent >= 0)
    fputc ('\n', stderr);
  g_free (progress.last_stage);
  return ok;
}

int
cd_cli_cmd_demo (CdCli              *cli,
                 const CdCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  const char *scale_text = NULL, *seed_text = NULL;
  const CdCliOption options[] = {
    { "scale", 0, TRUE, &scale_text },
    { "seed", 0, TRUE, &seed_text },
  };
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  CdStore *store = NULL;
  g_autofree char *shown = NULL;
  gboolean created = FALSE;
  CdDemoScale scale = CD_DEMO_SMALL;
  guint32 seed = 1;
  int status;

  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options),
                          argc, argv, 0, 0, &args, &status))
    return status;
  if ((status = check_demo_options (scale_text, seed_text, &scale, &seed)) != CD_CLI_STATUS_DONE)
    return status;
  if ((status = open_for_demo (cli, &created, &store)) != CD_CLI_STATUS_DONE)
    return status;

  shown = cd_cli_display_path (cd_store_get_path (store));
  if (!cd_store_is_empty (store))
    {
      g_object_unref (store);
      return cd_cli_refuse (_("“%s” already holds data: demo fills only an empty database."),
                            shown);
    }
  if (!generate (store, scale, seed, &error))
    {
      g_object_unref (store);
      if (created)
        remove_database_files (cd_cli_get_db_path (cli));
      return cd_cli_refuse_error (error);
    }
  g_object_unref (store);

  printf (_("Filled “%s” with the %s demo agency (seed %u)."), shown,
          scale == CD_DEMO_LARGE ? "large" : "small", seed);
  putchar ('\n');
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_cmd_check (CdCli              *cli,
                  const CdCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = NULL;
  int status;

  if (!cd_cli_parse_args (cli, command, NULL, 0, argc, argv, 0, 0, &args, &status))
    return status;
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  if (cd_store_check (store, &problems, &error))
    {
      puts ("ok");
      return CD_CLI_STATUS_DONE;
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    cd_cli_print_line (stdout, g_ptr_array_index (problems, i));
  if (error != NULL)
    return cd_cli_refuse_error (error);
  return CD_CLI_STATUS_REFUSED;
}

int
cd_cli_cmd_backup (CdCli              *cli,
                   const CdCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  const char *output = NULL;
  const CdCliOption options[] = {
    { "output", 'o', TRUE, &output },
  };
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = NULL;
  g_autofree char *shown_db = NULL, *shown_out = NULL;
  int status;

  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options),
                          argc, argv, 0, 0, &args, &status))
    return status;
  if (output == NULL)
    return cd_cli_usage (command, _("Where to? Give the backup file with -o FILE."));
  if (*output == '\0')
    return cd_cli_refuse (_("The backup file name is empty."));
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  shown_db = cd_cli_display_path (cd_store_get_path (store));
  shown_out = cd_cli_display_path (output);
  if (cd_cli_same_file (cd_store_get_path (store), output))
    return cd_cli_refuse (_("“%s” is the database itself: choose another backup file."),
                          shown_out);
  if (!cd_store_backup (store, output, &error))
    return cd_cli_refuse_error (error);

  printf (_("Backed up “%s” to “%s”."), shown_db, shown_out);
  putchar ('\n');
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_cmd_restore (CdCli              *cli,
                    const CdCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *shown_db = NULL, *shown_source = NULL;
  const char *path, *source;
  int status;

  if (!cd_cli_parse_args (cli, command, NULL, 0, argc, argv, 1, 1, &args, &status))
    return status;
  source = g_ptr_array_index (args, 0);
  path = cd_cli_get_db_path (cli);
  if (path == NULL || *path == '\0')
    return cd_cli_refuse (_("The database path is empty: give one with --db PATH."));

  shown_db = cd_cli_display_path (path);
  shown_source = cd_cli_display_path (source);
  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return cd_cli_refuse (_("There is no backup file at “%s”."), shown_source);
  if (cd_cli_same_file (path, source))
    return cd_cli_refuse (_("“%s” is the database itself: there is nothing to restore."),
                          shown_source);
  if (!cd_store_restore (path, source, &kept, &error))
    return cd_cli_refuse_error (error);

  if (kept != NULL)
    {
      g_autofree char *shown_kept = cd_cli_display_path (kept);

      printf (_("Restored “%s” from “%s”; the previous database was kept as “%s”."),
              shown_db, shown_source, shown_kept);
    }
  else
    printf (_("Restored “%s” from “%s”."), shown_db, shown_source);
  putchar ('\n');
  return CD_CLI_STATUS_DONE;
}
