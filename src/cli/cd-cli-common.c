/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every command shares: the argument parser, the ways to end (refused:
 * one line; usage: a short usage), checks of typed values, the database. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cli/cd-cli-private.h"

/* "-5" and "-.5" are arguments (amounts), not options. */
static gboolean
looks_like_option (const char *arg)
{
  return arg[0] == '-' && arg[1] != '\0'
         && !g_ascii_isdigit (arg[1]) && arg[1] != '.';
}

static const CdCliOption *
find_option (const CdCliOption *options,
             guint              n_options,
             const char        *long_name,
             gsize              long_length,
             char               short_name)
{
  for (guint i = 0; i < n_options; i++)
    {
      const CdCliOption *option = &options[i];

      if (long_name != NULL
          && strlen (option->long_name) == long_length
          && strncmp (option->long_name, long_name, long_length) == 0)
        return option;
      if (long_name == NULL && short_name != 0 && option->short_name == short_name)
        return option;
    }
  return NULL;
}

static void
print_command_help (const CdCliCommand *command)
{
  printf (_("Usage: %s [--db PATH] %s"), CD_CLI_PROGRAM, command->synopsis);
  printf ("\n\n  %s\n", _(command->summary));
}

/* --db belongs to every command, so that it may come before or after it. */
static const CdCliOption db_option = { "db", 0, TRUE, NULL };

/* Splits one argument into its option and (for "--name=value", "-oVALUE")
 * its attached value. Returns FALSE after printing a usage error. */
static gboolean
split_option (const CdCliCommand  *command,
              const CdCliOption   *options,
              guint                n_options,
              const char          *arg,
              const CdCliOption  **out_option,
              const char         **out_attached,
              int                 *out_status)
{
  const CdCliOption *option;
  const char *attached = NULL;

  if (arg[1] == '-')
    {
      const char *name = arg + 2;
      const char *equals = strchr (name, '=');
      gsize length = equals ? (gsize) (equals - name) : strlen (name);

      option = find_option (options, n_options, name, length, 0);
      if (option == NULL && length == 2 && strncmp (name, "db", 2) == 0)
        option = &db_option;
      if (equals != NULL)
        attached = equals + 1;
    }
  else
    {
      option = find_option (options, n_options, NULL, 0, arg[1]);
      if (option != NULL && arg[2] != '\0')
        attached = arg + 2;
    }

  if (option == NULL)
    {
      *out_status = cd_cli_usage (command, _("“%s” is not an option of this command."), arg);
      return FALSE;
    }
  if (!option->takes_value && attached != NULL)
    {
      *out_status = cd_cli_usage (command, _("--%s takes no value."), option->long_name);
      return FALSE;
    }
  *out_option = option;
  *out_attached = attached;
  return TRUE;
}

static gboolean
store_option (CdCli              *cli,
              const CdCliCommand *command,
              const CdCliOption  *option,
              const char         *value,
              int                *out_status)
{
  if (!option->takes_value)
    {
      *(gboolean *) option->out = TRUE;
      return TRUE;
    }
  if (value == NULL)
    {
      *out_status = cd_cli_usage (command, _("--%s needs a value."), option->long_name);
      return FALSE;
    }
  if (option == &db_option)
    {
      g_free (cli->db_path);
      cli->db_path = g_strdup (value);
    }
  else
    {
      *(const char **) option->out = value;
    }
  return TRUE;
}

static gboolean
check_arg_count (const CdCliCommand *command,
                 GPtrArray          *args,
                 guint               min_args,
                 guint               max_args,
                 int                *out_status)
{
  if (args->len < min_args)
    {
      *out_status = cd_cli_usage (command, _("An argument is missing."));
      return FALSE;
    }
  if (args->len > max_args)
    {
      *out_status = cd_cli_usage (command, _("“%s” is one argument too many."),
                                  (const char *) g_ptr_array_index (args, max_args));
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_cli_parse_args:
 * @argv: argv[0] is the command's name; the option values stored through
 *   @options point into @argv
 * @out_args: (out) (transfer container): the arguments that are not options
 *
 * Returns: TRUE to go on; FALSE when the command must end now with
 * *@out_status (after --help, or a usage error already printed).
 */
gboolean
cd_cli_parse_args (CdCli              *cli,
                   const CdCliCommand *command,
                   const CdCliOption  *options,
                   guint               n_options,
                   int                 argc,
                   char              **argv,
                   guint               min_args,
                   guint               max_args,
                   GPtrArray         **out_args,
                   int                *out_status)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  gboolean only_args = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const CdCliOption *option;
      const char *value;

      if (only_args || !looks_like_option (arg))
        {
          g_ptr_array_add (args, (gpointer) arg);
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          only_args = TRUE;
          continue;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_command_help (command);
          *out_status = CD_CLI_STATUS_DONE;
          return FALSE;
        }
      if (!split_option (command, options, n_options, arg, &option, &value, out_status))
        return FALSE;
      /* Like getopt: the next argument is the value, even if it starts with
       * "-", so that "--day -1" is refused as a day, not as an option. */
      if (option->takes_value && value == NULL && i + 1 < argc)
        value = argv[++i];
      if (!store_option (cli, command, option, value, out_status))
        return FALSE;
    }

  if (!check_arg_count (command, args, min_args, max_args, out_status))
    return FALSE;

  *out_args = g_steal_pointer (&args);
  return TRUE;
}

void
cd_cli_print_line (FILE       *stream,
                   const char *text)
{
  /* The contract is one line of text per message, whatever a lower layer
   * or the user's arguments held. */
  g_autofree char *line = g_utf8_make_valid (text, -1);

  g_strdelimit (line, "\r\n", ' ');
  g_strchomp (line);
  fprintf (stream, "%s\n", line);
}

int
cd_cli_usage (const CdCliCommand *command,
              const char         *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = g_strdup_printf ("%s: %s", CD_CLI_PROGRAM, message);
  cd_cli_print_line (stderr, line);
  if (command != NULL)
    fprintf (stderr, _("Usage: %s [--db PATH] %s"), CD_CLI_PROGRAM, command->synopsis);
  else
    fprintf (stderr, _("Usage: %s [--db PATH] COMMAND …  (see “%s --help”)"),
             CD_CLI_PROGRAM, CD_CLI_PROGRAM);
  fputc ('\n', stderr);
  return CD_CLI_STATUS_USAGE;
}

int
cd_cli_refuse (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = g_strdup_printf ("%s: %s", CD_CLI_PROGRAM, message);
  cd_cli_print_line (stderr, line);
  return CD_CLI_STATUS_REFUSED;
}

int
cd_cli_refuse_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, CD_CLI_STATUS_REFUSED);

  return cd_cli_refuse ("%s", error->message);
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Strictly "YYYY-MM": month 1–12, year 0001–9999. */
int
cd_cli_check_month (const char *text,
                    int        *out_year,
                    int        *out_month)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *example = g_date_time_format (now, "%Y-%m");
  int year, month;

  if (strlen (text) == 7 && is_digits (text, 4) && text[4] == '-' && is_digits (text + 5, 2))
    {
      year = atoi (text);
      month = atoi (text + 5);
      if (year >= 1 && month >= 1 && month <= 12)
        {
          *out_year = year;
          *out_month = month;
          return CD_CLI_STATUS_DONE;
        }
    }
  return cd_cli_refuse (_("“%s” is not a month: use YYYY-MM, such as %s."), text, example);
}

const char *
cd_cli_get_db_path (CdCli *cli)
{
  if (cli->db_path != NULL)
    return cli->db_path;
  if (cli->default_path == NULL)
    cli->default_path = cd_store_default_path ();
  return cli->default_path;
}

/* Paths may be any bytes; messages must be UTF-8. */
char *
cd_cli_display_path (const char *path)
{
  return g_filename_display_name (path);
}

/* The commands that read or change data never create a database as a side
 * effect of a mistyped path: only init (and demo) create one. */
int
cd_cli_open_existing (CdCli    *cli,
                      CdStore **out_store)
{
  const char *path = cd_cli_get_db_path (cli);
  g_autoptr(GError) error = NULL;
  CdStore *store;

  if (path == NULL || *path == '\0')
    return cd_cli_refuse (_("The database path is empty: give one with --db PATH."));
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *shown = cd_cli_display_path (path);

      return cd_cli_refuse (_("There is no database at “%s”: create one with “%s init”."),
                            shown, CD_CLI_PROGRAM);
    }

  store = cd_store_open (path, &error);
  if (store == NULL)
    return cd_cli_refuse_error (error);
  *out_store = store;
  return CD_CLI_STATUS_DONE;
}

gboolean
cd_cli_same_file (const char *a,
                  const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
