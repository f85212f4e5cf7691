/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings on the command line:
 *   render meeting-notice NUMBER -o FILE.pdf    the notice on the letterhead
 *   render meeting-notice NUMBER --text         the notice to paste, on stdout
 * and the rows of `list meetings`. Exit 0 done; 1 refused (unknown meeting,
 * a file not named .pdf, unwritable path) with one line and no file; 2
 * usage. */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli-meetings.h"
#include "reports/cd-meeting-notice.h"
#include "store/cd-store-meetings.h"

static gboolean
parse_notice_args (CdCli *cli, const CdCliCommand *command, int argc, char **argv,
                   const char **out_number, const char **out_output, gboolean *out_text,
                   int *out_status)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autofree char *lower = NULL;
  const CdCliOption options[] = {
    { "output", 'o', TRUE, out_output },
    { "text", 0, FALSE, out_text },
  };

  *out_output = NULL;
  *out_text = FALSE;
  if (!cd_cli_parse_args (cli, command, options, G_N_ELEMENTS (options), argc, argv, 2, 2, &args,
                          out_status))
    return FALSE;
  if ((*out_output == NULL) == !*out_text)
    {
      *out_status = cd_cli_usage (command, _("Give either -o FILE.pdf or --text."));
      return FALSE;
    }
  *out_number = g_ptr_array_index (args, 1);
  if (*out_output == NULL)
    return TRUE;
  lower = g_ascii_strdown (*out_output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *shown = cd_cli_display_path (*out_output);

      *out_status = cd_cli_refuse (_("“%s” does not end in .pdf: name the file so."), shown);
      return FALSE;
    }
  return TRUE;
}

int
cd_cli_render_meeting_notice (CdCli *cli, const CdCliCommand *command, int argc, char **argv)
{
  static const CdCliCommand own = {
    "render", "render meeting-notice NUMBER -o FILE.pdf | --text",
    N_("Draw a meeting’s notice to the client as PDF on the letterhead, or print it as text."),
    cd_cli_render_meeting_notice
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autofree char *text = NULL;
  const char *number, *output;
  gboolean as_text;
  gint64 id;
  int status;

  if (!parse_notice_args (cli, &own, argc, argv, &number, &output, &as_text, &status))
    return status;
  if ((status = cd_cli_open_existing (cli, &store)) != CD_CLI_STATUS_DONE)
    return status;
  id = cd_store_meeting_find (store, number, &error);
  if (id <= 0)
    return cd_cli_refuse_error (error);
  if (!as_text)
    return cd_meeting_notice_render_pdf (store, id, output, &error) ? CD_CLI_STATUS_DONE
                                                                    : cd_cli_refuse_error (error);
  text = cd_meeting_notice_text_for (store, id, &error);
  if (text == NULL)
    return cd_cli_refuse_error (error);
  fputs (text, stdout);
  return CD_CLI_STATUS_DONE;
}

static gboolean
matches (GVariant *row, const char *search)
{
  static const char *const keys[] = { "number", "title", "client_name", "project_name", "place" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = NULL;

      if (g_variant_lookup (row, keys[i], "&s", &value) && strstr (value, search) != NULL)
        return TRUE;
    }
  return FALSE;
}

GVariant *
cd_cli_meetings_rows (CdStore *store, const char *month, const char *search, GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr (GVariant) rows = NULL;
  GVariantBuilder kept;
  GVariantIter iter;
  GVariant *row;

  /* The caller checked @month (cd_cli_check_month ()). */
  if (month != NULL)
    {
      int year = atoi (month), m = atoi (month + 5);

      from = g_strdup_printf ("%s-01", month);
      to = g_strdup_printf ("%s-%02d", month, g_date_get_days_in_month (m, year));
    }
  else
    {
      from = g_strdup ("1900-01-01");
      to = g_strdup ("2999-12-31");
    }
  rows = cd_store_meetings_list (store, from, to, 0, error);
  if (rows == NULL)
    return NULL;
  if (search == NULL || search[0] == '\0')
    return g_steal_pointer (&rows);
  g_variant_builder_init (&kept, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      if (matches (row, search))
        g_variant_builder_add_value (&kept, row);
      g_variant_unref (row);
    }
  return g_variant_ref_sink (g_variant_builder_end (&kept));
}
