/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paged reads: the ordered ids of a query, then rows by id.
 *
 * Why ids first: OFFSET makes SQLite step over every row before the page,
 * so the end of a million work orders costs a full scan per page; keyset
 * paging cannot jump to row 700,000 when the scrollbar is dragged there.
 * The id list is read once per query (count included) and any page is then
 * `WHERE id IN (SELECT value FROM json_each (?))`, a primary-key lookup per
 * row.
 *
 * SQL text is assembled only from the constant fragments below, chosen by
 * whitelisted names, and interned so that the store's statement cache keeps
 * one prepared statement per shape. User text is always a bound parameter. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "store/cd-store-pages.h"
#include "store/cd-store-client-search.h"
#include "store/cd-store-private.h"

typedef struct
{
  const char *name;
  const char *type;      /* GVariant type string of the value */
  const char *fragment;  /* binds :<name with '-' as '_'> when it has a value */
} Filter;

typedef struct
{
  const char *key;
  const char *expr;
} SortKey;

typedef struct
{
  char        alias;
  const char *join;
} Join;

typedef struct
{
  const char    *from;        /* FROM the kind's own table */
  Join           joins[3];    /* added when a fragment names their alias */
  const char    *id;          /* the id column */
  const char    *columns;     /* SELECT list of a row */
  const char    *search_short;/* fragment for 1–2 character searches */
  const char    *search_long; /* fragment for 3+ characters (trigram MATCH) */
  const char    *match_short; /* the matching ids alone, unordered */
  const char    *match_long;
  const Filter  *filters;
  const SortKey *sorts;
  const char *const *sort_names;
} Kind;

#define LAST_VISIT "(SELECT max (v.date) FROM visit v WHERE v.client_id = c.id)"
#define NEXT_DUE                                                                       \
  "date (coalesce (" LAST_VISIT ", c.created_on), '+' || t.visit_cycle_days || ' days')"
#define OPEN_PROJECTS                                                                  \
  "(SELECT count(*) FROM project p WHERE p.client_id = c.id"                           \
  " AND p.status NOT IN ('closed', 'cancelled'))"
/* Per contract and its amendments (which share its project): installments
 * of the signed ones less what was paid on them, less what signed
 * reductions took off — which never goes below what was collected, so
 * never below 0 (cd-store-contracts.h). Through the project index:
 * contract has no client index and no amends_id index. */
#define RECEIVABLES                                                                    \
  "(SELECT coalesce (sum (max (0,"                                                     \
  " (SELECT coalesce (sum (i.amount_fen - coalesce ((SELECT sum (y.amount_fen)"        \
  "  FROM payment y WHERE y.installment_id = i.id), 0)), 0)"                           \
  "  FROM contract x JOIN installment i ON i.contract_id = x.id"                       \
  "  WHERE x.project_id = p.id AND coalesce (x.amends_id, x.id) = k.id"                \
  "  AND x.status IN ('signed', 'executing', 'completed'))"                            \
  " - (SELECT coalesce (sum (r.amount_fen), 0) FROM contract r"                        \
  "  WHERE r.project_id = p.id AND r.amends_id = k.id AND r.status <> 'draft'"         \
  "  AND NOT EXISTS (SELECT 1 FROM installment z WHERE z.contract_id = r.id)))), 0)"   \
  " FROM project p JOIN contract k ON k.project_id = p.id"                             \
  " WHERE p.client_id = c.id AND k.amends_id IS NULL)"

static const Filter client_filters[] = {
  { "tier", "s", "c.tier = :tier" },
  { "status", "s", "c.status = :status" },
  { "industry", "s", "c.industry = :industry" },
  { "region", "s", "c.region = :region" },
  { "owner", "x", "c.owner_id = :owner" },
  { "visit-overdue", "b",
    "(c.status <> 'lost' AND (" NEXT_DUE " < date ('now')) = :visit_overdue)" },
  { "open-complaints", "b",
    "EXISTS (SELECT 1 FROM feedback f WHERE f.client_id = c.id AND f.kind = 'complaint'"
    " AND f.status <> 'closed') = :open_complaints" },
  { NULL },
};

static const SortKey client_sorts[] = {
  { "name", "c.name" },
  { "short-name", "c.short_name" },
  { "tier", "t.position" },
  { "status", "c.status" },
  { "industry", "c.industry" },
  { "region", "c.region" },
  { "owner", "s.name" },
  { "last-visit", LAST_VISIT },
  { "next-visit-due", NEXT_DUE },
  { "open-projects", OPEN_PROJECTS },
  { "receivables", RECEIVABLES },
  { NULL },
};

static const char *const client_sort_names[] = {
  "name", "short-name", "tier", "status", "industry", "region", "owner",
  "last-visit", "next-visit-due", "open-projects", "receivables", NULL,
};

#define WO_OPEN "w.status NOT IN ('done', 'cancelled')"

static const Filter work_order_filters[] = {
  { "status", "s", "w.status = :status" },
  { "department", "s", "w.department = :department" },
  { "assignee", "x", "w.assignee_id = :assignee" },
  { "due-from", "s", "w.due_date >= :due_from" },
  { "due-to", "s", "w.due_date <= :due_to" },
  { "overdue", "b", "(" WO_OPEN " AND w.due_date < date ('now')) = :overdue" },
  { NULL },
};

static const SortKey work_order_sorts[] = {
  { "number", "w.number" },
  { "title", "w.title" },
  { "project", "p.number" },
  { "department", "w.department" },
  { "assignee", "s.name" },
  { "issued", "w.issued_date" },
  { "due", "w.due_date" },
  { "priority", "w.priority" },
  { "status", "w.status" },
  { "spent", "w.spent_minutes" },
  { NULL },
};

static const char *const work_order_sort_names[] = {
  "number", "title", "project", "department", "assignee", "issued", "due",
  "priority", "status", "spent", NULL,
};

/* Projects (issue 4): the week is Monday to Sunday. */
#define PROJECT_OPEN "p.status NOT IN ('delivered', 'closed', 'cancelled')"

static const Filter project_filters[] = {
  { "status", "s", "p.status = :status" },
  { "client", "x", "p.client_id = :client" },
  { "client-name", "s", "instr (c.name, :client_name) > 0" },
  { "am", "x", "p.am_id = :am" },
  { "ae", "x", "p.ae_id = :ae" },
  { "due-this-week", "b",
    "coalesce (p.due_date BETWEEN date ('now', 'weekday 0', '-6 days') AND date ('now', 'weekday 0'), 0)"
    " = :due_this_week" },
  { "overdue", "b", "coalesce (" PROJECT_OPEN " AND p.due_date < date ('now'), 0) = :overdue" },
  { NULL },
};

static const SortKey project_sorts[] = {
  { "number", "p.number" },
  { "name", "p.name" },
  { "client", "c.name" },
  { "status", "p.status" },
  { "am", "am.name" },
  { "ae", "ae.name" },
  { "start", "p.start_date" },
  { "due", "p.due_date" },
  { NULL },
};

static const char *const project_sort_names[] = {
  "number", "name", "client", "status", "am", "ae", "start", "due", NULL,
};

static const Kind kinds[CD_N_KINDS] = {
  [CD_KIND_CLIENTS] = {
    .from = " FROM client c",
    .joins = { { 's', " LEFT JOIN staff s ON s.id = c.owner_id" },
               { 't', " LEFT JOIN tier t ON t.code = c.tier" } },
    .id = "c.id",
    .columns = "c.id, c.name, c.short_name, c.tier, c.status, c.industry, c.region,"
               " c.owner_id, s.name AS owner, c.created_on, " LAST_VISIT " AS last_visit, "
               NEXT_DUE " AS next_visit_due, " OPEN_PROJECTS " AS open_projects, "
               RECEIVABLES " AS receivables_fen",
    /* One or two characters have no trigram: scan the index's own copy of
     * the text (its content table), a third cheaper than through the
     * virtual table. */
    .search_short = "c.id IN (SELECT id FROM client_search_content WHERE instr (c0, :search) > 0)",
    .search_long = "c.id IN (SELECT rowid FROM client_search WHERE client_search MATCH :phrase)",
    .match_short = "SELECT id FROM client_search_content WHERE instr (c0, :search) > 0",
    .match_long = "SELECT rowid FROM client_search WHERE client_search MATCH :phrase",
    .filters = client_filters,
    .sorts = client_sorts,
    .sort_names = client_sort_names,
  },
  [CD_KIND_PROJECTS] = {
    .from = " FROM project p JOIN client c ON c.id = p.client_id"
            " LEFT JOIN staff am ON am.id = p.am_id LEFT JOIN staff ae ON ae.id = p.ae_id",
    .id = "p.id",
    .columns = "p.id, p.number, p.name, p.client_id, c.name AS client, p.status, am.name AS am,"
               " ae.name AS ae, p.start_date, p.due_date,"
               " coalesce (" PROJECT_OPEN " AND p.due_date < date ('now'), 0) AS overdue",
    .search_short = "instr (p.number || ' ' || p.name || ' ' || c.name, :search) > 0",
    .search_long = NULL,
    .filters = project_filters,
    .sorts = project_sorts,
    .sort_names = project_sort_names,
  },
  [CD_KIND_WORK_ORDERS] = {
    .from = " FROM work_order w",
    .joins = { { 'p', " JOIN project p ON p.id = w.project_id" },
               { 's', " LEFT JOIN staff s ON s.id = w.assignee_id" } },
    .id = "w.id",
    .columns = "w.id, w.number, w.title, p.number AS project, w.department,"
               " w.assignee_id, s.name AS assignee, w.issued_date, w.due_date, w.priority,"
               " w.status, w.spent_minutes, w.done_date,"
               " (" WO_OPEN " AND w.due_date < date ('now')) AS overdue",
    .search_short = "instr (w.number || ' ' || w.title || ' ' || coalesce (s.name, ''),"
                    " :search) > 0",
    .search_long = NULL,
    .filters = work_order_filters,
    .sorts = work_order_sorts,
    .sort_names = work_order_sort_names,
  },
};

static const Kind *
get_kind (CdKind kind, GError **error)
{
  if (kind < CD_N_KINDS && kinds[kind].from != NULL)
    return &kinds[kind];
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("This list cannot be read in pages."));
  return NULL;
}

const char *const *
cd_store_page_sort_keys (CdKind kind)
{
  const Kind *k = get_kind (kind, NULL);

  return k != NULL ? k->sort_names : NULL;
}

static const SortKey *
find_sort (const Kind *k, const char *key)
{
  for (const SortKey *s = k->sorts; key != NULL && s->key != NULL; s++)
    if (g_str_equal (s->key, key))
      return s;
  return NULL;
}

gboolean
cd_store_page_has_sort_key (CdKind kind, const char *key)
{
  const Kind *k = get_kind (kind, NULL);

  return k != NULL && find_sort (k, key) != NULL;
}

static const Filter *
find_filter (const Kind *k, const char *name)
{
  for (const Filter *f = k->filters; f->name != NULL; f++)
    if (g_str_equal (f->name, name))
      return f;
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Queries                                                              */

CdPageQuery *
cd_page_query_new (CdKind kind, const char *search, GVariant *filters,
                   const char *sort_key, gboolean descending)
{
  CdPageQuery *query = g_new0 (CdPageQuery, 1);

  query->kind = kind;
  query->search = (search != NULL && *search != '\0') ? g_strdup (search) : NULL;
  query->filters = filters != NULL ? g_variant_ref_sink (filters) : NULL;
  query->sort_key = g_strdup (sort_key);
  query->descending = descending;
  return query;
}

CdPageQuery *
cd_page_query_copy (const CdPageQuery *query)
{
  return cd_page_query_new (query->kind, query->search, query->filters,
                            query->sort_key, query->descending);
}

void
cd_page_query_free (CdPageQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_clear_pointer (&query->filters, g_variant_unref);
  g_free (query->sort_key);
  g_free (query);
}

static gboolean
use_match (const Kind *k, const char *search)
{
  return search != NULL && k->search_long != NULL && g_utf8_strlen (search, -1) >= 3;
}

/* Checks the query against the tables and builds the WHERE clause from
 * their fragments. */
static char *
build_where (const Kind *k, const CdPageQuery *query, GError **error)
{
  g_autoptr (GString) where = g_string_new (" WHERE 1");
  GVariantIter iter;
  const char *name;
  GVariant *value;

  if (query->search != NULL)
    {
      if (!g_utf8_validate (query->search, -1, NULL))
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("The search text is not valid UTF-8."));
          return NULL;
        }
      g_string_append_printf (where, " AND %s",
                              use_match (k, query->search) ? k->search_long : k->search_short);
    }
  if (query->filters == NULL)
    return g_string_free (g_steal_pointer (&where), FALSE);

  g_variant_iter_init (&iter, query->filters);
  while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
    {
      g_autoptr (GVariant) owned = value;
      const Filter *f = find_filter (k, name);

      if (f == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE (f->type)))
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                       _("“%s” is not a filter of this list."), name);
          return NULL;
        }
      g_string_append_printf (where, " AND %s", f->fragment);
    }
  return g_string_free (g_steal_pointer (&where), FALSE);
}

/* TRUE when @text names a column of @alias ("s.name"), not inside a longer
 * word. */
static gboolean
uses_alias (const char *text, char alias)
{
  for (const char *p = text; p != NULL && p[0] != '\0' && p[1] != '\0'; p++)
    if (p[0] == alias && p[1] == '.'
        && (p == text || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
      return TRUE;
  return FALSE;
}

/* The kind's table and only the joins that @a or @b need: SQLite keeps a
 * LEFT JOIN it cannot prove useless, and it costs a lookup per row over
 * 100,000 rows. */
static char *
build_from (const Kind *k, const char *a, const char *b)
{
  GString *from = g_string_new (k->from);

  for (guint i = 0; i < G_N_ELEMENTS (k->joins) && k->joins[i].join != NULL; i++)
    if (a == NULL || uses_alias (a, k->joins[i].alias) || uses_alias (b, k->joins[i].alias))
      g_string_append (from, k->joins[i].join);
  return g_string_free (from, FALSE);
}

static const char *
build_sql (const Kind *k, const CdPageQuery *query, gboolean count, GError **error)
{
  g_autofree char *where = build_where (k, query, error);
  g_autofree char *from = NULL;
  g_autofree char *sql = NULL;
  const SortKey *sort = find_sort (k, query->sort_key);
  const char *dir = query->descending ? " DESC" : "";

  if (where == NULL)
    return NULL;
  if (query->sort_key != NULL && sort == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("This list cannot be sorted by “%s”."), query->sort_key);
      return NULL;
    }
  from = build_from (k, where, count || sort == NULL ? "" : sort->expr);
  if (count)
    sql = g_strconcat ("SELECT count(*)", from, where, NULL);
  else if (sort == NULL)
    sql = g_strconcat ("SELECT ", k->id, from, where, " ORDER BY ", k->id, dir, NULL);
  else
    sql = g_strconcat ("SELECT ", k->id, from, where, " ORDER BY ", sort->expr, dir,
                       ", ", k->id, dir, NULL);
  /* Interned: the statement cache keys on this text and keeps the pointer.
   * The set of shapes is bounded by the tables above. */
  return g_intern_string (sql);
}

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

static void
bind_named (sqlite3_stmt *stmt, const char *name, GVariant *value)
{
  g_autofree char *param = g_strconcat (":", name, NULL);
  int index;

  g_strdelimit (param, "-", '_');
  index = sqlite3_bind_parameter_index (stmt, param);
  if (index == 0)
    return;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
}

static void
bind_query (sqlite3_stmt *stmt, const CdPageQuery *query)
{
  GVariantIter iter;
  const char *name;
  GVariant *value;

  if (query->search != NULL)
    {
      g_autofree char *phrase = fts_phrase (query->search);
      int index = sqlite3_bind_parameter_index (stmt, ":search");

      if (index > 0)
        sqlite3_bind_text (stmt, index, query->search, -1, SQLITE_TRANSIENT);
      index = sqlite3_bind_parameter_index (stmt, ":phrase");
      if (index > 0)
        sqlite3_bind_text (stmt, index, phrase, -1, SQLITE_TRANSIENT);
    }
  if (query->filters == NULL)
    return;
  g_variant_iter_init (&iter, query->filters);
  while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
    {
      bind_named (stmt, name, value);
      g_variant_unref (value);
    }
}

/* A search superseded by the next keystroke stops within a few thousand
 * VM steps instead of finishing its scan. */
static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

gint64
cd_store_page_count (CdStore *self, const CdPageQuery *query, GError **error)
{
  const Kind *k;
  const char *sql;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  if ((k = get_kind (query->kind, error)) == NULL
      || (sql = build_sql (k, query, TRUE, error)) == NULL)
    return -1;
  cd_store_lock (self);
  stmt = cd_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      bind_query (stmt, query);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count = sqlite3_column_int64 (stmt, 0);
      else
        cd_store_set_error (self, error, rc, _("counting a list"));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (self);
  return count;
}

/**
 * cd_store_page_ids:
 *
 * Every id the query matches, in its order; the length is the count.
 *
 * Returns: (transfer full): a #GArray of gint64, or %NULL with @error set
 *   (an unknown sort key or filter, cancelled, a database failure)
 */
GArray *
cd_store_page_ids (CdStore *self, const CdPageQuery *query, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr (GArray) ids = NULL;
  sqlite3_stmt *stmt;
  const char *sql;
  const Kind *k;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if ((k = get_kind (query->kind, error)) == NULL
      || (sql = build_sql (k, query, FALSE, error)) == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cd_store_lock (self);
  stmt = cd_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  bind_query (stmt, query);
  if (cancellable != NULL)
    sqlite3_progress_handler (cd_store_get_db (self), 4000, on_progress_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (cancellable != NULL)
    sqlite3_progress_handler (cd_store_get_db (self), 0, NULL, NULL);
  cd_store_unlock (self);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a list"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static char *
ids_to_json (const gint64 *ids, guint n_ids)
{
  g_autoptr (GString) json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" PRId64, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static const char *
rows_sql (const Kind *k)
{
  g_autofree char *from = build_from (k, NULL, NULL);
  g_autofree char *sql = g_strconcat ("SELECT ", k->columns, from, " WHERE ", k->id,
                                      " IN (SELECT value FROM json_each (?1))", NULL);
  return g_intern_string (sql);
}

/**
 * cd_store_page_rows:
 * @ids: (array length=n_ids): ids from cd_store_page_ids()
 *
 * Returns: (transfer full): aa{sv}, one row per id still in the database,
 *   in the order of @ids; %NULL with @error set
 */
GVariant *
cd_store_page_rows (CdStore *self, CdKind kind, const gint64 *ids, guint n_ids,
                    GError **error)
{
  g_autoptr (GHashTable) by_id = NULL;
  g_autofree char *json = NULL;
  GVariantBuilder rows;
  sqlite3_stmt *stmt;
  const Kind *k;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if ((k = get_kind (kind, error)) == NULL)
    return NULL;
  json = ids_to_json (ids, n_ids);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) g_variant_unref);
  cd_store_lock (self);
  stmt = cd_store_prepare (self, rows_sql (k), error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (by_id, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                           sizeof (gint64)),
                         g_variant_ref_sink (cd_store_row_to_variant (stmt)));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("reading a list"));
      return NULL;
    }

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < n_ids; i++)
    {
      GVariant *row = g_hash_table_lookup (by_id, &ids[i]);
      if (row != NULL)
        g_variant_builder_add_value (&rows, row);
    }
  return g_variant_ref_sink (g_variant_builder_end (&rows));
}

gboolean
cd_store_page_can_filter_ids (CdKind kind)
{
  const Kind *k = get_kind (kind, NULL);

  return k != NULL && k->match_short != NULL;
}

/**
 * cd_store_page_filter_ids:
 * @ordered: ids of the same kind in some order, such as the whole list
 *   sorted by name
 *
 * Keeps the ids of @ordered that @search matches, in their order: a
 * keystroke then costs one pass over the search index instead of a sort of
 * every match. Kinds without cd_store_page_can_filter_ids() refuse.
 *
 * Returns: (transfer full): a #GArray of gint64, or %NULL with @error set
 */
GArray *
cd_store_page_filter_ids (CdStore *self, CdKind kind, const char *search,
                          const GArray *ordered, GCancellable *cancellable, GError **error)
{
  g_autoptr (GArray) kept = NULL;
  g_autofree guint8 *hit = NULL;
  g_autofree char *phrase = NULL;
  sqlite3_stmt *stmt;
  const Kind *k;
  gint64 max_id = 0;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (search != NULL && ordered != NULL, NULL);

  if ((k = get_kind (kind, error)) == NULL)
    return NULL;
  if (k->match_short == NULL || !g_utf8_validate (search, -1, NULL))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The search text is not valid UTF-8."));
      return NULL;
    }
  /* No trigram in one or two characters: scanned in memory (issue 3). */
  if (kind == CD_KIND_CLIENTS && !use_match (k, search))
    return cd_store_client_search_filter_ids (self, search, ordered, cancellable, error);
  for (guint i = 0; i < ordered->len; i++)
    max_id = MAX (max_id, g_array_index (ordered, gint64, i));
  hit = g_malloc0 (max_id + 1);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, use_match (k, search) ? k->match_long : k->match_short, error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  phrase = fts_phrase (search);
  sqlite3_bind_text (stmt, 1, use_match (k, search) ? phrase : search, -1, SQLITE_STATIC);
  if (cancellable != NULL)
    sqlite3_progress_handler (cd_store_get_db (self), 4000, on_progress_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (id >= 0 && id <= max_id)
        hit[id] = 1;
    }
  sqlite3_reset (stmt);
  if (cancellable != NULL)
    sqlite3_progress_handler (cd_store_get_db (self), 0, NULL, NULL);
  cd_store_unlock (self);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (self, error, rc, _("searching a list"));
      return NULL;
    }
  kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < ordered->len; i++)
    if (hit[g_array_index (ordered, gint64, i)])
      g_array_append_val (kept, g_array_index (ordered, gint64, i));
  return g_steal_pointer (&kept);
}

static const struct
{
  CdKind      kind;
  const char *filter;
  const char *sql;
} choice_sql[] = {
  { CD_KIND_CLIENTS, "industry",
    "SELECT DISTINCT industry, industry FROM client WHERE industry IS NOT NULL ORDER BY 1" },
  { CD_KIND_CLIENTS, "region",
    "SELECT DISTINCT region, region FROM client WHERE region IS NOT NULL ORDER BY 1" },
  { CD_KIND_CLIENTS, "owner",
    "SELECT s.id, s.name FROM staff s WHERE EXISTS (SELECT 1 FROM client c"
    " WHERE c.owner_id = s.id) ORDER BY s.name" },
  { CD_KIND_CLIENTS, "tier", "SELECT code, label FROM tier ORDER BY position" },
  { CD_KIND_WORK_ORDERS, "assignee",
    "SELECT s.id, s.name FROM staff s WHERE EXISTS (SELECT 1 FROM work_order w"
    " WHERE w.assignee_id = s.id) ORDER BY s.name" },
};

/**
 * cd_store_page_choices:
 * @filter: a filter name whose values come from the data ("industry",
 *   "region", "owner", "tier"; work orders: "assignee")
 *
 * Returns: (transfer full): a(ss) of value (ids in decimal) and label, or
 *   %NULL with @error set. Reads every row of the kind: call it off the UI
 *   thread.
 */
GVariant *
cd_store_page_choices (CdStore *self, CdKind kind, const char *filter, GError **error)
{
  GVariantBuilder choices;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choice_sql) && stmt == NULL; i++)
    if (choice_sql[i].kind == kind && g_strcmp0 (choice_sql[i].filter, filter) == 0)
      {
        cd_store_lock (self);
        stmt = cd_store_prepare (self, choice_sql[i].sql, error);
        if (stmt == NULL)
          {
            cd_store_unlock (self);
            return NULL;
          }
      }
  if (stmt == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("“%s” is not a filter of this list."), filter);
      return NULL;
    }
  g_variant_builder_init (&choices, G_VARIANT_TYPE ("a(ss)"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add (&choices, "(ss)", (const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&choices);
      cd_store_set_error (self, error, rc, _("reading a list"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&choices));
}

static void
ids_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *ids = cd_store_page_ids (CD_STORE (source), data, cancellable, &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

void
cd_store_page_ids_async (CdStore *self, const CdPageQuery *query, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_page_ids_async);
  g_task_set_task_data (task, cd_page_query_copy (query), (GDestroyNotify) cd_page_query_free);
  g_task_run_in_thread (task, ids_thread);
}

/* Returns: (transfer full): a #GArray of gint64 ids, or %NULL with @error set */
GArray *
cd_store_page_ids_finish (CdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
