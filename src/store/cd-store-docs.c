/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers of the document repositories (quotes, contracts,
 * payments): dates, text checks, statements, canonical serialisation. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "store/cd-store-contracts.h"
#include "store/cd-store-docs-private.h"

gboolean
cd_docs_parse_date (const char *text, GDate *out)
{
  guint y, m, d;

  /* Strictly YYYY-MM-DD: g_date_set_parse () would accept "3/4" and
   * guess, which is not what a contract date may do. */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1900 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
cd_docs_resolve_date (const char *text, const char *field, GError **error)
{
  GDate date;

  if (text == NULL || *text == '\0')
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      return g_date_time_format (now, "%Y-%m-%d");
    }
  if (!cd_docs_parse_date (text, &date))
    {
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 40));
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a date; write it as YYYY-MM-DD, such as 2026-03-31."),
                   field, shown);
      return NULL;
    }
  return g_strdup (text);
}

gboolean
cd_docs_check_text (const char *text, const char *field, gsize max_chars,
                    gboolean required, gboolean multiline, GError **error)
{
  const char *p;
  gboolean blank = TRUE;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("%s holds bytes that are not text (invalid UTF-8)."), field);
      return FALSE;
    }
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("%s holds a control character; remove it."), field);
          return FALSE;
        }
      /* Bidirectional overrides and isolates make text display as
       * something else than what is stored ("invoice\u202Etxt.exe"); the
       * CSV importer refuses them too. Right-to-left letters stay. */
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("%s holds the invisible direction control U+%04X, which can make text read differently from what is saved; remove it."),
                       field, c);
          return FALSE;
        }
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }
  if (required && blank)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("%s is required."), field);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("%s is longer than %u characters."), field, (guint) max_chars);
      return FALSE;
    }
  return TRUE;
}

char *
cd_docs_column_dup (sqlite3_stmt *stmt, int column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  text = (const char *) sqlite3_column_text (stmt, column);
  /* The file may have been written by another program. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return g_strdup (text);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

void
cd_docs_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (is_blank (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
cd_docs_bind_keep (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, is_blank (text) ? "" : text, -1, SQLITE_TRANSIENT);
}

gboolean
cd_docs_run (CdStore *self, sqlite3_stmt *stmt, const char *doing, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cd_store_set_error (self, error, rc, doing);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
cd_docs_last_id (CdStore *self)
{
  return sqlite3_last_insert_rowid (cd_store_get_db (self));
}

void
cd_docs_canon_text (GString *out, const char *key, const char *value)
{
  if (value == NULL)
    g_string_append_printf (out, "%s=-\n", key);
  else
    g_string_append_printf (out, "%s=%zu:%s\n", key, strlen (value), value);
}

void
cd_docs_canon_int (GString *out, const char *key, gint64 value)
{
  g_string_append_printf (out, "%s=%" PRId64 "\n", key, value);
}

gboolean
cd_docs_move_project (CdStore *self, gint64 project_id, const char *from, const char *to,
                      GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "UPDATE project SET status = ?3"
                                         " WHERE id = ?1 AND status = ?2",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  return cd_docs_run (self, stmt, _("moving the project on"), error);
}

gboolean
cd_docs_finish (CdStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      cd_store_rollback (self);
      return FALSE;
    }
  return cd_store_commit (self, error);
}

/* ------------------------------------------------------------------ */
/* The client as a party to a document                                */

void
cd_party_free (CdParty *party)
{
  if (party == NULL)
    return;
  g_free (party->name);
  g_free (party->credit_code);
  g_free (party->address);
  g_free (party->contact);
  g_free (party->phone);
  g_free (party->invoice_title);
  g_free (party->invoice_tax_id);
  g_free (party->invoice_bank);
  g_free (party->invoice_account);
  g_free (party->invoice_address);
  g_free (party->invoice_phone);
  g_free (party);
}

static CdParty *
party_from_row (sqlite3_stmt *stmt)
{
  CdParty *party = g_new0 (CdParty, 1);

  party->name = cd_docs_column_dup (stmt, 0);
  party->credit_code = cd_docs_column_dup (stmt, 1);
  party->address = cd_docs_column_dup (stmt, 2);
  party->invoice_title = cd_docs_column_dup (stmt, 3);
  party->invoice_tax_id = cd_docs_column_dup (stmt, 4);
  party->invoice_bank = cd_docs_column_dup (stmt, 5);
  party->invoice_account = cd_docs_column_dup (stmt, 6);
  party->invoice_address = cd_docs_column_dup (stmt, 7);
  party->invoice_phone = cd_docs_column_dup (stmt, 8);
  party->contact = cd_docs_column_dup (stmt, 9);
  party->phone = cd_docs_column_dup (stmt, 10);
  return party;
}

/**
 * cd_store_client_party:
 *
 * Returns: (transfer full): what a quote or contract says about the
 *   client: name, address, invoicing details and the primary contact
 */
CdParty *
cd_store_client_party (CdStore *self, gint64 client_id, GError **error)
{
  sqlite3_stmt *stmt;
  CdParty *party = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self,
    "SELECT c.name, c.credit_code, c.address, c.invoice_title, c.invoice_tax_id, c.invoice_bank,"
    " c.invoice_account, c.invoice_address, c.invoice_phone, t.name, t.phone FROM client c"
    " LEFT JOIN contact t ON t.id = (SELECT id FROM contact WHERE client_id = c.id"
    "  ORDER BY is_primary DESC, is_decision_maker DESC, id LIMIT 1)"
    " WHERE c.id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        party = party_from_row (stmt);
      else if (rc == SQLITE_DONE)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     _("There is no client %" PRId64 "."), client_id);
      else
        cd_store_set_error (self, error, rc, _("reading a client"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return party;
}
