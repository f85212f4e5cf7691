/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small building blocks shared by the Calendar page, the visit plan and
 * the meeting window: boxed lists of named fields, drop-downs of staff, and
 * a client chooser that searches as one types (the directory can hold a
 * hundred thousand clients, so there is no list of them all). */
#pragma once

#include <adwaita.h>

#include "store/cd-context.h"

G_BEGIN_DECLS

GtkWidget   *cd_form_boxed_list      (void);
GtkEditable *cd_form_entry_row       (GtkWidget    *list,
                                      const char   *title);
GtkDropDown *cd_form_dropdown_row    (GtkWidget    *list,
                                      const char   *title,
                                      const char * const *items);
GtkWidget   *cd_form_button          (const char   *label,
                                      const char   *accessible_name);
GtkWidget   *cd_form_page            (AdwViewStack *stack,
                                      const char   *name,
                                      const char   *title,
                                      const char   *icon_name);
void         cd_form_clear           (GtkWidget    *container);
const char  *cd_form_text            (GVariant     *row,
                                      const char   *key);
gint64       cd_form_int             (GVariant     *row,
                                      const char   *key);
/* Fills @dropdown with "— nobody —" (when @with_none) and the active staff;
 * returns the ids (0 for none), one per item. */
GArray      *cd_form_fill_staff      (GtkDropDown  *dropdown,
                                      CdContext    *context,
                                      const char   *none_label,
                                      gint64        selected_id);
gint64       cd_form_selected_id     (GtkDropDown  *dropdown,
                                      GArray       *ids);
void         cd_form_select_id       (GtkDropDown  *dropdown,
                                      GArray       *ids,
                                      gint64        id);

#define CD_TYPE_CALENDAR_CLIENT_PICKER (cd_calendar_client_picker_get_type ())
G_DECLARE_FINAL_TYPE (CdCalendarClientPicker, cd_calendar_client_picker, CD, CALENDAR_CLIENT_PICKER, GtkBox)

CdCalendarClientPicker *cd_calendar_client_picker_new      (CdContext              *context,
                                                            const char             *title);
gint64                  cd_calendar_client_picker_get_id   (CdCalendarClientPicker *self);
const char             *cd_calendar_client_picker_get_name (CdCalendarClientPicker *self);
void                    cd_calendar_client_picker_set      (CdCalendarClientPicker *self,
                                                            gint64                  client_id,
                                                            const char             *name);
void                    cd_calendar_client_picker_search_now (CdCalendarClientPicker *self);

G_END_DECLS
