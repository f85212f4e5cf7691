/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One client's file in its own window: company data checked field by
 * field, lifecycle, owners and their hand-over history, contacts, visit
 * logs and feedback. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_CLIENT_PAGE (cd_client_page_get_type ())
G_DECLARE_FINAL_TYPE (CdClientPage, cd_client_page, CD, CLIENT_PAGE, AdwWindow)

/* @tab: NULL, or "company", "contacts", "projects", "receivables", "visits",
 * "feedback" */
CdClientPage *cd_client_page_present (GtkWidget  *parent,
                                      CdContext  *context,
                                      gint64      client_id,
                                      const char *tab);

G_END_DECLS
