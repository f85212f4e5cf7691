/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The state machines of DESIGN.md §5, as data: for each entity (named like its
 * table) the list of states, the first being the one a new record starts in,
 * and the list of allowed moves. The store seeds this same table into the
 * database (cd_state_transitions()), where triggers refuse anything else, so
 * the GUI, the CLI and raw SQL all obey one machine.
 */
#define G_LOG_DOMAIN "cd-core"

#include <string.h>
#include <glib/gi18n.h>

#include "cd-states.h"

typedef struct
{
  const char         *entity;
  const char         *noun;         /* N_(): "quote", for messages */
  const char         *context;      /* gettext context of the labels */
  const char * const *names;        /* NULL-terminated, first = initial */
  const char * const *labels;       /* NC_(), same order as names */
} EntityInfo;

/* How much of an unknown name an error message quotes. */
#define QUOTE_MAX_CHARS 32

G_DEFINE_QUARK (cd-state-error-quark, cd_state_error)

/* ---------------------------------------------------------------------- */
/* The machines                                                            */

/* The order of each list is the order of the matching enum in cd-states.h. */
static const char * const client_names[] = { "prospect", "active", "dormant", "lost", NULL };
static const char * const client_labels[] = {
  NC_("client status", "Prospect"), NC_("client status", "Active"),
  NC_("client status", "Dormant"), NC_("client status", "Lost"),
};

static const char * const project_names[] = {
  "brief", "quoting", "contracted", "in_production", "delivered", "closed", "cancelled", NULL
};
static const char * const project_labels[] = {
  NC_("project status", "Brief"), NC_("project status", "Quoting"),
  NC_("project status", "Contracted"), NC_("project status", "In production"),
  NC_("project status", "Delivered"), NC_("project status", "Closed"),
  NC_("project status", "Cancelled"),
};

static const char * const quote_names[] = {
  "draft", "sent", "accepted", "rejected", "superseded", NULL
};
static const char * const quote_labels[] = {
  NC_("quote status", "Draft"), NC_("quote status", "Sent"),
  NC_("quote status", "Accepted"), NC_("quote status", "Rejected"),
  NC_("quote status", "Superseded"),
};

static const char * const contract_names[] = {
  "draft", "signed", "executing", "completed", "terminated", NULL
};
static const char * const contract_labels[] = {
  NC_("contract status", "Draft"), NC_("contract status", "Signed"),
  NC_("contract status", "Executing"), NC_("contract status", "Completed"),
  NC_("contract status", "Terminated"),
};

static const char * const work_order_names[] = {
  "issued", "in_progress", "in_review", "done", "cancelled", NULL
};
static const char * const work_order_labels[] = {
  NC_("work order status", "Issued"), NC_("work order status", "In progress"),
  NC_("work order status", "In review"), NC_("work order status", "Done"),
  NC_("work order status", "Cancelled"),
};

static const char * const supplier_order_names[] = {
  "requested", "ordered", "delivered", "accepted", "rejected", "reworked", NULL
};
static const char * const supplier_order_labels[] = {
  NC_("supplier order status", "Requested"), NC_("supplier order status", "Ordered"),
  NC_("supplier order status", "Delivered"), NC_("supplier order status", "Accepted"),
  NC_("supplier order status", "Rejected"), NC_("supplier order status", "Reworked"),
};

static const char * const acceptance_names[] = { "draft", "signed", NULL };
static const char * const acceptance_labels[] = {
  NC_("acceptance status", "Draft"), NC_("acceptance status", "Signed"),
};

static const char * const visit_names[] = { "logged", "reviewed", NULL };
static const char * const visit_labels[] = {
  NC_("visit status", "Logged"), NC_("visit status", "Reviewed"),
};

static const char * const feedback_names[] = { "open", "closed", NULL };
static const char * const feedback_labels[] = {
  NC_("feedback status", "Open"), NC_("feedback status", "Closed"),
};

static const char * const supplier_names[] = { "active", "suspended", NULL };
static const char * const supplier_labels[] = {
  NC_("supplier status", "Active"), NC_("supplier status", "Suspended"),
};

/* Visit plans (issue 12): submitted by the 28th, reviewed by the supervisor. */
static const char * const visit_plan_names[] = { "draft", "submitted", "reviewed", NULL };
static const char * const visit_plan_labels[] = {
  NC_("visit plan status", "Draft"), NC_("visit plan status", "Submitted"),
  NC_("visit plan status", "Reviewed"),
};

static const EntityInfo entities[] = {
  { "client", N_("client"), "client status", client_names, client_labels },
  { "project", N_("project"), "project status", project_names, project_labels },
  { "quote", N_("quote"), "quote status", quote_names, quote_labels },
  { "contract", N_("contract"), "contract status", contract_names, contract_labels },
  { "work_order", N_("work order"), "work order status", work_order_names, work_order_labels },
  { "supplier_order", N_("supplier order"), "supplier order status",
    supplier_order_names, supplier_order_labels },
  { "acceptance", N_("delivery acceptance"), "acceptance status", acceptance_names, acceptance_labels },
  { "visit", N_("visit log"), "visit status", visit_names, visit_labels },
  { "feedback", N_("feedback record"), "feedback status", feedback_names, feedback_labels },
  { "supplier", N_("supplier"), "supplier status", supplier_names, supplier_labels },
  { "visit_plan", N_("visit plan"), "visit plan status", visit_plan_names, visit_plan_labels },
};

static const CdStateTransition transitions[] = {
  { "client", "prospect", "active", FALSE },
  { "client", "prospect", "lost", TRUE },
  { "client", "active", "dormant", FALSE },
  { "client", "active", "lost", TRUE },
  { "client", "dormant", "active", FALSE },
  { "client", "dormant", "lost", TRUE },
  { "client", "lost", "prospect", FALSE },

  { "project", "brief", "quoting", FALSE },
  { "project", "quoting", "contracted", FALSE },
  { "project", "contracted", "in_production", FALSE },
  { "project", "in_production", "delivered", FALSE },
  { "project", "delivered", "closed", FALSE },
  { "project", "brief", "cancelled", TRUE },
  { "project", "quoting", "cancelled", TRUE },
  { "project", "contracted", "cancelled", TRUE },
  { "project", "in_production", "cancelled", TRUE },
  { "project", "delivered", "cancelled", TRUE },

  { "quote", "draft", "sent", FALSE },
  { "quote", "sent", "accepted", FALSE },
  { "quote", "sent", "rejected", FALSE },
  { "quote", "draft", "superseded", FALSE },
  { "quote", "sent", "superseded", FALSE },
  { "quote", "rejected", "superseded", FALSE },

  { "contract", "draft", "signed", FALSE },
  { "contract", "signed", "executing", FALSE },
  { "contract", "executing", "completed", FALSE },
  { "contract", "signed", "terminated", TRUE },
  { "contract", "executing", "terminated", TRUE },

  { "work_order", "issued", "in_progress", FALSE },
  { "work_order", "in_progress", "in_review", FALSE },
  { "work_order", "in_review", "in_progress", FALSE },
  { "work_order", "in_review", "done", FALSE },
  { "work_order", "issued", "cancelled", FALSE },
  { "work_order", "in_progress", "cancelled", FALSE },
  { "work_order", "in_review", "cancelled", FALSE },

  { "supplier_order", "requested", "ordered", FALSE },
  { "supplier_order", "ordered", "delivered", FALSE },
  { "supplier_order", "delivered", "accepted", FALSE },
  { "supplier_order", "delivered", "rejected", FALSE },
  { "supplier_order", "rejected", "reworked", FALSE },

  { "acceptance", "draft", "signed", FALSE },
  { "visit", "logged", "reviewed", FALSE },
  { "feedback", "open", "closed", FALSE },
  { "supplier", "active", "suspended", FALSE },
  { "supplier", "suspended", "active", FALSE },
  { "visit_plan", "draft", "submitted", FALSE },
  { "visit_plan", "submitted", "reviewed", FALSE },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static const EntityInfo *
find_entity (const char *entity)
{
  gsize i;

  if (entity == NULL)
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strcmp (entities[i].entity, entity) == 0)
      return &entities[i];
  return NULL;
}

static int
find_state (const EntityInfo *info,
            const char       *state)
{
  int i;

  if (state == NULL)
    return -1;
  for (i = 0; info->names[i] != NULL; i++)
    if (strcmp (info->names[i], state) == 0)
      return i;
  return -1;
}

static const char *
label_at (const EntityInfo *info,
          int               index)
{
  return g_dpgettext2 (NULL, info->context, info->labels[index]);
}

static const CdStateTransition *
find_transition (const char *entity,
                 const char *from,
                 const char *to)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (strcmp (transitions[i].entity, entity) == 0
        && strcmp (transitions[i].from, from) == 0
        && strcmp (transitions[i].to, to) == 0)
      return &transitions[i];
  return NULL;
}

/* A printable, bounded excerpt of a name that came from outside. */
static char *
quote_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  const char *p = valid;
  GString *out = g_string_new (NULL);
  guint n;

  for (n = 0; *p != '\0' && n < QUOTE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* "“Sent”, “Superseded”": the labels of the states @from can move to. */
static char *
list_targets (const EntityInfo *info,
              const char       *from)
{
  GString *out = g_string_new (NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (strcmp (transitions[i].entity, info->entity) != 0
          || strcmp (transitions[i].from, from) != 0)
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append_printf (out, "“%s”", label_at (info, find_state (info, transitions[i].to)));
    }
  return g_string_free (out, FALSE);
}

static gboolean
reason_is_given (const char *reason)
{
  const char *p;

  if (reason == NULL || !g_utf8_validate (reason, -1, NULL))
    return FALSE;
  for (p = reason; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
refuse_unknown_state (const EntityInfo *info,
                      const char       *state,
                      GError          **error)
{
  g_autofree char *q = quote_name (state);
  g_autofree char *all = g_strjoinv (", ", (char **) info->names);

  g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN,
               _("“%s” is not a state of a %s: it can be one of %s."),
               q, _(info->noun), all);
  return FALSE;
}

static gboolean
refuse_move (const EntityInfo *info,
             int               from,
             int               to,
             GError          **error)
{
  const char *from_label = label_at (info, from);
  const char *to_label = label_at (info, to);
  g_autofree char *targets = NULL;

  if (from == to)
    {
      g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN,
                   _("This %s is already “%s”."), _(info->noun), from_label);
      return FALSE;
    }

  targets = list_targets (info, info->names[from]);
  if (*targets == '\0')
    g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN,
                 _("A %s cannot go from “%s” to “%s”: “%s” is final."),
                 _(info->noun), from_label, to_label, from_label);
  else
    g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_FORBIDDEN,
                 _("A %s cannot go from “%s” to “%s”: from “%s” it can only go to %s."),
                 _(info->noun), from_label, to_label, from_label, targets);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * cd_state_transitions:
 * @n_transitions: (out): the number of rows
 *
 * Returns: (transfer none) (array length=n_transitions): every allowed move
 *   of every entity, for the store to seed into the database
 */
const CdStateTransition *
cd_state_transitions (gsize *n_transitions)
{
  g_return_val_if_fail (n_transitions != NULL, NULL);

  *n_transitions = G_N_ELEMENTS (transitions);
  return transitions;
}

/**
 * cd_state_names:
 * @entity: a table name: "client", "quote", …
 *
 * Returns: (transfer none) (nullable): the states of @entity, NULL-terminated,
 *   the first being where a new record starts; %NULL for an unknown entity
 */
const char * const *
cd_state_names (const char *entity)
{
  const EntityInfo *info = find_entity (entity);

  return info != NULL ? info->names : NULL;
}

/**
 * cd_state_label:
 * @entity: a table name
 * @state: one of its states
 *
 * Returns: (transfer none) (nullable): the translated label ("In production"),
 *   or %NULL if @entity or @state is unknown
 */
const char *
cd_state_label (const char *entity,
                const char *state)
{
  const EntityInfo *info = find_entity (entity);
  int i;

  if (info == NULL || (i = find_state (info, state)) < 0)
    return NULL;
  return label_at (info, i);
}

/**
 * cd_state_index:
 * @entity: a table name
 * @state: one of its states
 *
 * Returns: the position of @state in cd_state_names(), which is also the
 *   value of the matching enum (CD_QUOTE_SENT for "sent"); -1 if unknown
 */
int
cd_state_index (const char *entity,
                const char *state)
{
  const EntityInfo *info = find_entity (entity);

  return info != NULL ? find_state (info, state) : -1;
}

/**
 * cd_state_next_states:
 * @entity: a table name
 * @from: the current state
 *
 * Returns: (transfer full) (nullable): the states @from can move to, in the
 *   order of the machine (empty for a final state); %NULL if unknown
 */
char **
cd_state_next_states (const char *entity,
                      const char *from)
{
  const EntityInfo *info = find_entity (entity);
  GPtrArray *out;
  gsize i;

  if (info == NULL || find_state (info, from) < 0)
    return NULL;

  out = g_ptr_array_new ();
  for (i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (strcmp (transitions[i].entity, entity) == 0 && strcmp (transitions[i].from, from) == 0)
      g_ptr_array_add (out, g_strdup (transitions[i].to));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/**
 * cd_state_needs_reason:
 * Returns: %TRUE if the move @from → @to of @entity is allowed and needs a
 *   reason (a lost client, a cancelled project, a terminated contract)
 */
gboolean
cd_state_needs_reason (const char *entity,
                       const char *from,
                       const char *to)
{
  const CdStateTransition *t;

  if (entity == NULL || from == NULL || to == NULL)
    return FALSE;
  t = find_transition (entity, from, to);
  return t != NULL && t->needs_reason;
}

/**
 * cd_state_check_move:
 * @entity: a table name
 * @from: the current state
 * @to: the wanted state
 * @reason: (nullable): why, for the moves that need one
 * @error: %CD_STATE_ERROR_UNKNOWN, %CD_STATE_ERROR_FORBIDDEN or
 *   %CD_STATE_ERROR_REASON, in one sentence naming the move
 *
 * Returns: %TRUE if the machine allows the move. Staying in the same state is
 *   not a move and is refused.
 */
gboolean
cd_state_check_move (const char  *entity,
                     const char  *from,
                     const char  *to,
                     const char  *reason,
                     GError     **error)
{
  const EntityInfo *info = find_entity (entity);
  const CdStateTransition *t;
  int i_from, i_to;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info == NULL)
    {
      g_autofree char *q = quote_name (entity);

      g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN,
                   _("“%s” is not a kind of record that has states."), q);
      return FALSE;
    }
  if ((i_from = find_state (info, from)) < 0)
    return refuse_unknown_state (info, from, error);
  if ((i_to = find_state (info, to)) < 0)
    return refuse_unknown_state (info, to, error);

  t = find_transition (entity, from, to);
  if (t == NULL)
    return refuse_move (info, i_from, i_to, error);

  if (t->needs_reason && !reason_is_given (reason))
    {
      g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_REASON,
                   _("A %s can go from “%s” to “%s” only with a reason: say why in a few words."),
                   _(info->noun), label_at (info, i_from), label_at (info, i_to));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Typed wrappers                                                          */

static const char *
name_at (const char *entity,
         int         index)
{
  const EntityInfo *info = find_entity (entity);
  int n;

  g_assert (info != NULL);
  for (n = 0; info->names[n] != NULL; n++)
    ;
  return index >= 0 && index < n ? info->names[index] : NULL;
}

static gboolean
typed_move (const char  *entity,
            int          from,
            int          to,
            const char  *reason,
            GError     **error)
{
  const char *f = name_at (entity, from);
  const char *t = name_at (entity, to);

  if (f == NULL || t == NULL)
    {
      g_set_error (error, CD_STATE_ERROR, CD_STATE_ERROR_UNKNOWN,
                   _("State number %d is not a state of a %s."),
                   f == NULL ? from : to, _(find_entity (entity)->noun));
      return FALSE;
    }
  return cd_state_check_move (entity, f, t, reason, error);
}

const char *
cd_client_status_to_string (CdClientStatus status)
{
  return name_at ("client", (int) status);
}

const char *
cd_project_status_to_string (CdProjectStatus status)
{
  return name_at ("project", (int) status);
}

const char *
cd_quote_status_to_string (CdQuoteStatus status)
{
  return name_at ("quote", (int) status);
}

const char *
cd_contract_status_to_string (CdContractStatus status)
{
  return name_at ("contract", (int) status);
}

const char *
cd_work_order_status_to_string (CdWorkOrderStatus status)
{
  return name_at ("work_order", (int) status);
}

const char *
cd_supplier_order_status_to_string (CdSupplierOrderStatus status)
{
  return name_at ("supplier_order", (int) status);
}

const char *
cd_acceptance_status_to_string (CdAcceptanceStatus status)
{
  return name_at ("acceptance", (int) status);
}

const char *
cd_visit_status_to_string (CdVisitStatus status)
{
  return name_at ("visit", (int) status);
}

gboolean
cd_client_status_transition (CdClientStatus   from,
                             CdClientStatus   to,
                             const char      *reason,
                             GError         **error)
{
  return typed_move ("client", (int) from, (int) to, reason, error);
}

gboolean
cd_project_status_transition (CdProjectStatus   from,
                              CdProjectStatus   to,
                              const char       *reason,
                              GError          **error)
{
  return typed_move ("project", (int) from, (int) to, reason, error);
}

gboolean
cd_quote_status_transition (CdQuoteStatus   from,
                            CdQuoteStatus   to,
                            GError        **error)
{
  return typed_move ("quote", (int) from, (int) to, NULL, error);
}

/* No reason parameter here (the API is fixed): a termination, which needs
 * one, is refused with CD_STATE_ERROR_REASON. Terminate through
 * cd_contract_status_transition_with_reason() or cd_state_check_move(). */
gboolean
cd_contract_status_transition (CdContractStatus   from,
                               CdContractStatus   to,
                               GError           **error)
{
  return typed_move ("contract", (int) from, (int) to, NULL, error);
}

gboolean
cd_contract_status_transition_with_reason (CdContractStatus   from,
                                           CdContractStatus   to,
                                           const char        *reason,
                                           GError           **error)
{
  return typed_move ("contract", (int) from, (int) to, reason, error);
}

gboolean
cd_work_order_status_transition (CdWorkOrderStatus   from,
                                 CdWorkOrderStatus   to,
                                 GError            **error)
{
  return typed_move ("work_order", (int) from, (int) to, NULL, error);
}

gboolean
cd_supplier_order_status_transition (CdSupplierOrderStatus   from,
                                     CdSupplierOrderStatus   to,
                                     GError                **error)
{
  return typed_move ("supplier_order", (int) from, (int) to, NULL, error);
}
