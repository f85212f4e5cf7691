/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Business documents on A4 with cairo and pango: the agency's letterhead,
 * flowing text, tables that break across pages with their header repeated,
 * totals, signature blocks and "page N of M". Documents are written to a
 * temporary file beside the target and renamed, so a failed render leaves
 * no partial file. No GTK. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

#define CD_PDF_ERROR (cd_pdf_error_quark ())

/**
 * CdPdfError:
 * @CD_PDF_ERROR_IO: the file could not be written
 * @CD_PDF_ERROR_FAILED: cairo could not draw the document
 */
typedef enum
{
  CD_PDF_ERROR_IO,
  CD_PDF_ERROR_FAILED,
} CdPdfError;

/* The agency, from the settings company.name, company.address,
 * company.tax_id, company.bank, company.account, company.phone and
 * company.logo (a PNG file; left out when missing or unreadable). */
typedef struct
{
  char *name;
  char *address;
  char *tax_id;
  char *bank;
  char *account;
  char *phone;
  char *logo_path;
} CdLetterhead;

typedef enum
{
  CD_PDF_TEXT_BODY,       /* 9.5 pt */
  CD_PDF_TEXT_SMALL,      /* 8 pt, grey */
  CD_PDF_TEXT_STRONG,     /* 9.5 pt bold */
  CD_PDF_TEXT_HEADING,    /* 11 pt bold, accent colour, rule below */
  CD_PDF_TEXT_CLAUSE,     /* 9.5 pt, serif, loose leading: contract clauses */
  CD_PDF_TEXT_CLAUSE_HEAD, /* 9.5 pt bold: a clause's heading (第一条 …) */
  CD_PDF_TEXT_PARAGRAPH,  /* a clause's paragraph: its first line indented two characters */
} CdPdfText;

typedef struct
{
  const char *title;
  double      weight;     /* share of the table's width */
  gboolean    numeric;    /* right-aligned */
} CdPdfColumn;

typedef struct _CdPdf CdPdf;

GQuark        cd_pdf_error_quark     (void);

CdLetterhead *cd_letterhead_load     (CdStore            *store);
void          cd_letterhead_free     (CdLetterhead       *letterhead);

/* Starts a document for @path: the letterhead on the first page, then the
 * @title and, on its right, @number and @date. Free with cd_pdf_free ()
 * (which discards it unless cd_pdf_finish () succeeded). */
CdPdf        *cd_pdf_new             (const char         *path,
                                      const CdLetterhead *letterhead,
                                      const char         *title,
                                      const char         *number,
                                      const char         *date,
                                      GError            **error);
void          cd_pdf_free            (CdPdf              *pdf);
/* Numbers the pages, writes the file and renames it into place. */
gboolean      cd_pdf_finish          (CdPdf              *pdf,
                                      GError            **error);

double        cd_pdf_get_width       (CdPdf              *pdf);
/* Vertical space in points. */
void          cd_pdf_skip            (CdPdf              *pdf,
                                      double              points);
/* Breaks the page unless @points of room are left. */
void          cd_pdf_keep            (CdPdf              *pdf,
                                      double              points);
/* A paragraph, wrapped to the width; breaks pages between lines. */
void          cd_pdf_text            (CdPdf              *pdf,
                                      CdPdfText           style,
                                      const char         *text);
/* Label–value pairs (2 × @n_pairs strings) in @columns columns; NULL or
 * empty values are left out. */
void          cd_pdf_fields          (CdPdf              *pdf,
                                      const char * const *pairs,
                                      guint               n_pairs,
                                      guint               columns);
/* @rows: (element-type GStrv): one string per column. The header repeats
 * at the top of every page the table runs onto. */
void          cd_pdf_table           (CdPdf              *pdf,
                                      const CdPdfColumn  *columns,
                                      guint               n_columns,
                                      GPtrArray          *rows);
/* Right-aligned label–value lines under a table; the last is the total,
 * bold, above a rule. */
void          cd_pdf_totals          (CdPdf              *pdf,
                                      const char * const *pairs,
                                      guint               n_pairs);
/* A boxed line such as the amount in capitals. */
void          cd_pdf_banner          (CdPdf              *pdf,
                                      const char         *label,
                                      const char         *text);
/* Two side-by-side blocks, each a title and lines ("Signature: ____"). */
void          cd_pdf_signatures      (CdPdf              *pdf,
                                      const char         *left_title,
                                      const char * const *left_lines,
                                      const char         *right_title,
                                      const char * const *right_lines);

/* Pictures (an acceptance's photos) as a grid of thumbnails, @columns to a
 * row, each scaled into a framed box @box_height high with its caption
 * below; rows break across pages. @captions: (nullable): one per image. */
void          cd_pdf_images          (CdPdf              *pdf,
                                      cairo_surface_t * const *images,
                                      const char * const *captions,
                                      guint               n_images,
                                      guint               columns,
                                      double              box_height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdLetterhead, cd_letterhead_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdPdf, cd_pdf_free)

G_END_DECLS
