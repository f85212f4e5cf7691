/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents on the command line:
 *   render quote NUMBER[/vN] -o FILE.pdf
 *   render contract NUMBER -o FILE.pdf
 * A quote NUMBER names every version of the quote: without a suffix the
 * latest version is drawn (the one the client has, or is about to have);
 * "QT202603-0001/v2" draws version 2, the way the PDF itself names the
 * version it shows. A contract NUMBER is a contract's or an amendment's. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-render.h"
#include "reports/cd-contract-pdf.h"
#include "reports/cd-quote-pdf.h"

/* NUMBER and -o FILE.pdf, both required; refused (1) unless FILE ends in .pdf. */
static gboolean
parse_render_args (CdCli *cli, const CdCliCommand *command, int argc, char **argv,
                   const char **out_number, const char **out_output, int *out_status)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autofree char *lower = NULL;
  const char *output = NULL;
  const CdCliOption options[] = { { "output", 'o', TRUE, &output } };

  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options), argc, argv, 2, 2, &args,
                          out_status))
    return FALSE;
  if (output == NULL)
    {
      *out_status = cd_cli_usage (command, _("-o FILE.pdf is needed."));
      return FALSE;
    }
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *shown = cd_cli_display_path (output);
      *out_status = cd_cli_refuse (_("“%s” does not end in .pdf: name the file so."), shown);
      return FALSE;
    }
  *out_number = g_ptr_array_index (args, 1);
  *out_output = output;
  return TRUE;
}

/* "QT…/v2" → "QT…", 2; "QT…" → "QT…", 0 (the latest). FALSE for a bad suffix. */
static gboolean
split_version (const char *text, char **out_number, int *out_version)
{
  const char *slash = strrchr (text, '/');
  guint64 version = 0;

  *out_version = 0;
  if (slash == NULL)
    {
      *out_number = g_strdup (text);
      return TRUE;
    }
  if ((slash[1] != 'v' && slash[1] != 'V')
      || !g_ascii_string_to_unsigned (slash + 2, 10, 1, G_MAXINT, &version, NULL))
    return FALSE;
  *out_number = g_strndup (text, slash - text);
  *out_version = (int) version;
  return TRUE;
}

int
cd_cli_render_quote (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdQuote) quote = NULL;
  g_autofree char *number = NULL;
  const char *text, *output;
  int status, version;

  if (!parse_render_args (cli, command, argc, argv, &text, &output, &status))
    return status;
  if (!split_version (text, &number, &version))
    return cd_cli_refuse (_("“%s” is not a quote number: write it as NUMBER or NUMBER/vN, "
                            "such as QT202603-0001/v2."), text);
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  quote = cd_store_quote_find (store, number, version, &error);
  if (quote == NULL || !cd_quote_pdf_render (store, quote->id, output, &error))
    return cd_cli_refuse_error (error);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_render_contract (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdContract) contract = NULL;
  const char *number, *output;
  int status;

  if (!parse_render_args (cli, command, argc, argv, &number, &output, &status))
    return status;
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  contract = cd_store_contract_find (store, number, &error);
  if (contract == NULL || !cd_contract_pdf_render (store, contract->id, output, &error))
    return cd_cli_refuse_error (error);
  return CD_CLI_STATUS_DONE;
}
