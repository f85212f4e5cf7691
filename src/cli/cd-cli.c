/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command table and what comes before a command: --db, --version,
 * --help. Each command is one handler in its own file. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-private.h"
#include "cli/cd-cli-chart.h"

/* In the order of DESIGN.md §7; `export` and `render` join here. */
static const CdCliCommand commands[] = {
  { "init", "init",
    N_("Create an empty database; an existing ClientDesk database is left as it is."),
    cd_cli_cmd_init },
  { "demo", "demo [--scale small|large] [--seed N]",
    N_("Fill an empty database with a generated agency (default: small, seed 1)."),
    cd_cli_cmd_demo },
  { "check", "check",
    N_("Check the file’s integrity and the domain rules; prints “ok” or one problem per line."),
    cd_cli_cmd_check },
  { "import", "import clients|suppliers FILE.csv [--dry-run]",
    N_("Import a CSV file, all of it or nothing; --dry-run only reports."),
    cd_cli_cmd_import },
  { "export", "export director-pack --from YYYY-MM --to YYYY-MM -o FILE.xlsx",
    N_("Write a workbook: director-pack has every chart of the period, each with its table."),
    cd_cli_cmd_export },
  /* Same command, listed once per month-end kind for --help. */
  { "export", "export supplier-sheet --month YYYY-MM -o FILE.xlsx",
    N_("Write the month’s supplier sheet for the cashier."), cd_cli_cmd_export },
  { "export", "export work-orders --month YYYY-MM -o FILE.xlsx",
    N_("Write the month’s work-order summary for HR."), cd_cli_cmd_export },
  { "export", "export clients [-o FILE.xlsx]",
    N_("Write the client list as the Clients view shows it (default clients-YYYY-MM-DD.xlsx)."),
    cd_cli_cmd_export },
  { "render", "render quote|contract|acceptance|pickup-slip|supplier-order NUMBER -o FILE.pdf",
    N_("Draw a document as PDF with the agency letterhead; a quote number draws its latest "
       "version unless it ends in /vN."),
    cd_cli_cmd_render },
  { "render", "render chart NAME --from YYYY-MM --to YYYY-MM -o FILE.png|.svg|.pdf",
    N_("Draw a chart (revenue, pipeline, projects-by-status, supplier-spend, supplier-quality, "
       "workload, client-growth, receivables-aging) as PNG, SVG or PDF."),
    cd_cli_cmd_render },
  { "render", "render meeting-notice NUMBER -o FILE.pdf | --text",
    N_("Draw a meeting’s notice to the client as PDF on the letterhead, or print it as text."),
    cd_cli_cmd_render },
  { "export", "export calendar --from YYYY-MM-DD --to YYYY-MM-DD [--staff NAME] -o FILE.ics",
    N_("Write the calendar of a period, one person’s or everyone’s, as an iCalendar file."),
    cd_cli_cmd_export },
  { "list", "list KIND [--month YYYY-MM] [--search TEXT] [--category CODE] [--status CODE] --json",
    N_("Print one JSON array of KIND: clients, projects, work-orders, quotes, contracts, "
       "suppliers, supplier-orders, acceptances, pickup-slips or meetings; suppliers can be "
       "narrowed to one --category (print, large_format, led, gifts, fabrication, other) and "
       "one --status (active, suspended)."),
    cd_cli_cmd_list },
  { "backup", "backup -o FILE",
    N_("Copy the database to FILE, checked."),
    cd_cli_cmd_backup },
  { "restore", "restore FILE",
    N_("Replace the database with the backup FILE, keeping the current one as a dated copy."),
    cd_cli_cmd_restore },
  { "money", "money words AMOUNT",
    N_("Write AMOUNT in Chinese capitals, such as 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分."),
    cd_cli_cmd_money },
  { "deadline", "deadline --month YYYY-MM --day N",
    N_("Print the due date: day N of the month, moved past weekends and public holidays."),
    cd_cli_cmd_deadline },
};

static const CdCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_help (void)
{
  printf (_("Usage: %s [--db PATH] COMMAND …"), CD_CLI_PROGRAM);
  printf ("\n\n");
  printf ("%s\n", _("The database is PATH, else $CLIENTDESK_DB, else "
                    "$XDG_DATA_HOME/clientdesk/clientdesk.db."));
  printf ("%s\n\n", _("Exit status: 0 done, 1 refused (the reason is on stderr; nothing was "
                      "written), 2 usage error."));
  printf ("  %-54s %s\n", "--version", _("Print the version."));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %-54s %s\n", commands[i].synopsis, _(commands[i].summary));
}

/* Output goes through stdio buffers: a full disk or a closed pipe shows up
 * only here, and must not pass for success. */
static int
finish_output (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;

      if (status == CD_CLI_STATUS_DONE)
        return cd_cli_refuse (_("The output could not be written: %s."), g_strerror (saved));
    }
  return status;
}

/* Options before the command: --db, --version, --help. Returns the index
 * of the command, or -1 with *out_status set when the run ends here. */
static int
parse_global (CdCli  *cli,
              int     argc,
              char  **argv,
              int    *out_status)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--version") == 0)
        {
          printf ("%s %s\n", CD_CLI_PROGRAM, PACKAGE_VERSION);
          *out_status = CD_CLI_STATUS_DONE;
          return -1;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_help ();
          *out_status = CD_CLI_STATUS_DONE;
          return -1;
        }
      if (strcmp (arg, "--db") == 0 || g_str_has_prefix (arg, "--db="))
        {
          const char *value = arg[4] == '=' ? arg + 5 : (i + 1 < argc ? argv[++i] : NULL);

          if (value == NULL)
            {
              *out_status = cd_cli_usage (NULL, _("--db needs a value."));
              return -1;
            }
          g_free (cli->db_path);
          cli->db_path = g_strdup (value);
          continue;
        }
      if (arg[0] == '-')
        {
          *out_status = cd_cli_usage (NULL, _("“%s” is not an option."), arg);
          return -1;
        }
      return i;
    }

  *out_status = cd_cli_usage (NULL, _("No command was given."));
  return -1;
}

int
cd_cli_run (int    argc,
            char **argv)
{
  CdCli cli = { NULL, NULL };
  const CdCliCommand *command;
  int status = CD_CLI_STATUS_DONE;
  int first;

  g_return_val_if_fail (argc >= 1, CD_CLI_STATUS_USAGE);

  first = parse_global (&cli, argc, argv, &status);
  if (first >= 0)
    {
      command = find_command (argv[first]);
      if (command == NULL)
        status = cd_cli_usage (NULL, _("“%s” is not a command."), argv[first]);
      else
        status = command->handler (&cli, command, argc - first, argv + first);
    }

  g_free (cli.db_path);
  g_free (cli.default_path);
  return finish_output (status);
}
