/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One line of the quote editor's table as the user types it: the text of
 * each cell, the figures last parsed from it (core's parsers, so the
 * editor's sums are the store's to the fen) and the reason a cell is
 * refused. */
#pragma once

#include <glib-object.h>

#include "store/cd-store-quotes.h"

G_BEGIN_DECLS

typedef enum
{
  CD_LINE_CELL_ITEM,
  CD_LINE_CELL_SPEC,
  CD_LINE_CELL_QTY,
  CD_LINE_CELL_UNIT,
  CD_LINE_CELL_PRICE,
  CD_LINE_CELL_DISCOUNT,
  CD_LINE_CELL_TAX,
  CD_LINE_N_CELLS
} CdLineCell;

#define CD_TYPE_QUOTE_LINE_ITEM (cd_quote_line_item_get_type ())
G_DECLARE_FINAL_TYPE (CdQuoteLineItem, cd_quote_line_item, CD, QUOTE_LINE_ITEM, GObject)

/* @line: (nullable): a saved line, or NULL for a new one (quantity 1, 6 %) */
CdQuoteLineItem   *cd_quote_line_item_new        (const CdQuoteLine *line);
CdQuoteLineItem   *cd_quote_line_item_copy       (CdQuoteLineItem   *self);
const char        *cd_quote_line_item_get_text   (CdQuoteLineItem   *self,
                                                  CdLineCell         cell);
/* Parses @text into the line; a refused text keeps the last good figure and
 * sets the cell's error. Notifies "amount-text" and "error". */
gboolean           cd_quote_line_item_set_text   (CdQuoteLineItem   *self,
                                                  CdLineCell         cell,
                                                  const char        *text);
/* (nullable): why the cell's text is refused */
const char        *cd_quote_line_item_get_cell_error (CdQuoteLineItem *self,
                                                  CdLineCell         cell);
/* (nullable): the first refused cell's reason, "Quantity: …" */
const char        *cd_quote_line_item_get_error  (CdQuoteLineItem   *self);
const char        *cd_quote_line_item_get_amount_text (CdQuoteLineItem *self);
/* The line with the last good figures and its amount. */
const CdQuoteLine *cd_quote_line_item_get_line   (CdQuoteLineItem   *self);
const char        *cd_line_cell_title            (CdLineCell         cell);

G_END_DECLS
