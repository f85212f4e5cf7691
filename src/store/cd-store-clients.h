/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client file: company data, contacts, hand-overs with their history,
 * the lifecycle, visit logs with their month-end review, and feedback.
 * Every write is one transaction; bad input changes nothing and says which
 * field and why (CD_STORE_ERROR_INVALID, the field's key in the message). */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/* Client fields (all s): "name" (required), "short_name", "credit_code"
 * (checked with its check character), "industry", "region", "address",
 * "tier", "source", "invoice_title", "invoice_tax_id", "invoice_bank",
 * "invoice_account", "invoice_address", "invoice_phone", "notes",
 * "private_notes". At creation also "owner_id", "ae_id" (x). */
gint64    cd_store_client_create        (CdStore     *self,
                                         GVariant    *fields,
                                         GError     **error);
gboolean  cd_store_client_update        (CdStore     *self,
                                         gint64       client_id,
                                         GVariant    *fields,
                                         GError     **error);
GVariant *cd_store_client_get           (CdStore     *self,
                                         gint64       client_id,
                                         GError     **error);
gboolean  cd_store_client_delete        (CdStore     *self,
                                         gint64       client_id,
                                         GError     **error);
gboolean  cd_store_client_hand_over     (CdStore     *self,
                                         gint64       client_id,
                                         const char  *role,
                                         gint64       to_staff,
                                         const char  *reason,
                                         GError     **error);
GVariant *cd_store_client_owner_history (CdStore     *self,
                                         gint64       client_id,
                                         GError     **error);
gboolean  cd_store_client_set_status    (CdStore     *self,
                                         gint64       client_id,
                                         const char  *status,
                                         const char  *reason,
                                         GError     **error);

/* Contact fields: "name" (required), "title", "phone", "email", "wechat",
 * "notes" (s); "is_decision_maker", "is_primary", "is_emergency" (b). */
gint64    cd_store_contact_add          (CdStore     *self,
                                         gint64       client_id,
                                         GVariant    *fields,
                                         GError     **error);
GVariant *cd_store_client_contacts      (CdStore     *self,
                                         gint64       client_id,
                                         GError     **error);

/* Visit fields: "date" (required, YYYY-MM-DD), "staff_id" (x, required),
 * "contact_id" (x), "mode" (in_person, phone, online), "special" (b),
 * "topic", "opinions", "needs", "handling_status", "next_date" (s). */
gint64    cd_store_visit_add            (CdStore     *self,
                                         gint64       client_id,
                                         GVariant    *fields,
                                         GError     **error);
gboolean  cd_store_visit_update         (CdStore     *self,
                                         gint64       visit_id,
                                         GVariant    *fields,
                                         GError     **error);
gboolean  cd_store_visit_review         (CdStore     *self,
                                         gint64       visit_id,
                                         gint64       reviewer_id,
                                         const char  *comment,
                                         GError     **error);
GVariant *cd_store_client_visits        (CdStore     *self,
                                         gint64       client_id,
                                         GError     **error);

/* Feedback: kind "complaint" or "praise", date, summary, owner. */
gint64    cd_store_feedback_add         (CdStore     *self,
                                         gint64       client_id,
                                         const char  *kind,
                                         const char  *date,
                                         const char  *summary,
                                         gint64       owner_id,
                                         GError     **error);
gboolean  cd_store_feedback_close       (CdStore     *self,
                                         gint64       feedback_id,
                                         gboolean     valid,
                                         const char  *resolution,
                                         const char  *closed_date,
                                         GError     **error);

G_END_DECLS
