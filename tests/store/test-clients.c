/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file in the store: creation with validation, search by
 * Chinese substrings (two characters and three or more, names, contacts,
 * phones), hand-overs that keep their history, the lifecycle (lost needs a
 * reason), the reviewed-visit lock, feedback, and deletion refused while
 * projects exist. */
#define G_LOG_DOMAIN "cd-test"

#include <glib/gstdio.h>

#include "store/cd-store-client-search.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-pages.h"
#include "store/cd-store-private.h"

typedef struct
{
  char    *dir;
  CdStore *store;
  gint64   client;
} Fixture;

static GVariant *
dict (const char *first_key, ...)
{
  GVariantDict d;
  va_list args;

  g_variant_dict_init (&d, NULL);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_variant_dict_insert (&d, key, "s", va_arg (args, const char *));
  va_end (args);
  return g_variant_dict_end (&d);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  GVariantDict d;

  f->dir = g_dir_make_tmp ("cd-clients-XXXXXX", NULL);
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = cd_store_open (path, &error);
  g_assert_no_error (error);
  cd_store_exec (f->store,
                 "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager'),"
                 " (2, '王强', 'account_manager'), (3, '赵敏', 'account_executive'),"
                 " (4, '周总', 'director');", &error);
  g_assert_no_error (error);
  g_variant_dict_init (&d, dict ("name", "上海青禾广告有限公司", "short_name", "青禾",
                                 "credit_code", "91310106MA1FY3XK24", "tier", "A",
                                 "region", "华东", "private_notes", "老板喜欢喝茶", NULL));
  g_variant_dict_insert (&d, "owner_id", "x", (gint64) 1);
  f->client = cd_store_client_create (f->store, g_variant_dict_end (&d), &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->client, >, 0);
  cd_store_client_create (f->store, dict ("name", "杭州云栖茶业有限公司", NULL), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "t.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_matches (Fixture *f, const char *search)
{
  g_autoptr (CdPageQuery) query = cd_page_query_new (CD_KIND_CLIENTS, search, NULL, NULL, FALSE);
  g_autoptr (GArray) ids = cd_store_page_ids (f->store, query, NULL, NULL);

  return ids != NULL ? ids->len : G_MAXUINT;
}

static void
test_search_finds_chinese_substrings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GVariantDict d;

  g_variant_dict_init (&d, dict ("name", "王小明", "phone", "13800001111", NULL));
  g_variant_dict_insert (&d, "is_primary", "b", TRUE);
  cd_store_contact_add (f->store, f->client, g_variant_dict_end (&d), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_matches (f, "青禾"), ==, 1);        /* two characters */
  g_assert_cmpuint (count_matches (f, "禾广告"), ==, 1);      /* trigram index */
  g_assert_cmpuint (count_matches (f, "有限公司"), ==, 2);
  g_assert_cmpuint (count_matches (f, "小明"), ==, 1);        /* a contact */
  g_assert_cmpuint (count_matches (f, "00001111"), ==, 1);    /* a phone */
  g_assert_cmpuint (count_matches (f, "MA1FY3"), ==, 1);      /* the tax id */
  g_assert_cmpuint (count_matches (f, "北京"), ==, 0);
  g_assert_cmpuint (count_matches (f, "\"青禾\" OR *"), ==, 0); /* text, not syntax */
}

/* Typing narrows the whole list: one or two characters are answered from
 * the search text in memory; the result must be what SQLite's own scan
 * gives, in the list's order, and see every write. */
static guint
count_narrowed (Fixture *f, const char *search, gint64 *first)
{
  g_autoptr (CdPageQuery) all = cd_page_query_new (CD_KIND_CLIENTS, NULL, NULL, "name", TRUE);
  g_autoptr (GArray) ordered = cd_store_page_ids (f->store, all, NULL, NULL);
  g_autoptr (GArray) kept = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (ordered);
  kept = cd_store_page_filter_ids (f->store, CD_KIND_CLIENTS, search, ordered, NULL, &error);
  g_assert_no_error (error);
  if (kept == NULL)
    return G_MAXUINT;
  if (first != NULL)
    *first = kept->len > 0 ? g_array_index (kept, gint64, 0) : 0;
  return kept->len;
}

static void
test_short_search_in_memory_follows_writes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GArray) ordered = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) kept = NULL;
  const char *searches[] = { "青", "青禾", "有限", "司", "13", "北京", "茶", "司青", "禾广", "K2" };
  gint64 first = 0, id;

  g_assert_true (cd_store_client_search_warm (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    g_assert_cmpuint (count_narrowed (f, searches[i], NULL), ==, count_matches (f, searches[i]));
  /* Sorted by name, descending: 杭州… before 上海… (pinyin is not used). */
  g_assert_cmpuint (count_narrowed (f, "有限", &first), ==, 2);
  g_assert_cmpint (first, !=, 0);

  id = cd_store_client_create (f->store, dict ("name", "北京青禾文化传媒", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_narrowed (f, "北京", NULL), ==, 1);
  g_assert_cmpuint (count_narrowed (f, "青禾", NULL), ==, 2);
  g_assert_true (cd_store_client_update (f->store, id, dict ("name", "北京白鹭文化传媒", NULL),
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_narrowed (f, "青禾", NULL), ==, 1);
  g_assert_cmpuint (count_narrowed (f, "白鹭", NULL), ==, 1);

  g_cancellable_cancel (cancelled);
  g_array_append_val (ordered, f->client);
  kept = cd_store_client_search_filter_ids (f->store, "青禾", ordered, cancelled, &error);
  g_assert_null (kept);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_bad_input_saves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = cd_store_client_create (f->store, dict ("name", "新客户", "credit_code",
                                               "91310106MA1FY3XK25", NULL), &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (count_matches (f, "新客户"), ==, 0);

  g_assert_cmpint (cd_store_client_create (f->store, dict ("name", "   ", NULL), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_client_update (f->store, f->client, dict ("tier", "Z", NULL), &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_hand_over_keeps_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) history = NULL;
  g_autoptr (GVariant) client = NULL;
  GVariantDict d;
  gint64 owner = 0, from = 0, to = 0;
  const char *reason = NULL;

  /* A hand-over says why, or nothing changes. */
  g_assert_false (cd_store_client_hand_over (f->store, f->client, "am", 2, "  ", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_store_client_hand_over (f->store, f->client, "am", 2, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_client_hand_over (f->store, f->client, "am", 2, "李娜调岗", &error));
  g_assert_no_error (error);
  client = cd_store_client_get (f->store, f->client, &error);
  g_assert_true (g_variant_lookup (client, "owner_id", "x", &owner));
  g_assert_cmpint (owner, ==, 2);

  history = cd_store_client_owner_history (f->store, f->client, &error);
  g_assert_cmpuint (g_variant_n_children (history), ==, 2);
  g_variant_dict_init (&d, g_variant_get_child_value (history, 1));
  g_variant_dict_lookup (&d, "from_staff", "x", &from);
  g_variant_dict_lookup (&d, "to_staff", "x", &to);
  g_variant_dict_lookup (&d, "reason", "&s", &reason);
  g_assert_cmpint (from, ==, 1);
  g_assert_cmpint (to, ==, 2);
  g_assert_cmpstr (reason, ==, "李娜调岗");
  g_variant_dict_clear (&d);

  /* Ownership is never overwritten by a plain update. */
  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "owner_id", "x", (gint64) 3);
  g_assert_false (cd_store_client_update (f->store, f->client, g_variant_dict_end (&d), &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_lost_needs_a_reason (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) client = NULL;
  const char *status = NULL;

  g_assert_true (cd_store_client_set_status (f->store, f->client, "active", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cd_store_client_set_status (f->store, f->client, "lost", "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cd_store_client_set_status (f->store, f->client, "prospect", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cd_store_client_set_status (f->store, f->client, "lost", "预算转投竞品", &error));
  g_assert_no_error (error);
  client = cd_store_client_get (f->store, f->client, &error);
  g_variant_lookup (client, "status", "&s", &status);
  g_assert_cmpstr (status, ==, "lost");
}

static void
test_reviewed_visit_is_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) visits = NULL;
  GVariantDict d;
  gint64 visit;

  g_variant_dict_init (&d, dict ("date", "2026-03-10", "mode", "in_person", "topic", "春季活动",
                                 "next_date", "2026-03-24", NULL));
  g_variant_dict_insert (&d, "staff_id", "x", (gint64) 3);
  g_variant_dict_insert (&d, "special", "b", TRUE);
  visit = cd_store_visit_add (f->store, f->client, g_variant_dict_end (&d), &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_visit_update (f->store, visit, dict ("opinions", "满意", NULL), &error));
  g_assert_true (cd_store_visit_review (f->store, visit, 4, "记录完整", &error));
  g_assert_no_error (error);

  g_assert_false (cd_store_visit_update (f->store, visit, dict ("opinions", "改写", NULL), &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* Whatever the caller: raw SQL is refused by the trigger too. */
  g_assert_false (cd_store_exec (f->store, "DELETE FROM visit", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  visits = cd_store_client_visits (f->store, f->client, &error);
  g_assert_cmpuint (g_variant_n_children (visits), ==, 1);

  g_variant_dict_init (&d, dict ("date", "2026-02-30", NULL));
  g_variant_dict_insert (&d, "staff_id", "x", (gint64) 3);
  g_assert_cmpint (cd_store_visit_add (f->store, f->client, g_variant_dict_end (&d), &error), ==, 0);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
}

static void
test_feedback_closes_with_resolution (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) filters = NULL;
  g_autoptr (CdPageQuery) query = NULL;
  GVariantDict d;
  gint64 id;

  id = cd_store_feedback_add (f->store, f->client, "complaint", "2026-03-11", "海报错字", 1, &error);
  g_assert_no_error (error);
  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "open-complaints", "b", TRUE);
  filters = g_variant_ref_sink (g_variant_dict_end (&d));
  query = cd_page_query_new (CD_KIND_CLIENTS, NULL, filters, NULL, FALSE);
  g_assert_cmpint (cd_store_page_count (f->store, query, NULL), ==, 1);
  g_assert_false (cd_store_feedback_close (f->store, id, TRUE, "", "2026-03-12", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cd_store_feedback_close (f->store, id, TRUE, "重印并致歉", "2026-03-12", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_page_count (f->store, query, NULL), ==, 0);
}

static void
test_delete_refused_with_projects (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  cd_store_exec (f->store, "INSERT INTO project (number, client_id, name) VALUES"
                           " ('XM1', 1, '春茶发布会')", &error);
  g_assert_no_error (error);
  g_assert_false (cd_store_client_delete (f->store, f->client, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (count_matches (f, "青禾"), ==, 1);
  g_assert_true (cd_store_client_delete (f->store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f, "云栖"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/clients/search-finds-chinese-substrings", test_search_finds_chinese_substrings);
  ADD ("/store/clients/short-search-in-memory-follows-writes",
       test_short_search_in_memory_follows_writes);
  ADD ("/store/clients/bad-input-saves-nothing", test_bad_input_saves_nothing);
  ADD ("/store/clients/hand-over-keeps-its-history", test_hand_over_keeps_history);
  ADD ("/store/clients/lost-needs-a-reason", test_lost_needs_a_reason);
  ADD ("/store/clients/a-reviewed-visit-is-locked", test_reviewed_visit_is_locked);
  ADD ("/store/clients/feedback-closes-with-a-resolution", test_feedback_closes_with_resolution);
  ADD ("/store/clients/delete-is-refused-while-projects-exist", test_delete_refused_with_projects);
  return g_test_run ();
}
