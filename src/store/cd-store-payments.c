/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Payments received (款项收取) against contract installments, and what is
 * still owed, aged by days past due (应收账款账龄). */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-docs-private.h"

static const char *const methods[] = { "transfer", "cheque", "cash", "other", NULL };

/* Every payment and reduction counts, whatever its date. */
#define FAR_FUTURE "9999-12-31"

/* What a payment is checked against: the installment, what was paid on it,
 * the contract's number and status. */
typedef struct
{
  gint64  amount_fen;
  gint64  paid_fen;
  gint64  reduced_fen;  /* taken off by signed reductions of the contract */
  char   *label;
  char   *contract_number;
  char   *contract_status;
} InstallmentState;

static void
installment_state_clear (InstallmentState *state)
{
  g_free (state->label);
  g_free (state->contract_number);
  g_free (state->contract_status);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InstallmentState, installment_state_clear)

static gboolean
read_installment (CdStore *self, gint64 installment_id, InstallmentState *out, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, CD_DOCS_REDUCED_CTE
    "SELECT i.amount_fen, (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y"
    " WHERE y.installment_id = i.id), i.label, k.number, k.status,"
    " coalesce ((SELECT d.fen FROM reduced d WHERE d.installment_id = i.id), 0)"
    " FROM installment i JOIN contract k ON k.id = i.contract_id WHERE i.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, installment_id);
  sqlite3_bind_text (stmt, 9, FAR_FUTURE, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->amount_fen = sqlite3_column_int64 (stmt, 0);
      out->reduced_fen = sqlite3_column_int64 (stmt, 5);
      out->paid_fen = sqlite3_column_int64 (stmt, 1);
      out->label = cd_docs_column_dup (stmt, 2);
      out->contract_number = cd_docs_column_dup (stmt, 3);
      out->contract_status = cd_docs_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no installment %" PRId64 "."), installment_id);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, _("reading an installment"));
  return rc == SQLITE_ROW;
}

static gboolean
check_payment (const InstallmentState *state, gint64 amount_fen, GError **error)
{
  gint64 remaining = state->amount_fen - state->paid_fen - state->reduced_fen;
  g_autofree char *left = cd_money_format (remaining);
  g_autofree char *asked = cd_money_format (amount_fen);

  if (g_strcmp0 (state->contract_status, "draft") == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Contract %s is not signed yet: payments are recorded against signed contracts."),
                   state->contract_number);
      return FALSE;
    }
  if (remaining <= 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Installment “%s” of contract %s is paid in full already: nothing remains due."),
                   state->label, state->contract_number);
      return FALSE;
    }
  if (amount_fen > remaining)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Only %s remains due on installment “%s” of contract %s: a payment of %s "
                     "is more than that."),
                   left, state->label, state->contract_number, asked);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_payment (CdStore *self, gint64 installment_id, const char *date, gint64 amount_fen,
             const char *method, const char *reference, gint64 *out_id, GError **error)
{
  g_auto (InstallmentState) state = { 0 };
  sqlite3_stmt *stmt;

  if (!read_installment (self, installment_id, &state, error)
      || !check_payment (&state, amount_fen, error))
    return FALSE;
  stmt = cd_store_prepare (self, "INSERT INTO payment (installment_id, date, amount_fen, method, reference)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, installment_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_fen);
  sqlite3_bind_text (stmt, 4, method, -1, SQLITE_STATIC);
  cd_docs_bind_text (stmt, 5, reference);
  if (!cd_docs_run (self, stmt, _("recording a payment"), error))
    return FALSE;
  *out_id = cd_docs_last_id (self);
  return TRUE;
}

gint64
cd_store_payment_add (CdStore *self, gint64 installment_id, const char *date, gint64 amount_fen,
                      const char *method, const char *reference, GError **error)
{
  g_autofree char *day = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (method == NULL)
    method = "transfer";
  if (!g_strv_contains (methods, method))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a way of paying: use transfer, cheque, cash or other."), method);
      return 0;
    }
  if (amount_fen <= 0)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("A payment must be more than zero."));
      return 0;
    }
  if (!cd_docs_check_text (reference, _("The reference"), 200, FALSE, FALSE, error))
    return 0;
  day = cd_docs_resolve_date (date, _("The payment date"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return 0;
  ok = add_payment (self, installment_id, day, amount_fen, method, reference, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

gboolean
cd_store_payment_remove (CdStore *self, gint64 payment_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "DELETE FROM payment WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, payment_id);
      ok = cd_docs_run (self, stmt, _("removing a payment"), error);
    }
  if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no payment %" PRId64 "."), payment_id);
      ok = FALSE;
    }
  return cd_docs_finish (self, ok, error);
}

GPtrArray *
cd_store_contract_payments (CdStore *self, gint64 contract_id, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_payment_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT y.id, y.installment_id, y.date, y.amount_fen, y.method, y.reference"
                                 " FROM payment y JOIN installment i ON i.id = y.installment_id"
                                 " WHERE i.contract_id = ?1 ORDER BY y.date, y.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, contract_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CdPayment *p = g_new0 (CdPayment, 1);

          p->id = sqlite3_column_int64 (stmt, 0);
          p->installment_id = sqlite3_column_int64 (stmt, 1);
          p->date = cd_docs_column_dup (stmt, 2);
          p->amount_fen = sqlite3_column_int64 (stmt, 3);
          p->method = cd_docs_column_dup (stmt, 4);
          p->reference = cd_docs_column_dup (stmt, 5);
          g_ptr_array_add (out, p);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        cd_store_set_error (self, error, rc, _("reading payments"));
    }
  cd_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&out) : NULL;
}

/* ------------------------------------------------------------------ */
/* What a contract still has to bring in                              */

gboolean
cd_docs_contract_balance (CdStore *self, gint64 root_id, gint64 *outstanding_fen,
                          gint64 *collected_fen, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, CD_DOCS_REDUCED_CTE
    "SELECT coalesce (sum (i.amount_fen - coalesce (d.fen, 0)), 0),"
    " coalesce (sum ((SELECT coalesce (sum (y.amount_fen), 0) FROM payment y"
    "  WHERE y.installment_id = i.id)), 0)"
    " FROM installment i JOIN contract k ON k.id = i.contract_id"
    " LEFT JOIN reduced d ON d.installment_id = i.id"
    " WHERE k.status <> 'draft' AND (k.id = ?1 OR k.amends_id = ?1)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, root_id);
  sqlite3_bind_text (stmt, 9, FAR_FUTURE, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *collected_fen = sqlite3_column_int64 (stmt, 1);
      *outstanding_fen = sqlite3_column_int64 (stmt, 0) - *collected_fen;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, _("reading what a contract has collected"));
  return rc == SQLITE_ROW;
}

/* ------------------------------------------------------------------ */
/* Receivables                                                        */

void
cd_receivable_free (CdReceivable *item)
{
  if (item == NULL)
    return;
  g_free (item->contract_number);
  g_free (item->root_contract_number);
  g_free (item->client_name);
  g_free (item->label);
  g_free (item->due_date);
  g_free (item);
}

void
cd_receivable_total_free (CdReceivableTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->label);
  g_free (total);
}

CdAgingBucket
cd_aging_bucket_for (int days_past_due)
{
  if (days_past_due < 0)
    return CD_AGING_NOT_DUE;
  if (days_past_due <= 30)
    return CD_AGING_0_30;
  if (days_past_due <= 60)
    return CD_AGING_31_60;
  if (days_past_due <= 90)
    return CD_AGING_61_90;
  return CD_AGING_OVER_90;
}

const char *
cd_aging_bucket_label (CdAgingBucket bucket)
{
  static const char *const labels[CD_AGING_N_BUCKETS] = {
    N_("Not due"), N_("0–30 days"), N_("31–60 days"), N_("61–90 days"), N_("Over 90 days"),
  };

  g_return_val_if_fail (bucket < CD_AGING_N_BUCKETS, NULL);
  return _(labels[bucket]);
}

static CdReceivable *
receivable_from_row (sqlite3_stmt *stmt, const GDate *as_of)
{
  CdReceivable *r = g_new0 (CdReceivable, 1);
  GDate due;

  r->installment_id = sqlite3_column_int64 (stmt, 0);
  r->contract_id = sqlite3_column_int64 (stmt, 1);
  r->root_contract_id = sqlite3_column_int64 (stmt, 2);
  r->contract_number = cd_docs_column_dup (stmt, 3);
  r->client_id = sqlite3_column_int64 (stmt, 4);
  r->client_name = cd_docs_column_dup (stmt, 5);
  r->label = cd_docs_column_dup (stmt, 6);
  r->due_date = cd_docs_column_dup (stmt, 7);
  r->amount_fen = sqlite3_column_int64 (stmt, 8);
  r->paid_fen = sqlite3_column_int64 (stmt, 9);
  r->root_contract_number = cd_docs_column_dup (stmt, 10);
  r->reduced_fen = sqlite3_column_int64 (stmt, 12);
  r->outstanding_fen = r->amount_fen - r->paid_fen - r->reduced_fen;
  /* A due date another program wrote badly counts as due that day. */
  if (cd_docs_parse_date (r->due_date, &due))
    r->days_past_due = g_date_days_between (&due, as_of);
  r->bucket = cd_aging_bucket_for (r->days_past_due);
  return r;
}

GPtrArray *
cd_store_receivables (CdStore *self, const char *as_of, gint64 client_id, gint64 contract_id,
                      GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_receivable_free);
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;
  GDate today;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  day = cd_docs_resolve_date (as_of, _("The date"), error);
  if (day == NULL)
    return NULL;
  cd_docs_parse_date (day, &today);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, CD_DOCS_REDUCED_CTE
    "SELECT * FROM (SELECT i.id, k.id, coalesce (k.amends_id, k.id), k.number, k.client_id, c.name,"
    " i.label, i.due_date, i.amount_fen, (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y"
    "  WHERE y.installment_id = i.id AND y.date <= ?1) AS paid, coalesce (a.number, k.number), i.seq,"
    " coalesce (d.fen, 0) AS cut"
    " FROM installment i JOIN contract k ON k.id = i.contract_id JOIN client c ON c.id = k.client_id"
    " LEFT JOIN contract a ON a.id = k.amends_id LEFT JOIN reduced d ON d.installment_id = i.id"
    " WHERE k.status <> 'draft' AND k.signed_date <= ?1 AND (?2 = 0 OR k.client_id = ?2)"
    " AND (?3 = 0 OR k.id = ?3 OR k.amends_id = ?3))"
    " WHERE amount_fen > paid + cut ORDER BY due_date, number, seq", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, client_id);
      sqlite3_bind_int64 (stmt, 3, contract_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (out, receivable_from_row (stmt, &today));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        cd_store_set_error (self, error, rc, _("reading receivables"));
    }
  cd_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&out) : NULL;
}

static int
compare_totals (gconstpointer a, gconstpointer b)
{
  const CdReceivableTotal *x = *(CdReceivableTotal **) a;
  const CdReceivableTotal *y = *(CdReceivableTotal **) b;

  return g_strcmp0 (x->label, y->label);
}

static GPtrArray *
summarise (GPtrArray *items, gboolean by_client)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_receivable_total_free);

  for (guint i = 0; i < items->len; i++)
    {
      const CdReceivable *r = g_ptr_array_index (items, i);
      gint64 key = by_client ? r->client_id : r->root_contract_id;
      CdReceivableTotal *total = g_hash_table_lookup (index, &key);

      if (total == NULL)
        {
          total = g_new0 (CdReceivableTotal, 1);
          total->id = key;
          total->label = g_strdup (by_client ? r->client_name : r->root_contract_number);
          g_ptr_array_add (out, total);
          g_hash_table_insert (index, &total->id, total);
        }
      total->bucket_fen[r->bucket] += r->outstanding_fen;
      total->outstanding_fen += r->outstanding_fen;
      if (r->days_past_due > 0)
        total->overdue_fen += r->outstanding_fen;
    }
  g_ptr_array_sort (out, compare_totals);
  return out;
}

GPtrArray *
cd_receivables_by_client (GPtrArray *items)
{
  return summarise (items, TRUE);
}

GPtrArray *
cd_receivables_by_contract (GPtrArray *items)
{
  return summarise (items, FALSE);
}
