/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pickup slips (客户提货单) in the window, as a person uses them through
 * accessible names: a new slip starts from the goods the project's
 * suppliers delivered and the agency accepted; a bad date or quantity is
 * refused next to its field and nothing is saved; a created slip is
 * marked signed with who received the goods and then no longer changes.
 * The Production page finds a project and names its buttons. The
 * acceptance checklists are edited in Preferences, one item per line. */
#include <string.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "gui/cd-pickup-slip-window.h"
#include "gui/cd-supply-checklists.h"
#include "gui/cd-supply-desk.h"
#include "gui/cd-preferences-window.h"
#include "store/cd-store-private.h"
#include "store/cd-store-suppliers.h"

typedef struct
{
  char      *path;
  CdContext *context;
} Fixture;

static CdStore *
store_of (Fixture *f)
{
  return cd_context_get_store (f->context);
}

/* An order of 20 roll-up banners, delivered and accepted. */
static void
accept_order (CdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_supplier_order_line_free);
  g_autoptr (CdAcceptance) a = NULL;
  CdSupplierOrderLine *line = cd_supplier_order_line_new ();
  gint64 order, acceptance;

  line->item = g_strdup ("易拉宝");
  line->qty_milli = 20000;
  line->unit = g_strdup ("个");
  line->unit_price_fen = 12000;
  g_ptr_array_add (lines, line);
  order = cd_store_supplier_order_create (store, 1, 1, "2024-03-05", "2024-03-10", NULL, NULL, lines, &error);
  g_assert_no_error (error);
  cd_store_supplier_order_move (store, order, CD_SUPPLIER_ORDER_ORDERED, NULL, &error);
  g_assert_no_error (error);
  cd_store_supplier_order_move (store, order, CD_SUPPLIER_ORDER_DELIVERED, "2024-03-09", &error);
  g_assert_no_error (error);
  acceptance = cd_store_acceptance_create_for_order (store, order, "2024-03-09", &error);
  g_assert_no_error (error);
  a = cd_store_acceptance_get (store, acceptance, &error);
  g_assert_no_error (error);
  for (guint i = 0; a != NULL && i < a->items->len; i++)
    cd_store_acceptance_judge (store, ((CdAcceptanceItem *) a->items->pdata[i])->id, CD_CHECK_PASS, NULL, &error);
  g_assert_no_error (error);
  cd_store_acceptance_sign (store, acceptance, 1, "2024-03-09", &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->path = cd_test_make_db_path ();
  f->context = cd_test_open_context (f->path);
  cd_store_exec (store_of (f),
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status, am_id)"
    "  VALUES (1, 'XM202403-0001', 1, '春茶上市发布会', 'in_production', 1);"
    "INSERT INTO supplier (id, name, category) VALUES (1, '上海鸿图广告制作有限公司', 'large_format');",
    &error);
  g_assert_no_error (error);
  cd_context_set_current_staff (f->context, 1);
  accept_order (store_of (f));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->context);
  cd_test_remove_tree (f->path);
  g_free (f->path);
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

/* The text of the first visible error label under @root, or NULL. */
static const char *
shown_error (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error") && gtk_widget_get_visible (root)
      && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return gtk_label_get_text (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = shown_error (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
field (GtkWidget *root, const char *name)
{
  GtkWidget *widget = cd_test_find_by_label (root, name);

  g_assert_nonnull (widget);
  return GTK_EDITABLE (widget);
}

static gint64
count (Fixture *f, const char *sql)
{
  return cd_store_query_int (store_of (f), sql, NULL);
}

static CdPickupSlipWindow *
open_new (Fixture *f)
{
  CdPickupSlipWindow *window = cd_pickup_slip_window_new_for_project (f->context, 1);

  gtk_window_present (GTK_WINDOW (window));
  cd_test_iterate (100);
  return window;
}

static void
test_new_slip_starts_from_accepted_goods (Fixture *f, gconstpointer data)
{
  CdPickupSlipWindow *window = open_new (f);
  GtkWidget *root = GTK_WIDGET (window);

  assert_all_named (root);
  g_assert_cmpstr (gtk_editable_get_text (field (root, "Item, line 1")), ==, "易拉宝");
  g_assert_cmpstr (gtk_editable_get_text (field (root, "Quantity, line 1")), ==, "20");
  g_assert_cmpstr (gtk_editable_get_text (field (root, "Unit, line 1")), ==, "个");
  g_assert_null (cd_test_find_by_label (root, "Item, line 2"));
  g_assert_null (shown_error (root));
  g_assert_cmpint (cd_pickup_slip_window_get_slip_id (window), ==, 0);
  /* A slip not created yet has no history to show. */
  g_assert_false (gtk_widget_is_sensitive (cd_test_find (root, GTK_TYPE_BUTTON, "History")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_input_is_refused_next_to_its_field (Fixture *f, gconstpointer data)
{
  CdPickupSlipWindow *window = open_new (f);
  GtkWidget *root = GTK_WIDGET (window);

  gtk_editable_set_text (field (root, "Handover date (YYYY-MM-DD)"), "2026-02-30");
  gtk_widget_activate_action (root, "slip.create", NULL);
  cd_test_iterate (20);
  g_assert_nonnull (shown_error (root));
  g_assert_true (shown_error (root) && strstr (shown_error (root), "Handover date") != NULL);

  gtk_editable_set_text (field (root, "Handover date (YYYY-MM-DD)"), "2024-03-12");
  gtk_editable_set_text (field (root, "Quantity, line 1"), "abc");
  gtk_widget_activate_action (root, "slip.create", NULL);
  cd_test_iterate (20);
  g_assert_true (shown_error (root) && strstr (shown_error (root), "Line 1") != NULL);

  gtk_editable_set_text (field (root, "Quantity, line 1"), "-3");
  gtk_widget_activate_action (root, "slip.create", NULL);
  cd_test_iterate (20);
  g_assert_nonnull (shown_error (root));

  /* Every line removed: nothing to hand over. */
  gtk_editable_set_text (field (root, "Quantity, line 1"), "20");
  g_signal_emit_by_name (cd_test_find (root, GTK_TYPE_BUTTON, "Remove line 1"), "clicked");
  gtk_widget_activate_action (root, "slip.create", NULL);
  cd_test_iterate (20);
  g_assert_nonnull (shown_error (root));
  g_assert_cmpint (count (f, "SELECT count(*) FROM pickup_slip"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pickup_slip_line"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_created_slip_is_signed_then_locked (Fixture *f, gconstpointer data)
{
  CdPickupSlipWindow *window = open_new (f);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *received;

  gtk_editable_set_text (field (root, "Handover date (YYYY-MM-DD)"), "2024-03-12");
  gtk_editable_set_text (field (root, "Quantity, line 1"), "18");
  gtk_widget_activate_action (root, "slip.add-line", NULL);
  gtk_editable_set_text (field (root, "Item, line 2"), "展架配件");
  gtk_editable_set_text (field (root, "Quantity, line 2"), "2");
  gtk_widget_activate_action (root, "slip.create", NULL);
  cd_test_iterate (50);
  g_assert_null (shown_error (root));
  g_assert_cmpint (cd_pickup_slip_window_get_slip_id (window), >, 0);
  g_assert_true (gtk_widget_is_sensitive (cd_test_find (root, GTK_TYPE_BUTTON, "History")));
  g_assert_cmpint (count (f, "SELECT count(*) FROM pickup_slip WHERE status = 'issued' AND date = '2024-03-12'"
                             " AND client_id = 1 AND number LIKE 'TH202403-%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT sum(qty_milli) FROM pickup_slip_line"), ==, 20000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pickup_slip_line WHERE item = '易拉宝' AND qty_milli = 18000"),
                   ==, 1);
  /* The created slip shows its lines read-only and offers the PDF. */
  g_assert_null (cd_test_find_by_label (root, "Quantity, line 1"));
  g_assert_true (gtk_widget_get_visible (cd_test_find (root, GTK_TYPE_BUTTON, "Save pickup slip as PDF")));
  /* Opened again from the list, the slip shows the same, every control named. */
  {
    CdPickupSlipWindow *again = cd_pickup_slip_window_new (f->context, cd_pickup_slip_window_get_slip_id (window));

    gtk_window_present (GTK_WINDOW (again));
    cd_test_iterate (50);
    assert_all_named (GTK_WIDGET (again));
    g_assert_nonnull (cd_test_find_by_label (GTK_WIDGET (again), "展架配件"));
    g_assert_true (gtk_widget_get_visible (cd_test_find (GTK_WIDGET (again), GTK_TYPE_BUTTON, "Mark signed")));
    gtk_window_destroy (GTK_WINDOW (again));
  }

  /* Signing needs the name of who received the goods. */
  gtk_widget_activate_action (root, "slip.sign", NULL);
  cd_test_iterate (20);
  g_assert_true (shown_error (root) && strstr (shown_error (root), "Received by") != NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pickup_slip WHERE status = 'signed'"), ==, 0);

  gtk_editable_set_text (field (root, "Received by"), "  王伟 ");
  gtk_widget_activate_action (root, "slip.sign", NULL);
  cd_test_iterate (50);
  g_assert_null (shown_error (root));
  g_assert_cmpint (count (f, "SELECT count(*) FROM pickup_slip WHERE status = 'signed' AND received_by = '王伟'"),
                   ==, 1);
  received = GTK_WIDGET (field (root, "Received by"));
  g_assert_false (gtk_widget_is_sensitive (received));
  g_assert_false (gtk_widget_get_visible (cd_test_find (root, GTK_TYPE_BUTTON, "Mark signed")));
  /* And the store refuses a second signature. */
  g_assert_false (cd_store_pickup_slip_sign (store_of (f), cd_pickup_slip_window_get_slip_id (window), "张三", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
desk_loaded (gpointer data)
{
  return !cd_supply_desk_get_loading (data);
}

static void
test_production_page_finds_a_project (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  CdSupplyDesk *desk = cd_supply_desk_new (f->context);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (desk));
  gtk_window_present (GTK_WINDOW (window));
  cd_test_iterate (50);
  g_assert_true (cd_test_wait (desk_loaded, desk, 5000));
  g_assert_nonnull (cd_test_find (window, GTK_TYPE_BUTTON, "Supplier quotes for XM202403-0001"));
  cd_supply_desk_set_search (desk, "春茶");
  g_assert_true (cd_test_wait (desk_loaded, desk, 5000));
  g_assert_nonnull (cd_test_find (window, GTK_TYPE_BUTTON, "New pickup slip for XM202403-0001"));
  assert_all_named (window);
  cd_supply_desk_set_search (desk, "没有这个项目");
  g_assert_true (cd_test_wait (desk_loaded, desk, 5000));
  g_assert_null (cd_test_find (window, GTK_TYPE_BUTTON, "Supplier quotes for XM202403-0001"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
set_view_text (GtkWidget *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
test_checklists_are_edited_in_preferences (Fixture *f, gconstpointer data)
{
  CdPreferencesWindow *prefs = cd_preferences_window_new (NULL, f->context);
  GtkWidget *root = GTK_WIDGET (prefs);
  GtkWidget *view, *save;
  g_autoptr (CdChecklistTemplate) before = NULL;
  g_autoptr (CdChecklistTemplate) after = NULL;
  g_autoptr (CdChecklistTemplate) output = NULL;
  g_autofree char *long_item = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  cd_test_iterate (100);
  /* Shipped defaults for every kind, the output checklist included. */
  view = cd_test_find_by_label (root, "Items of the Print checklist, one per line");
  save = cd_test_find (root, GTK_TYPE_BUTTON, "Save the Print checklist");
  g_assert_nonnull (view);
  g_assert_nonnull (save);
  g_assert_nonnull (cd_test_find_by_label (root, "Items of the Design output checklist, one per line"));
  before = cd_store_checklist_template_for_kind (store_of (f), "print", NULL);
  g_assert_true (before != NULL && before->items->len >= 5);
  output = cd_store_checklist_template_for_kind (store_of (f), "output", NULL);
  g_assert_true (output != NULL && output->items->len >= 3);
  if (view == NULL || save == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (prefs));
      return;
    }

  /* Nothing but blank lines: refused beside the checklist, nothing saved. */
  set_view_text (view, " \n\n");
  g_signal_emit_by_name (save, "clicked");
  cd_test_iterate (20);
  g_assert_nonnull (shown_error (root));
  after = cd_store_checklist_template_for_kind (store_of (f), "print", NULL);
  g_assert_cmpuint (after->items->len, ==, before->items->len);
  g_clear_pointer (&after, cd_checklist_template_free);

  /* An item too long for the checklist: refused, named by its line. */
  long_item = g_strnfill (301, 'x');
  set_view_text (view, long_item);
  g_signal_emit_by_name (save, "clicked");
  cd_test_iterate (20);
  g_assert_true (shown_error (root) && strstr (shown_error (root), "Item 1") != NULL);

  set_view_text (view, "数量清点无误\n\n  颜色与签样一致  \n覆膜无气泡");
  g_signal_emit_by_name (save, "clicked");
  cd_test_iterate (20);
  g_assert_null (shown_error (root));
  after = cd_store_checklist_template_for_kind (store_of (f), "print", NULL);
  g_assert_cmpuint (after->items->len, ==, 3);
  g_assert_cmpstr (after->items->pdata[1], ==, "颜色与签样一致");
  g_assert_cmpstr (after->items->pdata[2], ==, "覆膜无气泡");
  g_assert_cmpint (after->id, ==, before->id);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/gui/pickup-slip/new-slip-starts-from-the-accepted-goods", test_new_slip_starts_from_accepted_goods);
  ADD ("/gui/pickup-slip/bad-input-is-refused-next-to-its-field-and-nothing-saved",
       test_bad_input_is_refused_next_to_its_field);
  ADD ("/gui/pickup-slip/created-slip-is-signed-then-no-longer-changes", test_created_slip_is_signed_then_locked);
  ADD ("/gui/supply-desk/finds-a-project-and-names-its-buttons", test_production_page_finds_a_project);
  ADD ("/gui/supply-checklists/are-edited-in-preferences-one-item-per-line", test_checklists_are_edited_in_preferences);
#undef ADD
  return g_test_run ();
}
