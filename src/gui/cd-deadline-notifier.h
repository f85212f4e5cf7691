/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Desktop notifications for the month-end papers due today (issue 9) and
 * the client meetings within two working days whose notice is not sent
 * (issue 12):
 * checked when the window opens and every quarter of an hour while the app
 * runs, at most once per paper (and once for the meetings) per day (the last day notified is kept in
 * the database), never when the notifications-enabled setting is off. */
#pragma once

#include <gio/gio.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_DEADLINE_NOTIFIER (cd_deadline_notifier_get_type ())
G_DECLARE_FINAL_TYPE (CdDeadlineNotifier, cd_deadline_notifier, CD, DEADLINE_NOTIFIER, GObject)

/* Today by the clock, or $CLIENTDESK_TODAY (YYYY-MM-DD) when it is set: the
 * injectable clock of tests and demonstrations. */
void                cd_clock_today               (GDate              *out);

/* Starts checking on @application (nullable: nothing is sent). */
CdDeadlineNotifier *cd_deadline_notifier_new     (CdContext          *context,
                                                  GApplication       *application);
/* Sends what is due on @today (NULL: the clock's); returns how many
 * notifications were sent. */
guint               cd_deadline_notifier_check   (CdDeadlineNotifier *self,
                                                  const GDate        *today);

G_END_DECLS
