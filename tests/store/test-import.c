/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV import: encodings, delimiters, headers in two languages, every
 * problem reported against its line and column, and all or nothing. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib/gstdio.h>

#include "store/cd-import.h"
#include "store/cd-store-private.h"

#define BOM "\xEF\xBB\xBF"

typedef struct
{
  char    *dir;
  CdStore *store;
  guint    n_files;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  /* Owners the files name: two active, one who has left. */
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO staff (id, name, role) VALUES (2, '张伟', 'account_manager');"
    "INSERT INTO staff (id, name, role, active) VALUES (3, '刘洋', 'account_executive', 0);",
    &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Writes @length bytes (-1: a string) to a new file in the fixture's dir. */
static char *
write_csv (Fixture    *f,
           const char *data,
           gssize      length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("input-%u.csv", ++f->n_files);
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
data_file (const char *name)
{
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root ? root : ".", "tests", "data", "csv", name, NULL);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 n = cd_store_query_int (f->store, sql, &error);

  g_assert_no_error (error);
  return n;
}

/* The first column of the first row of @sql, which binds @arg as ?1. */
static char *
query_text (Fixture    *f,
            const char *sql,
            const char *arg)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  char *text = NULL;

  cd_store_lock (f->store);
  stmt = cd_store_prepare (f->store, sql, &error);
  g_assert_no_error (error);
  if (stmt != NULL)
    {
      if (arg != NULL)
        sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  cd_store_unlock (f->store);
  return text;
}

static CdImportReport *
import_ok (Fixture    *f,
           CdKind      kind,
           const char *path,
           gboolean    dry_run)
{
  g_autoptr (GError) error = NULL;
  CdImportReport *report = NULL;
  gboolean ok = cd_import_csv (f->store, kind, path, dry_run, &report, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (report);
  for (guint i = 0; report != NULL && i < report->problems->len; i++)
    {
      g_autofree char *text = cd_import_problem_to_string (g_ptr_array_index (report->problems, i));

      g_test_message ("unexpected problem: %s", text);
    }
  return report;
}

/* Imports @path expecting a refusal; returns the report's problems as
 * strings joined by newlines, and the error in @out_error. */
static char *
import_refused (Fixture     *f,
                CdKind       kind,
                const char  *path,
                GError     **out_error)
{
  g_autoptr (CdImportReport) report = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean ok = cd_import_csv (f->store, kind, path, FALSE, &report, out_error);

  g_assert_false (ok);
  g_assert_nonnull (out_error ? *out_error : NULL);
  g_assert_nonnull (report);
  if (report == NULL)
    return g_strdup ("");
  g_assert_cmpuint (report->rows_imported, ==, 0);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = cd_import_problem_to_string (g_ptr_array_index (report->problems, i));

      g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", text);
    }
  g_test_message ("problems:\n%s", out->str);
  return g_strdup (out->str);
}

static gboolean
strv_has (char * const *strv,
          const char   *value)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

/* ---------------------------------------------------------------------- */

static void
test_clients_with_bom_and_chinese_headers (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *path = data_file ("clients-zh-bom.csv");
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_CLIENTS, path, FALSE);
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *status = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpuint (report->rows_read, ==, 3);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpstr (report->delimiter, ==, ",");
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (g_strv_length (report->unknown_columns), ==, 0);
  g_assert_true (strv_has (report->mapped_columns, "名称 → name"));
  g_assert_true (strv_has (report->mapped_columns, "统一社会信用代码 → credit_code"));
  g_assert_cmpuint (g_strv_length (report->mapped_columns), ==, 12);

  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM client WHERE status = 'prospect'"), ==, 3);
  /* Two rows name a contact; the third has none. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact WHERE is_primary = 1"), ==, 2);
  g_assert_cmpint (count (f, "SELECT owner_id FROM client WHERE short_name = '星河'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT owner_id FROM client WHERE short_name = '云帆科技'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact k JOIN client c ON c.id = k.client_id"
                             " WHERE c.short_name = '星河' AND k.name = '王小明'"
                             " AND k.phone = '13800001111' AND k.email = 'wxm@xinghe.example'"), ==, 1);

  address = query_text (f, "SELECT address FROM client WHERE short_name = ?1", "星河");
  g_assert_cmpstr (address, ==, "上海市徐汇区漕溪北路 88 号, 12 楼");
  notes = query_text (f, "SELECT notes FROM client WHERE short_name = ?1", "星河");
  g_assert_cmpstr (notes, ==, "年度框架客户\n每季度回访");
  /* "b" is tier B's code in another case. */
  tier = query_text (f, "SELECT tier FROM client WHERE short_name = ?1", "云帆科技");
  g_assert_cmpstr (tier, ==, "B");
  status = query_text (f, "SELECT status FROM client WHERE short_name = ?1", "绿野食品");
  g_assert_cmpstr (status, ==, "prospect");
  code = query_text (f, "SELECT credit_code FROM client WHERE short_name = ?1", "绿野食品");
  g_assert_null (code);

  /* The import went through the audit log like any other change. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE table_name = 'client'"), ==, 3);
}

static void
test_gb18030_file (Fixture       *f,
                   gconstpointer  data)
{
  const char *utf8 = "名称,简称,等级,地址\r\n"
                     "广州南粤国际会展有限公司,南粤会展,A,\"广州市海珠区阅江中路 380 号\"\r\n"
                     "佛山陶都建材集团,陶都建材,B,\r\n";
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr (CdImportReport) report = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, (gssize) length, NULL));
  path = write_csv (f, gb, (gssize) length);
  report = import_ok (f, CD_KIND_CLIENTS, path, FALSE);

  g_assert_cmpstr (report->encoding, ==, "GB18030");
  g_assert_cmpuint (report->rows_imported, ==, 2);
  name = query_text (f, "SELECT name FROM client WHERE short_name = ?1", "南粤会展");
  g_assert_cmpstr (name, ==, "广州南粤国际会展有限公司");
}

static void
test_tab_separated_english_headers (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *path = data_file ("clients-en.tsv");
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_CLIENTS, path, FALSE);
  g_autofree char *quoted = NULL;
  g_autofree char *tier = NULL;

  g_assert_cmpstr (report->delimiter, ==, "\t");
  g_assert_cmpuint (report->rows_imported, ==, 2);
  g_assert_true (strv_has (report->mapped_columns, "Short Name → short_name"));
  g_assert_true (strv_has (report->mapped_columns, "CREDIT_CODE → credit_code"));
  g_assert_true (strv_has (report->mapped_columns, "Tier → tier"));

  g_assert_cmpint (count (f, "SELECT count(*) FROM client WHERE name = 'Chengdu Panda Media Co., Ltd.'"
                             " AND credit_code = '91510100MA6C7D8E9H' AND owner_id = 2"
                             " AND region = 'Southwest'"), ==, 1);
  quoted = query_text (f, "SELECT name FROM client WHERE short_name = ?1", "Garden");
  g_assert_cmpstr (quoted, ==, "Suzhou \"Garden\" Events");
  tier = query_text (f, "SELECT tier FROM client WHERE short_name = ?1", "Garden");
  g_assert_cmpstr (tier, ==, "C");
}

static void
test_suppliers_with_chinese_categories (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = data_file ("suppliers-zh.csv");
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_SUPPLIERS, path, FALSE);
  struct { const char *name; const char *category; } expected[] = {
    { "上海精彩印务有限公司", "print" },
    { "广州大幅喷绘制作中心", "large_format" },
    { "北京光电显示科技有限公司", "led" },
    { "成都创意礼品有限公司", "gifts" },
    { "苏州精工展览制作有限公司", "fabrication" },
    { "厦门杂项服务部", "other" },
    { "无类别供应商", "other" },
  };
  g_autofree char *account = NULL;

  g_assert_cmpuint (report->rows_imported, ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier WHERE status = 'active'"), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *category = query_text (f, "SELECT category FROM supplier WHERE name = ?1",
                                              expected[i].name);

      g_assert_cmpstr (category, ==, expected[i].category);
    }
  account = query_text (f, "SELECT account FROM supplier WHERE name = ?1", "上海精彩印务有限公司");
  g_assert_cmpstr (account, ==, "6222 0000 1111 2222");

  /* English codes work as well as Chinese, and a wrong one is named. */
  {
    g_autofree char *more = write_csv (f, "name,category\nA Print Shop,Print\nB Banners,large_format\n"
                                          "C Things,stuff\n", -1);
    g_autoptr (GError) error = NULL;
    g_autofree char *problems = import_refused (f, CD_KIND_SUPPLIERS, more, &error);

    g_assert_true (g_str_has_prefix (problems, "line 4, column category: “stuff” is not a supplier category"));
    g_assert_null (strchr (problems, '\n'));
  }
}

static void
test_dry_run_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = data_file ("clients-zh-bom.csv");
  g_autoptr (CdImportReport) report = NULL;
  gint64 clients = count (f, "SELECT count(*) FROM client");
  gint64 contacts = count (f, "SELECT count(*) FROM contact");
  gint64 audit = count (f, "SELECT count(*) FROM audit_log");
  gint64 changes = count (f, "SELECT total_changes()");

  report = import_ok (f, CD_KIND_CLIENTS, path, TRUE);
  g_assert_cmpuint (report->rows_read, ==, 3);
  g_assert_cmpuint (report->rows_imported, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, clients);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, contacts);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit);
  /* Not even the actor stamp of an empty transaction. */
  g_assert_cmpint (count (f, "SELECT total_changes()"), ==, changes);

  /* A dry run of a bad file fails the same way and writes nothing either. */
  {
    g_autofree char *bad = write_csv (f, "名称,等级\n甲公司,Z\n", -1);
    g_autoptr (CdImportReport) bad_report = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_false (cd_import_csv (f->store, CD_KIND_CLIENTS, bad, TRUE, &bad_report, &error));
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_assert_cmpuint (bad_report->problems->len, ==, 1);
    g_assert_cmpint (count (f, "SELECT total_changes()"), ==, changes);
  }
}

static void
test_one_bad_row_imports_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  /* Line 3 holds a line break inside quotes, so the bad row (a mistyped
   * check character) is the file's line 5, not its fourth record. */
  g_autofree char *path = write_csv (f,
    BOM "名称,统一社会信用代码,备注\n"
    "上海星河文化传播有限公司,91310000MA1K3NXQ20,\n"
    "深圳市云帆科技有限公司,91440300MA5F8G7H15,\"两行\n备注\"\n"
    "杭州绿野食品有限公司,91330100MA2H3J4K5Q,\n"
    "成都熊猫传媒有限公司,,\n", -1);
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = import_refused (f, CD_KIND_CLIENTS, path, &error);

  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1 row has problems; nothing was imported.");
  g_assert_cmpstr (problems, ==,
                   "line 5, column 统一社会信用代码: does not add up: with these first 17 characters "
                   "the last one would be “P”.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE table_name = 'client'"), ==, 0);
}

static void
test_every_bad_row_is_reported (Fixture       *f,
                                gconstpointer  data)
{
  static const char csv[] =
    "名称,统一社会信用代码,等级,负责人,邮箱,状态\n"
    "好公司,,A,李娜,,\n"                          /* 2: fine */
    ",,,,,\n"                                      /* 3: blank, skipped */
    "  ,,,,,\n"                                    /* 4: only blanks, skipped */
    "短代码公司,9131000,A,,,\n"                    /* 5: short code */
    "小写代码公司,91310000ma1k3nxq20,a,,,活跃\n"   /* 6: fine once upper-cased */
    "字母公司,91310000MA1K3NIQ20,VIP,刘洋,,\n"     /* 7: I, tier, inactive owner */
    "幽灵公司,,,王五,,lost\n"                      /* 8: unknown owner, lost */
    "多余字段公司,,,,,,多出来\n"                   /* 9: too many fields */
    "\"引号没关,,,,,\n"                            /* 10: quote never closed */
    "最后公司,,,,,\n";                             /* 11: fine, still read */
  g_autofree char *path = write_csv (f, csv, -1);
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = import_refused (f, CD_KIND_CLIENTS, path, &error);

  g_assert_cmpstr (error->message, ==, "5 rows have problems; nothing was imported.");
  g_assert_cmpstr (problems, ==,
    "line 5, column 统一社会信用代码: has 7 characters, but a credit code has 18.\n"
    "line 7, column 统一社会信用代码: contains “I”, which no credit code uses.\n"
    "line 7, column 等级: “VIP” is not a client tier; the tiers are A, B, C.\n"
    "line 7, column 负责人: no active staff member is named “刘洋”.\n"
    "line 8, column 负责人: no active staff member is named “王五”.\n"
    "line 8, column 状态: “lost” is not a status a new client can have; use prospect, active or "
    "dormant (潜在, 活跃, 休眠).\n"
    "line 9: has 7 fields, but the header names only 6 columns.\n"
    "line 10: A quotation mark opened on this line is never closed.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 0);
}

static void
test_duplicates_are_reported (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *first = write_csv (f, "名称,统一社会信用代码\n已有客户有限公司,91310000MA1K3NXQ20\n", -1);
  g_autofree char *second = write_csv (f,
    "名称,统一社会信用代码\n"
    "新客户甲,91440300MA5F8G7H15\n"     /* 2 */
    "新客户乙,91330100MA2H3J4K5P\n"     /* 3 */
    "新客户甲,\n"                       /* 4: same name as line 2 */
    "新客户丙,91330100 MA2H3J4K5P\n"    /* 5: same code as line 3, typed with a space */
    "已有客户有限公司,\n"               /* 6: already in the database */
    "新客户丁,91310000MA1K3NXQ20\n",    /* 7: code already in the database */
    -1);
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_CLIENTS, first, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = import_refused (f, CD_KIND_CLIENTS, second, &error);

  g_assert_cmpstr (problems, ==,
    "line 4, column 名称: “新客户甲” is also on line 2.\n"
    "line 5, column 统一社会信用代码: credit code 91330100MA2H3J4K5P is also on line 3.\n"
    "line 6, column 名称: a client named “已有客户有限公司” already exists.\n"
    "line 7, column 统一社会信用代码: a client with credit code 91310000MA1K3NXQ20 already exists.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 1);

  /* Suppliers have their own names: a client's name is free for them. */
  {
    g_autofree char *suppliers = write_csv (f, "名称\n已有客户有限公司\n", -1);
    g_autoptr (CdImportReport) supplier_report = import_ok (f, CD_KIND_SUPPLIERS, suppliers, FALSE);
    g_autofree char *again = NULL;
    g_autoptr (GError) again_error = NULL;

    g_assert_cmpuint (supplier_report->rows_imported, ==, 1);
    again = import_refused (f, CD_KIND_SUPPLIERS, suppliers, &again_error);
    g_assert_cmpstr (again, ==, "line 2, column 名称: a supplier named “已有客户有限公司” already exists.");
  }
}

static void
test_ten_thousand_character_name (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GString) csv = g_string_new ("name,short_name\n");
  g_autofree char *path = NULL;
  g_autofree char *problems = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (csv, i % 2 ? "名" : "n");
  g_string_append (csv, ",long\n");
  /* 300 characters exactly is still fine. */
  for (guint i = 0; i < 300; i++)
    g_string_append (csv, "字");
  g_string_append (csv, ",edge\n");

  path = write_csv (f, csv->str, (gssize) csv->len);
  problems = import_refused (f, CD_KIND_CLIENTS, path, &error);
  g_assert_cmpstr (problems, ==, "line 2, column name: is 10,000 characters long; at most 300 are allowed.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 0);
}

static void
test_formula_text_is_stored_verbatim (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *path = write_csv (f,
    "name,short_name,notes,contact,phone\n"
    "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",+86 客户,-1 欠款,@SUM(A1),+86 21 5555 0001\n"
    "普通公司,=1+1,,,\n", -1);
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_CLIENTS, path, FALSE);
  g_autofree char *short_name = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *formula = NULL;

  g_assert_cmpuint (report->rows_imported, ==, 2);
  short_name = query_text (f, "SELECT short_name FROM client WHERE name = ?1",
                           "=HYPERLINK(\"http://evil.example\",\"x\")");
  g_assert_cmpstr (short_name, ==, "+86 客户");
  notes = query_text (f, "SELECT notes FROM client WHERE short_name = ?1", "+86 客户");
  g_assert_cmpstr (notes, ==, "-1 欠款");
  contact = query_text (f, "SELECT k.name FROM contact k JOIN client c ON c.id = k.client_id"
                           " WHERE c.short_name = ?1", "+86 客户");
  g_assert_cmpstr (contact, ==, "@SUM(A1)");
  formula = query_text (f, "SELECT short_name FROM client WHERE name = ?1", "普通公司");
  g_assert_cmpstr (formula, ==, "=1+1");
}

static void
test_phone_without_contact_names_the_company (Fixture       *f,
                                              gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "名称,简称,电话\n华夏文旅集团有限公司,华夏文旅,021-55550001\n"
                                        "无简称公司,,021-55550002\n", -1);
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_CLIENTS, path, FALSE);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (report->rows_imported, ==, 2);
  first = query_text (f, "SELECT name FROM contact WHERE phone = ?1", "021-55550001");
  g_assert_cmpstr (first, ==, "华夏文旅");
  second = query_text (f, "SELECT name FROM contact WHERE phone = ?1", "021-55550002");
  g_assert_cmpstr (second, ==, "无简称公司");
}

static void
test_nul_and_control_characters (Fixture       *f,
                                 gconstpointer  data)
{
  static const char csv[] = "name,notes,region\n"
                            "Nul\0Corp,,\n"
                            "Bell Corp,ring\aring,\n"
                            "Fine Corp,\"two\nlines\tand a tab\",\n"
                            "Spoof Corp,,\xE2\x80\xAEtsae\n"
                            "Broken Corp,,\"north\nsouth\"\n";
  g_autofree char *path = write_csv (f, csv, sizeof csv - 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = import_refused (f, CD_KIND_CLIENTS, path, &error);

  g_assert_cmpstr (problems, ==,
    "line 2, column name: contains a NUL byte, which is not text.\n"
    "line 3, column notes: contains the invisible character U+0007, which is not allowed.\n"
    "line 6, column region: contains the invisible character U+202E, which is not allowed.\n"
    "line 7, column region: contains a line break, which this column cannot hold.");
}

static void
test_wrong_encoding_is_refused (Fixture       *f,
                                gconstpointer  data)
{
  /* UTF-16LE with its BOM, as Excel's "Unicode text" saves. */
  static const char utf16[] = "\xff\xfen\0a\0m\0e\0\r\0\n\0A\0\r\0\n\0";
  g_autofree char *path = write_csv (f, utf16, sizeof utf16 - 1);
  g_autoptr (CdImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (cd_import_csv (f->store, CD_KIND_CLIENTS, path, FALSE, &report, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error ? error->message : NULL, ==, "The file is neither UTF-8 nor GB18030 text.");
  g_assert_nonnull (report);
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 0);
}

static void
test_missing_name_column_is_refused (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "简称,电话\n星河,13800001111\n", -1);
  g_autofree char *empty = write_csv (f, BOM "\r\n", -1);
  g_autofree char *missing = g_build_filename (f->dir, "no-such.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) empty_error = NULL;
  g_autoptr (GError) missing_error = NULL;

  g_free (import_refused (f, CD_KIND_CLIENTS, path, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error ? error->message : NULL, ==,
                   "The file has no name column (“name” or “名称”), which is required.");

  g_free (import_refused (f, CD_KIND_SUPPLIERS, empty, &empty_error));
  g_assert_error (empty_error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);

  g_free (import_refused (f, CD_KIND_SUPPLIERS, missing, &missing_error));
  g_assert_error (missing_error, CD_STORE_ERROR, CD_STORE_ERROR_IO);
  g_assert_cmpint (count (f, "SELECT count(*) FROM client"), ==, 0);
}

static void
test_unknown_columns_are_reported (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "名称,传真,Fax Number,,电话\n华夏文旅集团有限公司,021-1,021-2,,021-3,\n", -1);
  g_autoptr (CdImportReport) report = import_ok (f, CD_KIND_CLIENTS, path, FALSE);

  g_assert_cmpuint (report->rows_imported, ==, 1);
  g_assert_cmpuint (g_strv_length (report->unknown_columns), ==, 2);
  g_assert_cmpstr (report->unknown_columns[0], ==, "传真");
  g_assert_cmpstr (report->unknown_columns[1], ==, "Fax Number");
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact WHERE phone = '021-3'"), ==, 1);

  /* A column named twice is a problem of the header line. */
  {
    g_autofree char *twice = write_csv (f, "name,名称\nA,B\n", -1);
    g_autoptr (GError) error = NULL;
    g_autofree char *problems = import_refused (f, CD_KIND_CLIENTS, twice, &error);

    g_assert_cmpstr (problems, ==,
                     "line 1, column 名称: repeats the column “name”; each column can appear only once.");
  }
}

static void
test_problem_to_string (void)
{
  CdImportProblem with = { 12, (char *) "电话", (char *) "is empty." };
  CdImportProblem without = { 3, NULL, (char *) "has 9 fields." };
  g_autofree char *a = cd_import_problem_to_string (&with);
  g_autofree char *b = cd_import_problem_to_string (&without);

  g_assert_cmpstr (a, ==, "line 12, column 电话: is empty.");
  g_assert_cmpstr (b, ==, "line 3: has 9 fields.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add ("/store/import/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("clients-in-utf8-with-bom-and-chinese-headers-are-imported", test_clients_with_bom_and_chinese_headers);
  ADD ("a-gb18030-file-is-decoded", test_gb18030_file);
  ADD ("tab-separated-english-headers-in-any-case-are-mapped", test_tab_separated_english_headers);
  ADD ("suppliers-take-chinese-or-english-categories", test_suppliers_with_chinese_categories);
  ADD ("a-dry-run-writes-nothing", test_dry_run_writes_nothing);
  ADD ("one-bad-row-imports-nothing-and-names-its-line-and-column", test_one_bad_row_imports_nothing);
  ADD ("every-bad-row-is-reported-at-once", test_every_bad_row_is_reported);
  ADD ("duplicates-in-the-file-and-the-database-are-reported", test_duplicates_are_reported);
  ADD ("a-ten-thousand-character-name-is-refused", test_ten_thousand_character_name);
  ADD ("formula-looking-text-is-stored-verbatim", test_formula_text_is_stored_verbatim);
  ADD ("a-phone-without-a-contact-is-filed-under-the-company", test_phone_without_contact_names_the_company);
  ADD ("nul-and-control-characters-are-refused", test_nul_and_control_characters);
  ADD ("a-file-in-another-encoding-is-refused", test_wrong_encoding_is_refused);
  ADD ("a-file-without-a-name-column-is-refused", test_missing_name_column_is_refused);
  ADD ("unknown-columns-are-reported-and-ignored", test_unknown_columns_are_reported);
#undef ADD
  g_test_add_func ("/store/import/problem-reads-line-column-reason", test_problem_to_string);

  return g_test_run ();
}
