/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Read-only summaries for the window's Today, Finance and Insights views and
 * the preferences' staff chooser. Rows come back as aa{sv}, like
 * cd_store_list (): "id" in every row, amounts in integer fen under keys
 * ending "_fen", dates as ISO text. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * CdOverview:
 * @CD_OVERVIEW_OVERDUE_WORK_ORDERS: open work orders (issued, in progress, in
 *   review) whose due date is before @today, oldest first. Keys: id, number,
 *   title, status, project, client, assignee, due_date, days_overdue.
 * @CD_OVERVIEW_RECEIVABLES: contract installments not fully paid, of contracts
 *   that are signed or later, by due date. Keys: id (installment), number
 *   (contract), client, label, status ("overdue" or "not_due"), due_date,
 *   days_overdue (0 when not due), amount_fen, received_fen, outstanding_fen.
 * @CD_OVERVIEW_MONTHLY_REVENUE: the twelve months up to and including
 *   @today's month, oldest first, every month present even when nothing
 *   happened. Keys: id (1–12), month ("YYYY-MM"), contracted_fen (contracts
 *   by signing date, amendments and drafts excluded), collected_fen
 *   (payments by payment date).
 * @CD_OVERVIEW_ACTIVE_STAFF: staff members still active, by name. Keys: id,
 *   name, role, department.
 */
typedef enum
{
  CD_OVERVIEW_OVERDUE_WORK_ORDERS,
  CD_OVERVIEW_RECEIVABLES,
  CD_OVERVIEW_MONTHLY_REVENUE,
  CD_OVERVIEW_ACTIVE_STAFF,
} CdOverview;

/**
 * cd_store_overview:
 * @today: (nullable): the day the summary is for; NULL means the real today
 * @limit: the most rows returned; 0 means all (the twelve months ignore it)
 *
 * Returns: (transfer full): a non-floating GVariant of type aa{sv}, or NULL
 * with @error set.
 */
GVariant *cd_store_overview        (CdStore            *self,
                                    CdOverview          what,
                                    const GDate        *today,
                                    guint               limit,
                                    GError            **error);

/* The same on a worker thread. */
void      cd_store_overview_async  (CdStore            *self,
                                    CdOverview          what,
                                    const GDate        *today,
                                    guint               limit,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
GVariant *cd_store_overview_finish (CdStore            *self,
                                    GAsyncResult       *result,
                                    GError            **error);

G_END_DECLS
