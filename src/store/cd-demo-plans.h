/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo agency's visit plans and meetings (issue 12), generated after
 * the rest of the agency inside the demo's transaction. For cd-demo.c. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

/* @today_julian: the demo's today as a GDate julian day. Every account
 * manager and executive gets last month's plan (reviewed) and this month's
 * (submitted), their entries matched to the visits logged; a few projects
 * get meetings with attendees, minutes, action items (one a work order)
 * and notices; today gets its daily work meeting. Same seed and today,
 * same rows. */
gboolean cd_demo_plans_generate (CdStore  *store,
                                 int       today_julian,
                                 guint32   seed,
                                 GError  **error);

G_END_DECLS
