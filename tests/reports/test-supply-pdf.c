/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The acceptance, pickup slip and supplier order PDFs, rendered through
 * `clientdesk-cli render` and read back with pdftotext and pdfimages: the
 * number, the supplier, every checklist item with its result, the signer,
 * the photos as embedded images; refusals write nothing. */
#include <string.h>
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "cd-cli-test-util.h"
#include "reports/cd-supply-pdf.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char  *dir;
  char  *db;
  char  *acceptance;
  char  *draft;
  char  *slip;
  char  *order;
} Fixture;

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int w, int h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  GByteArray *bytes = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.85, 0.2, 0.15);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
  cairo_rectangle (cr, w / 4.0, h / 4.0, w / 2.0, h / 2.0);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
make_jpeg (void)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1600, 1200);
  gchar *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x33aa55ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "jpeg", NULL, NULL));
  return g_bytes_new_take (data, size);
}

static gint64
delivered_order (CdStore *store, gint64 supplier)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_order_line_free);
  CdSupplierOrderLine *line = cd_supplier_order_line_new ();
  gint64 id;

  line->item = g_strdup ("宣传单页");
  line->spec = g_strdup ("157g铜版纸 A4 双面");
  line->qty_milli = 5000000;
  line->unit = g_strdup ("张");
  line->unit_price_fen = 48;
  g_ptr_array_add (lines, line);
  id = cd_store_supplier_order_create (store, 1, supplier, "2024-03-05", "2024-03-10", "上海展览中心",
                                       NULL, lines, &error);
  g_assert_no_error (error);
  cd_store_supplier_order_move (store, id, CD_SUPPLIER_ORDER_ORDERED, NULL, &error);
  cd_store_supplier_order_move (store, id, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-12", &error);
  g_assert_no_error (error);
  return id;
}

/* A delivery two days late, short by 200 leaflets, one item failed with a
 * note, two photos, signed by 李娜; a second, unsigned inspection; a
 * pickup slip. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdAcceptance) a = NULL;
  g_autoptr (CdAcceptance) draft = NULL;
  g_autoptr (CdSupplierOrder) order = NULL;
  g_autoptr (CdPickupSlip) slip = NULL;
  g_autoptr (GBytes) png = make_png (64, 48);
  g_autoptr (GBytes) jpeg = make_jpeg ();
  g_autoptr (GPtrArray) goods = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_pickup_line_free);
  gint64 order_id, id, draft_id, slip_id;

  f->dir = cd_make_temp_dir ();
  f->db = g_build_filename (f->dir, "agency.db", NULL);
  store = cd_store_open (f->db, &error);
  g_assert_no_error (error);
  cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, am_id)"
    "  VALUES (1, 'XM202403-0001', 1, '春茶上市发布会', 'quoting', 1);"
    "INSERT INTO supplier (id, name, category, contact, phone)"
    "  VALUES (1, '上海彩虹印务有限公司', 'print', '陈师傅', '021-55550001'),"
    "         (2, '上海晨光彩印有限公司', 'print', NULL, NULL);"
    "INSERT INTO setting (key, value) VALUES ('company.name', '上海锐思广告有限公司');",
    &error);
  g_assert_no_error (error);
  cd_store_set_actor (store, 1);

  order_id = delivered_order (store, 1);
  id = cd_store_acceptance_create_for_order (store, order_id, "2024-03-12", &error);
  a = cd_store_acceptance_get (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < a->items->len; i++)
    {
      CdAcceptanceItem *item = g_ptr_array_index (a->items, i);

      cd_store_acceptance_judge (store, item->id, i == 2 ? CD_CHECK_FAIL : CD_CHECK_PASS,
                                 i == 2 ? "颜色偏差明显，偏红" : NULL, &error);
    }
  cd_store_acceptance_set_received (store, ((CdAcceptanceCount *) a->counts->pdata[0])->id, 4800000,
                                    &error);
  cd_store_acceptance_set_notes (store, id, "2024-03-12", "已通知供应商返工", &error);
  cd_store_acceptance_add_photo (store, id, "颜色对比.png", png, &error);
  cd_store_acceptance_add_photo (store, id, "IMG_0042.jpg", jpeg, &error);
  cd_store_acceptance_sign (store, id, 1, "2024-03-13", &error);
  g_assert_no_error (error);

  draft_id = cd_store_acceptance_create_for_order (store, delivered_order (store, 2), NULL, &error);
  g_assert_no_error (error);

  g_ptr_array_add (goods, cd_pickup_line_new ("手提袋", 500000, "个"));
  g_ptr_array_add (goods, cd_pickup_line_new ("易拉宝", 12000, "个"));
  slip_id = cd_store_pickup_slip_create (store, 1, "2024-03-20", "送货上门", goods, &error);
  g_assert_no_error (error);

  g_clear_pointer (&a, cd_acceptance_free);
  a = cd_store_acceptance_get (store, id, &error);
  draft = cd_store_acceptance_get (store, draft_id, &error);
  order = cd_store_supplier_order_get (store, order_id, &error);
  slip = cd_store_pickup_slip_get (store, slip_id, &error);
  g_assert_no_error (error);
  f->acceptance = g_strdup (a->number);
  f->draft = g_strdup (draft->number);
  f->order = g_strdup (order->number);
  f->slip = g_strdup (slip->number);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  cd_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
  g_free (f->acceptance);
  g_free (f->draft);
  g_free (f->order);
  g_free (f->slip);
}

/* The standard output of pdftotext (UTF-8) or `pdfimages -list` on
 * @path, or NULL when the tool is not installed. */
static char *
run_tool (const char *tool, const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *text_argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  const char *images_argv[] = { NULL, "-list", path, NULL };
  const char **argv = g_str_equal (tool, "pdftotext") ? text_argv : images_argv;
  char *out = NULL;

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, NULL);
  return out;
}

/* Data lines of `pdfimages -list` (after its two header lines). */
static guint
count_images (const char *listing)
{
  g_auto (GStrv) lines = g_strsplit (listing, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[0] != NULL && lines[1] != NULL && lines[i] != NULL; i++)
    if (strstr (lines[i], " image ") != NULL)
      n++;
  return n;
}

static char *
render (Fixture *f, const char *kind, const char *number, const char *name)
{
  char *out = g_build_filename (f->dir, name, NULL);
  g_autoptr (CdRun) run = cd_run_cli ("--db", f->db, "render", kind, number, "-o", out, NULL);

  g_test_message ("render %s %s: %d %s", kind, number, run->status, run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return out;
}

static void
test_acceptance_pdf_shows_everything_signed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (f->db, &error);
  g_autoptr (CdAcceptance) a = cd_store_acceptance_find (store, f->acceptance, &error);
  g_autofree char *pdf = render (f, "acceptance", f->acceptance, "acceptance.pdf");
  g_autofree char *text = run_tool ("pdftotext", pdf);
  g_autofree char *flat = NULL;
  g_autofree char *images = NULL;

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* pdftotext breaks long cells over lines: compare without line breaks. */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (text, "Delivery Acceptance"));
  g_assert_nonnull (strstr (text, f->acceptance));
  g_assert_nonnull (strstr (text, "上海彩虹印务有限公司"));
  g_assert_nonnull (strstr (text, f->order));
  for (guint i = 0; i < a->items->len; i++)
    {
      const CdAcceptanceItem *item = g_ptr_array_index (a->items, i);

      g_test_message ("item %u: %s", i + 1, item->text);
      g_assert_nonnull (strstr (text, item->text));
    }
  g_assert_nonnull (strstr (text, "颜色偏差明显，偏红"));
  g_assert_nonnull (strstr (text, "Fail: 5 of 6 items passed, 1 failed"));
  g_assert_nonnull (strstr (flat, "1 quantity differs from the order"));
  g_assert_nonnull (strstr (text, "200 short"));
  g_assert_nonnull (strstr (text, "2024-03-12 (2 days late)"));
  g_assert_nonnull (strstr (text, "Name: 李娜"));
  g_assert_nonnull (strstr (text, "Date: 2024-03-13"));
  g_assert_nonnull (strstr (text, "已通知供应商返工"));
  g_assert_nonnull (strstr (text, "颜色对比.png"));
  g_assert_nonnull (strstr (flat, a->locked_hash));

  images = run_tool ("pdfimages", pdf);
  if (images == NULL)
    {
      g_test_skip ("pdfimages (poppler-utils) is not installed");
      return;
    }
  g_test_message ("%s", images);
  g_assert_cmpuint (count_images (images), ==, 2);
  /* The 1600 × 1200 photo is scaled down before it goes in. */
  g_assert_null (strstr (images, " 1600 "));
}

static void
test_draft_acceptance_leaves_room_to_tick (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = render (f, "acceptance", f->draft, "draft.pdf");
  g_autofree char *text = run_tool ("pdftotext", pdf);

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Draft, not signed: 0 of 6 items judged"));
  g_assert_nonnull (strstr (text, "上海晨光彩印有限公司"));
  g_assert_null (strstr (text, "Pass"));
  g_assert_null (strstr (text, "SHA-256"));
}

static void
test_pickup_slip_and_order_pdfs (Fixture *f, gconstpointer data)
{
  g_autofree char *slip = render (f, "pickup-slip", f->slip, "slip.pdf");
  g_autofree char *order = render (f, "supplier-order", f->order, "order.pdf");
  g_autofree char *slip_text = run_tool ("pdftotext", slip);
  g_autofree char *order_text = run_tool ("pdftotext", order);

  if (slip_text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (slip_text, "Pickup Slip"));
  g_assert_nonnull (strstr (slip_text, f->slip));
  g_assert_nonnull (strstr (slip_text, "杭州云栖茶业有限公司"));
  g_assert_nonnull (strstr (slip_text, "手提袋"));
  g_assert_nonnull (strstr (slip_text, "Client signature:"));
  g_assert_nonnull (strstr (order_text, "Supplier Order"));
  g_assert_nonnull (strstr (order_text, f->order));
  g_assert_nonnull (strstr (order_text, "陈师傅"));
  /* 5,000 × ¥0.48 = ¥2,400.00, VAT 13 % = ¥312.00. */
  g_assert_nonnull (strstr (order_text, "¥2,712.00"));
  g_assert_nonnull (strstr (order_text, "贰仟柒佰壹拾贰元整"));
}

static void
test_refusals_write_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "out.txt", NULL);
  const char *const *cases[] = {
    (const char *const[]) { "--db", f->db, "render", "acceptance", "YS000000-99999", "-o", out, NULL },
    (const char *const[]) { "--db", f->db, "render", "pickup-slip", "TH000000-9999", "-o", out, NULL },
    (const char *const[]) { "--db", f->db, "render", "acceptance", f->acceptance, "-o", txt, NULL },
  };
  g_autoptr (CdRun) usage = cd_run_cli ("--db", f->db, "render", "acceptance", f->acceptance, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdRun) run = cd_run_cli_argv (NULL, cases[i]);

      g_test_message ("case %u: %s", i, run->err);
      cd_assert_refused (run);
    }
  cd_assert_usage (usage);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

static void
test_photo_decoding (void)
{
  g_autoptr (GBytes) jpeg = make_jpeg ();
  g_autoptr (GBytes) junk = g_bytes_new_static ("\x89PNG\r\n\x1a\n garbage", 17);
  cairo_surface_t *surface = cd_supply_pdf_decode_photo (jpeg, 480);

  g_assert_nonnull (surface);
  if (surface != NULL)
    {
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 480);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 360);
      cairo_surface_destroy (surface);
    }
  g_assert_null (cd_supply_pdf_decode_photo (junk, 480));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/reports/acceptance-pdf/shows-items-results-counts-photos-and-signer",
       test_acceptance_pdf_shows_everything_signed);
  ADD ("/reports/acceptance-pdf/draft-leaves-the-results-blank", test_draft_acceptance_leaves_room_to_tick);
  ADD ("/reports/supply-pdf/pickup-slip-and-supplier-order", test_pickup_slip_and_order_pdfs);
  ADD ("/reports/supply-pdf/refusals-write-nothing", test_refusals_write_nothing);
#undef ADD
  g_test_add_func ("/reports/supply-pdf/photos-are-scaled-and-junk-refused", test_photo_decoding);

  return g_test_run ();
}
