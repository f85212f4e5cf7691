/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contract editor: subject, term and clauses of a draft, its
 * installments (which must add up to the amount before signing), signing
 * and the later moves, amendments, and the payments received against the
 * installments. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_CONTRACT_EDITOR (cd_contract_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdContractEditor, cd_contract_editor, CD, CONTRACT_EDITOR, AdwWindow)

CdContractEditor *cd_contract_editor_new             (CdContext        *context,
                                                      gint64            contract_id);
/* Opens the editor for @contract_id over the window of @widget. */
CdContractEditor *cd_contract_editor_present         (GtkWidget        *widget,
                                                      CdContext        *context,
                                                      gint64            contract_id);
gint64            cd_contract_editor_get_contract_id (CdContractEditor *self);

G_END_DECLS
