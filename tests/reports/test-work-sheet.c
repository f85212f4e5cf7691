/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The AM/AE work sheet workbook read back with openpyxl (its Summary
 * totals equal the sums of the detail rows, as formulas and as cached
 * values), and the work order PDF read back with pdftotext. */
#include <string.h>
#include <glib/gstdio.h>

#include "reports/cd-work-order-pdf.h"
#include "reports/cd-work-sheet-export.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  CdStore *store;
} Fixture;

static const char fixture_sql[] =
  "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
  "INSERT INTO staff (id, name, role, department) VALUES (3, '陈晓', 'creative', 'creative');"
  "INSERT INTO client (id, name, status, owner_id) VALUES (1, '=HYPERLINK(\"x\")星河', 'active', 1);"
  "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
  "  VALUES (1, 'XM-1', 1, '春季发布会', 'quoting', 1, '2026-02-20');"
  "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
  "  VALUES (2, 'XM-2', 1, '包装设计', 'brief', 1, '2026-03-03');"
  "INSERT INTO work_order (number, project_id, title, department, assignee_id, issued_date, due_date, status, done_date)"
  "  VALUES ('GZ-1', 1, '主视觉', 'design', 3, '2026-03-02', '2026-03-05', 'done', '2026-03-04'),"
  "         ('GZ-2', 1, '海报', 'design', 3, '2026-03-03', '2026-03-06', 'issued', NULL),"
  "         ('GZ-3', 2, '文案', 'copywriting', 3, '2026-03-10', '2026-03-20', 'done', '2026-03-25'),"
  "         ('GZ-4', 2, '排期', 'media', 3, '2026-04-02', '2026-04-10', 'issued', NULL);"
  "INSERT INTO visit (client_id, staff_id, date, topic) VALUES (1, 1, '2026-03-09', '沟通'), (1, 1, '2026-03-19', '回访');"
  "INSERT INTO quote (number, version, project_id, client_id, status, sent_date, total_fen)"
  "  VALUES ('BJ-1', 1, 1, 1, 'sent', '2026-03-04', 1234567), ('BJ-2', 1, 2, 1, 'sent', '2026-03-18', 7654321);";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-work-sheet-XXXXXX", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store, fixture_sql, &error));
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

/* Prints "ok" when every Summary figure is a formula whose cached value
 * equals the sum (or count) of its detail column, else what differs. */
static const char readback_py[] =
  "import sys, openpyxl\n"
  "p = sys.argv[1]\n"
  "f = openpyxl.load_workbook(p)\n"
  "v = openpyxl.load_workbook(p, data_only=True)\n"
  "bad = []\n"
  "s = v['Summary']; fs = f['Summary']\n"
  "if s.freeze_panes != 'A2': bad.append('summary not frozen')\n"
  "w = [r for r in v['Work orders'].iter_rows(min_row=2, values_only=True)]\n"
  "q = [r for r in v['Quotes'].iter_rows(min_row=2, values_only=True)]\n"
  "want = {'D': v['Projects'].max_row - 1, 'E': sum(r[8] for r in w), 'F': sum(r[9] for r in w),\n"
  "        'G': sum(r[10] for r in w), 'H': v['Visits'].max_row - 1, 'I': len(q),\n"
  "        'J': round(sum(r[4] for r in q), 2)}\n"
  "for col, n in want.items():\n"
  "    if not str(fs[col + '2'].value).startswith('='): bad.append(col + ' not a formula')\n"
  "    if round(s[col + '2'].value, 2) != n: bad.append('%s: %r != %r' % (col, s[col + '2'].value, n))\n"
  "if v['Work orders'].auto_filter.ref is None: bad.append('no autofilter')\n"
  "print('ok %d %d %d %d %s' % (want['E'], want['F'], want['G'], want['H'], want['J']) if not bad else '; '.join(bad))\n";

static void
test_summary_equals_sum_of_details (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *target = g_build_filename (f->dir, "work-sheet.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *python = "/usr/bin/python3";
  int status = 0;

  g_assert_true (cd_work_sheet_export (f->store, 1, "2026-03-01", "2026-03-31", target, &error));
  g_assert_no_error (error);
  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3 with openpyxl");
      return;
    }
  {
    const char *argv[] = { python, "-c", readback_py, target, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                 &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("openpyxl: %s %s", out, err);
  /* March: GZ-1..3 issued, GZ-1 and GZ-3 done, GZ-2 overdue (due 03-06,
   * open) and GZ-3 done late; two visits; two quotes of 12,345.67 + 76,543.21. */
  g_assert_cmpstr (g_strstrip (out), ==, "ok 3 2 2 2 88888.88");
}

static void
test_work_order_pdf_has_the_paper (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *target = g_build_filename (f->dir, "wo.pdf", NULL);
  g_autofree char *out = NULL;
  gint64 id = cd_store_work_order_find (f->store, "GZ-1", &error);
  int status = 0;

  g_assert_no_error (error);
  g_assert_true (cd_store_set_setting (f->store, "company.name", "上海蓝鲸广告有限公司", NULL));
  g_assert_true (cd_work_order_pdf_render (f->store, id, target, &error));
  g_assert_no_error (error);
  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("no pdftotext");
      return;
    }
  {
    const char *argv[] = { "pdftotext", target, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_nonnull (strstr (out, "GZ-1"));
  g_assert_nonnull (strstr (out, "主视觉"));
  g_assert_nonnull (strstr (out, "陈晓"));
  g_assert_nonnull (strstr (out, "上海蓝鲸广告有限公司"));
  /* A work order that does not exist writes nothing. */
  g_unlink (target);
  g_assert_false (cd_work_order_pdf_render (f->store, 999, target, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/reports/work-sheet/summary-equals-the-sum-of-its-details", Fixture, NULL,
              fixture_setup, test_summary_equals_sum_of_details, fixture_teardown);
  g_test_add ("/reports/work-order-pdf/carries-number-title-assignee-and-letterhead", Fixture, NULL,
              fixture_setup, test_work_order_pdf_has_the_paper, fixture_teardown);
  return g_test_run ();
}
