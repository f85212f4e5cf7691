/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import clients|suppliers FILE.csv [--dry-run]: all or nothing. */
#define G_LOG_DOMAIN "cd-cli-test"

#include <string.h>
#include <locale.h>

#include "cd-cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *csv;
} Fixture;

#define BOM "\xEF\xBB\xBF"

static const char good_csv[] =
  BOM "名称,简称,电话\r\n"
  "华夏文旅集团有限公司,华夏文旅,021-55550001\r\n"
  "\"深圳市云帆科技有限公司\",云帆科技,0755-8888 0002\r\n"
  "杭州绿野食品有限公司,绿野食品,\r\n";

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CdRun) init = NULL;

  fixture->dir = cd_make_temp_dir ();
  fixture->db = g_build_filename (fixture->dir, "clientdesk.db", NULL);
  fixture->csv = g_build_filename (fixture->dir, "客户.csv", NULL);
  init = cd_run_cli ("--db", fixture->db, "init", NULL);
  g_assert_cmpint (init->status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cd_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->csv);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The client names in the database, sorted, joined by "|". */
static char *
client_names (Fixture *fixture)
{
  g_autoptr(CdRun) run = cd_run_cli ("--db", fixture->db, "list", "clients", "--json", NULL);
  g_autoptr(GVariant) rows = cd_parse_json (run->out);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (rows);
  if (rows == NULL)
    return g_strdup ("(unreadable)");
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (rows, i);
      g_autoptr(GVariant) row = g_variant_get_variant (boxed);
      const char *name = "(no name)";

      g_variant_lookup (row, "name", "&s", &name);
      g_ptr_array_add (names, (gpointer) g_intern_string (name));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_imports_chinese_headers_with_bom (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(CdRun) run = NULL;
  g_autoptr(CdRun) search = NULL;
  g_autofree char *names = NULL;

  write_file (fixture->csv, good_csv);
  run = cd_run_cli ("--db", fixture->db, "import", "clients", fixture->csv, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "3"));

  names = client_names (fixture);
  g_assert_cmpstr (names, ==, "华夏文旅集团有限公司|杭州绿野食品有限公司|深圳市云帆科技有限公司");

  search = cd_run_cli ("--db", fixture->db, "list", "clients", "--search", "云帆", "--json", NULL);
  g_assert_cmpint (search->status, ==, 0);
  g_assert_nonnull (strstr (search->out, "深圳市云帆科技有限公司"));
  g_assert_null (strstr (search->out, "华夏文旅"));
}

static void
test_dry_run_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CdRun) run = NULL;
  g_autofree char *names = NULL;

  write_file (fixture->csv, good_csv);
  run = cd_run_cli ("--db", fixture->db, "import", "clients", fixture->csv, "--dry-run", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "3"));

  names = client_names (fixture);
  g_assert_cmpstr (names, ==, "");
}

static void
test_a_bad_row_refuses_the_whole_file (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(CdRun) run = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean reported = FALSE;

  write_file (fixture->csv,
              BOM "名称,简称,电话\n"
              "华夏文旅集团有限公司,华夏文旅,021-55550001\n"
              ",没有名称,021-55550002\n");
  run = cd_run_cli ("--db", fixture->db, "import", "clients", fixture->csv, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");

  lines = g_strsplit (run->err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "line 3, column "))
      reported = TRUE;
  g_assert_true (reported);

  names = client_names (fixture);
  g_assert_cmpstr (names, ==, "");
}

static void
test_unknown_columns_are_reported_and_ignored (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(CdRun) run = NULL;
  g_autofree char *names = NULL;

  write_file (fixture->csv,
              "名称,传真,电话\n"
              "华夏文旅集团有限公司,021-55550009,021-55550001\n");
  run = cd_run_cli ("--db", fixture->db, "import", "clients", fixture->csv, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->err, "传真"));

  names = client_names (fixture);
  g_assert_cmpstr (names, ==, "华夏文旅集团有限公司");
}

static void
test_missing_file_is_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CdRun) run = cd_run_cli ("--db", fixture->db, "import", "suppliers",
                                     fixture->csv, NULL);

  cd_assert_refused (run);
}

int
main (int    argc,
      char **argv)
{
  /* Test messages carry Chinese text: let GLib print it as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/cli/import/reads-chinese-headers-in-utf8-with-bom", Fixture, NULL,
              fixture_set_up, test_imports_chinese_headers_with_bom, fixture_tear_down);
  g_test_add ("/cli/import/dry-run-writes-nothing", Fixture, NULL,
              fixture_set_up, test_dry_run_writes_nothing, fixture_tear_down);
  g_test_add ("/cli/import/a-bad-row-refuses-the-whole-file", Fixture, NULL,
              fixture_set_up, test_a_bad_row_refuses_the_whole_file, fixture_tear_down);
  g_test_add ("/cli/import/unknown-columns-are-reported-and-ignored", Fixture, NULL,
              fixture_set_up, test_unknown_columns_are_reported_and_ignored, fixture_tear_down);
  g_test_add ("/cli/import/a-missing-file-is-refused", Fixture, NULL,
              fixture_set_up, test_missing_file_is_refused, fixture_tear_down);
  return g_test_run ();
}
