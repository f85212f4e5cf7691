/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Checklists" page of Preferences: the acceptance checklist of each
 * kind of deliverable (print, large-format print, LED, gifts, fabrication,
 * other) and the output checklist (出品检查表), shipped with defaults and
 * edited here one item per line. Inspections started afterwards use the
 * edited items; earlier ones keep theirs. */
#pragma once

#include <adwaita.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLY_CHECKLISTS (cd_supply_checklists_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplyChecklists, cd_supply_checklists, CD, SUPPLY_CHECKLISTS, AdwPreferencesPage)

CdSupplyChecklists *cd_supply_checklists_new (CdStore *store);

G_END_DECLS
