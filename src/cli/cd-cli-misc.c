/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands that need no records: money words, deadline. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-private.h"
#include "core/cd-holidays.h"
#include "core/cd-money.h"
#include "store/cd-context.h"
#include "store/cd-store-today.h"

int
cd_cli_cmd_money (CdCli              *cli,
                  const CdCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  const char *amount;
  gint64 fen = 0;
  int status;

  if (!cd_cli_parse_args (cli, command, NULL, 0, argc, argv, 2, 2, &args, &status))
    return status;
  if (strcmp (g_ptr_array_index (args, 0), "words") != 0)
    return cd_cli_usage (command, _("“%s” is not a money command: use “money words AMOUNT”."),
                         (const char *) g_ptr_array_index (args, 0));

  amount = g_ptr_array_index (args, 1);
  if (!g_utf8_validate (amount, -1, NULL))
    return cd_cli_refuse (_("The amount is not valid UTF-8 text."));
  if (!cd_money_parse (amount, CD_MONEY_PARSE_DEFAULT, &fen, &error))
    return cd_cli_refuse_error (error);

  words = cd_money_to_words (fen);
  printf ("%s\n", words);
  return CD_CLI_STATUS_DONE;
}

static int
check_day (const char *text,
           int        *out_day)
{
  guint64 day;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 31, &day, NULL))
    return cd_cli_refuse (_("“%s” is not a day of the month: use a number from 1 to 31."),
                          text);
  *out_day = (int) day;
  return CD_CLI_STATUS_DONE;
}

/* The calendar in force: the database's (it may hold an imported one), or
 * the bundled one when there is no database yet: a due date must not need,
 * or create, a file. */
static int
load_calendar (CdCli              *cli,
               CdHolidayCalendar **out_calendar)
{
  const char *path = cd_cli_get_db_path (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = NULL;
  g_autoptr(CdContext) context = NULL;
  CdHolidayCalendar *calendar;
  int status;

  if (path == NULL || *path == '\0' || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *out_calendar = cd_holiday_calendar_new_default (&error);
      return *out_calendar ? CD_CLI_STATUS_DONE : cd_cli_refuse_error (error);
    }

  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  context = cd_context_new (store);
  /* Loaded on first use, from the database or else the bundled file. */
  calendar = cd_context_get_calendar (context);
  *out_calendar = cd_holiday_calendar_ref (calendar);
  return CD_CLI_STATUS_DONE;
}

/* The day of deadline rule @code from the database (issue 9): the rules
 * are data, edited in Preferences. A quarterly rule outside a quarter's
 * first month is refused: nothing of it is due then. */
static int
rule_day (CdCli      *cli,
          const char *code,
          int         month,
          int        *out_day)
{
  g_autoptr(CdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quarterly = FALSE;
  int status;

  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  if (!cd_store_deadline_rule (store, code, out_day, &quarterly, &error))
    return cd_cli_refuse_error (error);
  if (quarterly && (month - 1) % 3 != 0)
    /* Translators: %s is a deadline rule's code such as "archive-backup" */
    return cd_cli_refuse (_("“%s” is due only in January, April, July and October."), code);
  return CD_CLI_STATUS_DONE;
}

int
cd_cli_cmd_deadline (CdCli              *cli,
                     const CdCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  const char *month_text = NULL, *day_text = NULL, *rule_text = NULL;
  const CdCliOption options[] = {
    { "month", 0, TRUE, &month_text },
    { "day", 0, TRUE, &day_text },
    { "rule", 0, TRUE, &rule_text },
  };
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHolidayCalendar) calendar = NULL;
  GDate date;
  int year = 0, month = 0, day = 0, status;

  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options),
                          argc, argv, 0, 0, &args, &status))
    return status;
  if (day_text != NULL && rule_text != NULL)
    return cd_cli_usage (command, _("Give either --day or --rule, not both."));
  if (month_text == NULL || (day_text == NULL && rule_text == NULL))
    return cd_cli_usage (command, _("Both --month and --day are needed."));
  if ((status = cd_cli_check_month (month_text, &year, &month)) != CD_CLI_STATUS_DONE)
    return status;
  if (rule_text != NULL)
    status = rule_day (cli, rule_text, month, &day);
  else
    status = check_day (day_text, &day);
  if (status != CD_CLI_STATUS_DONE)
    return status;
  if ((status = load_calendar (cli, &calendar)) != CD_CLI_STATUS_DONE)
    return status;

  g_date_clear (&date, 1);
  if (!cd_deadline_for_month (calendar, year, month, day, &date, &error))
    return cd_cli_refuse_error (error);

  printf ("%04d-%02d-%02d\n", g_date_get_year (&date), g_date_get_month (&date),
          g_date_get_day (&date));
  return CD_CLI_STATUS_DONE;
}
