/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the document repositories (quotes, contracts, payments),
 * implemented in cd-store-docs.c and cd-store-payments.c: dates, text
 * checks, numbering and the rule of contract reductions
 * (CD_DOCS_REDUCED_CTE), which every store file that counts what is
 * still owed uses. Store-internal: nothing outside src/store includes it. */
#pragma once

#include "store/cd-store-private.h"

G_BEGIN_DECLS

/* @text as a checked ISO date "YYYY-MM-DD", or today when @text is NULL or
 * empty. @field names the field in the message of a refusal. */
char     *cd_docs_resolve_date   (const char   *text,
                                  const char   *field,
                                  GError      **error);
gboolean  cd_docs_parse_date     (const char   *text,
                                  GDate        *out);
/* Refuses text that is not valid UTF-8, holds control characters (line
 * breaks allowed when @multiline), is longer than @max_chars, or (when
 * @required) is blank. */
gboolean  cd_docs_check_text     (const char   *text,
                                  const char   *field,
                                  gsize         max_chars,
                                  gboolean      required,
                                  gboolean      multiline,
                                  GError      **error);

char     *cd_docs_column_dup     (sqlite3_stmt *stmt,
                                  int           column);
/* NULL and blank text are stored as NULL. */
void      cd_docs_bind_text      (sqlite3_stmt *stmt,
                                  int           index,
                                  const char   *text);
/* For "NULL keeps the field, blank clears it" updates: NULL stays NULL,
 * blank text becomes "", other text is bound as it is. */
void      cd_docs_bind_keep      (sqlite3_stmt *stmt,
                                  int           index,
                                  const char   *text);
/* Steps @stmt once (to DONE or a row), resets it, sets @error on failure. */
gboolean  cd_docs_run            (CdStore      *self,
                                  sqlite3_stmt *stmt,
                                  const char   *doing,
                                  GError      **error);
gint64    cd_docs_last_id        (CdStore      *self);

/* Canonical serialisation for the lock hashes: "key=<bytes>:value\n", or
 * "key=-\n" for NULL, so that no value can be mistaken for another. */
void      cd_docs_canon_text     (GString      *out,
                                  const char   *key,
                                  const char   *value);
void      cd_docs_canon_int      (GString      *out,
                                  const char   *key,
                                  gint64        value);

/* Moves a project from @from to @to when it is in @from (else nothing). */
gboolean  cd_docs_move_project   (CdStore      *self,
                                  gint64        project_id,
                                  const char   *from,
                                  const char   *to,
                                  GError      **error);

/* Ends a unit of work begun with cd_store_begin (): commit when @ok, else
 * roll back. Returns whether the work is saved. */
gboolean  cd_docs_finish         (CdStore      *self,
                                  gboolean      ok,
                                  GError      **error);

/* Reads quote @id (with its lines when @with_lines) without taking the
 * store's lock: for callers already inside a transaction. In
 * cd-store-quotes.c. */
struct _CdQuote;
struct _CdQuote *cd_docs_load_quote (CdStore      *self,
                                     gint64        id,
                                     gboolean      with_lines,
                                     GError      **error);
/* Recomputes a quote's subtotal, tax and total from its lines in the file. */
gboolean  cd_docs_update_quote_totals (CdStore   *self,
                                       gint64     quote_id,
                                       GError   **error);

/* The same for contracts (with installments), in cd-store-contracts.c. */
struct _CdContract;
struct _CdContract *cd_docs_load_contract (CdStore   *self,
                                           gint64     id,
                                           GError   **error);
gboolean  cd_docs_insert_contract (CdStore                   *self,
                                   const struct _CdContract  *contract,
                                   GError                   **error);
/* Appends an installment (next seq) to a draft; @due is a checked day. */
gboolean  cd_docs_insert_installment (CdStore            *self,
                                      gint64              contract_id,
                                      const char         *label,
                                      const char         *due,
                                      gint64              amount_fen,
                                      GError            **error);

/* Reductions by amendment (see cd-store-contracts.h): a WITH clause that
 * names, per installment of a signed contract or signed amendment, how much
 * of it the signed reductions of the contract take off — the latest due
 * installments first, never more than is still unpaid on each. Payments
 * and reductions dated after ?9 (ISO day) are left out. Statements that use
 * it bind ?9 and join "reduced (installment_id, fen)". */
#define CD_DOCS_REDUCED_CTE \
  "WITH reduction (root, fen) AS (" \
  "  SELECT r.amends_id, sum (r.amount_fen) FROM contract r" \
  "  WHERE r.amends_id IS NOT NULL AND r.status <> 'draft' AND r.signed_date <= ?9" \
  "  AND NOT EXISTS (SELECT 1 FROM installment x WHERE x.contract_id = r.id)" \
  "  GROUP BY r.amends_id)," \
  " unpaid (id, root, open, cum) AS (" \
  "  SELECT id, root, open, sum (open) OVER (PARTITION BY root" \
  "   ORDER BY due DESC, kid DESC, seq DESC ROWS UNBOUNDED PRECEDING) FROM (" \
  "   SELECT i.id, coalesce (k.amends_id, k.id) AS root, i.due_date AS due, k.id AS kid, i.seq," \
  "    i.amount_fen - (SELECT coalesce (sum (y.amount_fen), 0) FROM payment y" \
  "     WHERE y.installment_id = i.id AND y.date <= ?9) AS open" \
  "   FROM installment i JOIN contract k ON k.id = i.contract_id" \
  "   WHERE k.status <> 'draft' AND k.signed_date <= ?9" \
  "   AND coalesce (k.amends_id, k.id) IN (SELECT root FROM reduction)))," \
  " reduced (installment_id, fen) AS (" \
  "  SELECT o.id, max (0, min (o.open, r.fen - (o.cum - o.open)))" \
  "  FROM unpaid o JOIN reduction r ON r.root = o.root) "

/* What is still to be collected on contract @root_id and its signed
 * amendments (after their reductions), and what was collected. In
 * cd-store-payments.c. */
gboolean  cd_docs_contract_balance (CdStore      *self,
                                    gint64        root_id,
                                    gint64       *outstanding_fen,
                                    gint64       *collected_fen,
                                    GError      **error);

G_END_DECLS
