/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly supplier sheet. Everything is counted before the first row is
 * written (constant_memory needs each filter's range up front), then every
 * sheet is streamed from one read snapshot of the month. Sheet names are the
 * fixed English names of issue 7, so macros and the cashier's habits keep
 * working in any language; column titles are translated. */
#define G_LOG_DOMAIN "cd-reports"

#include <inttypes.h>
#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <sys/resource.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "reports/cd-report-about.h"
#include "reports/cd-supplier-sheet.h"
#include "store/cd-store-month-end.h"

enum { SUM_SUPPLIER, SUM_CREDIT, SUM_VAT, SUM_ORDERS, SUM_AMOUNT, SUM_TAX, SUM_TOTAL, SUM_PAID,
       SUM_PAYABLE, SUM_N };
enum { DET_SUPPLIER, DET_ORDER, DET_PROJECT, DET_CLIENT, DET_ITEM, DET_SPEC, DET_QTY, DET_UNIT,
       DET_PRICE, DET_RATE, DET_AMOUNT, DET_TAX, DET_TOTAL, DET_DELIVERED, DET_ACCEPTED,
       DET_ACCEPTANCE, DET_ACCEPTED_BY, DET_N };
enum { NP_SUPPLIER, NP_ORDER, NP_PROJECT, NP_CLIENT, NP_STATUS, NP_REASON, NP_DELIVERED,
       NP_ACCEPTED, NP_ACCEPTANCE, NP_AMOUNT, NP_TAX, NP_TOTAL, NP_N };
enum { PK_NUMBER, PK_DATE, PK_CLIENT, PK_PROJECT, PK_STATUS, PK_RECEIVED_BY, PK_ITEM, PK_QTY,
       PK_UNIT, PK_N };

typedef struct
{
  gint64       id;
  char        *name;
  char        *credit_code;
  char        *vat_type;
  gint64       orders;
  gint64       lines;
  gint64       amount_fen;
  gint64       tax_fen;
  gint64       paid_fen;
  gint64       expected_lines;
  CdXlsxSheet *sheet;        /* its own sheet, when asked for */
} Supplier;

typedef struct
{
  CdStore              *store;
  CdMonthReader        *reader;
  CdXlsx               *xlsx;
  CdSupplierSheetFlags  flags;
  CdMonthTotals         totals;
  GArray               *suppliers;    /* Supplier, by name */
  GHashTable           *by_id;        /* supplier id → index + 1 */
  CdXlsxSheet          *summary;
  CdXlsxSheet          *details;
  CdXlsxSheet          *not_payable;
  CdXlsxSheet          *pickup;
  CdXlsxSheet          *about;
  CdXlsxColumn          detail_columns[DET_N];
  Supplier             *current;      /* the supplier of the last detail row */
  CdReportTicker        ticker;
} Export;

static void
supplier_clear (Supplier *supplier)
{
  g_free (supplier->name);
  g_free (supplier->credit_code);
  g_free (supplier->vat_type);
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->xlsx, cd_xlsx_free);
  g_clear_pointer (&export->reader, cd_month_reader_free);
  g_clear_pointer (&export->suppliers, g_array_unref);
  g_clear_pointer (&export->by_id, g_hash_table_unref);
}

/* ------------------------------------------------------------------ */
/* Labels                                                              */

static const char *
vat_type_label (const char *vat_type)
{
  if (g_strcmp0 (vat_type, "general") == 0)
    return _("General taxpayer");
  if (g_strcmp0 (vat_type, "small_scale") == 0)
    return _("Small-scale taxpayer");
  return vat_type;
}

static const char *
reason_label (CdNotPayableReason reason)
{
  switch (reason)
    {
    case CD_NOT_PAYABLE_AWAITING_ACCEPTANCE:
      return _("Delivered, awaiting acceptance");
    case CD_NOT_PAYABLE_UNSIGNED:
      return _("Acceptance not signed");
    case CD_NOT_PAYABLE_REJECTED:
      return _("Rejected at acceptance");
    case CD_NOT_PAYABLE_REWORKED:
      return _("Rejected, replaced by a rework order");
    case CD_NOT_PAYABLE_ACCEPTED_LATER:
      return _("Accepted after the month: in that month’s sheet");
    case CD_NOT_PAYABLE_OTHER:
    default:
      return _("Not accepted");
    }
}

static const char *
pickup_status_label (const char *status)
{
  if (g_strcmp0 (status, "signed") == 0)
    return _("Signed by the client");
  if (g_strcmp0 (status, "issued") == 0)
    return _("Issued, not signed yet");
  return status;
}

/* ------------------------------------------------------------------ */
/* Counting first                                                      */

static Supplier *
add_supplier (Export *export, gint64 id, const char *name, const char *credit_code,
              const char *vat_type)
{
  Supplier supplier = {
    .id = id,
    .name = g_strdup (name),
    .credit_code = g_strdup (credit_code),
    .vat_type = g_strdup (vat_type),
  };

  g_array_append_val (export->suppliers, supplier);
  g_hash_table_insert (export->by_id, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (export->suppliers->len));
  return &g_array_index (export->suppliers, Supplier, export->suppliers->len - 1);
}

/* Only for one sheet per supplier: each sheet's filter needs its number of
 * lines before its first row. The sums are counted again from the rows. */
static gboolean
collect_supplier_cb (const CdSupplierMonthRow *row, gpointer user_data, GError **error)
{
  Export *export = user_data;
  Supplier *supplier = add_supplier (export, row->supplier_id, row->supplier, row->credit_code,
                                     row->vat_type);

  supplier->expected_lines = row->lines;
  return TRUE;
}

static Supplier *
find_supplier (Export *export, gint64 id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (export->by_id, &id));

  return index > 0 ? &g_array_index (export->suppliers, Supplier, index - 1) : NULL;
}

/* In constant_memory mode every sheet keeps a file open until the end; a
 * month with many suppliers may need more than the default 1,024. */
static gboolean
ensure_open_files (guint sheets, GError **error)
{
  struct rlimit limit;
  rlim_t needed = (rlim_t) sheets + 64;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= needed)
    return TRUE;
  if (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= needed)
    {
      limit.rlim_cur = needed;
      if (setrlimit (RLIMIT_NOFILE, &limit) == 0)
        return TRUE;
    }
  g_set_error (error, CD_REPORT_ERROR, CD_REPORT_ERROR_TOO_LARGE,
               _("One sheet per supplier needs %u open files, more than this system allows: "
                 "turn the option off."),
               sheets);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Sheets                                                              */

static CdXlsxSheet *
add_summary (Export *export, GError **error)
{
  const CdXlsxColumn columns[SUM_N] = {
    { _("Supplier"), CD_XLSX_TEXT },           { _("Tax ID"), CD_XLSX_TEXT },
    { _("VAT type"), CD_XLSX_TEXT },           { _("Orders"), CD_XLSX_INTEGER },
    { _("Amount excl. tax"), CD_XLSX_MONEY },  { _("Tax"), CD_XLSX_MONEY },
    { _("Total"), CD_XLSX_MONEY },             { _("Already paid"), CD_XLSX_MONEY },
    { _("Payable"), CD_XLSX_MONEY },
  };

  return cd_xlsx_add_sheet (export->xlsx, "Summary", columns, SUM_N,
                            (guint) export->totals.suppliers, error);
}

static void
fill_detail_columns (CdXlsxColumn columns[DET_N])
{
  columns[DET_SUPPLIER] = (CdXlsxColumn) { _("Supplier"), CD_XLSX_TEXT };
  columns[DET_ORDER] = (CdXlsxColumn) { _("Order number"), CD_XLSX_TEXT };
  columns[DET_PROJECT] = (CdXlsxColumn) { _("Project"), CD_XLSX_TEXT };
  columns[DET_CLIENT] = (CdXlsxColumn) { _("Client"), CD_XLSX_TEXT };
  columns[DET_ITEM] = (CdXlsxColumn) { _("Item"), CD_XLSX_TEXT };
  columns[DET_SPEC] = (CdXlsxColumn) { _("Specification"), CD_XLSX_TEXT };
  columns[DET_QTY] = (CdXlsxColumn) { _("Quantity"), CD_XLSX_QUANTITY };
  columns[DET_UNIT] = (CdXlsxColumn) { _("Unit"), CD_XLSX_TEXT };
  columns[DET_PRICE] = (CdXlsxColumn) { _("Unit price"), CD_XLSX_MONEY };
  columns[DET_RATE] = (CdXlsxColumn) { _("Tax rate"), CD_XLSX_RATE };
  columns[DET_AMOUNT] = (CdXlsxColumn) { _("Amount"), CD_XLSX_MONEY };
  columns[DET_TAX] = (CdXlsxColumn) { _("Tax"), CD_XLSX_MONEY };
  columns[DET_TOTAL] = (CdXlsxColumn) { _("Total"), CD_XLSX_MONEY };
  columns[DET_DELIVERED] = (CdXlsxColumn) { _("Delivery date"), CD_XLSX_DATE };
  columns[DET_ACCEPTED] = (CdXlsxColumn) { _("Acceptance date"), CD_XLSX_DATE };
  columns[DET_ACCEPTANCE] = (CdXlsxColumn) { _("Acceptance number"), CD_XLSX_TEXT };
  columns[DET_ACCEPTED_BY] = (CdXlsxColumn) { _("Accepted by"), CD_XLSX_TEXT };
}

static CdXlsxSheet *
add_not_payable (Export *export, GError **error)
{
  const CdXlsxColumn columns[NP_N] = {
    { _("Supplier"), CD_XLSX_TEXT },          { _("Order number"), CD_XLSX_TEXT },
    { _("Project"), CD_XLSX_TEXT },           { _("Client"), CD_XLSX_TEXT },
    { _("Status"), CD_XLSX_TEXT },            { _("Why not payable"), CD_XLSX_TEXT },
    { _("Delivery date"), CD_XLSX_DATE },     { _("Acceptance date"), CD_XLSX_DATE },
    { _("Acceptance number"), CD_XLSX_TEXT }, { _("Amount"), CD_XLSX_MONEY },
    { _("Tax"), CD_XLSX_MONEY },              { _("Total"), CD_XLSX_MONEY },
  };

  return cd_xlsx_add_sheet (export->xlsx, "Not payable", columns, NP_N,
                            (guint) export->totals.not_payable, error);
}

static CdXlsxSheet *
add_pickup (Export *export, GError **error)
{
  const CdXlsxColumn columns[PK_N] = {
    { _("Slip number"), CD_XLSX_TEXT }, { _("Date"), CD_XLSX_DATE },
    { _("Client"), CD_XLSX_TEXT },      { _("Project"), CD_XLSX_TEXT },
    { _("Status"), CD_XLSX_TEXT },      { _("Received by"), CD_XLSX_TEXT },
    { _("Item"), CD_XLSX_TEXT },        { _("Quantity"), CD_XLSX_QUANTITY },
    { _("Unit"), CD_XLSX_TEXT },
  };

  return cd_xlsx_add_sheet (export->xlsx, "Pickup slips", columns, PK_N,
                            (guint) export->totals.pickup_rows, error);
}

static gboolean
add_supplier_sheets (Export *export, GError **error)
{
  if (!ensure_open_files (export->suppliers->len + 6, error))
    return FALSE;
  /* In constant_memory mode every sheet callocs a 128 KiB row of cell
   * pointers and touches a few of them. Once glibc has raised its dynamic
   * mmap threshold those blocks come from the heap and are zeroed page by
   * page: 1,000 suppliers would cost 128 MB of RSS. A fixed threshold keeps
   * them as untouched mmap pages. */
  mallopt (M_MMAP_THRESHOLD, 64 * 1024);
  for (guint i = 0; i < export->suppliers->len; i++)
    {
      Supplier *supplier = &g_array_index (export->suppliers, Supplier, i);
      g_autofree char *name = cd_xlsx_unique_sheet_name (export->xlsx, supplier->name);

      /* The same columns as Details, the supplier's column kept so that a
       * sheet sent on its own still names who it is for. */
      supplier->sheet = cd_xlsx_add_sheet (export->xlsx, name, export->detail_columns, DET_N,
                                           (guint) supplier->expected_lines, error);
      if (supplier->sheet == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_sheets (Export *export, GError **error)
{
  fill_detail_columns (export->detail_columns);
  export->summary = add_summary (export, error);
  if (export->summary == NULL)
    return FALSE;
  export->details = cd_xlsx_add_sheet (export->xlsx, "Details", export->detail_columns, DET_N,
                                       (guint) export->totals.lines, error);
  if (export->details == NULL)
    return FALSE;
  export->not_payable = add_not_payable (export, error);
  if (export->not_payable == NULL)
    return FALSE;
  export->pickup = add_pickup (export, error);
  if (export->pickup == NULL)
    return FALSE;
  if ((export->flags & CD_SUPPLIER_SHEET_PER_SUPPLIER) && !add_supplier_sheets (export, error))
    return FALSE;
  export->about = cd_xlsx_add_plain_sheet (export->xlsx, "About", 2, error);
  return export->about != NULL;
}

/* ------------------------------------------------------------------ */
/* Summary                                                             */

/* Total and payable are formulas of their row, so that the cashier may
 * correct "already paid" and see what is left; every cached result is the
 * database's figure. */
static gboolean
write_summary_row (Export *export, const Supplier *supplier, GError **error)
{
  CdXlsxSheet *sheet = export->summary;
  guint32 row = cd_xlsx_sheet_get_row (sheet);
  gint64 total = supplier->amount_fen + supplier->tax_fen;
  g_autofree char *amount = cd_xlsx_cell_name (row, SUM_AMOUNT);
  g_autofree char *tax = cd_xlsx_cell_name (row, SUM_TAX);
  g_autofree char *total_cell = cd_xlsx_cell_name (row, SUM_TOTAL);
  g_autofree char *paid = cd_xlsx_cell_name (row, SUM_PAID);
  g_autofree char *total_formula = g_strdup_printf ("=%s+%s", amount, tax);
  g_autofree char *payable_formula = g_strdup_printf ("=%s-%s", total_cell, paid);

  cd_xlsx_sheet_text (sheet, SUM_SUPPLIER, supplier->name);
  cd_xlsx_sheet_text (sheet, SUM_CREDIT, supplier->credit_code);
  cd_xlsx_sheet_text (sheet, SUM_VAT, vat_type_label (supplier->vat_type));
  cd_xlsx_sheet_integer (sheet, SUM_ORDERS, supplier->orders);
  cd_xlsx_sheet_money (sheet, SUM_AMOUNT, supplier->amount_fen);
  cd_xlsx_sheet_money (sheet, SUM_TAX, supplier->tax_fen);
  cd_xlsx_sheet_formula (sheet, SUM_TOTAL, total_formula, total / 100.0, CD_XLSX_MONEY, FALSE);
  cd_xlsx_sheet_money (sheet, SUM_PAID, supplier->paid_fen);
  cd_xlsx_sheet_formula (sheet, SUM_PAYABLE, payable_formula,
                         (total - supplier->paid_fen) / 100.0, CD_XLSX_MONEY, FALSE);
  return cd_xlsx_sheet_end_row (sheet, error) && cd_report_ticker_step (&export->ticker, error);
}

static gboolean
write_summary (Export *export, GError **error)
{
  CdXlsxSheet *sheet = export->summary;
  CdMonthTotals *t = &export->totals;
  g_autofree char *note = NULL;

  for (guint i = 0; i < export->suppliers->len; i++)
    {
      Supplier *supplier = &g_array_index (export->suppliers, Supplier, i);

      if (!write_summary_row (export, supplier, error))
        return FALSE;
      t->amount_fen += supplier->amount_fen;
      t->tax_fen += supplier->tax_fen;
      t->paid_fen += supplier->paid_fen;
    }
  t->total_fen = t->amount_fen + t->tax_fen;
  t->payable_fen = t->total_fen - t->paid_fen;

  cd_xlsx_sheet_bold_text (sheet, SUM_SUPPLIER, _("Total"));
  cd_xlsx_sheet_sum (sheet, SUM_ORDERS, t->orders, CD_XLSX_INTEGER);
  cd_xlsx_sheet_sum (sheet, SUM_AMOUNT, t->amount_fen, CD_XLSX_MONEY);
  cd_xlsx_sheet_sum (sheet, SUM_TAX, t->tax_fen, CD_XLSX_MONEY);
  cd_xlsx_sheet_sum (sheet, SUM_TOTAL, t->total_fen, CD_XLSX_MONEY);
  cd_xlsx_sheet_sum (sheet, SUM_PAID, t->paid_fen, CD_XLSX_MONEY);
  cd_xlsx_sheet_sum (sheet, SUM_PAYABLE, t->payable_fen, CD_XLSX_MONEY);
  if (!cd_xlsx_sheet_end_row (sheet, error) || !cd_xlsx_sheet_end_row (sheet, error))
    return FALSE;

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%" PRId64 " delivery of the month is not payable "
                                       "yet and is in no total: see the sheet “Not payable”.",
                                       "%" PRId64 " deliveries of the month are not "
                                       "payable yet and are in no total: see the sheet “Not "
                                       "payable”.",
                                       (gulong) t->not_payable),
                          t->not_payable);
  cd_xlsx_sheet_note (sheet, SUM_SUPPLIER, note);
  return cd_xlsx_sheet_end_row (sheet, error);
}

/* ------------------------------------------------------------------ */
/* Details and each supplier's sheet                                   */

static void
write_detail_cells (CdXlsxSheet *sheet, const CdSupplierLineRow *row)
{
  const CdSupplierOrderRow *order = row->order;

  cd_xlsx_sheet_text (sheet, DET_SUPPLIER, order->supplier);
  cd_xlsx_sheet_text (sheet, DET_ORDER, order->order_number);
  cd_xlsx_sheet_text (sheet, DET_PROJECT, order->project);
  cd_xlsx_sheet_text (sheet, DET_CLIENT, order->client);
  cd_xlsx_sheet_text (sheet, DET_ITEM, row->item);
  cd_xlsx_sheet_text (sheet, DET_SPEC, row->spec);
  cd_xlsx_sheet_quantity (sheet, DET_QTY, row->qty_milli);
  cd_xlsx_sheet_text (sheet, DET_UNIT, row->unit);
  cd_xlsx_sheet_money (sheet, DET_PRICE, row->unit_price_fen);
  cd_xlsx_sheet_rate (sheet, DET_RATE, row->tax_rate_bp);
  cd_xlsx_sheet_money (sheet, DET_AMOUNT, row->amount_fen);
  cd_xlsx_sheet_money (sheet, DET_TAX, row->tax_fen);
  cd_xlsx_sheet_money (sheet, DET_TOTAL, row->total_fen);
  cd_xlsx_sheet_date (sheet, DET_DELIVERED, order->delivered_date);
  cd_xlsx_sheet_date (sheet, DET_ACCEPTED, order->accepted_date);
  cd_xlsx_sheet_text (sheet, DET_ACCEPTANCE, order->acceptance_number);
  cd_xlsx_sheet_text (sheet, DET_ACCEPTED_BY, order->accepted_by);
}

/* Orders come sorted by supplier: a supplier's orders are contiguous. */
static gboolean
order_cb (const CdSupplierOrderRow *order, gpointer user_data, GError **error)
{
  Export *export = user_data;
  Supplier *supplier = export->current;

  if (supplier == NULL || supplier->id != order->supplier_id)
    {
      supplier = find_supplier (export, order->supplier_id);
      if (supplier == NULL)
        supplier = add_supplier (export, order->supplier_id, order->supplier,
                                 order->credit_code, order->vat_type);
      export->current = supplier;
    }
  supplier->orders++;
  supplier->paid_fen += order->paid_fen;
  return TRUE;
}

static gboolean
line_cb (const CdSupplierLineRow *row, gpointer user_data, GError **error)
{
  Export *export = user_data;
  Supplier *supplier = export->current;

  write_detail_cells (export->details, row);
  if (!cd_xlsx_sheet_end_row (export->details, error))
    return FALSE;

  supplier->lines++;
  supplier->amount_fen += row->amount_fen;
  supplier->tax_fen += row->tax_fen;
  if (supplier->sheet != NULL)
    {
      write_detail_cells (supplier->sheet, row);
      if (!cd_xlsx_sheet_end_row (supplier->sheet, error))
        return FALSE;
    }
  return cd_report_ticker_step (&export->ticker, error);
}

static gboolean
write_supplier_totals (Export *export, GError **error)
{
  for (guint i = 0; i < export->suppliers->len; i++)
    {
      Supplier *supplier = &g_array_index (export->suppliers, Supplier, i);

      if (supplier->sheet == NULL)
        continue;
      cd_xlsx_sheet_bold_text (supplier->sheet, DET_SUPPLIER, _("Total"));
      cd_xlsx_sheet_sum (supplier->sheet, DET_AMOUNT, supplier->amount_fen, CD_XLSX_MONEY);
      cd_xlsx_sheet_sum (supplier->sheet, DET_TAX, supplier->tax_fen, CD_XLSX_MONEY);
      cd_xlsx_sheet_sum (supplier->sheet, DET_TOTAL, supplier->amount_fen + supplier->tax_fen,
                         CD_XLSX_MONEY);
      if (!cd_xlsx_sheet_end_row (supplier->sheet, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Not payable, pickup slips                                           */

typedef struct
{
  Export *export;
  gint64  amount_fen;
  gint64  tax_fen;
} NotPayableSums;

static gboolean
not_payable_cb (const CdNotPayableRow *row, gpointer user_data, GError **error)
{
  NotPayableSums *sums = user_data;
  CdXlsxSheet *sheet = sums->export->not_payable;

  cd_xlsx_sheet_text (sheet, NP_SUPPLIER, row->supplier);
  cd_xlsx_sheet_text (sheet, NP_ORDER, row->order_number);
  cd_xlsx_sheet_text (sheet, NP_PROJECT, row->project);
  cd_xlsx_sheet_text (sheet, NP_CLIENT, row->client);
  cd_xlsx_sheet_text (sheet, NP_STATUS, cd_state_label ("supplier_order", row->status));
  cd_xlsx_sheet_text (sheet, NP_REASON, reason_label (row->reason));
  cd_xlsx_sheet_date (sheet, NP_DELIVERED, row->delivered_date);
  cd_xlsx_sheet_date (sheet, NP_ACCEPTED, row->accepted_date);
  cd_xlsx_sheet_text (sheet, NP_ACCEPTANCE, row->acceptance_number);
  cd_xlsx_sheet_money (sheet, NP_AMOUNT, row->amount_fen);
  cd_xlsx_sheet_money (sheet, NP_TAX, row->tax_fen);
  cd_xlsx_sheet_money (sheet, NP_TOTAL, row->total_fen);
  sums->amount_fen += row->amount_fen;
  sums->tax_fen += row->tax_fen;
  return cd_xlsx_sheet_end_row (sheet, error)
         && cd_report_ticker_step (&sums->export->ticker, error);
}

static gboolean
write_not_payable (Export *export, GError **error)
{
  NotPayableSums sums = { export, 0, 0 };
  CdXlsxSheet *sheet = export->not_payable;

  if (!cd_month_reader_foreach_not_payable (export->reader, not_payable_cb, &sums, error))
    return FALSE;
  cd_xlsx_sheet_bold_text (sheet, NP_SUPPLIER, _("Total not payable"));
  cd_xlsx_sheet_sum (sheet, NP_AMOUNT, sums.amount_fen, CD_XLSX_MONEY);
  cd_xlsx_sheet_sum (sheet, NP_TAX, sums.tax_fen, CD_XLSX_MONEY);
  cd_xlsx_sheet_sum (sheet, NP_TOTAL, sums.amount_fen + sums.tax_fen, CD_XLSX_MONEY);
  return cd_xlsx_sheet_end_row (sheet, error);
}

static gboolean
pickup_cb (const CdPickupRow *row, gpointer user_data, GError **error)
{
  Export *export = user_data;
  CdXlsxSheet *sheet = export->pickup;

  cd_xlsx_sheet_text (sheet, PK_NUMBER, row->number);
  cd_xlsx_sheet_date (sheet, PK_DATE, row->date);
  cd_xlsx_sheet_text (sheet, PK_CLIENT, row->client);
  cd_xlsx_sheet_text (sheet, PK_PROJECT, row->project);
  cd_xlsx_sheet_text (sheet, PK_STATUS, pickup_status_label (row->status));
  cd_xlsx_sheet_text (sheet, PK_RECEIVED_BY, row->received_by);
  if (row->item != NULL)
    {
      cd_xlsx_sheet_text (sheet, PK_ITEM, row->item);
      cd_xlsx_sheet_quantity (sheet, PK_QTY, row->qty_milli);
      cd_xlsx_sheet_text (sheet, PK_UNIT, row->unit);
    }
  return cd_xlsx_sheet_end_row (sheet, error) && cd_report_ticker_step (&export->ticker, error);
}

/* ------------------------------------------------------------------ */
/* About                                                               */

static gboolean
write_about (Export *export, GError **error)
{
  const CdMonthTotals *t = &export->totals;
  const char *rules[] = {
    _("Summary and Details: supplier orders accepted in the period (by acceptance date) "
      "with a signed acceptance that passed."),
    _("Already paid: every payment recorded against those orders when the workbook was "
      "made, whatever its date; payable is the total less what was already paid."),
    _("Not payable: orders delivered in the period that are not payable in it (awaiting "
      "acceptance, acceptance not signed, rejected, reworked, or accepted after the period). "
      "They are in no total."),
    _("Pickup slips: client pickup slips dated in the period, one row per item."),
    (export->flags & CD_SUPPLIER_SHEET_PER_SUPPLIER)
      ? _("One sheet per supplier: yes.")
      : _("One sheet per supplier: no."),
    NULL,
  };
  CdReportAbout about = {
    .title = _("Monthly supplier sheet"),
    .rules = rules,
  };
  g_autofree char *lines = g_strdup_printf ("%" PRId64, t->lines);
  g_autofree char *total = cd_money_format (t->total_fen);
  const char *figures[] = {
    _("Suppliers"), NULL, _("Detail lines"), lines, _("Total payable this month"), total, NULL,
  };
  g_autofree char *suppliers = g_strdup_printf ("%" PRId64, t->suppliers);

  figures[1] = suppliers;
  about.figures = figures;
  return cd_report_write_about (export->about, export->store, export->reader, &about, error);
}

/* ------------------------------------------------------------------ */

static gboolean
prepare (Export *export, CdStore *store, const char *month, const char *target, GError **error)
{
  export->store = store;
  export->suppliers = g_array_new (FALSE, TRUE, sizeof (Supplier));
  g_array_set_clear_func (export->suppliers, (GDestroyNotify) supplier_clear);
  export->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  export->reader = cd_month_reader_open (store, month, error);
  if (export->reader == NULL || !cd_month_reader_counts (export->reader, &export->totals, error))
    return FALSE;
  if ((export->flags & CD_SUPPLIER_SHEET_PER_SUPPLIER)
      && !cd_month_reader_foreach_supplier (export->reader, collect_supplier_cb, export, error))
    return FALSE;
  export->ticker.total = export->totals.suppliers + export->totals.lines
                         + export->totals.not_payable + export->totals.pickup_rows;
  if (!cd_report_ticker_check (&export->ticker, error))
    return FALSE;

  export->xlsx = cd_xlsx_open (target, error);
  return export->xlsx != NULL && add_sheets (export, error);
}

gboolean
cd_supplier_sheet_export (CdStore *store, const char *month, const char *target,
                          CdSupplierSheetFlags flags, CdReportProgressFunc progress,
                          gpointer progress_data, GCancellable *cancellable, GError **error)
{
  Export export = {
    .flags = flags,
    .ticker = { progress, progress_data, cancellable, 0, 0 },
  };
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  /* Details first: the summary adds up the rows written, so that its
   * totals are the sums of the details by construction. */
  ok = prepare (&export, store, month, target, error)
       && cd_month_reader_foreach_order (export.reader, order_cb, line_cb, &export, error)
       && write_summary (&export, error)
       && write_supplier_totals (&export, error)
       && write_not_payable (&export, error)
       && cd_month_reader_foreach_pickup (export.reader, pickup_cb, &export, error)
       && write_about (&export, error)
       && cd_report_ticker_check (&export.ticker, error)
       && cd_xlsx_finish (export.xlsx, error);

  /* Unfinished, freeing the workbook removes its temporary file. */
  export_clear (&export);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}

CdSupplierSheetFlags
cd_supplier_sheet_default_flags (CdStore *store)
{
  g_autofree char *value = cd_store_get_setting (store, CD_SETTING_SHEET_PER_SUPPLIER);

  if (value != NULL && (g_ascii_strcasecmp (value, "true") == 0 || g_strcmp0 (value, "1") == 0
                        || g_ascii_strcasecmp (value, "yes") == 0))
    return CD_SUPPLIER_SHEET_PER_SUPPLIER;
  return CD_SUPPLIER_SHEET_DEFAULT;
}

/* ------------------------------------------------------------------ */
/* On a worker thread                                                  */

typedef struct
{
  char                 *month;
  char                 *target;
  CdSupplierSheetFlags  flags;
  CdReportProgressFunc  progress;
  gpointer              progress_data;
} ExportArgs;

static void
export_args_free (ExportArgs *args)
{
  g_free (args->month);
  g_free (args->target);
  g_free (args);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportArgs *args = data;
  GError *error = NULL;

  if (cd_supplier_sheet_export (CD_STORE (source), args->month, args->target, args->flags,
                                args->progress, args->progress_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_supplier_sheet_export_async (CdStore *store, const char *month, const char *target,
                                CdSupplierSheetFlags flags, CdReportProgressFunc progress,
                                gpointer progress_data, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportArgs *args;

  g_return_if_fail (CD_IS_STORE (store));

  args = g_new0 (ExportArgs, 1);
  args->month = g_strdup (month);
  args->target = g_strdup (target);
  args->flags = flags;
  args->progress = progress;
  args->progress_data = progress_data;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_supplier_sheet_export_async);
  g_task_set_task_data (task, args, (GDestroyNotify) export_args_free);
  /* The cancel is checked by the export itself: it must remove its file. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cd_supplier_sheet_export_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
