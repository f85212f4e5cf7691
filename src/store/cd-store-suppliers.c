/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suppliers: the directory's records, their validation and their
 * scorecard. Supplier quotes are in cd-store-supplier-quotes.c. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-credit-code.h"
#include "store/cd-store-supply-private.h"

static const char *const categories[] = {
  "print", "large_format", "led", "gifts", "fabrication", "other", NULL,
};

static const char *const category_labels[] = {
  N_("Print"), N_("Large-format print"), N_("LED"), N_("Gifts"), N_("Fabrication"), N_("Other"),
};

/* VAT rates each kind of taxpayer invoices at (增值税): a general taxpayer
 * at 13 % (goods), 9 % or 6 % (services); a small-scale one at 3 %, the
 * reduced 1 %, or 5 % (leases); either may issue a 0 % invoice. */
static const int general_rates[] = { 0, 600, 900, 1300 };
static const int small_scale_rates[] = { 0, 100, 300, 500 };

/* ------------------------------------------------------------------ */
/* Helpers shared by the supply files                                  */

char *
cd_supply_clean_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

gint64
cd_supply_query_id (CdStore *self, sqlite3_stmt *stmt, GError **error)
{
  gint64 value = -1;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    cd_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return value;
}

gboolean
cd_supply_not_found (GError **error, const char *what, gint64 id)
{
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
               _("There is no %s with id %" PRId64 "."), what, id);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The record                                                          */

CdSupplier *
cd_supplier_new (void)
{
  CdSupplier *s = g_new0 (CdSupplier, 1);

  s->category = g_strdup ("other");
  s->vat_type = g_strdup ("general");
  s->invoice_rate_bp = 1300;
  s->status = g_strdup ("active");
  return s;
}

CdSupplier *
cd_supplier_copy (const CdSupplier *s)
{
  CdSupplier *c = g_new0 (CdSupplier, 1);

  c->id = s->id;
  c->name = g_strdup (s->name);
  c->category = g_strdup (s->category);
  c->credit_code = g_strdup (s->credit_code);
  c->contact = g_strdup (s->contact);
  c->phone = g_strdup (s->phone);
  c->address = g_strdup (s->address);
  c->bank = g_strdup (s->bank);
  c->account = g_strdup (s->account);
  c->vat_type = g_strdup (s->vat_type);
  c->invoice_rate_bp = s->invoice_rate_bp;
  c->payment_terms = g_strdup (s->payment_terms);
  c->notes = g_strdup (s->notes);
  c->status = g_strdup (s->status);
  return c;
}

void
cd_supplier_free (CdSupplier *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->category);
  g_free (s->credit_code);
  g_free (s->contact);
  g_free (s->phone);
  g_free (s->address);
  g_free (s->bank);
  g_free (s->account);
  g_free (s->vat_type);
  g_free (s->payment_terms);
  g_free (s->notes);
  g_free (s->status);
  g_free (s);
}

const char *const *
cd_supplier_categories (void)
{
  return categories;
}

const char *
cd_supplier_category_label (const char *code)
{
  for (guint i = 0; categories[i] != NULL; i++)
    if (g_strcmp0 (code, categories[i]) == 0)
      return _(category_labels[i]);
  return code;
}

const char *
cd_supplier_vat_type_label (const char *vat_type)
{
  if (g_strcmp0 (vat_type, "general") == 0)
    return _("General taxpayer");
  if (g_strcmp0 (vat_type, "small_scale") == 0)
    return _("Small-scale taxpayer");
  return vat_type;
}

static gboolean
in_list (const int *list, guint n, int value)
{
  for (guint i = 0; i < n; i++)
    if (list[i] == value)
      return TRUE;
  return FALSE;
}

/* Replaces *field by its trimmed copy (NULL when blank). */
static void
clean_field (char **field)
{
  char *clean = cd_supply_clean_text (*field);

  g_free (*field);
  *field = clean;
}

static gboolean
check_credit_code (CdSupplier *s, GError **error)
{
  g_autoptr (GError) local = NULL;
  char *code;

  if (s->credit_code == NULL)
    return TRUE;
  if (!g_utf8_validate (s->credit_code, -1, NULL))
    return cd_docs_check_text (s->credit_code, _("Credit code"), 18, FALSE, FALSE, error);
  code = cd_credit_code_normalize (s->credit_code);
  g_free (s->credit_code);
  s->credit_code = code;
  if (!cd_credit_code_validate (code, &local))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Credit code: %s"),
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_tax (const CdSupplier *s, GError **error)
{
  gboolean general = g_strcmp0 (s->vat_type, "general") == 0;

  if (!general && g_strcmp0 (s->vat_type, "small_scale") != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("VAT type: choose general or small-scale taxpayer."));
      return FALSE;
    }
  if (general ? !in_list (general_rates, G_N_ELEMENTS (general_rates), s->invoice_rate_bp)
              : !in_list (small_scale_rates, G_N_ELEMENTS (small_scale_rates), s->invoice_rate_bp))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   general ? _("Invoice rate: a general taxpayer invoices at 13 %%, 9 %%, 6 %% or 0 %%.")
                           : _("Invoice rate: a small-scale taxpayer invoices at 5 %%, 3 %%, 1 %% or 0 %%."));
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_supplier_validate (CdSupplier *s, GError **error)
{
  char **single[] = { &s->name, &s->credit_code, &s->contact, &s->phone, &s->address, &s->bank,
                      &s->account, &s->payment_terms };
  const char *labels[] = { _("Name"), _("Credit code"), _("Contact"), _("Phone"), _("Address"),
                           _("Bank"), _("Account"), _("Payment terms") };

  g_return_val_if_fail (s != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (single); i++)
    {
      gsize max = i == 0 ? CD_SUPPLIER_NAME_MAX : CD_SUPPLY_TEXT_MAX;

      if (!cd_docs_check_text (*single[i], labels[i], max, i == 0, FALSE, error))
        return FALSE;
      clean_field (single[i]);
    }
  if (!cd_docs_check_text (s->notes, _("Notes"), CD_SUPPLY_NOTE_MAX, FALSE, TRUE, error))
    return FALSE;
  clean_field (&s->notes);
  if (!g_strv_contains (categories, s->category ? s->category : ""))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Category: choose print, large-format print, LED, gifts, fabrication or other."));
      return FALSE;
    }
  if (g_strcmp0 (s->status, "active") != 0 && g_strcmp0 (s->status, "suspended") != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Status: a supplier is active or suspended."));
      return FALSE;
    }
  return check_credit_code (s, error) && check_tax (s, error);
}

/* ------------------------------------------------------------------ */
/* Reading and writing                                                 */

#define SUPPLIER_SELECT \
  "SELECT id, name, category, credit_code, contact, phone, address, bank, account, vat_type," \
  " invoice_rate_bp, payment_terms, notes, status FROM supplier"

static CdSupplier *
supplier_from_row (sqlite3_stmt *stmt)
{
  CdSupplier *s = g_new0 (CdSupplier, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = cd_docs_column_dup (stmt, 1);
  s->category = cd_docs_column_dup (stmt, 2);
  s->credit_code = cd_docs_column_dup (stmt, 3);
  s->contact = cd_docs_column_dup (stmt, 4);
  s->phone = cd_docs_column_dup (stmt, 5);
  s->address = cd_docs_column_dup (stmt, 6);
  s->bank = cd_docs_column_dup (stmt, 7);
  s->account = cd_docs_column_dup (stmt, 8);
  s->vat_type = cd_docs_column_dup (stmt, 9);
  s->invoice_rate_bp = sqlite3_column_int (stmt, 10);
  s->payment_terms = cd_docs_column_dup (stmt, 11);
  s->notes = cd_docs_column_dup (stmt, 12);
  s->status = cd_docs_column_dup (stmt, 13);
  return s;
}

CdSupplier *
cd_store_supplier_get (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  CdSupplier *s = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, SUPPLIER_SELECT " WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        s = supplier_from_row (stmt);
      else if (rc == SQLITE_DONE)
        cd_supply_not_found (error, _("supplier"), id);
      else
        cd_store_set_error (self, error, rc, _("reading a supplier"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return s;
}

/* Another supplier with the same name or credit code? */
static gboolean
check_unique (CdStore *self, const CdSupplier *s, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT name = ?2 FROM supplier WHERE id <> ?1"
                                         " AND (name = ?2 OR credit_code = ?3) LIMIT 1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_text (stmt, 2, s->name, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 3, s->credit_code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 0))
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                     _("Name: a supplier named “%s” already exists."), s->name);
      else
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                     _("Credit code: a supplier with credit code %s already exists."), s->credit_code);
    }
  else if (rc != SQLITE_DONE)
    cd_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static void
bind_supplier (sqlite3_stmt *stmt, const CdSupplier *s)
{
  sqlite3_bind_text (stmt, 1, s->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, s->category, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 3, s->credit_code);
  cd_docs_bind_text (stmt, 4, s->contact);
  cd_docs_bind_text (stmt, 5, s->phone);
  cd_docs_bind_text (stmt, 6, s->address);
  cd_docs_bind_text (stmt, 7, s->bank);
  cd_docs_bind_text (stmt, 8, s->account);
  sqlite3_bind_text (stmt, 9, s->vat_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 10, s->invoice_rate_bp);
  cd_docs_bind_text (stmt, 11, s->payment_terms);
  cd_docs_bind_text (stmt, 12, s->notes);
}

static gboolean
write_supplier (CdStore *self, CdSupplier *s, GError **error)
{
  sqlite3_stmt *stmt;

  if (s->id == 0)
    stmt = cd_store_prepare (self,
                             "INSERT INTO supplier (name, category, credit_code, contact, phone, address,"
                             " bank, account, vat_type, invoice_rate_bp, payment_terms, notes, status)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                             error);
  else
    stmt = cd_store_prepare (self,
                             "UPDATE supplier SET name = ?1, category = ?2, credit_code = ?3,"
                             " contact = ?4, phone = ?5, address = ?6, bank = ?7, account = ?8,"
                             " vat_type = ?9, invoice_rate_bp = ?10, payment_terms = ?11, notes = ?12"
                             " WHERE id = ?13",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_supplier (stmt, s);
  if (s->id == 0)
    sqlite3_bind_text (stmt, 13, s->status, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 13, s->id);
  if (!cd_docs_run (self, stmt, _("saving a supplier"), error))
    return FALSE;
  if (s->id == 0)
    s->id = cd_docs_last_id (self);
  else if (sqlite3_changes (cd_store_get_db (self)) == 0)
    return cd_supply_not_found (error, _("supplier"), s->id);
  return TRUE;
}

/* Moves the fields of @from into @to (both records stay valid). */
static void
swap_records (CdSupplier *to, CdSupplier *from)
{
  CdSupplier tmp = *to;

  *to = *from;
  *from = tmp;
}

gboolean
cd_store_supplier_save (CdStore *self, CdSupplier *supplier, GError **error)
{
  g_autoptr (CdSupplier) checked = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);

  /* Validate a copy: a refused save leaves the caller's record as typed;
   * a saved one gets the normalised values and the new id. */
  checked = cd_supplier_copy (supplier);
  if (!cd_supplier_validate (checked, error))
    return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  ok = check_unique (self, checked, error) && write_supplier (self, checked, error);
  if (!cd_docs_finish (self, ok, error))
    return FALSE;
  swap_records (supplier, checked);
  return TRUE;
}

gboolean
cd_store_supplier_set_status (CdStore *self, gint64 id, const char *status, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "suspended") != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Status: a supplier is active or suspended."));
      return FALSE;
    }
  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE supplier SET status = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
      ok = cd_docs_run (self, stmt, _("changing a supplier's status"), error);
      if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
        ok = cd_supply_not_found (error, _("supplier"), id);
    }
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_supplier_delete (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 uses;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self,
                           "SELECT (SELECT count(*) FROM supplier_quote WHERE supplier_id = ?1)"
                           " + (SELECT count(*) FROM supplier_order WHERE supplier_id = ?1)",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      uses = cd_supply_query_id (self, stmt, error);
      ok = uses >= 0;
      if (ok && uses > 0)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("This supplier has quotes or orders on record, which must keep it: "
                         "suspend the supplier instead."));
          ok = FALSE;
        }
    }
  if (ok)
    ok = (stmt = cd_store_prepare (self, "DELETE FROM supplier WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = cd_docs_run (self, stmt, _("deleting a supplier"), error);
      if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
        ok = cd_supply_not_found (error, _("supplier"), id);
    }
  return cd_docs_finish (self, ok, error);
}

/* ------------------------------------------------------------------ */
/* Scorecard                                                           */

void
cd_supplier_scorecard_free (CdSupplierScorecard *card)
{
  if (card == NULL)
    return;
  g_clear_pointer (&card->months, g_array_unref);
  g_free (card);
}

static int
rate_bp (guint part, guint whole)
{
  if (whole == 0)
    return -1;
  /* Half up, in integers: the same rate on every screen and sheet. */
  return (int) (((guint64) part * 20000 + whole) / (2 * (guint64) whole));
}

int
cd_supplier_scorecard_on_time_bp (const CdSupplierScorecard *card)
{
  return rate_bp (card->n_on_time, card->n_promised);
}

int
cd_supplier_scorecard_first_pass_bp (const CdSupplierScorecard *card)
{
  return rate_bp (card->n_first_pass, card->n_decided);
}

static gboolean
check_month (const char *text, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (strlen (text) == 7 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
      && g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]) && text[4] == '-'
      && ((text[5] == '0' && text[6] >= '1' && text[6] <= '9')
          || (text[5] == '1' && text[6] >= '0' && text[6] <= '2')))
    return TRUE;
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("“%s” is not a month; write it as YYYY-MM."), g_utf8_validate (text, -1, NULL) ? text : "?");
  return FALSE;
}

static gboolean
read_counts (CdStore *self, CdSupplierScorecard *card, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "SELECT count(*),"
    " coalesce (sum (status IN ('requested', 'ordered', 'delivered')), 0),"
    " coalesce (sum (delivered_date IS NOT NULL AND promised_date IS NOT NULL), 0),"
    " coalesce (sum (delivered_date IS NOT NULL AND promised_date IS NOT NULL"
    "                AND delivered_date <= promised_date), 0),"
    " coalesce (sum (rework_of_id IS NULL AND status IN ('accepted', 'rejected', 'reworked')), 0),"
    " coalesce (sum (rework_of_id IS NULL AND status = 'accepted'), 0),"
    " coalesce (sum (rework_of_id IS NOT NULL), 0)"
    " FROM supplier_order WHERE supplier_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card->supplier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      card->n_orders = (guint) sqlite3_column_int64 (stmt, 0);
      card->n_open = (guint) sqlite3_column_int64 (stmt, 1);
      card->n_promised = (guint) sqlite3_column_int64 (stmt, 2);
      card->n_on_time = (guint) sqlite3_column_int64 (stmt, 3);
      card->n_late = card->n_promised - card->n_on_time;
      card->n_decided = (guint) sqlite3_column_int64 (stmt, 4);
      card->n_first_pass = (guint) sqlite3_column_int64 (stmt, 5);
      card->n_reworks = (guint) sqlite3_column_int64 (stmt, 6);
    }
  else
    cd_store_set_error (self, error, rc, _("reading a supplier's scorecard"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
read_spend (CdStore *self, CdSupplierScorecard *card, const char *from, const char *to,
            GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "SELECT substr (o.accepted_date, 1, 7), sum (l.amount_fen), sum (l.tax_fen)"
    " FROM supplier_order o JOIN supplier_order_line l ON l.order_id = o.id"
    " WHERE o.supplier_id = ?1 AND o.status = 'accepted' AND o.accepted_date IS NOT NULL"
    " AND (?2 IS NULL OR o.accepted_date >= ?2 || '-01')"
    " AND (?3 IS NULL OR o.accepted_date < date (?3 || '-01', '+1 month'))"
    " GROUP BY 1 ORDER BY 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card->supplier_id);
  cd_docs_bind_text (stmt, 2, from);
  cd_docs_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdSupplierMonthSpend month = { { 0 }, 0, 0 };
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      g_strlcpy (month.month, text ? text : "", sizeof month.month);
      month.net_fen = sqlite3_column_int64 (stmt, 1);
      month.tax_fen = sqlite3_column_int64 (stmt, 2);
      card->spend_net_fen += month.net_fen;
      card->spend_tax_fen += month.tax_fen;
      g_array_append_val (card->months, month);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a supplier's scorecard"));
      return FALSE;
    }
  return TRUE;
}

CdSupplierScorecard *
cd_store_supplier_scorecard (CdStore *self, gint64 supplier_id, const char *from_month,
                             const char *to_month, GError **error)
{
  g_autoptr (CdSupplierScorecard) card = NULL;
  g_autoptr (CdSupplier) supplier = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!check_month (from_month, error) || !check_month (to_month, error))
    return NULL;
  supplier = cd_store_supplier_get (self, supplier_id, error);
  if (supplier == NULL)
    return NULL;
  card = g_new0 (CdSupplierScorecard, 1);
  card->supplier_id = supplier_id;
  card->months = g_array_new (FALSE, TRUE, sizeof (CdSupplierMonthSpend));
  cd_store_lock (self);
  ok = read_counts (self, card, error) && read_spend (self, card, from_month, to_month, error);
  cd_store_unlock (self);
  return ok ? g_steal_pointer (&card) : NULL;
}
