/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings (issue 12): numbers and checked fields, attendees, the action
 * item that becomes a work order linked both ways, the daily work meeting
 * and its agenda, the notice warning across a weekend and a holiday, and
 * the Calendar's events of each kind for one person. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>
#include <glib/gstdio.h>

#include "store/cd-store-meetings.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  CdStore *store;
} Fixture;

/* A small agency: an AM (1) and her AE (2), a designer (3), a
 * copywriter (4); one client with a contact, a project in production with
 * work orders in two departments, a supplier order promised, a signed
 * contract with an installment overdue. */
static const char seed_sql[] =
  "INSERT INTO staff (id, name, role, department) VALUES (1, '李娜', 'account_manager', 'account'),"
  " (2, '王强', 'account_executive', 'account'), (3, '陈设计', 'creative', 'creative'),"
  " (4, '周文案', 'creative', 'creative');"
  "INSERT INTO client (id, name, status, owner_id, ae_id, tier) VALUES"
  " (1, '上海星河文化传播有限公司', 'active', 1, 2, 'A'), (2, '北京远山科技有限公司', 'active', 2, NULL, 'B');"
  "INSERT INTO contact (id, client_id, name, title, phone, is_primary) VALUES"
  " (1, 1, '王小明', '市场总监', '13800001111', 1), (2, 2, '刘芳', '经理', '13900002222', 1);"
  "INSERT INTO project (id, number, client_id, name, status, am_id, ae_id, start_date) VALUES"
  " (1, 'XM202604-0001', 1, '新品发布会', 'in_production', 1, 2, '2026-03-02'),"
  " (2, 'XM202604-0002', 2, '年会', 'brief', 2, NULL, '2026-03-05');"
  "INSERT INTO work_order (number, project_id, title, department, assignee_id, issued_by,"
  " issued_date, due_date, status) VALUES"
  " ('GD202603-00001', 1, '主视觉', 'design', 3, 1, '2026-03-20', '2026-04-01', 'in_progress'),"
  " ('GD202603-00002', 1, '邀请函文案', 'copywriting', 4, 1, '2026-03-25', '2026-04-07', 'issued'),"
  " ('GD202603-00003', 1, '背景板', 'design', 3, 2, '2026-03-25', '2026-04-08', 'issued'),"
  " ('GD202603-00004', 1, '远期海报', 'design', 3, 1, '2026-03-25', '2026-05-30', 'issued'),"
  " ('GD202603-00005', 1, '已完成的单', 'design', 3, 1, '2026-03-01', '2026-03-10', 'issued');"
  "UPDATE work_order SET status = 'cancelled' WHERE number = 'GD202603-00005';"
  "INSERT INTO supplier (id, name, category) VALUES (1, '上海彩印厂', 'print');"
  "INSERT INTO supplier_order (id, number, project_id, supplier_id, status, order_date, promised_date)"
  " VALUES (1, 'CG202603-00001', 1, 1, 'ordered', '2026-03-26', '2026-04-06');"
  "INSERT INTO contract (id, number, project_id, client_id, status, subject, amount_fen)"
  " VALUES (1, 'HT202603-0001', 1, 1, 'draft', '发布会执行', 10000000);"
  "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen) VALUES"
  " (1, 1, '首付款', '2026-03-31', 5000000), (1, 2, '尾款', '2026-04-09', 5000000);"
  "UPDATE contract SET status = 'signed', signed_date = '2026-03-20' WHERE id = 1;";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cd-meetings-XXXXXX", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_exec (f->store, seed_sql, &error));
  g_assert_no_error (error);
  cd_store_set_actor (f->store, 1);
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
  g_free (f->dir);
}

static GVariant *
meeting_fields (const char *title, const char *kind, const char *starts, const char *ends,
                gint64 client_id, gint64 project_id)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  if (title)
    g_variant_dict_insert (&dict, "title", "s", title);
  if (kind)
    g_variant_dict_insert (&dict, "kind", "s", kind);
  if (starts)
    g_variant_dict_insert (&dict, "starts_at", "s", starts);
  if (ends)
    g_variant_dict_insert (&dict, "ends_at", "s", ends);
  if (client_id >= 0)
    g_variant_dict_insert (&dict, "client_id", "x", client_id);
  if (project_id >= 0)
    g_variant_dict_insert (&dict, "project_id", "x", project_id);
  return g_variant_dict_end (&dict);
}

static gint64
count (Fixture *f, const char *sql)
{
  return cd_store_query_int (f->store, sql, NULL);
}

static char *
lookup_s (GVariant *dict, const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (dict, key, "&s", &value))
    return g_strdup ("<missing>");
  return g_strdup (value);
}

static gint64
lookup_x (GVariant *dict, const char *key)
{
  gint64 value = -1;

  g_variant_lookup (dict, key, "x", &value);
  return value;
}

static void
test_a_meeting_gets_a_number_and_its_fields (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) row = NULL;
  g_autofree char *s = NULL;
  gint64 id, second;

  /* A project given alone brings its client. */
  id = cd_store_meeting_create (f->store, meeting_fields ("发布会提案", CD_MEETING_PROPOSAL,
                                                          "2026-04-08T14:00", "2026-04-08T15:30", -1, 1),
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  row = cd_store_meeting_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr ((s = lookup_s (row, "number")), ==, "MT202604-0001");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (lookup_x (row, "client_id"), ==, 1);
  g_assert_cmpstr ((s = lookup_s (row, "client_name")), ==, "上海星河文化传播有限公司");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "project_name")), ==, "新品发布会");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "notice_sent_on")), ==, "");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (lookup_x (row, "created_by"), ==, 1);
  g_assert_cmpstr ((s = lookup_s (row, "created_by_name")), ==, "李娜");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (cd_store_meeting_find (f->store, "MT202604-0001", &error), ==, id);
  g_assert_no_error (error);

  second = cd_store_meeting_create (f->store, meeting_fields ("周会", CD_MEETING_OTHER,
                                                              "2026-04-20T10:00", NULL, -1, -1), &error);
  g_assert_no_error (error);
  g_clear_pointer (&row, g_variant_unref);
  row = cd_store_meeting_get (f->store, second, &error);
  g_assert_cmpstr ((s = lookup_s (row, "number")), ==, "MT202604-0002");
  g_clear_pointer (&s, g_free);

  /* An update changes what it names and keeps the rest. */
  {
    GVariantDict dict;

    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "place", "s", "腾讯会议 123-456");
    g_variant_dict_insert (&dict, "decisions", "s", "选方案B");
    g_assert_true (cd_store_meeting_update (f->store, id, g_variant_dict_end (&dict), &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&row, g_variant_unref);
  row = cd_store_meeting_get (f->store, id, &error);
  g_assert_cmpstr ((s = lookup_s (row, "place")), ==, "腾讯会议 123-456");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "decisions")), ==, "选方案B");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "title")), ==, "发布会提案");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "ends_at")), ==, "2026-04-08T15:30");
  g_clear_pointer (&s, g_free);

  /* The client of a meeting about a project stays the project's. */
  {
    GVariantDict dict;

    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "client_id", "x", (gint64) 0);
    g_assert_false (cd_store_meeting_update (f->store, id, g_variant_dict_end (&dict), &error));
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "client_id", "x", (gint64) 2);
    g_assert_false (cd_store_meeting_update (f->store, id, g_variant_dict_end (&dict), &error));
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    /* Both moved together is fine. */
    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "client_id", "x", (gint64) 2);
    g_variant_dict_insert (&dict, "project_id", "x", (gint64) 2);
    g_assert_true (cd_store_meeting_update (f->store, id, g_variant_dict_end (&dict), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (f, "SELECT client_id FROM meeting WHERE number = 'MT202604-0001'"), ==, 2);
}

static void
test_bad_meetings_change_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 before = count (f, "SELECT count (*) FROM meeting");

  g_assert_cmpint (cd_store_meeting_create (f->store, meeting_fields (NULL, CD_MEETING_CLIENT,
                     "2026-04-08T14:00", NULL, 1, -1), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_meeting_create (f->store, meeting_fields ("x", "party",
                     "2026-04-08T14:00", NULL, 1, -1), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_meeting_create (f->store, meeting_fields ("x", CD_MEETING_CLIENT,
                     "2026-02-30T14:00", NULL, 1, -1), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_meeting_create (f->store, meeting_fields ("x", CD_MEETING_CLIENT,
                     "2026-04-08T14:00", "2026-04-08T13:00", 1, -1), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "end after"));
  g_clear_error (&error);
  /* Project 2 belongs to client 2. */
  g_assert_cmpint (cd_store_meeting_create (f->store, meeting_fields ("x", CD_MEETING_CLIENT,
                     "2026-04-08T14:00", NULL, 1, 2), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting"), ==, before);
  /* No number was used up by the refusals. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM doc_sequence WHERE kind = 'meeting'"), ==, 0);
}

static void
test_attendees_are_contacts_or_staff_once_each (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = NULL;
  g_autoptr (GVariant) first = NULL;
  g_autofree char *s = NULL;
  gint64 m, a1, a2, a3;

  m = cd_store_meeting_create (f->store, meeting_fields ("比稿", CD_MEETING_CLIENT,
                                                         "2026-04-10T10:00", NULL, 1, -1), &error);
  a1 = cd_store_meeting_add_staff (f->store, m, 2, &error);
  a2 = cd_store_meeting_add_contact (f->store, m, 1, &error);
  g_assert_no_error (error);
  a3 = cd_store_meeting_add_contact (f->store, m, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a3, ==, a2);
  g_assert_cmpint (cd_store_meeting_add_staff (f->store, m, 99, &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rows = cd_store_meeting_attendees (f->store, m, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 2);
  first = g_variant_get_child_value (rows, 0);
  g_assert_cmpstr ((s = lookup_s (first, "kind")), ==, "contact");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (first, "name")), ==, "王小明");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (first, "phone")), ==, "13800001111");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (lookup_x (first, "ref_id"), ==, 1);

  g_assert_true (cd_store_meeting_remove_attendee (f->store, a1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting_attendee"), ==, 1);
  /* Raw SQL cannot make an attendee who is both or neither. */
  g_assert_false (cd_store_exec (f->store, "INSERT INTO meeting_attendee (meeting_id) VALUES (1)", NULL));
  g_assert_false (cd_store_exec (f->store, "INSERT INTO meeting_attendee (meeting_id, contact_id, staff_id)"
                                           " VALUES (1, 1, 1)", NULL));
}

static gint64
add_action (Fixture *f, gint64 meeting, const char *text, gint64 owner, const char *due, GError **error)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "text", "s", text);
  if (owner > 0)
    g_variant_dict_insert (&dict, "owner_id", "x", owner);
  if (due)
    g_variant_dict_insert (&dict, "due_date", "s", due);
  return cd_store_meeting_add_action (f->store, meeting, g_variant_dict_end (&dict), error);
}

static gint64
work_order_meeting (Fixture *f, gint64 order)
{
  sqlite3_stmt *stmt = cd_store_prepare (f->store, "SELECT coalesce (meeting_id, 0) FROM work_order"
                                                   " WHERE id = ?1", NULL);
  gint64 value = -1;

  sqlite3_bind_int64 (stmt, 1, order);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
test_an_action_becomes_a_work_order_linked_both_ways (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) actions = NULL;
  g_autoptr (GVariant) item = NULL;
  g_autofree char *s = NULL;
  gint64 no_project, with_project, a_free, a_no_owner, a_no_due, a_ok, order;
  gint64 orders_before = count (f, "SELECT count (*) FROM work_order");

  no_project = cd_store_meeting_create (f->store, meeting_fields ("创意会", CD_MEETING_PLANNING,
                                                                  "2026-04-02T10:00", NULL, 1, -1), &error);
  with_project = cd_store_meeting_create (f->store, meeting_fields ("方案评审", CD_MEETING_PLANNING,
                                                                    "2026-04-02T14:00", NULL, -1, 1), &error);
  g_assert_no_error (error);

  a_free = add_action (f, no_project, "出三版草图", 3, "2026-04-09", &error);
  a_no_owner = add_action (f, with_project, "确认场地尺寸", 0, "2026-04-09", &error);
  a_no_due = add_action (f, with_project, "改主标题", 4, NULL, &error);
  a_ok = add_action (f, with_project, "背景板改为蓝色调\n尺寸 6m×3m", 3, "2026-04-09", &error);
  g_assert_no_error (error);

  g_assert_cmpint (cd_store_meeting_action_to_work_order (f->store, a_free, "design", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "project"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_meeting_action_to_work_order (f->store, a_no_owner, "design", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "owner"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_meeting_action_to_work_order (f->store, a_no_due, "copywriting", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "due date"));
  g_clear_error (&error);
  /* A bad department is refused by the work order's own check. */
  g_assert_cmpint (cd_store_meeting_action_to_work_order (f->store, a_ok, "catering", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM work_order"), ==, orders_before);

  order = cd_store_meeting_action_to_work_order (f->store, a_ok, "design", &error);
  g_assert_no_error (error);
  g_assert_cmpint (order, >, 0);
  /* Both ways: the work order names the meeting, the action its order. */
  g_assert_cmpint (work_order_meeting (f, order), ==, with_project);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting_action WHERE work_order_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM work_order w JOIN meeting_action a"
                             " ON a.work_order_id = w.id WHERE w.assignee_id = 3 AND w.project_id = 1"
                             " AND w.due_date = '2026-04-09' AND w.issued_date = '2026-04-02'"
                             " AND w.title = '背景板改为蓝色调' AND w.department = 'design'"
                             " AND instr (w.requirements, '尺寸 6m×3m') > 0"), ==, 1);
  actions = cd_store_meeting_actions (f->store, with_project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (actions), ==, 3);
  item = g_variant_get_child_value (actions, 2);
  g_assert_cmpint (lookup_x (item, "work_order_id"), ==, order);
  g_assert_cmpstr ((s = lookup_s (item, "work_order_number")), ==, "GD202604-00001");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (item, "owner_name")), ==, "陈设计");
  g_clear_pointer (&s, g_free);
  {
    gboolean done = TRUE;
    g_assert_true (g_variant_lookup (item, "done", "b", &done));
    g_assert_false (done);
  }

  /* Once is enough; and the meeting is kept while the order names it. */
  g_assert_cmpint (cd_store_meeting_action_to_work_order (f->store, a_ok, "design", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_meeting_delete (f->store, with_project, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_meeting_delete (f->store, no_project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting_action"), ==, 3);

  g_assert_true (cd_store_meeting_action_done (f->store, a_no_due, TRUE, &error));
  g_assert_cmpint (count (f, "SELECT done FROM meeting_action WHERE text = '改主标题'"), ==, 1);
}

static void
test_daily_meeting_agenda_is_grouped_and_made_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) row = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *s = NULL;
  const char *design, *copy, *deliveries, *collections;
  gint64 id, again;

  id = cd_store_meeting_create_daily (f->store, "2026-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  again = cd_store_meeting_create_daily (f->store, "2026-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting WHERE kind = 'daily'"), ==, 1);

  row = cd_store_meeting_get (f->store, id, &error);
  g_assert_cmpstr ((s = lookup_s (row, "starts_at")), ==, "2026-04-03T09:00");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "ends_at")), ==, "2026-04-03T09:30");
  agenda = lookup_s (row, "agenda");
  g_test_message ("agenda:\n%s", agenda);

  design = strstr (agenda, "Design\n");
  copy = strstr (agenda, "Copywriting\n");
  deliveries = strstr (agenda, "Supplier deliveries");
  collections = strstr (agenda, "Installments overdue");
  g_assert_nonnull (design);
  g_assert_nonnull (copy);
  g_assert_nonnull (deliveries);
  g_assert_nonnull (collections);
  g_assert_true (design < copy && copy < deliveries && deliveries < collections);
  /* Overdue design order first and marked; the one due in 5 days after it. */
  g_assert_nonnull (strstr (agenda, "- GD202603-00001 主视觉 · 新品发布会 · 陈设计 · due 2026-04-01 · OVERDUE\n"));
  g_assert_true (strstr (agenda, "GD202603-00001") < strstr (agenda, "GD202603-00003"));
  g_assert_true (strstr (agenda, "GD202603-00003") < copy);
  g_assert_true (strstr (agenda, "GD202603-00002") > copy);
  /* Too far ahead, or cancelled: not on today's agenda. */
  g_assert_null (strstr (agenda, "GD202603-00004"));
  g_assert_null (strstr (agenda, "GD202603-00005"));
  g_assert_nonnull (strstr (agenda, "- CG202603-00001 上海彩印厂 · 新品发布会 · promised 2026-04-06\n"));
  /* The first installment is overdue, the second not yet. */
  g_assert_nonnull (strstr (agenda, "HT202603-0001 首付款"));
  g_assert_null (strstr (agenda, "尾款"));

  /* A second daily meeting on that day cannot be made by hand either. */
  g_assert_cmpint (cd_store_meeting_create (f->store, meeting_fields ("又一个", CD_MEETING_DAILY,
                     "2026-04-03T17:00", NULL, -1, -1), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static char *
numbers_of (GVariant *rows)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; rows != NULL && i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      g_autofree char *title = lookup_s (row, "title");

      g_string_append_printf (out, "%s%s", out->len ? " " : "", title);
    }
  return g_string_free (out, FALSE);
}

static void
test_meetings_without_notice_count_working_days (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdHolidayCalendar) calendar = cd_holiday_calendar_new_default (&error);
  g_autoptr (GVariant) rows = NULL;
  g_autofree char *titles = NULL;
  gint64 sent;

  g_assert_no_error (error);
  /* Friday 3 April 2026; 4–6 April is the Qingming holiday. */
  cd_store_meeting_create (f->store, meeting_fields ("A", CD_MEETING_CLIENT, "2026-04-03T16:00", NULL, 1, -1), NULL);
  cd_store_meeting_create (f->store, meeting_fields ("B", CD_MEETING_PROPOSAL, "2026-04-07T10:00", NULL, 1, -1), NULL);
  cd_store_meeting_create (f->store, meeting_fields ("C", CD_MEETING_PLANNING, "2026-04-08T23:30", NULL, 2, -1), NULL);
  cd_store_meeting_create (f->store, meeting_fields ("D", CD_MEETING_CLIENT, "2026-04-09T09:00", NULL, 1, -1), NULL);
  sent = cd_store_meeting_create (f->store, meeting_fields ("E", CD_MEETING_CLIENT, "2026-04-07T15:00", NULL, 1, -1), NULL);
  cd_store_meeting_create (f->store, meeting_fields ("F", CD_MEETING_OTHER, "2026-04-07T15:00", NULL, 1, -1), NULL);
  cd_store_meeting_create (f->store, meeting_fields ("G", CD_MEETING_PLANNING, "2026-04-07T11:00", NULL, -1, -1), NULL);
  cd_store_meeting_create (f->store, meeting_fields ("H", CD_MEETING_CLIENT, "2026-04-02T16:00", NULL, 1, -1), NULL);
  g_assert_true (cd_store_meeting_mark_notice_sent (f->store, sent, "2026-04-01", &error));
  g_assert_no_error (error);

  /* Two working days after Friday the 3rd are Tuesday 7th and Wednesday 8th. */
  rows = cd_store_meetings_without_notice (f->store, "2026-04-03", 2, calendar, &error);
  g_assert_no_error (error);
  titles = numbers_of (rows);
  g_assert_cmpstr (titles, ==, "A B C");
  g_clear_pointer (&rows, g_variant_unref);
  g_clear_pointer (&titles, g_free);

  /* Without the holiday calendar Monday the 6th counts: up to Tuesday. */
  rows = cd_store_meetings_without_notice (f->store, "2026-04-03", 2, NULL, &error);
  titles = numbers_of (rows);
  g_assert_cmpstr (titles, ==, "A B");
  g_clear_pointer (&rows, g_variant_unref);
  g_clear_pointer (&titles, g_free);

  /* A notice for a contact attendee makes an internal-looking one count. */
  cd_store_meeting_add_contact (f->store, cd_store_meeting_find (f->store, "MT202604-0007", NULL), 2, NULL);
  rows = cd_store_meetings_without_notice (f->store, "2026-04-03", 2, calendar, &error);
  titles = numbers_of (rows);
  g_assert_cmpstr (titles, ==, "A B G C");
}

static gboolean
has_event (GVariant *rows, int kind, const char *date, const char *title_part, const char *open_kind)
{
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      g_autofree char *d = lookup_s (row, "date");
      g_autofree char *t = lookup_s (row, "title");
      g_autofree char *o = lookup_s (row, "open_kind");
      gint32 k = -1;

      g_variant_lookup (row, "kind", "i", &k);
      if (k == kind && g_str_equal (d, date) && strstr (t, title_part) != NULL && g_str_equal (o, open_kind))
        return TRUE;
    }
  return FALSE;
}

static void
test_calendar_shows_each_kind_for_a_person (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) mine = NULL;
  g_autoptr (GVariant) designer = NULL;
  g_autoptr (GVariant) again = NULL;
  gint64 m;

  g_assert_true (cd_store_exec (f->store,
    "INSERT INTO visit_plan (id, staff_id, period, start_date, end_date) VALUES"
    " (1, 1, 'month', '2026-04-01', '2026-04-30');"
    "INSERT INTO visit_plan_entry (plan_id, client_id, contact_id, date, purpose) VALUES"
    " (1, 2, 2, '2026-04-08', '回访');"
    "INSERT INTO visit (client_id, staff_id, date, topic) VALUES (1, 1, '2026-04-02', '需求沟通');",
    &error));
  g_assert_no_error (error);
  m = cd_store_meeting_create (f->store, meeting_fields ("提案会", CD_MEETING_PROPOSAL,
                                                         "2026-04-07T14:00", "2026-04-07T15:00", 1, 1), &error);
  cd_store_meeting_add_staff (f->store, m, 3, &error);
  g_assert_no_error (error);

  mine = cd_store_calendar_events (f->store, "2026-04-01", "2026-04-10", 1, &error);
  g_assert_no_error (error);
  g_assert_true (has_event (mine, CD_CALENDAR_PLANNED_VISIT, "2026-04-08", "北京远山", "client"));
  g_assert_true (has_event (mine, CD_CALENDAR_VISIT, "2026-04-02", "上海星河", "client"));
  g_assert_true (has_event (mine, CD_CALENDAR_MEETING, "2026-04-07", "提案会", "meeting"));
  g_assert_true (has_event (mine, CD_CALENDAR_WORK_ORDER_DUE, "2026-04-01", "主视觉", "work-order"));
  g_assert_true (has_event (mine, CD_CALENDAR_DELIVERY_DUE, "2026-04-06", "CG202603-00001", "supplier-order"));
  g_assert_true (has_event (mine, CD_CALENDAR_INSTALLMENT_DUE, "2026-04-09", "尾款", "contract"));
  /* Issued by the AE, not by her: GD202603-00003 is not on her calendar. */
  g_assert_false (has_event (mine, CD_CALENDAR_WORK_ORDER_DUE, "2026-04-08", "背景板", "work-order"));
  /* Out of range. */
  g_assert_false (has_event (mine, CD_CALENDAR_INSTALLMENT_DUE, "2026-03-31", "首付款", "contract"));

  /* The designer sees the meeting he attends and his work, not her visits. */
  designer = cd_store_calendar_events (f->store, "2026-04-01", "2026-04-10", 3, &error);
  g_assert_true (has_event (designer, CD_CALENDAR_MEETING, "2026-04-07", "提案会", "meeting"));
  g_assert_true (has_event (designer, CD_CALENDAR_WORK_ORDER_DUE, "2026-04-08", "背景板", "work-order"));
  g_assert_false (has_event (designer, CD_CALENDAR_VISIT, "2026-04-02", "上海星河", "client"));
  g_assert_false (has_event (designer, CD_CALENDAR_INSTALLMENT_DUE, "2026-04-09", "尾款", "contract"));

  /* Ordered by date then time; the meeting carries its times; uids are stable. */
  for (gsize i = 1; i < g_variant_n_children (mine); i++)
    {
      g_autoptr (GVariant) a = g_variant_get_child_value (mine, i - 1);
      g_autoptr (GVariant) b = g_variant_get_child_value (mine, i);
      g_autofree char *da = lookup_s (a, "date");
      g_autofree char *db = lookup_s (b, "date");

      g_assert_cmpstr (da, <=, db);
    }
  again = cd_store_calendar_events (f->store, "2026-04-01", "2026-04-10", 1, &error);
  g_assert_true (g_variant_equal (mine, again));
  for (gsize i = 0; i < g_variant_n_children (mine); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (mine, i);
      g_autofree char *uid = lookup_s (row, "uid");
      g_autofree char *time = lookup_s (row, "time");
      g_autofree char *end = lookup_s (row, "end_time");
      gint32 k = -1;

      g_variant_lookup (row, "kind", "i", &k);
      g_assert_true (g_str_has_suffix (uid, "@clientdesk"));
      if (k == CD_CALENDAR_MEETING)
        {
          g_assert_cmpstr (time, ==, "14:00");
          g_assert_cmpstr (end, ==, "15:00");
        }
    }
  /* Everyone's calendar holds the AE's work order too. */
  g_clear_pointer (&again, g_variant_unref);
  again = cd_store_calendar_events (f->store, "2026-04-01", "2026-04-10", 0, &error);
  g_assert_true (has_event (again, CD_CALENDAR_WORK_ORDER_DUE, "2026-04-08", "背景板", "work-order"));
}

static void
test_new_tables_are_audited (Fixture *f, gconstpointer data)
{
  static const char *const tables[] = {
    "meeting", "meeting_attendee", "meeting_action", "visit_plan", "visit_plan_entry",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM sqlite_schema WHERE type = 'trigger'"
                                              " AND name IN ('audit_%s_insert', 'audit_%s_update',"
                                              " 'audit_%s_delete')", tables[i], tables[i], tables[i]);
      g_assert_cmpint (count (f, sql), ==, 3);
    }
  /* The work order's audit records the meeting it came from. */
  g_assert_cmpint (count (f, "SELECT instr (sql, 'meeting_id') > 0 FROM sqlite_schema"
                             " WHERE name = 'audit_work_order_update'"), ==, 1);
  cd_store_meeting_create (f->store, meeting_fields ("审计", CD_MEETING_OTHER, "2026-04-08T10:00", NULL, -1, -1), NULL);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE table_name = 'meeting'"
                             " AND action = 'insert' AND staff_id = 1"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/meetings/a-meeting-gets-a-number-and-its-fields", test_a_meeting_gets_a_number_and_its_fields);
  ADD ("/store/meetings/bad-input-changes-nothing", test_bad_meetings_change_nothing);
  ADD ("/store/meetings/attendees-are-contacts-or-staff-once-each", test_attendees_are_contacts_or_staff_once_each);
  ADD ("/store/meetings/an-action-becomes-a-work-order-linked-both-ways",
       test_an_action_becomes_a_work_order_linked_both_ways);
  ADD ("/store/meetings/daily-agenda-is-grouped-by-department-and-made-once",
       test_daily_meeting_agenda_is_grouped_and_made_once);
  ADD ("/store/meetings/notice-warning-counts-working-days-past-weekend-and-holiday",
       test_meetings_without_notice_count_working_days);
  ADD ("/store/meetings/calendar-shows-each-kind-for-a-person", test_calendar_shows_each_kind_for_a_person);
  ADD ("/store/meetings/new-tables-are-audited", test_new_tables_are_audited);
  return g_test_run ();
}
