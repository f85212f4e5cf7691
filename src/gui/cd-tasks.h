/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The long operations the window starts (import, backup), run on a worker
 * thread, and the dialogs around them: choosing a file, saying what went
 * wrong. */
#pragma once

#include <adwaita.h>

#include "store/cd-import.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

typedef void (*CdFileChosenFunc) (GFile    *file,
                                  gpointer  user_data);

void      cd_choose_file          (GtkWindow            *parent,
                                   GtkFileChooserAction  action,
                                   const char           *title,
                                   const char           *accept_label,
                                   const char           *filter_name,
                                   const char           *pattern,
                                   const char           *suggested_name,
                                   CdFileChosenFunc      callback,
                                   gpointer              user_data);

typedef void (*CdImportChosenFunc) (GFile    *file,
                                    CdKind    kind,
                                    gpointer  user_data);

void      cd_choose_import_file   (GtkWindow            *parent,
                                   gboolean              ask_kind,
                                   CdImportChosenFunc    callback,
                                   gpointer              user_data);

void      cd_import_file_async    (CdStore              *store,
                                   CdKind                kind,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  cd_import_file_finish   (GAsyncResult         *result,
                                   CdImportReport      **out_report,
                                   GError              **error);
char     *cd_import_describe      (CdKind                kind,
                                   const CdImportReport *report);
AdwMessageDialog *cd_show_import_refusal (GtkWindow            *parent,
                                          const CdImportReport *report,
                                          const GError         *error);

void      cd_backup_async         (CdStore              *store,
                                   GFile                *dest,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  cd_backup_finish        (GAsyncResult         *result,
                                   GError              **error);

AdwMessageDialog *cd_show_message        (GtkWindow            *parent,
                                          const char           *heading,
                                          const char           *body);

G_END_DECLS
