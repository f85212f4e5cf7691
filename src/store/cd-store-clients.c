/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file. Fields arrive as a{sv}; each known key maps to one
 * constant UPDATE statement, so callers choose which columns change and
 * never the SQL. Hand-overs and status changes go through their own
 * functions: ownership is never overwritten without a history row, and
 * "lost" needs its reason. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/cd-credit-code.h"
#include "core/cd-states.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-docs-private.h"

typedef struct
{
  const char *key;
  const char *type;
  const char *sql;   /* ?1 value, ?2 row id */
  const char *label;
} Field;

#define CLIENT_TEXT(col, label) { col, "s", "UPDATE client SET " col " = nullif (trim (?1), '') WHERE id = ?2", label }

static const Field client_fields[] = {
  { "name", "s", "UPDATE client SET name = trim (?1) WHERE id = ?2", N_("Name") },
  CLIENT_TEXT ("short_name", N_("Short name")),
  CLIENT_TEXT ("credit_code", N_("Unified social credit code")),
  CLIENT_TEXT ("industry", N_("Industry")),
  CLIENT_TEXT ("region", N_("Region")),
  CLIENT_TEXT ("address", N_("Address")),
  CLIENT_TEXT ("tier", N_("Tier")),
  CLIENT_TEXT ("source", N_("Source channel")),
  CLIENT_TEXT ("invoice_title", N_("Invoice title")),
  CLIENT_TEXT ("invoice_tax_id", N_("Invoice tax id")),
  CLIENT_TEXT ("invoice_bank", N_("Invoice bank")),
  CLIENT_TEXT ("invoice_account", N_("Invoice account")),
  CLIENT_TEXT ("invoice_address", N_("Invoice address")),
  CLIENT_TEXT ("invoice_phone", N_("Invoice phone")),
  CLIENT_TEXT ("notes", N_("Notes")),
  CLIENT_TEXT ("private_notes", N_("Private notes")),
  { NULL },
};

#define CONTACT_TEXT(col) { col, "s", "UPDATE contact SET " col " = nullif (trim (?1), '') WHERE id = ?2", NULL }
#define CONTACT_FLAG(col) { col, "b", "UPDATE contact SET " col " = ?1 WHERE id = ?2", NULL }

static const Field contact_fields[] = {
  { "name", "s", "UPDATE contact SET name = trim (?1) WHERE id = ?2", N_("Name") },
  CONTACT_TEXT ("title"), CONTACT_TEXT ("phone"), CONTACT_TEXT ("email"),
  CONTACT_TEXT ("wechat"), CONTACT_TEXT ("notes"),
  CONTACT_FLAG ("is_decision_maker"), CONTACT_FLAG ("is_primary"), CONTACT_FLAG ("is_emergency"),
  { NULL },
};

#define VISIT_TEXT(col) { col, "s", "UPDATE visit SET " col " = nullif (trim (?1), '') WHERE id = ?2", NULL }

static const Field visit_fields[] = {
  { "date", "s", "UPDATE visit SET date = ?1 WHERE id = ?2", N_("Date") },
  { "staff_id", "x", "UPDATE visit SET staff_id = ?1 WHERE id = ?2", N_("Who went") },
  { "contact_id", "x", "UPDATE visit SET contact_id = nullif (?1, 0) WHERE id = ?2", N_("Contact met") },
  { "mode", "s", "UPDATE visit SET mode = ?1 WHERE id = ?2", N_("Mode") },
  { "special", "b", "UPDATE visit SET special = ?1 WHERE id = ?2", NULL },
  VISIT_TEXT ("topic"), VISIT_TEXT ("opinions"), VISIT_TEXT ("needs"),
  VISIT_TEXT ("handling_status"),
  { "next_date", "s", "UPDATE visit SET next_date = nullif (?1, '') WHERE id = ?2", N_("Next appointment") },
  { NULL },
};

static gboolean
invalid (GError **error, const char *field, const char *reason)
{
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, "%s: %s", field, reason);
  return FALSE;
}

static gboolean
check_date (const char *text, const char *label, gboolean required, GError **error)
{
  unsigned y, m, d;
  char end;

  if (text == NULL || *text == '\0')
    return required ? invalid (error, label, _("a date is needed (YYYY-MM-DD).")) : TRUE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 || strlen (text) != 10
      || !g_date_valid_dmy (d, m, y))
    return invalid (error, label, _("not a date: use YYYY-MM-DD, such as 2026-03-31."));
  return TRUE;
}

static gboolean
check_text (const char *value, const char *label, gboolean required, guint max, GError **error)
{
  g_autofree char *trimmed = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    return invalid (error, label, _("the text is not valid UTF-8."));
  /* The refusals of quote, contract and supplier text: control characters
   * (line breaks and tabs allowed) and the invisible direction overrides
   * and isolates (U+202A–U+202E, U+2066–U+2069) that make a name display
   * as something else than what is stored. The length is checked below,
   * trimmed. */
  if (!cd_docs_check_text (value, label, G_MAXINT32, FALSE, TRUE, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (value));
  if (required && *trimmed == '\0')
    return invalid (error, label, _("this field is required."));
  if (g_utf8_strlen (trimmed, -1) > max)
    return invalid (error, label, _("too long."));
  return TRUE;
}

static gboolean
check_client_field (const char *key, GVariant *value, const char *label, GError **error)
{
  const char *text = g_variant_get_string (value, NULL);
  g_autoptr (GError) code_error = NULL;

  if (!check_text (text, label, g_str_equal (key, "name"), g_str_equal (key, "name") ? 300 : 2000,
                   error))
    return FALSE;
  if (g_str_equal (key, "credit_code") && *text != '\0')
    {
      g_autofree char *code = cd_credit_code_normalize (text);
      if (!cd_credit_code_validate (code, &code_error))
        return invalid (error, label, code_error->message);
    }
  if (g_str_equal (key, "tier") && *text != '\0' && g_strcmp0 (text, "A") != 0
      && g_strcmp0 (text, "B") != 0 && g_strcmp0 (text, "C") != 0)
    return invalid (error, label, _("choose A, B or C."));
  return TRUE;
}

static gboolean
check_other_field (const Field *f, const char *key, GVariant *value, GError **error)
{
  const char *label = f->label != NULL ? _(f->label) : key;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return TRUE;
  if (g_str_equal (key, "date") || g_str_equal (key, "next_date"))
    return check_date (g_variant_get_string (value, NULL), label, g_str_equal (key, "date"), error);
  if (g_str_equal (key, "mode"))
    {
      const char *mode = g_variant_get_string (value, NULL);
      if (g_strcmp0 (mode, "in_person") && g_strcmp0 (mode, "phone") && g_strcmp0 (mode, "online"))
        return invalid (error, label, _("choose in person, phone or online."));
      return TRUE;
    }
  return check_text (g_variant_get_string (value, NULL), label, g_str_equal (key, "name"), 4000,
                     error);
}

/* Applies every field of @fields to row @id; call inside a transaction. */
static gboolean
apply_fields (CdStore *self, const Field *table, gint64 id, GVariant *fields, GError **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr (GVariant) owned = value;
      const Field *f = table;
      sqlite3_stmt *stmt;
      int rc;

      while (f->key != NULL && !g_str_equal (f->key, key))
        f++;
      if (f->key == NULL)
        continue;  /* owner_id and ae_id are handled by the caller */
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE (f->type)))
        return invalid (error, key, _("wrong kind of value."));
      if (table == client_fields
          ? !check_client_field (key, value, _(f->label), error)
          : !check_other_field (f, key, value, error))
        return FALSE;
      if ((stmt = cd_store_prepare (self, f->sql, error)) == NULL)
        return FALSE;
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          g_autofree char *text = g_str_equal (key, "credit_code")
            ? cd_credit_code_normalize (g_variant_get_string (value, NULL))
            : g_variant_dup_string (value, NULL);
          sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
        }
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, 1, g_variant_get_int64 (value));
      else
        sqlite3_bind_int (stmt, 1, g_variant_get_boolean (value));
      sqlite3_bind_int64 (stmt, 2, id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cd_store_set_error (self, error, rc, key);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
step_done (CdStore *self, sqlite3_stmt *stmt, const char *doing, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  cd_store_set_error (self, error, rc, doing);
  return FALSE;
}

static gboolean
finish (CdStore *self, gboolean ok, GError **error)
{
  if (ok)
    ok = cd_store_commit (self, error);
  else
    cd_store_rollback (self);
  return ok;
}

static gboolean
record_owner (CdStore *self, gint64 client_id, const char *role, gint64 from, gint64 to,
              const char *reason, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
    "INSERT INTO client_owner_history (client_id, role, from_staff, to_staff, changed_by, reason)"
    " VALUES (?1, ?2, nullif (?3, 0), nullif (?4, 0), nullif (?5, 0), ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  sqlite3_bind_int64 (stmt, 5, cd_store_get_actor (self));
  sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, _("recording a hand-over"), error);
}

static gboolean
set_owner (CdStore *self, gint64 client_id, const char *role, gint64 to, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, g_str_equal (role, "am")
    ? "UPDATE client SET owner_id = nullif (?1, 0) WHERE id = ?2"
    : "UPDATE client SET ae_id = nullif (?1, 0) WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, client_id);
  return step_done (self, stmt, _("handing a client over"), error);
}

/**
 * cd_store_client_create:
 * @fields: a{sv}, see the header; "name" is required
 *
 * Returns: the new client's id, or 0 with @error set (nothing saved)
 */
gint64
cd_store_client_create (CdStore *self, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (fields);
  const char *name = NULL;
  gint64 id = 0, owner = 0, ae = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT), 0);

  if (!g_variant_lookup (fields, "name", "&s", &name))
    return invalid (error, _("Name"), _("this field is required.")), 0;
  g_variant_lookup (fields, "owner_id", "x", &owner);
  g_variant_lookup (fields, "ae_id", "x", &ae);
  if (!cd_store_begin (self, error))
    return 0;
  ok = check_text (name, _("Name"), TRUE, 300, error)
       && (stmt = cd_store_prepare (self, "INSERT INTO client (name) VALUES (trim (?1))", error))
       && (sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT), step_done (self, stmt, _("adding a client"), error));
  if (ok)
    id = sqlite3_last_insert_rowid (cd_store_get_db (self));
  ok = ok && apply_fields (self, client_fields, id, fields, error);
  if (ok && owner != 0)
    ok = set_owner (self, id, "am", owner, error) && record_owner (self, id, "am", 0, owner, NULL, error);
  if (ok && ae != 0)
    ok = set_owner (self, id, "ae", ae, error) && record_owner (self, id, "ae", 0, ae, NULL, error);
  return finish (self, ok, error) ? id : 0;
}

gboolean
cd_store_client_update (CdStore *self, gint64 client_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (fields);

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (g_variant_lookup (fields, "owner_id", "x", NULL) || g_variant_lookup (fields, "ae_id", "x", NULL))
    return invalid (error, _("Owner"), _("hand the client over instead; the change is kept in its history."));
  if (!cd_store_begin (self, error))
    return FALSE;
  return finish (self, apply_fields (self, client_fields, client_id, fields, error), error);
}

static GVariant *
read_rows (CdStore *self, const char *sql, gint64 id, GError **error)
{
  GVariantBuilder rows;
  sqlite3_stmt *stmt;
  int rc;

  cd_store_lock (self);
  if ((stmt = cd_store_prepare (self, sql, error)) == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&rows, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&rows);
      cd_store_set_error (self, error, rc, _("reading a client"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

/* Returns: (transfer full): the client as a{sv}, or NULL (NOT_FOUND) */
GVariant *
cd_store_client_get (CdStore *self, gint64 client_id, GError **error)
{
  g_autoptr (GVariant) rows = read_rows (self, "SELECT * FROM client WHERE id = ?1", client_id, error);

  if (rows == NULL)
    return NULL;
  if (g_variant_n_children (rows) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such client."));
      return NULL;
    }
  return g_variant_get_child_value (rows, 0);
}

/* Refused while the client has projects: their quotes, contracts and
 * payments would lose their client. */
gboolean
cd_store_client_delete (CdStore *self, gint64 client_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 projects = 0;
  gboolean ok;

  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "SELECT count(*) FROM project WHERE client_id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        projects = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (ok && projects > 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   g_dngettext (NULL, "The client has %" PRId64 " project: it cannot be deleted. Mark the client lost instead.",
                                "The client has %" PRId64 " projects: it cannot be deleted. Mark the client lost instead.",
                                projects), projects);
      ok = FALSE;
    }
  {
    static const char *const deletes[] = {
      "DELETE FROM feedback WHERE client_id = ?1", "DELETE FROM visit WHERE client_id = ?1",
      "DELETE FROM contact WHERE client_id = ?1",
      "DELETE FROM client_owner_history WHERE client_id = ?1", "DELETE FROM client WHERE id = ?1",
    };
    for (guint i = 0; ok && i < G_N_ELEMENTS (deletes); i++)
      ok = (stmt = cd_store_prepare (self, deletes[i], error)) != NULL
           && (sqlite3_bind_int64 (stmt, 1, client_id), step_done (self, stmt, _("deleting a client"), error));
  }
  return finish (self, ok, error);
}

/**
 * cd_store_client_hand_over:
 * @role: "am" or "ae"
 * @to_staff: the new owner (0: nobody)
 *
 * Changes the owner and records who, from, to, when and why.
 */
gboolean
cd_store_client_hand_over (CdStore *self, gint64 client_id, const char *role, gint64 to_staff,
                           const char *reason, GError **error)
{
  g_autoptr (GVariant) client = NULL;
  gint64 from = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (g_strcmp0 (role, "am") != 0 && g_strcmp0 (role, "ae") != 0)
    return invalid (error, _("Role"), _("choose account manager or account executive."));
  /* Ownership never changes without a word on why (issue 3). */
  if (!check_text (reason != NULL ? reason : "", _("Reason"), TRUE, 1000, error))
    return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  client = cd_store_client_get (self, client_id, error);
  ok = client != NULL;
  if (ok)
    {
      g_autoptr (GVariant) owner = g_variant_lookup_value (client, g_str_equal (role, "am") ? "owner_id" : "ae_id", G_VARIANT_TYPE_INT64);
      from = owner != NULL ? g_variant_get_int64 (owner) : 0;
      if (from == to_staff)
        ok = invalid (error, _("Owner"), _("the client is already theirs."));
    }
  ok = ok && set_owner (self, client_id, role, to_staff, error)
       && record_owner (self, client_id, role, from, to_staff, reason, error);
  return finish (self, ok, error);
}

/* Returns: (transfer full): aa{sv}, oldest first, with from_name/to_name */
GVariant *
cd_store_client_owner_history (CdStore *self, gint64 client_id, GError **error)
{
  return read_rows (self,
                    "SELECT h.id, h.role, h.from_staff, f.name AS from_name, h.to_staff,"
                    " t.name AS to_name, h.changed_at, h.reason FROM client_owner_history h"
                    " LEFT JOIN staff f ON f.id = h.from_staff LEFT JOIN staff t ON t.id = h.to_staff"
                    " WHERE h.client_id = ?1 ORDER BY h.id", client_id, error);
}

/* prospect → active → dormant → lost; lost needs @reason. */
gboolean
cd_store_client_set_status (CdStore *self, gint64 client_id, const char *status,
                            const char *reason, GError **error)
{
  g_autoptr (GVariant) client = NULL;
  const char *from = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!cd_store_begin (self, error))
    return FALSE;
  client = cd_store_client_get (self, client_id, error);
  ok = client != NULL && g_variant_lookup (client, "status", "&s", &from)
       && cd_state_check_move ("client", from, status, reason, error);
  if (ok && client != NULL && from == NULL)
    ok = FALSE;
  ok = ok && (stmt = cd_store_prepare (self,
         "UPDATE client SET status = ?1, lost_reason = CASE WHEN ?1 = 'lost' THEN trim (?2) END,"
         " lost_on = CASE WHEN ?1 = 'lost' THEN date ('now') END WHERE id = ?3", error)) != NULL
       && (sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT),
           sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT),
           sqlite3_bind_int64 (stmt, 3, client_id),
           step_done (self, stmt, _("changing a client's status"), error));
  return finish (self, ok, error);
}

gint64
cd_store_contact_add (CdStore *self, gint64 client_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (fields);
  const char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (!g_variant_lookup (fields, "name", "&s", &name))
    return invalid (error, _("Name"), _("this field is required.")), 0;
  if (!cd_store_begin (self, error))
    return 0;
  ok = check_text (name, _("Name"), TRUE, 200, error)
       && (stmt = cd_store_prepare (self, "INSERT INTO contact (client_id, name) VALUES (?1, trim (?2))", error))
       && (sqlite3_bind_int64 (stmt, 1, client_id), sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT),
           step_done (self, stmt, _("adding a contact"), error));
  if (ok)
    id = sqlite3_last_insert_rowid (cd_store_get_db (self));
  ok = ok && apply_fields (self, contact_fields, id, fields, error);
  return finish (self, ok, error) ? id : 0;
}

GVariant *
cd_store_client_contacts (CdStore *self, gint64 client_id, GError **error)
{
  return read_rows (self, "SELECT * FROM contact WHERE client_id = ?1 ORDER BY is_primary DESC, id",
                    client_id, error);
}

gint64
cd_store_visit_add (CdStore *self, gint64 client_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (fields);
  const char *date = NULL;
  gint64 staff = 0, id = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_variant_lookup (fields, "date", "&s", &date);
  g_variant_lookup (fields, "staff_id", "x", &staff);
  if (!check_date (date, _("Date"), TRUE, error))
    return 0;
  if (staff <= 0)
    return invalid (error, _("Who went"), _("choose the staff member who made the visit.")), 0;
  if (!cd_store_begin (self, error))
    return 0;
  ok = (stmt = cd_store_prepare (self, "INSERT INTO visit (client_id, staff_id, date) VALUES (?1, ?2, ?3)", error))
       && (sqlite3_bind_int64 (stmt, 1, client_id), sqlite3_bind_int64 (stmt, 2, staff),
           sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT),
           step_done (self, stmt, _("logging a visit"), error));
  if (ok)
    id = sqlite3_last_insert_rowid (cd_store_get_db (self));
  ok = ok && apply_fields (self, visit_fields, id, fields, error);
  return finish (self, ok, error) ? id : 0;
}

/* A reviewed visit is locked: the database refuses (CD_STORE_ERROR_LOCKED). */
gboolean
cd_store_visit_update (CdStore *self, gint64 visit_id, GVariant *fields, GError **error)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (fields);

  if (!cd_store_begin (self, error))
    return FALSE;
  return finish (self, apply_fields (self, visit_fields, visit_id, fields, error), error);
}

/* Month-end review: the supervisor's comment, then the entry is locked. */
gboolean
cd_store_visit_review (CdStore *self, gint64 visit_id, gint64 reviewer_id, const char *comment,
                       GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (comment != NULL && !check_text (comment, _("Comment"), FALSE, 4000, error))
    return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  ok = (stmt = cd_store_prepare (self,
          "UPDATE visit SET status = 'reviewed', review_comment = nullif (trim (?1), ''),"
          " reviewed_by = ?2, reviewed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?3",
          error)) != NULL
       && (sqlite3_bind_text (stmt, 1, comment, -1, SQLITE_TRANSIENT),
           sqlite3_bind_int64 (stmt, 2, reviewer_id), sqlite3_bind_int64 (stmt, 3, visit_id),
           step_done (self, stmt, _("reviewing a visit"), error));
  if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND, _("There is no such visit."));
      ok = FALSE;
    }
  return finish (self, ok, error);
}

GVariant *
cd_store_client_visits (CdStore *self, gint64 client_id, GError **error)
{
  return read_rows (self,
                    "SELECT v.*, s.name AS staff, k.name AS contact FROM visit v"
                    " LEFT JOIN staff s ON s.id = v.staff_id LEFT JOIN contact k ON k.id = v.contact_id"
                    " WHERE v.client_id = ?1 ORDER BY v.date DESC, v.id DESC", client_id, error);
}

gint64
cd_store_feedback_add (CdStore *self, gint64 client_id, const char *kind, const char *date,
                       const char *summary, gint64 owner_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (g_strcmp0 (kind, "complaint") != 0 && g_strcmp0 (kind, "praise") != 0)
    return invalid (error, _("Kind"), _("choose complaint or praise.")), 0;
  if (!check_date (date, _("Date"), TRUE, error)
      || !check_text (summary != NULL ? summary : "", _("Summary"), TRUE, 4000, error))
    return 0;
  if (!cd_store_begin (self, error))
    return 0;
  ok = (stmt = cd_store_prepare (self,
          "INSERT INTO feedback (client_id, kind, date, summary, owner_id)"
          " VALUES (?1, ?2, ?3, trim (?4), nullif (?5, 0))", error)) != NULL
       && (sqlite3_bind_int64 (stmt, 1, client_id), sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT),
           sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT),
           sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_TRANSIENT),
           sqlite3_bind_int64 (stmt, 5, owner_id), step_done (self, stmt, _("registering feedback"), error));
  if (ok)
    id = sqlite3_last_insert_rowid (cd_store_get_db (self));
  return finish (self, ok, error) ? id : 0;
}

gboolean
cd_store_feedback_close (CdStore *self, gint64 feedback_id, gboolean valid, const char *resolution,
                         const char *closed_date, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!check_date (closed_date, _("Date closed"), TRUE, error)
      || !check_text (resolution != NULL ? resolution : "", _("Resolution"), TRUE, 4000, error))
    return FALSE;
  if (!cd_store_begin (self, error))
    return FALSE;
  ok = (stmt = cd_store_prepare (self,
          "UPDATE feedback SET status = 'closed', valid = ?1, resolution = trim (?2), closed_date = ?3"
          " WHERE id = ?4", error)) != NULL
       && (sqlite3_bind_int (stmt, 1, valid ? 1 : 0), sqlite3_bind_text (stmt, 2, resolution, -1, SQLITE_TRANSIENT),
           sqlite3_bind_text (stmt, 3, closed_date, -1, SQLITE_TRANSIENT),
           sqlite3_bind_int64 (stmt, 4, feedback_id), step_done (self, stmt, _("closing feedback"), error));
  return finish (self, ok, error);
}
