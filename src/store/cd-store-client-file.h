/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the client file shows besides company data and contacts: the
 * client's projects, quotes, contracts, receivables and feedback, read-only
 * lists with their key figures. Each returns aa{sv} (transfer full), or
 * NULL with @error set. Amounts are int64 fen in keys ending _fen. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/* id, number, name, status, am, ae, start_date, due_date, contracted_fen;
 * newest first. */
GVariant *cd_store_client_projects    (CdStore  *self,
                                       gint64    client_id,
                                       GError  **error);
/* id, number, version, status, project, created_date, sent_date,
 * total_fen; by number, newest version first. */
GVariant *cd_store_client_quotes      (CdStore  *self,
                                       gint64    client_id,
                                       GError  **error);
/* id, number, subject, status, project, signed_date, amount_fen, paid_fen;
 * newest first. */
GVariant *cd_store_client_contracts   (CdStore  *self,
                                       gint64    client_id,
                                       GError  **error);
/* Installments of signed (executing, completed) contracts not paid in
 * full, due on or before @today (YYYY-MM-DD; NULL = today): id, contract,
 * label, due_date, amount_fen, paid_fen (payments dated by @today),
 * reduced_fen (taken off by reductions signed by then), outstanding_fen
 * (amount - paid - reduced), age_days (days past due); oldest first. */
GVariant *cd_store_client_receivables (CdStore    *self,
                                       gint64      client_id,
                                       const char *today,
                                       GError    **error);
/* Outstanding fen of the same installments that are not due yet. */
gint64    cd_store_client_not_yet_due (CdStore    *self,
                                       gint64      client_id,
                                       const char *today,
                                       GError    **error);
/* id, kind, date, summary, status, valid (x or nothing), owner, resolution,
 * closed_date; newest first. */
GVariant *cd_store_client_feedback    (CdStore  *self,
                                       gint64    client_id,
                                       GError  **error);
/* The client's service cycle: tier, visit_cycle_days (x), last_visit and
 * next_visit_due (s, absent when unknown), as in the Clients list. */
GVariant *cd_store_client_visit_cycle (CdStore  *self,
                                       gint64    client_id,
                                       GError  **error);
/* Visits of @month (YYYY-MM) not reviewed yet that @reviewer may review:
 * those of the people who report to @reviewer (staff.lead_id), or, when
 * nobody does, everyone's; never @reviewer's own. At most 500, oldest
 * first: id, client_id, client, date, staff_id, staff, topic. */
#define CD_STORE_VISITS_TO_REVIEW_MAX 500
GVariant *cd_store_visits_to_review   (CdStore    *self,
                                       const char *month,
                                       gint64      reviewer_id,
                                       GError    **error);

G_END_DECLS
