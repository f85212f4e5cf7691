/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV import of clients and suppliers (DESIGN.md §7): the whole file or
 * nothing; every bad row reported as "line N, column C: reason". */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;      /* 1-based line in the file (the header is line 1) */
  char  *column;    /* the column as named in the file's header, or NULL */
  char  *reason;    /* one translated sentence */
} CdImportProblem;

typedef struct
{
  guint      rows_read;
  guint      rows_imported;     /* 0 on a dry run or when anything was refused */
  char      *encoding;          /* "UTF-8" or "GB18030" */
  char      *delimiter;         /* "," or "\t" */
  GStrv      mapped_columns;    /* "file header → field", for the preview */
  GStrv      unknown_columns;   /* reported and ignored */
  GPtrArray *problems;          /* of CdImportProblem* */
} CdImportReport;

void     cd_import_report_free (CdImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdImportReport, cd_import_report_free)

/* @kind is CD_KIND_CLIENTS or CD_KIND_SUPPLIERS. Returns FALSE with @error
 * set when the file is refused (then *report, if any, says why row by row). */
gboolean cd_import_csv         (CdStore         *store,
                                CdKind           kind,
                                const char      *path,
                                gboolean         dry_run,
                                CdImportReport **out_report,
                                GError         **error);

/* "line N, column C: reason" (translated), for the CLI and the GUI. */
char    *cd_import_problem_to_string (const CdImportProblem *problem);

G_END_DECLS
