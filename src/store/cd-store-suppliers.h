/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suppliers and what they deliver (seed 000, duties 15–17):
 *   suppliers (供应商) and their scorecard,
 *   supplier quotes (供应报价) for a project's production item, compared
 *     side by side, one chosen with its reason,
 *   supplier orders (供应商业务单) requested → ordered → delivered →
 *     accepted | rejected → reworked, and the rework order that follows a
 *     rejection,
 *   acceptance checklists (交货验收, 出品检查表): templates per kind of
 *     deliverable, an acceptance judged item by item with counts and
 *     photos, signed (and so locked) by the current staff member,
 *   pickup slips (客户提货单) signed by the client.
 *
 * Every writing call is one transaction: a refused call changes nothing.
 * Dates are ISO text "YYYY-MM-DD"; a NULL date means today. Implemented in
 * cd-store-suppliers.c, cd-store-supplier-orders.c, cd-store-acceptances.c,
 * cd-store-checklists.c and cd-store-pickup-slips.c. */
#pragma once

#include "core/cd-states.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

/* Longest texts the forms accept. */
#define CD_SUPPLIER_NAME_MAX    300
#define CD_SUPPLY_TEXT_MAX      500
#define CD_SUPPLY_NOTE_MAX      2000
/* Largest photo kept in the database. */
#define CD_ACCEPTANCE_PHOTO_MAX (10 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* Suppliers                                                          */

typedef struct
{
  gint64  id;               /* 0 until saved */
  char   *name;
  char   *category;         /* print, large_format, led, gifts, fabrication, other */
  char   *credit_code;      /* nullable; 统一社会信用代码 */
  char   *contact;          /* nullable from here on */
  char   *phone;
  char   *address;
  char   *bank;
  char   *account;
  char   *vat_type;         /* general | small_scale */
  int     invoice_rate_bp;  /* usual VAT rate on their invoices: 1300, 600, 300, 100… */
  char   *payment_terms;
  char   *notes;
  char   *status;           /* active | suspended */
} CdSupplier;

CdSupplier  *cd_supplier_new                (void);
CdSupplier  *cd_supplier_copy               (const CdSupplier *supplier);
void         cd_supplier_free               (CdSupplier       *supplier);

/* Codes of the supplier categories, NULL-terminated, in display order. */
const char * const *cd_supplier_categories  (void);
/* Translated label of a category ("Print"…), or @code when unknown. */
const char  *cd_supplier_category_label     (const char       *code);
const char  *cd_supplier_vat_type_label     (const char       *vat_type);

/* Checks every field (the message names the field and the reason) and
 * normalises what people type: the credit code is upper-cased without
 * spaces, blank texts become NULL. Does not look at the database. */
gboolean     cd_supplier_validate           (CdSupplier       *supplier,
                                             GError          **error);

CdSupplier  *cd_store_supplier_get          (CdStore          *self,
                                             gint64            id,
                                             GError          **error);
/* Validates @supplier; inserts it when its id is 0 (and sets the id), else
 * updates it. Refuses a name or credit code another supplier has. A status
 * change goes through cd_store_supplier_set_status (). */
gboolean     cd_store_supplier_save         (CdStore          *self,
                                             CdSupplier       *supplier,
                                             GError          **error);
gboolean     cd_store_supplier_set_status   (CdStore          *self,
                                             gint64            id,
                                             const char       *status,
                                             GError          **error);
/* Refuses a supplier with quotes or orders: suspend it instead. */
gboolean     cd_store_supplier_delete       (CdStore          *self,
                                             gint64            id,
                                             GError          **error);

/* ------------------------------------------------------------------ */
/* Scorecard                                                          */

typedef struct
{
  char   month[8];          /* "YYYY-MM" */
  gint64 net_fen;           /* Σ line amounts of orders accepted that month */
  gint64 tax_fen;
} CdSupplierMonthSpend;

/**
 * CdSupplierScorecard:
 *
 * The same rules as the supplier-quality chart:
 * - on time: delivered_date ≤ promised_date, among delivered orders that
 *   had a promised date;
 * - first pass: original orders (not reworks) accepted (pass or
 *   conditional), among originals that were accepted, rejected or reworked;
 * - reworks: orders made to redo a rejected one;
 * - spend: lines of accepted orders, by the month of acceptance (the month
 *   the cashier's supplier sheet counts them in).
 */
typedef struct
{
  gint64  supplier_id;
  guint   n_orders;
  guint   n_open;             /* requested, ordered or delivered */
  guint   n_promised;         /* delivered with a promised date */
  guint   n_on_time;
  guint   n_late;
  guint   n_decided;          /* originals accepted, rejected or reworked */
  guint   n_first_pass;
  guint   n_reworks;
  gint64  spend_net_fen;
  gint64  spend_tax_fen;
  GArray *months;             /* CdSupplierMonthSpend, oldest first */
} CdSupplierScorecard;

void         cd_supplier_scorecard_free     (CdSupplierScorecard *card);
/* Rates in basis points (10000 = 100 %), or -1 when nothing was counted. */
int          cd_supplier_scorecard_on_time_bp    (const CdSupplierScorecard *card);
int          cd_supplier_scorecard_first_pass_bp (const CdSupplierScorecard *card);

/* @from_month, @to_month: (nullable): "YYYY-MM" bounds of the spend by
 * month (both inclusive); the counts always cover every order. */
CdSupplierScorecard *cd_store_supplier_scorecard (CdStore     *self,
                                                  gint64       supplier_id,
                                                  const char  *from_month,
                                                  const char  *to_month,
                                                  GError     **error);

/* ------------------------------------------------------------------ */
/* Supplier quotes                                                    */

typedef struct
{
  gint64    id;
  gint64    project_id;
  gint64    supplier_id;
  gint64    quote_line_id;    /* 0: not tied to a line of the client's quote */
  char     *item;
  char     *spec;             /* nullable */
  gint64    qty_milli;
  gint64    price_fen;        /* unit price before VAT */
  int       lead_days;        /* -1 when not given */
  char     *quote_date;
  gboolean  chosen;
  char     *choice_reason;    /* nullable unless chosen */
  char     *notes;            /* nullable */
  /* Computed or joined for display. */
  gint64    amount_fen;       /* cd_money_line_amount (qty, price) */
  char     *supplier_name;
  char     *supplier_category;
  char     *supplier_status;
  gboolean  cheapest;         /* within its item, by compare */
  gboolean  fastest;
} CdSupplierQuote;

CdSupplierQuote *cd_supplier_quote_new      (void);
void             cd_supplier_quote_free     (CdSupplierQuote *quote);

/* Records one supplier's quote for a production item of @quote->project_id.
 * The supplier must be active. Returns: the id, or 0 with @error set. */
gint64       cd_store_supplier_quote_add     (CdStore               *self,
                                              const CdSupplierQuote *quote,
                                              GError               **error);
/* Every supplier quote of @project_id, by item then amount. */
GPtrArray   *cd_store_supplier_quotes_for_project (CdStore          *self,
                                                   gint64            project_id,
                                                   GError          **error);
/**
 * cd_store_supplier_quotes_compare:
 * @quote_line_id: the item as a line of the client's quote, or 0 to name
 *   it by @item (text) instead
 *
 * The quotes for one production item side by side: cheapest first, with
 * `cheapest` and `fastest` set on the best of each.
 * Returns: (transfer full) (element-type CdSupplierQuote)
 */
GPtrArray   *cd_store_supplier_quotes_compare (CdStore              *self,
                                               gint64                project_id,
                                               gint64                quote_line_id,
                                               const char           *item,
                                               GError              **error);
/* The number and name of project @project_id, for titles. */
gboolean     cd_store_supply_project          (CdStore              *self,
                                               gint64                project_id,
                                               char                **out_number,
                                               char                **out_name,
                                               GError              **error);
/* Chooses @quote_id for its item: a reason is required; the other quotes
 * of the item are kept, no longer chosen. */
gboolean     cd_store_supplier_quote_choose   (CdStore              *self,
                                               gint64                quote_id,
                                               const char           *reason,
                                               GError              **error);

/* ------------------------------------------------------------------ */
/* Supplier orders                                                    */

typedef struct
{
  gint64  id;
  int     position;
  gint64  quote_line_id;      /* 0 when none */
  char   *item;
  char   *spec;               /* nullable */
  gint64  qty_milli;
  char   *unit;               /* nullable */
  gint64  unit_price_fen;
  int     tax_rate_bp;
  gint64  amount_fen;         /* cd_money_line_amount (qty, price, 0) */
  gint64  tax_fen;            /* cd_money_tax (amount, rate), per line */
} CdSupplierOrderLine;

CdSupplierOrderLine *cd_supplier_order_line_new  (void);
CdSupplierOrderLine *cd_supplier_order_line_copy (const CdSupplierOrderLine *line);
void                 cd_supplier_order_line_free (CdSupplierOrderLine       *line);
/* Checks the line and computes its amount and tax. */
gboolean     cd_supplier_order_line_compute  (CdSupplierOrderLine  *line,
                                              GError              **error);

typedef struct
{
  gint64                 id;
  char                  *number;
  gint64                 project_id;
  gint64                 supplier_id;
  CdSupplierOrderStatus  status;
  char                  *order_date;
  char                  *promised_date;   /* nullable */
  char                  *delivered_date;  /* nullable */
  char                  *accepted_date;   /* nullable */
  char                  *delivery_place;  /* nullable */
  gint64                 rework_of_id;    /* 0 for an original order */
  char                  *notes;           /* nullable */
  /* Joined and summed for display. */
  char                  *supplier_name;
  char                  *supplier_category;
  char                  *supplier_contact;
  char                  *supplier_phone;
  char                  *supplier_address;
  char                  *project_number;
  char                  *project_name;
  char                  *rework_of_number; /* nullable */
  char                  *reworked_by_number; /* nullable: the order that redid this one */
  gint64                 subtotal_fen;
  gint64                 tax_fen;
  gint64                 total_fen;
  GPtrArray             *lines;           /* CdSupplierOrderLine by position */
} CdSupplierOrder;

void         cd_supplier_order_free          (CdSupplierOrder *order);

CdSupplierOrder *cd_store_supplier_order_get  (CdStore      *self,
                                               gint64        id,
                                               GError      **error);
CdSupplierOrder *cd_store_supplier_order_find (CdStore      *self,
                                               const char   *number,
                                               GError      **error);

/* An order by hand: numbered "supplier_order" by @order_date, status
 * requested, each line computed. Returns: the id, or 0 with @error set. */
gint64       cd_store_supplier_order_create  (CdStore      *self,
                                              gint64        project_id,
                                              gint64        supplier_id,
                                              const char   *order_date,
                                              const char   *promised_date,
                                              const char   *delivery_place,
                                              const char   *notes,
                                              GPtrArray    *lines,
                                              GError      **error);
/* An order from chosen supplier quotes (one line each; all of one project
 * and one supplier), at the supplier's usual VAT rate, promised by the
 * order date plus the longest lead time quoted. */
gint64       cd_store_supplier_order_create_from_quotes (CdStore      *self,
                                                         const gint64 *quote_ids,
                                                         guint         n_quotes,
                                                         const char   *order_date,
                                                         const char   *delivery_place,
                                                         GError      **error);
/* Lines of a requested order (not yet sent to the supplier). */
gboolean     cd_store_supplier_order_set_lines (CdStore    *self,
                                                gint64      order_id,
                                                GPtrArray  *lines,
                                                GError    **error);
/* Promise, place and notes, until the order is decided. */
gboolean     cd_store_supplier_order_set_details (CdStore    *self,
                                                  gint64      order_id,
                                                  const char *promised_date,
                                                  const char *delivery_place,
                                                  const char *notes,
                                                  GError    **error);
/**
 * cd_store_supplier_order_move:
 * @date: for delivered, the delivery date (required, not before the order
 *   date, not in the future); ignored otherwise
 *
 * requested → ordered and ordered → delivered. An order is accepted or
 * rejected by signing its acceptance, and becomes reworked when its rework
 * order is made: those moves are refused here.
 */
gboolean     cd_store_supplier_order_move    (CdStore               *self,
                                              gint64                 order_id,
                                              CdSupplierOrderStatus  to,
                                              const char            *date,
                                              GError               **error);
/* For a rejected order: a new order with the same lines (rework_of_id set,
 * status requested, or ordered when @ordered), and the rejected one moves
 * to reworked, in one transaction. Returns: the new order's id. */
gint64       cd_store_supplier_order_create_rework (CdStore    *self,
                                                    gint64      rejected_order_id,
                                                    const char *order_date,
                                                    const char *promised_date,
                                                    gboolean    ordered,
                                                    GError    **error);

/* ------------------------------------------------------------------ */
/* Checklist templates                                                */

typedef struct
{
  gint64     id;
  char      *kind;     /* print, large_format, led, gifts, fabrication, other, output */
  char      *name;
  GPtrArray *items;    /* char *, in order */
} CdChecklistTemplate;

CdChecklistTemplate *cd_checklist_template_new  (void);
void                 cd_checklist_template_free (CdChecklistTemplate *template_);

/* Kinds a template may be for (the supplier categories, then "output"). */
const char * const *cd_checklist_kinds          (void);
const char  *cd_checklist_kind_label            (const char *kind);

/* Every template, by kind; the shipped defaults are written the first time
 * a kind has none (in Chinese, as the agency writes them). */
GPtrArray   *cd_store_checklist_templates       (CdStore               *self,
                                                 GError               **error);
/* The template used for @kind (the first of that kind). */
CdChecklistTemplate *cd_store_checklist_template_for_kind (CdStore     *self,
                                                           const char  *kind,
                                                           GError     **error);
/* Inserts (id 0) or replaces a template and its items. Acceptances keep
 * the item texts they were made with. */
gboolean     cd_store_checklist_template_save   (CdStore               *self,
                                                 CdChecklistTemplate   *template_,
                                                 GError               **error);

/* ------------------------------------------------------------------ */
/* Acceptances                                                        */

typedef enum
{
  CD_CHECK_UNJUDGED,
  CD_CHECK_PASS,
  CD_CHECK_FAIL,
  CD_CHECK_CONDITIONAL,
} CdCheckResult;

const char  *cd_check_result_to_string      (CdCheckResult  result);  /* NULL for unjudged */
CdCheckResult cd_check_result_from_string   (const char    *text);
const char  *cd_check_result_label          (CdCheckResult  result);

typedef struct
{
  gint64         id;
  int            position;
  char          *text;
  CdCheckResult  result;
  char          *note;            /* nullable */
} CdAcceptanceItem;

/* What arrived against what was ordered, for one order line. */
typedef struct
{
  gint64  id;
  gint64  order_line_id;
  int     position;
  char   *item;
  char   *unit;                   /* nullable */
  gint64  ordered_milli;
  gint64  received_milli;         /* -1 when not counted */
} CdAcceptanceCount;

gboolean     cd_acceptance_count_mismatch   (const CdAcceptanceCount *count);

typedef struct
{
  gint64  id;
  char   *filename;
  char   *mime_type;
  gint64  size;
  char   *added_at;
} CdAttachmentInfo;

void         cd_attachment_info_free        (CdAttachmentInfo *info);

typedef struct
{
  gint64              id;
  char               *number;
  char               *kind;            /* delivery | output */
  gint64              supplier_order_id;  /* 0 for output */
  gint64              work_order_id;      /* 0 for delivery */
  gint64              template_id;
  CdAcceptanceStatus  status;
  CdCheckResult       result;          /* of a signed acceptance; else unjudged */
  char               *inspected_date;
  gint64              signed_by;       /* 0 until signed */
  char               *signed_date;
  char               *notes;
  char               *locked_hash;
  /* Joined for display. */
  char               *order_number;
  CdSupplierOrderStatus order_status;
  char               *supplier_name;
  char               *supplier_category;
  char               *project_number;
  char               *project_name;
  char               *promised_date;
  char               *delivered_date;
  char               *work_order_number;
  char               *template_name;
  char               *signer_name;
  GPtrArray          *items;           /* CdAcceptanceItem */
  GPtrArray          *counts;          /* CdAcceptanceCount */
  GPtrArray          *photos;          /* CdAttachmentInfo */
} CdAcceptance;

void         cd_acceptance_free             (CdAcceptance       *acceptance);
/* Any fail → fail; else any conditional item or any count that differs
 * from the order → conditional; else pass. Unjudged items count as nothing:
 * cd_acceptance_all_judged () says whether the result is final. */
CdCheckResult cd_acceptance_compute_result  (const CdAcceptance *acceptance);
gboolean     cd_acceptance_all_judged       (const CdAcceptance *acceptance);
guint        cd_acceptance_count_mismatches (const CdAcceptance *acceptance);
gboolean     cd_acceptance_is_late          (const CdAcceptance *acceptance);

CdAcceptance *cd_store_acceptance_get        (CdStore      *self,
                                              gint64        id,
                                              GError      **error);
CdAcceptance *cd_store_acceptance_find       (CdStore      *self,
                                              const char   *number,
                                              GError      **error);
/* Acceptances of one order, oldest first, without items. */
GPtrArray   *cd_store_acceptances_for_order  (CdStore      *self,
                                              gint64        order_id,
                                              GError      **error);

/* An inspection of a delivered order: items from the template of the
 * supplier's category, one count per order line (received = ordered until
 * changed). One draft per order. Returns: the id, or 0 with @error set. */
gint64       cd_store_acceptance_create_for_order (CdStore    *self,
                                                   gint64      order_id,
                                                   const char *inspected_date,
                                                   GError    **error);
/* An output check (出品检查表) of a work order. */
gint64       cd_store_acceptance_create_for_work_order (CdStore    *self,
                                                        gint64      work_order_id,
                                                        const char *inspected_date,
                                                        GError    **error);

gboolean     cd_store_acceptance_judge       (CdStore       *self,
                                              gint64         item_id,
                                              CdCheckResult  result,
                                              const char    *note,
                                              GError       **error);
gboolean     cd_store_acceptance_set_received (CdStore      *self,
                                               gint64        count_id,
                                               gint64        received_milli,
                                               GError      **error);
gboolean     cd_store_acceptance_set_notes   (CdStore       *self,
                                              gint64         acceptance_id,
                                              const char    *inspected_date,
                                              const char    *notes,
                                              GError       **error);

/* Photos: PNG or JPEG (checked by their first bytes), at most
 * CD_ACCEPTANCE_PHOTO_MAX bytes. Returns: the attachment's id. */
gint64       cd_store_acceptance_add_photo   (CdStore       *self,
                                              gint64         acceptance_id,
                                              const char    *filename,
                                              GBytes        *content,
                                              GError       **error);
gboolean     cd_store_acceptance_remove_photo (CdStore      *self,
                                               gint64        attachment_id,
                                               GError      **error);
/* Returns: (transfer full): the bytes of attachment @id; its MIME type in
 * @out_mime_type when not NULL. */
GBytes      *cd_store_attachment_get_content (CdStore       *self,
                                              gint64         attachment_id,
                                              char         **out_mime_type,
                                              GError       **error);

/**
 * cd_store_acceptance_sign:
 * @signer_id: the staff member signing (签字确认); 0 means the store's actor
 * @signed_date: (nullable): today when NULL
 *
 * Refuses unless every item is judged and the signer is an active staff
 * member. In one transaction: the result is computed, the acceptance is
 * signed (and from then on locked by the database), and a delivery's order
 * moves to accepted (pass or conditional, accepted on the signing date) or
 * rejected (fail).
 */
gboolean     cd_store_acceptance_sign        (CdStore       *self,
                                              gint64         acceptance_id,
                                              gint64         signer_id,
                                              const char    *signed_date,
                                              GError       **error);
/* A failed, signed delivery acceptance → its order's rework order (see
 * cd_store_supplier_order_create_rework ()), ordered on @order_date
 * (today when NULL). */
gint64       cd_store_acceptance_create_rework (CdStore     *self,
                                                gint64       acceptance_id,
                                                const char  *order_date,
                                                const char  *promised_date,
                                                GError     **error);

/* ------------------------------------------------------------------ */
/* Pickup slips                                                       */

typedef struct
{
  gint64  id;
  int     position;
  char   *item;
  gint64  qty_milli;
  char   *unit;                   /* nullable */
} CdPickupLine;

CdPickupLine *cd_pickup_line_new            (const char *item,
                                             gint64      qty_milli,
                                             const char *unit);
void          cd_pickup_line_free           (CdPickupLine *line);

typedef struct
{
  gint64     id;
  char      *number;
  gint64     project_id;
  gint64     client_id;
  char      *date;
  char      *received_by;         /* nullable until signed */
  char      *status;              /* issued | signed */
  char      *notes;
  char      *client_name;
  char      *client_address;
  char      *project_number;
  char      *project_name;
  GPtrArray *lines;               /* CdPickupLine */
  char      *signed_on;           /* nullable until signed: the day it was marked signed */
} CdPickupSlip;

void          cd_pickup_slip_free           (CdPickupSlip *slip);

CdPickupSlip *cd_store_pickup_slip_get      (CdStore      *self,
                                             gint64        id,
                                             GError      **error);
CdPickupSlip *cd_store_pickup_slip_find     (CdStore      *self,
                                             const char   *number,
                                             GError      **error);
/* What the project's suppliers delivered and the agency accepted (accepted
 * orders, by item and unit): the lines a slip starts from. */
GPtrArray    *cd_store_pickup_goods_for_project (CdStore  *self,
                                                 gint64    project_id,
                                                 GError  **error);
/* A slip for the client of @project_id, numbered "pickup_slip" by @date.
 * @lines: (element-type CdPickupLine): at least one. */
gint64        cd_store_pickup_slip_create   (CdStore      *self,
                                             gint64        project_id,
                                             const char   *date,
                                             const char   *notes,
                                             GPtrArray    *lines,
                                             GError      **error);
/* The signed paper is back: who received the goods (required); the slip
 * is signed on today's date and locked with the hash of its content. A
 * signed slip does not change again: the database refuses it too. */
gboolean      cd_store_pickup_slip_sign     (CdStore      *self,
                                             gint64        slip_id,
                                             const char   *received_by,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSupplier, cd_supplier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSupplierScorecard, cd_supplier_scorecard_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSupplierQuote, cd_supplier_quote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSupplierOrderLine, cd_supplier_order_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSupplierOrder, cd_supplier_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdChecklistTemplate, cd_checklist_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdAcceptance, cd_acceptance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdPickupLine, cd_pickup_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdPickupSlip, cd_pickup_slip_free)

G_END_DECLS
