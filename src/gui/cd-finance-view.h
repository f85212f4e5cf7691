/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Month end for finance: choose a month (last month by default), see its
 * totals, export the supplier sheet (cashier) and the work-order summary
 * (HR) with a progress bar and a cancel button, open the folder after. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_FINANCE_VIEW (cd_finance_view_get_type ())
G_DECLARE_FINAL_TYPE (CdFinanceView, cd_finance_view, CD, FINANCE_VIEW, AdwBin)

CdFinanceView *cd_finance_view_new        (CdContext     *context);
/* "YYYY-MM": the month chosen. (transfer none) */
const char    *cd_finance_view_get_month  (CdFinanceView *self);
/* Chooses @month ("YYYY-MM"), adding it to the list when it is older than
 * the three years offered; its totals load off the UI thread. Returns FALSE
 * for text that is not a month. */
gboolean       cd_finance_view_set_month  (CdFinanceView *self,
                                           const char    *month);
/* Loads the totals again (after the data changed). */
void           cd_finance_view_refresh    (CdFinanceView *self);
/* For tests: whether totals are being loaded / an export runs. */
gboolean       cd_finance_view_is_busy    (CdFinanceView *self);

G_END_DECLS
