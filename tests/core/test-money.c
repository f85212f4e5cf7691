/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib.h>

#include "core/cd-money.h"

typedef struct
{
  const char *text;
  gint64      fen;
} Good;

typedef struct
{
  const char *text;
  int         code;
} Bad;

static void
check_good (const Good *cases, gsize n, CdMoneyParseFlags flags)
{
  gsize i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = G_MININT64;
      gboolean ok = cd_money_parse (cases[i].text, flags, &fen, &error);

      g_assert_no_error (error);
      g_assert_true (ok);
      if (fen != cases[i].fen)
        g_test_message ("case %" G_GSIZE_FORMAT " read wrong", i);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
check_bad (const Bad *cases, gsize n, CdMoneyParseFlags flags)
{
  gsize i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 42;
      gboolean ok = cd_money_parse (cases[i].text, flags, &fen, &error);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, error ? error->message : "(accepted)");
      g_assert_false (ok);
      g_assert_error (error, CD_MONEY_ERROR, cases[i].code);
      g_assert_cmpint (fen, ==, 42);      /* untouched on failure */
      if (error != NULL)
        {
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpuint (strlen (error->message), <, 300);
        }
    }
}

static void
test_parse_accepts_common_forms (void)
{
  static const Good cases[] = {
    { "1,234.56", 123456 },
    { "¥1234.5", 123450 },
    { "￥1234.5", 123450 },
    { "1234", 123400 },
    { " 12.3 ", 1230 },
    { "\t12.30\n", 1230 },
    { "　12　", 1200 },              /* ideographic spaces around */
    { "-0", 0 },
    { "-0.00", 0 },
    { "0", 0 },
    { "0.01", 1 },
    { ".5", 50 },
    { "5.", 500 },
    { "1,234,567.8", 123456780 },
    { "1,234", 123400 },
    { "123,456", 12345600 },
    { "007", 700 },
    { "0000000000000000000000000000001.00", 100 },
    { "¥0.05", 5 },
    { "999,999,999,999.99", CD_MONEY_MAX_FEN },
    { "999999999999.99", CD_MONEY_MAX_FEN },
  };

  check_good (cases, G_N_ELEMENTS (cases), CD_MONEY_PARSE_DEFAULT);
}

/* Full-width forms are accepted by normalising them (see normalise_char in
 * cd-money.c): a Chinese input method in full-width mode types them. */
static void
test_parse_normalises_full_width_digits (void)
{
  static const Good cases[] = {
    { "１２３", 12300 },
    { "１，２３４．５６", 123456 },
    { "￥１２３．４", 12340 },
    { "1２3.4５", 12345 },
  };
  static const Bad bad[] = {
    { "１２。５", CD_MONEY_ERROR_INVALID },     /* 。 is not a decimal point */
    { "１、２３４", CD_MONEY_ERROR_INVALID },
    { "１２,３４", CD_MONEY_ERROR_INVALID },
  };

  check_good (cases, G_N_ELEMENTS (cases), CD_MONEY_PARSE_DEFAULT);
  check_bad (bad, G_N_ELEMENTS (bad), CD_MONEY_PARSE_DEFAULT);
}

static void
test_parse_negative_only_when_allowed (void)
{
  static const Good good[] = {
    { "-5.00", -500 },
    { "-¥1,234.56", -123456 },
    { "¥-1,234.56", -123456 },
    { "－５", -500 },
    { "−5", -500 },                        /* U+2212 MINUS SIGN */
    { "-999999999999.99", -CD_MONEY_MAX_FEN },
    { "-0", 0 },
  };
  static const Bad bad[] = {
    { "-5.00", CD_MONEY_ERROR_NEGATIVE },
    { "-¥1", CD_MONEY_ERROR_NEGATIVE },
    { "-0.01", CD_MONEY_ERROR_NEGATIVE },
  };
  static const Bad bad_anyway[] = {
    { "--5", CD_MONEY_ERROR_INVALID },
    { "-¥-5", CD_MONEY_ERROR_INVALID },
    { "5-", CD_MONEY_ERROR_INVALID },
    { "+5", CD_MONEY_ERROR_INVALID },
  };
  g_autoptr(GError) error = NULL;

  check_good (good, G_N_ELEMENTS (good), CD_MONEY_PARSE_ALLOW_NEGATIVE);
  check_bad (bad, G_N_ELEMENTS (bad), CD_MONEY_PARSE_DEFAULT);
  check_bad (bad_anyway, G_N_ELEMENTS (bad_anyway), CD_MONEY_PARSE_ALLOW_NEGATIVE);

  /* The message says what to do. */
  g_assert_false (cd_money_parse ("-5", 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“-5”"));
  g_assert_nonnull (strstr (error->message, "negative"));
}

static void
test_parse_refuses_what_is_not_an_amount (void)
{
  static const Bad cases[] = {
    { "", CD_MONEY_ERROR_EMPTY },
    { "   ", CD_MONEY_ERROR_EMPTY },
    { "abc", CD_MONEY_ERROR_INVALID },
    { "1.234.5", CD_MONEY_ERROR_INVALID },
    { "1e9", CD_MONEY_ERROR_INVALID },
    { "0x10", CD_MONEY_ERROR_INVALID },
    { "12,34", CD_MONEY_ERROR_INVALID },
    { "1,23", CD_MONEY_ERROR_INVALID },
    { ",123", CD_MONEY_ERROR_INVALID },
    { "1234,567", CD_MONEY_ERROR_INVALID },
    { "1,2345", CD_MONEY_ERROR_INVALID },
    { "1,234,", CD_MONEY_ERROR_INVALID },
    { "1,,234", CD_MONEY_ERROR_INVALID },
    { "1.2,3", CD_MONEY_ERROR_INVALID },
    { "1 234", CD_MONEY_ERROR_INVALID },
    { ".", CD_MONEY_ERROR_INVALID },
    { "-", CD_MONEY_ERROR_INVALID },
    { "¥", CD_MONEY_ERROR_INVALID },
    { "¥¥5", CD_MONEY_ERROR_INVALID },
    { "5¥", CD_MONEY_ERROR_INVALID },
    { "NaN", CD_MONEY_ERROR_INVALID },
    { "inf", CD_MONEY_ERROR_INVALID },
    { "💰12", CD_MONEY_ERROR_INVALID },
    { "12💰", CD_MONEY_ERROR_INVALID },
    { "\xe2\x80\x8f" "12", CD_MONEY_ERROR_INVALID },  /* RIGHT-TO-LEFT MARK */
    { "١٢٣", CD_MONEY_ERROR_INVALID },               /* Arabic-Indic digits */
    { "\xff" "12", CD_MONEY_ERROR_INVALID },
    { "12\xc3", CD_MONEY_ERROR_INVALID },
    { "一百", CD_MONEY_ERROR_INVALID },
    { "1.234", CD_MONEY_ERROR_PRECISION },
    { "1.230", CD_MONEY_ERROR_PRECISION },  /* maybe a European 1230: ask */
    { "0.001", CD_MONEY_ERROR_PRECISION },
    { "1,234.5678", CD_MONEY_ERROR_PRECISION },
    { "1000000000000", CD_MONEY_ERROR_OVERFLOW },
    { "999999999999.991", CD_MONEY_ERROR_PRECISION },
    { "1,000,000,000,000.00", CD_MONEY_ERROR_OVERFLOW },
    { "99999999999999999999999999999999", CD_MONEY_ERROR_OVERFLOW },
    { "18446744073709551616", CD_MONEY_ERROR_OVERFLOW },
    { "9223372036854775807", CD_MONEY_ERROR_OVERFLOW },
  };
  g_autoptr(GError) error = NULL;

  check_bad (cases, G_N_ELEMENTS (cases), CD_MONEY_PARSE_DEFAULT);

  g_assert_false (cd_money_parse (NULL, 0, NULL, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_false (cd_money_parse ("abc", 0, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "“abc” is not an amount: use digits with at most two decimals, such as 1,234.56.");
  g_clear_error (&error);

  g_assert_false (cd_money_parse ("1.234", 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "two decimals"));
}

static void
test_parse_survives_hostile_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nines = g_strnfill (10000, '9');
  g_autofree char *letters = g_strnfill (10000, 'a');
  g_autoptr(GString) zeros = g_string_new (NULL);
  g_autoptr(GString) emoji = g_string_new (NULL);
  gint64 fen = 0;
  guint i;

  g_assert_false (cd_money_parse (nines, 0, NULL, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_OVERFLOW);
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
  g_clear_error (&error);

  g_assert_false (cd_money_parse (letters, 0, NULL, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
  g_assert_nonnull (strstr (error->message, "…"));
  g_clear_error (&error);

  /* Ten thousand leading zeros are still a small amount. */
  for (i = 0; i < 10000; i++)
    g_string_append_c (zeros, '0');
  g_string_append (zeros, "12.34");
  g_assert_true (cd_money_parse (zeros->str, 0, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, 1234);

  for (i = 0; i < 2000; i++)
    g_string_append (emoji, "😀");
  g_assert_false (cd_money_parse (emoji->str, 0, NULL, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* Invalid UTF-8 never reaches the message as it is. */
  g_assert_false (cd_money_parse ("\xff\xfe\xfd", 0, NULL, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A NUL inside pasted data is refused, not silently cut. */
  g_assert_false (cd_money_parse_len ("12\0abc", 6, 0, &fen, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  g_assert_false (cd_money_parse_len ("12\0", 3, 0, &fen, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  g_clear_error (&error);
  /* A length shorter than the string reads only that much. */
  g_assert_true (cd_money_parse_len ("12.345", 5, 0, &fen, &error));
  g_assert_cmpint (fen, ==, 1234);
  g_assert_true (cd_money_parse_len ("", 0, 0, &fen, NULL) == FALSE);
}

static void
test_format_groups_thousands (void)
{
  static const struct { gint64 fen; const char *text; const char *plain; } cases[] = {
    { 123456, "¥1,234.56", "1234.56" },
    { -123456, "-¥1,234.56", "-1234.56" },
    { 0, "¥0.00", "0.00" },
    { 5, "¥0.05", "0.05" },
    { -5, "-¥0.05", "-0.05" },
    { 100, "¥1.00", "1.00" },
    { 99999, "¥999.99", "999.99" },
    { 100000, "¥1,000.00", "1000.00" },
    { 100000000, "¥1,000,000.00", "1000000.00" },
    { CD_MONEY_MAX_FEN, "¥999,999,999,999.99", "999999999999.99" },
    { G_MININT64, "-¥92,233,720,368,547,758.08", "-92233720368547758.08" },
    { G_MAXINT64, "¥92,233,720,368,547,758.07", "92233720368547758.07" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cd_money_format (cases[i].fen);
      g_autofree char *plain = cd_money_format_plain (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

static void
test_format_and_parse_round_trip (void)
{
  guint i;

  for (i = 0; i < 20000; i++)
    {
      gint64 fen = ((gint64) g_test_rand_int_range (0, 1000000) * 100000000
                    + g_test_rand_int_range (0, 100000000)) % (CD_MONEY_MAX_FEN + 1);
      g_autofree char *a = NULL, *b = NULL;
      gint64 back = -1;

      if (i % 3 == 0)
        fen = g_test_rand_int_range (0, 100000);
      if (i % 2 == 1)
        fen = -fen;
      a = cd_money_format (fen);
      b = cd_money_format_plain (fen);
      g_assert_true (cd_money_parse (a, CD_MONEY_PARSE_ALLOW_NEGATIVE, &back, NULL));
      g_assert_cmpint (back, ==, fen);
      back = -1;
      g_assert_true (cd_money_parse (b, CD_MONEY_PARSE_ALLOW_NEGATIVE, &back, NULL));
      g_assert_cmpint (back, ==, fen);
    }
}

static void
check_words (gint64 fen, const char *expected)
{
  g_autofree char *words = cd_money_to_words (fen);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_words_follow_pboc_rules (void)
{
  /* The brief's and PBOC's own examples. */
  check_words (140950, "壹仟肆佰零玖元伍角");
  check_words (10000000000, "壹亿元整");
  check_words (1000550, "壹万零伍元伍角");
  check_words (10700053, "壹拾万柒仟元伍角叁分");
  check_words (100100010, "壹佰万壹仟元壹角");
  check_words (168032, "壹仟陆佰捌拾元叁角贰分");
  check_words (600714, "陆仟零柒元壹角肆分");
  check_words (32504, "叁佰贰拾伍元零肆分");
  check_words (2000, "贰拾元整");
  check_words (5, "伍分");
  check_words (0, "零元整");
  check_words (1640902, "壹万陆仟肆佰零玖元零贰分");
  check_words (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分");
}

static void
test_words_write_yi_shi_and_zeros (void)
{
  /* 壹拾, never a bare 拾, also at the start. */
  check_words (1000, "壹拾元整");
  check_words (1500, "壹拾伍元整");
  check_words (1010, "壹拾元壹角");
  check_words (101000, "壹仟零壹拾元整");
  check_words (11000, "壹佰壹拾元整");
  check_words (100000000000, "壹拾亿元整");
  /* One 零 per run of zeros, across 万 and 亿. */
  check_words (10000000100, "壹亿零壹元整");
  check_words (10001000000, "壹亿零壹万元整");
  check_words (100010000, "壹佰万零壹佰元整");
  check_words (10010000100, "壹亿零壹拾万零壹元整");
  check_words (10000100000, "壹亿壹仟元整");   /* 万 digit zero, 仟 not */
  check_words (100000100, "壹佰万零壹元整");
  check_words (1100000000, "壹仟壹佰万元整");
  check_words (50000000, "伍拾万元整");
  check_words (1000001, "壹万元零壹分");
  /* 角 and 分 alone. */
  check_words (1, "壹分");
  check_words (10, "壹角");
  check_words (50, "伍角");
  check_words (99, "玖角玖分");
  check_words (101, "壹元零壹分");
  check_words (110, "壹元壹角");
  /* Limits and sign. */
  check_words (CD_MONEY_MAX_FEN, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
  check_words (-CD_MONEY_MAX_FEN, "负玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
  check_words (-32504, "负叁佰贰拾伍元零肆分");
  check_words (-5, "负伍分");
}

/* An independent reader of capitals, to check random amounts both ways. */
static gint64
read_words (const char *words)
{
  static const char *digits = "零壹贰叁肆伍陆柒捌玖";
  gint64 total = 0, section = 0, number = 0, yuan = 0, frac = 0;
  gboolean negative = g_str_has_prefix (words, "负");
  const char *p = negative ? words + strlen ("负") : words;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *d = g_utf8_strchr (digits, -1, c);

      if (d != NULL)
        number = g_utf8_pointer_to_offset (digits, d);
      else if (c == 0x62FE) section += number * 10, number = 0;          /* 拾 */
      else if (c == 0x4F70) section += number * 100, number = 0;         /* 佰 */
      else if (c == 0x4EDF) section += number * 1000, number = 0;        /* 仟 */
      else if (c == 0x4E07) total += (section + number) * 10000, section = number = 0;   /* 万 */
      else if (c == 0x4EBF) total = (total + section + number) * 100000000, section = number = 0; /* 亿 */
      else if (c == 0x5143) yuan = total + section + number, total = section = number = 0; /* 元 */
      else if (c == 0x89D2) frac += number * 10, number = 0;             /* 角 */
      else if (c == 0x5206) frac += number, number = 0;                  /* 分 */
      else if (c == 0x6574) ;                                            /* 整 */
      else
        return G_MININT64;
    }
  return (negative ? -1 : 1) * (yuan * 100 + frac);
}

static void
test_words_of_random_amounts_read_back (void)
{
  guint i;

  for (i = 0; i < 50000; i++)
    {
      g_autofree char *words = NULL;
      gint64 fen = 0;
      guint k;

      /* Fourteen digits, half of them zero: zeros are where the rules bite. */
      for (k = 0; k < 14; k++)
        fen = fen * 10 + (g_test_rand_bit () ? 0 : g_test_rand_int_range (1, 10));
      if (i % 2 == 1)
        fen = -fen;
      words = cd_money_to_words (fen);

      g_assert_cmpint (read_words (words), ==, fen);
      g_assert_null (strstr (words, "零零"));
      g_assert_false (fen != 0 && g_str_has_prefix (words, "零"));
      g_assert_false (g_str_has_suffix (words, "零"));
      g_assert_null (strstr (words, "分整"));
      g_assert_null (strstr (words, "角整"));
      g_assert_true (g_str_has_suffix (words, "整") == (fen % 100 == 0));
      g_assert_false (g_str_has_prefix (words, "拾"));
      g_assert_null (strstr (words, "零拾"));
      g_assert_null (strstr (words, "零万"));
      g_assert_null (strstr (words, "零亿"));
      g_assert_true (fen == 0 || strstr (words, "零元") == NULL);
    }
}

static void
test_quantities_parse_and_format (void)
{
  static const struct { const char *text; gint64 milli; } good[] = {
    { "2", 2000 }, { "0.5", 500 }, { "0.001", 1 }, { "1,000", 1000000 },
    { " 12.25 ", 12250 }, { "１.５", 1500 }, { "-0", 0 }, { "0", 0 },
    { "999,999,999.999", CD_QUANTITY_MAX_MILLI },
  };
  static const struct { const char *text; int code; } bad[] = {
    { "", CD_MONEY_ERROR_EMPTY }, { "-1", CD_MONEY_ERROR_NEGATIVE },
    { "-0.5", CD_MONEY_ERROR_NEGATIVE }, { "0.0001", CD_MONEY_ERROR_PRECISION },
    { "¥2", CD_MONEY_ERROR_INVALID }, { "2 pcs", CD_MONEY_ERROR_INVALID },
    { "1,00", CD_MONEY_ERROR_INVALID }, { "1000000000", CD_MONEY_ERROR_OVERFLOW },
    { "1e3", CD_MONEY_ERROR_INVALID }, { "½", CD_MONEY_ERROR_INVALID },
  };
  static const struct { gint64 milli; const char *text; } formats[] = {
    { 1500, "1.5" }, { 2000, "2" }, { 1, "0.001" }, { 0, "0" }, { 10, "0.01" },
    { 100, "0.1" }, { 1234500, "1,234.5" }, { 1000000, "1,000" }, { 12250, "12.25" },
    { CD_QUANTITY_MAX_MILLI, "999,999,999.999" }, { -1500, "-1.5" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 milli = -1;

      g_assert_true (cd_quantity_parse (good[i].text, &milli, &error));
      g_assert_no_error (error);
      g_assert_cmpint (milli, ==, good[i].milli);
    }
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cd_quantity_parse (bad[i].text, NULL, &error));
      g_assert_error (error, CD_MONEY_ERROR, bad[i].code);
      if (error != NULL)
        g_test_message ("%s", error->message);
    }
  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = cd_quantity_format (formats[i].milli);
      gint64 back = -1;

      g_assert_cmpstr (text, ==, formats[i].text);
      if (formats[i].milli >= 0)
        {
          g_assert_true (cd_quantity_parse (text, &back, NULL));
          g_assert_cmpint (back, ==, formats[i].milli);
        }
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cd_quantity_parse_len ("1\0" "2", 3, NULL, &error));
    g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_INVALID);
  }
}

static void
test_line_amount_rounds_half_up_exactly (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  g_assert_cmpint (cd_money_line_amount (2000, 12345, 0), ==, 24690);
  /* 1.5 × 3.33 = 4.995 → 5.00 */
  g_assert_cmpint (cd_money_line_amount (1500, 333, 0), ==, 500);
  /* 0.333 × 1.50 = 0.4995 → 0.50 */
  g_assert_cmpint (cd_money_line_amount (333, 150, 0), ==, 50);
  /* half a fen goes up, less than half goes down */
  g_assert_cmpint (cd_money_line_amount (500, 1, 0), ==, 1);
  g_assert_cmpint (cd_money_line_amount (499, 1, 0), ==, 0);
  g_assert_cmpint (cd_money_line_amount (1, 1, 0), ==, 0);
  /* discounts in basis points: 10 %, 15 %, 50 %, 100 % */
  g_assert_cmpint (cd_money_line_amount (1000, 10000, 1000), ==, 9000);
  g_assert_cmpint (cd_money_line_amount (1000, 333, 1500), ==, 283);  /* 283.05 */
  g_assert_cmpint (cd_money_line_amount (3000, 1, 1500), ==, 3);      /* 2.55 */
  g_assert_cmpint (cd_money_line_amount (1000, 1, 5000), ==, 1);      /* 0.5 */
  g_assert_cmpint (cd_money_line_amount (1000, 123456, 10000), ==, 0);
  g_assert_cmpint (cd_money_line_amount (0, 123456, 0), ==, 0);
  /* a credit line is the exact opposite of the debit line */
  g_assert_cmpint (cd_money_line_amount (1000, -333, 1500), ==, -283);
  g_assert_cmpint (cd_money_line_amount (500, -1, 0), ==, -1);
  /* beyond what a double holds exactly: 123,456,789.123 × 4,567.89 */
  g_assert_cmpint (cd_money_line_amount (123456789123, 456789, 0), ==, 56393703246706);
  g_assert_cmpint (cd_money_line_amount (123456789123, 456789, 1234), ==, 49434720266063);

  g_assert_true (cd_money_line_amount_checked (1500, 333, 0, &fen, &error));
  g_assert_cmpint (fen, ==, 500);
  g_assert_false (cd_money_line_amount_checked (CD_QUANTITY_MAX_MILLI, CD_MONEY_MAX_FEN, 0,
                                                &fen, &error));
  g_assert_error (error, CD_MONEY_ERROR, CD_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (fen, ==, 500);
  g_assert_cmpint (cd_money_line_amount (CD_QUANTITY_MAX_MILLI, CD_MONEY_MAX_FEN, 0), ==, CD_MONEY_MAX_FEN);
  g_assert_cmpint (cd_money_line_amount (CD_QUANTITY_MAX_MILLI, -CD_MONEY_MAX_FEN, 0), ==, -CD_MONEY_MAX_FEN);
  /* extreme operands do not overflow the arithmetic itself */
  g_assert_cmpint (cd_money_line_amount (G_MAXINT64, G_MAXINT64, 0), ==, CD_MONEY_MAX_FEN);
  g_assert_cmpint (cd_money_line_amount (G_MININT64, 1, 0), ==, -CD_MONEY_MAX_FEN);
  g_assert_cmpint (cd_money_line_amount (G_MININT64, G_MININT64, 9999), ==, CD_MONEY_MAX_FEN);
  g_assert_cmpint (cd_money_line_amount (G_MININT64, G_MININT64, 10000), ==, 0);
  g_assert_false (cd_money_line_amount_checked (G_MAXINT64, -1, 0, NULL, NULL));
}

static void
test_tax_and_shares_round_half_up (void)
{
  const int thirds[] = { 3333, 3333, 3334 };
  const int halves[] = { 5000, 5000 };
  const int one[] = { 10000 };
  gint64 out[3];

  g_assert_cmpint (cd_money_tax (10000, 600), ==, 600);
  g_assert_cmpint (cd_money_tax (12345, 600), ==, 741);    /* 740.7 */
  g_assert_cmpint (cd_money_tax (12345, 1300), ==, 1605);  /* 1604.85 */
  g_assert_cmpint (cd_money_tax (25, 600), ==, 2);         /* 1.5 */
  g_assert_cmpint (cd_money_tax (8, 600), ==, 0);          /* 0.48 */
  g_assert_cmpint (cd_money_tax (-25, 600), ==, -2);
  g_assert_cmpint (cd_money_tax (0, 1300), ==, 0);
  g_assert_cmpint (cd_money_tax (CD_MONEY_MAX_FEN, 1300), ==, 13000000000000); /* …99.87 */

  g_assert_cmpint (cd_money_share (100000, 3000), ==, 30000);
  g_assert_cmpint (cd_money_share (100, 3333), ==, 33);
  g_assert_cmpint (cd_money_share (1, 5000), ==, 1);
  g_assert_cmpint (cd_money_share (3, 5000), ==, 2);       /* 1.5 */
  g_assert_cmpint (cd_money_share (CD_MONEY_MAX_FEN, 10000), ==, CD_MONEY_MAX_FEN);

  cd_money_split (100, thirds, 3, out);
  g_assert_cmpint (out[0], ==, 33);
  g_assert_cmpint (out[1], ==, 33);
  g_assert_cmpint (out[2], ==, 34);
  cd_money_split (10001, halves, 2, out);
  g_assert_cmpint (out[0], ==, 5001);
  g_assert_cmpint (out[1], ==, 5000);
  g_assert_cmpint (out[0] + out[1], ==, 10001);
  cd_money_split (777, one, 1, out);
  g_assert_cmpint (out[0], ==, 777);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/money/parse-accepts-common-forms", test_parse_accepts_common_forms);
  g_test_add_func ("/core/money/parse-normalises-full-width-digits", test_parse_normalises_full_width_digits);
  g_test_add_func ("/core/money/parse-accepts-negatives-only-when-allowed", test_parse_negative_only_when_allowed);
  g_test_add_func ("/core/money/parse-refuses-what-is-not-an-amount", test_parse_refuses_what_is_not_an_amount);
  g_test_add_func ("/core/money/parse-survives-hostile-input", test_parse_survives_hostile_input);
  g_test_add_func ("/core/money/format-groups-thousands", test_format_groups_thousands);
  g_test_add_func ("/core/money/format-and-parse-round-trip", test_format_and_parse_round_trip);
  g_test_add_func ("/core/money/words-follow-pboc-rules", test_words_follow_pboc_rules);
  g_test_add_func ("/core/money/words-write-yi-shi-and-one-zero-per-run", test_words_write_yi_shi_and_zeros);
  g_test_add_func ("/core/money/words-of-random-amounts-read-back", test_words_of_random_amounts_read_back);
  g_test_add_func ("/core/money/quantities-parse-and-format", test_quantities_parse_and_format);
  g_test_add_func ("/core/money/line-amount-rounds-half-up-exactly", test_line_amount_rounds_half_up_exactly);
  g_test_add_func ("/core/money/tax-and-shares-round-half-up", test_tax_and_shares_round_half_up);

  return g_test_run ();
}
