/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contract template (合同模板): the clauses every new contract starts
 * from, with the fields filled in from its quote; each contract's clauses
 * stay editable until it is signed. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_CONTRACT_TEMPLATE_WINDOW (cd_contract_template_window_get_type ())
G_DECLARE_FINAL_TYPE (CdContractTemplateWindow, cd_contract_template_window, CD, CONTRACT_TEMPLATE_WINDOW,
                      AdwWindow)

CdContractTemplateWindow *cd_contract_template_window_new     (CdContext *context);
/* Opens the template over the window of @widget. */
CdContractTemplateWindow *cd_contract_template_window_present (GtkWidget *widget,
                                                               CdContext *context);

G_END_DECLS
