/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Contracts (合同): made from an accepted quote, given installments while a
 * draft, signed (then locked by the database), executed, completed or
 * terminated; changed after signing only by amendments (补充协议), which are
 * contract rows of their own pointing at the contract they amend. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-quotes.h"

#define CONTRACT_SELECT \
  "SELECT k.id, k.number, k.quote_id, k.project_id, k.client_id, k.status, k.subject," \
  " k.amount_fen, k.start_date, k.end_date, k.signed_date, k.clauses, k.amends_id," \
  " k.amendment_reason, k.terminate_reason, k.locked_hash, c.name, p.number, p.name," \
  " q.number, q.version, a.number" \
  " FROM contract k JOIN client c ON c.id = k.client_id JOIN project p ON p.id = k.project_id" \
  " LEFT JOIN quote q ON q.id = k.quote_id LEFT JOIN contract a ON a.id = k.amends_id"

/* The default clauses (setting "contract.template" replaces them). They
 * are the agency's legal text in the language of its clients, not part of
 * the interface, so they are not translated; Preferences edit them. */
static const char default_template[] =
  "第一条 服务内容\n"
  "乙方根据甲方确认的报价单（编号：{quote_number}）为甲方提供“{subject}”项目的策划、设计与制作服务。"
  "服务项目、规格及数量以该报价单为准；报价单为本合同附件，与本合同具有同等法律效力。\n"
  "第二条 合同金额\n"
  "本合同总金额为{amount}（大写：人民币{amount_words}），含增值税。\n"
  "第三条 付款方式\n"
  "甲方按本合同所附付款计划，以银行转账方式将款项支付至乙方指定账户。乙方在收到每期款项前，"
  "向甲方开具等额合法有效的增值税发票。\n"
  "第四条 双方权利与义务\n"
  "1. 甲方应及时提供项目所需的资料与素材，对其合法性负责，并按约定时间确认乙方提交的方案及成品。\n"
  "2. 乙方应按甲方确认的方案与时间完成服务，保证交付成果的质量，并对合作中知悉的甲方商业秘密予以保密。\n"
  "第五条 验收\n"
  "乙方交付成果后，甲方应在五个工作日内完成验收并签字确认；逾期未提出书面异议的，视为验收合格。\n"
  "第六条 知识产权\n"
  "甲方付清全部款项后，乙方为本项目创作的最终定稿作品的著作权归甲方所有；未采用的方案及创意草稿的权利归乙方。\n"
  "第七条 违约责任\n"
  "任何一方违反本合同约定的，应承担违约责任，并赔偿由此给对方造成的直接损失。"
  "甲方逾期付款的，每逾期一日，按未付金额的万分之五向乙方支付违约金。\n"
  "第八条 争议解决\n"
  "因本合同引起的争议，双方应友好协商解决；协商不成的，任何一方均可向乙方所在地有管辖权的人民法院提起诉讼。\n"
  "第九条 其他\n"
  "本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等法律效力。"
  "本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。";

const char *
cd_contract_default_template (void)
{
  return default_template;
}

/* ------------------------------------------------------------------ */
/* Records                                                            */

void
cd_installment_free (CdInstallment *installment)
{
  if (installment == NULL)
    return;
  g_free (installment->label);
  g_free (installment->due_date);
  g_free (installment);
}

void
cd_payment_free (CdPayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->date);
  g_free (payment->method);
  g_free (payment->reference);
  g_free (payment);
}

void
cd_contract_free (CdContract *k)
{
  if (k == NULL)
    return;
  g_free (k->number);
  g_free (k->subject);
  g_free (k->start_date);
  g_free (k->end_date);
  g_free (k->signed_date);
  g_free (k->clauses);
  g_free (k->amendment_reason);
  g_free (k->terminate_reason);
  g_free (k->locked_hash);
  g_free (k->client_name);
  g_free (k->project_number);
  g_free (k->project_name);
  g_free (k->quote_number);
  g_free (k->amends_number);
  g_clear_pointer (&k->installments, g_ptr_array_unref);
  g_free (k);
}

static CdContract *
contract_from_row (sqlite3_stmt *stmt)
{
  CdContract *k = g_new0 (CdContract, 1);
  g_autofree char *status = cd_docs_column_dup (stmt, 5);
  int index = cd_state_index ("contract", status);

  k->id = sqlite3_column_int64 (stmt, 0);
  k->number = cd_docs_column_dup (stmt, 1);
  k->quote_id = sqlite3_column_int64 (stmt, 2);
  k->project_id = sqlite3_column_int64 (stmt, 3);
  k->client_id = sqlite3_column_int64 (stmt, 4);
  k->status = index >= 0 ? (CdContractStatus) index : CD_CONTRACT_DRAFT;
  k->subject = cd_docs_column_dup (stmt, 6);
  k->amount_fen = sqlite3_column_int64 (stmt, 7);
  k->start_date = cd_docs_column_dup (stmt, 8);
  k->end_date = cd_docs_column_dup (stmt, 9);
  k->signed_date = cd_docs_column_dup (stmt, 10);
  k->clauses = cd_docs_column_dup (stmt, 11);
  k->amends_id = sqlite3_column_int64 (stmt, 12);
  k->amendment_reason = cd_docs_column_dup (stmt, 13);
  k->terminate_reason = cd_docs_column_dup (stmt, 14);
  k->locked_hash = cd_docs_column_dup (stmt, 15);
  k->client_name = cd_docs_column_dup (stmt, 16);
  k->project_number = cd_docs_column_dup (stmt, 17);
  k->project_name = cd_docs_column_dup (stmt, 18);
  k->quote_number = cd_docs_column_dup (stmt, 19);
  k->quote_version = sqlite3_column_int (stmt, 20);
  k->amends_number = cd_docs_column_dup (stmt, 21);
  k->installments = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_installment_free);
  return k;
}

static gboolean
load_installments (CdStore *self, CdContract *k, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, CD_DOCS_REDUCED_CTE
    "SELECT i.id, i.contract_id, i.seq, i.label, i.due_date, i.amount_fen,"
    " (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y WHERE y.installment_id = i.id),"
    " coalesce ((SELECT d.fen FROM reduced d WHERE d.installment_id = i.id), 0)"
    " FROM installment i WHERE i.contract_id = ?1 ORDER BY i.seq", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, k->id);
  sqlite3_bind_text (stmt, 9, "9999-12-31", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdInstallment *i = g_new0 (CdInstallment, 1);

      i->id = sqlite3_column_int64 (stmt, 0);
      i->contract_id = sqlite3_column_int64 (stmt, 1);
      i->seq = sqlite3_column_int (stmt, 2);
      i->label = cd_docs_column_dup (stmt, 3);
      i->due_date = cd_docs_column_dup (stmt, 4);
      i->amount_fen = sqlite3_column_int64 (stmt, 5);
      i->paid_fen = sqlite3_column_int64 (stmt, 6);
      i->reduced_fen = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (k->installments, i);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a contract"));
      return FALSE;
    }
  return TRUE;
}

static CdContract *
load_one (CdStore *self, sqlite3_stmt *stmt, const char *missing, GError **error)
{
  g_autoptr (CdContract) k = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    k = contract_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, missing);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, _("reading a contract"));
  if (k == NULL || !load_installments (self, k, error))
    return NULL;
  return g_steal_pointer (&k);
}

CdContract *
cd_docs_load_contract (CdStore *self, gint64 id, GError **error)
{
  g_autofree char *missing = g_strdup_printf (_("There is no contract %" PRId64 "."), id);
  sqlite3_stmt *stmt = cd_store_prepare (self, CONTRACT_SELECT " WHERE k.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (self, stmt, missing, error);
}

CdContract *
cd_store_contract_get (CdStore *self, gint64 id, GError **error)
{
  CdContract *k;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  cd_store_lock (self);
  k = cd_docs_load_contract (self, id, error);
  cd_store_unlock (self);
  return k;
}

CdContract *
cd_store_contract_find (CdStore *self, const char *number, GError **error)
{
  g_autofree char *missing = NULL;
  sqlite3_stmt *stmt;
  CdContract *k = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  missing = g_strdup_printf (_("There is no contract numbered %s."), number);
  cd_store_lock (self);
  stmt = cd_store_prepare (self, CONTRACT_SELECT " WHERE k.number = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      k = load_one (self, stmt, missing, error);
    }
  cd_store_unlock (self);
  return k;
}

static gint64
id_query (CdStore *self, const char *sql, gint64 arg, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a contract"));
      return -1;
    }
  return id;
}

gint64
cd_store_contract_for_quote (CdStore *self, gint64 quote_id, GError **error)
{
  gint64 id;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  cd_store_lock (self);
  id = id_query (self, "SELECT id FROM contract WHERE quote_id = ?1 AND amends_id IS NULL"
                       " ORDER BY id LIMIT 1", quote_id, error);
  cd_store_unlock (self);
  return MAX (id, 0);
}

GPtrArray *
cd_store_contract_amendments (CdStore *self, gint64 contract_id, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_contract_free);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT id FROM contract WHERE amends_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (found, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; rc == SQLITE_DONE && i < found->len; i++)
    {
      CdContract *k = cd_docs_load_contract (self, g_array_index (found, gint64, i), error);
      if (k == NULL)
        {
          cd_store_unlock (self);
          return NULL;
        }
      g_ptr_array_add (out, k);
    }
  if (rc != SQLITE_DONE)
    cd_store_set_error (self, error, rc, _("reading a contract"));
  cd_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&out) : NULL;
}

/* ------------------------------------------------------------------ */
/* Creating                                                           */

static char *
fill_template (const char *template, const char *const *keys, const char *const *values)
{
  GString *out = g_string_new (template);

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_replace (out, keys[i], values[i] ? values[i] : "", 0);
  return g_string_free (out, FALSE);
}

char *
cd_store_contract_get_template (CdStore *self)
{
  g_autofree char *template = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  template = cd_store_get_setting (self, "contract.template");
  trimmed = g_strstrip (g_strdup (template ? template : ""));
  if (*trimmed == '\0')
    return g_strdup (default_template);
  return g_steal_pointer (&template);
}

gboolean
cd_store_contract_set_template (CdStore *self, const char *text, GError **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (text, _("The contract template"), 50000, FALSE, TRUE, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (text ? text : ""));
  /* Blank means the default: store nothing rather than an empty text. */
  return cd_store_set_setting (self, "contract.template", *trimmed ? text : NULL, error);
}

static char *
clauses_for_quote (CdStore *self, const CdQuote *quote)
{
  g_autofree char *template = cd_store_get_setting (self, "contract.template");
  g_autofree char *agency = cd_store_get_setting (self, "company.name");
  g_autofree char *amount = cd_money_format (quote->total_fen);
  g_autofree char *words = cd_money_to_words (quote->total_fen);
  const char *keys[] = { "{client}", "{agency}", "{subject}", "{quote_number}", "{amount}",
                         "{amount_words}", NULL };
  const char *values[] = { quote->client_name, agency, quote->project_name, quote->number, amount,
                           words, NULL };

  if (template == NULL || *g_strstrip (template) == '\0')
    return fill_template (default_template, keys, values);
  return fill_template (template, keys, values);
}

gboolean
cd_docs_insert_contract (CdStore *self, const CdContract *k, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO contract (number, quote_id, project_id, client_id, status, subject, amount_fen,"
    " start_date, end_date, clauses, amends_id, amendment_reason)"
    " VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, k->number, -1, SQLITE_TRANSIENT);
  if (k->quote_id > 0)
    sqlite3_bind_int64 (stmt, 2, k->quote_id);
  sqlite3_bind_int64 (stmt, 3, k->project_id);
  sqlite3_bind_int64 (stmt, 4, k->client_id);
  sqlite3_bind_text (stmt, 5, k->subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, k->amount_fen);
  cd_docs_bind_text (stmt, 7, k->start_date);
  cd_docs_bind_text (stmt, 8, k->end_date);
  cd_docs_bind_text (stmt, 9, k->clauses);
  if (k->amends_id > 0)
    sqlite3_bind_int64 (stmt, 10, k->amends_id);
  cd_docs_bind_text (stmt, 11, k->amendment_reason);
  return cd_docs_run (self, stmt, _("creating a contract"), error);
}

static gboolean
create_from_quote (CdStore *self, gint64 quote_id, const char *date, gint64 *out_id, GError **error)
{
  g_autoptr (CdQuote) quote = cd_docs_load_quote (self, quote_id, FALSE, error);
  g_autoptr (CdContract) k = g_new0 (CdContract, 1);
  gint64 existing;
  GDate day;

  if (quote == NULL)
    return FALSE;
  if (quote->status != CD_QUOTE_ACCEPTED)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Version %d of quote %s is %s: only an accepted quote becomes a contract."),
                   quote->version, quote->number,
                   cd_state_label ("quote", cd_quote_status_to_string (quote->status)));
      return FALSE;
    }
  existing = id_query (self, "SELECT id FROM contract WHERE quote_id = ?1 AND amends_id IS NULL",
                       quote_id, error);
  if (existing != 0)
    {
      if (existing > 0)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                     _("Quote %s already has a contract."), quote->number);
      return FALSE;
    }
  cd_docs_parse_date (date, &day);
  k->number = cd_store_next_number (self, "contract", &day, error);
  if (k->number == NULL)
    return FALSE;
  k->quote_id = quote_id;
  k->project_id = quote->project_id;
  k->client_id = quote->client_id;
  k->subject = g_strdup (quote->project_name);
  k->amount_fen = quote->total_fen;
  k->start_date = g_strdup (date);
  k->clauses = clauses_for_quote (self, quote);
  if (!cd_docs_insert_contract (self, k, error))
    return FALSE;
  *out_id = cd_docs_last_id (self);
  return TRUE;
}

gint64
cd_store_contract_create_from_quote (CdStore *self, gint64 quote_id, const char *date,
                                     GError **error)
{
  g_autofree char *day = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  day = cd_docs_resolve_date (date, _("The contract date"), error);
  if (day == NULL || !cd_store_begin (self, error))
    return 0;
  ok = create_from_quote (self, quote_id, day, &id, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

/* ------------------------------------------------------------------ */
/* Drafts: details and installments                                   */

static CdContract *
load_draft (CdStore *self, gint64 contract_id, GError **error)
{
  g_autoptr (CdContract) k = cd_docs_load_contract (self, contract_id, error);

  if (k == NULL)
    return NULL;
  if (k->status != CD_CONTRACT_DRAFT)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("Contract %s is signed and locked: a change after signing is an amendment."),
                   k->number);
      return NULL;
    }
  return g_steal_pointer (&k);
}

/* The installments of an amendment say which way it changes the amount
 * (see the header): a reduction never gets any, an addition keeps one. */
static gboolean
check_amendment_plan (const CdContract *k, gboolean removing, GError **error)
{
  if (k->amends_id == 0)
    return TRUE;
  if (k->installments->len == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Amendment %s does not add to the contract, so it has no installments: what it "
                     "takes off comes off the installments still due on contract %s."),
                   k->number, k->amends_number);
      return FALSE;
    }
  if (removing && k->installments->len == 1)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Amendment %s adds to the contract and keeps at least one installment: change "
                     "the plan with Split instead."),
                   k->number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_details (CdStore *self, gint64 contract_id, const char *subject, const char *start,
               const char *end, const char *clauses, GError **error)
{
  g_autoptr (CdContract) k = load_draft (self, contract_id, error);
  sqlite3_stmt *stmt;

  if (k == NULL)
    return FALSE;
  /* NULL keeps a field; "" clears it. */
  stmt = cd_store_prepare (self, "UPDATE contract SET subject = coalesce (?2, subject),"
                                 " start_date = CASE WHEN ?3 IS NULL THEN start_date ELSE nullif (?3, '') END,"
                                 " end_date = CASE WHEN ?4 IS NULL THEN end_date ELSE nullif (?4, '') END,"
                                 " clauses = CASE WHEN ?5 IS NULL THEN clauses ELSE nullif (?5, '') END"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  cd_docs_bind_keep (stmt, 2, subject);
  cd_docs_bind_keep (stmt, 3, start);
  cd_docs_bind_keep (stmt, 4, end);
  cd_docs_bind_keep (stmt, 5, clauses);
  return cd_docs_run (self, stmt, _("saving a contract"), error);
}

gboolean
cd_store_contract_set_details (CdStore *self, gint64 contract_id, const char *subject,
                               const char *start_date, const char *end_date, const char *clauses,
                               GError **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if ((subject != NULL && !cd_docs_check_text (subject, _("The subject"), 300, TRUE, FALSE, error))
      || !cd_docs_check_text (clauses, _("The clauses"), 50000, FALSE, TRUE, error))
    return FALSE;
  if (start_date != NULL)
    start = *start_date ? cd_docs_resolve_date (start_date, _("The start date"), error) : g_strdup ("");
  if (end_date != NULL)
    end = *end_date ? cd_docs_resolve_date (end_date, _("The end date"), error) : g_strdup ("");
  if ((start_date != NULL && start == NULL) || (end_date != NULL && end == NULL))
    return FALSE;
  if (start != NULL && end != NULL && *start && *end && g_strcmp0 (end, start) < 0)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("The end date comes before the start date."));
      return FALSE;
    }
  if (!cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, write_details (self, contract_id, subject, start, end, clauses, error),
                         error);
}

gboolean
cd_docs_insert_installment (CdStore *self, gint64 contract_id, const char *label, const char *due,
                            gint64 amount_fen, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
    " VALUES (?1, (SELECT coalesce (max (seq), 0) + 1 FROM installment WHERE contract_id = ?1),"
    " ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, amount_fen);
  return cd_docs_run (self, stmt, _("saving an installment"), error);
}

static gboolean
check_installment (const char *label, gint64 amount_fen, GError **error)
{
  if (!cd_docs_check_text (label, _("The installment’s label"), 100, TRUE, FALSE, error))
    return FALSE;
  if (amount_fen <= 0 || amount_fen > CD_MONEY_MAX_FEN)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("An installment’s amount must be more than zero."));
      return FALSE;
    }
  return TRUE;
}

gint64
cd_store_contract_add_installment (CdStore *self, gint64 contract_id, const char *label,
                                   const char *due_date, gint64 amount_fen, GError **error)
{
  g_autofree char *due = NULL;
  g_autoptr (CdContract) k = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!check_installment (label, amount_fen, error))
    return 0;
  if ((due = cd_docs_resolve_date (due_date, _("The due date"), error)) == NULL
      || !cd_store_begin (self, error))
    return 0;
  k = load_draft (self, contract_id, error);
  ok = k != NULL && check_amendment_plan (k, FALSE, error) && cd_docs_insert_installment (self, contract_id, label, due, amount_fen, error);
  if (ok)
    id = cd_docs_last_id (self);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

static gboolean
renumber_after (CdStore *self, gint64 contract_id, int removed_seq, GError **error)
{
  /* Through negative numbers, so that (contract, seq) stays unique at
   * every row SQLite updates, whatever order it takes them in. */
  sqlite3_stmt *stmt = cd_store_prepare (self, "UPDATE installment SET seq = 1 - seq"
                                               " WHERE contract_id = ?1 AND seq > ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int (stmt, 2, removed_seq);
  if (!cd_docs_run (self, stmt, _("removing an installment"), error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE installment SET seq = -seq WHERE contract_id = ?1 AND seq < 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  return cd_docs_run (self, stmt, _("removing an installment"), error);
}

static gboolean
remove_installment (CdStore *self, gint64 installment_id, GError **error)
{
  gint64 contract_id = id_query (self, "SELECT contract_id FROM installment WHERE id = ?1",
                                 installment_id, error);
  g_autoptr (CdContract) k = NULL;
  sqlite3_stmt *stmt;
  int seq = 0;

  if (contract_id == 0)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no installment %" PRId64 "."), installment_id);
  if (contract_id <= 0 || (k = load_draft (self, contract_id, error)) == NULL
      || !check_amendment_plan (k, TRUE, error))
    return FALSE;
  for (guint i = 0; i < k->installments->len; i++)
    {
      CdInstallment *inst = g_ptr_array_index (k->installments, i);
      if (inst->id == installment_id)
        seq = inst->seq;
    }
  stmt = cd_store_prepare (self, "DELETE FROM installment WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, installment_id);
  return cd_docs_run (self, stmt, _("removing an installment"), error)
         && renumber_after (self, contract_id, seq, error);
}

gboolean
cd_store_contract_remove_installment (CdStore *self, gint64 installment_id, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, remove_installment (self, installment_id, error), error);
}

static gboolean
check_shares (const CdInstallmentShare *shares, guint n, GError **error)
{
  gint64 sum = 0;

  if (n == 0)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("Give at least one installment."));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (shares[i].percent_bp <= 0 || shares[i].percent_bp > 10000)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("Installment %u: a share must be more than 0 %% and at most 100 %%."), i + 1);
          return FALSE;
        }
      sum += shares[i].percent_bp;
    }
  if (sum != 10000)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The shares add up to %g %%, not 100 %%."), sum / 100.0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
split_installments (CdStore *self, gint64 contract_id, const CdInstallmentShare *shares, guint n,
                    char **dues, GError **error)
{
  g_autoptr (CdContract) k = load_draft (self, contract_id, error);
  g_autofree int *bp = g_new0 (int, n);
  g_autofree gint64 *amounts = g_new0 (gint64, n);
  sqlite3_stmt *stmt;

  if (k == NULL || !check_amendment_plan (k, FALSE, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    bp[i] = shares[i].percent_bp;
  cd_money_split (k->amount_fen, bp, n, amounts);
  stmt = cd_store_prepare (self, "DELETE FROM installment WHERE contract_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (!cd_docs_run (self, stmt, _("saving installments"), error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!check_installment (shares[i].label, amounts[i], error)
        || !cd_docs_insert_installment (self, contract_id, shares[i].label, dues[i], amounts[i], error))
      return FALSE;
  return TRUE;
}

gboolean
cd_store_contract_split_installments (CdStore *self, gint64 contract_id,
                                      const CdInstallmentShare *shares, guint n_shares,
                                      GError **error)
{
  g_auto (GStrv) dues = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (shares != NULL || n_shares == 0, FALSE);

  if (!check_shares (shares, n_shares, error))
    return FALSE;
  dues = g_new0 (char *, n_shares + 1);
  for (guint i = 0; i < n_shares; i++)
    if ((dues[i] = cd_docs_resolve_date (shares[i].due_date, _("The due date"), error)) == NULL)
      return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  return cd_docs_finish (self, split_installments (self, contract_id, shares, n_shares, dues, error),
                         error);
}
