/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Supplier orders (供应商业务单): made by hand or from chosen supplier
 * quotes, followed from requested to delivered, decided by signing the
 * delivery's acceptance, and redone by a rework order when rejected. The
 * state machine is core's (cd-states.c); the database's trigger refuses any
 * other move whatever program makes it. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "store/cd-store-supply-private.h"

#define ORDER_SELECT \
  "SELECT o.id, o.number, o.project_id, o.supplier_id, o.status, o.order_date, o.promised_date," \
  " o.delivered_date, o.accepted_date, o.delivery_place, o.rework_of_id, o.notes, s.name," \
  " s.category, s.contact, s.phone, s.address, p.number, p.name," \
  " (SELECT r.number FROM supplier_order r WHERE r.id = o.rework_of_id)," \
  " (SELECT r.number FROM supplier_order r WHERE r.rework_of_id = o.id ORDER BY r.id LIMIT 1)" \
  " FROM supplier_order o JOIN supplier s ON s.id = o.supplier_id" \
  " JOIN project p ON p.id = o.project_id"

/* ------------------------------------------------------------------ */
/* Lines                                                               */

CdSupplierOrderLine *
cd_supplier_order_line_new (void)
{
  CdSupplierOrderLine *line = g_new0 (CdSupplierOrderLine, 1);

  line->tax_rate_bp = 1300;
  return line;
}

CdSupplierOrderLine *
cd_supplier_order_line_copy (const CdSupplierOrderLine *line)
{
  CdSupplierOrderLine *copy = g_memdup2 (line, sizeof *line);

  copy->item = g_strdup (line->item);
  copy->spec = g_strdup (line->spec);
  copy->unit = g_strdup (line->unit);
  return copy;
}

void
cd_supplier_order_line_free (CdSupplierOrderLine *line)
{
  if (line == NULL)
    return;
  g_free (line->item);
  g_free (line->spec);
  g_free (line->unit);
  g_free (line);
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cd_supplier_order_line_compute (CdSupplierOrderLine *line, GError **error)
{
  g_autoptr (GError) money_error = NULL;

  g_return_val_if_fail (line != NULL, FALSE);

  if (!cd_docs_check_text (line->item, _("Item"), 300, TRUE, FALSE, error)
      || !cd_docs_check_text (line->spec, _("Specification"), CD_SUPPLY_TEXT_MAX, FALSE, FALSE, error)
      || !cd_docs_check_text (line->unit, _("Unit"), 20, FALSE, FALSE, error))
    return FALSE;
  if (line->qty_milli <= 0 || line->qty_milli > CD_QUANTITY_MAX_MILLI)
    return invalid (error, _("Quantity: give a number above zero."));
  if (line->unit_price_fen < 0 || line->unit_price_fen > CD_MONEY_MAX_FEN)
    return invalid (error, _("Unit price: give an amount of zero or more."));
  if (line->tax_rate_bp < 0 || line->tax_rate_bp > 10000)
    return invalid (error, _("Tax rate: give a rate from 0 % to 100 %."));
  if (!cd_money_line_amount_checked (line->qty_milli, line->unit_price_fen, 0, &line->amount_fen,
                                     &money_error))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, _("Amount: %s"),
                   money_error->message);
      return FALSE;
    }
  line->tax_fen = cd_money_tax (line->amount_fen, line->tax_rate_bp);
  return TRUE;
}

gboolean
cd_supply_insert_order_lines (CdStore *self, gint64 order_id, GPtrArray *lines, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO supplier_order_line (order_id, position, quote_line_id, item, spec, qty_milli,"
    " unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen)"
    " VALUES (?1, ?2, nullif (?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      CdSupplierOrderLine *line = g_ptr_array_index (lines, i);
      g_autofree char *item = NULL;

      if (!cd_supplier_order_line_compute (line, error))
        {
          g_prefix_error (error, _("Line %u: "), i + 1);
          return FALSE;
        }
      item = cd_supply_clean_text (line->item);
      sqlite3_bind_int64 (stmt, 1, order_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_int64 (stmt, 3, line->quote_line_id);
      sqlite3_bind_text (stmt, 4, item, -1, SQLITE_TRANSIENT);
      cd_docs_bind_text (stmt, 5, line->spec);
      sqlite3_bind_int64 (stmt, 6, line->qty_milli);
      cd_docs_bind_text (stmt, 7, line->unit);
      sqlite3_bind_int64 (stmt, 8, line->unit_price_fen);
      sqlite3_bind_int (stmt, 9, line->tax_rate_bp);
      sqlite3_bind_int64 (stmt, 10, line->amount_fen);
      sqlite3_bind_int64 (stmt, 11, line->tax_fen);
      if (!cd_docs_run (self, stmt, _("saving a supplier order line"), error))
        return FALSE;
      line->position = (int) i + 1;
      line->id = cd_docs_last_id (self);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

void
cd_supplier_order_free (CdSupplierOrder *o)
{
  if (o == NULL)
    return;
  g_free (o->number);
  g_free (o->order_date);
  g_free (o->promised_date);
  g_free (o->delivered_date);
  g_free (o->accepted_date);
  g_free (o->delivery_place);
  g_free (o->notes);
  g_free (o->supplier_name);
  g_free (o->supplier_category);
  g_free (o->supplier_contact);
  g_free (o->supplier_phone);
  g_free (o->supplier_address);
  g_free (o->project_number);
  g_free (o->project_name);
  g_free (o->rework_of_number);
  g_free (o->reworked_by_number);
  g_clear_pointer (&o->lines, g_ptr_array_unref);
  g_free (o);
}

static CdSupplierOrder *
order_from_row (sqlite3_stmt *stmt)
{
  CdSupplierOrder *o = g_new0 (CdSupplierOrder, 1);
  int status;

  o->id = sqlite3_column_int64 (stmt, 0);
  o->number = cd_docs_column_dup (stmt, 1);
  o->project_id = sqlite3_column_int64 (stmt, 2);
  o->supplier_id = sqlite3_column_int64 (stmt, 3);
  status = cd_state_index ("supplier_order", (const char *) sqlite3_column_text (stmt, 4));
  o->status = status >= 0 ? (CdSupplierOrderStatus) status : CD_SUPPLIER_ORDER_REQUESTED;
  o->order_date = cd_docs_column_dup (stmt, 5);
  o->promised_date = cd_docs_column_dup (stmt, 6);
  o->delivered_date = cd_docs_column_dup (stmt, 7);
  o->accepted_date = cd_docs_column_dup (stmt, 8);
  o->delivery_place = cd_docs_column_dup (stmt, 9);
  o->rework_of_id = sqlite3_column_int64 (stmt, 10);
  o->notes = cd_docs_column_dup (stmt, 11);
  o->supplier_name = cd_docs_column_dup (stmt, 12);
  o->supplier_category = cd_docs_column_dup (stmt, 13);
  o->supplier_contact = cd_docs_column_dup (stmt, 14);
  o->supplier_phone = cd_docs_column_dup (stmt, 15);
  o->supplier_address = cd_docs_column_dup (stmt, 16);
  o->project_number = cd_docs_column_dup (stmt, 17);
  o->project_name = cd_docs_column_dup (stmt, 18);
  o->rework_of_number = cd_docs_column_dup (stmt, 19);
  o->reworked_by_number = cd_docs_column_dup (stmt, 20);
  o->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_order_line_free);
  return o;
}

static gboolean
load_lines (CdStore *self, CdSupplierOrder *o, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "SELECT id, position, quote_line_id, item, spec, qty_milli, unit, unit_price_fen, tax_rate_bp,"
    " amount_fen, tax_fen FROM supplier_order_line WHERE order_id = ?1 ORDER BY position, id",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdSupplierOrderLine *line = g_new0 (CdSupplierOrderLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->position = sqlite3_column_int (stmt, 1);
      line->quote_line_id = sqlite3_column_int64 (stmt, 2);
      line->item = cd_docs_column_dup (stmt, 3);
      line->spec = cd_docs_column_dup (stmt, 4);
      line->qty_milli = sqlite3_column_int64 (stmt, 5);
      line->unit = cd_docs_column_dup (stmt, 6);
      line->unit_price_fen = sqlite3_column_int64 (stmt, 7);
      line->tax_rate_bp = sqlite3_column_int (stmt, 8);
      line->amount_fen = sqlite3_column_int64 (stmt, 9);
      line->tax_fen = sqlite3_column_int64 (stmt, 10);
      o->subtotal_fen += line->amount_fen;
      o->tax_fen += line->tax_fen;
      g_ptr_array_add (o->lines, line);
    }
  sqlite3_reset (stmt);
  o->total_fen = o->subtotal_fen + o->tax_fen;
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a supplier order"));
      return FALSE;
    }
  return TRUE;
}

static CdSupplierOrder *
load_order_where (CdStore *self, const char *sql, gint64 id, const char *number,
                  gboolean with_lines, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, error);
  g_autoptr (CdSupplierOrder) o = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (number != NULL)
    sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    o = order_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      if (number != NULL)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     _("There is no supplier order numbered “%s”."), number);
      else
        cd_supply_not_found (error, _("supplier order"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cd_store_set_error (self, error, rc, _("reading a supplier order"));
      return NULL;
    }
  if (with_lines && !load_lines (self, o, error))
    return NULL;
  return g_steal_pointer (&o);
}

CdSupplierOrder *
cd_supply_load_order (CdStore *self, gint64 id, gboolean with_lines, GError **error)
{
  return load_order_where (self, ORDER_SELECT " WHERE o.id = ?1", id, NULL, with_lines, error);
}

CdSupplierOrder *
cd_store_supplier_order_get (CdStore *self, gint64 id, GError **error)
{
  CdSupplierOrder *o;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  cd_store_lock (self);
  o = cd_supply_load_order (self, id, TRUE, error);
  cd_store_unlock (self);
  return o;
}

CdSupplierOrder *
cd_store_supplier_order_find (CdStore *self, const char *number, GError **error)
{
  CdSupplierOrder *o;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  cd_store_lock (self);
  o = load_order_where (self, ORDER_SELECT " WHERE o.number = ?1", 0, number, TRUE, error);
  cd_store_unlock (self);
  return o;
}

/* ------------------------------------------------------------------ */
/* Making an order                                                     */

typedef struct
{
  gint64      project_id;
  gint64      supplier_id;
  const char *status;
  char       *order_date;
  char       *promised_date;
  const char *delivery_place;
  const char *notes;
  gint64      rework_of_id;
} NewOrder;

static void
new_order_clear (NewOrder *n)
{
  g_free (n->order_date);
  g_free (n->promised_date);
}

/* Resolves the order date (today when NULL) and checks the promise. */
static gboolean
resolve_dates (NewOrder *n, const char *order_date, const char *promised_date, GError **error)
{
  n->order_date = cd_docs_resolve_date (order_date, _("Order date"), error);
  if (n->order_date == NULL)
    return FALSE;
  if (promised_date == NULL || *promised_date == '\0')
    return TRUE;
  n->promised_date = cd_docs_resolve_date (promised_date, _("Promised delivery date"), error);
  if (n->promised_date == NULL)
    return FALSE;
  if (strcmp (n->promised_date, n->order_date) < 0)
    return invalid (error, _("Promised delivery date: it comes before the order date."));
  return TRUE;
}

static gboolean
check_new_order (CdStore *self, const NewOrder *n, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "SELECT (SELECT status FROM project WHERE id = ?1), (SELECT status FROM supplier WHERE id = ?2)",
    error);
  gboolean ok = FALSE;
  const char *project, *supplier;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n->project_id);
  sqlite3_bind_int64 (stmt, 2, n->supplier_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      project = (const char *) sqlite3_column_text (stmt, 0);
      supplier = (const char *) sqlite3_column_text (stmt, 1);
      if (project == NULL)
        cd_supply_not_found (error, _("project"), n->project_id);
      else if (supplier == NULL)
        cd_supply_not_found (error, _("supplier"), n->supplier_id);
      else if (g_str_equal (project, "closed") || g_str_equal (project, "cancelled"))
        invalid (error, _("The project is closed or cancelled: it takes no new supplier orders."));
      else if (n->rework_of_id == 0 && !g_str_equal (supplier, "active"))
        invalid (error, _("This supplier is suspended: make it active again before ordering from it."));
      else
        ok = TRUE;
    }
  else
    cd_store_set_error (self, error, sqlite3_errcode (cd_store_get_db (self)), NULL);
  sqlite3_reset (stmt);
  return ok;
}

static gint64
insert_order (CdStore *self, const NewOrder *n, GPtrArray *lines, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *number = NULL;
  GDate date;
  gint64 id;

  if (lines == NULL || lines->len == 0)
    return invalid (error, _("An order needs at least one line.")), 0;
  if (!check_new_order (self, n, error))
    return 0;
  cd_docs_parse_date (n->order_date, &date);
  number = cd_store_next_number (self, "supplier_order", &date, error);
  if (number == NULL)
    return 0;
  stmt = cd_store_prepare (self,
    "INSERT INTO supplier_order (number, project_id, supplier_id, status, order_date,"
    " promised_date, delivery_place, rework_of_id, notes)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, nullif (?8, 0), ?9)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, n->project_id);
  sqlite3_bind_int64 (stmt, 3, n->supplier_id);
  sqlite3_bind_text (stmt, 4, n->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, n->order_date, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 6, n->promised_date);
  cd_docs_bind_text (stmt, 7, n->delivery_place);
  sqlite3_bind_int64 (stmt, 8, n->rework_of_id);
  cd_docs_bind_text (stmt, 9, n->notes);
  if (!cd_docs_run (self, stmt, _("saving a supplier order"), error))
    return 0;
  id = cd_docs_last_id (self);
  return cd_supply_insert_order_lines (self, id, lines, error) ? id : 0;
}

static gboolean
check_order_texts (const char *delivery_place, const char *notes, GError **error)
{
  return cd_docs_check_text (delivery_place, _("Delivery place"), CD_SUPPLY_TEXT_MAX, FALSE, FALSE, error)
         && cd_docs_check_text (notes, _("Notes"), CD_SUPPLY_NOTE_MAX, FALSE, TRUE, error);
}

gint64
cd_store_supplier_order_create (CdStore *self, gint64 project_id, gint64 supplier_id,
                                const char *order_date, const char *promised_date,
                                const char *delivery_place, const char *notes, GPtrArray *lines,
                                GError **error)
{
  NewOrder n = { project_id, supplier_id, "requested", NULL, NULL, delivery_place, notes, 0 };
  gint64 id = 0;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (resolve_dates (&n, order_date, promised_date, error)
      && check_order_texts (delivery_place, notes, error)
      && cd_store_begin (self, error))
    {
      id = insert_order (self, &n, lines, error);
      if (!cd_docs_finish (self, id > 0, error))
        id = 0;
    }
  new_order_clear (&n);
  return id;
}

/* One order line from a chosen quote, at the supplier's VAT rate; the unit
 * comes from the client's quote line when the quote names one. */
static CdSupplierOrderLine *
line_from_quote (CdStore *self, gint64 quote_id, NewOrder *n, int *lead, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "SELECT q.project_id, q.supplier_id, q.chosen, coalesce (q.quote_line_id, 0), q.item, q.spec,"
    " q.qty_milli, q.price_fen, q.lead_days, s.invoice_rate_bp,"
    " (SELECT l.unit FROM quote_line l WHERE l.id = q.quote_line_id)"
    " FROM supplier_quote q JOIN supplier s ON s.id = q.supplier_id WHERE q.id = ?1", error);
  CdSupplierOrderLine *line = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    cd_supply_not_found (error, _("supplier quote"), quote_id);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, NULL);
  else if (n->project_id != 0 && (sqlite3_column_int64 (stmt, 0) != n->project_id
                                  || sqlite3_column_int64 (stmt, 1) != n->supplier_id))
    invalid (error, _("The quotes of one order must come from one supplier for one project."));
  else if (sqlite3_column_int (stmt, 2) == 0)
    invalid (error, _("Only a chosen supplier quote becomes an order: choose it first, with a reason."));
  else
    {
      n->project_id = sqlite3_column_int64 (stmt, 0);
      n->supplier_id = sqlite3_column_int64 (stmt, 1);
      line = cd_supplier_order_line_new ();
      line->quote_line_id = sqlite3_column_int64 (stmt, 3);
      line->item = cd_docs_column_dup (stmt, 4);
      line->spec = cd_docs_column_dup (stmt, 5);
      line->qty_milli = sqlite3_column_int64 (stmt, 6);
      line->unit_price_fen = sqlite3_column_int64 (stmt, 7);
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        *lead = MAX (*lead, sqlite3_column_int (stmt, 8));
      line->tax_rate_bp = sqlite3_column_int (stmt, 9);
      line->unit = cd_docs_column_dup (stmt, 10);
    }
  sqlite3_reset (stmt);
  return line;
}

static char *
add_days (const char *iso, int days)
{
  GDate date;
  char text[16];

  cd_docs_parse_date (iso, &date);
  g_date_add_days (&date, (guint) days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

gint64
cd_store_supplier_order_create_from_quotes (CdStore *self, const gint64 *quote_ids, guint n_quotes,
                                            const char *order_date, const char *delivery_place,
                                            GError **error)
{
  NewOrder n = { 0, 0, "requested", NULL, NULL, delivery_place, NULL, 0 };
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_order_line_free);
  gboolean ok;
  int lead = -1;
  gint64 id = 0;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (n_quotes == 0)
    return invalid (error, _("Choose at least one supplier quote to order.")), 0;
  if (!resolve_dates (&n, order_date, NULL, error) || !check_order_texts (delivery_place, NULL, error)
      || !cd_store_begin (self, error))
    {
      new_order_clear (&n);
      return 0;
    }
  ok = TRUE;
  for (guint i = 0; ok && i < n_quotes; i++)
    {
      CdSupplierOrderLine *line = line_from_quote (self, quote_ids[i], &n, &lead, error);

      ok = line != NULL;
      if (ok)
        g_ptr_array_add (lines, line);
    }
  if (ok && lead >= 0)
    n.promised_date = add_days (n.order_date, lead);
  if (ok)
    ok = (id = insert_order (self, &n, lines, error)) > 0;
  if (!cd_docs_finish (self, ok, error))
    id = 0;
  new_order_clear (&n);
  return id;
}

/* ------------------------------------------------------------------ */
/* Changing an order                                                   */

static gboolean
require_status (const CdSupplierOrder *o, gboolean ok, const char *message, GError **error)
{
  if (ok)
    return TRUE;
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE, message, o->number,
               cd_state_label ("supplier_order", cd_supplier_order_status_to_string (o->status)));
  return FALSE;
}

gboolean
cd_store_supplier_order_set_lines (CdStore *self, gint64 order_id, GPtrArray *lines, GError **error)
{
  g_autoptr (CdSupplierOrder) o = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (lines == NULL || lines->len == 0)
    return invalid (error, _("An order needs at least one line."));
  if (!cd_store_begin (self, error))
    return FALSE;
  o = cd_supply_load_order (self, order_id, FALSE, error);
  ok = o != NULL
       && require_status (o, o->status == CD_SUPPLIER_ORDER_REQUESTED,
                          _("Order %s is %s: its lines were sent to the supplier and stay as they are."),
                          error);
  if (ok)
    ok = (stmt = cd_store_prepare (self, "DELETE FROM supplier_order_line WHERE order_id = ?1",
                                   error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, order_id);
      ok = cd_docs_run (self, stmt, _("saving a supplier order"), error)
           && cd_supply_insert_order_lines (self, order_id, lines, error);
    }
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_supplier_order_set_details (CdStore *self, gint64 order_id, const char *promised_date,
                                     const char *delivery_place, const char *notes, GError **error)
{
  g_autoptr (CdSupplierOrder) o = NULL;
  NewOrder n = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!check_order_texts (delivery_place, notes, error) || !cd_store_begin (self, error))
    return FALSE;
  o = cd_supply_load_order (self, order_id, FALSE, error);
  ok = o != NULL
       && require_status (o, o->status <= CD_SUPPLIER_ORDER_DELIVERED,
                          _("Order %s is %s: it no longer changes."), error)
       && resolve_dates (&n, o->order_date, promised_date, error);
  if (ok)
    ok = (stmt = cd_store_prepare (self,
                                   "UPDATE supplier_order SET promised_date = ?2, delivery_place = ?3,"
                                   " notes = ?4 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, order_id);
      cd_docs_bind_text (stmt, 2, n.promised_date);
      cd_docs_bind_text (stmt, 3, delivery_place);
      cd_docs_bind_text (stmt, 4, notes);
      ok = cd_docs_run (self, stmt, _("saving a supplier order"), error);
    }
  new_order_clear (&n);
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_supply_move_order (CdStore *self, gint64 id, const char *to, const char *column,
                      const char *date, GError **error)
{
  const char *sql;
  sqlite3_stmt *stmt;

  /* Fixed statements, one per stamped column: no SQL is assembled. */
  if (column == NULL)
    sql = "UPDATE supplier_order SET status = ?2 WHERE id = ?1";
  else if (g_str_equal (column, "delivered_date"))
    sql = "UPDATE supplier_order SET status = ?2, delivered_date = ?3 WHERE id = ?1";
  else if (g_str_equal (column, "accepted_date"))
    sql = "UPDATE supplier_order SET status = ?2, accepted_date = ?3 WHERE id = ?1";
  else
    g_return_val_if_reached (FALSE);
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (column != NULL)
    cd_docs_bind_text (stmt, 3, date);
  return cd_docs_run (self, stmt, _("changing a supplier order's status"), error);
}

/* Explains the moves that are made elsewhere, then lets core judge. */
static gboolean
check_move (const CdSupplierOrder *o, CdSupplierOrderStatus to, GError **error)
{
  if (to == CD_SUPPLIER_ORDER_ACCEPTED || to == CD_SUPPLIER_ORDER_REJECTED)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Order %s is accepted or rejected by signing its delivery acceptance."), o->number);
      return FALSE;
    }
  if (to == CD_SUPPLIER_ORDER_REWORKED)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Order %s becomes reworked when its rework order is made."), o->number);
      return FALSE;
    }
  if (!cd_supplier_order_status_transition (o->status, to, NULL))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Order %s is %s and cannot become %s."), o->number,
                   cd_state_label ("supplier_order", cd_supplier_order_status_to_string (o->status)),
                   cd_state_label ("supplier_order", cd_supplier_order_status_to_string (to)));
      return FALSE;
    }
  return TRUE;
}

static char *
resolve_delivery (const CdSupplierOrder *o, const char *date, GError **error)
{
  g_autofree char *day = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (date == NULL || *date == '\0')
    return invalid (error, _("Delivery date: say when the goods arrived.")), NULL;
  day = cd_docs_resolve_date (date, _("Delivery date"), error);
  if (day == NULL)
    return NULL;
  if (strcmp (day, o->order_date) < 0)
    return invalid (error, _("Delivery date: it comes before the order date.")), NULL;
  if (strcmp (day, today) > 0)
    return invalid (error, _("Delivery date: it is in the future.")), NULL;
  return g_steal_pointer (&day);
}

gboolean
cd_store_supplier_order_move (CdStore *self, gint64 order_id, CdSupplierOrderStatus to,
                              const char *date, GError **error)
{
  g_autoptr (CdSupplierOrder) o = NULL;
  g_autofree char *day = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  o = cd_supply_load_order (self, order_id, FALSE, error);
  ok = o != NULL && check_move (o, to, error);
  if (ok && to == CD_SUPPLIER_ORDER_DELIVERED)
    ok = (day = resolve_delivery (o, date, error)) != NULL;
  if (ok)
    ok = cd_supply_move_order (self, order_id, cd_supplier_order_status_to_string (to),
                               day ? "delivered_date" : NULL, day, error);
  return cd_docs_finish (self, ok, error);
}

gint64
cd_store_supplier_order_create_rework (CdStore *self, gint64 rejected_order_id,
                                       const char *order_date, const char *promised_date,
                                       gboolean ordered, GError **error)
{
  g_autoptr (CdSupplierOrder) old = NULL;
  g_autofree char *notes = NULL;
  NewOrder n = { 0 };
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!resolve_dates (&n, order_date, promised_date, error) || !cd_store_begin (self, error))
    {
      new_order_clear (&n);
      return 0;
    }
  old = cd_supply_load_order (self, rejected_order_id, TRUE, error);
  ok = old != NULL
       && require_status (old, old->status == CD_SUPPLIER_ORDER_REJECTED,
                          _("Order %s is %s: only a rejected order is reworked."), error);
  if (ok && strcmp (n.order_date, old->order_date) < 0)
    ok = invalid (error, _("Order date: a rework order cannot be older than the order it redoes."));
  if (ok)
    {
      notes = g_strdup_printf (_("Rework of %s"), old->number);
      n.project_id = old->project_id;
      n.supplier_id = old->supplier_id;
      n.status = ordered ? "ordered" : "requested";
      n.delivery_place = old->delivery_place;
      n.notes = notes;
      n.rework_of_id = old->id;
      ok = (id = insert_order (self, &n, old->lines, error)) > 0
           && cd_supply_move_order (self, old->id, "reworked", NULL, NULL, error);
    }
  new_order_clear (&n);
  return cd_docs_finish (self, ok, error) ? id : 0;
}
