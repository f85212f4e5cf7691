/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small CSV reader for imports (GLib only): UTF-8 with or without BOM or
 * GB18030, comma or tab, RFC 4180 quoting, CRLF or LF. It never gives up on
 * a bad line: the record carries a problem and reading goes on, so that an
 * import can report every bad line at once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_CSV_ERROR (cd_csv_error_quark ())

/**
 * CdCsvError:
 * @CD_CSV_ERROR_ENCODING: the bytes are neither UTF-8 nor GB18030 text
 */
typedef enum
{
  CD_CSV_ERROR_ENCODING,
} CdCsvError;

typedef struct
{
  guint      line;     /* physical line (1-based) on which the record starts */
  guint      n_lines;  /* physical lines it spans (quoted line breaks) */
  GPtrArray *fields;   /* of GString*: a field may hold NUL bytes, so use ->len */
  char      *problem;  /* NULL, or one translated sentence: why it could not be read */
} CdCsvRecord;

typedef struct
{
  const char *encoding;   /* "UTF-8" or "GB18030" */
  gboolean    had_bom;
  char        delimiter;  /* ',' or '\t' */
  guint       n_lines;    /* physical lines in the file */
  GPtrArray  *records;    /* of CdCsvRecord*, the header first; blank lines skipped */
} CdCsvDocument;

GQuark          cd_csv_error_quark       (void);

/* Raw bytes → UTF-8 text (a BOM removed), NUL-terminated but possibly with
 * NUL bytes inside: *out_length tells the real length. @out_encoding gets a
 * static "UTF-8" or "GB18030". Free with g_free(). */
char           *cd_csv_decode            (const char   *data,
                                          gsize         length,
                                          const char  **out_encoding,
                                          gboolean     *out_had_bom,
                                          gsize        *out_length,
                                          GError      **error);

/* ',' or '\t', whichever the first line (outside quotes) has more of. */
char            cd_csv_sniff_delimiter   (const char   *text,
                                          gsize         length);

/* Splits UTF-8 @text into records. Never fails: unreadable lines become
 * records with a problem. */
CdCsvDocument  *cd_csv_parse_text        (const char   *text,
                                          gsize         length,
                                          char          delimiter);

/* decode + sniff + parse_text. */
CdCsvDocument  *cd_csv_parse             (const char   *data,
                                          gsize         length,
                                          GError      **error);

void            cd_csv_document_free     (CdCsvDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdCsvDocument, cd_csv_document_free)

/* The @index-th field of @record, or NULL past its end. */
const GString  *cd_csv_record_field      (const CdCsvRecord *record,
                                          guint              index);

/* @text without leading and trailing white space (ideographic space and a
 * stray U+FEFF included). @text must be valid UTF-8. Free with g_free(). */
char           *cd_csv_trim              (const char        *text);

/* A header cell in the form used to match column names: case folded,
 * without white space, '_', '-' and the '*' that marks required columns
 * ("Short Name", "short_name", "SHORT-NAME*" → "shortname"). */
char           *cd_csv_fold_header       (const char        *text);

G_END_DECLS
