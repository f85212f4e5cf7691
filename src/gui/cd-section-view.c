/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "gui/cd-section-view.h"

struct _CdSectionView
{
  AdwBin            parent_instance;

  GtkStackSwitcher *switcher;
  GtkStack         *stack;
};

G_DEFINE_FINAL_TYPE (CdSectionView, cd_section_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VISIBLE_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_stack_visible_child_changed_cb (CdSectionView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_LIST]);
}

/* GtkStackSwitcher's buttons carry only an icon or a label child; give each
 * the title as its accessible name, which screen readers and tests use. */
static void
label_switcher_buttons (CdSectionView *self)
{
  GtkSelectionModel *pages = gtk_stack_get_pages (self->stack);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->switcher));

  for (guint i = 0; button != NULL; i++, button = gtk_widget_get_next_sibling (button))
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (page == NULL)
        break;
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_stack_page_get_title (page),
                                      -1);
      g_object_unref (page);
    }
  g_object_unref (pages);
}

static void
cd_section_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_SECTION_VIEW);

  G_OBJECT_CLASS (cd_section_view_parent_class)->dispose (object);
}

static void
cd_section_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdSectionView *self = CD_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_LIST:
      g_value_set_object (value, cd_section_view_get_visible_list (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_section_view_class_init (CdSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_section_view_dispose;
  object_class->get_property = cd_section_view_get_property;

  properties[PROP_VISIBLE_LIST] =
    g_param_spec_object ("visible-list", NULL, NULL, CD_TYPE_LIST_VIEW,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSectionView, switcher);
  gtk_widget_class_bind_template_child (widget_class, CdSectionView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_changed_cb);
}

static void
cd_section_view_init (CdSectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer floating): an empty section; add lists to it */
CdSectionView *
cd_section_view_new (void)
{
  return g_object_new (CD_TYPE_SECTION_VIEW, NULL);
}

void
cd_section_view_add (CdSectionView *self,
                     CdListView    *view,
                     const char    *title)
{
  const CdSourceInfo *info;

  g_return_if_fail (CD_IS_SECTION_VIEW (self));
  g_return_if_fail (CD_IS_LIST_VIEW (view));

  info = cd_list_source_get_info (cd_list_view_get_source (view));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (view), info->name, title);
  label_switcher_buttons (self);
}

/* A page that is not a list (the Finance view's month end): the search
 * field does not apply to it. @name must be unique in the section. */
void
cd_section_view_add_page (CdSectionView *self,
                          GtkWidget     *page,
                          const char    *name,
                          const char    *title)
{
  g_return_if_fail (CD_IS_SECTION_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  gtk_stack_add_titled (self->stack, page, name, title);
  label_switcher_buttons (self);
}

/* Returns: (transfer none) (nullable): the list on screen; NULL when the
 * page on screen is not a list */
CdListView *
cd_section_view_get_visible_list (CdSectionView *self)
{
  GtkWidget *child;

  g_return_val_if_fail (CD_IS_SECTION_VIEW (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  return CD_IS_LIST_VIEW (child) ? CD_LIST_VIEW (child) : NULL;
}

/* Returns: (transfer none) (nullable): the page on screen, list or not */
GtkWidget *
cd_section_view_get_visible_page (CdSectionView *self)
{
  g_return_val_if_fail (CD_IS_SECTION_VIEW (self), NULL);
  return gtk_stack_get_visible_child (self->stack);
}

void
cd_section_view_set_visible_page (CdSectionView *self,
                                  const char    *name)
{
  g_return_if_fail (CD_IS_SECTION_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

void
cd_section_view_set_visible_list (CdSectionView *self,
                                  CdListView    *view)
{
  g_return_if_fail (CD_IS_SECTION_VIEW (self));
  g_return_if_fail (CD_IS_LIST_VIEW (view));

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (view));
}
