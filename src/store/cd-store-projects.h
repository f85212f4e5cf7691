/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Projects (项目), their client brief (客户简报), the project worksheet
 * (项目工作表), work orders to the creative department (工作单) with their
 * revision rounds, and the weekly / monthly work sheet of one AM or AE
 * (月、周工作表格). Every writing call is one transaction; a refused call
 * changes nothing. Dates are ISO text "YYYY-MM-DD"; NULL means today where
 * a date is required. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Projects                                                           */

typedef struct
{
  gint64  id;              /* 0 until saved */
  char   *number;          /* set by the store on insert */
  gint64  client_id;
  char   *name;
  char   *status;          /* read-only here: moved by cd_store_project_move () */
  gint64  am_id;           /* 0: none */
  gint64  ae_id;           /* 0: none */
  char   *start_date;      /* NULL: today */
  char   *due_date;        /* nullable */
  int     min_margin_bp;   /* -1: the default ("project.min_margin_bp", else 2000) */
  char   *cancel_reason;   /* read-only */
  /* Read-only names, filled by cd_store_project_get (). */
  char   *client_name;
  char   *am_name;
  char   *ae_name;
} CdProject;

CdProject *cd_project_new                    (void);
void       cd_project_free                   (CdProject   *project);

/* The margin a new project gets: setting "project.min_margin_bp", else 2000. */
int        cd_store_project_default_min_margin (CdStore   *self);
CdProject *cd_store_project_get              (CdStore     *self,
                                              gint64       id,
                                              GError     **error);
/* The id of the project numbered @number (0 and NOT_FOUND when none). */
gint64     cd_store_project_find             (CdStore     *self,
                                              const char  *number,
                                              GError     **error);
/* Inserts @project when its id is 0 (number and id are set; status
 * "brief"; an empty brief is created with it), else updates its fields
 * (never its status). */
gboolean   cd_store_project_save             (CdStore     *self,
                                              CdProject   *project,
                                              GError     **error);
/**
 * cd_store_project_move:
 * @reason: (nullable): required for "cancelled"
 *
 * Moves a project through its lifecycle. Refuses moves the state machine
 * does not allow (CD_STORE_ERROR_STATE) and, while the brief is
 * incomplete, any move out of "brief" other than a cancel
 * (CD_STORE_ERROR_INVALID, the message names the missing fields).
 */
gboolean   cd_store_project_move             (CdStore     *self,
                                              gint64       id,
                                              const char  *to,
                                              const char  *reason,
                                              GError     **error);

/* Whether @project_id may leave "brief": TRUE when it is past "brief" or
 * its brief is complete, else CD_STORE_ERROR_INVALID naming the missing
 * fields. The quote store calls it before the first quote moves the
 * project to "quoting". */
gboolean   cd_store_project_check_brief      (CdStore     *self,
                                              gint64       project_id,
                                              GError     **error);

/* ------------------------------------------------------------------ */
/* Client brief                                                       */

typedef struct
{
  gint64  project_id;
  char   *background;
  char   *objectives;
  char   *audience;
  char   *deliverables;    /* one deliverable a line */
  char   *channels;
  gint64  budget_min_fen;  /* -1: not given */
  gint64  budget_max_fen;  /* -1: not given */
  char   *event_date;      /* nullable */
  char   *launch_date;     /* nullable */
  char   *mandatory;
  char   *approvals;
  gint64  n_attachments;   /* read-only: reference files (optional) */
} CdBrief;

CdBrief   *cd_brief_new                      (gint64       project_id);
void       cd_brief_free                     (CdBrief     *brief);
/* The required fields that are still blank, by key: "background",
 * "objectives", "audience", "deliverables", "channels", "budget" (both
 * ends), "key_dates" (an event or a launch date), "mandatory",
 * "approvals". Attachments are optional. (transfer full) */
GStrv      cd_brief_missing_fields           (const CdBrief *brief);
/* The field's name as the form shows it. (transfer none) */
const char *cd_brief_field_label             (const char  *key);
/* "Background, Objectives" for the missing fields. (transfer full) */
char      *cd_brief_describe_missing         (const CdBrief *brief);

/* The project's brief (an empty one when none was saved). */
CdBrief   *cd_store_brief_get                (CdStore     *self,
                                              gint64       project_id,
                                              GError     **error);
/* Checks dates and the budget range; saves every field of @brief. */
gboolean   cd_store_brief_save               (CdStore     *self,
                                              const CdBrief *brief,
                                              GError     **error);
/* A reference file for the brief (an attachment owned by "brief"). */
gboolean   cd_store_brief_attach             (CdStore     *self,
                                              gint64       project_id,
                                              const char  *filename,
                                              GBytes      *content,
                                              GError     **error);

/* ------------------------------------------------------------------ */
/* Worksheet                                                          */

/**
 * CdWorksheet:
 *
 * Everything about one project on one page. Money in fen.
 *
 * - quote_total_fen: total (with tax) of the accepted quote version, 0
 *   when none is accepted.
 * - contract_total_fen: signed, executing and completed contracts of the
 *   project, amendments included (an amendment carries the amount it adds);
 *   drafts and terminated contracts do not count.
 * - supplier_cost_fen: lines (amount + tax: what the agency pays) of the
 *   project's supplier orders that are delivered or accepted.
 * - margin_fen = contract_total_fen − supplier_cost_fen; margin_bp is
 *   margin / contract in basis points (0 when there is no contract amount);
 *   below_min is set when margin_bp < the project's min_margin_bp and
 *   there is a contract amount or a supplier cost.
 * - The tables are aa{sv} (cd_store_row_to_variant rows), each in date order:
 *   work_orders (id, number, title, department, assignee, status,
 *   issued_date, due_date, done_date, overdue, revisions, spent_minutes),
 *   supplier_orders (id, number, supplier, status, order_date,
 *   delivered_date, accepted_date, total_fen, acceptance_number,
 *   acceptance_status, acceptance_result), pickup_slips (id, number, date,
 *   received_by, status), installments (id, contract, seq, label, due_date,
 *   amount_fen, paid_fen), payments (id, contract, label, date,
 *   amount_fen, method, reference) and timeline (date, kind, number, text)
 *   — every dated event of the project's rows, oldest first.
 */
typedef struct
{
  CdProject *project;
  CdBrief   *brief;
  GStrv      missing;              /* the brief's missing fields */
  char      *quote_number;         /* nullable: the accepted quote */
  gint64     quote_total_fen;
  gint64     contract_total_fen;
  gint64     installments_fen;
  gint64     paid_fen;
  gint64     supplier_cost_fen;
  gint64     margin_fen;
  gint64     margin_bp;
  gboolean   below_min;
  GVariant  *work_orders;
  GVariant  *supplier_orders;
  GVariant  *pickup_slips;
  GVariant  *installments;
  GVariant  *payments;
  GVariant  *timeline;
} CdWorksheet;

void         cd_worksheet_free               (CdWorksheet *sheet);
CdWorksheet *cd_store_project_worksheet      (CdStore     *self,
                                              gint64       project_id,
                                              const char  *today,
                                              GError     **error);
void         cd_store_project_worksheet_async (CdStore           *self,
                                               gint64             project_id,
                                               GCancellable      *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer           user_data);
CdWorksheet *cd_store_project_worksheet_finish (CdStore          *self,
                                                GAsyncResult     *result,
                                                GError          **error);

/* ------------------------------------------------------------------ */
/* Work orders                                                        */

typedef struct
{
  gint64  id;              /* 0 until saved */
  char   *number;          /* set by the store on insert */
  gint64  project_id;
  char   *title;
  char   *department;      /* design, copywriting, production, media, other */
  gint64  assignee_id;     /* 0: none yet */
  gint64  issued_by;       /* 0: the current actor */
  char   *requirements;    /* format, sizes, copy, references */
  char   *issued_date;     /* NULL: today */
  char   *due_date;
  int     priority;        /* 1 high, 2 normal, 3 low */
  char   *status;          /* read-only here */
  char   *done_date;       /* read-only */
  gint64  spent_minutes;
  /* Read-only, filled by cd_store_work_order_get (). */
  char   *project_number;
  char   *project_name;
  char   *client_name;
  char   *assignee_name;
  char   *issued_by_name;
  int     revisions;
} CdWorkOrder;

typedef struct
{
  int   round;
  char *date;
  char *reason;
  char *requested_by;
} CdRevision;

CdWorkOrder *cd_work_order_new               (void);
void         cd_work_order_free              (CdWorkOrder *order);
void         cd_revision_free                (CdRevision  *revision);
const char  *cd_work_order_department_label  (const char  *department);
const char  *cd_work_order_priority_label    (int          priority);
/* NULL-terminated department keys, in form order. */
const char * const *cd_work_order_departments (void);

CdWorkOrder *cd_store_work_order_get         (CdStore     *self,
                                              gint64       id,
                                              GError     **error);
gint64       cd_store_work_order_find        (CdStore     *self,
                                              const char  *number,
                                              GError     **error);
/* Inserts when id is 0 (number, id, status "issued" set), else updates
 * its fields (not status, done date or revisions). */
gboolean     cd_store_work_order_save        (CdStore     *self,
                                              CdWorkOrder *order,
                                              GError     **error);
/**
 * cd_store_work_order_move:
 * @date: (nullable): the day of the move (today when NULL)
 * @reason, @requested_by: for in_review → in_progress: a revision round is
 *   recorded with them (@reason required)
 *
 * Moving to "done" sets the done date; a refused move changes nothing.
 */
gboolean     cd_store_work_order_move        (CdStore     *self,
                                              gint64       id,
                                              const char  *to,
                                              const char  *date,
                                              const char  *reason,
                                              const char  *requested_by,
                                              GError     **error);
/* Adds @hours (decimal text such as "1.5") as minutes to the time spent. */
gboolean     cd_store_work_order_add_time    (CdStore     *self,
                                              gint64       id,
                                              const char  *hours,
                                              GError     **error);
/* "1.5" → 90; refuses negative, non-numeric and absurd values. */
gboolean     cd_work_order_parse_hours       (const char  *hours,
                                              gint64      *out_minutes,
                                              GError     **error);
/* Returns: (transfer full) (element-type CdRevision): by round */
GPtrArray   *cd_store_work_order_revisions   (CdStore     *self,
                                              gint64       id,
                                              GError     **error);
/* Staff who can be assignees (creative, production…), or account staff
 * when @account: aa{sv} of id, name, role, department. */
GVariant    *cd_store_staff_for              (CdStore     *self,
                                              gboolean     account,
                                              GError     **error);

/* ------------------------------------------------------------------ */
/* Weekly and monthly work sheet of one AM or AE                      */

typedef struct
{
  gint64    staff_id;
  char     *staff_name;
  char     *from;          /* first day */
  char     *to;            /* last day */
  /* projects (id, number, name, client, status, role, start_date, due_date)
   * the person is AM or AE of and that were open during the period;
   * work_orders (id, number, title, project, assignee, status, issued_date,
   * due_date, done_date, issued, done, overdue) of those projects or issued
   * by the person, touched in the period; visits (id, date, client, topic,
   * mode); quotes (id, number, version, client, sent_date, total_fen) sent
   * in the period by the person's projects. */
  GVariant *projects;
  GVariant *work_orders;
  GVariant *visits;
  GVariant *quotes;
  gint64    n_issued;
  gint64    n_done;
  gint64    n_overdue;
  gint64    n_visits;
  gint64    n_quotes;
  gint64    quotes_fen;
} CdWorkSheet;

void         cd_work_sheet_free              (CdWorkSheet *sheet);
/* The week (Monday to Sunday) or month holding @day. */
void         cd_work_sheet_period            (const char  *day,
                                              gboolean     monthly,
                                              char       **out_from,
                                              char       **out_to);
CdWorkSheet *cd_store_work_sheet             (CdStore     *self,
                                              gint64       staff_id,
                                              const char  *from,
                                              const char  *to,
                                              const char  *today,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdProject, cd_project_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdBrief, cd_brief_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWorksheet, cd_worksheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWorkOrder, cd_work_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdRevision, cd_revision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWorkSheet, cd_work_sheet_free)

G_END_DECLS
