/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One meeting in its own window (issue 12): what, when, where, with whom
 * and the agenda; the minutes with their action items, which can become
 * work orders; the notice to the client as text, as a PDF, and its sent
 * date. Emits ::saved (meeting id) whenever the meeting was written. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_MEETING_WINDOW (cd_meeting_window_get_type ())
G_DECLARE_FINAL_TYPE (CdMeetingWindow, cd_meeting_window, CD, MEETING_WINDOW, AdwWindow)

CdMeetingWindow *cd_meeting_window_new         (GtkWidget       *parent,
                                                CdContext       *context,
                                                gint64           meeting_id);
/* @meeting_id: 0 for a new meeting */
void             cd_meeting_window_present     (GtkWidget       *parent,
                                                CdContext       *context,
                                                gint64           meeting_id);
gint64           cd_meeting_window_get_meeting (CdMeetingWindow *self);
gboolean         cd_meeting_window_save        (CdMeetingWindow *self,
                                                GError         **error);

G_END_DECLS
