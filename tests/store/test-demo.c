/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo agency: a small one on a fixed day, checked against the rules a
 * user's data must keep — sums, states, locks, numbers, dates — and for
 * being the same agency every time it is asked for with the same seed. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include <string.h>
#include <glib/gstdio.h>

#include "core/cd-credit-code.h"
#include "core/cd-money.h"
#include "store/cd-demo.h"
#include "store/cd-store-private.h"

#define SEED 20261125

static char *shared_dir;
static CdStore *shared;     /* the small demo, generated once, read by most tests */

static GDate
fixed_today (void)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 25, G_DATE_NOVEMBER, 2026);
  return d;
}

static CdStore *
open_store (const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  CdStore *store = cd_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static CdStore *
new_demo (const char *dir, const char *name, guint32 seed)
{
  g_autoptr (GError) error = NULL;
  GDate today = fixed_today ();
  CdStore *store = open_store (dir, name);

  g_assert_true (cd_demo_generate (store, CD_DEMO_SMALL, seed, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* One integer from a query without parameters. */
static gint64
count (CdStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* No row of a query that counts what must not be. */
static void
expect_none (const char *sql)
{
  gint64 n = count (shared, sql);

  if (n != 0)
    g_test_message ("%" PRId64 " rows: %s", n, sql);
  g_assert_cmpint (n, ==, 0);
}

/* Every column of every row of every table but the audit log (whose
 * entries carry the time they were written) and the search index (built
 * from the tables). */
static char *
digest (CdStore *store)
{
  sqlite3 *db = cd_store_get_db (store);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                          " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'"
                          " AND name <> 'audit_log' ORDER BY name", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 20);

  for (guint t = 0; t < tables->len; t++)
    {
      /* Table names come from the file's own catalogue. */
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY 1, 2", (char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      g_checksum_update (sum, (const guchar *) tables->pdata[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);
            g_checksum_update (sum, text ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* ------------------------------------------------------------------ */

static void
test_every_table_has_rows_in_range (void)
{
  static const struct { const char *sql; gint64 lo, hi; } ranges[] = {
    { "SELECT count(*) FROM staff", 30, 60 },
    { "SELECT count(*) FROM staff WHERE role = 'director'", 2, 2 },
    { "SELECT count(*) FROM staff WHERE role = 'account_manager'", 6, 12 },
    { "SELECT count(*) FROM staff WHERE role = 'account_executive'", 8, 16 },
    { "SELECT count(*) FROM staff WHERE role = 'creative'", 12, 20 },
    { "SELECT count(*) FROM staff WHERE role = 'finance'", 2, 2 },
    { "SELECT count(*) FROM staff WHERE role = 'hr'", 1, 1 },
    { "SELECT count(*) FROM client", 200, 200 },
    { "SELECT count(*) FROM client WHERE status = 'active'", 100, 190 },
    { "SELECT count(*) FROM client WHERE status = 'lost'", 1, 40 },
    { "SELECT count(*) FROM client WHERE status = 'prospect'", 1, 60 },
    { "SELECT count(*) FROM client WHERE status = 'dormant'", 1, 60 },
    { "SELECT count(*) FROM contact", 200, 800 },
    { "SELECT count(*) FROM client_owner_history", 1, 40 },
    { "SELECT count(*) FROM project", 300, 1500 },
    { "SELECT count(*) FROM project WHERE status = 'cancelled'", 5, 200 },
    { "SELECT count(*) FROM brief", 300, 1500 },
    { "SELECT count(*) FROM quote", 300, 2500 },
    { "SELECT count(*) FROM quote WHERE version > 1", 50, 1000 },
    { "SELECT count(*) FROM quote_line", 1000, 15000 },
    { "SELECT count(*) FROM contract", 200, 1500 },
    { "SELECT count(*) FROM installment", 200, 4500 },
    { "SELECT count(*) FROM payment", 200, 6000 },
    { "SELECT count(*) FROM work_order", 1500, 9000 },
    { "SELECT count(*) FROM work_order_revision", 200, 9000 },
    { "SELECT count(*) FROM catalogue_item", 30, 100 },
    { "SELECT count(DISTINCT kind) FROM checklist_template", 7, 7 },
    { "SELECT count(*) FROM checklist_template_item", 30, 100 },
    { "SELECT count(*) FROM supplier", 30, 60 },
    { "SELECT count(DISTINCT category) FROM supplier", 6, 6 },
    { "SELECT count(DISTINCT vat_type) FROM supplier", 2, 2 },
    { "SELECT count(*) FROM supplier_quote", 300, 10000 },
    { "SELECT count(*) FROM supplier_order", 200, 5000 },
    { "SELECT count(*) FROM supplier_order WHERE rework_of_id IS NOT NULL", 1, 500 },
    { "SELECT count(*) FROM supplier_order_line", 400, 12000 },
    { "SELECT count(*) FROM supplier_payment", 50, 5000 },
    { "SELECT count(*) FROM acceptance WHERE kind = 'delivery'", 200, 5000 },
    { "SELECT count(*) FROM acceptance WHERE kind = 'output'", 5, 500 },
    { "SELECT count(*) FROM acceptance_item WHERE result = 'fail'", 1, 1000 },
    { "SELECT count(*) FROM pickup_slip WHERE status = 'signed'", 50, 2000 },
    { "SELECT count(*) FROM pickup_slip_line", 50, 8000 },
    { "SELECT count(*) FROM visit", 300, 5000 },
    { "SELECT count(*) FROM visit WHERE special = 1", 1, 500 },
    { "SELECT count(*) FROM visit WHERE status = 'reviewed'", 100, 5000 },
    { "SELECT count(*) FROM feedback WHERE kind = 'complaint'", 5, 200 },
    { "SELECT count(*) FROM feedback WHERE kind = 'praise'", 5, 200 },
    { "SELECT count(*) FROM setting WHERE key LIKE 'numbering.%'", 7, 20 },
    { "SELECT count(*) FROM setting WHERE key LIKE 'company.%'", 6, 20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      gint64 n = count (shared, ranges[i].sql);

      g_test_message ("%s: %" PRId64, ranges[i].sql, n);
      g_assert_cmpint (n, >=, ranges[i].lo);
      g_assert_cmpint (n, <=, ranges[i].hi);
    }
}

static void
test_quote_totals_are_the_sum_of_their_lines (void)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  expect_none ("SELECT count(*) FROM quote q WHERE q.subtotal_fen <>"
               " (SELECT sum (amount_fen) FROM quote_line WHERE quote_id = q.id)"
               " OR q.total_fen <> q.subtotal_fen + q.tax_fen");
  /* Each line is cd_money_line_amount (); the tax is the document's, on
   * the sum of the rounded lines. */
  sqlite3_prepare_v2 (cd_store_get_db (shared),
                      "SELECT qty_milli, unit_price_fen, discount_bp, amount_fen FROM quote_line",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (cd_money_line_amount (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                             sqlite3_column_int (stmt, 2)),
                       ==, sqlite3_column_int64 (stmt, 3));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);
  sqlite3_prepare_v2 (cd_store_get_db (shared),
                      "SELECT q.subtotal_fen, q.tax_fen, min (l.tax_rate_bp), max (l.tax_rate_bp)"
                      " FROM quote q JOIN quote_line l ON l.quote_id = q.id GROUP BY q.id",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, sqlite3_column_int (stmt, 3));
      g_assert_cmpint (cd_money_tax (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 2)),
                       ==, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_finalize (stmt);
}

static void
test_money_adds_up (void)
{
  /* Installments are the contract amount exactly; nothing is overpaid. */
  expect_none ("SELECT count(*) FROM contract k WHERE k.amount_fen <>"
               " (SELECT sum (amount_fen) FROM installment WHERE contract_id = k.id)");
  expect_none ("SELECT count(*) FROM installment i WHERE i.amount_fen <"
               " (SELECT coalesce (sum (amount_fen), 0) FROM payment WHERE installment_id = i.id)");
  g_assert_cmpint (count (shared, "SELECT count(*) FROM installment i WHERE i.amount_fen >"
                                  " (SELECT coalesce (sum (amount_fen), 0) FROM payment WHERE installment_id = i.id)"
                                  " AND EXISTS (SELECT 1 FROM payment WHERE installment_id = i.id)"), >, 0);
  /* A contract is its accepted quote's total. */
  expect_none ("SELECT count(*) FROM contract k JOIN quote q ON q.id = k.quote_id"
               " WHERE q.status <> 'accepted' OR q.total_fen <> k.amount_fen");
  /* Supplier order lines: amount and tax from cd-money, at the supplier's rate. */
  expect_none ("SELECT count(*) FROM supplier_order_line l JOIN supplier_order o ON o.id = l.order_id"
               " JOIN supplier s ON s.id = o.supplier_id WHERE l.tax_rate_bp <> s.invoice_rate_bp");
  expect_none ("SELECT count(*) FROM supplier_order o WHERE"
               " (SELECT coalesce (sum (amount_fen), 0) FROM supplier_payment WHERE supplier_order_id = o.id)"
               " > (SELECT sum (amount_fen + tax_fen) FROM supplier_order_line WHERE order_id = o.id)");
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (cd_store_get_db (shared),
                        "SELECT qty_milli, unit_price_fen, tax_rate_bp, amount_fen, tax_fen FROM supplier_order_line",
                        -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 amount = cd_money_line_amount (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), 0);

        g_assert_cmpint (amount, ==, sqlite3_column_int64 (stmt, 3));
        g_assert_cmpint (cd_money_tax (amount, sqlite3_column_int (stmt, 2)), ==, sqlite3_column_int64 (stmt, 4));
      }
    sqlite3_finalize (stmt);
  }
}

static void
test_states_follow_the_machines (void)
{
  static const char *const tables[] = {
    "client", "project", "quote", "contract", "work_order", "supplier_order", "acceptance", "visit",
    "feedback", "supplier",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\" t WHERE NOT EXISTS (SELECT 1 FROM state_transition s"
                                   " WHERE s.entity = %Q AND (s.from_state = t.status OR s.to_state = t.status))",
                                   tables[i], tables[i]);
      g_assert_cmpint (count (shared, sql), ==, 0);
      sqlite3_free (sql);
    }
  /* Every contracted project has exactly one accepted quote version; a
   * quote number has one row per version, the earlier ones superseded. */
  expect_none ("SELECT count(*) FROM project p WHERE p.status IN"
               " ('contracted', 'in_production', 'delivered', 'closed')"
               " AND (SELECT count(*) FROM quote WHERE project_id = p.id AND status = 'accepted') <> 1");
  expect_none ("SELECT count(*) FROM quote q WHERE EXISTS (SELECT 1 FROM quote n"
               " WHERE n.number = q.number AND n.version > q.version) AND q.status <> 'superseded'");
  expect_none ("SELECT count(*) FROM quote WHERE version > 1 AND (previous_id IS NULL"
               " OR length (trim (coalesce (version_reason, ''))) = 0)");
  expect_none ("SELECT count(*) FROM project WHERE status = 'cancelled'"
               " AND length (trim (coalesce (cancel_reason, ''))) = 0");
  expect_none ("SELECT count(*) FROM contract WHERE status = 'draft'"
               " AND signed_date IS NOT NULL");
  /* Accepted orders: a signed, passed acceptance, accepted that day. */
  expect_none ("SELECT count(*) FROM supplier_order o WHERE o.status = 'accepted'"
               " AND NOT EXISTS (SELECT 1 FROM acceptance a WHERE a.supplier_order_id = o.id"
               "  AND a.status = 'signed' AND a.result IN ('pass', 'conditional')"
               "  AND a.signed_date = o.accepted_date AND a.signed_by IS NOT NULL)");
  /* A rejected delivery was reworked by a new order. */
  expect_none ("SELECT count(*) FROM supplier_order o WHERE o.status = 'reworked'"
               " AND NOT EXISTS (SELECT 1 FROM supplier_order r WHERE r.rework_of_id = o.id)");
  expect_none ("SELECT count(*) FROM acceptance a WHERE a.status = 'signed' AND a.result = 'fail'"
               " AND NOT EXISTS (SELECT 1 FROM acceptance_item i WHERE i.acceptance_id = a.id"
               "  AND i.result = 'fail')");
  expect_none ("SELECT count(*) FROM client WHERE status = 'lost'"
               " AND (lost_on IS NULL OR length (trim (coalesce (lost_reason, ''))) = 0)");
  /* One primary contact per client. */
  expect_none ("SELECT count(*) FROM client c WHERE"
               " (SELECT count(*) FROM contact WHERE client_id = c.id AND is_primary = 1) <> 1");
}

static void
test_locked_records_refuse_change (void)
{
  g_autoptr (GError) error = NULL;
  gint64 quote = count (shared, "SELECT min (id) FROM quote WHERE status = 'accepted'");
  gint64 visit = count (shared, "SELECT min (id) FROM visit WHERE status = 'reviewed'");
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (quote, >, 0);
  g_assert_cmpint (visit, >, 0);
  g_assert_true (cd_store_begin (shared, &error));
  sqlite3_prepare_v2 (cd_store_get_db (shared), "UPDATE quote SET notes = 'x' WHERE id = ?1", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, quote);
  g_assert_cmpint (sqlite3_step (stmt), !=, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (cd_store_get_db (shared), "UPDATE visit SET topic = 'x' WHERE id = ?1", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, visit);
  g_assert_cmpint (sqlite3_step (stmt), !=, SQLITE_DONE);
  sqlite3_finalize (stmt);
  cd_store_rollback (shared);
}

static void
check_numbers (const char *sql, const char *pattern)
{
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (cd_store_get_db (shared), sql, -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_regex_match (regex, number, 0, NULL))
        g_test_message ("%s does not match %s", number, pattern);
      g_assert_true (g_regex_match (regex, number, 0, NULL));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);
}

static void
test_numbers_are_unique_and_follow_their_patterns (void)
{
  check_numbers ("SELECT number FROM project", "^XM20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{4}$");
  check_numbers ("SELECT number FROM quote", "^QT20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{4}$");
  check_numbers ("SELECT number FROM contract", "^HT20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{4}$");
  check_numbers ("SELECT number FROM work_order", "^GD20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{5}$");
  check_numbers ("SELECT number FROM supplier_order", "^CG20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{5}$");
  check_numbers ("SELECT number FROM acceptance", "^YS20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{5}$");
  check_numbers ("SELECT number FROM pickup_slip", "^TH20[0-9]{2}(0[1-9]|1[0-2])-[0-9]{4}$");
  expect_none ("SELECT count(*) - count(DISTINCT number) FROM project");
  expect_none ("SELECT count(*) - count(DISTINCT number || '/' || version) FROM quote");
  expect_none ("SELECT count(*) - count(DISTINCT number) FROM work_order");
  /* A quote number belongs to one project. */
  expect_none ("SELECT count(*) FROM (SELECT number FROM quote GROUP BY number"
               " HAVING count(DISTINCT project_id) > 1)");
  /* The number's month is the document's own. */
  expect_none ("SELECT count(*) FROM work_order WHERE substr (number, 3, 4) || '-' ||"
               " substr (number, 7, 2) <> substr (issued_date, 1, 7)");
  expect_none ("SELECT count(*) FROM project WHERE substr (number, 3, 4) || '-' ||"
               " substr (number, 7, 2) <> substr (start_date, 1, 7)");
  /* doc_sequence holds the last number of every kind and month. */
  g_assert_cmpint (count (shared,
    "WITH n (kind, number) AS (SELECT 'project', number FROM project UNION ALL SELECT 'quote', number FROM quote"
    " UNION ALL SELECT 'contract', number FROM contract UNION ALL SELECT 'work_order', number FROM work_order"
    " UNION ALL SELECT 'supplier_order', number FROM supplier_order UNION ALL SELECT 'acceptance', number FROM acceptance"
    " UNION ALL SELECT 'pickup_slip', number FROM pickup_slip)"
    " SELECT count(*) FROM (SELECT kind, substr (number, 3, 4) || '-' || substr (number, 7, 2) AS period,"
    "  max (CAST (substr (number, 10) AS INTEGER)) AS last FROM n GROUP BY 1, 2) m"
    " WHERE NOT EXISTS (SELECT 1 FROM doc_sequence d WHERE d.kind = m.kind AND d.period = m.period"
    "  AND d.last_seq = m.last)"), ==, 0);
}

static void
test_next_number_follows_the_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  GDate today = fixed_today ();
  sqlite3_stmt *stmt = NULL;

  g_assert_true (cd_store_begin (shared, &error));
  number = cd_store_next_number (shared, "work_order", &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (number);
  sqlite3_prepare_v2 (cd_store_get_db (shared), "SELECT count(*) FROM work_order WHERE number = ?1", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_true (g_str_has_prefix (number, "GD202611-"));
  cd_store_rollback (shared);
}

static void
test_credit_codes_are_valid_and_unique (void)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (cd_store_get_db (shared),
                      "SELECT credit_code FROM client UNION ALL SELECT credit_code FROM supplier"
                      " UNION ALL SELECT value FROM setting WHERE key = 'company.tax_id'",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (cd_credit_code_validate ((const char *) sqlite3_column_text (stmt, 0), &error));
      g_assert_no_error (error);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, count (shared, "SELECT (SELECT count(*) FROM client) + (SELECT count(*) FROM supplier) + 1"));
  g_assert_cmpint (count (shared, "SELECT count(*) FROM (SELECT credit_code FROM client UNION SELECT credit_code FROM supplier)"),
                   ==, n - 1);
  expect_none ("SELECT count(*) - count(DISTINCT name) FROM client");
}

static void
test_dates_lie_within_three_years_before_today (void)
{
  static const char *const latest[] = {
    "SELECT max (start_date) FROM project", "SELECT max (sent_date) FROM quote",
    "SELECT max (decided_date) FROM quote", "SELECT max (signed_date) FROM contract",
    "SELECT max (issued_date) FROM work_order", "SELECT max (done_date) FROM work_order",
    "SELECT max (date) FROM payment", "SELECT max (accepted_date) FROM supplier_order",
    "SELECT max (signed_date) FROM acceptance", "SELECT max (date) FROM visit",
    "SELECT max (date) FROM pickup_slip", "SELECT max (date) FROM supplier_payment",
    "SELECT max (created_on) FROM client", "SELECT max (closed_date) FROM feedback",
  };

  for (guint i = 0; i < G_N_ELEMENTS (latest); i++)
    {
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (cd_store_get_db (shared), latest[i], -1, &stmt, NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), <=, "2026-11-25");
      sqlite3_finalize (stmt);
    }
  expect_none ("SELECT count(*) FROM project WHERE start_date < '2023-11-25'");
  expect_none ("SELECT count(*) FROM work_order WHERE done_date < issued_date");
  expect_none ("SELECT count(*) FROM payment y JOIN installment i ON i.id = y.installment_id"
               " JOIN contract k ON k.id = i.contract_id WHERE y.date < k.signed_date");
  expect_none ("SELECT count(*) FROM visit v JOIN client c ON c.id = v.client_id"
               " WHERE v.date < c.created_on");
  /* The campaign: last month, one supplier order line after another accepted. */
  g_assert_cmpint (count (shared, "SELECT count(*) FROM supplier_order_line l JOIN supplier_order o ON o.id = l.order_id"
                                  " WHERE o.status = 'accepted' AND o.accepted_date BETWEEN '2026-10-01' AND '2026-10-31'"),
                   >=, 400);
}

static void
test_the_file_is_sound (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (cd_store_get_db (shared), "PRAGMA integrity_check", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  expect_none ("SELECT count(*) FROM pragma_foreign_key_check");
  g_assert_true (cd_store_check (shared, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len && i < 10; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_true (problems == NULL || problems->len == 0);
  /* One audit entry stands for the generation; the triggers are back on. */
  g_assert_cmpint (count (shared, "SELECT count(*) FROM audit_log WHERE table_name = 'demo' AND action = 'bulk'"), ==, 1);
  expect_none ("SELECT count(*) FROM audit_log WHERE action <> 'bulk'");
  expect_none ("SELECT suspended FROM audit_control");
}

static void
test_the_same_seed_gives_the_same_agency (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cd-demo-XXXXXX", NULL);
  g_autoptr (CdStore) again = new_demo (dir, "again.db", SEED);
  g_autoptr (CdStore) other = new_demo (dir, "other.db", SEED + 1);
  g_autofree char *a = digest (shared);
  g_autofree char *b = digest (again);
  g_autofree char *c = digest (other);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_clear_object (&again);
  g_clear_object (&other);
  remove_dir (dir);
}

static void
test_a_database_with_data_is_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = digest (shared);
  g_autofree char *after = NULL;
  GDate today = fixed_today ();

  g_assert_false (cd_demo_generate (shared, CD_DEMO_SMALL, SEED, &today, NULL, NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_EMPTY);
  after = digest (shared);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (shared, "SELECT count(*) FROM audit_log WHERE table_name = 'demo'"), ==, 1);
}

static gboolean
list_has_id (GVariant *rows, gint64 id)
{
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      gint64 row_id = 0;

      if (g_variant_lookup (row, "id", "x", &row_id) && row_id == id)
        return TRUE;
    }
  return FALSE;
}

static void
test_client_search_finds_chinese_substrings (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autoptr (GVariant) rows = NULL;
  gint64 id;

  sqlite3_prepare_v2 (cd_store_get_db (shared), "SELECT id, name, short_name FROM client WHERE id = 137",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  /* The two characters of the brand, from the middle of the name (after
   * the city), and three characters further on. */
  two = g_utf8_substring ((const char *) sqlite3_column_text (stmt, 2), 0, 2);
  sqlite3_finalize (stmt);
  three = g_utf8_substring (name, 3, 6);
  g_assert_nonnull (strstr (name, two));
  g_test_message ("%s: “%s”, “%s”", name, two, three);

  rows = cd_store_list (shared, CD_KIND_CLIENTS, NULL, two, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (list_has_id (rows, id));
  g_assert_cmpuint (g_variant_n_children (rows), <, 200);
  g_clear_pointer (&rows, g_variant_unref);
  rows = cd_store_list (shared, CD_KIND_CLIENTS, NULL, three, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (list_has_id (rows, id));
  g_clear_pointer (&rows, g_variant_unref);
  rows = cd_store_list (shared, CD_KIND_SUPPLIERS, NULL, "印刷", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rows), >, 0);
}

static void
cancel_midway (double fraction, const char *stage, gpointer data)
{
  g_assert_nonnull (stage);
  if (fraction > 0.3)
    g_cancellable_cancel (data);
}

static void
test_cancelling_leaves_the_database_empty (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cd-demo-XXXXXX", NULL);
  g_autoptr (CdStore) store = open_store (dir, "cancel.db");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  GDate today = fixed_today ();

  g_assert_false (cd_demo_generate (store, CD_DEMO_SMALL, SEED, &today, cancel_midway, cancellable,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (cd_store_is_empty (store));
  g_assert_cmpint (count (store, "SELECT count(*) FROM work_order"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log"), ==, 0);
  g_assert_cmpint (count (store, "SELECT suspended FROM audit_control"), ==, 0);
  /* Indexes dropped for the bulk insert came back with the rollback. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'work_order_issued'"), ==, 1);
  g_clear_object (&store);
  remove_dir (dir);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   done;
  GError    *error;
  gint       calls;      /* from the worker thread */
  gint       finished;   /* 1 once a fraction of 1.0 was reported */
} AsyncRun;

static void
count_progress (double fraction, const char *stage, gpointer data)
{
  AsyncRun *run = data;

  g_atomic_int_inc (&run->calls);
  if (fraction >= 1.0)
    g_atomic_int_set (&run->finished, 1);
}

static void
on_generated (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncRun *run = data;

  run->done = cd_demo_generate_finish (CD_STORE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async_generation_reports_progress (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cd-demo-XXXXXX", NULL);
  g_autoptr (CdStore) store = open_store (dir, "async.db");
  AsyncRun run = { g_main_loop_new (NULL, FALSE), FALSE, NULL, 0, 0 };

  cd_demo_generate_async (store, CD_DEMO_SMALL, 7, count_progress, &run, NULL, on_generated, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_true (run.done);
  g_assert_cmpint (g_atomic_int_get (&run.calls), >, 10);
  g_assert_cmpint (g_atomic_int_get (&run.finished), ==, 1);
  g_assert_false (cd_store_is_empty (store));
  g_assert_cmpint (count (store, "SELECT count(*) FROM client"), ==, 200);
  g_main_loop_unref (run.loop);
  g_clear_object (&store);
  remove_dir (dir);
}

static void
test_scale_names (void)
{
  CdDemoScale scale = CD_DEMO_LARGE;

  g_assert_true (cd_demo_scale_from_string ("small", &scale));
  g_assert_cmpint (scale, ==, CD_DEMO_SMALL);
  g_assert_true (cd_demo_scale_from_string ("large", &scale));
  g_assert_cmpint (scale, ==, CD_DEMO_LARGE);
  g_assert_false (cd_demo_scale_from_string ("huge", &scale));
  g_assert_false (cd_demo_scale_from_string (NULL, &scale));
  g_assert_cmpint (scale, ==, CD_DEMO_LARGE);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  shared_dir = g_dir_make_tmp ("cd-demo-XXXXXX", NULL);
  shared = new_demo (shared_dir, "small.db", SEED);

  g_test_add_func ("/store/demo/every-table-has-rows-in-range", test_every_table_has_rows_in_range);
  g_test_add_func ("/store/demo/quote-totals-are-the-sum-of-their-lines", test_quote_totals_are_the_sum_of_their_lines);
  g_test_add_func ("/store/demo/money-adds-up", test_money_adds_up);
  g_test_add_func ("/store/demo/states-follow-the-machines", test_states_follow_the_machines);
  g_test_add_func ("/store/demo/locked-records-refuse-change", test_locked_records_refuse_change);
  g_test_add_func ("/store/demo/numbers-are-unique-and-follow-their-patterns",
                   test_numbers_are_unique_and_follow_their_patterns);
  g_test_add_func ("/store/demo/next-number-follows-the-demo", test_next_number_follows_the_demo);
  g_test_add_func ("/store/demo/credit-codes-are-valid-and-unique", test_credit_codes_are_valid_and_unique);
  g_test_add_func ("/store/demo/dates-lie-within-three-years-before-today",
                   test_dates_lie_within_three_years_before_today);
  g_test_add_func ("/store/demo/the-file-is-sound", test_the_file_is_sound);
  g_test_add_func ("/store/demo/the-same-seed-gives-the-same-agency", test_the_same_seed_gives_the_same_agency);
  g_test_add_func ("/store/demo/a-database-with-data-is-refused", test_a_database_with_data_is_refused);
  g_test_add_func ("/store/demo/client-search-finds-chinese-substrings", test_client_search_finds_chinese_substrings);
  g_test_add_func ("/store/demo/cancelling-leaves-the-database-empty", test_cancelling_leaves_the_database_empty);
  g_test_add_func ("/store/demo/async-generation-reports-progress", test_async_generation_reports_progress);
  g_test_add_func ("/store/demo/scale-names", test_scale_names);

  status = g_test_run ();
  g_clear_object (&shared);
  remove_dir (shared_dir);
  g_free (shared_dir);
  return status;
}
