/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Month end: what the cashier gets by the 5th (the supplier sheet and the
 * pickup slips) and what HR gets by the 3rd (the work-order summary), read
 * row by row so that a month of 200,000 order lines never sits in memory;
 * and the payments made to suppliers.
 *
 * Which rows belong to a month (DESIGN.md §7: by the date that matters for
 * the month-end paper):
 *
 * - Payable supplier orders: status "accepted", accepted_date in the month,
 *   and a signed acceptance that passed (result "pass" or "conditional").
 *   Only these make the supplier sheet's totals.
 * - Not payable deliveries: orders delivered in the month, or given an
 *   acceptance date in the month, that are not payable in this month
 *   (awaiting acceptance, acceptance not signed, rejected, reworked, or
 *   accepted only after the month ended). Orders already payable in an
 *   earlier month are left out. They never count in the totals.
 * - Pickup slips: by the slip's date.
 * - Work orders: by issued_date. "Done" counts the month's work orders whose
 *   status is done; "on time" those done with done_date <= due_date;
 *   "revision rounds" counts their revision records; hours are
 *   spent_minutes / 60.
 * - "Already paid" is every supplier payment recorded against the month's
 *   payable orders, whatever its date, up to the moment of reading.
 *
 * A CdMonthReader reads from its own read-only connection inside one read
 * transaction: every figure of one export comes from the same snapshot,
 * and the window's connection stays free while a long export runs. Use a
 * reader from one thread at a time. */
#pragma once

#include <gio/gio.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

typedef struct _CdMonthReader CdMonthReader;

/* One supplier's payable orders of the month. */
typedef struct
{
  gint64      supplier_id;
  const char *supplier;
  const char *credit_code;     /* nullable */
  const char *vat_type;        /* "general" or "small_scale" */
  gint64      orders;
  gint64      lines;
  gint64      amount_fen;      /* excluding tax */
  gint64      tax_fen;
  gint64      total_fen;
  gint64      paid_fen;
  gint64      payable_fen;     /* total − paid */
} CdSupplierMonthRow;

/* One payable order. Dates are ISO text "YYYY-MM-DD". */
typedef struct
{
  gint64      supplier_id;
  const char *supplier;
  const char *credit_code;     /* nullable */
  const char *vat_type;
  gint64      order_id;
  const char *order_number;
  const char *project;         /* project number and name */
  const char *client;
  const char *delivered_date;  /* nullable */
  const char *accepted_date;
  const char *acceptance_number;
  const char *accepted_by;     /* nullable */
  gint64      paid_fen;        /* every payment on the order so far */
} CdSupplierOrderRow;

/* One line of a payable order. */
typedef struct
{
  const CdSupplierOrderRow *order;
  const char *item;
  const char *spec;            /* nullable */
  gint64      qty_milli;
  const char *unit;            /* nullable */
  gint64      unit_price_fen;
  int         tax_rate_bp;
  gint64      amount_fen;
  gint64      tax_fen;
  gint64      total_fen;
} CdSupplierLineRow;

/**
 * CdNotPayableReason:
 * @CD_NOT_PAYABLE_AWAITING_ACCEPTANCE: delivered, no acceptance yet
 * @CD_NOT_PAYABLE_UNSIGNED: an acceptance exists but is not signed
 * @CD_NOT_PAYABLE_REJECTED: rejected (or a signed acceptance that failed)
 * @CD_NOT_PAYABLE_REWORKED: rejected and replaced by a rework order
 * @CD_NOT_PAYABLE_ACCEPTED_LATER: accepted after the month: payable in a
 *   later month's sheet
 * @CD_NOT_PAYABLE_OTHER: any other state (see the status)
 */
typedef enum
{
  CD_NOT_PAYABLE_AWAITING_ACCEPTANCE,
  CD_NOT_PAYABLE_UNSIGNED,
  CD_NOT_PAYABLE_REJECTED,
  CD_NOT_PAYABLE_REWORKED,
  CD_NOT_PAYABLE_ACCEPTED_LATER,
  CD_NOT_PAYABLE_OTHER,
} CdNotPayableReason;

typedef struct
{
  gint64              order_id;
  const char         *order_number;
  const char         *supplier;
  const char         *project;
  const char         *client;
  const char         *status;             /* the order's state name */
  CdNotPayableReason  reason;
  const char         *delivered_date;     /* nullable */
  const char         *accepted_date;      /* nullable */
  const char         *acceptance_number;  /* nullable: the latest acceptance */
  gint64              amount_fen;
  gint64              tax_fen;
  gint64              total_fen;
} CdNotPayableRow;

/* One line of a pickup slip (a slip without lines comes once, item NULL). */
typedef struct
{
  gint64      slip_id;
  const char *number;
  const char *date;
  const char *client;
  const char *project;
  const char *received_by;   /* nullable */
  const char *status;        /* "issued" or "signed" */
  const char *item;          /* nullable */
  gint64      qty_milli;     /* 0 when item is NULL */
  const char *unit;          /* nullable */
} CdPickupRow;

/* One person's work orders issued in the month (staff_id 0: unassigned). */
typedef struct
{
  gint64      staff_id;
  const char *name;          /* nullable when unassigned */
  const char *department;    /* nullable */
  gint64      issued;
  gint64      done;
  gint64      on_time;
  gint64      revision_rounds;
  gint64      spent_minutes;
} CdWorkOrderPersonRow;

typedef struct
{
  gint64      id;
  const char *number;
  const char *title;
  const char *project;
  const char *client;
  const char *department;
  gint64      assignee_id;   /* 0 when unassigned */
  const char *assignee;      /* nullable */
  const char *issued_by;     /* nullable */
  const char *issued_date;
  const char *due_date;
  const char *status;
  const char *done_date;     /* nullable */
  gboolean    on_time;
  int         priority;
  gint64      revision_rounds;
  gint64      spent_minutes;
} CdWorkOrderRow;

/* The month at a glance (the Finance view shows it before exporting). */
typedef struct
{
  gint64 suppliers;
  gint64 orders;
  gint64 lines;
  gint64 amount_fen;
  gint64 tax_fen;
  gint64 total_fen;
  gint64 paid_fen;
  gint64 payable_fen;
  gint64 not_payable;        /* deliveries (orders) */
  gint64 pickup_slips;
  gint64 pickup_rows;        /* rows of the Pickup slips sheet */
  gint64 work_orders;
  gint64 work_order_people;
} CdMonthTotals;

/* Each callback gets one row whose strings live until it returns. Return
 * FALSE with @error set to stop (a failed write, a cancel). */
typedef gboolean (*CdSupplierMonthFunc)  (const CdSupplierMonthRow   *row,
                                          gpointer                    user_data,
                                          GError                    **error);
typedef gboolean (*CdSupplierOrderFunc)  (const CdSupplierOrderRow   *row,
                                          gpointer                    user_data,
                                          GError                    **error);
typedef gboolean (*CdSupplierLineFunc)   (const CdSupplierLineRow    *row,
                                          gpointer                    user_data,
                                          GError                    **error);
typedef gboolean (*CdNotPayableFunc)     (const CdNotPayableRow      *row,
                                          gpointer                    user_data,
                                          GError                    **error);
typedef gboolean (*CdPickupFunc)         (const CdPickupRow          *row,
                                          gpointer                    user_data,
                                          GError                    **error);
typedef gboolean (*CdWorkOrderPersonFunc)(const CdWorkOrderPersonRow *row,
                                          gpointer                    user_data,
                                          GError                    **error);
typedef gboolean (*CdWorkOrderFunc)      (const CdWorkOrderRow       *row,
                                          gpointer                    user_data,
                                          GError                    **error);

/* "YYYY-MM" → first day and first day of the next month; anything else is
 * refused with CD_STORE_ERROR_INVALID and a sentence. */
gboolean       cd_month_parse                      (const char            *month,
                                                    GDate                 *out_first,
                                                    GDate                 *out_next,
                                                    GError               **error);

CdMonthReader *cd_month_reader_open                (CdStore               *store,
                                                    const char            *month,
                                                    GError               **error);
void           cd_month_reader_free                (CdMonthReader         *self);
const char    *cd_month_reader_get_month           (CdMonthReader         *self);
/* ISO dates: the first and the last day of the month. */
const char    *cd_month_reader_get_first_day       (CdMonthReader         *self);
const char    *cd_month_reader_get_last_day        (CdMonthReader         *self);
/* (transfer full) (nullable): the staff member's name. */
char          *cd_month_reader_staff_name          (CdMonthReader         *self,
                                                    gint64                 staff_id);

gboolean       cd_month_reader_totals              (CdMonthReader         *self,
                                                    CdMonthTotals         *out_totals,
                                                    GError               **error);
/* Only the supplier sheet's counts in @out_totals (suppliers, orders,
 * lines, not payable, pickup slips and rows; the rest is left 0): what its
 * export needs before the first row, without reading every line. */
gboolean       cd_month_reader_counts              (CdMonthReader         *self,
                                                    CdMonthTotals         *out_totals,
                                                    GError               **error);
/* Suppliers by name; orders by supplier name, acceptance date and number,
 * each followed by its lines by position; not payable by supplier and order
 * number; pickup slips by date and number; people by name (unassigned
 * last); work orders by assignee, issued date and number. */
gboolean       cd_month_reader_foreach_supplier    (CdMonthReader         *self,
                                                    CdSupplierMonthFunc    func,
                                                    gpointer               user_data,
                                                    GError               **error);
gboolean       cd_month_reader_foreach_order       (CdMonthReader         *self,
                                                    CdSupplierOrderFunc    order_func,
                                                    CdSupplierLineFunc     line_func,
                                                    gpointer               user_data,
                                                    GError               **error);
gboolean       cd_month_reader_foreach_not_payable (CdMonthReader         *self,
                                                    CdNotPayableFunc       func,
                                                    gpointer               user_data,
                                                    GError               **error);
gboolean       cd_month_reader_foreach_pickup      (CdMonthReader         *self,
                                                    CdPickupFunc           func,
                                                    gpointer               user_data,
                                                    GError               **error);
gboolean       cd_month_reader_foreach_person      (CdMonthReader         *self,
                                                    CdWorkOrderPersonFunc  func,
                                                    gpointer               user_data,
                                                    GError               **error);
gboolean       cd_month_reader_foreach_work_order  (CdMonthReader         *self,
                                                    CdWorkOrderFunc        func,
                                                    gpointer               user_data,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdMonthReader, cd_month_reader_free)

/* The month's totals on a worker thread, for the Finance view. */
void           cd_store_month_totals_async         (CdStore               *store,
                                                    const char            *month,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
gboolean       cd_store_month_totals_finish        (CdStore               *store,
                                                    GAsyncResult          *result,
                                                    CdMonthTotals         *out_totals,
                                                    GError               **error);

/* Settings key of the "one sheet per supplier" option ("true" / "false"). */
#define CD_SETTING_SHEET_PER_SUPPLIER "export.sheet_per_supplier"

/* Payments to suppliers. */

/**
 * cd_store_record_supplier_payment:
 * @date: the day the money left
 * @amount_fen: more than zero
 * @reference: (nullable): bank reference, cheque number…
 * @out_id: (out) (optional): the new payment's id
 *
 * Refuses (CD_STORE_ERROR_INVALID, a sentence with the figures) a payment
 * that would bring what was paid on the order above its total (lines plus
 * tax); CD_STORE_ERROR_NOT_FOUND for an unknown order.
 */
gboolean       cd_store_record_supplier_payment    (CdStore               *store,
                                                    gint64                 order_id,
                                                    const GDate           *date,
                                                    gint64                 amount_fen,
                                                    const char            *reference,
                                                    gint64                *out_id,
                                                    GError               **error);

/* What the order costs (lines plus tax) and what was paid on it so far. */
gboolean       cd_store_supplier_order_balance     (CdStore               *store,
                                                    gint64                 order_id,
                                                    gint64                *out_total_fen,
                                                    gint64                *out_paid_fen,
                                                    GError               **error);

/**
 * cd_store_supplier_statement:
 * @from, @to: the period, both days included
 *
 * A supplier's account over a period: what became payable (orders accepted
 * in the period, with a signed acceptance) and what was paid (payments
 * dated in the period), in date order, with the running balance.
 *
 * Returns: (transfer full): a{sv} with "supplier" (s),
 *   "opening_balance_fen", "charged_fen", "paid_fen", "closing_balance_fen"
 *   (x), and "entries" (aa{sv}: "date", "kind" ("order" or "payment"),
 *   "number" (the order's), "reference" (payments; may be empty),
 *   "charge_fen", "payment_fen", "balance_fen"); or %NULL with @error set.
 */
GVariant      *cd_store_supplier_statement         (CdStore               *store,
                                                    gint64                 supplier_id,
                                                    const GDate           *from,
                                                    const GDate           *to,
                                                    GError               **error);

/**
 * cd_store_supplier_orders_to_pay:
 * @supplier_id: one supplier's orders, or 0 for every supplier
 * @limit: the most rows (0: 500)
 *
 * Payable orders (accepted with a signed acceptance that passed) not yet
 * fully paid, oldest acceptance first — what finance can record a payment
 * against.
 *
 * Returns: (transfer full): aa{sv} with "id", "number", "supplier_id",
 *   "supplier", "accepted_date", "total_fen", "paid_fen"; or %NULL with
 *   @error set.
 */
GVariant      *cd_store_supplier_orders_to_pay     (CdStore               *store,
                                                    gint64                 supplier_id,
                                                    guint                  limit,
                                                    GError               **error);
void           cd_store_supplier_orders_to_pay_async  (CdStore            *store,
                                                       gint64              supplier_id,
                                                       guint               limit,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GVariant      *cd_store_supplier_orders_to_pay_finish (CdStore            *store,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* cd_store_supplier_statement () on a worker thread. */
void           cd_store_supplier_statement_async   (CdStore               *store,
                                                    gint64                 supplier_id,
                                                    const GDate           *from,
                                                    const GDate           *to,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
GVariant      *cd_store_supplier_statement_finish  (CdStore               *store,
                                                    GAsyncResult          *result,
                                                    GError               **error);

G_END_DECLS
