/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib.h>

#include "core/cd-numbering.h"

static GDate *
make_date (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static void
check_format (const char *pattern,
              int y, int m, int d,
              guint64 sequence,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  GDate *date = make_date (y, m, d);
  g_autofree char *number = cd_numbering_format (pattern, date, sequence, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, expected);
  g_date_free (date);
}

static void
check_overflow (const char *pattern,
                guint64     sequence)
{
  g_autoptr(GError) error = NULL;
  GDate *date = make_date (2026, 11, 5);
  g_autofree char *number = cd_numbering_format (pattern, date, sequence, &error);

  g_assert_null (number);
  g_assert_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_OVERFLOW);
  if (error != NULL)
    g_test_message ("%s", error->message);
  g_date_free (date);
}

static void
test_valid_patterns_are_accepted (void)
{
  static const char * const good[] = {
    "QT{yyyy}{mm}-{nnnn}",
    "{n}",
    "INV-{yy}{mm}{dd}-{nnn}",
    "合同{yyyy}-{nnnn}",
    "WO/{yyyy}/{nnnnnn}",
    "🎉{nnnn}",
    "{nnnnnnnnnnnnnnnnnn}",          /* 18 digits */
    "{nn}-{yyyy}-{nnnn}",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cd_numbering_validate (good[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_broken_patterns_are_refused_with_a_reason (void)
{
  static const char * const bad[] = {
    "",
    "QT{yyyy}",                     /* no running number */
    "QT-2026",
    "QT{yyyy}{mm}-{nnnn",           /* unbalanced */
    "QT}{nnnn}",
    "QT{{nnnn}}",
    "{x}{nnnn}",                    /* unknown tokens */
    "{}{nnnn}",
    "{NNNN}",
    "{YYYY}{nnnn}",
    "{yyy}{nnnn}",
    "{nnnnnnnnnnnnnnnnnnn}",        /* 19 digits */
    "Q{mm}-{nnn}",                  /* would repeat next year */
    "Q{dd}-{nnn}",
    "Q{yyyy}{dd}-{nnn}",            /* would repeat next month */
    "Q\t{nnnn}",                    /* control character */
    "Q\xff{nnnn}",                  /* invalid UTF-8 */
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cd_numbering_validate (bad[i], &error));
      g_assert_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN);
      if (error != NULL)
        {
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_test_message ("%s", error->message);
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cd_numbering_validate (NULL, &error));
    g_assert_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN);
    g_clear_error (&error);

    g_assert_false (cd_numbering_validate ("QT{yyyy}", &error));
    g_assert_nonnull (strstr (error->message, "QT{yyyy}"));
    g_assert_nonnull (strstr (error->message, "{nnnn}"));
  }
}

static void
test_hostile_patterns_are_refused (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint i;

  for (i = 0; i < 10000; i++)
    g_string_append (s, "{nnnn}");
  g_assert_false (cd_numbering_validate (s->str, &error));
  g_assert_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);

  g_string_assign (s, "{");
  for (i = 0; i < 10000; i++)
    g_string_append_c (s, 'n');
  g_string_append_c (s, '}');
  g_assert_false (cd_numbering_validate (s->str, &error));
  g_assert_error (error, CD_NUMBERING_ERROR, CD_NUMBERING_ERROR_PATTERN);
}

static void
test_numbers_are_formatted (void)
{
  check_format ("QT{yyyy}{mm}-{nnnn}", 2026, 11, 5, 1, "QT202611-0001");
  check_format ("QT{yyyy}{mm}-{nnnn}", 2026, 11, 5, 9999, "QT202611-9999");
  check_format ("QT{yyyy}{mm}-{nnnn}", 2027, 1, 31, 12, "QT202701-0012");
  check_format ("INV-{yy}{mm}{dd}-{nnn}", 2026, 1, 9, 42, "INV-260109-042");
  check_format ("INV-{yy}-{nnn}", 2005, 6, 1, 7, "INV-05-007");
  check_format ("{n}", 2026, 1, 1, 9, "9");
  check_format ("合同{yyyy}-{nnnn}", 2026, 3, 1, 7, "合同2026-0007");
  check_format ("{nn}-{nnnn}", 2026, 3, 1, 5, "05-0005");
  check_format ("{nnnnnnnnnnnnnnnnnn}", 2026, 3, 1, G_GUINT64_CONSTANT (999999999999999999),
                "999999999999999999");
}

static void
test_a_sequence_wider_than_the_pattern_overflows (void)
{
  check_overflow ("QT{yyyy}{mm}-{nnnn}", 10000);
  check_overflow ("{n}", 10);
  check_overflow ("{nn}-{nnnn}", 100);           /* the narrowest {n…} counts */
  check_overflow ("{nnnnnnnnnnnnnnnnnn}", G_GUINT64_CONSTANT (1000000000000000000));
  check_overflow ("{nnnnnnnnnnnnnnnnnn}", G_MAXUINT64);
}

static void
test_period_key_names_what_resets_the_sequence (void)
{
  GDate *date = make_date (2026, 11, 5);
  static const struct { const char *pattern; const char *key; } cases[] = {
    { "QT{yyyy}{mm}-{nnnn}", "2026-11" },
    { "QT{yy}{mm}-{nnnn}", "2026-11" },
    { "QT{yyyy}-{nnnn}", "2026" },
    { "QT{yy}-{nnnn}", "2026" },
    { "QT{yyyy}{mm}{dd}-{nnn}", "2026-11-05" },
    { "QT-{nnnnnn}", "" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = cd_numbering_period_key (cases[i].pattern, date);

      g_assert_cmpstr (key, ==, cases[i].key);
    }

  {
    g_autofree char *key = cd_numbering_period_key ("QT{yyyy", date);

    g_assert_null (key);
  }
  g_date_free (date);
}

static void
test_numbers_of_different_periods_differ (void)
{
  /* Same sequence number in two periods: the numbers must differ, which is
   * why the key and the printed tokens must agree. */
  GDate *nov = make_date (2026, 11, 30);
  GDate *dec = make_date (2026, 12, 1);
  GDate *next_nov = make_date (2027, 11, 30);
  g_autofree char *a = cd_numbering_format ("QT{yy}{mm}-{nnnn}", nov, 1, NULL);
  g_autofree char *b = cd_numbering_format ("QT{yy}{mm}-{nnnn}", dec, 1, NULL);
  g_autofree char *c = cd_numbering_format ("QT{yy}{mm}-{nnnn}", next_nov, 1, NULL);
  g_autofree char *ka = cd_numbering_period_key ("QT{yy}{mm}-{nnnn}", nov);
  g_autofree char *kb = cd_numbering_period_key ("QT{yy}{mm}-{nnnn}", dec);

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (ka, !=, kb);
  g_date_free (nov);
  g_date_free (dec);
  g_date_free (next_nov);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/numbering/valid-patterns-are-accepted", test_valid_patterns_are_accepted);
  g_test_add_func ("/core/numbering/broken-patterns-are-refused-with-a-reason", test_broken_patterns_are_refused_with_a_reason);
  g_test_add_func ("/core/numbering/hostile-patterns-are-refused", test_hostile_patterns_are_refused);
  g_test_add_func ("/core/numbering/numbers-are-formatted", test_numbers_are_formatted);
  g_test_add_func ("/core/numbering/a-sequence-wider-than-the-pattern-overflows", test_a_sequence_wider_than_the_pattern_overflows);
  g_test_add_func ("/core/numbering/period-key-names-what-resets-the-sequence", test_period_key_names_what_resets_the_sequence);
  g_test_add_func ("/core/numbering/numbers-of-different-periods-differ", test_numbers_of_different_periods_differ);

  return g_test_run ();
}
