/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list KIND --json on a demo database: read back as a script would. */
#define G_LOG_DOMAIN "cd-cli-test"

#include <string.h>
#include <locale.h>
#include <sqlite3.h>

#include "cd-cli-test-util.h"
#include "store/cd-store-suppliers.h"

static const char *const kinds[] = {
  "clients", "projects", "work-orders", "quotes", "contracts", "suppliers",
  "supplier-orders", "acceptances", "pickup-slips",
};

static char *demo_dir;
static char *demo_db;

/* Runs list and returns its rows (av of a{sv}), asserting the contract. */
static GVariant *
list_rows (const char *kind,
           const char *option,
           const char *value)
{
  g_autoptr(CdRun) run = NULL;
  GVariant *rows;

  if (option != NULL)
    run = cd_run_cli ("--db", demo_db, "list", kind, option, value, "--json", NULL);
  else
    run = cd_run_cli ("--db", demo_db, "list", kind, "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_prefix (run->out, "["));
  g_assert_true (g_str_has_suffix (run->out, "]\n"));

  rows = cd_parse_json (run->out);
  g_assert_nonnull (rows);
  if (rows != NULL && !g_variant_is_of_type (rows, G_VARIANT_TYPE ("av")))
    {
      g_test_fail_printf ("list %s printed JSON that is not an array", kind);
      g_clear_pointer (&rows, g_variant_unref);
    }
  return rows;
}

static GVariant *
row_at (GVariant *rows,
        gsize     i)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (rows, i);

  return g_variant_get_variant (boxed);
}

static gint64
row_id (GVariant *row)
{
  gint64 id = -1;

  if (!g_variant_lookup (row, "id", "x", &id))
    return -1;
  return id;
}

static void
assert_row_shape (const char *kind,
                  GVariant   *row)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_assert_true (g_variant_is_of_type (row, G_VARIANT_TYPE_VARDICT));
  if (!g_variant_is_of_type (row, G_VARIANT_TYPE_VARDICT))
    return;
  g_assert_cmpint (row_id (row), >, 0);
  if (g_str_equal (kind, "clients") || g_str_equal (kind, "suppliers"))
    g_assert_true (g_variant_lookup (row, "name", "&s", NULL));
  else
    g_assert_true (g_variant_lookup (row, "number", "&s", NULL)
                   || g_variant_lookup (row, "name", "&s", NULL));

  g_variant_iter_init (&iter, row);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      if (g_str_has_suffix (key, "_fen"))
        g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64)
                       || g_variant_is_of_type (value, G_VARIANT_TYPE ("mv")));
      g_variant_unref (value);
    }
}

static void
test_every_kind_is_an_array_of_objects (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GVariant) rows = list_rows (kinds[k], NULL, NULL);
      gsize n = rows ? g_variant_n_children (rows) : 0;
      g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autofree gint64 *seen = g_new0 (gint64, n + 1);

      g_test_message ("%s: %zu rows", kinds[k], n);
      /* The small demo has rows of every kind. */
      g_assert_cmpuint (n, >, 0);
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) row = row_at (rows, i);

          assert_row_shape (kinds[k], row);
          seen[i] = row_id (row);
          g_assert_false (g_hash_table_contains (ids, &seen[i]));
          g_hash_table_add (ids, &seen[i]);
        }
    }
}

/* Every YYYY-MM that a date in the row falls in. */
static void
collect_months (GVariant   *row,
                GHashTable *counts)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, row);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      const char *s;

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
          && strlen (s = g_variant_get_string (value, NULL)) >= 10
          && g_ascii_isdigit (s[0]) && s[4] == '-' && s[7] == '-')
        {
          char *month = g_strndup (s, 7);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, month));

          g_hash_table_insert (counts, month, GUINT_TO_POINTER (n + 1));
        }
      g_variant_unref (value);
    }
}

static gboolean
row_has_date_in (GVariant   *row,
                 const char *month)
{
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_months (row, months);
  return g_hash_table_contains (months, month);
}

/* Tries the months that the rows' dates fall in until one selects some
 * rows but not all; every selected row has a date in that month. */
static gboolean
month_narrows (const char *kind)
{
  g_autoptr(GVariant) all = list_rows (kind, NULL, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) months = NULL;
  gsize total = all ? g_variant_n_children (all) : 0;
  guint tried = 0;

  for (gsize i = 0; i < total; i++)
    {
      g_autoptr(GVariant) row = row_at (all, i);

      collect_months (row, counts);
    }
  months = g_hash_table_get_keys (counts);
  for (GList *l = months; l != NULL && tried < 6; l = l->next, tried++)
    {
      g_autoptr(GVariant) some = list_rows (kind, "--month", l->data);
      gsize n = some ? g_variant_n_children (some) : 0;

      g_test_message ("%s --month %s: %zu of %zu", kind, (char *) l->data, n, total);
      if (n == 0 || n >= total)
        continue;
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) row = row_at (some, i);

          g_assert_true (row_has_date_in (row, l->data));
        }
      return TRUE;
    }
  return FALSE;
}

static void
test_month_narrows_the_rows (void)
{
  static const char *const by_month[] = {
    "work-orders", "contracts", "supplier-orders", "acceptances",
  };
  g_autoptr(CdRun) none = cd_run_cli ("--db", demo_db, "list", "work-orders",
                                      "--month", "1999-01", "--json", NULL);

  for (guint k = 0; k < G_N_ELEMENTS (by_month); k++)
    if (!month_narrows (by_month[k]))
      g_test_fail_printf ("no --month selected part of the %s", by_month[k]);

  /* A month without rows is an empty array, not an error. */
  g_assert_cmpint (none->status, ==, 0);
  g_assert_cmpstr (none->out, ==, "[]\n");
}

/* The two characters (with a CJK one among them) found in the fewest
 * client names, so that searching them selects some clients, not all. */
static char *
pick_search_text (GVariant *rows)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  char *best = NULL;
  guint best_count = G_MAXUINT;

  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) row = row_at (rows, i);
      const char *name = NULL;

      if (g_variant_lookup (row, "name", "&s", &name))
        g_ptr_array_add (names, (gpointer) g_intern_string (name));
    }

  for (guint i = 0; i < MIN (names->len, 20); i++)
    {
      const char *name = g_ptr_array_index (names, i);

      for (const char *p = name; *p && *g_utf8_next_char (p); p = g_utf8_next_char (p))
        {
          const char *end = g_utf8_next_char (g_utf8_next_char (p));
          g_autofree char *pair = g_strndup (p, end - p);
          guint count = 0;

          if (g_utf8_get_char (p) < 0x3000 || g_utf8_get_char (g_utf8_next_char (p)) < 0x3000)
            continue;
          for (guint j = 0; j < names->len; j++)
            if (strstr (g_ptr_array_index (names, j), pair))
              count++;
          if (count < best_count)
            {
              g_free (best);
              best = g_steal_pointer (&pair);
              best_count = count;
            }
        }
    }
  return best;
}

static void
test_search_narrows_by_chinese_substring (void)
{
  g_autoptr(GVariant) all = list_rows ("clients", NULL, NULL);
  g_autoptr(GVariant) found = NULL;
  g_autoptr(GHashTable) found_ids = NULL;
  g_autofree char *text = NULL;
  gsize total, n, expected = 0;

  g_assert_nonnull (all);
  if (all == NULL)
    return;
  text = pick_search_text (all);
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  total = g_variant_n_children (all);
  found_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  found = list_rows ("clients", "--search", text);
  n = found ? g_variant_n_children (found) : 0;
  g_test_message ("--search %s: %zu of %zu clients", text, n, total);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = row_at (found, i);
      gint64 *id = g_new (gint64, 1);

      *id = row_id (row);
      g_hash_table_add (found_ids, id);
    }
  /* Every client whose name holds the text is among the results. */
  for (gsize i = 0; i < total; i++)
    {
      g_autoptr(GVariant) row = row_at (all, i);
      const char *name = NULL;
      gint64 id = row_id (row);

      if (g_variant_lookup (row, "name", "&s", &name) && strstr (name, text))
        {
          expected++;
          g_assert_true (g_hash_table_contains (found_ids, &id));
        }
    }
  g_assert_cmpuint (expected, >, 0);
}

static void
test_bad_month_or_search_is_refused (void)
{
  g_autoptr(CdRun) month = cd_run_cli ("--db", demo_db, "list", "contracts",
                                       "--month", "2026-13", "--json", NULL);
  g_autoptr(CdRun) search = cd_run_cli ("--db", demo_db, "list", "clients",
                                        "--search", "\xff\xfe", "--json", NULL);

  cd_assert_refused (month);
  g_assert_true (g_str_has_prefix (month->err, "clientdesk-cli: “2026-13” is not a month"));
  cd_assert_refused (search);
}

/* The ids of the suppliers of @category and @status (NULL: any), read from
 * the database itself, not through the command under test. */
static GArray *
db_supplier_ids (const char *category,
                 const char *status)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id FROM supplier"
                                       " WHERE (?1 IS NULL OR category = ?1)"
                                       "   AND (?2 IS NULL OR status = ?2) ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

/* list suppliers with the filters given (NULL: left out); asserts that it
 * succeeds and that every row has the category and status asked for.
 * Returns the ids printed, in order. */
static GArray *
cli_supplier_ids (const char *category,
                  const char *status)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CdRun) run = NULL;
  g_autoptr(GVariant) rows = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, demo_db);
  g_ptr_array_add (args, "list");
  g_ptr_array_add (args, "suppliers");
  if (category != NULL)
    {
      g_ptr_array_add (args, "--category");
      g_ptr_array_add (args, (gpointer) category);
    }
  if (status != NULL)
    {
      g_ptr_array_add (args, "--status");
      g_ptr_array_add (args, (gpointer) status);
    }
  g_ptr_array_add (args, "--json");
  g_ptr_array_add (args, NULL);
  run = cd_run_cli_argv (NULL, (const char *const *) args->pdata);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  rows = cd_parse_json (run->out);
  g_assert_nonnull (rows);
  if (rows == NULL || !g_variant_is_of_type (rows, G_VARIANT_TYPE ("av")))
    return ids;
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) row = row_at (rows, i);
      const char *value = NULL;
      gint64 id = row_id (row);

      if (category != NULL)
        {
          g_assert_true (g_variant_lookup (row, "category", "&s", &value));
          g_assert_cmpstr (value, ==, category);
        }
      if (status != NULL)
        {
          g_assert_true (g_variant_lookup (row, "status", "&s", &value));
          g_assert_cmpstr (value, ==, status);
        }
      g_array_append_val (ids, id);
    }
  return ids;
}

/* The command prints exactly the suppliers the database holds for the
 * filters; returns how many. */
static guint
assert_filter_matches_db (const char *category,
                          const char *status)
{
  g_autoptr(GArray) expected = db_supplier_ids (category, status);
  g_autoptr(GArray) printed = cli_supplier_ids (category, status);

  g_test_message ("suppliers --category %s --status %s: %u printed, %u in the database",
                  category ? category : "(any)", status ? status : "(any)",
                  printed->len, expected->len);
  g_assert_cmpuint (printed->len, ==, expected->len);
  if (printed->len == expected->len && expected->len > 0)
    g_assert_cmpmem (printed->data, printed->len * sizeof (gint64),
                     expected->data, expected->len * sizeof (gint64));
  return expected->len;
}

static void
test_suppliers_by_category (void)
{
  const char *const *categories = cd_supplier_categories ();
  g_autoptr(GArray) all = db_supplier_ids (NULL, NULL);
  guint narrowed = 0;

  for (guint i = 0; categories[i] != NULL; i++)
    {
      guint n = assert_filter_matches_db (categories[i], NULL);

      if (n > 0 && n < all->len)
        narrowed++;
    }
  /* The small demo has suppliers of several categories, so the filter
   * really selects some and leaves out others. */
  g_assert_cmpuint (narrowed, >=, 2);
}

static void
test_suppliers_by_status (void)
{
  g_autoptr(GArray) all = db_supplier_ids (NULL, NULL);
  guint active = assert_filter_matches_db (NULL, "active");
  guint suspended = assert_filter_matches_db (NULL, "suspended");

  /* The small demo suspends at least one supplier. */
  g_assert_cmpuint (suspended, >, 0);
  g_assert_cmpuint (active, >, 0);
  g_assert_cmpuint (active + suspended, ==, all->len);
  /* Both filters at once narrow by both. */
  assert_filter_matches_db ("print", "suspended");
  assert_filter_matches_db ("print", "active");
}

static void
test_unknown_supplier_filter_is_refused (void)
{
  g_autoptr(CdRun) category = cd_run_cli ("--db", demo_db, "list", "suppliers",
                                          "--category", "printing", "--json", NULL);
  g_autoptr(CdRun) status = cd_run_cli ("--db", demo_db, "list", "suppliers",
                                        "--status", "closed", "--json", NULL);
  g_autoptr(CdRun) empty = cd_run_cli ("--db", demo_db, "list", "suppliers",
                                       "--category", "", "--json", NULL);
  g_autoptr(CdRun) clients = cd_run_cli ("--db", demo_db, "list", "clients",
                                         "--status", "active", "--json", NULL);

  /* Refused with one line naming the codes to use, nothing on stdout. */
  cd_assert_refused (category);
  g_assert_cmpstr (category->err, ==, "clientdesk-cli: “printing” is not a supplier category: "
                   "use one of print, large_format, led, gifts, fabrication, other.\n");
  cd_assert_refused (status);
  g_assert_cmpstr (status->err, ==, "clientdesk-cli: “closed” is not a supplier status: "
                   "use one of active, suspended.\n");
  cd_assert_refused (empty);
  /* Other lists have no such filters: a usage error. */
  cd_assert_usage (clients);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CdRun) demo = NULL;
  int status;

  /* Test messages carry Chinese text: let GLib print it as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  demo_dir = cd_make_temp_dir ();
  demo_db = g_build_filename (demo_dir, "demo.db", NULL);
  demo = cd_run_cli ("--db", demo_db, "demo", "--scale", "small", NULL);
  if (demo->status != 0)
    g_test_message ("demo failed (%d): %s", demo->status, demo->err);

  g_test_add_func ("/cli/list/every-kind-is-a-json-array-of-objects-with-an-id",
                   test_every_kind_is_an_array_of_objects);
  g_test_add_func ("/cli/list/month-narrows-the-rows", test_month_narrows_the_rows);
  g_test_add_func ("/cli/list/search-narrows-by-a-chinese-substring",
                   test_search_narrows_by_chinese_substring);
  g_test_add_func ("/cli/list/bad-month-or-search-is-refused", test_bad_month_or_search_is_refused);
  g_test_add_func ("/cli/list/suppliers-by-category-are-the-databases-suppliers-of-it",
                   test_suppliers_by_category);
  g_test_add_func ("/cli/list/suppliers-by-status-are-the-databases-suppliers-with-it",
                   test_suppliers_by_status);
  g_test_add_func ("/cli/list/unknown-supplier-category-or-status-is-refused",
                   test_unknown_supplier_filter_is_refused);

  status = g_test_run ();
  cd_remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_db);
  return status;
}
