/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `render quote NUMBER[/vN]` and `render contract NUMBER` keep the
 * command-line contract: a PDF on success (the latest version unless /vN
 * names one); status 1 with one line and nothing written for an unknown
 * number, a bad suffix or a file not ending in .pdf; status 2 without -o. */
#include <string.h>
#include <glib/gstdio.h>

#include "cd-cli-test-util.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-private.h"
#include "store/cd-store-quotes.h"

typedef struct
{
  char  *dir;
  char  *db;
  char  *quote_number;
  char  *contract_number;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdQuoteLine) line = cd_quote_line_new ();
  g_autoptr (CdQuote) quote = NULL;
  g_autoptr (CdContract) contract = NULL;
  const CdInstallmentShare all[] = { { "全款", "2026-04-01", 10000 } };
  gint64 v1, v2, k;

  f->dir = cd_make_temp_dir ();
  f->db = g_build_filename (f->dir, "agency.db", NULL);
  store = cd_store_open (f->db, &error);
  g_assert_no_error (error);
  cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status) VALUES (1, 'XM202603-0001', 1, '春茶上市发布会', 'quoting');",
    &error);
  line->item = g_strdup ("主视觉设计");
  line->unit_price_fen = 800000;
  v1 = cd_store_quote_create (store, 1, "2026-03-10", &error);
  cd_store_quote_add_line (store, v1, line, 0, &error);
  cd_store_quote_send (store, v1, "2026-03-11", &error);
  v2 = cd_store_quote_new_version (store, v1, "降价", &error);
  cd_store_quote_send (store, v2, "2026-03-12", &error);
  cd_store_quote_accept (store, v2, "2026-03-13", &error);
  k = cd_store_contract_create_from_quote (store, v2, "2026-03-14", &error);
  cd_store_contract_split_installments (store, k, all, 1, &error);
  cd_store_contract_sign (store, k, "2026-03-15", &error);
  g_assert_no_error (error);
  quote = cd_store_quote_get (store, v2, NULL);
  contract = cd_store_contract_get (store, k, NULL);
  f->quote_number = g_strdup (quote->number);
  f->contract_number = g_strdup (contract->number);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  cd_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
  g_free (f->quote_number);
  g_free (f->contract_number);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, NULL);
  return out;
}

static void
test_renders_latest_or_named_version (Fixture *f, gconstpointer data)
{
  g_autofree char *latest = g_build_filename (f->dir, "latest.pdf", NULL);
  g_autofree char *first = g_build_filename (f->dir, "first.pdf", NULL);
  g_autofree char *contract = g_build_filename (f->dir, "contract.pdf", NULL);
  g_autofree char *v1 = g_strdup_printf ("%s/v1", f->quote_number);
  g_autoptr (CdRun) a = cd_run_cli ("--db", f->db, "render", "quote", f->quote_number, "-o", latest, NULL);
  g_autoptr (CdRun) b = cd_run_cli ("--db", f->db, "render", "quote", v1, "-o", first, NULL);
  g_autoptr (CdRun) c = cd_run_cli ("--db", f->db, "render", "contract", f->contract_number, "-o", contract,
                                    NULL);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *text_c = NULL;

  g_assert_cmpint (a->status, ==, 0);
  g_assert_cmpint (b->status, ==, 0);
  g_assert_cmpint (c->status, ==, 0);
  g_assert_true (g_file_test (latest, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (contract, G_FILE_TEST_IS_REGULAR));
  if ((text_a = pdf_text (latest)) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text_b = pdf_text (first);
  text_c = pdf_text (contract);
  g_assert_nonnull (strstr (text_a, "/v2"));
  g_assert_nonnull (strstr (text_b, "/v1"));
  g_assert_nonnull (strstr (text_c, f->contract_number));
  g_assert_nonnull (strstr (text_c, "捌仟肆佰捌拾元整"));   /* 8,000.00 + 6 % */
}

static void
test_refusals_write_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "out.txt", NULL);
  g_autofree char *v9 = g_strdup_printf ("%s/v9", f->quote_number);
  g_autofree char *vx = g_strdup_printf ("%s/vx", f->quote_number);
  const char *const *cases[] = {
    (const char *const[]) { "--db", f->db, "render", "quote", "QT000000-9999", "-o", out, NULL },
    (const char *const[]) { "--db", f->db, "render", "quote", v9, "-o", out, NULL },
    (const char *const[]) { "--db", f->db, "render", "quote", vx, "-o", out, NULL },
    (const char *const[]) { "--db", f->db, "render", "contract", "HT000000-9999", "-o", out, NULL },
    (const char *const[]) { "--db", f->db, "render", "quote", f->quote_number, "-o", txt, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdRun) run = cd_run_cli_argv (NULL, cases[i]);

      g_test_message ("case %u: %s", i, run->err);
      cd_assert_refused (run);
    }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  {
    g_autoptr (CdRun) run = cd_run_cli ("--db", f->db, "render", "quote", f->quote_number, NULL);
    cd_assert_usage (run);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/cli/render/draws-the-latest-version-or-the-one-named", Fixture, NULL, fixture_setup,
              test_renders_latest_or_named_version, fixture_teardown);
  g_test_add ("/cli/render/refuses-unknown-numbers-and-writes-nothing", Fixture, NULL, fixture_setup,
              test_refusals_write_nothing, fixture_teardown);
  return g_test_run ();
}
