/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "About" sheet of the month-end workbooks: period, when, by whom, from
 * which database, the figures and the rules that chose the rows, so that a
 * workbook found a year later explains itself. */
#pragma once

#include "reports/cd-xlsx.h"
#include "store/cd-store-month-end.h"

G_BEGIN_DECLS

typedef struct
{
  const char        *title;     /* translated */
  const char *const *figures;   /* label, value, label, value…, NULL */
  const char *const *rules;     /* sentences, NULL-terminated */
} CdReportAbout;

gboolean cd_report_write_about (CdXlsxSheet         *sheet,
                                CdStore             *store,
                                CdMonthReader       *reader,
                                const CdReportAbout *about,
                                GError             **error);

G_END_DECLS
