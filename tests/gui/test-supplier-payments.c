/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Payments to suppliers from the Finance view, on the known month-end
 * fixture: the orders still to pay are the accepted, not fully paid ones;
 * an over-payment, a bad date or a bad amount is refused under its field
 * and nothing is saved; a good payment is saved and announced; a
 * supplier's statement over a period adds up and exports to a workbook. */
#include <inttypes.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "gui/cd-supplier-payment-window.h"
#include "gui/cd-supplier-statement-window.h"
#include "store/cd-store-month-end.h"

typedef struct
{
  char      *path;
  CdContext *context;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  const char *root = g_getenv ("CLIENTDESK_SOURCE_ROOT");
  g_autofree char *sql_path = g_build_filename (root ? root : ".", "tests", "reports",
                                                "month-end-fixture.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
}

static gint64
paid_on (Fixture *f, gint64 order)
{
  gint64 total = 0, paid = 0;

  g_assert_true (cd_store_supplier_order_balance (cd_context_get_store (f->context), order, &total, &paid, NULL));
  return paid;
}

static void
test_orders_to_pay (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_supplier_orders_to_pay (cd_context_get_store (f->context), 0, 0, &error);
  g_autoptr (GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (gsize i = 0; rows != NULL && i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      gint64 id = 0;

      g_variant_lookup (row, "id", "x", &id);
      g_string_append_printf (ids, "%" PRId64 " ", id);
    }
  /* Oldest acceptance first; O2 and O7 are paid in full, O4–O6 not payable. */
  g_assert_cmpstr (ids->str, ==, "1 8 9 10 3 ");
}

static gboolean
payment_ready (gpointer data)
{
  return cd_supplier_payment_window_is_ready (data);
}

static void
on_recorded_cb (GtkWindow *window, gint64 amount, gpointer data)
{
  *(gint64 *) data = amount;
}

static void
test_payment_form (Fixture *f, gconstpointer data)
{
  GtkWindow *window = cd_supplier_payment_window_new (f->context, NULL);
  CdSupplierPaymentWindow *form = CD_SUPPLIER_PAYMENT_WINDOW (window);
  g_autoptr (GPtrArray) unlabelled = NULL;
  gint64 recorded = 0;

  g_object_ref (window);
  g_signal_connect (window, "recorded", G_CALLBACK (on_recorded_cb), &recorded);
  gtk_window_present (window);
  g_assert_true (cd_test_wait (payment_ready, form, 5000));
  g_assert_true (cd_supplier_payment_window_select (form, 1));
  g_assert_false (cd_supplier_payment_window_select (form, 2));

  /* O1: ¥4,291.16 in all, ¥1,500.00 paid: one fen more is refused. */
  g_assert_false (cd_supplier_payment_window_submit (form, "2026-04-10", "2791.17", "TX-0410"));
  g_assert_nonnull (strstr (cd_supplier_payment_window_get_error (form), "at most ¥2,791.16"));
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (window), "Amount (¥)"));
  g_assert_cmpint (paid_on (f, 1), ==, 150000);

  g_assert_false (cd_supplier_payment_window_submit (form, "2026-02-30", "100", NULL));
  g_assert_nonnull (strstr (cd_supplier_payment_window_get_error (form), "The date is not a date"));
  g_assert_false (cd_supplier_payment_window_submit (form, "2026-04-10", "abc", NULL));
  g_assert_nonnull (cd_supplier_payment_window_get_error (form));
  g_assert_false (cd_supplier_payment_window_submit (form, "2026-04-10", "-5", NULL));
  g_assert_cmpint (paid_on (f, 1), ==, 150000);
  g_assert_cmpint (recorded, ==, 0);

  /* Each refusal is shown at its own field. */
  {
    GtkWidget *amount_row = cd_test_find_by_label (GTK_WIDGET (window), "Amount (¥)");
    GtkWidget *reference_row = cd_test_find_by_label (GTK_WIDGET (window), "Bank reference");
    g_autofree char *long_reference = g_strnfill (201, 'R');

    g_assert_false (cd_supplier_payment_window_submit (form, "2026-04-10", "2791.17", "TX-0410"));
    g_assert_true (gtk_widget_has_css_class (amount_row, "error"));
    g_assert_false (gtk_widget_has_css_class (reference_row, "error"));
    g_assert_false (cd_supplier_payment_window_submit (form, "2026-04-10", "10", long_reference));
    g_assert_true (gtk_widget_has_css_class (reference_row, "error"));
    g_assert_false (gtk_widget_has_css_class (amount_row, "error"));
    g_assert_nonnull (strstr (cd_supplier_payment_window_get_error (form), "reference"));
    g_assert_cmpint (paid_on (f, 1), ==, 150000);
  }

  unlabelled = cd_test_unlabelled (GTK_WIDGET (window));
  for (guint i = 0; i < unlabelled->len; i++)
    {
      g_autofree char *d = cd_test_describe (unlabelled->pdata[i]);
      g_test_message ("unlabelled: %s", d);
    }
  g_assert_cmpuint (unlabelled->len, ==, 0);

  g_assert_true (cd_supplier_payment_window_submit (form, "2026-04-10", "1000.00", "TX-0410"));
  g_assert_null (cd_supplier_payment_window_get_error (form));
  g_assert_cmpint (recorded, ==, 100000);
  g_assert_cmpint (paid_on (f, 1), ==, 250000);
  cd_test_iterate (50);
  g_object_unref (window);
}

static gboolean
statement_ready (gpointer data)
{
  return cd_supplier_statement_window_is_ready (data);
}

static gboolean
statement_shown (gpointer data)
{
  return cd_supplier_statement_window_get_statement (data) != NULL;
}

static gint64
get_int (GVariant *dict, const char *key)
{
  gint64 value = -1;

  g_variant_lookup (dict, key, "x", &value);
  return value;
}

static void
test_statement (Fixture *f, gconstpointer data)
{
  GtkWindow *window = cd_supplier_statement_window_new (f->context, NULL);
  CdSupplierStatementWindow *statement_window = CD_SUPPLIER_STATEMENT_WINDOW (window);
  g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "statement.xlsx", NULL);
  g_autoptr (GVariant) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *head = NULL;
  GVariant *statement;
  gsize length = 0;

  gtk_window_present (window);
  g_assert_true (cd_test_wait (statement_ready, window, 5000));
  g_assert_false (cd_supplier_statement_window_show (statement_window, 1, "2026-03-01", "2026-13-01"));
  g_assert_false (cd_supplier_statement_window_show (statement_window, 1, "2026-04-30", "2026-03-01"));
  g_assert_true (cd_supplier_statement_window_show (statement_window, 1, "2026-03-01", "2026-04-30"));
  g_assert_true (cd_test_wait (statement_shown, window, 5000));
  statement = cd_supplier_statement_window_get_statement (statement_window);
  g_assert_nonnull (statement);
  if (statement == NULL)
    return;
  /* O1 (¥4,291.16) and O3 (¥452.00) became payable; ¥1,000 and ¥500 paid. */
  g_assert_cmpint (get_int (statement, "opening_balance_fen"), ==, 0);
  g_assert_cmpint (get_int (statement, "charged_fen"), ==, 429116 + 45200);
  g_assert_cmpint (get_int (statement, "paid_fen"), ==, 150000);
  g_assert_cmpint (get_int (statement, "closing_balance_fen"), ==, 429116 + 45200 - 150000);
  entries = g_variant_lookup_value (statement, "entries", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_cmpuint (g_variant_n_children (entries), ==, 4);

  g_assert_true (cd_supplier_statement_window_export (statement_window, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &head, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_true (head != NULL && head[0] == 'P' && head[1] == 'K');
  /* Client and supplier business: for its owner only. */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_unlink (xlsx);
  gtk_window_destroy (window);
  cd_test_iterate (50);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  g_test_add ("/gui/supplier-payments/orders-still-to-pay-are-accepted-and-not-fully-paid", Fixture, NULL,
              fixture_setup, test_orders_to_pay, fixture_teardown);
  g_test_add ("/gui/supplier-payments/bad-input-is-refused-under-its-field-and-a-good-payment-saved",
              Fixture, NULL, fixture_setup, test_payment_form, fixture_teardown);
  g_test_add ("/gui/supplier-payments/statement-over-a-period-adds-up-and-exports", Fixture, NULL,
              fixture_setup, test_statement, fixture_teardown);
  return g_test_run ();
}
