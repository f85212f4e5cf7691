/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue of standard items (有偿服务收费标准) quote lines are taken
 * from. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-quotes.h"

#define CATALOGUE_SELECT \
  "SELECT id, name, spec, unit, unit_price_fen, tax_rate_bp, category, active FROM catalogue_item"

static CdCatalogueItem *
item_from_row (sqlite3_stmt *stmt)
{
  CdCatalogueItem *item = cd_catalogue_item_new ();

  item->id = sqlite3_column_int64 (stmt, 0);
  item->name = cd_docs_column_dup (stmt, 1);
  item->spec = cd_docs_column_dup (stmt, 2);
  item->unit = cd_docs_column_dup (stmt, 3);
  item->unit_price_fen = sqlite3_column_int64 (stmt, 4);
  item->tax_rate_bp = sqlite3_column_int (stmt, 5);
  item->category = cd_docs_column_dup (stmt, 6);
  item->active = sqlite3_column_int (stmt, 7) != 0;
  return item;
}

GPtrArray *
cd_store_catalogue_list (CdStore *self, gboolean include_inactive, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_catalogue_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, CATALOGUE_SELECT " WHERE active = 1 OR ?1"
                                 " ORDER BY coalesce (category, ''), name, id", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    cd_store_set_error (self, error, rc, _("reading the catalogue"));
  cd_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

CdCatalogueItem *
cd_store_catalogue_get (CdStore *self, gint64 id, GError **error)
{
  CdCatalogueItem *item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, CATALOGUE_SELECT " WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        item = item_from_row (stmt);
      else if (rc == SQLITE_DONE)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     _("There is no catalogue item %" PRId64 "."), id);
      else
        cd_store_set_error (self, error, rc, _("reading the catalogue"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return item;
}

static gboolean
check_item (const CdCatalogueItem *item, GError **error)
{
  if (!cd_docs_check_text (item->name, _("The name"), 200, TRUE, FALSE, error)
      || !cd_docs_check_text (item->spec, _("The specification"), 1000, FALSE, TRUE, error)
      || !cd_docs_check_text (item->unit, _("The unit"), 20, TRUE, FALSE, error)
      || !cd_docs_check_text (item->category, _("The category"), 100, FALSE, FALSE, error))
    return FALSE;
  if (item->unit_price_fen < 0 || item->unit_price_fen > CD_MONEY_MAX_FEN)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("The unit price must be between 0 and 999,999,999,999.99."));
      return FALSE;
    }
  if (item->tax_rate_bp < 0 || item->tax_rate_bp > 10000)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("The tax rate must be between 0 % and 100 %."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_item (CdStore *self, CdCatalogueItem *item, GError **error)
{
  sqlite3_stmt *stmt;

  if (item->id == 0)
    stmt = cd_store_prepare (self,
                             "INSERT INTO catalogue_item (name, spec, unit, unit_price_fen,"
                             " tax_rate_bp, category, active) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
  else
    stmt = cd_store_prepare (self,
                             "UPDATE catalogue_item SET name = ?2, spec = ?3, unit = ?4,"
                             " unit_price_fen = ?5, tax_rate_bp = ?6, category = ?7, active = ?8"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (item->id != 0)
    sqlite3_bind_int64 (stmt, 1, item->id);
  sqlite3_bind_text (stmt, 2, item->name, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (stmt, 3, item->spec);
  sqlite3_bind_text (stmt, 4, item->unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, item->unit_price_fen);
  sqlite3_bind_int (stmt, 6, item->tax_rate_bp);
  cd_docs_bind_text (stmt, 7, item->category);
  sqlite3_bind_int (stmt, 8, item->active ? 1 : 0);
  if (!cd_docs_run (self, stmt, _("saving a catalogue item"), error))
    return FALSE;
  if (item->id != 0 && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   _("There is no catalogue item %" PRId64 "."), item->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_store_catalogue_save (CdStore *self, CdCatalogueItem *item, GError **error)
{
  gboolean insert;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!check_item (item, error) || !cd_store_begin (self, error))
    return FALSE;
  insert = item->id == 0;
  ok = write_item (self, item, error);
  if (ok && insert)
    item->id = cd_docs_last_id (self);
  ok = cd_docs_finish (self, ok, error);
  if (!ok && insert)
    item->id = 0;
  return ok;
}

gboolean
cd_store_catalogue_delete (CdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM quote_line WHERE catalogue_item_id = ?1)",
                           error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        cd_store_set_error (self, error, rc, _("deleting a catalogue item"));
      else if (!ok)
        g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                             _("Quotes use this catalogue item, so it cannot be deleted: "
                               "make it inactive instead."));
    }
  if (ok)
    {
      stmt = cd_store_prepare (self, "DELETE FROM catalogue_item WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = cd_docs_run (self, stmt, _("deleting a catalogue item"), error);
        }
    }
  return cd_docs_finish (self, ok, error);
}
