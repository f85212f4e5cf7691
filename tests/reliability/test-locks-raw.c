/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Locked records against any program: an accepted quote version, a signed
 * contract, a signed acceptance and a reviewed visit — and everything they
 * consist of (lines, installments, checklist items, counted quantities,
 * photos) — refuse UPDATE, DELETE and new children through the raw SQLite
 * C API and through the sqlite3 command-line tool. Changes that other
 * programs may make are in the audit log with their old and new values. */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "rel-util.h"
#include "store/cd-store-lock-hash.h"
#include "store/cd-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* Every statement another program might try on a locked record. */
static const char *const refused[] = {
  "UPDATE quote SET notes = 'x' WHERE id = 1",
  "UPDATE quote SET total_fen = 1 WHERE id = 1",
  "UPDATE quote SET locked_hash = NULL WHERE id = 1",
  "UPDATE quote SET status = 'draft' WHERE id = 1",
  "DELETE FROM quote WHERE id = 1",
  "UPDATE quote_line SET unit_price_fen = 1 WHERE quote_id = 1",
  "UPDATE quote_line SET quote_id = 2 WHERE quote_id = 1",
  "DELETE FROM quote_line WHERE quote_id = 1",
  "INSERT INTO quote_line (quote_id, position, item, qty_milli, unit_price_fen, amount_fen)"
  " VALUES (1, 9, 'x', 1000, 1, 1)",
  "UPDATE contract SET amount_fen = 1 WHERE id = 1",
  "UPDATE contract SET clauses = '' WHERE id = 1",
  "UPDATE contract SET locked_hash = NULL WHERE id = 1",
  "UPDATE contract SET status = 'draft' WHERE id = 1",
  "DELETE FROM contract WHERE id = 1",
  "UPDATE installment SET amount_fen = 1 WHERE contract_id = 1",
  "UPDATE installment SET due_date = '2030-01-01' WHERE contract_id = 1",
  "DELETE FROM installment WHERE contract_id = 1",
  "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
  " VALUES (1, 9, 'x', '2026-12-01', 1)",
  "UPDATE acceptance SET result = 'fail' WHERE id = 1",
  "UPDATE acceptance SET locked_hash = NULL WHERE id = 1",
  "DELETE FROM acceptance WHERE id = 1",
  "UPDATE acceptance_item SET result = 'fail' WHERE acceptance_id = 1",
  "DELETE FROM acceptance_item WHERE acceptance_id = 1",
  "INSERT INTO acceptance_item (acceptance_id, position, text) VALUES (1, 9, 'x')",
  "UPDATE acceptance_quantity SET received_milli = 1 WHERE acceptance_id = 1",
  "DELETE FROM acceptance_quantity WHERE acceptance_id = 1",
  "INSERT INTO acceptance_quantity (acceptance_id, position, item, ordered_milli)"
  " VALUES (1, 9, 'x', 1000)",
  "UPDATE attachment SET content = x'00' WHERE owner_table = 'acceptance'",
  "UPDATE attachment SET owner_id = 2 WHERE owner_table = 'acceptance'",
  "DELETE FROM attachment WHERE owner_table = 'acceptance'",
  "INSERT INTO attachment (owner_table, owner_id, filename, content)"
  " VALUES ('acceptance', 1, 'forged.jpg', x'00')",
  "UPDATE visit SET opinions = 'x' WHERE id = 1",
  "UPDATE visit SET review_comment = NULL WHERE id = 1",
  "DELETE FROM visit WHERE id = 1",
};

#define CONTENT_SIGNATURE \
  "SELECT (SELECT group_concat (locked_hash) FROM (SELECT locked_hash FROM quote UNION ALL" \
  " SELECT locked_hash FROM contract UNION ALL SELECT locked_hash FROM acceptance UNION ALL" \
  " SELECT locked_hash FROM visit)) || '/' || (SELECT count(*) FROM quote_line) || '/'" \
  " || (SELECT count(*) FROM installment) || '/' || (SELECT count(*) FROM acceptance_item) || '/'" \
  " || (SELECT count(*) FROM acceptance_quantity) || '/' || (SELECT count(*) FROM attachment)" \
  " || '/' || (SELECT count(*) FROM audit_log)"

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store;

  f->dir = rel_make_temp_dir ("locks-raw");
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '上海星河文化传播有限公司', 'active', 1);"
    "INSERT INTO contact (id, client_id, name, phone) VALUES (1, 1, '王小明', '13800001111');"
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (1, 'XM202611-0001', 1, '新品发布会', 'quoting', '2026-11-02');"
    "INSERT INTO quote (id, number, project_id, client_id, status, created_date)"
    "  VALUES (1, 'QT202611-0001', 1, 1, 'sent', '2026-11-03');"
    "INSERT INTO quote (id, number, project_id, client_id, status, created_date)"
    "  VALUES (2, 'QT202611-0002', 1, 1, 'draft', '2026-11-03');"
    "INSERT INTO quote_line (quote_id, position, item, qty_milli, unit_price_fen, amount_fen)"
    "  VALUES (1, 1, '主视觉设计', 1000, 800000, 800000);"
    "UPDATE quote SET subtotal_fen = 800000, tax_fen = 48000, total_fen = 848000 WHERE id = 1;"
    "UPDATE quote SET status = 'accepted', decided_date = '2026-11-05' WHERE id = 1;"
    "INSERT INTO contract (id, number, quote_id, project_id, client_id, subject, amount_fen)"
    "  VALUES (1, 'HT202611-0001', 1, 1, 1, '新品发布会', 848000);"
    "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
    "  VALUES (1, 1, '签约', '2026-11-10', 848000);"
    "UPDATE contract SET status = 'signed', signed_date = '2026-11-08' WHERE id = 1;"
    "INSERT INTO work_order (id, number, project_id, title, department, issued_date, due_date)"
    "  VALUES (1, 'GD202611-0001', 1, '主视觉', 'design', '2026-11-03', '2026-11-10');"
    "INSERT INTO acceptance (id, number, kind, work_order_id, inspected_date)"
    "  VALUES (1, 'YS202611-0001', 'output', 1, '2026-11-09');"
    "INSERT INTO acceptance (id, number, kind, work_order_id, inspected_date)"
    "  VALUES (2, 'YS202611-0002', 'output', 1, '2026-11-09');"
    "INSERT INTO acceptance_item (acceptance_id, position, text, result) VALUES (1, 1, '色彩', 'pass');"
    "INSERT INTO acceptance_quantity (acceptance_id, position, item, ordered_milli, received_milli)"
    "  VALUES (1, 1, '海报', 100000, 100000);"
    "INSERT INTO attachment (owner_table, owner_id, filename, mime_type, content)"
    "  VALUES ('acceptance', 1, 'photo.jpg', 'image/jpeg', x'FFD8FFE0');"
    "UPDATE acceptance SET status = 'signed', result = 'pass', signed_by = 1,"
    "  signed_date = '2026-11-09' WHERE id = 1;"
    "INSERT INTO visit (id, client_id, staff_id, date, topic) VALUES (1, 1, 1, '2026-11-04', '回访');"
    "UPDATE visit SET status = 'reviewed', reviewed_by = 1, reviewed_at = '2026-11-30T09:00:00Z'"
    "  WHERE id = 1;",
    &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_fill_locked_hashes (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  rel_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_check_ok (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CdStore) store = cd_store_open (path, &error);
  gboolean ok;

  g_assert_no_error (error);
  ok = cd_store_check (store, &problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_c_api_refuses_every_change (Fixture *f, gconstpointer data)
{
  g_autofree char *before = rel_raw_text (f->path, CONTENT_SIGNATURE);
  g_autofree char *after = NULL;

  g_assert_nonnull (before);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *message = NULL;
      int rc = rel_raw_exec (f->path, refused[i], &message);

      g_test_message ("%s → %d %s", refused[i], rc, message);
      if (rc == 0)
        g_test_fail_printf ("accepted: %s", refused[i]);
      else if (strstr (message, "clientdesk:") == NULL)
        g_test_fail_printf ("refused for another reason (%s): %s", message, refused[i]);
    }
  /* Nothing changed, not even the audit log. */
  after = rel_raw_text (f->path, CONTENT_SIGNATURE);
  g_assert_cmpstr (before, ==, after);
  assert_check_ok (f->path);
}

static void
test_sqlite3_tool_refuses_every_change (Fixture *f, gconstpointer data)
{
  g_autofree char *tool = g_find_program_in_path ("sqlite3");
  g_autofree char *before = rel_raw_text (f->path, CONTENT_SIGNATURE);
  g_autofree char *after = NULL;

  if (tool == NULL)
    {
      g_test_skip ("the sqlite3 command-line tool is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const char *argv[] = { tool, "-bail", f->path, refused[i], NULL };
      g_autofree char *err = NULL;
      g_autoptr (GError) error = NULL;
      int wait_status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &wait_status, &error));
      g_assert_no_error (error);
      if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0)
        g_test_fail_printf ("sqlite3 accepted: %s", refused[i]);
      else if (strstr (err, "clientdesk:") == NULL)
        g_test_fail_printf ("sqlite3 refused for another reason (%s): %s", err, refused[i]);
    }
  after = rel_raw_text (f->path, CONTENT_SIGNATURE);
  g_assert_cmpstr (before, ==, after);
  assert_check_ok (f->path);
}

static gint64
audit_rows (const char *path, const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM audit_log WHERE ", where, NULL);

  return rel_raw_int (path, sql);
}

static void
test_audit_records_raw_changes (Fixture *f, gconstpointer data)
{
  g_autofree char *tool = g_find_program_in_path ("sqlite3");

  /* Through the C API, as any program linking SQLite would. */
  g_assert_cmpint (rel_raw_exec (f->path, "UPDATE client SET region = '华北' WHERE id = 1", NULL), ==, 0);
  g_assert_cmpint (audit_rows (f->path, "table_name = 'client' AND row_id = 1 AND action = 'update'"
                                        " AND json_extract (old_values, '$.region') IS NULL"
                                        " AND json_extract (new_values, '$.region') = '华北'"), ==, 1);
  g_assert_cmpint (rel_raw_exec (f->path, "INSERT INTO client (id, name) VALUES (7, '=HYPERLINK(\"x\")')",
                                 NULL), ==, 0);
  g_assert_cmpint (audit_rows (f->path, "table_name = 'client' AND row_id = 7 AND action = 'insert'"
                                        " AND json_extract (new_values, '$.name') = '=HYPERLINK(\"x\")'"),
                   ==, 1);
  g_assert_cmpint (rel_raw_exec (f->path, "DELETE FROM contact WHERE id = 1", NULL), ==, 0);
  g_assert_cmpint (audit_rows (f->path, "table_name = 'contact' AND row_id = 1 AND action = 'delete'"
                                        " AND json_extract (old_values, '$.phone') = '13800001111'"), ==, 1);
  /* A draft quote may change; its change is recorded too. */
  g_assert_cmpint (rel_raw_exec (f->path, "UPDATE quote SET notes = '改' WHERE id = 2", NULL), ==, 0);
  g_assert_cmpint (audit_rows (f->path, "table_name = 'quote' AND row_id = 2 AND action = 'update'"), ==, 1);

  if (tool != NULL)
    {
      const char *argv[] = { tool, f->path, "UPDATE client SET industry = '快消' WHERE id = 1", NULL };
      int wait_status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                                   | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                   &wait_status, NULL));
      g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
      g_assert_cmpint (audit_rows (f->path, "table_name = 'client' AND action = 'update'"
                                            " AND json_extract (new_values, '$.industry') = '快消'"), ==, 1);
    }
  assert_check_ok (f->path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/reliability/locks/raw-sqlite-api-changes-nothing-locked", test_c_api_refuses_every_change);
  ADD ("/reliability/locks/sqlite3-tool-changes-nothing-locked", test_sqlite3_tool_refuses_every_change);
  ADD ("/reliability/locks/audit-log-records-raw-changes-with-old-and-new-values",
       test_audit_records_raw_changes);
#undef ADD

  return g_test_run ();
}
