/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ordered migrations. Migration N takes schema N-1 to N inside one
 * transaction, so a process killed half-way leaves the previous version.
 * A migration, once released, never changes: a fix is a new migration. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "core/cd-states.h"
#include "store/cd-store-lock-hash.h"
#include "store/cd-store-private.h"

typedef gboolean (*MigrationHook) (CdStore *self, GError **error);

typedef struct
{
  int           version;
  const char   *resource;   /* SQL script in the store's GResource */
  MigrationHook after;      /* work SQL alone cannot do, same transaction */
} Migration;

static gboolean seed_base (CdStore *self, GError **error);
static gboolean seed_state_transitions (CdStore *self, GError **error);
static gboolean hash_signed_slips (CdStore *self, GError **error);

static const Migration migrations[] = {
  { 1, "/org/example/ClientDesk/store/sql/001-base.sql", seed_base },
  { 2, "/org/example/ClientDesk/store/sql/002-search.sql", NULL },
  { 3, "/org/example/ClientDesk/store/sql/003-supply.sql", NULL },
  { 4, "/org/example/ClientDesk/store/sql/004-audit-guard.sql", NULL },
  { 5, "/org/example/ClientDesk/store/sql/005-plans-meetings.sql", seed_state_transitions },
  { 6, "/org/example/ClientDesk/store/sql/006-signed-slips-briefs.sql", hash_signed_slips },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CD_STORE_SCHEMA_VERSION);

/* The state machines are written once, in core; the database gets a copy
 * of the table for its triggers. A later migration that adds a machine
 * seeds again: the moves already there are kept. */
static gboolean
seed_state_transitions (CdStore *self, GError **error)
{
  const CdStateTransition *moves;
  sqlite3_stmt *stmt;
  gsize n;

  stmt = cd_store_prepare (self,
                           "INSERT OR IGNORE INTO state_transition (entity, from_state, to_state, needs_reason)"
                           " VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;

  moves = cd_state_transitions (&n);
  for (gsize i = 0; i < n; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, moves[i].entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, moves[i].from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, moves[i].to, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, moves[i].needs_reason ? 1 : 0);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cd_store_set_error (self, error, rc, _("creating the database"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Slips signed before version 6 become locked records: the hash of their
 * content as it stands, so that `check` shows from now on that they do not
 * change. The signing code of version 6 stores it itself. */
static gboolean
hash_signed_slips (CdStore *self, GError **error)
{
  return cd_store_fill_locked_hashes_in_migration (self, "pickup_slip", 6, error);
}

static gboolean
seed_base (CdStore *self, GError **error)
{
  return seed_state_transitions (self, error);
}

static gboolean
run_script (CdStore *self, const char *resource, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize size;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  return cd_store_exec (self, sql, error);
}

static gboolean
set_version (CdStore *self, int version, GError **error)
{
  /* PRAGMAs take no bound parameters; the numbers are our own constants. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                          CD_STORE_APPLICATION_ID, version);
  return cd_store_exec (self, sql, error);
}

/* Not cd_store_begin (): that stamps the actor into a table the first
 * migration has yet to create. Every migration ends by giving any new
 * table its audit triggers. */
static gboolean
apply_one (CdStore *self, const Migration *migration, GError **error)
{
  gboolean ok;

  cd_store_lock (self);
  ok = cd_store_exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = run_script (self, migration->resource, error)
           && (migration->after == NULL || migration->after (self, error))
           && cd_store_audit_install (self, error)
           && set_version (self, migration->version, error)
           && cd_store_exec (self, "COMMIT", error);
      if (!ok)
        sqlite3_exec (cd_store_get_db (self), "ROLLBACK", NULL, NULL, NULL);
    }
  cd_store_unlock (self);
  if (ok)
    g_debug ("migrated to schema %d", migration->version);
  return ok;
}

gboolean
cd_store_schema_apply (CdStore *self, int target_version, GError **error)
{
  int current = (int) cd_store_query_int (self, "PRAGMA user_version", error);

  if (current < 0)
    return FALSE;
  if (current > CD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NEWER_SCHEMA,
                   _("This database was written by a newer ClientDesk (schema %d): "
                     "update ClientDesk to open it."),
                   current);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= current || migrations[i].version > target_version)
        continue;
      if (!apply_one (self, &migrations[i], error))
        return FALSE;
    }
  return TRUE;
}
