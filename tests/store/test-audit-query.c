/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the audit log back: one record's history newest first with who
 * and what changed, values in words (money, rates, references by name),
 * and the search by person, date range and table. */
#define G_LOG_DOMAIN "cd-test"

#include <glib/gstdio.h>

#include "store/cd-store-audit-query.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  CdStore *store;
} Fixture;

static void
write_as (Fixture *f, gint64 staff, const char *sql)
{
  g_autoptr (GError) error = NULL;

  cd_store_set_actor (f->store, staff);
  g_assert_true (cd_store_begin (f->store, &error));
  g_assert_true (cd_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_commit (f->store, &error));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-audit-XXXXXX", NULL);
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  cd_store_exec (f->store,
                 "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager'),"
                 " (2, '王强', 'finance');", &error);
  g_assert_no_error (error);
  write_as (f, 1, "INSERT INTO client (id, name, owner_id) VALUES (7, '上海青禾广告有限公司', 1)");
  write_as (f, 2, "UPDATE client SET name = '青禾广告', notes = 'VIP' WHERE id = 7");
  write_as (f, 1, "INSERT INTO catalogue_item (id, name, unit, unit_price_fen, tax_rate_bp)"
                  " VALUES (3, '易拉宝', '个', 123456, 650)");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_autofree char *path = g_build_filename (f->dir, "t.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static const CdAuditChange *
find_change (CdAuditEntry *entry, const char *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const CdAuditChange *change = entry->changes->pdata[i];
      if (g_str_equal (change->field, field))
        return change;
    }
  return NULL;
}

static void
test_history_newest_first (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdAuditFilter filter = { .table_name = "client", .row_id = 7 };
  g_autoptr (GPtrArray) entries = cd_store_audit_query (f->store, &filter, &error);
  CdAuditEntry *update, *insert;
  const CdAuditChange *name;

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 2);
  if (entries->len != 2)
    return;
  update = entries->pdata[0];
  insert = entries->pdata[1];
  g_assert_cmpstr (update->action, ==, "update");
  g_assert_cmpstr (update->staff_name, ==, "王强");
  g_assert_cmpint (update->staff_id, ==, 2);
  g_assert_cmpint (update->row_id, ==, 7);
  /* Only what changed: the name and the notes, not the other 20 columns. */
  g_assert_cmpuint (update->changes->len, ==, 2);
  name = find_change (update, "name");
  g_assert_nonnull (name);
  if (name != NULL)
    {
      g_assert_cmpstr (name->label, ==, "Name");
      g_assert_cmpstr (name->old_text, ==, "上海青禾广告有限公司");
      g_assert_cmpstr (name->new_text, ==, "青禾广告");
    }
  g_assert_nonnull (find_change (update, "notes"));
  g_assert_cmpstr (find_change (update, "notes")->old_text, ==, "(empty)");

  g_assert_cmpstr (insert->action, ==, "insert");
  g_assert_cmpstr (insert->staff_name, ==, "李娜");
  g_assert_nonnull (insert->at);
  /* The row's own id is not listed as a change; empty fields are left out. */
  g_assert_null (find_change (insert, "id"));
  g_assert_null (find_change (insert, "address"));
  g_assert_nonnull (find_change (insert, "name"));
  g_assert_null (find_change (insert, "name")->old_text);
}

/* A record's history holds its parts: a client's contacts, added and
 * changed, and not another client's. */
static void
test_history_holds_the_parts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdAuditFilter filter = { .table_name = "client", .row_id = 7 };
  g_autoptr (GPtrArray) entries = NULL;
  guint contacts = 0, clients = 0;

  write_as (f, 1, "INSERT INTO client (id, name, owner_id) VALUES (8, '北京远山文化传媒', 1)");
  write_as (f, 1, "INSERT INTO contact (id, client_id, name) VALUES (31, 7, '陈静')");
  write_as (f, 2, "UPDATE contact SET name = '陈静怡' WHERE id = 31");
  write_as (f, 1, "INSERT INTO contact (id, client_id, name) VALUES (32, 8, '赵磊')");
  entries = cd_store_audit_query (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      CdAuditEntry *entry = entries->pdata[i];

      if (g_str_equal (entry->table_name, "contact"))
        {
          contacts++;
          g_assert_cmpint (entry->row_id, ==, 31);
        }
      else
        {
          g_assert_cmpstr (entry->table_name, ==, "client");
          g_assert_cmpint (entry->row_id, ==, 7);
          clients++;
        }
    }
  g_assert_cmpuint (contacts, ==, 2);
  g_assert_cmpuint (clients, ==, 2);
  /* Newest first: the contact's rename leads. */
  g_assert_cmpstr (((CdAuditEntry *) entries->pdata[0])->table_name, ==, "contact");
  g_assert_cmpstr (((CdAuditEntry *) entries->pdata[0])->action, ==, "update");
}

static void
test_values_in_words (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdAuditFilter filter = { .table_name = "catalogue_item", .row_id = 3 };
  g_autoptr (GPtrArray) entries = cd_store_audit_query (f->store, &filter, &error);
  CdAuditFilter client = { .table_name = "client", .row_id = 7 };
  g_autoptr (GPtrArray) client_entries = cd_store_audit_query (f->store, &client, &error);
  const CdAuditChange *change;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  if (entries->len != 1)
    return;
  change = find_change (entries->pdata[0], "unit_price_fen");
  g_assert_nonnull (change);
  if (change != NULL)
    {
      g_assert_cmpstr (change->label, ==, "Unit price");
      g_assert_cmpstr (change->new_text, ==, "¥1,234.56");
    }
  change = find_change (entries->pdata[0], "tax_rate_bp");
  g_assert_nonnull (change);
  if (change != NULL)
    g_assert_cmpstr (change->new_text, ==, "6.50%");

  change = find_change (client_entries->pdata[1], "owner_id");
  g_assert_nonnull (change);
  if (change != NULL)
    {
      g_assert_cmpstr (change->label, ==, "Owner");
      g_assert_cmpstr (change->new_text, ==, "李娜 (#1)");
    }
}

static void
test_search_by_person_and_date (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr (GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  CdAuditFilter by_wang = { .staff_id = 2 };
  CdAuditFilter by_li_today = { .staff_id = 1, .from = hour_ago, .until = tomorrow };
  CdAuditFilter last_week = { .from = week_ago, .until = yesterday };
  CdAuditFilter clients_only = { .table_name = "client" };
  CdAuditFilter everything = { 0 };
  CdAuditFilter paged = { .limit = 1, .offset = 1 };
  CdAuditFilter nobody = { .staff_id = CD_AUDIT_NOBODY };
  g_autoptr (GPtrArray) wang = cd_store_audit_query (f->store, &by_wang, &error);
  g_autoptr (GPtrArray) li = cd_store_audit_query (f->store, &by_li_today, &error);
  g_autoptr (GPtrArray) old = cd_store_audit_query (f->store, &last_week, &error);
  g_autoptr (GPtrArray) clients = cd_store_audit_query (f->store, &clients_only, &error);
  g_autoptr (GPtrArray) all = cd_store_audit_query (f->store, &everything, &error);
  g_autoptr (GPtrArray) page = cd_store_audit_query (f->store, &paged, &error);
  g_autoptr (GPtrArray) unrecorded = cd_store_audit_query (f->store, &nobody, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (wang->len, ==, 1);
  g_assert_cmpstr (((CdAuditEntry *) wang->pdata[0])->action, ==, "update");
  g_assert_cmpuint (li->len, ==, 2);
  for (guint i = 0; i < li->len; i++)
    g_assert_cmpint (((CdAuditEntry *) li->pdata[i])->staff_id, ==, 1);
  g_assert_cmpuint (old->len, ==, 0);
  g_assert_cmpuint (clients->len, ==, 2);
  g_assert_cmpuint (all->len, >=, 3);
  g_assert_cmpuint (page->len, ==, 1);
  /* The staff rows were written outside a transaction, with no one set. */
  g_assert_cmpuint (unrecorded->len, ==, 2);
  for (guint i = 0; i < unrecorded->len; i++)
    {
      g_assert_cmpint (((CdAuditEntry *) unrecorded->pdata[i])->staff_id, ==, 0);
      g_assert_cmpstr (((CdAuditEntry *) unrecorded->pdata[i])->table_name, ==, "staff");
    }
  if (page->len == 1 && all->len >= 2)
    g_assert_cmpint (((CdAuditEntry *) page->pdata[0])->id, ==, ((CdAuditEntry *) all->pdata[1])->id);
}

static void
on_query_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GPtrArray **out = data;
  g_autoptr (GError) error = NULL;

  *out = cd_store_audit_query_finish (CD_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  CdAuditFilter filter = { .table_name = "client", .row_id = 7 };
  g_autoptr (GPtrArray) entries = NULL;
  GMainContext *context = g_main_context_default ();

  cd_store_audit_query_async (f->store, &filter, NULL, on_query_done, &entries);
  for (int i = 0; entries == NULL && i < 500; i++)
    {
      g_main_context_iteration (context, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (entries);
  if (entries != NULL)
    g_assert_cmpuint (entries->len, ==, 2);
}

static void
test_people_and_tables (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) people = cd_store_audit_people (f->store, &error);
  g_auto (GStrv) tables = cd_store_audit_tables (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (people), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) tables, "client"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "supplier_order"));
  g_assert_false (g_strv_contains ((const char * const *) tables, "audit_log"));
}

static void
test_labels (void)
{
  g_autofree char *table = cd_audit_table_label ("supplier_order");
  g_autofree char *unknown = cd_audit_table_label ("meeting_attendee");
  g_autofree char *field = cd_audit_field_label ("received_milli");
  g_autofree char *ref = cd_audit_field_label ("order_line_id");

  g_assert_cmpstr (table, ==, "Supplier order");
  g_assert_cmpstr (unknown, ==, "Meeting attendee");
  g_assert_cmpstr (field, ==, "Received");
  g_assert_cmpstr (ref, ==, "Order line");
  g_assert_cmpstr (cd_audit_action_label ("delete"), ==, "Deleted");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/audit/history-holds-the-parts", test_history_holds_the_parts);
  ADD ("/store/audit/history-lists-who-changed-what-newest-first", test_history_newest_first);
  ADD ("/store/audit/values-are-put-into-words", test_values_in_words);
  ADD ("/store/audit/search-by-person-date-and-table", test_search_by_person_and_date);
  ADD ("/store/audit/history-reads-off-the-ui-thread", test_async);
  ADD ("/store/audit/people-and-tables-to-search-by", test_people_and_tables);
#undef ADD
  g_test_add_func ("/store/audit/names-are-humanised", test_labels);
  return g_test_run ();
}
