/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by cd-demo.c (the generator) and cd-demo-names.c (the words it
 * builds an agency from). Nothing outside the demo includes this. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo's own generator (splitmix64): same seed, same agency, on every
 * machine and with every GLib — never rand () or g_random_*. */
typedef struct
{
  guint64 state;
} CdDemoRng;

static inline guint64
cd_demo_rng_next (CdDemoRng *r)
{
  guint64 z = (r->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static inline guint32
cd_demo_rng_below (CdDemoRng *r, guint32 n)
{
  return (guint32) (((cd_demo_rng_next (r) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]; lo <= hi. */
static inline int
cd_demo_rng_range (CdDemoRng *r, int lo, int hi)
{
  return hi <= lo ? lo : lo + (int) cd_demo_rng_below (r, (guint32) (hi - lo + 1));
}

static inline gboolean
cd_demo_rng_chance (CdDemoRng *r, guint permille)
{
  return cd_demo_rng_below (r, 1000) < permille;
}

/* ------------------------------------------------------------------ */
/* Word lists                                                          */

typedef enum
{
  CD_DEMO_W_SOURCE,             /* where a client came from */
  CD_DEMO_W_TITLE,              /* a client contact's job title */
  CD_DEMO_W_NOTE,               /* client notes */
  CD_DEMO_W_PRIVATE_NOTE,       /* personalities, internal remarks */
  CD_DEMO_W_LOST_REASON,
  CD_DEMO_W_CANCEL_REASON,
  CD_DEMO_W_VERSION_REASON,
  CD_DEMO_W_PAYMENT_TERMS,
  CD_DEMO_W_TERMINATE_REASON,
  CD_DEMO_W_OBJECTIVE,
  CD_DEMO_W_AUDIENCE,
  CD_DEMO_W_CHANNELS,
  CD_DEMO_W_MANDATORY,
  CD_DEMO_W_APPROVALS,
  CD_DEMO_W_STYLE,
  CD_DEMO_W_FORMAT,
  CD_DEMO_W_REVISION_REASON,
  CD_DEMO_W_CHOICE_REASON,
  CD_DEMO_W_SUPPLIER_TERMS,
  CD_DEMO_W_SUPPLIER_NOTE,
  CD_DEMO_W_VISIT_TOPIC,
  CD_DEMO_W_SPECIAL_TOPIC,
  CD_DEMO_W_OPINION,
  CD_DEMO_W_NEED,
  CD_DEMO_W_HANDLING,
  CD_DEMO_W_REVIEW_COMMENT,
  CD_DEMO_W_COMPLAINT,
  CD_DEMO_W_PRAISE,
  CD_DEMO_W_RESOLUTION,
  CD_DEMO_W_HANDOVER_REASON,
  CD_DEMO_W_CONDITIONAL_NOTE,
  CD_DEMO_W_BANK,
  CD_DEMO_W_ROAD,
  CD_DEMO_W_BUILDING,
  CD_DEMO_N_WORDS
} CdDemoWordList;

const char *cd_demo_word          (CdDemoRng      *r,
                                   CdDemoWordList  list);

/* ------------------------------------------------------------------ */
/* Places, people, companies                                           */

typedef struct
{
  const char *name;       /* 上海 */
  const char *region;     /* 华东 */
  const char *division;   /* 6-digit administrative division code */
  const char *area_code;  /* 021 */
  guint       weight;
} CdDemoCity;

typedef struct
{
  const char        *name;   /* 快消 */
  const char *const *words;  /* what goes into a company name: 食品, 饮料… */
} CdDemoIndustry;

const CdDemoCity     *cd_demo_city          (CdDemoRng *r);
const CdDemoIndustry *cd_demo_industry      (CdDemoRng *r);

/* "张伟" and "zhangwei". */
void  cd_demo_person        (CdDemoRng *r,
                             char      *name,
                             gsize      name_size,
                             char      *pinyin,
                             gsize      pinyin_size);
/* Two characters for a company name ("星河") and their pinyin ("xinghe"). */
void  cd_demo_brand         (CdDemoRng *r,
                             char      *brand,
                             gsize      brand_size,
                             char      *pinyin,
                             gsize      pinyin_size);
void  cd_demo_mobile        (CdDemoRng *r,
                             char      *buf,
                             gsize      size);
void  cd_demo_landline      (CdDemoRng        *r,
                             const CdDemoCity *city,
                             char             *buf,
                             gsize             size);
void  cd_demo_address       (CdDemoRng        *r,
                             const CdDemoCity *city,
                             char             *buf,
                             gsize             size);
void  cd_demo_bank          (CdDemoRng        *r,
                             const CdDemoCity *city,
                             char             *bank,
                             gsize             bank_size,
                             char             *account,
                             gsize             account_size);
/* A unified social credit code whose organisation code comes from @serial
 * (distinct serials below 10^8 give distinct codes), with the right check
 * characters (GB 11714 and GB 32100). @out holds 19 bytes. */
void  cd_demo_credit_code   (guint64     serial,
                             const char *division,
                             char       *out);

/* ------------------------------------------------------------------ */
/* What the agency sells and buys                                      */

typedef enum
{
  CD_DEMO_CAT_DESIGN,
  CD_DEMO_CAT_PRINT,
  CD_DEMO_CAT_LARGE_FORMAT,
  CD_DEMO_CAT_LED,
  CD_DEMO_CAT_GIFTS,
  CD_DEMO_CAT_FABRICATION,
  CD_DEMO_CAT_OTHER,
  CD_DEMO_CAT_EVENT,
  CD_DEMO_CAT_MEDIA,
  CD_DEMO_N_CATS
} CdDemoCategory;

/* The supplier categories of the schema, in the same order as the first
 * CdDemoCategory values after DESIGN (print … other). */
#define CD_DEMO_N_SUPPLIER_CATS 6

typedef struct
{
  const char    *name;
  const char    *spec;
  const char    *unit;
  gint64         price_fen;
  CdDemoCategory category;
  int            qty_lo;     /* a quote's usual quantity, in units */
  int            qty_hi;
  gboolean       fractional; /* square metres: thousandths happen */
} CdDemoCatalogueItem;

typedef struct
{
  const char *name;          /* printf format: the client's short name, then a year */
  const int  *items;         /* catalogue indices, -1 terminated */
} CdDemoProjectType;

typedef struct
{
  const char        *kind;   /* checklist_template.kind */
  const char        *name;
  const char *const *items;  /* NULL terminated */
  const char *const *faults; /* what a failed item says */
} CdDemoChecklist;

const CdDemoCatalogueItem *cd_demo_catalogue        (guint *n_items);
const CdDemoProjectType   *cd_demo_project_types    (guint *n_types);
const CdDemoChecklist     *cd_demo_checklists       (guint *n_checklists);
const char                *cd_demo_category_code    (CdDemoCategory category);
/* The campaign's ten store items, as catalogue indices, and how many of
 * each one store gets. */
const int                 *cd_demo_campaign_items   (const int **per_store,
                                                     guint      *n_items);

/* Supplier name words for a category ("印刷", "广告制作"…). */
const char *cd_demo_supplier_word   (CdDemoRng      *r,
                                     CdDemoCategory  category);

typedef enum
{
  CD_DEMO_DEPT_DESIGN,
  CD_DEMO_DEPT_COPYWRITING,
  CD_DEMO_DEPT_PRODUCTION,
  CD_DEMO_DEPT_MEDIA,
  CD_DEMO_DEPT_OTHER,
  CD_DEMO_N_DEPTS
} CdDemoDept;

const char *cd_demo_dept_code       (CdDemoDept  dept);
const char *cd_demo_work_title      (CdDemoRng  *r,
                                     CdDemoDept  dept);

G_END_DECLS
