/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing workbooks the way every ClientDesk export does: libxlsxwriter in
 * constant_memory mode (rows streamed, never held), a temporary file in the
 * target's folder renamed at the end (a failed or cancelled export leaves
 * nothing behind), text that is always text (never a formula, whatever it
 * starts with), real dates and numbers, fitted columns, a frozen and
 * filtered header row, and a print setup.
 *
 * Rows are written in order, one after the other, on each sheet: set a
 * cell with the cd_xlsx_sheet_*() writers, then cd_xlsx_sheet_end_row().
 * A failed write is remembered and reported by the next end_row or by
 * cd_xlsx_finish(), so callers check once per row. */
#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

#define CD_REPORT_ERROR (cd_report_error_quark ())

/**
 * CdReportError:
 * @CD_REPORT_ERROR_IO: the file or its folder could not be written
 * @CD_REPORT_ERROR_TOO_LARGE: more rows or sheets than a workbook holds
 * @CD_REPORT_ERROR_FAILED: the workbook library failed (the message says how)
 *
 * A cancelled export ends with G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  CD_REPORT_ERROR_IO,
  CD_REPORT_ERROR_TOO_LARGE,
  CD_REPORT_ERROR_FAILED,
} CdReportError;

/* Called from the exporting thread, with a fraction in [0, 1]. */
typedef void (*CdReportProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef enum
{
  CD_XLSX_TEXT,
  CD_XLSX_MONEY,      /* fen, shown ¥#,##0.00 */
  CD_XLSX_DATE,       /* ISO "YYYY-MM-DD", a real Excel date */
  CD_XLSX_DATETIME,
  CD_XLSX_INTEGER,
  CD_XLSX_QUANTITY,   /* thousandths, shown 0.### */
  CD_XLSX_RATE,       /* basis points, shown as a percentage */
  CD_XLSX_HOURS,      /* minutes, shown as hours 0.00 */
  CD_XLSX_PERCENT,    /* a fraction in [0, 1] */
  CD_XLSX_N_KINDS
} CdXlsxKind;

typedef struct
{
  const char *title;  /* already translated */
  CdXlsxKind  kind;
} CdXlsxColumn;

typedef struct _CdXlsx CdXlsx;
typedef struct _CdXlsxSheet CdXlsxSheet;

GQuark        cd_report_error_quark    (void);

/* Creates the temporary file next to @target (so the final rename is
 * atomic and an unwritable folder is refused before any work is done). */
CdXlsx       *cd_xlsx_open             (const char         *target,
                                        GError            **error);
/* Without cd_xlsx_finish(), frees everything and removes the temporary
 * file: the target is never touched. */
void          cd_xlsx_free             (CdXlsx             *self);
lxw_workbook *cd_xlsx_get_workbook     (CdXlsx             *self);
const char   *cd_xlsx_get_target       (CdXlsx             *self);

/* A sheet whose first row holds the column titles (bold on a fill),
 * frozen, filtered over @n_data_rows rows below it (the filter must be set
 * before any row is written in constant_memory mode), printed landscape,
 * one page wide, the title row repeated on every page. @name is used as
 * given (fixed English names) and must be valid. */
CdXlsxSheet  *cd_xlsx_add_sheet        (CdXlsx             *self,
                                        const char         *name,
                                        const CdXlsxColumn *columns,
                                        guint               n_columns,
                                        guint               n_data_rows,
                                        GError            **error);
/* A free-form sheet (the About sheet): no title row, no filter. */
CdXlsxSheet  *cd_xlsx_add_plain_sheet  (CdXlsx             *self,
                                        const char         *name,
                                        guint               n_columns,
                                        GError            **error);

/* A valid, unique sheet name made from any text: forbidden characters
 * replaced, cut to 31 characters, a number added when taken (compared as
 * Excel does, ignoring case). (transfer full) */
char         *cd_xlsx_unique_sheet_name (CdXlsx            *self,
                                         const char        *text);

lxw_worksheet *cd_xlsx_sheet_get_worksheet (CdXlsxSheet    *sheet);
/* The row the writers fill now (0-based; row 0 is the title row). */
guint32       cd_xlsx_sheet_get_row    (CdXlsxSheet        *sheet);

void          cd_xlsx_sheet_text       (CdXlsxSheet        *sheet,
                                        guint               col,
                                        const char         *text);
void          cd_xlsx_sheet_bold_text  (CdXlsxSheet        *sheet,
                                        guint               col,
                                        const char         *text);
/* Text that runs over the next cells (a note under a table): it does not
 * widen its column. */
void          cd_xlsx_sheet_note       (CdXlsxSheet        *sheet,
                                        guint               col,
                                        const char         *text);
void          cd_xlsx_sheet_money      (CdXlsxSheet        *sheet,
                                        guint               col,
                                        gint64              fen);
/* An ISO date as a real date; text that is not one is written as text. */
void          cd_xlsx_sheet_date       (CdXlsxSheet        *sheet,
                                        guint               col,
                                        const char         *iso_date);
void          cd_xlsx_sheet_datetime   (CdXlsxSheet        *sheet,
                                        guint               col,
                                        GDateTime          *datetime);
void          cd_xlsx_sheet_integer    (CdXlsxSheet        *sheet,
                                        guint               col,
                                        gint64              value);
void          cd_xlsx_sheet_quantity   (CdXlsxSheet        *sheet,
                                        guint               col,
                                        gint64              milli);
void          cd_xlsx_sheet_rate       (CdXlsxSheet        *sheet,
                                        guint               col,
                                        int                 bp);
void          cd_xlsx_sheet_hours      (CdXlsxSheet        *sheet,
                                        guint               col,
                                        gint64              minutes);
/* A formula with its result cached, so viewers that do not recalculate
 * show the number; @kind gives the format, bold when @bold. */
void          cd_xlsx_sheet_formula    (CdXlsxSheet        *sheet,
                                        guint               col,
                                        const char         *formula,
                                        double              cached,
                                        CdXlsxKind          kind,
                                        gboolean            bold);
/* "=SUM(X2:Xn)" over the data rows written so far (row 1 up to the row
 * before this one), cached; 0 with no data rows. @cached is in the
 * column's unit (fen for money, minutes for hours). */
void          cd_xlsx_sheet_sum        (CdXlsxSheet        *sheet,
                                        guint               col,
                                        gint64              cached,
                                        CdXlsxKind          kind);
gboolean      cd_xlsx_sheet_end_row    (CdXlsxSheet        *sheet,
                                        GError            **error);

/* Cell reference such as "C12" (0-based row and column). (transfer full) */
char         *cd_xlsx_cell_name        (guint32             row,
                                        guint               col);

/* Sets the fitted column widths, closes the workbook and renames the
 * temporary file onto the target. On failure nothing is left behind. */
gboolean      cd_xlsx_finish           (CdXlsx             *self,
                                        GError            **error);

/* The text a cell would hold: valid UTF-8, no characters XML cannot hold,
 * at most Excel's 32,767 characters. (transfer full) */
char         *cd_xlsx_clean_text       (const char         *text);

/* Progress and cancel for a long export: call step () once per row. Every
 * CD_REPORT_TICK rows it checks @cancellable (G_IO_ERROR_CANCELLED) and
 * reports done / total to @func. */
#define CD_REPORT_TICK 256

typedef struct
{
  CdReportProgressFunc  func;
  gpointer              data;
  GCancellable         *cancellable;
  guint64               done;
  guint64               total;
} CdReportTicker;

gboolean      cd_report_ticker_step    (CdReportTicker     *ticker,
                                        GError            **error);
/* Checks the cancel and reports the fraction now. */
gboolean      cd_report_ticker_check   (CdReportTicker     *ticker,
                                        GError            **error);

/* workbook_close () without the library's own "[ERROR]" lines on stderr
 * (they go to the debug log; the caller reports the error). Every export
 * that closes a workbook itself should use this; errno is kept. */
lxw_error     cd_xlsx_close_quietly    (lxw_workbook       *workbook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdXlsx, cd_xlsx_free)

G_END_DECLS
