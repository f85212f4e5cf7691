/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A signed amendment that reduces a contract comes off what is still owed
 * wherever the window shows it — the Finance receivables, the aging chart,
 * Today's installments, the client file's receivables and its projects'
 * contracted amounts — and counts negative in "contracted" revenue, while
 * an increase counts positive.
 *
 * The contract: 10,600.00 in two installments of 5,300.00 (首付款 due
 * 2026-01-10, 尾款 due 2026-03-01), 2,000.00 paid on the first. A first
 * reduction of 3,000.00 signed 2026-02-02 leaves 尾款 2,300.00 and 首付款
 * 3,300.00; a second of 3,000.00 signed 2026-03-10 takes the remaining
 * 2,300.00 off 尾款 and 700.00 off 首付款, leaving 2,600.00 in all. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include <string.h>
#include <glib/gstdio.h>

#include "store/cd-store-client-file.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-insights.h"
#include "store/cd-store-overview.h"
#include "store/cd-store-pages.h"
#include "store/cd-store-projects.h"
#include "store/cd-store-private.h"
#include "store/cd-store-quotes.h"
#include "store/cd-store-today.h"

typedef struct
{
  char    *dir;
  CdStore *store;
  gint64   contract_id;
} Fixture;

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-reductions-XXXXXX", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, start_date, am_id)"
    "  VALUES (1, 'XM202601-0001', 1, '春季新品发布会', 'brief', '2026-01-02', 1);"
    "INSERT INTO brief (project_id, background, objectives, audience, deliverables, channels,"
    "  budget_min_fen, budget_max_fen, launch_date, mandatory, approvals) VALUES (1, '新品上市',"
    "  '提升知名度', '白领', '海报', '微信', 1000000, 2000000, '2026-04-15', '品牌标志', '市场总监');",
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
  g_free (f->dir);
}

/* A contract of 10,600.00 signed 2026-01-05 in two halves. */
static gint64
signed_contract (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
  CdQuoteLine *line = cd_quote_line_new ();
  const CdInstallmentShare halves[] = {
    { "首付款", "2026-01-10", 5000 }, { "尾款", "2026-03-01", 5000 },
  };
  gint64 quote, id;

  line->item = g_strdup ("主视觉设计");
  line->unit = g_strdup ("项");
  line->qty_milli = 1000;
  line->unit_price_fen = 1000000;
  line->tax_rate_bp = 600;
  g_ptr_array_add (lines, line);
  quote = cd_store_quote_create (f->store, 1, "2026-01-02", &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_quote_set_lines (f->store, quote, lines, &error));
  g_assert_true (cd_store_quote_send (f->store, quote, "2026-01-03", &error));
  g_assert_true (cd_store_quote_accept (f->store, quote, "2026-01-04", &error));
  id = cd_store_contract_create_from_quote (f->store, quote, "2026-01-05", &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_contract_split_installments (f->store, id, halves, 2, &error));
  g_assert_true (cd_store_contract_sign (f->store, id, "2026-01-05", &error));
  g_assert_no_error (error);
  return id;
}

static gint64
signed_amendment (Fixture *f, gint64 delta_fen, const char *signed_on)
{
  g_autoptr (GError) error = NULL;
  gint64 a = cd_store_contract_amend (f->store, f->contract_id, "调整", delta_fen, signed_on, &error);

  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_true (cd_store_contract_sign (f->store, a, signed_on, &error));
  g_assert_no_error (error);
  return a;
}

/* The reduction scenario of the header comment. */
static void
reduced_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdContract) k = NULL;

  fixture_setup (f, data);
  f->contract_id = signed_contract (f);
  k = cd_store_contract_get (f->store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_payment_add (f->store, ((CdInstallment *) k->installments->pdata[0])->id,
                                         "2026-01-10", 200000, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  signed_amendment (f, -300000, "2026-02-02");
  signed_amendment (f, -300000, "2026-03-10");
  /* A draft reduction takes nothing off anywhere. */
  g_assert_cmpint (cd_store_contract_amend (f->store, f->contract_id, "草稿", -100000, "2026-03-11",
                                            &error), >, 0);
  g_assert_no_error (error);
}

/* Rows of aa{sv} as "label=fen" joined by ", ", in their order, where
 * @label_key names the installment and @fen_key its amount. */
static char *
rows_text (GVariant *rows, const char *label_key, const char *fen_key)
{
  GString *out = g_string_new (NULL);
  GVariantIter iter;
  GVariant *row;

  g_assert_nonnull (rows);
  if (rows == NULL)
    return g_string_free (out, FALSE);
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)))
    {
      const char *label = NULL;
      gint64 fen = G_MININT64;

      g_variant_lookup (row, label_key, "&s", &label);
      g_variant_lookup (row, fen_key, "x", &fen);
      g_string_append_printf (out, "%s%s=%" PRId64, out->len ? ", " : "", label, fen);
      g_variant_unref (row);
    }
  return g_string_free (out, FALSE);
}

static char *
finance_receivables (Fixture *f, GDate today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_overview (f->store, CD_OVERVIEW_RECEIVABLES, &today, 0, &error);

  g_assert_no_error (error);
  return rows_text (rows, "label", "outstanding_fen");
}

static void
test_finance_receivables (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *between = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GVariant) rows = NULL;
  GDate today = day (2026, 3, 15);
  GVariant *row;
  gint64 fen = 0;

  /* Before the first reduction is signed: only the payment counts. */
  before = finance_receivables (f, day (2026, 2, 1));
  g_assert_cmpstr (before, ==, "首付款=330000, 尾款=530000");
  between = finance_receivables (f, day (2026, 3, 5));
  g_assert_cmpstr (between, ==, "首付款=330000, 尾款=230000");
  /* The second reduction empties 尾款, which leaves the list. */
  after = finance_receivables (f, today);
  g_assert_cmpstr (after, ==, "首付款=260000");

  /* The columns beside it say why: paid 2,000.00, 700.00 taken off. */
  rows = cd_store_overview (f->store, CD_OVERVIEW_RECEIVABLES, &today, 0, NULL);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 1);
  row = g_variant_get_child_value (rows, 0);
  g_assert_true (g_variant_lookup (row, "received_fen", "x", &fen));
  g_assert_cmpint (fen, ==, 200000);
  g_assert_true (g_variant_lookup (row, "reduced_fen", "x", &fen));
  g_assert_cmpint (fen, ==, 70000);
  g_assert_true (g_variant_lookup (row, "amount_fen", "x", &fen));
  g_assert_cmpint (fen, ==, 530000);
  g_variant_unref (row);
}

/* The aging chart's "Unpaid" and "Installments" columns as
 * "bucket:fen/count" for the four buckets. */
static char *
aging (Fixture *f, GDate today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdInsightTable) table = NULL;
  CdInsightQuery query;
  GString *out = g_string_new (NULL);

  g_assert_true (cd_insight_query_init (&query, "2026-01", "2026-03", &error));
  query.today = today;
  table = cd_store_insight (f->store, CD_INSIGHT_RECEIVABLES_AGING, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  if (table == NULL)
    return g_string_free (out, FALSE);
  for (guint r = 0; r < table->n_rows; r++)
    g_string_append_printf (out, "%s%u:%" PRId64 "/%" PRId64, r ? " " : "", r,
                            table->columns[0].values[r], table->columns[1].values[r]);
  return g_string_free (out, FALSE);
}

static void
test_aging_chart (Fixture *f, gconstpointer data)
{
  g_autofree char *between = aging (f, day (2026, 3, 5));
  g_autofree char *after = aging (f, day (2026, 3, 15));

  /* 2026-03-05: 首付款 54 days past due, 尾款 4. */
  g_assert_cmpstr (between, ==, "0:230000/1 1:330000/1 2:0/0 3:0/0");
  /* 2026-03-15: 首付款 64 days past due; 尾款 reduced to nothing. */
  g_assert_cmpstr (after, ==, "0:0/0 1:0/0 2:260000/1 3:0/0");
}

/* The amounts of rows of aa{sv} under @key, joined by ", ". */
static char *
fen_list (GVariant *rows, const char *key)
{
  GString *out = g_string_new (NULL);
  GVariantIter iter;
  GVariant *row;

  g_assert_nonnull (rows);
  if (rows == NULL)
    return g_string_free (out, FALSE);
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)))
    {
      gint64 fen = G_MININT64;

      g_variant_lookup (row, key, "x", &fen);
      g_string_append_printf (out, "%s%" PRId64, out->len ? ", " : "", fen);
      g_variant_unref (row);
    }
  return g_string_free (out, FALSE);
}

static char *
today_installments (Fixture *f, CdTodaySection section, GDate today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = NULL;
  gint64 total = -1;

  rows = cd_store_today_section (f->store, section, CD_TODAY_SCOPE_EVERYONE, 1, &today, 50, &total,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, rows != NULL ? (gint64) g_variant_n_children (rows) : -1);
  return fen_list (rows, "amount_fen");
}

static void
test_today_installments (Fixture *f, gconstpointer data)
{
  g_autofree char *due_early = today_installments (f, CD_TODAY_INSTALLMENTS_DUE, day (2026, 1, 5));
  g_autofree char *due = today_installments (f, CD_TODAY_INSTALLMENTS_DUE, day (2026, 2, 25));
  g_autofree char *overdue = today_installments (f, CD_TODAY_INSTALLMENTS_OVERDUE, day (2026, 3, 5));
  g_autofree char *overdue_after = today_installments (f, CD_TODAY_INSTALLMENTS_OVERDUE,
                                                       day (2026, 3, 15));

  /* Nothing paid yet on 5 January (the payment is dated the 10th). */
  g_assert_cmpstr (due_early, ==, "530000");
  g_assert_cmpstr (due, ==, "230000");
  g_assert_cmpstr (overdue, ==, "330000, 230000");
  g_assert_cmpstr (overdue_after, ==, "260000");
}

static char *
client_receivables (Fixture *f, const char *today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_client_receivables (f->store, 1, today, &error);

  g_assert_no_error (error);
  return rows_text (rows, "label", "outstanding_fen");
}

static void
test_client_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *between = client_receivables (f, "2026-03-05");
  g_autofree char *after = client_receivables (f, "2026-03-15");
  g_autoptr (GVariant) projects = NULL;
  g_autofree char *contracted = NULL;

  g_assert_cmpstr (between, ==, "首付款=330000, 尾款=230000");
  g_assert_cmpstr (after, ==, "首付款=260000");
  /* Not yet due: 尾款 after the first reduction; both halves before any
   * payment or reduction. */
  g_assert_cmpint (cd_store_client_not_yet_due (f->store, 1, "2026-02-25", &error), ==, 230000);
  g_assert_cmpint (cd_store_client_not_yet_due (f->store, 1, "2026-01-05", &error), ==, 1060000);
  g_assert_no_error (error);

  /* The project's contracted amount: 10,600.00 less two signed
   * reductions of 3,000.00; the draft does not count. */
  projects = cd_store_client_projects (f->store, 1, &error);
  g_assert_no_error (error);
  contracted = fen_list (projects, "contracted_fen");
  g_assert_cmpstr (contracted, ==, "460000");
}

/* The project worksheet's contract total and margin: 10,600.00 less the two
 * signed reductions of 3,000.00; the draft does not count. */
static void
test_worksheet (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdWorksheet *sheet = cd_store_project_worksheet (f->store, 1, "2026-03-31", &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  if (sheet == NULL)
    return;
  g_assert_cmpint (sheet->contract_total_fen, ==, 460000);
  g_assert_cmpint (sheet->margin_fen, ==, 460000 - sheet->supplier_cost_fen);
  cd_worksheet_free (sheet);
}

/* The Clients list's receivables column: 10,600.00 less 2,000.00 paid and
 * the two signed reductions, 2,600.00; the draft takes nothing off. */
static void
test_clients_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = NULL;
  g_autoptr (GVariant) row = NULL;
  gint64 client = cd_store_query_int (f->store, "SELECT client_id FROM project WHERE id = 1", &error);
  gint64 fen = -1;

  g_assert_no_error (error);
  rows = cd_store_page_rows (f->store, CD_KIND_CLIENTS, &client, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  if (rows == NULL)
    return;
  g_assert_cmpuint (g_variant_n_children (rows), ==, 1);
  row = g_variant_get_child_value (rows, 0);
  g_assert_true (g_variant_lookup (row, "receivables_fen", "x", &fen));
  g_assert_cmpint (fen, ==, 260000);
}

/* "Contracted" per month: the contract, +2,000.00 added in February,
 * −3,000.00 taken off in March; a draft reduction not at all. */
static void
test_contracted_counts_reductions_negative (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdInsightTable) table = NULL;
  g_autoptr (GVariant) rows = NULL;
  CdInsightQuery query;
  GDate today = day (2026, 3, 15);
  gint64 contracted[3] = { 0 };
  GVariantIter iter;
  GVariant *row;

  f->contract_id = signed_contract (f);
  signed_amendment (f, 200000, "2026-02-03");
  signed_amendment (f, -300000, "2026-03-10");
  g_assert_cmpint (cd_store_contract_amend (f->store, f->contract_id, "草稿", -100000, "2026-03-11",
                                            &error), >, 0);

  g_assert_true (cd_insight_query_init (&query, "2026-01", "2026-03", &error));
  query.today = today;
  table = cd_store_insight (f->store, CD_INSIGHT_REVENUE, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_rows, ==, 3);
  g_assert_cmpint (table->columns[0].values[0], ==, 1060000);
  g_assert_cmpint (table->columns[0].values[1], ==, 200000);
  g_assert_cmpint (table->columns[0].values[2], ==, -300000);

  /* The Finance view's twelve months ending with March 2026. */
  rows = cd_store_overview (f->store, CD_OVERVIEW_MONTHLY_REVENUE, &today, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 12);
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)))
    {
      const char *month = NULL;
      gint64 fen = 0;

      g_variant_lookup (row, "month", "&s", &month);
      g_variant_lookup (row, "contracted_fen", "x", &fen);
      if (g_str_has_prefix (month, "2026-0") && month[6] >= '1' && month[6] <= '3')
        contracted[month[6] - '1'] = fen;
      else
        g_assert_cmpint (fen, ==, 0);
      g_variant_unref (row);
    }
  g_assert_cmpint (contracted[0], ==, 1060000);
  g_assert_cmpint (contracted[1], ==, 200000);
  g_assert_cmpint (contracted[2], ==, -300000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/store/reductions/finance-receivables-show-what-is-left-after-them", Fixture, NULL,
              reduced_setup, test_finance_receivables, fixture_teardown);
  g_test_add ("/store/reductions/the-aging-chart-leaves-out-what-they-took-off", Fixture, NULL,
              reduced_setup, test_aging_chart, fixture_teardown);
  g_test_add ("/store/reductions/today-lists-installments-with-what-is-left-after-them", Fixture, NULL,
              reduced_setup, test_today_installments, fixture_teardown);
  g_test_add ("/store/reductions/the-client-file-owes-what-is-left-after-them", Fixture, NULL,
              reduced_setup, test_client_file, fixture_teardown);
  g_test_add ("/store/reductions/the-project-worksheet-totals-the-contract-after-them", Fixture, NULL,
              reduced_setup, test_worksheet, fixture_teardown);
  g_test_add ("/store/reductions/the-clients-list-owes-what-is-left-after-them", Fixture, NULL,
              reduced_setup, test_clients_list, fixture_teardown);
  g_test_add ("/store/reductions/contracted-revenue-counts-them-negative-and-increases-positive",
              Fixture, NULL, fixture_setup, test_contracted_counts_reductions_negative,
              fixture_teardown);

  return g_test_run ();
}
