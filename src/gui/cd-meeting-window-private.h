/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-meeting-window.c (the meeting and its attendees) and
 * cd-meeting-minutes.c (minutes, action items, the client notice). */
#pragma once

#include "gui/cd-calendar-forms.h"
#include "gui/cd-meeting-window.h"

G_BEGIN_DECLS

struct _CdMeetingWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           meeting_id;
  gint64           client_id;        /* the client the contact list was read for */
  GArray          *project_ids;
  GArray          *contact_ids;
  GArray          *staff_ids;
  GArray          *owner_ids;
  GArray          *action_project_ids;

  AdwToastOverlay *toasts;
  AdwViewStack    *stack;
  AdwWindowTitle  *window_title;
  GtkEditable     *title;
  GtkDropDown     *kind;
  CdCalendarClientPicker *client;
  GtkDropDown     *project;
  GtkEditable     *date;
  GtkEditable     *start_time;
  GtkEditable     *end_time;
  GtkEditable     *place;
  GtkTextBuffer   *agenda;
  GtkWidget       *attendees_group;
  GtkWidget       *save_first;
  GtkWidget       *attendees;
  GtkDropDown     *contact_choice;
  GtkDropDown     *staff_choice;

  GtkTextBuffer   *notes;
  GtkTextBuffer   *decisions;
  GtkWidget       *actions_group;
  GtkWidget       *actions;
  GtkEditable     *action_text;
  GtkDropDown     *action_owner;
  GtkEditable     *action_due;
  GtkDropDown     *department;
  GtkDropDown     *action_project;

  GtkWidget       *notice_group;
  GtkLabel        *notice_state;
  GtkTextBuffer   *notice_text;
  GtkWidget       *notice_view;
};

void         cd_meeting_window_toast          (CdMeetingWindow *self,
                                               const char      *text);
GtkTextBuffer *cd_meeting_text_area           (GtkWidget       *box,
                                               const char      *title);
char        *cd_meeting_buffer_text           (GtkTextBuffer   *buffer);
void         cd_meeting_build_minutes         (CdMeetingWindow *self);
void         cd_meeting_build_notice          (CdMeetingWindow *self);
void         cd_meeting_load_minutes          (CdMeetingWindow *self,
                                               GVariant        *meeting);
void         cd_meeting_load_actions          (CdMeetingWindow *self);
void         cd_meeting_fill_action_projects  (CdMeetingWindow *self);
void         cd_meeting_load_notice           (CdMeetingWindow *self,
                                               GVariant        *meeting);

G_END_DECLS
