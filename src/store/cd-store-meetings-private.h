/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the files of issue 12 (cd-store-meetings*.c,
 * cd-store-meeting-*.c, cd-store-calendar.c, cd-store-plans*.c,
 * cd-store-plan-*.c, cd-demo-plans.c); implemented in
 * cd-store-meeting-util.c. Nothing else includes this. */
#pragma once

#include "store/cd-store-docs-private.h"

G_BEGIN_DECLS

/* Rows of @stmt as aa{sv} (not floating). Integers are "x" and text "s";
 * a column whose name starts with "b:" is read as a boolean, "i:" as an
 * int32, under the name without the prefix; NULL reads as "" or 0. Take
 * the store's lock around the call. Resets @stmt. NULL with @error set on
 * failure. */
GVariant *cd_meet_rows          (CdStore      *self,
                                 sqlite3_stmt *stmt,
                                 const char   *doing,
                                 GError      **error);
/* The first row the same way; NULL with CD_STORE_ERROR_NOT_FOUND and
 * @missing as message when there is none. */
GVariant *cd_meet_row           (CdStore      *self,
                                 sqlite3_stmt *stmt,
                                 const char   *doing,
                                 const char   *missing,
                                 GError      **error);

/* "field: reason" as CD_STORE_ERROR_INVALID; returns FALSE. */
gboolean  cd_meet_invalid       (GError      **error,
                                 const char   *field,
                                 const char   *reason);

/* The first column of the first row of @sql with ?1 bound to @id, or
 * @fallback when there is no row. Take the lock around the call. */
gint64    cd_meet_int_for       (CdStore      *self,
                                 const char   *sql,
                                 gint64        id,
                                 gint64        fallback);
/* The same for text; NULL when there is no row or the value is NULL. */
char     *cd_meet_text_for      (CdStore      *self,
                                 const char   *sql,
                                 gint64        id);

/* "YYYY-MM-DDTHH:MM" checked; fills @out with its day. */
gboolean  cd_meet_parse_stamp   (const char   *text,
                                 GDate        *out);
/* Today, local time, "YYYY-MM-DD" (newly allocated). */
char     *cd_meet_today         (void);
/* @date as "YYYY-MM-DD" into @out. */
void      cd_meet_format_day    (const GDate  *date,
                                 char          out[11]);

/* The SHA-256 (hex) of a visit plan's locked content, with the review
 * fields it will have (cd-store-plans.c). */
char     *cd_store_visit_plan_canonical_hash (CdStore     *self,
                                              gint64       plan_id,
                                              gint64       reviewer_id,
                                              const char  *reviewed_at,
                                              const char  *comment,
                                              GError     **error);

/* For `check` (cd-store-plan-check.c): one sentence in @problems per
 * broken invariant of plans and meetings — a reviewed plan whose content
 * no longer matches its hash, a match to another person's or client's
 * visit, an entry outside its plan, an action item and its work order
 * naming different meetings. Nothing on a schema older than 5. FALSE only
 * when the check could not run. Take the store's lock around the call. */
gboolean  cd_store_plans_check  (CdStore      *self,
                                 GPtrArray    *problems,
                                 GError      **error);

G_END_DECLS
