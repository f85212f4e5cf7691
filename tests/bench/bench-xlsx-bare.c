/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline of the supplier-sheet budget (DESIGN.md §8): libxlsxwriter
 * in constant_memory mode writing ROWS rows of the Details sheet's shape
 * (9 text cells, 6 numbers, 2 dates) and nothing else: no database, no
 * checks. The real export may take at most 1.5 times as long.
 *
 *   bench-xlsx-bare ROWS OUT.xlsx
 *
 * Prints its time on stderr and its peak RSS ("VmHWM: N kB", the process's
 * own, whoever started it) on stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

/* Text of the lengths the demo's details have (supplier, order number,
 * project, client, item, specification, unit, acceptance, accepted by). */
static const char *const texts[9] = {
  "上海康美数码喷印有限公司", "CG202609-00057", "XM202607-0026 智绿饮料2026全国门店促销物料",
  "上海智绿饮料有限公司", "门店海报", "200g铜版纸 A1", "张", "YS202610-00069", "陈艳",
};

/* ru_maxrss of a child also counts its parent's pages when it was started
 * with fork or vfork: the kernel's own high-water mark of this image is
 * exact. */
static void
print_peak_rss (void)
{
  char line[256];
  FILE *status = fopen ("/proc/self/status", "r");

  while (status != NULL && fgets (line, sizeof line, status) != NULL)
    if (strncmp (line, "VmHWM:", 6) == 0)
      fputs (line, stdout);
  if (status != NULL)
    fclose (status);
}

int
main (int argc, char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *money, *date;
  struct timespec t0, t1;
  long rows;

  if (argc != 3 || (rows = strtol (argv[1], NULL, 10)) <= 0)
    {
      fprintf (stderr, "usage: %s ROWS OUT.xlsx\n", argv[0]);
      return 2;
    }
  clock_gettime (CLOCK_MONOTONIC, &t0);
  wb = workbook_new_opt (argv[2], &options);
  ws = workbook_add_worksheet (wb, "Details");
  money = workbook_add_format (wb);
  format_set_num_format (money, "¥#,##0.00");
  date = workbook_add_format (wb);
  format_set_num_format (date, "yyyy-mm-dd");

  for (lxw_row_t r = 0; r < (lxw_row_t) rows; r++)
    {
      lxw_datetime dt = { 2026, 10, 1 + (int) (r % 28), 0, 0, 0 };
      lxw_col_t c = 0;

      for (int i = 0; i < 6; i++)
        worksheet_write_string (ws, r, c++, texts[i], NULL);
      worksheet_write_number (ws, r, c++, (double) (r % 1000) + 0.5, NULL);
      worksheet_write_string (ws, r, c++, texts[6], NULL);
      for (int i = 0; i < 5; i++)
        worksheet_write_number (ws, r, c++, (double) r / 100.0, money);
      worksheet_write_datetime (ws, r, c++, &dt, date);
      worksheet_write_datetime (ws, r, c++, &dt, date);
      worksheet_write_string (ws, r, c++, texts[7], NULL);
      worksheet_write_string (ws, r, c++, texts[8], NULL);
    }
  if (workbook_close (wb) != LXW_NO_ERROR)
    return 1;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  fprintf (stderr, "bare: %ld rows × 17 cells in %.3f s\n", rows,
           (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  print_peak_rss ();
  return 0;
}
