/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paged, sorted, filtered reads of a long list (clients, work orders) for
 * models that fetch rows on demand.
 *
 * A query runs once into the ordered list of matching ids (8 bytes a row:
 * 8 MB for a million work orders); pages of rows are then read by id, so the
 * last page costs what the first does (OFFSET would walk every row before
 * it). Sort keys and filter names are chosen from fixed tables: no SQL is
 * ever built from what the user typed. */
#pragma once

#include <gio/gio.h>

#include "store/cd-store.h"

G_BEGIN_DECLS

/**
 * CdPageQuery:
 * @kind: %CD_KIND_CLIENTS or %CD_KIND_WORK_ORDERS
 * @search: (nullable): substring to find (Chinese included)
 * @filters: (nullable): a{sv} of filter name → value. Clients: "tier",
 *   "status", "industry", "region" (s), "owner" (x staff id),
 *   "visit-overdue", "open-complaints" (b). Work orders: "status",
 *   "department", "due-from", "due-to" (s, YYYY-MM-DD), "assignee" (x),
 *   "overdue" (b). Projects: "status" (s), "client" (x), "client-name"
 *   (s, a part of the client's name), "am", "ae" (x), "due-this-week",
 *   "overdue" (b).
 * @sort_key: (nullable): one of cd_store_page_sort_keys(); NULL sorts by id
 * @descending: reverse the order
 */
typedef struct
{
  CdKind    kind;
  char     *search;
  GVariant *filters;
  char     *sort_key;
  gboolean  descending;
} CdPageQuery;

CdPageQuery        *cd_page_query_new         (CdKind             kind,
                                               const char        *search,
                                               GVariant          *filters,
                                               const char        *sort_key,
                                               gboolean           descending);
CdPageQuery        *cd_page_query_copy        (const CdPageQuery *query);
void                cd_page_query_free        (CdPageQuery       *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdPageQuery, cd_page_query_free)

const char *const  *cd_store_page_sort_keys   (CdKind             kind);
gboolean            cd_store_page_has_sort_key (CdKind            kind,
                                               const char        *key);

gint64              cd_store_page_count       (CdStore           *self,
                                               const CdPageQuery *query,
                                               GError           **error);
GArray             *cd_store_page_ids         (CdStore           *self,
                                               const CdPageQuery *query,
                                               GCancellable      *cancellable,
                                               GError           **error);
GVariant           *cd_store_page_rows        (CdStore           *self,
                                               CdKind             kind,
                                               const gint64      *ids,
                                               guint              n_ids,
                                               GError           **error);
gboolean            cd_store_page_can_filter_ids (CdKind          kind);
GArray             *cd_store_page_filter_ids  (CdStore           *self,
                                               CdKind             kind,
                                               const char        *search,
                                               const GArray      *ordered,
                                               GCancellable      *cancellable,
                                               GError           **error);
GVariant           *cd_store_page_choices     (CdStore           *self,
                                               CdKind             kind,
                                               const char        *filter,
                                               GError           **error);

void                cd_store_page_ids_async   (CdStore           *self,
                                               const CdPageQuery *query,
                                               GCancellable      *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer           user_data);
GArray             *cd_store_page_ids_finish  (CdStore           *self,
                                               GAsyncResult      *result,
                                               GError           **error);

G_END_DECLS
