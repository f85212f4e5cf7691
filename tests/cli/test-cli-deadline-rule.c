/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `deadline --rule CODE`: the day comes from the database's deadline rules
 * (editable in Preferences), moved past holidays like --day (issue 9). */
#define G_LOG_DOMAIN "cd-test"

#include <glib/gstdio.h>

#include "cd-cli-test-util.h"
#include "store/cd-store-today.h"

static char *dir;
static char *db;

static void
expect (const char *month,
        const char *rule,
        const char *expected)
{
  g_autoptr(CdRun) run = cd_run_cli ("--db", db, "deadline", "--month", month, "--rule", rule, NULL);
  g_autofree char *line = g_strconcat (expected, "\n", NULL);

  g_test_message ("%s %s → %s", month, rule, run->out);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, line);
}

static void
test_rules_give_the_day (void)
{
  expect ("2025-10", "hr-work-order-summary", "2025-10-09");   /* National Day */
  expect ("2025-10", "cashier-supplier-sheet", "2025-10-09");
  expect ("2025-10", "archive-backup", "2025-10-09");
  expect ("2026-02", "visit-plan", "2026-02-28");              /* a make-up Saturday */
  expect ("2026-02", "cashier-supplier-sheet", "2026-02-05");
}

static void
test_an_edited_rule_is_used (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = cd_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (cd_store_set_deadline_day (store, "cashier-supplier-sheet", 15, &error));
  g_clear_object (&store);
  /* 15 February 2026 opens the Spring Festival holiday (15–23). */
  expect ("2026-02", "cashier-supplier-sheet", "2026-02-24");
  /* --day is unchanged by the rules. */
  {
    g_autoptr(CdRun) run = cd_run_cli ("--db", db, "deadline", "--month", "2026-02", "--day", "5", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, "2026-02-05\n");
  }
}

static void
test_bad_rules_are_refused (void)
{
  g_autoptr(CdRun) unknown = cd_run_cli ("--db", db, "deadline", "--month", "2026-02", "--rule", "no-such", NULL);
  g_autoptr(CdRun) off_quarter = cd_run_cli ("--db", db, "deadline", "--month", "2026-02", "--rule", "archive-backup", NULL);
  g_autoptr(CdRun) both = cd_run_cli ("--db", db, "deadline", "--month", "2026-02", "--day", "5",
                                      "--rule", "visit-plan", NULL);

  cd_assert_refused (unknown);
  cd_assert_refused (off_quarter);
  cd_assert_usage (both);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
  dir = g_dir_make_tmp ("cd-cli-rule-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "clientdesk.db", NULL);
  {
    g_autoptr(CdRun) init = cd_run_cli ("--db", db, "init", NULL);

    g_assert_cmpint (init->status, ==, 0);
  }

  g_test_add_func ("/cli/deadline/rules-give-the-day", test_rules_give_the_day);
  g_test_add_func ("/cli/deadline/an-edited-rule-is-used", test_an_edited_rule_is_used);
  g_test_add_func ("/cli/deadline/bad-rules-are-refused", test_bad_rules_are_refused);
  status = g_test_run ();

  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  g_free (db);
  g_free (dir);
  return status;
}
