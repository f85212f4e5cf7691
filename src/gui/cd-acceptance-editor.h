/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The acceptance checklist editor (交货验收 / 出品检查表): each item judged
 * pass, fail or conditional with a note, the goods counted against the
 * order, photos added from files, notes; Sign (after a confirmation, and
 * only once every item is judged) locks it, and a signed acceptance is
 * shown read-only. A failed one offers its rework order. Every change is
 * saved as it is made. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_ACCEPTANCE_EDITOR (cd_acceptance_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdAcceptanceEditor, cd_acceptance_editor, CD, ACCEPTANCE_EDITOR, AdwWindow)

CdAcceptanceEditor *cd_acceptance_editor_new     (CdContext          *context,
                                                  gint64              acceptance_id);
/* Opens the editor for @acceptance_id over the window of @widget (the
 * Acceptances list of Suppliers & deliveries, on row activation). */
CdAcceptanceEditor *cd_acceptance_editor_present (GtkWidget          *widget,
                                                  CdContext          *context,
                                                  gint64              acceptance_id);
gint64              cd_acceptance_editor_get_acceptance_id (CdAcceptanceEditor *self);

G_END_DECLS
