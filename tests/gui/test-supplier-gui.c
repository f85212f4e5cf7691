/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supply windows as a person uses them, through accessible names:
 * judging every checklist item enables Sign (and not before); signing
 * after the confirmation locks the acceptance and shows it read-only; the
 * order window offers only the next step; every control has a name. */
#include <string.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "gui/cd-acceptance-editor.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-supplier-page.h"
#include "gui/cd-supplier-quotes-window.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char      *path;
  CdContext *context;
  gint64     order_id;       /* requested */
  gint64     delivered_id;   /* delivered, with a draft acceptance */
  gint64     acceptance_id;
} Fixture;

static gint64
make_order (CdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_order_line_free);
  CdSupplierOrderLine *line = cd_supplier_order_line_new ();
  gint64 id;

  line->item = g_strdup ("易拉宝");
  line->qty_milli = 20000;
  line->unit = g_strdup ("个");
  line->unit_price_fen = 12000;
  g_ptr_array_add (lines, line);
  id = cd_store_supplier_order_create (store, 1, 1, "2024-03-05", "2024-03-10", "上海展览中心", NULL, lines,
                                       &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store;

  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  store = cd_context_get_store (f->context);
  cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, am_id)"
    "  VALUES (1, 'XM202403-0001', 1, '春茶上市发布会', 'quoting', 1);"
    "INSERT INTO supplier (id, name, category) VALUES (1, '上海鸿图广告制作有限公司', 'large_format'),"
    "  (2, '上海彩虹印务有限公司', 'print'), (3, '苏州精工印刷有限公司', 'print');",
    &error);
  g_assert_no_error (error);
  cd_context_set_current_staff (f->context, 1);
  f->order_id = make_order (store);
  f->delivered_id = make_order (store);
  cd_store_supplier_order_move (store, f->delivered_id, CD_SUPPLIER_ORDER_ORDERED, NULL, &error);
  cd_store_supplier_order_move (store, f->delivered_id, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-11", &error);
  f->acceptance_id = cd_store_acceptance_create_for_order (store, f->delivered_id, "2024-03-11", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
}

static gboolean
action_enabled (GtkWidget *button)
{
  return gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

static void
assert_all_named (GtkWidget *root)
{
  g_autoptr (GPtrArray) unnamed = cd_test_unlabelled (root);

  for (guint i = 0; i < unnamed->len; i++)
    {
      g_autofree char *what = cd_test_describe (unnamed->pdata[i]);
      g_test_message ("no accessible name: %s", what);
    }
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
click_pass (GtkWidget *editor, const char *text)
{
  g_autofree char *label = g_strdup_printf ("Pass: %s", text);
  GtkWidget *button = cd_test_find (editor, GTK_TYPE_TOGGLE_BUTTON, label);

  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  cd_test_iterate (20);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_judging_every_item_enables_sign (Fixture *f, gconstpointer data)
{
  g_autoptr (CdAcceptance) a = cd_store_acceptance_get (cd_context_get_store (f->context), f->acceptance_id, NULL);
  CdAcceptanceEditor *editor = cd_acceptance_editor_new (f->context, f->acceptance_id);
  GtkWidget *sign;

  gtk_window_present (GTK_WINDOW (editor));
  cd_test_iterate (100);
  sign = cd_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Sign");
  g_assert_nonnull (sign);
  g_assert_nonnull (cd_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "History"));
  g_assert_cmpuint (a->items->len, >=, 3);
  assert_all_named (GTK_WIDGET (editor));

  g_assert_false (action_enabled (sign));
  for (guint i = 0; i + 1 < a->items->len; i++)
    click_pass (GTK_WIDGET (editor), ((CdAcceptanceItem *) a->items->pdata[i])->text);
  /* One item left: still not signable. */
  g_assert_false (action_enabled (sign));
  click_pass (GTK_WIDGET (editor), ((CdAcceptanceItem *) a->items->pdata[a->items->len - 1])->text);
  g_assert_true (action_enabled (sign));
  /* Each judgement was saved as it was made. */
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT count(*) FROM acceptance_item WHERE result = 'pass'", NULL),
                   ==, a->items->len);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_signing_locks_and_shows_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (CdAcceptance) a = cd_store_acceptance_get (cd_context_get_store (f->context), f->acceptance_id, NULL);
  CdAcceptanceEditor *editor = cd_acceptance_editor_new (f->context, f->acceptance_id);
  g_autofree char *pass = g_strdup_printf ("Pass: %s", ((CdAcceptanceItem *) a->items->pdata[0])->text);
  AdwMessageDialog *dialog;
  GtkWidget *toggle, *sign;

  gtk_window_present (GTK_WINDOW (editor));
  cd_test_iterate (100);
  for (guint i = 0; i < a->items->len; i++)
    click_pass (GTK_WIDGET (editor), ((CdAcceptanceItem *) a->items->pdata[i])->text);
  gtk_widget_activate_action (GTK_WIDGET (editor), "acceptance.sign", NULL);
  cd_test_iterate (100);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "sign");
  cd_test_iterate (100);

  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT count(*) FROM acceptance WHERE status = 'signed' AND result = 'pass'",
                                       NULL), ==, 1);
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT count(*) FROM supplier_order WHERE status = 'accepted'", NULL), ==, 1);
  /* Read-only: the toggles can no longer be used, Sign is gone. */
  toggle = cd_test_find (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, pass);
  sign = cd_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Sign");
  g_assert_nonnull (toggle);
  if (toggle != NULL)
    g_assert_false (gtk_widget_is_sensitive (toggle));
  g_assert_false (sign != NULL && action_enabled (sign));
  g_assert_false (gtk_widget_get_visible (cd_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Add photo")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_order_window_offers_the_next_step (Fixture *f, gconstpointer data)
{
  CdSupplierOrderWindow *window = cd_supplier_order_window_new (f->context, f->order_id);
  GtkWidget *ordered, *delivered;

  gtk_window_present (GTK_WINDOW (window));
  cd_test_iterate (100);
  assert_all_named (GTK_WIDGET (window));
  g_assert_nonnull (cd_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "History"));
  ordered = cd_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Mark ordered");
  delivered = cd_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Mark delivered");
  g_assert_true (ordered != NULL && action_enabled (ordered));
  g_assert_true (delivered != NULL && !action_enabled (delivered));
  if (ordered != NULL)
    g_signal_emit_by_name (ordered, "clicked");
  cd_test_iterate (50);
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT count(*) FROM supplier_order WHERE status = 'ordered'", NULL), ==, 1);
  g_assert_true (delivered != NULL && action_enabled (delivered));
  g_assert_false (ordered != NULL && action_enabled (ordered));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
add_quote (Fixture *f, gint64 supplier, gint64 price, int lead)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSupplierQuote) q = cd_supplier_quote_new ();
  gint64 id;

  q->project_id = 1;
  q->supplier_id = supplier;
  q->item = g_strdup ("宣传单页");
  q->qty_milli = 5000000;
  q->price_fen = price;
  q->lead_days = lead;
  id = cd_store_supplier_quote_add (cd_context_get_store (f->context), q, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_quotes_side_by_side_choose_with_reason (Fixture *f, gconstpointer data)
{
  CdSupplierQuotesWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *choose, *cheapest_card;
  gint64 chosen;

  add_quote (f, 2, 48, 10);
  add_quote (f, 3, 52, 5);
  add_quote (f, 1, 55, 7);
  window = cd_supplier_quotes_window_new (f->context, 1);
  gtk_window_present (GTK_WINDOW (window));
  cd_test_iterate (100);
  assert_all_named (GTK_WIDGET (window));
  /* Three cards side by side, the cheapest first. */
  cheapest_card = cd_test_find_by_label (GTK_WIDGET (window), "Quote of 上海彩虹印务有限公司: ¥2,400.00");
  g_assert_nonnull (cheapest_card);
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (window), "Quote of 苏州精工印刷有限公司: ¥2,600.00"));
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (window), "Quote of 上海鸿图广告制作有限公司: ¥2,750.00"));
  if (cheapest_card != NULL)
    g_assert_null (gtk_widget_get_prev_sibling (cheapest_card));

  choose = cd_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Choose 苏州精工印刷有限公司");
  g_assert_nonnull (choose);
  if (choose != NULL)
    g_signal_emit_by_name (choose, "clicked");
  cd_test_iterate (100);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    {
      GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

      /* No reason, no choice. */
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
      gtk_editable_set_text (reason, "交期最快，展会来得及");
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, "choose"));
      adw_message_dialog_response (dialog, "choose");
    }
  cd_test_iterate (100);
  chosen = cd_store_query_int (cd_context_get_store (f->context),
                               "SELECT supplier_id FROM supplier_quote WHERE chosen = 1"
                               " AND choice_reason = '交期最快，展会来得及'", NULL);
  g_assert_cmpint (chosen, ==, 3);
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT count(*) FROM supplier_quote", NULL), ==, 3);
  g_assert_nonnull (cd_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Order from 苏州精工印刷有限公司"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label_starting (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_supplier_page_scorecard_and_validation (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  CdSupplierPage *page;
  GtkWidget *credit, *error_label;

  /* Of the two orders of supplier 1, the delivered one came a day late. */
  page = cd_supplier_page_new (f->context, 1);
  gtk_window_present (GTK_WINDOW (page));
  cd_test_iterate (100);
  assert_all_named (GTK_WIDGET (page));
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (page), "Orders: 2, 2 open"));
  g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (page), "On time: 0 %, 0 of 1 deliveries, 1 late"));

  credit = cd_test_find_by_label (GTK_WIDGET (page), "Unified social credit code");
  g_assert_nonnull (credit);
  if (credit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (credit), "91310000ABCDEFGHIX");
  gtk_widget_activate_action (GTK_WIDGET (page), "supplier.save", NULL);
  cd_test_iterate (50);
  /* The reason is shown under the form. */
  error_label = find_label_starting (GTK_WIDGET (page), "Credit code:");
  g_assert_nonnull (error_label);
  if (error_label != NULL)
    g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM supplier WHERE credit_code IS NOT NULL", NULL),
                   ==, 0);
  gtk_window_destroy (GTK_WINDOW (page));
}

static void
test_count_is_kept_as_typed_and_flagged (Fixture *f, gconstpointer data)
{
  CdAcceptanceEditor *editor = cd_acceptance_editor_new (f->context, f->acceptance_id);
  GtkWidget *entry, *flag;

  gtk_window_present (GTK_WINDOW (editor));
  cd_test_iterate (100);
  entry = cd_test_find (GTK_WIDGET (editor), GTK_TYPE_ENTRY, "Received quantity of “易拉宝”");
  flag = cd_test_find_by_label (GTK_WIDGET (editor), "Differs from the order");
  g_assert_nonnull (entry);
  g_assert_nonnull (flag);
  if (entry == NULL || flag == NULL)
    return;
  g_assert_false (gtk_widget_get_visible (flag));
  /* Half-typed text is not an error, and nothing is kept from it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  cd_test_iterate (900);
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT count(*) FROM acceptance_quantity WHERE received_milli <> 20000",
                                       NULL), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "18");
  cd_test_iterate (900);
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT received_milli FROM acceptance_quantity", NULL), ==, 18000);
  g_assert_true (gtk_widget_get_visible (flag));
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/gui/acceptance-editor/judging-every-item-enables-sign", test_judging_every_item_enables_sign);
  ADD ("/gui/acceptance-editor/signing-locks-and-shows-it-read-only", test_signing_locks_and_shows_read_only);
  ADD ("/gui/acceptance-editor/count-is-kept-as-typed-and-flagged-when-short",
       test_count_is_kept_as_typed_and_flagged);
  ADD ("/gui/supplier-order/offers-only-the-next-step", test_order_window_offers_the_next_step);
  ADD ("/gui/supplier-quotes/side-by-side-and-chosen-only-with-a-reason", test_quotes_side_by_side_choose_with_reason);
  ADD ("/gui/supplier-page/scorecard-and-a-refused-credit-code", test_supplier_page_scorecard_and_validation);
#undef ADD
  return g_test_run ();
}
