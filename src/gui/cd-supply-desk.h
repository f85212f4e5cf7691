/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Production" page of Suppliers & deliveries: find a project, then ask
 * its suppliers for quotes (and order from the chosen one) or hand its
 * delivered goods to the client on a pickup slip; and add a supplier. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_SUPPLY_DESK (cd_supply_desk_get_type ())
G_DECLARE_FINAL_TYPE (CdSupplyDesk, cd_supply_desk, CD, SUPPLY_DESK, AdwBin)

CdSupplyDesk *cd_supply_desk_new        (CdContext    *context);
/* Finds projects by number, name or client, as the search field does. */
void          cd_supply_desk_set_search (CdSupplyDesk *self,
                                         const char   *text);
/* TRUE while projects are being read. */
gboolean      cd_supply_desk_get_loading (CdSupplyDesk *self);

G_END_DECLS
