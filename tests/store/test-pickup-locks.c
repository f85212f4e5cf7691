/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signed pickup slips are locked in the database itself (schema 6): raw SQL
 * through any connection can neither change nor delete a signed slip or
 * its lines and changes nothing trying; an issued slip stays editable;
 * signing stamps the day and the lock hash; `check` passes on the demo and
 * names a slip changed behind the triggers' back; a schema-5 file with
 * slips migrates keeping them, the signed ones dated and locked. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "store/cd-demo.h"
#include "store/cd-store-lock-hash.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
  gint64   signed_id;   /* TH202403-0001, signed by the client */
  gint64   issued_id;   /* TH202403-0002, still out */
} Fixture;

static const char seed_sql[] =
  "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
  "INSERT INTO client (id, name, status, owner_id, address)"
  "  VALUES (1, '上海星河文化传播有限公司', 'active', 1, '上海市徐汇区漕溪北路88号');"
  "INSERT INTO project (id, number, client_id, name, status, am_id, start_date)"
  "  VALUES (1, 'XM202403-0001', 1, '春季新品发布会', 'quoting', 1, '2024-03-01');";

/* The slip, its lines and the audit log, as text: equal before and after
 * means nothing was written. */
#define CONTENT_SIGNATURE \
  "SELECT (SELECT group_concat (x, '|') FROM (SELECT id || ',' || number || ',' || status || ','" \
  " || coalesce (received_by, '-') || ',' || coalesce (signed_on, '-') || ','" \
  " || coalesce (notes, '-') || ',' || coalesce (locked_hash, '-') AS x FROM pickup_slip ORDER BY id))" \
  " || '/' || (SELECT group_concat (x, '|') FROM (SELECT id || ',' || slip_id || ',' || position || ','" \
  " || item || ',' || qty_milli AS x FROM pickup_slip_line ORDER BY id))" \
  " || '/' || (SELECT count(*) FROM audit_log)"

static GPtrArray *
two_lines (void)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_pickup_line_free);

  g_ptr_array_add (lines, cd_pickup_line_new ("宣传单页", 5000000, "张"));
  g_ptr_array_add (lines, cd_pickup_line_new ("易拉宝", 12000, "个"));
  return lines;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = two_lines ();

  f->dir = g_dir_make_tmp ("cd-pickup-locks-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  if (data != NULL)
    return;   /* the test makes the file itself */
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store, seed_sql, &error));
  g_assert_no_error (error);
  cd_store_set_actor (f->store, 1);
  f->signed_id = cd_store_pickup_slip_create (f->store, 1, "2024-03-14", "送货上门", lines, &error);
  g_assert_no_error (error);
  f->issued_id = cd_store_pickup_slip_create (f->store, 1, "2024-03-20", NULL, lines, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_pickup_slip_sign (f->store, f->signed_id, "王小明", &error));
  g_assert_no_error (error);
  /* The statements below name the slips by number and id. */
  g_assert_cmpint (f->signed_id, ==, 1);
  g_assert_cmpint (f->issued_id, ==, 2);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Raw SQL against the file, as another program would write it. */
static int
raw_exec (const char *path, const char *sql, char **message)
{
  sqlite3 *db = NULL;
  int rc;

  sqlite3_open (path, &db);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
}

static char *
raw_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  sqlite3_open (path, &db);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
count (CdStore *store, const char *sql)
{
  return cd_store_query_int (store, sql, NULL);
}

static char *
today_local (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The problems of `check` joined, or NULL when it passes. */
static char *
check_problems (CdStore *store)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = cd_store_check (store, &problems, &error);

  g_assert_no_error (error);
  if (ok)
    return NULL;
  g_assert_nonnull (problems);
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static void
test_signing_sets_signed_on_and_the_hash (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdPickupSlip) slip = cd_store_pickup_slip_get (f->store, f->signed_id, &error);
  g_autoptr (CdPickupSlip) issued = cd_store_pickup_slip_get (f->store, f->issued_id, &error);
  g_autofree char *today = today_local ();
  g_autofree char *hash = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *problems = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (slip->status, ==, "signed");
  g_assert_cmpstr (slip->received_by, ==, "王小明");
  g_assert_cmpstr (slip->signed_on, ==, today);
  g_assert_cmpstr (issued->status, ==, "issued");
  g_assert_null (issued->signed_on);

  /* The hash stored at signing is the one `check` recomputes. */
  g_assert_true (cd_store_compute_locked_hash (f->store, "pickup_slip", f->signed_id, &hash, &error));
  g_assert_no_error (error);
  stored = raw_text (f->path, "SELECT locked_hash FROM pickup_slip WHERE number = 'TH202403-0001'");
  g_assert_cmpstr (hash, ==, stored);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip WHERE locked_hash IS NOT NULL"), ==, 1);
  problems = check_problems (f->store);
  g_assert_null (problems);
  /* The audit log has the signature with the day. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'pickup_slip'"
                                    " AND action = 'update' AND json_extract (new_values, '$.status') = 'signed'"
                                    " AND json_extract (new_values, '$.signed_on') IS NOT NULL"), ==, 1);
}

/* Every statement another program might try on a signed slip. */
static const char *const refused[] = {
  "UPDATE pickup_slip SET notes = 'x' WHERE number = 'TH202403-0001'",
  "UPDATE pickup_slip SET received_by = '别人' WHERE number = 'TH202403-0001'",
  "UPDATE pickup_slip SET status = 'issued' WHERE number = 'TH202403-0001'",
  "UPDATE pickup_slip SET signed_on = '2024-01-01' WHERE number = 'TH202403-0001'",
  "UPDATE pickup_slip SET locked_hash = NULL WHERE number = 'TH202403-0001'",
  "UPDATE pickup_slip SET date = '2024-03-01' WHERE number = 'TH202403-0001'",
  "DELETE FROM pickup_slip WHERE number = 'TH202403-0001'",
  "INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit)"
  " SELECT id, 9, '多送的', 1000, '个' FROM pickup_slip WHERE number = 'TH202403-0001'",
  "UPDATE pickup_slip_line SET qty_milli = 1 WHERE slip_id ="
  " (SELECT id FROM pickup_slip WHERE number = 'TH202403-0001')",
  "UPDATE pickup_slip_line SET item = 'x' WHERE slip_id ="
  " (SELECT id FROM pickup_slip WHERE number = 'TH202403-0001')",
  /* A line moved out of the signed slip, or into it. */
  "UPDATE pickup_slip_line SET slip_id = (SELECT id FROM pickup_slip WHERE number = 'TH202403-0002')"
  " WHERE slip_id = (SELECT id FROM pickup_slip WHERE number = 'TH202403-0001')",
  "UPDATE pickup_slip_line SET slip_id = (SELECT id FROM pickup_slip WHERE number = 'TH202403-0001')"
  " WHERE slip_id = (SELECT id FROM pickup_slip WHERE number = 'TH202403-0002')",
  "DELETE FROM pickup_slip_line WHERE slip_id ="
  " (SELECT id FROM pickup_slip WHERE number = 'TH202403-0001')",
};

static void
test_raw_sql_cannot_change_a_signed_slip (Fixture *f, gconstpointer data)
{
  g_autofree char *before = raw_text (f->path, CONTENT_SIGNATURE);
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  g_assert_nonnull (before);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      char *message = NULL;
      g_autoptr (GError) error = NULL;
      int rc = raw_exec (f->path, refused[i], &message);

      g_test_message ("%s → %d %s", refused[i], rc, message ? message : "");
      if (rc == SQLITE_OK)
        g_test_fail_printf ("accepted: %s", refused[i]);
      else if (message == NULL || strstr (message, "clientdesk:locked:pickup_slip") == NULL)
        g_test_fail_printf ("refused for another reason (%s): %s", message, refused[i]);
      sqlite3_free (message);

      /* Through the store's own connection: the sentence for people. */
      g_assert_false (cd_store_exec (f->store, refused[i], &error));
      g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
      if (error != NULL)
        g_assert_nonnull (strstr (error->message, "a signed pickup slip, which is locked"));
    }
  after = raw_text (f->path, CONTENT_SIGNATURE);
  g_assert_cmpstr (before, ==, after);
  problems = check_problems (f->store);
  g_assert_null (problems);
}

static void
test_an_issued_slip_can_still_be_edited (Fixture *f, gconstpointer data)
{
  static const char *const accepted[] = {
    "UPDATE pickup_slip SET notes = '客户自提' WHERE number = 'TH202403-0002'",
    "INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit)"
    " SELECT id, 3, '手提袋', 500000, '个' FROM pickup_slip WHERE number = 'TH202403-0002'",
    "UPDATE pickup_slip_line SET qty_milli = 11000 WHERE position = 2 AND slip_id ="
    " (SELECT id FROM pickup_slip WHERE number = 'TH202403-0002')",
    "DELETE FROM pickup_slip_line WHERE position = 1 AND slip_id ="
    " (SELECT id FROM pickup_slip WHERE number = 'TH202403-0002')",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CdPickupSlip) slip = NULL;
  char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      int rc = raw_exec (f->path, accepted[i], &message);

      if (rc != SQLITE_OK)
        g_test_fail_printf ("refused (%s): %s", message, accepted[i]);
      g_clear_pointer (&message, sqlite3_free);
    }
  slip = cd_store_pickup_slip_get (f->store, f->issued_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slip->notes, ==, "客户自提");
  g_assert_cmpuint (slip->lines->len, ==, 2);
  g_assert_cmpint (count (f->store, "SELECT qty_milli FROM pickup_slip_line WHERE position = 2 AND slip_id = 2"),
                   ==, 11000);

  /* Not signed without the day it was signed. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE pickup_slip SET status = 'signed', received_by = 'x'"
                                      " WHERE number = 'TH202403-0002'", &message), !=, SQLITE_OK);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "signed_on"));
  g_clear_pointer (&message, sqlite3_free);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip WHERE status = 'signed'"), ==, 1);

  /* And deleted while it is still out. */
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM pickup_slip_line WHERE slip_id = 2;"
                                      "DELETE FROM pickup_slip WHERE number = 'TH202403-0002'", &message),
                   ==, SQLITE_OK);
  g_assert_null (message);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip"), ==, 1);
}

/* Runs `clientdesk-cli --db PATH check`; returns its exit status. */
static int
run_cli_check (const char *path, char **out)
{
  const char *cli = g_getenv ("CLIENTDESK_CLI");
  const char *argv[] = { cli, "--db", path, "check", NULL };
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_check_names_a_slip_changed_behind_the_triggers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *out = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_demo_generate (f->store, CD_DEMO_SMALL, 20261125, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The demo's signed slips are dated and locked like the app's. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip WHERE status = 'signed'"), >=, 50);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip WHERE status = 'signed'"
                                    " AND (signed_on IS NULL OR signed_on < date OR signed_on > '2026-11-25'"
                                    "      OR locked_hash IS NULL)"), ==, 0);
  problems = check_problems (f->store);
  if (problems != NULL)
    g_test_message ("%s", problems);
  g_assert_null (problems);
  g_assert_cmpint (run_cli_check (f->path, &out), ==, 0);
  g_assert_cmpstr (out, ==, "ok\n");
  g_clear_pointer (&out, g_free);

  first = raw_text (f->path, "SELECT number FROM pickup_slip WHERE status = 'signed' ORDER BY id LIMIT 1");
  second = raw_text (f->path, "SELECT s.number FROM pickup_slip s WHERE s.status = 'signed' AND EXISTS"
                              " (SELECT 1 FROM pickup_slip_line l WHERE l.slip_id = s.id)"
                              " ORDER BY s.id DESC LIMIT 1");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (first, !=, second);
  /* Another program drops a trigger, then rewrites a hash; another drops
   * the lines' trigger and changes a quantity. */
  g_assert_cmpint (raw_exec (f->path,
                             "DROP TRIGGER pickup_slip_locked_update;"
                             "UPDATE pickup_slip SET locked_hash = lower (hex (randomblob (32)))"
                             " WHERE id = (SELECT min (id) FROM pickup_slip WHERE status = 'signed');",
                             NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path,
                             "DROP TRIGGER pickup_slip_line_locked_update;"
                             "UPDATE pickup_slip_line SET qty_milli = qty_milli + 1000 WHERE id ="
                             " (SELECT min (l.id) FROM pickup_slip_line l JOIN pickup_slip s ON s.id = l.slip_id"
                             "  WHERE s.status = 'signed' AND s.id = (SELECT max (s2.id) FROM pickup_slip s2"
                             "  WHERE s2.status = 'signed' AND EXISTS (SELECT 1 FROM pickup_slip_line l2"
                             "  WHERE l2.slip_id = s2.id)));",
                             NULL), ==, SQLITE_OK);
  problems = check_problems (f->store);
  g_assert_nonnull (problems);
  if (problems != NULL)
    {
      g_autofree char *a = g_strdup_printf ("Pickup slip %s was changed after it was signed", first);
      g_autofree char *b = g_strdup_printf ("Pickup slip %s was changed after it was signed", second);

      g_test_message ("%s", problems);
      g_assert_nonnull (strstr (problems, a));
      g_assert_nonnull (strstr (problems, b));
    }
  g_assert_cmpint (run_cli_check (f->path, &out), ==, 1);
  g_assert_nonnull (strstr (out, first));
  g_assert_nonnull (strstr (out, second));
}

/* Makes a version 5 file: one slip signed through an audited UPDATE, one
 * signed by a bulk writer with the audit suspended, one still issued. */
static void
make_schema_5_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open_at_version (path, 5, &error);

  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, 5);
  g_assert_true (cd_store_exec (store, seed_sql, &error));
  g_assert_true (cd_store_exec (store,
    "INSERT INTO pickup_slip (id, number, project_id, client_id, date, status, notes)"
    "  VALUES (1, 'TH202403-0001', 1, 1, '2024-03-14', 'issued', '送货上门'),"
    "         (2, 'TH202403-0002', 1, 1, '2024-03-20', 'issued', NULL);"
    "INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit)"
    "  VALUES (1, 1, '宣传单页', 5000000, '张'), (1, 2, '易拉宝', 12000, '个'),"
    "         (2, 1, '手提袋', 500000, '个');"
    "UPDATE pickup_slip SET status = 'signed', received_by = '王小明' WHERE id = 1;"
    "UPDATE audit_control SET suspended = 1;"
    "INSERT INTO pickup_slip (id, number, project_id, client_id, date, received_by, status)"
    "  VALUES (3, 'TH202402-0001', 1, 1, '2024-02-05', '陈小姐', 'signed');"
    "INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit)"
    "  VALUES (3, 1, '海报', 2500, '平方米');"
    "UPDATE audit_control SET suspended = 0;", &error));
  g_assert_no_error (error);
}

static void
test_migration_from_schema_5_keeps_the_slips (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdPickupSlip) slip = NULL;
  g_autofree char *audited = NULL;
  g_autofree char *today = today_local ();
  g_autofree char *problems = NULL;
  char *message = NULL;

  make_schema_5_file (f->path);
  audited = raw_text (f->path, "SELECT date (at, 'localtime') FROM audit_log WHERE table_name = 'pickup_slip'"
                               " AND row_id = 1 AND json_extract (new_values, '$.status') = 'signed'");
  g_assert_nonnull (audited);

  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (f->store), ==, CD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (CD_STORE_SCHEMA_VERSION, ==, 6);
  /* Everything kept. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip_line"), ==, 4);
  g_assert_cmpint (count (f->store, "SELECT sum (qty_milli) FROM pickup_slip_line"), ==, 5514500);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip WHERE id = 1 AND status = 'signed'"
                                    " AND received_by = '王小明' AND notes = '送货上门'"), ==, 1);
  /* The signed ones dated: by the audit log where it saw the signature,
   * else by the slip's own date; the issued one not. */
  slip = cd_store_pickup_slip_get (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slip->signed_on, ==, audited);
  g_clear_pointer (&slip, cd_pickup_slip_free);
  slip = cd_store_pickup_slip_get (f->store, 3, &error);
  g_assert_cmpstr (slip->signed_on, ==, "2024-02-05");
  g_clear_pointer (&slip, cd_pickup_slip_free);
  slip = cd_store_pickup_slip_get (f->store, 2, &error);
  g_assert_cmpstr (slip->status, ==, "issued");
  g_assert_null (slip->signed_on);
  g_clear_pointer (&slip, cd_pickup_slip_free);
  /* Hashed, with one bulk entry for each fill in the audit log. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pickup_slip WHERE locked_hash IS NOT NULL"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'pickup_slip'"
                                    " AND action = 'bulk'"), ==, 2);
  /* The audit triggers were generated again, with the new columns. */
  g_assert_cmpint (count (f->store, "SELECT instr (sql, 'signed_on') > 0 AND instr (sql, 'locked_hash') > 0"
                                    " FROM sqlite_schema WHERE name = 'audit_pickup_slip_update'"), ==, 1);
  problems = check_problems (f->store);
  if (problems != NULL)
    g_test_message ("%s", problems);
  g_assert_null (problems);

  /* Locked now, both of them, lines included. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE pickup_slip SET received_by = 'x' WHERE id = 1", &message),
                   !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "clientdesk:locked:pickup_slip"));
  g_clear_pointer (&message, sqlite3_free);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM pickup_slip_line WHERE slip_id = 3", &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "clientdesk:locked:pickup_slip"));
  g_clear_pointer (&message, sqlite3_free);

  /* The issued one is signed as any other, today. */
  cd_store_set_actor (f->store, 1);
  g_assert_true (cd_store_pickup_slip_sign (f->store, 2, "李先生", &error));
  g_assert_no_error (error);
  slip = cd_store_pickup_slip_get (f->store, 2, &error);
  g_assert_cmpstr (slip->signed_on, ==, today);
  g_clear_pointer (&problems, g_free);
  problems = check_problems (f->store);
  g_assert_null (problems);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/pickup-slip/signing-sets-signed-on-and-the-lock-hash", test_signing_sets_signed_on_and_the_hash);
  ADD ("/store/pickup-slip/raw-sql-cannot-change-a-signed-slip-or-its-lines",
       test_raw_sql_cannot_change_a_signed_slip);
  ADD ("/store/pickup-slip/an-issued-slip-can-still-be-edited", test_an_issued_slip_can_still_be_edited);
#undef ADD
  g_test_add ("/store/pickup-slip/check-passes-on-the-demo-and-names-a-tampered-slip", Fixture, "raw",
              fixture_setup, test_check_names_a_slip_changed_behind_the_triggers, fixture_teardown);
  g_test_add ("/store/migration/v5-to-v6-keeps-slips-and-locks-the-signed-ones", Fixture, "raw",
              fixture_setup, test_migration_from_schema_5_keeps_the_slips, fixture_teardown);
  return g_test_run ();
}
