/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `check`: the file's integrity, then the domain's invariants, each broken
 * one reported as a sentence naming the record. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-store-lock-hash.h"
#include "store/cd-store-meetings-private.h"
#include "store/cd-store-private.h"

typedef struct
{
  const char *sql;      /* one row per offending record: its number, then figures */
  const char *message;  /* printf format over the row's columns, as text */
} Invariant;

/* Each query returns (label, a, b) as text for the message. */
static const Invariant invariants[] = {
  { "SELECT q.number || ' v' || q.version, q.subtotal_fen,"
    " (SELECT coalesce (sum (l.amount_fen), 0) FROM quote_line l WHERE l.quote_id = q.id)"
    " FROM quote q WHERE q.subtotal_fen <> (SELECT coalesce (sum (l.amount_fen), 0)"
    "  FROM quote_line l WHERE l.quote_id = q.id)",
    N_("Quote %s: the subtotal (%s fen) differs from the sum of its lines (%s fen).") },
  { "SELECT q.number || ' v' || q.version, q.total_fen, q.subtotal_fen + q.tax_fen"
    " FROM quote q WHERE q.total_fen <> q.subtotal_fen + q.tax_fen",
    N_("Quote %s: the total (%s fen) is not subtotal plus tax (%s fen).") },
  { "SELECT k.number, k.amount_fen, sum (i.amount_fen) FROM contract k"
    " JOIN installment i ON i.contract_id = k.id GROUP BY k.id"
    " HAVING sum (i.amount_fen) <> k.amount_fen",
    N_("Contract %s: the amount (%s fen) differs from the sum of its installments (%s fen).") },
  { "SELECT k.number || ' #' || i.seq, i.amount_fen, sum (y.amount_fen) FROM installment i"
    " JOIN contract k ON k.id = i.contract_id JOIN payment y ON y.installment_id = i.id"
    " GROUP BY i.id HAVING sum (y.amount_fen) > i.amount_fen",
    N_("Installment %s: %s fen are due but payments add up to %s fen.") },
  { "SELECT p.number, p.status, '' FROM project p WHERE p.status IN"
    " ('contracted', 'in_production', 'delivered', 'closed') AND (SELECT count(*) FROM quote q"
    "  WHERE q.project_id = p.id AND q.status = 'accepted') <> 1",
    N_("Project %s is %s but does not have exactly one accepted quote version.") },
  { "SELECT o.number, o.status, '' FROM supplier_order o WHERE o.status = 'accepted'"
    " AND NOT EXISTS (SELECT 1 FROM acceptance a WHERE a.supplier_order_id = o.id"
    "  AND a.status = 'signed' AND a.result IN ('pass', 'conditional'))",
    N_("Supplier order %s is %s without a signed, passed acceptance.") },
  { "SELECT o.number || ' #' || l.position, l.amount_fen, l.tax_fen FROM supplier_order_line l"
    " JOIN supplier_order o ON o.id = l.order_id WHERE l.amount_fen < 0 OR l.tax_fen < 0",
    N_("Supplier order line %s has a negative amount (%s) or tax (%s).") },
  { "SELECT c.name, c.status, '' FROM client c WHERE c.status = 'lost'"
    " AND length (trim (coalesce (c.lost_reason, ''))) = 0",
    N_("Client %s is %s without a reason.") },
};

static void
add_problem (GPtrArray *problems, const char *format, sqlite3_stmt *stmt)
{
  const char *a = (const char *) sqlite3_column_text (stmt, 0);
  const char *b = (const char *) sqlite3_column_text (stmt, 1);
  const char *c = (const char *) sqlite3_column_text (stmt, 2);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_ptr_array_add (problems, g_strdup_printf (_(format), a ? a : "", b ? b : "", c ? c : ""));
#pragma GCC diagnostic pop
}

static gboolean
check_integrity (CdStore *self, GPtrArray *problems, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "PRAGMA integrity_check", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The database file is damaged: %s."), line));
    }
  sqlite3_reset (stmt);

  stmt = cd_store_prepare (self, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
                           error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Row %s of %s points to a missing %s."),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_invariants (CdStore *self, GPtrArray *problems, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      sqlite3_stmt *stmt = cd_store_prepare (self, invariants[i].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_problem (problems, invariants[i].message, stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cd_store_set_error (self, error, rc, _("checking the database"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cd_store_check:
 * @problems: (out) (transfer full) (optional): one sentence per problem
 *
 * Returns: %TRUE when the file is sound and every invariant holds; %FALSE
 *   with @error set only when the check itself could not run.
 */
gboolean
cd_store_check (CdStore *self, GPtrArray **problems, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gboolean ran;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  cd_store_lock (self);
  ran = check_integrity (self, found, error) && check_invariants (self, found, error)
        && cd_store_verify_locked_hashes (self, found, error)
        && cd_store_plans_check (self, found, error);  /* plans and meetings (issue 12) */
  cd_store_unlock (self);

  if (!ran)
    return FALSE;
  if (found->len > 0)
    {
      if (problems)
        *problems = g_steal_pointer (&found);
      return FALSE;
    }
  if (problems)
    *problems = g_steal_pointer (&found);
  return TRUE;
}
