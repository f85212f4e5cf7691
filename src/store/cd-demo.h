/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A believable Chinese agency over the last three years, for the app's first
 * run, the tests (small) and the benchmarks (large). Same seed, same data. */
#pragma once

#include "store/cd-store.h"

G_BEGIN_DECLS

typedef enum
{
  CD_DEMO_SMALL,   /* ≈200 clients: first run and tests */
  CD_DEMO_LARGE,   /* ≥100,000 clients, ≥1,000,000 work orders: benchmarks */
} CdDemoScale;

/* Called from the thread that generates, with a fraction in [0, 1]. */
typedef void (*CdProgressFunc) (double      fraction,
                                const char *stage,
                                gpointer    user_data);

gboolean cd_demo_scale_from_string (const char      *name,
                                    CdDemoScale     *out_scale);

/* Refuses (CD_STORE_ERROR_NOT_EMPTY) unless the database is empty. The
 * "today" of the generated agency is @today (NULL: the real today). */
gboolean cd_demo_generate          (CdStore         *store,
                                    CdDemoScale      scale,
                                    guint32          seed,
                                    const GDate     *today,
                                    CdProgressFunc   progress,
                                    gpointer         progress_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

void     cd_demo_generate_async    (CdStore            *store,
                                    CdDemoScale         scale,
                                    guint32             seed,
                                    CdProgressFunc      progress,
                                    gpointer            progress_data,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
gboolean cd_demo_generate_finish   (CdStore            *store,
                                    GAsyncResult       *result,
                                    GError            **error);

G_END_DECLS
