/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote editor and the contract editor as a person uses them, through
 * accessible names: typing a quantity updates the total and its capitals to
 * the fen; a bad figure gets the parser's sentence and nothing is saved;
 * every control has a name; an over-payment is refused next to its field. */
#include <stdio.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui/cd-contract-editor.h"
#include "gui/cd-contract-template-window.h"
#include "gui/cd-payment-receivables-window.h"
#include "gui/cd-quote-catalogue-window.h"
#include "gui/cd-quote-editor.h"
#include "store/cd-store-contracts.h"
#include "store/cd-store-private.h"
#include "store/cd-store-quotes.h"

typedef struct
{
  char      *dir;
  CdContext *context;
  gint64     quote_id;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdQuoteLine) line = cd_quote_line_new ();

  f->dir = g_dir_make_tmp ("cd-quote-editor-XXXXXX", NULL);
  path = g_build_filename (f->dir, "agency.db", NULL);
  store = cd_store_open (path, &error);
  g_assert_no_error (error);
  cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);"
    "INSERT INTO project (id, number, client_id, name, status) VALUES (1, 'XM202603-0001', 1, '春茶上市发布会', 'quoting');",
    &error);
  g_assert_no_error (error);
  f->context = cd_context_new (store);
  f->quote_id = cd_store_quote_create (store, 1, "2026-03-10", &error);
  line->item = g_strdup ("主视觉设计");
  line->qty_milli = 1000;
  line->unit_price_fen = 10000;   /* 100.00 at 6 %: total 106.00 */
  cd_store_quote_add_line (store, f->quote_id, line, 0, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->context);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_label (GtkWidget *widget, const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  if (label == NULL)
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
      return mismatch != NULL;
    }
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

/* The first widget of @type under @root whose accessible name is @label. */
static GtkWidget *
find_labelled (GtkWidget *root, GType type, const char *label)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && has_label (root, label))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_labelled (c, type, label);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found)
        return found;
    }
  return NULL;
}

/* Controls a person acts on, without an accessible name. */
static void
collect_unnamed (GtkWidget *widget, GPtrArray *out)
{
  gboolean control = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget)
                     || GTK_IS_DROP_DOWN (widget) || GTK_IS_TEXT_VIEW (widget)
                     || (GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))
                         && !ADW_IS_PREFERENCES_ROW (widget) && GTK_IS_LIST_BOX (gtk_widget_get_parent (widget)));

  /* Buttons inside menu buttons and drop-downs take their parent's name. */
  if (control && !has_label (widget, NULL) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))
      && !GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)) && !ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (out, widget);
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, out);
}

static void
assert_all_named (GtkWidget *root)
{
  g_autoptr (GPtrArray) unnamed = g_ptr_array_new ();

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *w = unnamed->pdata[i];
      g_test_message ("no accessible name: %s (parent %s)", G_OBJECT_TYPE_NAME (w),
                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)));
    }
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static const char *
label_text (GtkWidget *root, const char *name)
{
  GtkWidget *label = find_named (root, name);

  g_assert_nonnull (label);
  return label ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static void
test_quantity_updates_total (Fixture *f, gconstpointer data)
{
  CdQuoteEditor *editor = cd_quote_editor_new (f->context, f->quote_id);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *qty;
  g_autoptr (CdQuote) saved = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  iterate (300);
  assert_all_named (root);
  g_assert_cmpstr (label_text (root, "quote-total"), ==, "¥106.00");

  qty = find_labelled (root, GTK_TYPE_ENTRY, "Quantity, line 1");
  g_assert_nonnull (qty);
  if (qty == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (qty), "3");
  iterate (50);
  g_assert_cmpstr (label_text (root, "quote-total"), ==, "¥318.00");
  g_assert_nonnull (strstr (label_text (root, "quote-capitals"), "叁佰壹拾捌元整"));

  /* A bad figure: the parser's sentence under the table, nothing to save. */
  gtk_editable_set_text (GTK_EDITABLE (qty), "abc");
  iterate (50);
  g_assert_true (gtk_widget_get_visible (find_named (root, "line-error")));
  g_assert_nonnull (strstr (label_text (root, "line-error"), "abc"));
  g_assert_true (gtk_widget_has_css_class (qty, "error"));
  gtk_widget_activate_action (root, "quote.save", NULL);
  iterate (50);
  g_assert_cmpint (cd_store_query_int (cd_context_get_store (f->context),
                                       "SELECT total_fen FROM quote WHERE id = 1", NULL), ==, 10600);

  /* 2.5 × 100.00 = 250.00, tax 15.00: 265.00; saved exactly so. */
  gtk_editable_set_text (GTK_EDITABLE (qty), "2.5");
  iterate (50);
  g_assert_false (gtk_widget_get_visible (find_named (root, "line-error")));
  g_assert_cmpstr (label_text (root, "quote-total"), ==, "¥265.00");
  g_assert_true (gtk_widget_activate_action (root, "quote.save", NULL));
  iterate (50);
  g_assert_false (cd_quote_editor_get_dirty (editor));
  saved = cd_store_quote_get (cd_context_get_store (f->context), f->quote_id, NULL);
  g_assert_cmpint (saved->total_fen, ==, 26500);
  g_assert_cmpint (((CdQuoteLine *) saved->lines->pdata[0])->qty_milli, ==, 2500);

  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (50);
}

static void
test_contract_refuses_over_payment (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_context_get_store (f->context);
  const CdInstallmentShare halves[] = { { "首付款", "2026-03-20", 5000 }, { "尾款", "2026-04-20", 5000 } };
  CdContractEditor *editor;
  GtkWidget *root, *amount;
  gint64 id;

  cd_store_quote_send (store, f->quote_id, NULL, &error);
  cd_store_quote_accept (store, f->quote_id, NULL, &error);
  id = cd_store_contract_create_from_quote (store, f->quote_id, NULL, &error);
  cd_store_contract_split_installments (store, id, halves, 2, &error);
  cd_store_contract_sign (store, id, NULL, &error);
  g_assert_no_error (error);

  editor = cd_contract_editor_new (f->context, id);
  root = GTK_WIDGET (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate (300);
  assert_all_named (root);
  amount = find_labelled (root, GTK_TYPE_ENTRY, "Payment amount");
  g_assert_nonnull (amount);
  if (amount == NULL)
    return;
  /* 53.00 is due on the first installment. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "60");
  gtk_widget_activate_action (root, "contract.add-payment", NULL);
  iterate (50);
  g_assert_true (gtk_widget_get_visible (find_named (root, "payment-error")));
  g_assert_nonnull (strstr (label_text (root, "payment-error"), "¥53.00"));
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM payment", NULL), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (amount), "53");
  gtk_widget_activate_action (root, "contract.add-payment", NULL);
  iterate (50);
  g_assert_cmpint (cd_store_query_int (store, "SELECT sum (amount_fen) FROM payment", NULL), ==, 5300);

  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (50);
}

/* The preferences row titled @title. */
static GtkWidget *
find_row_titled (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row_titled (c, title);
      if (found)
        return found;
    }
  return NULL;
}

/* A row of an AdwPreferencesGroup's list whose subtitle holds @text. */
static gboolean
has_row_with (GtkWidget *root, const char *text)
{
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL
      && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_row_with (c, text))
      return TRUE;
  return FALSE;
}

/* Lets a person look at the window (CD_TEST_HOLD_MS) before it closes. */
static void
hold (void)
{
  const char *ms = g_getenv ("CD_TEST_HOLD_MS");

  if (ms != NULL)
    iterate ((guint) g_ascii_strtoull (ms, NULL, 10));
}

static void
test_contract_shows_reduction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_context_get_store (f->context);
  const CdInstallmentShare halves[] = { { "首付款", "2026-03-20", 5000 }, { "尾款", "2026-04-20", 5000 } };
  CdContractEditor *editor;
  GtkWidget *root;
  gint64 id, a;

  cd_store_quote_send (store, f->quote_id, NULL, &error);
  cd_store_quote_accept (store, f->quote_id, NULL, &error);
  id = cd_store_contract_create_from_quote (store, f->quote_id, NULL, &error);
  cd_store_contract_split_installments (store, id, halves, 2, &error);
  cd_store_contract_sign (store, id, NULL, &error);
  a = cd_store_contract_amend (store, id, "少做一张海报", -2000, NULL, &error);
  cd_store_contract_sign (store, a, NULL, &error);
  g_assert_no_error (error);

  /* The contract: 106.00 less 20.00, the 20.00 off its last installment. */
  editor = cd_contract_editor_new (f->context, id);
  root = GTK_WIDGET (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate (300);
  assert_all_named (root);
  g_assert_true (has_row_with (root, "¥20.00 taken off by amendment"));
  g_assert_true (has_row_with (root, "−¥20.00"));
  g_assert_nonnull (find_labelled (root, GTK_TYPE_LIST_BOX, "Amendments"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (
                                find_labelled (root, GTK_TYPE_LIST_BOX, "Amendments"),
                                ADW_TYPE_PREFERENCES_GROUP))), "¥86.00"));
  hold ();
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (50);

  /* The amendment says what it takes off. */
  editor = cd_contract_editor_new (f->context, a);
  root = GTK_WIDGET (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate (300);
  assert_all_named (root);
  g_assert_nonnull (find_row_titled (root, "Amount taken off"));
  hold ();
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (50);
}

static void
test_new_version_shows_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_context_get_store (f->context);
  g_autoptr (CdQuote) v2 = NULL;
  g_autoptr (CdQuoteLine) added = cd_quote_line_new ();
  CdQuoteEditor *editor;
  GtkWidget *root;
  const char *diff;
  gint64 id;

  cd_store_quote_send (store, f->quote_id, NULL, &error);
  id = cd_store_quote_new_version (store, f->quote_id, "客户要求加一张海报", &error);
  g_assert_no_error (error);
  v2 = cd_store_quote_get (store, id, &error);
  ((CdQuoteLine *) v2->lines->pdata[0])->unit_price_fen = 9000;
  added->item = g_strdup ("海报印刷");
  added->qty_milli = 2000;
  added->unit_price_fen = 5000;
  g_ptr_array_add (v2->lines, g_steal_pointer (&added));
  g_assert_true (cd_store_quote_set_lines (store, id, v2->lines, &error));

  editor = cd_quote_editor_new (f->context, id);
  root = GTK_WIDGET (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate (300);
  assert_all_named (root);
  diff = label_text (root, "quote-diff");
  g_test_message ("diff: %s", diff);
  g_assert_nonnull (strstr (diff, "客户要求加一张海报"));
  g_assert_nonnull (strstr (diff, "海报印刷"));
  g_assert_nonnull (strstr (diff, "主视觉设计"));
  hold ();

  /* Shown from version 1: compared with version 2, the other way round. */
  {
    GtkWidget *versions = find_labelled (root, GTK_TYPE_LIST_BOX, "Versions of the quote");

    g_assert_nonnull (versions);
    if (versions == NULL)
      return;
    gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (versions), 0)));
    iterate (50);
    g_assert_cmpint (cd_quote_editor_get_quote_id (editor), ==, f->quote_id);
  }
  diff = label_text (root, "quote-diff");
  g_assert_nonnull (strstr (diff, "海报印刷"));
  g_assert_null (strstr (diff, "客户要求加一张海报"));
  g_assert_nonnull (find_labelled (root, GTK_TYPE_DROP_DOWN, "Compare with version"));
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (50);
}

static void
test_contract_template_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_context_get_store (f->context);
  CdContractTemplateWindow *window = cd_contract_template_window_new (f->context);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *view = find_labelled (root, GTK_TYPE_TEXT_VIEW, "Contract template");
  GtkTextBuffer *buffer;
  g_autoptr (CdContract) k = NULL;
  g_autofree char *stored = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gint64 id;

  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  assert_all_named (root);
  g_assert_nonnull (view);
  if (view == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, cd_contract_default_template ());
  hold ();

  /* A control character: the reason under the text, nothing saved. */
  gtk_text_buffer_set_text (buffer, "甲方\x01乙方", -1);
  gtk_widget_activate_action (root, "template.save", NULL);
  iterate (50);
  g_assert_true (gtk_widget_get_visible (find_named (root, "template-error")));
  stored = cd_store_get_setting (store, "contract.template");
  g_assert_null (stored);

  gtk_text_buffer_set_text (buffer, "甲方：{client}\n金额：{amount}（{amount_words}）", -1);
  gtk_widget_activate_action (root, "template.save", NULL);
  iterate (50);
  g_assert_false (gtk_widget_get_visible (find_named (root, "template-error")));
  cd_store_quote_send (store, f->quote_id, NULL, &error);
  cd_store_quote_accept (store, f->quote_id, NULL, &error);
  id = cd_store_contract_create_from_quote (store, f->quote_id, NULL, &error);
  g_assert_no_error (error);
  k = cd_store_contract_get (store, id, &error);
  g_assert_cmpstr (k->clauses, ==, "甲方：杭州云栖茶业有限公司\n金额：¥106.00（壹佰零陆元整）");

  gtk_widget_activate_action (root, "template.restore", NULL);
  gtk_widget_activate_action (root, "template.save", NULL);
  iterate (50);
  g_clear_pointer (&stored, g_free);
  stored = cd_store_get_setting (store, "contract.template");
  g_assert_null (stored);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

static gboolean
receivables_loaded (gpointer window)
{
  return cd_payment_receivables_window_is_loaded (window);
}

/* The texts of the labels under @root, in order, joined by "|". */
static void
collect_texts (GtkWidget *root, GString *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, out);
}

static void
test_receivables_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_context_get_store (f->context);
  const CdInstallmentShare halves[] = { { "首付款", "2026-03-20", 5000 }, { "尾款", "2026-06-20", 5000 } };
  CdPaymentReceivablesWindow *window;
  GtkWidget *root;
  g_autoptr (GString) texts = g_string_new (NULL);
  gint64 id;
  gint64 end;

  cd_store_quote_send (store, f->quote_id, "2026-03-11", &error);
  cd_store_quote_accept (store, f->quote_id, "2026-03-12", &error);
  id = cd_store_contract_create_from_quote (store, f->quote_id, "2026-03-12", &error);
  cd_store_contract_split_installments (store, id, halves, 2, &error);
  cd_store_contract_sign (store, id, "2026-03-15", &error);
  g_assert_no_error (error);

  /* On 2026-05-01: 53.00 is 42 days past due, 53.00 not due yet. */
  window = cd_payment_receivables_window_new (f->context, "2026-05-01");
  root = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!receivables_loaded (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  iterate (300);
  assert_all_named (root);
  g_assert_nonnull (strstr (label_text (root, "receivables-summary"), "¥106.00"));
  g_assert_nonnull (strstr (label_text (root, "receivables-summary"), "¥53.00"));
  collect_texts (root, texts);
  g_test_message ("%s", texts->str);
  g_assert_nonnull (strstr (texts->str, "杭州云栖茶业有限公司|¥106.00|¥53.00|¥53.00|¥0.00|¥53.00|¥0.00|¥0.00|"));
  hold ();
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

static void
type_into (GtkWidget *root, const char *title, const char *text)
{
  GtkWidget *row = find_row_titled (root, title);

  g_assert_nonnull (row);
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_catalogue_window (Fixture *f, gconstpointer data)
{
  CdStore *store = cd_context_get_store (f->context);
  CdQuoteCatalogueWindow *window = cd_quote_catalogue_window_new (f->context);
  GtkWidget *root = GTK_WIDGET (window);
  gint64 before = cd_store_query_int (store, "SELECT count(*) FROM catalogue_item", NULL);

  gtk_window_present (GTK_WINDOW (window));
  iterate (300);
  assert_all_named (root);
  type_into (root, "Name", "易拉宝设计");
  type_into (root, "Unit (piece, set, m², day, hour…)", "套");
  type_into (root, "Default unit price, before tax", "abc");
  gtk_widget_activate_action (root, "catalogue.save", NULL);
  iterate (50);
  /* The figure's sentence under the form; nothing saved. */
  g_assert_true (gtk_widget_get_visible (find_named (root, "catalogue-error")));
  g_assert_true (g_str_has_prefix (label_text (root, "catalogue-error"), "Unit price: "));
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM catalogue_item", NULL), ==, before);

  type_into (root, "Default unit price, before tax", "1,200.50");
  type_into (root, "Default tax rate (%)", "13 %");
  gtk_widget_activate_action (root, "catalogue.save", NULL);
  iterate (50);
  g_assert_false (gtk_widget_get_visible (find_named (root, "catalogue-error")));
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM catalogue_item WHERE name = '易拉宝设计'"
                                              " AND unit_price_fen = 120050 AND tax_rate_bp = 1300", NULL), ==, 1);
  g_assert_nonnull (find_row_titled (root, "易拉宝设计"));
  hold ();

  gtk_widget_activate_action (root, "catalogue.delete", NULL);
  iterate (50);
  g_assert_cmpint (cd_store_query_int (store, "SELECT count(*) FROM catalogue_item", NULL), ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

int
main (int argc, char **argv)
{
  const char *display = g_getenv ("DISPLAY");

  if (display == NULL || *display == '\0')
    {
      /* The TAP plan of a skipped program, before g_test_init. */
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
  adw_init ();

  g_test_add ("/gui/quote-editor/editing-a-quantity-updates-the-total", Fixture, NULL, fixture_setup,
              test_quantity_updates_total, fixture_teardown);
  g_test_add ("/gui/contract-editor/over-payment-is-refused-next-to-its-field", Fixture, NULL, fixture_setup,
              test_contract_refuses_over_payment, fixture_teardown);
  g_test_add ("/gui/contract-editor/a-reduction-shows-what-it-takes-off", Fixture, NULL, fixture_setup,
              test_contract_shows_reduction, fixture_teardown);
  g_test_add ("/gui/quote-editor/a-new-version-shows-what-changed", Fixture, NULL, fixture_setup,
              test_new_version_shows_changes, fixture_teardown);
  g_test_add ("/gui/contract-template/is-saved-checked-and-used-by-new-contracts", Fixture, NULL,
              fixture_setup, test_contract_template_window, fixture_teardown);
  g_test_add ("/gui/receivables/are-aged-per-client-and-contract", Fixture, NULL,
              fixture_setup, test_receivables_window, fixture_teardown);
  g_test_add ("/gui/quote-catalogue/bad-price-is-refused-and-items-are-saved-and-deleted", Fixture, NULL,
              fixture_setup, test_catalogue_window, fixture_teardown);
  return g_test_run ();
}
