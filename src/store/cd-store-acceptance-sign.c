/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The end of an inspection: its photos, the signature (签字确认) that
 * decides the order and locks the acceptance, and the rework order that
 * follows a failed delivery. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "store/cd-store-lock-hash.h"
#include "store/cd-store-supply-private.h"

/* ------------------------------------------------------------------ */
/* Photos                                                              */

/* The type is read from the bytes, not the name: a photo whose name lies
 * would not draw in the PDF. */
static const char *
sniff_image (GBytes *content)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  gsize size;
  const guint8 *data = g_bytes_get_data (content, &size);

  if (size > sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (size > sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  return NULL;
}

static char *
photo_name (const char *filename, GError **error)
{
  g_autofree char *base = NULL;

  if (filename == NULL || *filename == '\0')
    return g_strdup ("photo");
  if (!cd_docs_check_text (filename, _("File name"), 4096, TRUE, FALSE, error))
    return NULL;
  base = g_path_get_basename (filename);
  if (g_utf8_strlen (base, -1) > 255)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("File name: it is longer than 255 characters."));
      return NULL;
    }
  return g_steal_pointer (&base);
}

gint64
cd_store_acceptance_add_photo (CdStore *self, gint64 acceptance_id, const char *filename,
                               GBytes *content, GError **error)
{
  g_autofree char *name = NULL;
  const char *mime;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;
  gsize size;
  const void *data;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (content != NULL, 0);

  if ((name = photo_name (filename, error)) == NULL)
    return 0;
  if (g_bytes_get_size (content) > CD_ACCEPTANCE_PHOTO_MAX)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The photo is larger than %u MB: make it smaller first."),
                   CD_ACCEPTANCE_PHOTO_MAX / (1024 * 1024));
      return 0;
    }
  if ((mime = sniff_image (content)) == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a PNG or JPEG picture."), name);
      return 0;
    }
  if (!cd_store_begin (self, error))
    return 0;
  stmt = cd_store_prepare (self,
                           "INSERT INTO attachment (owner_table, owner_id, filename, mime_type, content)"
                           " SELECT 'acceptance', id, ?2, ?3, ?4 FROM acceptance WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      data = g_bytes_get_data (content, &size);
      sqlite3_bind_int64 (stmt, 1, acceptance_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 4, data, size, SQLITE_STATIC);
      ok = cd_docs_run (self, stmt, _("attaching a photo"), error);
      sqlite3_bind_null (stmt, 4);   /* drop the borrowed pointer */
      if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
        ok = cd_supply_not_found (error, _("acceptance"), acceptance_id);
      if (ok)
        id = cd_docs_last_id (self);
    }
  return cd_docs_finish (self, ok, error) ? id : 0;
}

gboolean
cd_store_acceptance_remove_photo (CdStore *self, gint64 attachment_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self,
                           "DELETE FROM attachment WHERE id = ?1 AND owner_table = 'acceptance'", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, attachment_id);
      ok = cd_docs_run (self, stmt, _("removing a photo"), error);
      if (ok && sqlite3_changes (cd_store_get_db (self)) == 0)
        ok = cd_supply_not_found (error, _("photo"), attachment_id);
    }
  return cd_docs_finish (self, ok, error);
}

GBytes *
cd_store_attachment_get_content (CdStore *self, gint64 attachment_id, char **out_mime_type,
                                 GError **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT content, mime_type FROM attachment WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, attachment_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
          if (out_mime_type != NULL)
            *out_mime_type = cd_docs_column_dup (stmt, 1);
        }
      else if (rc == SQLITE_DONE)
        cd_supply_not_found (error, _("attachment"), attachment_id);
      else
        cd_store_set_error (self, error, rc, _("reading an attachment"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return bytes;
}

/* ------------------------------------------------------------------ */
/* Signing                                                             */

static gboolean
check_judged (const CdAcceptance *a, GError **error)
{
  if (a->status == CD_ACCEPTANCE_SIGNED)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("Acceptance %s is already signed."), a->number);
      return FALSE;
    }
  for (guint i = 0; i < a->items->len; i++)
    {
      const CdAcceptanceItem *item = g_ptr_array_index (a->items, i);

      if (item->result == CD_CHECK_UNJUDGED)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("Item %d, “%s”, is not judged yet: mark every item pass, fail or "
                         "conditional before signing."), item->position, item->text);
          return FALSE;
        }
    }
  if (a->items->len == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Acceptance %s has no checklist items to sign for."), a->number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_signer (CdStore *self, gint64 signer_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 active;

  if (signer_id <= 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Nobody to sign: choose who you are in Preferences first."));
      return FALSE;
    }
  stmt = cd_store_prepare (self, "SELECT active FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, signer_id);
  active = cd_supply_query_id (self, stmt, error);
  if (active == 1)
    return TRUE;
  if (active == 0)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("The signer is no longer an active staff member."));
  else if (active < 0 && error != NULL && *error == NULL)
    cd_supply_not_found (error, _("staff member"), signer_id);
  return FALSE;
}

static gboolean
check_sign_date (const CdAcceptance *a, const char *date, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (strcmp (date, a->inspected_date) < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Signing date: it comes before the inspection (%s)."), a->inspected_date);
      return FALSE;
    }
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Signing date: it is in the future."));
      return FALSE;
    }
  return TRUE;
}

/* Writes what the signature decides while the acceptance is still a
 * draft, takes the hash of the content as it will be locked
 * (cd-store-lock-hash.c), then locks it with that hash in one UPDATE. */
static gboolean
write_signature (CdStore *self, const CdAcceptance *a, CdCheckResult result, gint64 signer_id,
                 const char *date, GError **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "UPDATE acceptance SET result = ?2, signed_by = ?3, signed_date = ?4"
                                         " WHERE id = ?1 AND status = 'draft'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  sqlite3_bind_text (stmt, 2, cd_check_result_to_string (result), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, signer_id);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("signing an acceptance"), error))
    return FALSE;
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED,
                   _("Acceptance %s is already signed."), a->number);
      return FALSE;
    }
  if (!cd_store_compute_locked_hash (self, "acceptance", a->id, &hash, error))
    return FALSE;
  stmt = cd_store_prepare (self,
                           "UPDATE acceptance SET status = 'signed', locked_hash = ?2"
                           " WHERE id = ?1 AND status = 'draft'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  return cd_docs_run (self, stmt, _("signing an acceptance"), error);
}

gboolean
cd_store_acceptance_sign (CdStore *self, gint64 acceptance_id, gint64 signer_id,
                          const char *signed_date, GError **error)
{
  g_autoptr (CdAcceptance) a = NULL;
  g_autofree char *date = NULL;
  CdCheckResult result = CD_CHECK_UNJUDGED;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (signer_id == 0)
    signer_id = cd_store_get_actor (self);
  date = cd_docs_resolve_date (signed_date, _("Signing date"), error);
  if (date == NULL || !cd_store_begin (self, error))
    return FALSE;
  a = cd_store_acceptance_get (self, acceptance_id, error);
  ok = a != NULL && check_judged (a, error) && check_signer (self, signer_id, error)
       && check_sign_date (a, date, error);
  if (ok)
    {
      result = cd_acceptance_compute_result (a);
      ok = write_signature (self, a, result, signer_id, date, error);
    }
  /* The order is decided by the same signature, or not at all. */
  if (ok && a->supplier_order_id != 0)
    ok = result == CD_CHECK_FAIL
         ? cd_supply_move_order (self, a->supplier_order_id, "rejected", NULL, NULL, error)
         : cd_supply_move_order (self, a->supplier_order_id, "accepted", "accepted_date", date, error);
  return cd_docs_finish (self, ok, error);
}

gint64
cd_store_acceptance_create_rework (CdStore *self, gint64 acceptance_id, const char *order_date,
                                   const char *promised_date, GError **error)
{
  g_autoptr (CdAcceptance) a = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  a = cd_store_acceptance_get (self, acceptance_id, error);
  if (a == NULL)
    return 0;
  if (a->supplier_order_id == 0 || a->status != CD_ACCEPTANCE_SIGNED || a->result != CD_CHECK_FAIL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Only a signed, failed delivery acceptance leads to a rework order."));
      return 0;
    }
  return cd_store_supplier_order_create_rework (self, a->supplier_order_id, order_date, promised_date,
                                                FALSE, error);
}
