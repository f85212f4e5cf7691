/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Finance view needs around supplier payments: the orders that
 * can still be paid, and the statement read off the UI thread. The
 * payable rule is the supplier sheet's: accepted, with a signed acceptance
 * that passed. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-store-month-end.h"
#include "store/cd-store-private.h"

#define DEFAULT_LIMIT 500

static const char to_pay_sql[] =
  "SELECT id, number, supplier_id, supplier, accepted_date, total_fen, paid_fen FROM ("
  " SELECT o.id, o.number, o.supplier_id, s.name AS supplier, o.accepted_date,"
  "  (SELECT coalesce (sum (l.amount_fen + l.tax_fen), 0) FROM supplier_order_line l"
  "   WHERE l.order_id = o.id) AS total_fen,"
  "  (SELECT coalesce (sum (y.amount_fen), 0) FROM supplier_payment y"
  "   WHERE y.supplier_order_id = o.id) AS paid_fen"
  " FROM supplier_order o JOIN supplier s ON s.id = o.supplier_id"
  " WHERE o.status = 'accepted' AND ?1 IN (0, o.supplier_id)"
  " AND EXISTS (SELECT 1 FROM acceptance x WHERE x.supplier_order_id = o.id"
  "  AND x.status = 'signed' AND x.result IN ('pass', 'conditional')))"
  " WHERE paid_fen < total_fen ORDER BY accepted_date, id LIMIT ?2";

GVariant *
cd_store_supplier_orders_to_pay (CdStore *store, gint64 supplier_id, guint limit, GError **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  cd_store_lock (store);
  stmt = cd_store_prepare (store, to_pay_sql, error);
  if (stmt == NULL)
    {
      cd_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? limit : DEFAULT_LIMIT);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add_value (&builder, cd_store_row_to_variant (stmt));
  sqlite3_reset (stmt);
  cd_store_unlock (store);
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&builder);
      cd_store_set_error (store, error, rc, _("reading the orders still to pay"));
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

typedef struct
{
  gint64 supplier_id;
  guint  limit;
  GDate  from;
  GDate  to;
} Args;

static void
to_pay_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *args = data;
  GError *error = NULL;
  GVariant *rows;

  if (g_task_return_error_if_cancelled (task))
    return;
  rows = cd_store_supplier_orders_to_pay (CD_STORE (source), args->supplier_id, args->limit, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_variant_unref);
}

void
cd_store_supplier_orders_to_pay_async (CdStore *store, gint64 supplier_id, guint limit,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Args *args = g_new0 (Args, 1);

  g_return_if_fail (CD_IS_STORE (store));

  args->supplier_id = supplier_id;
  args->limit = limit;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_supplier_orders_to_pay_async);
  g_task_set_task_data (task, args, g_free);
  g_task_run_in_thread (task, to_pay_thread);
}

GVariant *
cd_store_supplier_orders_to_pay_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
statement_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *args = data;
  GError *error = NULL;
  GVariant *statement;

  if (g_task_return_error_if_cancelled (task))
    return;
  statement = cd_store_supplier_statement (CD_STORE (source), args->supplier_id, &args->from,
                                           &args->to, &error);
  if (statement == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, statement, (GDestroyNotify) g_variant_unref);
}

void
cd_store_supplier_statement_async (CdStore *store, gint64 supplier_id, const GDate *from,
                                   const GDate *to, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Args *args = g_new0 (Args, 1);

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (from != NULL && to != NULL);

  args->supplier_id = supplier_id;
  args->from = *from;
  args->to = *to;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_supplier_statement_async);
  g_task_set_task_data (task, args, g_free);
  g_task_run_in_thread (task, statement_thread);
}

GVariant *
cd_store_supplier_statement_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
