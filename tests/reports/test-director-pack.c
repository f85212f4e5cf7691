/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The director pack: one sheet per chart with its table (real numbers in
 * the right formats, header frozen, labels never formulas) and a native
 * chart whose series refer to that table's ranges. Read back with openpyxl
 * and zipfile through dump-xlsx.py. */
#include <string.h>
#include <glib/gstdio.h>

#include "reports/cd-director-pack.h"
#include "store/cd-demo.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-plans.h"

typedef struct
{
  char *dir;
  char *path;
  char *dump;     /* dump-xlsx.py's output */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("cd-director-pack-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "pack.xlsx", NULL);
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
  g_free (f->dump);
}

static CdChart *
chart_with (CdChartKind kind, const char *title, const char *const *labels, guint n_series,
            CdChartUnit unit)
{
  CdChart *chart = cd_chart_new (kind, title);

  cd_chart_set_subtitle (chart, "2025-01 – 2025-03");
  cd_chart_set_category_title (chart, "Month");
  for (guint i = 0; labels && labels[i]; i++)
    cd_chart_add_category (chart, labels[i], labels[i]);
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *name = g_strdup_printf ("S%u", s + 1);
      guint series = cd_chart_add_series (chart, name, unit, FALSE);

      for (guint i = 0; i < cd_chart_get_n_categories (chart); i++)
        cd_chart_set_value (chart, series, i, 123456 * (i + 1) + s);
    }
  return chart;
}

/* Runs dump-xlsx.py; FALSE (test skipped) without python3 and openpyxl. */
static gboolean
dump (Fixture *f)
{
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");
  g_autofree char *script = NULL, *err = NULL;
  int status = -1;

  if (root == NULL)
    root = SOURCE_ROOT;
  script = g_build_filename (root, "tests", "reports", "dump-xlsx.py", NULL);
  /* Names are Chinese whatever the locale of the test run. */
  g_setenv ("PYTHONIOENCODING", "utf-8", TRUE);
  {
    const char *argv[] = { "/usr/bin/python3", script, f->path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &f->dump, &err, &status, NULL)
        || !g_spawn_check_wait_status (status, NULL))
      {
        g_test_message ("dump-xlsx.py: %s", err ? err : "");
        g_test_skip ("/usr/bin/python3 with openpyxl is needed to read the workbook");
        return FALSE;
      }
  }
  g_test_message ("%s", f->dump);
  return TRUE;
}

static gboolean
has_line (Fixture *f, const char *line)
{
  g_auto (GStrv) lines = g_strsplit (f->dump, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_equal (lines[i], line))
      return TRUE;
  g_test_message ("missing: %s", line);
  return FALSE;
}

static void
test_pack (Fixture *f, gconstpointer data)
{
  const char *months[] = { "2025-01", "2025-02", "2025-03", NULL };
  const char *people[] = { "=HYPERLINK(\"http://x\")", "+86 王芳", "@李明", NULL };
  g_autoptr (CdChart) revenue = chart_with (CD_CHART_BAR, "Revenue", months, 2, CD_CHART_UNIT_FEN);
  g_autoptr (CdChart) workload = chart_with (CD_CHART_STACKED_BAR, "Workload", people, 3,
                                             CD_CHART_UNIT_COUNT);
  g_autoptr (CdChart) growth = chart_with (CD_CHART_LINE, "Client growth", months, 2,
                                           CD_CHART_UNIT_COUNT);
  g_autoptr (CdChart) spend = chart_with (CD_CHART_DONUT, "Supplier spend", months, 1,
                                          CD_CHART_UNIT_FEN);
  g_autoptr (CdChart) quality = chart_with (CD_CHART_BAR, "Supplier quality", NULL, 2,
                                            CD_CHART_UNIT_BP);
  CdChart *charts[] = { revenue, workload, growth, spend, quality };
  g_autoptr (GError) error = NULL;
  guint rate;

  rate = cd_chart_add_series (revenue, "Rate", CD_CHART_UNIT_BP, TRUE);
  cd_chart_set_value (revenue, rate, 0, 4250);

  g_assert_true (cd_director_pack_write_charts (charts, G_N_ELEMENTS (charts), f->path, &error));
  g_assert_no_error (error);
  if (!dump (f))
    return;

  /* One sheet per chart, header frozen; the empty one has no chart part. */
  g_assert_true (has_line (f, "sheet Revenue A2"));
  g_assert_true (has_line (f, "sheet Client growth A2"));
  g_assert_true (has_line (f, "sheet Supplier quality A2"));
  g_assert_true (has_line (f, "chart xl/charts/chart1.xml barChart clustered"));
  g_assert_true (has_line (f, "chart xl/charts/chart2.xml barChart stacked"));
  g_assert_true (has_line (f, "chart xl/charts/chart3.xml lineChart standard"));
  g_assert_true (has_line (f, "chart xl/charts/chart4.xml doughnutChart -"));
  g_assert_null (strstr (f->dump, "chart5.xml"));

  /* The series refer to the table beside them. */
  g_assert_true (has_line (f, "ref xl/charts/chart1.xml Revenue!$A$2:$A$4"));
  g_assert_true (has_line (f, "ref xl/charts/chart1.xml Revenue!$B$1"));
  g_assert_true (has_line (f, "ref xl/charts/chart1.xml Revenue!$B$2:$B$4"));
  g_assert_true (has_line (f, "ref xl/charts/chart1.xml Revenue!$C$2:$C$4"));
  g_assert_null (strstr (f->dump, "Revenue!$D$2"));   /* the rate is a table column only */
  g_assert_true (has_line (f, "ref xl/charts/chart2.xml Workload!$D$2:$D$4"));
  g_assert_true (has_line (f, "ref xl/charts/chart3.xml 'Client growth'!$C$2:$C$4"));
  g_assert_true (has_line (f, "ref xl/charts/chart4.xml 'Supplier spend'!$B$2:$B$4"));

  /* Real numbers: yuan with ¥#,##0.00, rates as per cent, counts whole. */
  g_assert_true (has_line (f, "cell Revenue A1 s 'Month' General"));
  g_assert_true (has_line (f, "cell Revenue B1 s 'S1' General"));
  g_assert_true (has_line (f, "cell Revenue B2 n 1234.56 ¥#,##0.00"));
  g_assert_true (has_line (f, "cell Revenue C4 n 3703.69 ¥#,##0.00"));
  g_assert_true (has_line (f, "cell Revenue D2 n 0.425 0.0%"));
  g_assert_true (has_line (f, "cell Workload B3 n 246912 #,##0"));

  /* Names that look like formulas stay text. */
  g_assert_true (has_line (f, "cell Workload A2 s '=HYPERLINK(\"http://x\")' General"));
  g_assert_true (has_line (f, "cell Workload A3 s '+86 王芳' General"));
  g_assert_true (has_line (f, "cell Workload A4 s '@李明' General"));
}

static GVariant *
completion_row (const char *month, const char *name, gint64 planned, gint64 done)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "month", "s", month);
  g_variant_dict_insert (&dict, "staff_id", "x", (gint64) g_str_hash (name) % 1000);
  g_variant_dict_insert (&dict, "staff_name", "s", name);
  g_variant_dict_insert (&dict, "planned", "x", planned);
  g_variant_dict_insert (&dict, "done", "x", done);
  g_variant_dict_insert (&dict, "rate_permille", "x", planned > 0 ? done * 1000 / planned : 0);
  return g_variant_dict_end (&dict);
}

static void
test_plan_completion_sheet (Fixture *f, gconstpointer data)
{
  const char *months[] = { "2025-01", NULL };
  g_autoptr (CdChart) revenue = chart_with (CD_CHART_BAR, "Revenue", months, 1, CD_CHART_UNIT_FEN);
  g_autoptr (GVariant) rows = NULL;
  g_autoptr (GError) error = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, completion_row ("2025-01", "王芳", 8, 6));
  g_variant_builder_add_value (&builder, completion_row ("2025-01", "=李明", 4, 0));
  g_variant_builder_add_value (&builder, completion_row ("2025-02", "王芳", 10, 9));
  rows = g_variant_ref_sink (g_variant_builder_end (&builder));

  g_assert_true (cd_director_pack_write (&revenue, 1, rows, f->path, &error));
  g_assert_no_error (error);
  if (!dump (f))
    return;
  /* After the charts, with its header frozen. */
  g_assert_true (has_line (f, "sheet Revenue A2"));
  g_assert_true (has_line (f, "sheet Visit plan completion A2"));
  g_assert_true (has_line (f, "cell Visit plan completion A1 s 'Month' General"));
  g_assert_true (has_line (f, "cell Visit plan completion E1 s 'Completion rate' General"));
  g_assert_true (has_line (f, "cell Visit plan completion A2 s '2025-01' General"));
  g_assert_true (has_line (f, "cell Visit plan completion B2 s '王芳' General"));
  g_assert_true (has_line (f, "cell Visit plan completion C2 n 8 #,##0"));
  g_assert_true (has_line (f, "cell Visit plan completion D2 n 6 #,##0"));
  g_assert_true (has_line (f, "cell Visit plan completion E2 n 0.75 0.0%"));
  g_assert_true (has_line (f, "cell Visit plan completion B3 s '=李明' General"));
  g_assert_true (has_line (f, "cell Visit plan completion E3 n 0 0.0%"));
  g_assert_true (has_line (f, "cell Visit plan completion A4 s '2025-02' General"));
  g_assert_true (has_line (f, "cell Visit plan completion E4 n 0.9 0.0%"));
}

static void
add_entry (CdStore *store, gint64 plan, gint64 client, const char *date)
{
  g_autoptr (GError) error = NULL;
  GVariantDict fields;

  g_variant_dict_init (&fields, NULL);
  g_variant_dict_insert (&fields, "client_id", "x", client);
  g_variant_dict_insert (&fields, "date", "s", date);
  cd_store_visit_plan_add_entry (store, plan, g_variant_dict_end (&fields), &error);
  g_assert_no_error (error);
}

/* The whole export on an agency whose data ends in January 2025: staff 3
 * plans two visits for June 2026 and makes one, so the pack's sheet says
 * 2 planned, 1 done, 50%. */
static void
test_export_reads_the_completion (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "demo.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (db, &error);
  g_autoptr (GVariant) clients = NULL, first = NULL, plan_row = NULL;
  g_autofree char *name = NULL, *line = NULL;
  CdInsightQuery query;
  GDate demo_day;
  GVariantDict visit;
  gint64 client = 0, plan;

  g_assert_no_error (error);
  g_date_clear (&demo_day, 1);
  g_date_set_dmy (&demo_day, 15, 1, 2025);
  g_assert_true (cd_demo_generate (store, CD_DEMO_SMALL, 3, &demo_day, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  clients = cd_store_list (store, CD_KIND_CLIENTS, NULL, NULL, 1, 0, &error);
  first = g_variant_get_child_value (clients, 0);
  g_variant_lookup (first, "id", "x", &client);
  plan = cd_store_visit_plan_ensure (store, 3, CD_PLAN_PERIOD_MONTH, "2026-06-01", &error);
  g_assert_no_error (error);
  add_entry (store, plan, client, "2026-06-10");
  add_entry (store, plan, client, "2026-06-24");
  g_variant_dict_init (&visit, NULL);
  g_variant_dict_insert (&visit, "date", "s", "2026-06-11");
  g_variant_dict_insert (&visit, "staff_id", "x", (gint64) 3);
  cd_store_visit_add (store, client, g_variant_dict_end (&visit), &error);
  g_assert_no_error (error);
  plan_row = cd_store_visit_plan_get (store, plan, &error);
  g_assert_no_error (error);
  g_variant_lookup (plan_row, "staff_name", "s", &name);

  g_assert_true (cd_insight_query_init (&query, "2026-05", "2026-06", &error));
  g_assert_true (cd_director_pack_export (store, &query, f->path, NULL, &error));
  g_assert_no_error (error);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (!dump (f))
    return;
  g_assert_true (has_line (f, "sheet Visit plan completion A2"));
  /* May had nothing planned; June one row for staff 3. */
  g_assert_true (has_line (f, "cell Visit plan completion A2 s '2026-06' General"));
  line = g_strdup_printf ("cell Visit plan completion B2 s '%s' General", name);
  g_assert_true (has_line (f, line));
  g_assert_true (has_line (f, "cell Visit plan completion C2 n 2 #,##0"));
  g_assert_true (has_line (f, "cell Visit plan completion D2 n 1 #,##0"));
  g_assert_true (has_line (f, "cell Visit plan completion E2 n 0.5 0.0%"));
  g_assert_null (strstr (f->dump, "Visit plan completion A3"));
}

static void
test_failed_pack_leaves_nothing (Fixture *f, gconstpointer data)
{
  const char *months[] = { "2025-01", NULL };
  g_autoptr (CdChart) chart = chart_with (CD_CHART_BAR, "Revenue", months, 1, CD_CHART_UNIT_FEN);
  g_autofree char *missing = g_build_filename (f->dir, "gone", "pack.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;

  g_assert_false (cd_director_pack_write_charts (&chart, 1, missing, &error));
  g_assert_nonnull (error);
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/reports/director-pack/sheets-hold-tables-and-native-charts-over-them", Fixture, NULL,
              fixture_setup, test_pack, fixture_teardown);
  g_test_add ("/reports/director-pack/visit-plan-completion-per-person-and-month", Fixture, NULL,
              fixture_setup, test_plan_completion_sheet, fixture_teardown);
  g_test_add ("/reports/director-pack/export-reads-each-months-completion", Fixture, NULL,
              fixture_setup, test_export_reads_the_completion, fixture_teardown);
  g_test_add ("/reports/director-pack/failed-export-leaves-no-file", Fixture, NULL,
              fixture_setup, test_failed_pack_leaves_nothing, fixture_teardown);
  return g_test_run ();
}
