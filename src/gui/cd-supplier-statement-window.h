/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A supplier's statement over any period, from the Finance view: opening
 * balance, what became payable and what was paid, with the running
 * balance; exported to a workbook on demand. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLIER_STATEMENT_WINDOW (cd_supplier_statement_window_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplierStatementWindow, cd_supplier_statement_window, CD,
                      SUPPLIER_STATEMENT_WINDOW, AdwWindow)

GtkWindow *cd_supplier_statement_window_new      (CdContext                 *context,
                                                  GtkWindow                 *parent);
gboolean   cd_supplier_statement_window_is_ready (CdSupplierStatementWindow *self);
/* Chooses the supplier and period as a person would and shows the
 * statement; FALSE when refused (the reason is shown by the fields). */
gboolean   cd_supplier_statement_window_show     (CdSupplierStatementWindow *self,
                                                  gint64                     supplier_id,
                                                  const char                *from,
                                                  const char                *to);
/* (transfer none) (nullable): the statement shown, as the store gave it */
GVariant  *cd_supplier_statement_window_get_statement (CdSupplierStatementWindow *self);
/* Writes the statement shown to @path (what Export does after the file
 * chooser); FALSE with @error set. */
gboolean   cd_supplier_statement_window_export   (CdSupplierStatementWindow *self,
                                                  const char                *path,
                                                  GError                   **error);

G_END_DECLS
