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
    "INSERT INTO supplier (id, name, category) VALUES (1, '上海鸿图广告制作有限公司', 'large_format');",
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

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/gui/acceptance-editor/judging-every-item-enables-sign", test_judging_every_item_enables_sign);
  ADD ("/gui/acceptance-editor/signing-locks-and-shows-it-read-only", test_signing_locks_and_shows_read_only);
  ADD ("/gui/supplier-order/offers-only-the-next-step", test_order_window_offers_the_next_step);
#undef ADD
  return g_test_run ();
}
