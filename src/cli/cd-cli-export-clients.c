/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export clients [-o FILE.xlsx] [--search TEXT] [--sort KEY] [--descending]
 *                [--columns KEY,KEY…] [--private]
 *
 * The client list as the Clients view shows it, to Excel. Without -o the
 * workbook is clients-YYYY-MM-DD.xlsx (today) in the current folder.
 * Private notes are written only with --private. */
#define G_LOG_DOMAIN "cd-cli"

#include <stdio.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-export-clients.h"
#include "reports/cd-clients-export.h"

static const CdCliCommand clients_command = {
  "export",
  "export clients [-o FILE.xlsx] [--search TEXT] [--sort KEY] [--descending] "
  "[--columns KEY,…] [--private]",
  N_("Write the client list as the Clients view shows it; default file "
     "clients-YYYY-MM-DD.xlsx here. Private notes only with --private."),
  cd_cli_export_clients,
};

typedef struct
{
  const char *output;
  const char *search;
  const char *sort;
  const char *columns;
  gboolean    descending;
  gboolean    with_private;
} Args;

static char *
default_output (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("clients-%s.xlsx", day);
}

static int
check_args (const Args *args, char **columns)
{
  g_autofree char *lower = g_ascii_strdown (args->output, -1);

  if (!g_str_has_suffix (lower, ".xlsx"))
    {
      g_autofree char *shown = cd_cli_display_path (args->output);
      return cd_cli_refuse (_("“%s” does not end in .xlsx: an Excel workbook is written."), shown);
    }
  if (args->sort != NULL && !cd_store_page_has_sort_key (CD_KIND_CLIENTS, args->sort))
    return cd_cli_refuse (_("Clients cannot be sorted by “%s”: use one of name, short-name, tier, "
                            "status, industry, region, owner, last-visit, next-visit-due, "
                            "open-projects, receivables."), args->sort);
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    if (!g_strv_contains (cd_clients_export_columns (), g_strstrip (columns[i])))
      return cd_cli_refuse (_("“%s” is not a column of the client list."), columns[i]);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_export_clients (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *shown = NULL;
  g_auto (GStrv) columns = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdPageQuery) query = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rest = NULL;
  Args args = { 0 };
  int status;
  const CdCliOption options[] = {
    { "output", 'o', TRUE, &args.output },
    { "search", 0, TRUE, &args.search },
    { "sort", 0, TRUE, &args.sort },
    { "columns", 0, TRUE, &args.columns },
    { "descending", 0, FALSE, &args.descending },
    { "private", 0, FALSE, &args.with_private },
  };

  if (!cd_cli_parse_args (cli, &clients_command, options, G_N_ELEMENTS (options), argc, argv, 1,
                          1, &rest, &status))
    return status;
  output = args.output != NULL ? g_strdup (args.output) : default_output ();
  args.output = output;
  if (args.columns != NULL)
    columns = g_strsplit (args.columns, ",", -1);
  if ((status = check_args (&args, columns)) != CD_CLI_STATUS_DONE
      || (status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  query = cd_page_query_new (CD_KIND_CLIENTS, args.search, NULL, args.sort ? args.sort : "name",
                             args.descending);
  if (!cd_clients_export (store, query, (const char *const *) columns, args.with_private, output,
                          NULL, &error))
    return cd_cli_refuse_error (error);
  shown = cd_cli_display_path (output);
  printf (_("Wrote “%s”."), shown);
  printf ("\n");
  return CD_CLI_STATUS_DONE;
}
