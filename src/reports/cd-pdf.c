/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Business documents on A4. Each page is drawn into a cairo recording
 * surface as the content flows; cd_pdf_finish () then knows how many pages
 * there are, replays them into the PDF (as vectors, text stays text) and
 * adds "page N of M" footers. */
#define G_LOG_DOMAIN "cd-reports"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "reports/cd-pdf.h"

#define PAGE_W        595.276   /* A4 in points */
#define PAGE_H        841.890
#define MARGIN_X      54.0
#define TOP_FIRST     40.0
#define TOP_NEXT      78.0
#define BOTTOM        (PAGE_H - 60.0)
#define FOOTER_Y      (PAGE_H - 40.0)
#define CELL_PAD_X    4.5
#define CELL_PAD_Y    3.5

/* CJK first: the documents are Chinese; Latin falls back within them. */
#define SANS  "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, Droid Sans Fallback, sans-serif"
#define SERIF "Noto Serif CJK SC, Noto Serif SC, Source Han Serif SC, AR PL UMing CN, serif"

typedef struct { double r, g, b; } Rgb;

static const Rgb ink = { 0.13, 0.15, 0.18 };
static const Rgb grey = { 0.42, 0.45, 0.50 };
static const Rgb accent = { 0.11, 0.21, 0.36 };      /* navy */
static const Rgb rule = { 0.62, 0.67, 0.73 };
static const Rgb header_fill = { 0.89, 0.92, 0.95 };
static const Rgb panel_fill = { 0.965, 0.972, 0.98 };

typedef enum
{
  FONT_BODY,
  FONT_BOLD,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_HEADING,
  FONT_TITLE,
  FONT_COMPANY,
  FONT_TOTAL,
  FONT_CLAUSE,
  FONT_CLAUSE_BOLD,
  N_FONTS
} Font;

/* Text in a Song face (宋体), headings and labels in a bold Hei face (黑体),
 * as Chinese business documents are set. It also keeps files small: cairo
 * 1.16 cannot subset the CFF of Noto Sans CJK Regular and embeds ~4 KB a
 * glyph (a 50-line quote came to 1 MB), while Noto Serif CJK Regular and
 * Noto Sans CJK Bold subset normally. */
static const char *const font_specs[N_FONTS] = {
  SERIF " 9.5", SANS " Bold 9", SERIF " 8", SANS " Bold 7.5", SANS " Bold 11", SANS " Bold 20",
  SANS " Bold 15", SANS " Bold 11", SERIF " 10", SANS " Bold 9.5",
};

struct _CdPdf
{
  char                 *path;
  CdLetterhead         *letterhead;
  char                 *title;
  char                 *number;
  char                 *date;
  GPtrArray            *pages;       /* cairo_surface_t (recording), one per page */
  cairo_t              *cr;          /* on the last page */
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *fonts[N_FONTS];
  double                y;
};

G_DEFINE_QUARK (cd-pdf-error-quark, cd_pdf_error)

/* ------------------------------------------------------------------ */
/* Letterhead                                                         */

CdLetterhead *
cd_letterhead_load (CdStore *store)
{
  CdLetterhead *lh = g_new0 (CdLetterhead, 1);

  lh->name = cd_store_get_setting (store, "company.name");
  lh->address = cd_store_get_setting (store, "company.address");
  lh->tax_id = cd_store_get_setting (store, "company.tax_id");
  lh->bank = cd_store_get_setting (store, "company.bank");
  lh->account = cd_store_get_setting (store, "company.account");
  lh->phone = cd_store_get_setting (store, "company.phone");
  lh->logo_path = cd_store_get_setting (store, "company.logo");
  return lh;
}

void
cd_letterhead_free (CdLetterhead *lh)
{
  if (lh == NULL)
    return;
  g_free (lh->name);
  g_free (lh->address);
  g_free (lh->tax_id);
  g_free (lh->bank);
  g_free (lh->account);
  g_free (lh->phone);
  g_free (lh->logo_path);
  g_free (lh);
}

static CdLetterhead *
letterhead_copy (const CdLetterhead *lh)
{
  CdLetterhead *copy = g_new0 (CdLetterhead, 1);

  if (lh == NULL)
    return copy;
  copy->name = g_strdup (lh->name);
  copy->address = g_strdup (lh->address);
  copy->tax_id = g_strdup (lh->tax_id);
  copy->bank = g_strdup (lh->bank);
  copy->account = g_strdup (lh->account);
  copy->phone = g_strdup (lh->phone);
  copy->logo_path = g_strdup (lh->logo_path);
  return copy;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* ------------------------------------------------------------------ */
/* Text                                                               */

static void
set_colour (cairo_t *cr, const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* Lays @text out in @font, @width wide (≤ 0: unbounded); returns its height. */
static double
layout_text (CdPdf *self, Font font, const char *text, double width, PangoAlignment align)
{
  int w, h;

  pango_layout_set_font_description (self->layout, self->fonts[font]);
  pango_layout_set_width (self->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (self->layout, align);
  pango_layout_set_text (self->layout, text ? text : "", -1);
  pango_layout_get_size (self->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
text_width (CdPdf *self, Font font, const char *text)
{
  int w, h;

  layout_text (self, font, text, -1, PANGO_ALIGN_LEFT);
  pango_layout_get_size (self->layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

/* Draws @text at (x, y); returns its height. */
static double
draw_text (CdPdf *self, cairo_t *cr, Font font, const Rgb *colour, const char *text, double x,
           double y, double width, PangoAlignment align)
{
  double h = layout_text (self, font, text, width, align);

  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, self->layout);
  return h;
}

static void
hline (cairo_t *cr, const Rgb *colour, double width, double x0, double x1, double y)
{
  set_colour (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* ------------------------------------------------------------------ */
/* Pages                                                              */

static void
draw_logo (CdPdf *self, double *x)
{
  cairo_surface_t *logo;
  double w, h, scale;

  if (!is_set (self->letterhead->logo_path) || !g_file_test (self->letterhead->logo_path,
                                                              G_FILE_TEST_IS_REGULAR))
    return;
  logo = cairo_image_surface_create_from_png (self->letterhead->logo_path);
  if (cairo_surface_status (logo) == CAIRO_STATUS_SUCCESS
      && (w = cairo_image_surface_get_width (logo)) > 0
      && (h = cairo_image_surface_get_height (logo)) > 0)
    {
      scale = MIN (44.0 / h, 120.0 / w);
      cairo_save (self->cr);
      cairo_translate (self->cr, MARGIN_X, TOP_FIRST);
      cairo_scale (self->cr, scale, scale);
      cairo_set_source_surface (self->cr, logo, 0, 0);
      cairo_paint (self->cr);
      cairo_restore (self->cr);
      *x += w * scale + 12;
    }
  cairo_surface_destroy (logo);
}

static void
draw_letterhead (CdPdf *self)
{
  const CdLetterhead *lh = self->letterhead;
  double x = MARGIN_X, y = TOP_FIRST, right = PAGE_W - MARGIN_X;
  g_autoptr (GString) contact = g_string_new (NULL);
  g_autoptr (GString) bank = g_string_new (NULL);

  draw_logo (self, &x);
  y += draw_text (self, self->cr, FONT_COMPANY, &accent, is_set (lh->name) ? lh->name : "",
                  x, y, right - x, PANGO_ALIGN_LEFT) + 2;
  if (is_set (lh->address))
    g_string_append (contact, lh->address);
  if (is_set (lh->phone))
    g_string_append_printf (contact, "%s%s", contact->len ? "    " : "", lh->phone);
  if (is_set (lh->tax_id))
    g_string_append_printf (bank, _("Tax ID: %s"), lh->tax_id);
  if (is_set (lh->bank))
    g_string_append_printf (bank, "%s%s", bank->len ? "    " : "", lh->bank);
  if (is_set (lh->account))
    g_string_append_printf (bank, "%s%s", bank->len ? "  " : "", lh->account);
  if (contact->len)
    y += draw_text (self, self->cr, FONT_SMALL, &grey, contact->str, x, y, right - x, PANGO_ALIGN_LEFT);
  if (bank->len)
    y += draw_text (self, self->cr, FONT_SMALL, &grey, bank->str, x, y, right - x, PANGO_ALIGN_LEFT);
  y = MAX (y, TOP_FIRST + 44) + 6;
  hline (self->cr, &accent, 1.6, MARGIN_X, right, y);
  hline (self->cr, &accent, 0.5, MARGIN_X, right, y + 2.6);
  self->y = y + 16;
}

static void
draw_title (CdPdf *self)
{
  double right = PAGE_W - MARGIN_X, width = right - MARGIN_X;
  g_autofree char *number = is_set (self->number) ? g_strdup_printf (_("No. %s"), self->number) : NULL;
  g_autofree char *date = is_set (self->date) ? g_strdup_printf (_("Date: %s"), self->date) : NULL;
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Wide letter spacing, as Chinese document titles are set (报 价 单);
   * a Latin title keeps its word shape. */
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((is_ascii (self->title) ? 1 : 8)
                                                                * PANGO_SCALE));
  pango_layout_set_attributes (self->layout, attrs);
  self->y += draw_text (self, self->cr, FONT_TITLE, &ink, self->title, MARGIN_X, self->y, width,
                        PANGO_ALIGN_CENTER) + 8;
  pango_layout_set_attributes (self->layout, NULL);
  pango_attr_list_unref (attrs);
  if (number)
    draw_text (self, self->cr, FONT_SMALL, &grey, number, MARGIN_X, self->y, width, PANGO_ALIGN_LEFT);
  if (date)
    draw_text (self, self->cr, FONT_SMALL, &grey, date, MARGIN_X, self->y, width, PANGO_ALIGN_RIGHT);
  self->y += 18;
}

static void
draw_running_header (CdPdf *self)
{
  double right = PAGE_W - MARGIN_X, width = right - MARGIN_X;
  g_autofree char *what = g_strdup_printf ("%s  %s", self->title, is_set (self->number) ? self->number : "");

  draw_text (self, self->cr, FONT_SMALL_BOLD, &accent,
             is_set (self->letterhead->name) ? self->letterhead->name : "", MARGIN_X, 40, width,
             PANGO_ALIGN_LEFT);
  draw_text (self, self->cr, FONT_SMALL, &grey, what, MARGIN_X, 40, width, PANGO_ALIGN_RIGHT);
  hline (self->cr, &accent, 0.8, MARGIN_X, right, 56);
  self->y = TOP_NEXT;
}

static void
new_page (CdPdf *self)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_W, PAGE_H };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&self->cr, cairo_destroy);
  g_ptr_array_add (self->pages, page);
  self->cr = cairo_create (page);
  if (self->pages->len == 1)
    {
      draw_letterhead (self);
      draw_title (self);
    }
  else
    draw_running_header (self);
}

/* ------------------------------------------------------------------ */
/* Public API: the document                                           */

CdPdf *
cd_pdf_new (const char *path, const CdLetterhead *letterhead, const char *title, const char *number,
            const char *date, GError **error)
{
  CdPdf *self;
  cairo_font_options_t *options;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL && title != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CD_PDF_ERROR, CD_PDF_ERROR_IO,
                   _("Cannot write “%s”: the folder “%s” does not exist."), path, dir);
      return NULL;
    }

  self = g_new0 (CdPdf, 1);
  self->path = g_strdup (path);
  self->letterhead = letterhead_copy (letterhead);
  self->title = g_strdup (title);
  self->number = g_strdup (number);
  self->date = g_strdup (date);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  /* 72 dpi: a point of font size is a point on paper. Unhinted metrics,
   * so that what is laid out is what prints. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  for (int i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (font_specs[i]);

  new_page (self);
  return self;
}

void
cd_pdf_free (CdPdf *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  for (int i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  cd_letterhead_free (self->letterhead);
  g_free (self->path);
  g_free (self->title);
  g_free (self->number);
  g_free (self->date);
  g_free (self);
}

double
cd_pdf_get_width (CdPdf *self)
{
  return PAGE_W - 2 * MARGIN_X;
}

void
cd_pdf_skip (CdPdf *self, double points)
{
  self->y += points;
}

void
cd_pdf_keep (CdPdf *self, double points)
{
  if (self->y + points > BOTTOM)
    new_page (self);
}

/* ------------------------------------------------------------------ */
/* Writing the file                                                   */

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
draw_footer (CdPdf *self, cairo_t *cr, guint page, guint n_pages)
{
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  double width = PAGE_W - 2 * MARGIN_X;

  hline (cr, &rule, 0.4, MARGIN_X, PAGE_W - MARGIN_X, FOOTER_Y - 6);
  if (is_set (self->number))
    draw_text (self, cr, FONT_SMALL, &grey, self->number, MARGIN_X, FOOTER_Y, width, PANGO_ALIGN_LEFT);
  draw_text (self, cr, FONT_SMALL, &grey, text, MARGIN_X, FOOTER_Y, width, PANGO_ALIGN_CENTER);
  if (is_set (self->letterhead->phone))
    draw_text (self, cr, FONT_SMALL, &grey, self->letterhead->phone, MARGIN_X, FOOTER_Y, width,
               PANGO_ALIGN_RIGHT);
}

static gboolean
render_pages (CdPdf *self, FILE *file, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, file, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  g_autofree char *title = g_strdup_printf ("%s %s", self->title, self->number ? self->number : "");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ClientDesk");
  if (is_set (self->letterhead->name))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->letterhead->name);
  for (guint i = 0; i < self->pages->len; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, i), 0, 0);
      cairo_paint (cr);
      draw_footer (self, cr, i + 1, self->pages->len);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CD_PDF_ERROR, status == CAIRO_STATUS_WRITE_ERROR ? CD_PDF_ERROR_IO
                                                                          : CD_PDF_ERROR_FAILED,
                   _("The PDF could not be written: %s."), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
io_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, CD_PDF_ERROR, CD_PDF_ERROR_IO, _("Cannot write “%s”: %s."), path,
               g_strerror (saved_errno));
  return FALSE;
}

gboolean
cd_pdf_finish (CdPdf *self, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  gboolean ok;
  FILE *file;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_pointer (&self->cr, cairo_destroy);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return io_error (error, self->path, errno);
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      int saved = errno;
      close (fd);
      g_unlink (temp);
      return io_error (error, self->path, saved);
    }
  ok = render_pages (self, file, error);
  if (ok && (fflush (file) != 0 || fsync (fileno (file)) != 0))
    ok = io_error (error, self->path, errno);
  if (fclose (file) != 0 && ok)
    ok = io_error (error, self->path, errno);
  /* mkstemp made it 0600; a quote is a document to hand on. */
  if (ok && g_chmod (temp, 0644) != 0)
    ok = io_error (error, self->path, errno);
  if (ok && g_rename (temp, self->path) != 0)
    ok = io_error (error, self->path, errno);
  if (!ok)
    g_unlink (temp);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                             */

static Font
font_for_style (CdPdfText style)
{
  switch (style)
    {
    case CD_PDF_TEXT_SMALL: return FONT_SMALL;
    case CD_PDF_TEXT_STRONG: return FONT_BOLD;
    case CD_PDF_TEXT_HEADING: return FONT_HEADING;
    case CD_PDF_TEXT_CLAUSE:
    case CD_PDF_TEXT_PARAGRAPH: return FONT_CLAUSE;
    case CD_PDF_TEXT_CLAUSE_HEAD: return FONT_CLAUSE_BOLD;
    case CD_PDF_TEXT_BODY:
    default: return FONT_BODY;
    }
}

void
cd_pdf_text (CdPdf *self, CdPdfText style, const char *text)
{
  Font font = font_for_style (style);
  const Rgb *colour = style == CD_PDF_TEXT_SMALL ? &grey : style == CD_PDF_TEXT_HEADING ? &accent : &ink;
  g_autoptr (PangoLayout) layout = pango_layout_new (self->context);
  PangoLayoutIter *iter;
  gboolean more;

  if (style == CD_PDF_TEXT_HEADING)
    cd_pdf_keep (self, 60);   /* never a heading alone at the foot of a page */

  /* A layout of its own: new_page () draws with the shared one. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_width (layout, (int) (cd_pdf_get_width (self) * PANGO_SCALE));
  if (style == CD_PDF_TEXT_CLAUSE || style == CD_PDF_TEXT_CLAUSE_HEAD || style == CD_PDF_TEXT_PARAGRAPH)
    pango_layout_set_spacing (layout, 3 * PANGO_SCALE);
  /* 首行缩进两字: two characters of the 10 pt face. */
  if (style == CD_PDF_TEXT_PARAGRAPH)
    pango_layout_set_indent (layout, 20 * PANGO_SCALE);
  pango_layout_set_text (layout, text ? text : "", -1);

  /* Line by line, so that a long paragraph flows onto the next page. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical, next;
      int baseline = pango_layout_iter_get_baseline (iter);
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (self->y + (double) logical.height / PANGO_SCALE > BOTTOM)
        new_page (self);
      set_colour (self->cr, colour);
      cairo_move_to (self->cr, MARGIN_X + (double) logical.x / PANGO_SCALE,
                     self->y + (double) (baseline - logical.y) / PANGO_SCALE);
      pango_cairo_show_layout_line (self->cr, line);
      more = pango_layout_iter_next_line (iter);
      if (more)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &next);
          self->y += (double) (next.y - logical.y) / PANGO_SCALE;
        }
      else
        self->y += (double) logical.height / PANGO_SCALE;
    }
  while (more);
  pango_layout_iter_free (iter);

  if (style == CD_PDF_TEXT_HEADING)
    {
      hline (self->cr, &rule, 0.5, MARGIN_X, PAGE_W - MARGIN_X, self->y + 2);
      self->y += 7;
    }
}

/* Label–value pairs in a light panel. */
void
cd_pdf_fields (CdPdf *self, const char *const *pairs, guint n_pairs, guint columns)
{
  double width = cd_pdf_get_width (self), col_w, label_w = 0, total_h = 0;
  g_autoptr (GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_if_fail (columns > 0);

  for (guint i = 0; i < n_pairs; i++)
    if (is_set (pairs[2 * i + 1]))
      {
        g_array_append_val (shown, i);
        label_w = MAX (label_w, text_width (self, FONT_SMALL_BOLD, pairs[2 * i]));
      }
  if (shown->len == 0)
    return;
  col_w = width / columns;
  label_w = MIN (label_w + 8, col_w * 0.42);

  /* Measure each row (the tallest of its cells) before drawing the panel. */
  for (guint r = 0; r * columns < shown->len; r++)
    {
      double h = 0;
      for (guint c = 0; c < columns && r * columns + c < shown->len; c++)
        {
          guint i = g_array_index (shown, guint, r * columns + c);
          h = MAX (h, layout_text (self, FONT_BODY, pairs[2 * i + 1], col_w - label_w - 10,
                                   PANGO_ALIGN_LEFT));
        }
      h += 5;
      g_array_append_val (heights, h);
      total_h += h;
    }
  cd_pdf_keep (self, total_h + 12);

  cairo_rectangle (self->cr, MARGIN_X, self->y, width, total_h + 10);
  set_colour (self->cr, &panel_fill);
  cairo_fill (self->cr);
  set_colour (self->cr, &accent);
  cairo_rectangle (self->cr, MARGIN_X, self->y, 2.2, total_h + 10);
  cairo_fill (self->cr);
  self->y += 5;
  for (guint r = 0; r < heights->len; r++)
    {
      for (guint c = 0; c < columns && r * columns + c < shown->len; c++)
        {
          guint i = g_array_index (shown, guint, r * columns + c);
          double x = MARGIN_X + 10 + c * col_w;

          draw_text (self, self->cr, FONT_SMALL_BOLD, &grey, pairs[2 * i], x, self->y + 1.2, label_w,
                     PANGO_ALIGN_LEFT);
          draw_text (self, self->cr, FONT_BODY, &ink, pairs[2 * i + 1], x + label_w, self->y,
                     col_w - label_w - 10, PANGO_ALIGN_LEFT);
        }
      self->y += g_array_index (heights, double, r);
    }
  self->y += 5 + 8;
}

/* ------------------------------------------------------------------ */
/* Tables                                                             */

typedef struct
{
  const CdPdfColumn *columns;
  guint              n;
  double            *x;        /* n + 1 edges */
  double             header_h;
} Table;

static double
cell_height (CdPdf *self, const Table *t, guint c, Font font, const char *text)
{
  return layout_text (self, font, text, t->x[c + 1] - t->x[c] - 2 * CELL_PAD_X,
                      t->columns[c].numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static double
row_height (CdPdf *self, const Table *t, Font font, const char *const *cells)
{
  double h = 0;

  for (guint c = 0; c < t->n; c++)
    h = MAX (h, cell_height (self, t, c, font, cells[c]));
  return h + 2 * CELL_PAD_Y;
}

static void
draw_row (CdPdf *self, const Table *t, Font font, const char *const *cells, double h,
          const Rgb *fill)
{
  double top = self->y, right = t->x[t->n];

  if (fill != NULL)
    {
      set_colour (self->cr, fill);
      cairo_rectangle (self->cr, t->x[0], top, right - t->x[0], h);
      cairo_fill (self->cr);
    }
  for (guint c = 0; c < t->n; c++)
    draw_text (self, self->cr, font, &ink, cells[c], t->x[c] + CELL_PAD_X, top + CELL_PAD_Y,
               t->x[c + 1] - t->x[c] - 2 * CELL_PAD_X,
               t->columns[c].numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  /* Grid: the row's bottom and its column rules. */
  set_colour (self->cr, &rule);
  cairo_set_line_width (self->cr, 0.4);
  cairo_move_to (self->cr, t->x[0], top + h);
  cairo_line_to (self->cr, right, top + h);
  for (guint c = 0; c <= t->n; c++)
    {
      cairo_move_to (self->cr, t->x[c], top);
      cairo_line_to (self->cr, t->x[c], top + h);
    }
  cairo_stroke (self->cr);
  self->y += h;
}

static void
draw_header (CdPdf *self, const Table *t)
{
  g_autofree const char **titles = g_new0 (const char *, t->n);

  for (guint c = 0; c < t->n; c++)
    titles[c] = t->columns[c].title;
  hline (self->cr, &accent, 1.0, t->x[0], t->x[t->n], self->y);
  draw_row (self, t, FONT_SMALL_BOLD, titles, t->header_h, &header_fill);
}

void
cd_pdf_table (CdPdf *self, const CdPdfColumn *columns, guint n_columns, GPtrArray *rows)
{
  g_autofree double *x = g_new0 (double, n_columns + 1);
  g_autofree const char **titles = g_new0 (const char *, n_columns);
  double sum = 0, width = cd_pdf_get_width (self);
  Table t = { columns, n_columns, x, 0 };

  for (guint c = 0; c < n_columns; c++)
    {
      sum += columns[c].weight;
      titles[c] = columns[c].title;
    }
  x[0] = MARGIN_X;
  for (guint c = 0; c < n_columns; c++)
    x[c + 1] = x[c] + width * columns[c].weight / sum;

  t.header_h = row_height (self, &t, FONT_SMALL_BOLD, titles);
  /* The header and at least one row stay together. */
  cd_pdf_keep (self, t.header_h + (rows->len ? row_height (self, &t, FONT_BODY,
                                                           g_ptr_array_index (rows, 0)) : 0));
  draw_header (self, &t);
  for (guint r = 0; r < rows->len; r++)
    {
      const char *const *cells = g_ptr_array_index (rows, r);
      double h = row_height (self, &t, FONT_BODY, cells);

      if (self->y + h > BOTTOM)
        {
          hline (self->cr, &accent, 1.0, x[0], x[n_columns], self->y);
          new_page (self);
          draw_header (self, &t);
        }
      draw_row (self, &t, FONT_BODY, cells, h, NULL);
    }
  hline (self->cr, &accent, 1.0, x[0], x[n_columns], self->y);
  self->y += 6;
}

void
cd_pdf_totals (CdPdf *self, const char *const *pairs, guint n_pairs)
{
  double right = PAGE_W - MARGIN_X, width = cd_pdf_get_width (self) * 0.46;
  double left = right - width;

  cd_pdf_keep (self, n_pairs * 16 + 12);
  for (guint i = 0; i < n_pairs; i++)
    {
      gboolean last = i + 1 == n_pairs;
      Font font = last ? FONT_TOTAL : FONT_BODY;
      double h;

      if (last)
        {
          hline (self->cr, &accent, 0.8, left, right, self->y + 1);
          self->y += 4;
        }
      h = draw_text (self, self->cr, last ? FONT_TOTAL : FONT_SMALL_BOLD, last ? &accent : &grey,
                     pairs[2 * i], left, self->y + (last ? 0 : 1.2), width * 0.55, PANGO_ALIGN_LEFT);
      h = MAX (h, draw_text (self, self->cr, font, last ? &accent : &ink, pairs[2 * i + 1],
                             left + width * 0.4, self->y, width * 0.6 - CELL_PAD_X, PANGO_ALIGN_RIGHT));
      self->y += h + 2;
    }
  self->y += 6;
}

void
cd_pdf_banner (CdPdf *self, const char *label, const char *text)
{
  double width = cd_pdf_get_width (self), label_w = text_width (self, FONT_SMALL_BOLD, label) + 16;
  double h = layout_text (self, FONT_BOLD, text, width - label_w - 16, PANGO_ALIGN_LEFT) + 12;

  cd_pdf_keep (self, h + 8);
  set_colour (self->cr, &panel_fill);
  cairo_rectangle (self->cr, MARGIN_X, self->y, width, h);
  cairo_fill_preserve (self->cr);
  set_colour (self->cr, &rule);
  cairo_set_line_width (self->cr, 0.5);
  cairo_stroke (self->cr);
  draw_text (self, self->cr, FONT_SMALL_BOLD, &grey, label, MARGIN_X + 8, self->y + 7.2, label_w,
             PANGO_ALIGN_LEFT);
  draw_text (self, self->cr, FONT_BOLD, &accent, text, MARGIN_X + label_w, self->y + 6,
             width - label_w - 16, PANGO_ALIGN_LEFT);
  self->y += h + 10;
}

static double
signature_block (CdPdf *self, const char *title, const char *const *lines, double x, double width)
{
  double y = self->y;

  y += draw_text (self, self->cr, FONT_BOLD, &ink, title, x, y, width, PANGO_ALIGN_LEFT) + 10;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      double label_w = text_width (self, FONT_BODY, lines[i]);
      double h = draw_text (self, self->cr, FONT_BODY, &ink, lines[i], x, y, width, PANGO_ALIGN_LEFT);

      /* A line to sign or write on after a label that ends in a colon. */
      if (g_str_has_suffix (lines[i], ":") || g_str_has_suffix (lines[i], "："))
        hline (self->cr, &ink, 0.5, x + label_w + 4, x + width - 12, y + h - 1);
      y += h + 14;
    }
  return y - self->y;
}

void
cd_pdf_signatures (CdPdf *self, const char *left_title, const char *const *left_lines,
                   const char *right_title, const char *const *right_lines)
{
  double width = cd_pdf_get_width (self) / 2, h;
  guint n = MAX (left_lines ? g_strv_length ((char **) left_lines) : 0,
                 right_lines ? g_strv_length ((char **) right_lines) : 0);

  cd_pdf_keep (self, 30 + n * 28);
  self->y += 10;
  h = signature_block (self, left_title, left_lines, MARGIN_X, width);
  h = MAX (h, signature_block (self, right_title, right_lines, MARGIN_X + width + 6, width - 6));
  self->y += h;
}

/* ------------------------------------------------------------------ */
/* Pictures                                                           */

static void
draw_image_cell (CdPdf *self, cairo_surface_t *image, const char *caption, double x, double w,
                 double box_h)
{
  double iw = cairo_image_surface_get_width (image), ih = cairo_image_surface_get_height (image);
  double scale, dw, dh;

  set_colour (self->cr, &panel_fill);
  cairo_rectangle (self->cr, x, self->y, w, box_h);
  cairo_fill_preserve (self->cr);
  set_colour (self->cr, &rule);
  cairo_set_line_width (self->cr, 0.5);
  cairo_stroke (self->cr);
  if (iw > 0 && ih > 0)
    {
      /* Fit inside the frame with a small margin; never enlarge past 2×. */
      scale = MIN (MIN ((w - 8) / iw, (box_h - 8) / ih), 2.0);
      dw = iw * scale;
      dh = ih * scale;
      cairo_save (self->cr);
      cairo_translate (self->cr, x + (w - dw) / 2, self->y + (box_h - dh) / 2);
      cairo_scale (self->cr, scale, scale);
      cairo_set_source_surface (self->cr, image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (self->cr), CAIRO_FILTER_GOOD);
      cairo_paint (self->cr);
      cairo_restore (self->cr);
    }
  if (is_set (caption))
    {
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_MIDDLE);
      draw_text (self, self->cr, FONT_SMALL, &grey, caption, x, self->y + box_h + 3, w,
                 PANGO_ALIGN_CENTER);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
    }
}

void
cd_pdf_images (CdPdf *self, cairo_surface_t *const *images, const char *const *captions,
               guint n_images, guint columns, double box_height)
{
  double gap = 10, width = cd_pdf_get_width (self), cell_w, row_h;

  g_return_if_fail (columns > 0 && box_height > 0);

  cell_w = (width - gap * (columns - 1)) / columns;
  row_h = box_height + layout_text (self, FONT_SMALL, "Ag", -1, PANGO_ALIGN_LEFT) + 10;
  for (guint i = 0; i < n_images; i += columns)
    {
      cd_pdf_keep (self, row_h);
      for (guint c = 0; c < columns && i + c < n_images; c++)
        draw_image_cell (self, images[i + c], captions ? captions[i + c] : NULL,
                         MARGIN_X + c * (cell_w + gap), cell_w, box_height);
      self->y += row_h;
    }
  self->y += 4;
}
