/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pickup slips (客户提货单): the goods handed to the client, printed with a
 * line for the client's signature and marked signed when the signed paper
 * comes back, after which the slip does not change: from schema 6 the
 * database's triggers refuse it and `check` verifies its lock hash. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "store/cd-store-lock-hash.h"
#include "store/cd-store-supply-private.h"

CdPickupLine *
cd_pickup_line_new (const char *item, gint64 qty_milli, const char *unit)
{
  CdPickupLine *line = g_new0 (CdPickupLine, 1);

  line->item = g_strdup (item);
  line->qty_milli = qty_milli;
  line->unit = g_strdup (unit);
  return line;
}

void
cd_pickup_line_free (CdPickupLine *line)
{
  if (line == NULL)
    return;
  g_free (line->item);
  g_free (line->unit);
  g_free (line);
}

void
cd_pickup_slip_free (CdPickupSlip *slip)
{
  if (slip == NULL)
    return;
  g_free (slip->number);
  g_free (slip->date);
  g_free (slip->received_by);
  g_free (slip->status);
  g_free (slip->notes);
  g_free (slip->client_name);
  g_free (slip->client_address);
  g_free (slip->project_number);
  g_free (slip->project_name);
  g_free (slip->signed_on);
  g_clear_pointer (&slip->lines, g_ptr_array_unref);
  g_free (slip);
}

static GPtrArray *
new_lines (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cd_pickup_line_free);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static gboolean
load_lines (CdStore *self, CdPickupSlip *slip, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT id, position, item, qty_milli, unit FROM pickup_slip_line"
                                         " WHERE slip_id = ?1 ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdPickupLine *line = g_new0 (CdPickupLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->position = sqlite3_column_int (stmt, 1);
      line->item = cd_docs_column_dup (stmt, 2);
      line->qty_milli = sqlite3_column_int64 (stmt, 3);
      line->unit = cd_docs_column_dup (stmt, 4);
      g_ptr_array_add (slip->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a pickup slip"));
      return FALSE;
    }
  return TRUE;
}

static CdPickupSlip *
load_slip (CdStore *self, gint64 id, const char *number, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    number ? "SELECT t.id, t.number, t.project_id, t.client_id, t.date, t.received_by, t.status,"
             " t.notes, c.name, c.address, p.number, p.name, t.signed_on FROM pickup_slip t"
             " JOIN client c ON c.id = t.client_id JOIN project p ON p.id = t.project_id"
             " WHERE t.number = ?1"
           : "SELECT t.id, t.number, t.project_id, t.client_id, t.date, t.received_by, t.status,"
             " t.notes, c.name, c.address, p.number, p.name, t.signed_on FROM pickup_slip t"
             " JOIN client c ON c.id = t.client_id JOIN project p ON p.id = t.project_id"
             " WHERE t.id = ?1", error);
  g_autoptr (CdPickupSlip) slip = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (number != NULL)
    sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      slip = g_new0 (CdPickupSlip, 1);
      slip->id = sqlite3_column_int64 (stmt, 0);
      slip->number = cd_docs_column_dup (stmt, 1);
      slip->project_id = sqlite3_column_int64 (stmt, 2);
      slip->client_id = sqlite3_column_int64 (stmt, 3);
      slip->date = cd_docs_column_dup (stmt, 4);
      slip->received_by = cd_docs_column_dup (stmt, 5);
      slip->status = cd_docs_column_dup (stmt, 6);
      slip->notes = cd_docs_column_dup (stmt, 7);
      slip->client_name = cd_docs_column_dup (stmt, 8);
      slip->client_address = cd_docs_column_dup (stmt, 9);
      slip->project_number = cd_docs_column_dup (stmt, 10);
      slip->project_name = cd_docs_column_dup (stmt, 11);
      slip->signed_on = cd_docs_column_dup (stmt, 12);
      slip->lines = new_lines ();
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE && number != NULL)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no pickup slip numbered “%s”."), number);
  else if (rc == SQLITE_DONE)
    cd_supply_not_found (error, _("pickup slip"), id);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, _("reading a pickup slip"));
  if (slip == NULL || !load_lines (self, slip, error))
    return NULL;
  return g_steal_pointer (&slip);
}

CdPickupSlip *
cd_store_pickup_slip_get (CdStore *self, gint64 id, GError **error)
{
  CdPickupSlip *slip;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  cd_store_lock (self);
  slip = load_slip (self, id, NULL, error);
  cd_store_unlock (self);
  return slip;
}

CdPickupSlip *
cd_store_pickup_slip_find (CdStore *self, const char *number, GError **error)
{
  CdPickupSlip *slip;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  cd_store_lock (self);
  slip = load_slip (self, 0, number, error);
  cd_store_unlock (self);
  return slip;
}

GPtrArray *
cd_store_pickup_goods_for_project (CdStore *self, gint64 project_id, GError **error)
{
  g_autoptr (GPtrArray) lines = new_lines ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self,
                           "SELECT l.item, sum (l.qty_milli), l.unit FROM supplier_order_line l"
                           " JOIN supplier_order o ON o.id = l.order_id"
                           " WHERE o.project_id = ?1 AND o.status = 'accepted'"
                           " GROUP BY l.item, l.unit ORDER BY min (o.accepted_date), min (l.id)", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *item = cd_docs_column_dup (stmt, 0);
      g_autofree char *unit = cd_docs_column_dup (stmt, 2);

      g_ptr_array_add (lines, cd_pickup_line_new (item, sqlite3_column_int64 (stmt, 1), unit));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    cd_store_set_error (self, error, rc, _("reading delivered goods"));
  cd_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&lines) : NULL;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static gboolean
check_lines (GPtrArray *lines, GError **error)
{
  if (lines == NULL || lines->len == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("A pickup slip needs at least one line."));
      return FALSE;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const CdPickupLine *line = g_ptr_array_index (lines, i);

      if (!cd_docs_check_text (line->item, _("Item"), 300, TRUE, FALSE, error)
          || !cd_docs_check_text (line->unit, _("Unit"), 20, FALSE, FALSE, error))
        {
          g_prefix_error (error, _("Line %u: "), i + 1);
          return FALSE;
        }
      if (line->qty_milli <= 0 || line->qty_milli > CD_QUANTITY_MAX_MILLI)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("Line %u: Quantity: give a number above zero."), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
insert_slip (CdStore *self, gint64 project_id, const char *date, const char *notes, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *number = NULL;
  GDate day;

  cd_docs_parse_date (date, &day);
  number = cd_store_next_number (self, "pickup_slip", &day, error);
  if (number == NULL)
    return 0;
  stmt = cd_store_prepare (self,
                           "INSERT INTO pickup_slip (number, project_id, client_id, date, status, notes)"
                           " SELECT ?1, id, client_id, ?3, 'issued', ?4 FROM project WHERE id = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, project_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 4, notes);
  if (!cd_docs_run (self, stmt, _("saving a pickup slip"), error))
    return 0;
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    return cd_supply_not_found (error, _("project"), project_id), 0;
  return cd_docs_last_id (self);
}

static gboolean
insert_lines (CdStore *self, gint64 slip_id, GPtrArray *lines, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const CdPickupLine *line = g_ptr_array_index (lines, i);
      g_autofree char *item = cd_supply_clean_text (line->item);

      sqlite3_bind_int64 (stmt, 1, slip_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, item, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, line->qty_milli);
      cd_docs_bind_text (stmt, 5, line->unit);
      if (!cd_docs_run (self, stmt, _("saving a pickup slip"), error))
        return FALSE;
    }
  return TRUE;
}

gint64
cd_store_pickup_slip_create (CdStore *self, gint64 project_id, const char *date, const char *notes,
                             GPtrArray *lines, GError **error)
{
  g_autofree char *day = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  if (!check_lines (lines, error)
      || !cd_docs_check_text (notes, _("Notes"), CD_SUPPLY_NOTE_MAX, FALSE, TRUE, error)
      || (day = cd_docs_resolve_date (date, _("Date"), error)) == NULL
      || !cd_store_begin (self, error))
    return 0;
  ok = (id = insert_slip (self, project_id, day, notes, error)) > 0
       && insert_lines (self, id, lines, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

/* Writes who received the goods and the day while the slip is still
 * issued, takes the hash of the content as it will be locked
 * (cd-store-lock-hash.c), then locks it with that hash in one UPDATE: the
 * triggers refuse any later change, that one included. */
static gboolean
write_signature (CdStore *self, const CdPickupSlip *slip, const char *name, const char *day,
                 GError **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "UPDATE pickup_slip SET received_by = ?2, signed_on = ?3"
                                         " WHERE id = ?1 AND status = 'issued'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("signing a pickup slip"), error))
    return FALSE;
  if (!cd_store_compute_locked_hash (self, "pickup_slip", slip->id, &hash, error))
    return FALSE;
  stmt = cd_store_prepare (self,
                           "UPDATE pickup_slip SET status = 'signed', locked_hash = ?2"
                           " WHERE id = ?1 AND status = 'issued'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  return cd_docs_run (self, stmt, _("signing a pickup slip"), error);
}

gboolean
cd_store_pickup_slip_sign (CdStore *self, gint64 slip_id, const char *received_by, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *today = NULL;
  g_autoptr (CdPickupSlip) slip = NULL;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (received_by, _("Received by"), 100, TRUE, FALSE, error))
    return FALSE;
  name = cd_supply_clean_text (received_by);
  /* The day the signed paper came back is the day it is marked signed. */
  today = cd_docs_resolve_date (NULL, NULL, NULL);
  if (!cd_store_begin (self, error))
    return FALSE;
  slip = load_slip (self, slip_id, NULL, error);
  ok = slip != NULL;
  if (ok && g_strcmp0 (slip->status, "signed") == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("Pickup slip %s is already signed by %s."), slip->number,
                   slip->received_by ? slip->received_by : "?");
      ok = FALSE;
    }
  if (ok)
    ok = write_signature (self, slip, name, today, error);
  return cd_docs_finish (self, ok, error);
}
