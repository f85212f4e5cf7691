/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Projects, briefs, work orders and the worksheet: lifecycle moves legal
 * and illegal, the brief that must be complete before a project moves on,
 * margin against supplier costs, revision rounds and the time spent, and
 * the weekly / monthly work sheet of one account manager. */
#include <inttypes.h>
#include <string.h>
#include <glib/gstdio.h>

#include "store/cd-store-private.h"
#include "store/cd-store-projects.h"
#include "store/cd-store-quotes.h"

typedef struct
{
  char    *dir;
  CdStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-projects-XXXXXX", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO staff (id, name, role) VALUES (2, '王强', 'account_executive');"
    "INSERT INTO staff (id, name, role, department) VALUES (3, '陈晓', 'creative', 'creative');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
    "INSERT INTO supplier (id, name, category) VALUES (1, '上海彩虹印务', 'print');",
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

static gint64
new_project (Fixture *f, const char *start)
{
  g_autoptr (CdProject) project = cd_project_new ();
  g_autoptr (GError) error = NULL;

  project->client_id = 1;
  project->name = g_strdup ("春季新品发布会");
  project->am_id = 1;
  project->ae_id = 2;
  project->start_date = g_strdup (start);
  project->due_date = g_strdup ("2026-04-30");
  g_assert_true (cd_store_project_save (f->store, project, &error));
  g_assert_no_error (error);
  g_assert_nonnull (project->number);
  return project->id;
}

static void
fill_brief (Fixture *f, gint64 project_id)
{
  g_autoptr (CdBrief) brief = cd_brief_new (project_id);
  g_autoptr (GError) error = NULL;

  brief->background = g_strdup ("新品上市");
  brief->objectives = g_strdup ("提升知名度");
  brief->audience = g_strdup ("25–35 岁白领");
  brief->deliverables = g_strdup ("主视觉\n海报\n易拉宝");
  brief->channels = g_strdup ("微信, 地铁");
  brief->budget_min_fen = 10000000;
  brief->budget_max_fen = 20000000;
  brief->launch_date = g_strdup ("2026-04-15");
  brief->mandatory = g_strdup ("品牌标志");
  brief->approvals = g_strdup ("市场总监");
  g_assert_true (cd_store_brief_save (f->store, brief, &error));
  g_assert_no_error (error);
}

static char *
status_of (Fixture *f, gint64 id)
{
  g_autoptr (CdProject) project = cd_store_project_get (f->store, id, NULL);

  return project ? g_strdup (project->status) : NULL;
}

static void
test_new_project_gets_default_margin (Fixture *f, gconstpointer data)
{
  g_autoptr (CdProject) project = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = new_project (f, "2026-03-02");
  project = cd_store_project_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project->status, ==, "brief");
  g_assert_cmpint (project->min_margin_bp, ==, 2000);
  g_assert_cmpstr (project->am_name, ==, "李娜");
  g_assert_true (cd_store_set_setting (f->store, "project.min_margin_bp", "3500", NULL));
  g_assert_cmpint (cd_store_project_default_min_margin (f->store), ==, 3500);
}

static void
test_incomplete_brief_keeps_project_in_brief (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdBrief) brief = NULL;
  g_auto (GStrv) missing = NULL;
  g_autofree char *status = NULL;
  gint64 id = new_project (f, "2026-03-02");

  brief = cd_store_brief_get (f->store, id, &error);
  g_assert_no_error (error);
  brief->background = g_strdup ("新品上市");
  brief->budget_min_fen = 100;     /* one end of the range is not a range */
  g_assert_true (cd_store_brief_save (f->store, brief, &error));
  missing = cd_brief_missing_fields (brief);
  g_assert_false (g_strv_contains ((const char * const *) missing, "background"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "budget"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "key_dates"));
  g_assert_cmpuint (g_strv_length (missing), ==, 8);

  g_assert_false (cd_store_project_move (f->store, id, "quoting", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (error ? strstr (error->message, "Objectives") : NULL);
  g_assert_nonnull (error ? strstr (error->message, "Budget range") : NULL);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "brief");
}

static void
test_complete_brief_lets_project_move_on (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 id = new_project (f, "2026-03-02");

  fill_brief (f, id);
  g_assert_true (cd_store_project_move (f->store, id, "quoting", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_project_move (f->store, id, "contracted", NULL, &error));
  g_assert_true (cd_store_project_move (f->store, id, "in_production", NULL, &error));
  g_assert_true (cd_store_project_move (f->store, id, "delivered", NULL, &error));
  g_assert_true (cd_store_project_move (f->store, id, "closed", NULL, &error));
  g_assert_no_error (error);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "closed");
}

/* The first quote moves a project to quoting: it may not skip the brief. */
static void
test_first_quote_needs_a_complete_brief (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 id = new_project (f, "2026-03-02");
  gint64 quote;

  quote = cd_store_quote_create (f->store, id, "2026-03-10", &error);
  g_assert_cmpint (quote, ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (error ? strstr (error->message, "Background") : NULL);
  g_assert_nonnull (error ? strstr (error->message, "Approvals needed") : NULL);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM quote", NULL), ==, 0);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "brief");

  g_clear_error (&error);
  fill_brief (f, id);
  quote = cd_store_quote_create (f->store, id, "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (quote, >, 0);
  g_clear_pointer (&status, g_free);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "quoting");
  /* A second version of a project already quoting needs no check. */
  g_assert_cmpint (cd_store_quote_create (f->store, id, "2026-03-11", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_illegal_moves_are_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 id = new_project (f, "2026-03-02");

  fill_brief (f, id);
  /* Skipping a step, going back, and an unknown state. */
  g_assert_false (cd_store_project_move (f->store, id, "in_production", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (cd_store_project_move (f->store, id, "quoting", NULL, NULL));
  g_assert_false (cd_store_project_move (f->store, id, "brief", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (cd_store_project_move (f->store, id, "paused", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "quoting");
}

static void
test_cancel_needs_a_reason (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdProject) project = NULL;
  gint64 id = new_project (f, "2026-03-02");

  /* A cancel does not need a complete brief, but it needs a reason. */
  g_assert_false (cd_store_project_move (f->store, id, "cancelled", "  ", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (cd_store_project_move (f->store, id, "cancelled", "客户预算取消", &error));
  g_assert_no_error (error);
  project = cd_store_project_get (f->store, id, NULL);
  g_assert_cmpstr (project->status, ==, "cancelled");
  g_assert_cmpstr (project->cancel_reason, ==, "客户预算取消");
  g_assert_false (cd_store_project_move (f->store, id, "closed", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
}

static void
test_bad_brief_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdBrief) brief = NULL;
  g_autoptr (CdBrief) stored = NULL;
  gint64 id = new_project (f, "2026-03-02");

  brief = cd_brief_new (id);
  brief->background = g_strdup ("x");
  brief->budget_min_fen = 500;
  brief->budget_max_fen = 100;
  g_assert_false (cd_store_brief_save (f->store, brief, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  brief->budget_max_fen = 900;
  brief->event_date = g_strdup ("2026-02-30");
  g_assert_false (cd_store_brief_save (f->store, brief, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  stored = cd_store_brief_get (f->store, id, NULL);
  g_assert_null (stored->background);
}

static void
add_costs (Fixture *f, gint64 project_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    /* Counted: a signed contract of 100,000.00 and an amendment adding 20,000.00. */
    "INSERT INTO contract (id, number, project_id, client_id, status, subject, amount_fen, signed_date)"
    " VALUES (1, 'HT-1', %1$" PRId64 ", 1, 'signed', '发布会', 10000000, '2026-03-10');"
    /* An increase carries its installments (cd-store-contracts.h), added
     * while it is a draft. */
    "INSERT INTO contract (id, number, project_id, client_id, status, subject, amount_fen,"
    " amends_id, amendment_reason) VALUES (2, 'HT-2', %1$" PRId64 ", 1, 'draft', '追加', 2000000,"
    " 1, '增加物料');"
    "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
    " VALUES (2, 1, '追加款', '2026-04-20', 2000000);"
    "UPDATE contract SET status = 'signed', signed_date = '2026-03-20' WHERE id = 2;"
    /* Not counted: a draft and a terminated contract. */
    "INSERT INTO contract (id, number, project_id, client_id, status, subject, amount_fen)"
    " VALUES (3, 'HT-3', %1$" PRId64 ", 1, 'draft', '草稿', 99900000);"
    "INSERT INTO contract (id, number, project_id, client_id, status, subject, amount_fen, signed_date,"
    " terminate_reason) VALUES (4, 'HT-4', %1$" PRId64 ", 1, 'terminated', '终止', 77700000,"
    " '2026-03-01', '客户取消');"
    /* Counted: delivered and accepted orders; not counted: one only requested. */
    "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date)"
    " VALUES (1, 'GD-1', %1$" PRId64 ", 1, 'delivered', '2026-03-11', '2026-03-15');"
    "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, delivered_date,"
    " accepted_date) VALUES (2, 'GD-2', %1$" PRId64 ", 1, 'accepted', '2026-03-12', '2026-03-16', '2026-03-17');"
    "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date)"
    " VALUES (3, 'GD-3', %1$" PRId64 ", 1, 'requested', '2026-03-18');"
    "INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit_price_fen, amount_fen, tax_fen)"
    " VALUES (1, 1, '海报', 1000, 4000000, 4000000, 520000), (2, 1, '易拉宝', 1000, 3000000, 3000000, 390000),"
    " (2, 2, '展架', 1000, 1000000, 1000000, 130000), (3, 1, '礼品', 1000, 50000000, 50000000, 6500000);",
    project_id);

  g_assert_true (cd_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static void
test_margin_counts_signed_contracts_and_delivered_costs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWorksheet) sheet = NULL;
  gint64 id = new_project (f, "2026-03-02");

  add_costs (f, id);
  sheet = cd_store_project_worksheet (f->store, id, "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  if (sheet == NULL)
    return;
  g_assert_cmpint (sheet->contract_total_fen, ==, 12000000);
  /* 40,000 + 5,200 + 30,000 + 3,900 + 10,000 + 1,300 = 90,400.00 */
  g_assert_cmpint (sheet->supplier_cost_fen, ==, 9040000);
  g_assert_cmpint (sheet->margin_fen, ==, 2960000);
  /* 29,600 / 120,000 = 24.66 % → 2466 bp, above the 20 % minimum. */
  g_assert_cmpint (sheet->margin_bp, ==, 2466);
  g_assert_false (sheet->below_min);
  g_assert_cmpuint (g_variant_n_children (sheet->supplier_orders), ==, 3);
  /* Start, due, two signings, three orders placed, two delivered. */
  g_assert_cmpuint (g_variant_n_children (sheet->timeline), >=, 9);
}

static void
test_margin_below_minimum_warns (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWorksheet) sheet = NULL;
  g_autoptr (CdProject) project = NULL;
  gint64 id = new_project (f, "2026-03-02");

  add_costs (f, id);
  project = cd_store_project_get (f->store, id, NULL);
  project->min_margin_bp = 2500;
  g_assert_true (cd_store_project_save (f->store, project, &error));
  g_assert_no_error (error);
  sheet = cd_store_project_worksheet (f->store, id, "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_true (sheet != NULL && sheet->below_min);
}

static gint64
new_work_order (Fixture *f, gint64 project_id, const char *issued, const char *due)
{
  g_autoptr (CdWorkOrder) order = cd_work_order_new ();
  g_autoptr (GError) error = NULL;

  order->project_id = project_id;
  order->title = g_strdup ("主视觉设计");
  order->assignee_id = 3;
  order->issued_by = 1;
  order->requirements = g_strdup ("尺寸 1080×1920；附参考图");
  order->issued_date = g_strdup (issued);
  order->due_date = g_strdup (due);
  g_assert_true (cd_store_work_order_save (f->store, order, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (order->status, ==, "issued");
  return order->id;
}

static void
test_work_order_moves_and_revision_rounds (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (CdWorkOrder) order = NULL;
  gint64 project = new_project (f, "2026-03-02");
  gint64 id = new_work_order (f, project, "2026-03-03", "2026-03-10");
  CdStore *s = f->store;

  /* Illegal: straight to done, or to review before work starts. */
  g_assert_false (cd_store_work_order_move (s, id, "done", "2026-03-04", NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (cd_store_work_order_move (s, id, "in_review", "2026-03-04", NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (cd_store_work_order_move (s, id, "in_progress", "2026-03-04", NULL, NULL, &error));
  g_assert_true (cd_store_work_order_move (s, id, "in_review", "2026-03-05", NULL, NULL, &error));
  /* Sending a review back needs a reason and records round 1. */
  g_assert_false (cd_store_work_order_move (s, id, "in_progress", "2026-03-06", "", "客户", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_work_order_move (s, id, "in_progress", "2026-03-06", "标志太小", "客户", &error));
  g_assert_true (cd_store_work_order_move (s, id, "in_review", "2026-03-07", NULL, NULL, &error));
  g_assert_true (cd_store_work_order_move (s, id, "in_progress", "2026-03-08", "换颜色", "李娜", &error));
  g_assert_true (cd_store_work_order_move (s, id, "in_review", "2026-03-09", NULL, NULL, &error));
  g_assert_true (cd_store_work_order_move (s, id, "done", "2026-03-09", NULL, NULL, &error));
  g_assert_no_error (error);

  revisions = cd_store_work_order_revisions (s, id, &error);
  g_assert_cmpuint (revisions->len, ==, 2);
  if (revisions->len == 2)
    {
      CdRevision *second = g_ptr_array_index (revisions, 1);

      g_assert_cmpint (second->round, ==, 2);
      g_assert_cmpstr (second->date, ==, "2026-03-08");
      g_assert_cmpstr (second->reason, ==, "换颜色");
      g_assert_cmpstr (second->requested_by, ==, "李娜");
    }
  order = cd_store_work_order_get (s, id, &error);
  g_assert_cmpstr (order->status, ==, "done");
  g_assert_cmpstr (order->done_date, ==, "2026-03-09");
  g_assert_cmpint (order->revisions, ==, 2);
  g_assert_false (cd_store_work_order_move (s, id, "cancelled", NULL, NULL, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
}

static void
test_time_spent_is_kept_in_minutes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWorkOrder) order = NULL;
  gint64 project = new_project (f, "2026-03-02");
  gint64 id = new_work_order (f, project, "2026-03-03", "2026-03-10");

  g_assert_true (cd_store_work_order_add_time (f->store, id, "1.5", &error));
  g_assert_true (cd_store_work_order_add_time (f->store, id, " 2.25 ", &error));
  g_assert_no_error (error);
  g_assert_false (cd_store_work_order_add_time (f->store, id, "abc", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_work_order_add_time (f->store, id, "-1", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  order = cd_store_work_order_get (f->store, id, &error);
  g_assert_cmpint (order->spent_minutes, ==, 225);
}

static void
test_work_order_refuses_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (CdWorkOrder) order = cd_work_order_new ();
  g_autoptr (GError) error = NULL;

  order->project_id = new_project (f, "2026-03-02");
  order->title = g_strdup ("海报");
  order->issued_date = g_strdup ("2026-03-10");
  order->due_date = g_strdup ("2026-03-09");
  g_assert_false (cd_store_work_order_save (f->store, order, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (order->due_date);
  order->due_date = g_strdup ("2026-03-12");
  g_free (order->department);
  order->department = g_strdup ("finance");
  g_assert_false (cd_store_work_order_save (f->store, order, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_cmpint (order->id, ==, 0);
}

static void
test_work_sheet_counts_the_week (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWorkSheet) sheet = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 project = new_project (f, "2026-03-02");
  gint64 done = new_work_order (f, project, "2026-03-09", "2026-03-12");
  gint64 late = new_work_order (f, project, "2026-03-02", "2026-03-10");

  new_work_order (f, project, "2026-03-20", "2026-03-25");   /* next week: not in it */
  g_assert_true (cd_store_work_order_move (f->store, done, "in_progress", "2026-03-10", NULL, NULL, NULL));
  g_assert_true (cd_store_work_order_move (f->store, done, "in_review", "2026-03-11", NULL, NULL, NULL));
  g_assert_true (cd_store_work_order_move (f->store, done, "done", "2026-03-11", NULL, NULL, NULL));
  g_assert_true (late > 0);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO visit (client_id, staff_id, date, topic) VALUES (1, 1, '2026-03-10', '新品沟通');"
    "INSERT INTO visit (client_id, staff_id, date, topic) VALUES (1, 1, '2026-03-30', '回访');", NULL));

  cd_work_sheet_period ("2026-03-11", FALSE, &from, &to);
  g_assert_cmpstr (from, ==, "2026-03-09");
  g_assert_cmpstr (to, ==, "2026-03-15");
  sheet = cd_store_work_sheet (f->store, 1, from, to, "2026-04-01", &error);
  g_assert_no_error (error);
  if (sheet == NULL)
    return;
  g_assert_cmpstr (sheet->staff_name, ==, "李娜");
  g_assert_cmpuint (g_variant_n_children (sheet->projects), ==, 1);
  g_assert_cmpint (sheet->n_issued, ==, 1);
  g_assert_cmpint (sheet->n_done, ==, 1);
  g_assert_cmpint (sheet->n_overdue, ==, 1);    /* due 03-10, still issued */
  g_assert_cmpint (sheet->n_visits, ==, 1);
  g_assert_cmpuint (g_variant_n_children (sheet->work_orders), ==, 2);
}

static void
test_month_period (void)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  cd_work_sheet_period ("2028-02-10", TRUE, &from, &to);
  g_assert_cmpstr (from, ==, "2028-02-01");
  g_assert_cmpstr (to, ==, "2028-02-29");
}

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  ADD ("/store/projects/new-project-gets-the-default-minimum-margin", test_new_project_gets_default_margin);
  ADD ("/store/projects/incomplete-brief-keeps-the-project-in-brief", test_incomplete_brief_keeps_project_in_brief);
  ADD ("/store/projects/complete-brief-lets-the-project-move-on", test_complete_brief_lets_project_move_on);
  ADD ("/store/projects/first-quote-needs-a-complete-brief", test_first_quote_needs_a_complete_brief);
  ADD ("/store/projects/illegal-moves-are-refused", test_illegal_moves_are_refused);
  ADD ("/store/projects/cancel-needs-a-reason", test_cancel_needs_a_reason);
  ADD ("/store/projects/bad-brief-changes-nothing", test_bad_brief_changes_nothing);
  ADD ("/store/projects/margin-counts-signed-contracts-and-delivered-costs",
       test_margin_counts_signed_contracts_and_delivered_costs);
  ADD ("/store/projects/margin-below-minimum-warns", test_margin_below_minimum_warns);
  ADD ("/store/work-orders/moves-and-revision-rounds", test_work_order_moves_and_revision_rounds);
  ADD ("/store/work-orders/time-spent-is-kept-in-minutes", test_time_spent_is_kept_in_minutes);
  ADD ("/store/work-orders/bad-input-is-refused", test_work_order_refuses_bad_input);
  ADD ("/store/work-sheet/counts-the-week", test_work_sheet_counts_the_week);
  g_test_add_func ("/store/work-sheet/month-runs-to-its-last-day", test_month_period);
  return g_test_run ();
}
