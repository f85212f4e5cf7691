/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What finance paid to suppliers: payments against supplier orders, never
 * more than an order's total, and a supplier's statement over a period. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-money.h"
#include "store/cd-store-month-end.h"
#include "store/cd-store-docs-private.h"

#define REFERENCE_MAX_CHARS 200

/* An order becomes payable when accepted with a signed acceptance that
 * passed; the same rule as the monthly supplier sheet. */
#define SIGNED_PASS                                                                      \
  "EXISTS (SELECT 1 FROM acceptance x WHERE x.supplier_order_id = o.id"                  \
  " AND x.status = 'signed' AND x.result IN ('pass', 'conditional'))"
#define ORDER_TOTAL                                                                      \
  "(SELECT coalesce (sum (l.amount_fen + l.tax_fen), 0) FROM supplier_order_line l"      \
  " WHERE l.order_id = o.id)"

static void
format_iso (const GDate *date, char out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* The refusals of quote and contract text (cd_docs_check_text ()): not
 * UTF-8, a control character, an invisible direction override or isolate
 * (U+202A–U+202E, U+2066–U+2069) that would make a bank reference read
 * differently on the statement from what is stored, or too long; C1
 * controls (U+0080–U+009F) are refused here as before. */
static gboolean
check_reference (const char *reference, GError **error)
{
  if (reference == NULL)
    return TRUE;
  if (!cd_docs_check_text (reference, _("The payment reference"), REFERENCE_MAX_CHARS, FALSE, FALSE,
                           error))
    return FALSE;
  for (const char *p = reference; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                     _("The payment reference holds a control character."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_payment (const GDate *date, gint64 amount_fen, const char *reference, GError **error)
{
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The payment needs a valid date."));
      return FALSE;
    }
  if (amount_fen <= 0 || amount_fen > CD_MONEY_MAX_FEN)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A payment must be more than zero and at most ¥999,999,999,999.99."));
      return FALSE;
    }
  return check_reference (reference, error);
}

/* Reads number, total and paid of one order; the caller holds the lock. */
static gboolean
read_balance (CdStore *store, gint64 order_id, char **out_number, gint64 *out_total,
              gint64 *out_paid, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (
    store,
    "SELECT o.number, " ORDER_TOTAL ","
    " (SELECT coalesce (sum (y.amount_fen), 0) FROM supplier_payment y"
    "  WHERE y.supplier_order_id = o.id)"
    " FROM supplier_order o WHERE o.id = ?1",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_number)
        *out_number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_total = sqlite3_column_int64 (stmt, 1);
      *out_paid = sqlite3_column_int64 (stmt, 2);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no supplier order with id %" PRId64 "."), order_id);
  else
    cd_store_set_error (store, error, rc, _("reading a supplier order"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
cd_store_supplier_order_balance (CdStore *store, gint64 order_id, gint64 *out_total_fen,
                                 gint64 *out_paid_fen, GError **error)
{
  gint64 total = 0, paid = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);

  cd_store_lock (store);
  ok = read_balance (store, order_id, NULL, &total, &paid, error);
  cd_store_unlock (store);
  if (ok && out_total_fen)
    *out_total_fen = total;
  if (ok && out_paid_fen)
    *out_paid_fen = paid;
  return ok;
}

static void
set_overpayment_error (GError **error, const char *number, gint64 amount, gint64 total,
                       gint64 paid)
{
  g_autofree char *amount_text = cd_money_format (amount);
  g_autofree char *after_text = cd_money_format (paid + amount);
  g_autofree char *total_text = cd_money_format (total);
  g_autofree char *left_text = cd_money_format (MAX (total - paid, 0));

  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("A payment of %s on supplier order %s would bring what was paid to %s, more "
                 "than the order’s total of %s: at most %s is left to pay."),
               amount_text, number, after_text, total_text, left_text);
}

static gboolean
insert_payment (CdStore *store, gint64 order_id, const GDate *date, gint64 amount_fen,
                const char *reference, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (
    store,
    "INSERT INTO supplier_payment (supplier_order_id, date, amount_fen, reference)"
    " VALUES (?1, ?2, ?3, ?4)",
    error);
  char iso[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  format_iso (date, iso);
  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_fen);
  if (reference != NULL && *reference != '\0')
    sqlite3_bind_text (stmt, 4, reference, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (store, error, rc, _("saving a supplier payment"));
      return FALSE;
    }
  if (out_id)
    *out_id = sqlite3_last_insert_rowid (cd_store_get_db (store));
  return TRUE;
}

gboolean
cd_store_record_supplier_payment (CdStore *store, gint64 order_id, const GDate *date,
                                  gint64 amount_fen, const char *reference, gint64 *out_id,
                                  GError **error)
{
  g_autofree char *number = NULL;
  gint64 total = 0, paid = 0;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);

  if (!check_payment (date, amount_fen, reference, error))
    return FALSE;
  /* Check and insert in one write transaction, so two payments recorded
   * at once cannot both pass the check. */
  if (!cd_store_begin (store, error))
    return FALSE;
  if (!read_balance (store, order_id, &number, &total, &paid, error))
    goto fail;
  if (paid + amount_fen > total)
    {
      set_overpayment_error (error, number, amount_fen, total, paid);
      goto fail;
    }
  if (!insert_payment (store, order_id, date, amount_fen, reference, out_id, error))
    goto fail;
  return cd_store_commit (store, error);

fail:
  cd_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Statement                                                           */

static char *
read_supplier_name (CdStore *store, gint64 supplier_id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (store, "SELECT name FROM supplier WHERE id = ?1", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no supplier with id %" PRId64 "."), supplier_id);
  else
    cd_store_set_error (store, error, rc, _("reading a supplier"));
  sqlite3_reset (stmt);
  return name;
}

static gboolean
read_opening (CdStore *store, gint64 supplier_id, const char *from, gint64 *out_opening,
              GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (
    store,
    "SELECT (SELECT coalesce (sum (" ORDER_TOTAL "), 0) FROM supplier_order o"
    "   WHERE o.supplier_id = ?1 AND o.status = 'accepted' AND o.accepted_date < ?2"
    "   AND " SIGNED_PASS ")"
    " - (SELECT coalesce (sum (y.amount_fen), 0) FROM supplier_payment y"
    "   JOIN supplier_order o ON o.id = y.supplier_order_id"
    "   WHERE o.supplier_id = ?1 AND y.date < ?2)",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_opening = sqlite3_column_int64 (stmt, 0);
  else
    cd_store_set_error (store, error, rc, _("reading a supplier statement"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

typedef struct
{
  gint64 balance;
  gint64 charged;
  gint64 paid;
} Running;

static GVariant *
entry_variant (sqlite3_stmt *stmt, Running *running)
{
  GVariantDict dict;
  gint64 charge = sqlite3_column_int64 (stmt, 4);
  gint64 payment = sqlite3_column_int64 (stmt, 5);
  const char *reference = (const char *) sqlite3_column_text (stmt, 3);
  const char *number = (const char *) sqlite3_column_text (stmt, 2);

  running->balance += charge - payment;
  running->charged += charge;
  running->paid += payment;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "date", "s", (const char *) sqlite3_column_text (stmt, 0));
  g_variant_dict_insert (&dict, "kind", "s", (const char *) sqlite3_column_text (stmt, 1));
  g_variant_dict_insert (&dict, "number", "s", number ? number : "");
  g_variant_dict_insert (&dict, "reference", "s",
                         reference && g_utf8_validate (reference, -1, NULL) ? reference : "");
  g_variant_dict_insert (&dict, "charge_fen", "x", charge);
  g_variant_dict_insert (&dict, "payment_fen", "x", payment);
  g_variant_dict_insert (&dict, "balance_fen", "x", running->balance);
  return g_variant_dict_end (&dict);
}

static gboolean
read_entries (CdStore *store, gint64 supplier_id, const char *from, const char *to,
              GVariantBuilder *entries, Running *running, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (
    store,
    "SELECT o.accepted_date, 'order', o.number, '', " ORDER_TOTAL ", 0, o.id"
    " FROM supplier_order o WHERE o.supplier_id = ?1 AND o.status = 'accepted'"
    " AND o.accepted_date >= ?2 AND o.accepted_date <= ?3 AND " SIGNED_PASS
    " UNION ALL"
    " SELECT y.date, 'payment', o.number, coalesce (y.reference, ''), 0, y.amount_fen, y.id"
    " FROM supplier_payment y JOIN supplier_order o ON o.id = y.supplier_order_id"
    " WHERE o.supplier_id = ?1 AND y.date >= ?2 AND y.date <= ?3"
    " ORDER BY 1, 2, 3, 7",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (entries, entry_variant (stmt, running));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (store, error, rc, _("reading a supplier statement"));
      return FALSE;
    }
  return TRUE;
}

static GVariant *
build_statement (CdStore *store, gint64 supplier_id, const char *from, const char *to,
                 GError **error)
{
  g_autofree char *name = NULL;
  GVariantBuilder entries;
  GVariantDict dict;
  Running running = { 0 };
  gint64 opening = 0;

  name = read_supplier_name (store, supplier_id, error);
  if (name == NULL || !read_opening (store, supplier_id, from, &opening, error))
    return NULL;

  running.balance = opening;
  g_variant_builder_init (&entries, G_VARIANT_TYPE ("aa{sv}"));
  if (!read_entries (store, supplier_id, from, to, &entries, &running, error))
    {
      g_variant_builder_clear (&entries);
      return NULL;
    }

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "supplier", "s", g_utf8_validate (name, -1, NULL) ? name : "");
  g_variant_dict_insert (&dict, "opening_balance_fen", "x", opening);
  g_variant_dict_insert (&dict, "charged_fen", "x", running.charged);
  g_variant_dict_insert (&dict, "paid_fen", "x", running.paid);
  g_variant_dict_insert (&dict, "closing_balance_fen", "x", running.balance);
  g_variant_dict_insert_value (&dict, "entries", g_variant_builder_end (&entries));
  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

GVariant *
cd_store_supplier_statement (CdStore *store, gint64 supplier_id, const GDate *from,
                             const GDate *to, GError **error)
{
  char from_iso[11], to_iso[11];
  GVariant *statement;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  if (from == NULL || to == NULL || !g_date_valid (from) || !g_date_valid (to)
      || g_date_compare (from, to) > 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A statement needs a period whose first day is not after its last day."));
      return NULL;
    }
  format_iso (from, from_iso);
  format_iso (to, to_iso);

  cd_store_lock (store);
  statement = build_statement (store, supplier_id, from_iso, to_iso, error);
  cd_store_unlock (store);
  return statement;
}
