/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing a contract (its installments must add up to its amount, then the
 * database locks it), its later moves, and amendments. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-docs-private.h"

static const char amendment_template[] =
  "一、变更原因：{reason}\n"
  "二、合同金额变更：原合同（编号：{contract_number}）金额增加{amount}（大写：人民币{amount_words}），"
  "按本补充协议所附付款计划支付。\n"
  "三、本补充协议为原合同不可分割的组成部分，与原合同具有同等法律效力；本补充协议未约定的事项，仍按原合同执行。\n"
  "四、本补充协议一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。";

static const char reduction_template[] =
  "一、变更原因：{reason}\n"
  "二、合同金额变更：原合同（编号：{contract_number}）金额减少{amount}（大写：人民币{amount_words}），"
  "自原合同尚未支付的款项中扣减，最后到期的款项先行扣减；已支付的款项不受影响。\n"
  "三、本补充协议为原合同不可分割的组成部分，与原合同具有同等法律效力；本补充协议未约定的事项，仍按原合同执行。\n"
  "四、本补充协议一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。";

gint64
cd_contract_amount_delta (const CdContract *k)
{
  g_return_val_if_fail (k != NULL, 0);

  if (k->amends_id == 0)
    return 0;
  return k->installments != NULL && k->installments->len > 0 ? k->amount_fen : -k->amount_fen;
}

/**
 * cd_contract_canonical_text:
 *
 * Everything that makes the contract but its id, status after signing,
 * termination reason and locked_hash, each value length-prefixed, then its
 * installments by sequence. Its SHA-256 is the lock hash.
 *
 * Returns: (transfer full): the text
 */
char *
cd_contract_canonical_text (const CdContract *k)
{
  GString *out = g_string_new ("clientdesk-contract/1\n");

  cd_docs_canon_text (out, "number", k->number);
  cd_docs_canon_int (out, "quote", k->quote_id);
  cd_docs_canon_int (out, "project", k->project_id);
  cd_docs_canon_int (out, "client", k->client_id);
  cd_docs_canon_text (out, "subject", k->subject);
  cd_docs_canon_int (out, "amount", k->amount_fen);
  cd_docs_canon_text (out, "start", k->start_date);
  cd_docs_canon_text (out, "end", k->end_date);
  cd_docs_canon_text (out, "signed", k->signed_date);
  cd_docs_canon_text (out, "clauses", k->clauses);
  cd_docs_canon_int (out, "amends", k->amends_id);
  cd_docs_canon_text (out, "amendment-reason", k->amendment_reason);
  for (guint i = 0; k->installments != NULL && i < k->installments->len; i++)
    {
      const CdInstallment *inst = g_ptr_array_index (k->installments, i);

      cd_docs_canon_int (out, "installment", inst->seq);
      cd_docs_canon_text (out, "label", inst->label);
      cd_docs_canon_text (out, "due", inst->due_date);
      cd_docs_canon_int (out, "amount", inst->amount_fen);
    }
  return g_string_free (out, FALSE);
}

char *
cd_store_contract_compute_hash (CdStore *self, gint64 contract_id, GError **error)
{
  g_autoptr (CdContract) k = cd_store_contract_get (self, contract_id, error);
  g_autofree char *text = NULL;

  if (k == NULL)
    return NULL;
  text = cd_contract_canonical_text (k);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* ------------------------------------------------------------------ */
/* Signing                                                            */

static gboolean
check_installments_sum (const CdContract *k, GError **error)
{
  gint64 sum = 0;
  g_autofree char *amount = NULL;
  g_autofree char *total = NULL;
  g_autofree char *difference = NULL;

  /* A reduction has no installments: it comes off the contract's. */
  if (k->amends_id != 0 && k->installments->len == 0)
    return TRUE;
  for (guint i = 0; i < k->installments->len; i++)
    sum += ((CdInstallment *) g_ptr_array_index (k->installments, i))->amount_fen;
  if (sum == k->amount_fen)
    return TRUE;

  amount = cd_money_format (k->amount_fen);
  total = cd_money_format (sum);
  difference = cd_money_format (ABS (k->amount_fen - sum));
  if (k->installments->len == 0)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("Contract %s has no installments: plan how its %s will be paid before signing it."),
                 k->number, amount);
  else
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("The installments of contract %s add up to %s but the contract is for %s "
                   "(%s apart): they must add up exactly before it is signed."),
                 k->number, total, amount, difference);
  return FALSE;
}

/* Refuses to take more off contract @root_id than is still to be collected
 * on it: a contract cannot be reduced below what the client already paid. */
static gboolean
check_reduction (CdStore *self, gint64 root_id, gint64 reduction_fen, GError **error)
{
  g_autoptr (CdContract) root = cd_docs_load_contract (self, root_id, error);
  gint64 outstanding = 0, collected = 0;
  g_autofree char *cut = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *open = NULL;

  if (root == NULL || !cd_docs_contract_balance (self, root_id, &outstanding, &collected, error))
    return FALSE;
  if (reduction_fen <= outstanding)
    return TRUE;
  cut = cd_money_format (reduction_fen);
  paid = cd_money_format (collected);
  open = cd_money_format (MAX (outstanding, 0));
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("Contract %s cannot be reduced by %s: %s is collected already and only %s is still "
                 "to be paid, so at most %s can come off."),
               root->number, cut, paid, open, open);
  return FALSE;
}

static gboolean
sign_contract (CdStore *self, gint64 contract_id, const char *date, GError **error)
{
  g_autoptr (CdContract) k = cd_docs_load_contract (self, contract_id, error);
  g_autoptr (GError) local = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  if (k == NULL)
    return FALSE;
  if (!cd_contract_status_transition (k->status, CD_CONTRACT_SIGNED, &local))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE, _("Contract %s is %s: %s"),
                   k->number, cd_state_label ("contract", cd_contract_status_to_string (k->status)),
                   local->message);
      return FALSE;
    }
  if (!check_installments_sum (k, error)
      || (cd_contract_amount_delta (k) < 0
          && !check_reduction (self, k->amends_id, k->amount_fen, error)))
    return FALSE;

  g_free (k->signed_date);
  k->signed_date = g_strdup (date);
  text = cd_contract_canonical_text (k);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  stmt = cd_store_prepare (self, "UPDATE contract SET status = 'signed', signed_date = ?2,"
                                 " locked_hash = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("signing a contract"), error))
    return FALSE;
  /* The project is contracted once its contract (not an amendment) is. */
  return k->amends_id != 0
         || cd_docs_move_project (self, k->project_id, "quoting", "contracted", error);
}

gboolean
cd_store_contract_sign (CdStore *self, gint64 contract_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  day = cd_docs_resolve_date (date, _("The signing date"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, sign_contract (self, contract_id, day, error), error);
}

static gboolean
move_contract (CdStore *self, gint64 contract_id, CdContractStatus to, const char *reason,
               GError **error)
{
  g_autoptr (CdContract) k = cd_docs_load_contract (self, contract_id, error);
  g_autoptr (GError) local = NULL;
  sqlite3_stmt *stmt;

  if (k == NULL)
    return FALSE;
  if (!cd_contract_status_transition_with_reason (k->status, to, reason, &local))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE, _("Contract %s is %s: %s"),
                   k->number, cd_state_label ("contract", cd_contract_status_to_string (k->status)),
                   local->message);
      return FALSE;
    }
  stmt = cd_store_prepare (self, "UPDATE contract SET status = ?2,"
                                 " terminate_reason = coalesce (?3, terminate_reason) WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, cd_contract_status_to_string (to), -1, SQLITE_STATIC);
  if (to == CD_CONTRACT_TERMINATED)
    cd_docs_bind_text (stmt, 3, reason);
  return cd_docs_run (self, stmt, _("changing a contract’s status"), error);
}

gboolean
cd_store_contract_move (CdStore *self, gint64 contract_id, CdContractStatus to, const char *reason,
                        GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (reason, _("The reason"), 1000, FALSE, TRUE, error))
    return FALSE;
  if (to == CD_CONTRACT_SIGNED)
    return cd_store_contract_sign (self, contract_id, NULL, error);
  if (!cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, move_contract (self, contract_id, to, reason, error), error);
}

/* ------------------------------------------------------------------ */
/* Amendments                                                         */

static char *
amendment_clauses (const CdContract *parent, const char *reason, gint64 delta_fen)
{
  g_autofree char *amount = cd_money_format (ABS (delta_fen));
  g_autofree char *words = cd_money_to_words (ABS (delta_fen));
  GString *out = g_string_new (delta_fen < 0 ? reduction_template : amendment_template);

  g_string_replace (out, "{reason}", reason, 0);
  g_string_replace (out, "{contract_number}", parent->number, 0);
  g_string_replace (out, "{amount}", amount, 0);
  g_string_replace (out, "{amount_words}", words, 0);
  return g_string_free (out, FALSE);
}

static gboolean
amend_contract (CdStore *self, gint64 contract_id, const char *reason, gint64 delta_fen,
                const char *date, gint64 *out_id, GError **error)
{
  g_autoptr (CdContract) parent = cd_docs_load_contract (self, contract_id, error);
  g_autoptr (CdContract) k = g_new0 (CdContract, 1);
  GDate day;

  if (parent != NULL && parent->amends_id != 0)
    {
      /* Amendments hang off the contract itself, not off each other. */
      gint64 root = parent->amends_id;
      g_clear_pointer (&parent, cd_contract_free);
      parent = cd_docs_load_contract (self, root, error);
    }
  if (parent == NULL)
    return FALSE;
  if (parent->status != CD_CONTRACT_SIGNED && parent->status != CD_CONTRACT_EXECUTING)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Contract %s is %s: only a signed or executing contract can be amended."),
                   parent->number,
                   cd_state_label ("contract", cd_contract_status_to_string (parent->status)));
      return FALSE;
    }
  if (delta_fen < 0 && !check_reduction (self, parent->id, -delta_fen, error))
    return FALSE;
  cd_docs_parse_date (date, &day);
  k->number = cd_store_next_number (self, "amendment", &day, error);
  if (k->number == NULL)
    return FALSE;
  k->project_id = parent->project_id;
  k->client_id = parent->client_id;
  k->subject = g_strdup (parent->subject);
  k->amount_fen = ABS (delta_fen);
  k->start_date = g_strdup (date);
  k->end_date = g_strdup (parent->end_date);
  k->clauses = amendment_clauses (parent, reason, delta_fen);
  k->amends_id = parent->id;
  k->amendment_reason = g_strdup (reason);
  if (!cd_docs_insert_contract (self, k, error))
    return FALSE;
  *out_id = cd_docs_last_id (self);
  /* What it adds is planned from the start: its installments are what
   * tells an addition from a reduction (see the header). */
  return delta_fen <= 0
         || cd_docs_insert_installment (self, *out_id, _("Payment on the amendment"), date, delta_fen,
                                        error);
}

gint64
cd_store_contract_amend (CdStore *self, gint64 contract_id, const char *reason,
                         gint64 amount_delta_fen, const char *date, GError **error)
{
  g_autofree char *day = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!cd_docs_check_text (reason, _("The reason for the amendment"), 1000, TRUE, TRUE, error))
    return 0;
  if (ABS (amount_delta_fen) > CD_MONEY_MAX_FEN)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("The amount is too large (at most 999,999,999,999.99)."));
      return 0;
    }
  day = cd_docs_resolve_date (date, _("The amendment date"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return 0;
  trimmed = g_strstrip (g_strdup (reason));
  ok = amend_contract (self, contract_id, trimmed, amount_delta_fen, day, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}
