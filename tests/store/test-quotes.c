/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quotes, contracts, payments and receivables: exact totals, versions and
 * their differences, the lock on acceptance, installments that must add up,
 * over-payments, aging, and the project following its contract. */
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/cd-money.h"
#include "store/cd-store-contracts.h"
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

  f->dir = g_dir_make_tmp ("cd-quotes-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
    "INSERT INTO client (id, name, status, owner_id) VALUES (2, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (1, 'XM202603-0001', 1, '春季新品发布会', 'brief', '2026-03-02');"
    /* A complete brief: the first quote moves the project on. */
    "INSERT INTO brief (project_id, background, objectives, audience, deliverables, channels,"
    "  budget_min_fen, budget_max_fen, launch_date, mandatory, approvals) VALUES (1, '新品上市',"
    "  '提升知名度', '白领', '海报', '微信', 10000000, 20000000, '2026-04-15', '品牌标志', '市场总监');"
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (2, 'XM202603-0002', 2, '龙井茶包装设计', 'quoting', '2026-03-05');",
    &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static CdQuoteLine *
make_line (const char *item, gint64 qty_milli, gint64 price_fen, int tax_bp)
{
  CdQuoteLine *line = cd_quote_line_new ();

  line->item = g_strdup (item);
  line->unit = g_strdup ("项");
  line->qty_milli = qty_milli;
  line->unit_price_fen = price_fen;
  line->tax_rate_bp = tax_bp;
  return line;
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
}

static gint64
project_quote (Fixture *f, gint64 project, GPtrArray *lines)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cd_store_quote_create (f->store, project, "2026-03-10", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (lines != NULL)
    {
      cd_store_quote_set_lines (f->store, id, lines, &error);
      g_assert_no_error (error);
    }
  return id;
}

static gint64
accepted_quote (Fixture *f, gint64 project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = lines_new ();
  gint64 id;

  g_ptr_array_add (lines, make_line ("主视觉设计", 1000, 1000000, 600));   /* 10,000.00 */
  id = project_quote (f, project, lines);
  g_assert_true (cd_store_quote_send (f->store, id, "2026-03-11", &error));
  g_assert_true (cd_store_quote_accept (f->store, id, "2026-03-12", &error));
  g_assert_no_error (error);
  return id; /* total 10,600.00 */
}

static char *
project_status (Fixture *f, gint64 project)
{
  sqlite3_stmt *stmt = NULL;
  char *status = NULL;

  sqlite3_prepare_v2 (cd_store_get_db (f->store), "SELECT status FROM project WHERE id = ?1", -1, &stmt,
                      NULL);
  sqlite3_bind_int64 (stmt, 1, project);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return status;
}

/* ------------------------------------------------------------------ */

static void
test_totals_exact_on_awkward_numbers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = lines_new ();
  g_autoptr (CdQuote) quote = NULL;
  g_auto (CdQuoteTotals) totals = { 0 };
  gint64 id;

  /* 3 × 33.33 = 99.99, at 6 %: 5.9994 → 6.00 */
  g_ptr_array_add (lines, make_line ("海报设计", 3000, 3333, 600));
  /* 0.001 m² × 555.55 = 0.55555 → 0.56 (55.555 fen, half up) */
  g_ptr_array_add (lines, make_line ("喷绘", 1, 55555, 1300));
  /* Three 0.05 lines at 13 %: per line the tax would be 0.0065 → 0.01 each,
   * 0.03 in all; per document it is 13 % of 0.15 + 0.56 = 0.71 → 0.0923 → 0.09. */
  for (int i = 0; i < 3; i++)
    g_ptr_array_add (lines, make_line ("贴纸", 1000, 5, 1300));

  id = project_quote (f, 1, lines);
  quote = cd_store_quote_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quote->lines->len, ==, 5);
  g_assert_cmpint (((CdQuoteLine *) quote->lines->pdata[0])->amount_fen, ==, 9999);
  g_assert_cmpint (((CdQuoteLine *) quote->lines->pdata[1])->amount_fen, ==, 56);
  g_assert_cmpint (quote->subtotal_fen, ==, 9999 + 56 + 15);
  g_assert_true (cd_quote_get_totals (quote, &totals, &error));
  g_assert_cmpuint (totals.rates->len, ==, 2);
  g_assert_cmpint (g_array_index (totals.rates, CdTaxShare, 0).rate_bp, ==, 600);
  g_assert_cmpint (g_array_index (totals.rates, CdTaxShare, 0).tax_fen, ==, 600);
  g_assert_cmpint (g_array_index (totals.rates, CdTaxShare, 1).base_fen, ==, 71);
  g_assert_cmpint (g_array_index (totals.rates, CdTaxShare, 1).tax_fen, ==, 9);
  g_assert_cmpint (quote->tax_fen, ==, 609);
  g_assert_cmpint (quote->total_fen, ==, 9999 + 56 + 15 + 609);
  /* The project has begun quoting. */
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT status = 'quoting' FROM project WHERE id = 1",
                                       NULL), ==, 1);
}

static void
test_thousand_lines_add_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = lines_new ();
  g_autoptr (CdQuote) quote = NULL;
  gint64 base6 = 0, base13 = 0, id;

  /* 1,000 lines: quantity 1.5 (1500 milli) × price, half at 6 %, half at
   * 13 %; every amount computed here by hand: (qty × price + 500) / 1000. */
  for (int i = 0; i < 1000; i++)
    {
      gint64 price = 3333 + i * 7;
      gint64 amount = (1500 * price + 500) / 1000;

      g_ptr_array_add (lines, make_line ("物料", 1500, price, i % 2 ? 1300 : 600));
      if (i % 2)
        base13 += amount;
      else
        base6 += amount;
    }
  id = project_quote (f, 1, lines);
  quote = cd_store_quote_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quote->lines->len, ==, 1000);
  g_assert_cmpint (quote->subtotal_fen, ==, base6 + base13);
  g_assert_cmpint (quote->tax_fen, ==, (base6 * 600 + 5000) / 10000 + (base13 * 1300 + 5000) / 10000);
  g_assert_cmpint (quote->total_fen, ==, quote->subtotal_fen + quote->tax_fen);
}

static void
test_line_edits_keep_order_and_totals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdQuoteLine) a = make_line ("文案", 1000, 100000, 600);
  g_autoptr (CdQuoteLine) b = make_line ("摄影", 2000, 50000, 600);
  g_autoptr (CdQuote) quote = NULL;
  gint64 id = project_quote (f, 1, NULL);
  gint64 la, lb, lc;

  la = cd_store_quote_add_line (f->store, id, a, 0, &error);
  lb = cd_store_quote_add_line (f->store, id, b, 0, &error);
  lc = cd_store_quote_duplicate_line (f->store, la, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_quote_move_line (f->store, lb, 1, &error));   /* b, a, a' */
  g_assert_true (cd_store_quote_remove_line (f->store, la, &error));    /* b, a' */
  g_assert_no_error (error);
  quote = cd_store_quote_get (f->store, id, &error);
  g_assert_cmpuint (quote->lines->len, ==, 2);
  g_assert_cmpint (((CdQuoteLine *) quote->lines->pdata[0])->id, ==, lb);
  g_assert_cmpint (((CdQuoteLine *) quote->lines->pdata[1])->id, ==, lc);
  g_assert_cmpint (((CdQuoteLine *) quote->lines->pdata[1])->position, ==, 2);
  g_assert_cmpint (quote->subtotal_fen, ==, 200000);
  g_assert_cmpint (quote->total_fen, ==, 212000);

  /* A bad line is refused and changes nothing. */
  b->qty_milli = 0;
  b->id = lb;
  g_assert_false (cd_store_quote_update_line (f->store, b, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_pointer (&quote, cd_quote_free);
  quote = cd_store_quote_get (f->store, id, NULL);
  g_assert_cmpint (quote->total_fen, ==, 212000);
}

static void
test_save_draft_is_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = lines_new ();
  g_autoptr (CdQuote) quote = NULL;
  gint64 id = project_quote (f, 1, NULL);

  g_assert_true (cd_store_quote_set_details (f->store, id, "2026-04-10", "预付 50%", "含税", &error));
  /* NULL keeps a field, "" clears it. */
  g_assert_true (cd_store_quote_set_details (f->store, id, NULL, "", NULL, &error));
  quote = cd_store_quote_get (f->store, id, NULL);
  g_assert_cmpstr (quote->valid_until, ==, "2026-04-10");
  g_assert_null (quote->payment_terms);
  g_assert_cmpstr (quote->notes, ==, "含税");
  g_clear_pointer (&quote, cd_quote_free);

  /* A bad line: neither the details nor the lines are saved. */
  g_ptr_array_add (lines, make_line ("文案", 1000, 100000, 600));
  g_ptr_array_add (lines, make_line ("摄影", -1000, 100000, 600));
  g_assert_false (cd_store_quote_save_draft (f->store, id, "2026-05-01", "月结", "改", lines, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  quote = cd_store_quote_get (f->store, id, NULL);
  g_assert_cmpstr (quote->valid_until, ==, "2026-04-10");
  g_assert_cmpuint (quote->lines->len, ==, 0);
  g_clear_pointer (&quote, cd_quote_free);

  ((CdQuoteLine *) lines->pdata[1])->qty_milli = 2000;
  g_assert_true (cd_store_quote_save_draft (f->store, id, "2026-05-01", "月结", "改", lines, &error));
  g_assert_no_error (error);
  quote = cd_store_quote_get (f->store, id, NULL);
  g_assert_cmpstr (quote->valid_until, ==, "2026-05-01");
  g_assert_cmpuint (quote->lines->len, ==, 2);
  g_assert_cmpint (quote->total_fen, ==, 318000);
  /* A bad date is refused with the field's name. */
  g_assert_false (cd_store_quote_set_details (f->store, id, "2026-02-30", NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

static void
test_version_diff (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = lines_new ();
  g_autoptr (CdQuote) v2 = NULL;
  g_autoptr (CdQuote) v1 = NULL;
  g_autoptr (CdQuoteDiff) diff = NULL;
  g_autoptr (GPtrArray) sentences = NULL;
  gint64 id1, id2;
  CdQuoteLine *changed;

  g_ptr_array_add (lines, make_line ("主视觉设计", 1000, 800000, 600));
  g_ptr_array_add (lines, make_line ("海报印刷", 500000, 120, 1300));
  g_ptr_array_add (lines, make_line ("现场搭建", 1000, 3000000, 600));
  id1 = project_quote (f, 1, lines);
  g_assert_true (cd_store_quote_send (f->store, id1, "2026-03-11", &error));

  /* A new version needs a reason. */
  g_assert_cmpint (cd_store_quote_new_version (f->store, id1, "   ", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  id2 = cd_store_quote_new_version (f->store, id1, "客户要求降低搭建费用", &error);
  g_assert_no_error (error);
  v1 = cd_store_quote_get (f->store, id1, NULL);
  g_assert_cmpint (v1->status, ==, CD_QUOTE_SUPERSEDED);

  v2 = cd_store_quote_get (f->store, id2, &error);
  g_assert_cmpint (v2->version, ==, 2);
  g_assert_cmpstr (v2->number, ==, v1->number);
  g_assert_cmpuint (v2->lines->len, ==, 3);
  changed = cd_quote_line_copy (v2->lines->pdata[0]);
  changed->unit_price_fen = 750000;
  g_assert_true (cd_store_quote_update_line (f->store, changed, &error));
  cd_quote_line_free (changed);
  g_assert_true (cd_store_quote_remove_line (f->store, ((CdQuoteLine *) v2->lines->pdata[2])->id, &error));
  {
    g_autoptr (CdQuoteLine) extra = make_line ("短视频剪辑", 2000, 150000, 600);
    cd_store_quote_add_line (f->store, id2, extra, 0, &error);
  }
  g_assert_no_error (error);

  diff = cd_store_quote_diff (f->store, id1, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diff->changes->len, ==, 3);
  {
    CdQuoteLineChange *c0 = diff->changes->pdata[0];
    CdQuoteLineChange *c1 = diff->changes->pdata[1];
    CdQuoteLineChange *c2 = diff->changes->pdata[2];

    g_assert_cmpint (c0->kind, ==, CD_LINE_CHANGED);
    g_assert_cmpint (c0->fields, ==, CD_LINE_FIELD_PRICE);
    g_assert_cmpint (c0->amount_delta_fen, ==, -50000);
    g_assert_cmpint (c1->kind, ==, CD_LINE_ADDED);
    g_assert_cmpstr (c1->new_line->item, ==, "短视频剪辑");
    g_assert_cmpint (c2->kind, ==, CD_LINE_REMOVED);
    g_assert_cmpstr (c2->old_line->item, ==, "现场搭建");
  }
  /* v1: 8000 + 600 + 30000 → subtotal 38600.00, tax 480+78+1800 = 2358.00;
   * v2: 7500 + 600 + 3000 → 11100.00, tax 450+78+180 = 708.00. */
  g_assert_cmpint (diff->from_total_fen, ==, 4095800);
  g_assert_cmpint (diff->to_total_fen, ==, 1180800);
  g_assert_cmpint (diff->total_delta_fen, ==, 1180800 - 4095800);
  sentences = cd_quote_diff_describe (diff);
  g_assert_cmpuint (sentences->len, ==, 4);
  g_assert_nonnull (strstr (sentences->pdata[3], "-¥29,150.00"));
}

static void
test_accepted_version_is_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdQuote) quote = NULL;
  g_autofree char *hash = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;
  gint64 id = accepted_quote (f, 1);
  gint64 other;
  int rc;

  quote = cd_store_quote_get (f->store, id, &error);
  g_assert_cmpint (quote->status, ==, CD_QUOTE_ACCEPTED);
  g_assert_cmpstr (quote->decided_date, ==, "2026-03-12");
  hash = cd_store_quote_compute_hash (f->store, id, &error);
  g_assert_cmpuint (strlen (quote->locked_hash), ==, 64);
  g_assert_cmpstr (quote->locked_hash, ==, hash);

  /* The API refuses… */
  g_assert_false (cd_store_quote_set_details (f->store, id, NULL, "改", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_quote_new_version (f->store, id, "再议", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* …and so does the file, whatever program writes to it. */
  sqlite3_open (f->path, &db);
  rc = sqlite3_exec (db, "UPDATE quote_line SET unit_price_fen = 1 WHERE quote_id = (SELECT id FROM quote"
                         " WHERE status = 'accepted')", NULL, NULL, &message);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "clientdesk:locked:quote"));
  sqlite3_free (message);
  rc = sqlite3_exec (db, "UPDATE quote SET total_fen = 1 WHERE status = 'accepted'", NULL, NULL, NULL);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  rc = sqlite3_exec (db, "DELETE FROM quote WHERE status = 'accepted'", NULL, NULL, NULL);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_close (db);
  g_clear_pointer (&hash, g_free);
  hash = cd_store_quote_compute_hash (f->store, id, NULL);
  g_assert_cmpstr (quote->locked_hash, ==, hash);

  /* Accepting one version supersedes the others still open. */
  other = project_quote (f, 2, NULL);
  {
    g_autoptr (CdQuoteLine) line = make_line ("包装设计", 1000, 500000, 600);
    cd_store_quote_add_line (f->store, other, line, 0, &error);
  }
  g_assert_true (cd_store_quote_send (f->store, other, "2026-03-11", &error));
  {
    gint64 v2 = cd_store_quote_new_version (f->store, other, "加急", &error);
    g_autoptr (CdQuote) q1 = NULL;
    g_autoptr (CdQuote) q2 = NULL;

    g_assert_true (cd_store_quote_send (f->store, v2, "2026-03-12", &error));
    g_assert_true (cd_store_quote_accept (f->store, v2, "2026-03-13", &error));
    g_assert_no_error (error);
    q1 = cd_store_quote_get (f->store, other, NULL);
    q2 = cd_store_quote_get (f->store, v2, NULL);
    g_assert_cmpint (q1->status, ==, CD_QUOTE_SUPERSEDED);
    g_assert_cmpint (q2->status, ==, CD_QUOTE_ACCEPTED);
  }
}

static void
test_installments_must_add_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) k = NULL;
  gint64 quote = accepted_quote (f, 1);
  gint64 id = cd_store_contract_create_from_quote (f->store, quote, "2026-03-15", &error);
  gint64 first;
  const CdInstallmentShare thirds[] = {
    { "首付款", "2026-03-20", 3333 }, { "中期款", "2026-04-20", 3333 }, { "尾款", "2026-05-20", 3334 },
  };

  g_assert_no_error (error);
  g_assert_cmpint (cd_store_contract_create_from_quote (f->store, quote, NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  k = cd_store_contract_get (f->store, id, &error);
  g_assert_cmpint (k->amount_fen, ==, 1060000);
  g_assert_nonnull (strstr (k->clauses, "壹万零陆佰元整"));
  g_assert_nonnull (strstr (k->clauses, k->quote_number));

  first = cd_store_contract_add_installment (f->store, id, "首付款", "2026-03-20", 530000, &error);
  g_assert_cmpint (first, >, 0);
  g_assert_false (cd_store_contract_sign (f->store, id, "2026-03-16", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "¥5,300.00"));
  g_assert_nonnull (strstr (error->message, "¥10,600.00"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM contract WHERE status = 'draft'",
                                       NULL), ==, 1);

  /* 33.33 % of 10,600.00 is 3,532.98, twice; the last takes the rest, 3,534.04. */
  g_assert_true (cd_store_contract_split_installments (f->store, id, thirds, 3, &error));
  g_clear_pointer (&k, cd_contract_free);
  k = cd_store_contract_get (f->store, id, &error);
  g_assert_cmpuint (k->installments->len, ==, 3);
  g_assert_cmpint (((CdInstallment *) k->installments->pdata[0])->amount_fen, ==, 353298);
  g_assert_cmpint (((CdInstallment *) k->installments->pdata[2])->amount_fen, ==, 353404);
  g_assert_true (cd_store_contract_remove_installment (f->store, ((CdInstallment *) k->installments->pdata[0])->id,
                                                       &error));
  g_assert_true (cd_store_contract_add_installment (f->store, id, "首付款", "2026-03-20", 353298, &error) > 0);
  g_assert_true (cd_store_contract_sign (f->store, id, "2026-03-16", &error));
  g_assert_no_error (error);

  /* Signed: locked, installments included. */
  g_assert_cmpint (cd_store_contract_add_installment (f->store, id, "加", "2026-06-01", 100, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (cd_store_exec (f->store, "UPDATE installment SET amount_fen = 1", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
}

static gint64
signed_contract (Fixture *f, gint64 project, const char *signed_on)
{
  g_autoptr (GError) error = NULL;
  gint64 quote = accepted_quote (f, project);
  gint64 id = cd_store_contract_create_from_quote (f->store, quote, signed_on, &error);
  const CdInstallmentShare halves[] = {
    { "首付款", "2026-01-10", 5000 }, { "尾款", "2026-03-01", 5000 },
  };

  g_assert_true (cd_store_contract_split_installments (f->store, id, halves, 2, &error));
  g_assert_true (cd_store_contract_sign (f->store, id, signed_on, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_signing_moves_project (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  g_autoptr (CdContract) k = NULL;
  g_autofree char *hash = NULL;
  gint64 id;

  g_assert_cmpint (cd_store_query_int (f->store, "SELECT status = 'brief' FROM project WHERE id = 1", NULL), ==, 1);
  id = signed_contract (f, 1, "2026-01-05");
  status = project_status (f, 1);
  g_assert_cmpstr (status, ==, "contracted");
  k = cd_store_contract_get (f->store, id, &error);
  g_assert_cmpint (k->status, ==, CD_CONTRACT_SIGNED);
  hash = cd_store_contract_compute_hash (f->store, id, NULL);
  g_assert_cmpstr (k->locked_hash, ==, hash);

  g_assert_false (cd_store_contract_move (f->store, id, CD_CONTRACT_TERMINATED, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (cd_store_contract_move (f->store, id, CD_CONTRACT_EXECUTING, NULL, &error));
  g_assert_no_error (error);

  /* An amendment: its own number, reason, the amount it adds. */
  {
    gint64 a = cd_store_contract_amend (f->store, id, "增加两场路演", 200000, "2026-02-01", &error);
    g_autoptr (CdContract) am = NULL;

    g_assert_no_error (error);
    am = cd_store_contract_get (f->store, a, &error);
    g_assert_cmpint (am->amends_id, ==, id);
    g_assert_true (g_str_has_prefix (am->number, "BC"));
    g_assert_cmpint (am->amount_fen, ==, 200000);
    /* Nothing is paid yet: at most the whole 10,600.00 can come off. */
    g_assert_cmpint (cd_store_contract_amend (f->store, id, "减", -1060001, NULL, &error), ==, 0);
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  }
}

static void
test_over_payment_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) k = NULL;
  gint64 id = signed_contract (f, 1, "2026-01-05");
  gint64 inst;

  k = cd_store_contract_get (f->store, id, &error);
  inst = ((CdInstallment *) k->installments->pdata[0])->id;   /* 5,300.00 */
  g_assert_cmpint (cd_store_payment_add (f->store, inst, "2026-01-12", 300000, NULL, "HK001", &error), >, 0);
  g_assert_cmpint (cd_store_payment_add (f->store, inst, "2026-01-20", 230001, "transfer", NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "¥2,300.00"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_payment_add (f->store, inst, "2026-01-20", 230000, "cash", NULL, &error), >, 0);
  g_assert_cmpint (cd_store_payment_add (f->store, inst, "2026-01-21", 1, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT sum (amount_fen) FROM payment", NULL), ==, 530000);
  g_assert_cmpint (cd_store_payment_add (f->store, inst, "2026-02-30", 1, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_receivables_aged_on_fixed_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) by_client = NULL;
  g_autoptr (CdContract) k = NULL;
  gint64 id = signed_contract (f, 1, "2026-01-05");   /* 5,300.00 due 01-10, 5,300.00 due 03-01 */
  CdReceivableTotal *t;

  k = cd_store_contract_get (f->store, id, NULL);
  cd_store_payment_add (f->store, ((CdInstallment *) k->installments->pdata[0])->id, "2026-02-15",
                        100000, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Before signing: nothing is owed yet. */
  items = cd_store_receivables (f->store, "2026-01-04", 0, 0, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* 2026-02-09: the first is 30 days past due (the payment comes later). */
  items = cd_store_receivables (f->store, "2026-02-09", 0, 0, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((CdReceivable *) items->pdata[0])->days_past_due, ==, 30);
  g_assert_cmpint (((CdReceivable *) items->pdata[0])->bucket, ==, CD_AGING_0_30);
  g_assert_cmpint (((CdReceivable *) items->pdata[0])->outstanding_fen, ==, 530000);
  g_assert_cmpint (((CdReceivable *) items->pdata[1])->bucket, ==, CD_AGING_NOT_DUE);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* 2026-04-11: 91 days and 41 days; 1,000.00 paid on the first. */
  items = cd_store_receivables (f->store, "2026-04-11", 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((CdReceivable *) items->pdata[0])->days_past_due, ==, 91);
  g_assert_cmpint (((CdReceivable *) items->pdata[0])->bucket, ==, CD_AGING_OVER_90);
  g_assert_cmpint (((CdReceivable *) items->pdata[0])->outstanding_fen, ==, 430000);
  g_assert_cmpint (((CdReceivable *) items->pdata[1])->bucket, ==, CD_AGING_31_60);
  by_client = cd_receivables_by_client (items);
  g_assert_cmpuint (by_client->len, ==, 1);
  t = by_client->pdata[0];
  g_assert_cmpint (t->bucket_fen[CD_AGING_OVER_90], ==, 430000);
  g_assert_cmpint (t->bucket_fen[CD_AGING_31_60], ==, 530000);
  g_assert_cmpint (t->overdue_fen, ==, 960000);
  g_assert_cmpint (t->outstanding_fen, ==, 960000);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The other client owes nothing. */
  items = cd_store_receivables (f->store, "2026-04-11", 2, 0, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Paid in full: the receivable is cleared. */
  for (guint i = 0; i < k->installments->len; i++)
    {
      CdInstallment *inst = k->installments->pdata[i];
      cd_store_payment_add (f->store, inst->id, "2026-04-12",
                            inst->amount_fen - (i == 0 ? 100000 : 0), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  items = cd_store_receivables (f->store, "2026-04-12", 0, id, &error);
  g_assert_cmpuint (items->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Amendments that add and amendments that reduce                     */

static void
assert_check_passes (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_true (cd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("check: %s", (char *) problems->pdata[i]);
  g_assert_true (problems == NULL || problems->len == 0);
}

static gint64
outstanding (Fixture *f, gint64 contract_id, const char *as_of)
{
  g_autoptr (GPtrArray) items = cd_store_receivables (f->store, as_of, 0, contract_id, NULL);
  gint64 sum = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    sum += ((CdReceivable *) items->pdata[i])->outstanding_fen;
  return sum;
}

static void
test_amendment_adds (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) am = NULL;
  gint64 id = signed_contract (f, 1, "2026-01-05");   /* 5,300.00 + 5,300.00 */
  gint64 a = cd_store_contract_amend (f->store, id, "增加两场路演", 200000, "2026-02-01", &error);

  g_assert_no_error (error);
  am = cd_store_contract_get (f->store, a, &error);
  /* Planned from the start: one installment for what it adds. */
  g_assert_cmpuint (am->installments->len, ==, 1);
  g_assert_cmpint (((CdInstallment *) am->installments->pdata[0])->amount_fen, ==, 200000);
  g_assert_cmpint (cd_contract_amount_delta (am), ==, 200000);
  g_assert_nonnull (strstr (am->clauses, "增加"));
  g_assert_false (cd_store_contract_remove_installment (f->store,
                                                        ((CdInstallment *) am->installments->pdata[0])->id,
                                                        &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_contract_sign (f->store, a, "2026-02-02", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outstanding (f, id, "2026-12-31"), ==, 1260000);
  assert_check_passes (f);
}

static void
test_amendment_reduces (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) k = NULL;
  g_autoptr (CdContract) am = NULL;
  gint64 id = signed_contract (f, 1, "2026-01-05");
  gint64 first, last, a;

  k = cd_store_contract_get (f->store, id, &error);
  first = ((CdInstallment *) k->installments->pdata[0])->id;
  last = ((CdInstallment *) k->installments->pdata[1])->id;
  g_assert_cmpint (cd_store_payment_add (f->store, first, "2026-01-10", 530000, NULL, NULL, &error), >, 0);

  a = cd_store_contract_amend (f->store, id, "取消一场路演", -300000, "2026-02-01", &error);
  g_assert_no_error (error);
  am = cd_store_contract_get (f->store, a, &error);
  g_assert_cmpint (am->amount_fen, ==, 300000);
  g_assert_cmpuint (am->installments->len, ==, 0);
  g_assert_cmpint (cd_contract_amount_delta (am), ==, -300000);
  g_assert_nonnull (strstr (am->clauses, "减少"));
  g_assert_nonnull (strstr (am->clauses, "叁仟元整"));
  /* A reduction has no installments of its own. */
  g_assert_cmpint (cd_store_contract_add_installment (f->store, a, "退款", "2026-02-10", 100, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A draft takes nothing off. */
  g_assert_cmpint (outstanding (f, id, "2026-12-31"), ==, 530000);
  g_assert_true (cd_store_contract_sign (f->store, a, "2026-02-02", &error));
  g_assert_no_error (error);
  /* It comes off the last installment, still unpaid: 5,300.00 - 3,000.00. */
  g_assert_cmpint (outstanding (f, id, "2026-12-31"), ==, 230000);
  g_assert_cmpint (outstanding (f, id, "2026-02-01"), ==, 530000);
  g_clear_pointer (&k, cd_contract_free);
  k = cd_store_contract_get (f->store, id, &error);
  g_assert_cmpint (((CdInstallment *) k->installments->pdata[1])->reduced_fen, ==, 300000);
  g_assert_cmpint (cd_store_payment_add (f->store, last, "2026-03-01", 230001, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "¥2,300.00"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_payment_add (f->store, last, "2026-03-01", 230000, NULL, NULL, &error), >, 0);
  g_assert_cmpint (outstanding (f, id, "2026-12-31"), ==, 0);
  assert_check_passes (f);
}

static void
test_reduction_below_collected_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) k = NULL;
  gint64 id = signed_contract (f, 1, "2026-01-05");   /* 10,600.00 */
  gint64 count = cd_store_query_int (f->store, "SELECT count(*) FROM contract", NULL);
  gint64 a;

  k = cd_store_contract_get (f->store, id, &error);
  g_assert_cmpint (cd_store_payment_add (f->store, ((CdInstallment *) k->installments->pdata[0])->id,
                                         "2026-01-10", 530000, NULL, NULL, &error), >, 0);
  /* 5,300.00 collected: at most 5,300.00 can come off, not 5,300.01. */
  g_assert_cmpint (cd_store_contract_amend (f->store, id, "大幅降价", -530001, NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "¥5,300.00"));
  g_assert_nonnull (strstr (error->message, "collected"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM contract", NULL), ==, count);

  /* Allowed as a draft; refused at signing once more has been paid. */
  a = cd_store_contract_amend (f->store, id, "降价", -500000, NULL, &error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (cd_store_payment_add (f->store, ((CdInstallment *) k->installments->pdata[1])->id,
                                         "2026-02-10", 100000, NULL, NULL, &error), >, 0);
  g_assert_false (cd_store_contract_sign (f->store, a, "2026-02-11", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "¥4,300.00"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM contract WHERE status = 'draft'",
                                       NULL), ==, 1);
  assert_check_passes (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/quote/totals-and-tax-are-exact-on-awkward-numbers", test_totals_exact_on_awkward_numbers);
  ADD ("/store/quote/a-thousand-lines-add-up-to-the-fen", test_thousand_lines_add_up);
  ADD ("/store/quote/line-edits-keep-order-and-totals", test_line_edits_keep_order_and_totals);
  ADD ("/store/quote/saving-a-draft-is-all-or-nothing", test_save_draft_is_all_or_nothing);
  ADD ("/store/quote/versions-differ-by-lines-added-removed-and-changed", test_version_diff);
  ADD ("/store/quote/accepted-version-is-locked", test_accepted_version_is_locked);
  ADD ("/store/contract/installments-must-add-up-before-signing", test_installments_must_add_up);
  ADD ("/store/contract/signing-moves-the-project-to-contracted", test_signing_moves_project);
  ADD ("/store/payment/over-payment-is-refused-naming-what-remains", test_over_payment_refused);
  ADD ("/store/receivables/are-aged-on-fixed-dates", test_receivables_aged_on_fixed_dates);
  ADD ("/store/amendment/an-increase-brings-its-own-installment", test_amendment_adds);
  ADD ("/store/amendment/a-decrease-comes-off-what-is-still-due", test_amendment_reduces);
  ADD ("/store/amendment/a-decrease-below-what-was-collected-is-refused", test_reduction_below_collected_refused);
#undef ADD

  return g_test_run ();
}
