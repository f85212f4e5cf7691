/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quotes (报价单): a number names the document, each version is a row.
 * Lines change only while a version is a draft; a sent version is what the
 * client holds, so changing it means a new version. Acceptance supersedes
 * the other versions and locks the accepted one (the database's triggers
 * refuse any change to it afterwards). */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-projects.h"
#include "store/cd-store-quotes.h"

#define QUOTE_SELECT \
  "SELECT q.id, q.number, q.version, q.project_id, q.client_id, q.status, q.previous_id," \
  " q.version_reason, q.created_date, q.sent_date, q.decided_date, q.valid_until," \
  " q.payment_terms, q.notes, q.subtotal_fen, q.tax_fen, q.total_fen, q.locked_hash," \
  " c.name, p.number, p.name" \
  " FROM quote q JOIN client c ON c.id = q.client_id JOIN project p ON p.id = q.project_id"

#define LINE_SELECT \
  "SELECT id, position, catalogue_item_id, item, spec, qty_milli, unit, unit_price_fen," \
  " discount_bp, tax_rate_bp, amount_fen FROM quote_line"

/* ------------------------------------------------------------------ */
/* Reading                                                            */

static CdQuote *
quote_from_row (sqlite3_stmt *stmt)
{
  CdQuote *q = g_new0 (CdQuote, 1);
  g_autofree char *status = cd_docs_column_dup (stmt, 5);
  int index = cd_state_index ("quote", status);

  q->id = sqlite3_column_int64 (stmt, 0);
  q->number = cd_docs_column_dup (stmt, 1);
  q->version = sqlite3_column_int (stmt, 2);
  q->project_id = sqlite3_column_int64 (stmt, 3);
  q->client_id = sqlite3_column_int64 (stmt, 4);
  q->status = index >= 0 ? (CdQuoteStatus) index : CD_QUOTE_DRAFT;
  q->previous_id = sqlite3_column_int64 (stmt, 6);
  q->version_reason = cd_docs_column_dup (stmt, 7);
  q->created_date = cd_docs_column_dup (stmt, 8);
  q->sent_date = cd_docs_column_dup (stmt, 9);
  q->decided_date = cd_docs_column_dup (stmt, 10);
  q->valid_until = cd_docs_column_dup (stmt, 11);
  q->payment_terms = cd_docs_column_dup (stmt, 12);
  q->notes = cd_docs_column_dup (stmt, 13);
  q->subtotal_fen = sqlite3_column_int64 (stmt, 14);
  q->tax_fen = sqlite3_column_int64 (stmt, 15);
  q->total_fen = sqlite3_column_int64 (stmt, 16);
  q->locked_hash = cd_docs_column_dup (stmt, 17);
  q->client_name = cd_docs_column_dup (stmt, 18);
  q->project_number = cd_docs_column_dup (stmt, 19);
  q->project_name = cd_docs_column_dup (stmt, 20);
  q->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
  return q;
}

static CdQuoteLine *
line_from_row (sqlite3_stmt *stmt)
{
  CdQuoteLine *line = g_new0 (CdQuoteLine, 1);

  line->id = sqlite3_column_int64 (stmt, 0);
  line->position = sqlite3_column_int (stmt, 1);
  line->catalogue_item_id = sqlite3_column_int64 (stmt, 2);
  line->item = cd_docs_column_dup (stmt, 3);
  line->spec = cd_docs_column_dup (stmt, 4);
  line->qty_milli = sqlite3_column_int64 (stmt, 5);
  line->unit = cd_docs_column_dup (stmt, 6);
  line->unit_price_fen = sqlite3_column_int64 (stmt, 7);
  line->discount_bp = sqlite3_column_int (stmt, 8);
  line->tax_rate_bp = sqlite3_column_int (stmt, 9);
  line->amount_fen = sqlite3_column_int64 (stmt, 10);
  return line;
}

static gboolean
load_lines (CdStore *self, CdQuote *quote, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, LINE_SELECT " WHERE quote_id = ?1 ORDER BY position, id",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (quote->lines, line_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a quote"));
      return FALSE;
    }
  return TRUE;
}

/* Steps a QUOTE_SELECT statement with its bindings set: one quote, or
 * NOT_FOUND with @missing as the message. */
static CdQuote *
load_one (CdStore *self, sqlite3_stmt *stmt, gboolean with_lines, const char *missing,
          GError **error)
{
  g_autoptr (CdQuote) quote = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    quote = quote_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, missing);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cd_store_set_error (self, error, rc, _("reading a quote"));
      return NULL;
    }
  if (with_lines && !load_lines (self, quote, error))
    return NULL;
  return g_steal_pointer (&quote);
}

CdQuote *
cd_docs_load_quote (CdStore *self, gint64 id, gboolean with_lines, GError **error)
{
  g_autofree char *missing = g_strdup_printf (_("There is no quote %" PRId64 "."), id);
  sqlite3_stmt *stmt = cd_store_prepare (self, QUOTE_SELECT " WHERE q.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (self, stmt, with_lines, missing, error);
}

CdQuote *
cd_store_quote_get (CdStore *self, gint64 id, GError **error)
{
  CdQuote *quote;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  quote = cd_docs_load_quote (self, id, TRUE, error);
  cd_store_unlock (self);
  return quote;
}

CdQuote *
cd_store_quote_find (CdStore *self, const char *number, int version, GError **error)
{
  g_autofree char *missing = NULL;
  sqlite3_stmt *stmt;
  CdQuote *quote = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (version > 0)
    missing = g_strdup_printf (_("There is no version %d of quote %s."), version, number);
  else
    missing = g_strdup_printf (_("There is no quote numbered %s."), number);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, QUOTE_SELECT " WHERE q.number = ?1 AND (?2 = 0 OR q.version = ?2)"
                                 " ORDER BY q.version DESC LIMIT 1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, version);
      quote = load_one (self, stmt, TRUE, missing, error);
    }
  cd_store_unlock (self);
  return quote;
}

static GPtrArray *
load_many (CdStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (quotes, quote_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading quotes"));
      return NULL;
    }
  return g_steal_pointer (&quotes);
}

GPtrArray *
cd_store_quote_versions (CdStore *self, const char *number, GError **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *quotes = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, QUOTE_SELECT " WHERE q.number = ?1 ORDER BY q.version", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      quotes = load_many (self, stmt, error);
    }
  cd_store_unlock (self);
  return quotes;
}

GPtrArray *
cd_store_quote_list_for_project (CdStore *self, gint64 project_id, GError **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *quotes = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, QUOTE_SELECT " WHERE q.project_id = ?1 AND q.version ="
                                 " (SELECT max (version) FROM quote x WHERE x.number = q.number)"
                                 " ORDER BY q.number", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      quotes = load_many (self, stmt, error);
    }
  cd_store_unlock (self);
  return quotes;
}

/* ------------------------------------------------------------------ */
/* Writing helpers (inside a transaction)                             */

static CdQuote *
load_draft (CdStore *self, gint64 quote_id, gboolean with_lines, GError **error)
{
  g_autoptr (CdQuote) quote = cd_docs_load_quote (self, quote_id, with_lines, error);

  if (quote == NULL)
    return NULL;
  if (quote->status == CD_QUOTE_ACCEPTED)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("Version %d of quote %s was accepted and is locked; it cannot change."),
                   quote->version, quote->number);
      return NULL;
    }
  if (quote->status != CD_QUOTE_DRAFT)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Version %d of quote %s is %s, not a draft: make a new version to change it."),
                   quote->version, quote->number,
                   cd_state_label ("quote", cd_quote_status_to_string (quote->status)));
      return NULL;
    }
  return g_steal_pointer (&quote);
}

/* Recomputes subtotal, tax and total from the lines in the file. */
gboolean
cd_docs_update_quote_totals (CdStore *self, gint64 quote_id, GError **error)
{
  g_autoptr (CdQuote) quote = cd_docs_load_quote (self, quote_id, TRUE, error);
  g_auto (CdQuoteTotals) totals = { 0 };
  sqlite3_stmt *stmt;

  if (quote == NULL || !cd_quote_totals_compute (quote->lines, &totals, error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE quote SET subtotal_fen = ?2, tax_fen = ?3, total_fen = ?4"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  sqlite3_bind_int64 (stmt, 2, totals.subtotal_fen);
  sqlite3_bind_int64 (stmt, 3, totals.tax_fen);
  sqlite3_bind_int64 (stmt, 4, totals.total_fen);
  return cd_docs_run (self, stmt, _("saving the quote’s totals"), error);
}

static gboolean
insert_line (CdStore *self, gint64 quote_id, const CdQuoteLine *line, int position, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO quote_line (quote_id, position, catalogue_item_id, item, spec, qty_milli, unit,"
    " unit_price_fen, discount_bp, tax_rate_bp, amount_fen)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  sqlite3_bind_int (stmt, 2, position);
  if (line->catalogue_item_id > 0)
    sqlite3_bind_int64 (stmt, 3, line->catalogue_item_id);
  sqlite3_bind_text (stmt, 4, line->item, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 5, line->spec);
  sqlite3_bind_int64 (stmt, 6, line->qty_milli);
  cd_docs_bind_text (stmt, 7, line->unit);
  sqlite3_bind_int64 (stmt, 8, line->unit_price_fen);
  sqlite3_bind_int (stmt, 9, line->discount_bp);
  sqlite3_bind_int (stmt, 10, line->tax_rate_bp);
  sqlite3_bind_int64 (stmt, 11, line->amount_fen);
  return cd_docs_run (self, stmt, _("saving a quote line"), error);
}

/* Opens a gap at @position (shift > 0) or closes one after it (shift < 0). */
static gboolean
shift_lines (CdStore *self, gint64 quote_id, int from_position, int shift, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "UPDATE quote_line SET position = position + ?3"
                                               " WHERE quote_id = ?1 AND position >= ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  sqlite3_bind_int (stmt, 2, from_position);
  sqlite3_bind_int (stmt, 3, shift);
  return cd_docs_run (self, stmt, _("moving quote lines"), error);
}

/* The line @line_id as stored, and its quote if that is a draft. */
static CdQuoteLine *
load_line_of_draft (CdStore *self, gint64 line_id, CdQuote **out_quote, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT quote_id FROM quote_line WHERE id = ?1", error);
  gint64 quote_id = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    quote_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (quote_id == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no quote line %" PRId64 "."), line_id);
      return NULL;
    }
  *out_quote = load_draft (self, quote_id, TRUE, error);
  if (*out_quote == NULL)
    return NULL;
  for (guint i = 0; i < (*out_quote)->lines->len; i++)
    {
      CdQuoteLine *line = g_ptr_array_index ((*out_quote)->lines, i);
      if (line->id == line_id)
        return cd_quote_line_copy (line);
    }
  g_assert_not_reached ();
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Creating and editing                                               */

static gboolean
project_for_quote (CdStore *self, gint64 project_id, gint64 *out_client, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT client_id, status, number FROM project WHERE id = ?1",
                                         error);
  g_autofree char *status = NULL;
  g_autofree char *number = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_client = sqlite3_column_int64 (stmt, 0);
      status = cd_docs_column_dup (stmt, 1);
      number = cd_docs_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no project %" PRId64 "."), project_id);
      return FALSE;
    }
  if (g_strcmp0 (status, "cancelled") == 0 || g_strcmp0 (status, "closed") == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Project %s is %s: it cannot get a new quote."), number,
                   cd_state_label ("project", status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_quote (CdStore *self, gint64 project_id, const char *date, gint64 *out_id, GError **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 client_id = 0;
  GDate day;

  if (!project_for_quote (self, project_id, &client_id, error)
      || !cd_store_project_check_brief (self, project_id, error))
    return FALSE;
  cd_docs_parse_date (date, &day);
  number = cd_store_next_number (self, "quote", &day, error);
  if (number == NULL)
    return FALSE;
  stmt = cd_store_prepare (self, "INSERT INTO quote (number, version, project_id, client_id, status,"
                                 " created_date) VALUES (?1, 1, ?2, ?3, 'draft', ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, project_id);
  sqlite3_bind_int64 (stmt, 3, client_id);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("creating a quote"), error))
    return FALSE;
  *out_id = cd_docs_last_id (self);
  /* Quoting has begun: the project follows in the same unit of work. */
  return cd_docs_move_project (self, project_id, "brief", "quoting", error);
}

gint64
cd_store_quote_create (CdStore *self, gint64 project_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  day = cd_docs_resolve_date (date, _("The quote date"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return 0;
  ok = create_quote (self, project_id, day, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

static gboolean
write_details (CdStore *self, gint64 quote_id, const char *valid_until, const char *terms,
               const char *notes, GError **error)
{
  g_autoptr (CdQuote) quote = load_draft (self, quote_id, FALSE, error);
  sqlite3_stmt *stmt;

  if (quote == NULL)
    return FALSE;
  /* NULL keeps a field; "" clears it. */
  stmt = cd_store_prepare (self, "UPDATE quote SET"
                                 " valid_until = CASE WHEN ?2 IS NULL THEN valid_until ELSE nullif (?2, '') END,"
                                 " payment_terms = CASE WHEN ?3 IS NULL THEN payment_terms ELSE nullif (?3, '') END,"
                                 " notes = CASE WHEN ?4 IS NULL THEN notes ELSE nullif (?4, '') END"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  cd_docs_bind_keep (stmt, 2, valid_until);
  cd_docs_bind_keep (stmt, 3, terms);
  cd_docs_bind_keep (stmt, 4, notes);
  return cd_docs_run (self, stmt, _("saving a quote"), error);
}

/* The checks of set_details, before any writing; *out_valid is the date
 * to write ("" clears, NULL keeps). */
static gboolean
check_details (const char *valid_until, const char *payment_terms, const char *notes,
               char **out_valid, GError **error)
{
  *out_valid = NULL;
  if (valid_until != NULL)
    {
      *out_valid = *valid_until ? cd_docs_resolve_date (valid_until, _("Valid until"), error)
                                : g_strdup ("");
      if (*out_valid == NULL)
        return FALSE;
    }
  return cd_docs_check_text (payment_terms, _("The payment terms"), 2000, FALSE, TRUE, error)
         && cd_docs_check_text (notes, _("The notes"), 5000, FALSE, TRUE, error);
}

gboolean
cd_store_quote_set_details (CdStore *self, gint64 quote_id, const char *valid_until,
                            const char *payment_terms, const char *notes, GError **error)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!check_details (valid_until, payment_terms, notes, &valid, error)
      || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, write_details (self, quote_id, valid, payment_terms, notes, error),
                         error);
}

static gboolean
replace_lines (CdStore *self, gint64 quote_id, GPtrArray *lines, GError **error)
{
  g_autoptr (CdQuote) quote = load_draft (self, quote_id, FALSE, error);
  sqlite3_stmt *stmt;

  if (quote == NULL)
    return FALSE;
  stmt = cd_store_prepare (self, "DELETE FROM quote_line WHERE quote_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  if (!cd_docs_run (self, stmt, _("saving quote lines"), error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      CdQuoteLine *line = g_ptr_array_index (lines, i);

      if (!insert_line (self, quote_id, line, (int) i + 1, error))
        return FALSE;
      line->id = cd_docs_last_id (self);
      line->position = (int) i + 1;
    }
  return cd_docs_update_quote_totals (self, quote_id, error);
}

/* Computes and checks every line and the document's total. */
static gboolean
check_lines (GPtrArray *lines, GError **error)
{
  g_auto (CdQuoteTotals) totals = { 0 };

  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr (GError) local = NULL;

      if (!cd_quote_line_compute (g_ptr_array_index (lines, i), &local))
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Line %u: %s"), i + 1,
                       local->message);
          return FALSE;
        }
    }
  return cd_quote_totals_compute (lines, &totals, error);
}

gboolean
cd_store_quote_set_lines (CdStore *self, gint64 quote_id, GPtrArray *lines, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (lines != NULL, FALSE);

  /* Everything is checked before anything is written. */
  if (!check_lines (lines, error) || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, replace_lines (self, quote_id, lines, error), error);
}

gboolean
cd_store_quote_save_draft (CdStore *self, gint64 quote_id, const char *valid_until,
                           const char *payment_terms, const char *notes, GPtrArray *lines,
                           GError **error)
{
  g_autofree char *valid = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (lines != NULL, FALSE);

  if (!check_details (valid_until, payment_terms, notes, &valid, error)
      || !check_lines (lines, error) || !cd_store_begin (self, error))
    return FALSE;
  ok = write_details (self, quote_id, valid, payment_terms, notes, error)
       && replace_lines (self, quote_id, lines, error);
  return cd_docs_finish (self, ok, error);
}

static int
count_lines (CdStore *self, gint64 quote_id)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT count(*) FROM quote_line WHERE quote_id = ?1",
                                         NULL);
  int n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
add_line (CdStore *self, gint64 quote_id, const CdQuoteLine *line, int position, gint64 *out_id,
          GError **error)
{
  g_autoptr (CdQuote) quote = load_draft (self, quote_id, FALSE, error);
  int n;

  if (quote == NULL)
    return FALSE;
  n = count_lines (self, quote_id);
  if (position <= 0 || position > n + 1)
    position = n + 1;
  if (!shift_lines (self, quote_id, position, 1, error)
      || !insert_line (self, quote_id, line, position, error))
    return FALSE;
  *out_id = cd_docs_last_id (self);
  return cd_docs_update_quote_totals (self, quote_id, error);
}

gint64
cd_store_quote_add_line (CdStore *self, gint64 quote_id, const CdQuoteLine *line, int position,
                         GError **error)
{
  g_autoptr (CdQuoteLine) checked = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (line != NULL, 0);

  checked = cd_quote_line_copy (line);
  if (!cd_quote_line_compute (checked, error) || !cd_store_begin (self, error))
    return 0;
  ok = add_line (self, quote_id, checked, position, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

static gboolean
update_line (CdStore *self, const CdQuoteLine *line, GError **error)
{
  g_autoptr (CdQuote) quote = NULL;
  g_autoptr (CdQuoteLine) old = load_line_of_draft (self, line->id, &quote, error);
  sqlite3_stmt *stmt;

  if (old == NULL)
    return FALSE;
  stmt = cd_store_prepare (self,
    "UPDATE quote_line SET catalogue_item_id = ?2, item = ?3, spec = ?4, qty_milli = ?5, unit = ?6,"
    " unit_price_fen = ?7, discount_bp = ?8, tax_rate_bp = ?9, amount_fen = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line->id);
  if (line->catalogue_item_id > 0)
    sqlite3_bind_int64 (stmt, 2, line->catalogue_item_id);
  sqlite3_bind_text (stmt, 3, line->item, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 4, line->spec);
  sqlite3_bind_int64 (stmt, 5, line->qty_milli);
  cd_docs_bind_text (stmt, 6, line->unit);
  sqlite3_bind_int64 (stmt, 7, line->unit_price_fen);
  sqlite3_bind_int (stmt, 8, line->discount_bp);
  sqlite3_bind_int (stmt, 9, line->tax_rate_bp);
  sqlite3_bind_int64 (stmt, 10, line->amount_fen);
  return cd_docs_run (self, stmt, _("saving a quote line"), error)
         && cd_docs_update_quote_totals (self, quote->id, error);
}

gboolean
cd_store_quote_update_line (CdStore *self, const CdQuoteLine *line, GError **error)
{
  g_autoptr (CdQuoteLine) checked = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  checked = cd_quote_line_copy (line);
  if (!cd_quote_line_compute (checked, error) || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, update_line (self, checked, error), error);
}

static gboolean
duplicate_line (CdStore *self, gint64 line_id, gint64 *out_id, GError **error)
{
  g_autoptr (CdQuote) quote = NULL;
  g_autoptr (CdQuoteLine) line = load_line_of_draft (self, line_id, &quote, error);

  if (line == NULL)
    return FALSE;
  if (!shift_lines (self, quote->id, line->position + 1, 1, error)
      || !insert_line (self, quote->id, line, line->position + 1, error))
    return FALSE;
  *out_id = cd_docs_last_id (self);
  return cd_docs_update_quote_totals (self, quote->id, error);
}

gint64
cd_store_quote_duplicate_line (CdStore *self, gint64 line_id, GError **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!cd_store_begin (self, error))
    return 0;
  ok = duplicate_line (self, line_id, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

static gboolean
set_position (CdStore *self, gint64 line_id, int position, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "UPDATE quote_line SET position = ?2 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int (stmt, 2, position);
  return cd_docs_run (self, stmt, _("moving quote lines"), error);
}

static gboolean
move_line (CdStore *self, gint64 line_id, int new_position, GError **error)
{
  g_autoptr (CdQuote) quote = NULL;
  g_autoptr (CdQuoteLine) line = load_line_of_draft (self, line_id, &quote, error);
  int n;

  if (line == NULL)
    return FALSE;
  n = (int) quote->lines->len;
  new_position = CLAMP (new_position, 1, n);
  if (new_position == line->position)
    return TRUE;
  /* Take the line out (closing its gap), then open one where it goes. */
  return set_position (self, line_id, 0, error)
         && shift_lines (self, quote->id, line->position + 1, -1, error)
         && shift_lines (self, quote->id, new_position, 1, error)
         && set_position (self, line_id, new_position, error);
}

gboolean
cd_store_quote_move_line (CdStore *self, gint64 line_id, int new_position, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, move_line (self, line_id, new_position, error), error);
}

static gboolean
remove_line (CdStore *self, gint64 line_id, GError **error)
{
  g_autoptr (CdQuote) quote = NULL;
  g_autoptr (CdQuoteLine) line = load_line_of_draft (self, line_id, &quote, error);
  sqlite3_stmt *stmt;

  if (line == NULL)
    return FALSE;
  stmt = cd_store_prepare (self, "DELETE FROM quote_line WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  return cd_docs_run (self, stmt, _("removing a quote line"), error)
         && shift_lines (self, quote->id, line->position + 1, -1, error)
         && cd_docs_update_quote_totals (self, quote->id, error);
}

gboolean
cd_store_quote_remove_line (CdStore *self, gint64 line_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, remove_line (self, line_id, error), error);
}
