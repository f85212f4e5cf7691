/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Supply documents on the command line:
 *   render acceptance NUMBER -o FILE.pdf       交货验收单 / 出品检查表
 *   render pickup-slip NUMBER -o FILE.pdf      客户提货单
 *   render supplier-order NUMBER -o FILE.pdf   供应商业务单
 * An unknown number or an unwritable file is refused with one line
 * (status 1) and nothing written. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/cd-cli-render-supply.h"
#include "reports/cd-supply-pdf.h"

/* NUMBER and -o FILE.pdf, both required; refused (1) unless FILE ends in .pdf. */
static gboolean
parse_args (CdCli *cli, const CdCliCommand *command, int argc, char **argv,
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

/* Finds document NUMBER of @doc and renders it. */
static int
render (CdCli *cli, const CdCliCommand *command, int argc, char **argv, CdSupplyDoc doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  const char *number, *output;
  gint64 id = 0;
  int status;

  if (!parse_args (cli, command, argc, argv, &number, &output, &status))
    return status;
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  switch (doc)
    {
    case CD_SUPPLY_DOC_ACCEPTANCE:
      {
        g_autoptr (CdAcceptance) a = cd_store_acceptance_find (store, number, &error);
        id = a ? a->id : 0;
      }
      break;
    case CD_SUPPLY_DOC_PICKUP_SLIP:
      {
        g_autoptr (CdPickupSlip) slip = cd_store_pickup_slip_find (store, number, &error);
        id = slip ? slip->id : 0;
      }
      break;
    case CD_SUPPLY_DOC_SUPPLIER_ORDER:
    default:
      {
        g_autoptr (CdSupplierOrder) o = cd_store_supplier_order_find (store, number, &error);
        id = o ? o->id : 0;
      }
      break;
    }
  if (id == 0 || !cd_supply_pdf_render (store, doc, id, output, &error))
    return cd_cli_refuse_error (error);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_render_acceptance (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return render (cli, command, argc, argv, CD_SUPPLY_DOC_ACCEPTANCE);
}

int
cd_cli_render_pickup_slip (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return render (cli, command, argc, argv, CD_SUPPLY_DOC_PICKUP_SLIP);
}

int
cd_cli_render_supplier_order (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return render (cli, command, argc, argv, CD_SUPPLY_DOC_SUPPLIER_ORDER);
}
