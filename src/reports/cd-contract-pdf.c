/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contract (合同) or amendment (补充协议) as a PDF. */
#define G_LOG_DOMAIN "cd-reports"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "reports/cd-contract-pdf.h"
#include "reports/cd-quote-pdf.h"

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static char **
party_row (const char *label, const char *a, const char *b)
{
  char **row = g_new0 (char *, 4);

  row[0] = g_strdup (label);
  row[1] = g_strdup (or_empty (a));
  row[2] = g_strdup (or_empty (b));
  return row;
}

static void
add_parties (CdPdf *pdf, const CdParty *client, const CdLetterhead *lh)
{
  const CdPdfColumn columns[] = {
    { "", 0.9, FALSE }, { _("Party A (client)"), 2.6, FALSE }, { _("Party B (service provider)"), 2.6, FALSE },
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *contact = NULL;

  contact = g_strdup_printf ("%s %s", or_empty (client->contact), or_empty (client->phone));
  g_ptr_array_add (rows, party_row (_("Name"), client->invoice_title ? client->invoice_title : client->name,
                                    lh->name));
  g_ptr_array_add (rows, party_row (_("Address"),
                                    client->invoice_address ? client->invoice_address : client->address,
                                    lh->address));
  g_ptr_array_add (rows, party_row (_("Tax ID"),
                                    client->invoice_tax_id ? client->invoice_tax_id : client->credit_code,
                                    lh->tax_id));
  g_ptr_array_add (rows, party_row (_("Bank"), client->invoice_bank, lh->bank));
  g_ptr_array_add (rows, party_row (_("Account"), client->invoice_account, lh->account));
  g_ptr_array_add (rows, party_row (_("Phone"),
                                    client->invoice_phone ? client->invoice_phone : client->phone,
                                    lh->phone));
  g_ptr_array_add (rows, party_row (_("Contact"), g_strstrip (contact), NULL));
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Parties"));
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
  cd_pdf_skip (pdf, 6);
}

static void
add_subject (CdPdf *pdf, const CdContract *k)
{
  g_autofree char *amount = cd_money_format (k->amount_fen);
  g_autofree char *words = cd_money_to_words (k->amount_fen);
  g_autofree char *capitals = g_strdup_printf (_("RMB %s"), or_empty (words));
  g_autofree char *quote = NULL;
  g_autofree char *term = NULL;
  const char *pairs[14];
  guint n = 0;

  if (k->quote_number != NULL)
    quote = g_strdup_printf ("%s/v%d", k->quote_number, k->quote_version);
  if (k->end_date != NULL)
    term = g_strdup_printf (_("%s to %s"), or_empty (k->start_date), k->end_date);
  else if (k->start_date != NULL)
    term = g_strdup_printf (_("From %s until both parties have performed their obligations"),
                            k->start_date);
  pairs[n++] = _("Subject");
  pairs[n++] = k->subject;
  pairs[n++] = _("Project");
  pairs[n++] = k->project_number;
  pairs[n++] = cd_contract_amount_delta (k) < 0 ? _("Amount taken off")
               : k->amends_id ? _("Amount added") : _("Contract amount");
  pairs[n++] = amount;
  pairs[n++] = _("In capitals");
  pairs[n++] = capitals;
  pairs[n++] = _("Term");
  pairs[n++] = term;
  pairs[n++] = k->amends_id ? _("Amends contract") : _("Based on quote");
  pairs[n++] = k->amends_id ? k->amends_number : quote;
  pairs[n++] = _("Reason");
  pairs[n++] = k->amendment_reason;
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Subject and amount"));
  cd_pdf_fields (pdf, pairs, n / 2, 1);
}

/* "第三条 付款方式" is a clause's heading; the text under it is not. */
static gboolean
is_clause_heading (const char *line)
{
  const char *tiao = strstr (line, "条");

  return g_str_has_prefix (line, "第") && tiao != NULL && tiao - line <= 12
         && g_utf8_strlen (line, -1) <= 24;
}

/* "1. …", "一、…": an item of a list, set flush; other text is a paragraph. */
static gboolean
is_list_item (const char *line)
{
  const char *numerals = "一二三四五六七八九十";
  gunichar c = g_utf8_get_char (line);
  const char *next = g_utf8_next_char (line);

  if (g_ascii_isdigit (*line))
    return TRUE;
  while (*next && g_utf8_strchr (numerals, -1, g_utf8_get_char (next)) != NULL)
    next = g_utf8_next_char (next);
  return g_utf8_strchr (numerals, -1, c) != NULL && g_str_has_prefix (next, "、");
}

static void
add_clauses (CdPdf *pdf, const CdContract *k)
{
  g_auto (GStrv) lines = NULL;

  if (k->clauses == NULL)
    return;
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Clauses"));
  lines = g_strsplit (k->clauses, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (is_clause_heading (lines[i]))
        {
          cd_pdf_keep (pdf, 40);
          cd_pdf_skip (pdf, 3);
          cd_pdf_text (pdf, CD_PDF_TEXT_CLAUSE_HEAD, lines[i]);
        }
      else
        cd_pdf_text (pdf, is_list_item (lines[i]) ? CD_PDF_TEXT_CLAUSE : CD_PDF_TEXT_PARAGRAPH,
                     lines[i]);
    }
  cd_pdf_skip (pdf, 8);
}

static void
add_schedule (CdPdf *pdf, const CdContract *k)
{
  const CdPdfColumn columns[] = {
    { _("No."), 0.5, FALSE }, { _("Installment"), 2.4, FALSE }, { _("Due date"), 1.3, FALSE },
    { _("Share"), 0.9, TRUE }, { _("Amount"), 1.6, TRUE },
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *total = cd_money_format (k->amount_fen);
  const char *pairs[2] = { _("Total"), total };

  if (k->installments->len == 0)
    return;
  for (guint i = 0; i < k->installments->len; i++)
    {
      const CdInstallment *inst = g_ptr_array_index (k->installments, i);
      char **cells = g_new0 (char *, 6);
      /* The share as printed: rounded half up to 0.01 %. */
      gint64 bp = k->amount_fen > 0 ? (inst->amount_fen * 10000 * 2 / k->amount_fen + 1) / 2 : 0;

      cells[0] = g_strdup_printf ("%d", inst->seq);
      cells[1] = g_strdup (or_empty (inst->label));
      cells[2] = g_strdup (or_empty (inst->due_date));
      cells[3] = cd_pdf_format_bp (bp);
      cells[4] = cd_money_format (inst->amount_fen);
      g_ptr_array_add (rows, cells);
    }
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Payment schedule"));
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
  cd_pdf_totals (pdf, pairs, 1);
}

gboolean
cd_contract_pdf_write (const CdContract *k, const CdParty *client, const CdLetterhead *letterhead,
                       const char *path, GError **error)
{
  g_autoptr (CdPdf) pdf = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  CdLetterhead empty = { 0 };
  const CdLetterhead *lh = letterhead ? letterhead : &empty;
  const char *lines[] = { _("Authorised representative:"), _("Company seal:"), _("Date:"), NULL };

  g_return_val_if_fail (k != NULL && client != NULL && path != NULL, FALSE);

  pdf = cd_pdf_new (path, lh, k->amends_id ? _("Contract Amendment") : _("Service Contract"),
                    k->number, k->signed_date, error);
  if (pdf == NULL)
    return FALSE;
  add_parties (pdf, client, lh);
  add_subject (pdf, k);
  add_clauses (pdf, k);
  add_schedule (pdf, k);
  a = g_strdup_printf (_("Party A: %s"), client->name);
  b = g_strdup_printf (_("Party B: %s"), or_empty (lh->name));
  cd_pdf_signatures (pdf, a, lines, b, lines);
  return cd_pdf_finish (pdf, error);
}

gboolean
cd_contract_pdf_render (CdStore *store, gint64 contract_id, const char *path, GError **error)
{
  g_autoptr (CdContract) k = cd_store_contract_get (store, contract_id, error);
  g_autoptr (CdParty) client = NULL;
  g_autoptr (CdLetterhead) letterhead = NULL;

  if (k == NULL || (client = cd_store_client_party (store, k->client_id, error)) == NULL)
    return FALSE;
  letterhead = cd_letterhead_load (store);
  return cd_contract_pdf_write (k, client, letterhead, path, error);
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

  if (cd_contract_pdf_render (rd->store, rd->id, rd->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_contract_pdf_render_async (CdStore *store, gint64 contract_id, const char *path,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *rd = g_new0 (RenderData, 1);

  rd->store = g_object_ref (store);
  rd->id = contract_id;
  rd->path = g_strdup (path);
  g_task_set_source_tag (task, cd_contract_pdf_render_async);
  g_task_set_task_data (task, rd, render_data_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
cd_contract_pdf_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
