/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote (报价单) as a PDF. */
#define G_LOG_DOMAIN "cd-reports"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "reports/cd-quote-pdf.h"

char *
cd_pdf_format_bp (gint64 bp)
{
  g_autofree char *text = NULL;
  char *end;

  if (bp % 100 == 0)
    return g_strdup_printf ("%" PRId64 "%%", bp / 100);
  text = g_strdup_printf ("%" PRId64 ".%02d", bp / 100, (int) ABS (bp % 100));
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  return g_strconcat (text, "%", NULL);
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static void
add_client_panel (CdPdf *pdf, const CdQuote *quote, const CdParty *client)
{
  g_autofree char *contact = NULL;
  g_autofree char *project = g_strdup_printf ("%s (%s)", or_empty (quote->project_name),
                                              or_empty (quote->project_number));
  const char *pairs[12];

  if (client->contact != NULL && client->phone != NULL)
    contact = g_strdup_printf ("%s  %s", client->contact, client->phone);
  else
    contact = g_strdup (client->contact ? client->contact : client->phone);
  pairs[0] = _("To");
  pairs[1] = client->name;
  pairs[2] = _("Project");
  pairs[3] = project;
  pairs[4] = _("Contact");
  pairs[5] = contact;
  pairs[6] = _("Valid until");
  pairs[7] = quote->valid_until;
  pairs[8] = _("Address");
  pairs[9] = client->address;
  pairs[10] = _("Tax ID");
  pairs[11] = client->invoice_tax_id;
  cd_pdf_fields (pdf, pairs, 6, 2);
}

static GPtrArray *
line_rows (const CdQuote *quote)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < quote->lines->len; i++)
    {
      const CdQuoteLine *line = g_ptr_array_index (quote->lines, i);
      char **cells = g_new0 (char *, 9);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (or_empty (line->item));
      cells[2] = g_strdup (or_empty (line->spec));
      cells[3] = cd_quantity_format (line->qty_milli);
      cells[4] = g_strdup (or_empty (line->unit));
      cells[5] = cd_money_format (line->unit_price_fen);
      cells[6] = line->discount_bp ? cd_pdf_format_bp (line->discount_bp) : g_strdup ("—");
      cells[7] = cd_money_format (line->amount_fen);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static gboolean
add_totals (CdPdf *pdf, const CdQuote *quote, GError **error)
{
  g_auto (CdQuoteTotals) totals = { 0 };
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *words = NULL;
  g_autofree char *capitals = NULL;

  if (!cd_quote_get_totals (quote, &totals, error))
    return FALSE;
  g_ptr_array_add (strings, g_strdup (_("Subtotal")));
  g_ptr_array_add (strings, cd_money_format (totals.subtotal_fen));
  for (guint i = 0; i < totals.rates->len; i++)
    {
      const CdTaxShare *share = &g_array_index (totals.rates, CdTaxShare, i);
      g_autofree char *rate = cd_pdf_format_bp (share->rate_bp);

      g_ptr_array_add (strings, g_strdup_printf (_("Tax at %s"), rate));
      g_ptr_array_add (strings, cd_money_format (share->tax_fen));
    }
  g_ptr_array_add (strings, g_strdup (_("Total")));
  g_ptr_array_add (strings, cd_money_format (totals.total_fen));
  cd_pdf_totals (pdf, (const char *const *) strings->pdata, strings->len / 2);

  words = cd_money_to_words (totals.total_fen);
  capitals = g_strdup_printf (_("RMB %s"), words ? words : "");
  cd_pdf_banner (pdf, _("Total in capitals"), capitals);
  return TRUE;
}

static void
add_terms (CdPdf *pdf, const CdQuote *quote)
{
  g_autofree char *valid = NULL;
  g_autofree char *terms = NULL;

  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Terms"));
  if (quote->valid_until != NULL)
    valid = g_strdup_printf (_("1. This quotation is valid until %s."), quote->valid_until);
  else
    valid = g_strdup (_("1. This quotation is valid for 30 days from its date."));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY, valid);
  terms = g_strdup_printf (_("2. Payment terms: %s"),
                           quote->payment_terms ? quote->payment_terms
                                                : _("as agreed in the contract."));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY, terms);
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY,
               _("3. Prices are in renminbi before tax; tax is computed per rate on the sum of the lines."));
  if (quote->notes != NULL)
    {
      g_autofree char *notes = g_strdup_printf (_("4. %s"), quote->notes);
      cd_pdf_text (pdf, CD_PDF_TEXT_BODY, notes);
    }
  cd_pdf_skip (pdf, 8);
}

gboolean
cd_quote_pdf_write (const CdQuote *quote, const CdParty *client, const CdLetterhead *letterhead,
                    const char *path, GError **error)
{
  const CdPdfColumn columns[] = {
    { _("No."), 0.5, FALSE }, { _("Item"), 1.9, FALSE }, { _("Specification"), 2.5, FALSE },
    { _("Qty"), 0.75, TRUE }, { _("Unit"), 0.6, FALSE }, { _("Unit price"), 1.25, TRUE },
    { _("Discount"), 0.95, TRUE }, { _("Amount"), 1.45, TRUE },
  };
  g_autofree char *number = g_strdup_printf ("%s/v%d", quote->number, quote->version);
  g_autofree char *agency_line = NULL;
  g_autoptr (GPtrArray) rows = line_rows (quote);
  g_autoptr (CdPdf) pdf = NULL;
  const char *agency = letterhead && letterhead->name ? letterhead->name : _("Service provider");
  const char *left[] = { _("Authorised signature:"), _("Date:"), NULL };
  const char *right[] = { _("Signature and company seal:"), _("Date:"), NULL };

  g_return_val_if_fail (quote != NULL && client != NULL && path != NULL, FALSE);

  pdf = cd_pdf_new (path, letterhead, _("Quotation"), number,
                    quote->sent_date ? quote->sent_date : quote->created_date, error);
  if (pdf == NULL)
    return FALSE;
  add_client_panel (pdf, quote, client);
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
  if (!add_totals (pdf, quote, error))
    return FALSE;
  add_terms (pdf, quote);
  agency_line = g_strdup_printf (_("Quoted by: %s"), agency);
  {
    g_autofree char *client_line = g_strdup_printf (_("Accepted by: %s"), client->name);
    cd_pdf_signatures (pdf, agency_line, left, client_line, right);
  }
  return cd_pdf_finish (pdf, error);
}

gboolean
cd_quote_pdf_render (CdStore *store, gint64 quote_id, const char *path, GError **error)
{
  g_autoptr (CdQuote) quote = cd_store_quote_get (store, quote_id, error);
  g_autoptr (CdParty) client = NULL;
  g_autoptr (CdLetterhead) letterhead = NULL;

  if (quote == NULL || (client = cd_store_client_party (store, quote->client_id, error)) == NULL)
    return FALSE;
  letterhead = cd_letterhead_load (store);
  return cd_quote_pdf_write (quote, client, letterhead, path, error);
}

typedef struct
{
  CdStore *store;
  gint64   id;
  char    *path;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *rd = data;

  g_object_unref (rd->store);
  g_free (rd->path);
  g_free (rd);
}

static void
render_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RenderData *rd = data;
  GError *error = NULL;

  if (cd_quote_pdf_render (rd->store, rd->id, rd->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_quote_pdf_render_async (CdStore *store, gint64 quote_id, const char *path,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *rd = g_new0 (RenderData, 1);

  rd->store = g_object_ref (store);
  rd->id = quote_id;
  rd->path = g_strdup (path);
  g_task_set_source_tag (task, cd_quote_pdf_render_async);
  g_task_set_task_data (task, rd, render_data_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
cd_quote_pdf_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
