/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store: files it refuses, files it creates, migrations, and the rules
 * the database enforces whatever program writes to it. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "core/cd-states.h"
#include "store/cd-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("cd-store-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Raw SQL against the file, as another program would write it. */
static int
raw_exec (const char *path, const char *sql, char **message)
{
  sqlite3 *db = NULL;
  int rc;

  sqlite3_open (path, &db);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
seed_minimal (CdStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, short_name, status, owner_id)"
    "  VALUES (1, '上海星河文化传播有限公司', '星河', 'active', 1);"
    "INSERT INTO contact (client_id, name, phone) VALUES (1, '王小明', '13800001111');"
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (1, 'XM202611-0001', 1, '新品发布会', 'quoting', '2026-11-02');"
    "INSERT INTO quote (id, number, project_id, client_id, status, created_date)"
    "  VALUES (1, 'QT202611-0001', 1, 1, 'sent', '2026-11-03');"
    "INSERT INTO quote_line (quote_id, position, item, qty_milli, unit_price_fen, amount_fen)"
    "  VALUES (1, 1, '主视觉设计', 1000, 800000, 800000);"
    "UPDATE quote SET subtotal_fen = 800000, tax_fen = 48000, total_fen = 848000 WHERE id = 1;",
    &error));
  g_assert_no_error (error);
}

static void
test_creates_private_wal_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (f->path, &error);
  struct stat st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, CD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM pragma_journal_mode"
                                              " WHERE journal_mode = 'wal'", NULL), ==, 1);
  g_assert_cmpint (cd_store_query_int (store, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (cd_store_query_int (store, "PRAGMA application_id", NULL), ==,
                   CD_STORE_APPLICATION_ID);
  g_assert_true (cd_store_is_empty (store));
}

static void
test_refuses_garbage_untouched (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (CdStore) store = NULL;
  guint8 junk[4096];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7 + 3);
  g_assert_true (g_file_set_contents (f->path, (char *) junk, sizeof junk, NULL));
  before = file_digest (f->path);

  store = cd_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_other_sqlite_untouched (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_assert_cmpint (raw_exec (f->path, "CREATE TABLE moz_places (id INTEGER, url TEXT);"
                                      "INSERT INTO moz_places VALUES (1, 'x');", NULL),
                   ==, SQLITE_OK);
  before = file_digest (f->path);
  store = cd_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK);
  g_test_message ("refused with: %s", error->message);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuses_newer_schema_untouched (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (CdStore) store = cd_store_open (f->path, &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA user_version = %d", CD_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (raw_exec (f->path, sql, NULL), ==, SQLITE_OK);
  before = file_digest (f->path);

  store = cd_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NEWER_SCHEMA);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migration_keeps_data (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open_at_version (f->path, 1, &error);
  g_autoptr (GVariant) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, 1);
  seed_minimal (store);
  g_clear_object (&store);

  store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, CD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (cd_store_count (store, CD_KIND_CLIENTS, NULL), ==, 1);
  g_assert_cmpint (cd_store_query_int (store, "SELECT total_fen FROM quote WHERE id = 1", NULL),
                   ==, 848000);
  /* v2's search index was filled from the rows v1 held. */
  rows = cd_store_list (store, CD_KIND_CLIENTS, NULL, "星河文化", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 1);
}

static void
test_state_machine_is_enforced_by_database (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  char *message = NULL;
  gsize n = 0;
  const CdStateTransition *moves = cd_state_transitions (&n);

  seed_minimal (store);
  /* The database holds exactly core's table. */
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM state_transition", NULL),
                   ==, (gint64) n);
  g_assert_cmpuint (n, >, 20);
  g_assert_nonnull (moves);

  /* sent → draft is no move of the quote's machine. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE quote SET status = 'draft' WHERE id = 1", &message),
                   !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "clientdesk:state:quote"));
  sqlite3_free (message);
  message = NULL;
  /* brief is not a state of a work order. */
  g_assert_cmpint (raw_exec (f->path, "INSERT INTO work_order (number, project_id, title, department,"
                                      " issued_date, due_date, status) VALUES ('GD1', 1, 'x',"
                                      " 'design', '2026-11-01', '2026-11-05', 'brief')",
                             &message),
                   !=, SQLITE_OK);
  sqlite3_free (message);
  /* A lost client needs a reason. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE client SET status = 'lost' WHERE id = 1", NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE client SET status = 'lost', lost_reason = '转投竞品'"
                                      " WHERE id = 1", NULL),
                   ==, SQLITE_OK);
}

static void
test_accepted_quote_is_locked_for_any_program (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;

  seed_minimal (store);
  g_assert_true (cd_store_exec (store, "UPDATE quote SET status = 'accepted' WHERE id = 1", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_exec (f->path, "UPDATE quote SET notes = 'x' WHERE id = 1", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM quote WHERE id = 1", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE quote_line SET unit_price_fen = 1", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM quote_line", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "INSERT INTO quote_line (quote_id, position, item, qty_milli,"
                                      " unit_price_fen, amount_fen) VALUES (1, 2, 'x', 1000, 1, 1)",
                             NULL), !=, SQLITE_OK);

  /* Through the store the refusal is one translated sentence. */
  store = cd_store_open (f->path, NULL);
  g_assert_false (cd_store_exec (store, "UPDATE quote SET notes = 'x' WHERE id = 1", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM quote_line", NULL), ==, 1);
}

static void
test_signed_contract_only_moves_on (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;

  seed_minimal (store);
  g_assert_true (cd_store_exec (store,
    "INSERT INTO contract (id, number, project_id, client_id, subject, amount_fen)"
    "  VALUES (1, 'HT202611-0001', 1, 1, '新品发布会', 848000);"
    "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
    "  VALUES (1, 1, '签约', '2026-11-10', 848000);"
    "UPDATE contract SET status = 'signed', signed_date = '2026-11-08' WHERE id = 1;",
    &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_exec (f->path, "UPDATE contract SET amount_fen = 1 WHERE id = 1", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM contract WHERE id = 1", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE installment SET amount_fen = 1", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE contract SET status = 'executing' WHERE id = 1", NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE contract SET status = 'terminated' WHERE id = 1", NULL),
                   !=, SQLITE_OK);
}

static void
test_reviewed_visit_and_signed_acceptance_are_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;

  seed_minimal (store);
  g_assert_true (cd_store_exec (store,
    "INSERT INTO visit (id, client_id, staff_id, date, topic) VALUES (1, 1, 1, '2026-11-05', '回访');"
    "UPDATE visit SET status = 'reviewed', review_comment = '好', reviewed_by = 1 WHERE id = 1;"
    "INSERT INTO supplier (id, name, category) VALUES (1, '华彩印务', 'print');"
    "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date)"
    "  VALUES (1, 'CG202611-00001', 1, 1, 'delivered', '2026-11-04');"
    "INSERT INTO acceptance (id, number, supplier_order_id, inspected_date)"
    "  VALUES (1, 'YS202611-00001', 1, '2026-11-06');"
    "INSERT INTO acceptance_item (acceptance_id, position, text, result) VALUES (1, 1, '颜色', 'pass');"
    "UPDATE acceptance SET status = 'signed', result = 'pass', signed_by = 1,"
    "  signed_date = '2026-11-06' WHERE id = 1;",
    &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_exec (f->path, "UPDATE visit SET topic = 'x'", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM visit", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE acceptance SET notes = 'x'", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE acceptance_item SET result = 'fail'", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM acceptance_item", NULL), !=, SQLITE_OK);
}

static void
test_audit_records_who_and_values (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;

  seed_minimal (store);
  cd_store_set_actor (store, 1);
  g_assert_true (cd_store_begin (store, &error));
  g_assert_true (cd_store_exec (store, "UPDATE client SET region = '华东' WHERE id = 1", &error));
  g_assert_true (cd_store_commit (store, &error));
  g_assert_no_error (error);

  stmt = cd_store_prepare (store,
                           "SELECT staff_id, json_extract (old_values, '$.region'),"
                           " json_extract (new_values, '$.region'), json_extract (new_values, '$.name')"
                           " FROM audit_log WHERE table_name = 'client' AND action = 'update'"
                           " ORDER BY id DESC LIMIT 1",
                           &error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_type (stmt, 1), ==, SQLITE_NULL);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "华东");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "上海星河文化传播有限公司");
  sqlite3_reset (stmt);

  /* Inserts and deletes too, for every business table. */
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM audit_log WHERE"
                                              " table_name = 'quote_line' AND action = 'insert'",
                                       NULL), ==, 1);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type ="
                                              " 'trigger' AND name = 'audit_work_order_delete'",
                                       NULL), ==, 1);
  g_clear_object (&store);

  /* The trail is append-only, whatever program writes to the file. */
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM audit_log", NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE audit_log SET staff_id = NULL", NULL), !=, SQLITE_OK);
  store = cd_store_open (f->path, NULL);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM audit_log WHERE staff_id = 1",
                                       NULL), >=, 1);
}

static void
test_list_searches_chinese_substrings (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;
  const char *queries[] = { "星河", "星", "文化传播", "小明", "13800001111", "'; DROP TABLE client; --" };
  const guint expected[] = { 1, 1, 1, 1, 1, 0 };

  seed_minimal (store);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GVariant) rows = cd_store_list (store, CD_KIND_CLIENTS, NULL, queries[i], 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_variant_n_children (rows), ==, expected[i]);
    }
  g_assert_cmpint (cd_store_count (store, CD_KIND_CLIENTS, NULL), ==, 1);
}

static void
test_list_by_month_and_bad_month (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) nov = NULL;
  g_autoptr (GVariant) dec = NULL;
  g_autoptr (GVariant) bad = NULL;
  g_autoptr (GVariant) row = NULL;
  gint64 total = 0;

  seed_minimal (store);
  nov = cd_store_list (store, CD_KIND_QUOTES, "2026-11", NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (nov), ==, 1);
  row = g_variant_get_child_value (nov, 0);
  g_assert_true (g_variant_lookup (row, "total_fen", "x", &total));
  g_assert_cmpint (total, ==, 848000);
  dec = cd_store_list (store, CD_KIND_QUOTES, "2026-12", NULL, 0, 0, &error);
  g_assert_cmpuint (g_variant_n_children (dec), ==, 0);

  bad = cd_store_list (store, CD_KIND_QUOTES, "2026-13", NULL, 0, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_backup_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *kept = NULL;
  struct stat st;

  seed_minimal (store);
  g_assert_true (cd_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* One self-contained file: no WAL sidecars left beside the backup. */
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *shm = g_strconcat (backup, "-shm", NULL);
    g_autofree char *part = g_strconcat (backup, ".part-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }

  /* Change the live file, then bring the backup back. */
  g_assert_true (cd_store_exec (store, "UPDATE client SET region = '华南'", NULL));
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (garbage, "not a database", -1, NULL));
  g_assert_false (cd_store_restore (f->path, garbage, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_CLIENTDESK);
  g_clear_error (&error);

  g_assert_true (cd_store_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  store = cd_store_open (f->path, &error);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM client WHERE region IS NULL",
                                       NULL), ==, 1);
}

static void
test_check_reports_broken_invariants (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  seed_minimal (store);
  g_assert_true (cd_store_check (store, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (cd_store_exec (store, "UPDATE quote SET subtotal_fen = 1 WHERE id = 1", NULL));
  g_assert_false (cd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "QT202611-0001"));
}

static void
test_numbers_are_never_reused (Fixture *f, gconstpointer data)
{
  g_autoptr (CdStore) store = cd_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (cd_store_begin (store, &error));
  a = cd_store_next_number (store, "quote", date, &error);
  b = cd_store_next_number (store, "quote", date, &error);
  g_assert_true (cd_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "QT202611-0001");
  g_assert_cmpstr (b, ==, "QT202611-0002");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/open/creates-a-private-wal-file", test_creates_private_wal_file);
  ADD ("/store/open/refuses-garbage-and-leaves-it-untouched", test_refuses_garbage_untouched);
  ADD ("/store/open/refuses-another-programs-database-untouched", test_refuses_other_sqlite_untouched);
  ADD ("/store/open/refuses-a-newer-schema-untouched", test_refuses_newer_schema_untouched);
  ADD ("/store/migration/v1-to-v2-keeps-the-data", test_migration_keeps_data);
  ADD ("/store/states/are-enforced-by-the-database", test_state_machine_is_enforced_by_database);
  ADD ("/store/locks/accepted-quote-is-locked-for-any-program", test_accepted_quote_is_locked_for_any_program);
  ADD ("/store/locks/signed-contract-only-moves-on", test_signed_contract_only_moves_on);
  ADD ("/store/locks/reviewed-visit-and-signed-acceptance", test_reviewed_visit_and_signed_acceptance_are_locked);
  ADD ("/store/audit/records-who-and-old-and-new-values", test_audit_records_who_and_values);
  ADD ("/store/list/search-finds-chinese-substrings", test_list_searches_chinese_substrings);
  ADD ("/store/list/by-month-and-refuses-a-bad-month", test_list_by_month_and_bad_month);
  ADD ("/store/backup/and-restore-round-trip", test_backup_and_restore);
  ADD ("/store/check/reports-broken-invariants", test_check_reports_broken_invariants);
  ADD ("/store/numbering/numbers-are-never-reused", test_numbers_are_never_reused);
#undef ADD

  return g_test_run ();
}
