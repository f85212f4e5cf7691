/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences: values land in the database's settings (where the command
 * line's documents read them); an invalid numbering pattern shows why next
 * to the field and saves nothing. */
#define G_LOG_DOMAIN "cd-test"

#include <string.h>

#include "gui-test-util.h"
#include "gui/cd-contract-template-window.h"
#include "gui/cd-preferences-window.h"
#include "gui/cd-quote-catalogue-window.h"

typedef struct
{
  char                *db_path;
  CdContext           *context;
  CdPreferencesWindow *window;
} Fixture;

static CdStore *
store (Fixture *fixture)
{
  return cd_context_get_store (fixture->context);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = cd_preferences_window_new (NULL, fixture->context);
  g_object_ref (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cd_test_iterate (50);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db_path = cd_test_make_db_path ();
  fixture->context = cd_test_open_context (fixture->db_path);
  cd_store_set_setting (store (fixture), "numbering.quote", "QT{yyyy}-{nnnn}", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      cd_test_iterate (50);
      g_assert_finalize_object (fixture->window);
    }
  g_assert_finalize_object (fixture->context);
  cd_test_remove_tree (fixture->db_path);
  g_free (fixture->db_path);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *label)
{
  GtkWidget *widget = cd_test_find_by_label (GTK_WIDGET (fixture->window), label);

  g_test_message ("looking for “%s”", label);
  g_assert_nonnull (widget);
  return widget;
}

/* The note next to a field: the suffix label of the entry row. */
static GtkLabel *
field_note (GtkWidget *row)
{
  return GTK_LABEL (g_object_get_data (G_OBJECT (row), "cd-note"));
}

static void
test_invalid_numbering_pattern_is_shown_and_not_saved (Fixture       *fixture,
                                                       gconstpointer  data)
{
  GtkWidget *row;
  GtkLabel *note;
  g_autofree char *saved = NULL;

  open_window (fixture);
  row = find (fixture, "Quote number pattern");
  if (row == NULL)
    return;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "QT{yyyy}-{nnnn}");

  gtk_editable_set_text (GTK_EDITABLE (row), "QT{yyyy}{bogus}");
  g_signal_emit_by_name (row, "apply");
  cd_test_iterate (20);

  note = field_note (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (note)));
  g_assert_cmpuint (strlen (gtk_label_get_label (note)), >, 0);
  g_test_message ("reason shown: %s", gtk_label_get_label (note));
  saved = cd_store_get_setting (store (fixture), "numbering.quote");
  g_assert_cmpstr (saved, ==, "QT{yyyy}-{nnnn}");
}

static void
test_valid_numbering_pattern_is_saved (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *row;
  g_autofree char *saved = NULL;

  open_window (fixture);
  row = find (fixture, "Contract number pattern");
  if (row == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), "HT-{yyyy}{mm}-{nnnnn}");
  g_signal_emit_by_name (row, "apply");
  cd_test_iterate (20);

  g_assert_false (gtk_widget_has_css_class (row, "error"));
  saved = cd_store_get_setting (store (fixture), "numbering.contract");
  g_assert_cmpstr (saved, ==, "HT-{yyyy}{mm}-{nnnnn}");
}

static void
test_company_profile_is_saved_for_documents (Fixture       *fixture,
                                             gconstpointer  data)
{
  GtkWidget *row;
  g_autofree char *saved = NULL;

  open_window (fixture);
  row = find (fixture, "Company name");
  if (row == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), "  上海示例广告有限公司 ");
  g_signal_emit_by_name (row, "apply");
  cd_test_iterate (20);

  saved = cd_store_get_setting (store (fixture), "company.name");
  g_assert_cmpstr (saved, ==, "上海示例广告有限公司");
}

static void
test_tax_rate_is_saved_in_basis_points (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkWidget *spin;
  g_autofree char *saved = NULL;
  g_autofree char *untouched = NULL;

  open_window (fixture);
  spin = find (fixture, "Tax rate for services, percent");
  if (spin == NULL)
    return;
  /* The defaults of DESIGN.md: 6 % on services. */
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 6.0, 0.001);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 9.0);
  cd_test_iterate (20);

  saved = cd_store_get_setting (store (fixture), "tax.services_bp");
  g_assert_cmpstr (saved, ==, "900");
  /* Out-of-range values are held at the limit, never stored. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 250.0);
  g_free (saved);
  saved = cd_store_get_setting (store (fixture), "tax.services_bp");
  g_assert_cmpstr (saved, ==, "10000");
  untouched = cd_store_get_setting (store (fixture), "tax.goods_bp");
  g_assert_null (untouched);
}

static void
test_calendar_row_says_which_years_are_known (Fixture       *fixture,
                                              gconstpointer  data)
{
  GtkWidget *button;
  GtkWidget *row;
  const char *subtitle;

  open_window (fixture);
  button = find (fixture, "Import a holiday calendar file");
  if (button == NULL)
    return;
  row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_test_message ("calendar: %s", subtitle);
  /* The bundled calendar covers 2024 to 2027. */
  g_assert_nonnull (strstr (subtitle, "2024"));
  g_assert_nonnull (strstr (subtitle, "days"));
}

static void
test_current_staff_member_is_remembered (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.example.ClientDesk");
  GtkWidget *row;
  GListModel *names;

  cd_test_fill_demo (fixture->context);
  open_window (fixture);
  row = find (fixture, "Current staff member");
  if (row == NULL)
    return;
  names = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  /* "Nobody chosen", then the active staff of the sample agency. */
  g_assert_cmpuint (g_list_model_get_n_items (names), >, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpint (cd_context_get_current_staff (fixture->context), >, 0);
  g_assert_cmpint (g_settings_get_int64 (settings, "current-staff-id"), ==,
                   cd_context_get_current_staff (fixture->context));

  /* Opened again, the window shows the same person. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cd_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  open_window (fixture);
  row = find (fixture, "Current staff member");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
}

/* Returns: (transfer none) (nullable): the row under @root whose title is
 * @title; a preferences row is named for assistive technology by its title. */
static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activates the row titled @label and returns the window of @type it
 * opened, if any (the caller destroys it). */
static GtkWindow *
open_from_row (Fixture *fixture, const char *label, GType type)
{
  GtkWidget *row = find_row (GTK_WIDGET (fixture->window), label);
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_test_message ("looking for the row “%s”", label);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  if (row == NULL || !gtk_widget_activate (row))
    return NULL;
  cd_test_iterate (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The catalogue and the contract template open from the Documents page,
 * modal over Preferences (which is modal itself). */
static void
test_catalogue_and_template_open_from_documents (Fixture       *fixture,
                                                 gconstpointer  data)
{
  const struct { const char *label; GType type; } rows[] = {
    { "Catalogue of Standard Items…", CD_TYPE_QUOTE_CATALOGUE_WINDOW },
    { "Contract Template…", CD_TYPE_CONTRACT_TEMPLATE_WINDOW },
  };

  open_window (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWindow *window = open_from_row (fixture, rows[i].label, rows[i].type);

      g_test_message ("opening %s", rows[i].label);
      g_assert_nonnull (window);
      if (window == NULL)
        continue;
      g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window));
      g_assert_true (gtk_window_get_modal (window));
      gtk_window_destroy (window);
      cd_test_iterate (20);
    }
}

static void
test_every_control_has_an_accessible_name (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GPtrArray) missing = NULL;

  open_window (fixture);
  missing = cd_test_unlabelled (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < missing->len; i++)
    {
      g_autofree char *where = cd_test_describe (g_ptr_array_index (missing, i));

      g_test_message ("no accessible name: %s", where);
    }
  g_assert_cmpuint (missing->len, ==, 0);
}

int
main (int argc, char **argv)
{
  if (!cd_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/preferences/invalid-numbering-pattern-is-shown-and-not-saved",
       test_invalid_numbering_pattern_is_shown_and_not_saved);
  ADD ("/gui/preferences/valid-numbering-pattern-is-saved", test_valid_numbering_pattern_is_saved);
  ADD ("/gui/preferences/company-profile-is-saved-for-documents", test_company_profile_is_saved_for_documents);
  ADD ("/gui/preferences/tax-rate-is-saved-in-basis-points", test_tax_rate_is_saved_in_basis_points);
  ADD ("/gui/preferences/calendar-row-says-which-years-are-known", test_calendar_row_says_which_years_are_known);
  ADD ("/gui/preferences/current-staff-member-is-remembered", test_current_staff_member_is_remembered);
  ADD ("/gui/preferences/catalogue-and-template-open-from-documents",
       test_catalogue_and_template_open_from_documents);
  ADD ("/gui/preferences/every-control-has-an-accessible-name", test_every_control_has_an_accessible_name);
#undef ADD

  return g_test_run ();
}
