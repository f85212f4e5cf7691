/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include "core/cd-credit-code.h"

/* Real-format codes whose check characters were worked out by hand with the
 * GB 32100-2015 weights (and agree with published registrations). */
static const char *valid_codes[] = {
  "91350100M000100Y43",
  "91110000600037341L",
  "91440300708461136T",
  "12100000400000624D",
  "91110108551385082Q",
};

static void
test_valid_codes_pass (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", valid_codes[i]);
      g_assert_true (cd_credit_code_validate (valid_codes[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (cd_credit_code_check_char (valid_codes[i]), ==, valid_codes[i][17]);
    }
}

static void
test_check_char_worked_by_hand (void)
{
  /* 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29
   * + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + Y(30)·30 + 4·28 = 1640;
   * 1640 mod 31 = 28; 31 − 28 = 3. */
  g_assert_cmpint (cd_credit_code_check_char ("91350100M000100Y4"), ==, '3');
  /* A remainder of 0 gives 31, written as '0'. */
  g_assert_cmpint (cd_credit_code_check_char ("00000000000000000"), ==, '0');
  g_assert_true (cd_credit_code_validate ("000000000000000000", NULL));
  /* Outside the code set: no check character at all. */
  g_assert_cmpint (cd_credit_code_check_char ("9135010OM000100Y4"), ==, '\0');
}

static void
test_wrong_check_char_is_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    {
      char code[19];

      memcpy (code, valid_codes[i], sizeof code);
      /* Any other character of the set in the last place. */
      code[17] = code[17] == '0' ? '1' : '0';
      {
        g_autoptr (GError) error = NULL;

        g_assert_false (cd_credit_code_validate (code, &error));
        g_assert_error (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_CHECK);
        g_assert_nonnull (error ? strstr (error->message, (char[]) { valid_codes[i][17], 0 }) : NULL);
      }
    }

  /* Two swapped characters are caught too. */
  g_assert_false (cd_credit_code_validate ("91351000M000100Y43", NULL));
}

static void
test_wrong_length_is_refused (void)
{
  const char *codes[] = { "", "9135010", "91350100M000100Y4", "91350100M000100Y433",
                          "91350100M000100Y43 " };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (cd_credit_code_validate (codes[i], &error));
      g_assert_error (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_LENGTH);
    }
}

static void
test_letters_outside_the_set_are_refused (void)
{
  const char *codes[] = {
    "91350100m000100y43",   /* lower case */
    "91350100M000100I43",   /* I is not used */
    "91350100M000100O43",   /* nor O */
    "91350100M000100Z43",   /* nor Z */
    "91350100M000100S43",   /* nor S */
    "91350100M000100V43",   /* nor V */
    "91350100M0001-0Y43",
    "91350100Ｍ000100Y43",   /* full-width: 18 characters, not ASCII */
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", codes[i]);
      g_assert_false (cd_credit_code_validate (codes[i], &error));
      g_assert_error (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_CHARACTER);
    }

  g_assert_false (cd_credit_code_validate ("91350100\xff" "000100Y43", NULL));
}

static void
test_normalize_makes_typed_codes_valid (void)
{
  struct { const char *typed; const char *stored; } cases[] = {
    { "91350100m000100y43", "91350100M000100Y43" },
    { " 9135 0100 M000 100Y 43 ", "91350100M000100Y43" },
    { "913501-00M000100Y43", "91350100M000100Y43" },
    { "９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43" },
    { "91350100M000100Y43\u3000", "91350100M000100Y43" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = cd_credit_code_normalize (cases[i].typed);

      g_assert_cmpstr (stored, ==, cases[i].stored);
      g_assert_true (cd_credit_code_validate (stored, NULL));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/credit-code/valid-codes-pass", test_valid_codes_pass);
  g_test_add_func ("/core/credit-code/check-character-matches-the-one-worked-by-hand",
                   test_check_char_worked_by_hand);
  g_test_add_func ("/core/credit-code/wrong-check-character-is-refused", test_wrong_check_char_is_refused);
  g_test_add_func ("/core/credit-code/wrong-length-is-refused", test_wrong_length_is_refused);
  g_test_add_func ("/core/credit-code/letters-outside-the-set-are-refused",
                   test_letters_outside_the_set_are_refused);
  g_test_add_func ("/core/credit-code/normalize-makes-typed-codes-valid",
                   test_normalize_makes_typed_codes_valid);

  return g_test_run ();
}
