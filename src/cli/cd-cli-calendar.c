/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's calendar as an iCalendar file:
 *   export calendar --from YYYY-MM-DD --to YYYY-MM-DD [--staff NAME] -o FILE.ics
 * Planned and logged visits, meetings, work orders due, deliveries and
 * installments due, as the Calendar view shows them. Exit 0 written; 1
 * refused (a date that is not one, a reversed or too long period, an
 * unknown person, a file not named .ics) with one line and no file; 2
 * usage. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-meetings.h"
#include "reports/cd-calendar-export.h"
#include "store/cd-store-projects.h"

/* A year and a bit: a calendar file, not an archive. */
#define MAX_DAYS 400

typedef struct
{
  const char *from;
  const char *to;
  const char *staff;
  const char *output;
} CalendarArgs;

static gboolean
parse_day (const char *text, GDate *out)
{
  g_date_clear (out, 1);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (!g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text)))
    return FALSE;
  g_date_set_dmy (out, atoi (text + 8), atoi (text + 5), atoi (text));
  return TRUE;
}

static int
check_period (const CalendarArgs *args)
{
  GDate from, to;

  if (!parse_day (args->from, &from))
    return cd_cli_refuse (_("“%s” is not a day: use YYYY-MM-DD, such as 2026-11-30."), args->from);
  if (!parse_day (args->to, &to))
    return cd_cli_refuse (_("“%s” is not a day: use YYYY-MM-DD, such as 2026-11-30."), args->to);
  if (g_date_compare (&from, &to) > 0)
    return cd_cli_refuse (_("--from %s is after --to %s."), args->from, args->to);
  if (g_date_days_between (&from, &to) >= MAX_DAYS)
    return cd_cli_refuse (_("The period is longer than %d days: export it in parts."), MAX_DAYS);
  return CD_CLI_STATUS_DONE;
}

/* The staff member called @name, among account and other staff. */
static int
find_staff (CdStore *store, const char *name, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  guint found = 0;

  *out_id = 0;
  for (int account = 0; account < 2; account++)
    {
      g_autoptr (GVariant) staff = cd_store_staff_for (store, account, &error);
      GVariantIter iter;
      GVariant *row;

      if (staff == NULL)
        return cd_cli_refuse_error (error);
      g_variant_iter_init (&iter, staff);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          const char *row_name = NULL;
          gint64 id = 0;

          g_variant_lookup (row, "name", "&s", &row_name);
          g_variant_lookup (row, "id", "x", &id);
          if (g_strcmp0 (row_name, name) == 0 && id != *out_id)
            {
              *out_id = id;
              found++;
            }
          g_variant_unref (row);
        }
    }
  if (found == 0)
    return cd_cli_refuse (_("No staff member is called “%s”."), name);
  if (found > 1)
    return cd_cli_refuse (_("More than one staff member is called “%s”."), name);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_export_calendar (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  static const CdCliCommand own = {
    "export", "export calendar --from YYYY-MM-DD --to YYYY-MM-DD [--staff NAME] -o FILE.ics",
    N_("Write the calendar of a period, one person’s or everyone’s, as an iCalendar file."),
    cd_cli_export_calendar
  };
  CalendarArgs args = { NULL };
  const CdCliOption options[] = {
    { "from", 0, TRUE, &args.from },
    { "to", 0, TRUE, &args.to },
    { "staff", 0, TRUE, &args.staff },
    { "output", 'o', TRUE, &args.output },
  };
  g_autoptr (GPtrArray) rest = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *shown = NULL;
  gint64 staff_id = 0;
  int status;

  if (!cd_cli_parse_args (cli, &own, options, G_N_ELEMENTS (options), argc, argv, 1, 1, &rest,
                          &status))
    return status;
  if (args.from == NULL || args.to == NULL || args.output == NULL)
    return cd_cli_usage (&own, _("--from, --to and -o are all needed."));
  if ((status = check_period (&args)) != CD_CLI_STATUS_DONE)
    return status;
  lower = g_ascii_strdown (args.output, -1);
  shown = cd_cli_display_path (args.output);
  if (!g_str_has_suffix (lower, ".ics"))
    return cd_cli_refuse (_("“%s” does not end in .ics: name the file so."), shown);
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  if (args.staff != NULL && (status = find_staff (store, args.staff, &staff_id)) != CD_CLI_STATUS_DONE)
    return status;
  if (!cd_calendar_export (store, args.from, args.to, staff_id, args.staff, args.output, &error))
    return cd_cli_refuse_error (error);
  printf (_("Wrote “%s”."), shown);
  printf ("\n");
  return CD_CLI_STATUS_DONE;
}
