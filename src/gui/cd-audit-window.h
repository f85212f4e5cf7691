/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Audit log…" from the primary menu: every change, searchable by person,
 * date range and kind of record, rendered as a record's History is. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_AUDIT_WINDOW (cd_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (CdAuditWindow, cd_audit_window, CD, AUDIT_WINDOW, AdwWindow)

/* Returns: (transfer none): a new window, transient for @parent (nullable) */
GtkWindow *cd_audit_window_new    (CdContext     *context,
                                   GtkWindow     *parent);

/* For tests and the CLI-less paths: set the filters as a person would
 * (@staff_id 0: anyone; @table_name NULL: all; dates "YYYY-MM-DD" or
 * empty), then search. Returns FALSE when a date is refused (the reason is
 * shown next to the field and nothing is searched). */
gboolean   cd_audit_window_search (CdAuditWindow *self,
                                   gint64         staff_id,
                                   const char    *table_name,
                                   const char    *from,
                                   const char    *to);

G_END_DECLS
