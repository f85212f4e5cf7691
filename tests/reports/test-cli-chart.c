/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `render chart` and `export director-pack` keep the command-line contract
 * of DESIGN.md §7: files of the asked format on success; status 1 with one
 * line and nothing written for a bad month, a reversed period, an unknown
 * chart or extension; status 2 for a malformed command line. */
#include <glib/gstdio.h>
#include <cairo.h>

#include "cd-cli-test-util.h"

static const char *const charts[] = {
  "revenue", "pipeline", "projects-by-status", "supplier-spend",
  "supplier-quality", "workload", "client-growth", "receivables-aging",
};

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static char *demo_db;   /* made once, copied per test */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length;

  f->dir = cd_make_temp_dir ();
  f->db = g_build_filename (f->dir, "agency.db", NULL);
  g_assert_true (g_file_get_contents (demo_db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->db, contents, length, NULL));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  cd_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_every_chart_in_every_format (Fixture *f, gconstpointer data)
{
  static const char *const formats[] = { "png", "svg", "pdf" };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", charts[c], formats[k]);
        g_autofree char *out = g_build_filename (f->dir, name, NULL);
        g_autoptr (CdRun) run = cd_run_cli ("--db", f->db, "render", "chart", charts[c],
                                            "--from", "2025-01", "--to", "2025-12", "-o", out, NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;

        g_assert_cmpint (run->status, ==, 0);
        g_assert_cmpstr (run->err, ==, "");
        g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        if (k == 0)
          {
            cairo_surface_t *image = cairo_image_surface_create_from_png (out);

            g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1123);
            g_assert_cmpint (cairo_image_surface_get_height (image), ==, 794);
            cairo_surface_destroy (image);
          }
        else if (k == 1)
          g_assert_nonnull (strstr (contents, "<svg"));
        else
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      }
}

static void
test_director_pack (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "pack.xlsx", NULL);
  g_autoptr (CdRun) run = cd_run_cli ("--db", f->db, "export", "director-pack", "--from", "2025-01",
                                      "--to", "2025-12", "-o", out, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK\3\4", 4) == 0);
}

/* Refusals: status 1, one line, nothing written. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "out.png", NULL);
  g_autofree char *gif = g_build_filename (f->dir, "out.gif", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  const char *const cases[][12] = {
    { "--db", f->db, "render", "chart", "revenue", "--from", "2025-13", "--to", "2025-12", "-o", png },
    { "--db", f->db, "render", "chart", "revenue", "--from", "2025-1", "--to", "2025-12", "-o", png },
    { "--db", f->db, "render", "chart", "revenue", "--from", "2025-06", "--to", "2025-05", "-o", png },
    { "--db", f->db, "render", "chart", "revenues", "--from", "2025-01", "--to", "2025-05", "-o", png },
    { "--db", f->db, "render", "chart", "revenue", "--from", "2025-01", "--to", "2025-05", "-o", gif },
    { "--db", f->db, "export", "director-pack", "--from", "2025-01", "--to", "2025-05", "-o", csv },
    { "--db", f->db, "export", "director-pack", "--from", "2025-09", "--to", "2025-05", "-o", xlsx },
    { "--db", missing, "render", "chart", "revenue", "--from", "2025-01", "--to", "2025-05", "-o", png },
  };
  guint before = count_entries (f->dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdRun) run = cd_run_cli_argv (NULL, cases[i]);

      g_test_message ("case %u: %s", i, run->err);
      cd_assert_refused (run);
    }
  g_assert_cmpuint (count_entries (f->dir), ==, before);
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "out.png", NULL);
  const char *const cases[][10] = {
    { "--db", f->db, "render", "chart", "revenue", "--from", "2025-01", "-o", png },
    { "--db", f->db, "render" },
    { "--db", f->db, "render", "chart", "--from", "2025-01", "--to", "2025-02", "-o", png },
    { "--db", f->db, "render", "painting", "revenue" },
    { "--db", f->db, "export" },
    { "--db", f->db, "export", "director-pack", "--from", "2025-01", "--to", "2025-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdRun) run = cd_run_cli_argv (NULL, cases[i]);

      g_test_message ("case %u: %s", i, run->err);
      cd_assert_usage (run);
    }
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  dir = cd_make_temp_dir ();
  demo_db = g_build_filename (dir, "demo.db", NULL);
  {
    g_autoptr (CdRun) run = cd_run_cli ("--db", demo_db, "demo", "--seed", "3", NULL);
    if (run->status != 0)
      g_test_message ("demo: %s", run->err);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reports/cli/render-chart-writes-every-chart-as-png-svg-and-pdf", test_every_chart_in_every_format);
  ADD ("/reports/cli/export-director-pack-writes-a-workbook", test_director_pack);
  ADD ("/reports/cli/bad-months-names-and-extensions-are-refused", test_refusals);
  ADD ("/reports/cli/malformed-command-lines-are-usage-errors", test_usage_errors);
  status = g_test_run ();
  cd_remove_tree (dir);
  g_free (demo_db);
  return status;
}
