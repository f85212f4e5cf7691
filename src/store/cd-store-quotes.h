/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue of standard items (有偿服务收费标准) and quotes (报价单):
 * lines, totals, versions, sending, acceptance (which locks the version) and
 * the difference between two versions. Every writing call is one
 * transaction; a refused call changes nothing. Dates are ISO text
 * "YYYY-MM-DD"; a NULL date means today. */
#pragma once

#include "core/cd-states.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Catalogue                                                          */

typedef struct
{
  gint64    id;              /* 0 until saved */
  char     *name;
  char     *spec;            /* nullable */
  char     *unit;            /* 件, 套, m², 天, 小时… */
  gint64    unit_price_fen;
  int       tax_rate_bp;     /* 600 services, 1300 goods */
  char     *category;        /* nullable */
  gboolean  active;
} CdCatalogueItem;

CdCatalogueItem *cd_catalogue_item_new       (void);
CdCatalogueItem *cd_catalogue_item_copy      (const CdCatalogueItem *item);
void             cd_catalogue_item_free      (CdCatalogueItem       *item);

/* Returns: (transfer full) (element-type CdCatalogueItem): by category, name */
GPtrArray       *cd_store_catalogue_list     (CdStore               *self,
                                              gboolean               include_inactive,
                                              GError               **error);
CdCatalogueItem *cd_store_catalogue_get      (CdStore               *self,
                                              gint64                 id,
                                              GError               **error);
/* Inserts @item when its id is 0 (and sets the id), else updates it. */
gboolean         cd_store_catalogue_save     (CdStore               *self,
                                              CdCatalogueItem       *item,
                                              GError               **error);
/* Refuses an item that quote lines refer to: deactivate it instead. */
gboolean         cd_store_catalogue_delete   (CdStore               *self,
                                              gint64                 id,
                                              GError               **error);

/* ------------------------------------------------------------------ */
/* Lines and totals (pure: the editor uses them as the user types)    */

typedef struct
{
  gint64  id;                /* 0 for a line not saved yet */
  int     position;          /* 1-based, set by the store */
  gint64  catalogue_item_id; /* 0 when typed freely */
  char   *item;
  char   *spec;              /* nullable */
  gint64  qty_milli;
  char   *unit;              /* nullable */
  gint64  unit_price_fen;
  int     discount_bp;
  int     tax_rate_bp;
  gint64  amount_fen;        /* computed by cd_quote_line_compute () */
} CdQuoteLine;

CdQuoteLine *cd_quote_line_new               (void);
CdQuoteLine *cd_quote_line_new_from_catalogue (const CdCatalogueItem *item,
                                               gint64                 qty_milli);
CdQuoteLine *cd_quote_line_copy              (const CdQuoteLine     *line);
void         cd_quote_line_free              (CdQuoteLine           *line);
/* Checks the line's fields (the message names the field and the reason)
 * and sets amount_fen = cd_money_line_amount (qty, price, discount). */
gboolean     cd_quote_line_compute           (CdQuoteLine           *line,
                                              GError               **error);

/* The tax of one rate: base_fen is the sum of the line amounts at that rate. */
typedef struct
{
  int    rate_bp;
  gint64 base_fen;
  gint64 tax_fen;
} CdTaxShare;

typedef struct
{
  gint64  subtotal_fen;
  gint64  tax_fen;
  gint64  total_fen;
  GArray *rates;            /* CdTaxShare, by rate ascending */
} CdQuoteTotals;

/**
 * cd_quote_totals_compute:
 * @lines: (element-type CdQuoteLine): lines whose amount_fen is computed
 *
 * THE TAX RULE of a document ("tax computed per document", DESIGN.md §5):
 * subtotal = Σ line amounts; the tax is computed PER RATE over the sum of the
 * amounts of the lines that carry that rate — tax(r) = cd_money_tax (Σ
 * amounts at r, r), rounded once per rate, never summed from per-line taxes —
 * and tax = Σ tax(r); total = subtotal + tax. Prices are before tax.
 *
 * Fills @out (free with cd_quote_totals_clear ()). Refuses, with
 * CD_MONEY_ERROR_OVERFLOW, a document whose total would pass
 * CD_MONEY_MAX_FEN.
 */
gboolean     cd_quote_totals_compute         (GPtrArray             *lines,
                                              CdQuoteTotals         *out,
                                              GError               **error);
void         cd_quote_totals_clear           (CdQuoteTotals         *totals);

/* ------------------------------------------------------------------ */
/* Quotes                                                             */

typedef struct _CdQuote
{
  gint64         id;
  char          *number;
  int            version;
  gint64         project_id;
  gint64         client_id;
  CdQuoteStatus  status;
  gint64         previous_id;     /* 0 for v1 */
  char          *version_reason;  /* why this version was made; NULL for v1 */
  char          *created_date;
  char          *sent_date;       /* nullable */
  char          *decided_date;    /* nullable: accepted or rejected on */
  char          *valid_until;     /* nullable */
  char          *payment_terms;   /* nullable */
  char          *notes;           /* nullable */
  gint64         subtotal_fen;
  gint64         tax_fen;
  gint64         total_fen;
  char          *locked_hash;     /* nullable: set on acceptance */
  /* Joined for display. */
  char          *client_name;
  char          *project_number;
  char          *project_name;
  GPtrArray     *lines;           /* CdQuoteLine, by position; empty in lists */
} CdQuote;

void         cd_quote_free                   (CdQuote               *quote);
/* The tax of each rate, recomputed from the lines (for display). */
gboolean     cd_quote_get_totals             (const CdQuote         *quote,
                                              CdQuoteTotals         *out,
                                              GError               **error);

CdQuote     *cd_store_quote_get              (CdStore               *self,
                                              gint64                 id,
                                              GError               **error);
/* @version 0 means the latest version of @number. */
CdQuote     *cd_store_quote_find             (CdStore               *self,
                                              const char            *number,
                                              int                    version,
                                              GError               **error);
/* Returns: (transfer full) (element-type CdQuote): every version of
 * @number, oldest first, without lines. */
GPtrArray   *cd_store_quote_versions         (CdStore               *self,
                                              const char            *number,
                                              GError               **error);
/* Returns: (transfer full) (element-type CdQuote): the latest version of
 * every quote of @project_id, without lines. */
GPtrArray   *cd_store_quote_list_for_project (CdStore               *self,
                                              gint64                 project_id,
                                              GError               **error);

/* A new quote (v1, draft, numbered "quote") for @project_id; a project still
 * at its brief moves to "quoting" in the same transaction.
 * Returns: the quote's id, or 0 with @error set. */
gint64       cd_store_quote_create           (CdStore               *self,
                                              gint64                 project_id,
                                              const char            *date,
                                              GError               **error);
/* Validity, payment terms, notes of a draft: NULL keeps a field as it
 * is, "" clears it. */
gboolean     cd_store_quote_set_details      (CdStore               *self,
                                              gint64                 quote_id,
                                              const char            *valid_until,
                                              const char            *payment_terms,
                                              const char            *notes,
                                              GError               **error);

/* What the editor saves: details (as cd_store_quote_set_details ()) and
 * all the lines (as cd_store_quote_set_lines ()), in one transaction: all
 * of it is saved or none. */
gboolean     cd_store_quote_save_draft       (CdStore               *self,
                                              gint64                 quote_id,
                                              const char            *valid_until,
                                              const char            *payment_terms,
                                              const char            *notes,
                                              GPtrArray             *lines,
                                              GError               **error);

/* Lines of a draft; each call recomputes amounts and totals. A sent
 * version is the one the client has: to change it, make a new version. */
gboolean     cd_store_quote_set_lines        (CdStore               *self,
                                              gint64                 quote_id,
                                              GPtrArray             *lines,
                                              GError               **error);
/* @position: 1-based place of the new line; 0 appends. Returns the id. */
gint64       cd_store_quote_add_line         (CdStore               *self,
                                              gint64                 quote_id,
                                              const CdQuoteLine     *line,
                                              int                    position,
                                              GError               **error);
/* Updates the line whose id is @line->id (its position is kept). */
gboolean     cd_store_quote_update_line      (CdStore               *self,
                                              const CdQuoteLine     *line,
                                              GError               **error);
/* Copies the line just below itself. Returns the copy's id. */
gint64       cd_store_quote_duplicate_line   (CdStore               *self,
                                              gint64                 line_id,
                                              GError               **error);
gboolean     cd_store_quote_move_line        (CdStore               *self,
                                              gint64                 line_id,
                                              int                    new_position,
                                              GError               **error);
gboolean     cd_store_quote_remove_line      (CdStore               *self,
                                              gint64                 line_id,
                                              GError               **error);

/* Copies version @quote_id to a new draft version numbered one past the
 * highest of its number; @reason is required. The versions still open
 * (draft, sent, rejected) become superseded. Refused once a version of the
 * number is accepted: after acceptance, changes are contract amendments.
 * Returns: the new version's id, or 0. */
gint64       cd_store_quote_new_version      (CdStore               *self,
                                              gint64                 quote_id,
                                              const char            *reason,
                                              GError               **error);
gboolean     cd_store_quote_send             (CdStore               *self,
                                              gint64                 quote_id,
                                              const char            *date,
                                              GError               **error);
/* sent → accepted: the other versions of the number become superseded,
 * decided_date is set and locked_hash holds cd_store_quote_compute_hash ()
 * of the accepted version; from then on the database refuses any change. */
gboolean     cd_store_quote_accept           (CdStore               *self,
                                              gint64                 quote_id,
                                              const char            *date,
                                              GError               **error);
gboolean     cd_store_quote_reject           (CdStore               *self,
                                              gint64                 quote_id,
                                              const char            *date,
                                              GError               **error);

/* SHA-256 (hex) of the canonical serialisation of @quote and its lines
 * (cd_quote_canonical_text ()); what acceptance stores in locked_hash. */
char        *cd_quote_canonical_text         (const CdQuote         *quote);
char        *cd_store_quote_compute_hash     (CdStore               *self,
                                              gint64                 quote_id,
                                              GError               **error);

/* ------------------------------------------------------------------ */
/* What changed between two versions                                  */

typedef enum
{
  CD_LINE_ADDED,
  CD_LINE_REMOVED,
  CD_LINE_CHANGED,
} CdLineChangeKind;

typedef enum
{
  CD_LINE_FIELD_QTY      = 1 << 0,
  CD_LINE_FIELD_PRICE    = 1 << 1,
  CD_LINE_FIELD_DISCOUNT = 1 << 2,
  CD_LINE_FIELD_UNIT     = 1 << 3,
  CD_LINE_FIELD_TAX_RATE = 1 << 4,
} CdLineFields;

typedef struct
{
  CdLineChangeKind  kind;
  CdLineFields      fields;       /* CHANGED: which figures changed */
  CdQuoteLine      *old_line;     /* NULL when ADDED */
  CdQuoteLine      *new_line;     /* NULL when REMOVED */
  gint64            amount_delta_fen;
} CdQuoteLineChange;

typedef struct
{
  int        from_version;
  int        to_version;
  gint64     from_total_fen;
  gint64     to_total_fen;
  gint64     total_delta_fen;
  GPtrArray *changes;             /* CdQuoteLineChange, in the new version's order, removals last */
} CdQuoteDiff;

void         cd_quote_diff_free              (CdQuoteDiff           *diff);
/* Lines are matched by item and specification (the n-th line named so in
 * one version with the n-th in the other); unchanged lines are left out. */
CdQuoteDiff *cd_quote_diff_compute           (const CdQuote         *from,
                                              const CdQuote         *to);
CdQuoteDiff *cd_store_quote_diff             (CdStore               *self,
                                              gint64                 from_id,
                                              gint64                 to_id,
                                              GError               **error);
/* One sentence per change, translated ("Added: 主视觉设计, ¥8,000.00"). */
GPtrArray   *cd_quote_diff_describe          (const CdQuoteDiff     *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdCatalogueItem, cd_catalogue_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdQuoteLine, cd_quote_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdQuote, cd_quote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdQuoteDiff, cd_quote_diff_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CdQuoteTotals, cd_quote_totals_clear)

G_END_DECLS
