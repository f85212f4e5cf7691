/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DESIGN §9: "a process killed at any instant loses no committed change and
 * leaves a database that passes check". Writers run in a child process —
 * `clientdesk-cli demo`, `clientdesk-cli import clients`, and crash-writer
 * (quote editing, contract signing and settings through the store API) —
 * and are killed with SIGKILL after a random delay. After every kill the
 * file passes PRAGMA integrity_check and `clientdesk-cli check`, and every
 * change the child reported committed is there.
 *
 * CLIENTDESK_CRASH_KILLS (default 200) is the number of kills in all;
 * CLIENTDESK_CRASH_SEED changes the sequence of delays. */
#include <inttypes.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "rel-util.h"
#include "store/cd-store-private.h"

typedef struct
{
  char   *dir;
  char   *empty_db;   /* a new, empty database */
  char   *base_db;    /* one staff member, one client: the writers' start */
  GRand  *rand;
  guint   target;     /* kills asked for in all */
  guint   kills;      /* kills done so far */
} Crash;

static Crash crash;

/* ------------------------------------------------------------------ */
/* Running a child and killing it                                     */

typedef struct
{
  int      status;    /* exit status, or 128 + signal */
  gboolean killed;    /* by our SIGKILL, before it ended by itself */
  GString *out;
  GString *err;
} Child;

static void
child_clear (Child *child)
{
  g_string_free (child->out, TRUE);
  g_string_free (child->err, TRUE);
}

/* Reads what @fds have until @deadline (monotonic µs; 0: until both end). */
static void
drain (int fds[2], GString *into[2], gint64 deadline)
{
  for (;;)
    {
      struct pollfd p[2];
      int n = 0, timeout = -1, rc;

      for (int i = 0; i < 2; i++)
        if (fds[i] >= 0)
          p[n++] = (struct pollfd) { fds[i], POLLIN, 0 };
      if (n == 0)
        return;
      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0)
            return;
          timeout = (int) MAX (1, left / 1000);
        }
      rc = poll (p, (nfds_t) n, timeout);
      if (rc < 0 && errno == EINTR)
        continue;
      if (rc <= 0)
        return;
      for (int j = 0; j < n; j++)
        {
          char buffer[4096];
          gssize got;
          int i = p[j].fd == fds[0] ? 0 : 1;

          if (p[j].revents == 0)
            continue;
          got = read (fds[i], buffer, sizeof buffer);
          if (got > 0)
            g_string_append_len (into[i], buffer, got);
          else if (got == 0 || errno != EINTR)
            {
              close (fds[i]);
              fds[i] = -1;
            }
        }
    }
}

/* Runs @argv, kills it with SIGKILL @delay_us after the start unless it
 * ended before, and collects everything it wrote. */
static void
run_and_kill (const char *const *argv, gint64 delay_us, Child *child)
{
  g_autoptr (GError) error = NULL;
  GString *into[2];
  int fds[2] = { -1, -1 };
  int wait_status = 0;
  GPid pid;

  child->out = g_string_new (NULL);
  child->err = g_string_new (NULL);
  child->killed = FALSE;
  child->status = -1;
  into[0] = child->out;
  into[1] = child->err;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &fds[0], &fds[1], &error))
    {
      g_test_fail_printf ("cannot start %s: %s", argv[0], error->message);
      return;
    }
  drain (fds, into, g_get_monotonic_time () + delay_us);
  if (waitpid (pid, &wait_status, WNOHANG) == 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, &wait_status, 0);
      child->killed = WIFSIGNALED (wait_status) && WTERMSIG (wait_status) == SIGKILL;
    }
  drain (fds, into, 0);
  g_spawn_close_pid (pid);
  if (WIFEXITED (wait_status))
    child->status = WEXITSTATUS (wait_status);
  else if (WIFSIGNALED (wait_status))
    child->status = 128 + WTERMSIG (wait_status);
  if (child->killed)
    crash.kills++;
}

static gint64
random_delay (gint64 max_us)
{
  return (gint64) g_rand_double_range (crash.rand, 0.0, (double) max_us);
}

/* The longest delay follows how long the child really takes (a loaded
 * machine, a sanitizer build): shorter after a child that ended before its
 * kill, a little longer after one killed, so most runs end in a kill at a
 * moment spread over the whole of its work. */
static void
adapt_delay (gint64 *max_us, const Child *child, gint64 calibrated)
{
  if (child->killed)
    *max_us = MIN (*max_us * 11 / 10, calibrated * 3);
  else
    *max_us = MAX (*max_us * 3 / 4, 1000);
}

/* ------------------------------------------------------------------ */
/* What must hold after a kill                                        */

static gboolean
assert_sound (const char *path, const char *after)
{
  g_autofree char *integrity = rel_raw_text (path, "PRAGMA integrity_check");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--db", path, "check", NULL };
  int status;

  if (g_strcmp0 (integrity, "ok") != 0)
    {
      g_test_fail_printf ("after %s: integrity_check says %s", after, integrity);
      return FALSE;
    }
  status = rel_run_cli (args, &out, &err);
  if (status != 0)
    {
      g_test_fail_printf ("after %s: check exits %d: %s%s", after, status, out, err);
      return FALSE;
    }
  return TRUE;
}

static void
remove_db (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
fresh_copy (const char *template, const char *path)
{
  remove_db (path);
  return rel_copy_file (template, path);
}

/* ------------------------------------------------------------------ */
/* demo                                                               */

#define DEMO_SIGNATURE \
  "SELECT (SELECT count(*) FROM staff) || '/' || (SELECT count(*) FROM client) || '/'" \
  " || (SELECT count(*) FROM quote) || '/' || (SELECT count(*) FROM quote_line) || '/'" \
  " || (SELECT count(*) FROM contract) || '/' || (SELECT count(*) FROM acceptance) || '/'" \
  " || (SELECT count(*) FROM visit) || '/' || (SELECT count(*) FROM work_order) || '/'" \
  " || (SELECT count(*) FROM quote WHERE locked_hash IS NOT NULL)"

static void
test_demo_killed_at_random (gconstpointer data)
{
  guint wanted = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_build_filename (crash.dir, "demo.db", NULL);
  g_autofree char *empty = NULL;
  g_autofree char *complete = NULL;
  const char *argv[] = { g_getenv ("CLIENTDESK_CLI"), "--db", path, "demo", "--scale", "small",
                         "--seed", "5", NULL };
  guint before = crash.kills, runs = 0;
  gint64 start, duration, max_delay;
  Child child;

  /* Once to the end: what a complete demo holds, and how long it takes. */
  g_assert_true (fresh_copy (crash.empty_db, path));
  empty = rel_raw_text (path, DEMO_SIGNATURE);
  start = g_get_monotonic_time ();
  run_and_kill (argv, G_USEC_PER_SEC * 600, &child);
  duration = g_get_monotonic_time () - start;
  g_assert_cmpint (child.status, ==, 0);
  child_clear (&child);
  complete = rel_raw_text (path, DEMO_SIGNATURE);
  g_assert_true (assert_sound (path, "a complete demo"));
  g_test_message ("demo: %" PRId64 " ms; empty %s, complete %s", duration / 1000, empty, complete);
  max_delay = duration * 6 / 5;

  while (crash.kills - before < wanted && runs++ < wanted * 3)
    {
      g_autofree char *found = NULL;
      gboolean reported;

      g_assert_true (fresh_copy (crash.empty_db, path));
      run_and_kill (argv, random_delay (max_delay), &child);
      adapt_delay (&max_delay, &child, duration);
      reported = child.status == 0 || strstr (child.out->str, "Filled") != NULL;
      if (!assert_sound (path, "a killed demo"))
        {
          child_clear (&child);
          break;
        }
      found = rel_raw_text (path, DEMO_SIGNATURE);
      /* One transaction: all of the agency or none of it. */
      if (reported)
        g_assert_cmpstr (found, ==, complete);
      else if (g_strcmp0 (found, complete) != 0)
        g_assert_cmpstr (found, ==, empty);
      if (!child.killed && child.status != 0)
        g_test_fail_printf ("demo ended by itself with %d: %s", child.status, child.err->str);
      child_clear (&child);
    }
  g_test_message ("demo: %u kills in %u runs, %.1f s", crash.kills - before, runs,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (crash.kills - before, >=, wanted);
}

/* ------------------------------------------------------------------ */
/* import clients                                                     */

#define IMPORT_ROWS 4

static char *
write_import_file (guint run)
{
  g_autofree char *path = g_strdup_printf ("%s/import-%u.csv", crash.dir, run);
  g_autoptr (GString) csv = g_string_new ("name,tier,phone,notes\n");

  for (guint k = 0; k < IMPORT_ROWS; k++)
    g_string_append_printf (csv, "断电导入 %u-%u,%c,1380000%04u,\"=HYPERLINK(\"\"x\"\"), 第%u行\"\n",
                            run, k, "ABC"[k % 3], run % 10000, k);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  return g_steal_pointer (&path);
}

static gint64
count_imported (const char *path, guint run)
{
  g_autofree char *prefix = g_strdup_printf ("断电导入 %u-", run);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM client WHERE substr (name, 1, length (?1)) = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_import_killed_at_random (gconstpointer data)
{
  guint wanted = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_build_filename (crash.dir, "import.db", NULL);
  guint before = crash.kills, runs = 0;
  gint64 start, duration, max_delay;
  Child child;

  g_assert_true (fresh_copy (crash.base_db, path));
  {
    g_autofree char *file = write_import_file (0);
    const char *argv[] = { g_getenv ("CLIENTDESK_CLI"), "--db", path, "import", "clients", file, NULL };

    start = g_get_monotonic_time ();
    run_and_kill (argv, G_USEC_PER_SEC * 60, &child);
    duration = g_get_monotonic_time () - start;
    g_assert_cmpint (child.status, ==, 0);
    g_assert_cmpint (count_imported (path, 0), ==, IMPORT_ROWS);
    child_clear (&child);
  }

  max_delay = duration * 13 / 10;
  /* The same file grows run after run: each kill meets the one before. */
  while (crash.kills - before < wanted && runs++ < wanted * 3)
    {
      g_autofree char *file = write_import_file (runs);
      const char *argv[] = { g_getenv ("CLIENTDESK_CLI"), "--db", path, "import", "clients", file, NULL };
      gboolean reported;
      gint64 n;

      run_and_kill (argv, random_delay (max_delay), &child);
      adapt_delay (&max_delay, &child, duration);
      reported = child.status == 0 || strstr (child.out->str, "Imported") != NULL;
      if (!assert_sound (path, "a killed import"))
        {
          child_clear (&child);
          break;
        }
      n = count_imported (path, runs);
      if (reported)
        g_assert_cmpint (n, ==, IMPORT_ROWS);
      else if (n != IMPORT_ROWS)
        g_assert_cmpint (n, ==, 0);
      if (!child.killed && child.status != 0)
        g_test_fail_printf ("import ended by itself with %d: %s", child.status, child.err->str);
      child_clear (&child);
      g_unlink (file);
    }
  g_test_message ("import: %u kills in %u runs, %.1f s", crash.kills - before, runs,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (crash.kills - before, >=, wanted);
}

/* ------------------------------------------------------------------ */
/* crash-writer: quotes, contracts, settings                          */

/* One reported change and the query that must find it: ?1 and ?2 are the
 * two numbers of the line; the query returns 1 when the change is there. */
typedef struct
{
  const char *what;
  const char *sql;
} Expectation;

static const Expectation expectations[] = {
  { "project", "SELECT count(*) FROM project WHERE id = ?1" },
  { "quote", "SELECT count(*) FROM quote WHERE id = ?1" },
  { "line", "SELECT count(*) FROM quote_line WHERE quote_id = ?1 AND id = ?2" },
  { "setting", "SELECT CAST (value AS INTEGER) >= ?2 FROM setting WHERE key = 'crash.key' || ?1" },
  { "sent", "SELECT count(*) FROM quote WHERE id = ?1 AND status IN ('sent', 'accepted')" },
  { "accepted", "SELECT count(*) FROM quote WHERE id = ?1 AND status = 'accepted'"
                " AND locked_hash IS NOT NULL" },
  { "contract", "SELECT count(*) FROM contract WHERE id = ?1" },
  { "installments", "SELECT count(*) = 2 FROM installment WHERE contract_id = ?1" },
  { "signed", "SELECT count(*) FROM contract WHERE id = ?1 AND status = 'signed'"
              " AND locked_hash IS NOT NULL" },
};

typedef struct
{
  guint  kind;      /* index in expectations */
  gint64 a, b;
} Reported;

/* Parses "committed N WHAT A [B]" lines; FALSE on anything else. */
static gboolean
parse_report (const char *text, GArray *into)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint64 expected_n = 1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) words = NULL;
      Reported r = { G_MAXUINT, 0, 0 };
      const char *a;

      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      words = g_strsplit (lines[i], " ", -1);
      if (g_strv_length (words) < 4 || !g_str_equal (words[0], "committed")
          || g_ascii_strtoull (words[1], NULL, 10) != expected_n++)
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (expectations); k++)
        if (g_str_equal (words[2], expectations[k].what))
          r.kind = k;
      if (r.kind == G_MAXUINT)
        return FALSE;
      /* "setting crash.keyK V": the key's number and the value. */
      a = g_str_has_prefix (words[3], "crash.key") ? words[3] + strlen ("crash.key") : words[3];
      r.a = g_ascii_strtoll (a, NULL, 10);
      r.b = words[4] ? g_ascii_strtoll (words[4], NULL, 10) : 0;
      g_array_append_val (into, r);
    }
  return TRUE;
}

/* Checks reported changes from @from on; returns how many are missing. */
static guint
count_missing (const char *path, GArray *reported, guint from)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmts[G_N_ELEMENTS (expectations)] = { NULL };
  guint missing = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint k = 0; k < G_N_ELEMENTS (expectations); k++)
    g_assert_cmpint (sqlite3_prepare_v2 (db, expectations[k].sql, -1, &stmts[k], NULL), ==, SQLITE_OK);
  for (guint i = from; i < reported->len; i++)
    {
      const Reported *r = &g_array_index (reported, Reported, i);
      sqlite3_stmt *stmt = stmts[r->kind];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, r->a);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, r->b);
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 1)
        {
          g_test_message ("missing: %s %" PRId64 " %" PRId64,
                          expectations[r->kind].what, r->a, r->b);
          missing++;
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (expectations); k++)
    sqlite3_finalize (stmts[k]);
  sqlite3_close (db);
  return missing;
}

static void
test_store_writer_killed_at_random (gconstpointer data)
{
  guint wanted = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_build_filename (crash.dir, "writer.db", NULL);
  g_autofree char *writer = rel_build_path ("tests/reliability/crash-writer");
  g_autoptr (GArray) reported = g_array_new (FALSE, FALSE, sizeof (Reported));
  guint before = crash.kills, runs = 0, changes = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (fresh_copy (crash.base_db, path));
  while (crash.kills - before < wanted && runs++ < wanted * 3)
    {
      g_autofree char *run = g_strdup_printf ("%u", runs);
      const char *argv[] = { writer, path, run, NULL };
      guint first;
      Child child;

      /* A file that keeps growing makes every check slower: start again
       * now and then, once all that was reported has been found. */
      if (runs % 25 == 0)
        {
          g_assert_cmpuint (count_missing (path, reported, 0), ==, 0);
          g_array_set_size (reported, 0);
          g_assert_true (fresh_copy (crash.base_db, path));
        }
      first = reported->len;
      run_and_kill (argv, random_delay (G_USEC_PER_SEC / 10), &child);
      if (!child.killed)
        g_test_fail_printf ("the writer ended by itself with %d: %s", child.status, child.err->str);
      if (!parse_report (child.out->str, reported))
        g_test_fail_printf ("the writer's report cannot be read: %s", child.out->str);
      changes += reported->len - first;
      child_clear (&child);
      if (!assert_sound (path, "a killed writer"))
        break;
      /* This run's changes every time, all of them every tenth run. */
      g_assert_cmpuint (count_missing (path, reported, runs % 10 == 0 ? 0 : first), ==, 0);
    }
  g_assert_cmpuint (count_missing (path, reported, 0), ==, 0);
  g_test_message ("writer: %u kills in %u runs, %u changes reported, %.1f s", crash.kills - before,
                  runs, changes, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (crash.kills - before, >=, wanted);
}

static void
test_total_kills (void)
{
  g_test_message ("%u kills in all", crash.kills);
  g_assert_cmpuint (crash.kills, >=, crash.target);
}

/* ------------------------------------------------------------------ */

static void
make_templates (void)
{
  g_autoptr (GError) error = NULL;
  CdStore *store;

  crash.empty_db = g_build_filename (crash.dir, "empty.db", NULL);
  store = cd_store_open (crash.empty_db, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  crash.base_db = g_build_filename (crash.dir, "base.db", NULL);
  store = cd_store_open (crash.base_db, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);",
    &error));
  g_assert_no_error (error);
  g_object_unref (store);
}

int
main (int argc, char **argv)
{
  const char *kills = g_getenv ("CLIENTDESK_CRASH_KILLS");
  const char *seed = g_getenv ("CLIENTDESK_CRASH_SEED");
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  crash.target = kills ? (guint) g_ascii_strtoull (kills, NULL, 10) : 200;
  crash.target = MAX (crash.target, 5);
  crash.rand = g_rand_new_with_seed (seed ? (guint32) g_ascii_strtoull (seed, NULL, 10) : 20261125);
  crash.dir = rel_make_temp_dir ("crash");
  make_templates ();

  /* An eighth demo (the slowest), three tenths import, the rest the store writer. */
  g_test_add_data_func ("/reliability/crash/demo-killed-at-random-is-all-or-nothing",
                        GUINT_TO_POINTER (crash.target / 8), test_demo_killed_at_random);
  g_test_add_data_func ("/reliability/crash/import-killed-at-random-is-all-or-nothing",
                        GUINT_TO_POINTER (crash.target * 3 / 10), test_import_killed_at_random);
  g_test_add_data_func ("/reliability/crash/store-writer-killed-at-random-keeps-every-commit",
                        GUINT_TO_POINTER (crash.target - crash.target / 8 - crash.target * 3 / 10),
                        test_store_writer_killed_at_random);
  g_test_add_func ("/reliability/crash/at-least-the-kills-asked-for", test_total_kills);

  status = g_test_run ();
  rel_remove_tree (crash.dir);
  g_rand_free (crash.rand);
  g_free (crash.dir);
  g_free (crash.empty_db);
  g_free (crash.base_db);
  return status;
}
