/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Money and quantities.
 *
 * THE ROUNDING RULE of ClientDesk (the only place it is written down):
 *
 *   Amounts are whole fen (分). Whenever a computation produces a fraction of
 *   a fen — a line amount (quantity × unit price × (1 − discount)), a tax
 *   (amount × rate), a share of a total (installments) — the exact result is
 *   computed in integer arithmetic (128-bit intermediates, no floating point)
 *   and rounded ONCE, at the end, half up: a remainder of exactly half a fen
 *   or more goes to the next fen (0.5 → 1, 0.49 → 0). Negative results are
 *   rounded by magnitude (−0.5 → −1), so that a credit line is always the
 *   exact opposite of the matching debit line.
 *
 *   Rounding happens per line and per document: a document's tax is computed
 *   on the sum of its rounded line amounts, never summed from per-line taxes.
 *   Installments are shares of the contract total; the last installment takes
 *   whatever is left (cd_money_split()), so they always add up to the total.
 *
 * Quantities are thousandths (milli); unit prices are fen; discounts, tax
 * rates and percentages are basis points (1 bp = 0.01 %, 10000 = 100 %).
 */
#define G_LOG_DOMAIN "cd-core"

#include <string.h>
#include <glib/gi18n.h>

#include "cd-money.h"

#ifndef __SIZEOF_INT128__
#error "cd-money.c needs a compiler with __int128 for exact money arithmetic"
#endif

typedef __int128 CdWide;

typedef enum
{
  KIND_MONEY,
  KIND_QUANTITY,
} ValueKind;

typedef struct
{
  ValueKind kind;
  int       max_decimals;
  gint64    scale;
  gint64    max_value;
  gboolean  allow_currency;
  gboolean  allow_negative;
} ParseSpec;

/* The currency sign after normalisation, inside the ASCII buffer. */
#define CURRENCY_MARK 'Y'

/* How much of the user's text an error message quotes. */
#define QUOTE_MAX_CHARS 24

G_DEFINE_QUARK (cd-money-error-quark, cd_money_error)

/* ---------------------------------------------------------------------- */
/* Parsing                                                                 */

/* A printable excerpt of what was typed, for error messages: invalid bytes
 * and control characters (NUL included) become U+FFFD, long text is cut. */
static char *
quote_input (const char *text,
             gsize       length)
{
  /* make_valid turns bad bytes and NULs alike into U+FFFD. */
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) length);
  GString *out = g_string_new (NULL);
  const char *p = valid;
  guint n = 0;

  for (; *p != '\0' && n < QUOTE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static void
set_error (GError         **error,
           CdMoneyError     code,
           const ParseSpec *spec,
           const char      *text,
           gsize            length)
{
  g_autofree char *q = quote_input (text, length);
  gboolean money = spec->kind == KIND_MONEY;

  switch (code)
    {
    case CD_MONEY_ERROR_EMPTY:
      g_set_error_literal (error, CD_MONEY_ERROR, code,
                           money ? _("Enter an amount, such as 1,234.56.")
                                 : _("Enter a quantity, such as 2 or 0.5."));
      break;
    case CD_MONEY_ERROR_INVALID:
      if (money)
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” is not an amount: use digits with at most two decimals, such as 1,234.56."), q);
      else
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” is not a quantity: use digits with at most three decimals, such as 2 or 0.5."), q);
      break;
    case CD_MONEY_ERROR_PRECISION:
      if (money)
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” has more than two decimals: amounts are counted in fen (0.01)."), q);
      else
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” has more than three decimals: quantities are counted in thousandths (0.001)."), q);
      break;
    case CD_MONEY_ERROR_OVERFLOW:
      if (money)
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” is too large: the largest amount is 999,999,999,999.99."), q);
      else
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” is too large: the largest quantity is 999,999,999.999."), q);
      break;
    case CD_MONEY_ERROR_NEGATIVE:
      if (money)
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” is negative: enter an amount of zero or more."), q);
      else
        g_set_error (error, CD_MONEY_ERROR, code,
                     _("“%s” is negative: enter a quantity of zero or more."), q);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Maps one character of the user's text to the ASCII the grammar reads, or 0
 * for a character that has no place in a number.
 *
 * Full-width forms are ACCEPTED: a Chinese input method in full-width mode
 * types "１２３，４５６．７８" for 123,456.78, and refusing what the user
 * plainly meant would only annoy. The digits U+FF10–U+FF19, the full-width
 * comma U+FF0C, full stop U+FF0E and hyphen-minus U+FF0D (and the minus sign
 * U+2212) are normalised to their ASCII twins. The ideographic full stop "。"
 * and the ideographic comma "、" are NOT decimal points or group separators
 * anywhere, so they stay refused. */
static char
normalise_char (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (char) c;
  if (c >= 0xFF10 && c <= 0xFF19)
    return (char) ('0' + (c - 0xFF10));

  switch (c)
    {
    case ',':
    case 0xFF0C:
      return ',';
    case '.':
    case 0xFF0E:
      return '.';
    case '-':
    case 0xFF0D:
    case 0x2212:
      return '-';
    case 0x00A5:  /* ¥ */
    case 0xFFE5:  /* ￥ */
      return CURRENCY_MARK;
    default:
      return 0;
    }
}

/* Decodes, trims and normalises @text into ASCII. Returns FALSE with the
 * error code in @code on bad UTF-8, NUL, or a stray character. */
static gboolean
normalise_input (const char   *text,
                 gsize         length,
                 GString      *out,
                 CdMoneyError *code)
{
  const char *p = text;
  const char *end = text + length;
  gsize keep = 0;   /* out->len after the last non-space character */

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      char ascii;

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          *code = CD_MONEY_ERROR_INVALID;
          return FALSE;
        }
      p = g_utf8_next_char (p);

      if (g_unichar_isspace (c))
        {
          /* Leading and trailing spaces are trimmed; inner ones refused. */
          if (out->len > 0)
            g_string_append_c (out, ' ');
          continue;
        }
      ascii = normalise_char (c);
      if (ascii == 0)
        {
          *code = CD_MONEY_ERROR_INVALID;
          return FALSE;
        }
      g_string_append_c (out, ascii);
      keep = out->len;
    }

  g_string_truncate (out, keep);
  if (out->len == 0)
    {
      *code = CD_MONEY_ERROR_EMPTY;
      return FALSE;
    }
  return TRUE;
}

/* The integer part: digits, with commas only between proper groups of three
 * ("1,234,567"; never "12,34" or "1234,567"). Reads up to '.' or the end. */
static gboolean
scan_integer_part (const char  *s,
                   const char **endp,
                   gsize       *n_digits)
{
  const char *p = s;
  gsize group = 0;
  gboolean seen_comma = FALSE;

  *n_digits = 0;
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          group++;
          (*n_digits)++;
          if (seen_comma && group > 3)
            return FALSE;
        }
      else if (*p == ',')
        {
          if (group == 0 || (!seen_comma && group > 3) || (seen_comma && group != 3))
            return FALSE;
          seen_comma = TRUE;
          group = 0;
        }
      else
        return FALSE;
    }
  if (seen_comma && group != 3)
    return FALSE;

  *endp = p;
  return TRUE;
}

/* Accumulates the digits of [s, end) skipping commas; saturates past
 * @limit so that a thousand-digit string costs nothing and cannot wrap. */
static guint64
accumulate (const char *s,
            const char *end,
            guint64     limit)
{
  guint64 v = 0;

  for (; s < end; s++)
    {
      if (*s == ',')
        continue;
      if (v > limit)
        continue;
      v = v * 10 + (guint64) (*s - '0');
    }
  return v;
}

static gboolean
parse_value (const char      *text,
             gssize           length,
             const ParseSpec *spec,
             gint64          *out_value,
             GError         **error)
{
  g_autoptr(GString) buf = NULL;
  CdMoneyError code;
  const char *s, *int_end, *frac;
  gboolean negative = FALSE;
  gsize n_int = 0, n_frac = 0, i;
  guint64 int_value, frac_value = 0, total;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = (gssize) strlen (text);

  buf = g_string_sized_new (MIN ((gsize) length, 64) + 1);
  if (!normalise_input (text, (gsize) length, buf, &code))
    {
      set_error (error, code, spec, text, (gsize) length);
      return FALSE;
    }

  s = buf->str;
  if (*s == '-')
    negative = TRUE, s++;
  if (*s == CURRENCY_MARK && spec->allow_currency)
    s++;
  if (*s == '-' && !negative)
    negative = TRUE, s++;

  if (!scan_integer_part (s, &int_end, &n_int))
    goto invalid;
  frac = int_end;
  if (*frac == '.')
    {
      frac++;
      for (; g_ascii_isdigit (frac[n_frac]); n_frac++)
        ;
      if (frac[n_frac] != '\0')
        goto invalid;   /* "1.234.5", "1.2,3", "1.5¥" */
    }
  if (n_int == 0 && n_frac == 0)
    goto invalid;       /* "", "-", "¥", "." */

  /* Any digit past the allowed decimals is refused, even a zero: "1.230"
   * may well be a European "1230", and guessing would be worse than asking. */
  if (n_frac > (gsize) spec->max_decimals)
    {
      set_error (error, CD_MONEY_ERROR_PRECISION, spec, text, (gsize) length);
      return FALSE;
    }

  int_value = accumulate (s, int_end, (guint64) spec->max_value);
  for (i = 0; i < (gsize) spec->max_decimals; i++)
    frac_value = frac_value * 10 + (i < n_frac ? (guint64) (frac[i] - '0') : 0);

  if (int_value > (guint64) (spec->max_value / spec->scale))
    goto overflow;
  total = int_value * (guint64) spec->scale + frac_value;
  if (total > (guint64) spec->max_value)
    goto overflow;

  /* "-0" and "-0.00" are zero, not a negative amount. */
  if (negative && total != 0 && !spec->allow_negative)
    {
      set_error (error, CD_MONEY_ERROR_NEGATIVE, spec, text, (gsize) length);
      return FALSE;
    }

  if (out_value != NULL)
    *out_value = negative ? -(gint64) total : (gint64) total;
  return TRUE;

invalid:
  set_error (error, CD_MONEY_ERROR_INVALID, spec, text, (gsize) length);
  return FALSE;

overflow:
  set_error (error, CD_MONEY_ERROR_OVERFLOW, spec, text, (gsize) length);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Formatting                                                              */

/* Appends @v with a comma between groups of three when @group is set. */
static void
append_grouped (GString *out,
                guint64  v,
                gboolean group)
{
  char digits[32];
  int n, i;

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, v);
  for (i = 0; i < n; i++)
    {
      if (group && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/* The magnitude of @v without undefined behaviour at G_MININT64. */
static guint64
magnitude (gint64 v)
{
  return v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;
}

static char *
format_fen (gint64      fen,
            const char *currency,
            gboolean    group)
{
  GString *out = g_string_new (NULL);
  guint64 m = magnitude (fen);

  if (fen < 0)
    g_string_append_c (out, '-');
  g_string_append (out, currency);
  append_grouped (out, m / 100, group);
  g_string_append_printf (out, ".%02u", (guint) (m % 100));
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Amounts in Chinese capitals (人民币大写)                                   */

static const char * const capital_digits[] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"
};
static const char * const small_units[] = { "", "拾", "佰", "仟" };
static const char * const group_units[] = { "", "万", "亿" };

/* One group of four digits (0 < @group < 10000): zeros between digits give
 * one 零 per run; trailing zeros give nothing. "拾" always carries its digit
 * (壹拾, never a bare 拾), as on bills: ¥107000.53 is 壹拾万柒仟元伍角叁分. */
static void
append_group (GString *out,
              guint    group)
{
  static const guint powers[] = { 1000, 100, 10, 1 };
  gboolean started = FALSE, zero = FALSE;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (powers); i++)
    {
      guint d = (group / powers[i]) % 10;

      if (d == 0)
        {
          zero = started;
          continue;
        }
      if (zero)
        g_string_append (out, capital_digits[0]);
      g_string_append (out, capital_digits[d]);
      g_string_append (out, small_units[3 - i]);
      started = TRUE;
      zero = FALSE;
    }
}

/* The yuan part, @yuan < 10^12, in groups of 亿, 万 and units.
 *
 * Zeros across groups follow the PBOC rule for bills: a run of zeros that
 * reaches a lower group's 仟 digit is written as one 零 only when that 仟 digit
 * is itself zero ("壹万零伍", "壹亿零壹万"); when the 万 (or 亿) digit is zero
 * but the next 仟 digit is not, PBOC allows either form and we consistently
 * write no 零 ("壹拾万柒仟", "壹佰万壹仟"), as in PBOC's own example. */
static void
append_yuan (GString *out,
             guint64  yuan)
{
  guint groups[3];
  gboolean written = FALSE;
  int i;

  groups[0] = (guint) (yuan % 10000);
  groups[1] = (guint) ((yuan / 10000) % 10000);
  groups[2] = (guint) (yuan / 100000000);

  for (i = 2; i >= 0; i--)
    {
      if (groups[i] == 0)
        continue;
      if (written && groups[i] < 1000)
        g_string_append (out, capital_digits[0]);
      append_group (out, groups[i]);
      g_string_append (out, group_units[i]);
      written = TRUE;
    }
}

/* ---------------------------------------------------------------------- */
/* Exact arithmetic                                                        */

/* @num / @den rounded half up by magnitude (see the rule at the top). */
static CdWide
round_div (CdWide num,
           CdWide den)
{
  CdWide m = num < 0 ? -num : num;
  CdWide q = (2 * m + den) / (2 * den);

  return num < 0 ? -q : q;
}

static gint64
clamp_fen (CdWide v)
{
  if (v > CD_MONEY_MAX_FEN)
    return CD_MONEY_MAX_FEN;
  if (v < -CD_MONEY_MAX_FEN)
    return -CD_MONEY_MAX_FEN;
  return (gint64) v;
}

/* Operands beyond the accepted ranges could overflow even 128 bits: their
 * product is then simply "too large", with the right sign. */
static CdWide
line_amount_wide (gint64 qty_milli,
                  gint64 unit_price_fen,
                  int    discount_bp)
{
  CdWide num;

  if (qty_milli == 0 || unit_price_fen == 0 || discount_bp == 10000)
    return 0;
  if (magnitude (qty_milli) > (guint64) CD_QUANTITY_MAX_MILLI
      || magnitude (unit_price_fen) > (guint64) CD_MONEY_MAX_FEN)
    return ((qty_milli < 0) != (unit_price_fen < 0) ? -1 : 1) * ((CdWide) CD_MONEY_MAX_FEN + 1);

  num = (CdWide) qty_milli * unit_price_fen * (10000 - discount_bp);
  return round_div (num, (CdWide) 1000 * 10000);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

static const ParseSpec money_spec = {
  KIND_MONEY, 2, 100, CD_MONEY_MAX_FEN, TRUE, FALSE,
};

static const ParseSpec quantity_spec = {
  KIND_QUANTITY, 3, 1000, CD_QUANTITY_MAX_MILLI, FALSE, FALSE,
};

/**
 * cd_money_parse:
 * @text: what the user typed: "1,234.56", "¥1234.5", " 12 ", "１２３"
 * @flags: %CD_MONEY_PARSE_ALLOW_NEGATIVE to accept "-5.00"
 * @out_fen: (out) (optional): the amount in fen
 * @error: a #CD_MONEY_ERROR with a sentence the user can act on
 *
 * Returns: %TRUE if @text is an amount of at most two decimals within
 *   ±%CD_MONEY_MAX_FEN.
 */
gboolean
cd_money_parse (const char        *text,
                CdMoneyParseFlags  flags,
                gint64            *out_fen,
                GError           **error)
{
  return cd_money_parse_len (text, -1, flags, out_fen, error);
}

gboolean
cd_money_parse_len (const char        *text,
                    gssize             length,
                    CdMoneyParseFlags  flags,
                    gint64            *out_fen,
                    GError           **error)
{
  ParseSpec spec = money_spec;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec.allow_negative = (flags & CD_MONEY_PARSE_ALLOW_NEGATIVE) != 0;
  return parse_value (text, length, &spec, out_fen, error);
}

/**
 * cd_money_format:
 * Returns: (transfer full): "¥1,234.56", or "-¥1,234.56"
 */
char *
cd_money_format (gint64 fen)
{
  return format_fen (fen, "¥", TRUE);
}

/**
 * cd_money_format_plain:
 * Returns: (transfer full): "1234.56", or "-1234.56", for files and fields
 */
char *
cd_money_format_plain (gint64 fen)
{
  return format_fen (fen, "", FALSE);
}

/**
 * cd_money_to_words:
 * @fen: an amount within ±%CD_MONEY_MAX_FEN
 *
 * The amount in Chinese capitals as written on bills and contracts, after the
 * People's Bank of China rules (《正确填写票据和结算凭证的基本规定》):
 * "整" after 元 when there are no 角 or 分; no "整" after 角 (PBOC allows
 * both, we never write it: "伍角"); never after 分; "零" where 角 is zero and
 * 分 is not ("叁佰贰拾伍元零肆分"); amounts under one yuan start at 角 or 分
 * ("伍分"); zero is "零元整"; a negative amount starts with "负". The
 * "人民币" prefix is left to the document.
 *
 * Returns: (transfer full): the capitals, or %NULL if @fen is out of range
 */
char *
cd_money_to_words (gint64 fen)
{
  GString *out;
  guint64 m, yuan;
  guint jiao, fen_digit;

  g_return_val_if_fail (fen >= -CD_MONEY_MAX_FEN && fen <= CD_MONEY_MAX_FEN, NULL);

  m = magnitude (fen);
  yuan = m / 100;
  jiao = (guint) ((m / 10) % 10);
  fen_digit = (guint) (m % 10);

  if (m == 0)
    return g_strdup ("零元整");

  out = g_string_new (fen < 0 ? "负" : NULL);
  if (yuan > 0)
    {
      append_yuan (out, yuan);
      g_string_append (out, "元");
    }

  if (jiao == 0 && fen_digit == 0)
    g_string_append (out, "整");
  else
    {
      if (jiao > 0)
        {
          g_string_append (out, capital_digits[jiao]);
          g_string_append (out, "角");
        }
      else if (yuan > 0)
        g_string_append (out, capital_digits[0]);
      if (fen_digit > 0)
        {
          g_string_append (out, capital_digits[fen_digit]);
          g_string_append (out, "分");
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * cd_quantity_parse:
 * @text: "2", "0.5", "0.001", "1,000" (full-width digits accepted too)
 * @out_milli: (out) (optional): the quantity in thousandths
 *
 * Returns: %TRUE for a quantity of zero or more with at most three decimals,
 *   up to %CD_QUANTITY_MAX_MILLI.
 */
gboolean
cd_quantity_parse (const char  *text,
                   gint64      *out_milli,
                   GError     **error)
{
  return cd_quantity_parse_len (text, -1, out_milli, error);
}

gboolean
cd_quantity_parse_len (const char  *text,
                       gssize       length,
                       gint64      *out_milli,
                       GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_value (text, length, &quantity_spec, out_milli, error);
}

/**
 * cd_quantity_format:
 * Returns: (transfer full): the quantity with trailing zeros trimmed and
 *   groups of three: 1500 → "1.5", 2000 → "2", 1 → "0.001",
 *   1234500 → "1,234.5"
 */
char *
cd_quantity_format (gint64 milli)
{
  GString *out = g_string_new (NULL);
  guint64 m = magnitude (milli);
  guint frac = (guint) (m % 1000);

  if (milli < 0)
    g_string_append_c (out, '-');
  append_grouped (out, m / 1000, TRUE);
  if (frac != 0)
    {
      g_string_append_printf (out, ".%03u", frac);
      while (out->str[out->len - 1] == '0')
        g_string_truncate (out, out->len - 1);
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_money_line_amount:
 * @qty_milli: quantity in thousandths
 * @unit_price_fen: unit price in fen
 * @discount_bp: discount in basis points, 0–10000 (1000 = 10 %)
 *
 * qty × price × (1 − discount), rounded once, half up (see the top of this
 * file). A result beyond ±%CD_MONEY_MAX_FEN is clamped to it: callers that
 * must refuse such a line use cd_money_line_amount_checked().
 *
 * Returns: the line amount in fen
 */
gint64
cd_money_line_amount (gint64 qty_milli,
                      gint64 unit_price_fen,
                      int    discount_bp)
{
  g_return_val_if_fail (discount_bp >= 0 && discount_bp <= 10000, 0);

  return clamp_fen (line_amount_wide (qty_milli, unit_price_fen, discount_bp));
}

gboolean
cd_money_line_amount_checked (gint64   qty_milli,
                              gint64   unit_price_fen,
                              int      discount_bp,
                              gint64  *out_fen,
                              GError **error)
{
  CdWide v;

  g_return_val_if_fail (discount_bp >= 0 && discount_bp <= 10000, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  v = line_amount_wide (qty_milli, unit_price_fen, discount_bp);
  if (v > CD_MONEY_MAX_FEN || v < -CD_MONEY_MAX_FEN)
    {
      g_set_error_literal (error, CD_MONEY_ERROR, CD_MONEY_ERROR_OVERFLOW,
                           _("This line comes to more than 999,999,999,999.99: lower the quantity or the unit price."));
      return FALSE;
    }
  if (out_fen != NULL)
    *out_fen = (gint64) v;
  return TRUE;
}

/**
 * cd_money_tax:
 * @amount_fen: the taxable amount of a whole document
 * @rate_bp: the rate in basis points (600 = 6 %, 1300 = 13 %)
 *
 * Returns: the tax in fen, rounded half up
 */
gint64
cd_money_tax (gint64 amount_fen,
              int    rate_bp)
{
  g_return_val_if_fail (rate_bp >= 0, 0);

  return clamp_fen (round_div ((CdWide) amount_fen * rate_bp, 10000));
}

/**
 * cd_money_share:
 * @total_fen: a total, e.g. a contract's
 * @percent_bp: the share in basis points (3000 = 30 %)
 *
 * Returns: the share in fen, rounded half up
 */
gint64
cd_money_share (gint64 total_fen,
                int    percent_bp)
{
  g_return_val_if_fail (percent_bp >= 0, 0);

  return clamp_fen (round_div ((CdWide) total_fen * percent_bp, 10000));
}

void
cd_money_split (gint64     total_fen,
                const int *percent_bp,
                gsize      n_shares,
                gint64    *out_shares)
{
  CdWide rest = total_fen;
  gsize i;

  g_return_if_fail (n_shares == 0 || (percent_bp != NULL && out_shares != NULL));

  if (n_shares == 0)
    return;
  for (i = 0; i + 1 < n_shares; i++)
    {
      out_shares[i] = cd_money_share (total_fen, percent_bp[i]);
      rest -= out_shares[i];
    }
  out_shares[n_shares - 1] = clamp_fen (rest);
}
