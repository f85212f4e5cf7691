/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fuzz targets' entry points. Built with -DCD_FUZZ_MAIN each file also
 * defines LLVMFuzzerTestOneInput for libFuzzer (tools/fuzz.sh); without it
 * the entry points are called by tests/reliability/test-fuzz-corpus.c,
 * which replays every committed input in a normal build, so that a crasher
 * found once stays a regression test without clang. */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* cd_money_parse_len () and cd_quantity_parse_len () with every flag; what
 * is accepted must format, read back the same and say itself in words. */
int  cd_fuzz_money      (const uint8_t *data,
                         size_t         size);

/* cd_holiday_calendar_load_ics (); a calendar that loads must answer for
 * every day and deadline of the years it knows. */
int  cd_fuzz_ics        (const uint8_t *data,
                         size_t         size);

/* cd_csv_parse () and a dry-run import of clients and of suppliers into a
 * temporary database (opened once). */
int  cd_fuzz_csv_import (const uint8_t *data,
                         size_t         size);

/* Removes the temporary database; for the replay test. */
void cd_fuzz_cleanup    (void);

/* Stops the run the way libFuzzer notices: abort (). */
#define CD_FUZZ_CHECK(cond) \
  do { if (!(cond)) { g_printerr ("fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
                      abort (); } } while (0)
