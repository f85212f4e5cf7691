/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Human document numbers from a pattern such as "QT{yyyy}{mm}-{nnnn}". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_NUMBERING_ERROR (cd_numbering_error_quark ())

typedef enum
{
  CD_NUMBERING_ERROR_PATTERN,   /* unknown token, unbalanced brace, no {n…} */
  CD_NUMBERING_ERROR_OVERFLOW,  /* the sequence no longer fits the {n…} width */
} CdNumberingError;

GQuark   cd_numbering_error_quark  (void);

gboolean cd_numbering_validate     (const char   *pattern,
                                    GError      **error);
char    *cd_numbering_period_key   (const char   *pattern,
                                    const GDate  *date);
char    *cd_numbering_format       (const char   *pattern,
                                    const GDate  *date,
                                    guint64       sequence,
                                    GError      **error);

G_END_DECLS
