/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of a list: the a{sv} dictionary the store returned, as a GObject
 * so that it can live in a GListStore. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CD_TYPE_ROW (cd_row_get_type ())
G_DECLARE_FINAL_TYPE (CdRow, cd_row, CD, ROW, GObject)

CdRow      *cd_row_new        (GVariant   *dict);
GVariant   *cd_row_get_dict   (CdRow      *self);
void        cd_row_set_dict   (CdRow      *self,
                               GVariant   *dict);
gint64      cd_row_get_id     (CdRow      *self);
char       *cd_row_dup_string (CdRow      *self,
                               const char *key);
gboolean    cd_row_get_int64  (CdRow      *self,
                               const char *key,
                               gint64     *out_value);

typedef void (*CdRowWatchFunc) (CdRow *row, gpointer data);
void        cd_row_watch      (CdRow          *self,
                               CdRowWatchFunc  func,
                               gpointer        data);
void        cd_row_unwatch    (CdRow          *self,
                               CdRowWatchFunc  func,
                               gpointer        data);

void        cd_row_lookup_values (CdRow             *self,
                                  const char *const *keys,
                                  guint              n_keys,
                                  GVariant         **values);
char       *cd_row_value_dup_string (GVariant     *value);
gboolean    cd_row_value_get_int64  (GVariant     *value,
                                     gint64       *out_value);

G_END_DECLS
