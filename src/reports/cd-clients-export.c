/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client list as shown, to Excel. Rows are read in pages of ids, as
 * the view reads them, so 100,000 clients never sit in memory at once. */
#define G_LOG_DOMAIN "cd-reports"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "reports/cd-clients-export.h"
#include "reports/cd-xlsx.h"
#include "store/cd-store-clients.h"

#define BATCH 500

typedef struct
{
  const char *key;
  const char *field;
  const char *title;
  CdXlsxKind  kind;
} Column;

static const Column all_columns[] = {
  { "name", "name", N_("Name"), CD_XLSX_TEXT },
  { "short-name", "short_name", N_("Short name"), CD_XLSX_TEXT },
  { "tier", "tier", N_("Tier"), CD_XLSX_TEXT },
  { "status", "status", N_("Status"), CD_XLSX_TEXT },
  { "industry", "industry", N_("Industry"), CD_XLSX_TEXT },
  { "region", "region", N_("Region"), CD_XLSX_TEXT },
  { "owner", "owner", N_("Account manager"), CD_XLSX_TEXT },
  { "last-visit", "last_visit", N_("Last visit"), CD_XLSX_DATE },
  { "next-visit-due", "next_visit_due", N_("Next visit due"), CD_XLSX_DATE },
  { "open-projects", "open_projects", N_("Open projects"), CD_XLSX_INTEGER },
  { "receivables", "receivables_fen", N_("Receivables"), CD_XLSX_MONEY },
};

static const char *const column_keys[] = {
  "name", "short-name", "tier", "status", "industry", "region", "owner", "last-visit",
  "next-visit-due", "open-projects", "receivables", NULL,
};

const char *const *
cd_clients_export_columns (void)
{
  return column_keys;
}

static void
write_cell (CdXlsxSheet *sheet, guint col, const Column *c, GVariant *row)
{
  g_autoptr (GVariant) value = g_variant_lookup_value (row, c->field, NULL);

  if (value == NULL || g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
    return;  /* NULL in the database: an empty cell */
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      if (c->kind == CD_XLSX_MONEY)
        cd_xlsx_sheet_money (sheet, col, g_variant_get_int64 (value));
      else
        cd_xlsx_sheet_integer (sheet, col, g_variant_get_int64 (value));
      return;
    }
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return;
  if (c->kind == CD_XLSX_DATE)
    cd_xlsx_sheet_date (sheet, col, g_variant_get_string (value, NULL));
  else if (g_str_equal (c->key, "status"))
    cd_xlsx_sheet_text (sheet, col, cd_state_label ("client", g_variant_get_string (value, NULL)));
  else
    cd_xlsx_sheet_text (sheet, col, g_variant_get_string (value, NULL));
}

static gboolean
write_rows (CdStore *store, CdXlsxSheet *sheet, GArray *ids, GPtrArray *chosen,
            gboolean include_private, GCancellable *cancellable, GError **error)
{
  for (guint start = 0; start < ids->len; start += BATCH)
    {
      guint n = MIN (BATCH, ids->len - start);
      g_autoptr (GVariant) rows = NULL;
      GVariantIter iter;
      GVariant *row;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = cd_store_page_rows (store, CD_KIND_CLIENTS, &g_array_index (ids, gint64, start), n,
                                 error);
      if (rows == NULL)
        return FALSE;
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          g_autoptr (GVariant) owned = row;

          for (guint c = 0; c < chosen->len; c++)
            write_cell (sheet, c, chosen->pdata[c], row);
          if (include_private)
            {
              gint64 id = 0;
              g_autoptr (GVariant) client = NULL;
              const char *notes = NULL;

              g_variant_lookup (row, "id", "x", &id);
              client = cd_store_client_get (store, id, NULL);
              if (client != NULL && g_variant_lookup (client, "private_notes", "&s", &notes))
                cd_xlsx_sheet_text (sheet, chosen->len, notes);
            }
          if (!cd_xlsx_sheet_end_row (sheet, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * cd_clients_export:
 * @query: the list's search, filters and sort (kind clients)
 * @columns: (nullable): column keys to write, in order; NULL: all
 * @include_private: add the private notes column (never by default)
 *
 * Writes @path through a temporary file: a failure leaves nothing.
 */
gboolean
cd_clients_export (CdStore *store, const CdPageQuery *query, const char *const *columns,
                   gboolean include_private, const char *path, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr (GArray) ids = NULL;
  g_autofree CdXlsxColumn *heads = NULL;
  CdXlsxSheet *sheet;
  CdXlsx *xlsx;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL && query->kind == CD_KIND_CLIENTS, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (all_columns); i++)
    if (columns == NULL || g_strv_contains (columns, all_columns[i].key))
      g_ptr_array_add (chosen, (gpointer) &all_columns[i]);
  if (chosen->len == 0)
    g_ptr_array_add (chosen, (gpointer) &all_columns[0]);
  heads = g_new0 (CdXlsxColumn, chosen->len + 1);
  for (guint i = 0; i < chosen->len; i++)
    {
      const Column *c = chosen->pdata[i];
      heads[i] = (CdXlsxColumn) { _(c->title), c->kind };
    }
  heads[chosen->len] = (CdXlsxColumn) { _("Private notes"), CD_XLSX_TEXT };

  ids = cd_store_page_ids (store, query, cancellable, error);
  if (ids == NULL || (xlsx = cd_xlsx_open (path, error)) == NULL)
    return FALSE;
  sheet = cd_xlsx_add_sheet (xlsx, _("Clients"), heads, chosen->len + (include_private ? 1 : 0),
                             ids->len, error);
  ok = sheet != NULL
       && write_rows (store, sheet, ids, chosen, include_private, cancellable, error)
       && cd_xlsx_finish (xlsx, error);
  cd_xlsx_free (xlsx);
  return ok;
}
