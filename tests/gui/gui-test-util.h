/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the window tests: a display check, temporary databases, waiting
 * for worker threads, and finding widgets the way a screen reader does. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

typedef gboolean (*CdTestPredicate) (gpointer data);

gboolean   cd_test_gui_init          (int          *argc,
                                      char       ***argv);
char      *cd_test_make_db_path      (void);
CdContext *cd_test_open_context      (const char   *path);
gboolean   cd_test_fill_demo         (CdContext    *context);
gboolean   cd_test_wait              (CdTestPredicate predicate,
                                      gpointer      data,
                                      guint         timeout_ms);
void       cd_test_iterate           (guint         ms);
GtkWidget *cd_test_find_by_label     (GtkWidget    *root,
                                      const char   *label);
GtkWidget *cd_test_find_by_type      (GtkWidget    *root,
                                      GType         type);
GtkWidget *cd_test_find              (GtkWidget    *root,
                                      GType         type,
                                      const char   *label);
char      *cd_test_describe          (GtkWidget    *widget);
gboolean   cd_test_has_label         (GtkWidget    *widget);
GPtrArray *cd_test_unlabelled        (GtkWidget    *root);
void       cd_test_remove_tree       (const char   *path);

G_END_DECLS
