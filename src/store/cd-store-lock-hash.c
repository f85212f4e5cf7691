/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lock hashes of accepted quotes, signed contracts, signed acceptances,
 * reviewed visits and (from schema 6) signed pickup slips. The triggers
 * refuse changes to a locked record; the hash is what shows, afterwards,
 * that nobody got around them (a dropped trigger, an edited file, a
 * restored tampered backup).
 *
 * Each lockable table is described by a fixed list of columns read with
 * fixed SELECTs — never "SELECT *", so a column added later cannot change
 * the hash of a record locked before it — and its children in a fixed
 * order. The framing is cd_docs_canon_text () / cd_docs_canon_int (), the
 * same as cd_quote_canonical_text () and cd_contract_canonical_text ():
 * the hashes the quote and contract code store at locking and the ones
 * computed here are the same bytes (tests/reliability/test-lock-hash.c). */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "store/cd-store-docs-private.h"
#include "store/cd-store-lock-hash.h"

typedef enum
{
  V_TEXT,          /* NULL → "key=-" */
  V_INT,           /* int64; NULL reads as 0, as the C structs do */
  V_INT32,         /* read as int, as the C structs do */
  V_INT_OR_NULL,   /* NULL → "key=-" */
  V_BLOB_SHA256,   /* the SHA-256 of the bytes, as text */
} ValueKind;

typedef struct
{
  const char *key;
  ValueKind   kind;
} Value;

#define MAX_VALUES 16

typedef struct
{
  const char *sql;          /* ?1 is the record's id; NULL ends the parts */
  int         min_version;  /* the schema version that has the table */
  Value       values[MAX_VALUES];
} Part;

typedef struct
{
  const char *table;
  const char *header;
  int         min_version;    /* the schema version that locks these records */
  const char *locked_sql;     /* id, label, locked_hash of every locked record */
  const char *unlocked_sql;   /* id, label of records with a hash, no longer locked */
  const char *missing_sql;    /* id of locked records without a hash */
  const char *update_sql;     /* ?1 id, ?2 hash; only where there is none */
  const char *changed_msg;
  const char *missing_msg;
  const char *unlocked_msg;
  Part        parts[5];
} Lockable;

static const Lockable lockables[] = {
  {
    "quote", "clientdesk-quote/1\n", 1,
    "SELECT id, number || ' v' || version, locked_hash FROM quote WHERE status = 'accepted'",
    "SELECT id, number || ' v' || version FROM quote"
    " WHERE status <> 'accepted' AND locked_hash IS NOT NULL",
    "SELECT id FROM quote WHERE status = 'accepted' AND locked_hash IS NULL",
    "UPDATE quote SET locked_hash = ?2 WHERE id = ?1 AND locked_hash IS NULL",
    N_("Quote %s was changed after it was accepted: its content no longer matches the hash "
       "taken when it was locked."),
    N_("Quote %s is accepted but has no hash of its locked content, so nothing shows that it is "
       "unchanged."),
    N_("Quote %s carries the hash of a locked record but is no longer accepted: it was unlocked "
       "outside ClientDesk."),
    {
      { "SELECT number, version, project_id, client_id, 'accepted', previous_id, version_reason,"
        " created_date, sent_date, decided_date, valid_until, payment_terms, notes, subtotal_fen,"
        " tax_fen, total_fen FROM quote WHERE id = ?1", 1,
        { { "number", V_TEXT }, { "version", V_INT32 }, { "project", V_INT }, { "client", V_INT },
          { "status", V_TEXT }, { "previous", V_INT }, { "reason", V_TEXT }, { "created", V_TEXT },
          { "sent", V_TEXT }, { "decided", V_TEXT }, { "valid-until", V_TEXT },
          { "payment-terms", V_TEXT }, { "notes", V_TEXT }, { "subtotal", V_INT },
          { "tax", V_INT }, { "total", V_INT } } },
      { "SELECT position, catalogue_item_id, item, spec, qty_milli, unit, unit_price_fen,"
        " discount_bp, tax_rate_bp, amount_fen FROM quote_line WHERE quote_id = ?1"
        " ORDER BY position, id", 1,
        { { "line", V_INT32 }, { "catalogue", V_INT }, { "item", V_TEXT }, { "spec", V_TEXT },
          { "qty", V_INT }, { "unit", V_TEXT }, { "price", V_INT }, { "discount", V_INT32 },
          { "tax-rate", V_INT32 }, { "amount", V_INT } } },
    },
  },
  {
    "contract", "clientdesk-contract/1\n", 1,
    "SELECT id, number, locked_hash FROM contract WHERE status <> 'draft'",
    "SELECT id, number FROM contract WHERE status = 'draft' AND locked_hash IS NOT NULL",
    "SELECT id FROM contract WHERE status <> 'draft' AND locked_hash IS NULL",
    "UPDATE contract SET locked_hash = ?2 WHERE id = ?1 AND locked_hash IS NULL",
    N_("Contract %s was changed after it was signed: its content no longer matches the hash "
       "taken when it was locked."),
    N_("Contract %s is signed but has no hash of its locked content, so nothing shows that it is "
       "unchanged."),
    N_("Contract %s carries the hash of a locked record but is a draft again: it was unlocked "
       "outside ClientDesk."),
    {
      { "SELECT number, quote_id, project_id, client_id, subject, amount_fen, start_date, end_date,"
        " signed_date, clauses, amends_id, amendment_reason FROM contract WHERE id = ?1", 1,
        { { "number", V_TEXT }, { "quote", V_INT }, { "project", V_INT }, { "client", V_INT },
          { "subject", V_TEXT }, { "amount", V_INT }, { "start", V_TEXT }, { "end", V_TEXT },
          { "signed", V_TEXT }, { "clauses", V_TEXT }, { "amends", V_INT },
          { "amendment-reason", V_TEXT } } },
      { "SELECT seq, label, due_date, amount_fen FROM installment WHERE contract_id = ?1"
        " ORDER BY seq", 1,
        { { "installment", V_INT32 }, { "label", V_TEXT }, { "due", V_TEXT },
          { "amount", V_INT } } },
    },
  },
  {
    "acceptance", "clientdesk-acceptance/1\n", 1,
    "SELECT id, number, locked_hash FROM acceptance WHERE status = 'signed'",
    "SELECT id, number FROM acceptance WHERE status <> 'signed' AND locked_hash IS NOT NULL",
    "SELECT id FROM acceptance WHERE status = 'signed' AND locked_hash IS NULL",
    "UPDATE acceptance SET locked_hash = ?2 WHERE id = ?1 AND locked_hash IS NULL",
    N_("Acceptance %s was changed after it was signed: its content no longer matches the hash "
       "taken when it was locked."),
    N_("Acceptance %s is signed but has no hash of its locked content, so nothing shows that it "
       "is unchanged."),
    N_("Acceptance %s carries the hash of a locked record but is no longer signed: it was "
       "unlocked outside ClientDesk."),
    {
      { "SELECT number, kind, supplier_order_id, work_order_id, template_id, result,"
        " inspected_date, signed_by, signed_date, notes FROM acceptance WHERE id = ?1", 1,
        { { "number", V_TEXT }, { "kind", V_TEXT }, { "supplier-order", V_INT_OR_NULL },
          { "work-order", V_INT_OR_NULL }, { "template", V_INT_OR_NULL }, { "result", V_TEXT },
          { "inspected", V_TEXT }, { "signed-by", V_INT_OR_NULL }, { "signed", V_TEXT },
          { "notes", V_TEXT } } },
      { "SELECT position, text, result, note FROM acceptance_item WHERE acceptance_id = ?1"
        " ORDER BY position, id", 1,
        { { "item", V_INT }, { "text", V_TEXT }, { "result", V_TEXT }, { "note", V_TEXT } } },
      { "SELECT position, order_line_id, item, unit, ordered_milli, received_milli"
        " FROM acceptance_quantity WHERE acceptance_id = ?1 ORDER BY position, id", 3,
        { { "quantity", V_INT }, { "order-line", V_INT_OR_NULL }, { "item", V_TEXT },
          { "unit", V_TEXT }, { "ordered", V_INT }, { "received", V_INT_OR_NULL } } },
      { "SELECT filename, mime_type, content, added_at FROM attachment"
        " WHERE owner_table = 'acceptance' AND owner_id = ?1 ORDER BY id", 1,
        { { "photo", V_TEXT }, { "mime", V_TEXT }, { "content", V_BLOB_SHA256 },
          { "added", V_TEXT } } },
    },
  },
  {
    "visit", "clientdesk-visit/1\n", 1,
    "SELECT v.id, (SELECT name FROM client WHERE id = v.client_id) || ', ' || v.date,"
    " v.locked_hash FROM visit v WHERE v.status = 'reviewed'",
    "SELECT v.id, (SELECT name FROM client WHERE id = v.client_id) || ', ' || v.date FROM visit v"
    " WHERE v.status <> 'reviewed' AND v.locked_hash IS NOT NULL",
    "SELECT id FROM visit WHERE status = 'reviewed' AND locked_hash IS NULL",
    "UPDATE visit SET locked_hash = ?2 WHERE id = ?1 AND locked_hash IS NULL",
    N_("The visit record of %s was changed after it was reviewed: its content no longer matches "
       "the hash taken when it was locked."),
    N_("The visit record of %s is reviewed but has no hash of its locked content, so nothing "
       "shows that it is unchanged."),
    N_("The visit record of %s carries the hash of a locked record but is no longer reviewed: "
       "it was unlocked outside ClientDesk."),
    {
      { "SELECT client_id, staff_id, contact_id, date, mode, special, topic, opinions, needs,"
        " handling_status, next_date, review_comment, reviewed_by, reviewed_at FROM visit"
        " WHERE id = ?1", 1,
        { { "client", V_INT }, { "staff", V_INT }, { "contact", V_INT_OR_NULL },
          { "date", V_TEXT }, { "mode", V_TEXT }, { "special", V_INT }, { "topic", V_TEXT },
          { "opinions", V_TEXT }, { "needs", V_TEXT }, { "handling", V_TEXT },
          { "next", V_TEXT }, { "review-comment", V_TEXT }, { "reviewed-by", V_INT_OR_NULL },
          { "reviewed-at", V_TEXT } } },
    },
  },
  {
    "pickup_slip", "clientdesk-pickup-slip/1\n", 6,
    "SELECT id, number, locked_hash FROM pickup_slip WHERE status = 'signed'",
    "SELECT id, number FROM pickup_slip WHERE status <> 'signed' AND locked_hash IS NOT NULL",
    "SELECT id FROM pickup_slip WHERE status = 'signed' AND locked_hash IS NULL",
    "UPDATE pickup_slip SET locked_hash = ?2 WHERE id = ?1 AND locked_hash IS NULL",
    N_("Pickup slip %s was changed after it was signed: its content no longer matches the hash "
       "taken when it was locked."),
    N_("Pickup slip %s is signed but has no hash of its locked content, so nothing shows that it "
       "is unchanged."),
    N_("Pickup slip %s carries the hash of a locked record but is no longer signed: it was "
       "unlocked outside ClientDesk."),
    {
      { "SELECT number, project_id, client_id, date, received_by, notes, signed_on FROM pickup_slip"
        " WHERE id = ?1", 6,
        { { "number", V_TEXT }, { "project", V_INT }, { "client", V_INT }, { "date", V_TEXT },
          { "received-by", V_TEXT }, { "notes", V_TEXT }, { "signed-on", V_TEXT } } },
      { "SELECT position, item, qty_milli, unit FROM pickup_slip_line WHERE slip_id = ?1"
        " ORDER BY position, id", 6,
        { { "line", V_INT32 }, { "item", V_TEXT }, { "qty", V_INT }, { "unit", V_TEXT } } },
    },
  },
};

static const Lockable *
find_lockable (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (lockables); i++)
    if (g_strcmp0 (lockables[i].table, table) == 0)
      return &lockables[i];
  return NULL;
}

static void
append_value (GString *out, const Value *value, sqlite3_stmt *stmt, int column)
{
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  switch (value->kind)
    {
    case V_TEXT:
      {
        /* As the C structs read it: invalid UTF-8 made valid. */
        g_autofree char *text = cd_docs_column_dup (stmt, column);
        cd_docs_canon_text (out, value->key, text);
      }
      break;
    case V_INT:
      cd_docs_canon_int (out, value->key, sqlite3_column_int64 (stmt, column));
      break;
    case V_INT32:
      cd_docs_canon_int (out, value->key, sqlite3_column_int (stmt, column));
      break;
    case V_INT_OR_NULL:
      if (is_null)
        cd_docs_canon_text (out, value->key, NULL);
      else
        cd_docs_canon_int (out, value->key, sqlite3_column_int64 (stmt, column));
      break;
    case V_BLOB_SHA256:
      {
        g_autofree char *digest = NULL;

        if (!is_null)
          {
            const guchar *bytes = sqlite3_column_blob (stmt, column);
            digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes ? bytes : (const guchar *) "",
                                                  (gsize) sqlite3_column_bytes (stmt, column));
          }
        cd_docs_canon_text (out, value->key, digest);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Appends every row of @part for record @id; *out_rows counts them. */
static gboolean
append_part (CdStore *self, const Part *part, gint64 id, GString *out, guint *out_rows,
             GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, part->sql, error);
  int rc;

  *out_rows = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < MAX_VALUES && part->values[i].key != NULL; i++)
        append_value (out, &part->values[i], stmt, i);
      (*out_rows)++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("hashing a locked record"));
      return FALSE;
    }
  return TRUE;
}

static char *
compute_hash (CdStore *self, const Lockable *lockable, gint64 id, int version, GError **error)
{
  g_autoptr (GString) text = g_string_new (lockable->header);

  for (guint p = 0; p < G_N_ELEMENTS (lockable->parts) && lockable->parts[p].sql != NULL; p++)
    {
      guint rows;

      if (version < lockable->parts[p].min_version)
        continue;
      if (!append_part (self, &lockable->parts[p], id, text, &rows, error))
        return NULL;
      if (p == 0 && rows == 0)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                       _("There is no record %" PRId64 " in %s."), id, lockable->table);
          return NULL;
        }
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}

gboolean
cd_store_compute_locked_hash (CdStore *store, const char *table, gint64 id, char **out,
                              GError **error)
{
  const Lockable *lockable;
  int version;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cd_store_lock (store);
  version = cd_store_get_schema_version (store);
  lockable = find_lockable (table);
  if (lockable == NULL || version < lockable->min_version)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Records of “%s” are never locked."), table ? table : "");
      cd_store_unlock (store);
      return FALSE;
    }
  *out = compute_hash (store, lockable, id, version, error);
  cd_store_unlock (store);
  return *out != NULL;
}

/* ------------------------------------------------------------------ */
/* Filling in, for bulk writers                                       */

static GArray *
read_ids (CdStore *self, const char *sql, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("hashing a locked record"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
audit_fill (CdStore *self, const char *table, guint count, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO audit_log (staff_id, table_name, row_id, action,"
                                         " new_values) VALUES ((SELECT staff_id FROM current_actor"
                                         " WHERE id = 1), ?1, NULL, 'bulk',"
                                         " json_object ('locked_hash_filled', ?2))",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) count);
  return cd_docs_run (self, stmt, _("hashing a locked record"), error);
}

static gboolean
fill_table (CdStore *self, const Lockable *lockable, int version, GError **error)
{
  g_autoptr (GArray) ids = NULL;

  if (version < lockable->min_version)
    return TRUE;
  ids = read_ids (self, lockable->missing_sql, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *hash = compute_hash (self, lockable, id, version, error);
      sqlite3_stmt *stmt;

      if (hash == NULL || (stmt = cd_store_prepare (self, lockable->update_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
      if (!cd_docs_run (self, stmt, _("hashing a locked record"), error))
        return FALSE;
    }
  return ids->len == 0 || audit_fill (self, lockable->table, ids->len, error);
}

gboolean
cd_store_fill_locked_hashes (CdStore *store, GError **error)
{
  sqlite3 *db;
  int version;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);

  if (!cd_store_begin (store, error))
    return FALSE;
  db = cd_store_get_db (store);
  version = cd_store_get_schema_version (store);
  /* The lock triggers refuse any UPDATE of a locked row, this one too; the
   * connection's triggers are off only for these UPDATEs, which write
   * nothing but a missing hash, inside the caller's transaction. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *) NULL);
  ok = TRUE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (lockables); i++)
    ok = fill_table (store, &lockables[i], version, error);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *) NULL);
  if (!ok)
    {
      cd_store_rollback (store);
      return FALSE;
    }
  return cd_store_commit (store, error);
}

gboolean
cd_store_fill_locked_hashes_in_migration (CdStore *store, const char *table, int version,
                                          GError **error)
{
  const Lockable *lockable;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);

  lockable = find_lockable (table);
  g_return_val_if_fail (lockable != NULL, FALSE);
  cd_store_lock (store);
  db = cd_store_get_db (store);
  /* As in cd_store_fill_locked_hashes (): the lock triggers would refuse
   * this UPDATE too; off only for it, inside the migration's transaction. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *) NULL);
  ok = fill_table (store, lockable, version, error);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *) NULL);
  cd_store_unlock (store);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Verifying, for `check`                                             */

static void
add_problem (GPtrArray *problems, const char *format, sqlite3_stmt *stmt)
{
  const char *label = (const char *) sqlite3_column_text (stmt, 1);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_ptr_array_add (problems, g_strdup_printf (_(format), label ? label : "?"));
#pragma GCC diagnostic pop
}

static gboolean
verify_locked (CdStore *self, const Lockable *lockable, int version, GPtrArray *problems,
               GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, lockable->locked_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *hash = NULL;

      if (stored == NULL)
        {
          add_problem (problems, lockable->missing_msg, stmt);
          continue;
        }
      hash = compute_hash (self, lockable, sqlite3_column_int64 (stmt, 0), version, error);
      if (hash == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (g_ascii_strcasecmp (hash, stored) != 0)
        add_problem (problems, lockable->changed_msg, stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("checking the database"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
verify_unlocked (CdStore *self, const Lockable *lockable, GPtrArray *problems, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, lockable->unlocked_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (problems, lockable->unlocked_msg, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("checking the database"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cd_store_verify_locked_hashes (CdStore *store, GPtrArray *problems, GError **error)
{
  gboolean ok = TRUE;
  int version;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  cd_store_lock (store);
  version = cd_store_get_schema_version (store);
  for (guint i = 0; ok && i < G_N_ELEMENTS (lockables); i++)
    ok = version < lockables[i].min_version
         || (verify_locked (store, &lockables[i], version, problems, error)
             && verify_unlocked (store, &lockables[i], problems, error));
  cd_store_unlock (store);
  return ok;
}
