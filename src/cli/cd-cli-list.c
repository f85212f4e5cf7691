/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list KIND [--month YYYY-MM] [--search TEXT] [--category CODE]
 * [--status CODE] --json: one JSON array of objects on stdout, written row
 * by row. --category and --status are the supplier directory's filters. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/cd-cli-json.h"
#include "cli/cd-cli-meetings.h"
#include "cli/cd-cli-private.h"
#include "core/cd-states.h"
#include "store/cd-store-list.h"
#include "store/cd-store-suppliers.h"

/* Large enough for few write calls, small enough that a million rows never
 * sit in memory twice (once as GVariant, once as text). */
#define FLUSH_AT (64 * 1024)

static char *
kind_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (int kind = 0; kind < CD_N_KINDS; kind++)
    {
      if (kind > 0)
        g_string_append (names, ", ");
      g_string_append (names, cd_kind_to_string ((CdKind) kind));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
flush_buffer (GString *buffer)
{
  fwrite (buffer->str, 1, buffer->len, stdout);
  g_string_truncate (buffer, 0);
}

static void
write_rows (GVariant *rows)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  GVariantIter iter;
  GVariant *row;
  gboolean first = TRUE;

  g_string_append_c (buffer, '[');
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)))
    {
      g_string_append (buffer, first ? "\n" : ",\n");
      first = FALSE;
      cd_cli_json_append (buffer, row);
      g_variant_unref (row);
      if (buffer->len >= FLUSH_AT)
        flush_buffer (buffer);
    }
  g_string_append (buffer, first ? "]\n" : "\n]\n");
  flush_buffer (buffer);
}

static int
check_list_args (const CdCliCommand *command,
                 const char         *kind_name,
                 gboolean            json,
                 const char         *month,
                 const char         *search,
                 CdKind             *out_kind)
{
  int year = 0, month_number = 0, status;

  if (!cd_kind_from_string (kind_name, out_kind))
    {
      g_autofree char *names = kind_names ();

      /* Translators: %s is the list of kinds; meetings is the last one */
      return cd_cli_usage (command, _("“%s” is not a kind of list: use one of %s or meetings."),
                           kind_name, names);
    }
  if (!json)
    return cd_cli_usage (command, _("--json is required: JSON is the only output of list."));
  if (month != NULL
      && (status = cd_cli_check_month (month, &year, &month_number)) != CD_CLI_STATUS_DONE)
    return status;
  if (search != NULL && !g_utf8_validate (search, -1, NULL))
    return cd_cli_refuse (_("The search text is not valid UTF-8."));
  return CD_CLI_STATUS_DONE;
}

/* The supplier directory's filters: for suppliers only, and only known
 * codes, so that a typo is refused rather than read as an empty list. The
 * store checks the same, but only here can the message name the codes. */
static int
check_supplier_filters (const CdCliCommand *command,
                        const char         *kind_name,
                        const char         *category,
                        const char         *status)
{
  g_autofree char *codes = NULL;

  if (category == NULL && status == NULL)
    return CD_CLI_STATUS_DONE;
  if (!g_str_equal (kind_name, "suppliers"))
    return cd_cli_usage (command, _("--category and --status select suppliers: use them "
                                    "with list suppliers only."));
  if (category != NULL && !g_strv_contains (cd_supplier_categories (), category))
    {
      codes = g_strjoinv (", ", (char **) cd_supplier_categories ());
      /* Translators: %s is what was typed, then the codes, which stay as they are */
      return cd_cli_refuse (_("“%s” is not a supplier category: use one of %s."), category, codes);
    }
  if (status != NULL && cd_state_label ("supplier", status) == NULL)
    {
      codes = g_strjoinv (", ", (char **) cd_state_names ("supplier"));
      /* Translators: %s is what was typed, then the codes, which stay as they are */
      return cd_cli_refuse (_("“%s” is not a supplier status: use one of %s."), status, codes);
    }
  return CD_CLI_STATUS_DONE;
}

static GVariant *
read_rows (CdStore     *store,
           gboolean     meetings,
           CdKind       kind,
           const char  *month,
           const char  *search,
           const char  *category,
           const char  *status,
           GError     **error)
{
  if (meetings)
    return cd_cli_meetings_rows (store, month, search, error);
  if (category != NULL || status != NULL)
    return cd_store_list_suppliers (store, search, category, status, 0, 0, error);
  return cd_store_list (store, kind, month, search, 0, 0, error);
}

int
cd_cli_cmd_list (CdCli              *cli,
                 const CdCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  const char *month = NULL, *search = NULL, *category = NULL, *status_code = NULL;
  gboolean json = FALSE;
  const CdCliOption options[] = {
    { "month", 0, TRUE, &month },
    { "search", 0, TRUE, &search },
    { "category", 0, TRUE, &category },
    { "status", 0, TRUE, &status_code },
    { "json", 0, FALSE, &json },
  };
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = NULL;
  g_autoptr(GVariant) rows = NULL;
  CdKind kind;
  gboolean meetings;
  int status;

  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options),
                          argc, argv, 1, 1, &args, &status))
    return status;
  /* Meetings (issue 12) are not a CdKind: their rows come from the
   * meetings API, checked here the same way. */
  meetings = g_str_equal (g_ptr_array_index (args, 0), "meetings");
  status = check_list_args (command, meetings ? "clients" : g_ptr_array_index (args, 0), json,
                            month, search, &kind);
  if (status != CD_CLI_STATUS_DONE)
    return status;
  status = check_supplier_filters (command, g_ptr_array_index (args, 0), category, status_code);
  if (status != CD_CLI_STATUS_DONE)
    return status;
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;

  /* An empty search is no search, as in the window's search field. */
  if (search != NULL && *search == '\0')
    search = NULL;
  rows = read_rows (store, meetings, kind, month, search, category, status_code, &error);
  if (rows == NULL)
    return cd_cli_refuse_error (error);

  write_rows (rows);
  return CD_CLI_STATUS_DONE;
}
