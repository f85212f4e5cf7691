/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quote and contract PDFs, read back with pdftotext: the number, the
 * client, every line, the total and its capitals are there; long tables
 * carry their header onto the next page; a failed render leaves nothing. */
#include <string.h>
#include <glib/gstdio.h>

#include "core/cd-money.h"
#include "reports/cd-contract-pdf.h"
#include "reports/cd-quote-pdf.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  CdStore *store;
  gint64   quote_id;
} Fixture;

static const char *const items[] = { "主视觉设计", "户外喷绘", "易拉宝", "短视频拍摄", "现场执行" };

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
  guint n_lines = GPOINTER_TO_UINT (data);

  f->dir = g_dir_make_tmp ("cd-pdf-XXXXXX", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  cd_store_exec (f->store,
    "INSERT INTO setting VALUES ('company.name', '上海青禾广告有限公司'),"
    " ('company.address', '上海市静安区南京西路 1266 号'), ('company.phone', '021-6288 1234'),"
    " ('company.tax_id', '91310106MA1FY3XK2P'), ('company.bank', '招商银行上海分行'),"
    " ('company.account', '121908887710602'), ('company.logo', '/nonexistent/logo.png');"
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id, address, invoice_tax_id, invoice_bank,"
    "  invoice_account) VALUES (1, '杭州云栖茶业有限公司', 'active', 1, '杭州市西湖区龙井路 18 号',"
    "  '91330106MA2H4L7Q3N', '工商银行杭州西湖支行', '1202021109900123456');"
    "INSERT INTO contact (client_id, name, phone, is_primary) VALUES (1, '王小明', '13800001111', 1);"
    "INSERT INTO project (id, number, client_id, name, status) VALUES (1, 'XM202603-0001', 1, '春茶上市发布会', 'quoting');",
    &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_lines; i++)
    {
      CdQuoteLine *line = cd_quote_line_new ();

      line->item = g_strdup_printf ("%s%u", items[i % G_N_ELEMENTS (items)], i + 1);
      line->spec = g_strdup ("A2 铜版纸");
      line->unit = g_strdup ("项");
      line->qty_milli = 3000;
      line->unit_price_fen = 3333 + i;
      line->tax_rate_bp = i % 2 ? 1300 : 600;
      g_ptr_array_add (lines, line);
    }
  f->quote_id = cd_store_quote_create (f->store, 1, "2026-03-10", &error);
  g_assert_true (cd_store_quote_set_lines (f->store, f->quote_id, lines, &error));
  g_assert_true (cd_store_quote_set_details (f->store, f->quote_id, "2026-04-10", "签约后付 50%", NULL,
                                             &error));
  g_assert_true (cd_store_quote_send (f->store, f->quote_id, "2026-03-11", &error));
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

/* The text of @path, or NULL (and the test skipped) without pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static guint
n_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_quote_pdf_holds_the_document (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "quote.pdf", NULL);
  g_autoptr (CdQuote) quote = cd_store_quote_get (f->store, f->quote_id, NULL);
  g_autofree char *text = NULL;
  g_autofree char *total = cd_money_format (quote->total_fen);
  g_autofree char *words = cd_money_to_words (quote->total_fen);
  guint before = n_files (f->dir);

  g_assert_true (cd_quote_pdf_render (f->store, f->quote_id, path, &error));
  g_assert_no_error (error);
  /* Just the PDF was added: no temporary file left beside it. */
  g_assert_cmpuint (n_files (f->dir), ==, before + 1);
  if ((text = pdf_text (path)) == NULL)
    return;
  g_assert_nonnull (strstr (text, quote->number));
  g_assert_nonnull (strstr (text, "杭州云栖茶业有限公司"));
  g_assert_nonnull (strstr (text, "上海青禾广告有限公司"));
  for (guint i = 0; i < quote->lines->len; i++)
    {
      CdQuoteLine *line = g_ptr_array_index (quote->lines, i);
      g_autofree char *amount = cd_money_format (line->amount_fen);

      g_assert_nonnull (strstr (text, line->item));
      g_assert_nonnull (strstr (text, amount));
    }
  g_assert_nonnull (strstr (text, total));
  g_assert_nonnull (strstr (text, words));
  g_assert_nonnull (strstr (text, "2026-04-10"));
  g_assert_nonnull (strstr (text, "13%"));
  g_test_message ("total %s, %s", total, words);
}

static void
test_long_quote_repeats_table_header (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "long.pdf", NULL);
  g_autoptr (CdQuote) quote = cd_store_quote_get (f->store, f->quote_id, NULL);
  g_autofree char *text = NULL;
  g_autofree char *words = cd_money_to_words (quote->total_fen);
  guint pages;

  g_assert_true (cd_quote_pdf_render (f->store, f->quote_id, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path)) == NULL)
    return;
  pages = count (text, "\f");
  g_test_message ("%u lines on %u pages", quote->lines->len, pages);
  g_assert_cmpuint (pages, >=, 3);
  /* One table header per page the table runs onto. */
  g_assert_cmpuint (count (text, "Unit price"), >=, pages - 1);
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, ((CdQuoteLine *) quote->lines->pdata[quote->lines->len - 1])->item));
  g_assert_nonnull (strstr (text, words));
}

static void
test_contract_pdf_holds_the_document (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "contract.pdf", NULL);
  g_autoptr (CdContract) k = NULL;
  g_autofree char *text = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *words = NULL;
  const CdInstallmentShare shares[] = {
    { "签约首付款", "2026-03-20", 5000 }, { "验收尾款", "2026-05-20", 5000 },
  };
  gint64 id;

  g_assert_true (cd_store_quote_accept (f->store, f->quote_id, "2026-03-12", &error));
  id = cd_store_contract_create_from_quote (f->store, f->quote_id, "2026-03-15", &error);
  g_assert_true (cd_store_contract_split_installments (f->store, id, shares, 2, &error));
  g_assert_true (cd_store_contract_sign (f->store, id, "2026-03-16", &error));
  g_assert_true (cd_contract_pdf_render (f->store, id, path, &error));
  g_assert_no_error (error);
  k = cd_store_contract_get (f->store, id, NULL);
  amount = cd_money_format (k->amount_fen);
  words = cd_money_to_words (k->amount_fen);
  if ((text = pdf_text (path)) == NULL)
    return;
  g_assert_nonnull (strstr (text, k->number));
  g_assert_nonnull (strstr (text, k->quote_number));
  g_assert_nonnull (strstr (text, "杭州云栖茶业有限公司"));
  g_assert_nonnull (strstr (text, "1202021109900123456"));
  g_assert_nonnull (strstr (text, "121908887710602"));
  g_assert_nonnull (strstr (text, "春茶上市发布会"));
  g_assert_nonnull (strstr (text, amount));
  g_assert_nonnull (strstr (text, words));
  g_assert_nonnull (strstr (text, "第九条"));
  g_assert_nonnull (strstr (text, "签约首付款"));
  g_assert_nonnull (strstr (text, "验收尾款"));
  g_assert_nonnull (strstr (text, "2026-05-20"));
  g_assert_nonnull (strstr (text, "50%"));
}

/* A reduction: what it takes off, in figures and capitals, and the contract
 * it amends; no payment schedule of its own. */
static void
test_reduction_pdf_says_what_comes_off (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "amendment.pdf", NULL);
  g_autoptr (CdContract) k = NULL;
  g_autofree char *text = NULL;
  const CdInstallmentShare all[] = { { "全款", "2026-05-20", 10000 } };
  gint64 id, a;

  g_assert_true (cd_store_quote_accept (f->store, f->quote_id, "2026-03-12", &error));
  id = cd_store_contract_create_from_quote (f->store, f->quote_id, "2026-03-15", &error);
  g_assert_true (cd_store_contract_split_installments (f->store, id, all, 1, &error));
  g_assert_true (cd_store_contract_sign (f->store, id, "2026-03-16", &error));
  a = cd_store_contract_amend (f->store, id, "取消现场搭建", -12345, "2026-04-01", &error);
  g_assert_no_error (error);
  g_assert_true (cd_contract_pdf_render (f->store, a, path, &error));
  g_assert_no_error (error);
  k = cd_store_contract_get (f->store, a, NULL);
  if ((text = pdf_text (path)) == NULL)
    return;
  g_assert_nonnull (strstr (text, k->number));
  g_assert_nonnull (strstr (text, k->amends_number));
  g_assert_nonnull (strstr (text, "Amount taken off"));
  g_assert_nonnull (strstr (text, "¥123.45"));
  g_assert_nonnull (strstr (text, "壹佰贰拾叁元肆角伍分"));
  g_assert_nonnull (strstr (text, "取消现场搭建"));
  g_assert_null (strstr (text, "Payment schedule"));
}

static void
test_failed_render_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing_dir = g_build_filename (f->dir, "no-such-folder", "quote.pdf", NULL);
  g_autofree char *path = g_build_filename (f->dir, "quote.pdf", NULL);
  guint before = n_files (f->dir);

  g_assert_false (cd_quote_pdf_render (f->store, f->quote_id, missing_dir, &error));
  g_assert_error (error, CD_PDF_ERROR, CD_PDF_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (cd_quote_pdf_render (f->store, 9999, path, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cd_contract_pdf_render (f->store, 9999, path, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_files (f->dir), ==, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/reports/quote-pdf/holds-number-client-lines-total-and-capitals", Fixture,
              GUINT_TO_POINTER (5), fixture_setup, test_quote_pdf_holds_the_document, fixture_teardown);
  g_test_add ("/reports/quote-pdf/long-table-repeats-its-header-on-every-page", Fixture,
              GUINT_TO_POINTER (90), fixture_setup, test_long_quote_repeats_table_header, fixture_teardown);
  g_test_add ("/reports/contract-pdf/holds-parties-amount-capitals-clauses-installments", Fixture,
              GUINT_TO_POINTER (4), fixture_setup, test_contract_pdf_holds_the_document, fixture_teardown);
  g_test_add ("/reports/contract-pdf/a-reduction-says-what-comes-off", Fixture,
              GUINT_TO_POINTER (4), fixture_setup, test_reduction_pdf_says_what_comes_off, fixture_teardown);
  g_test_add ("/reports/document-pdf/failed-render-leaves-no-file", Fixture,
              GUINT_TO_POINTER (2), fixture_setup, test_failed_render_leaves_nothing, fixture_teardown);

  return g_test_run ();
}
