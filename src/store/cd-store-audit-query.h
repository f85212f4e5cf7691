/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the audit log back (issue 10): one record's history, and a search
 * by person, date range and table. Entries come back with their changes
 * already compared and put into words — field names humanised, amounts as
 * money, references by name — so every window renders them the same way. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * CdAuditChange:
 * @field: the column name ("amount_fen")
 * @label: the field for people ("Amount"), translated
 * @old_text: (nullable): the value before, in words; %NULL on an insert
 * @new_text: (nullable): the value after, in words; %NULL on a delete
 */
typedef struct
{
  char *field;
  char *label;
  char *old_text;
  char *new_text;
} CdAuditChange;

/**
 * CdAuditEntry:
 * @id: the audit_log row
 * @at: when, in UTC
 * @staff_id: who (0: nobody was set as the current staff member)
 * @staff_name: (nullable): their name
 * @table_name: the table changed ("supplier_order")
 * @row_id: the row changed (0 for a bulk entry)
 * @action: "insert", "update", "delete" or "bulk"
 * @changes: (element-type CdAuditChange): for an update the fields whose
 *   value changed; for an insert or delete every field that has a value
 */
typedef struct
{
  gint64     id;
  GDateTime *at;
  gint64     staff_id;
  char      *staff_name;
  char      *table_name;
  gint64     row_id;
  char      *action;
  GPtrArray *changes;
} CdAuditEntry;

void cd_audit_entry_free (CdAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdAuditEntry, cd_audit_entry_free)

/**
 * CdAuditFilter:
 * @table_name: (nullable): only this table
 * @row_id: with @table_name, only this record (0: any row): the row and
 *   the rows that are its parts — a quote's lines, a contract's
 *   installments, an acceptance's checklist, a pickup slip's or supplier
 *   order's lines, a meeting's attendees and actions, a visit plan's
 *   entries, a client's contacts
 * @staff_id: only changes by this person (0: anyone;
 *   %CD_AUDIT_NOBODY: changes with no person recorded — the command line,
 *   an import, another program)
 * @from: (nullable): from this instant on
 * @until: (nullable): before this instant
 * @offset: entries skipped (paging)
 * @limit: the most entries returned (0: 200)
 *
 * Entries come newest first.
 */
#define CD_AUDIT_NOBODY ((gint64) -1)

typedef struct
{
  const char *table_name;
  gint64      row_id;
  gint64      staff_id;
  GDateTime  *from;
  GDateTime  *until;
  guint       offset;
  guint       limit;
} CdAuditFilter;

/* Returns: (transfer full) (element-type CdAuditEntry): the entries, or
 * %NULL with @error set. */
GPtrArray  *cd_store_audit_query        (CdStore             *self,
                                         const CdAuditFilter *filter,
                                         GError             **error);
void        cd_store_audit_query_async  (CdStore             *self,
                                         const CdAuditFilter *filter,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *cd_store_audit_query_finish (CdStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* Returns: (transfer full): every staff member, active or not, by name, as
 * a(xs) (id, name) — the people a search can ask about. */
GVariant   *cd_store_audit_people       (CdStore             *self,
                                         GError             **error);
/* Returns: (transfer full): the audited tables, by name, NULL-terminated. */
char      **cd_store_audit_tables       (CdStore             *self,
                                         GError             **error);

/* Words for people (translated, never %NULL). */
const char *cd_audit_action_label       (const char          *action);
char       *cd_audit_table_label        (const char          *table_name);
char       *cd_audit_field_label        (const char          *field);

G_END_DECLS
