/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lock hashes: the hash the quote and contract code store when they lock is
 * the one `check` recomputes; a change made around the triggers (another
 * program that drops one) is reported; a missing hash is reported and the
 * bulk filler fills only what is missing. */
#include <string.h>
#include <glib/gstdio.h>

#include "rel-util.h"
#include "core/cd-states.h"
#include "store/cd-demo.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-lock-hash.h"
#include "store/cd-store-private.h"
#include "store/cd-store-quotes.h"

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = rel_make_temp_dir ("lock-hash");
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
    "INSERT INTO contact (id, client_id, name) VALUES (1, 1, '王小明');"
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (1, 'XM202603-0001', 1, '春季新品发布会 🎉 مرحبا', 'brief', '2026-03-02');"
    /* A complete brief: the first quote moves the project on. */
    "INSERT INTO brief (project_id, background, objectives, audience, deliverables, channels,"
    "  budget_min_fen, budget_max_fen, launch_date, mandatory, approvals) VALUES (1, '新品上市',"
    "  '提升知名度', '白领', '海报', '微信', 10000000, 20000000, '2026-04-15', '品牌标志', '市场总监');"
    "INSERT INTO work_order (id, number, project_id, title, department, issued_date, due_date)"
    "  VALUES (1, 'GD202603-0001', 1, '主视觉', 'design', '2026-03-03', '2026-03-10');",
    &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  rel_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static CdQuoteLine *
make_line (const char *item, const char *spec, gint64 qty_milli, gint64 price_fen)
{
  CdQuoteLine *line = cd_quote_line_new ();

  line->item = g_strdup (item);
  line->spec = g_strdup (spec);
  line->unit = g_strdup ("项");
  line->qty_milli = qty_milli;
  line->unit_price_fen = price_fen;
  line->tax_rate_bp = 600;
  return line;
}

/* A quote with text of every kind, sent and accepted through the quote code. */
static gint64
accept_quote (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
  gint64 id = cd_store_quote_create (f->store, 1, "2026-03-10", &error);

  g_assert_no_error (error);
  g_ptr_array_add (lines, make_line ("主视觉设计 ✨", "A0 ×2，含三轮修改", 1500, 333333));
  g_ptr_array_add (lines, make_line ("=HYPERLINK(\"http://x\")", NULL, 1, 1));
  g_ptr_array_add (lines, make_line ("עברית RTL ‏text", "@SUM(A1)", 2000000, 0));
  g_assert_true (cd_store_quote_save_draft (f->store, id, "2026-04-30", "50% 预付\n50% 验收后",
                                            "+cmd|' /C calc'!A0 😀", lines, &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_quote_send (f->store, id, "2026-03-11", &error));
  g_assert_true (cd_store_quote_accept (f->store, id, "2026-03-12", &error));
  g_assert_no_error (error);
  return id;
}

static void
assert_check_ok (CdStore *store)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = cd_store_check (store, &problems, &error);

  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_assert_true (ok);
}

/* The problems of `check` joined, for strstr. */
static char *
check_problems (CdStore *store)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (cd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static void
test_quote_hash_is_the_quote_codes_own (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdQuote) quote = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  gint64 id = accept_quote (f);

  quote = cd_store_quote_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (quote->locked_hash);
  g_assert_true (cd_store_compute_locked_hash (f->store, "quote", id, &mine, &error));
  g_assert_no_error (error);
  theirs = cd_store_quote_compute_hash (f->store, id, &error);
  g_assert_cmpstr (mine, ==, quote->locked_hash);
  g_assert_cmpstr (mine, ==, theirs);
  assert_check_ok (f->store);
}

static void
test_contract_hash_is_the_contract_codes_own (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) k = NULL;
  g_autofree char *mine = NULL;
  gint64 quote = accept_quote (f);
  gint64 id = cd_store_contract_create_from_quote (f->store, quote, "2026-03-15", &error);
  const CdInstallmentShare shares[] = {
    { "首付款 💰", "2026-03-20", 3000 }, { "尾款", "2026-05-20", 7000 },
  };

  g_assert_no_error (error);
  g_assert_true (cd_store_contract_split_installments (f->store, id, shares, 2, &error));
  g_assert_true (cd_store_contract_sign (f->store, id, "2026-03-16", &error));
  g_assert_no_error (error);
  k = cd_store_contract_get (f->store, id, &error);
  g_assert_true (cd_store_compute_locked_hash (f->store, "contract", id, &mine, &error));
  g_assert_cmpstr (mine, ==, k->locked_hash);
  assert_check_ok (f->store);

  /* A signed contract still moves on; its hash stays valid. */
  g_assert_true (cd_store_contract_move (f->store, id, CD_CONTRACT_EXECUTING, NULL, &error));
  g_assert_no_error (error);
  assert_check_ok (f->store);
}

static void
test_change_around_the_triggers_is_reported (Fixture *f, gconstpointer data)
{
  g_autofree char *problems = NULL;
  gint64 id = accept_quote (f);

  assert_check_ok (f->store);
  /* Another program drops the trigger and edits a price in place. */
  g_assert_cmpint (rel_raw_exec (f->path,
                                 "DROP TRIGGER quote_line_locked_update;"
                                 "UPDATE quote_line SET unit_price_fen = unit_price_fen + 1"
                                 " WHERE position = 1;", NULL), ==, 0);
  problems = check_problems (f->store);
  g_test_message ("%s", problems);
  g_assert_nonnull (strstr (problems, "was changed after it was accepted"));
  g_assert_cmpint (id, >, 0);
}

static void
test_missing_hash_is_reported_and_filled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = NULL;

  /* Locked with plain UPDATEs, as a bulk writer does. */
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO visit (id, client_id, staff_id, contact_id, date, topic)"
    "  VALUES (1, 1, 1, 1, '2026-03-04', '年度框架 \u202etxt.exe');"
    "UPDATE visit SET status = 'reviewed', review_comment = '好', reviewed_by = 1,"
    "  reviewed_at = '2026-03-31T10:00:00Z' WHERE id = 1;"
    "INSERT INTO acceptance (id, number, kind, work_order_id, inspected_date)"
    "  VALUES (1, 'YS202603-0001', 'output', 1, '2026-03-09');"
    "INSERT INTO acceptance_item (acceptance_id, position, text, result)"
    "  VALUES (1, 1, '色彩无偏差', 'pass');"
    "INSERT INTO attachment (owner_table, owner_id, filename, mime_type, content)"
    "  VALUES ('acceptance', 1, 'photo.jpg', 'image/jpeg', x'FFD8FFE000');"
    "UPDATE acceptance SET status = 'signed', result = 'pass', signed_by = 1,"
    "  signed_date = '2026-03-09' WHERE id = 1;",
    &error));
  g_assert_no_error (error);

  problems = check_problems (f->store);
  g_assert_nonnull (strstr (problems, "YS202603-0001 is signed but has no hash"));
  g_assert_nonnull (strstr (problems, "is reviewed but has no hash"));

  g_assert_true (cd_store_fill_locked_hashes (f->store, &error));
  g_assert_no_error (error);
  assert_check_ok (f->store);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'bulk'"
                                                 " AND table_name IN ('visit', 'acceptance')", NULL),
                   ==, 2);
  /* The triggers are back: the locked rows refuse change again. */
  g_assert_false (cd_store_exec (f->store, "UPDATE visit SET topic = 'x' WHERE id = 1", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* A photo swapped behind the triggers is a change of the acceptance. */
  g_assert_cmpint (rel_raw_exec (f->path,
                                 "DROP TRIGGER acceptance_photo_locked_update;"
                                 "UPDATE attachment SET content = x'FFD8FFE001';", NULL), ==, 0);
  g_clear_pointer (&problems, g_free);
  problems = check_problems (f->store);
  g_assert_nonnull (strstr (problems, "Acceptance YS202603-0001 was changed after it was signed"));
}

static void
test_filler_never_launders_a_wrong_hash (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = NULL;

  accept_quote (f);
  g_assert_cmpint (rel_raw_exec (f->path,
                                 "DROP TRIGGER quote_locked_update;"
                                 "UPDATE quote SET notes = 'forged' WHERE status = 'accepted';", NULL),
                   ==, 0);
  g_assert_true (cd_store_fill_locked_hashes (f->store, &error));
  g_assert_no_error (error);
  problems = check_problems (f->store);
  g_assert_nonnull (strstr (problems, "was changed after it was accepted"));
}

static void
test_unlocked_record_with_a_hash_is_reported (Fixture *f, gconstpointer data)
{
  g_autofree char *problems = NULL;

  accept_quote (f);
  g_assert_cmpint (rel_raw_exec (f->path,
                                 "DROP TRIGGER quote_locked_update;"
                                 "DROP TRIGGER quote_status_move;"
                                 "UPDATE quote SET status = 'sent' WHERE status = 'accepted';", NULL),
                   ==, 0);
  problems = check_problems (f->store);
  g_assert_nonnull (strstr (problems, "is no longer accepted"));
}

/* The recipe for code that locks: write every other column while the
 * record is open, compute, then lock and store the hash in one UPDATE. */
static void
test_hash_computed_before_locking_matches (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO acceptance (id, number, kind, work_order_id, inspected_date)"
    "  VALUES (2, 'YS202603-0002', 'output', 1, '2026-03-09');"
    "INSERT INTO acceptance_item (acceptance_id, position, text, result, note)"
    "  VALUES (2, 1, '尺寸', 'conditional', '边缘 2mm 偏差');"
    "UPDATE acceptance SET result = 'conditional', signed_by = 1, signed_date = '2026-03-10'"
    "  WHERE id = 2;",
    &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_compute_locked_hash (f->store, "acceptance", 2, &hash, &error));
  g_assert_no_error (error);
  stmt = cd_store_prepare (f->store, "UPDATE acceptance SET status = 'signed', locked_hash = ?2"
                                     " WHERE id = ?1", &error);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, 2);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  assert_check_ok (f->store);
}

static void
test_compute_refuses_what_is_never_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = NULL;

  g_assert_false (cd_store_compute_locked_hash (f->store, "client", 1, &hash, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_compute_locked_hash (f->store, "quote", 999, &hash, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_assert_null (hash);
}

static void
test_demo_data_passes_check (void)
{
  g_autofree char *dir = rel_make_temp_dir ("lock-demo");
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) today = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);
  CdStore *store = cd_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (cd_demo_generate (store, CD_DEMO_SMALL, 7, today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM quote WHERE status = 'accepted'",
                                       NULL), >, 0);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM quote WHERE status = 'accepted'"
                                              " AND locked_hash IS NULL", NULL), ==, 0);
  assert_check_ok (store);
  g_object_unref (store);
  rel_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/reliability/lock-hash/quote-hash-is-the-quote-codes-own", test_quote_hash_is_the_quote_codes_own);
  ADD ("/reliability/lock-hash/contract-hash-is-the-contract-codes-own",
       test_contract_hash_is_the_contract_codes_own);
  ADD ("/reliability/lock-hash/change-around-the-triggers-is-reported",
       test_change_around_the_triggers_is_reported);
  ADD ("/reliability/lock-hash/missing-hash-is-reported-and-filled", test_missing_hash_is_reported_and_filled);
  ADD ("/reliability/lock-hash/filler-never-launders-a-wrong-hash", test_filler_never_launders_a_wrong_hash);
  ADD ("/reliability/lock-hash/unlocked-record-with-a-hash-is-reported",
       test_unlocked_record_with_a_hash_is_reported);
  ADD ("/reliability/lock-hash/hash-computed-before-locking-matches", test_hash_computed_before_locking_matches);
  ADD ("/reliability/lock-hash/compute-refuses-what-is-never-locked", test_compute_refuses_what_is_never_locked);
#undef ADD
  g_test_add_func ("/reliability/lock-hash/demo-data-passes-check", test_demo_data_passes_check);

  return g_test_run ();
}
