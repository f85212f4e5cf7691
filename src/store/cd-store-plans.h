/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Visit plans (客户访问日程表, issue 12): what each person means to visit in a
 * week or a month, suggested from the tier service cycles, submitted by the
 * 28th for next month, reviewed by the supervisor; each logged visit is
 * matched to its planned entry, which gives the plan completion rate
 * (拜访计划完成率). A reviewed plan is locked in the database; only the
 * match of an entry to the visit that fulfilled it may still be written.
 * Every write is one transaction; bad input changes nothing and names the
 * field (CD_STORE_ERROR_INVALID). */
#pragma once

#include "core/cd-holidays.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

/* Plan periods: a week starts on its Monday, a month on its first day. */
#define CD_PLAN_PERIOD_WEEK  "week"
#define CD_PLAN_PERIOD_MONTH "month"

/**
 * cd_store_visit_plan_ensure:
 * @period: CD_PLAN_PERIOD_WEEK or CD_PLAN_PERIOD_MONTH
 * @start: "YYYY-MM-DD", the Monday of the week or the 1st of the month
 *
 * Returns: the id of @staff_id's plan for that period, created as a draft
 * if there was none; 0 with @error set on bad input.
 */
gint64    cd_store_visit_plan_ensure        (CdStore     *self,
                                             gint64       staff_id,
                                             const char  *period,
                                             const char  *start,
                                             GError     **error);

/* Returns: (transfer full): a{sv} with "id", "staff_id" (x), "staff_name",
 * "period", "start", "end" (last day, s), "status" ("draft", "submitted",
 * "reviewed"), "due" (s, the submission deadline: for a month plan the 28th
 * of the month before — the "visit-plan" deadline rule — moved past
 * holidays by the caller if it wants; for a week plan the Sunday before),
 * "submitted_at", "reviewed_by" (x), "reviewer_name", "reviewed_at",
 * "review_comment" (s), "n_entries", "n_done" (x). */
GVariant *cd_store_visit_plan_get           (CdStore     *self,
                                             gint64       plan_id,
                                             GError     **error);

/* Entry fields: "client_id" (x, required), "contact_id" (x), "date"
 * (required, YYYY-MM-DD inside the plan's period), "purpose" (s), "mode"
 * ("in_person", "phone", "online"; default in_person). Refused once the
 * plan is reviewed (CD_STORE_ERROR_LOCKED); a contact must be one of the
 * client's. An update changes the fields given; "contact_id" 0 clears it. */
gint64    cd_store_visit_plan_add_entry     (CdStore     *self,
                                             gint64       plan_id,
                                             GVariant    *fields,
                                             GError     **error);
gboolean  cd_store_visit_plan_update_entry  (CdStore     *self,
                                             gint64       entry_id,
                                             GVariant    *fields,
                                             GError     **error);
gboolean  cd_store_visit_plan_remove_entry  (CdStore     *self,
                                             gint64       entry_id,
                                             GError     **error);

/* Returns: (transfer full): aa{sv}, ordered by date then client: "id",
 * "client_id", "client_name", "contact_id", "contact_name", "date",
 * "purpose", "mode", "visit_id" (x, 0 while not visited), "visit_date",
 * "tier" (s, the client's). */
GVariant *cd_store_visit_plan_entries       (CdStore     *self,
                                             gint64       plan_id,
                                             GError     **error);

/**
 * cd_store_visit_plan_suggest:
 *
 * The active clients @staff_id owns (as AM or AE) that fall due for a
 * visit — last visit by anyone (or the day the client was added) plus the
 * tier's cycle, as the Today view counts — on or before the end of
 * the plan's period, overdue first (overdue_days: from the due day to
 * the period's first day), with the
 * date each falls due (clamped into the period, moved to the next working
 * day inside it — else the last one before — by the holiday calendar when
 * @calendar is not %NULL) and their primary
 * contact. Clients already in the plan are left out. Nothing is written.
 *
 * Returns: (transfer full): aa{sv}: "client_id", "client_name", "tier",
 * "last_visit" (s, "" if never), "due" (s), "overdue_days" (x),
 * "contact_id" (x), "contact_name", "date" (the suggested day).
 */
GVariant *cd_store_visit_plan_suggest       (CdStore           *self,
                                             gint64             plan_id,
                                             CdHolidayCalendar *calendar,
                                             GError           **error);
/* Adds every suggestion as an entry; returns how many were added or -1. */
gint64    cd_store_visit_plan_add_suggested (CdStore           *self,
                                             gint64             plan_id,
                                             CdHolidayCalendar *calendar,
                                             GError           **error);

/* draft → submitted (stamps submitted_at); submitted → reviewed by
 * @reviewer_id with @comment, which locks the plan. A plan with no entries
 * cannot be submitted. */
gboolean  cd_store_visit_plan_submit        (CdStore     *self,
                                             gint64       plan_id,
                                             GError     **error);
gboolean  cd_store_visit_plan_review        (CdStore     *self,
                                             gint64       plan_id,
                                             gint64       reviewer_id,
                                             const char  *comment,
                                             GError     **error);

/**
 * cd_store_visit_plan_completion:
 * @month: "YYYY-MM"
 * @staff_id: one person, or 0 for everyone who had planned entries
 *
 * A logged visit (cd_store_visit_add) is matched, in the same transaction,
 * to the unmatched planned entry of the same person and client nearest in
 * date within that entry's plan period; the rate is matched entries over
 * planned entries dated in the month.
 *
 * Returns: (transfer full): aa{sv} ordered by staff name: "staff_id",
 * "staff_name", "planned" (x), "done" (x), "rate_permille" (x, rounded
 * half up; 0 when nothing was planned). A person asked for by @staff_id
 * gets a row even with nothing planned.
 */
GVariant *cd_store_visit_plan_completion    (CdStore     *self,
                                             const char  *month,
                                             gint64       staff_id,
                                             GError     **error);

/* Plans of a period kind starting in [from, to] (inclusive, YYYY-MM-DD),
 * for one person or everyone (0): aa{sv} as cd_store_visit_plan_get. */
GVariant *cd_store_visit_plans_list         (CdStore     *self,
                                             const char  *period,
                                             const char  *from,
                                             const char  *to,
                                             gint64       staff_id,
                                             GError     **error);

G_END_DECLS
