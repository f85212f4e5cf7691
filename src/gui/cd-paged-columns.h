/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Columns of a GtkColumnView over a CdPagedModel (clients, projects, work
 * orders): one CdTextCell per column, bound from a key of the row; a row
 * whose "overdue" is set gets the "overdue" style class and bold text on
 * every cell. Cells watch their row (cd_row_watch), so they suit a
 * CdPagedModel with fill-in-place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CD_CELL_TEXT,
  CD_CELL_STATE,      /* a state name shown as its label (@entity) */
  CD_CELL_DEPARTMENT, /* a work order department */
  CD_CELL_PRIORITY,
  CD_CELL_HOURS,      /* minutes shown as hours */
  CD_CELL_MONEY,      /* fen shown as yuan */
  CD_CELL_COUNT,      /* a number, aligned to the end */
} CdCellKind;

typedef struct
{
  const char *title;      /* untranslated (N_) */
  const char *key;        /* row key */
  const char *sort_key;   /* nullable: not sortable */
  CdCellKind  kind;
  const char *entity;     /* for CD_CELL_STATE */
  guint       chars;      /* the width asked for */
  guint       min_chars;  /* the width needed; 0: min (chars, 6) */
  gboolean    expand;     /* takes the room left */
} CdPagedColumn;

void  cd_paged_columns_add   (GtkColumnView        *view,
                              const CdPagedColumn  *columns,
                              guint                 n_columns,
                              GtkColumnViewColumn **out_columns);
GtkListItem *cd_paged_columns_item_at (GtkColumnView *view,
                                       double         x,
                                       double         y);

void  cd_paged_columns_ensure_style (void);

G_END_DECLS
