/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Supplier quotes (供应报价): several suppliers price one production item
 * of a project; the account manager compares them side by side and chooses
 * one, and the reason for the choice is kept with it. An item is a line of
 * the client's quote when there is one (quote_line_id), else its text. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "store/cd-store-supply-private.h"

#define QUOTE_SELECT \
  "SELECT q.id, q.project_id, q.supplier_id, q.quote_line_id, q.item, q.spec, q.qty_milli," \
  " q.price_fen, q.lead_days, q.quote_date, q.chosen, q.choice_reason, q.notes, s.name," \
  " s.category, s.status FROM supplier_quote q JOIN supplier s ON s.id = q.supplier_id"

CdSupplierQuote *
cd_supplier_quote_new (void)
{
  CdSupplierQuote *q = g_new0 (CdSupplierQuote, 1);

  q->lead_days = -1;
  return q;
}

void
cd_supplier_quote_free (CdSupplierQuote *q)
{
  if (q == NULL)
    return;
  g_free (q->item);
  g_free (q->spec);
  g_free (q->quote_date);
  g_free (q->choice_reason);
  g_free (q->notes);
  g_free (q->supplier_name);
  g_free (q->supplier_category);
  g_free (q->supplier_status);
  g_free (q);
}

static CdSupplierQuote *
quote_from_row (sqlite3_stmt *stmt)
{
  CdSupplierQuote *q = g_new0 (CdSupplierQuote, 1);

  q->id = sqlite3_column_int64 (stmt, 0);
  q->project_id = sqlite3_column_int64 (stmt, 1);
  q->supplier_id = sqlite3_column_int64 (stmt, 2);
  q->quote_line_id = sqlite3_column_int64 (stmt, 3);
  q->item = cd_docs_column_dup (stmt, 4);
  q->spec = cd_docs_column_dup (stmt, 5);
  q->qty_milli = sqlite3_column_int64 (stmt, 6);
  q->price_fen = sqlite3_column_int64 (stmt, 7);
  q->lead_days = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 8);
  q->quote_date = cd_docs_column_dup (stmt, 9);
  q->chosen = sqlite3_column_int (stmt, 10) != 0;
  q->choice_reason = cd_docs_column_dup (stmt, 11);
  q->notes = cd_docs_column_dup (stmt, 12);
  q->supplier_name = cd_docs_column_dup (stmt, 13);
  q->supplier_category = cd_docs_column_dup (stmt, 14);
  q->supplier_status = cd_docs_column_dup (stmt, 15);
  q->amount_fen = cd_money_line_amount (q->qty_milli, q->price_fen, 0);
  return q;
}

/* Runs @stmt (bound) and collects its quote rows. */
static GPtrArray *
collect (CdStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_quote_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, quote_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading supplier quotes"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static CdSupplierQuote *
load_quote (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, QUOTE_SELECT " WHERE q.id = ?1", error);
  g_autoptr (GPtrArray) rows = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = collect (self, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      cd_supply_not_found (error, _("supplier quote"), id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* ------------------------------------------------------------------ */
/* Recording a quote                                                   */

static gboolean
check_quote (const CdSupplierQuote *q, GError **error)
{
  gint64 amount;
  g_autoptr (GError) money_error = NULL;

  if (!cd_docs_check_text (q->item, _("Item"), 300, TRUE, FALSE, error)
      || !cd_docs_check_text (q->spec, _("Specification"), CD_SUPPLY_TEXT_MAX, FALSE, FALSE, error)
      || !cd_docs_check_text (q->notes, _("Notes"), CD_SUPPLY_NOTE_MAX, FALSE, TRUE, error))
    return FALSE;
  if (q->qty_milli <= 0 || q->qty_milli > CD_QUANTITY_MAX_MILLI)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Quantity: give a number above zero."));
      return FALSE;
    }
  if (q->price_fen < 0 || q->price_fen > CD_MONEY_MAX_FEN)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Unit price: give an amount of zero or more."));
      return FALSE;
    }
  if (q->lead_days < -1 || q->lead_days > 365)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Lead time: give a number of days from 0 to 365, or leave it empty."));
      return FALSE;
    }
  if (!cd_money_line_amount_checked (q->qty_milli, q->price_fen, 0, &amount, &money_error))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Amount: %s"),
                   money_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The supplier exists and is active; the quote line, when given, is a
 * line of a quote of the same project. */
static gboolean
check_parties (CdStore *self, const CdSupplierQuote *q, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "SELECT (SELECT count(*) FROM project WHERE id = ?1),"
    " (SELECT status FROM supplier WHERE id = ?2),"
    " (SELECT count(*) FROM quote_line l JOIN quote k ON k.id = l.quote_id"
    "   WHERE l.id = ?3 AND k.project_id = ?1)", error);
  gboolean ok = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->project_id);
  sqlite3_bind_int64 (stmt, 2, q->supplier_id);
  sqlite3_bind_int64 (stmt, 3, q->quote_line_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, NULL);
  else if (sqlite3_column_int (stmt, 0) == 0)
    cd_supply_not_found (error, _("project"), q->project_id);
  else if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    cd_supply_not_found (error, _("supplier"), q->supplier_id);
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "active") != 0)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("This supplier is suspended: make it active again before asking it for a quote."));
  else if (q->quote_line_id != 0 && sqlite3_column_int (stmt, 2) == 0)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("The quote line is not part of this project's quotes."));
  else
    ok = TRUE;
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
insert_quote (CdStore *self, const CdSupplierQuote *q, const char *date, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO supplier_quote (project_id, supplier_id, quote_line_id, item, spec, qty_milli,"
    " price_fen, lead_days, quote_date, chosen, notes)"
    " VALUES (?1, ?2, nullif (?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10)", error);
  g_autofree char *item = cd_supply_clean_text (q->item);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->project_id);
  sqlite3_bind_int64 (stmt, 2, q->supplier_id);
  sqlite3_bind_int64 (stmt, 3, q->quote_line_id);
  sqlite3_bind_text (stmt, 4, item, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 5, q->spec);
  sqlite3_bind_int64 (stmt, 6, q->qty_milli);
  sqlite3_bind_int64 (stmt, 7, q->price_fen);
  if (q->lead_days >= 0)
    sqlite3_bind_int (stmt, 8, q->lead_days);
  sqlite3_bind_text (stmt, 9, date, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 10, q->notes);
  return cd_docs_run (self, stmt, _("recording a supplier quote"), error);
}

gint64
cd_store_supplier_quote_add (CdStore *self, const CdSupplierQuote *quote, GError **error)
{
  g_autofree char *date = NULL;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (quote != NULL, 0);

  if (!check_quote (quote, error)
      || (date = cd_docs_resolve_date (quote->quote_date, _("Quote date"), error)) == NULL)
    return 0;
  if (!cd_store_begin (self, error))
    return 0;
  ok = check_parties (self, quote, error) && insert_quote (self, quote, date, error);
  if (ok)
    id = cd_docs_last_id (self);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

/* ------------------------------------------------------------------ */
/* Comparing and choosing                                              */

GPtrArray *
cd_store_supplier_quotes_for_project (CdStore *self, gint64 project_id, GError **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self,
                           QUOTE_SELECT " WHERE q.project_id = ?1"
                           " ORDER BY coalesce (q.quote_line_id, 0), q.item,"
                           " q.qty_milli * q.price_fen, q.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      rows = collect (self, stmt, error);
    }
  cd_store_unlock (self);
  return rows;
}

static int
by_amount (gconstpointer a, gconstpointer b)
{
  const CdSupplierQuote *x = *(CdSupplierQuote *const *) a;
  const CdSupplierQuote *y = *(CdSupplierQuote *const *) b;

  if (x->amount_fen != y->amount_fen)
    return x->amount_fen < y->amount_fen ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Marks the cheapest and the fastest (ties share the mark). */
static void
mark_best (GPtrArray *quotes)
{
  gint64 cheapest = G_MAXINT64;
  int fastest = G_MAXINT;

  for (guint i = 0; i < quotes->len; i++)
    {
      CdSupplierQuote *q = g_ptr_array_index (quotes, i);

      cheapest = MIN (cheapest, q->amount_fen);
      if (q->lead_days >= 0)
        fastest = MIN (fastest, q->lead_days);
    }
  for (guint i = 0; i < quotes->len; i++)
    {
      CdSupplierQuote *q = g_ptr_array_index (quotes, i);

      q->cheapest = q->amount_fen == cheapest;
      q->fastest = q->lead_days >= 0 && q->lead_days == fastest;
    }
}

static GPtrArray *
load_item_quotes (CdStore *self, gint64 project_id, gint64 quote_line_id, const char *item,
                  GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    QUOTE_SELECT " WHERE q.project_id = ?1 AND ((?2 > 0 AND q.quote_line_id = ?2)"
    " OR (?2 = 0 AND q.quote_line_id IS NULL AND q.item = ?3))", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, quote_line_id);
  sqlite3_bind_text (stmt, 3, item ? item : "", -1, SQLITE_TRANSIENT);
  return collect (self, stmt, error);
}

GPtrArray *
cd_store_supplier_quotes_compare (CdStore *self, gint64 project_id, gint64 quote_line_id,
                                  const char *item, GError **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  rows = load_item_quotes (self, project_id, quote_line_id, item, error);
  cd_store_unlock (self);
  if (rows == NULL)
    return NULL;
  g_ptr_array_sort (rows, by_amount);
  mark_best (rows);
  return rows;
}

static gboolean
mark_chosen (CdStore *self, const CdSupplierQuote *q, const char *reason, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "UPDATE supplier_quote SET chosen = (id = ?1),"
    " choice_reason = CASE WHEN id = ?1 THEN ?2 END"
    " WHERE project_id = ?3 AND ((?4 > 0 AND quote_line_id = ?4)"
    " OR (?4 = 0 AND quote_line_id IS NULL AND item = ?5))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->id);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, q->project_id);
  sqlite3_bind_int64 (stmt, 4, q->quote_line_id);
  sqlite3_bind_text (stmt, 5, q->item, -1, SQLITE_TRANSIENT);
  return cd_docs_run (self, stmt, _("choosing a supplier quote"), error);
}

gboolean
cd_store_supplier_quote_choose (CdStore *self, gint64 quote_id, const char *reason, GError **error)
{
  g_autoptr (CdSupplierQuote) quote = NULL;
  g_autofree char *clean = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (reason, _("Reason for the choice"), CD_SUPPLY_TEXT_MAX, TRUE, TRUE, error))
    return FALSE;
  clean = cd_supply_clean_text (reason);
  if (!cd_store_begin (self, error))
    return FALSE;
  quote = load_quote (self, quote_id, error);
  ok = quote != NULL;
  if (ok && g_strcmp0 (quote->supplier_status, "active") != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("This supplier is suspended: it cannot be chosen."));
      ok = FALSE;
    }
  ok = ok && mark_chosen (self, quote, clean, error);
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_supply_project (CdStore *self, gint64 project_id, char **out_number, char **out_name, GError **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT number, name FROM project WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_number = cd_docs_column_dup (stmt, 0);
          *out_name = cd_docs_column_dup (stmt, 1);
        }
      else if (rc == SQLITE_DONE)
        cd_supply_not_found (error, _("project"), project_id);
      else
        cd_store_set_error (self, error, rc, NULL);
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return rc == SQLITE_ROW;
}
