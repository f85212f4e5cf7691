/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): a 50-line quote rendered to PDF from the
 * database, as `render quote` and the window do it, repeated; prints the
 * first (cold) run, the median and the 95th percentile. Budget (DESIGN.md
 * §8): 150 ms. Exit status 1 when the 95th percentile is over budget.
 *
 *   bench-quote-pdf [--runs N] [-o KEEP.pdf]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "reports/cd-quote-pdf.h"
#include "store/cd-store-private.h"

#define BUDGET_MS 150.0

static const char *const items[] = {
  "主视觉设计", "海报设计", "户外喷绘画面", "易拉宝", "展台搭建", "LED 大屏租赁", "宣传册印刷",
  "短视频拍摄", "礼品定制", "现场执行", "活动策划", "文案撰写",
};
static const char *const specs[] = {
  "含三稿修改，源文件交付", "A2 铜版纸 157g，四色印刷", "5m × 3m 户外写真布，含安装拆除",
  "80cm × 200cm，含铝合金架", "特装 36㎡，木结构烤漆，含灯光", "P3 室内屏 4m × 2.25m，含技术人员",
  "210mm × 285mm 骑马钉 24P，封面覆哑膜", "4K 拍摄 1 天，含剪辑与调色", "定制 LOGO 保温杯，含礼盒",
  "执行人员 6 名 × 2 天", "整体方案及流程脚本", "新闻稿 3 篇、社交媒体文案 10 条",
};
static const char *const units[] = { "项", "张", "m²", "个", "套", "天", "本", "次", "件", "场" };

static gint64
make_quote (CdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_quote_line_free);
  gint64 id;

  cd_store_exec (store,
    "INSERT INTO setting VALUES ('company.name', '上海青禾广告有限公司'),"
    " ('company.address', '上海市静安区南京西路 1266 号恒隆广场 28 楼'),"
    " ('company.phone', '021-6288 1234'), ('company.tax_id', '91310106MA1FY3XK2P'),"
    " ('company.bank', '招商银行上海南京西路支行'), ('company.account', '1219 0888 7710 602');"
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id, address, invoice_tax_id)"
    "  VALUES (1, '杭州云栖茶业有限公司', 'active', 1, '浙江省杭州市西湖区龙井路 18 号', '91330106MA2H4L7Q3N');"
    "INSERT INTO contact (client_id, name, phone, is_primary) VALUES (1, '王小明', '138 0000 1111', 1);"
    "INSERT INTO project (id, number, client_id, name, status) VALUES (1, 'XM202603-0001', 1, '春茶上市发布会', 'quoting');",
    &error);
  for (int i = 0; i < 50; i++)
    {
      CdQuoteLine *line = cd_quote_line_new ();

      line->item = g_strdup (items[i % G_N_ELEMENTS (items)]);
      line->spec = g_strdup (specs[(i * 5) % G_N_ELEMENTS (specs)]);
      line->unit = g_strdup (units[i % G_N_ELEMENTS (units)]);
      line->qty_milli = 1000 * (1 + i % 7) + (i % 3) * 250;
      line->unit_price_fen = 35000 + i * 13337;
      line->discount_bp = i % 9 == 0 ? 500 : 0;
      line->tax_rate_bp = i % 4 == 0 ? 1300 : 600;
      g_ptr_array_add (lines, line);
    }
  id = cd_store_quote_create (store, 1, "2026-03-10", &error);
  if (id == 0 || !cd_store_quote_set_lines (store, id, lines, &error)
      || !cd_store_quote_set_details (store, id, "2026-04-10", "签约后付 50%，验收合格后付 50%",
                                      "以上报价含设计、制作及安装，不含场地租赁费用。", &error))
    {
      g_printerr ("cannot make the quote: %s\n", error->message);
      exit (2);
    }
  return id;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cd-bench-pdf-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *out = g_build_filename (dir, "quote.pdf", NULL);
  g_autoptr (CdStore) store = NULL;
  const char *keep = NULL;
  g_autofree double *ms = NULL;
  int runs = 30;
  double median, p95;
  gint64 id;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          int n = atoi (argv[++i]);
          runs = MAX (3, n);
        }
      else if (strcmp (argv[i], "-o") == 0 && i + 1 < argc)
        keep = argv[++i];
      else
        {
          g_printerr ("usage: %s [--runs N] [-o KEEP.pdf]\n", argv[0]);
          return 2;
        }
    }

  store = cd_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  id = make_quote (store);
  ms = g_new0 (double, runs + 1);
  /* Run 0 is cold: fontconfig and the CJK font are loaded once a process. */
  for (int i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!cd_quote_pdf_render (store, id, out, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (ms + 1, runs, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  median = runs % 2 ? ms[1 + runs / 2] : (ms[runs / 2] + ms[1 + runs / 2]) / 2;
  p95 = ms[1 + (int) ((runs - 1) * 0.95 + 0.5)];

  {
    GStatBuf st;
    g_stat (out, &st);
    printf ("quote PDF, 50 lines, %d runs: first %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms;"
             " %ld bytes; budget %.0f ms: %s\n",
             runs, ms[0], median, p95, ms[runs], (long) st.st_size, BUDGET_MS,
             p95 <= BUDGET_MS ? "within" : "OVER");
  }
  if (keep != NULL)
    {
      g_autofree char *contents = NULL;
      gsize len;
      if (g_file_get_contents (out, &contents, &len, NULL))
        g_file_set_contents (keep, contents, len, NULL);
    }
  g_clear_object (&store);
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
  return p95 <= BUDGET_MS ? 0 : 1;
}
