/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile input (DESIGN §9): the corpus in tests/data/hostile/ — amounts,
 * dates, text, numbering patterns, holiday calendars, CSV files — through
 * every parser and validator and through clientdesk-cli. Each input is
 * refused with a one-line reason or stored verbatim (read back, compared
 * byte for byte); nothing crashes; formula-looking text comes back from
 * `list --json` unchanged. */
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rel-util.h"
#include "../cli/cd-cli-test-util.h"
#include "core/cd-csv.h"
#include "core/cd-holidays.h"
#include "core/cd-money.h"
#include "core/cd-numbering.h"
#include "store/cd-import.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-docs-private.h"
#include "store/cd-store-month-end.h"
#include "store/cd-store-private.h"
#include "store/cd-store-quotes.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char   *name;
  GBytes *bytes;
} Input;

static void
input_free (Input *input)
{
  g_free (input->name);
  g_bytes_unref (input->bytes);
  g_free (input);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* Every file of tests/data/hostile/@folder, sorted by name. */
static GPtrArray *
corpus (const char *folder)
{
  g_autofree char *relative = g_build_filename ("tests", "data", "hostile", folder, NULL);
  g_autofree char *path = rel_source_path (relative);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      Input *input = g_new0 (Input, 1);
      char *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (file, &data, &length, NULL));
      input->name = g_strdup (names->pdata[i]);
      input->bytes = g_bytes_new_take (data, length);
      g_ptr_array_add (inputs, input);
    }
  g_assert_cmpuint (inputs->len, >, 0);
  return inputs;
}

static const char *
input_data (const Input *input, gsize *length)
{
  return g_bytes_get_data (input->bytes, length);
}

/* The input as a C string when it is one (no NUL inside), else NULL. */
static char *
input_string (const Input *input)
{
  gsize length;
  const char *data = input_data (input, &length);

  if (memchr (data, '\0', length) != NULL)
    return NULL;
  return g_strndup (data, length);
}

/* The 10,000-character and 1 MB strings of the corpus, made here so that
 * the repository stays small. */
static GPtrArray *
long_strings (void)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  GString *chinese = g_string_new (NULL);
  char *mega = g_malloc (1024 * 1024 + 1);

  for (guint i = 0; i < 10000; i++)
    g_string_append (chinese, "长");
  g_ptr_array_add (strings, g_string_free (chinese, FALSE));
  memset (mega, 'x', 1024 * 1024);
  mega[1024 * 1024] = '\0';
  g_ptr_array_add (strings, mega);
  return strings;
}

/* A refusal's reason: one line of valid UTF-8, not empty. */
static void
assert_reason (const GError *error, const char *input_name)
{
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  if (error->message == NULL || *error->message == '\0'
      || !g_utf8_validate (error->message, -1, NULL) || strchr (error->message, '\n') != NULL)
    g_test_fail_printf ("%s: the reason is not one line of text: %s", input_name,
                        error->message ? error->message : "(null)");
}

/* ------------------------------------------------------------------ */
/* Amounts                                                            */

static void
test_amounts (void)
{
  g_autoptr (GPtrArray) inputs = corpus ("amounts");

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *text = input_string (input);
      g_autoptr (GError) money_error = NULL;
      g_autoptr (GError) quantity_error = NULL;
      gsize length;
      const char *data = input_data (input, &length);
      gint64 fen = -1, milli = -1;
      gboolean money_ok = cd_money_parse_len (data, (gssize) length, CD_MONEY_PARSE_DEFAULT, &fen,
                                              &money_error);
      gboolean quantity_ok = cd_quantity_parse_len (data, (gssize) length, &milli, &quantity_error);

      g_test_message ("amount %s: money %s, quantity %s", input->name,
                      money_ok ? "accepted" : money_error->message,
                      quantity_ok ? "accepted" : quantity_error->message);
      if (money_ok)
        {
          g_autofree char *plain = cd_money_format_plain (fen);
          gint64 again = -1;

          g_assert_cmpint (fen, >=, 0);
          g_assert_cmpint (fen, <=, CD_MONEY_MAX_FEN);
          /* What was accepted reads back as the same amount. */
          g_assert_true (cd_money_parse (plain, CD_MONEY_PARSE_DEFAULT, &again, NULL));
          g_assert_cmpint (again, ==, fen);
        }
      else
        assert_reason (money_error, input->name);
      if (quantity_ok)
        {
          g_assert_cmpint (milli, >=, 0);
          g_assert_cmpint (milli, <=, CD_QUANTITY_MAX_MILLI);
        }
      else
        assert_reason (quantity_error, input->name);

      /* The NUL-terminated entry point agrees with the counted one. */
      if (text != NULL)
        {
          gint64 fen2 = -1;
          gboolean ok2 = cd_money_parse (text, CD_MONEY_PARSE_DEFAULT, &fen2, NULL);

          g_assert_cmpint (ok2, ==, money_ok);
          if (ok2)
            g_assert_cmpint (fen2, ==, fen);
        }
      /* Money and quantities read digits the same way: an integer the one
       * accepts, the other accepts too (full-width digits included). */
      if (money_ok && fen % 100 == 0 && fen / 100 <= CD_QUANTITY_MAX_MILLI / 1000 && text != NULL
          && strchr (text, '.') == NULL && strstr (text, "．") == NULL && strchr (text, '-') == NULL
          && strstr (text, "¥") == NULL && strstr (text, "￥") == NULL)
        {
          g_assert_true (quantity_ok);
          g_assert_cmpint (milli / 1000, ==, fen / 100);
        }
    }
}

static gint64
parse_fen (const char *text, GError **error)
{
  gint64 fen = -1;

  return cd_money_parse (text, CD_MONEY_PARSE_DEFAULT, &fen, error) ? fen : -1;
}

static void
test_amounts_named_in_the_issue (void)
{
  g_autoptr (GError) error = NULL;
  gint64 fen = -1;

  g_assert_cmpint (parse_fen ("abc", &error), ==, -1);
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (parse_fen ("1e9", &error), ==, -1);
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (parse_fen ("99999999999999999999", &error), ==, -1);
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);
  /* Full-width digits are what a Chinese input method types: accepted,
   * as the same number, by both parsers. */
  g_assert_cmpint (parse_fen ("１２３", NULL), ==, 12300);
  g_assert_true (cd_quantity_parse ("１２３", &fen, NULL));
  g_assert_cmpint (fen, ==, 123000);
  /* "-0" is zero, not a negative amount. */
  g_assert_cmpint (parse_fen ("-0", NULL), ==, 0);
  g_assert_true (cd_money_parse ("-0", CD_MONEY_PARSE_ALLOW_NEGATIVE, &fen, NULL));
  g_assert_cmpint (fen, ==, 0);
}

/* `money words` says what the parser says: the same amount in words, or a
 * refusal in one line. */
static void
test_money_words_command (void)
{
  g_autoptr (GPtrArray) inputs = corpus ("amounts");

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *text = input_string (input);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "money", "words", "--", text, NULL };
      gint64 fen = -1;
      gboolean ok;
      int status;

      if (text == NULL)
        continue;  /* argv cannot hold a NUL */
      ok = cd_money_parse (text, CD_MONEY_PARSE_DEFAULT, &fen, NULL);
      status = rel_run_cli (args, &out, &err);
      if (ok)
        {
          g_autofree char *words = cd_money_to_words (fen);
          g_autofree char *line = g_strconcat (words, "\n", NULL);

          g_assert_cmpint (status, ==, 0);
          g_assert_cmpstr (out, ==, line);
        }
      else
        {
          g_assert_cmpint (status, ==, 1);
          g_assert_cmpstr (out, ==, "");
          g_assert_cmpuint (cd_count_lines (err), ==, 1);
          g_assert_true (g_utf8_validate (err, -1, NULL));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Dates                                                              */

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = rel_make_temp_dir ("hostile");
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (1, 'XM202603-0001', 1, '春季新品发布会', 'quoting', '2026-03-02');",
    &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  rel_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* "YYYY-MM-DD" naming a day that exists. */
static gboolean
is_real_day (const char *text)
{
  int y = 0, m = 0, d = 0;
  char end = 0;

  return text != NULL && strlen (text) == 10
         && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
test_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = corpus ("dates");

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *text = input_string (input);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdQuote) quote = NULL;
      gint64 id;

      if (text == NULL || *text == '\0')
        continue;  /* no date means today, by design */
      id = cd_store_quote_create (f->store, 1, text, &error);
      g_test_message ("date %s: %s", input->name, id > 0 ? "accepted" : error->message);
      if (id > 0)
        {
          /* Accepted only when it is a real day, and stored as typed. */
          quote = cd_store_quote_get (f->store, id, NULL);
          g_assert_cmpstr (quote->created_date, ==, text);
          g_assert_true (is_real_day (text));
        }
      else
        {
          g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
          assert_reason (error, input->name);
        }
    }
  /* The two the issue names. */
  g_assert_cmpint (cd_store_quote_create (f->store, 1, "2026-02-30", NULL), ==, 0);
  g_assert_cmpint (cd_store_quote_create (f->store, 1, "2026-13-01", NULL), ==, 0);
}

/* deadline --month M --day D for each date split at its last '-'. */
static void
test_deadline_command (void)
{
  g_autoptr (GPtrArray) inputs = corpus ("dates");

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *text = input_string (input);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      char *dash;
      int status;

      if (text == NULL || (dash = strrchr (text, '-')) == NULL || dash == text)
        continue;
      *dash = '\0';
      {
        const char *args[] = { "deadline", "--month", text, "--day", dash + 1, NULL };
        status = rel_run_cli (args, &out, &err);
      }
      g_test_message ("deadline %s: %d %s%s", input->name, status, out, err);
      if (status == 0)
        {
          g_autofree char *day = g_strndup (out, 10);

          g_assert_cmpuint (strlen (out), ==, 11);
          g_assert_true (is_real_day (day));
        }
      else
        {
          g_assert_cmpint (status, ==, 1);
          g_assert_cmpstr (out, ==, "");
          g_assert_cmpuint (cd_count_lines (err), ==, 1);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                               */

static GPtrArray *
text_inputs (void)
{
  g_autoptr (GPtrArray) inputs = corpus ("text");
  g_autoptr (GPtrArray) longs = long_strings ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < inputs->len; i++)
    {
      char *text = input_string (inputs->pdata[i]);

      /* A C string ends at its NUL: the CSV tests carry those. */
      if (text != NULL)
        g_ptr_array_add (texts, text);
    }
  for (guint i = 0; i < longs->len; i++)
    g_ptr_array_add (texts, g_strdup (longs->pdata[i]));
  return texts;
}

static char *
shown (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (strlen (text), 40));
  return g_strescape (valid, NULL);
}

/* Quote notes and lines: stored as given (a blank clears the field), or
 * refused with one line. */
static void
test_text_in_quotes (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) texts = text_inputs ();
  gint64 id = cd_store_quote_create (f->store, 1, "2026-03-10", NULL);

  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i];
      g_autofree char *label = shown (text);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdQuoteLine) line = cd_quote_line_new ();
      gint64 line_id;

      if (cd_store_quote_set_details (f->store, id, NULL, NULL, text, &error))
        {
          g_autoptr (CdQuote) quote = cd_store_quote_get (f->store, id, NULL);
          g_autofree char *stripped = g_strstrip (g_strdup (text));

          if (stripped[0] == '\0' && quote->notes == NULL)
            ;  /* blank: the field is cleared */
          else
            g_assert_cmpstr (quote->notes, ==, text);
        }
      else
        {
          g_test_message ("notes “%s”: %s", label, error->message);
          assert_reason (error, label);
        }
      g_clear_error (&error);

      line->item = g_strdup (text);
      line->qty_milli = 1000;
      line->unit_price_fen = 100;
      line_id = cd_store_quote_add_line (f->store, id, line, 0, &error);
      if (line_id > 0)
        {
          g_autoptr (CdQuote) quote = cd_store_quote_get (f->store, id, NULL);
          const CdQuoteLine *stored = g_ptr_array_index (quote->lines, quote->lines->len - 1);

          g_assert_cmpstr (stored->item, ==, text);
        }
      else
        {
          g_test_message ("item “%s”: %s", label, error->message);
          assert_reason (error, label);
        }
    }
}

/* Unicode direction overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * make text display as something else than what is stored: quote and
 * contract text refuses them with a reason naming the field and the
 * character, as the CSV importer does; right-to-left letters are kept. */
static void
test_direction_controls (Fixture *f, gconstpointer data)
{
  static const gunichar controls[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                       0x2066, 0x2067, 0x2068, 0x2069 };
  gint64 quote = cd_store_quote_create (f->store, 1, "2026-03-10", NULL);
  g_autoptr (GError) error = NULL;
  gint64 contract;

  g_assert_cmpint (quote, >, 0);
  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO contract (id, number, project_id, client_id, subject, amount_fen)"
    "  VALUES (1, 'HT202603-0001', 1, 1, '年度框架', 100000);", &error));
  g_assert_no_error (error);
  contract = 1;
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      char utf8[8] = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *code = g_strdup_printf ("U+%04X", controls[i]);
      g_autoptr (CdQuoteLine) line = cd_quote_line_new ();
      g_autoptr (CdQuote) stored = NULL;
      g_autoptr (CdContract) kept = NULL;

      g_unichar_to_utf8 (controls[i], utf8);
      text = g_strconcat ("invoice", utf8, "txt.exe", NULL);

      g_assert_false (cd_docs_check_text (text, "The notes", 100, FALSE, TRUE, &error));
      g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
      assert_reason (error, code);
      if (error != NULL)
        {
          g_assert_nonnull (strstr (error->message, "The notes"));
          g_assert_nonnull (strstr (error->message, code));
        }
      g_clear_error (&error);

      g_assert_false (cd_store_quote_set_details (f->store, quote, NULL, text, text, &error));
      assert_reason (error, code);
      g_clear_error (&error);
      line->item = g_strdup (text);
      line->qty_milli = 1000;
      line->unit_price_fen = 100;
      g_assert_cmpint (cd_store_quote_add_line (f->store, quote, line, 0, &error), ==, 0);
      assert_reason (error, code);
      g_clear_error (&error);
      stored = cd_store_quote_get (f->store, quote, NULL);
      g_assert_true (stored->notes == NULL || strstr (stored->notes, utf8) == NULL);
      g_assert_cmpuint (stored->lines->len, ==, 0);

      g_assert_false (cd_store_contract_set_details (f->store, contract, text, NULL, NULL, NULL, &error));
      assert_reason (error, code);
      g_clear_error (&error);
      g_assert_false (cd_store_contract_set_details (f->store, contract, NULL, NULL, NULL, text, &error));
      assert_reason (error, code);
      g_clear_error (&error);
      kept = cd_store_contract_get (f->store, contract, NULL);
      g_assert_nonnull (kept);
      if (kept != NULL)
        g_assert_cmpstr (kept->subject, ==, "年度框架");
    }
  /* Right-to-left letters are text, not controls: kept as typed. */
  g_assert_true (cd_store_quote_set_details (f->store, quote, NULL, NULL, "شركة النجوم חברת כוכבים", &error));
  g_assert_no_error (error);
}

/* The same direction controls in the client file (names, fields, contacts),
 * a supplier's name and bank account, and a supplier payment's reference:
 * refused the same way, nothing stored; right-to-left letters are kept. */
static void
assert_direction_refused (GError **error, const char *code)
{
  g_assert_error (*error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  assert_reason (*error, code);
  if (*error != NULL)
    {
      g_test_message ("%s", (*error)->message);
      g_assert_nonnull (strstr ((*error)->message, code));
    }
  g_clear_error (error);
}

static GVariant *
one_field (const char *key, const char *value)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&b, "{sv}", key, g_variant_new_string (value));
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static void
test_direction_controls_in_clients_and_suppliers (Fixture *f, gconstpointer data)
{
  static const gunichar controls[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                       0x2066, 0x2067, 0x2068, 0x2069 };
  static const char *const client_keys[] = { "name", "address", "notes", "invoice_account" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) kept = NULL;
  gint64 clients = cd_store_query_int (f->store, "SELECT count(*) FROM client", NULL);
  gint64 suppliers = cd_store_query_int (f->store, "SELECT count(*) FROM supplier", NULL);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 4, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      char utf8[8] = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *code = g_strdup_printf ("U+%04X", controls[i]);
      g_autoptr (CdSupplier) supplier = cd_supplier_new ();
      g_autoptr (GVariant) named = NULL;

      g_unichar_to_utf8 (controls[i], utf8);
      text = g_strconcat ("星河", utf8, "文化", NULL);

      named = one_field ("name", text);
      g_assert_cmpint (cd_store_client_create (f->store, named, &error), ==, 0);
      assert_direction_refused (&error, code);
      for (guint k = 0; k < G_N_ELEMENTS (client_keys); k++)
        {
          g_autoptr (GVariant) field = one_field (client_keys[k], text);

          g_test_message ("client field %s", client_keys[k]);
          g_assert_false (cd_store_client_update (f->store, 1, field, &error));
          assert_direction_refused (&error, code);
        }
      g_assert_cmpint (cd_store_contact_add (f->store, 1, named, &error), ==, 0);
      assert_direction_refused (&error, code);

      supplier->name = g_strdup (text);
      g_free (supplier->category);
      supplier->category = g_strdup ("print");
      g_assert_false (cd_store_supplier_save (f->store, supplier, &error));
      assert_direction_refused (&error, code);
      g_free (supplier->name);
      supplier->name = g_strdup ("杭州西湖印务有限公司");
      supplier->account = g_strconcat ("6222", utf8, "0001", NULL);
      g_assert_false (cd_store_supplier_save (f->store, supplier, &error));
      assert_direction_refused (&error, code);

      /* Refused for its reference before the order is even looked up. */
      g_assert_false (cd_store_record_supplier_payment (f->store, 999, &day, 100, text, NULL, &error));
      assert_direction_refused (&error, code);
    }
  g_assert_false (cd_store_record_supplier_payment (f->store, 999, &day, 100, "HSBC-0410", NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM client", NULL), ==, clients);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM contact", NULL), ==, 0);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM supplier", NULL), ==, suppliers);
  g_assert_cmpint (cd_store_query_int (f->store, "SELECT count(*) FROM supplier_payment", NULL), ==, 0);
  kept = cd_store_client_get (f->store, 1, &error);
  g_assert_no_error (error);
  {
    const char *name = NULL;

    g_assert_true (kept != NULL && g_variant_lookup (kept, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "上海星河文化传播有限公司");
  }

  /* Right-to-left letters are text, not controls: kept as typed. */
  {
    g_autoptr (GVariant) rtl = one_field ("address", "شركة النجوم חברת כוכבים");

    g_assert_true (cd_store_client_update (f->store, 1, rtl, &error));
    g_assert_no_error (error);
  }
}

/* Settings take any text: stored and read back byte for byte. */
static void
test_text_in_settings (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) texts = text_inputs ();

  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *back = NULL;

      g_assert_true (cd_store_set_setting (f->store, "hostile.text", texts->pdata[i], &error));
      g_assert_no_error (error);
      back = cd_store_get_setting (f->store, "hostile.text");
      g_assert_cmpstr (back, ==, texts->pdata[i]);
    }
}

/* Search: through the store with any bytes, through the command line with
 * what argv can hold; an answer or a refusal, never a crash. */
static void
test_text_in_searches (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = corpus ("text");
  g_autoptr (GPtrArray) texts = text_inputs ();

  for (guint i = 0; i < inputs->len; i++)
    {
      gsize length;
      const char *bytes = input_data (inputs->pdata[i], &length);
      g_autofree char *text = g_strndup (bytes, length);
      g_autoptr (GError) error = NULL;
      g_autoptr (GVariant) rows = cd_store_list (f->store, CD_KIND_CLIENTS, NULL, text, 0, 50, &error);

      if (rows == NULL)
        assert_reason (error, ((Input *) inputs->pdata[i])->name);
    }

  g_assert_true (cd_store_exec (f->store, "INSERT INTO client (name) VALUES"
                                          " ('=HYPERLINK(\"http://evil.example\",\"点击\")')", NULL));
  g_clear_object (&f->store);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i];
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "--db", f->path, "list", "clients", "--search", text, "--json", NULL };
      int status;

      if (strlen (text) > 100000)
        continue;  /* beyond what one argument may be (128 KiB) */
      status = rel_run_cli (args, &out, &err);
      if (status == 0)
        {
          g_autoptr (GVariant) json = cd_parse_json (out);

          g_assert_nonnull (json);
          if (json != NULL)
            g_assert_true (g_variant_is_of_type (json, G_VARIANT_TYPE ("av")));
          if (g_str_has_prefix (text, "=HYPERLINK"))
            g_assert_nonnull (strstr (out, "=HYPERLINK(\\\"http://evil.example\\\",\\\"点击\\\")"));
        }
      else
        {
          g_autofree char *label = shown (text);

          g_test_message ("search “%s”: %d %s", label, status, err);
          g_assert_cmpint (status, ==, 1);
          g_assert_cmpuint (cd_count_lines (err), ==, 1);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Numbering patterns                                                 */

static void
test_numbering_patterns (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = corpus ("patterns");
  g_autoptr (GDate) date = g_date_new_dmy (10, G_DATE_MARCH, 2026);

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *text = input_string (input);
      g_autoptr (GError) error = NULL;
      g_autoptr (GError) quote_error = NULL;
      gint64 quote;

      if (text == NULL)
        {
          gsize length;
          text = g_strdup (input_data (input, &length));  /* as far as C sees it */
        }
      if (cd_numbering_validate (text, &error))
        {
          g_autofree char *first = cd_numbering_format (text, date, 1, NULL);
          g_autofree char *huge = cd_numbering_format (text, date, G_MAXUINT64, NULL);

          g_test_message ("pattern %s: valid, %s", input->name, first ? first : "(no number)");
          g_assert_true (first == NULL || g_utf8_validate (first, -1, NULL));
          g_assert_true (huge == NULL || g_utf8_validate (huge, -1, NULL));
        }
      else
        {
          g_test_message ("pattern %s: %s", input->name, error->message);
          assert_reason (error, input->name);
        }

      /* The same pattern in Preferences: the next quote gets a number that
       * is text, or is refused with a reason. */
      g_assert_true (cd_store_set_setting (f->store, "numbering.quote", text, NULL));
      quote = cd_store_quote_create (f->store, 1, "2026-03-10", &quote_error);
      if (quote > 0)
        {
          g_autoptr (CdQuote) q = cd_store_quote_get (f->store, quote, NULL);

          g_assert_true (g_utf8_validate (q->number, -1, NULL));
          g_assert_cmpuint (strlen (q->number), >, 0);
        }
      else
        assert_reason (quote_error, input->name);
    }
}

/* ------------------------------------------------------------------ */
/* Holiday calendars                                                  */

static void
test_holiday_calendars (void)
{
  g_autoptr (GPtrArray) inputs = corpus ("ics");

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autoptr (CdHolidayCalendar) calendar = cd_holiday_calendar_new ();
      g_autoptr (GError) error = NULL;
      gsize length;
      const char *data = input_data (input, &length);

      if (cd_holiday_calendar_load_ics (calendar, data, (gssize) length, &error))
        {
          g_autofree char *years = cd_holiday_calendar_describe_years (calendar);

          g_test_message ("calendar %s: %u days (%s)", input->name,
                          cd_holiday_calendar_n_days (calendar), years);
          g_assert_cmpuint (cd_holiday_calendar_n_days (calendar), >, 0);
          g_assert_true (years == NULL || g_utf8_validate (years, -1, NULL));
        }
      else
        {
          g_test_message ("calendar %s: %s", input->name, error->message);
          g_assert_true (error->domain == CD_HOLIDAYS_ERROR);
          assert_reason (error, input->name);
        }
    }
}

/* ------------------------------------------------------------------ */
/* CSV files                                                          */

/* The names of @data as the import would read them: trimmed, in order. */
static GPtrArray *
expected_names (const char *data, gsize length)
{
  g_autoptr (CdCsvDocument) document = cd_csv_parse (data, length, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  int column = -1;

  g_assert_nonnull (document);
  for (guint c = 0; document != NULL && c < ((CdCsvRecord *) document->records->pdata[0])->fields->len; c++)
    {
      g_autofree char *trimmed = cd_csv_trim (cd_csv_record_field (document->records->pdata[0], c)->str);
      g_autofree char *folded = cd_csv_fold_header (trimmed);

      if (g_str_equal (folded, "name") || g_str_equal (folded, "名称"))
        column = (int) c;
    }
  g_assert_cmpint (column, >=, 0);
  for (guint r = 1; document != NULL && r < document->records->len; r++)
    {
      const GString *field = cd_csv_record_field (document->records->pdata[r], (guint) column);

      if (field != NULL && field->len > 0)
        g_ptr_array_add (names, cd_csv_trim (field->str));
    }
  return names;
}

static GPtrArray *
stored_names (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "SELECT name FROM client WHERE id > 1 ORDER BY id", -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strndup ((const char *) sqlite3_column_text (stmt, 0),
                                       (gsize) sqlite3_column_bytes (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return names;
}

static void
import_one (Fixture *f, const Input *input, const char *file)
{
  g_autoptr (CdImportReport) dry = NULL;
  g_autoptr (CdImportReport) real = NULL;
  g_autoptr (GError) dry_error = NULL;
  g_autoptr (GError) real_error = NULL;
  gint64 before = cd_store_query_int (f->store, "SELECT count(*) FROM client", NULL);
  gboolean dry_ok = cd_import_csv (f->store, CD_KIND_CLIENTS, file, TRUE, &dry, &dry_error);
  gboolean real_ok = cd_import_csv (f->store, CD_KIND_CLIENTS, file, FALSE, &real, &real_error);
  gint64 after = cd_store_query_int (f->store, "SELECT count(*) FROM client", NULL);

  g_test_message ("csv %s: dry run %s, import %s", input->name,
                  dry_ok ? "ok" : dry_error->message, real_ok ? "ok" : real_error->message);
  /* A dry run tells the truth about the real import. */
  g_assert_cmpint (dry_ok, ==, real_ok);
  for (guint i = 0; real != NULL && i < real->problems->len; i++)
    {
      const CdImportProblem *problem = real->problems->pdata[i];
      g_autofree char *line = cd_import_problem_to_string (problem);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_true (g_utf8_validate (line, -1, NULL));
    }
  if (real_ok)
    {
      gsize length;
      const char *data = input_data (input, &length);
      g_autoptr (GPtrArray) expected = expected_names (data, length);
      g_autoptr (GPtrArray) stored = stored_names (f->path);

      g_assert_cmpint (after - before, ==, real->rows_imported);
      g_assert_cmpuint (stored->len, ==, expected->len);
      for (guint i = 0; i < MIN (stored->len, expected->len); i++)
        g_assert_cmpstr (stored->pdata[i], ==, expected->pdata[i]);
    }
  else
    {
      assert_reason (real_error, input->name);
      g_assert_cmpint (after, ==, before);
    }
  if (g_str_has_prefix (input->name, "ok-"))
    g_assert_true (real_ok);
  else if (g_str_has_prefix (input->name, "bad-"))
    g_assert_false (real_ok);
}

static void
test_csv_reader_and_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = corpus ("csv");

  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *file = g_build_filename (f->dir, input->name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdCsvDocument) document = NULL;
      gsize length;
      const char *bytes = input_data (input, &length);

      document = cd_csv_parse (bytes, length, &error);
      for (guint r = 0; document != NULL && r < document->records->len; r++)
        {
          const CdCsvRecord *record = document->records->pdata[r];
          g_assert_true (record->problem == NULL || g_utf8_validate (record->problem, -1, NULL));
        }
      if (document == NULL)
        assert_reason (error, input->name);

      g_assert_true (g_file_set_contents (file, bytes, (gssize) length, NULL));
      import_one (f, input, file);
      /* Each file starts from the same clients. */
      g_assert_true (cd_store_exec (f->store, "DELETE FROM contact; DELETE FROM client WHERE id > 1", NULL));
    }
}

/* A file with one UTF-8 line and one GB18030 line cannot be read right as
 * either: it must be refused, not imported as mojibake. */
static void
test_mixed_encodings_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *file = rel_source_path ("tests/data/hostile/csv/any-mixed-encodings.csv");
  g_autoptr (CdImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (cd_import_csv (f->store, CD_KIND_CLIENTS, file, TRUE, &report, &error));
  assert_reason (error, "any-mixed-encodings.csv");
}

/* The command line: 0 and a summary, or 1 with every problem on a line
 * of its own ("line N…") and the reason last; nothing else. */
static void
test_import_command (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = corpus ("csv");

  g_clear_object (&f->store);
  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = inputs->pdata[i];
      g_autofree char *file = g_build_filename (f->dir, input->name, NULL);
      gsize length;
      const char *bytes = input_data (input, &length);

      g_assert_true (g_file_set_contents (file, bytes, (gssize) length, NULL));
      for (int dry = 1; dry >= 0; dry--)
        {
          const char *args[] = { "--db", f->path, "import", "clients", file, dry ? "--dry-run" : NULL, NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_auto (GStrv) lines = NULL;
          int status = rel_run_cli (args, &out, &err);

          g_assert_true (status == 0 || status == 1);
          g_assert_true (g_utf8_validate (out, -1, NULL) && g_utf8_validate (err, -1, NULL));
          if (g_str_has_prefix (input->name, "ok-"))
            g_assert_cmpint (status, ==, 0);
          if (g_str_has_prefix (input->name, "bad-"))
            g_assert_cmpint (status, ==, 1);
          if (status == 1)
            g_assert_cmpstr (out, ==, "");
          lines = g_strsplit (err, "\n", -1);
          for (guint l = 0; lines[l] != NULL; l++)
            if (lines[l][0] != '\0' && !g_str_has_prefix (lines[l], "line ")
                && !g_str_has_prefix (lines[l], "clientdesk-cli: "))
              g_test_fail_printf ("%s: a stray line on stderr: %s", input->name, lines[l]);
        }
      g_assert_cmpint (rel_raw_exec (f->path, "DELETE FROM contact; DELETE FROM client WHERE id > 1", NULL),
                       ==, 0);
    }
}

/* Formula-looking names go in as text and come back from `list --json`
 * exactly as they were. */
static void
test_formulas_listed_back_unchanged (Fixture *f, gconstpointer data)
{
  g_autofree char *file = rel_source_path ("tests/data/hostile/csv/ok-formulas.csv");
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GVariant) json = NULL;
  gsize length = 0;
  const char *import[] = { "--db", f->path, "import", "clients", file, NULL };
  const char *list[] = { "--db", f->path, "list", "clients", "--json", NULL };

  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (file, &csv, &length, NULL));
  expected = expected_names (csv, length);
  g_assert_cmpuint (expected->len, ==, 3);
  g_assert_cmpint (rel_run_cli (import, NULL, NULL), ==, 0);
  g_assert_cmpint (rel_run_cli (list, &out, NULL), ==, 0);
  json = cd_parse_json (out);
  g_assert_nonnull (json);
  for (guint i = 0; json != NULL && i < expected->len; i++)
    {
      gboolean found = FALSE;

      for (gsize r = 0; r < g_variant_n_children (json); r++)
        {
          g_autoptr (GVariant) boxed = g_variant_get_child_value (json, r);
          g_autoptr (GVariant) row = g_variant_get_variant (boxed);
          const char *name = NULL;

          if (g_variant_lookup (row, "name", "&s", &name) && g_strcmp0 (name, expected->pdata[i]) == 0)
            found = TRUE;
        }
      if (!found)
        g_test_fail_printf ("“%s” did not come back unchanged", (char *) expected->pdata[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  g_test_add_func ("/reliability/hostile/amounts-are-parsed-or-refused-with-one-line", test_amounts);
  g_test_add_func ("/reliability/hostile/amounts-named-in-the-issue", test_amounts_named_in_the_issue);
  g_test_add_func ("/reliability/hostile/money-words-command-agrees-with-the-parser", test_money_words_command);
  ADD ("/reliability/hostile/dates-are-real-days-or-refused", test_dates);
  g_test_add_func ("/reliability/hostile/deadline-command-refuses-impossible-days", test_deadline_command);
  ADD ("/reliability/hostile/text-in-quotes-is-stored-verbatim-or-refused", test_text_in_quotes);
  ADD ("/reliability/hostile/text-in-settings-is-stored-verbatim", test_text_in_settings);
  ADD ("/reliability/hostile/direction-controls-are-refused-in-quotes-and-contracts", test_direction_controls);
  ADD ("/reliability/hostile/direction-controls-are-refused-in-clients-suppliers-and-payments",
       test_direction_controls_in_clients_and_suppliers);
  ADD ("/reliability/hostile/searches-answer-or-refuse", test_text_in_searches);
  ADD ("/reliability/hostile/numbering-patterns-are-valid-or-refused", test_numbering_patterns);
  g_test_add_func ("/reliability/hostile/holiday-calendars-load-or-are-refused", test_holiday_calendars);
  ADD ("/reliability/hostile/csv-files-import-verbatim-or-are-refused", test_csv_reader_and_import);
  ADD ("/reliability/hostile/import-command-keeps-its-contract", test_import_command);
  ADD ("/reliability/hostile/csv-mixing-encodings-is-refused", test_mixed_encodings_refused);
  ADD ("/reliability/hostile/formulas-are-listed-back-unchanged", test_formulas_listed_back_unchanged);
#undef ADD

  return g_test_run ();
}
