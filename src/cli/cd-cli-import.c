/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import clients|suppliers FILE.csv [--dry-run]: the whole file or nothing;
 * every problem on stderr as "line N, column C: reason". */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-private.h"
#include "store/cd-import.h"

static void
report_problems (const CdImportReport *report)
{
  for (guint i = 0; report->unknown_columns && report->unknown_columns[i]; i++)
    {
      g_autofree char *line = NULL;

      line = g_strdup_printf (_("line 1, column %s: this column is not known and was ignored."),
                              report->unknown_columns[i]);
      cd_cli_print_line (stderr, line);
    }

  for (guint i = 0; report->problems && i < report->problems->len; i++)
    {
      g_autofree char *line = cd_import_problem_to_string (g_ptr_array_index (report->problems, i));

      cd_cli_print_line (stderr, line);
    }
}

static int
check_import_kind (const CdCliCommand *command,
                   const char         *name,
                   CdKind             *out_kind)
{
  if (!cd_kind_from_string (name, out_kind)
      || (*out_kind != CD_KIND_CLIENTS && *out_kind != CD_KIND_SUPPLIERS))
    return cd_cli_usage (command, _("“%s” cannot be imported: use clients or suppliers."),
                         name);
  return CD_CLI_STATUS_DONE;
}

static void
print_summary (const CdImportReport *report,
               const char           *file,
               gboolean              dry_run)
{
  g_autofree char *shown = cd_cli_display_path (file);

  if (dry_run)
    printf (ngettext ("Dry run: %u row of “%s” can be imported; nothing was written.",
                      "Dry run: %u rows of “%s” can be imported; nothing was written.",
                      report->rows_read),
            report->rows_read, shown);
  else
    printf (ngettext ("Imported %u row from “%s”.",
                      "Imported %u rows from “%s”.",
                      report->rows_imported),
            report->rows_imported, shown);
  putchar ('\n');
}

int
cd_cli_cmd_import (CdCli              *cli,
                   const CdCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  gboolean dry_run = FALSE;
  const CdCliOption options[] = {
    { "dry-run", 0, FALSE, &dry_run },
  };
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = NULL;
  g_autoptr(CdImportReport) report = NULL;
  const char *file;
  CdKind kind;
  int status;

  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options),
                          argc, argv, 2, 2, &args, &status))
    return status;
  if ((status = check_import_kind (command, g_ptr_array_index (args, 0), &kind)) != 0)
    return status;
  file = g_ptr_array_index (args, 1);
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *shown = cd_cli_display_path (file);

      return cd_cli_refuse (_("There is no file at “%s”."), shown);
    }
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  if (!cd_import_csv (store, kind, file, dry_run, &report, &error))
    {
      if (report != NULL)
        report_problems (report);
      return cd_cli_refuse_error (error);
    }

  if (report == NULL)
    return CD_CLI_STATUS_DONE;
  report_problems (report);
  print_summary (report, file, dry_run);
  return CD_CLI_STATUS_DONE;
}
