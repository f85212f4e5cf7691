/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The History button as a person uses it: named "History" for screen
 * readers, unusable until the record is saved, and opening a window that
 * lists who changed what — field names in words, old → new, no JSON. */
#include <string.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "gui/cd-audit-list.h"
#include "gui/cd-history-button.h"
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
  write_as (store, 1, "INSERT INTO client (id, name, owner_id) VALUES (7, '上海青禾广告有限公司', 1)");
  write_as (store, 2, "UPDATE client SET name = '青禾广告' WHERE id = 7");
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
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static GtkWindow *
find_transient (GtkWindow *parent)
{
  GList *all = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = all; l != NULL; l = l->next)
    if (l->data != parent && gtk_window_get_transient_for (l->data) == parent)
      found = l->data;
  g_list_free (all);
  return found;
}

static gboolean
list_filled (gpointer data)
{
  return cd_audit_list_get_n_entries (data) > 0;
}

static void
test_button_named_and_waits_for_a_saved_record (Fixture *f, gconstpointer data)
{
  GtkWidget *button = g_object_ref_sink (cd_history_button_new (f->context, "client", 0));

  g_assert_true (cd_test_has_label (button));
  g_assert_nonnull (cd_test_find_by_label (button, "History"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "History");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "document-open-recent-symbolic");
  g_assert_false (gtk_widget_get_sensitive (button));
  cd_history_button_set_row (CD_HISTORY_BUTTON (button), 7);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpint (cd_history_button_get_row (CD_HISTORY_BUTTON (button)), ==, 7);
  g_assert_finalize_object (button);
}

static void
test_window_lists_changes_in_words (Fixture *f, gconstpointer data)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *button = cd_history_button_new (f->context, "client", 7);
  GtkWindow *history;
  CdAuditList *list;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) unlabelled = NULL;

  gtk_window_set_child (GTK_WINDOW (parent), button);
  gtk_window_present (GTK_WINDOW (parent));
  g_signal_emit_by_name (button, "clicked");
  history = find_transient (GTK_WINDOW (parent));
  g_assert_nonnull (history);
  if (history == NULL)
    return;
  g_assert_cmpstr (gtk_window_get_title (history), ==, "History");
  list = CD_AUDIT_LIST (cd_test_find_by_type (GTK_WIDGET (history), CD_TYPE_AUDIT_LIST));
  g_assert_nonnull (list);
  g_assert_true (cd_test_wait (list_filled, list, 5000));
  g_assert_cmpuint (cd_audit_list_get_n_entries (list), ==, 2);

  collect_text (GTK_WIDGET (history), text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Client #7"));
  g_assert_nonnull (strstr (text->str, "Changed by 王强"));
  g_assert_nonnull (strstr (text->str, "Created by 李娜"));
  g_assert_nonnull (strstr (text->str, "上海青禾广告有限公司 → 青禾广告"));
  g_assert_nonnull (strstr (text->str, "Owner"));
  g_assert_nonnull (strstr (text->str, "李娜 (#1)"));
  /* Readable: no raw JSON, no column names. */
  g_assert_null (strstr (text->str, "{\""));
  g_assert_null (strstr (text->str, "owner_id"));

  unlabelled = cd_test_unlabelled (GTK_WIDGET (history));
  for (guint i = 0; i < unlabelled->len; i++)
    { g_autofree char *d = cd_test_describe (unlabelled->pdata[i]); g_test_message ("unlabelled: %s", d); }
  g_assert_cmpuint (unlabelled->len, ==, 0);

  gtk_window_destroy (history);
  gtk_window_destroy (GTK_WINDOW (parent));
  cd_test_iterate (50);
}

/* A client's History shows its contacts' changes too, each saying which
 * contact it is. */
static void
test_window_shows_the_parts (Fixture *f, gconstpointer data)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *button = cd_history_button_new (f->context, "client", 7);
  GtkWindow *history;
  CdAuditList *list;
  g_autoptr (GString) text = g_string_new (NULL);

  write_as (cd_context_get_store (f->context), 1,
            "INSERT INTO contact (id, client_id, name) VALUES (31, 7, '陈静')");
  gtk_window_set_child (GTK_WINDOW (parent), button);
  gtk_window_present (GTK_WINDOW (parent));
  g_signal_emit_by_name (button, "clicked");
  history = find_transient (GTK_WINDOW (parent));
  g_assert_nonnull (history);
  if (history == NULL)
    return;
  list = CD_AUDIT_LIST (cd_test_find_by_type (GTK_WIDGET (history), CD_TYPE_AUDIT_LIST));
  g_assert_true (cd_test_wait (list_filled, list, 5000));
  g_assert_cmpuint (cd_audit_list_get_n_entries (list), ==, 3);
  collect_text (GTK_WIDGET (history), text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Contact #31 · Created by 李娜"));
  g_assert_nonnull (strstr (text->str, "陈静"));
  /* The client's own entries do not repeat the record's name. */
  g_assert_null (strstr (text->str, "Client #7 · "));
  gtk_window_destroy (history);
  gtk_window_destroy (GTK_WINDOW (parent));
  cd_test_iterate (50);
}

static void
test_empty_history_says_so (Fixture *f, gconstpointer data)
{
  GtkWidget *button = g_object_ref_sink (cd_history_button_new (f->context, "supplier", 99));
  GtkWindow *history = cd_history_button_open (CD_HISTORY_BUTTON (button));
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_nonnull (history);
  cd_test_iterate (300);
  collect_text (GTK_WIDGET (history), text);
  g_assert_nonnull (strstr (text->str, "No Changes Recorded"));
  gtk_window_destroy (history);
  cd_test_iterate (50);
  g_object_unref (button);
}

/* The record page closes while its history is still being read: the
 * window goes with it and the late answer is dropped, with no warning. */
static void
test_closed_while_reading (Fixture *f, gconstpointer data)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *button = cd_history_button_new (f->context, "client", 7);

  gtk_window_set_child (GTK_WINDOW (parent), button);
  gtk_window_present (GTK_WINDOW (parent));
  g_assert_nonnull (cd_history_button_open (CD_HISTORY_BUTTON (button)));
  gtk_window_destroy (GTK_WINDOW (parent));
  cd_test_iterate (300);
  {
    GList *all = gtk_window_list_toplevels ();
    for (GList *l = all; l != NULL; l = l->next)
      g_assert_cmpstr (gtk_window_get_title (l->data), !=, "History");
    g_list_free (all);
  }
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

  g_test_add ("/gui/history/button-is-named-and-waits-for-a-saved-record", Fixture, NULL,
              fixture_setup, test_button_named_and_waits_for_a_saved_record, fixture_teardown);
  g_test_add ("/gui/history/window-lists-who-changed-what-in-words", Fixture, NULL,
              fixture_setup, test_window_lists_changes_in_words, fixture_teardown);
  g_test_add ("/gui/history/window-shows-the-parts-of-the-record", Fixture, NULL,
              fixture_setup, test_window_shows_the_parts, fixture_teardown);
  g_test_add ("/gui/history/empty-history-says-so", Fixture, NULL,
              fixture_setup, test_empty_history_says_so, fixture_teardown);
  g_test_add ("/gui/history/closing-the-record-while-reading-is-safe", Fixture, NULL,
              fixture_setup, test_closed_while_reading, fixture_teardown);
  return g_test_run ();
}
