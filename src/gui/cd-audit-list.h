/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Audit log entries as people read them: when, who, what, and each changed
 * field "old → new". Shared by a record's History window and the Audit log
 * search window, so both say the same thing the same way. */
#pragma once

#include <gtk/gtk.h>

#include "store/cd-store-audit-query.h"

G_BEGIN_DECLS

#define CD_TYPE_AUDIT_LIST (cd_audit_list_get_type ())
G_DECLARE_FINAL_TYPE (CdAuditList, cd_audit_list, CD, AUDIT_LIST, GtkWidget)

/* @show_record: name the record on every entry (the search lists many). */
GtkWidget *cd_audit_list_new          (gboolean     show_record);
void       cd_audit_list_set_loading  (CdAuditList *self);
/* Shows @entries (element-type CdAuditEntry), after those shown when
 * @append; an empty result shows the empty state. */
void       cd_audit_list_set_entries  (CdAuditList *self,
                                       GPtrArray   *entries,
                                       gboolean     append);
void       cd_audit_list_set_error    (CdAuditList *self,
                                       const char  *message);
guint      cd_audit_list_get_n_entries (CdAuditList *self);
/* The list box itself (rows carry an accessible summary of the entry). */
GtkListBox *cd_audit_list_get_list_box (CdAuditList *self);
/* Reads what @filter selects (its offset and limit are the list's own) a
 * page at a time off the UI thread, from the first page, with a
 * @more_mnemonic button under the list for the next one; a read still
 * running for an earlier call is cancelled. */
void        cd_audit_list_load         (CdAuditList         *self,
                                        CdStore             *store,
                                        const CdAuditFilter *filter,
                                        const char          *more_mnemonic);

/* Returns: (transfer full): one sentence summing up @entry, e.g.
 * "Changed by 王强 on 2026-11-25 20:01: Name 上海 → 青禾." */
char      *cd_audit_entry_describe    (const CdAuditEntry *entry,
                                       gboolean            show_record);

G_END_DECLS
