/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The state machines of DESIGN.md §5: one enum and one transition function per
 * entity. The store's migration seeds the same transitions into the database,
 * where triggers enforce them; a store test checks both tables agree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_STATE_ERROR (cd_state_error_quark ())

typedef enum
{
  CD_STATE_ERROR_UNKNOWN,      /* not a state of that entity */
  CD_STATE_ERROR_FORBIDDEN,    /* a move the machine does not allow */
  CD_STATE_ERROR_REASON,       /* the move needs a reason and none was given */
} CdStateError;

typedef enum { CD_CLIENT_PROSPECT, CD_CLIENT_ACTIVE, CD_CLIENT_DORMANT, CD_CLIENT_LOST } CdClientStatus;
typedef enum { CD_PROJECT_BRIEF, CD_PROJECT_QUOTING, CD_PROJECT_CONTRACTED, CD_PROJECT_IN_PRODUCTION,
               CD_PROJECT_DELIVERED, CD_PROJECT_CLOSED, CD_PROJECT_CANCELLED } CdProjectStatus;
typedef enum { CD_QUOTE_DRAFT, CD_QUOTE_SENT, CD_QUOTE_ACCEPTED, CD_QUOTE_REJECTED,
               CD_QUOTE_SUPERSEDED } CdQuoteStatus;
typedef enum { CD_CONTRACT_DRAFT, CD_CONTRACT_SIGNED, CD_CONTRACT_EXECUTING, CD_CONTRACT_COMPLETED,
               CD_CONTRACT_TERMINATED } CdContractStatus;
typedef enum { CD_WORK_ORDER_ISSUED, CD_WORK_ORDER_IN_PROGRESS, CD_WORK_ORDER_IN_REVIEW,
               CD_WORK_ORDER_DONE, CD_WORK_ORDER_CANCELLED } CdWorkOrderStatus;
typedef enum { CD_SUPPLIER_ORDER_REQUESTED, CD_SUPPLIER_ORDER_ORDERED, CD_SUPPLIER_ORDER_DELIVERED,
               CD_SUPPLIER_ORDER_ACCEPTED, CD_SUPPLIER_ORDER_REJECTED,
               CD_SUPPLIER_ORDER_REWORKED } CdSupplierOrderStatus;
typedef enum { CD_ACCEPTANCE_DRAFT, CD_ACCEPTANCE_SIGNED } CdAcceptanceStatus;
typedef enum { CD_VISIT_LOGGED, CD_VISIT_REVIEWED } CdVisitStatus;
typedef enum { CD_VISIT_PLAN_DRAFT, CD_VISIT_PLAN_SUBMITTED, CD_VISIT_PLAN_REVIEWED } CdVisitPlanStatus;

/* One allowed move, as the database stores it. */
typedef struct
{
  const char *entity;   /* table name: "quote", "contract", … */
  const char *from;
  const char *to;
  gboolean    needs_reason;
} CdStateTransition;

GQuark                    cd_state_error_quark      (void);

const CdStateTransition  *cd_state_transitions      (gsize        *n_transitions);
const char * const       *cd_state_names            (const char   *entity);
const char               *cd_state_label            (const char   *entity,
                                                     const char   *state);
gboolean                  cd_state_check_move       (const char   *entity,
                                                     const char   *from,
                                                     const char   *to,
                                                     const char   *reason,
                                                     GError      **error);

/* Typed wrappers: the enum's nick is the state's name in the database. */
const char *cd_client_status_to_string          (CdClientStatus        status);
const char *cd_project_status_to_string         (CdProjectStatus       status);
const char *cd_quote_status_to_string           (CdQuoteStatus         status);
const char *cd_contract_status_to_string        (CdContractStatus      status);
const char *cd_work_order_status_to_string      (CdWorkOrderStatus     status);
const char *cd_supplier_order_status_to_string  (CdSupplierOrderStatus status);

gboolean cd_client_status_transition         (CdClientStatus        from,
                                              CdClientStatus        to,
                                              const char           *reason,
                                              GError              **error);
gboolean cd_project_status_transition        (CdProjectStatus       from,
                                              CdProjectStatus       to,
                                              const char           *reason,
                                              GError              **error);
gboolean cd_quote_status_transition          (CdQuoteStatus         from,
                                              CdQuoteStatus         to,
                                              GError              **error);
gboolean cd_contract_status_transition       (CdContractStatus      from,
                                              CdContractStatus      to,
                                              GError              **error);
gboolean cd_work_order_status_transition     (CdWorkOrderStatus     from,
                                              CdWorkOrderStatus     to,
                                              GError              **error);
gboolean cd_supplier_order_status_transition (CdSupplierOrderStatus from,
                                              CdSupplierOrderStatus to,
                                              GError              **error);

/* Additions to the fixed API above. */
int         cd_state_index                      (const char   *entity,
                                                 const char   *state);
char      **cd_state_next_states                (const char   *entity,
                                                 const char   *from);
gboolean    cd_state_needs_reason               (const char   *entity,
                                                 const char   *from,
                                                 const char   *to);
const char *cd_acceptance_status_to_string      (CdAcceptanceStatus    status);
const char *cd_visit_status_to_string           (CdVisitStatus         status);
gboolean    cd_contract_status_transition_with_reason (CdContractStatus  from,
                                                       CdContractStatus  to,
                                                       const char       *reason,
                                                       GError          **error);

G_END_DECLS
