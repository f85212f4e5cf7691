/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/cd-accessible.h"

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The visible text inside a widget, e.g. a view switcher button's title. */
static const char *
first_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && text[0] != '\0')
        return text;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label_text (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static gboolean
is_type (GtkWidget  *widget,
         const char *type_name)
{
  GType type = g_type_from_name (type_name);

  return type != 0 && g_type_is_a (G_OBJECT_TYPE (widget), type);
}

/* What a drop-down or menu button is called where it stands: its tooltip,
 * else the title of the row it sits in. */
static const char *
owner_name (GtkWidget *owner)
{
  const char *tooltip = gtk_widget_get_tooltip_text (owner);
  GtkWidget *row;

  if (tooltip != NULL && tooltip[0] != '\0')
    return tooltip;
  row = gtk_widget_get_ancestor (owner, ADW_TYPE_PREFERENCES_ROW);
  if (row != NULL)
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  return NULL;
}

/* The toggle button inside a GtkDropDown or GtkMenuButton, and the search
 * entry of a drop-down's popover, take the name of their owner. */
static gboolean
name_owned_part (GtkWidget *widget)
{
  GtkWidget *owner = NULL;
  const char *name;

  if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent))
        owner = parent;
    }
  else if (GTK_IS_SEARCH_ENTRY (widget))
    owner = gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN);
  if (owner == NULL || (name = owner_name (owner)) == NULL)
    return FALSE;
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      /* Translators: the search field of a drop-down list; %s is the list's name */
      g_autofree char *label = g_strdup_printf (_("Search %s"), name);

      set_label (widget, label);
    }
  else
    {
      set_label (widget, name);
      if (GTK_IS_MENU_BUTTON (owner))
        set_label (owner, name);
    }
  return TRUE;
}

static void
name_part (GtkWidget *widget)
{
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;
  GtkWidget *row;

  if (name_owned_part (widget))
    return;
  /* AdwViewSwitcherButton (a private type): name it by its page title. */
  if (is_type (widget, "AdwViewSwitcherButton"))
    {
      const char *title = first_label_text (widget);

      if (title != NULL)
        set_label (widget, title);
      return;
    }
  if (g_strcmp0 (icon, "adw-entry-apply-symbolic") == 0
      && (row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW)) != NULL)
    {
      /* Translators: the button that saves an entry row; %s is its title */
      g_autofree char *label = g_strdup_printf (_("Save %s"),
                                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      set_label (widget, label);
      return;
    }
  if (g_strcmp0 (icon, "window-close-symbolic") == 0
      && gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL)
    {
      set_label (widget, _("Close search"));
      return;
    }
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW) != NULL
      && gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL
      && (g_strcmp0 (icon, "edit-find-symbolic") == 0 || GTK_IS_SEARCH_ENTRY (widget)))
    set_label (widget, _("Search preferences"));
}

/**
 * cd_accessible_name_parts:
 *
 * Walks @root's widgets and names the library parts described above.
 * Call it once the widgets exist (after the template is built).
 */
void
cd_accessible_name_parts (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_part (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cd_accessible_name_parts (child);
}

/* A GtkMenuButton's own label does not reach the toggle button inside it,
 * which is what assistive technology sees and presses. */
void
cd_accessible_name_menu_button (GtkMenuButton *button,
                                const char    *label)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  set_label (GTK_WIDGET (button), label);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      set_label (child, label);
}
