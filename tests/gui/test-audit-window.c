/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Audit log window: opens on the newest changes, narrows to one person,
 * a kind of record and a date range, refuses a date that is not one with a
 * sentence next to the fields, and names every control. */
#include <string.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "gui/cd-audit-list.h"
#include "gui/cd-audit-window.h"
#include "gui/cd-window.h"
#include "store/cd-store-private.h"

typedef struct
{
  char      *path;
  CdContext *context;
} Fixture;

static void
write_as (CdStore *store, gint64 staff, const char *sql)
{
  g_autoptr (GError) error = NULL;

  cd_store_set_actor (store, staff);
  g_assert_true (cd_store_begin (store, &error));
  g_assert_true (cd_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_commit (store, &error));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store;

  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  store = cd_context_get_store (f->context);
  cd_store_exec (store, "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager'),"
                        " (2, '王强', 'finance');", &error);
  g_assert_no_error (error);
  write_as (store, 1, "INSERT INTO client (id, name) VALUES (7, '上海青禾广告有限公司')");
  write_as (store, 2, "UPDATE client SET name = '青禾广告' WHERE id = 7");
  write_as (store, 1, "INSERT INTO supplier (id, name, category) VALUES (3, '上海彩虹印务有限公司', 'print')");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static guint wanted;

static gboolean
has_wanted (gpointer data)
{
  return cd_audit_list_get_n_entries (data) == wanted;
}

static char *
window_text (gpointer window)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (window), text);
  return g_string_free (text, FALSE);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  GtkWindow *window = cd_audit_window_new (f->context, NULL);
  CdAuditList *list = CD_AUDIT_LIST (cd_test_find_by_type (GTK_WIDGET (window), CD_TYPE_AUDIT_LIST));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) unlabelled = NULL;

  gtk_window_present (window);
  /* Two staff members, the client created and renamed, the supplier. */
  wanted = 5;
  g_assert_true (cd_test_wait (has_wanted, list, 5000));
  text = window_text (window);
  g_assert_nonnull (strstr (text, "Client #7 · Changed by 王强"));
  g_assert_nonnull (strstr (text, "Supplier #3 · Created by 李娜"));
  g_clear_pointer (&text, g_free);

  /* One person. */
  g_assert_true (cd_audit_window_search (CD_AUDIT_WINDOW (window), 2, NULL, NULL, NULL));
  wanted = 1;
  g_assert_true (cd_test_wait (has_wanted, list, 5000));
  text = window_text (list);
  g_assert_null (strstr (text, "李娜"));
  g_clear_pointer (&text, g_free);

  /* Changes no one was recorded for: the two staff rows written directly. */
  g_assert_true (cd_audit_window_search (CD_AUDIT_WINDOW (window), CD_AUDIT_NOBODY, NULL, NULL, NULL));
  wanted = 2;
  g_assert_true (cd_test_wait (has_wanted, list, 5000));
  text = window_text (list);
  g_assert_nonnull (strstr (text, "Staff member #1 · Created by no one recorded"));
  g_clear_pointer (&text, g_free);

  /* One kind of record, today only. */
  g_assert_true (cd_audit_window_search (CD_AUDIT_WINDOW (window), 0, "client", today, today));
  wanted = 2;
  g_assert_true (cd_test_wait (has_wanted, list, 5000));

  /* A range long past: nothing, and the empty state says so. */
  g_assert_true (cd_audit_window_search (CD_AUDIT_WINDOW (window), 0, NULL, "2001-01-01", "2001-12-31"));
  cd_test_iterate (300);
  g_assert_cmpuint (cd_audit_list_get_n_entries (list), ==, 0);
  text = window_text (window);
  g_assert_nonnull (strstr (text, "No Changes Recorded"));
  g_clear_pointer (&text, g_free);

  unlabelled = cd_test_unlabelled (GTK_WIDGET (window));
  for (guint i = 0; i < unlabelled->len; i++)
    { g_autofree char *d = cd_test_describe (unlabelled->pdata[i]); g_test_message ("unlabelled: %s", d); }
  g_assert_cmpuint (unlabelled->len, ==, 0);
  gtk_window_destroy (window);
  cd_test_iterate (50);
}

static void
test_bad_dates_refused (Fixture *f, gconstpointer data)
{
  GtkWindow *window = cd_audit_window_new (f->context, NULL);
  CdAuditList *list = CD_AUDIT_LIST (cd_test_find_by_type (GTK_WIDGET (window), CD_TYPE_AUDIT_LIST));
  g_autofree char *text = NULL;

  gtk_window_present (window);
  wanted = 5;
  g_assert_true (cd_test_wait (has_wanted, list, 5000));
  g_assert_false (cd_audit_window_search (CD_AUDIT_WINDOW (window), 0, NULL, "2026-02-30", NULL));
  text = window_text (window);
  g_assert_nonnull (strstr (text, "The start date is not a date"));
  g_clear_pointer (&text, g_free);
  /* Nothing was searched: the earlier results stay. */
  cd_test_iterate (200);
  g_assert_cmpuint (cd_audit_list_get_n_entries (list), ==, 5);

  g_assert_false (cd_audit_window_search (CD_AUDIT_WINDOW (window), 0, NULL, "2026-03-01", "abc"));
  text = window_text (window);
  g_assert_nonnull (strstr (text, "The end date is not a date"));
  g_clear_pointer (&text, g_free);
  g_assert_false (cd_audit_window_search (CD_AUDIT_WINDOW (window), 0, NULL, "2026-03-31", "2026-03-01"));
  text = window_text (window);
  g_assert_nonnull (strstr (text, "The end date is before the start date."));
  g_clear_pointer (&text, g_free);

  /* A good search clears the message. */
  g_assert_true (cd_audit_window_search (CD_AUDIT_WINDOW (window), 0, NULL, NULL, NULL));
  text = window_text (window);
  g_assert_null (strstr (text, "date is"));
  gtk_window_destroy (window);
  cd_test_iterate (50);
}

/* "Audit Log…" in the primary menu opens the window over the main one. */
static void
test_opened_from_the_main_window (Fixture *f, gconstpointer data)
{
  CdWindow *window = cd_window_new (NULL, f->context);
  GtkWindow *audit = NULL;
  GList *all;

  gtk_window_present (GTK_WINDOW (window));
  cd_test_iterate (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.audit-log", NULL));
  all = gtk_window_list_toplevels ();
  for (GList *l = all; l != NULL; l = l->next)
    if (CD_IS_AUDIT_WINDOW (l->data))
      audit = l->data;
  g_list_free (all);
  g_assert_nonnull (audit);
  if (audit != NULL)
    {
      g_assert_true (gtk_window_get_transient_for (audit) == GTK_WINDOW (window));
      gtk_window_destroy (audit);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  cd_test_iterate (100);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  g_test_add ("/gui/audit-log/searches-by-person-record-and-dates", Fixture, NULL,
              fixture_setup, test_search, fixture_teardown);
  g_test_add ("/gui/audit-log/a-bad-date-is-refused-next-to-the-fields", Fixture, NULL,
              fixture_setup, test_bad_dates_refused, fixture_teardown);
  g_test_add ("/gui/audit-log/opens-from-the-primary-menu", Fixture, NULL,
              fixture_setup, test_opened_from_the_main_window, fixture_teardown);
  return g_test_run ();
}
