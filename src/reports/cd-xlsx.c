/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workbook plumbing shared by every export; see cd-xlsx.h. */
#define G_LOG_DOMAIN "cd-reports"
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* memfd_create () */
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "reports/cd-xlsx.h"

/* Widths in Excel's units (about one Latin character). */
#define WIDTH_MIN 6.0
#define WIDTH_MAX 60.0
#define WIDTH_PADDING 2.0
/* Excel keeps at most this many characters in a cell (LXW_STR_MAX, not in
 * the installed headers). */
#define CELL_TEXT_MAX 32767

struct _CdXlsxSheet
{
  CdXlsx        *owner;
  lxw_worksheet *ws;
  guint          n_columns;
  guint32        row;
  double        *widths;    /* display width seen per column */
};

struct _CdXlsx
{
  lxw_workbook *wb;
  char         *target;
  char         *tmp_path;
  char         *dir;
  GPtrArray    *sheets;     /* CdXlsxSheet * */
  GHashTable   *names;      /* casefolded sheet names */
  lxw_format   *header;
  lxw_format   *formats[CD_XLSX_N_KINDS][2];   /* [kind][bold] */
  lxw_format   *quantity_whole[2];
  lxw_format   *rate_fraction[2];
  lxw_error     error;      /* the first failed write */
  guint32       error_row;
  locale_t      numeric_c;
  locale_t      saved_locale;
};

G_DEFINE_QUARK (cd-report-error-quark, cd_report_error)

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* Excel reads "_xHHHH_" inside any string as an escaped character: the
 * underscore of such a sequence typed by a user is escaped in turn
 * ("_x005F_"), so the cell shows what was typed. */
static gboolean
is_excel_escape (const char *p)
{
  if (p[0] != '_' || p[1] != 'x')
    return FALSE;
  for (int i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return p[6] == '_';
}

/* The fast path: most text goes to the cell as it is, uncopied. */
static gboolean
needs_cleaning (const char *text)
{
  const guchar *p;
  gsize length;

  for (p = (const guchar *) text; *p; p++)
    {
      if (*p < 0x20)
        {
          if (*p != '\t' && *p != '\n')
            return TRUE;
        }
      else if (*p == '_')
        {
          if (is_excel_escape ((const char *) p))
            return TRUE;
        }
      else if (*p == 0xC2)
        {
          if (p[1] >= 0x80 && p[1] <= 0x9F)   /* a C1 control */
            return TRUE;
        }
      else if (*p == 0xEF)
        {
          if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))   /* U+FFFE, U+FFFF */
            return TRUE;
        }
    }
  length = (gsize) ((const char *) p - text);
  if (!g_utf8_validate_len (text, length, NULL))
    return TRUE;
  return length > CELL_TEXT_MAX && g_utf8_strlen (text, (gssize) length) > CELL_TEXT_MAX;
}

/* C0 and C1 controls other than tab and newline, and the non-characters
 * U+FFFE / U+FFFF, cannot be written in XML: a control becomes a space (it
 * separated words), a non-character U+FFFD. "\r\n" and "\r" become "\n". */
static void
append_clean_char (GString *out, const char *p, gunichar c)
{
  if (c == '\r')
    {
      if (p[1] != '\n')
        g_string_append_c (out, '\n');
    }
  else if (c == '\t' || c == '\n')
    g_string_append_c (out, (char) c);
  else if (c < 0x20 || (c >= 0x80 && c <= 0x9F))
    g_string_append_c (out, ' ');
  else if (c == 0xFFFE || c == 0xFFFF)
    g_string_append_unichar (out, 0xFFFD);
  else if (c == '_' && is_excel_escape (p))
    g_string_append (out, "_x005F_");
  else
    g_string_append_unichar (out, c);
}

char *
cd_xlsx_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  glong n = 0;

  if (text == NULL)
    return NULL;
  if (!needs_cleaning (text))
    return g_strdup (text);
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p && n < CELL_TEXT_MAX; p = g_utf8_next_char (p), n++)
    append_clean_char (out, p, g_utf8_get_char (p));
  /* The escapes added above may push the text over Excel's limit. */
  while (g_utf8_strlen (out->str, -1) > CELL_TEXT_MAX)
    g_string_truncate (out, g_utf8_prev_char (out->str + out->len) - out->str);
  return g_string_free (out, FALSE);
}

/* East Asian wide and fullwidth characters of the Basic Multilingual Plane
 * (Hangul Jamo, CJK radicals to Yi, Hangul syllables, compatibility
 * ideographs and forms, fullwidth forms): close enough to Unicode's East
 * Asian Width for fitting columns, and cheap on every cell. */
static gboolean
bmp_is_wide (gunichar c)
{
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
         || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
         || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
         || (c >= 0xFFE0 && c <= 0xFFE6);
}

/* Display width of valid UTF-8: wide characters take two columns, those
 * beyond the BMP (emoji, rare ideographs) too. Counting stops at the widest
 * column allowed. */
static double
text_width (const char *text)
{
  const guchar *p = (const guchar *) text;
  double width = 0;

  while (*p && width < WIDTH_MAX)
    {
      if (*p < 0x80)
        width += *p++ == '\n' ? 0 : 1;
      else if (*p < 0xE0)
        width += 1, p += 2;
      else if (*p < 0xF0)
        {
          gunichar c = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6)
                       | (p[2] & 0x3F);

          width += bmp_is_wide (c) ? 2 : 1;
          p += 3;
        }
      else
        width += 2, p += 4;
    }
  return width;
}

static int
digits (gint64 value)
{
  int n = 1;

  if (value < 0)
    value = -value, n++;
  while (value >= 10)
    value /= 10, n++;
  return n;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
note (CdXlsxSheet *sheet, guint col, double width, lxw_error err)
{
  if (err != LXW_NO_ERROR && sheet->owner->error == LXW_NO_ERROR)
    {
      sheet->owner->error = err;
      sheet->owner->error_row = sheet->row;
    }
  if (col < sheet->n_columns && width > sheet->widths[col])
    sheet->widths[col] = MIN (width, WIDTH_MAX);
}

static void
write_text_full (CdXlsxSheet *sheet, guint col, const char *text, lxw_format *format,
                 gboolean fit)
{
  g_autofree char *clean = NULL;
  const char *value = text;
  lxw_error err;

  if (text == NULL || *text == '\0')
    return;
  if (needs_cleaning (text))
    value = clean = cd_xlsx_clean_text (text);
  /* worksheet_write_string always writes a string cell: text starting
   * with = + - @ is never taken for a formula. */
  err = worksheet_write_string (sheet->ws, sheet->row, (lxw_col_t) col, value, format);
  fit = fit && col < sheet->n_columns && sheet->widths[col] < WIDTH_MAX;
  note (sheet, col, fit ? text_width (value) : 0, err);
}

static void
write_text (CdXlsxSheet *sheet, guint col, const char *text, lxw_format *format)
{
  write_text_full (sheet, col, text, format, TRUE);
}

void
cd_xlsx_sheet_note (CdXlsxSheet *sheet, guint col, const char *text)
{
  write_text_full (sheet, col, text, NULL, FALSE);
}

void
cd_xlsx_sheet_text (CdXlsxSheet *sheet, guint col, const char *text)
{
  write_text (sheet, col, text, NULL);
}

void
cd_xlsx_sheet_bold_text (CdXlsxSheet *sheet, guint col, const char *text)
{
  write_text (sheet, col, text, sheet->owner->formats[CD_XLSX_TEXT][1]);
}

static void
write_number (CdXlsxSheet *sheet, guint col, double value, lxw_format *format, double width)
{
  note (sheet, col, width,
        worksheet_write_number (sheet->ws, sheet->row, (lxw_col_t) col, value, format));
}

/* Money is written as yuan: fen / 100 is exact to the fen in a double for
 * every amount the application accepts. */
static double
money_width (gint64 fen)
{
  int d = digits (fen / 100);

  return 1 + d + (d - 1) / 3 + 3;
}

void
cd_xlsx_sheet_money (CdXlsxSheet *sheet, guint col, gint64 fen)
{
  write_number (sheet, col, (double) fen / 100.0, sheet->owner->formats[CD_XLSX_MONEY][0],
                money_width (fen));
}

static gboolean
parse_iso_date (const char *text, lxw_datetime *out)
{
  int y, m, d;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  /* "YYYY-MM-DD" alone, or followed by a time that is not shown. */
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return FALSE;
  y = (int) g_ascii_strtoll (text, NULL, 10);
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < 1900 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  *out = (lxw_datetime) { .year = y, .month = m, .day = d };
  return TRUE;
}

void
cd_xlsx_sheet_date (CdXlsxSheet *sheet, guint col, const char *iso_date)
{
  lxw_datetime dt;

  if (iso_date == NULL || *iso_date == '\0')
    return;
  if (!parse_iso_date (iso_date, &dt))
    {
      write_text (sheet, col, iso_date, NULL);
      return;
    }
  note (sheet, col, 10,
        worksheet_write_datetime (sheet->ws, sheet->row, (lxw_col_t) col, &dt,
                                  sheet->owner->formats[CD_XLSX_DATE][0]));
}

void
cd_xlsx_sheet_datetime (CdXlsxSheet *sheet, guint col, GDateTime *datetime)
{
  lxw_datetime dt;

  if (datetime == NULL)
    return;
  dt = (lxw_datetime) {
    .year = g_date_time_get_year (datetime),
    .month = g_date_time_get_month (datetime),
    .day = g_date_time_get_day_of_month (datetime),
    .hour = g_date_time_get_hour (datetime),
    .min = g_date_time_get_minute (datetime),
    .sec = g_date_time_get_second (datetime),
  };
  note (sheet, col, 19,
        worksheet_write_datetime (sheet->ws, sheet->row, (lxw_col_t) col, &dt,
                                  sheet->owner->formats[CD_XLSX_DATETIME][0]));
}

void
cd_xlsx_sheet_integer (CdXlsxSheet *sheet, guint col, gint64 value)
{
  int d = digits (value);

  write_number (sheet, col, (double) value, sheet->owner->formats[CD_XLSX_INTEGER][0],
                d + (d - 1) / 3);
}

/* Whole quantities get "#,##0": "0.###" would show "5." in Excel. */
void
cd_xlsx_sheet_quantity (CdXlsxSheet *sheet, guint col, gint64 milli)
{
  gboolean whole = milli % 1000 == 0;
  lxw_format *format = whole ? sheet->owner->quantity_whole[0]
                             : sheet->owner->formats[CD_XLSX_QUANTITY][0];

  write_number (sheet, col, (double) milli / 1000.0, format,
                digits (milli / 1000) + (whole ? 0 : 4));
}

void
cd_xlsx_sheet_rate (CdXlsxSheet *sheet, guint col, int bp)
{
  lxw_format *format = bp % 100 == 0 ? sheet->owner->formats[CD_XLSX_RATE][0]
                                     : sheet->owner->rate_fraction[0];

  write_number (sheet, col, bp / 10000.0, format, bp % 100 == 0 ? 4 : 7);
}

void
cd_xlsx_sheet_hours (CdXlsxSheet *sheet, guint col, gint64 minutes)
{
  write_number (sheet, col, minutes / 60.0, sheet->owner->formats[CD_XLSX_HOURS][0],
                digits (minutes / 60) + 3);
}

static double
kind_value (CdXlsxKind kind, gint64 value)
{
  switch (kind)
    {
    case CD_XLSX_MONEY:
      return value / 100.0;
    case CD_XLSX_QUANTITY:
      return value / 1000.0;
    case CD_XLSX_HOURS:
      return value / 60.0;
    case CD_XLSX_RATE:
      return value / 10000.0;
    default:
      return (double) value;
    }
}

void
cd_xlsx_sheet_formula (CdXlsxSheet *sheet, guint col, const char *formula, double cached,
                       CdXlsxKind kind, gboolean bold)
{
  lxw_format *format = sheet->owner->formats[kind][bold ? 1 : 0];
  double width = kind == CD_XLSX_MONEY ? money_width ((gint64) (cached * 100)) + 1
                                       : digits ((gint64) cached) + 4;

  note (sheet, col, width,
        worksheet_write_formula_num (sheet->ws, sheet->row, (lxw_col_t) col, formula, format,
                                     cached));
}

char *
cd_xlsx_cell_name (guint32 row, guint col)
{
  char letters[8];
  int i = sizeof letters - 1;

  letters[i] = '\0';
  col++;
  while (col > 0 && i > 0)
    {
      letters[--i] = (char) ('A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

void
cd_xlsx_sheet_sum (CdXlsxSheet *sheet, guint col, gint64 cached, CdXlsxKind kind)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *formula = NULL;

  /* With no data row, "SUM(C2:C1)" would reach the title and this cell. */
  if (sheet->row <= 1)
    {
      cd_xlsx_sheet_formula (sheet, col, "=0", 0, kind, TRUE);
      return;
    }
  first = cd_xlsx_cell_name (1, col);
  last = cd_xlsx_cell_name (sheet->row - 1, col);
  formula = g_strdup_printf ("=SUM(%s:%s)", first, last);
  cd_xlsx_sheet_formula (sheet, col, formula, kind_value (kind, cached), kind, TRUE);
}

static void
set_lxw_error (GError **error, lxw_error err, const char *doing)
{
  int code = err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE
                 || err == LXW_ERROR_ZIP_FILE_OPERATION
               ? CD_REPORT_ERROR_IO
               : err == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE ? CD_REPORT_ERROR_TOO_LARGE
                                                                : CD_REPORT_ERROR_FAILED;

  if (code == CD_REPORT_ERROR_IO && errno != 0)
    g_set_error (error, CD_REPORT_ERROR, code, _("The workbook could not be written while %s: %s."),
                 doing, g_strerror (errno));
  else
    g_set_error (error, CD_REPORT_ERROR, code, _("The workbook could not be written while %s (%s)."),
                 doing, lxw_strerror (err));
}

gboolean
cd_xlsx_sheet_end_row (CdXlsxSheet *sheet, GError **error)
{
  CdXlsx *owner = sheet->owner;

  if (owner->error != LXW_NO_ERROR)
    {
      g_autofree char *doing = g_strdup_printf (_("filling row %u"), owner->error_row + 1);

      set_lxw_error (error, owner->error, doing);
      return FALSE;
    }
  if (sheet->row + 1 >= LXW_ROW_MAX)
    {
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_TOO_LARGE,
                   _("There are more rows than a worksheet holds (%u)."), (guint) LXW_ROW_MAX);
      return FALSE;
    }
  sheet->row++;
  return TRUE;
}

lxw_worksheet *
cd_xlsx_sheet_get_worksheet (CdXlsxSheet *sheet)
{
  return sheet->ws;
}

guint32
cd_xlsx_sheet_get_row (CdXlsxSheet *sheet)
{
  return sheet->row;
}

/* ------------------------------------------------------------------ */
/* Workbook and sheets                                                 */

static void
sheet_free (gpointer data)
{
  CdXlsxSheet *sheet = data;

  g_free (sheet->widths);
  g_free (sheet);
}

static lxw_format *
new_format (lxw_workbook *wb, const char *num_format, gboolean bold)
{
  lxw_format *format = workbook_add_format (wb);

  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  return format;
}

static void
create_formats (CdXlsx *self)
{
  static const char *const num_formats[CD_XLSX_N_KINDS] = {
    [CD_XLSX_TEXT] = NULL,
    [CD_XLSX_MONEY] = "¥#,##0.00",
    [CD_XLSX_DATE] = "yyyy-mm-dd",
    [CD_XLSX_DATETIME] = "yyyy-mm-dd hh:mm:ss",
    [CD_XLSX_INTEGER] = "#,##0",
    [CD_XLSX_QUANTITY] = "#,##0.###",
    [CD_XLSX_RATE] = "0%",
    [CD_XLSX_HOURS] = "#,##0.00",
    [CD_XLSX_PERCENT] = "0.0%",
  };

  self->header = new_format (self->wb, NULL, TRUE);
  format_set_bg_color (self->header, 0xDDEBF7);
  format_set_bottom (self->header, LXW_BORDER_THIN);
  format_set_text_wrap (self->header);
  format_set_align (self->header, LXW_ALIGN_VERTICAL_TOP);

  for (int bold = 0; bold < 2; bold++)
    {
      for (int kind = 0; kind < CD_XLSX_N_KINDS; kind++)
        self->formats[kind][bold] = (kind == CD_XLSX_TEXT && !bold)
                                      ? NULL
                                      : new_format (self->wb, num_formats[kind], bold);
      self->quantity_whole[bold] = new_format (self->wb, "#,##0", bold);
      self->rate_fraction[bold] = new_format (self->wb, "0.00%", bold);
    }
}

static int
create_temp_file (const char *dir, const char *target, char **out_path, GError **error)
{
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmpl = g_build_filename (dir, name, NULL);
  int fd;

  /* Every workbook holds client or supplier business (names, amounts,
   * bank details): readable by its owner only, like the database and its
   * backups (issue 10). Sharing it is a deliberate act: sending it. */
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO,
                   _("Cannot write in the folder “%s”: %s."), shown, g_strerror (saved));
      return -1;
    }
  *out_path = g_steal_pointer (&tmpl);
  return fd;
}

static gboolean
check_target (const char *target, GError **error)
{
  g_autofree char *shown = g_filename_display_name (target);

  if (target[0] == '\0')
    {
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO, _("No file name was given."));
      return FALSE;
    }
  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO,
                   _("“%s” is a folder: give a file name ending in .xlsx."), shown);
      return FALSE;
    }
  return TRUE;
}

CdXlsx *
cd_xlsx_open (const char *target, GError **error)
{
  g_autoptr (CdXlsx) self = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  int fd;

  g_return_val_if_fail (target != NULL, NULL);

  if (!check_target (target, error))
    return NULL;

  self = g_new0 (CdXlsx, 1);
  self->target = g_strdup (target);
  self->dir = g_path_get_dirname (target);
  self->sheets = g_ptr_array_new_with_free_func (sheet_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  fd = create_temp_file (self->dir, target, &self->tmp_path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  /* libxlsxwriter prints numbers with the C library and the thread's
   * locale: a decimal comma would corrupt the file. The export runs in the
   * C numeric locale; messages keep the user's. */
  self->numeric_c = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  if (self->numeric_c != (locale_t) 0)
    self->saved_locale = uselocale (self->numeric_c);

  /* Its row files go next to the target too: one disk to fill, not two. */
  options.tmpdir = self->dir;
  self->wb = workbook_new_opt (self->tmp_path, &options);
  if (self->wb == NULL)
    {
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_FAILED,
                   _("The workbook could not be created (out of memory?)."));
      return NULL;
    }
  create_formats (self);
  return g_steal_pointer (&self);
}

lxw_workbook *
cd_xlsx_get_workbook (CdXlsx *self)
{
  return self->wb;
}

const char *
cd_xlsx_get_target (CdXlsx *self)
{
  return self->target;
}

static void
restore_locale (CdXlsx *self)
{
  if (self->numeric_c != (locale_t) 0)
    {
      uselocale (self->saved_locale);
      freelocale (self->numeric_c);
      self->numeric_c = (locale_t) 0;
    }
}

/* libxlsxwriter closes a sheet's row file only while assembling the
 * workbook: a workbook dropped unwritten would keep them open. */
static void
close_row_files (CdXlsx *self)
{
  for (guint i = 0; i < self->sheets->len; i++)
    {
      CdXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (sheet->ws->optimize_tmpfile != NULL)
        {
          fclose (sheet->ws->optimize_tmpfile);
          sheet->ws->optimize_tmpfile = NULL;
          sheet->ws->file = NULL;
        }
    }
}

void
cd_xlsx_free (CdXlsx *self)
{
  if (self == NULL)
    return;
  if (self->wb != NULL)
    {
      close_row_files (self);
      lxw_workbook_free (self->wb);
    }
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  restore_locale (self);
  g_ptr_array_unref (self->sheets);
  g_hash_table_unref (self->names);
  g_free (self->tmp_path);
  g_free (self->target);
  g_free (self->dir);
  g_free (self);
}

static CdXlsxSheet *
new_sheet (CdXlsx *self, const char *name, guint n_columns, GError **error)
{
  CdXlsxSheet *sheet;
  lxw_worksheet *ws;
  lxw_error err = workbook_validate_sheet_name (self->wb, name);

  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_FAILED,
                   _("“%s” cannot name a sheet (%s)."), name, lxw_strerror (err));
      return NULL;
    }
  ws = workbook_add_worksheet (self->wb, name);
  if (ws == NULL)
    {
      /* In constant_memory mode each sheet holds a row file open. */
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO,
                   _("The sheet “%s” could not be created: %s."), name, g_strerror (errno));
      return NULL;
    }
  g_hash_table_add (self->names, g_utf8_casefold (name, -1));

  sheet = g_new0 (CdXlsxSheet, 1);
  sheet->owner = self;
  sheet->ws = ws;
  sheet->n_columns = n_columns;
  sheet->widths = g_new0 (double, MAX (n_columns, 1));
  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}

static void
set_print_setup (lxw_worksheet *ws)
{
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_footer (ws, "&C&P / &N");
}

CdXlsxSheet *
cd_xlsx_add_sheet (CdXlsx *self, const char *name, const CdXlsxColumn *columns,
                   guint n_columns, guint n_data_rows, GError **error)
{
  CdXlsxSheet *sheet;
  guint32 last_row;

  g_return_val_if_fail (self != NULL && n_columns > 0, NULL);

  if ((guint64) n_data_rows + 3 > LXW_ROW_MAX)
    {
      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_TOO_LARGE,
                   _("The sheet “%s” would need %u rows, more than a worksheet holds (%u)."),
                   name, n_data_rows + 1, (guint) LXW_ROW_MAX);
      return NULL;
    }
  sheet = new_sheet (self, name, n_columns, error);
  if (sheet == NULL)
    return NULL;

  /* Everything that names a range comes before the first row is written:
   * constant_memory refuses ranges over rows already flushed. */
  last_row = n_data_rows;
  worksheet_autofilter (sheet->ws, 0, 0, last_row, (lxw_col_t) (n_columns - 1));
  worksheet_freeze_panes (sheet->ws, 1, 0);
  worksheet_repeat_rows (sheet->ws, 0, 0);
  set_print_setup (sheet->ws);

  for (guint col = 0; col < n_columns; col++)
    {
      /* Room for the filter button beside the title. */
      note (sheet, col, text_width (columns[col].title) + 2,
            worksheet_write_string (sheet->ws, 0, (lxw_col_t) col, columns[col].title,
                                    self->header));
    }
  if (!cd_xlsx_sheet_end_row (sheet, error))
    return NULL;
  return sheet;
}

CdXlsxSheet *
cd_xlsx_add_plain_sheet (CdXlsx *self, const char *name, guint n_columns, GError **error)
{
  CdXlsxSheet *sheet = new_sheet (self, name, n_columns, error);

  if (sheet != NULL)
    set_print_setup (sheet->ws);
  return sheet;
}

char *
cd_xlsx_unique_sheet_name (CdXlsx *self, const char *text)
{
  g_autofree char *clean = cd_xlsx_clean_text (text != NULL && *text ? text : "Sheet");
  g_autoptr (GString) base = g_string_new (NULL);
  char *candidate = NULL;

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        g_string_append_c (base, '_');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (base, ' ');
      else
        g_string_append_unichar (base, c);
    }
  g_strstrip (base->str);
  g_string_set_size (base, strlen (base->str));
  while (base->len > 0 && base->str[0] == '\'')
    g_string_erase (base, 0, 1);
  if (base->len == 0)
    g_string_assign (base, "Sheet");

  for (guint n = 1; candidate == NULL; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = LXW_SHEETNAME_MAX - (glong) strlen (suffix);
      g_autofree char *cut = g_utf8_substring (base->str, 0,
                                               MIN (room, g_utf8_strlen (base->str, -1)));
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;

      g_strchomp (cut);
      while (*cut && cut[strlen (cut) - 1] == '\'')
        cut[strlen (cut) - 1] = '\0';
      name = g_strconcat (*cut ? cut : "Sheet", suffix, NULL);
      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (self->names, folded)
          && g_ascii_strcasecmp (name, "History") != 0)
        candidate = g_steal_pointer (&name);
    }
  return candidate;
}

static void
set_widths (CdXlsxSheet *sheet)
{
  for (guint col = 0; col < sheet->n_columns; col++)
    {
      double width = CLAMP (sheet->widths[col] + WIDTH_PADDING, WIDTH_MIN, WIDTH_MAX);

      worksheet_set_column (sheet->ws, (lxw_col_t) col, (lxw_col_t) col, width, NULL);
    }
}

/* The bytes reach the disk before the name does: after a crash the target
 * is the old file or the whole new one. */
static gboolean
sync_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    ok = FALSE;
  else
    {
      ok = fsync (fd) == 0;
      close (fd);
    }
  if (!ok)
    g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO,
                 _("The workbook could not be saved: %s."), g_strerror (errno));
  return ok;
}

/* libxlsxwriter prints its own "[ERROR]…" lines to stderr when closing a
 * workbook fails (a full disk), and has no switch for it: its messages are
 * a compile-time fprintf. The reason reaches the caller as a GError, and
 * the command line promises one line on stderr, so while the workbook
 * closes, fd 2 goes to an in-memory file; the library's lines are then
 * logged at debug level and anything else written meanwhile (another
 * thread's message) is passed on to the real stderr. One close at a time:
 * fd 2 belongs to the whole process. */
static GMutex stderr_lock;

static void
route_messages (int capture)
{
  char buffer[4096];
  g_autoptr (GString) text = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  ssize_t n;

  if (lseek (capture, 0, SEEK_SET) < 0)
    return;
  while ((n = read (capture, buffer, sizeof buffer)) > 0 && text->len < 65536)
    g_string_append_len (text, buffer, n);
  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (g_str_has_prefix (lines[i], "[ERROR]") || g_str_has_prefix (lines[i], "[WARNING]"))
        g_debug ("libxlsxwriter: %s", lines[i]);
      else
        fprintf (stderr, "%s\n", lines[i]);
    }
}

lxw_error
cd_xlsx_close_quietly (lxw_workbook *workbook)
{
  int capture, saved_stderr = -1, saved_errno;
  lxw_error err;

  g_mutex_lock (&stderr_lock);
  fflush (stderr);
  capture = memfd_create ("cd-xlsx-messages", MFD_CLOEXEC);
  if (capture >= 0)
    saved_stderr = dup (STDERR_FILENO);
  if (saved_stderr >= 0 && dup2 (capture, STDERR_FILENO) < 0)
    {
      close (saved_stderr);
      saved_stderr = -1;
    }
  errno = 0;
  err = workbook_close (workbook);
  saved_errno = errno;
  if (saved_stderr >= 0)
    {
      fflush (stderr);
      dup2 (saved_stderr, STDERR_FILENO);
      close (saved_stderr);
      route_messages (capture);
    }
  if (capture >= 0)
    close (capture);
  g_mutex_unlock (&stderr_lock);
  errno = saved_errno;
  return err;
}

gboolean
cd_xlsx_finish (CdXlsx *self, GError **error)
{
  lxw_workbook *wb = self->wb;
  lxw_error err;

  g_return_val_if_fail (self->wb != NULL, FALSE);

  if (self->error != LXW_NO_ERROR)
    {
      set_lxw_error (error, self->error, _("filling the sheets"));
      return FALSE;
    }
  for (guint i = 0; i < self->sheets->len; i++)
    set_widths (g_ptr_array_index (self->sheets, i));

  self->wb = NULL;   /* workbook_close frees it, whatever happens */
  err = cd_xlsx_close_quietly (wb);
  if (err != LXW_NO_ERROR)
    {
      set_lxw_error (error, err, _("saving the file"));
      return FALSE;
    }
  if (!sync_file (self->tmp_path, error))
    return FALSE;
  if (g_rename (self->tmp_path, self->target) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (self->target);

      g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_IO,
                   _("The workbook could not be saved as “%s”: %s."), shown, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */

gboolean
cd_report_ticker_check (CdReportTicker *ticker, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (ticker->cancellable, error))
    return FALSE;
  if (ticker->func != NULL)
    ticker->func (ticker->total > 0 ? MIN (1.0, (double) ticker->done / ticker->total) : 0.0,
                  ticker->data);
  return TRUE;
}

gboolean
cd_report_ticker_step (CdReportTicker *ticker, GError **error)
{
  if (++ticker->done % CD_REPORT_TICK != 0)
    return TRUE;
  return cd_report_ticker_check (ticker, error);
}
