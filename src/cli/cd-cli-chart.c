/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The directors' charts on the command line:
 *   render chart NAME --from YYYY-MM --to YYYY-MM -o FILE.png|.svg|.pdf
 *   export director-pack --from YYYY-MM --to YYYY-MM -o FILE.xlsx
 * and the `render` / `export` commands that lead to them: each kind of
 * thing to render or export is one row of a table below. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-chart.h"
#include "cli/cd-cli-export.h"
#include "cli/cd-cli-export-clients.h"
#include "cli/cd-cli-meetings.h"
#include "cli/cd-cli-private.h"
#include "cli/cd-cli-render.h"
#include "cli/cd-cli-render-supply.h"
#include "reports/cd-chart-export.h"
#include "reports/cd-director-pack.h"
#include "reports/cd-insight-chart.h"

/* What the chart commands read from the command line. */
typedef struct
{
  const char *from;
  const char *to;
  const char *output;
  const char *am;
  gboolean    dark;
} ChartArgs;

typedef int (*SubHandler) (CdCli              *cli,
                           const CdCliCommand *command,
                           int                 argc,
                           char              **argv);

typedef struct
{
  const char *name;
  SubHandler  handler;
} SubCommand;

/* Other kinds join these tables, one row each (quote, contract…;
 * supplier-sheet, work-orders…): a handler gets argv[0] = the command,
 * argv[1] = the kind. */
static const SubCommand render_kinds[] = {
  { "chart", cd_cli_render_chart },
  { "quote", cd_cli_render_quote },
  { "contract", cd_cli_render_contract },
  { "acceptance", cd_cli_render_acceptance },
  { "pickup-slip", cd_cli_render_pickup_slip },
  { "supplier-order", cd_cli_render_supplier_order },
  { "meeting-notice", cd_cli_render_meeting_notice },
};

static const SubCommand export_kinds[] = {
  { "director-pack", cd_cli_export_director_pack },
  { "supplier-sheet", cd_cli_export_supplier_sheet },
  { "work-orders", cd_cli_export_work_orders },
  { "clients", cd_cli_export_clients },
  { "calendar", cd_cli_export_calendar },
};

static int
dispatch (CdCli *cli, const CdCliCommand *command, const SubCommand *kinds, guint n_kinds,
          int argc, char **argv)
{
  if (argc < 2 || argv[1][0] == '-')
    {
      if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
        {
          printf (_("Usage: %s [--db PATH] %s"), CD_CLI_PROGRAM, command->synopsis);
          printf ("\n\n  %s\n", _(command->summary));
          return CD_CLI_STATUS_DONE;
        }
      return cd_cli_usage (command, _("Say what to %s."), command->name);
    }
  for (guint i = 0; i < n_kinds; i++)
    if (strcmp (kinds[i].name, argv[1]) == 0)
      return kinds[i].handler (cli, command, argc, argv);
  return cd_cli_usage (command, _("“%s” is not something this command knows."), argv[1]);
}

static gboolean
parse_chart_args (CdCli *cli, const CdCliCommand *command, int argc, char **argv, guint n_args,
                  ChartArgs *out, GPtrArray **out_args, int *out_status)
{
  const CdCliOption options[] = {
    { "from", 0, TRUE, &out->from },
    { "to", 0, TRUE, &out->to },
    { "output", 'o', TRUE, &out->output },
    { "am", 0, TRUE, &out->am },
    { "dark", 0, FALSE, &out->dark },
  };

  memset (out, 0, sizeof *out);
  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options), argc, argv, n_args,
                          n_args, out_args, out_status))
    return FALSE;
  if (out->from == NULL || out->to == NULL || out->output == NULL)
    {
      *out_status = cd_cli_usage (command, _("--from, --to and -o are all needed."));
      return FALSE;
    }
  return TRUE;
}

/* The period and the account manager: refused (status 1) when wrong. */
static int
check_query (const ChartArgs *args, CdInsightQuery *query)
{
  g_autoptr (GError) error = NULL;
  int year, month, status;
  guint64 am = 0;

  if ((status = cd_cli_check_month (args->from, &year, &month)) != CD_CLI_STATUS_DONE
      || (status = cd_cli_check_month (args->to, &year, &month)) != CD_CLI_STATUS_DONE)
    return status;
  if (!cd_insight_query_init (query, args->from, args->to, &error))
    return cd_cli_refuse_error (error);
  if (args->am != NULL && !g_ascii_string_to_unsigned (args->am, 10, 1, G_MAXINT64, &am, NULL))
    return cd_cli_refuse (_("“%s” is not a staff id: use the number of an account manager."),
                          args->am);
  query->am_id = (gint64) am;
  return CD_CLI_STATUS_DONE;
}

static int
refuse_output (const char *output, const char *extension)
{
  g_autofree char *shown = cd_cli_display_path (output);

  return cd_cli_refuse (_("“%s” does not end in %s: name the file so."), shown, extension);
}

int
cd_cli_render_chart (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdChart) chart = NULL;
  CdChartExportOptions options = { 0 };
  CdInsightQuery query;
  CdChartFormat format;
  ChartArgs chart_args;
  CdInsight insight;
  const char *name;
  int status;

  if (!parse_chart_args (cli, command, argc, argv, 2, &chart_args, &args, &status))
    return status;
  name = g_ptr_array_index (args, 1);
  if (!cd_insight_from_string (name, &insight))
    return cd_cli_refuse (_("“%s” is not a chart: use revenue, pipeline, projects-by-status, "
                            "supplier-spend, supplier-quality, workload, client-growth or "
                            "receivables-aging."), name);
  if ((status = check_query (&chart_args, &query)) != CD_CLI_STATUS_DONE)
    return status;
  if (!cd_chart_format_from_path (chart_args.output, &format, NULL))
    return refuse_output (chart_args.output, ".png, .svg or .pdf");
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  chart = cd_insight_chart_load (store, insight, &query, &error);
  if (chart == NULL)
    return cd_cli_refuse_error (error);
  options.dark = chart_args.dark;
  options.labels = cd_chart_locale_prefers_cjk () ? CD_CHART_LABEL_CJK : CD_CHART_LABEL_DEFAULT;
  if (!cd_chart_export (chart, chart_args.output, format, &options, &error))
    return cd_cli_refuse_error (error);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_export_director_pack (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autofree char *lower = NULL;
  CdInsightQuery query;
  ChartArgs chart_args;
  int status;

  if (!parse_chart_args (cli, command, argc, argv, 1, &chart_args, &args, &status))
    return status;
  if ((status = check_query (&chart_args, &query)) != CD_CLI_STATUS_DONE)
    return status;
  lower = g_ascii_strdown (chart_args.output, -1);
  if (!g_str_has_suffix (lower, ".xlsx"))
    return refuse_output (chart_args.output, ".xlsx");
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  if (!cd_director_pack_export (store, &query, chart_args.output, NULL, &error))
    return cd_cli_refuse_error (error);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_cmd_render (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return dispatch (cli, command, render_kinds, G_N_ELEMENTS (render_kinds), argc, argv);
}

int
cd_cli_cmd_export (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  return dispatch (cli, command, export_kinds, G_N_ELEMENTS (export_kinds), argc, argv);
}
