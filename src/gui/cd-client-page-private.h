/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the client file's files: cd-client-page.c (company, contacts,
 * visits, feedback), cd-client-page-records.c (projects, quotes,
 * contracts, receivables) and cd-client-page-review.c (month-end visit
 * review, hand-overs). */
#pragma once

#include "gui/cd-client-page.h"

G_BEGIN_DECLS

struct _CdClientPage
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           client_id;
  AdwViewStack    *stack;
  GtkWidget       *switcher;
  GtkWidget       *header;
  AdwToastOverlay *toasts;
  GHashTable      *entries;     /* field key → GtkEditable */
  GtkLabel        *code_error;
  GtkLabel        *contact_error;
  GtkLabel        *visit_error;
  GtkLabel        *visit_cycle;
  GtkEditable     *visit_handling;
  GtkDropDown     *visit_contact;
  GArray          *contact_ids; /* gint64, one per visit_contact entry; [0] = 0 */
  GtkWidget       *save_button;
  char            *undo_key;    /* the last edited field and its old text */
  char            *undo_text;
  char            *editing_key;
  char            *editing_text;
  GtkListBox      *contacts;
  GtkListBox      *visits;
  GtkListBox      *feedback;
  GtkListBox      *history;
  GtkLabel        *status_label;
  GtkEditable     *contact_name, *contact_phone, *contact_title, *contact_email, *contact_wechat;
  GtkCheckButton  *contact_decision, *contact_primary, *contact_emergency;
  GtkEditable     *visit_date, *visit_topic, *visit_opinions, *visit_needs, *visit_next;
  GtkDropDown     *visit_mode;
  GtkCheckButton  *visit_special;
  GtkEditable     *feedback_summary;
  GtkDropDown     *feedback_kind;
  GtkEditable     *lost_reason;

  /* cd-client-page-records.c */
  GtkListBox      *projects;
  GtkListBox      *quotes;
  GtkListBox      *contracts;
  GtkListBox      *receivables;
  GtkLabel        *receivables_total;

  /* cd-client-page-review.c */
  GtkLabel        *owners;
  GtkDropDown     *hand_over_role;
  GtkDropDown     *hand_over_staff;
  GtkEditable     *hand_over_reason;
  GtkLabel        *hand_over_error;
  GArray          *staff_ids;   /* gint64, one per hand_over_staff entry */
};

void        cd_client_page_toast        (CdClientPage *self,
                                         const char   *text);
GtkWidget  *cd_client_page_boxed_list   (void);
GtkEditable *cd_client_page_entry_row   (GtkWidget    *list,
                                         const char   *title);
GtkWidget  *cd_client_page_add_tab      (CdClientPage *self,
                                         const char   *name,
                                         const char   *title,
                                         const char   *icon);
GtkWidget  *cd_client_page_add_text_row (GtkListBox   *list,
                                         const char   *title,
                                         const char   *subtitle);
void        cd_client_page_clear_list   (GtkListBox   *list);
const char *cd_client_page_text_of      (GVariant     *row,
                                         const char   *key);
void        cd_client_page_load_lists   (CdClientPage *self);

void        cd_client_page_build_records (CdClientPage *self);
void        cd_client_page_load_records  (CdClientPage *self);

void        cd_client_page_build_hand_over (CdClientPage *self,
                                            GtkWidget    *box);
void        cd_client_page_load_owners     (CdClientPage *self);
GtkWidget  *cd_client_page_review_button   (CdClientPage *self,
                                            GVariant     *visit);
GtkWidget  *cd_client_page_delete_button   (void);
GtkWidget  *cd_client_page_close_feedback_button (GVariant *feedback);
void        cd_client_page_install_review_actions (GtkWidgetClass *widget_class);

G_END_DECLS
