/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money is int64 fen (分), quantities are int64 thousandths. Every rounding
 * rule of the application lives in cd-money.c and nowhere else. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_MONEY_ERROR (cd_money_error_quark ())

/**
 * CdMoneyError:
 * @CD_MONEY_ERROR_EMPTY: nothing was typed
 * @CD_MONEY_ERROR_INVALID: not a number ("abc", "1.234.5", stray characters)
 * @CD_MONEY_ERROR_PRECISION: more decimals than allowed (3 for money, 4 for quantities)
 * @CD_MONEY_ERROR_OVERFLOW: too large to be stored
 * @CD_MONEY_ERROR_NEGATIVE: a negative value where none is allowed
 */
typedef enum
{
  CD_MONEY_ERROR_EMPTY,
  CD_MONEY_ERROR_INVALID,
  CD_MONEY_ERROR_PRECISION,
  CD_MONEY_ERROR_OVERFLOW,
  CD_MONEY_ERROR_NEGATIVE,
} CdMoneyError;

typedef enum
{
  CD_MONEY_PARSE_DEFAULT = 0,
  CD_MONEY_PARSE_ALLOW_NEGATIVE = 1 << 0,
} CdMoneyParseFlags;

/* Largest amount accepted anywhere: 999,999,999,999.99 yuan (fits the
 * capitals table up to 千亿 and stays far from int64 overflow in sums). */
#define CD_MONEY_MAX_FEN G_GINT64_CONSTANT (99999999999999)

/* Largest quantity accepted: 999,999,999.999 (in thousandths). */
#define CD_QUANTITY_MAX_MILLI G_GINT64_CONSTANT (999999999999)

GQuark   cd_money_error_quark     (void);

gboolean cd_money_parse           (const char        *text,
                                   CdMoneyParseFlags  flags,
                                   gint64            *out_fen,
                                   GError           **error);
char    *cd_money_format          (gint64             fen);
char    *cd_money_format_plain    (gint64             fen);
char    *cd_money_to_words        (gint64             fen);

gboolean cd_quantity_parse        (const char        *text,
                                   gint64            *out_milli,
                                   GError           **error);
char    *cd_quantity_format       (gint64             milli);

gint64   cd_money_line_amount     (gint64             qty_milli,
                                   gint64             unit_price_fen,
                                   int                discount_bp);
gint64   cd_money_tax             (gint64             amount_fen,
                                   int                rate_bp);
gint64   cd_money_share           (gint64             total_fen,
                                   int                percent_bp);

/* Additions to the fixed API above. */

/* Like cd_money_parse() / cd_quantity_parse(), for text that is not
 * NUL-terminated or may hold a NUL (pasted data): @length bytes, or -1. A NUL
 * inside @length is refused as CD_MONEY_ERROR_INVALID. */
gboolean cd_money_parse_len       (const char        *text,
                                   gssize             length,
                                   CdMoneyParseFlags  flags,
                                   gint64            *out_fen,
                                   GError           **error);
gboolean cd_quantity_parse_len    (const char        *text,
                                   gssize             length,
                                   gint64            *out_milli,
                                   GError           **error);

/* cd_money_line_amount() that refuses, with CD_MONEY_ERROR_OVERFLOW, a result
 * beyond ±CD_MONEY_MAX_FEN instead of clamping it. */
gboolean cd_money_line_amount_checked (gint64       qty_milli,
                                       gint64       unit_price_fen,
                                       int          discount_bp,
                                       gint64      *out_fen,
                                       GError     **error);

/* Splits @total_fen into @n_shares installments of @percent_bp each (which
 * must add up to 10000): every share is cd_money_share() except the last,
 * which takes what is left, so the shares always add up to the total. */
void     cd_money_split           (gint64             total_fen,
                                   const int         *percent_bp,
                                   gsize              n_shares,
                                   gint64            *out_shares);

G_END_DECLS
