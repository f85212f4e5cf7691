/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain lists of each kind, for `clientdesk-cli list` and the window's
 * lists: a page of rows as aa{sv}.
 *
 * Every query binds the same parameters:
 *   ?1 month "YYYY-MM" or NULL   (by the date that matters at month end)
 *   ?2 search text or NULL       (substring; see below for clients/suppliers)
 *   ?3 limit (-1: all)   ?4 offset
 * Clients and suppliers search their trigram index: MATCH for three or more
 * characters, a scan of the compact index text for one or two (?5 is the
 * FTS phrase). Suppliers also bind ?6 category and ?7 status, NULL for all:
 * the directory's filters (cd-store-list.h). */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-states.h"
#include "store/cd-store-list.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

#define MONTH(col) "(?1 IS NULL OR (" col " >= ?1 || '-01' AND " col " <= ?1 || '-31'))"
#define PAGE " LIMIT ?3 OFFSET ?4"

#define CLIENT_SELECT                                                                    \
  "SELECT c.id, c.name, c.short_name, c.tier, c.status, c.industry, c.region,"           \
  " s.name AS owner, c.created_on,"                                                       \
  " (SELECT count(*) FROM project p WHERE p.client_id = c.id"                             \
  "   AND p.status NOT IN ('closed', 'cancelled')) AS open_projects"                      \
  " FROM client c LEFT JOIN staff s ON s.id = c.owner_id WHERE " MONTH ("c.created_on")

static const char *const client_sql[] = {
  CLIENT_SELECT " AND ?2 IS NULL ORDER BY c.id" PAGE,
  CLIENT_SELECT " AND c.id IN (SELECT rowid FROM client_search WHERE instr (body, ?2) > 0)"
                " ORDER BY c.id" PAGE,
  CLIENT_SELECT " AND c.id IN (SELECT rowid FROM client_search WHERE client_search MATCH ?5)"
                " ORDER BY c.id" PAGE,
};

#define SUPPLIER_SELECT                                                                  \
  "SELECT id, name, category, vat_type, contact, phone, status FROM supplier"            \
  " WHERE ?1 IS NULL AND (?6 IS NULL OR category = ?6) AND (?7 IS NULL OR status = ?7)"

static const char *const supplier_sql[] = {
  SUPPLIER_SELECT " AND ?2 IS NULL ORDER BY id" PAGE,
  SUPPLIER_SELECT " AND id IN (SELECT rowid FROM supplier_search WHERE instr (body, ?2) > 0)"
                  " ORDER BY id" PAGE,
  SUPPLIER_SELECT " AND id IN (SELECT rowid FROM supplier_search WHERE supplier_search MATCH ?5)"
                  " ORDER BY id" PAGE,
};

#define TEXT_MATCH(expr) " AND (?2 IS NULL OR instr (" expr ", ?2) > 0)"

static const char *const document_sql[CD_N_KINDS] = {
  [CD_KIND_PROJECTS] =
    "SELECT p.id, p.number, p.name, c.name AS client, p.status, s.name AS am,"
    " p.start_date, p.due_date"
    " FROM project p JOIN client c ON c.id = p.client_id LEFT JOIN staff s ON s.id = p.am_id"
    " WHERE " MONTH ("p.start_date")
    TEXT_MATCH ("p.number || ' ' || p.name || ' ' || c.name")
    " ORDER BY p.id" PAGE,
  [CD_KIND_WORK_ORDERS] =
    "SELECT w.id, w.number, w.title, p.number AS project, w.department,"
    " s.name AS assignee, w.issued_date, w.due_date, w.priority, w.status,"
    " w.spent_minutes"
    " FROM work_order w JOIN project p ON p.id = w.project_id"
    " LEFT JOIN staff s ON s.id = w.assignee_id"
    " WHERE " MONTH ("w.issued_date")
    TEXT_MATCH ("w.number || ' ' || w.title || ' ' || coalesce (s.name, '')")
    " ORDER BY w.id" PAGE,
  [CD_KIND_QUOTES] =
    "SELECT q.id, q.number, q.version, c.name AS client, p.number AS project, q.status,"
    " q.created_date, q.sent_date, q.subtotal_fen, q.tax_fen, q.total_fen"
    " FROM quote q JOIN client c ON c.id = q.client_id JOIN project p ON p.id = q.project_id"
    " WHERE " MONTH ("q.created_date")
    TEXT_MATCH ("q.number || ' ' || c.name || ' ' || p.name")
    " ORDER BY q.id" PAGE,
  [CD_KIND_CONTRACTS] =
    "SELECT k.id, k.number, k.subject, c.name AS client, k.status, k.signed_date,"
    " k.start_date, k.end_date, k.amount_fen,"
    " (SELECT coalesce (sum (y.amount_fen), 0) FROM installment i"
    "   JOIN payment y ON y.installment_id = i.id WHERE i.contract_id = k.id) AS paid_fen"
    " FROM contract k JOIN client c ON c.id = k.client_id"
    " WHERE " MONTH ("k.signed_date")
    TEXT_MATCH ("k.number || ' ' || k.subject || ' ' || c.name")
    " ORDER BY k.id" PAGE,
  [CD_KIND_SUPPLIER_ORDERS] =
    "SELECT o.id, o.number, s.name AS supplier, s.category, p.number AS project, o.status,"
    " o.order_date, o.promised_date, o.delivered_date, o.accepted_date,"
    " (SELECT coalesce (sum (l.amount_fen), 0) FROM supplier_order_line l"
    "   WHERE l.order_id = o.id) AS amount_fen,"
    " (SELECT coalesce (sum (l.tax_fen), 0) FROM supplier_order_line l"
    "   WHERE l.order_id = o.id) AS tax_fen"
    " FROM supplier_order o JOIN supplier s ON s.id = o.supplier_id"
    " JOIN project p ON p.id = o.project_id"
    " WHERE " MONTH ("o.accepted_date")
    TEXT_MATCH ("o.number || ' ' || s.name || ' ' || p.number")
    " ORDER BY o.id" PAGE,
  [CD_KIND_ACCEPTANCES] =
    "SELECT a.id, a.number, a.kind, coalesce (o.number, w.number) AS subject_number,"
    " a.status, a.result, a.inspected_date, a.signed_date, s.name AS signed_by"
    " FROM acceptance a LEFT JOIN supplier_order o ON o.id = a.supplier_order_id"
    " LEFT JOIN work_order w ON w.id = a.work_order_id"
    " LEFT JOIN staff s ON s.id = a.signed_by"
    " WHERE " MONTH ("a.signed_date")
    TEXT_MATCH ("a.number || ' ' || coalesce (o.number, w.number, '')")
    " ORDER BY a.id" PAGE,
  [CD_KIND_PICKUP_SLIPS] =
    "SELECT t.id, t.number, c.name AS client, p.number AS project, t.date, t.received_by,"
    " t.status"
    " FROM pickup_slip t JOIN client c ON c.id = t.client_id"
    " JOIN project p ON p.id = t.project_id"
    " WHERE " MONTH ("t.date")
    TEXT_MATCH ("t.number || ' ' || c.name || ' ' || coalesce (t.received_by, '')")
    " ORDER BY t.id" PAGE,
};

static const char *const count_sql[CD_N_KINDS] = {
  "SELECT count(*) FROM client",         "SELECT count(*) FROM project",
  "SELECT count(*) FROM work_order",     "SELECT count(*) FROM quote",
  "SELECT count(*) FROM contract",       "SELECT count(*) FROM supplier",
  "SELECT count(*) FROM supplier_order", "SELECT count(*) FROM acceptance",
  "SELECT count(*) FROM pickup_slip",
};

/* "YYYY-MM" with a real month: anything else is refused, never guessed. */
static gboolean
check_month (const char *month, GError **error)
{
  int m;

  if (month == NULL)
    return TRUE;
  if (strlen (month) == 7 && g_ascii_isdigit (month[0]) && g_ascii_isdigit (month[1])
      && g_ascii_isdigit (month[2]) && g_ascii_isdigit (month[3]) && month[4] == '-'
      && g_ascii_isdigit (month[5]) && g_ascii_isdigit (month[6]))
    {
      m = (month[5] - '0') * 10 + (month[6] - '0');
      if (m >= 1 && m <= 12)
        return TRUE;
    }
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("“%s” is not a month: use YYYY-MM, such as 2026-11."), month);
  return FALSE;
}

/* An FTS5 phrase for the search text: double quotes doubled, so the text is
 * matched literally whatever it contains. This is FTS query syntax bound as
 * a parameter, not SQL. */
static char *
fts_phrase (const char *search)
{
  g_autoptr (GString) phrase = g_string_new ("\"");

  for (const char *p = search; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

static const char *
pick_sql (CdKind kind, const char *search, GError **error)
{
  const char *const *variants = NULL;
  glong length;

  if (kind == CD_KIND_CLIENTS)
    variants = client_sql;
  else if (kind == CD_KIND_SUPPLIERS)
    variants = supplier_sql;
  else
    return document_sql[kind];

  if (search == NULL)
    return variants[0];
  length = g_utf8_strlen (search, -1);
  return length >= 3 ? variants[2] : variants[1];
}

/* Only suppliers have filters, and only known codes pass: a typo in a
 * caller is an error, not a silently empty list. */
static gboolean
check_filters (CdKind kind, const char *category, const char *status, GError **error)
{
  if (category == NULL && status == NULL)
    return TRUE;
  if (kind != CD_KIND_SUPPLIERS)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Only suppliers can be filtered by category and status."));
      return FALSE;
    }
  if (category != NULL && !g_strv_contains (cd_supplier_categories (), category))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a supplier category."), category);
      return FALSE;
    }
  if (status != NULL && cd_state_label ("supplier", status) == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a supplier status."), status);
      return FALSE;
    }
  return TRUE;
}

static GVariant *
run_list (CdStore *self, CdKind kind, const char *month, const char *search,
          const char *category, const char *status,
          guint offset, guint limit, GError **error)
{
  g_autofree char *phrase = NULL;
  GVariantBuilder rows;
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  if (search != NULL && *search == '\0')
    search = NULL;
  if (search != NULL && !g_utf8_validate (search, -1, NULL))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The search text is not valid UTF-8."));
      return NULL;
    }
  if (!check_month (month, error) || !check_filters (kind, category, status, error))
    return NULL;
  if (kind == CD_KIND_SUPPLIERS && month != NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Suppliers have no date to select by month: leave out --month."));
      return NULL;
    }

  sql = pick_sql (kind, search, error);
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (month != NULL)
    sqlite3_bind_text (stmt, 1, month, -1, SQLITE_TRANSIENT);
  if (search != NULL)
    {
      sqlite3_bind_text (stmt, 2, search, -1, SQLITE_TRANSIENT);
      /* Only the MATCH variants use ?5 (a gap has no name). */
      if (sqlite3_bind_parameter_name (stmt, 5) != NULL)
        {
          phrase = fts_phrase (search);
          sqlite3_bind_text (stmt, 5, phrase, -1, SQLITE_TRANSIENT);
        }
    }
  sqlite3_bind_int64 (stmt, 3, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 4, offset);
  if (category != NULL)
    sqlite3_bind_text (stmt, 6, category, -1, SQLITE_TRANSIENT);
  if (status != NULL)
    sqlite3_bind_text (stmt, 7, status, -1, SQLITE_TRANSIENT);

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&rows, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&rows);
      cd_store_set_error (self, error, rc, _("reading a list"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

/**
 * cd_store_list:
 *
 * Returns: (transfer full): rows of type aa{sv}, or %NULL with @error set
 *   (a malformed month, invalid search text, a database failure)
 */
GVariant *
cd_store_list (CdStore *self, CdKind kind, const char *month, const char *search,
               guint offset, guint limit, GError **error)
{
  GVariant *rows;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < CD_N_KINDS, NULL);

  cd_store_lock (self);
  rows = run_list (self, kind, month, search, NULL, NULL, offset, limit, error);
  cd_store_unlock (self);
  return rows;
}

GVariant *
cd_store_list_suppliers (CdStore *self, const char *search, const char *category,
                         const char *status, guint offset, guint limit, GError **error)
{
  GVariant *rows;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  rows = run_list (self, CD_KIND_SUPPLIERS, NULL, search, category, status, offset, limit, error);
  cd_store_unlock (self);
  return rows;
}

gint64
cd_store_count (CdStore *self, CdKind kind, GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), -1);
  g_return_val_if_fail (kind < CD_N_KINDS, -1);
  return cd_store_query_int (self, count_sql[kind], error);
}

typedef struct
{
  CdKind kind;
  char  *month;
  char  *search;
  char  *category;
  char  *status;
  guint  offset;
  guint  limit;
} ListArgs;

static void
list_args_free (ListArgs *args)
{
  g_free (args->month);
  g_free (args->search);
  g_free (args->category);
  g_free (args->status);
  g_free (args);
}

static void
list_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ListArgs *args = data;
  GError *error = NULL;
  GVariant *rows;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (args->category != NULL || args->status != NULL)
    rows = cd_store_list_suppliers (CD_STORE (source), args->search, args->category,
                                    args->status, args->offset, args->limit, &error);
  else
    rows = cd_store_list (CD_STORE (source), args->kind, args->month, args->search,
                          args->offset, args->limit, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

static void
start_list (CdStore *self, ListArgs *args, GCancellable *cancellable,
            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cd_store_list_async);
  g_task_set_task_data (task, args, (GDestroyNotify) list_args_free);
  g_task_run_in_thread (task, list_thread);
}

void
cd_store_list_async (CdStore *self, CdKind kind, const char *month, const char *search,
                     guint offset, guint limit, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  ListArgs *args;

  g_return_if_fail (CD_IS_STORE (self));

  args = g_new0 (ListArgs, 1);
  args->kind = kind;
  args->month = g_strdup (month);
  args->search = g_strdup (search);
  args->offset = offset;
  args->limit = limit;
  start_list (self, args, cancellable, callback, user_data);
}

void
cd_store_list_suppliers_async (CdStore *self, const char *search, const char *category,
                               const char *status, guint offset, guint limit,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  ListArgs *args;

  g_return_if_fail (CD_IS_STORE (self));

  args = g_new0 (ListArgs, 1);
  args->kind = CD_KIND_SUPPLIERS;
  args->search = g_strdup (search);
  args->category = g_strdup (category);
  args->status = g_strdup (status);
  args->offset = offset;
  args->limit = limit;
  start_list (self, args, cancellable, callback, user_data);
}

/**
 * cd_store_list_finish:
 *
 * Returns: (transfer full): rows of type aa{sv}, or %NULL with @error set
 */
GVariant *
cd_store_list_finish (CdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
