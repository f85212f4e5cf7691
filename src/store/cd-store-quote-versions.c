/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A quote's life: new versions, sending, the client's decision, the lock
 * hash of the accepted version and what changed between two versions. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-quotes.h"

static gboolean
count_accepted (CdStore *self, const char *number, gint64 *out_id, int *out_version, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT id, version FROM quote"
                                               " WHERE number = ?1 AND status = 'accepted'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *out_id = 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading quotes"));
      return FALSE;
    }
  return TRUE;
}

/* The versions of @number other than @keep_id that are still open become
 * superseded. */
static gboolean
supersede_others (CdStore *self, const char *number, gint64 keep_id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "UPDATE quote SET status = 'superseded'"
                                               " WHERE number = ?1 AND id <> ?2"
                                               " AND status IN ('draft', 'sent', 'rejected')", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, keep_id);
  return cd_docs_run (self, stmt, _("superseding quote versions"), error);
}

static gboolean
copy_version (CdStore *self, const CdQuote *source, const char *reason, const char *today,
              gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO quote (number, version, project_id, client_id, status, previous_id, version_reason,"
    " created_date, valid_until, payment_terms, notes, subtotal_fen, tax_fen, total_fen)"
    " SELECT number, (SELECT max (version) + 1 FROM quote x WHERE x.number = q.number), project_id,"
    " client_id, 'draft', id, ?2, ?3, valid_until, payment_terms, notes, subtotal_fen, tax_fen,"
    " total_fen FROM quote q WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source->id);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("making a new quote version"), error))
    return FALSE;
  *out_id = cd_docs_last_id (self);

  stmt = cd_store_prepare (self,
    "INSERT INTO quote_line (quote_id, position, catalogue_item_id, item, spec, qty_milli, unit,"
    " unit_price_fen, discount_bp, tax_rate_bp, amount_fen)"
    " SELECT ?2, position, catalogue_item_id, item, spec, qty_milli, unit, unit_price_fen,"
    " discount_bp, tax_rate_bp, amount_fen FROM quote_line WHERE quote_id = ?1"
    " ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source->id);
  sqlite3_bind_int64 (stmt, 2, *out_id);
  return cd_docs_run (self, stmt, _("making a new quote version"), error);
}

static gboolean
new_version (CdStore *self, gint64 quote_id, const char *reason, const char *today,
             gint64 *out_id, GError **error)
{
  g_autoptr (CdQuote) source = cd_docs_load_quote (self, quote_id, FALSE, error);
  gint64 accepted = 0;
  int accepted_version = 0;

  if (source == NULL || !count_accepted (self, source->number, &accepted, &accepted_version, error))
    return FALSE;
  if (accepted != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("Version %d of quote %s was accepted and is locked: after acceptance, "
                     "changes are amendments to the contract."), accepted_version, source->number);
      return FALSE;
    }
  return copy_version (self, source, reason, today, out_id, error)
         && supersede_others (self, source->number, *out_id, error);
}

gint64
cd_store_quote_new_version (CdStore *self, gint64 quote_id, const char *reason, GError **error)
{
  g_autofree char *today = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!cd_docs_check_text (reason, _("The reason for the new version"), 500, TRUE, TRUE, error))
    return 0;
  trimmed = g_strstrip (g_strdup (reason));
  today = cd_docs_resolve_date (NULL, NULL, NULL);
  if (!cd_store_begin (self, error))
    return 0;
  ok = new_version (self, quote_id, trimmed, today, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

/* ------------------------------------------------------------------ */
/* Sending and deciding                                               */

static CdQuote *
load_for_move (CdStore *self, gint64 quote_id, CdQuoteStatus to, GError **error)
{
  g_autoptr (CdQuote) quote = cd_docs_load_quote (self, quote_id, TRUE, error);
  g_autoptr (GError) local = NULL;

  if (quote == NULL)
    return NULL;
  if (!cd_quote_status_transition (quote->status, to, &local))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Version %d of quote %s is %s: %s"), quote->version, quote->number,
                   cd_state_label ("quote", cd_quote_status_to_string (quote->status)),
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&quote);
}

static gboolean
send_quote (CdStore *self, gint64 quote_id, const char *date, GError **error)
{
  g_autoptr (CdQuote) quote = load_for_move (self, quote_id, CD_QUOTE_SENT, error);
  sqlite3_stmt *stmt;

  if (quote == NULL)
    return FALSE;
  if (quote->lines->len == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Quote %s has no lines: add what is being quoted before sending it."),
                   quote->number);
      return FALSE;
    }
  stmt = cd_store_prepare (self, "UPDATE quote SET status = 'sent', sent_date = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  return cd_docs_run (self, stmt, _("sending a quote"), error);
}

gboolean
cd_store_quote_send (CdStore *self, gint64 quote_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  day = cd_docs_resolve_date (date, _("The date sent"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, send_quote (self, quote_id, day, error), error);
}

static gboolean
accept_quote (CdStore *self, gint64 quote_id, const char *date, GError **error)
{
  g_autoptr (CdQuote) quote = load_for_move (self, quote_id, CD_QUOTE_ACCEPTED, error);
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  if (quote == NULL || !supersede_others (self, quote->number, quote_id, error))
    return FALSE;

  /* The hash covers the row as it will be once accepted. */
  quote->status = CD_QUOTE_ACCEPTED;
  g_free (quote->decided_date);
  quote->decided_date = g_strdup (date);
  text = cd_quote_canonical_text (quote);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  /* One statement: once the status is 'accepted' the triggers refuse
   * any further update of the row. */
  stmt = cd_store_prepare (self, "UPDATE quote SET status = 'accepted', decided_date = ?2,"
                                 " locked_hash = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
  return cd_docs_run (self, stmt, _("accepting a quote"), error);
}

gboolean
cd_store_quote_accept (CdStore *self, gint64 quote_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  day = cd_docs_resolve_date (date, _("The date accepted"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, accept_quote (self, quote_id, day, error), error);
}

static gboolean
reject_quote (CdStore *self, gint64 quote_id, const char *date, GError **error)
{
  g_autoptr (CdQuote) quote = load_for_move (self, quote_id, CD_QUOTE_REJECTED, error);
  sqlite3_stmt *stmt;

  if (quote == NULL)
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE quote SET status = 'rejected', decided_date = ?2 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  return cd_docs_run (self, stmt, _("rejecting a quote"), error);
}

gboolean
cd_store_quote_reject (CdStore *self, gint64 quote_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  day = cd_docs_resolve_date (date, _("The date rejected"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, reject_quote (self, quote_id, day, error), error);
}

/* ------------------------------------------------------------------ */
/* Hash and differences                                               */

/**
 * cd_store_quote_compute_hash:
 *
 * Returns: (transfer full): the SHA-256 of the quote as it is now in the
 *   file; for an accepted version, equal to its locked_hash unless someone
 *   got around the triggers
 */
char *
cd_store_quote_compute_hash (CdStore *self, gint64 quote_id, GError **error)
{
  g_autoptr (CdQuote) quote = cd_store_quote_get (self, quote_id, error);
  g_autofree char *text = NULL;

  if (quote == NULL)
    return NULL;
  text = cd_quote_canonical_text (quote);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

CdQuoteDiff *
cd_store_quote_diff (CdStore *self, gint64 from_id, gint64 to_id, GError **error)
{
  g_autoptr (CdQuote) from = cd_store_quote_get (self, from_id, error);
  g_autoptr (CdQuote) to = NULL;

  if (from == NULL || (to = cd_store_quote_get (self, to_id, error)) == NULL)
    return NULL;
  return cd_quote_diff_compute (from, to);
}
