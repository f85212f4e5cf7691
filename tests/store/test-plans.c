/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Visit plans (issue 12): suggestions from the tier cycles on known dates
 * (National Day 2026 moves them), submission and review with the moves the
 * machine refuses, the lock that raw SQL cannot get around except for the
 * match of a visit, the completion rate as visits are logged, `check`, and
 * the migration from schema 4 that keeps the data. */
#define G_LOG_DOMAIN "cd-test"

#include <inttypes.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "store/cd-demo.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-meetings.h"
#include "store/cd-store-plans.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  CdStore *store;
} Fixture;

/* An AM (1), an AE (2), their director (3). Clients of the AM with known
 * tiers and last visits, before the October 2026 plan:
 *   1 A (14 days), last visit 17 Sep → due 1 Oct, a holiday (1–7 Oct)
 *   2 B (30 days), last visit 10 Aug → due 9 Sep, 22 days overdue on 1 Oct
 *   3 C (90 days), AE of it, last visit 20 Aug → due 18 Nov: not in October
 *   4 A, never visited, added 25 Sep → due 9 Oct
 *   5 A of the AE only → not hers
 *   6 B, dormant → not suggested
 *   7 A, visited 20 Oct → due 3 Nov: not in October */
static const char seed_sql[] =
  "INSERT INTO staff (id, name, role, department) VALUES (1, '李娜', 'account_manager', 'account'),"
  " (2, '王强', 'account_executive', 'account'), (3, '张总', 'director', 'management');"
  "INSERT INTO client (id, name, status, owner_id, ae_id, tier, created_on) VALUES"
  " (1, '甲公司', 'active', 1, NULL, 'A', '2025-01-01'),"
  " (2, '乙公司', 'active', 1, 2, 'B', '2025-01-01'),"
  " (3, '丙公司', 'active', 2, 1, 'C', '2025-01-01'),"
  " (4, '丁公司', 'active', 1, NULL, 'A', '2026-09-25'),"
  " (5, '戊公司', 'active', 2, NULL, 'A', '2025-01-01'),"
  " (6, '己公司', 'dormant', 1, NULL, 'B', '2025-01-01'),"
  " (7, '庚公司', 'active', 1, NULL, 'A', '2025-01-01');"
  "INSERT INTO contact (id, client_id, name, is_primary) VALUES (1, 1, '甲一', 0), (2, 1, '甲二', 1),"
  " (3, 2, '乙一', 0), (4, 5, '戊一', 1);"
  "INSERT INTO visit (client_id, staff_id, date) VALUES (1, 1, '2026-09-03'), (1, 2, '2026-09-17'),"
  " (2, 1, '2026-08-10'), (3, 1, '2026-08-20'), (7, 1, '2026-10-20');";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cd-plans-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "agency.db", NULL);
  if (data != NULL)
    return;   /* the migration test opens the file itself */
  f->store = cd_store_open (f->path, &error);
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
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
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

static GVariant *
entry (gint64 client, gint64 contact, const char *date, const char *purpose)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  if (client >= 0)
    g_variant_dict_insert (&dict, "client_id", "x", client);
  if (contact >= 0)
    g_variant_dict_insert (&dict, "contact_id", "x", contact);
  if (date)
    g_variant_dict_insert (&dict, "date", "s", date);
  if (purpose)
    g_variant_dict_insert (&dict, "purpose", "s", purpose);
  return g_variant_dict_end (&dict);
}

static gint64
log_visit (Fixture *f, gint64 client, gint64 staff, const char *date)
{
  g_autoptr (GError) error = NULL;
  GVariantDict dict;
  gint64 id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "date", "s", date);
  g_variant_dict_insert (&dict, "staff_id", "x", staff);
  g_variant_dict_insert (&dict, "topic", "s", "拜访");
  id = cd_store_visit_add (f->store, client, g_variant_dict_end (&dict), &error);
  g_assert_no_error (error);
  return id;
}

/* "client:due:overdue:date:contact" per suggestion, space-separated. */
static char *
describe (GVariant *rows)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; rows != NULL && i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      g_autofree char *due = lookup_s (row, "due");
      g_autofree char *date = lookup_s (row, "date");

      g_string_append_printf (out, "%s%" PRId64 ":%s:%" PRId64 ":%s:%" PRId64,
                              out->len ? " " : "", lookup_x (row, "client_id"), due,
                              lookup_x (row, "overdue_days"), date, lookup_x (row, "contact_id"));
    }
  return g_string_free (out, FALSE);
}

static void
test_suggestions_follow_tier_cycles_and_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdHolidayCalendar) calendar = cd_holiday_calendar_new_default (&error);
  g_autoptr (GVariant) rows = NULL;
  g_autoptr (GVariant) first = NULL;
  g_autofree char *text = NULL;
  g_autofree char *s = NULL;
  gint64 month, week;

  g_assert_no_error (error);
  month = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  g_assert_no_error (error);

  /* Overdue first; 1 October is National Day, the first working day 8 October. */
  rows = cd_store_visit_plan_suggest (f->store, month, calendar, &error);
  g_assert_no_error (error);
  text = describe (rows);
  g_assert_cmpstr (text, ==, "2:2026-09-09:22:2026-10-08:3 1:2026-10-01:0:2026-10-08:2 4:2026-10-09:0:2026-10-09:0");
  first = g_variant_get_child_value (rows, 0);
  g_assert_cmpstr ((s = lookup_s (first, "last_visit")), ==, "2026-08-10");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (first, "tier")), ==, "B");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (first, "contact_name")), ==, "乙一");
  g_clear_pointer (&s, g_free);
  g_clear_pointer (&rows, g_variant_unref);
  g_clear_pointer (&text, g_free);

  /* Without the holiday calendar the due day itself (never before the period). */
  rows = cd_store_visit_plan_suggest (f->store, month, NULL, &error);
  text = describe (rows);
  g_assert_cmpstr (text, ==, "2:2026-09-09:22:2026-10-01:3 1:2026-10-01:0:2026-10-01:2 4:2026-10-09:0:2026-10-09:0");
  g_clear_pointer (&rows, g_variant_unref);
  g_clear_pointer (&text, g_free);

  /* The week of 28 September: 1–4 October are holidays to its end, so the
   * visit falls back to Wednesday 30 September. */
  week = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_WEEK, "2026-09-28", &error);
  g_assert_no_error (error);
  rows = cd_store_visit_plan_suggest (f->store, week, calendar, &error);
  text = describe (rows);
  g_assert_cmpstr (text, ==, "2:2026-09-09:19:2026-09-28:3 1:2026-10-01:0:2026-09-30:2");
  g_clear_pointer (&rows, g_variant_unref);
  g_clear_pointer (&text, g_free);

  /* Adding them writes the entries; a client in the plan is not suggested again. */
  g_assert_cmpint (cd_store_visit_plan_add_suggested (f->store, month, calendar, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry WHERE plan_id = 1"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry WHERE plan_id = 1 AND client_id = 2"
                             " AND date = '2026-10-08' AND contact_id = 3 AND mode = 'in_person'"), ==, 1);
  rows = cd_store_visit_plan_suggest (f->store, month, calendar, &error);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 0);
  g_assert_cmpint (cd_store_visit_plan_add_suggested (f->store, month, calendar, &error), ==, 0);
}

static void
test_plans_are_one_per_person_and_period (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) plan = NULL;
  g_autoptr (GVariant) week = NULL;
  g_autofree char *s = NULL;
  gint64 a, b;

  a = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  b = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, ==, b);
  g_assert_cmpint (cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-02", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_WEEK, "2026-10-01", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_visit_plan_ensure (f->store, 1, "year", "2026-01-01", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_visit_plan_ensure (f->store, 99, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  plan = cd_store_visit_plan_get (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr ((s = lookup_s (plan, "start")), ==, "2026-10-01");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (plan, "end")), ==, "2026-10-31");
  g_clear_pointer (&s, g_free);
  /* Next month's plan is due by the 28th. */
  g_assert_cmpstr ((s = lookup_s (plan, "due")), ==, "2026-09-28");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (plan, "status")), ==, "draft");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (plan, "staff_name")), ==, "李娜");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (lookup_x (plan, "n_entries"), ==, 0);

  b = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_WEEK, "2026-12-28", &error);
  week = cd_store_visit_plan_get (f->store, b, &error);
  g_assert_cmpstr ((s = lookup_s (week, "end")), ==, "2027-01-03");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (week, "due")), ==, "2026-12-27");
  g_clear_pointer (&s, g_free);

  {
    g_autoptr (GVariant) list = cd_store_visit_plans_list (f->store, CD_PLAN_PERIOD_MONTH, "2026-01-01",
                                                           "2026-12-31", 0, &error);
    g_autoptr (GVariant) all = cd_store_visit_plans_list (f->store, NULL, "2026-01-01", "2026-12-31", 1, &error);
    g_autoptr (GVariant) none = cd_store_visit_plans_list (f->store, NULL, "2026-01-01", "2026-12-31", 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_variant_n_children (list), ==, 1);
    g_assert_cmpuint (g_variant_n_children (all), ==, 2);
    g_assert_cmpuint (g_variant_n_children (none), ==, 0);
  }
}

static void
test_entries_are_checked_against_their_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = NULL;
  g_autoptr (GVariant) row = NULL;
  g_autofree char *s = NULL;
  gint64 plan, e1, e2;

  plan = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  e1 = cd_store_visit_plan_add_entry (f->store, plan, entry (2, 3, "2026-10-15", "续约"), &error);
  e2 = cd_store_visit_plan_add_entry (f->store, plan, entry (1, 2, "2026-10-12", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (e1, >, 0);

  g_assert_cmpint (cd_store_visit_plan_add_entry (f->store, plan, entry (1, -1, "2026-11-01", NULL), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outside the plan"));
  g_clear_error (&error);
  g_assert_cmpint (cd_store_visit_plan_add_entry (f->store, plan, entry (1, 4, "2026-10-12", NULL), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_visit_plan_add_entry (f->store, plan, entry (-1, -1, "2026-10-12", NULL), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cd_store_visit_plan_add_entry (f->store, plan, entry (1, -1, "2026-10-32", NULL), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry"), ==, 2);

  /* Ordered by date; an update changes only what it names. */
  {
    GVariantDict dict;

    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "mode", "s", "phone");
    g_variant_dict_insert (&dict, "date", "s", "2026-10-09");
    g_assert_true (cd_store_visit_plan_update_entry (f->store, e1, g_variant_dict_end (&dict), &error));
    g_assert_no_error (error);
    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "mode", "s", "carrier pigeon");
    g_assert_false (cd_store_visit_plan_update_entry (f->store, e1, g_variant_dict_end (&dict), &error));
    g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  rows = cd_store_visit_plan_entries (f->store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 2);
  row = g_variant_get_child_value (rows, 0);
  g_assert_cmpint (lookup_x (row, "id"), ==, e1);
  g_assert_cmpstr ((s = lookup_s (row, "mode")), ==, "phone");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "purpose")), ==, "续约");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "contact_name")), ==, "乙一");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (row, "client_name")), ==, "乙公司");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (lookup_x (row, "visit_id"), ==, 0);
  g_assert_true (cd_store_visit_plan_remove_entry (f->store, e2, &error));
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry"), ==, 1);
}

static void
test_submit_and_review_follow_the_machine (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) plan = NULL;
  g_autofree char *s = NULL;
  gint64 id;

  id = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  g_assert_false (cd_store_visit_plan_submit (f->store, id, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_visit_plan_review (f->store, id, 3, "好", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);

  cd_store_visit_plan_add_entry (f->store, id, entry (1, 2, "2026-10-12", NULL), &error);
  g_assert_true (cd_store_visit_plan_submit (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (cd_store_visit_plan_submit (f->store, id, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  /* A submitted plan can still be completed before the review. */
  g_assert_cmpint (cd_store_visit_plan_add_entry (f->store, id, entry (4, -1, "2026-10-20", NULL), &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (cd_store_visit_plan_review (f->store, id, 99, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Raw SQL cannot move it back either. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE visit_plan SET status = 'draft' WHERE id = 1", NULL), !=, SQLITE_OK);

  g_assert_true (cd_store_visit_plan_review (f->store, id, 3, "  计划合理  ", &error));
  g_assert_no_error (error);
  plan = cd_store_visit_plan_get (f->store, id, &error);
  g_assert_cmpstr ((s = lookup_s (plan, "status")), ==, "reviewed");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (plan, "reviewer_name")), ==, "张总");
  g_clear_pointer (&s, g_free);
  g_assert_cmpstr ((s = lookup_s (plan, "review_comment")), ==, "计划合理");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (lookup_x (plan, "n_entries"), ==, 2);
  g_assert_false (cd_store_visit_plan_review (f->store, id, 3, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan WHERE locked_hash IS NOT NULL"), ==, 1);
}

static void
test_a_reviewed_plan_is_locked_but_visits_still_match (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  static const char *const refused[] = {
    "UPDATE visit_plan_entry SET purpose = '改' WHERE id = 1",
    "UPDATE visit_plan_entry SET date = '2026-10-13' WHERE id = 1",
    "DELETE FROM visit_plan_entry WHERE id = 1",
    "INSERT INTO visit_plan_entry (plan_id, client_id, date) VALUES (1, 4, '2026-10-14')",
    "UPDATE visit_plan SET review_comment = '改' WHERE id = 1",
    "DELETE FROM visit_plan WHERE id = 1",
  };
  gint64 id, visit;

  id = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  cd_store_visit_plan_add_entry (f->store, id, entry (1, 2, "2026-10-12", NULL), &error);
  cd_store_visit_plan_submit (f->store, id, &error);
  cd_store_visit_plan_review (f->store, id, 3, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      char *message = NULL;

      g_assert_cmpint (raw_exec (f->path, refused[i], &message), !=, SQLITE_OK);
      g_assert_nonnull (message);
      if (message != NULL)
        g_assert_nonnull (strstr (message, "clientdesk:locked:visit_plan"));
      sqlite3_free (message);
    }
  g_assert_false (cd_store_visit_plan_add_entry (f->store, id, entry (4, -1, "2026-10-14", NULL), &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (cd_store_visit_plan_remove_entry (f->store, 1, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* The visit that fulfils it is still matched, in its own transaction. */
  visit = log_visit (f, 1, 1, "2026-10-13");
  g_assert_cmpint (count (f, "SELECT visit_id FROM visit_plan_entry WHERE id = 1"), ==, visit);
  g_assert_cmpint (raw_exec (f->path, "UPDATE visit_plan_entry SET visit_id = NULL WHERE id = 1", NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->path, "UPDATE visit_plan_entry SET visit_id = 6 WHERE id = 1", NULL), ==, SQLITE_OK);
  g_assert_true (cd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Behind the triggers' back: check sees it. */
  g_assert_cmpint (raw_exec (f->path, "DROP TRIGGER visit_plan_entry_locked_update;"
                                      "UPDATE visit_plan_entry SET purpose = '偷改' WHERE id = 1;"
                                      "UPDATE visit_plan_entry SET visit_id = 3 WHERE id = 1", NULL), ==, SQLITE_OK);
  g_assert_false (cd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  if (problems != NULL)
    {
      gboolean changed = FALSE, mismatched = FALSE;

      for (guint i = 0; i < problems->len; i++)
        {
          const char *p = problems->pdata[i];

          g_test_message ("%s", p);
          changed |= strstr (p, "changed after it was reviewed") != NULL;
          mismatched |= strstr (p, "another person or to another client") != NULL;
        }
      g_assert_true (changed);
      g_assert_true (mismatched);
    }
}

static gint64
rate_of (Fixture *f, const char *month, gint64 staff, gint64 *planned, gint64 *done)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_visit_plan_completion (f->store, month, staff, &error);
  g_autoptr (GVariant) row = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rows), ==, 1);
  if (g_variant_n_children (rows) != 1)
    return -1;
  row = g_variant_get_child_value (rows, 0);
  *planned = lookup_x (row, "planned");
  *done = lookup_x (row, "done");
  return lookup_x (row, "rate_permille");
}

static void
test_completion_rate_counts_matched_entries (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) all = NULL;
  gint64 mine, his, planned = 0, done = 0, moved;

  mine = cd_store_visit_plan_ensure (f->store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  cd_store_visit_plan_add_entry (f->store, mine, entry (1, -1, "2026-10-08", NULL), &error);
  cd_store_visit_plan_add_entry (f->store, mine, entry (1, -1, "2026-10-22", NULL), &error);
  cd_store_visit_plan_add_entry (f->store, mine, entry (2, -1, "2026-10-12", NULL), &error);
  cd_store_visit_plan_add_entry (f->store, mine, entry (4, -1, "2026-10-30", NULL), &error);
  his = cd_store_visit_plan_ensure (f->store, 2, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error);
  cd_store_visit_plan_add_entry (f->store, his, entry (5, -1, "2026-10-08", NULL), &error);
  cd_store_visit_plan_add_entry (f->store, his, entry (3, -1, "2026-10-09", NULL), &error);
  cd_store_visit_plan_add_entry (f->store, his, entry (2, -1, "2026-10-10", NULL), &error);
  g_assert_no_error (error);

  g_assert_cmpint (rate_of (f, "2026-10", 1, &planned, &done), ==, 0);
  g_assert_cmpint (planned, ==, 4);
  g_assert_cmpint (done, ==, 0);

  /* Nearest planned date: the 9th fulfils the 8th, the 20th the 22nd. */
  log_visit (f, 1, 1, "2026-10-09");
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry WHERE date = '2026-10-08'"
                             " AND client_id = 1 AND visit_id IS NOT NULL"), ==, 1);
  log_visit (f, 1, 1, "2026-10-20");
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry WHERE date = '2026-10-22'"
                             " AND visit_id IS NOT NULL"), ==, 1);
  /* A third visit to the same client finds nothing left to fulfil. */
  log_visit (f, 1, 1, "2026-10-21");
  /* Not matched: another person's visit, a visit after the period, an
   * unplanned client. */
  log_visit (f, 2, 3, "2026-10-12");
  log_visit (f, 4, 1, "2026-11-02");
  log_visit (f, 7, 1, "2026-10-15");
  g_assert_cmpint (rate_of (f, "2026-10", 1, &planned, &done), ==, 500);
  g_assert_cmpint (planned, ==, 4);
  g_assert_cmpint (done, ==, 2);

  /* His: 2 of 3 rounds to 667 ‰. */
  log_visit (f, 5, 2, "2026-10-05");
  g_assert_cmpint (rate_of (f, "2026-10", 2, &planned, &done), ==, 333);
  moved = log_visit (f, 3, 2, "2026-10-31");
  g_assert_cmpint (rate_of (f, "2026-10", 2, &planned, &done), ==, 667);

  /* A visit moved out of the period no longer fulfils its entry. */
  {
    GVariantDict dict;

    g_variant_dict_init (&dict, NULL);
    g_variant_dict_insert (&dict, "date", "s", "2026-11-03");
    g_assert_true (cd_store_visit_update (f->store, moved, g_variant_dict_end (&dict), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (rate_of (f, "2026-10", 2, &planned, &done), ==, 333);

  all = cd_store_visit_plan_completion (f->store, "2026-10", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (all), ==, 2);
  /* Someone with nothing planned, asked for by name: a row of zeros. */
  g_assert_cmpint (rate_of (f, "2026-10", 3, &planned, &done), ==, 0);
  g_assert_cmpint (planned, ==, 0);
  g_assert_cmpint (rate_of (f, "2026-11", 1, &planned, &done), ==, 0);
  g_assert_null (cd_store_visit_plan_completion (f->store, "2026-13", 1, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_migration_from_schema_4_keeps_the_data (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open_at_version (f->path, 4, &error);
  gint64 visit;

  g_assert_no_error (error);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, 4);
  g_assert_true (cd_store_exec (store, seed_sql, &error));
  g_assert_true (cd_store_exec (store,
    "INSERT INTO project (id, number, client_id, name, status, start_date)"
    "  VALUES (1, 'XM202609-0001', 1, '发布会', 'brief', '2026-09-01');"
    "INSERT INTO work_order (number, project_id, title, department, issued_date, due_date)"
    "  VALUES ('GD202609-00001', 1, '海报', 'design', '2026-09-02', '2026-09-09');", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->store = g_object_ref (store);
  g_assert_cmpint (cd_store_get_schema_version (store), ==, CD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (f, "SELECT count (*) FROM client"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count (*) FROM work_order WHERE number = 'GD202609-00001'"
                             " AND meeting_id IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM state_transition WHERE entity = 'visit_plan'"), ==, 2);
  /* The work order's audit was generated again, with the new column. */
  g_assert_cmpint (count (f, "SELECT instr (sql, 'meeting_id') > 0 FROM sqlite_schema"
                             " WHERE name = 'audit_work_order_insert'"), ==, 1);
  /* The old data works with the new tables. */
  cd_store_set_actor (store, 1);
  g_assert_cmpint (cd_store_visit_plan_ensure (store, 1, CD_PLAN_PERIOD_MONTH, "2026-10-01", &error), ==, 1);
  g_assert_cmpint (cd_store_visit_plan_add_entry (store, 1, entry (1, 2, "2026-10-12", NULL), &error), >, 0);
  g_assert_no_error (error);
  visit = log_visit (f, 1, 1, "2026-10-12");
  g_assert_cmpint (count (f, "SELECT visit_id FROM visit_plan_entry WHERE id = 1"), ==, visit);
  g_assert_true (cd_store_check (store, NULL, &error));
  g_assert_no_error (error);
}

/* The demo agency on 25 November 2026: October's plans reviewed, November's
 * submitted, entries matched to the person's own visits, meetings with
 * attendees, minutes and a work order each, today's daily meeting. */
static void
test_the_demo_has_plans_and_meetings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rates = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  f->store = cd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_demo_generate (f->store, CD_DEMO_SMALL, 20261125, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan WHERE start_date = '2026-10-01'"
                             " AND status = 'reviewed' AND locked_hash IS NOT NULL"), >=, 5);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan WHERE start_date = '2026-11-01'"
                             " AND status = 'submitted'"), >=, 5);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry WHERE visit_id IS NOT NULL"), >=, 10);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry WHERE visit_id IS NULL"), >=, 5);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry e JOIN visit_plan p ON p.id = e.plan_id"
                             " JOIN visit v ON v.id = e.visit_id WHERE v.staff_id <> p.staff_id"
                             " OR v.client_id <> e.client_id"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting WHERE kind <> 'daily'"), ==, 8);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting WHERE kind = 'daily'"
                             " AND starts_at = '2026-11-25T09:00'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting m WHERE kind <> 'daily' AND NOT EXISTS"
                             " (SELECT 1 FROM meeting_attendee a WHERE a.meeting_id = m.id)"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM meeting WHERE notice_sent_on IS NOT NULL"), >=, 4);
  g_assert_cmpint (count (f, "SELECT count (*) FROM work_order w JOIN meeting_action a"
                             " ON a.work_order_id = w.id AND a.meeting_id = w.meeting_id"), >=, 3);
  rates = cd_store_visit_plan_completion (f->store, "2026-10", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (rates), >=, 5);
  g_assert_cmpint (count (f, "SELECT count (*) FROM visit_plan_entry e JOIN visit_plan p ON p.id = e.plan_id"
                             " WHERE e.date >= '2026-11-26' AND p.start_date = '2026-11-01'"), >=, 5);
  g_assert_true (cd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/plans/suggestions-follow-tier-cycles-and-holidays", test_suggestions_follow_tier_cycles_and_holidays);
  ADD ("/store/plans/one-plan-per-person-and-period", test_plans_are_one_per_person_and_period);
  ADD ("/store/plans/entries-are-checked-against-their-plan", test_entries_are_checked_against_their_plan);
  ADD ("/store/plans/submit-and-review-follow-the-machine", test_submit_and_review_follow_the_machine);
  ADD ("/store/plans/a-reviewed-plan-is-locked-but-visits-still-match",
       test_a_reviewed_plan_is_locked_but_visits_still_match);
  ADD ("/store/plans/completion-rate-counts-matched-entries", test_completion_rate_counts_matched_entries);
  g_test_add ("/store/plans/migration-from-schema-4-keeps-the-data", Fixture, "raw", fixture_setup,
              test_migration_from_schema_4_keeps_the_data, fixture_teardown);
  g_test_add ("/store/plans/the-demo-has-plans-and-meetings", Fixture, "raw", fixture_setup,
              test_the_demo_has_plans_and_meetings, fixture_teardown);
  return g_test_run ();
}
