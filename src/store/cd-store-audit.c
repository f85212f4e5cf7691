/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log: every insert, update and delete of every table, with who,
 * when, and the old and new values as JSON — written by triggers, so that a
 * change made by any program is recorded.
 *
 * The triggers are generated from the schema itself (sqlite_schema and
 * pragma_table_info) rather than written by hand for ~30 tables: a column
 * added by a later migration can never be forgotten. The only text spliced
 * into this DDL is table and column names read from the database's own
 * catalogue, quoted with sqlite3_mprintf's %w / %Q; no user text is involved. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>

#include "store/cd-store-private.h"

/* Bookkeeping tables whose changes are not business events. */
static const char *const not_audited[] = {
  "audit_log", "audit_control", "current_actor", "state_transition", "doc_sequence",
};

static gboolean
is_audited (const char *table)
{
  if (g_str_has_prefix (table, "sqlite_") || strstr (table, "_search") != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (not_audited); i++)
    if (g_str_equal (table, not_audited[i]))
      return FALSE;
  return TRUE;
}

/* json_object('col', PREFIX.col, …); BLOBs are recorded by their size, as
 * JSON cannot hold them and the audit log need not duplicate files. */
static gboolean
append_json_object (CdStore *self, GString *sql, const char *table, const char *prefix)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT name, upper(type) FROM pragma_table_info (?1) ORDER BY cid",
                                         NULL);
  gboolean first = TRUE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  g_string_append (sql, "json_object(");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      char *piece;

      if (type != NULL && g_str_equal (type, "BLOB"))
        piece = sqlite3_mprintf ("%s%Q, length(%s.\"%w\")", first ? "" : ", ",
                                 column, prefix, column);
      else
        piece = sqlite3_mprintf ("%s%Q, %s.\"%w\"", first ? "" : ", ", column, prefix, column);
      g_string_append (sql, piece);
      sqlite3_free (piece);
      first = FALSE;
    }
  sqlite3_reset (stmt);
  g_string_append (sql, ")");
  return !first;
}

static gboolean
has_rowid (CdStore *self, const char *table)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_schema"
                                         " WHERE type = 'table' AND name = ?1",
                                         NULL);
  gboolean without = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    without = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return !without;
}

static char *
trigger_sql (CdStore *self, const char *table, const char *action)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  gboolean is_delete = g_str_equal (action, "delete");
  gboolean is_insert = g_str_equal (action, "insert");
  const char *row = is_delete ? "OLD" : "NEW";
  char *head;

  head = sqlite3_mprintf ("CREATE TRIGGER IF NOT EXISTS \"audit_%w_%w\" AFTER %s ON \"%w\""
                          " WHEN (SELECT suspended FROM audit_control WHERE id = 1) = 0 BEGIN"
                          " INSERT INTO audit_log (staff_id, table_name, row_id, action,"
                          " old_values, new_values) VALUES ("
                          "(SELECT staff_id FROM current_actor WHERE id = 1), %Q, ",
                          table, action, is_delete ? "DELETE" : is_insert ? "INSERT" : "UPDATE",
                          table, table);
  g_string_append (sql, head);
  sqlite3_free (head);

  /* WITHOUT ROWID tables (settings-like) keep their key in the values. */
  if (has_rowid (self, table))
    g_string_append_printf (sql, "%s.rowid, '%s', ", row, action);
  else
    g_string_append_printf (sql, "NULL, '%s', ", action);

  if (is_insert)
    g_string_append (sql, "NULL");
  else if (!append_json_object (self, sql, table, "OLD"))
    return NULL;
  g_string_append (sql, ", ");
  if (is_delete)
    g_string_append (sql, "NULL");
  else if (!append_json_object (self, sql, table, "NEW"))
    return NULL;
  g_string_append (sql, "); END");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static GPtrArray *
list_tables (CdStore *self, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                         " ORDER BY name",
                                         error);
  GPtrArray *tables;

  if (stmt == NULL)
    return NULL;
  tables = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      if (is_audited (name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_reset (stmt);
  return tables;
}

/**
 * cd_store_audit_install:
 *
 * Gives every business table its three audit triggers; idempotent, run at
 * the end of each migration inside its transaction.
 */
gboolean
cd_store_audit_install (CdStore *self, GError **error)
{
  static const char *const actions[] = { "insert", "update", "delete" };
  g_autoptr (GPtrArray) tables = list_tables (self, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
      {
        g_autofree char *sql = trigger_sql (self, tables->pdata[i], actions[a]);

        if (sql == NULL || !cd_store_exec (self, sql, error))
          return FALSE;
      }
  return TRUE;
}
