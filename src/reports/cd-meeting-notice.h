/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting notice sent to the client (会议通知, issue 12): a greeting to
 * the client's contacts, what the meeting is, when (written the way the
 * UI's language writes dates), where, the agenda, who attends, whom to
 * call, and the agency's name. As plain text, ready to paste into a
 * message or an e-mail, and as a PDF on the agency's letterhead. No GTK. */
#pragma once

#include <gio/gio.h>

#include "reports/cd-pdf.h"

G_BEGIN_DECLS

/**
 * cd_meeting_notice_text:
 * @meeting: a{sv} as cd_store_meeting_get () returns it
 * @attendees: (nullable): aa{sv} as cd_store_meeting_attendees ()
 * @letterhead: (nullable): the agency
 * @today: (nullable): the notice's date; %NULL: today
 *
 * Returns: (transfer full): the notice, lines ending in "\n"
 */
char     *cd_meeting_notice_text               (GVariant            *meeting,
                                                GVariant            *attendees,
                                                const CdLetterhead  *letterhead,
                                                const GDate         *today);

/* The same content drawn as a PDF at @path (written atomically). */
gboolean  cd_meeting_notice_write_pdf          (GVariant            *meeting,
                                                GVariant            *attendees,
                                                const CdLetterhead  *letterhead,
                                                const GDate         *today,
                                                const char          *path,
                                                GError             **error);

/* The notice of meeting @meeting_id, read from @store with its attendees
 * and the letterhead from the settings. */
char     *cd_meeting_notice_text_for           (CdStore             *store,
                                                gint64               meeting_id,
                                                GError             **error);
gboolean  cd_meeting_notice_render_pdf         (CdStore             *store,
                                                gint64               meeting_id,
                                                const char          *path,
                                                GError             **error);
/* The same on a worker thread (the meeting window's "Save as PDF…"). */
void      cd_meeting_notice_render_pdf_async   (CdStore             *store,
                                                gint64               meeting_id,
                                                const char          *path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  cd_meeting_notice_render_pdf_finish  (GAsyncResult        *result,
                                                GError             **error);

/* "2026年11月26日 星期四 09:30–11:00" in Chinese, "Thursday, 26 November
 * 2026, 09:30–11:00" in English: the meeting's day and hours, from
 * "YYYY-MM-DDTHH:MM" values. %NULL when @starts_at is not one. */
char     *cd_meeting_notice_format_when        (const char          *starts_at,
                                                const char          *ends_at);

/* The translated name of a meeting kind ("client", "proposal", …). */
const char *cd_meeting_kind_label              (const char          *kind);

G_END_DECLS
