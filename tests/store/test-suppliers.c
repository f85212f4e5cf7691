/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suppliers, their quotes and orders, delivery acceptance, pickup slips and
 * the supplier scorecard: the rules the store keeps, and the locks the
 * database keeps whatever program writes to it. */
#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "store/cd-store-list.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
} Fixture;

/* A small agency: an account manager, a client, a project whose quote has
 * a print line (id 1) and a banner line (id 2), and three print shops. */
static const char seed_sql[] =
  "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
  "INSERT INTO staff (id, name, role, active) VALUES (2, '赵强', 'account_manager', 0);"
  "INSERT INTO client (id, name, status, owner_id, address)"
  "  VALUES (1, '上海星河文化传播有限公司', 'active', 1, '上海市徐汇区漕溪北路88号');"
  "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
  "  VALUES (1, 'XM202403-0001', 1, '春季新品发布会', 'quoting', 1, '2024-03-01');"
  "INSERT INTO quote (id, number, project_id, client_id, status, created_date, subtotal_fen, tax_fen,"
  "  total_fen) VALUES (1, 'QT202403-0001', 1, 1, 'draft', '2024-03-02', 560000, 33600, 593600);"
  "INSERT INTO quote_line (id, quote_id, position, item, qty_milli, unit, unit_price_fen, amount_fen)"
  "  VALUES (1, 1, 1, '宣传单页', 5000000, '张', 80, 400000),"
  "         (2, 1, 2, '户外喷绘', 40000, '平方米', 4000, 160000);"
  "INSERT INTO supplier (id, name, category, vat_type, invoice_rate_bp)"
  "  VALUES (1, '上海彩虹印务有限公司', 'print', 'general', 1300),"
  "         (2, '上海晨光彩印有限公司', 'print', 'small_scale', 300),"
  "         (3, '苏州精工印刷有限公司', 'print', 'general', 1300);";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cd-suppliers-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  if (data == NULL)
    {
      g_assert_true (cd_store_exec (f->store, seed_sql, &error));
      g_assert_no_error (error);
      cd_store_set_actor (f->store, 1);
    }
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
  g_free (f->path);
  g_free (f->dir);
}

/* Raw SQL against the file, as another program would write it. */
static int
raw_exec (const char *path, const char *sql, char **message)
{
  sqlite3 *db = NULL;
  int rc;

  sqlite3_open (path, &db);
  sqlite3_busy_timeout (db, 2000);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
}

static void
assert_raw_refused (Fixture *f, const char *sql, const char *reason)
{
  char *message = NULL;

  g_assert_cmpint (raw_exec (f->path, sql, &message), !=, SQLITE_OK);
  g_assert_nonnull (message);
  if (message != NULL)
    g_assert_nonnull (strstr (message, reason));
  sqlite3_free (message);
}

static gint64
count_rows (Fixture *f, const char *sql)
{
  return cd_store_query_int (f->store, sql, NULL);
}

static gint64
add_quote (Fixture *f, gint64 supplier, gint64 line, gint64 price, int lead)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplierQuote) q = cd_supplier_quote_new ();
  gint64 id;

  q->project_id = 1;
  q->supplier_id = supplier;
  q->quote_line_id = line;
  q->item = g_strdup (line == 2 ? "户外喷绘" : "宣传单页");
  q->spec = g_strdup ("157g铜版纸 A4 双面");
  q->qty_milli = line == 2 ? 40000 : 5000000;
  q->price_fen = price;
  q->lead_days = lead;
  q->quote_date = g_strdup ("2024-03-04");
  id = cd_store_supplier_quote_add (f->store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An order from supplier 1's chosen quote for line 1, moved to delivered. */
static gint64
delivered_order (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gint64 quote = add_quote (f, 1, 1, 50, 5);
  gint64 order;

  g_assert_true (cd_store_supplier_quote_choose (f->store, quote, "价格最低", &error));
  order = cd_store_supplier_order_create_from_quotes (f->store, &quote, 1, "2024-03-05", "上海展览中心",
                                                      &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_supplier_order_move (f->store, order, CD_SUPPLIER_ORDER_ORDERED, NULL, &error));
  g_assert_true (cd_store_supplier_order_move (f->store, order, CD_SUPPLIER_ORDER_DELIVERED,
                                               "2024-03-11", &error));
  g_assert_no_error (error);
  return order;
}

static void
judge_all (Fixture *f, gint64 acceptance, CdCheckResult result)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdAcceptance) a = cd_store_acceptance_get (f->store, acceptance, &error);

  g_assert_no_error (error);
  for (guint i = 0; a != NULL && i < a->items->len; i++)
    {
      CdAcceptanceItem *item = g_ptr_array_index (a->items, i);

      g_assert_true (cd_store_acceptance_judge (f->store, item->id, result, NULL, &error));
      g_assert_no_error (error);
    }
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 6);
  GByteArray *bytes = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* ------------------------------------------------------------------ */

static void
test_supplier_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplier) s = cd_supplier_new ();
  g_autofree char *long_name = g_strnfill (301, 'A');

  s->name = g_strdup (long_name);
  g_free (s->category);
  s->category = g_strdup ("print");
  g_assert_false (cd_store_supplier_save (f->store, s, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (s->name);
  s->name = g_strdup ("  杭州西湖礼品有限公司 ");
  g_free (s->category);
  s->category = g_strdup ("gifts");
  s->credit_code = g_strdup ("91330100MA2ABCDE1X");   /* wrong check character */
  g_assert_false (cd_store_supplier_save (f->store, s, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A small-scale taxpayer does not invoice at 13 %. */
  g_clear_pointer (&s->credit_code, g_free);
  g_free (s->vat_type);
  s->vat_type = g_strdup ("small_scale");
  s->invoice_rate_bp = 1300;
  g_assert_false (cd_store_supplier_save (f->store, s, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier"), ==, 3);

  s->invoice_rate_bp = 300;
  g_assert_true (cd_store_supplier_save (f->store, s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s->id, >, 3);
  g_assert_cmpstr (s->name, ==, "杭州西湖礼品有限公司");

  /* The same name again is refused. */
  {
    g_autoptr (CdSupplier) twin = cd_supplier_copy (s);

    twin->id = 0;
    g_assert_false (cd_store_supplier_save (f->store, twin, &error));
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* A suspended supplier is asked for no quote and cannot be deleted once used. */
  g_assert_true (cd_store_supplier_set_status (f->store, 3, "suspended", &error));
  {
    g_autoptr (CdSupplierQuote) q = cd_supplier_quote_new ();

    q->project_id = 1; q->supplier_id = 3; q->item = g_strdup ("宣传单页");
    q->qty_milli = 1000; q->price_fen = 10;
    g_assert_cmpint (cd_store_supplier_quote_add (f->store, q, &error), ==, 0);
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  add_quote (f, 1, 1, 50, 5);
  g_assert_false (cd_store_supplier_delete (f->store, 1, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_supplier_delete (f->store, s->id, &error));
  g_assert_no_error (error);
}

static void
test_quotes_compare_and_choose (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) compared = NULL;
  gint64 a = add_quote (f, 1, 1, 52, 7);
  gint64 b = add_quote (f, 2, 1, 48, 10);
  gint64 c = add_quote (f, 3, 1, 55, 4);
  CdSupplierQuote *first, *last;

  add_quote (f, 1, 2, 3000, 3);   /* another item: not compared with these */
  compared = cd_store_supplier_quotes_compare (f->store, 1, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (compared->len, ==, 3);
  first = g_ptr_array_index (compared, 0);
  last = g_ptr_array_index (compared, 2);
  g_assert_cmpint (first->id, ==, b);                /* cheapest first */
  g_assert_cmpint (first->amount_fen, ==, 240000);   /* 5000 × 0.48 */
  g_assert_true (first->cheapest);
  g_assert_false (first->fastest);
  g_assert_cmpint (last->id, ==, c);
  g_assert_true (last->fastest);

  /* A choice needs a reason. */
  g_assert_false (cd_store_supplier_quote_choose (f->store, a, "   ", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_quote WHERE chosen = 1"), ==, 0);

  g_assert_true (cd_store_supplier_quote_choose (f->store, a, "交期稳定，质量更好", &error));
  g_assert_true (cd_store_supplier_quote_choose (f->store, c, "交货最快", &error));
  g_assert_no_error (error);
  /* The others are kept, only one is chosen, and the reason goes with it. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_quote WHERE quote_line_id = 1"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_quote WHERE chosen = 1"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT id FROM supplier_quote WHERE chosen = 1"), ==, c);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_quote WHERE choice_reason IS NOT NULL"),
                   ==, 1);

  /* An unchosen quote does not become an order. */
  g_assert_cmpint (cd_store_supplier_order_create_from_quotes (f->store, &a, 1, "2024-03-05", NULL,
                                                               &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_order_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplierOrder) order = NULL;
  gint64 quote = add_quote (f, 2, 1, 48, 10);
  gint64 id;
  CdSupplierOrderLine *line;

  g_assert_true (cd_store_supplier_quote_choose (f->store, quote, "价格最低", &error));
  id = cd_store_supplier_order_create_from_quotes (f->store, &quote, 1, "2024-03-05", "上海展览中心",
                                                   &error);
  g_assert_no_error (error);
  order = cd_store_supplier_order_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (order->number, ==, "CG202403-00001");
  g_assert_cmpint (order->status, ==, CD_SUPPLIER_ORDER_REQUESTED);
  g_assert_cmpstr (order->promised_date, ==, "2024-03-15");   /* + 10 days lead */
  g_assert_cmpuint (order->lines->len, ==, 1);
  line = g_ptr_array_index (order->lines, 0);
  g_assert_cmpint (line->quote_line_id, ==, 1);
  g_assert_cmpstr (line->unit, ==, "张");
  g_assert_cmpint (line->tax_rate_bp, ==, 300);                /* the small-scale supplier's rate */
  g_assert_cmpint (line->amount_fen, ==, 240000);
  g_assert_cmpint (line->tax_fen, ==, 7200);
  g_assert_cmpint (order->total_fen, ==, 247200);

  /* Illegal moves: skipping a state, deciding without an acceptance. */
  g_assert_false (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-10",
                                                &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_ORDERED, NULL, &error));
  g_assert_false (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_ACCEPTED, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  /* Lines sent to the supplier stay. */
  g_assert_false (cd_store_supplier_order_set_lines (f->store, id, order->lines, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  /* Delivered needs a real date, not before the order. */
  g_assert_false (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_DELIVERED, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-01",
                                                &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_DELIVERED, "2024-02-30",
                                                &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_supplier_order_move (f->store, id, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-16",
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_order"
                                  " WHERE status = 'delivered' AND delivered_date = '2024-03-16'"), ==, 1);

  /* Any program: the database refuses a move back. */
  assert_raw_refused (f, "UPDATE supplier_order SET status = 'requested' WHERE id = 1",
                      "clientdesk:state:supplier_order");

  /* A hand-made order needs lines and a promise not before the order. */
  {
    g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_order_line_free);
    CdSupplierOrderLine *l = cd_supplier_order_line_new ();

    g_assert_cmpint (cd_store_supplier_order_create (f->store, 1, 1, "2024-03-05", NULL, NULL, NULL,
                                                     lines, &error), ==, 0);
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    l->item = g_strdup ("手提袋"); l->qty_milli = 500000; l->unit_price_fen = 333; l->tax_rate_bp = 1300;
    g_ptr_array_add (lines, l);
    g_assert_cmpint (cd_store_supplier_order_create (f->store, 1, 1, "2024-03-05", "2024-03-04", NULL,
                                                     NULL, lines, &error), ==, 0);
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (cd_store_supplier_order_create (f->store, 1, 1, "2024-03-05", "2024-03-12", NULL,
                                                     NULL, lines, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (f, "SELECT amount_fen * 1000000 + tax_fen FROM supplier_order_line"
                                    " WHERE item = '手提袋'"), ==, 166500LL * 1000000 + 21645);
  }
}

static void
test_signed_acceptance_is_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdAcceptance) a = NULL;
  g_autoptr (GBytes) png = make_png ();
  gint64 order = delivered_order (f);
  gint64 id, photo;

  id = cd_store_acceptance_create_for_order (f->store, order, "2024-03-12", &error);
  g_assert_no_error (error);
  /* One inspection at a time. */
  g_assert_cmpint (cd_store_acceptance_create_for_order (f->store, order, "2024-03-12", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  a = cd_store_acceptance_get (f->store, id, &error);
  g_assert_cmpstr (a->number, ==, "YS202403-00001");
  g_assert_cmpstr (a->template_name, ==, "印刷品验收检查表");
  g_assert_cmpuint (a->items->len, ==, 6);
  g_assert_cmpuint (a->counts->len, ==, 1);
  g_assert_false (cd_acceptance_all_judged (a));
  photo = cd_store_acceptance_add_photo (f->store, id, "/tmp/现场/颜色.png", png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (photo, >, 0);

  /* Not signed before every item is judged. */
  g_assert_false (cd_store_acceptance_sign (f->store, id, 1, "2024-03-12", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  judge_all (f, id, CD_CHECK_PASS);
  /* Nor by someone who has left. */
  g_assert_false (cd_store_acceptance_sign (f->store, id, 2, "2024-03-12", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM acceptance WHERE status = 'signed'"), ==, 0);

  g_assert_true (cd_store_acceptance_sign (f->store, id, 0, "2024-03-13", &error));
  g_assert_no_error (error);
  g_clear_pointer (&a, cd_acceptance_free);
  a = cd_store_acceptance_get (f->store, id, &error);
  g_assert_cmpint (a->status, ==, CD_ACCEPTANCE_SIGNED);
  g_assert_cmpint (a->result, ==, CD_CHECK_PASS);
  g_assert_cmpint (a->signed_by, ==, 1);
  g_assert_cmpstr (a->signer_name, ==, "李娜");
  g_assert_cmpuint (a->locked_hash ? strlen (a->locked_hash) : 0, ==, 64);
  {
    g_autoptr (GPtrArray) problems = NULL;

    /* `check` finds the signed content as it was hashed. */
    g_assert_true (cd_store_check (f->store, &problems, &error));
    g_assert_no_error (error);
    for (guint i = 0; problems != NULL && i < problems->len; i++)
      g_test_message ("problem: %s", (char *) problems->pdata[i]);
    g_assert_cmpuint (problems ? problems->len : 0, ==, 0);
  }
  g_assert_cmpint (a->order_status, ==, CD_SUPPLIER_ORDER_ACCEPTED);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_order WHERE status = 'accepted'"
                                  " AND accepted_date = '2024-03-13'"), ==, 1);

  /* Locked for the store… */
  g_assert_false (cd_store_acceptance_judge (f->store, ((CdAcceptanceItem *) a->items->pdata[0])->id,
                                             CD_CHECK_FAIL, "改判", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (cd_store_acceptance_remove_photo (f->store, photo, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_acceptance_add_photo (f->store, id, "b.png", png, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (cd_store_acceptance_sign (f->store, id, 1, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* …and for any other program. */
  assert_raw_refused (f, "UPDATE acceptance SET result = 'fail' WHERE id = 1", "clientdesk:locked:acceptance");
  assert_raw_refused (f, "UPDATE acceptance_item SET note = 'x' WHERE acceptance_id = 1",
                      "clientdesk:locked:acceptance");
  assert_raw_refused (f, "UPDATE acceptance_quantity SET received_milli = 1 WHERE acceptance_id = 1",
                      "clientdesk:locked:acceptance");
  assert_raw_refused (f, "DELETE FROM attachment WHERE owner_table = 'acceptance'",
                      "clientdesk:locked:acceptance");
  assert_raw_refused (f, "DELETE FROM acceptance WHERE id = 1", "clientdesk:locked:acceptance");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM attachment"), ==, 1);
}

static void
test_quantity_mismatch_is_flagged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdAcceptance) a = NULL;
  gint64 order = delivered_order (f);
  gint64 id = cd_store_acceptance_create_for_order (f->store, order, "2024-03-12", &error);
  CdAcceptanceCount *count;

  g_assert_no_error (error);
  a = cd_store_acceptance_get (f->store, id, &error);
  count = g_ptr_array_index (a->counts, 0);
  g_assert_cmpint (count->ordered_milli, ==, 5000000);
  g_assert_cmpint (count->received_milli, ==, 5000000);   /* counted as ordered until changed */
  g_assert_false (cd_acceptance_count_mismatch (count));
  g_assert_false (cd_store_acceptance_set_received (f->store, count->id, -1, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_acceptance_set_received (f->store, count->id, 4800000, &error));
  judge_all (f, id, CD_CHECK_PASS);

  g_clear_pointer (&a, cd_acceptance_free);
  a = cd_store_acceptance_get (f->store, id, &error);
  g_assert_cmpuint (cd_acceptance_count_mismatches (a), ==, 1);
  /* Every item passed, but 200 leaflets are missing: not a clean pass. */
  g_assert_cmpint (cd_acceptance_compute_result (a), ==, CD_CHECK_CONDITIONAL);
  g_assert_true (cd_store_acceptance_sign (f->store, id, 1, "2024-03-12", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM acceptance WHERE result = 'conditional'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_order WHERE status = 'accepted'"), ==, 1);
}

static void
test_rework_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplierOrder) first = NULL;
  g_autoptr (CdSupplierOrder) again = NULL;
  g_autoptr (CdAcceptance) a = NULL;
  gint64 order = delivered_order (f);
  gint64 id = cd_store_acceptance_create_for_order (f->store, order, "2024-03-12", &error);
  gint64 rework, second;
  CdAcceptanceItem *item;

  judge_all (f, id, CD_CHECK_PASS);
  a = cd_store_acceptance_get (f->store, id, &error);
  item = g_ptr_array_index (a->items, 2);
  g_assert_true (cd_store_acceptance_judge (f->store, item->id, CD_CHECK_FAIL, "颜色偏差明显，偏红", &error));
  item = g_ptr_array_index (a->items, 3);
  g_assert_true (cd_store_acceptance_judge (f->store, item->id, CD_CHECK_CONDITIONAL, "个别毛边", &error));
  /* No rework before the failure is signed. */
  g_assert_cmpint (cd_store_acceptance_create_rework (f->store, id, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (cd_store_acceptance_sign (f->store, id, 1, "2024-03-12", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM acceptance WHERE result = 'fail'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_order WHERE status = 'rejected'"
                                  " AND accepted_date IS NULL"), ==, 1);

  rework = cd_store_acceptance_create_rework (f->store, id, "2024-03-13", "2024-03-18", &error);
  g_assert_no_error (error);
  first = cd_store_supplier_order_get (f->store, order, &error);
  again = cd_store_supplier_order_get (f->store, rework, &error);
  g_assert_cmpint (first->status, ==, CD_SUPPLIER_ORDER_REWORKED);
  g_assert_cmpstr (first->reworked_by_number, ==, again->number);
  g_assert_cmpint (again->rework_of_id, ==, order);
  g_assert_cmpstr (again->rework_of_number, ==, first->number);
  g_assert_cmpint (again->status, ==, CD_SUPPLIER_ORDER_REQUESTED);
  g_assert_cmpint (again->total_fen, ==, first->total_fen);
  g_assert_cmpuint (again->lines->len, ==, first->lines->len);
  /* Only one rework per rejection. */
  g_assert_cmpint (cd_store_supplier_order_create_rework (f->store, order, NULL, NULL, FALSE, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);

  /* The rework is delivered, inspected again, passes and is signed. */
  g_assert_true (cd_store_supplier_order_move (f->store, rework, CD_SUPPLIER_ORDER_ORDERED, NULL, &error));
  g_assert_true (cd_store_supplier_order_move (f->store, rework, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-17",
                                               &error));
  second = cd_store_acceptance_create_for_order (f->store, rework, "2024-03-17", &error);
  g_assert_no_error (error);
  judge_all (f, second, CD_CHECK_PASS);
  g_assert_true (cd_store_acceptance_sign (f->store, second, 1, "2024-03-18", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM supplier_order WHERE status = 'accepted'"
                                  " AND rework_of_id = 1"), ==, 1);
}

/* Supplier 1, written as another program would: four orders with known
 * promises, one rejected and reworked. */
static const char scorecard_sql[] =
  "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, promised_date,"
  "  delivered_date, accepted_date, rework_of_id) VALUES"
  "  (11, 'CG-A', 1, 1, 'accepted', '2024-01-02', '2024-01-10', '2024-01-09', '2024-01-10', NULL),"
  "  (12, 'CG-B', 1, 1, 'accepted', '2024-01-05', '2024-01-12', '2024-01-15', '2024-01-16', NULL),"
  "  (13, 'CG-C', 1, 1, 'reworked', '2024-02-01', '2024-02-08', '2024-02-08', NULL, NULL),"
  "  (14, 'CG-D', 1, 1, 'accepted', '2024-02-10', '2024-02-14', '2024-02-14', '2024-02-20', 13),"
  "  (15, 'CG-E', 1, 1, 'ordered', '2024-03-01', '2024-03-09', NULL, NULL, NULL),"
  "  (16, 'CG-F', 1, 2, 'accepted', '2024-01-02', '2024-01-10', '2024-01-09', '2024-01-10', NULL);"
  "INSERT INTO supplier_order_line (order_id, position, item, qty_milli, unit_price_fen, tax_rate_bp,"
  "  amount_fen, tax_fen) VALUES"
  "  (11, 1, '海报', 1000, 100000, 1300, 100000, 13000),"
  "  (12, 1, '海报', 1000, 50000, 1300, 50000, 6500),"
  "  (12, 2, '单页', 1000, 20000, 1300, 20000, 2600),"
  "  (13, 1, '画册', 1000, 80000, 1300, 80000, 10400),"
  "  (14, 1, '画册', 1000, 80000, 1300, 80000, 10400),"
  "  (15, 1, '台卡', 1000, 9000, 1300, 9000, 1170),"
  "  (16, 1, '海报', 1000, 77700, 300, 77700, 2331);";

static void
test_scorecard_on_known_data (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplierScorecard) card = NULL;
  CdSupplierMonthSpend *jan, *feb;

  g_assert_cmpint (raw_exec (f->path, scorecard_sql, NULL), ==, SQLITE_OK);
  card = cd_store_supplier_scorecard (f->store, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (card->n_orders, ==, 5);
  g_assert_cmpuint (card->n_open, ==, 1);
  g_assert_cmpuint (card->n_promised, ==, 4);        /* the ordered one is not delivered yet */
  g_assert_cmpuint (card->n_on_time, ==, 3);         /* CG-B came 3 days late */
  g_assert_cmpuint (card->n_late, ==, 1);
  g_assert_cmpint (cd_supplier_scorecard_on_time_bp (card), ==, 7500);
  g_assert_cmpuint (card->n_decided, ==, 3);         /* A, B, C (D is a rework) */
  g_assert_cmpuint (card->n_first_pass, ==, 2);
  g_assert_cmpint (cd_supplier_scorecard_first_pass_bp (card), ==, 6667);
  g_assert_cmpuint (card->n_reworks, ==, 1);
  g_assert_cmpuint (card->months->len, ==, 2);
  jan = &g_array_index (card->months, CdSupplierMonthSpend, 0);
  feb = &g_array_index (card->months, CdSupplierMonthSpend, 1);
  g_assert_cmpstr (jan->month, ==, "2024-01");
  g_assert_cmpint (jan->net_fen, ==, 170000);
  g_assert_cmpint (jan->tax_fen, ==, 22100);
  g_assert_cmpstr (feb->month, ==, "2024-02");
  g_assert_cmpint (feb->net_fen, ==, 80000);
  g_assert_cmpint (card->spend_net_fen, ==, 250000);
  g_clear_pointer (&card, cd_supplier_scorecard_free);

  /* A range of months bounds the spend, not the counts. */
  card = cd_store_supplier_scorecard (f->store, 1, "2024-02", "2024-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (card->months->len, ==, 1);
  g_assert_cmpint (card->spend_net_fen, ==, 80000);
  g_assert_cmpuint (card->n_orders, ==, 5);
  g_clear_pointer (&card, cd_supplier_scorecard_free);

  card = cd_store_supplier_scorecard (f->store, 1, "2024-13", NULL, &error);
  g_assert_null (card);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  card = cd_store_supplier_scorecard (f->store, 3, NULL, NULL, &error);
  g_assert_cmpint (cd_supplier_scorecard_on_time_bp (card), ==, -1);
}

static void
test_photos_are_pictures (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = make_png ();
  g_autoptr (GBytes) text = g_bytes_new_static ("not a picture at all", 20);
  g_autoptr (GBytes) back = NULL;
  g_autoptr (CdAcceptance) a = NULL;
  g_autofree char *mime = NULL;
  gint64 id = cd_store_acceptance_create_for_order (f->store, delivered_order (f), NULL, &error);
  gint64 photo;

  g_assert_no_error (error);
  g_assert_cmpint (cd_store_acceptance_add_photo (f->store, id, "photo.png", text, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  photo = cd_store_acceptance_add_photo (f->store, id, "C:/相机/IMG_0001.png", png, &error);
  g_assert_no_error (error);
  a = cd_store_acceptance_get (f->store, id, &error);
  g_assert_cmpuint (a->photos->len, ==, 1);
  g_assert_cmpstr (((CdAttachmentInfo *) a->photos->pdata[0])->mime_type, ==, "image/png");
  back = cd_store_attachment_get_content (f->store, photo, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, png));
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_true (cd_store_acceptance_remove_photo (f->store, photo, &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM attachment"), ==, 0);
}

static void
test_checklists_defaults_and_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) templates = cd_store_checklist_templates (f->store, &error);
  g_autoptr (CdChecklistTemplate) print = NULL;
  g_autoptr (CdAcceptance) a = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 7);
  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = cd_store_checklist_templates (f->store, &error);
  g_assert_cmpuint (templates->len, ==, 7);   /* written once, not again */

  print = cd_store_checklist_template_for_kind (f->store, "print", &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (print->items, 0);
  g_assert_false (cd_store_checklist_template_save (f->store, print, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (print->items, g_strdup ("专色与潘通色卡一致"));
  g_ptr_array_add (print->items, g_strdup ("数量清点无误"));
  g_assert_true (cd_store_checklist_template_save (f->store, print, &error));
  g_assert_no_error (error);

  id = cd_store_acceptance_create_for_order (f->store, delivered_order (f), "2024-03-12", &error);
  a = cd_store_acceptance_get (f->store, id, &error);
  g_assert_cmpuint (a->items->len, ==, 2);
  g_assert_cmpstr (((CdAcceptanceItem *) a->items->pdata[0])->text, ==, "专色与潘通色卡一致");
}

static void
test_pickup_slip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) goods = NULL;
  g_autoptr (CdPickupSlip) slip = NULL;
  gint64 id, acceptance;

  acceptance = cd_store_acceptance_create_for_order (f->store, delivered_order (f), "2024-03-12", &error);
  judge_all (f, acceptance, CD_CHECK_PASS);
  g_assert_true (cd_store_acceptance_sign (f->store, acceptance, 1, "2024-03-12", &error));
  goods = cd_store_pickup_goods_for_project (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goods->len, ==, 1);
  g_assert_cmpstr (((CdPickupLine *) goods->pdata[0])->item, ==, "宣传单页");
  g_assert_cmpint (((CdPickupLine *) goods->pdata[0])->qty_milli, ==, 5000000);

  id = cd_store_pickup_slip_create (f->store, 1, "2024-03-14", "送货上门", goods, &error);
  g_assert_no_error (error);
  slip = cd_store_pickup_slip_get (f->store, id, &error);
  g_assert_cmpstr (slip->number, ==, "TH202403-0001");
  g_assert_cmpstr (slip->client_name, ==, "上海星河文化传播有限公司");
  g_assert_cmpstr (slip->status, ==, "issued");
  g_assert_false (cd_store_pickup_slip_sign (f->store, id, " ", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_pickup_slip_sign (f->store, id, "王小明", &error));
  g_assert_false (cd_store_pickup_slip_sign (f->store, id, "别人", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM pickup_slip WHERE status = 'signed'"
                                  " AND received_by = '王小明'"), ==, 1);
}

/* A version 2 file holding a signed acceptance and its photo migrates to
 * version 3 with everything kept, and the photo is now locked too. */
static void
test_migration_v2_to_v3_keeps_data (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  char *message = NULL;

  store = cd_store_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, 2);
  g_assert_true (cd_store_exec (store, seed_sql, &error));
  g_assert_true (cd_store_exec (store, scorecard_sql, &error));
  g_assert_true (cd_store_exec (store,
    "INSERT INTO checklist_template (id, kind, name) VALUES (1, 'print', '旧检查表');"
    "INSERT INTO acceptance (id, number, supplier_order_id, template_id, inspected_date)"
    "  VALUES (1, 'YS-OLD', 11, 1, '2024-01-10');"
    "INSERT INTO acceptance_item (acceptance_id, position, text, result) VALUES (1, 1, '颜色', 'pass');"
    "INSERT INTO attachment (owner_table, owner_id, filename, mime_type, content)"
    "  VALUES ('acceptance', 1, 'a.png', 'image/png', x'89504e47');"
    "UPDATE acceptance SET status = 'signed', result = 'pass', signed_by = 1,"
    "  signed_date = '2024-01-10' WHERE id = 1;", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = cd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, CD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM supplier_order", NULL), ==, 6);
  g_assert_cmpint (cd_store_query_int (store, "SELECT sum (amount_fen) FROM supplier_order_line", NULL),
                   ==, 416700);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM acceptance_quantity", NULL), ==, 0);
  g_assert_cmpint (cd_store_query_int (store, "SELECT length (content) FROM attachment", NULL), ==, 4);
  g_clear_object (&store);
  g_assert_cmpint (raw_exec (path, "DELETE FROM attachment", &message), !=, SQLITE_OK);
  g_assert_nonnull (message);
  if (message)
    g_assert_nonnull (strstr (message, "clientdesk:locked:acceptance"));
  sqlite3_free (message);
}

/* The ids of a supplier list page, in order, as "1,3". */
static char *
listed_ids (GVariant *rows)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  GVariantIter iter;
  GVariant *row;

  if (rows == NULL)
    return g_strdup ("(error)");
  g_variant_iter_init (&iter, rows);
  while ((row = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint64 id = 0;

      g_variant_lookup (row, "id", "x", &id);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? "," : "", id);
      g_variant_unref (row);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_filtered (CdStore *store, const char *search, const char *category, const char *status,
                 const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_list_suppliers (store, search, category, status, 0, 100,
                                                       &error);
  g_autofree char *ids = listed_ids (rows);

  g_assert_no_error (error);
  g_test_message ("search %s, category %s, status %s: %s", search, category, status, ids);
  g_assert_cmpstr (ids, ==, expected);
}

static void
test_directory_filters (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) refused = NULL;
  const char *const bad[] = { "banana", "print' OR 1=1 --", "", "PRINT" };

  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO supplier (id, name, category) VALUES (4, '深圳光明LED显示有限公司', 'led'),"
    "  (5, '上海鸿图广告制作有限公司', 'large_format'), (6, '义乌礼品印刷厂', 'gifts');", &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_supplier_set_status (f->store, 2, "suspended", &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_supplier_set_status (f->store, 4, "suspended", &error));
  g_assert_no_error (error);

  /* Exact rows, in id order, for each combination. */
  assert_filtered (f->store, NULL, NULL, NULL, "1,2,3,4,5,6");
  assert_filtered (f->store, NULL, "print", NULL, "1,2,3");
  assert_filtered (f->store, NULL, "print", "active", "1,3");
  assert_filtered (f->store, NULL, NULL, "suspended", "2,4");
  assert_filtered (f->store, NULL, "led", "active", "");
  assert_filtered (f->store, NULL, "fabrication", NULL, "");
  /* The filters and the search (short scan and trigram MATCH) narrow together. */
  assert_filtered (f->store, "印", NULL, NULL, "1,2,3,6");
  assert_filtered (f->store, "印", NULL, "active", "1,3,6");
  assert_filtered (f->store, "印", "print", "active", "1,3");
  assert_filtered (f->store, "印刷", "gifts", "active", "6");
  assert_filtered (f->store, "有限公司", "large_format", NULL, "5");
  assert_filtered (f->store, "有限公司", "print", "suspended", "2");

  /* Codes come from a fixed list: anything else is refused, never run. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      refused = cd_store_list_suppliers (f->store, NULL, bad[i], NULL, 0, 100, &error);
      g_assert_null (refused);
      g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_clear_pointer (&refused, g_variant_unref);
      refused = cd_store_list_suppliers (f->store, NULL, NULL, bad[i], 0, 100, &error);
      g_assert_null (refused);
      g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_clear_pointer (&refused, g_variant_unref);
    }
  /* The plain list is not narrowed by an earlier filtered read. */
  assert_filtered (f->store, NULL, NULL, NULL, "1,2,3,4,5,6");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/suppliers/are-validated-before-saving", test_supplier_validation);
  ADD ("/store/suppliers/quotes-are-compared-and-one-chosen-with-a-reason", test_quotes_compare_and_choose);
  ADD ("/store/suppliers/orders-move-only-by-legal-steps", test_order_lifecycle);
  ADD ("/store/suppliers/signed-acceptance-is-locked-for-any-program", test_signed_acceptance_is_locked);
  ADD ("/store/suppliers/quantity-mismatch-is-flagged-at-acceptance", test_quantity_mismatch_is_flagged);
  ADD ("/store/suppliers/failed-delivery-leads-to-a-rework-chain", test_rework_chain);
  ADD ("/store/suppliers/scorecard-figures-on-known-data", test_scorecard_on_known_data);
  ADD ("/store/suppliers/photos-must-be-pictures", test_photos_are_pictures);
  ADD ("/store/suppliers/checklists-ship-defaults-and-can-be-edited", test_checklists_defaults_and_edits);
  ADD ("/store/suppliers/pickup-slip-is-signed-once-by-the-client", test_pickup_slip);
  ADD ("/store/suppliers/directory-filters-by-category-and-status", test_directory_filters);
#undef ADD
  g_test_add ("/store/migration/v2-to-v3-keeps-supply-data", Fixture, GINT_TO_POINTER (1), fixture_setup,
              test_migration_v2_to_v3_keeps_data, fixture_teardown);

  return g_test_run ();
}
