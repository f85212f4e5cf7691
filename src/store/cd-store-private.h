/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the store layer's own files only (demo, import, queries): the raw
 * connection and the helpers every repository needs. Nothing outside
 * src/store/ includes this. */
#pragma once

#include <sqlite3.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

sqlite3      *cd_store_get_db          (CdStore      *self);

/* The connection is shared by the UI thread and workers: take the lock
 * around every use of the connection or of a statement from it. It is
 * recursive, so public functions may call each other. */
void          cd_store_lock            (CdStore      *self);
void          cd_store_unlock          (CdStore      *self);

/* A statement cached by its SQL text (a string literal of the caller);
 * returned reset and with bindings cleared. Owned by the store. */
sqlite3_stmt *cd_store_prepare         (CdStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      cd_store_exec            (CdStore      *self,
                                        const char   *sql,
                                        GError      **error);

/* Turns an SQLite result into a GError: trigger refusals
 * ("clientdesk:locked:…", "clientdesk:state:…", "clientdesk:brief:…")
 * become CD_STORE_ERROR_LOCKED / _STATE / _INVALID with a translated
 * sentence. */
void          cd_store_set_error       (CdStore      *self,
                                        GError      **error,
                                        int           rc,
                                        const char   *doing);

/* Bulk writers (the demo) suspend the audit and search triggers inside
 * their transaction, then rebuild the search index once. */
gboolean      cd_store_set_bulk_mode   (CdStore      *self,
                                        gboolean      bulk,
                                        GError      **error);
gboolean      cd_store_rebuild_search  (CdStore      *self,
                                        GError      **error);

/* Next document number of @kind ("quote", "contract", …) for @date from
 * the pattern in settings ("numbering.<kind>"); counts in doc_sequence so a
 * number is never reused. Call inside a transaction. */
const char   *cd_store_default_number_pattern (const char *kind);
char         *cd_store_next_number     (CdStore      *self,
                                        const char   *kind,
                                        const GDate  *date,
                                        GError      **error);

/* Schema helpers (cd-store-schema.c, cd-store-audit.c). */
gboolean      cd_store_schema_apply    (CdStore      *self,
                                        int           target_version,
                                        GError      **error);
gboolean      cd_store_audit_install   (CdStore      *self,
                                        GError      **error);

/* Small readers used across the layer. */
gint64        cd_store_query_int       (CdStore      *self,
                                        const char   *sql,
                                        GError      **error);
GVariant     *cd_store_row_to_variant  (sqlite3_stmt *stmt);

G_END_DECLS
