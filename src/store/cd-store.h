/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one door to the SQLite file. Everything that speaks SQL lives in
 * src/store/; callers see GObjects, GVariants and GErrors. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CD_STORE_ERROR (cd_store_error_quark ())

/**
 * CdStoreError:
 * @CD_STORE_ERROR_NOT_CLIENTDESK: the file is not a ClientDesk database (garbage, another program's SQLite file)
 * @CD_STORE_ERROR_NEWER_SCHEMA: written by a newer ClientDesk; refused so that nothing is lost
 * @CD_STORE_ERROR_CORRUPT: integrity check failed
 * @CD_STORE_ERROR_LOCKED: the record is locked (accepted, signed, reviewed) and cannot change
 * @CD_STORE_ERROR_STATE: a state change the record's state machine does not allow
 * @CD_STORE_ERROR_INVALID: bad input (the message says which field and why)
 * @CD_STORE_ERROR_NOT_EMPTY: the database already holds data (demo refuses to mix)
 * @CD_STORE_ERROR_NOT_FOUND: no such record
 * @CD_STORE_ERROR_IO: the file could not be read or written
 * @CD_STORE_ERROR_FAILED: anything else SQLite reported
 */
typedef enum
{
  CD_STORE_ERROR_NOT_CLIENTDESK,
  CD_STORE_ERROR_NEWER_SCHEMA,
  CD_STORE_ERROR_CORRUPT,
  CD_STORE_ERROR_LOCKED,
  CD_STORE_ERROR_STATE,
  CD_STORE_ERROR_INVALID,
  CD_STORE_ERROR_NOT_EMPTY,
  CD_STORE_ERROR_NOT_FOUND,
  CD_STORE_ERROR_IO,
  CD_STORE_ERROR_FAILED,
} CdStoreError;

/* The kinds that `list` knows, in the order of DESIGN.md §7. */
typedef enum
{
  CD_KIND_CLIENTS,
  CD_KIND_PROJECTS,
  CD_KIND_WORK_ORDERS,
  CD_KIND_QUOTES,
  CD_KIND_CONTRACTS,
  CD_KIND_SUPPLIERS,
  CD_KIND_SUPPLIER_ORDERS,
  CD_KIND_ACCEPTANCES,
  CD_KIND_PICKUP_SLIPS,
  CD_N_KINDS
} CdKind;

#define CD_STORE_SCHEMA_VERSION 6
/* PRAGMA application_id of every ClientDesk file: "CDSK". */
#define CD_STORE_APPLICATION_ID 0x4344534B

#define CD_TYPE_STORE (cd_store_get_type ())
G_DECLARE_FINAL_TYPE (CdStore, cd_store, CD, STORE, GObject)

GQuark      cd_store_error_quark       (void);

char       *cd_store_default_path      (void);
CdStore    *cd_store_open              (const char   *path,
                                        GError      **error);
CdStore    *cd_store_open_at_version   (const char   *path,
                                        int           version,
                                        GError      **error);
gboolean    cd_store_validate_file     (const char   *path,
                                        int          *out_version,
                                        GError      **error);
const char *cd_store_get_path          (CdStore      *self);
int         cd_store_get_schema_version (CdStore     *self);
gboolean    cd_store_migrate           (CdStore      *self,
                                        int           target_version,
                                        GError      **error);
gboolean    cd_store_is_empty          (CdStore      *self);

void        cd_store_set_actor         (CdStore      *self,
                                        gint64        staff_id);
gint64      cd_store_get_actor         (CdStore      *self);

char       *cd_store_get_setting       (CdStore      *self,
                                        const char   *key);
gboolean    cd_store_set_setting       (CdStore      *self,
                                        const char   *key,
                                        const char   *value,
                                        GError      **error);

gboolean    cd_store_begin             (CdStore      *self,
                                        GError      **error);
gboolean    cd_store_commit            (CdStore      *self,
                                        GError      **error);
void        cd_store_rollback          (CdStore      *self);

/* `check`: PRAGMA integrity_check, foreign keys, and the domain invariants.
 * Returns TRUE when all is well; otherwise *problems holds one sentence each. */
gboolean    cd_store_check             (CdStore      *self,
                                        GPtrArray   **problems,
                                        GError      **error);

/* Online backup (sqlite3_backup_*) to @dest, checked, mode 0600. */
gboolean    cd_store_backup            (CdStore      *self,
                                        const char   *dest,
                                        GError      **error);
/* Validates @source, keeps the current file as a dated copy, swaps. */
gboolean    cd_store_restore           (const char   *db_path,
                                        const char   *source,
                                        char        **out_kept_copy,
                                        GError      **error);

/* Kinds for the command line and the plain lists. */
const char *cd_kind_to_string          (CdKind        kind);
gboolean    cd_kind_from_string        (const char   *name,
                                        CdKind       *out_kind);

/**
 * cd_store_list:
 * @month: (nullable): "YYYY-MM", by the date that matters for month-end paper
 * @search: (nullable): substring (Chinese included) as the window's search field
 * @offset, @limit: a page; @limit 0 means all rows (the CLI only)
 *
 * Returns: (transfer full): a floating-free GVariant of type aa{sv}; every
 * row has "id", "number" or "name", "status" where the kind has one, and
 * amounts in integer fen under keys ending "_fen".
 */
GVariant   *cd_store_list              (CdStore      *self,
                                        CdKind        kind,
                                        const char   *month,
                                        const char   *search,
                                        guint         offset,
                                        guint         limit,
                                        GError      **error);
gint64      cd_store_count             (CdStore      *self,
                                        CdKind        kind,
                                        GError      **error);

/* The same page of rows, read on a worker thread (the UI thread never runs a
 * query that can touch more than a page). CdStore serialises its use of the
 * connection with a mutex, so any thread may call it. */
void        cd_store_list_async        (CdStore            *self,
                                        CdKind              kind,
                                        const char         *month,
                                        const char         *search,
                                        guint               offset,
                                        guint               limit,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
GVariant   *cd_store_list_finish       (CdStore            *self,
                                        GAsyncResult       *result,
                                        GError            **error);

G_END_DECLS
