/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GB 32100-2015 check character: each of the first 17 characters has a value
 * (its position in the code set) and a weight 3^(i) mod 31; the check
 * character is the one whose value is 31 − (Σ value×weight mod 31), with 31
 * written as '0'. */
#define G_LOG_DOMAIN "cd-core"

#include <string.h>
#include <glib/gi18n.h>

#include "cd-credit-code.h"

/* No I, O, S, V, Z: they are too easily read as 1, 0, 5, U, 2. */
static const char code_set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const guint weights[CD_CREDIT_CODE_LENGTH - 1] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

G_DEFINE_QUARK (cd-credit-code-error-quark, cd_credit_code_error)

static int
char_value (char c)
{
  const char *hit;

  if (c == '\0')
    return -1;
  hit = strchr (code_set, c);
  return hit != NULL ? (int) (hit - code_set) : -1;
}

char
cd_credit_code_check_char (const char *code)
{
  guint sum = 0;

  g_return_val_if_fail (code != NULL, '\0');

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      int value = char_value (code[i]);

      if (value < 0)
        return '\0';
      sum += (guint) value * weights[i];
    }

  return code_set[(31 - sum % 31) % 31];
}

gboolean
cd_credit_code_validate (const char  *code,
                         GError     **error)
{
  glong n_chars;
  char expected;

  g_return_val_if_fail (code != NULL, FALSE);

  if (!g_utf8_validate (code, -1, NULL))
    {
      g_set_error_literal (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_CHARACTER,
                           _("A credit code has only digits and capital letters, and this one has bytes that are not text."));
      return FALSE;
    }

  n_chars = g_utf8_strlen (code, -1);
  if (n_chars != CD_CREDIT_CODE_LENGTH)
    {
      g_set_error (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_LENGTH,
                   _("A credit code has 18 characters; this one has %ld."), n_chars);
      return FALSE;
    }

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (char_value (*p) < 0)
        {
          gunichar c = g_utf8_get_char (p);
          char buf[8] = { 0 };

          g_unichar_to_utf8 (g_unichar_iscntrl (c) ? 0xFFFD : c, buf);
          g_set_error (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_CHARACTER,
                       _("A credit code cannot contain “%s”; only digits and the capital letters A–Y without I, O, S, V are used."),
                       buf);
          return FALSE;
        }
    }

  expected = cd_credit_code_check_char (code);
  if (code[CD_CREDIT_CODE_LENGTH - 1] != expected)
    {
      g_set_error (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_CHECK,
                   _("The last character of this credit code should be “%c”, so a character is mistyped."),
                   expected);
      return FALSE;
    }

  return TRUE;
}

char *
cd_credit_code_normalize (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_sized_new (CD_CREDIT_CODE_LENGTH);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Chinese input methods often type full-width Ａ–Ｚ and ０–９. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (g_unichar_isspace (c) || c == '-')
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
