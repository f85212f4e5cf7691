/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Month-end review: the visits of a month that the current staff member
 * still has to review (their team's, or everyone's when nobody reports to
 * them), each opening its client's file on the Visits tab, where the
 * review is written. */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

#define CD_TYPE_CLIENT_REVIEW_WINDOW (cd_client_review_window_get_type ())
G_DECLARE_FINAL_TYPE (CdClientReviewWindow, cd_client_review_window, CD, CLIENT_REVIEW_WINDOW,
                      AdwWindow)

/* @month: YYYY-MM, or NULL for the current month */
CdClientReviewWindow *cd_client_review_window_present (GtkWidget  *parent,
                                                       CdContext  *context,
                                                       const char *month);
gboolean              cd_client_review_window_get_loading (CdClientReviewWindow *self);
guint                 cd_client_review_window_get_n_visits (CdClientReviewWindow *self);

G_END_DECLS
