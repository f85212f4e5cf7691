/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_WORK_SHEET_DIALOG (cd_work_sheet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdWorkSheetDialog, cd_work_sheet_dialog, CD, WORK_SHEET_DIALOG, AdwWindow)

CdWorkSheetDialog *cd_work_sheet_dialog_new (CdContext *context,
                                             GtkWindow *parent);

G_END_DECLS
