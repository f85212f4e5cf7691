/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A supplier's statement over a period as a workbook: one "Statement"
 * sheet (opening balance, every acceptance and payment with the running
 * balance, closing balance), real dates and money, written to a temporary
 * file and renamed. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-xlsx.h"

G_BEGIN_DECLS

/* @statement: as cd_store_supplier_statement () returns it;
 * @from, @to: the period, "YYYY-MM-DD", for the sheet's heading */
gboolean cd_supplier_statement_export (GVariant    *statement,
                                       const char  *from,
                                       const char  *to,
                                       const char  *target,
                                       GError     **error);

G_END_DECLS
