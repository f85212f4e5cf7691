/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-test"

#include <stdio.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "store/cd-demo.h"

/* The same agency in every run. */
#define TEST_SEED 7

/* Returns FALSE (after printing the TAP skip line) when there is no display
 * to open windows on. */
gboolean
cd_test_gui_init (int    *argc,
                  char ***argv)
{
  const char *display = g_getenv ("DISPLAY");

  if (display == NULL || display[0] == '\0')
    {
      /* The plan line of a skipped TAP program, written to stdout before
       * g_test_init (which would print its own plan otherwise). */
      fputs ("1..0 # SKIP no display\n", stdout);
      fflush (stdout);
      return FALSE;
    }
  /* No session bus in tests: nothing may autolaunch dbus-daemon. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
  adw_init ();
  return TRUE;
}

/* Returns: (transfer full): a database path in a fresh temporary folder */
char *
cd_test_make_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientdesk-gui-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "test.db", NULL);
}

/* Returns: (transfer full): a context on a new or existing database */
CdContext *
cd_test_open_context (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdStore) store = cd_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return cd_context_new (store);
}

/* The small sample agency, always from the same seed. */
gboolean
cd_test_fill_demo (CdContext *context)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = cd_demo_generate (cd_context_get_store (context), CD_DEMO_SMALL, TEST_SEED,
                         NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return ok;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @predicate holds or @timeout_ms passed; the
 * worker threads' results arrive through it. */
gboolean
cd_test_wait (CdTestPredicate predicate,
              gpointer        data,
              guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  return predicate (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets the main loop run for @ms: layout, mapping, idle handlers. */
void
cd_test_iterate (guint ms)
{
  cd_test_wait (never, NULL, ms);
}

gboolean
cd_test_has_label (GtkWidget *widget)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  /* check_property returns NULL when the value equals the one given. */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return mismatch != NULL;
}

/* Returns: (transfer none) (nullable): the first widget under @root (itself
 * included) whose accessible label is @label */
GtkWidget *
cd_test_find_by_label (GtkWidget  *root,
                       const char *label)
{
  g_autofree char *mismatch = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      if (mismatch == NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cd_test_find_by_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the first widget of @type under
 * @root whose accessible label is @label */
GtkWidget *
cd_test_find (GtkWidget  *root,
              GType       type,
              const char *label)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type)
      && gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                      label);
      if (mismatch == NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cd_test_find (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Returns: (transfer full): "GtkButton < GtkBox < AdwHeaderBar …", to say
 * in a failure which widget is meant */
char *
cd_test_describe (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (w);

      if (out->len > 0)
        g_string_append (out, " < ");
      g_string_append (out, G_OBJECT_TYPE_NAME (w));
      if (GTK_IS_BUTTON (w) && gtk_button_get_icon_name (GTK_BUTTON (w)) != NULL)
        g_string_append_printf (out, "[icon %s]", gtk_button_get_icon_name (GTK_BUTTON (w)));
      if (tooltip != NULL)
        g_string_append_printf (out, "[tooltip %s]", tooltip);
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer none) (nullable): the first widget of @type under @root */
GtkWidget *
cd_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cd_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a person acts on: buttons of every kind, text fields, switches,
 * spin buttons, activatable rows. The text field inside an entry is part
 * of the entry, which carries the name. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget)
         || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget)
         || ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_CHECK_BUTTON (widget)
         || (GTK_IS_LIST_BOX_ROW (widget) && !ADW_IS_PREFERENCES_ROW (widget)
             && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))
             && GTK_IS_LIST_BOX (gtk_widget_get_parent (widget)));
}

static void
collect_unlabelled (GtkWidget *widget,
                    GPtrArray *out)
{
  if (is_control (widget) && !cd_test_has_label (widget))
    g_ptr_array_add (out, widget);
  /* Inside a text field or a spin button are its own parts. */
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget) && !ADW_IS_ENTRY_ROW (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unlabelled (child, out);
}

/* Returns: (transfer container): the controls under @root without an
 * accessible label, for the test to name in its failure */
GPtrArray *
cd_test_unlabelled (GtkWidget *root)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_unlabelled (root, out);
  return out;
}

/* Removes a temporary database folder made by cd_test_make_db_path (). */
void
cd_test_remove_tree (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}
