/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Month-end readers: one read-only connection and one read transaction per
 * reader, statements stepped row by row into the caller's callback. The
 * rules of which rows belong to a month are written in the header. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>
#include <string.h>

#include "store/cd-store-month-end.h"
#include "store/cd-store-private.h"

struct _CdMonthReader
{
  sqlite3 *db;
  char     month[8];
  char     first[11];   /* ?1: the first day of the month */
  char     next[11];    /* ?2: the first day of the next month */
  char     last[11];
};

/* The payable orders of the month (?1, ?2), as a condition on alias `o`:
 * accepted in the month with a signed acceptance that passed. */
#define SIGNED_PASS(o)                                                                   \
  "EXISTS (SELECT 1 FROM acceptance x WHERE x.supplier_order_id = " o ".id"             \
  " AND x.status = 'signed' AND x.result IN ('pass', 'conditional'))"
#define PAYABLE(o)                                                                       \
  "(" o ".status = 'accepted' AND " o ".accepted_date >= ?1 AND " o ".accepted_date < ?2" \
  " AND " SIGNED_PASS (o) ")"

static const char supplier_sql[] =
  "SELECT s.id, s.name, s.credit_code, s.vat_type, count (DISTINCT o.id), count (l.id),"
  " coalesce (sum (l.amount_fen), 0), coalesce (sum (l.tax_fen), 0),"
  " (SELECT coalesce (sum (y.amount_fen), 0) FROM supplier_payment y"
  "   JOIN supplier_order o2 ON o2.id = y.supplier_order_id"
  "   WHERE o2.supplier_id = s.id AND " PAYABLE ("o2") ")"
  " FROM supplier_order o JOIN supplier s ON s.id = o.supplier_id"
  " LEFT JOIN supplier_order_line l ON l.order_id = o.id"
  " WHERE " PAYABLE ("o")
  " GROUP BY s.id ORDER BY s.name, s.id";

/* The signed acceptance is joined, not tested with EXISTS: it gives the
 * acceptance number and who signed, and leaves out unsigned orders. Only
 * the orders are sorted; each order's lines come from their index in
 * order, so that a month of 200,000 lines is never sorted whole. */
static const char order_sql[] =
  "SELECT s.id, s.name, s.credit_code, s.vat_type, o.id, o.number, p.number || ' ' || p.name,"
  " c.name, o.delivered_date, o.accepted_date, a.number, st.name,"
  " (SELECT coalesce (sum (y.amount_fen), 0) FROM supplier_payment y"
  "   WHERE y.supplier_order_id = o.id)"
  " FROM supplier_order o"
  " JOIN supplier s ON s.id = o.supplier_id"
  " JOIN project p ON p.id = o.project_id"
  " JOIN client c ON c.id = p.client_id"
  " JOIN acceptance a ON a.id = (SELECT x.id FROM acceptance x WHERE x.supplier_order_id = o.id"
  "   AND x.status = 'signed' AND x.result IN ('pass', 'conditional')"
  "   ORDER BY x.signed_date DESC, x.id DESC LIMIT 1)"
  " LEFT JOIN staff st ON st.id = a.signed_by"
  " WHERE o.status = 'accepted' AND o.accepted_date >= ?1 AND o.accepted_date < ?2"
  " ORDER BY s.name, s.id, o.accepted_date, o.number, o.id";

static const char line_sql[] =
  "SELECT item, spec, qty_milli, unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen"
  " FROM supplier_order_line WHERE order_id = ?1 ORDER BY position, id";

static const char payable_count_sql[] =
  "SELECT count (DISTINCT o.supplier_id), count (*),"
  " coalesce (sum ((SELECT count (*) FROM supplier_order_line l WHERE l.order_id = o.id)), 0)"
  " FROM supplier_order o WHERE " PAYABLE ("o");

/* Delivered (or dated accepted) in the month, and not payable in this
 * month or an earlier one. */
#define NOT_PAYABLE_WHERE                                                                \
  " WHERE ((o.delivered_date >= ?1 AND o.delivered_date < ?2)"                          \
  "   OR (o.accepted_date >= ?1 AND o.accepted_date < ?2))"                              \
  " AND NOT (o.status = 'accepted' AND o.accepted_date < ?2 AND " SIGNED_PASS ("o") ")"

static const char not_payable_sql[] =
  "SELECT o.id, o.number, s.name, p.number || ' ' || p.name, c.name, o.status,"
  " o.delivered_date, o.accepted_date, a.number, a.status, a.result,"
  " (SELECT coalesce (sum (l.amount_fen), 0) FROM supplier_order_line l WHERE l.order_id = o.id),"
  " (SELECT coalesce (sum (l.tax_fen), 0) FROM supplier_order_line l WHERE l.order_id = o.id),"
  " " SIGNED_PASS ("o")
  " FROM supplier_order o"
  " JOIN supplier s ON s.id = o.supplier_id"
  " JOIN project p ON p.id = o.project_id"
  " JOIN client c ON c.id = p.client_id"
  " LEFT JOIN acceptance a ON a.id = (SELECT x.id FROM acceptance x"
  "   WHERE x.supplier_order_id = o.id ORDER BY x.inspected_date DESC, x.id DESC LIMIT 1)"
  NOT_PAYABLE_WHERE
  " ORDER BY s.name, s.id, o.number";

static const char not_payable_count_sql[] =
  "SELECT count (*) FROM supplier_order o" NOT_PAYABLE_WHERE;

static const char pickup_sql[] =
  "SELECT t.id, t.number, t.date, c.name, p.number || ' ' || p.name, t.received_by, t.status,"
  " l.item, l.qty_milli, l.unit"
  " FROM pickup_slip t JOIN client c ON c.id = t.client_id JOIN project p ON p.id = t.project_id"
  " LEFT JOIN pickup_slip_line l ON l.slip_id = t.id"
  " WHERE t.date >= ?1 AND t.date < ?2"
  " ORDER BY t.date, t.number, t.id, l.position, l.id";

static const char pickup_count_sql[] =
  "SELECT count (*), count (DISTINCT t.id) FROM pickup_slip t"
  " LEFT JOIN pickup_slip_line l ON l.slip_id = t.id"
  " WHERE t.date >= ?1 AND t.date < ?2";

#define REVISIONS(w) "(SELECT count (*) FROM work_order_revision r WHERE r.work_order_id = " w ".id)"
#define ON_TIME(w)                                                                       \
  "(" w ".status = 'done' AND " w ".done_date IS NOT NULL AND " w ".done_date <= " w ".due_date)"

static const char person_sql[] =
  "SELECT coalesce (w.assignee_id, 0), st.name, st.department, count (*),"
  " sum (w.status = 'done'), sum (" ON_TIME ("w") "), sum (" REVISIONS ("w") "),"
  " sum (w.spent_minutes)"
  " FROM work_order w LEFT JOIN staff st ON st.id = w.assignee_id"
  " WHERE w.issued_date >= ?1 AND w.issued_date < ?2"
  " GROUP BY w.assignee_id ORDER BY st.name IS NULL, st.name, w.assignee_id";

static const char work_order_sql[] =
  "SELECT w.id, w.number, w.title, p.number || ' ' || p.name, c.name, w.department,"
  " coalesce (w.assignee_id, 0), st.name, ib.name, w.issued_date, w.due_date, w.status,"
  " w.done_date, " ON_TIME ("w") ", w.priority, " REVISIONS ("w") ", w.spent_minutes"
  " FROM work_order w JOIN project p ON p.id = w.project_id"
  " JOIN client c ON c.id = p.client_id"
  " LEFT JOIN staff st ON st.id = w.assignee_id"
  " LEFT JOIN staff ib ON ib.id = w.issued_by"
  " WHERE w.issued_date >= ?1 AND w.issued_date < ?2"
  " ORDER BY st.name IS NULL, st.name, w.assignee_id, w.issued_date, w.number";

static const char work_order_count_sql[] =
  "SELECT count (*), count (DISTINCT coalesce (w.assignee_id, 0)) FROM work_order w"
  " WHERE w.issued_date >= ?1 AND w.issued_date < ?2";

/* ------------------------------------------------------------------ */

static void
set_db_error (sqlite3 *db, int rc, GError **error)
{
  const char *message = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                 _("The database file is damaged (%s): restore a backup."), message);
  else if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                 _("The database could not be read (%s)."), message);
  else
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                 _("The database failed while reading the month: %s."), message);
}

static sqlite3_stmt *
prepare_month (CdMonthReader *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_warning ("cannot prepare “%.80s”: %s", sql, sqlite3_errmsg (self->db));
      set_db_error (self->db, rc, error);
      return NULL;
    }
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      sqlite3_bind_text (stmt, 1, self->first, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, self->next, -1, SQLITE_STATIC);
    }
  return stmt;
}

static inline const char *
text_at (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Steps @stmt to the end, calling @row_func for each row. Finalizes it. */
typedef gboolean (*RowFunc) (sqlite3_stmt *stmt, gpointer data, GError **error);

static gboolean
run_rows (CdMonthReader *self, sqlite3_stmt *stmt, RowFunc row_func, gpointer data,
          GError **error)
{
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!row_func (stmt, data, error))
      {
        ok = FALSE;
        break;
      }
  if (ok && rc != SQLITE_DONE)
    {
      set_db_error (self->db, rc, error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Public API: the month and the reader                                */

/**
 * cd_month_parse:
 * @out_first: (out) (optional): the first day of the month
 * @out_next: (out) (optional): the first day of the following month
 */
gboolean
cd_month_parse (const char *month, GDate *out_first, GDate *out_next, GError **error)
{
  int year, mon;

  if (month != NULL && strlen (month) == 7 && month[4] == '-'
      && g_ascii_isdigit (month[0]) && g_ascii_isdigit (month[1])
      && g_ascii_isdigit (month[2]) && g_ascii_isdigit (month[3])
      && g_ascii_isdigit (month[5]) && g_ascii_isdigit (month[6]))
    {
      year = (int) g_ascii_strtoll (month, NULL, 10);
      mon = (month[5] - '0') * 10 + (month[6] - '0');
      /* ISO text compares as dates only while years have four digits. */
      if (mon >= 1 && mon <= 12 && year >= 1000 && year <= 9998)
        {
          if (out_first)
            g_date_set_dmy (out_first, 1, (GDateMonth) mon, (GDateYear) year);
          if (out_next)
            {
              g_date_set_dmy (out_next, 1, (GDateMonth) mon, (GDateYear) year);
              g_date_add_months (out_next, 1);
            }
          return TRUE;
        }
    }
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
               _("“%s” is not a month: use YYYY-MM, such as 2026-11."), month ? month : "");
  return FALSE;
}

static void
format_iso (const GDate *date, char out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/**
 * cd_month_reader_open:
 * @month: "YYYY-MM"
 *
 * Opens a read-only connection on @store's file and starts the read
 * transaction every figure of the reader comes from.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
CdMonthReader *
cd_month_reader_open (CdStore *store, const char *month, GError **error)
{
  g_autoptr (CdMonthReader) self = NULL;
  GDate first, next, last;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  if (!cd_month_parse (month, &first, &next, error))
    return NULL;

  self = g_new0 (CdMonthReader, 1);
  g_strlcpy (self->month, month, sizeof self->month);
  format_iso (&first, self->first);
  format_iso (&next, self->next);
  last = next;
  g_date_subtract_days (&last, 1);
  format_iso (&last, self->last);

  rc = sqlite3_open_v2 (cd_store_get_path (store), &self->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self->db, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  /* A large month sorts on disk rather than in memory (peak RSS budget). */
  rc = sqlite3_exec (self->db,
                     "PRAGMA query_only = ON; PRAGMA temp_store = FILE;"
                     " PRAGMA cache_size = -8000; BEGIN",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
cd_month_reader_free (CdMonthReader *self)
{
  if (self == NULL)
    return;
  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_free (self);
}

const char *
cd_month_reader_get_month (CdMonthReader *self)
{
  return self->month;
}

const char *
cd_month_reader_get_first_day (CdMonthReader *self)
{
  return self->first;
}

const char *
cd_month_reader_get_last_day (CdMonthReader *self)
{
  return self->last;
}

char *
cd_month_reader_staff_name (CdMonthReader *self, gint64 staff_id)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (staff_id <= 0)
    return NULL;
  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM staff WHERE id = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && text_at (stmt, 0) != NULL)
    name = g_strdup (text_at (stmt, 0));
  sqlite3_finalize (stmt);
  return name;
}

/* ------------------------------------------------------------------ */
/* Supplier sheet                                                      */

typedef struct
{
  gpointer func;
  gpointer user_data;
} Callback;

static gboolean
supplier_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  Callback *cb = data;
  CdSupplierMonthRow row = {
    .supplier_id = sqlite3_column_int64 (stmt, 0),
    .supplier = text_at (stmt, 1),
    .credit_code = text_at (stmt, 2),
    .vat_type = text_at (stmt, 3),
    .orders = sqlite3_column_int64 (stmt, 4),
    .lines = sqlite3_column_int64 (stmt, 5),
    .amount_fen = sqlite3_column_int64 (stmt, 6),
    .tax_fen = sqlite3_column_int64 (stmt, 7),
    .paid_fen = sqlite3_column_int64 (stmt, 8),
  };

  row.total_fen = row.amount_fen + row.tax_fen;
  row.payable_fen = row.total_fen - row.paid_fen;
  return ((CdSupplierMonthFunc) cb->func) (&row, cb->user_data, error);
}

gboolean
cd_month_reader_foreach_supplier (CdMonthReader *self, CdSupplierMonthFunc func,
                                  gpointer user_data, GError **error)
{
  Callback cb = { (gpointer) func, user_data };

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  return run_rows (self, prepare_month (self, supplier_sql, error), supplier_row, &cb, error);
}

typedef struct
{
  CdMonthReader       *reader;
  CdSupplierOrderFunc  order_func;
  CdSupplierLineFunc   line_func;
  gpointer             user_data;
  sqlite3_stmt        *lines;
} OrderData;

static gboolean
each_line (OrderData *d, const CdSupplierOrderRow *order, GError **error)
{
  sqlite3_stmt *stmt = d->lines;
  gboolean ok = TRUE;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, order->order_id);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdSupplierLineRow row = {
        .order = order,
        .item = text_at (stmt, 0),
        .spec = text_at (stmt, 1),
        .qty_milli = sqlite3_column_int64 (stmt, 2),
        .unit = text_at (stmt, 3),
        .unit_price_fen = sqlite3_column_int64 (stmt, 4),
        .tax_rate_bp = sqlite3_column_int (stmt, 5),
        .amount_fen = sqlite3_column_int64 (stmt, 6),
        .tax_fen = sqlite3_column_int64 (stmt, 7),
      };

      row.total_fen = row.amount_fen + row.tax_fen;
      ok = d->line_func (&row, d->user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      set_db_error (d->reader->db, rc, error);
      ok = FALSE;
    }
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
order_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  OrderData *d = data;
  CdSupplierOrderRow row = {
    .supplier_id = sqlite3_column_int64 (stmt, 0),
    .supplier = text_at (stmt, 1),
    .credit_code = text_at (stmt, 2),
    .vat_type = text_at (stmt, 3),
    .order_id = sqlite3_column_int64 (stmt, 4),
    .order_number = text_at (stmt, 5),
    .project = text_at (stmt, 6),
    .client = text_at (stmt, 7),
    .delivered_date = text_at (stmt, 8),
    .accepted_date = text_at (stmt, 9),
    .acceptance_number = text_at (stmt, 10),
    .accepted_by = text_at (stmt, 11),
    .paid_fen = sqlite3_column_int64 (stmt, 12),
  };

  if (d->order_func != NULL && !d->order_func (&row, d->user_data, error))
    return FALSE;
  return d->line_func == NULL || each_line (d, &row, error);
}

/**
 * cd_month_reader_foreach_order:
 * @order_func: (nullable): called for each payable order, before its lines
 * @line_func: (nullable): called for each of its lines; the row points to
 *   the order
 */
gboolean
cd_month_reader_foreach_order (CdMonthReader *self, CdSupplierOrderFunc order_func,
                               CdSupplierLineFunc line_func, gpointer user_data,
                               GError **error)
{
  OrderData d = { self, order_func, line_func, user_data, NULL };
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  d.lines = prepare_month (self, line_sql, error);
  if (d.lines == NULL)
    return FALSE;
  ok = run_rows (self, prepare_month (self, order_sql, error), order_row, &d, error);
  sqlite3_finalize (d.lines);
  return ok;
}

static CdNotPayableReason
not_payable_reason (const char *status, const char *accepted_date, const char *next,
                    const char *acceptance_status, const char *acceptance_result,
                    gboolean signed_pass)
{
  gboolean has_acceptance = acceptance_status != NULL;
  gboolean is_signed = g_strcmp0 (acceptance_status, "signed") == 0;

  if (g_strcmp0 (status, "reworked") == 0)
    return CD_NOT_PAYABLE_REWORKED;
  if (g_strcmp0 (status, "rejected") == 0
      || (is_signed && g_strcmp0 (acceptance_result, "fail") == 0))
    return CD_NOT_PAYABLE_REJECTED;
  if (g_strcmp0 (status, "accepted") == 0 && signed_pass && accepted_date != NULL
      && strcmp (accepted_date, next) >= 0)
    return CD_NOT_PAYABLE_ACCEPTED_LATER;
  if (has_acceptance && !is_signed)
    return CD_NOT_PAYABLE_UNSIGNED;
  if (g_strcmp0 (status, "delivered") == 0 && !has_acceptance)
    return CD_NOT_PAYABLE_AWAITING_ACCEPTANCE;
  if (g_strcmp0 (status, "accepted") == 0 && !signed_pass)
    return CD_NOT_PAYABLE_UNSIGNED;
  return CD_NOT_PAYABLE_OTHER;
}

typedef struct
{
  Callback       cb;
  CdMonthReader *reader;
} NotPayableData;

static gboolean
not_payable_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  NotPayableData *d = data;
  CdNotPayableRow row = {
    .order_id = sqlite3_column_int64 (stmt, 0),
    .order_number = text_at (stmt, 1),
    .supplier = text_at (stmt, 2),
    .project = text_at (stmt, 3),
    .client = text_at (stmt, 4),
    .status = text_at (stmt, 5),
    .delivered_date = text_at (stmt, 6),
    .accepted_date = text_at (stmt, 7),
    .acceptance_number = text_at (stmt, 8),
    .amount_fen = sqlite3_column_int64 (stmt, 11),
    .tax_fen = sqlite3_column_int64 (stmt, 12),
  };

  row.total_fen = row.amount_fen + row.tax_fen;
  row.reason = not_payable_reason (row.status, row.accepted_date, d->reader->next,
                                   text_at (stmt, 9), text_at (stmt, 10),
                                   sqlite3_column_int (stmt, 13) != 0);
  return ((CdNotPayableFunc) d->cb.func) (&row, d->cb.user_data, error);
}

gboolean
cd_month_reader_foreach_not_payable (CdMonthReader *self, CdNotPayableFunc func,
                                     gpointer user_data, GError **error)
{
  NotPayableData d = { { (gpointer) func, user_data }, self };

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  return run_rows (self, prepare_month (self, not_payable_sql, error), not_payable_row, &d,
                   error);
}

static gboolean
pickup_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  Callback *cb = data;
  CdPickupRow row = {
    .slip_id = sqlite3_column_int64 (stmt, 0),
    .number = text_at (stmt, 1),
    .date = text_at (stmt, 2),
    .client = text_at (stmt, 3),
    .project = text_at (stmt, 4),
    .received_by = text_at (stmt, 5),
    .status = text_at (stmt, 6),
    .item = text_at (stmt, 7),
    .qty_milli = sqlite3_column_int64 (stmt, 8),
    .unit = text_at (stmt, 9),
  };

  return ((CdPickupFunc) cb->func) (&row, cb->user_data, error);
}

gboolean
cd_month_reader_foreach_pickup (CdMonthReader *self, CdPickupFunc func, gpointer user_data,
                                GError **error)
{
  Callback cb = { (gpointer) func, user_data };

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  return run_rows (self, prepare_month (self, pickup_sql, error), pickup_row, &cb, error);
}

/* ------------------------------------------------------------------ */
/* Work-order summary                                                  */

static gboolean
person_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  Callback *cb = data;
  CdWorkOrderPersonRow row = {
    .staff_id = sqlite3_column_int64 (stmt, 0),
    .name = text_at (stmt, 1),
    .department = text_at (stmt, 2),
    .issued = sqlite3_column_int64 (stmt, 3),
    .done = sqlite3_column_int64 (stmt, 4),
    .on_time = sqlite3_column_int64 (stmt, 5),
    .revision_rounds = sqlite3_column_int64 (stmt, 6),
    .spent_minutes = sqlite3_column_int64 (stmt, 7),
  };

  return ((CdWorkOrderPersonFunc) cb->func) (&row, cb->user_data, error);
}

gboolean
cd_month_reader_foreach_person (CdMonthReader *self, CdWorkOrderPersonFunc func,
                                gpointer user_data, GError **error)
{
  Callback cb = { (gpointer) func, user_data };

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  return run_rows (self, prepare_month (self, person_sql, error), person_row, &cb, error);
}

static gboolean
work_order_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  Callback *cb = data;
  CdWorkOrderRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .number = text_at (stmt, 1),
    .title = text_at (stmt, 2),
    .project = text_at (stmt, 3),
    .client = text_at (stmt, 4),
    .department = text_at (stmt, 5),
    .assignee_id = sqlite3_column_int64 (stmt, 6),
    .assignee = text_at (stmt, 7),
    .issued_by = text_at (stmt, 8),
    .issued_date = text_at (stmt, 9),
    .due_date = text_at (stmt, 10),
    .status = text_at (stmt, 11),
    .done_date = text_at (stmt, 12),
    .on_time = sqlite3_column_int (stmt, 13) != 0,
    .priority = sqlite3_column_int (stmt, 14),
    .revision_rounds = sqlite3_column_int64 (stmt, 15),
    .spent_minutes = sqlite3_column_int64 (stmt, 16),
  };

  return ((CdWorkOrderFunc) cb->func) (&row, cb->user_data, error);
}

gboolean
cd_month_reader_foreach_work_order (CdMonthReader *self, CdWorkOrderFunc func,
                                    gpointer user_data, GError **error)
{
  Callback cb = { (gpointer) func, user_data };

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  return run_rows (self, prepare_month (self, work_order_sql, error), work_order_row, &cb,
                   error);
}

/* ------------------------------------------------------------------ */
/* Totals                                                              */

static gboolean
add_supplier_cb (const CdSupplierMonthRow *row, gpointer user_data, GError **error)
{
  CdMonthTotals *totals = user_data;

  totals->suppliers++;
  totals->orders += row->orders;
  totals->lines += row->lines;
  totals->amount_fen += row->amount_fen;
  totals->tax_fen += row->tax_fen;
  totals->total_fen += row->total_fen;
  totals->paid_fen += row->paid_fen;
  totals->payable_fen += row->payable_fen;
  return TRUE;
}

static gboolean
count_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  gint64 *out = data;

  for (int i = 0; i < sqlite3_column_count (stmt) && i < 3; i++)
    out[i] = sqlite3_column_int64 (stmt, i);
  return TRUE;
}

static gboolean
count_two (CdMonthReader *self, const char *sql, gint64 *a, gint64 *b, GError **error)
{
  gint64 out[3] = { 0, 0, 0 };

  if (!run_rows (self, prepare_month (self, sql, error), count_row, out, error))
    return FALSE;
  *a = out[0];
  if (b != NULL)
    *b = out[1];
  return TRUE;
}

static gboolean
count_cashier_sheets (CdMonthReader *self, CdMonthTotals *totals, GError **error)
{
  return count_two (self, not_payable_count_sql, &totals->not_payable, NULL, error)
         && count_two (self, pickup_count_sql, &totals->pickup_rows, &totals->pickup_slips, error);
}

gboolean
cd_month_reader_counts (CdMonthReader *self, CdMonthTotals *out_totals, GError **error)
{
  CdMonthTotals totals = { 0 };
  gint64 out[3] = { 0, 0, 0 };

  g_return_val_if_fail (self != NULL && out_totals != NULL, FALSE);

  if (!run_rows (self, prepare_month (self, payable_count_sql, error), count_row, out, error)
      || !count_cashier_sheets (self, &totals, error))
    return FALSE;
  totals.suppliers = out[0];
  totals.orders = out[1];
  totals.lines = out[2];
  *out_totals = totals;
  return TRUE;
}

/**
 * cd_month_reader_totals:
 *
 * Fills @out_totals with the month's figures, the same the sheets add up to.
 */
gboolean
cd_month_reader_totals (CdMonthReader *self, CdMonthTotals *out_totals, GError **error)
{
  CdMonthTotals totals = { 0 };

  g_return_val_if_fail (self != NULL && out_totals != NULL, FALSE);

  if (!cd_month_reader_foreach_supplier (self, add_supplier_cb, &totals, error)
      || !count_cashier_sheets (self, &totals, error)
      || !count_two (self, work_order_count_sql, &totals.work_orders, &totals.work_order_people,
                     error))
    return FALSE;
  *out_totals = totals;
  return TRUE;
}

static void
totals_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (CdMonthReader) reader = NULL;
  g_autofree CdMonthTotals *totals = g_new0 (CdMonthTotals, 1);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  reader = cd_month_reader_open (CD_STORE (source), data, &error);
  if (reader == NULL || !cd_month_reader_totals (reader, totals, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&totals), g_free);
}

void
cd_store_month_totals_async (CdStore *store, const char *month, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CD_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_month_totals_async);
  g_task_set_task_data (task, g_strdup (month), g_free);
  g_task_run_in_thread (task, totals_thread);
}

gboolean
cd_store_month_totals_finish (CdStore *store, GAsyncResult *result, CdMonthTotals *out_totals,
                              GError **error)
{
  g_autofree CdMonthTotals *totals = NULL;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  totals = g_task_propagate_pointer (G_TASK (result), error);
  if (totals == NULL)
    return FALSE;
  if (out_totals != NULL)
    *out_totals = *totals;
  return TRUE;
}
