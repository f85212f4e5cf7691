/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "store/cd-store-private.h"

struct _CdStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GRecMutex   lock;
  GHashTable *statements;   /* const char *sql → sqlite3_stmt * */
  gint64      actor;
  int         depth;        /* nesting of cd_store_begin () */
};

G_DEFINE_FINAL_TYPE (CdStore, cd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cd-store-error-quark, cd_store_error)

static const char *const kind_names[CD_N_KINDS] = {
  "clients", "projects", "work-orders", "quotes", "contracts",
  "suppliers", "supplier-orders", "acceptances", "pickup-slips",
};

/* ------------------------------------------------------------------ */
/* Refusing files that are not ours, before SQLite touches them.      */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads application_id and user_version through SQLite, read-only: used
 * when the file's header may be stale because changes still sit in -wal. */
static gboolean
read_ids_with_sqlite (const char *path, guint32 *app_id, int *version)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    goto out;
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                              " (SELECT user_version FROM pragma_user_version)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *app_id = (guint32) sqlite3_column_int64 (stmt, 0);
      *version = sqlite3_column_int (stmt, 1);
      ok = TRUE;
    }
out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/**
 * cd_store_validate_file:
 * @out_version: (out) (optional): the file's schema version; 0 for a file
 *   that does not exist yet or is empty
 *
 * Decides from the file's header alone whether ClientDesk may open it. A
 * refused file is never written to.
 */
gboolean
cd_store_validate_file (const char *path, int *out_version, GError **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[100];
  guint32 app_id;
  int version;
  gssize n;
  int fd;

  if (out_version)
    *out_version = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    return TRUE;
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK,
                   _("“%s” is not a ClientDesk database: it is not a database file at all."), path);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  version = (int) read_be32 (header + 60);
  if (app_id != CD_STORE_APPLICATION_ID && g_file_test (wal, G_FILE_TEST_EXISTS))
    read_ids_with_sqlite (path, &app_id, &version);

  if (app_id != CD_STORE_APPLICATION_ID)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK,
                   _("“%s” is not a ClientDesk database: it belongs to another program."), path);
      return FALSE;
    }
  if (version > CD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer ClientDesk (schema %d; this one knows %d): "
                     "update ClientDesk to open it."),
                   path, version, CD_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (out_version)
    *out_version = version;
  return TRUE;
}

/* ------------------------------------------------------------------ */

static gboolean
ensure_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }
  /* Client files are confidential: the database is created 0600 before
   * SQLite opens it (its -wal and -shm inherit the mode). */
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
configure_connection (CdStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  /* WAL: readers never block the writer; NORMAL sync is durable against a
   * killed process (only a power cut can lose the last commits). */
  return cd_store_exec (self, "PRAGMA journal_mode = WAL", error)
         && cd_store_exec (self, "PRAGMA synchronous = NORMAL", error)
         && cd_store_exec (self, "PRAGMA foreign_keys = ON", error)
         && cd_store_exec (self, "PRAGMA temp_store = MEMORY", error)
         && cd_store_exec (self, "PRAGMA cache_size = -16000", error);
}

static CdStore *
open_internal (const char *path, int target_version, GError **error)
{
  g_autoptr (CdStore) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!cd_store_validate_file (path, &version, error))
    return NULL;
  if (!ensure_file (path, error))
    return NULL;

  self = g_object_new (CD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      cd_store_set_error (self, error, rc, _("opening the database"));
      return NULL;
    }
  if (!configure_connection (self, error))
    return NULL;
  if (!cd_store_schema_apply (self, target_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cd_store_finalize (GObject *object)
{
  CdStore *self = CD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    {
      /* Leave a tidy file behind: fold the WAL back into the database. */
      sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_free (self->path);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_store_parent_class)->finalize (object);
}

static void
cd_store_class_init (CdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_store_finalize;
}

static void
cd_store_init (CdStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * cd_store_default_path:
 *
 * Returns: (transfer full): $CLIENTDESK_DB, else
 *   $XDG_DATA_HOME/clientdesk/clientdesk.db
 */
char *
cd_store_default_path (void)
{
  const char *env = g_getenv ("CLIENTDESK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "clientdesk", "clientdesk.db", NULL);
}

/**
 * cd_store_open:
 *
 * Opens (creating it 0600 if missing) and migrates the database at @path.
 * A file that is not a ClientDesk database, or one from a newer version,
 * is refused and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CdStore *
cd_store_open (const char *path, GError **error)
{
  return open_internal (path, CD_STORE_SCHEMA_VERSION, error);
}

/**
 * cd_store_open_at_version:
 *
 * Like cd_store_open() but migrates no further than @version: for the
 * migration tests, which fill an old schema and then migrate it.
 */
CdStore *
cd_store_open_at_version (const char *path, int version, GError **error)
{
  g_return_val_if_fail (version >= 1 && version <= CD_STORE_SCHEMA_VERSION, NULL);
  return open_internal (path, version, error);
}

gboolean
cd_store_migrate (CdStore *self, int target_version, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  cd_store_lock (self);
  ok = cd_store_schema_apply (self, target_version, error);
  cd_store_unlock (self);
  return ok;
}

const char *
cd_store_get_path (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return self->path;
}

int
cd_store_get_schema_version (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), -1);
  return (int) cd_store_query_int (self, "PRAGMA user_version", NULL);
}

/**
 * cd_store_is_empty:
 *
 * Returns: %TRUE when the database holds no staff, clients, suppliers or
 *   projects (a fresh file: the demo may fill it, the first-run page shows)
 */
gboolean
cd_store_is_empty (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  return cd_store_query_int (self,
                             "SELECT (SELECT count(*) FROM (SELECT 1 FROM staff LIMIT 1))"
                             " + (SELECT count(*) FROM (SELECT 1 FROM client LIMIT 1))"
                             " + (SELECT count(*) FROM (SELECT 1 FROM supplier LIMIT 1))"
                             " + (SELECT count(*) FROM (SELECT 1 FROM project LIMIT 1))",
                             NULL) == 0;
}

void
cd_store_set_actor (CdStore *self, gint64 staff_id)
{
  g_return_if_fail (CD_IS_STORE (self));
  cd_store_lock (self);
  self->actor = staff_id;
  cd_store_unlock (self);
}

gint64
cd_store_get_actor (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), 0);
  return self->actor;
}

/**
 * cd_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
cd_store_get_setting (CdStore *self, const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return value;
}

gboolean
cd_store_set_setting (CdStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  cd_store_lock (self);
  if (!cd_store_begin (self, error))
    goto out;
  stmt = cd_store_prepare (self,
                           "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    {
      cd_store_rollback (self);
      goto out;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("saving a setting"));
      cd_store_rollback (self);
      goto out;
    }
  ok = cd_store_commit (self, error);
out:
  cd_store_unlock (self);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Transactions: nested calls join the outer one. The lock is held from
 * begin to commit/rollback so no other thread interleaves statements.   */

gboolean
cd_store_begin (CdStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  cd_store_lock (self);
  if (self->depth++ > 0)
    return TRUE;

  if (!cd_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->depth = 0;
      cd_store_unlock (self);
      return FALSE;
    }
  /* Stamp who is writing, for the audit triggers of this transaction. */
  stmt = cd_store_prepare (self, "UPDATE current_actor SET staff_id = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    {
      cd_store_rollback (self);
      return FALSE;
    }
  if (self->actor > 0)
    sqlite3_bind_int64 (stmt, 1, self->actor);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cd_store_commit (CdStore *self, GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth == 0)
    {
      ok = cd_store_exec (self, "COMMIT", error);
      if (!ok)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  cd_store_unlock (self);
  return ok;
}

void
cd_store_rollback (CdStore *self)
{
  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  /* An inner rollback undoes the whole transaction: callers treat any
   * failure as fatal for the unit of work they were part of. */
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (--self->depth > 0)
    g_debug ("rollback inside a nested transaction");
  cd_store_unlock (self);
}

const char *
cd_kind_to_string (CdKind kind)
{
  g_return_val_if_fail (kind < CD_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
cd_kind_from_string (const char *name, CdKind *out_kind)
{
  for (guint i = 0; i < CD_N_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *out_kind = (CdKind) i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Private API for the store layer                                     */

sqlite3 *
cd_store_get_db (CdStore *self)
{
  return self->db;
}

void
cd_store_lock (CdStore *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
cd_store_unlock (CdStore *self)
{
  g_rec_mutex_unlock (&self->lock);
}

sqlite3_stmt *
cd_store_prepare (CdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  cd_store_lock (self);
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          g_warning ("cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
          cd_store_set_error (self, error, rc, _("preparing a query"));
          cd_store_unlock (self);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  cd_store_unlock (self);
  return stmt;
}

gboolean
cd_store_exec (CdStore *self, const char *sql, GError **error)
{
  char *message = NULL;
  int rc;

  cd_store_lock (self);
  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_debug ("“%.60s”: %s", sql, message ? message : "");
      cd_store_set_error (self, error, rc, NULL);
    }
  sqlite3_free (message);
  cd_store_unlock (self);
  return rc == SQLITE_OK;
}

static const char *
entity_label (const char *entity)
{
  static const struct { const char *entity; const char *label; } labels[] = {
    { "quote", N_("an accepted quote version") },
    { "contract", N_("a signed contract") },
    { "acceptance", N_("a signed acceptance") },
    { "visit", N_("a reviewed visit record") },
    { "visit_plan", N_("a reviewed visit plan") },
    { "pickup_slip", N_("a signed pickup slip") },
    { "audit_log", N_("an entry of the audit log") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].entity, entity))
      return _(labels[i].label);
  return entity;
}

/* The record a refused status change was about, as the sentence names it:
 * the triggers only know the table. */
static const char *
state_entity_label (const char *entity)
{
  static const struct { const char *entity; const char *label; } labels[] = {
    { "acceptance", N_("delivery acceptance") },
    { "client", N_("client") },
    { "contract", N_("contract") },
    { "feedback", N_("complaint or praise") },
    { "project", N_("project") },
    { "quote", N_("quote") },
    { "supplier", N_("supplier") },
    { "supplier_order", N_("supplier order") },
    { "visit", N_("visit record") },
    { "visit_plan", N_("visit plan") },
    { "work_order", N_("work order") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_has_prefix (entity, labels[i].entity)
        && !g_ascii_isalnum (entity[strlen (labels[i].entity)])
        && entity[strlen (labels[i].entity)] != '_')
      return _(labels[i].label);
  return entity;
}

void
cd_store_set_error (CdStore *self, GError **error, int rc, const char *doing)
{
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  const char *p;

  if (error == NULL)
    return;

  if ((p = strstr (message, "clientdesk:locked:")) != NULL)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                 _("This is %s, which is locked: make a new record (a new version or an amendment) "
                   "instead of changing it."),
                 entity_label (p + strlen ("clientdesk:locked:")));
  else if ((p = strstr (message, "clientdesk:state:")) != NULL)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                 /* Translators: %s is the kind of record, e.g. "work order" */
                 _("That status change is not allowed for a %s."),
                 state_entity_label (p + strlen ("clientdesk:state:")));
  else if (strstr (message, "clientdesk:brief:") != NULL)
    /* The trigger cannot name the fields; the store's own check, which
     * runs first, does (cd_store_project_check_brief ()). */
    g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                         _("The brief is not complete: fill in every required field before the "
                           "project moves to quoting."));
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("The change breaks a rule of the database (%s) and was not saved."), message);
  else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                 _("The database file is damaged (%s): restore a backup."), message);
  else if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR
           || (rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                 _("The database could not be written (%s): check the disk and its permissions."),
                 message);
  else if (doing != NULL)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                 _("The database failed while %s: %s."), doing, message);
  else
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                 _("The database failed: %s."), message);
}

gint64
cd_store_query_int (CdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 value = -1;
  int rc;

  cd_store_lock (self);
  stmt = cd_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        cd_store_set_error (self, error, rc, NULL);
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return value;
}

/**
 * cd_store_row_to_variant:
 *
 * Returns: (transfer floating): the current row as a{sv}, keyed by column
 *   name; integers as int64, text as string, NULL as an empty maybe.
 */
GVariant *
cd_store_row_to_variant (sqlite3_stmt *stmt)
{
  GVariantBuilder builder;
  int n = sqlite3_column_count (stmt);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      GVariant *value;

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          value = g_variant_new_int64 (sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          value = g_variant_new_double (sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          value = g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL);
          break;
        default:
          {
            const char *text = (const char *) sqlite3_column_text (stmt, i);
            /* Text in the file may come from another program: never let
             * invalid UTF-8 into a GVariant string. */
            if (g_utf8_validate (text, -1, NULL))
              value = g_variant_new_string (text);
            else
              {
                g_autofree char *valid = g_utf8_make_valid (text, -1);
                value = g_variant_new_string (valid);
              }
          }
          break;
        }
      g_variant_builder_add (&builder, "{sv}", name, value);
    }
  return g_variant_builder_end (&builder);
}

gboolean
cd_store_set_bulk_mode (CdStore *self, gboolean bulk, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "UPDATE audit_control SET suspended = ?1 WHERE id = 1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, bulk ? 1 : 0);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_store_rebuild_search (CdStore *self, GError **error)
{
  gboolean ok;

  cd_store_lock (self);
  ok = cd_store_exec (self,
                      "DELETE FROM client_search;"
                      "INSERT INTO client_search (rowid, body) SELECT id, body FROM client_search_source;"
                      "DELETE FROM supplier_search;"
                      "INSERT INTO supplier_search (rowid, body)"
                      " SELECT id, body FROM supplier_search_source;",
                      error);
  cd_store_unlock (self);
  return ok;
}
