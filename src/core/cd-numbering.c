/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Human document numbers from a pattern: "QT{yyyy}{mm}-{nnnn}" gives
 * QT202611-0001, QT202611-0002, … and starts again at 0001 in December.
 *
 * Tokens: {yyyy} {yy} {mm} {dd} and {n…}, where the number of n's is the
 * zero-padded width of the running number (at least one such token). All
 * other text is copied as it is. The finest date token decides when the
 * sequence restarts (cd_numbering_period_key()); a pattern that would restart
 * monthly or daily without naming the year (or month) is refused, because its
 * numbers would repeat a year later and document numbers are never reused.
 */
#define G_LOG_DOMAIN "cd-core"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cd-numbering.h"

/* Longest pattern accepted, in bytes: a preference, not a document. */
#define MAX_PATTERN_BYTES 64
/* Widest {n…}: 10^18 still fits a guint64. */
#define MAX_WIDTH 18

typedef enum
{
  TOK_LITERAL,
  TOK_YYYY,
  TOK_YY,
  TOK_MM,
  TOK_DD,
  TOK_N,
} TokKind;

typedef struct
{
  TokKind     kind;
  const char *start;    /* literal text, inside the pattern */
  gsize       len;      /* literal length, or width of {n…} */
} Token;

typedef struct
{
  GArray  *tokens;
  gboolean has_year;
  gboolean has_month;
  gboolean has_day;
  guint    min_width;   /* smallest {n…} width; 0 = none */
} Parsed;

G_DEFINE_QUARK (cd-numbering-error-quark, cd_numbering_error)

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->tokens, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static gboolean
pattern_error (GError    **error,
               const char *pattern,
               const char *format)
{
  g_set_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN, format, pattern);
  return FALSE;
}

static gboolean
classify_token (const char *name,
                gsize       len,
                Token      *tok)
{
  gsize i;

  tok->len = 0;
  if (len == 4 && memcmp (name, "yyyy", 4) == 0)
    tok->kind = TOK_YYYY;
  else if (len == 2 && memcmp (name, "yy", 2) == 0)
    tok->kind = TOK_YY;
  else if (len == 2 && memcmp (name, "mm", 2) == 0)
    tok->kind = TOK_MM;
  else if (len == 2 && memcmp (name, "dd", 2) == 0)
    tok->kind = TOK_DD;
  else
    {
      if (len == 0)
        return FALSE;
      for (i = 0; i < len; i++)
        if (name[i] != 'n')
          return FALSE;
      tok->kind = TOK_N;
      tok->len = len;
    }
  return TRUE;
}

/* Splits @pattern into tokens and checks every rule of the file header. */
static gboolean
parse_pattern (const char *pattern,
               Parsed     *out,
               GError    **error)
{
  const char *p = pattern;

  if (pattern == NULL || *pattern == '\0')
    {
      g_set_error_literal (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN,
                           _("The number pattern is empty: use something like QT{yyyy}{mm}-{nnnn}."));
      return FALSE;
    }
  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error_literal (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN,
                           _("The number pattern is not valid text: type it again, such as QT{yyyy}{mm}-{nnnn}."));
      return FALSE;
    }
  if (strlen (pattern) > MAX_PATTERN_BYTES)
    {
      g_set_error_literal (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN,
                           _("The number pattern is too long: keep it under 64 characters."));
      return FALSE;
    }

  out->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  while (*p != '\0')
    {
      Token tok = { TOK_LITERAL, p, 0 };

      if (*p == '{')
        {
          const char *close = strchr (p + 1, '}');
          const char *open = strchr (p + 1, '{');

          if (close == NULL || (open != NULL && open < close))
            return pattern_error (error, pattern,
                                  _("“%s” is not a valid number pattern: a “{” has no matching “}”."));
          if (!classify_token (p + 1, close - p - 1, &tok))
            return pattern_error (error, pattern,
                                  _("“%s” is not a valid number pattern: only {yyyy}, {yy}, {mm}, {dd} and {nnnn} may stand between braces."));
          p = close + 1;
        }
      else if (*p == '}')
        return pattern_error (error, pattern,
                              _("“%s” is not a valid number pattern: a “}” has no matching “{”."));
      else
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_iscntrl (c))
            return pattern_error (error, pattern,
                                  _("“%s” is not a valid number pattern: it holds a control character."));
          p = g_utf8_next_char (p);
          tok.len = p - tok.start;
        }

      switch (tok.kind)
        {
        case TOK_YYYY: case TOK_YY: out->has_year = TRUE; break;
        case TOK_MM: out->has_month = TRUE; break;
        case TOK_DD: out->has_day = TRUE; break;
        case TOK_N:
          if (tok.len > MAX_WIDTH)
            return pattern_error (error, pattern,
                                  _("“%s” is not a valid number pattern: the running number can have at most 18 digits."));
          if (out->min_width == 0 || tok.len < out->min_width)
            out->min_width = (guint) tok.len;
          break;
        case TOK_LITERAL: default: break;
        }
      g_array_append_val (out->tokens, tok);
    }

  if (out->min_width == 0)
    return pattern_error (error, pattern,
                          _("“%s” has no running number: add {nnnn} where the number goes."));
  if (out->has_month && !out->has_year)
    return pattern_error (error, pattern,
                          _("“%s” restarts every month but names no year, so its numbers would repeat next year: add {yyyy}."));
  if (out->has_day && !out->has_month)
    return pattern_error (error, pattern,
                          _("“%s” restarts every day but names no month, so its numbers would repeat: add {mm}."));
  return TRUE;
}

/**
 * cd_numbering_validate:
 * @pattern: e.g. "QT{yyyy}{mm}-{nnnn}"
 * @error: a %CD_NUMBERING_ERROR_PATTERN that says what to change
 *
 * Returns: %TRUE if @pattern can number documents
 */
gboolean
cd_numbering_validate (const char  *pattern,
                       GError     **error)
{
  g_auto(Parsed) parsed = { 0 };

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_pattern (pattern, &parsed, error);
}

/**
 * cd_numbering_period_key:
 * @pattern: a valid pattern
 * @date: the document's date
 *
 * The period within which the sequence runs on: "2026-11-05" for a pattern
 * with {dd}, "2026-11" with {mm}, "2026" with only {yyyy} or {yy}, and ""
 * for a pattern with no date token (one sequence for ever). The key always
 * names the full year, whatever token the pattern prints.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @pattern is
 *   invalid
 */
char *
cd_numbering_period_key (const char  *pattern,
                         const GDate *date)
{
  g_auto(Parsed) parsed = { 0 };

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!parse_pattern (pattern, &parsed, NULL))
    return NULL;

  if (parsed.has_day)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));
  if (parsed.has_month)
    return g_strdup_printf ("%04u-%02u", g_date_get_year (date), g_date_get_month (date));
  if (parsed.has_year)
    return g_strdup_printf ("%04u", g_date_get_year (date));
  return g_strdup ("");
}

/**
 * cd_numbering_format:
 * @pattern: a pattern
 * @date: the document's date
 * @sequence: the running number within the period, from 1
 * @error: %CD_NUMBERING_ERROR_PATTERN, or %CD_NUMBERING_ERROR_OVERFLOW when
 *   @sequence has more digits than the pattern's {n…}
 *
 * Returns: (transfer full) (nullable): the document number
 */
char *
cd_numbering_format (const char   *pattern,
                     const GDate  *date,
                     guint64       sequence,
                     GError      **error)
{
  g_auto(Parsed) parsed = { 0 };
  GString *out;
  guint64 limit = 1;
  guint i;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (sequence > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_pattern (pattern, &parsed, error))
    return NULL;

  for (i = 0; i < parsed.min_width; i++)
    limit *= 10;
  if (sequence >= limit)
    {
      g_set_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_OVERFLOW,
                   ngettext ("Number %" PRIu64 " does not fit the %u digit of “%s”: add an n to the pattern in Preferences.",
                             "Number %" PRIu64 " does not fit the %u digits of “%s”: add an n to the pattern in Preferences.",
                             parsed.min_width),
                   sequence, parsed.min_width, pattern);
      return NULL;
    }

  out = g_string_new (NULL);
  for (i = 0; i < parsed.tokens->len; i++)
    {
      const Token *tok = &g_array_index (parsed.tokens, Token, i);

      switch (tok->kind)
        {
        case TOK_LITERAL:
          g_string_append_len (out, tok->start, tok->len);
          break;
        case TOK_YYYY:
          g_string_append_printf (out, "%04u", g_date_get_year (date));
          break;
        case TOK_YY:
          g_string_append_printf (out, "%02u", g_date_get_year (date) % 100);
          break;
        case TOK_MM:
          g_string_append_printf (out, "%02u", g_date_get_month (date));
          break;
        case TOK_DD:
          g_string_append_printf (out, "%02u", g_date_get_day (date));
          break;
        case TOK_N:
          g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, (int) tok->len, sequence);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}
