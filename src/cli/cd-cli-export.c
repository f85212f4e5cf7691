/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The month-end workbooks on the command line, for finance's scripts: the
 * supplier sheet (cashier, by the 5th) and the work-order summary (HR, by
 * the 3rd). Exit 0 written; 1 refused (bad month, unwritable path, failed
 * export) with one line and no file left; 2 usage. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-export.h"
#include "reports/cd-supplier-sheet.h"
#include "reports/cd-work-order-summary.h"

typedef enum
{
  EXPORT_SUPPLIER_SHEET,
  EXPORT_WORK_ORDERS,
} ExportKind;

typedef struct
{
  const char *month;
  const char *output;
} ExportArgs;

/* The kinds' own lines, for their usage errors and --help. */
static const CdCliCommand kind_commands[] = {
  [EXPORT_SUPPLIER_SHEET] = { "export", "export supplier-sheet --month YYYY-MM -o FILE.xlsx",
                              N_("Write the month’s supplier sheet for the cashier: orders "
                                 "accepted in the month, what is payable, deliveries not payable "
                                 "yet and the pickup slips."),
                              cd_cli_export_supplier_sheet },
  [EXPORT_WORK_ORDERS] = { "export", "export work-orders --month YYYY-MM -o FILE.xlsx",
                           N_("Write the month’s work-order summary for HR: per person issued, "
                              "done, on time, revision rounds and hours, and every work order."),
                           cd_cli_export_work_orders },
};

static gboolean
parse_export_args (CdCli *cli, const CdCliCommand *command, int argc, char **argv,
                   ExportArgs *out, int *out_status)
{
  g_autoptr (GPtrArray) args = NULL;
  const CdCliOption options[] = {
    { "month", 0, TRUE, &out->month },
    { "output", 'o', TRUE, &out->output },
  };

  memset (out, 0, sizeof *out);
  /* argv[0] is "export", argv[1] the kind: the one argument allowed. */
  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options), argc, argv, 1, 1,
                          &args, out_status))
    return FALSE;
  if (out->month == NULL || out->output == NULL)
    {
      *out_status = cd_cli_usage (command, _("Both --month YYYY-MM and -o FILE.xlsx are needed."));
      return FALSE;
    }
  return TRUE;
}

static int
check_output (const char *output)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);
  g_autofree char *shown = cd_cli_display_path (output);

  if (!g_str_has_suffix (lower, ".xlsx"))
    return cd_cli_refuse (_("“%s” does not end in .xlsx: an Excel workbook is written."), shown);
  return CD_CLI_STATUS_DONE;
}

static int
run_export (CdCli *cli, int argc, char **argv, ExportKind kind)
{
  const CdCliCommand *command = &kind_commands[kind];
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
  ExportArgs args;
  int year, month, status;
  gboolean ok;

  if (!parse_export_args (cli, command, argc, argv, &args, &status))
    return status;
  if ((status = cd_cli_check_month (args.month, &year, &month)) != CD_CLI_STATUS_DONE
      || (status = check_output (args.output)) != CD_CLI_STATUS_DONE
      || (status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  if (kind == EXPORT_SUPPLIER_SHEET)
    ok = cd_supplier_sheet_export (store, args.month, args.output,
                                   cd_supplier_sheet_default_flags (store), NULL, NULL, NULL,
                                   &error);
  else
    ok = cd_work_order_summary_export (store, args.month, args.output, NULL, NULL, NULL,
                                       &error);
  if (!ok)
    return cd_cli_refuse_error (error);

  shown = cd_cli_display_path (args.output);
  printf (_("Wrote “%s”."), shown);
  printf ("\n");
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_export_supplier_sheet (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return run_export (cli, argc, argv, EXPORT_SUPPLIER_SHEET);
}

int
cd_cli_export_work_orders (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return run_export (cli, argc, argv, EXPORT_WORK_ORDERS);
}
