/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a CdListView shows: one of the store's kinds or one of the overview
 * summaries, with its columns and the words of its empty states. */
#pragma once

#include <gio/gio.h>

#include "gui/cd-row.h"
#include "store/cd-store.h"
#include "store/cd-store-overview.h"

G_BEGIN_DECLS

/* The first CD_N_KINDS values are the CdKind values themselves. */
typedef enum
{
  CD_SOURCE_CLIENTS = CD_KIND_CLIENTS,
  CD_SOURCE_PROJECTS = CD_KIND_PROJECTS,
  CD_SOURCE_WORK_ORDERS = CD_KIND_WORK_ORDERS,
  CD_SOURCE_QUOTES = CD_KIND_QUOTES,
  CD_SOURCE_CONTRACTS = CD_KIND_CONTRACTS,
  CD_SOURCE_SUPPLIERS = CD_KIND_SUPPLIERS,
  CD_SOURCE_SUPPLIER_ORDERS = CD_KIND_SUPPLIER_ORDERS,
  CD_SOURCE_ACCEPTANCES = CD_KIND_ACCEPTANCES,
  CD_SOURCE_PICKUP_SLIPS = CD_KIND_PICKUP_SLIPS,
  CD_SOURCE_OVERDUE_WORK_ORDERS = CD_N_KINDS,
  CD_SOURCE_RECEIVABLES,
  CD_SOURCE_MONTHLY_REVENUE,
  CD_N_SOURCES
} CdListSource;

typedef enum
{
  CD_COLUMN_TEXT,
  CD_COLUMN_CODE,      /* a document number such as GD202611-00001: never cut */
  CD_COLUMN_MONEY,     /* integer fen, right-aligned */
  CD_COLUMN_NUMBER,    /* a plain integer, right-aligned */
  CD_COLUMN_DATE,      /* ISO date text, shown as stored */
  CD_COLUMN_STATUS,    /* a state name, shown by its label */
  CD_COLUMN_ENUM,      /* a code such as "large_format", shown by its label */
} CdColumnType;

typedef struct
{
  const char   *key;
  const char   *title;     /* N_() — translated when the column is made */
  CdColumnType  type;
  gboolean      expand;
} CdColumnSpec;

typedef struct
{
  const char         *name;               /* "clients": widget names and tests */
  const char         *accessible_name;    /* N_() */
  const char         *status_entity;      /* for cd_state_label (), or NULL */
  const char         *empty_icon;
  const char         *empty_title;        /* N_() */
  const char         *empty_description;  /* N_() */
  gboolean            searchable;
  const CdColumnSpec *columns;
  guint               n_columns;
} CdSourceInfo;

const CdSourceInfo *cd_list_source_get_info  (CdListSource        source);
gboolean            cd_list_source_get_kind  (CdListSource        source,
                                              CdKind             *out_kind);
gboolean            cd_list_source_get_overview (CdListSource     source,
                                              CdOverview         *out_overview);

char               *cd_column_format         (const CdColumnSpec *spec,
                                              const char         *status_entity,
                                              CdRow              *row);
guint               cd_column_width_chars    (const CdColumnSpec *spec);
int                 cd_column_compare        (const CdColumnSpec *spec,
                                              CdRow              *a,
                                              CdRow              *b);

G_END_DECLS
