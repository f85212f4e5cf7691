/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supplier order and the pickup slip as PDFs, and reading any supply
 * document from the store to render it (here or on a worker thread). The
 * acceptance is drawn in cd-acceptance-pdf.c. */
#define G_LOG_DOMAIN "cd-reports"

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "reports/cd-quote-pdf.h"
#include "reports/cd-supply-pdf.h"

/* Longer side of a photo as embedded: enough for a 60 mm thumbnail at
 * 200 dpi, small enough that ten photos keep the file light. */
#define PHOTO_PIXELS 480

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static char *
joined (const char *a, const char *sep, const char *b)
{
  if (a != NULL && b != NULL)
    return g_strconcat (a, sep, b, NULL);
  return g_strdup (a ? a : b);
}

/* ------------------------------------------------------------------ */
/* Supplier order                                                      */

static void
add_order_panel (CdPdf *pdf, const CdSupplierOrder *o)
{
  g_autofree char *contact = joined (o->supplier_contact, "  ", o->supplier_phone);
  g_autofree char *project = g_strdup_printf ("%s (%s)", or_empty (o->project_name),
                                              or_empty (o->project_number));
  const char *pairs[] = {
    _("To"), o->supplier_name,
    _("Contact"), contact,
    _("Project"), project,
    _("Category"), cd_supplier_category_label (o->supplier_category),
    _("Promised delivery"), o->promised_date,
    _("Deliver to"), o->delivery_place,
    _("Supplier address"), o->supplier_address,
    _("Redoes order"), o->rework_of_number,
  };

  cd_pdf_fields (pdf, pairs, G_N_ELEMENTS (pairs) / 2, 2);
}

static GPtrArray *
order_rows (const CdSupplierOrder *o)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < o->lines->len; i++)
    {
      const CdSupplierOrderLine *line = g_ptr_array_index (o->lines, i);
      char **cells = g_new0 (char *, 9);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (or_empty (line->item));
      cells[2] = g_strdup (or_empty (line->spec));
      cells[3] = cd_quantity_format (line->qty_milli);
      cells[4] = g_strdup (or_empty (line->unit));
      cells[5] = cd_money_format (line->unit_price_fen);
      cells[6] = cd_pdf_format_bp (line->tax_rate_bp);
      cells[7] = cd_money_format (line->amount_fen);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static void
add_order_totals (CdPdf *pdf, const CdSupplierOrder *o)
{
  g_autofree char *subtotal = cd_money_format (o->subtotal_fen);
  g_autofree char *tax = cd_money_format (o->tax_fen);
  g_autofree char *total = cd_money_format (o->total_fen);
  g_autofree char *words = cd_money_to_words (o->total_fen);
  g_autofree char *capitals = g_strdup_printf (_("RMB %s"), or_empty (words));
  const char *pairs[] = {
    _("Subtotal"), subtotal, _("VAT"), tax, _("Total"), total,
  };

  cd_pdf_totals (pdf, pairs, G_N_ELEMENTS (pairs) / 2);
  cd_pdf_banner (pdf, _("Total in capitals"), capitals);
}

static void
add_order_terms (CdPdf *pdf, const CdSupplierOrder *o)
{
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Terms"));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY,
               _("1. Please confirm this order by signing and returning a copy on the day you "
                 "receive it."));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY,
               _("2. Goods are inspected on delivery against the signed proof and this order; "
                 "work that fails inspection is redone at the supplier's cost."));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY,
               _("3. Invoice at the rate shown; payment follows acceptance as agreed."));
  if (o->notes != NULL)
    {
      g_autofree char *notes = g_strdup_printf (_("4. %s"), o->notes);
      cd_pdf_text (pdf, CD_PDF_TEXT_BODY, notes);
    }
  cd_pdf_skip (pdf, 8);
}

gboolean
cd_supplier_order_pdf_write (const CdSupplierOrder *o, const CdLetterhead *letterhead,
                             const char *path, GError **error)
{
  const CdPdfColumn columns[] = {
    { _("No."), 0.5, FALSE }, { _("Item"), 1.9, FALSE }, { _("Specification"), 2.4, FALSE },
    { _("Qty"), 0.9, TRUE }, { _("Unit"), 0.6, FALSE }, { _("Unit price"), 1.2, TRUE },
    { _("Tax rate"), 0.8, TRUE }, { _("Amount"), 1.45, TRUE },
  };
  const char *left[] = { _("Authorised signature:"), _("Date:"), NULL };
  const char *right[] = { _("Signature and company seal:"), _("Date:"), NULL };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (CdPdf) pdf = NULL;
  g_autofree char *ordered_by = NULL;
  g_autofree char *confirmed_by = NULL;

  g_return_val_if_fail (o != NULL && path != NULL, FALSE);

  pdf = cd_pdf_new (path, letterhead, _("Supplier Order"), o->number, o->order_date, error);
  if (pdf == NULL)
    return FALSE;
  add_order_panel (pdf, o);
  rows = order_rows (o);
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
  add_order_totals (pdf, o);
  add_order_terms (pdf, o);
  ordered_by = g_strdup_printf (_("Ordered by: %s"),
                                letterhead && letterhead->name ? letterhead->name : "");
  confirmed_by = g_strdup_printf (_("Confirmed by: %s"), or_empty (o->supplier_name));
  cd_pdf_signatures (pdf, ordered_by, left, confirmed_by, right);
  return cd_pdf_finish (pdf, error);
}

/* ------------------------------------------------------------------ */
/* Pickup slip                                                         */

static GPtrArray *
slip_rows (const CdPickupSlip *slip)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < slip->lines->len; i++)
    {
      const CdPickupLine *line = g_ptr_array_index (slip->lines, i);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (or_empty (line->item));
      cells[2] = cd_quantity_format (line->qty_milli);
      cells[3] = g_strdup (or_empty (line->unit));
      cells[4] = g_strdup ("");   /* ticked by hand on handover */
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

gboolean
cd_pickup_slip_pdf_write (const CdPickupSlip *slip, const CdLetterhead *letterhead,
                          const char *path, GError **error)
{
  const CdPdfColumn columns[] = {
    { _("No."), 0.5, FALSE }, { _("Item"), 4.0, FALSE }, { _("Qty"), 1.2, TRUE },
    { _("Unit"), 0.8, FALSE }, { _("Checked"), 1.2, FALSE },
  };
  g_autofree char *project = g_strdup_printf ("%s (%s)", or_empty (slip->project_name),
                                              or_empty (slip->project_number));
  const char *pairs[] = {
    _("Client"), slip->client_name, _("Project"), project,
    _("Address"), slip->client_address, _("Notes"), slip->notes,
  };
  g_autofree char *received = slip->received_by
                              ? g_strdup_printf (_("Received by: %s"), slip->received_by)
                              : g_strdup (_("Received by:"));
  const char *left[] = { _("Handled by:"), _("Date:"), NULL };
  const char *right[] = { received, _("Client signature:"), _("Date:"), NULL };
  g_autofree char *issued_by = g_strdup_printf (_("Issued by: %s"),
                                                letterhead && letterhead->name ? letterhead->name : "");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (CdPdf) pdf = NULL;

  g_return_val_if_fail (slip != NULL && path != NULL, FALSE);

  pdf = cd_pdf_new (path, letterhead, _("Pickup Slip"), slip->number, slip->date, error);
  if (pdf == NULL)
    return FALSE;
  cd_pdf_fields (pdf, pairs, G_N_ELEMENTS (pairs) / 2, 2);
  rows = slip_rows (slip);
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
  cd_pdf_skip (pdf, 4);
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY,
               _("The client confirms by signing below that the goods listed were received "
                 "complete and in good condition."));
  cd_pdf_signatures (pdf, issued_by, left, _("Client"), right);
  return cd_pdf_finish (pdf, error);
}

/* ------------------------------------------------------------------ */
/* Photos                                                              */

/* Straight RGBA from gdk-pixbuf → cairo's premultiplied native ARGB. */
static cairo_surface_t *
pixbuf_to_surface (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf), in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  int out_stride = cairo_image_surface_get_stride (surface);
  guchar *out = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = in + y * in_stride + x * channels;
        guint a = channels == 4 ? p[3] : 255;
        guint32 *q = (guint32 *) (out + y * out_stride) + x;

        *q = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* An opaque photo also carries its JPEG encoding, which cairo's PDF
 * writer embeds as is: a tenth of the size of the raw pixels. */
static cairo_surface_t *
pixbuf_to_surface_jpeg (GdkPixbuf *pixbuf)
{
  cairo_surface_t *surface = pixbuf_to_surface (pixbuf);
  gchar *jpeg = NULL;
  gsize size = 0;

  if (!gdk_pixbuf_get_has_alpha (pixbuf)
      && gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", NULL, "quality", "85", NULL))
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, (const unsigned char *) jpeg, size,
                                 g_free, jpeg);
  return surface;
}

/* The loader is told the type: guessing it needs shared-mime-info, which a
 * sandbox or a test's isolated XDG_DATA_DIRS may not have. */
static GdkPixbufLoader *
loader_for (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return gdk_pixbuf_loader_new_with_type ("png", NULL);
  if (size > 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return gdk_pixbuf_loader_new_with_type ("jpeg", NULL);
  return NULL;
}

cairo_surface_t *
cd_supply_pdf_decode_photo (GBytes *bytes, int max_pixels)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GdkPixbuf) oriented = NULL;
  g_autoptr (GdkPixbuf) scaled = NULL;
  gboolean ok;
  int w, h;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((loader = loader_for (bytes)) == NULL)
    return NULL;
  ok = gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);
  /* Closed in any case, or the loader complains when it is finalised. */
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
  if (!ok || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation (gdk_pixbuf_loader_get_pixbuf (loader));
  w = gdk_pixbuf_get_width (oriented);
  h = gdk_pixbuf_get_height (oriented);
  if (MAX (w, h) > max_pixels)
    {
      double scale = (double) max_pixels / MAX (w, h);

      scaled = gdk_pixbuf_scale_simple (oriented, MAX (1, (int) (w * scale)), MAX (1, (int) (h * scale)),
                                        GDK_INTERP_BILINEAR);
      if (scaled == NULL)
        return NULL;
    }
  return pixbuf_to_surface_jpeg (scaled ? scaled : oriented);
}

static GPtrArray *
load_photos (CdStore *store, const CdAcceptance *a)
{
  GPtrArray *photos = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  for (guint i = 0; i < a->photos->len; i++)
    {
      const CdAttachmentInfo *info = g_ptr_array_index (a->photos, i);
      g_autoptr (GBytes) bytes = cd_store_attachment_get_content (store, info->id, NULL, NULL);

      /* cairo_surface_destroy (NULL) is allowed: a photo that cannot be read stays a gap. */
      g_ptr_array_add (photos, bytes ? cd_supply_pdf_decode_photo (bytes, PHOTO_PIXELS) : NULL);
    }
  return photos;
}

/* ------------------------------------------------------------------ */
/* From the store                                                      */

gboolean
cd_supply_pdf_render (CdStore *store, CdSupplyDoc doc, gint64 id, const char *path, GError **error)
{
  g_autoptr (CdLetterhead) letterhead = cd_letterhead_load (store);

  switch (doc)
    {
    case CD_SUPPLY_DOC_SUPPLIER_ORDER:
      {
        g_autoptr (CdSupplierOrder) o = cd_store_supplier_order_get (store, id, error);
        return o != NULL && cd_supplier_order_pdf_write (o, letterhead, path, error);
      }
    case CD_SUPPLY_DOC_ACCEPTANCE:
      {
        g_autoptr (CdAcceptance) a = cd_store_acceptance_get (store, id, error);
        g_autoptr (GPtrArray) photos = NULL;

        if (a == NULL)
          return FALSE;
        photos = load_photos (store, a);
        return cd_acceptance_pdf_write (a, photos, letterhead, path, error);
      }
    case CD_SUPPLY_DOC_PICKUP_SLIP:
      {
        g_autoptr (CdPickupSlip) slip = cd_store_pickup_slip_get (store, id, error);
        return slip != NULL && cd_pickup_slip_pdf_write (slip, letterhead, path, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

typedef struct
{
  CdStore     *store;
  CdSupplyDoc  doc;
  gint64       id;
  char        *path;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *rd = data;

  g_object_unref (rd->store);
  g_free (rd->path);
  g_free (rd);
}

static void
render_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RenderData *rd = data;
  GError *error = NULL;

  if (cd_supply_pdf_render (rd->store, rd->doc, rd->id, rd->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_supply_pdf_render_async (CdStore *store, CdSupplyDoc doc, gint64 id, const char *path,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *rd = g_new0 (RenderData, 1);

  g_return_if_fail (CD_IS_STORE (store) && path != NULL);

  rd->store = g_object_ref (store);
  rd->doc = doc;
  rd->id = id;
  rd->path = g_strdup (path);
  g_task_set_source_tag (task, cd_supply_pdf_render_async);
  g_task_set_task_data (task, rd, render_data_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
cd_supply_pdf_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
