/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Contracts (合同) made from accepted quotes, their installments, signing
 * (which locks them), amendments, payments received (款项收取) and the
 * receivables with their age. Every writing call is one transaction; a
 * refused call changes nothing. Dates are ISO text "YYYY-MM-DD"; a NULL date
 * means today. */
#pragma once

#include "core/cd-states.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  contract_id;
  int     seq;
  char   *label;       /* 首付款, 验收款… */
  char   *due_date;
  gint64  amount_fen;
  gint64  paid_fen;    /* every payment recorded against it */
  gint64  reduced_fen; /* taken off it by signed reducing amendments */
} CdInstallment;

typedef struct
{
  gint64  id;
  gint64  installment_id;
  char   *date;
  gint64  amount_fen;
  char   *method;      /* transfer, cheque, cash, other */
  char   *reference;   /* nullable */
} CdPayment;

typedef struct _CdContract
{
  gint64            id;
  char             *number;
  gint64            quote_id;          /* 0 for an amendment */
  gint64            project_id;
  gint64            client_id;
  CdContractStatus  status;
  char             *subject;
  gint64            amount_fen;        /* an amendment's: the size of its change (see below) */
  char             *start_date;        /* nullable */
  char             *end_date;          /* nullable */
  char             *signed_date;       /* nullable */
  char             *clauses;
  gint64            amends_id;         /* 0 unless this is an amendment */
  char             *amendment_reason;
  char             *terminate_reason;
  char             *locked_hash;
  /* Joined for display. */
  char             *client_name;
  char             *project_number;
  char             *project_name;
  char             *quote_number;      /* nullable */
  int               quote_version;
  char             *amends_number;     /* nullable */
  GPtrArray        *installments;      /* CdInstallment, by seq */
} CdContract;

void        cd_installment_free        (CdInstallment *installment);
void        cd_payment_free            (CdPayment     *payment);
void        cd_contract_free           (CdContract    *contract);

/* The template used when the setting "contract.template" is empty. Its
 * fields filled in: {client} {agency} {subject} {quote_number} {amount}
 * {amount_words}. */
const char *cd_contract_default_template (void);
/* The clauses new contracts start from: the setting, else the default.
 * Returns: (transfer full) */
char       *cd_store_contract_get_template (CdStore    *self);
/* Stores @text as the template; NULL or blank text goes back to the
 * default. Refuses text that is not clean UTF-8 or over 50,000 characters. */
gboolean    cd_store_contract_set_template (CdStore    *self,
                                            const char *text,
                                            GError    **error);

CdContract *cd_store_contract_get      (CdStore       *self,
                                        gint64         id,
                                        GError       **error);
CdContract *cd_store_contract_find     (CdStore       *self,
                                        const char    *number,
                                        GError       **error);
/* Returns: the id of the contract made from @quote_id, or 0 if none. */
gint64      cd_store_contract_for_quote (CdStore      *self,
                                        gint64         quote_id,
                                        GError       **error);
/* Returns: (transfer full) (element-type CdContract): the amendments of
 * @contract_id, oldest first, with installments. */
GPtrArray  *cd_store_contract_amendments (CdStore     *self,
                                        gint64         contract_id,
                                        GError       **error);

/* A draft contract (numbered "contract") from an accepted quote: the amount
 * is the quote's total, the subject the project's name, the clauses the
 * template of the setting "contract.template" (or the default) filled in.
 * Refused when the quote is not accepted or already has a contract.
 * Returns: the contract's id, or 0. */
gint64      cd_store_contract_create_from_quote (CdStore *self,
                                        gint64         quote_id,
                                        const char    *date,
                                        GError       **error);
/* Subject, term and clauses of a draft (the clauses are editable per
 * contract until it is signed): NULL keeps a field as it is, "" clears it
 * (the subject cannot be cleared). */
gboolean    cd_store_contract_set_details (CdStore    *self,
                                        gint64         contract_id,
                                        const char    *subject,
                                        const char    *start_date,
                                        const char    *end_date,
                                        const char    *clauses,
                                        GError       **error);

/* Installments of a draft. Returns the new installment's id, or 0. */
gint64      cd_store_contract_add_installment (CdStore *self,
                                        gint64         contract_id,
                                        const char    *label,
                                        const char    *due_date,
                                        gint64         amount_fen,
                                        GError       **error);
gboolean    cd_store_contract_remove_installment (CdStore *self,
                                        gint64         installment_id,
                                        GError       **error);

typedef struct
{
  const char *label;
  const char *due_date;
  int         percent_bp;   /* 5000 = 50 %; the shares add up to 10000 */
} CdInstallmentShare;

/* Replaces the installments of a draft with shares of its amount
 * (cd_money_split (): each share rounded half up, the remainder on the
 * last), so they add up to the amount exactly. */
gboolean    cd_store_contract_split_installments (CdStore *self,
                                        gint64         contract_id,
                                        const CdInstallmentShare *shares,
                                        guint          n_shares,
                                        GError       **error);

/* draft → signed on @date. Refused, with a sentence naming both figures,
 * unless the installments add up exactly to the amount. Stores locked_hash
 * (SHA-256 of the contract and its installments); a project still in
 * "quoting" moves to "contracted" in the same transaction. */
gboolean    cd_store_contract_sign     (CdStore       *self,
                                        gint64         contract_id,
                                        const char    *date,
                                        GError       **error);
/* signed → executing → completed, or → terminated with a @reason. */
gboolean    cd_store_contract_move     (CdStore       *self,
                                        gint64         contract_id,
                                        CdContractStatus to,
                                        const char    *reason,
                                        GError       **error);
char       *cd_contract_canonical_text (const CdContract *contract);
char       *cd_store_contract_compute_hash (CdStore   *self,
                                        gint64         contract_id,
                                        GError       **error);

/**
 * Amendments (补充协议) and THE RULE OF THEIR AMOUNTS.
 *
 * An amendment is a contract row of its own (own number, required reason)
 * whose amends_id names the contract; it is a draft until signed like a
 * contract. The schema keeps every amount_fen ≥ 0 and `check` wants the
 * installments of a row to add up to its amount_fen, so the direction of
 * the change is carried by the installments, not by a sign:
 *
 * - An amendment that ADDS to the contract has installments for what it
 *   adds: amount_fen = the amount added = Σ its installments. It is made
 *   with one installment for the whole amount and always keeps at least one
 *   (removing the last is refused; Split replaces them).
 * - An amendment that REDUCES the contract has no installments of its own
 *   (adding one is refused): amount_fen is the amount taken off. Once
 *   signed, the reduction comes off what is still unpaid on the installments
 *   of the contract and of its signed amendments, latest due first
 *   (CD_DOCS_REDUCED_CTE): receivables and the payment check then see the
 *   lower figure (CdInstallment.reduced_fen, CdReceivable.reduced_fen).
 * - An amendment of 0 changes terms only; it has no installments.
 *
 * A reduction cannot take the contract below what was already collected:
 * it is refused, with the figures, when it is made and again when it is
 * signed (payments may have come in meanwhile). The contract's revised
 * amount is its amount plus the signed deltas (cd_contract_amount_delta ()).
 */

/* The signed change of an amendment: + what it adds, − what it takes off,
 * 0 for a contract (not an amendment) or an amendment of terms only. */
gint64      cd_contract_amount_delta   (const CdContract *contract);

/* @amount_delta_fen: what the amendment adds (> 0) or takes off (< 0); 0
 * for a change of terms only. Returns: the amendment's id, or 0. */
gint64      cd_store_contract_amend    (CdStore       *self,
                                        gint64         contract_id,
                                        const char    *reason,
                                        gint64         amount_delta_fen,
                                        const char    *date,
                                        GError       **error);

/* ------------------------------------------------------------------ */
/* Payments                                                           */

/* A payment against an installment of a signed (or later) contract; partial
 * payments are fine, more than what remains due is refused with a sentence
 * naming the remaining amount. @method: transfer, cheque, cash or other
 * (NULL: transfer). Returns: the payment's id, or 0. */
gint64      cd_store_payment_add       (CdStore       *self,
                                        gint64         installment_id,
                                        const char    *date,
                                        gint64         amount_fen,
                                        const char    *method,
                                        const char    *reference,
                                        GError       **error);
gboolean    cd_store_payment_remove    (CdStore       *self,
                                        gint64         payment_id,
                                        GError       **error);
/* Returns: (transfer full) (element-type CdPayment): by date. */
GPtrArray  *cd_store_contract_payments (CdStore       *self,
                                        gint64         contract_id,
                                        GError       **error);

/* ------------------------------------------------------------------ */
/* Receivables                                                        */

typedef enum
{
  CD_AGING_NOT_DUE,      /* due after the day asked about */
  CD_AGING_0_30,         /* 0–30 days past due (due that day included) */
  CD_AGING_31_60,
  CD_AGING_61_90,
  CD_AGING_OVER_90,
  CD_AGING_N_BUCKETS
} CdAgingBucket;

typedef struct
{
  gint64         installment_id;
  gint64         contract_id;       /* the row the installment belongs to */
  gint64         root_contract_id;  /* the contract an amendment amends, else contract_id */
  char          *contract_number;
  char          *root_contract_number;
  gint64         client_id;
  char          *client_name;
  char          *label;
  char          *due_date;
  gint64         amount_fen;
  gint64         paid_fen;          /* payments dated on or before the day asked about */
  gint64         reduced_fen;       /* taken off by reductions signed by then */
  gint64         outstanding_fen;   /* amount - paid - reduced */
  int            days_past_due;     /* negative: not due yet */
  CdAgingBucket  bucket;
} CdReceivable;

typedef struct
{
  gint64  id;                       /* client id or root contract id */
  char   *label;                    /* client name or contract number */
  gint64  bucket_fen[CD_AGING_N_BUCKETS];
  gint64  outstanding_fen;
  gint64  overdue_fen;              /* everything past its due date */
} CdReceivableTotal;

void          cd_receivable_free        (CdReceivable      *item);
void          cd_receivable_total_free  (CdReceivableTotal *total);
CdAgingBucket cd_aging_bucket_for       (int                days_past_due);
const char   *cd_aging_bucket_label     (CdAgingBucket      bucket);

/**
 * cd_store_receivables:
 * @as_of: (nullable): the day the receivables are for (today if NULL)
 * @client_id: 0 for every client
 * @contract_id: 0 for every contract; else that contract and its amendments
 *
 * Installments of signed or later contracts still not fully paid as of
 * @as_of, by due date.
 *
 * Returns: (transfer full) (element-type CdReceivable)
 */
GPtrArray    *cd_store_receivables      (CdStore           *self,
                                         const char        *as_of,
                                         gint64             client_id,
                                         gint64             contract_id,
                                         GError           **error);
/* Returns: (transfer full) (element-type CdReceivableTotal): by label. */
GPtrArray    *cd_receivables_by_client  (GPtrArray         *items);
GPtrArray    *cd_receivables_by_contract (GPtrArray        *items);

/* ------------------------------------------------------------------ */
/* The client as a party to a document                                */

typedef struct
{
  char *name;
  char *credit_code;      /* nullable, as every field below */
  char *address;
  char *contact;          /* the primary contact's name */
  char *phone;            /* the primary contact's phone */
  char *invoice_title;    /* 开票信息 */
  char *invoice_tax_id;
  char *invoice_bank;
  char *invoice_account;
  char *invoice_address;
  char *invoice_phone;
} CdParty;

void          cd_party_free             (CdParty           *party);
CdParty      *cd_store_client_party     (CdStore           *self,
                                         gint64             client_id,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdParty, cd_party_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdInstallment, cd_installment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdPayment, cd_payment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdContract, cd_contract_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdReceivable, cd_receivable_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdReceivableTotal, cd_receivable_total_free)

G_END_DECLS
