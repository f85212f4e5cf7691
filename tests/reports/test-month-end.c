/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Month end below the workbook: the month's rows follow the written rules,
 * payments to suppliers never exceed an order, statements add up, and an
 * export that fails or is cancelled leaves nothing behind. The workbook's
 * content is read back by test-month-end-xlsx.py. */
#include <errno.h>
#include <sqlite3.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "reports/cd-supplier-sheet.h"
#include "reports/cd-work-order-summary.h"
#include "reports/cd-xlsx.h"
#include "store/cd-store-month-end.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  CdStore *store;
} Fixture;

static void
exec_sql (const char *db_path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_test_message ("fixture SQL failed: %s", message);
  g_assert_null (message);
  sqlite3_free (message);
  sqlite3_close (db);
}

static void
load_fixture (const char *db_path)
{
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root ? root : ".", "tests", "reports",
                                            "month-end-fixture.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  exec_sql (db_path, sql);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cd-month-end-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "t.db", NULL);
  f->store = cd_store_open (f->db_path, &error);
  g_assert_no_error (error);
  load_fixture (f->db_path);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* The files in @dir other than the database's own. */
static guint
count_other_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (name, "t.db"))
      {
        g_test_message ("left behind: %s", name);
        n++;
      }
  return n;
}

/* ------------------------------------------------------------------ */
/* The month's rows                                                    */

static void
test_totals_follow_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (CdMonthReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  CdMonthTotals t;

  reader = cd_month_reader_open (f->store, "2026-03", &error);
  g_assert_no_error (error);
  g_assert_true (cd_month_reader_totals (reader, &t, &error));
  g_assert_no_error (error);

  /* Payable: O1, O2, O8, O9, O10 (fixture); O3 accepted in April, O7 in
   * February; O4, O5, O6 not accepted. */
  g_assert_cmpint (t.suppliers, ==, 5);
  g_assert_cmpint (t.orders, ==, 5);
  g_assert_cmpint (t.lines, ==, 8);
  g_assert_cmpint (t.amount_fen, ==, 10000 + 370368 + 50000 + 100 + 2414 + 100 + 125000 + 5000);
  g_assert_cmpint (t.tax_fen, ==, 600 + 48148 + 1500 + 13 + 314 + 0 + 16250 + 650);
  g_assert_cmpint (t.total_fen, ==, t.amount_fen + t.tax_fen);
  /* Paid on those orders, whatever the date: O1 100000 + 50000, O2 51500. */
  g_assert_cmpint (t.paid_fen, ==, 201500);
  g_assert_cmpint (t.payable_fen, ==, t.total_fen - 201500);
  g_assert_cmpint (t.not_payable, ==, 4);
  g_assert_cmpint (t.pickup_slips, ==, 2);
  g_assert_cmpint (t.pickup_rows, ==, 3);
  g_assert_cmpint (t.work_orders, ==, 5);
  g_assert_cmpint (t.work_order_people, ==, 3);
  g_assert_cmpstr (cd_month_reader_get_last_day (reader), ==, "2026-03-31");
}

static gboolean
collect_reason_cb (const CdNotPayableRow *row, gpointer user_data, GError **error)
{
  g_hash_table_insert (user_data, g_strdup (row->order_number), GINT_TO_POINTER (row->reason + 1));
  return TRUE;
}

static void
test_not_payable_says_why (Fixture *f, gconstpointer data)
{
  g_autoptr (CdMonthReader) reader = cd_month_reader_open (f->store, "2026-03", NULL);
  g_autoptr (GHashTable) reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (cd_month_reader_foreach_not_payable (reader, collect_reason_cb, reasons, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (reasons), ==, 4);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (reasons, "CG202603-0003")) - 1, ==,
                   CD_NOT_PAYABLE_ACCEPTED_LATER);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (reasons, "CG202603-0004")) - 1, ==,
                   CD_NOT_PAYABLE_AWAITING_ACCEPTANCE);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (reasons, "CG202603-0005")) - 1, ==,
                   CD_NOT_PAYABLE_UNSIGNED);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (reasons, "CG202603-0006")) - 1, ==,
                   CD_NOT_PAYABLE_REJECTED);
  /* Accepted last month: neither payable now nor listed as not payable. */
  g_assert_false (g_hash_table_contains (reasons, "CG202602-0007"));
}

static gboolean
collect_person_cb (const CdWorkOrderPersonRow *row, gpointer user_data, GError **error)
{
  g_array_append_val ((GArray *) user_data, *row);
  return TRUE;
}

static void
test_work_orders_per_person (Fixture *f, gconstpointer data)
{
  g_autoptr (CdMonthReader) reader = cd_month_reader_open (f->store, "2026-03", NULL);
  g_autoptr (GArray) people = g_array_new (FALSE, TRUE, sizeof (CdWorkOrderPersonRow));
  g_autoptr (GError) error = NULL;
  CdWorkOrderPersonRow *p;

  g_assert_true (cd_month_reader_foreach_person (reader, collect_person_cb, people, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);

  /* Staff 3 (张文案), staff 2 (李设计) by name, unassigned last. */
  p = &g_array_index (people, CdWorkOrderPersonRow, 0);
  g_assert_cmpint (p->staff_id, ==, 3);
  g_assert_cmpint (p->issued, ==, 1);
  g_assert_cmpint (p->done, ==, 1);
  g_assert_cmpint (p->on_time, ==, 1);
  g_assert_cmpint (p->revision_rounds, ==, 2);
  g_assert_cmpint (p->spent_minutes, ==, 45);
  p = &g_array_index (people, CdWorkOrderPersonRow, 1);
  g_assert_cmpint (p->staff_id, ==, 2);
  g_assert_cmpint (p->issued, ==, 3);
  g_assert_cmpint (p->done, ==, 2);
  g_assert_cmpint (p->on_time, ==, 1);
  g_assert_cmpint (p->revision_rounds, ==, 1);
  g_assert_cmpint (p->spent_minutes, ==, 990);
  p = &g_array_index (people, CdWorkOrderPersonRow, 2);
  g_assert_cmpint (p->staff_id, ==, 0);
  g_assert_cmpint (p->issued, ==, 1);
  g_assert_cmpint (p->done, ==, 0);
}

static void
test_bad_month_is_refused (Fixture *f, gconstpointer data)
{
  const char *bad[] = { "2026-13", "2026-00", "2026-3", "26-03", "2026/03", "", "2026-03-01",
                        "abcd-ef", "0999-01" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdMonthReader) reader = cd_month_reader_open (f->store, bad[i], &error);

      g_assert_null (reader);
      g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    }
}

/* ------------------------------------------------------------------ */
/* Payments and statements                                             */

static void
test_over_payment_is_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GDate) date = g_date_new_dmy (10, G_DATE_APRIL, 2026);
  g_autoptr (GError) error = NULL;
  gint64 total = 0, paid = 0, id = 0;

  g_assert_true (cd_store_supplier_order_balance (f->store, 1, &total, &paid, &error));
  g_assert_cmpint (total, ==, 429116);
  g_assert_cmpint (paid, ==, 150000);

  /* One fen too many is refused with a sentence, and nothing changes. */
  g_assert_false (cd_store_record_supplier_payment (f->store, 1, date, total - paid + 1, "x",
                                                    NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CG202603-0001"));
  g_clear_error (&error);
  cd_store_supplier_order_balance (f->store, 1, NULL, &paid, NULL);
  g_assert_cmpint (paid, ==, 150000);

  /* Exactly what is left is accepted; after it, even one fen is refused. */
  g_assert_true (cd_store_record_supplier_payment (f->store, 1, date, total - paid, "尾款", &id,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (cd_store_record_supplier_payment (f->store, 1, date, 1, NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cd_store_record_supplier_payment (f->store, 999, date, 1, NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cd_store_record_supplier_payment (f->store, 4, date, 0, NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_record_supplier_payment (f->store, 4, date, 100, "bad\001ref", NULL,
                                                    &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static gint64
lookup_x (GVariant *dict, const char *key)
{
  gint64 value = G_MININT64;

  g_variant_lookup (dict, key, "x", &value);
  return value;
}

static void
test_statement_adds_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GDate) from = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  g_autoptr (GDate) to = g_date_new_dmy (31, G_DATE_MARCH, 2026);
  g_autoptr (GVariant) statement = NULL;
  g_autoptr (GVariant) entries = NULL;
  g_autoptr (GError) error = NULL;
  gint64 running;

  /* Supplier 4: O7 accepted in February and paid on 2 March; O8 accepted
   * in March; O6 rejected, never charged. */
  statement = cd_store_supplier_statement (f->store, 4, from, to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (statement);
  g_assert_cmpint (lookup_x (statement, "opening_balance_fen"), ==, 878801);
  g_assert_cmpint (lookup_x (statement, "charged_fen"), ==, 100 + 13 + 2414 + 314 + 100);
  g_assert_cmpint (lookup_x (statement, "paid_fen"), ==, 878801);
  g_assert_cmpint (lookup_x (statement, "closing_balance_fen"), ==, 2941);

  entries = g_variant_lookup_value (statement, "entries", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_cmpuint (g_variant_n_children (entries), ==, 2);
  running = lookup_x (statement, "opening_balance_fen");
  for (gsize i = 0; i < g_variant_n_children (entries); i++)
    {
      g_autoptr (GVariant) entry = g_variant_get_child_value (entries, i);

      running += lookup_x (entry, "charge_fen") - lookup_x (entry, "payment_fen");
      g_assert_cmpint (lookup_x (entry, "balance_fen"), ==, running);
    }
  g_assert_cmpint (running, ==, lookup_x (statement, "closing_balance_fen"));

  g_clear_pointer (&statement, g_variant_unref);
  statement = cd_store_supplier_statement (f->store, 4, to, from, &error);
  g_assert_null (statement);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  statement = cd_store_supplier_statement (f->store, 999, from, to, &error);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ */
/* Exports that fail leave nothing                                     */

static void
cancel_at_fraction_cb (double fraction, gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (fraction >= 0.3)
    g_cancellable_cancel (cancellable);
}

/* 3,000 more lines on O1, so that a cancel lands in the middle. */
static void
add_many_lines (const char *db_path)
{
  exec_sql (db_path,
            "WITH RECURSIVE n (i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 3002)"
            " INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit,"
            "  unit_price_fen, tax_rate_bp, amount_fen, tax_fen)"
            " SELECT 1, i, '行 ' || i, 1000, '个', 100, 1300, 100, 13 FROM n");
}

static void
test_cancelled_export_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->dir, "month.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;

  add_many_lines (f->db_path);
  /* Mid-way through the rows. */
  g_assert_false (cd_supplier_sheet_export (f->store, "2026-03", target,
                                            CD_SUPPLIER_SHEET_PER_SUPPLIER,
                                            cancel_at_fraction_cb, cancellable, cancellable,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_other_files (f->dir), ==, 0);
  g_clear_error (&error);

  /* Cancelled before it starts, over an existing file: the file stays. */
  g_file_set_contents (target, "old", -1, NULL);
  g_assert_false (cd_work_order_summary_export (f->store, "2026-03", target, NULL, NULL,
                                                cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_file_get_contents (target, &kept, NULL, NULL);
  g_assert_cmpstr (kept, ==, "old");
  g_assert_cmpuint (count_other_files (f->dir), ==, 1);
}

static void
test_unwritable_target_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "m.xlsx", NULL);
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "m.xlsx", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.xlsx", NULL);
  const char *targets[] = { missing, under_file, folder };

  g_file_set_contents (file, "", 0, NULL);
  g_mkdir (folder, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (cd_supplier_sheet_export (f->store, "2026-03", targets[i], 0, NULL, NULL,
                                                NULL, &error));
      g_assert_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO);
      g_assert_false (cd_work_order_summary_export (f->store, "2026-03", targets[i], NULL,
                                                    NULL, NULL, NULL));
    }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  /* plain-file and folder.xlsx are the test's own. */
  g_assert_cmpuint (count_other_files (f->dir), ==, 2);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      progress_calls;
  double     last_fraction;
} AsyncState;

static void
count_progress_cb (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  /* Called from the worker; the test only reads after the loop ends. */
  g_atomic_int_inc (&state->progress_calls);
  state->last_fraction = fraction;
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;

  state->ok = cd_supplier_sheet_export_finish (CD_STORE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async_export_reports_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->dir, "async.xlsx", NULL);
  AsyncState state = { g_main_loop_new (NULL, FALSE), FALSE, NULL, 0, 0 };

  add_many_lines (f->db_path);
  cd_supplier_sheet_export_async (f->store, "2026-03", target, 0, count_progress_cb, &state,
                                  NULL, on_export_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (state.progress_calls, >, 3000 / CD_REPORT_TICK);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_main_loop_unref (state.loop);
}

/* ------------------------------------------------------------------ */
/* Text and sheet names                                                */

static void
test_clean_text (void)
{
  g_autofree char *controls = cd_xlsx_clean_text ("a\001b\r\nc\rd\te\x7f");
  g_autofree char *escape = cd_xlsx_clean_text ("_x0041_ and _x00zz_");
  g_autofree char *invalid = cd_xlsx_clean_text ("ok\xff\xfe");
  g_autofree char *formula = cd_xlsx_clean_text ("=SUM(A1)");
  g_autofree char *nonchar = cd_xlsx_clean_text ("a\xef\xbf\xbe");
  g_autofree char *huge = g_strnfill (40000, 'x');
  g_autofree char *huge_clean = cd_xlsx_clean_text (huge);

  g_assert_cmpstr (controls, ==, "a b\nc\nd\te\x7f");
  g_assert_cmpstr (escape, ==, "_x005F_x0041_ and _x00zz_");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ok"));
  g_assert_cmpstr (formula, ==, "=SUM(A1)");
  g_assert_cmpstr (nonchar, ==, "a\xef\xbf\xbd");
  g_assert_cmpint (strlen (huge_clean), ==, 32767);
}

static void
test_sheet_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cd-xlsx-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "n.xlsx", NULL);
  g_autoptr (CdXlsx) xlsx = cd_xlsx_open (target, NULL);
  g_autofree char *long_name = g_strnfill (300, 'n');
  const char *inputs[] = { "Summary", "summary", "a/b:c?d*e[f]g\\h", long_name, long_name,
                           "'quoted'", "", "History" };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (xlsx);
  g_assert_nonnull (cd_xlsx_add_plain_sheet (xlsx, "Summary", 1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      char *name = cd_xlsx_unique_sheet_name (xlsx, inputs[i]);

      g_test_message ("“%.20s” → “%s”", inputs[i], name);
      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      g_assert_cmpint (name[0], !=, '\'');
      g_assert_nonnull (cd_xlsx_add_plain_sheet (xlsx, name, 1, NULL));
      g_ptr_array_add (names, name);
    }
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Summary (2)");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "summary (3)");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "a_b_c_d_e_f_g_h");
  g_assert_cmpstr (g_ptr_array_index (names, 4), !=, g_ptr_array_index (names, 3));
  g_assert_cmpstr (g_ptr_array_index (names, 5), ==, "quoted");
  g_assert_cmpstr (g_ptr_array_index (names, 7), !=, "History");

  g_clear_pointer (&xlsx, cd_xlsx_free);
  /* Freed unfinished: the temporary file is gone, no target appeared. */
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reports/month-end/totals-follow-the-written-rules", test_totals_follow_rules);
  ADD ("/reports/month-end/not-payable-deliveries-say-why", test_not_payable_says_why);
  ADD ("/reports/month-end/work-orders-count-per-person", test_work_orders_per_person);
  ADD ("/reports/month-end/a-bad-month-is-refused", test_bad_month_is_refused);
  ADD ("/store/supplier-payment/over-payment-is-refused", test_over_payment_is_refused);
  ADD ("/store/supplier-payment/statement-balances-add-up", test_statement_adds_up);
  ADD ("/reports/export/a-cancelled-export-leaves-nothing", test_cancelled_export_leaves_nothing);
  ADD ("/reports/export/an-unwritable-target-leaves-nothing", test_unwritable_target_leaves_nothing);
  ADD ("/reports/export/async-export-reports-progress", test_async_export_reports_progress);
#undef ADD
  g_test_add_func ("/reports/xlsx/text-is-cleaned-for-xml", test_clean_text);
  g_test_add_func ("/reports/xlsx/sheet-names-are-valid-and-unique", test_sheet_names);

  return g_test_run ();
}
