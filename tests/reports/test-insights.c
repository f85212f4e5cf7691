/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The numbers behind each chart equal what SQL written independently here
 * (one query per month, status or supplier, or plain C over raw rows) finds
 * in the small demo agency, with and without an account-manager filter.
 * A hand-made fixture pins down the definitions the demo may not reach:
 * reworks are never first-pass, orders without a promise are not judged on
 * time, payments after the "as of" day do not count. */
#include <inttypes.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "reports/cd-insight-chart.h"
#include "store/cd-demo.h"
#include "store/cd-store-insights.h"

#define FROM "2025-07"
#define TO   "2026-06"

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
  sqlite3 *db;       /* a second, raw connection: the test's own SQL */
  GDate    today;
} Fixture;

static void
open_raw (Fixture *f)
{
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
}

static void
demo_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cd-insights-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, 15, G_DATE_JUNE, 2026);
  g_assert_true (cd_demo_generate (f->store, CD_DEMO_SMALL, 7, &f->today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  open_raw (f);
}

static void
empty_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cd-insights-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, 15, G_DATE_JUNE, 2026);
  open_raw (f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  sqlite3_close (f->db);
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

/* One integer from the raw connection; ?1 and ?2 are text, ?3 an id or NULL. */
static gint64
sql_int (Fixture *f, const char *sql, const char *a, const char *b, gint64 am)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (a && sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b && sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (am > 0 && sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, am);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
raw_exec (Fixture *f, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (f->db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_test_message ("%s: %s", sql, message);
  g_assert_null (message);
  sqlite3_free (message);
}

static CdInsightTable *
insight (Fixture *f, CdInsight which, gint64 am)
{
  g_autoptr (GError) error = NULL;
  CdInsightQuery query;
  CdInsightTable *table;

  g_assert_true (cd_insight_query_init (&query, FROM, TO, &error));
  query.am_id = am;
  query.today = f->today;
  table = cd_store_insight (f->store, which, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The account manager with most projects: the filter must change figures. */
static gint64
busiest_am (Fixture *f)
{
  return sql_int (f, "SELECT am_id FROM project WHERE am_id IS NOT NULL"
                     " GROUP BY am_id ORDER BY count (*) DESC, am_id LIMIT 1", NULL, NULL, 0);
}

static gint64
column_total (const CdInsightTable *table, guint column)
{
  gint64 total = 0;

  for (guint r = 0; r < table->n_rows; r++)
    total += table->columns[column].values[r];
  return total;
}

/* Each month's figure by a query for that month alone. */
static void
check_months (Fixture *f, const CdInsightTable *table, guint column, const char *sql, gint64 am)
{
  g_assert_cmpuint (table->n_rows, ==, 12);
  for (guint r = 0; r < table->n_rows; r++)
    {
      gint64 expected = sql_int (f, sql, table->row_keys[r], NULL, am);

      if (expected != table->columns[column].values[r])
        g_test_message ("%s, %s: %" PRId64 " ≠ %" PRId64, table->title,
                        table->row_keys[r], table->columns[column].values[r], expected);
      g_assert_cmpint (table->columns[column].values[r], ==, expected);
    }
}

#define AM(col) " AND (?3 IS NULL OR " col " = ?3)"

static void
test_revenue (Fixture *f, gconstpointer data)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 am = pass ? busiest_am (f) : 0;
      g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_REVENUE, am);

      g_assert_cmpstr (table->row_keys[0], ==, "2025-07");
      g_assert_cmpstr (table->row_keys[11], ==, "2026-06");
      check_months (f, table, 0,
                    "SELECT coalesce (sum (k.amount_fen), 0) FROM contract k, project p"
                    " WHERE p.id = k.project_id AND k.status != 'draft'"
                    " AND strftime ('%Y-%m', k.signed_date) = ?1" AM ("p.am_id"), am);
      check_months (f, table, 1,
                    "SELECT coalesce (sum (y.amount_fen), 0) FROM payment y"
                    " WHERE strftime ('%Y-%m', y.date) = ?1 AND y.installment_id IN"
                    " (SELECT i.id FROM installment i, contract k, project p"
                    "  WHERE k.id = i.contract_id AND p.id = k.project_id" AM ("p.am_id") ")", am);
      g_assert_cmpint (column_total (table, 0), >, 0);
      g_assert_cmpint (column_total (table, 1), >, 0);
    }
}

static void
test_pipeline (Fixture *f, gconstpointer data)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 am = pass ? busiest_am (f) : 0;
      g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_PIPELINE, am);

      check_months (f, table, 0,
                    "SELECT count (DISTINCT q.number) FROM quote q, project p"
                    " WHERE p.id = q.project_id" AM ("p.am_id") " AND strftime ('%Y-%m',"
                    " (SELECT min (v.sent_date) FROM quote v WHERE v.number = q.number)) = ?1", am);
      check_months (f, table, 1,
                    "SELECT count (DISTINCT q.number) FROM quote q, project p"
                    " WHERE p.id = q.project_id" AM ("p.am_id") " AND q.status = 'accepted'"
                    " AND strftime ('%Y-%m',"
                    " (SELECT min (v.sent_date) FROM quote v WHERE v.number = q.number)) = ?1", am);
      for (guint r = 0; r < table->n_rows; r++)
        {
          gint64 sent = table->columns[0].values[r], won = table->columns[1].values[r];
          gint64 rate = sent ? (gint64) (won * 10000.0 / sent + 0.5) : 0;

          g_assert_cmpint (table->columns[2].values[r], ==, rate);
          g_assert_cmpint (won, <=, sent);
        }
      g_assert_true (table->columns[2].detail);
      g_assert_cmpint (column_total (table, 0), >, 0);
    }
}

static void
test_projects_by_status (Fixture *f, gconstpointer data)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 am = pass ? busiest_am (f) : 0;
      g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_PROJECTS_BY_STATUS, am);
      gint64 all = sql_int (f, "SELECT count (*) FROM project p WHERE p.start_date"
                               " BETWEEN '2025-07-01' AND '2026-06-30'" AM ("p.am_id"),
                            NULL, NULL, am);

      g_assert_cmpuint (table->n_rows, ==, 7);
      for (guint r = 0; r < table->n_rows; r++)
        g_assert_cmpint (table->columns[0].values[r], ==,
                         sql_int (f, "SELECT count (*) FROM project p WHERE p.status = ?1"
                                     " AND p.start_date BETWEEN '2025-07-01' AND '2026-06-30'"
                                     AM ("p.am_id"), table->row_keys[r], NULL, am));
      /* Every project of the period is in one of the bars. */
      g_assert_cmpint (column_total (table, 0), ==, all);
      g_assert_cmpint (all, >, 0);
    }
}

static void
test_supplier_spend (Fixture *f, gconstpointer data)
{
  g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_SUPPLIER_SPEND, 0);

  for (guint r = 0; r < table->n_rows; r++)
    {
      g_assert_cmpint (table->columns[0].values[r], ==,
                       sql_int (f, "SELECT coalesce (sum (l.amount_fen), 0)"
                                   " FROM supplier_order_line l, supplier_order o, supplier s"
                                   " WHERE o.id = l.order_id AND s.id = o.supplier_id"
                                   " AND s.category = ?1 AND o.status = 'accepted'"
                                   " AND o.accepted_date BETWEEN '2025-07-01' AND '2026-06-30'",
                                table->row_keys[r], NULL, 0));
      g_assert_cmpint (table->columns[1].values[r], ==,
                       sql_int (f, "SELECT count (*) FROM supplier_order o, supplier s"
                                   " WHERE s.id = o.supplier_id AND s.category = ?1"
                                   " AND o.status = 'accepted' AND EXISTS (SELECT 1 FROM"
                                   " supplier_order_line l WHERE l.order_id = o.id)"
                                   " AND o.accepted_date BETWEEN '2025-07-01' AND '2026-06-30'",
                                table->row_keys[r], NULL, 0));
    }
  g_assert_cmpint (column_total (table, 0), >, 0);
}

static gint64
percent_bp (gint64 part, gint64 whole)
{
  return whole ? (gint64) (part * 10000.0 / whole + 0.5) : 0;
}

static void
test_supplier_quality (Fixture *f, gconstpointer data)
{
  g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_SUPPLIER_QUALITY, 0);
  const char *period = " AND o.delivered_date BETWEEN '2025-07-01' AND '2026-06-30'";
  gint64 last = G_MAXINT64;

  g_assert_cmpuint (table->n_rows, >, 0);
  g_assert_cmpuint (table->n_rows, <=, 10);
  for (guint r = 0; r < table->n_rows; r++)
    {
      const char *id = table->row_keys[r];
      g_autofree char *q_all = g_strconcat ("SELECT count (*) FROM supplier_order o"
                                            " WHERE o.supplier_id = ?1", period, NULL);
      g_autofree char *q_promised = g_strconcat (q_all, " AND o.promised_date IS NOT NULL", NULL);
      g_autofree char *q_on_time = g_strconcat (q_promised, " AND NOT o.delivered_date > o.promised_date",
                                                NULL);
      g_autofree char *q_decided = g_strconcat (q_all, " AND o.rework_of_id IS NULL"
                                                " AND o.status IN ('accepted', 'rejected', 'reworked')",
                                                NULL);
      g_autofree char *q_first = g_strconcat (q_all, " AND o.rework_of_id IS NULL"
                                              " AND o.status = 'accepted'", NULL);
      gint64 deliveries = sql_int (f, q_all, id, NULL, 0);

      g_assert_cmpint (table->columns[2].values[r], ==, deliveries);
      g_assert_cmpint (table->columns[0].values[r], ==,
                       percent_bp (sql_int (f, q_on_time, id, NULL, 0), sql_int (f, q_promised, id, NULL, 0)));
      g_assert_cmpint (table->columns[1].values[r], ==,
                       percent_bp (sql_int (f, q_first, id, NULL, 0), sql_int (f, q_decided, id, NULL, 0)));
      g_assert_cmpint (deliveries, <=, last);
      last = deliveries;
    }
  /* The top ten: nobody left out delivered more than the last one shown. */
  if (table->n_rows == 10)
    g_assert_cmpint (sql_int (f, "SELECT count (*) FROM supplier_order o"
                                 " WHERE o.delivered_date BETWEEN '2025-07-01' AND '2026-06-30'"
                                 " GROUP BY o.supplier_id ORDER BY 1 DESC LIMIT 1 OFFSET 10",
                              NULL, NULL, 0), <=, last);
}

static void
test_workload (Fixture *f, gconstpointer data)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 am = pass ? busiest_am (f) : 0;
      g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_WORKLOAD, am);
      static const char *const states[] = { "issued", "in_progress", "in_review" };
      gint64 open = sql_int (f, "SELECT count (*) FROM work_order w, project p"
                                " WHERE p.id = w.project_id AND w.issued_date <= '2026-06-30'"
                                " AND w.status NOT IN ('done', 'cancelled')" AM ("p.am_id"),
                             NULL, NULL, am);

      for (guint r = 0; r < table->n_rows; r++)
        for (guint c = 0; c < 3; c++)
          g_assert_cmpint (table->columns[c].values[r], ==,
                           sql_int (f, "SELECT count (*) FROM work_order w, project p"
                                       " WHERE p.id = w.project_id AND coalesce (CAST (w.assignee_id AS TEXT), '') = ?1"
                                       " AND w.status = ?2 AND w.issued_date <= '2026-06-30'"
                                       AM ("p.am_id"), table->row_keys[r], states[c], am));
      g_assert_cmpint (column_total (table, 3), ==, open);
      if (pass == 0)
        g_assert_cmpint (open, >, 0);
    }
}

static void
test_client_growth (Fixture *f, gconstpointer data)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 am = pass ? busiest_am (f) : 0;
      g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_CLIENT_GROWTH, am);

      check_months (f, table, 0, "SELECT count (*) FROM client c WHERE strftime ('%Y-%m', c.created_on) = ?1"
                                 AM ("c.owner_id"), am);
      check_months (f, table, 1, "SELECT count (*) FROM client c WHERE strftime ('%Y-%m', c.lost_on) = ?1"
                                 AM ("c.owner_id"), am);
      for (guint r = 0; r < table->n_rows; r++)
        g_assert_cmpint (table->columns[2].values[r], ==,
                         table->columns[0].values[r] - table->columns[1].values[r]);
      if (pass == 0)
        g_assert_cmpint (column_total (table, 0), >, 0);
    }
}

/* Receivables in plain C over raw rows: unpaid part of each installment of
 * a signed contract, aged in days from its due date to "as of". */
static void
expected_aging (Fixture *f, const char *as_of, gint64 am, gint64 out_fen[4], gint64 out_n[4])
{
  sqlite3_stmt *stmt = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, as_of);
  memset (out_fen, 0, 4 * sizeof (gint64));
  memset (out_n, 0, 4 * sizeof (gint64));
  g_assert_cmpint (sqlite3_prepare_v2 (f->db,
                   "SELECT i.id, i.due_date, i.amount_fen, k.status, k.signed_date, p.am_id"
                   " FROM installment i JOIN contract k ON k.id = i.contract_id"
                   " JOIN project p ON p.id = k.project_id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      const char *due_text = (const char *) sqlite3_column_text (stmt, 1);
      const char *signed_text = (const char *) sqlite3_column_text (stmt, 4);
      g_autofree char *paid_sql = NULL;
      gint64 paid, open;
      GDate due;
      int age, bucket;

      if (g_strcmp0 (status, "signed") && g_strcmp0 (status, "executing")
          && g_strcmp0 (status, "completed"))
        continue;
      if (am > 0 && sqlite3_column_int64 (stmt, 5) != am)
        continue;
      if (signed_text == NULL || strcmp (signed_text, as_of) > 0 || strcmp (due_text, as_of) > 0)
        continue;
      paid_sql = g_strdup_printf ("SELECT coalesce (sum (amount_fen), 0) FROM payment"
                                  " WHERE installment_id = %" PRId64 " AND date <= ?1",
                                  (gint64) sqlite3_column_int64 (stmt, 0));
      paid = sql_int (f, paid_sql, as_of, NULL, 0);
      open = sqlite3_column_int64 (stmt, 2) - paid;
      if (open <= 0)
        continue;
      g_date_clear (&due, 1);
      g_date_set_parse (&due, due_text);
      age = g_date_days_between (&due, &day);
      bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
      out_fen[bucket] += open;
      out_n[bucket]++;
    }
  sqlite3_finalize (stmt);
}

static void
test_receivables (Fixture *f, gconstpointer data)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 am = pass ? busiest_am (f) : 0;
      g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_RECEIVABLES_AGING, am);
      gint64 fen[4], n[4];

      /* The period ends after today: aged as of today. */
      g_assert_cmpstr (table->as_of, ==, "2026-06-15");
      expected_aging (f, table->as_of, am, fen, n);
      g_assert_cmpuint (table->n_rows, ==, 4);
      for (guint r = 0; r < 4; r++)
        {
          g_assert_cmpint (table->columns[0].values[r], ==, fen[r]);
          g_assert_cmpint (table->columns[1].values[r], ==, n[r]);
        }
      if (pass == 0)
        g_assert_cmpint (column_total (table, 0), >, 0);
    }
}

static void
test_bad_queries (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdInsightQuery query;
  CdInsight which;

  g_assert_false (cd_insight_query_init (&query, "2025-13", "2026-01", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_insight_query_init (&query, "2026-02", "2026-01", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_insight_query_init (&query, "2000-01", "2026-01", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_insight_query_init (&query, "2025-1", "2026-01", &error));
  g_clear_error (&error);

  /* An account manager who does not exist is refused, not ignored. */
  g_assert_true (cd_insight_query_init (&query, "2026-01", "2026-01", &error));
  query.am_id = 999999;
  g_assert_null (cd_store_insight (f->store, CD_INSIGHT_REVENUE, &query, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);

  for (guint i = 0; i < CD_N_INSIGHTS; i++)
    {
      g_assert_true (cd_insight_from_string (cd_insight_to_string (i), &which));
      g_assert_cmpint (which, ==, i);
    }
  g_assert_false (cd_insight_from_string ("revenues", &which));
}

/* Hand-made rows for the definitions: first pass, on time, as of. */
static void
test_definitions (Fixture *f, gconstpointer data)
{
  raw_exec (f,
    "INSERT INTO staff (id, name, role) VALUES (1, '王芳', 'account_manager'), (2, '李明', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id, created_on) VALUES (1, '甲公司', 'active', 1, '2026-01-05');"
    "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
    "  VALUES (1, 'P1', 1, 'A', 'in_production', 1, '2026-01-05'), (2, 'P2', 1, 'B', 'brief', 2, '2026-02-01');"
    "INSERT INTO supplier (id, name, category) VALUES (1, '印刷厂', 'print');"
    /* Promised and kept, promised and late, no promise; one rejected and reworked. */
    "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, promised_date,"
    "  delivered_date, accepted_date, rework_of_id) VALUES"
    "  (1, 'SO1', 1, 1, 'accepted', '2026-01-02', '2026-01-10', '2026-01-10', '2026-01-11', NULL),"
    "  (2, 'SO2', 1, 1, 'reworked', '2026-01-02', '2026-01-10', '2026-01-12', NULL, NULL),"
    "  (3, 'SO3', 1, 1, 'accepted', '2026-01-13', NULL, '2026-01-20', '2026-01-21', 2),"
    "  (4, 'SO4', 2, 1, 'accepted', '2026-02-01', NULL, '2026-02-03', '2026-02-04', NULL);"
    "INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit_price_fen, amount_fen, tax_fen)"
    "  VALUES (1, 1, '海报', 1000, 10000, 10000, 1300), (3, 1, '海报', 1000, 20000, 20000, 2600),"
    "         (4, 1, '展架', 2000, 5000, 10000, 1300);"
    /* A contract of 1000 yuan in two installments, half paid before as-of, half after. */
    "INSERT INTO contract (id, number, project_id, client_id, subject, amount_fen)"
    "  VALUES (1, 'C1', 1, 1, '年度合同', 100000);"
    "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
    "  VALUES (1, 1, '首款', '2026-01-10', 50000), (1, 2, '尾款', '2026-04-01', 50000);"
    "UPDATE contract SET status = 'signed', signed_date = '2026-01-06' WHERE id = 1;"
    "INSERT INTO payment (installment_id, date, amount_fen) VALUES (1, '2026-02-20', 20000),"
    "  (1, '2026-05-01', 30000);");

  {
    CdInsightQuery query;
    g_autoptr (CdInsightTable) quality = NULL, spend = NULL, aging = NULL, filtered = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_true (cd_insight_query_init (&query, "2026-01", "2026-03", &error));
    query.today = f->today;
    quality = cd_store_insight (f->store, CD_INSIGHT_SUPPLIER_QUALITY, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (quality->n_rows, ==, 1);
    g_assert_cmpstr (quality->row_labels[0], ==, "印刷厂");
    /* On time: SO1 kept its promise, SO2 did not; SO3, SO4 promised nothing. */
    g_assert_cmpint (quality->columns[0].values[0], ==, 5000);
    /* First pass: SO1 and SO4 of the originals SO1, SO2, SO4; SO3 is a rework. */
    g_assert_cmpint (quality->columns[1].values[0], ==, 6667);
    g_assert_cmpint (quality->columns[2].values[0], ==, 4);

    spend = cd_store_insight (f->store, CD_INSIGHT_SUPPLIER_SPEND, &query, &error);
    g_assert_cmpstr (spend->row_keys[0], ==, "print");
    g_assert_cmpint (spend->columns[0].values[0], ==, 40000);
    g_assert_cmpint (spend->columns[1].values[0], ==, 3);

    /* As of the end of March: 300 yuan of the first installment is
     * unpaid (the May payment is later), 80 days past due; the second
     * installment is not due yet. */
    aging = cd_store_insight (f->store, CD_INSIGHT_RECEIVABLES_AGING, &query, &error);
    g_assert_cmpstr (aging->as_of, ==, "2026-03-31");
    g_assert_cmpint (aging->columns[0].values[0], ==, 0);
    g_assert_cmpint (aging->columns[0].values[2], ==, 30000);
    g_assert_cmpint (aging->columns[1].values[2], ==, 1);
    g_assert_cmpint (column_total (aging, 0), ==, 30000);

    /* The other account manager sees only SO4. */
    query.am_id = 2;
    filtered = cd_store_insight (f->store, CD_INSIGHT_SUPPLIER_QUALITY, &query, &error);
    g_assert_cmpint (filtered->columns[2].values[0], ==, 1);
    g_assert_cmpint (filtered->columns[1].values[0], ==, 10000);
    g_assert_cmpstr (filtered->filter_label, ==, "李明");
  }
}

/* The chart carries the table: categories, drawn series, table-only ones. */
static void
test_chart_of_table (Fixture *f, gconstpointer data)
{
  g_autoptr (CdInsightTable) table = insight (f, CD_INSIGHT_PIPELINE, 0);
  g_autoptr (CdChart) chart = cd_insight_chart_new (table);

  g_assert_cmpint (cd_chart_get_kind (chart), ==, CD_CHART_BAR);
  g_assert_cmpuint (cd_chart_get_n_categories (chart), ==, table->n_rows);
  g_assert_cmpuint (cd_chart_get_n_series (chart), ==, 3);
  g_assert_cmpuint (cd_chart_get_n_drawn_series (chart), ==, 2);
  g_assert_true (cd_chart_get_series_table_only (chart, 2));
  g_assert_cmpint (cd_chart_get_series_unit (chart, 2), ==, CD_CHART_UNIT_BP);
  g_assert_cmpstr (cd_chart_get_subtitle (chart), ==, "2025-07 – 2026-06");
  for (guint r = 0; r < table->n_rows; r++)
    g_assert_cmpint (cd_chart_get_value (chart, 1, r), ==, table->columns[1].values[r]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define DEMO(path, func) g_test_add (path, Fixture, NULL, demo_setup, func, fixture_teardown)
#define EMPTY(path, func) g_test_add (path, Fixture, NULL, empty_setup, func, fixture_teardown)
  DEMO ("/reports/insights/revenue-equals-sql-on-the-demo", test_revenue);
  DEMO ("/reports/insights/pipeline-equals-sql-on-the-demo", test_pipeline);
  DEMO ("/reports/insights/projects-by-status-equals-sql-on-the-demo", test_projects_by_status);
  DEMO ("/reports/insights/supplier-spend-equals-sql-on-the-demo", test_supplier_spend);
  DEMO ("/reports/insights/supplier-quality-equals-sql-on-the-demo", test_supplier_quality);
  DEMO ("/reports/insights/workload-equals-sql-on-the-demo", test_workload);
  DEMO ("/reports/insights/client-growth-equals-sql-on-the-demo", test_client_growth);
  DEMO ("/reports/insights/receivables-aging-equals-c-over-raw-rows", test_receivables);
  DEMO ("/reports/insights/chart-carries-the-table", test_chart_of_table);
  EMPTY ("/reports/insights/bad-periods-and-unknown-managers-are-refused", test_bad_queries);
  EMPTY ("/reports/insights/reworks-are-never-first-pass-and-late-payments-wait", test_definitions);
  return g_test_run ();
}
