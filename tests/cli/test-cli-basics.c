/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line itself: version, usage errors, money words, deadlines. */
#define G_LOG_DOMAIN "cd-cli-test"

#include <string.h>
#include <locale.h>

#include "cd-cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cd_make_temp_dir ();
  fixture->db = g_build_filename (fixture->dir, "clientdesk.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cd_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static void
test_version_prints_name_and_version (void)
{
  g_autoptr(CdRun) run = cd_run_cli ("--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "clientdesk-cli 0.1.0\n");
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_help_lists_every_command (void)
{
  static const char *const names[] = {
    "init", "demo", "check", "import", "list", "backup", "restore", "money", "deadline",
  };
  g_autoptr(CdRun) run = cd_run_cli ("--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *entry = g_strdup_printf ("\n  %s", names[i]);

      g_assert_nonnull (strstr (run->out, entry));
    }
}

static void
test_usage_errors_exit_2 (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *const cases[][8] = {
    { NULL },
    { "frobnicate", NULL },
    { "--frobnicate", "init", NULL },
    { "--db", NULL },
    { "@DB", "list", "clients", NULL },
    { "@DB", "list", "invoices", "--json", NULL },
    { "@DB", "list", NULL },
    { "@DB", "list", "clients", "--json", "--colour", NULL },
    { "@DB", "list", "clients", "--json=yes", NULL },
    { "@DB", "list", "clients", "--json", "--month", NULL },
    { "@DB", "init", "extra", NULL },
    { "@DB", "import", "projects", "x.csv", NULL },
    { "@DB", "backup", NULL },
    { "@DB", "restore", NULL },
    { "money", "12.00", NULL },
    { "money", "words", NULL },
    { "deadline", "--month", "2026-11", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(CdRun) run = NULL;

      for (guint j = 0; cases[i][j] != NULL; j++)
        {
          if (g_str_equal (cases[i][j], "@DB"))
            {
              g_ptr_array_add (args, "--db");
              g_ptr_array_add (args, fixture->db);
            }
          else
            g_ptr_array_add (args, (gpointer) cases[i][j]);
        }
      g_ptr_array_add (args, NULL);

      run = cd_run_cli_argv (NULL, (const char *const *) args->pdata);
      cd_assert_usage (run);
      g_assert_true (g_str_has_prefix (run->err, "clientdesk-cli: "));
    }
  /* None of these may leave a database behind. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_money_words_writes_chinese_capitals (void)
{
  g_autoptr(CdRun) run = cd_run_cli ("money", "words", "12345.67", NULL);
  g_autoptr(CdRun) whole = cd_run_cli ("money", "words", "100", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "壹万贰仟叁佰肆拾伍元陆角柒分\n");
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (whole->status, ==, 0);
  g_assert_true (g_str_has_prefix (whole->out, "壹佰元"));
}

static void
test_money_words_refuses_bad_amounts (void)
{
  static const char *const amounts[] = { "abc", "1.234.5", "1.234", "", "-5" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(CdRun) run = cd_run_cli ("money", "words", amounts[i], NULL);

      cd_assert_refused (run);
    }
}

static void
check_deadline (const char *db,
                const char *month,
                const char *day,
                const char *expected)
{
  g_autoptr(CdRun) run = NULL;
  g_autofree char *line = g_strconcat (expected, "\n", NULL);

  run = cd_run_cli ("--db", db, "deadline", "--month", month, "--day", day, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, line);
}

static void
test_deadline_moves_past_holidays (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(CdRun) init = NULL;

  /* Without a database the bundled calendar answers, and no file appears. */
  check_deadline (fixture->db, "2025-10", "5", "2025-10-09");   /* National Day */
  check_deadline (fixture->db, "2026-02", "17", "2026-02-24");  /* Spring Festival */
  check_deadline (fixture->db, "2025-10", "3", "2025-10-09");
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  /* With one, the database's calendar answers the same. */
  init = cd_run_cli ("--db", fixture->db, "init", NULL);
  g_assert_cmpint (init->status, ==, 0);
  check_deadline (fixture->db, "2025-10", "5", "2025-10-09");
  check_deadline (fixture->db, "2026-02", "17", "2026-02-24");
  /* A plain Wednesday stays where it is. */
  check_deadline (fixture->db, "2025-11", "5", "2025-11-05");
}

/* A malformed option value is bad input (1), not a usage error (2). */
static void
test_deadline_refuses_bad_values (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char *const cases[][2] = {
    { "2026-13", "5" }, { "2026-00", "5" }, { "2026-1", "5" }, { "26-11", "5" },
    { "2026/11", "5" }, { "2026-11-01", "5" }, { "2026-11", "0" }, { "2026-11", "32" },
    { "2026-11", "-1" }, { "2026-11", "5th" }, { "2026-11", "" },
  };
  g_autoptr(CdRun) month = NULL;
  g_autoptr(CdRun) unknown_year = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdRun) run = cd_run_cli ("--db", fixture->db, "deadline",
                                         "--month", cases[i][0], "--day", cases[i][1], NULL);
      cd_assert_refused (run);
    }

  month = cd_run_cli ("--db", fixture->db, "deadline", "--month", "2026-13", "--day", "5", NULL);
  g_assert_true (g_str_has_prefix (month->err, "clientdesk-cli: “2026-13” is not a month: "
                                                "use YYYY-MM, such as "));

  /* Outside the years the calendar knows: refused with the reason. */
  unknown_year = cd_run_cli ("--db", fixture->db, "deadline", "--month", "1999-10", "--day", "5",
                             NULL);
  cd_assert_refused (unknown_year);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  /* Test messages carry Chinese text: let GLib print it as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/cli/version/prints-name-and-version", test_version_prints_name_and_version);
  g_test_add_func ("/cli/help/lists-every-command", test_help_lists_every_command);
  g_test_add ("/cli/usage/errors-exit-2-and-write-nothing", Fixture, NULL,
              fixture_set_up, test_usage_errors_exit_2, fixture_tear_down);
  g_test_add_func ("/cli/money/words-are-chinese-capitals",
                   test_money_words_writes_chinese_capitals);
  g_test_add_func ("/cli/money/bad-amounts-are-refused", test_money_words_refuses_bad_amounts);
  g_test_add ("/cli/deadline/moves-past-weekends-and-holidays", Fixture, NULL,
              fixture_set_up, test_deadline_moves_past_holidays, fixture_tear_down);
  g_test_add ("/cli/deadline/bad-month-or-day-is-refused", Fixture, NULL,
              fixture_set_up, test_deadline_refuses_bad_values, fixture_tear_down);
  return g_test_run ();
}
