/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts of quotes that need no database: lines and their amounts, a
 * document's totals and tax, the canonical text that acceptance hashes, and
 * the difference between two versions. The editor calls these as the user
 * types, the store calls the same ones before it writes. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-quotes.h"

/* ------------------------------------------------------------------ */
/* Catalogue items and lines                                          */

CdCatalogueItem *
cd_catalogue_item_new (void)
{
  CdCatalogueItem *item = g_new0 (CdCatalogueItem, 1);

  item->tax_rate_bp = 600;
  item->active = TRUE;
  return item;
}

CdCatalogueItem *
cd_catalogue_item_copy (const CdCatalogueItem *item)
{
  CdCatalogueItem *copy = g_memdup2 (item, sizeof *item);

  copy->name = g_strdup (item->name);
  copy->spec = g_strdup (item->spec);
  copy->unit = g_strdup (item->unit);
  copy->category = g_strdup (item->category);
  return copy;
}

void
cd_catalogue_item_free (CdCatalogueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->spec);
  g_free (item->unit);
  g_free (item->category);
  g_free (item);
}

CdQuoteLine *
cd_quote_line_new (void)
{
  CdQuoteLine *line = g_new0 (CdQuoteLine, 1);

  line->qty_milli = 1000;
  line->tax_rate_bp = 600;
  return line;
}

/**
 * cd_quote_line_new_from_catalogue:
 *
 * Returns: (transfer full): a line with the item's name, specification,
 *   unit, price and tax rate, @qty_milli of it, its amount computed
 */
CdQuoteLine *
cd_quote_line_new_from_catalogue (const CdCatalogueItem *item, gint64 qty_milli)
{
  CdQuoteLine *line = cd_quote_line_new ();

  line->catalogue_item_id = item->id;
  line->item = g_strdup (item->name);
  line->spec = g_strdup (item->spec);
  line->unit = g_strdup (item->unit);
  line->unit_price_fen = item->unit_price_fen;
  line->tax_rate_bp = item->tax_rate_bp;
  line->qty_milli = qty_milli;
  cd_quote_line_compute (line, NULL);
  return line;
}

CdQuoteLine *
cd_quote_line_copy (const CdQuoteLine *line)
{
  CdQuoteLine *copy = g_memdup2 (line, sizeof *line);

  copy->item = g_strdup (line->item);
  copy->spec = g_strdup (line->spec);
  copy->unit = g_strdup (line->unit);
  return copy;
}

void
cd_quote_line_free (CdQuoteLine *line)
{
  if (line == NULL)
    return;
  g_free (line->item);
  g_free (line->spec);
  g_free (line->unit);
  g_free (line);
}

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cd_quote_line_compute (CdQuoteLine *line, GError **error)
{
  g_return_val_if_fail (line != NULL, FALSE);

  if (!cd_docs_check_text (line->item, _("The item"), 300, TRUE, FALSE, error)
      || !cd_docs_check_text (line->spec, _("The specification"), 1000, FALSE, TRUE, error)
      || !cd_docs_check_text (line->unit, _("The unit"), 20, FALSE, FALSE, error))
    return FALSE;
  if (line->qty_milli <= 0)
    return refuse (error, _("The quantity must be more than zero."));
  if (line->qty_milli > CD_QUANTITY_MAX_MILLI)
    return refuse (error, _("The quantity is too large (at most 999,999,999.999)."));
  if (line->unit_price_fen < 0)
    return refuse (error, _("The unit price cannot be negative."));
  if (line->unit_price_fen > CD_MONEY_MAX_FEN)
    return refuse (error, _("The unit price is too large (at most 999,999,999,999.99)."));
  if (line->discount_bp < 0 || line->discount_bp > 10000)
    return refuse (error, _("The discount must be between 0 % and 100 %."));
  if (line->tax_rate_bp < 0 || line->tax_rate_bp > 10000)
    return refuse (error, _("The tax rate must be between 0 % and 100 %."));

  return cd_money_line_amount_checked (line->qty_milli, line->unit_price_fen,
                                       line->discount_bp, &line->amount_fen, error);
}

/* ------------------------------------------------------------------ */
/* Totals                                                             */

static int
compare_share (gconstpointer a, gconstpointer b)
{
  const CdTaxShare *x = a, *y = b;

  return (x->rate_bp > y->rate_bp) - (x->rate_bp < y->rate_bp);
}

static CdTaxShare *
share_for_rate (GArray *rates, int rate_bp)
{
  CdTaxShare share = { rate_bp, 0, 0 };

  for (guint i = 0; i < rates->len; i++)
    if (g_array_index (rates, CdTaxShare, i).rate_bp == rate_bp)
      return &g_array_index (rates, CdTaxShare, i);
  g_array_append_val (rates, share);
  return &g_array_index (rates, CdTaxShare, rates->len - 1);
}

static gboolean
too_large (GError **error)
{
  g_set_error_literal (error, CD_MONEY_ERROR, CD_MONEY_ERROR_OVERFLOW,
                       _("The quote comes to more than 999,999,999,999.99: split it into several quotes."));
  return FALSE;
}

gboolean
cd_quote_totals_compute (GPtrArray *lines, CdQuoteTotals *out, GError **error)
{
  g_return_val_if_fail (lines != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->rates = g_array_new (FALSE, TRUE, sizeof (CdTaxShare));

  for (guint i = 0; i < lines->len; i++)
    {
      const CdQuoteLine *line = g_ptr_array_index (lines, i);
      CdTaxShare *share = share_for_rate (out->rates, line->tax_rate_bp);

      /* Every amount is below CD_MONEY_MAX_FEN (< 2^47): a sum of them
       * cannot overflow int64 before the check below catches it. */
      share->base_fen += line->amount_fen;
      out->subtotal_fen += line->amount_fen;
      if (out->subtotal_fen > CD_MONEY_MAX_FEN || out->subtotal_fen < -CD_MONEY_MAX_FEN)
        return too_large (error);
    }

  g_array_sort (out->rates, compare_share);
  for (guint i = 0; i < out->rates->len; i++)
    {
      CdTaxShare *share = &g_array_index (out->rates, CdTaxShare, i);

      share->tax_fen = cd_money_tax (share->base_fen, share->rate_bp);
      out->tax_fen += share->tax_fen;
    }
  out->total_fen = out->subtotal_fen + out->tax_fen;
  if (out->total_fen > CD_MONEY_MAX_FEN || out->total_fen < -CD_MONEY_MAX_FEN)
    return too_large (error);
  return TRUE;
}

void
cd_quote_totals_clear (CdQuoteTotals *totals)
{
  g_clear_pointer (&totals->rates, g_array_unref);
}

/* ------------------------------------------------------------------ */
/* Quotes                                                             */

void
cd_quote_free (CdQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->number);
  g_free (quote->version_reason);
  g_free (quote->created_date);
  g_free (quote->sent_date);
  g_free (quote->decided_date);
  g_free (quote->valid_until);
  g_free (quote->payment_terms);
  g_free (quote->notes);
  g_free (quote->locked_hash);
  g_free (quote->client_name);
  g_free (quote->project_number);
  g_free (quote->project_name);
  g_clear_pointer (&quote->lines, g_ptr_array_unref);
  g_free (quote);
}

gboolean
cd_quote_get_totals (const CdQuote *quote, CdQuoteTotals *out, GError **error)
{
  return cd_quote_totals_compute (quote->lines, out, error);
}

/**
 * cd_quote_canonical_text:
 *
 * Everything that makes the document but its id and locked_hash, each value
 * length-prefixed, the lines in position order. Its SHA-256 is the lock
 * hash: if any byte of an accepted version changes, the hash no longer
 * matches.
 *
 * Returns: (transfer full): the text
 */
char *
cd_quote_canonical_text (const CdQuote *quote)
{
  GString *out = g_string_new ("clientdesk-quote/1\n");

  cd_docs_canon_text (out, "number", quote->number);
  cd_docs_canon_int (out, "version", quote->version);
  cd_docs_canon_int (out, "project", quote->project_id);
  cd_docs_canon_int (out, "client", quote->client_id);
  cd_docs_canon_text (out, "status", cd_quote_status_to_string (quote->status));
  cd_docs_canon_int (out, "previous", quote->previous_id);
  cd_docs_canon_text (out, "reason", quote->version_reason);
  cd_docs_canon_text (out, "created", quote->created_date);
  cd_docs_canon_text (out, "sent", quote->sent_date);
  cd_docs_canon_text (out, "decided", quote->decided_date);
  cd_docs_canon_text (out, "valid-until", quote->valid_until);
  cd_docs_canon_text (out, "payment-terms", quote->payment_terms);
  cd_docs_canon_text (out, "notes", quote->notes);
  cd_docs_canon_int (out, "subtotal", quote->subtotal_fen);
  cd_docs_canon_int (out, "tax", quote->tax_fen);
  cd_docs_canon_int (out, "total", quote->total_fen);
  for (guint i = 0; quote->lines != NULL && i < quote->lines->len; i++)
    {
      const CdQuoteLine *line = g_ptr_array_index (quote->lines, i);

      cd_docs_canon_int (out, "line", line->position);
      cd_docs_canon_int (out, "catalogue", line->catalogue_item_id);
      cd_docs_canon_text (out, "item", line->item);
      cd_docs_canon_text (out, "spec", line->spec);
      cd_docs_canon_int (out, "qty", line->qty_milli);
      cd_docs_canon_text (out, "unit", line->unit);
      cd_docs_canon_int (out, "price", line->unit_price_fen);
      cd_docs_canon_int (out, "discount", line->discount_bp);
      cd_docs_canon_int (out, "tax-rate", line->tax_rate_bp);
      cd_docs_canon_int (out, "amount", line->amount_fen);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Differences between versions                                       */

static void
change_free (gpointer data)
{
  CdQuoteLineChange *change = data;

  cd_quote_line_free (change->old_line);
  cd_quote_line_free (change->new_line);
  g_free (change);
}

void
cd_quote_diff_free (CdQuoteDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->changes, g_ptr_array_unref);
  g_free (diff);
}

static CdLineFields
changed_fields (const CdQuoteLine *a, const CdQuoteLine *b)
{
  CdLineFields fields = 0;

  if (a->qty_milli != b->qty_milli)
    fields |= CD_LINE_FIELD_QTY;
  if (a->unit_price_fen != b->unit_price_fen)
    fields |= CD_LINE_FIELD_PRICE;
  if (a->discount_bp != b->discount_bp)
    fields |= CD_LINE_FIELD_DISCOUNT;
  if (g_strcmp0 (a->unit, b->unit) != 0)
    fields |= CD_LINE_FIELD_UNIT;
  if (a->tax_rate_bp != b->tax_rate_bp)
    fields |= CD_LINE_FIELD_TAX_RATE;
  return fields;
}

static void
add_change (CdQuoteDiff *diff, CdLineChangeKind kind, CdLineFields fields,
            const CdQuoteLine *old_line, const CdQuoteLine *new_line)
{
  CdQuoteLineChange *change = g_new0 (CdQuoteLineChange, 1);

  change->kind = kind;
  change->fields = fields;
  change->old_line = old_line ? cd_quote_line_copy (old_line) : NULL;
  change->new_line = new_line ? cd_quote_line_copy (new_line) : NULL;
  change->amount_delta_fen = (new_line ? new_line->amount_fen : 0)
                             - (old_line ? old_line->amount_fen : 0);
  g_ptr_array_add (diff->changes, change);
}

static int
find_match (GPtrArray *lines, gboolean *used, const CdQuoteLine *line)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const CdQuoteLine *other = g_ptr_array_index (lines, i);

      if (!used[i] && g_strcmp0 (other->item, line->item) == 0
          && g_strcmp0 (other->spec, line->spec) == 0)
        return (int) i;
    }
  return -1;
}

/**
 * cd_quote_diff_compute:
 *
 * Returns: (transfer full): what changed from @from to @to
 */
CdQuoteDiff *
cd_quote_diff_compute (const CdQuote *from, const CdQuote *to)
{
  CdQuoteDiff *diff = g_new0 (CdQuoteDiff, 1);
  g_autofree gboolean *used = g_new0 (gboolean, from->lines->len + 1);

  diff->from_version = from->version;
  diff->to_version = to->version;
  diff->from_total_fen = from->total_fen;
  diff->to_total_fen = to->total_fen;
  diff->total_delta_fen = to->total_fen - from->total_fen;
  diff->changes = g_ptr_array_new_with_free_func (change_free);

  for (guint i = 0; i < to->lines->len; i++)
    {
      const CdQuoteLine *line = g_ptr_array_index (to->lines, i);
      int j = find_match (from->lines, used, line);

      if (j < 0)
        {
          add_change (diff, CD_LINE_ADDED, 0, NULL, line);
          continue;
        }
      used[j] = TRUE;
      {
        const CdQuoteLine *old_line = g_ptr_array_index (from->lines, j);
        CdLineFields fields = changed_fields (old_line, line);

        if (fields != 0 || old_line->amount_fen != line->amount_fen)
          add_change (diff, CD_LINE_CHANGED, fields, old_line, line);
      }
    }
  for (guint j = 0; j < from->lines->len; j++)
    if (!used[j])
      add_change (diff, CD_LINE_REMOVED, 0, g_ptr_array_index (from->lines, j), NULL);
  return diff;
}

static char *
format_signed (gint64 fen)
{
  g_autofree char *text = cd_money_format (fen);

  return fen > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static char *
describe_changed (const CdQuoteLineChange *change)
{
  const CdQuoteLine *a = change->old_line, *b = change->new_line;
  GString *out = g_string_new (a->item);
  const char *sep = _(": ");

  if (change->fields & CD_LINE_FIELD_QTY)
    {
      g_autofree char *x = cd_quantity_format (a->qty_milli);
      g_autofree char *y = cd_quantity_format (b->qty_milli);
      g_string_append_printf (out, _("%squantity %s → %s"), sep, x, y);
      sep = _("; ");
    }
  if (change->fields & CD_LINE_FIELD_PRICE)
    {
      g_autofree char *x = cd_money_format (a->unit_price_fen);
      g_autofree char *y = cd_money_format (b->unit_price_fen);
      g_string_append_printf (out, _("%sunit price %s → %s"), sep, x, y);
      sep = _("; ");
    }
  if (change->fields & CD_LINE_FIELD_DISCOUNT)
    {
      g_string_append_printf (out, _("%sdiscount %g %% → %g %%"), sep,
                              a->discount_bp / 100.0, b->discount_bp / 100.0);
      sep = _("; ");
    }
  if (change->fields & CD_LINE_FIELD_UNIT)
    {
      g_string_append_printf (out, _("%sunit %s → %s"), sep, a->unit ? a->unit : "—",
                              b->unit ? b->unit : "—");
      sep = _("; ");
    }
  if (change->fields & CD_LINE_FIELD_TAX_RATE)
    {
      g_string_append_printf (out, _("%stax rate %g %% → %g %%"), sep,
                              a->tax_rate_bp / 100.0, b->tax_rate_bp / 100.0);
      sep = _("; ");
    }
  {
    g_autofree char *delta = format_signed (change->amount_delta_fen);
    g_string_append_printf (out, _("%samount %s"), sep, delta);
  }
  return g_string_free (out, FALSE);
}

/**
 * cd_quote_diff_describe:
 *
 * Returns: (transfer full) (element-type utf8): one sentence per change,
 *   then one for the total
 */
GPtrArray *
cd_quote_diff_describe (const CdQuoteDiff *diff)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < diff->changes->len; i++)
    {
      const CdQuoteLineChange *change = g_ptr_array_index (diff->changes, i);
      const CdQuoteLine *line = change->new_line ? change->new_line : change->old_line;
      g_autofree char *amount = cd_money_format (line->amount_fen);

      if (change->kind == CD_LINE_ADDED)
        g_ptr_array_add (out, g_strdup_printf (_("Added %s (%s)"), line->item, amount));
      else if (change->kind == CD_LINE_REMOVED)
        g_ptr_array_add (out, g_strdup_printf (_("Removed %s (%s)"), line->item, amount));
      else
        g_ptr_array_add (out, describe_changed (change));
    }
  {
    g_autofree char *from = cd_money_format (diff->from_total_fen);
    g_autofree char *to = cd_money_format (diff->to_total_fen);
    g_autofree char *delta = format_signed (diff->total_delta_fen);

    g_ptr_array_add (out, g_strdup_printf (_("Total %s → %s (%s)"), from, to, delta));
  }
  return out;
}
