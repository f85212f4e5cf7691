/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file on the sample agency: its tabs are named for screen
 * readers, it lists the client's projects, quotes, contracts and
 * receivables as the store has them, a supervisor reviews a visit (which
 * then cannot change) but nobody reviews their own, and a hand-over needs
 * a reason and shows up in the history. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include "gui-test-util.h"
#include "core/cd-money.h"
#include "gui/cd-client-page.h"
#include "gui/cd-client-review-window.h"
#include "store/cd-store-client-file.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-pages.h"
#include "store/cd-store-projects.h"

typedef struct
{
  char      *path;
  CdContext *context;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  g_assert_true (cd_test_fill_demo (f->context));
  f->window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cd_test_iterate (50);
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
}

static gsize
n_rows (GVariant *rows)
{
  return rows != NULL ? g_variant_n_children (rows) : 0;
}

/* The first client for whom the store lists unpaid installments due. */
static gint64
client_with_receivables (Fixture *f)
{
  CdStore *store = cd_context_get_store (f->context);
  g_autoptr (CdPageQuery) all = cd_page_query_new (CD_KIND_CLIENTS, NULL, NULL, NULL, FALSE);
  g_autoptr (GArray) ids = cd_store_page_ids (store, all, NULL, NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (GVariant) due = cd_store_client_receivables (store, id, NULL, NULL);
      g_autoptr (GVariant) quotes = cd_store_client_quotes (store, id, NULL);

      if (n_rows (due) > 0 && n_rows (quotes) > 0)
        return id;
    }
  return 0;
}

/* The number of rows in the list box named @name inside @page. */
static guint
rows_in (GtkWidget *page, const char *name)
{
  GtkWidget *list = cd_test_find (page, GTK_TYPE_LIST_BOX, name);
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *child = list != NULL ? gtk_widget_get_first_child (list) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* A visible label showing exactly @text below @root, or NULL. */
static GtkWidget *
find_text (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_business_tabs_list_what_the_store_has (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 id = client_with_receivables (f);
  g_autoptr (GVariant) projects = NULL;
  g_autoptr (GVariant) quotes = NULL;
  g_autoptr (GVariant) contracts = NULL;
  g_autoptr (GVariant) due = NULL;
  g_autoptr (GPtrArray) unlabelled = NULL;
  const char *tabs[] = { "Company", "Contacts", "Projects", "Receivables", "Visits", "Feedback" };
  CdClientPage *page;
  GtkWidget *total;

  g_assert_cmpint (id, >, 0);
  projects = cd_store_client_projects (store, id, NULL);
  quotes = cd_store_client_quotes (store, id, NULL);
  contracts = cd_store_client_contracts (store, id, NULL);
  due = cd_store_client_receivables (store, id, NULL, NULL);
  g_assert_cmpuint (n_rows (projects), >, 0);
  g_assert_cmpuint (n_rows (contracts), >, 0);

  page = cd_client_page_present (f->window, f->context, id, "projects");
  cd_test_iterate (100);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    g_assert_nonnull (cd_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, tabs[i]));
  g_assert_cmpuint (rows_in (GTK_WIDGET (page), "Projects"), ==, n_rows (projects));
  g_assert_cmpuint (rows_in (GTK_WIDGET (page), "Quotes"), ==, n_rows (quotes));
  g_assert_cmpuint (rows_in (GTK_WIDGET (page), "Contracts"), ==, n_rows (contracts));
  g_assert_cmpuint (rows_in (GTK_WIDGET (page), "Installments due and unpaid"), ==, n_rows (due));
  {
    gint64 sum = 0;
    GVariantIter iter;
    GVariant *row;
    g_autofree char *due_text = NULL;
    g_autofree char *later_text = NULL;
    g_autofree char *expected = NULL;

    for (g_variant_iter_init (&iter, due); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
      {
        gint64 fen = 0;
        g_variant_lookup (row, "outstanding_fen", "x", &fen);
        g_assert_cmpint (fen, >, 0);
        sum += fen;
      }
    due_text = cd_money_format (sum);
    later_text = cd_money_format (cd_store_client_not_yet_due (store, id, NULL, NULL));
    expected = g_strdup_printf ("Due and unpaid: %s. Not due yet: %s.", due_text, later_text);
    total = find_text (GTK_WIDGET (page), expected);
    g_test_message ("%s", expected);
    g_assert_nonnull (total);
  }

  unlabelled = cd_test_unlabelled (GTK_WIDGET (page));
  for (guint i = 0; i < unlabelled->len; i++)
    {
      g_autofree char *what = cd_test_describe (unlabelled->pdata[i]);
      g_test_message ("no accessible name: %s", what);
    }
  g_assert_cmpuint (unlabelled->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

/* A visit by @staff of the first client, logged through the store. */
static gint64
log_visit (Fixture *f, gint64 client, gint64 staff)
{
  g_autoptr (GError) error = NULL;
  GVariantDict d;
  gint64 visit;

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "date", "s", "2026-11-02");
  g_variant_dict_insert (&d, "staff_id", "x", staff);
  g_variant_dict_insert (&d, "topic", "s", "月末回访");
  visit = cd_store_visit_add (cd_context_get_store (f->context), client, g_variant_dict_end (&d),
                              &error);
  g_assert_no_error (error);
  return visit;
}

static const char *
visit_status (Fixture *f, gint64 client, gint64 visit, const char **comment)
{
  static char status[32];
  g_autoptr (GVariant) visits = cd_store_client_visits (cd_context_get_store (f->context), client,
                                                        NULL);
  GVariantIter iter;
  GVariant *row;

  *status = '\0';
  for (g_variant_iter_init (&iter, visits); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 id = 0;
      const char *text = NULL, *note = NULL;

      g_variant_lookup (row, "id", "x", &id);
      if (id != visit)
        continue;
      g_variant_lookup (row, "status", "&s", &text);
      g_strlcpy (status, text != NULL ? text : "", sizeof status);
      if (comment != NULL)
        *comment = g_variant_lookup (row, "review_comment", "&s", &note) ? g_intern_string (note) : NULL;
    }
  return status;
}

/* The message dialog shown over @parent, or NULL. */
static AdwMessageDialog *
open_dialog (gpointer parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && gtk_window_get_transient_for (GTK_WINDOW (window)) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_a_supervisor_reviews_a_visit (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  g_autoptr (GVariant) staff = cd_store_staff_for (store, TRUE, NULL);
  g_autoptr (GError) error = NULL;
  gint64 client = client_with_receivables (f), visitor = 0, supervisor = 0, visit;
  const char *comment = NULL;
  CdClientPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GVariantDict d;

  g_assert_cmpuint (n_rows (staff), >=, 2);
  {
    g_autoptr (GVariant) first = g_variant_get_child_value (staff, 0);
    g_autoptr (GVariant) second = g_variant_get_child_value (staff, 1);
    g_variant_lookup (first, "id", "x", &visitor);
    g_variant_lookup (second, "id", "x", &supervisor);
  }
  visit = log_visit (f, client, visitor);
  page = cd_client_page_present (f->window, f->context, client, "visits");
  cd_test_iterate (100);

  /* Nobody reviews their own visit. */
  cd_context_set_current_staff (f->context, visitor);
  gtk_widget_activate_action (GTK_WIDGET (page), "client.review-visit", "(xxs)", visit, visitor,
                              "visit");
  cd_test_iterate (100);
  g_assert_null (open_dialog (page));
  g_assert_cmpstr (visit_status (f, client, visit, NULL), !=, "reviewed");

  cd_context_set_current_staff (f->context, supervisor);
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (page), "Review the visit of 2026-11-02"));
  gtk_widget_activate_action (GTK_WIDGET (page), "client.review-visit", "(xxs)", visit, visitor,
                              "visit");
  cd_test_iterate (100);
  dialog = open_dialog (page);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  entry = cd_test_find_by_label (GTK_WIDGET (dialog), "Supervisor's comment");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "记录完整");
  adw_message_dialog_response (dialog, "review");
  cd_test_iterate (100);
  g_assert_cmpstr (visit_status (f, client, visit, &comment), ==, "reviewed");
  g_assert_cmpstr (comment, ==, "记录完整");
  g_assert_null (cd_test_find_by_label (GTK_WIDGET (page), "Review the visit of 2026-11-02"));

  /* Locked by the database, whoever asks. */
  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "topic", "s", "改过");
  g_assert_false (cd_store_visit_update (store, visit, g_variant_dict_end (&d), &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_LOCKED);
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

static void
test_a_hand_over_needs_a_reason (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f), before = 0, after = 0;
  g_autoptr (GVariant) history = cd_store_client_owner_history (store, client, NULL);
  g_autoptr (GVariant) record = cd_store_client_get (store, client, NULL);
  gsize history_before = n_rows (history);
  CdClientPage *page;
  GtkWidget *staff, *reason, *error_label;
  guint rows_before;

  g_variant_lookup (record, "owner_id", "x", &before);
  page = cd_client_page_present (f->window, f->context, client, "company");
  cd_test_iterate (100);
  staff = cd_test_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "Hand over to");
  reason = cd_test_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Reason for the hand-over");
  g_assert_nonnull (staff);
  g_assert_nonnull (reason);
  rows_before = rows_in (GTK_WIDGET (page), "Hand-over history");
  /* Someone other than the owner. */
  for (guint i = 0; i < 2; i++)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (staff), i);
      gtk_editable_set_text (GTK_EDITABLE (reason), "");
      gtk_widget_activate_action (GTK_WIDGET (page), "client.hand-over", NULL);
      error_label = find_text (GTK_WIDGET (page), "Say why the client is handed over.");
      g_assert_nonnull (error_label);
      gtk_editable_set_text (GTK_EDITABLE (reason), "原经理调往华南区");
      gtk_widget_activate_action (GTK_WIDGET (page), "client.hand-over", NULL);
      g_clear_pointer (&record, g_variant_unref);
      record = cd_store_client_get (store, client, NULL);
      g_variant_lookup (record, "owner_id", "x", &after);
      if (after != before)
        break;
    }
  g_assert_cmpint (after, !=, before);
  g_clear_pointer (&history, g_variant_unref);
  history = cd_store_client_owner_history (store, client, NULL);
  g_assert_cmpuint (n_rows (history), ==, history_before + 1);
  g_assert_cmpuint (rows_in (GTK_WIDGET (page), "Hand-over history"),
                    ==, history_before == 0 ? 1 : rows_before + 1);
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

static void
test_empty_reason_saves_nothing (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f);
  g_autoptr (GVariant) history = cd_store_client_owner_history (store, client, NULL);
  g_autoptr (GVariant) later = NULL;
  CdClientPage *page = cd_client_page_present (f->window, f->context, client, "company");
  GtkWidget *staff = cd_test_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "Hand over to");
  GtkWidget *message;

  cd_test_iterate (50);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (staff), 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "client.hand-over", NULL);
  message = find_text (GTK_WIDGET (page), "Say why the client is handed over.");
  g_assert_nonnull (message);
  later = cd_store_client_owner_history (store, client, NULL);
  g_assert_cmpuint (n_rows (later), ==, n_rows (history));
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

/* Deletion asks first; with projects it is refused and says why. */
static void
test_deleting_a_client_with_projects_is_refused (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f);
  g_autoptr (GVariant) projects = cd_store_client_projects (store, client, NULL);
  g_autoptr (GVariant) still = NULL;
  g_autoptr (GError) error = NULL;
  CdClientPage *page = cd_client_page_present (f->window, f->context, client, "company");
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_cmpuint (n_rows (projects), >, 0);
  cd_test_iterate (50);
  g_assert_nonnull (cd_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Delete Client…"));
  gtk_widget_activate_action (GTK_WIDGET (page), "client.delete", NULL);
  cd_test_iterate (50);
  dialog = open_dialog (page);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Client?");
  adw_message_dialog_response (dialog, "delete");
  cd_test_iterate (100);
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (window)
            && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                          "The Client Was Not Deleted") == 0)
          dialog = ADW_MESSAGE_DIALOG (window);
      }
  }
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "cannot be deleted"));
  still = cd_store_client_get (store, client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

/* A complaint is closed with a resolution, never without one. */
static void
test_feedback_closes_with_a_resolution (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = NULL;
  gint64 id = cd_store_feedback_add (store, client, "complaint", "2026-11-03", "展架色差明显", 0,
                                     &error);
  CdClientPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *resolution;
  GVariantIter iter;
  GVariant *row;
  const char *status = NULL;

  g_assert_no_error (error);
  page = cd_client_page_present (f->window, f->context, client, "feedback");
  cd_test_iterate (50);
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (page), "Close the feedback of 2026-11-03"));
  gtk_widget_activate_action (GTK_WIDGET (page), "client.close-feedback", "(xs)", id, "展架色差明显");
  cd_test_iterate (50);
  dialog = open_dialog (page);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close-feedback"));
  g_assert_nonnull (find_text (GTK_WIDGET (dialog), "Say how it was resolved."));
  resolution = cd_test_find_by_label (GTK_WIDGET (dialog), "Resolution");
  g_assert_nonnull (resolution);
  gtk_editable_set_text (GTK_EDITABLE (resolution), "重新喷绘并补发");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close-feedback"));
  adw_message_dialog_response (dialog, "close-feedback");
  cd_test_iterate (50);
  rows = cd_store_client_feedback (store, client, NULL);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      gint64 row_id = 0;
      g_variant_lookup (row, "id", "x", &row_id);
      if (row_id == id)
        g_variant_lookup (row, "status", "&s", &status);
    }
  g_assert_cmpstr (status, ==, "closed");
  g_assert_null (cd_test_find_by_label (GTK_WIDGET (page), "Close the feedback of 2026-11-03"));
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

/* The text of the first visible error sentence below @root, or NULL. */
static const char *
error_shown (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) && gtk_widget_has_css_class (root, "error")
      && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return gtk_label_get_text (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = error_shown (child);
      if (text != NULL)
        return text;
    }
  return NULL;
}

/* A visit names the contact met and its handling status; a bad date is
 * refused with a sentence under the form and logs nothing. */
static void
test_visit_form_names_the_contact_and_refuses_bad_dates (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f), contact_id = 0, met = 0;
  g_autoptr (GVariant) contacts = cd_store_client_contacts (store, client, NULL);
  g_autoptr (GVariant) before = cd_store_client_visits (store, client, NULL);
  g_autoptr (GVariant) after = NULL;
  g_autoptr (GVariant) first = NULL;
  g_autoptr (GVariant) newest = NULL;
  CdClientPage *page = cd_client_page_present (f->window, f->context, client, "visits");
  GtkWidget *page_widget = GTK_WIDGET (page);
  const char *handling = NULL;

  cd_test_iterate (50);
  g_assert_cmpuint (n_rows (contacts), >, 0);
  first = g_variant_get_child_value (contacts, 0);
  g_variant_lookup (first, "id", "x", &contact_id);
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (page_widget, ADW_TYPE_ENTRY_ROW,
                                                     "Visit date (YYYY-MM-DD)")), "2026-02-30");
  gtk_widget_activate_action (page_widget, "client.add-visit", NULL);
  g_assert_nonnull (error_shown (page_widget));
  g_test_message ("%s", error_shown (page_widget));
  after = cd_store_client_visits (store, client, NULL);
  g_assert_cmpuint (n_rows (after), ==, n_rows (before));
  g_clear_pointer (&after, g_variant_unref);

  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (page_widget, ADW_TYPE_ENTRY_ROW,
                                                     "Visit date (YYYY-MM-DD)")), "2026-11-20");
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (page_widget, ADW_TYPE_ENTRY_ROW,
                                                     "What was discussed")), "年度框架续签");
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (page_widget, ADW_TYPE_ENTRY_ROW,
                                                     "Handling status")), "待报价");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cd_test_find (page_widget, GTK_TYPE_DROP_DOWN,
                                                           "Contact met")), 1);
  gtk_widget_activate_action (page_widget, "client.add-visit", NULL);
  g_assert_null (error_shown (page_widget));
  after = cd_store_client_visits (store, client, NULL);
  g_assert_cmpuint (n_rows (after), ==, n_rows (before) + 1);
  newest = g_variant_get_child_value (after, 0);   /* newest first */
  g_variant_lookup (newest, "contact_id", "x", &met);
  g_variant_lookup (newest, "handling_status", "&s", &handling);
  g_assert_cmpint (met, ==, contact_id);
  g_assert_cmpstr (handling, ==, "待报价");
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

/* The Visits tab says when the next visit is due, from the tier's cycle. */
static gboolean
shows_text_starting (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text_starting (child, prefix))
      return TRUE;
  return FALSE;
}

static void
test_visits_tab_says_when_the_next_visit_is_due (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f);
  g_autoptr (GVariant) cycle = NULL;
  g_autofree char *expected = NULL;
  const char *due = NULL;
  CdClientPage *page;

  log_visit (f, client, 1);
  cycle = cd_store_client_visit_cycle (store, client, NULL);
  g_assert_nonnull (cycle);
  g_assert_true (g_variant_lookup (cycle, "next_visit_due", "&s", &due));
  g_assert_cmpstr (due, >, "2026-11-02");   /* after the visit just logged */
  expected = g_strdup_printf ("Next visit due %s (last visit ", due);
  page = cd_client_page_present (f->window, f->context, client, "visits");
  cd_test_iterate (50);
  g_assert_true (shows_text_starting (GTK_WIDGET (page), expected));
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

/* A contact keeps its e-mail and WeChat; one without a name is refused
 * with a sentence under the form. */
static void
test_contact_form_keeps_email_and_wechat (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  gint64 client = client_with_receivables (f);
  g_autoptr (GVariant) before = cd_store_client_contacts (store, client, NULL);
  g_autoptr (GVariant) after = NULL;
  CdClientPage *page = cd_client_page_present (f->window, f->context, client, "contacts");
  GtkWidget *w = GTK_WIDGET (page);
  GVariantIter iter;
  GVariant *row;
  gboolean found = FALSE;

  cd_test_iterate (50);
  gtk_widget_activate_action (w, "client.add-contact", NULL);
  g_assert_nonnull (error_shown (w));
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (w, ADW_TYPE_ENTRY_ROW, "Contact name")), "林晓");
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (w, ADW_TYPE_ENTRY_ROW, "Email")),
                         "linxiao@example.cn");
  gtk_editable_set_text (GTK_EDITABLE (cd_test_find (w, ADW_TYPE_ENTRY_ROW, "WeChat")), "linxiao_sh");
  gtk_widget_activate_action (w, "client.add-contact", NULL);
  g_assert_null (error_shown (w));
  after = cd_store_client_contacts (store, client, NULL);
  g_assert_cmpuint (n_rows (after), ==, n_rows (before) + 1);
  for (g_variant_iter_init (&iter, after); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      const char *email = NULL, *wechat = NULL;
      if (g_variant_lookup (row, "email", "&s", &email) && g_variant_lookup (row, "wechat", "&s", &wechat)
          && g_strcmp0 (email, "linxiao@example.cn") == 0 && g_strcmp0 (wechat, "linxiao_sh") == 0)
        found = TRUE;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (page));
  cd_test_iterate (50);
}

static gboolean
review_window_loaded (gpointer window)
{
  return !cd_client_review_window_get_loading (window);
}

/* The month's list holds what the store says the reviewer may review,
 * the new visit among them, and every row opens its client's file. */
static void
test_visits_to_review_this_month (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  g_autoptr (GVariant) staff = cd_store_staff_for (store, TRUE, NULL);
  g_autoptr (GVariant) expected = NULL;
  g_autoptr (GVariant) first = NULL;
  g_autoptr (GVariant) second = NULL;
  g_autoptr (GPtrArray) unlabelled = NULL;
  gint64 client = client_with_receivables (f), visitor = 0, reviewer = 0;
  CdClientReviewWindow *window;

  first = g_variant_get_child_value (staff, 0);
  second = g_variant_get_child_value (staff, 1);
  g_variant_lookup (first, "id", "x", &visitor);
  g_variant_lookup (second, "id", "x", &reviewer);
  log_visit (f, client, visitor);
  cd_context_set_current_staff (f->context, reviewer);
  expected = cd_store_visits_to_review (store, "2026-11", reviewer, NULL);
  g_assert_nonnull (expected);

  window = cd_client_review_window_present (f->window, f->context, "2026-11");
  g_assert_true (cd_test_wait (review_window_loaded, window, 10000));
  cd_test_iterate (50);
  g_assert_cmpuint (cd_client_review_window_get_n_visits (window), ==, n_rows (expected));
  g_assert_cmpuint (rows_in (GTK_WIDGET (window), "Visits to review"), ==, n_rows (expected));
  unlabelled = cd_test_unlabelled (GTK_WIDGET (window));
  g_assert_cmpuint (unlabelled->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  cd_test_iterate (50);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/client-page/business-tabs-list-what-the-store-has",
       test_business_tabs_list_what_the_store_has);
  ADD ("/gui/client-page/a-supervisor-reviews-a-visit-nobody-their-own",
       test_a_supervisor_reviews_a_visit);
  ADD ("/gui/client-page/a-hand-over-needs-a-reason-and-is-kept",
       test_a_hand_over_needs_a_reason);
  ADD ("/gui/client-page/an-empty-reason-saves-nothing", test_empty_reason_saves_nothing);
  ADD ("/gui/client-page/visits-to-review-this-month", test_visits_to_review_this_month);
  ADD ("/gui/client-page/feedback-closes-with-a-resolution", test_feedback_closes_with_a_resolution);
  ADD ("/gui/client-page/contact-form-keeps-email-and-wechat", test_contact_form_keeps_email_and_wechat);
  ADD ("/gui/client-page/visits-tab-says-when-the-next-visit-is-due",
       test_visits_tab_says_when_the_next_visit_is_due);
  ADD ("/gui/client-page/visit-form-names-the-contact-and-refuses-bad-dates",
       test_visit_form_names_the_contact_and_refuses_bad_dates);
  ADD ("/gui/client-page/deleting-a-client-with-projects-is-refused-with-the-reason",
       test_deleting_a_client_with_projects_is_refused);
  return g_test_run ();
}
