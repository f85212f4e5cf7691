/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the money and quantity parsers (src/core/cd-money.c). */
#define G_LOG_DOMAIN "cd-fuzz"

#include <stdlib.h>
#include <glib.h>

#include "fuzz-targets.h"
#include "core/cd-money.h"

static void
check_money (const char *text, size_t size, CdMoneyParseFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *words = NULL;
  gint64 fen = 0, again = 0;

  if (!cd_money_parse_len (text, (gssize) size, flags, &fen, &error))
    {
      CD_FUZZ_CHECK (error != NULL && error->message != NULL && g_utf8_validate (error->message, -1, NULL));
      return;
    }
  CD_FUZZ_CHECK (fen <= CD_MONEY_MAX_FEN && fen >= -CD_MONEY_MAX_FEN);
  CD_FUZZ_CHECK (fen >= 0 || (flags & CD_MONEY_PARSE_ALLOW_NEGATIVE));
  plain = cd_money_format_plain (fen);
  formatted = cd_money_format (fen);
  CD_FUZZ_CHECK (cd_money_parse (plain, CD_MONEY_PARSE_ALLOW_NEGATIVE, &again, NULL) && again == fen);
  CD_FUZZ_CHECK (g_utf8_validate (formatted, -1, NULL));
  if (fen >= 0)
    {
      words = cd_money_to_words (fen);
      CD_FUZZ_CHECK (words != NULL && g_utf8_validate (words, -1, NULL));
    }
}

int
cd_fuzz_money (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  g_autoptr (GError) error = NULL;
  gint64 milli = 0, amount = 0;

  check_money (text, size, CD_MONEY_PARSE_DEFAULT);
  check_money (text, size, CD_MONEY_PARSE_ALLOW_NEGATIVE);

  if (cd_quantity_parse_len (text, (gssize) size, &milli, &error))
    {
      g_autofree char *shown = cd_quantity_format (milli);

      CD_FUZZ_CHECK (milli >= 0 && milli <= CD_QUANTITY_MAX_MILLI);
      CD_FUZZ_CHECK (g_utf8_validate (shown, -1, NULL));
      /* The line amount never overflows silently. */
      if (!cd_money_line_amount_checked (milli, CD_MONEY_MAX_FEN, 0, &amount, NULL))
        amount = 0;
      CD_FUZZ_CHECK (amount >= 0 && amount <= CD_MONEY_MAX_FEN);
    }
  else
    CD_FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
  return 0;
}

#ifdef CD_FUZZ_MAIN
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return cd_fuzz_money (data, size);
}
#endif
