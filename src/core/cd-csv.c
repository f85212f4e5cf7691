/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RFC 4180 with the leniency real spreadsheets need: a quote inside an
 * unquoted field is text (12" screen), spaces before an opening quote are
 * dropped, lone CR counts as a line break. Line numbers always count
 * physical lines so that a report points where a text editor shows. */
#define G_LOG_DOMAIN "cd-core"

#include <string.h>
#include <glib/gi18n.h>

#include "cd-csv.h"

typedef struct
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;
  char        delimiter;
} Parser;

G_DEFINE_QUARK (cd-csv-error-quark, cd_csv_error)

static void
record_free (gpointer data)
{
  CdCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record->problem);
  g_free (record);
}

static void
field_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
record_set_problem (CdCsvRecord *record,
                    const char  *problem)
{
  /* The first problem is the cause; later ones usually follow from it. */
  if (record->problem == NULL)
    record->problem = g_strdup (problem);
}

/* NUL bytes are not text, but they are not an encoding either: let them
 * through here so that the import names the field that holds them. */
static gboolean
utf8_validate_allowing_nul (const char *data,
                            gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *stop;

      if (g_utf8_validate_len (p, (gsize) (end - p), &stop))
        return TRUE;
      if (*stop != '\0')
        return FALSE;
      p = stop + 1;
    }

  return TRUE;
}

static gboolean
at_line_break (const Parser *p)
{
  return p->pos < p->length && (p->text[p->pos] == '\n' || p->text[p->pos] == '\r');
}

/* Consumes LF, CRLF or a lone CR as one physical line break. */
static void
skip_line_break (Parser *p)
{
  if (p->text[p->pos] == '\r' && p->pos + 1 < p->length && p->text[p->pos + 1] == '\n')
    p->pos++;
  p->pos++;
  p->line++;
}

static void
skip_to_next_line (Parser *p)
{
  while (p->pos < p->length && !at_line_break (p))
    p->pos++;
  if (p->pos < p->length)
    skip_line_break (p);
}

/* Called with p->pos just after the opening quote. Returns FALSE when the
 * file ends before the quote is closed. */
static gboolean
read_quoted (Parser      *p,
             GString     *field,
             CdCsvRecord *record)
{
  gboolean closed = FALSE;

  while (p->pos < p->length && !closed)
    {
      char c = p->text[p->pos];

      if (c == '"')
        {
          if (p->pos + 1 < p->length && p->text[p->pos + 1] == '"')
            {
              g_string_append_c (field, '"');
              p->pos += 2;
              continue;
            }
          p->pos++;
          closed = TRUE;
          continue;
        }
      if (c == '\r' || c == '\n')
        {
          /* Store line breaks inside cells as LF whatever the file used. */
          skip_line_break (p);
          g_string_append_c (field, '\n');
          continue;
        }
      g_string_append_c (field, c);
      p->pos++;
    }

  if (!closed)
    return FALSE;

  /* "abc"def: keep the text, but the line is not what its author meant. */
  if (p->pos < p->length && p->text[p->pos] != p->delimiter && !at_line_break (p))
    {
      record_set_problem (record, _("A quoted field goes on after its closing quotation mark."));
      while (p->pos < p->length && p->text[p->pos] != p->delimiter && !at_line_break (p))
        g_string_append_c (field, p->text[p->pos++]);
    }

  return TRUE;
}

static gboolean
only_blanks (const GString *field)
{
  for (gsize i = 0; i < field->len; i++)
    if (field->str[i] != ' ')
      return FALSE;
  return TRUE;
}

/* Returns FALSE when a quote opened in this field is never closed. */
static gboolean
read_field (Parser      *p,
            GString     *field,
            CdCsvRecord *record)
{
  while (p->pos < p->length && p->text[p->pos] != p->delimiter && !at_line_break (p))
    {
      char c = p->text[p->pos++];

      if (c == '"' && only_blanks (field))
        {
          g_string_truncate (field, 0);
          return read_quoted (p, field, record);
        }
      g_string_append_c (field, c);
    }

  return TRUE;
}

static CdCsvRecord *
read_record (Parser *p)
{
  CdCsvRecord *record = g_new0 (CdCsvRecord, 1);
  gboolean ended_at_eof = FALSE;

  record->line = p->line;
  record->fields = g_ptr_array_new_with_free_func (field_free);

  for (;;)
    {
      GString *field = g_string_new (NULL);
      gsize field_start = p->pos;
      guint field_line = p->line;

      g_ptr_array_add (record->fields, field);
      if (!read_field (p, field, record))
        {
          /* Resynchronise on the line after the one where the quote was
           * opened, so that the following rows are still checked. */
          g_free (record->problem);
          record->problem = g_strdup (_("A quotation mark opened on this line is never closed."));
          record->line = field_line;
          p->pos = field_start;
          p->line = field_line;
          skip_to_next_line (p);
          break;
        }
      if (p->pos < p->length && p->text[p->pos] == p->delimiter)
        {
          p->pos++;
          continue;
        }
      if (at_line_break (p))
        skip_line_break (p);
      else
        ended_at_eof = TRUE;
      break;
    }

  record->n_lines = MAX (p->line - record->line + (ended_at_eof ? 1 : 0), 1);
  return record;
}

static gboolean
record_is_blank (const CdCsvRecord *record)
{
  return record->problem == NULL && record->fields->len == 1
         && ((GString *) g_ptr_array_index (record->fields, 0))->len == 0;
}

/* A file that is not UTF-8 as a whole but has a line of Chinese that is
 * (two or more three-byte UTF-8 characters: GB18030 text almost never
 * lines up that way) mixes encodings; reading it all as GB18030 would store
 * that line as mojibake. Returns the 1-based line, or 0. */
static guint
find_utf8_line (const char *data, gsize length)
{
  gsize start = 0;
  guint line = 1;

  while (start < length)
    {
      const char *end = memchr (data + start, '\n', length - start);
      gsize stop = end ? (gsize) (end - data) : length;
      guint multibyte = 0;

      if (g_utf8_validate_len (data + start, stop - start, NULL))
        for (gsize i = start; i < stop; i++)
          if (((guchar) data[i] & 0xF0) == 0xE0)
            multibyte++;
      if (multibyte >= 2)
        return line;
      start = stop + 1;
      line++;
    }
  return 0;
}

char *
cd_csv_decode (const char  *data,
               gsize        length,
               const char **out_encoding,
               gboolean    *out_had_bom,
               gsize       *out_length,
               GError     **error)
{
  g_autofree char *converted = NULL;
  const char *encoding = "UTF-8";
  const char *text = data;
  gsize text_length = length;
  gboolean had_bom = FALSE;
  guint utf8_line;
  char *result;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!utf8_validate_allowing_nul (data, length))
    {
      gsize written = 0;

      converted = g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error_literal (error, CD_CSV_ERROR, CD_CSV_ERROR_ENCODING,
                               _("The file is neither UTF-8 nor GB18030 text."));
          return NULL;
        }
      if ((utf8_line = find_utf8_line (data, length)) > 0)
        {
          g_set_error (error, CD_CSV_ERROR, CD_CSV_ERROR_ENCODING,
                       _("The file mixes encodings: line %u is UTF-8 but the rest is not; "
                         "save the whole file as UTF-8 and import it again."),
                       utf8_line);
          return NULL;
        }
      encoding = "GB18030";
      text = converted;
      text_length = written;
    }

  /* U+FEFF in UTF-8; GB18030's own BOM (84 31 95 33) converts to the same. */
  if (text_length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      had_bom = TRUE;
      text += 3;
      text_length -= 3;
    }

  result = g_malloc (text_length + 1);
  if (text_length > 0)
    memcpy (result, text, text_length);
  result[text_length] = '\0';

  if (out_encoding != NULL)
    *out_encoding = encoding;
  if (out_had_bom != NULL)
    *out_had_bom = had_bom;
  if (out_length != NULL)
    *out_length = text_length;
  return result;
}

char
cd_csv_sniff_delimiter (const char *text,
                        gsize       length)
{
  gboolean quoted = FALSE;
  guint commas = 0;
  guint tabs = 0;

  g_return_val_if_fail (text != NULL || length == 0, ',');

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == '\t')
        tabs++;
    }

  return tabs > commas ? '\t' : ',';
}

CdCsvDocument *
cd_csv_parse_text (const char *text,
                   gsize       length,
                   char        delimiter)
{
  CdCsvDocument *document = g_new0 (CdCsvDocument, 1);
  Parser p = { text, length, 0, 1, delimiter };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (delimiter != '"' && delimiter != '\n' && delimiter != '\r', NULL);

  document->encoding = "UTF-8";
  document->delimiter = delimiter;
  document->records = g_ptr_array_new_with_free_func (record_free);

  while (p.pos < p.length)
    {
      CdCsvRecord *record = read_record (&p);

      if (record_is_blank (record))
        record_free (record);
      else
        g_ptr_array_add (document->records, record);
    }

  document->n_lines = p.line - 1;
  if (length > 0 && text[length - 1] != '\n' && text[length - 1] != '\r')
    document->n_lines++;
  return document;
}

CdCsvDocument *
cd_csv_parse (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gboolean had_bom = FALSE;
  gsize text_length = 0;
  CdCsvDocument *document;

  text = cd_csv_decode (data, length, &encoding, &had_bom, &text_length, error);
  if (text == NULL)
    return NULL;

  document = cd_csv_parse_text (text, text_length, cd_csv_sniff_delimiter (text, text_length));
  document->encoding = encoding;
  document->had_bom = had_bom;
  return document;
}

void
cd_csv_document_free (CdCsvDocument *document)
{
  if (document == NULL)
    return;
  g_ptr_array_unref (document->records);
  g_free (document);
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF;
}

char *
cd_csv_trim (const char *text)
{
  const char *start = text;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

char *
cd_csv_fold_header (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_blank (c) && c != '_' && c != '-' && c != '*')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

const GString *
cd_csv_record_field (const CdCsvRecord *record,
                     guint              index)
{
  g_return_val_if_fail (record != NULL, NULL);

  if (index >= record->fields->len)
    return NULL;
  return g_ptr_array_index (record->fields, index);
}
