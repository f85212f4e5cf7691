/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the supply repositories (cd-store-suppliers.c,
 * cd-store-supplier-orders.c, cd-store-acceptances.c,
 * cd-store-checklists.c, cd-store-pickup-slips.c). Nothing else includes
 * this. */
#pragma once

#include "store/cd-store-docs-private.h"
#include "store/cd-store-suppliers.h"

G_BEGIN_DECLS

/* NULL when @text is NULL or blank, else a copy with the ends trimmed. */
char     *cd_supply_clean_text        (const char   *text);

/* A single row's integer column (first row), -1 when there is none. */
gint64    cd_supply_query_id          (CdStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);

gboolean  cd_supply_not_found         (GError      **error,
                                       const char   *what,
                                       gint64        id);

/* Reads an order (with its lines) without taking the lock: for callers
 * already inside a transaction. In cd-store-supplier-orders.c. */
CdSupplierOrder *cd_supply_load_order (CdStore      *self,
                                       gint64        id,
                                       gboolean      with_lines,
                                       GError      **error);
/* Inserts @lines (computed) for @order_id at positions 1…n. */
gboolean  cd_supply_insert_order_lines (CdStore     *self,
                                        gint64       order_id,
                                        GPtrArray   *lines,
                                        GError     **error);
/* Moves order @id from its status to @to, stamping @column with @date
 * when @column is not NULL; the database's state trigger has the last word. */
gboolean  cd_supply_move_order        (CdStore      *self,
                                       gint64        id,
                                       const char   *to,
                                       const char   *column,
                                       const char   *date,
                                       GError      **error);

/* Writes the shipped templates of kinds that have none. In
 * cd-store-checklists.c; call inside a transaction. */
gboolean  cd_supply_ensure_templates  (CdStore      *self,
                                       GError      **error);
CdChecklistTemplate *cd_supply_load_template_for_kind (CdStore    *self,
                                                       const char *kind,
                                                       GError    **error);

G_END_DECLS
