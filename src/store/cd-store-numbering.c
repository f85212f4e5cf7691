/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Document numbers from the patterns in settings, counted in doc_sequence
 * so that a number, once given, is never given again. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "core/cd-numbering.h"
#include "store/cd-store-private.h"

static const struct { const char *kind; const char *pattern; } default_patterns[] = {
  { "project", "XM{yyyy}{mm}-{nnnn}" },
  { "quote", "QT{yyyy}{mm}-{nnnn}" },
  { "contract", "HT{yyyy}{mm}-{nnnn}" },
  { "work_order", "GD{yyyy}{mm}-{nnnnn}" },
  { "supplier_order", "CG{yyyy}{mm}-{nnnnn}" },
  { "acceptance", "YS{yyyy}{mm}-{nnnnn}" },
  { "pickup_slip", "TH{yyyy}{mm}-{nnnn}" },
  { "amendment", "BC{yyyy}{mm}-{nnnn}" },
  { "meeting", "MT{yyyy}{mm}-{nnnn}" },
};

/**
 * cd_store_default_number_pattern:
 *
 * Returns: (transfer none) (nullable): the pattern used when Preferences
 *   have none for @kind
 */
const char *
cd_store_default_number_pattern (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_patterns); i++)
    if (g_str_equal (default_patterns[i].kind, kind))
      return default_patterns[i].pattern;
  return NULL;
}

static char *
pattern_for (CdStore *self, const char *kind)
{
  g_autofree char *key = g_strconcat ("numbering.", kind, NULL);
  char *pattern = cd_store_get_setting (self, key);

  return pattern ? pattern : g_strdup (cd_store_default_number_pattern (kind));
}

static gboolean
bump_sequence (CdStore *self, const char *kind, const char *period, guint64 *out_seq,
               GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO doc_sequence (kind, period, last_seq)"
                                         " VALUES (?1, ?2, 1) ON CONFLICT (kind, period)"
                                         " DO UPDATE SET last_seq = last_seq + 1"
                                         " RETURNING last_seq",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_seq = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cd_store_set_error (self, error, rc, _("numbering a document"));
      return FALSE;
    }
  return TRUE;
}

char *
cd_store_next_number (CdStore *self, const char *kind, const GDate *date, GError **error)
{
  g_autofree char *pattern = NULL;
  g_autofree char *period = NULL;
  guint64 seq = 0;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  pattern = pattern_for (self, kind);
  if (pattern == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("There is no numbering pattern for “%s”."), kind);
      return NULL;
    }
  period = cd_numbering_period_key (pattern, date);
  if (!bump_sequence (self, kind, period, &seq, error))
    return NULL;
  return cd_numbering_format (pattern, date, seq, error);
}
