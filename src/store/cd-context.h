/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one object handed to windows, views and commands: the open database,
 * the holiday calendar in force and who is using the app. No globals. */
#pragma once

#include <gio/gio.h>

#include "core/cd-holidays.h"
#include "store/cd-store.h"

G_BEGIN_DECLS

#define CD_TYPE_CONTEXT (cd_context_get_type ())
G_DECLARE_FINAL_TYPE (CdContext, cd_context, CD, CONTEXT, GObject)

CdContext         *cd_context_new                 (CdStore     *store);
CdStore           *cd_context_get_store           (CdContext   *self);
CdHolidayCalendar *cd_context_get_calendar        (CdContext   *self);
gboolean           cd_context_reload_calendar     (CdContext   *self,
                                                   GError     **error);
gboolean           cd_context_import_calendar     (CdContext   *self,
                                                   const char  *ics_data,
                                                   gssize       length,
                                                   GError     **error);
gint64             cd_context_get_current_staff   (CdContext   *self);
void               cd_context_set_current_staff   (CdContext   *self,
                                                   gint64       staff_id);

G_END_DECLS
