/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include "core/cd-csv.h"

static CdCsvDocument *
parse (const char *data,
       gssize      length)
{
  g_autoptr (GError) error = NULL;
  CdCsvDocument *document;

  document = cd_csv_parse (data, length < 0 ? strlen (data) : (gsize) length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static const CdCsvRecord *
record_at (const CdCsvDocument *document,
           guint                index)
{
  g_assert_cmpuint (index, <, document->records->len);
  if (index >= document->records->len)
    return NULL;
  return g_ptr_array_index (document->records, index);
}

/* The fields of a record joined with '|', for compact assertions. */
static char *
joined (const CdCsvDocument *document,
        guint                index)
{
  const CdCsvRecord *record = record_at (document, index);
  GString *out = g_string_new (NULL);

  for (guint i = 0; record != NULL && i < record->fields->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, cd_csv_record_field (record, i)->str);
    }
  return g_string_free (out, FALSE);
}

static void
assert_record (const CdCsvDocument *document,
               guint                index,
               guint                line,
               const char          *fields)
{
  g_autofree char *text = joined (document, index);
  const CdCsvRecord *record = record_at (document, index);

  g_assert_cmpstr (text, ==, fields);
  if (record != NULL)
    {
      g_assert_cmpuint (record->line, ==, line);
      g_assert_null (record->problem);
    }
}

static void
test_quoted_fields_keep_commas_and_quotes (void)
{
  g_autoptr (CdCsvDocument) document =
    parse ("name,notes\n\"Acme, Inc.\",\"He said \"\"yes\"\"\"\n\"\",plain\n", -1);

  g_assert_cmpuint (document->records->len, ==, 3);
  g_assert_cmpint (document->delimiter, ==, ',');
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  assert_record (document, 0, 1, "name|notes");
  assert_record (document, 1, 2, "Acme, Inc.|He said \"yes\"");
  assert_record (document, 2, 3, "|plain");
}

static void
test_lenient_quotes_are_text (void)
{
  /* A quote inside an unquoted field is text; spaces before an opening
   * quote are dropped; an empty trailing field is kept. */
  g_autoptr (CdCsvDocument) document = parse ("a,b,c\n12\" screen, \"x,y\",\n", -1);

  assert_record (document, 1, 2, "12\" screen|x,y|");
  g_assert_cmpuint (record_at (document, 1)->fields->len, ==, 3);
}

static void
test_bom_is_removed (void)
{
  g_autoptr (CdCsvDocument) document = parse ("\xEF\xBB\xBF名称,电话\n甲公司,123\n", -1);

  g_assert_true (document->had_bom);
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  assert_record (document, 0, 1, "名称|电话");
  assert_record (document, 1, 2, "甲公司|123");

  {
    g_autoptr (CdCsvDocument) plain = parse ("名称\n甲公司\n", -1);

    g_assert_false (plain->had_bom);
    assert_record (plain, 0, 1, "名称");
  }
}

static void
test_tab_is_sniffed_from_the_header (void)
{
  /* The data row has commas, the header has tabs: the header decides. */
  g_autoptr (CdCsvDocument) document = parse ("name\tnotes\tphone\nA, B and C\tx,y\t1\n", -1);

  g_assert_cmpint (document->delimiter, ==, '\t');
  assert_record (document, 1, 2, "A, B and C|x,y|1");
  g_assert_cmpint (cd_csv_sniff_delimiter ("\"a\tb\",c\n", 8), ==, ',');
  g_assert_cmpint (cd_csv_sniff_delimiter ("name\n", 5), ==, ',');
}

static void
test_crlf_and_lf_count_lines_alike (void)
{
  g_autoptr (CdCsvDocument) crlf = parse ("a,b\r\nc,d\r\n\r\ne,f", -1);
  g_autoptr (CdCsvDocument) lf = parse ("a,b\nc,d\n\ne,f\n", -1);

  g_assert_cmpuint (crlf->records->len, ==, 3);
  assert_record (crlf, 1, 2, "c|d");
  /* The blank line is skipped, but still counted. */
  assert_record (crlf, 2, 4, "e|f");
  g_assert_cmpuint (crlf->n_lines, ==, 4);

  g_assert_cmpuint (lf->records->len, ==, 3);
  assert_record (lf, 2, 4, "e|f");
  g_assert_cmpuint (lf->n_lines, ==, 4);
}

static void
test_newlines_inside_quotes_keep_physical_lines (void)
{
  g_autoptr (CdCsvDocument) document =
    parse ("name,address\r\n\"甲\",\"一号路\r\n二楼\r\n\"\r\n乙,\"x\ny\"\r\n丙,z\r\n", -1);

  g_assert_cmpuint (document->records->len, ==, 4);
  assert_record (document, 1, 2, "甲|一号路\n二楼\n");
  g_assert_cmpuint (record_at (document, 1)->n_lines, ==, 3);
  assert_record (document, 2, 5, "乙|x\ny");
  assert_record (document, 3, 7, "丙|z");
}

static void
test_unclosed_quote_is_a_problem_on_its_line (void)
{
  g_autoptr (CdCsvDocument) document = parse ("name,phone\nok,1\n\"broken,2\nnext,3\nlast,4\n", -1);
  const CdCsvRecord *broken;

  g_assert_cmpuint (document->records->len, ==, 5);
  assert_record (document, 1, 2, "ok|1");
  broken = record_at (document, 2);
  g_assert_cmpuint (broken->line, ==, 3);
  g_assert_nonnull (broken->problem);
  /* Reading goes on after the broken line. */
  assert_record (document, 3, 4, "next|3");
  assert_record (document, 4, 5, "last|4");
}

static void
test_text_after_closing_quote_is_a_problem (void)
{
  g_autoptr (CdCsvDocument) document = parse ("a,b\n\"x\"y,2\nz,3\n", -1);

  g_assert_cmpuint (document->records->len, ==, 3);
  g_assert_cmpuint (record_at (document, 1)->line, ==, 2);
  g_assert_nonnull (record_at (document, 1)->problem);
  g_assert_cmpuint (record_at (document, 1)->fields->len, ==, 2);
  assert_record (document, 2, 3, "z|3");
}

static void
test_gb18030_bytes_are_decoded (void)
{
  const char *utf8 = "名称,电话,备注\n深圳市甲乙丙广告有限公司,0755-12345678,\"喷画, LED\"\n";
  g_autoptr (GError) error = NULL;
  gsize gb_length = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_autoptr (CdCsvDocument) document = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (gb);
  /* Make sure the test really feeds non-UTF-8 bytes. */
  g_assert_false (g_utf8_validate (gb, gb_length, NULL));

  document = parse (gb, gb_length);
  g_assert_cmpstr (document->encoding, ==, "GB18030");
  assert_record (document, 0, 1, "名称|电话|备注");
  assert_record (document, 1, 2, "深圳市甲乙丙广告有限公司|0755-12345678|喷画, LED");
}

static void
test_other_encodings_are_refused (void)
{
  /* UTF-16LE with BOM, as Excel's "Unicode text" writes it. */
  static const char utf16[] = "\xff\xfen\0a\0m\0e\0\n\0";
  /* Latin-1 "Café," */
  static const char latin1[] = "name\nCaf\xe9,1\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;
  CdCsvDocument *document;

  document = cd_csv_parse (utf16, sizeof utf16 - 1, &error);
  g_assert_null (document);
  g_assert_error (error, CD_CSV_ERROR, CD_CSV_ERROR_ENCODING);

  document = cd_csv_parse (latin1, sizeof latin1 - 1, &error2);
  g_assert_null (document);
  g_assert_error (error2, CD_CSV_ERROR, CD_CSV_ERROR_ENCODING);
}

static void
test_megabyte_field_is_read_whole (void)
{
  const gsize size = 1024 * 1024;
  g_autoptr (GString) data = g_string_new ("name,notes\nbig,\"");
  g_autoptr (CdCsvDocument) document = NULL;
  const GString *field;

  for (gsize i = 0; i < size; i++)
    g_string_append_c (data, i % 100 == 99 ? ',' : 'x');
  g_string_append (data, "\",\n\"after\",1\n");

  document = parse (data->str, data->len);
  g_assert_cmpuint (document->records->len, ==, 3);
  field = cd_csv_record_field (record_at (document, 1), 1);
  g_assert_nonnull (field);
  if (field != NULL)
    {
      g_assert_cmpuint (field->len, ==, size);
      g_assert_cmpint (field->str[99], ==, ',');
    }
  assert_record (document, 2, 3, "after|1");
}

static void
test_nul_bytes_stay_in_their_field (void)
{
  static const char data[] = "a,b,c\nx,y\0z,w\n";
  g_autoptr (CdCsvDocument) document = parse (data, sizeof data - 1);
  const GString *field;

  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpuint (document->records->len, ==, 2);
  field = cd_csv_record_field (record_at (document, 1), 1);
  g_assert_nonnull (field);
  if (field != NULL)
    {
      g_assert_cmpuint (field->len, ==, 3);
      g_assert_cmpmem (field->str, field->len, "y\0z", 3);
    }
  g_assert_cmpstr (cd_csv_record_field (record_at (document, 1), 2)->str, ==, "w");
  g_assert_null (cd_csv_record_field (record_at (document, 1), 3));
}

static void
test_empty_input_has_no_records (void)
{
  g_autoptr (CdCsvDocument) empty = parse ("", 0);
  g_autoptr (CdCsvDocument) blank = parse ("\xEF\xBB\xBF\r\n\n", -1);

  g_assert_cmpuint (empty->records->len, ==, 0);
  g_assert_cmpuint (blank->records->len, ==, 0);
}

static void
test_trim_and_fold_header (void)
{
  struct { const char *in; const char *trimmed; const char *folded; } cases[] = {
    { "  Short Name ", "Short Name", "shortname" },
    { "short_name", "short_name", "shortname" },
    { "\u3000名称*\u3000", "名称*", "名称" },
    { "CREDIT-CODE\t", "CREDIT-CODE", "creditcode" },
    { "\xEF\xBB\xBFname", "name", "name" },
    { " ", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *trimmed = cd_csv_trim (cases[i].in);
      g_autofree char *folded = cd_csv_fold_header (cases[i].in);

      g_assert_cmpstr (trimmed, ==, cases[i].trimmed);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/csv/quoted-fields-keep-commas-and-quotes", test_quoted_fields_keep_commas_and_quotes);
  g_test_add_func ("/core/csv/lenient-quotes-are-text", test_lenient_quotes_are_text);
  g_test_add_func ("/core/csv/bom-is-removed", test_bom_is_removed);
  g_test_add_func ("/core/csv/tab-is-sniffed-from-the-header", test_tab_is_sniffed_from_the_header);
  g_test_add_func ("/core/csv/crlf-and-lf-count-lines-alike", test_crlf_and_lf_count_lines_alike);
  g_test_add_func ("/core/csv/newlines-inside-quotes-keep-physical-lines",
                   test_newlines_inside_quotes_keep_physical_lines);
  g_test_add_func ("/core/csv/unclosed-quote-is-a-problem-on-its-line",
                   test_unclosed_quote_is_a_problem_on_its_line);
  g_test_add_func ("/core/csv/text-after-closing-quote-is-a-problem",
                   test_text_after_closing_quote_is_a_problem);
  g_test_add_func ("/core/csv/gb18030-bytes-are-decoded", test_gb18030_bytes_are_decoded);
  g_test_add_func ("/core/csv/other-encodings-are-refused", test_other_encodings_are_refused);
  g_test_add_func ("/core/csv/megabyte-field-is-read-whole", test_megabyte_field_is_read_whole);
  g_test_add_func ("/core/csv/nul-bytes-stay-in-their-field", test_nul_bytes_stay_in_their_field);
  g_test_add_func ("/core/csv/empty-input-has-no-records", test_empty_input_has_no_records);

  g_test_add_func ("/core/csv/trim-and-fold-header-ignore-case-and-spacing", test_trim_and_fold_header);

  return g_test_run ();
}
