/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A believable Chinese advertising agency over the three years before
 * "today": staff, clients, projects from brief to closing, quotes and their
 * versions, contracts and payments, work orders, suppliers and what they
 * deliver, acceptances, pickup slips, visits and feedback — and, for the
 * benchmarks, a nationwide campaign month with 200,000 accepted supplier
 * order lines.
 *
 * Every row obeys the rules a user would meet: states are reached by legal
 * moves (locked parents get their children before the move that locks
 * them), amounts come from cd-money, numbers from cd-numbering and are left
 * counted in doc_sequence. The whole run is one transaction with the audit
 * and search triggers suspended; one 'bulk' audit entry records it.
 *
 * Same seed and same today give the same rows: the only source of chance is
 * the generator's own PRNG, drawn in a fixed order. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "core/cd-money.h"
#include "core/cd-numbering.h"
#include "store/cd-demo-private.h"
#include "store/cd-demo.h"
#include "store/cd-demo-plans.h"
#include "store/cd-store-lock-hash.h"
#include "store/cd-store-private.h"

#define ARENA_SIZE (1 << 20)
#define MAX_LINES 12
#define MAX_CONTACTS 4
#define QUOTE_TAX_BP 600           /* advertising services: 6 % VAT */
/* Where each stage starts on the progress bar, after the large demo's
 * timings. */
#define AT_CLIENTS  0.01
#define AT_CAMPAIGN 0.65
#define AT_TOP_UP   0.70
#define AT_INDEXES  0.72
#define AT_SEARCH   0.80
#define AT_HASHES   0.86

#define GEN_CACHE_KIB 1048576       /* page cache while generating */

typedef struct
{
  guint n_clients;
  guint n_am, n_ae, n_creative;
  guint suppliers_base;             /* × {3,3,1,2,2,1} / 2 per category */
  guint projects[3];                /* per client of tier A, B, C, over the three years */
  guint wo_mean;
  guint wo_target;                  /* top up to at least this many */
  guint campaign_orders;            /* ×10 lines, accepted in one month */
  guint visits[3];
  guint feedback_permille;
  guint supply_permille;            /* projects that buy from suppliers */
  guint revised_permille;           /* work orders with revision rounds */
} Params;

static const Params small_params = { 200, 8, 12, 15, 6, { 9, 6, 3 }, 5, 0, 40, { 12, 6, 3 }, 250, 1000, 450 };
/* Large is for the benchmarks: the volumes they need (clients, work
 * orders, the campaign month) and a thinner rest, to stay within a minute. */
static const Params large_params = { 100000, 60, 120, 200, 200, { 1, 1, 1 }, 12, 1000000, 20000,
                                     { 2, 1, 1 }, 60, 400, 250 };

typedef enum
{
  DOC_PROJECT, DOC_QUOTE, DOC_CONTRACT, DOC_WORK_ORDER, DOC_SUPPLIER_ORDER, DOC_ACCEPTANCE,
  DOC_PICKUP_SLIP, N_DOCS
} DocKind;

/* The kinds of cd_store_next_number () and of the "numbering.<kind>"
 * settings; the demo uses their default patterns. */
static const char *const doc_kinds[N_DOCS] = {
  "project", "quote", "contract", "work_order", "supplier_order", "acceptance", "pickup_slip",
};

typedef enum
{
  S_STAFF, S_SETTING, S_CATALOGUE, S_TEMPLATE, S_TEMPLATE_ITEM, S_SUPPLIER, S_CLIENT, S_CONTACT,
  S_OWNER_HISTORY, S_PROJECT, S_BRIEF, S_QUOTE, S_QUOTE_ACCEPT, S_QUOTE_LINE, S_CONTRACT,
  S_CONTRACT_STATUS, S_INSTALLMENT, S_PAYMENT, S_WORK_ORDER, S_REVISION, S_SUPPLIER_QUOTE,
  S_SUPPLIER_ORDER, S_ORDER_LINE, S_SUPPLIER_PAYMENT, S_ACCEPTANCE, S_ACCEPTANCE_ITEM,
  S_ACCEPTANCE_SIGN, S_QUANTITY, S_PICKUP, S_PICKUP_LINE, S_PICKUP_SIGN, S_VISIT, S_VISIT_REVIEW,
  S_FEEDBACK, S_SEQUENCE, S_AUDIT, N_STMTS
} StmtId;

static const char *const stmt_sql[N_STMTS] = {
  [S_STAFF] = "INSERT INTO staff (name, role, department, lead_id, email, phone, active, created_at)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [S_SETTING] = "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [S_CATALOGUE] = "INSERT INTO catalogue_item (name, spec, unit, unit_price_fen, tax_rate_bp, category)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [S_TEMPLATE] = "INSERT INTO checklist_template (kind, name) VALUES (?1, ?2)",
  [S_TEMPLATE_ITEM] = "INSERT INTO checklist_template_item (template_id, position, text) VALUES (?1, ?2, ?3)",
  [S_SUPPLIER] = "INSERT INTO supplier (name, category, credit_code, contact, phone, address, bank, account,"
                 " vat_type, invoice_rate_bp, payment_terms, notes, status)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [S_CLIENT] = "INSERT INTO client (name, short_name, credit_code, industry, region, address, tier, status,"
               " lost_reason, owner_id, ae_id, source, invoice_title, invoice_tax_id, invoice_bank,"
               " invoice_account, invoice_address, invoice_phone, notes, private_notes, created_on, lost_on)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
               " ?19, ?20, ?21, ?22)",
  [S_CONTACT] = "INSERT INTO contact (client_id, name, title, phone, email, wechat, is_decision_maker,"
                " is_primary, is_emergency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [S_OWNER_HISTORY] = "INSERT INTO client_owner_history (client_id, role, from_staff, to_staff, changed_by,"
                      " changed_at, reason) VALUES (?1, 'am', ?2, ?3, ?4, ?5, ?6)",
  [S_PROJECT] = "INSERT INTO project (number, client_id, name, status, am_id, ae_id, start_date, due_date,"
                " min_margin_bp, cancel_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [S_BRIEF] = "INSERT INTO brief (project_id, background, objectives, audience, deliverables, channels,"
              " budget_min_fen, budget_max_fen, event_date, launch_date, mandatory, approvals)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [S_QUOTE] = "INSERT INTO quote (number, version, project_id, client_id, status, previous_id, version_reason,"
              " created_date, sent_date, decided_date, valid_until, payment_terms, subtotal_fen, tax_fen,"
              " total_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
  [S_QUOTE_ACCEPT] = "UPDATE quote SET status = 'accepted' WHERE id = ?1",
  [S_QUOTE_LINE] = "INSERT INTO quote_line (quote_id, position, catalogue_item_id, item, spec, qty_milli, unit,"
                   " unit_price_fen, discount_bp, tax_rate_bp, amount_fen)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [S_CONTRACT] = "INSERT INTO contract (number, quote_id, project_id, client_id, status, subject, amount_fen,"
                 " start_date, end_date, signed_date, clauses)"
                 " VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6, ?7, ?8, ?9, ?10)",
  [S_CONTRACT_STATUS] = "UPDATE contract SET status = ?2, terminate_reason = ?3 WHERE id = ?1",
  [S_INSTALLMENT] = "INSERT INTO installment (contract_id, seq, label, due_date, amount_fen)"
                    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [S_PAYMENT] = "INSERT INTO payment (installment_id, date, amount_fen, method, reference)"
                " VALUES (?1, ?2, ?3, ?4, ?5)",
  [S_WORK_ORDER] = "INSERT INTO work_order (number, project_id, title, department, assignee_id, issued_by,"
                   " requirements, issued_date, due_date, priority, status, done_date, spent_minutes)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [S_REVISION] = "INSERT INTO work_order_revision (work_order_id, round, date, reason, requested_by)"
                 " VALUES (?1, ?2, ?3, ?4, ?5)",
  [S_SUPPLIER_QUOTE] = "INSERT INTO supplier_quote (project_id, supplier_id, quote_line_id, item, spec,"
                       " qty_milli, price_fen, lead_days, quote_date, chosen, choice_reason)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [S_SUPPLIER_ORDER] = "INSERT INTO supplier_order (number, project_id, supplier_id, status, order_date,"
                       " promised_date, delivered_date, accepted_date, delivery_place, rework_of_id, notes)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [S_ORDER_LINE] = "INSERT INTO supplier_order_line (order_id, position, quote_line_id, item, spec, qty_milli,"
                   " unit, unit_price_fen, tax_rate_bp, amount_fen, tax_fen)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [S_SUPPLIER_PAYMENT] = "INSERT INTO supplier_payment (supplier_order_id, date, amount_fen, reference)"
                         " VALUES (?1, ?2, ?3, ?4)",
  [S_ACCEPTANCE] = "INSERT INTO acceptance (number, kind, supplier_order_id, work_order_id, template_id,"
                   " status, inspected_date, notes) VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7)",
  [S_ACCEPTANCE_ITEM] = "INSERT INTO acceptance_item (acceptance_id, position, text, result, note)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)",
  [S_ACCEPTANCE_SIGN] = "UPDATE acceptance SET status = 'signed', result = ?2, signed_by = ?3,"
                        " signed_date = ?4 WHERE id = ?1",
  [S_QUANTITY] = "INSERT INTO acceptance_quantity (acceptance_id, order_line_id, position, item, unit,"
                 " ordered_milli, received_milli) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [S_PICKUP] = "INSERT INTO pickup_slip (number, project_id, client_id, date, received_by, status, notes)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [S_PICKUP_LINE] = "INSERT INTO pickup_slip_line (slip_id, position, item, qty_milli, unit)"
                    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [S_PICKUP_SIGN] = "UPDATE pickup_slip SET status = 'signed', received_by = ?2, signed_on = ?3"
                    " WHERE id = ?1",
  [S_VISIT] = "INSERT INTO visit (client_id, staff_id, contact_id, date, mode, special, topic, opinions,"
              " needs, handling_status, next_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [S_VISIT_REVIEW] = "UPDATE visit SET status = 'reviewed', review_comment = ?2, reviewed_by = ?3,"
                     " reviewed_at = ?4 WHERE id = ?1",
  [S_FEEDBACK] = "INSERT INTO feedback (client_id, kind, date, summary, valid, owner_id, resolution, status,"
                 " closed_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [S_SEQUENCE] = "INSERT INTO doc_sequence (kind, period, last_seq) VALUES (?1, ?2, ?3)"
                 " ON CONFLICT (kind, period) DO UPDATE SET last_seq = max (last_seq, excluded.last_seq)",
  [S_AUDIT] = "INSERT INTO audit_log (at, staff_id, table_name, row_id, action, new_values)"
              " VALUES (?1, NULL, 'demo', NULL, 'bulk', ?2)",
};

typedef struct
{
  char  str[11];   /* YYYY-MM-DD */
  GDate date;
  int   month;     /* months since the first day of the table */
} Day;

typedef struct
{
  gint64 id;
  int    rate_bp;
} Supplier;

typedef struct
{
  gint64            id;
  const CdDemoCity *city;
  char              name[160];
  char              short_name[48];
  char              address[160];
  int               tier;                 /* 0 = A, 1 = B, 2 = C */
  const char       *status;
  int               created, end;         /* julian days; end: last active day */
  gint64            am, ae;
  int               n_contacts;
  gint64            contact_id[MAX_CONTACTS];
  char              contact[MAX_CONTACTS][32];
} Client;

typedef struct
{
  gint64 id;
  int    cat;          /* catalogue index */
  gint64 qty_milli;
  gint64 price_fen;
  int    discount_bp;
  gint64 amount_fen;
} Line;

/* What a work order needs of its project; kept for the top-up pass. */
typedef struct
{
  gint64 project_id, am, ae;
  int    lo, hi;       /* issue window */
  int    cancel;       /* day the project was cancelled, or 0 */
  gboolean finished;   /* delivered or closed */
  char   short_name[48];
  char   contact[32];
} WoProject;

typedef struct
{
  int      order, promised, delivered, inspected;
  gboolean fail;
} OrderPlan;

/* What an acceptance counts: one supplier order line. */
typedef struct
{
  gint64      id;
  const char *item;
  const char *unit;
  gint64      qty_milli;
} Counted;

typedef enum
{
  P_BRIEF, P_QUOTING, P_CONTRACTED, P_IN_PRODUCTION, P_DELIVERED, P_CLOSED, P_CANCELLED
} ProjStatus;

typedef enum { OUT_NORMAL, OUT_BRIEF_CANCEL, OUT_QUOTE_CANCEL, OUT_TERMINATE } Outcome;

typedef struct
{
  Client     *client;
  gint64      id;
  char        name[200];
  const CdDemoProjectType *type;
  Outcome     outcome;
  ProjStatus  status;
  int         start, decision, signed_, prod_start, delivery, closed, cancel;
  int         n_versions;
  int         created[3], sent[3];
  int         n_lines;
  Line        lines[MAX_LINES];   /* the latest version's */
  gint64      quote_id, subtotal_fen, total_fen;
  const char *place;              /* where goods go; NULL: the client's address */
  const char *cancel_reason;      /* for the project and its terminated contract */
  WoProject   wo;
} Project;

typedef struct
{
  CdStore       *store;
  sqlite3       *db;
  const Params  *p;
  CdDemoRng      rng;
  GError       **error;
  GCancellable  *cancellable;
  CdProgressFunc progress;
  gpointer       progress_data;

  sqlite3_stmt  *st[N_STMTS];
  char          *arena;
  gsize          arena_used;
  GPtrArray     *spill;

  int            today, start, base;   /* julian days; base: first day of the table */
  Day           *days;
  int            n_days;
  guint         *seq[N_DOCS];          /* last number per month, per kind */
  int            n_months;

  gint64         directors[2];
  GArray        *ams, *aes;            /* gint64; aes[j] works under ams[j % n_active_am] */
  guint          n_active_am;
  GArray        *creative[CD_DEMO_N_DEPTS];
  gboolean       has_quantities;       /* schema 3: acceptance_quantity */
  gint64         catalogue_id[64];
  gint64         template_id[8];
  GArray        *suppliers[CD_DEMO_N_SUPPLIER_CATS];
  GHashTable    *names;
  GArray        *wo_projects;          /* WoProject, for the top-up */
  Client         key_client;           /* the campaign's client */
  guint64        code_offset;          /* credit code serials differ by seed */
  int           *month_day;            /* a day of each month of the table */

  guint64        counts[N_STMTS];
} Gen;

static const char *const status_names[] = {
  "brief", "quoting", "contracted", "in_production", "delivered", "closed", "cancelled",
};

/* ------------------------------------------------------------------ */
/* Plumbing                                                            */

static char *
fmt (Gen *g, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
fmt (Gen *g, const char *format, ...)
{
  gsize room = ARENA_SIZE - g->arena_used;
  char *p = g->arena + g->arena_used;
  va_list ap;
  int n;

  va_start (ap, format);
  n = g_vsnprintf (p, room, format, ap);
  va_end (ap);
  if (n >= 0 && (gsize) n < room)
    {
      g->arena_used += (gsize) n + 1;
      return p;
    }
  va_start (ap, format);
  p = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_ptr_array_add (g->spill, p);
  return p;
}

static void
arena_reset (Gen *g)
{
  g->arena_used = 0;
  g_ptr_array_set_size (g->spill, 0);
}

static const Day *
day (Gen *g, int jd)
{
  return &g->days[CLAMP (jd - g->base, 0, g->n_days - 1)];
}

static const char *
D (Gen *g, int jd)
{
  return day (g, jd)->str;
}

/* Not MIN/MAX: those evaluate an argument twice, and a draw twice. */
static inline int imin (int a, int b) { return a < b ? a : b; }
static inline int imax (int a, int b) { return a > b ? a : b; }
static inline int iclamp (int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
static inline gint64 lmax (gint64 a, gint64 b) { return a > b ? a : b; }

static int R (Gen *g, int lo, int hi) { return cd_demo_rng_range (&g->rng, lo, hi); }
static gboolean P (Gen *g, guint permille) { return cd_demo_rng_chance (&g->rng, permille); }
static const char *W (Gen *g, CdDemoWordList l) { return cd_demo_word (&g->rng, l); }

static void bt (sqlite3_stmt *s, int i, const char *v)
{
  if (v != NULL)
    sqlite3_bind_text (s, i, v, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (s, i);
}
static void bi (sqlite3_stmt *s, int i, gint64 v) { sqlite3_bind_int64 (s, i, v); }
/* An id or 0 for NULL. */
static void bn (sqlite3_stmt *s, int i, gint64 v)
{
  if (v != 0)
    sqlite3_bind_int64 (s, i, v);
  else
    sqlite3_bind_null (s, i);
}
/* A day or 0 for NULL. */
static void bd (Gen *g, sqlite3_stmt *s, int i, int jd)
{
  if (jd > 0)
    sqlite3_bind_text (s, i, D (g, jd), 10, SQLITE_STATIC);
  else
    sqlite3_bind_null (s, i);
}

/* Runs the bound statement; every failure ends the whole run. */
static gboolean
run (Gen *g, StmtId id, gint64 *out_id)
{
  sqlite3_stmt *s = g->st[id];
  int rc;

  if (*g->error != NULL)
    {
      sqlite3_reset (s);
      return FALSE;
    }
  rc = sqlite3_step (s);
  sqlite3_reset (s);
  /* Bindings point into buffers that are about to be reused. */
  sqlite3_clear_bindings (s);
  if (rc != SQLITE_DONE)
    {
      g_debug ("demo: %s: %s", stmt_sql[id], sqlite3_errmsg (g->db));
      cd_store_set_error (g->store, g->error, rc, _("generating the demo"));
      return FALSE;
    }
  g->counts[id]++;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (g->db);
  return TRUE;
}

/* The next number of @kind for the document dated @jd, from the default
 * pattern; counted per period so that doc_sequence can be left behind. */
static const char *
number (Gen *g, DocKind kind, int jd)
{
  const Day *d = day (g, jd);
  g_autofree char *text = NULL;

  text = cd_numbering_format (cd_store_default_number_pattern (doc_kinds[kind]), &d->date,
                              ++g->seq[kind][d->month], *g->error == NULL ? g->error : NULL);
  return text != NULL ? fmt (g, "%s", text) : "";
}

static gint64
staff_pick (Gen *g, GArray *a)
{
  return g_array_index (a, gint64, cd_demo_rng_below (&g->rng, a->len));
}

/* ------------------------------------------------------------------ */
/* The agency itself                                                   */

static gboolean
insert_staff (Gen *g, const char *role, const char *dept, gint64 lead, gboolean active,
              gint64 *out_id)
{
  sqlite3_stmt *s = g->st[S_STAFF];
  char name[32], pinyin[48], phone[16];

  cd_demo_person (&g->rng, name, sizeof name, pinyin, sizeof pinyin);
  cd_demo_mobile (&g->rng, phone, sizeof phone);
  bt (s, 1, name); bt (s, 2, role); bt (s, 3, dept); bn (s, 4, lead);
  bt (s, 5, fmt (g, "%s@ruisi-ad.com", pinyin)); bt (s, 6, phone); bi (s, 7, active);
  bt (s, 8, fmt (g, "%sT09:00:00Z", D (g, g->start - R (g, 30, 900))));
  return run (g, S_STAFF, out_id);
}

static gboolean
gen_staff (Gen *g)
{
  const Params *p = g->p;
  /* Of the creative department: designers, copywriters, production, media. */
  static const guint share[4] = { 40, 20, 25, 15 };
  static const char *const dept[4] = { "creative", "creative", "production", "media" };
  gint64 id, head = 0;

  for (guint i = 0; i < 2; i++)
    if (!insert_staff (g, "director", "management", 0, TRUE, &g->directors[i]))
      return FALSE;
  /* The last AMs (and a few AEs) have left: their clients were handed over. */
  g->n_active_am = p->n_am - MAX (1, p->n_am / 20);
  for (guint i = 0; i < p->n_am; i++)
    {
      if (!insert_staff (g, "account_manager", "account", g->directors[i % 2], i < g->n_active_am, &id))
        return FALSE;
      g_array_append_val (g->ams, id);
    }
  for (guint i = 0; i < p->n_ae; i++)
    {
      guint lead = i % g->n_active_am;

      if (!insert_staff (g, "account_executive", "account", g_array_index (g->ams, gint64, lead),
                         i < p->n_ae - MAX (1, p->n_ae / 25), &id))
        return FALSE;
      if (i < p->n_ae - MAX (1, p->n_ae / 25))
        g_array_append_val (g->aes, id);
    }
  for (guint k = 0; k < 4; k++)
    for (guint i = 0; i < MAX (1u, p->n_creative * share[k] / 100); i++)
      {
        if (!insert_staff (g, "creative", dept[k], head, TRUE, &id))
          return FALSE;
        if (head == 0)
          head = id;   /* the first designer is the creative director */
        g_array_append_val (g->creative[k], id);
      }
  g_array_append_vals (g->creative[CD_DEMO_DEPT_OTHER], g->creative[0]->data, g->creative[0]->len);
  for (guint i = 0; i < 3; i++)
    if (!insert_staff (g, i < 2 ? "finance" : "hr", i < 2 ? "finance" : "hr", g->directors[0], TRUE, NULL))
      return FALSE;
  return TRUE;
}

static gboolean
put_setting (Gen *g, const char *key, const char *value)
{
  bt (g->st[S_SETTING], 1, key);
  bt (g->st[S_SETTING], 2, value);
  return run (g, S_SETTING, NULL);
}

static gboolean
gen_settings (Gen *g)
{
  char code[19];

  cd_demo_credit_code (99999999, "310000", code);
  for (guint k = 0; k < N_DOCS; k++)
    if (!put_setting (g, fmt (g, "numbering.%s", doc_kinds[k]), cd_store_default_number_pattern (doc_kinds[k])))
      return FALSE;
  return put_setting (g, "company.name", "上海锐思广告有限公司")
         && put_setting (g, "company.address", "上海市静安区延安中路1000号华山大厦12楼")
         && put_setting (g, "company.tax_id", fmt (g, "%s", code))
         && put_setting (g, "company.bank", "招商银行上海分行静安支行")
         && put_setting (g, "company.account", "121908827310501")
         && put_setting (g, "company.phone", "021-62885123");
}

static gboolean
gen_catalogue (Gen *g)
{
  guint n, nc;
  const CdDemoCatalogueItem *items = cd_demo_catalogue (&n);
  const CdDemoChecklist *lists = cd_demo_checklists (&nc);
  sqlite3_stmt *s = g->st[S_CATALOGUE];

  g_assert (n <= G_N_ELEMENTS (g->catalogue_id) && nc <= G_N_ELEMENTS (g->template_id));
  for (guint i = 0; i < n; i++)
    {
      bt (s, 1, items[i].name); bt (s, 2, items[i].spec); bt (s, 3, items[i].unit);
      bi (s, 4, items[i].price_fen); bi (s, 5, QUOTE_TAX_BP);
      bt (s, 6, cd_demo_category_code (items[i].category));
      if (!run (g, S_CATALOGUE, &g->catalogue_id[i]))
        return FALSE;
    }
  for (guint i = 0; i < nc; i++)
    {
      bt (g->st[S_TEMPLATE], 1, lists[i].kind);
      bt (g->st[S_TEMPLATE], 2, lists[i].name);
      if (!run (g, S_TEMPLATE, &g->template_id[i]))
        return FALSE;
      for (guint k = 0; lists[i].items[k] != NULL; k++)
        {
          s = g->st[S_TEMPLATE_ITEM];
          bi (s, 1, g->template_id[i]); bi (s, 2, k + 1); bt (s, 3, lists[i].items[k]);
          if (!run (g, S_TEMPLATE_ITEM, NULL))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
gen_supplier (Gen *g, guint cat, guint serial)
{
  /* Production hubs: Shanghai, Dongguan and Shenzhen print and build,
   * Yiwu-style gift makers are around Hangzhou and Ningbo. */
  const CdDemoCity *city = cd_demo_city (&g->rng);
  sqlite3_stmt *s = g->st[S_SUPPLIER];
  char brand[16], pinyin[32], person[32], phone[24], address[160], bank[96], account[32], code[19];
  gboolean general = P (g, 750);
  Supplier sup;
  char *name;

  do
    {
      cd_demo_brand (&g->rng, brand, sizeof brand, pinyin, sizeof pinyin);
      name = fmt (g, "%s%s%s有限公司", city->name, brand,
                  cd_demo_supplier_word (&g->rng, (CdDemoCategory) (cat + 1)));
    }
  while (g_hash_table_contains (g->names, name));
  g_hash_table_add (g->names, g_strdup (name));

  cd_demo_person (&g->rng, person, sizeof person, NULL, 0);
  if (P (g, 500))
    cd_demo_mobile (&g->rng, phone, sizeof phone);
  else
    cd_demo_landline (&g->rng, city, phone, sizeof phone);
  cd_demo_address (&g->rng, city, address, sizeof address);
  cd_demo_bank (&g->rng, city, bank, sizeof bank, account, sizeof account);
  cd_demo_credit_code (50000000 + serial, city->division, code);
  sup.rate_bp = general ? (cat + 1 == CD_DEMO_CAT_OTHER ? 600 : 1300) : (P (g, 500) ? 100 : 300);

  bt (s, 1, name); bt (s, 2, cd_demo_category_code ((CdDemoCategory) (cat + 1))); bt (s, 3, code);
  bt (s, 4, person); bt (s, 5, phone); bt (s, 6, address); bt (s, 7, bank); bt (s, 8, account);
  bt (s, 9, general ? "general" : "small_scale"); bi (s, 10, sup.rate_bp);
  bt (s, 11, W (g, CD_DEMO_W_SUPPLIER_TERMS));
  bt (s, 12, P (g, 400) ? W (g, CD_DEMO_W_SUPPLIER_NOTE) : NULL);
  bt (s, 13, P (g, 30) ? "suspended" : "active");
  if (!run (g, S_SUPPLIER, &sup.id))
    return FALSE;
  g_array_append_val (g->suppliers[cat], sup);
  return TRUE;
}

static gboolean
gen_suppliers (Gen *g)
{
  static const guint weight[CD_DEMO_N_SUPPLIER_CATS] = { 3, 3, 1, 2, 2, 1 };
  guint serial = 0;

  for (guint cat = 0; cat < CD_DEMO_N_SUPPLIER_CATS; cat++)
    for (guint i = 0; i < MAX (3u, g->p->suppliers_base * weight[cat] / 2); i++)
      if (!gen_supplier (g, cat, serial++))
        return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Acceptances (deliveries and design output)                          */

/* Delivered against ordered, line by line; a failed delivery came short
 * on its first line. Not yet counted while the inspection is open. */
static gboolean
gen_quantities (Gen *g, gint64 acceptance, const Counted *lines, int n, const char *result)
{
  for (int i = 0; g->has_quantities && i < n; i++)
    {
      sqlite3_stmt *s = g->st[S_QUANTITY];
      gint64 received = lines[i].qty_milli;

      if (i == 0 && g_strcmp0 (result, "fail") == 0)
        received = received * R (g, 80, 95) / 100 / 1000 * 1000;
      bi (s, 1, acceptance); bi (s, 2, lines[i].id); bi (s, 3, i + 1); bt (s, 4, lines[i].item);
      bt (s, 5, lines[i].unit); bi (s, 6, lines[i].qty_milli);
      if (result != NULL)
        bi (s, 7, received);
      else
        sqlite3_bind_null (s, 7);
      if (!run (g, S_QUANTITY, NULL))
        return FALSE;
    }
  return TRUE;
}

/* @result: "pass", "fail", "conditional", or NULL for an inspection not
 * yet signed. Items and counts go in before the move to signed that locks
 * them. @lines: the order's lines, for a delivery. */
static gboolean
gen_acceptance (Gen *g, gint64 order_id, gint64 wo_id, guint list, int inspected,
                gint64 signer, const char *result, const Counted *lines, int n_lines)
{
  guint n;
  const CdDemoChecklist *ck = &cd_demo_checklists (&n)[list];
  sqlite3_stmt *s = g->st[S_ACCEPTANCE];
  guint n_items = 0, n_faults = 0, bad = G_MAXUINT, bad2 = G_MAXUINT;
  gint64 id;

  while (ck->items[n_items] != NULL)
    n_items++;
  while (ck->faults[n_faults] != NULL)
    n_faults++;
  if (g_strcmp0 (result, "pass") != 0 && result != NULL)
    {
      bad = cd_demo_rng_below (&g->rng, n_items);
      if (g_str_equal (result, "fail") && P (g, 300))
        bad2 = cd_demo_rng_below (&g->rng, n_items);
    }
  bt (s, 1, number (g, DOC_ACCEPTANCE, inspected)); bt (s, 2, order_id ? "delivery" : "output");
  bn (s, 3, order_id); bn (s, 4, wo_id); bi (s, 5, g->template_id[list]); bd (g, s, 6, inspected);
  bt (s, 7, g_strcmp0 (result, "fail") == 0 ? "不合格，已通知返工"
            : g_strcmp0 (result, "conditional") == 0 ? "有条件接收" : NULL);
  if (!run (g, S_ACCEPTANCE, &id))
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      gboolean is_bad = i == bad || i == bad2;
      const char *item_result = result == NULL ? NULL : !is_bad ? "pass"
                                : g_str_equal (result, "fail") ? "fail" : "conditional";

      s = g->st[S_ACCEPTANCE_ITEM];
      bi (s, 1, id); bi (s, 2, i + 1); bt (s, 3, ck->items[i]); bt (s, 4, item_result);
      if (is_bad && item_result != NULL)
        bt (s, 5, item_result[0] == 'f' ? ck->faults[cd_demo_rng_below (&g->rng, n_faults)]
                                        : W (g, CD_DEMO_W_CONDITIONAL_NOTE));
      else
        bt (s, 5, NULL);
      if (!run (g, S_ACCEPTANCE_ITEM, NULL))
        return FALSE;
    }
  if (!gen_quantities (g, id, lines, n_lines, result))
    return FALSE;
  if (result == NULL)
    return TRUE;
  s = g->st[S_ACCEPTANCE_SIGN];
  bi (s, 1, id); bt (s, 2, result); bi (s, 3, signer); bd (g, s, 4, inspected);
  return run (g, S_ACCEPTANCE_SIGN, NULL);
}

/* ------------------------------------------------------------------ */
/* Work orders                                                         */

static CdDemoDept
pick_dept (Gen *g)
{
  guint r = cd_demo_rng_below (&g->rng, 100);

  return r < 40 ? CD_DEMO_DEPT_DESIGN : r < 60 ? CD_DEMO_DEPT_COPYWRITING
         : r < 85 ? CD_DEMO_DEPT_PRODUCTION : r < 95 ? CD_DEMO_DEPT_MEDIA : CD_DEMO_DEPT_OTHER;
}

static const char *
work_status (Gen *g, const WoProject *w, int due)
{
  int T = g->today;
  guint r = cd_demo_rng_below (&g->rng, 100);

  if (w->cancel > 0 && T >= w->cancel)
    return due < w->cancel && r < 90 ? "done" : "cancelled";
  if (w->finished)
    return r < 97 ? "done" : "cancelled";
  if (due < T - 2)
    return r < 92 ? "done" : r < 94 ? "cancelled" : "in_review";
  return r < 30 ? "issued" : r < 75 ? "in_progress" : "in_review";
}

static gboolean
gen_revisions (Gen *g, const WoProject *w, gint64 wo_id, int from, int to)
{
  guint r = cd_demo_rng_below (&g->rng, 1000);
  guint revised = g->p->revised_permille;
  /* Of the revised: 55 % one round, 30 % two, 15 % three. */
  int rounds = r >= revised ? 0 : r < revised * 55 / 100 ? 1 : r < revised * 85 / 100 ? 2 : 3;
  int d = from;

  for (int k = 1; k <= rounds; k++)
    {
      sqlite3_stmt *s = g->st[S_REVISION];

      d = imin (to, d + R (g, 0, 3));
      bi (s, 1, wo_id); bi (s, 2, k); bd (g, s, 3, d); bt (s, 4, W (g, CD_DEMO_W_REVISION_REASON));
      bt (s, 5, w->contact[0] ? w->contact : NULL);
      if (!run (g, S_REVISION, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_work_order (Gen *g, const WoProject *w)
{
  sqlite3_stmt *s = g->st[S_WORK_ORDER];
  int hi = w->cancel > 0 ? MIN (w->hi, w->cancel - 1) : w->hi;
  int issued = R (g, w->lo, MAX (w->lo, hi));
  int due = issued + R (g, 2, 10);
  CdDemoDept dept = pick_dept (g);
  const char *title = cd_demo_work_title (&g->rng, dept);
  const char *style = W (g, CD_DEMO_W_STYLE);
  const char *format = W (g, CD_DEMO_W_FORMAT);
  gboolean rush = P (g, 150);
  int priority = rush ? 1 : P (g, 750) ? 2 : 3;
  const char *status = work_status (g, w, due);
  /* Work ends by today, by the cancellation, and by the delivery. */
  int end = imin (imin (g->today, w->cancel > 0 ? w->cancel : g->today),
                  w->finished ? w->hi + 2 : g->today);
  int done = g_str_equal (status, "done") ? iclamp (due + R (g, -3, 2), issued, imax (issued, end)) : 0;
  int spent = done ? R (g, 2, 80) * 30 : g_str_equal (status, "issued") ? 0 : R (g, 1, 40) * 30;
  gint64 id;

  bt (s, 1, number (g, DOC_WORK_ORDER, issued)); bi (s, 2, w->project_id);
  bt (s, 3, fmt (g, "%s%s", w->short_name, title)); bt (s, 4, cd_demo_dept_code (dept));
  bi (s, 5, staff_pick (g, g->creative[dept])); bn (s, 6, w->ae ? w->ae : w->am);
  bt (s, 7, fmt (g, "风格：%s；交付：%s；%s", style, format, rush ? "加急，请优先处理" : "按品牌规范执行"));
  bd (g, s, 8, issued); bd (g, s, 9, due); bi (s, 10, priority); bt (s, 11, status);
  bd (g, s, 12, done); bi (s, 13, spent);
  if (!run (g, S_WORK_ORDER, &id))
    return FALSE;
  if (!g_str_equal (status, "issued") && !g_str_equal (status, "cancelled")
      && !gen_revisions (g, w, id, issued, done ? done : MAX (issued, end)))
    return FALSE;
  /* 出品检查表: some design and copy work is checked before it goes out. */
  if (done && dept <= CD_DEMO_DEPT_COPYWRITING && P (g, 40))
    return gen_acceptance (g, 0, id, CD_DEMO_N_SUPPLIER_CATS, done, w->am,
                           P (g, 900) ? "pass" : "conditional", NULL, 0);
  return TRUE;
}

static gboolean
gen_work_orders (Gen *g, const WoProject *w, guint n)
{
  for (guint i = 0; i < n; i++)
    if (!gen_work_order (g, w))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Suppliers: quotes, orders, deliveries, payments                     */

static gboolean
gen_supplier_payment (Gen *g, gint64 order_id, gint64 total, int accepted)
{
  sqlite3_stmt *s = g->st[S_SUPPLIER_PAYMENT];
  int T = g->today;
  gint64 amount;

  if (accepted + 30 > T || !P (g, 900))
    return TRUE;
  amount = P (g, 900) ? total : total / 2;
  if (amount <= 0)
    return TRUE;
  bi (s, 1, order_id); bd (g, s, 2, R (g, accepted + 25, MIN (accepted + 60, T)));
  bi (s, 3, amount); bt (s, 4, fmt (g, "FK%s%05u", D (g, accepted), cd_demo_rng_below (&g->rng, 100000)));
  return run (g, S_SUPPLIER_PAYMENT, NULL);
}

/* One supplier order with its lines, its acceptance and, when it failed,
 * the rework order that replaced it. @qty overrides the lines' quantities
 * (the campaign's per-store kits). */
static gboolean
gen_order (Gen *g, Project *p, guint cat, const Supplier *sup, const OrderPlan *plan,
           const Line *lines, const gint64 *prices, const gint64 *qty, int n, gint64 rework_of)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);
  sqlite3_stmt *s = g->st[S_SUPPLIER_ORDER];
  int T = g->today;
  const char *status;
  const char *result = NULL;
  gint64 id, total = 0;
  gboolean draft_check = FALSE;
  Counted counted[MAX_LINES];

  if (plan->order > T || (p->cancel > 0 && p->outcome == OUT_TERMINATE && plan->order >= p->cancel))
    return TRUE;
  if (T < plan->order + 1)
    status = "requested";
  else if (T < plan->delivered)
    status = "ordered";
  else if (T < plan->inspected)
    status = "delivered";
  else if (!plan->fail)
    {
      draft_check = T == plan->inspected && P (g, 500);
      status = draft_check ? "delivered" : "accepted";
      result = draft_check ? NULL : P (g, 950) ? "pass" : "conditional";
    }
  else
    {
      status = T < plan->inspected + 2 ? "rejected" : "reworked";
      result = "fail";
    }

  bt (s, 1, number (g, DOC_SUPPLIER_ORDER, plan->order)); bi (s, 2, p->id); bi (s, 3, sup->id);
  bt (s, 4, status); bd (g, s, 5, plan->order); bd (g, s, 6, plan->promised);
  bd (g, s, 7, T >= plan->delivered ? plan->delivered : 0);
  bd (g, s, 8, g_str_equal (status, "accepted") ? plan->inspected : 0);
  bt (s, 9, p->place != NULL ? p->place : p->client->address); bn (s, 10, rework_of);
  bt (s, 11, rework_of ? "返工重做，费用由供应商承担" : NULL);
  if (!run (g, S_SUPPLIER_ORDER, &id))
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      const CdDemoCatalogueItem *item = &catalogue[lines[i].cat];
      gint64 q = qty != NULL ? qty[i] : lines[i].qty_milli;
      gint64 amount = cd_money_line_amount (q, prices[i], 0);
      gint64 tax = cd_money_tax (amount, sup->rate_bp);

      s = g->st[S_ORDER_LINE];
      bi (s, 1, id); bi (s, 2, i + 1); bn (s, 3, lines[i].id); bt (s, 4, item->name);
      bt (s, 5, item->spec); bi (s, 6, q); bt (s, 7, item->unit); bi (s, 8, prices[i]);
      bi (s, 9, sup->rate_bp); bi (s, 10, amount); bi (s, 11, tax);
      if (!run (g, S_ORDER_LINE, &counted[i].id))
        return FALSE;
      counted[i].item = item->name;
      counted[i].unit = item->unit;
      counted[i].qty_milli = q;
      total += amount + tax;
    }
  if ((result != NULL || draft_check)
      && !gen_acceptance (g, id, 0, cat, plan->inspected, p->wo.am, result, counted, n))
    return FALSE;
  if (g_str_equal (status, "accepted"))
    return gen_supplier_payment (g, id, total, plan->inspected);
  if (g_str_equal (status, "reworked"))
    {
      OrderPlan again = { plan->inspected + 1, 0, 0, 0, FALSE };

      again.promised = again.order + R (g, 2, 5);
      again.delivered = again.promised + R (g, -1, 1);
      again.inspected = again.delivered + R (g, 0, 1);
      return gen_order (g, p, cat, sup, &again, lines, prices, qty, n, id);
    }
  return TRUE;
}

/* Two or three suppliers quote every line of the group; one is chosen. */
static gboolean
gen_supplier_quotes (Gen *g, Project *p, const Line *lines, int n, int quote_date,
                     guint k, const Supplier **cand, gint64 (*price)[MAX_LINES], const int *lead,
                     guint chosen, const char *reason)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);

  for (guint c = 0; c < k; c++)
    for (int i = 0; i < n; i++)
      {
        sqlite3_stmt *s = g->st[S_SUPPLIER_QUOTE];
        const CdDemoCatalogueItem *item = &catalogue[lines[i].cat];

        bi (s, 1, p->id); bi (s, 2, cand[c]->id); bn (s, 3, lines[i].id); bt (s, 4, item->name);
        bt (s, 5, item->spec); bi (s, 6, lines[i].qty_milli); bi (s, 7, price[c][i]);
        bi (s, 8, lead[c]); bd (g, s, 9, quote_date); bi (s, 10, c == chosen);
        bt (s, 11, c == chosen ? reason : NULL);
        if (!run (g, S_SUPPLIER_QUOTE, NULL))
          return FALSE;
      }
  return TRUE;
}

static gboolean
gen_supply_group (Gen *g, Project *p, guint cat, const Line *lines, int n)
{
  GArray *pool = g->suppliers[cat];
  const Supplier *cand[3];
  gint64 price[3][MAX_LINES], total[3] = { 0 };
  int lead[3];
  guint k = P (g, 400) ? 3 : 2, best = 0, chosen, first;
  const char *reason;
  OrderPlan plan;
  int quote_date = p->signed_ + R (g, 1, 4);

  if (quote_date > g->today || (p->outcome == OUT_TERMINATE && quote_date >= p->cancel))
    return TRUE;
  first = cd_demo_rng_below (&g->rng, pool->len);
  for (guint c = 0; c < k; c++)
    {
      /* Distinct suppliers: consecutive in the pool from a random start. */
      cand[c] = &g_array_index (pool, Supplier, (first + c) % pool->len);
      lead[c] = R (g, 3, 15);
      for (int i = 0; i < n; i++)
        {
          price[c][i] = lmax (1, lines[i].price_fen * R (g, 45, 75) / 100);
          total[c] += cd_money_line_amount (lines[i].qty_milli, price[c][i], 0);
        }
      if (total[c] < total[best])
        best = c;
    }
  chosen = best;
  reason = P (g, 500) ? "价格最低" : "综合性价比最高";
  if (P (g, 250))
    {
      chosen = (best + 1) % k;
      reason = W (g, CD_DEMO_W_CHOICE_REASON);
    }
  if (!gen_supplier_quotes (g, p, lines, n, quote_date, k, cand, price, lead, chosen, reason))
    return FALSE;
  plan.order = quote_date + R (g, 1, 3);
  plan.promised = plan.order + lead[chosen];
  plan.delivered = imax (plan.order + 1, plan.promised + R (g, -2, 3));
  plan.inspected = plan.delivered + R (g, 0, 1);
  plan.fail = P (g, 60);
  return gen_order (g, p, cat, cand[chosen], &plan, lines, price[chosen], NULL, n, 0);
}

static gboolean
gen_supply (Gen *g, Project *p)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);

  for (guint cat = 0; cat < CD_DEMO_N_SUPPLIER_CATS; cat++)
    {
      Line group[MAX_LINES];
      int n = 0;

      for (int i = 0; i < p->n_lines; i++)
        if ((guint) catalogue[p->lines[i].cat].category == cat + 1)
          group[n++] = p->lines[i];
      if (n > 0 && !gen_supply_group (g, p, cat, group, n))
        return FALSE;
    }
  return TRUE;
}

/* 客户提货单: the goods of a delivered project, signed by the client. A
 * signed slip refuses new lines (schema 6): it is written issued, given its
 * lines, then signed, as the app does; the paper comes back two days
 * after the goods, or today if that is sooner. */
static gboolean
gen_pickup_slip (Gen *g, Project *p)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);
  sqlite3_stmt *s = g->st[S_PICKUP];
  gboolean is_signed = p->status == P_CLOSED || g->today > p->delivery + 1;
  int pos = 0;
  gint64 id;

  bt (s, 1, number (g, DOC_PICKUP_SLIP, p->delivery)); bi (s, 2, p->id); bi (s, 3, p->client->id);
  bd (g, s, 4, p->delivery); bt (s, 5, NULL);
  bt (s, 6, "issued"); bt (s, 7, P (g, 500) ? "送货上门" : "客户自提");
  if (!run (g, S_PICKUP, &id))
    return FALSE;
  for (int i = 0; i < p->n_lines; i++)
    {
      const CdDemoCatalogueItem *item = &catalogue[p->lines[i].cat];

      if (item->category != CD_DEMO_CAT_PRINT && item->category != CD_DEMO_CAT_LARGE_FORMAT
          && item->category != CD_DEMO_CAT_GIFTS)
        continue;
      s = g->st[S_PICKUP_LINE];
      bi (s, 1, id); bi (s, 2, ++pos); bt (s, 3, item->name); bi (s, 4, p->lines[i].qty_milli);
      bt (s, 5, item->unit);
      if (!run (g, S_PICKUP_LINE, NULL))
        return FALSE;
    }
  if (!is_signed)
    return TRUE;
  s = g->st[S_PICKUP_SIGN];
  bi (s, 1, id); bt (s, 2, p->client->contact[0]);
  bd (g, s, 3, imax (p->delivery, imin (p->delivery + 2, g->today)));
  return run (g, S_PICKUP_SIGN, NULL);
}

/* ------------------------------------------------------------------ */
/* Projects: plan, brief, quotes, contract, payments                   */

static ProjStatus
status_at (const Project *p, int T)
{
  if (p->outcome == OUT_BRIEF_CANCEL)
    return T < p->cancel ? P_BRIEF : P_CANCELLED;
  if (T < p->created[0])
    return P_BRIEF;
  if (p->outcome == OUT_QUOTE_CANCEL && T >= p->cancel)
    return P_CANCELLED;
  if (T < p->signed_)
    return P_QUOTING;
  if (T < p->prod_start)
    return P_CONTRACTED;
  if (p->outcome == OUT_TERMINATE && T >= p->cancel)
    return P_CANCELLED;
  if (T < p->delivery)
    return P_IN_PRODUCTION;
  return T < p->closed ? P_DELIVERED : P_CLOSED;
}

/* The dates a project would reach each step on; @open keeps a prospect's
 * project undecided. */
static void
plan_timeline (Gen *g, Project *p, int lo, int hi, gboolean open)
{
  guint r;
  int d;

  p->start = R (g, lo, MAX (lo, hi));
  p->n_versions = 1 + (P (g, 350) ? 1 + P (g, 280) : 0);
  d = p->start + R (g, 2, 6);
  for (int v = 0; v < p->n_versions; v++)
    {
      p->created[v] = d;
      p->sent[v] = d + R (g, 1, 3);
      d = p->sent[v] + R (g, 4, 10);
    }
  p->decision = p->sent[p->n_versions - 1] + R (g, 3, 10);
  if (open && p->decision <= g->today)
    p->decision = g->today + R (g, 1, 10);
  p->signed_ = p->decision + R (g, 1, 6);
  p->prod_start = p->signed_ + R (g, 0, 5);
  p->delivery = p->prod_start + R (g, 15, 60);
  p->closed = p->delivery + R (g, 20, 60);

  r = cd_demo_rng_below (&g->rng, 1000);
  p->outcome = open ? OUT_NORMAL : r < 20 ? OUT_BRIEF_CANCEL : r < 90 ? OUT_QUOTE_CANCEL
                                  : r < 105 ? OUT_TERMINATE : OUT_NORMAL;
  p->cancel_reason = W (g, p->outcome == OUT_TERMINATE ? CD_DEMO_W_TERMINATE_REASON : CD_DEMO_W_CANCEL_REASON);
  p->cancel = p->outcome == OUT_BRIEF_CANCEL ? p->start + 1 + R (g, 0, p->created[0] - p->start - 2)
              : p->outcome == OUT_QUOTE_CANCEL ? p->decision
              : p->outcome == OUT_TERMINATE ? p->prod_start + (p->delivery - p->prod_start) / 2 : 0;
  p->status = status_at (p, g->today);
}

/* A round quantity in the item's usual range; square metres may have
 * decimals. */
static gint64
plan_qty (Gen *g, const CdDemoCatalogueItem *item)
{
  gint64 units = R (g, item->qty_lo, item->qty_hi);

  if (units >= 1000)
    units = units / 100 * 100;
  else if (units >= 100)
    units = units / 10 * 10;
  if (item->fractional && P (g, 500))
    return units * 1000 + R (g, 1, 9) * 100;
  return units * 1000;
}

static void
plan_lines (Gen *g, Project *p)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);
  int n_items = 0, want;

  while (p->type->items[n_items] >= 0)
    n_items++;
  want = R (g, MIN (3, n_items), MIN (7, n_items));
  p->n_lines = 0;
  /* Selection sampling: @want of the type's items, in their order. */
  for (int i = 0; i < n_items && p->n_lines < want; i++)
    if ((int) cd_demo_rng_below (&g->rng, (guint32) (n_items - i)) < want - p->n_lines)
      {
        Line *l = &p->lines[p->n_lines++];
        const CdDemoCatalogueItem *item = &catalogue[p->type->items[i]];

        l->cat = p->type->items[i];
        l->qty_milli = plan_qty (g, item);
        l->price_fen = item->price_fen * R (g, 90, 115) / 100;
        if (l->price_fen >= 10000)
          l->price_fen = (l->price_fen + 50) / 100 * 100;
        l->discount_bp = P (g, 80) ? (P (g, 500) ? 500 : 1000) : 0;
      }
}

/* Later versions: the client haggles, quantities move, v3 drops a line. */
static void
revise_lines (Gen *g, Project *p, int version)
{
  for (int i = 0; i < p->n_lines; i++)
    {
      Line *l = &p->lines[i];

      l->price_fen = lmax (1, l->price_fen * (100 - R (g, 2, 6)) / 100);
      if (P (g, 300))
        l->qty_milli = lmax (1000, l->qty_milli * R (g, 80, 120) / 100 / 1000 * 1000);
    }
  if (version == 3 && p->n_lines > 3)
    p->n_lines--;
}

static gboolean
insert_quote_lines (Gen *g, Project *p, gint64 quote_id)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);

  for (int i = 0; i < p->n_lines; i++)
    {
      sqlite3_stmt *s = g->st[S_QUOTE_LINE];
      Line *l = &p->lines[i];
      const CdDemoCatalogueItem *item = &catalogue[l->cat];

      bi (s, 1, quote_id); bi (s, 2, i + 1); bi (s, 3, g->catalogue_id[l->cat]);
      bt (s, 4, item->name); bt (s, 5, item->spec); bi (s, 6, l->qty_milli); bt (s, 7, item->unit);
      bi (s, 8, l->price_fen); bi (s, 9, l->discount_bp); bi (s, 10, QUOTE_TAX_BP);
      bi (s, 11, l->amount_fen);
      if (!run (g, S_QUOTE_LINE, &l->id))
        return FALSE;
    }
  return TRUE;
}

static const char *
version_status (const Project *p, int v, int last, int T)
{
  if (v < last)
    return "superseded";
  if (v == p->n_versions - 1 && T >= p->decision)
    return p->outcome == OUT_QUOTE_CANCEL ? "rejected" : "accepted";
  return T >= p->sent[v] ? "sent" : "draft";
}

/* Every version is a row; the accepted one gets its lines while still
 * "sent" and is then moved to "accepted", which locks it. */
static gboolean
gen_quotes (Gen *g, Project *p)
{
  const char *num = NULL;
  gint64 prev = 0;
  int T = g->today, last = 0;

  if (p->outcome == OUT_BRIEF_CANCEL || p->created[0] > T)
    return TRUE;
  while (last + 1 < p->n_versions && p->created[last + 1] <= T)
    last++;
  num = fmt (g, "%s", number (g, DOC_QUOTE, p->created[0]));
  for (int v = 0; v <= last; v++)
    {
      sqlite3_stmt *s = g->st[S_QUOTE];
      const char *status = version_status (p, v, last, T);
      gboolean accepted = g_str_equal (status, "accepted");
      int decided = v < last ? p->created[v + 1] : accepted || status[0] == 'r' ? p->decision : 0;

      if (v > 0)
        revise_lines (g, p, v + 1);
      p->subtotal_fen = 0;
      for (int i = 0; i < p->n_lines; i++)
        {
          Line *l = &p->lines[i];
          l->amount_fen = cd_money_line_amount (l->qty_milli, l->price_fen, l->discount_bp);
          p->subtotal_fen += l->amount_fen;
        }
      p->total_fen = p->subtotal_fen + cd_money_tax (p->subtotal_fen, QUOTE_TAX_BP);
      bt (s, 1, num); bi (s, 2, v + 1); bi (s, 3, p->id); bi (s, 4, p->client->id);
      bt (s, 5, accepted ? "sent" : status); bn (s, 6, prev);
      bt (s, 7, v > 0 ? W (g, CD_DEMO_W_VERSION_REASON) : NULL); bd (g, s, 8, p->created[v]);
      bd (g, s, 9, p->sent[v] <= T ? p->sent[v] : 0); bd (g, s, 10, decided);
      bd (g, s, 11, p->created[v] + 30); bt (s, 12, W (g, CD_DEMO_W_PAYMENT_TERMS));
      bi (s, 13, p->subtotal_fen); bi (s, 14, p->total_fen - p->subtotal_fen); bi (s, 15, p->total_fen);
      if (!run (g, S_QUOTE, &prev) || !insert_quote_lines (g, p, prev))
        return FALSE;
      if (accepted)
        {
          p->quote_id = prev;
          bi (g->st[S_QUOTE_ACCEPT], 1, prev);
          if (!run (g, S_QUOTE_ACCEPT, NULL))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
gen_payment (Gen *g, gint64 installment, int date, gint64 amount)
{
  sqlite3_stmt *s = g->st[S_PAYMENT];
  guint r = cd_demo_rng_below (&g->rng, 100);

  bi (s, 1, installment); bd (g, s, 2, date); bi (s, 3, amount);
  bt (s, 4, r < 90 ? "transfer" : r < 96 ? "cheque" : r < 98 ? "cash" : "other");
  bt (s, 5, fmt (g, "回单%s-%04u", D (g, date), cd_demo_rng_below (&g->rng, 10000)));
  return run (g, S_PAYMENT, NULL);
}

/* Receivables: closed projects are paid up; the others paid on time,
 * partly, or not yet. Never more than an installment asks. */
static gboolean
gen_payments (Gen *g, Project *p, gint64 installment, gint64 amount, int due)
{
  int T = g->today, hi, date;
  guint r;

  if (p->status != P_CLOSED && (due > T || (p->outcome == OUT_TERMINATE && due >= p->cancel)))
    return TRUE;
  r = cd_demo_rng_below (&g->rng, 100);
  if (p->status != P_CLOSED && r >= 90)
    return TRUE;
  hi = p->status == P_CLOSED ? p->closed - 1 : MIN (due + 30, T);
  date = R (g, MIN (due - 5, hi), hi);
  date = MAX (date, p->signed_);
  if (p->status != P_CLOSED && r >= 75)
    return gen_payment (g, installment, date, lmax (1, amount * R (g, 30, 80) / 100));
  if (amount >= 200 && P (g, 120))
    {
      gint64 first = amount * R (g, 40, 70) / 100;
      int second = imin (date + R (g, 5, 20), p->status == P_CLOSED ? p->closed - 1 : T);

      return gen_payment (g, installment, date, first)
             && gen_payment (g, installment, MAX (date, second), amount - first);
    }
  return gen_payment (g, installment, date, amount);
}

static const int plan1[] = { 10000 }, plan2[] = { 5000, 5000 }, plan3[] = { 3000, 4000, 3000 };
static const int *const plans[3] = { plan1, plan2, plan3 };
static const char *const plan_labels[3][3] = {
  { "全款" }, { "预付款", "尾款" }, { "预付款", "中期款", "尾款" } };
static const char *const plan_terms[3] = {
  "验收合格后30日内一次性支付全部款项", "合同签订后7日内支付50%预付款，验收合格后30日内支付50%尾款",
  "合同签订后7日内支付30%，制作中期支付40%，验收合格后30日内支付30%" };

/* Installment plan @k (1, 2 or 3 installments) of the contract total;
 * the shares always add up to it (cd_money_split ()). */
static gboolean
gen_installments (Gen *g, Project *p, gint64 contract, guint k)
{
  gint64 shares[3];
  int dues[3];

  cd_money_split (p->total_fen, plans[k], k + 1, shares);
  dues[0] = k == 0 ? p->delivery + 30 : p->signed_ + 7;
  dues[1] = k == 1 ? p->delivery + 30 : (p->prod_start + p->delivery) / 2;
  dues[2] = p->delivery + 30;
  for (guint i = 0; i <= k; i++)
    {
      sqlite3_stmt *s = g->st[S_INSTALLMENT];
      gint64 id;

      bi (s, 1, contract); bi (s, 2, i + 1); bt (s, 3, plan_labels[k][i]); bd (g, s, 4, dues[i]);
      bi (s, 5, shares[i]);
      if (!run (g, S_INSTALLMENT, &id) || !gen_payments (g, p, id, shares[i], dues[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_contract_status (Gen *g, gint64 id, const char *status, const char *reason)
{
  sqlite3_stmt *s = g->st[S_CONTRACT_STATUS];

  bi (s, 1, id); bt (s, 2, status); bt (s, 3, reason);
  return run (g, S_CONTRACT_STATUS, NULL);
}

/* Drafted from the accepted quote, installments added, then signed (which
 * locks them) and moved along draft → signed → executing → completed or
 * terminated, one legal move at a time. */
static gboolean
gen_contract (Gen *g, Project *p)
{
  sqlite3_stmt *s = g->st[S_CONTRACT];
  int T = g->today;
  guint k = p->total_fen >= 1000 ? cd_demo_rng_below (&g->rng, 3) : 0;
  g_autofree char *words = cd_money_to_words (p->total_fen);
  g_autofree char *plain = cd_money_format_plain (p->total_fen);
  gboolean is_signed = T >= p->signed_;
  gint64 id;

  bt (s, 1, number (g, DOC_CONTRACT, imin (p->decision + 1, T))); bi (s, 2, p->quote_id); bi (s, 3, p->id);
  bi (s, 4, p->client->id); bt (s, 5, fmt (g, "%s服务合同", p->name)); bi (s, 6, p->total_fen);
  bd (g, s, 7, p->signed_); bd (g, s, 8, p->delivery + 30); bd (g, s, 9, is_signed ? p->signed_ : 0);
  bt (s, 10, fmt (g, "一、服务内容：乙方为甲方提供“%s”的创意设计、制作及执行服务，具体内容以双方确认的报价单为准。\n"
                     "二、合同金额：人民币%s（¥%s），含6%%增值税。\n"
                     "三、付款方式：%s。\n"
                     "四、交付与验收：乙方按甲方确认的方案及时间交付，甲方应在收到交付物后5个工作日内完成验收并签字确认。\n"
                     "五、知识产权：设计成果在甲方付清全部款项后归甲方所有。\n"
                     "六、违约责任：任何一方违约，应赔偿对方因此造成的直接损失。\n"
                     "七、争议解决：协商不成的，提交上海仲裁委员会仲裁。",
                  p->name, words, plain, plan_terms[k]));
  if (!run (g, S_CONTRACT, &id) || !gen_installments (g, p, id, k))
    return FALSE;
  if (!is_signed)
    return TRUE;
  if (!set_contract_status (g, id, "signed", NULL))
    return FALSE;
  if (T < p->prod_start)
    return TRUE;
  if (!set_contract_status (g, id, "executing", NULL))
    return FALSE;
  if (p->outcome == OUT_TERMINATE && T >= p->cancel)
    return set_contract_status (g, id, "terminated", p->cancel_reason);
  return p->status != P_CLOSED || set_contract_status (g, id, "completed", NULL);
}

static gboolean
gen_brief (Gen *g, Project *p)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);
  sqlite3_stmt *s = g->st[S_BRIEF];
  GString *deliverables = g_string_new (NULL);
  gint64 estimate = 0;
  gboolean ok;

  for (int i = 0; i < p->n_lines; i++)
    {
      const Line *l = &p->lines[i];
      estimate += cd_money_line_amount (l->qty_milli, l->price_fen, l->discount_bp);
      g_string_append_printf (deliverables, "%s%s", i ? "、" : "", catalogue[l->cat].name);
    }
  /* Budgets are talked about in round ten-thousands of yuan. */
  estimate = MAX (1000000, estimate / 1000000 * 1000000);
  bi (s, 1, p->id);
  bt (s, 2, fmt (g, "%s（%s）计划开展“%s”，希望借助整合传播提升品牌声量。", p->client->short_name,
                 p->client->city->name, p->name));
  bt (s, 3, W (g, CD_DEMO_W_OBJECTIVE)); bt (s, 4, W (g, CD_DEMO_W_AUDIENCE));
  bt (s, 5, deliverables->str); bt (s, 6, W (g, CD_DEMO_W_CHANNELS));
  bi (s, 7, estimate * 8 / 10); bi (s, 8, estimate * 13 / 10); bd (g, s, 9, p->delivery);
  bd (g, s, 10, p->prod_start); bt (s, 11, W (g, CD_DEMO_W_MANDATORY)); bt (s, 12, W (g, CD_DEMO_W_APPROVALS));
  ok = run (g, S_BRIEF, NULL);
  g_string_free (deliverables, TRUE);
  return ok;
}

static gboolean
insert_project (Gen *g, Project *p)
{
  sqlite3_stmt *s = g->st[S_PROJECT];
  guint r = cd_demo_rng_below (&g->rng, 10);

  bt (s, 1, number (g, DOC_PROJECT, p->start)); bi (s, 2, p->client->id); bt (s, 3, p->name);
  bt (s, 4, status_names[p->status]); bi (s, 5, p->client->am); bn (s, 6, p->client->ae);
  bd (g, s, 7, p->start); bd (g, s, 8, p->delivery); bi (s, 9, r < 7 ? 2000 : r < 9 ? 1500 : 2500);
  bt (s, 10, p->status == P_CANCELLED ? p->cancel_reason : NULL);
  return run (g, S_PROJECT, &p->id);
}

static gboolean
has_goods (const Project *p)
{
  guint nc;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);

  for (int i = 0; i < p->n_lines; i++)
    {
      CdDemoCategory c = catalogue[p->lines[i].cat].category;
      if (c == CD_DEMO_CAT_PRINT || c == CD_DEMO_CAT_LARGE_FORMAT || c == CD_DEMO_CAT_GIFTS)
        return TRUE;
    }
  return FALSE;
}

static void
prepare_wo (Gen *g, Project *p)
{
  WoProject *w = &p->wo;

  memset (w, 0, sizeof *w);
  w->project_id = p->id;
  w->am = p->client->am;
  w->ae = p->client->ae;
  w->lo = MAX (p->signed_, p->prod_start - 5);
  w->hi = MAX (w->lo, MIN (p->delivery - 2, g->today));
  w->cancel = p->outcome == OUT_TERMINATE ? p->cancel : 0;
  w->finished = p->status == P_DELIVERED || p->status == P_CLOSED;
  g_strlcpy (w->short_name, p->client->short_name, sizeof w->short_name);
  g_strlcpy (w->contact, p->client->contact[0], sizeof w->contact);
}

/* Everything after the brief: quotes, and for a won project the contract,
 * the work orders, the suppliers and the pickup slip. */
static gboolean
gen_project_documents (Gen *g, Project *p, guint n_work_orders)
{
  if (!gen_quotes (g, p))
    return FALSE;
  if (p->outcome == OUT_BRIEF_CANCEL || p->outcome == OUT_QUOTE_CANCEL || g->today < p->decision)
    return TRUE;
  if (!gen_contract (g, p))
    return FALSE;
  if (p->status < P_CONTRACTED || (p->status == P_CANCELLED && g->today < p->prod_start))
    return TRUE;
  prepare_wo (g, p);
  /* A project still in production has had the work orders of its days so far. */
  if (p->status == P_IN_PRODUCTION && p->delivery - 2 > p->wo.lo)
    n_work_orders = MAX (1u, n_work_orders * (guint) (g->today - p->wo.lo)
                                / (guint) (p->delivery - 2 - p->wo.lo));
  if (p->status != P_CONTRACTED && !gen_work_orders (g, &p->wo, n_work_orders))
    return FALSE;
  if (g->wo_projects != NULL && p->status >= P_IN_PRODUCTION && p->status <= P_CLOSED)
    g_array_append_val (g->wo_projects, p->wo);
  /* Some projects are design and media only, or buy through the client. */
  if (!P (g, g->p->supply_permille))
    return TRUE;
  if (!gen_supply (g, p))
    return FALSE;
  if ((p->status == P_DELIVERED || p->status == P_CLOSED) && has_goods (p))
    return gen_pickup_slip (g, p);
  return TRUE;
}

static gboolean
gen_project (Gen *g, Client *c, int lo, int hi, gboolean open)
{
  guint nt;
  const CdDemoProjectType *types = cd_demo_project_types (&nt);
  Project p;
  int mean = (int) g->p->wo_mean;

  memset (&p, 0, sizeof p);
  p.client = c;
  p.type = &types[cd_demo_rng_below (&g->rng, nt)];
  plan_timeline (g, &p, lo, hi, open);
  {
    GDate d = day (g, p.start)->date;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    g_snprintf (p.name, sizeof p.name, p.type->name, c->short_name, (int) g_date_get_year (&d));
#pragma GCC diagnostic pop
  }
  plan_lines (g, &p);
  return insert_project (g, &p) && gen_brief (g, &p)
         && gen_project_documents (g, &p, (guint) R (g, MAX (1, mean / 2), mean + mean / 2));
}

/* ------------------------------------------------------------------ */
/* Clients, their contacts, visits and feedback                        */

static int
month_first (Gen *g, int jd)
{
  return jd - (int) g_date_get_day (&day (g, jd)->date) + 1;
}

static int
month_next (Gen *g, int jd)
{
  const GDate *d = &day (g, jd)->date;

  return month_first (g, jd) + g_date_get_days_in_month (g_date_get_month (d), g_date_get_year (d));
}

static gboolean
gen_contacts (Gen *g, Client *c, const char *domain)
{
  static const guint8 weights[] = { 30, 65, 90, 100 };
  guint r = cd_demo_rng_below (&g->rng, 100);

  c->n_contacts = 1;
  while (r >= weights[c->n_contacts - 1])
    c->n_contacts++;
  for (int i = 0; i < c->n_contacts; i++)
    {
      sqlite3_stmt *s = g->st[S_CONTACT];
      char pinyin[48], phone[16];
      const char *title = W (g, CD_DEMO_W_TITLE);
      gboolean boss = strstr (title, "总") != NULL;

      cd_demo_person (&g->rng, c->contact[i], sizeof c->contact[i], pinyin, sizeof pinyin);
      cd_demo_mobile (&g->rng, phone, sizeof phone);
      bi (s, 1, c->id); bt (s, 2, c->contact[i]); bt (s, 3, title); bt (s, 4, phone);
      bt (s, 5, fmt (g, "%s@%s", pinyin, domain)); bt (s, 6, P (g, 500) ? phone : NULL);
      bi (s, 7, boss || (i == 0 && P (g, 500))); bi (s, 8, i == 0); bi (s, 9, P (g, 100));
      if (!run (g, S_CONTACT, &c->contact_id[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
review_visit (Gen *g, gint64 id, int date)
{
  sqlite3_stmt *s = g->st[S_VISIT_REVIEW];
  int at = month_next (g, date) + R (g, 0, 4);

  bi (s, 1, id); bt (s, 2, W (g, CD_DEMO_W_REVIEW_COMMENT)); bi (s, 3, g->directors[P (g, 500)]);
  bt (s, 4, fmt (g, "%sT10:00:00Z", D (g, MIN (at, g->today))));
  return run (g, S_VISIT_REVIEW, NULL);
}

/* A visit that would fall on a weekend moves to a working day of the same
 * week (of the next, when that leaves [@lo, @hi]), the day picked by the
 * date itself so that the demo stays the same for a seed and Mondays and
 * Fridays are not crowded: people visit clients on working days. Julian
 * day 1 was a Monday. */
static int
weekday_near (int jd, int lo, int hi)
{
  int weekday = (jd - 1) % 7;  /* 0 Monday … 6 Sunday */
  int monday = jd - weekday, pick = (jd / 7) % 5;

  if (weekday < 5)
    return jd;
  if (monday + pick >= lo && monday + pick <= hi)
    return monday + pick;
  if (monday + 7 + pick >= lo && monday + 7 + pick <= hi)
    return monday + 7 + pick;
  return jd;
}

/* Visit logs; the supervisor reviews last month's at month end, which
 * locks them: they are logged first, then moved to reviewed. */
static gboolean
gen_visits (Gen *g, Client *c, int lo, int hi, guint n)
{
  static const int cycle[3] = { 14, 30, 90 };
  int this_month = month_first (g, g->today);

  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *s = g->st[S_VISIT];
      int date = weekday_near (R (g, lo, hi), lo, hi);
      guint mode = cd_demo_rng_below (&g->rng, 100);
      gboolean special = P (g, 50);
      gint64 id;

      bi (s, 1, c->id); bi (s, 2, c->ae && P (g, 700) ? c->ae : c->am);
      bi (s, 3, c->contact_id[cd_demo_rng_below (&g->rng, (guint32) c->n_contacts)]);
      bd (g, s, 4, date); bt (s, 5, mode < 60 ? "in_person" : mode < 85 ? "phone" : "online");
      bi (s, 6, special); bt (s, 7, W (g, special ? CD_DEMO_W_SPECIAL_TOPIC : CD_DEMO_W_VISIT_TOPIC));
      bt (s, 8, W (g, CD_DEMO_W_OPINION)); bt (s, 9, W (g, CD_DEMO_W_NEED));
      bt (s, 10, W (g, CD_DEMO_W_HANDLING)); bd (g, s, 11, date + cycle[c->tier] + R (g, -3, 3));
      if (!run (g, S_VISIT, &id))
        return FALSE;
      if (date < this_month && P (g, 900) && !review_visit (g, id, date))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_feedback (Gen *g, Client *c, int lo, int hi)
{
  for (int praise = 0; praise < 2; praise++)
    {
      sqlite3_stmt *s = g->st[S_FEEDBACK];
      int date, closed;

      if (!P (g, g->p->feedback_permille * (praise ? 12 : 10) / 10))
        continue;
      date = R (g, lo, hi);
      closed = date < g->today - 14 && P (g, 900) ? imin (g->today, date + R (g, 2, 14)) : 0;
      bi (s, 1, c->id); bt (s, 2, praise ? "praise" : "complaint"); bd (g, s, 3, date);
      bt (s, 4, W (g, praise ? CD_DEMO_W_PRAISE : CD_DEMO_W_COMPLAINT)); bi (s, 5, praise || P (g, 800));
      bi (s, 6, c->am); bt (s, 7, closed && !praise ? W (g, CD_DEMO_W_RESOLUTION) : NULL);
      bt (s, 8, closed ? "closed" : "open"); bd (g, s, 9, closed);
      if (!run (g, S_FEEDBACK, NULL))
        return FALSE;
    }
  return TRUE;
}

/* Status, dates of life and owners. Client 0 is the key account that
 * runs the nationwide campaign. */
static void
plan_client (Gen *g, Client *c, guint index)
{
  guint r = cd_demo_rng_below (&g->rng, 1000);
  guint t = cd_demo_rng_below (&g->rng, 1000);
  guint am = cd_demo_rng_below (&g->rng, g->n_active_am);
  guint n_ae = (g->aes->len + g->n_active_am - 1 - am) / g->n_active_am;
  int T = g->today;

  c->tier = index == 0 || t < 150 ? 0 : t < 500 ? 1 : 2;
  c->status = index == 0 || (r >= 100 && r < 820) ? "active" : r < 100 ? "prospect" : r < 940 ? "dormant" : "lost";
  /* Half the clients were already clients three years ago. */
  c->created = index == 0 ? g->start - 380
               : P (g, 500) ? R (g, g->start - 380, g->start) : R (g, g->start, T - 7);
  if (g_str_equal (c->status, "prospect"))
    c->created = R (g, T - 120, T - 3);
  if ((c->status[0] == 'l' && c->created + 150 > T - 10) || (c->status[0] == 'd' && c->created > T - 300))
    c->status = "active";
  c->end = c->status[0] == 'l' ? R (g, c->created + 150, T - 10)
           : c->status[0] == 'd' ? R (g, MAX (c->created + 60, g->start), T - 180) : T;
  c->am = g_array_index (g->ams, gint64, am);
  c->ae = n_ae > 0 ? g_array_index (g->aes, gint64, am + g->n_active_am * cd_demo_rng_below (&g->rng, n_ae)) : 0;
}

static gboolean
insert_client (Gen *g, Client *c, guint index, const CdDemoIndustry *industry)
{
  sqlite3_stmt *s = g->st[S_CLIENT];
  char code[19], bank[96], account[32], phone[24];
  gboolean lost = c->status[0] == 'l';

  cd_demo_credit_code (g->code_offset + index, c->city->division, code);
  cd_demo_bank (&g->rng, c->city, bank, sizeof bank, account, sizeof account);
  cd_demo_landline (&g->rng, c->city, phone, sizeof phone);
  bt (s, 1, c->name); bt (s, 2, c->short_name); bt (s, 3, code); bt (s, 4, industry->name);
  bt (s, 5, c->city->region); bt (s, 6, c->address); bt (s, 7, (const char *[]) { "A", "B", "C" }[c->tier]);
  bt (s, 8, c->status); bt (s, 9, lost ? W (g, CD_DEMO_W_LOST_REASON) : NULL); bi (s, 10, c->am);
  bn (s, 11, c->ae); bt (s, 12, W (g, CD_DEMO_W_SOURCE)); bt (s, 13, c->name); bt (s, 14, code);
  bt (s, 15, bank); bt (s, 16, account); bt (s, 17, c->address); bt (s, 18, phone);
  bt (s, 19, P (g, 400) ? W (g, CD_DEMO_W_NOTE) : NULL);
  bt (s, 20, P (g, 250) ? W (g, CD_DEMO_W_PRIVATE_NOTE) : NULL);
  bd (g, s, 21, c->created); bd (g, s, 22, lost ? c->end : 0);
  return run (g, S_CLIENT, &c->id);
}

static void
name_client (Gen *g, Client *c, const CdDemoIndustry *industry, char *pinyin, gsize pinyin_size)
{
  guint n_words = 0;

  while (industry->words[n_words] != NULL)
    n_words++;
  for (;;)
    {
      const char *word = industry->words[cd_demo_rng_below (&g->rng, n_words)];
      guint r = cd_demo_rng_below (&g->rng, 100);
      char brand[16];

      cd_demo_brand (&g->rng, brand, sizeof brand, pinyin, pinyin_size);
      g_snprintf (c->name, sizeof c->name, "%s%s%s%s", c->city->name, brand, word,
                  r < 85 ? "有限公司" : r < 95 ? "股份有限公司" : "集团有限公司");
      if (g_hash_table_contains (g->names, c->name))
        continue;
      g_hash_table_add (g->names, g_strdup (c->name));
      g_snprintf (c->short_name, sizeof c->short_name, "%s%.*s", brand,
                  (int) (g_utf8_offset_to_pointer (word, 2) - word), word);
      return;
    }
}

static gboolean
gen_owner_history (Gen *g, Client *c)
{
  sqlite3_stmt *s = g->st[S_OWNER_HISTORY];
  guint gone = g->ams->len - g->n_active_am;

  bi (s, 1, c->id);
  bi (s, 2, g_array_index (g->ams, gint64, g->n_active_am + cd_demo_rng_below (&g->rng, gone)));
  bi (s, 3, c->am); bi (s, 4, g->directors[0]);
  bt (s, 5, fmt (g, "%sT09:30:00Z", D (g, R (g, c->created, MAX (c->created, g->today - 30)))));
  bt (s, 6, W (g, CD_DEMO_W_HANDOVER_REASON));
  return run (g, S_OWNER_HISTORY, NULL);
}

static gboolean
gen_client_projects (Gen *g, Client *c)
{
  int lo = MAX (c->created, g->start);
  int hi = c->status[0] == 'a' || c->status[0] == 'p' ? g->today - 3 : c->end - 180;
  int n;

  if (c->status[0] == 'p')
    return !P (g, 150) || gen_project (g, c, g->today - 60, g->today - 3, TRUE);
  if (hi < lo)
    return TRUE;
  /* As many projects a year as the tier says; a client of a few weeks
   * has had one at most. */
  n = (int) g->p->projects[c->tier] + R (g, -1, 1);
  n = (n * (hi - lo + 1) + 547) / 1095;
  if (hi - lo >= 90)
    n = MAX (n, 1);
  for (int i = 0; i < n; i++)
    if (!gen_project (g, c, lo, hi, FALSE))
      return FALSE;
  return TRUE;
}

static gboolean
gen_client (Gen *g, guint index)
{
  const CdDemoIndustry *industry;
  Client c;
  char pinyin[32];
  const char *domain;
  int lo, span;

  memset (&c, 0, sizeof c);
  c.city = cd_demo_city (&g->rng);
  industry = cd_demo_industry (&g->rng);
  if (index == 0)
    while (!g_str_equal (industry->name, "快消"))
      industry = cd_demo_industry (&g->rng);
  name_client (g, &c, industry, pinyin, sizeof pinyin);
  cd_demo_address (&g->rng, c.city, c.address, sizeof c.address);
  plan_client (g, &c, index);
  domain = fmt (g, "%s.%s", pinyin, P (g, 600) ? "com" : "com.cn");
  if (!insert_client (g, &c, index, industry) || !gen_contacts (g, &c, domain))
    return FALSE;
  if (g->ams->len > g->n_active_am && P (g, 40) && !gen_owner_history (g, &c))
    return FALSE;
  if (!gen_client_projects (g, &c))
    return FALSE;
  lo = MAX (c.created, g->start);
  span = c.end - lo + 1;
  if (span > 0
      && (!gen_visits (g, &c, lo, c.end,
                       MAX (1u, (g->p->visits[c.tier] * (guint) span + 547) / 1095))
          || !gen_feedback (g, &c, lo, c.end)))
    return FALSE;
  if (index == 0)
    g->key_client = c;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The nationwide campaign and the benchmark's volumes                 */

static gboolean
cancelled (Gen *g)
{
  return g_cancellable_set_error_if_cancelled (g->cancellable, g->error);
}

static void
report (Gen *g, double fraction, const char *stage)
{
  if (g->progress != NULL)
    g->progress (CLAMP (fraction, 0.0, 1.0), stage, g->progress_data);
}

/* The month before today's: the key account's store kit goes out to
 * every store in the country, one supplier order of ten lines per store,
 * all delivered and accepted within the month. */
static void
plan_campaign (Gen *g, Project *p, Client *c, int first, int last)
{
  guint nc, n_items;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);
  const int *per_store;
  const int *items = cd_demo_campaign_items (&per_store, &n_items);

  memset (p, 0, sizeof *p);
  p->client = c;
  p->outcome = OUT_NORMAL;
  p->n_versions = 1;
  p->start = first - 75;
  p->created[0] = p->start + 3;
  p->sent[0] = p->created[0] + 2;
  p->decision = first - 52;
  p->signed_ = first - 48;
  p->prod_start = first - 45;
  p->delivery = last;
  p->closed = last + 60;
  p->status = status_at (p, g->today);
  g_snprintf (p->name, sizeof p->name, "%s%u全国门店促销物料", c->short_name,
              g_date_get_year (&day (g, first)->date));
  p->n_lines = (int) n_items;
  for (guint i = 0; i < n_items; i++)
    {
      p->lines[i].cat = items[i];
      p->lines[i].qty_milli = (gint64) per_store[i] * g->p->campaign_orders * 1000;
      p->lines[i].price_fen = catalogue[items[i]].price_fen;
    }
}

static gboolean
gen_campaign_order (Gen *g, Project *p, int first, int last, guint index)
{
  guint nc, n_items;
  const CdDemoCatalogueItem *catalogue = cd_demo_catalogue (&nc);
  const int *per_store;
  const CdDemoCity *city = cd_demo_city (&g->rng);
  guint cat = P (g, 700) ? 0 : 1;   /* print, or large format */
  GArray *pool = g->suppliers[cat];
  const Supplier *sup = &g_array_index (pool, Supplier, index % pool->len);
  gint64 prices[MAX_LINES], qty[MAX_LINES];
  int factor = R (g, 55, 65);
  OrderPlan plan;

  cd_demo_campaign_items (&per_store, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      prices[i] = MAX (1, catalogue[p->lines[i].cat].price_fen * factor / 100);
      qty[i] = lmax (1, per_store[i] * R (g, 5, 15) / 10) * (gint64) 1000;
    }
  plan.order = R (g, first - 30, first - 8);
  plan.promised = R (g, first, last - 3);
  plan.delivered = R (g, first, last - 1);
  plan.inspected = imin (last, plan.delivered + R (g, 0, 1));
  plan.fail = FALSE;
  p->place = fmt (g, "%s%s店", city->name, W (g, CD_DEMO_W_ROAD));
  return gen_order (g, p, cat, sup, &plan, p->lines, prices, qty, (int) n_items, 0);
}

static gboolean
gen_campaign (Gen *g)
{
  int last = month_first (g, g->today) - 1;
  int first = month_first (g, last);
  guint n = g->p->campaign_orders;
  Project p;

  arena_reset (g);
  plan_campaign (g, &p, &g->key_client, first, last);
  if (!insert_project (g, &p) || !gen_brief (g, &p) || !gen_quotes (g, &p) || !gen_contract (g, &p))
    return FALSE;
  prepare_wo (g, &p);
  p.wo.hi = MIN (last - 5, g->today);
  if (!gen_work_orders (g, &p.wo, MAX (10u, n / 400)))
    return FALSE;
  /* The framework suppliers quoted every item once. */
  for (int i = 0; i < p.n_lines; i++)
    {
      const Supplier *cand[3];
      gint64 price[3][MAX_LINES];
      int lead[3];

      for (guint c = 0; c < 3; c++)
        {
          cand[c] = &g_array_index (g->suppliers[0], Supplier, (guint) (i + c) % g->suppliers[0]->len);
          price[c][0] = MAX (1, p.lines[i].price_fen * (58 + (int) c * 4) / 100);
          lead[c] = 10 + (int) c * 3;
        }
      if (!gen_supplier_quotes (g, &p, &p.lines[i], 1, p.signed_ + 2, 3, cand, price, lead, 0, "价格最低"))
        return FALSE;
    }
  for (guint o = 0; o < n; o++)
    {
      arena_reset (g);
      if (!gen_campaign_order (g, &p, first, last, o))
        return FALSE;
      if (o % 1024 == 0)
        {
          if (cancelled (g))
            return FALSE;
          report (g, AT_CAMPAIGN + (AT_TOP_UP - AT_CAMPAIGN) * o / n, _("Nationwide campaign"));
        }
    }
  return TRUE;
}

/* The benchmark wants at least wo_target work orders: more rounds for
 * projects in production or done, spread over them. */
static gboolean
gen_top_up (Gen *g)
{
  guint64 have = g->counts[S_WORK_ORDER];
  guint64 need = g->p->wo_target;
  guint i = 0;

  if (g->wo_projects == NULL || g->wo_projects->len == 0 || have >= need)
    return TRUE;
  while (g->counts[S_WORK_ORDER] < need)
    {
      arena_reset (g);
      if (!gen_work_order (g, &g_array_index (g->wo_projects, WoProject, i++ % g->wo_projects->len)))
        return FALSE;
      if (i % 4096 == 0)
        {
          if (cancelled (g))
            return FALSE;
          report (g, AT_TOP_UP + (AT_INDEXES - AT_TOP_UP) * (double) (g->counts[S_WORK_ORDER] - have)
                                                           / (double) (need - have),
                  _("Work orders"));
        }
    }
  return TRUE;
}

static gboolean
gen_clients (Gen *g)
{
  guint n = g->p->n_clients;
  guint step = MAX (1u, n / 200);

  for (guint i = 0; i < n; i++)
    {
      arena_reset (g);
      if (!gen_client (g, i))
        return FALSE;
      if (i % step == 0)
        {
          if (cancelled (g))
            return FALSE;
          report (g, AT_CLIENTS + (AT_CAMPAIGN - AT_CLIENTS) * i / n, _("Clients and projects"));
        }
    }
  return TRUE;
}

/* doc_sequence keeps the last number used per kind and period, so that
 * numbers made later by the application never repeat a demo number. */
static gboolean
write_sequences (Gen *g)
{
  for (guint k = 0; k < N_DOCS; k++)
    for (int m = 0; m < g->n_months; m++)
      {
        sqlite3_stmt *s = g->st[S_SEQUENCE];
        g_autofree char *period = NULL;

        if (g->seq[k][m] == 0)
          continue;
        period = cd_numbering_period_key (cd_store_default_number_pattern (doc_kinds[k]),
                                          &day (g, g->month_day[m])->date);
        bt (s, 1, doc_kinds[k]); bt (s, 2, period); bi (s, 3, g->seq[k][m]);
        if (!run (g, S_SEQUENCE, NULL))
          return FALSE;
      }
  return TRUE;
}

/* One audit entry stands for the whole generation. */
static gboolean
write_audit (Gen *g, const char *scale, guint32 seed)
{
  static const struct { StmtId id; const char *name; } counted[] = {
    { S_STAFF, "staff" }, { S_CLIENT, "clients" }, { S_CONTACT, "contacts" },
    { S_SUPPLIER, "suppliers" }, { S_PROJECT, "projects" }, { S_QUOTE, "quotes" },
    { S_QUOTE_LINE, "quote_lines" }, { S_CONTRACT, "contracts" }, { S_INSTALLMENT, "installments" },
    { S_PAYMENT, "payments" }, { S_WORK_ORDER, "work_orders" }, { S_SUPPLIER_QUOTE, "supplier_quotes" },
    { S_SUPPLIER_ORDER, "supplier_orders" }, { S_ORDER_LINE, "supplier_order_lines" },
    { S_ACCEPTANCE, "acceptances" }, { S_PICKUP, "pickup_slips" }, { S_VISIT, "visits" },
    { S_FEEDBACK, "feedback" },
  };
  g_autoptr (GString) json = g_string_new (NULL);
  sqlite3_stmt *s = g->st[S_AUDIT];

  g_string_append_printf (json, "{\"demo\":\"%s\",\"seed\":%u,\"today\":\"%s\"", scale, seed,
                          D (g, g->today));
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    g_string_append_printf (json, ",\"%s\":%" G_GUINT64_FORMAT, counted[i].name, g->counts[counted[i].id]);
  g_string_append_c (json, '}');
  bt (s, 1, fmt (g, "%sT00:00:00Z", D (g, g->today))); bt (s, 2, json->str);
  return run (g, S_AUDIT, NULL);
}

/* ------------------------------------------------------------------ */
/* Setting up and tearing down                                         */

static void
gen_init (Gen *g, CdStore *store, CdDemoScale scale, guint32 seed, const GDate *today)
{
  GDate d;
  guint y0, m0;

  memset (g, 0, sizeof *g);
  g->store = store;
  g->db = cd_store_get_db (store);
  g->p = scale == CD_DEMO_LARGE ? &large_params : &small_params;
  g->rng.state = seed * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D) + 0x1234567;
  g->code_offset = seed % 40000000;

  if (today != NULL && g_date_valid (today))
    d = *today;
  else
    {
      g_date_clear (&d, 1);
      g_date_set_time_t (&d, time (NULL));
    }
  g->today = (int) g_date_get_julian (&d);
  g_date_subtract_years (&d, 3);
  g->start = (int) g_date_get_julian (&d);
  g->base = g->start - 400;
  g->n_days = g->today + 400 - g->base + 1;
  g->days = g_new0 (Day, g->n_days);
  g_date_set_julian (&d, (guint32) g->base);
  y0 = g_date_get_year (&d);
  m0 = g_date_get_month (&d);
  for (int i = 0; i < g->n_days; i++)
    {
      Day *x = &g->days[i];

      g_date_clear (&x->date, 1);
      g_date_set_julian (&x->date, (guint32) (g->base + i));
      g_snprintf (x->str, sizeof x->str, "%04u-%02u-%02u", g_date_get_year (&x->date),
                  g_date_get_month (&x->date), g_date_get_day (&x->date));
      x->month = (int) ((g_date_get_year (&x->date) - y0) * 12 + g_date_get_month (&x->date) - m0);
      g->n_months = x->month + 1;
    }
  g->month_day = g_new0 (int, g->n_months);
  for (int i = g->n_days - 1; i >= 0; i--)
    g->month_day[g->days[i].month] = g->base + i;
  for (guint k = 0; k < N_DOCS; k++)
    g->seq[k] = g_new0 (guint, g->n_months);

  g->arena = g_malloc (ARENA_SIZE);
  g->spill = g_ptr_array_new_with_free_func (g_free);
  g->ams = g_array_new (FALSE, FALSE, sizeof (gint64));
  g->aes = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint k = 0; k < CD_DEMO_N_DEPTS; k++)
    g->creative[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint k = 0; k < CD_DEMO_N_SUPPLIER_CATS; k++)
    g->suppliers[k] = g_array_new (FALSE, FALSE, sizeof (Supplier));
  g->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g->p->wo_target > 0)
    g->wo_projects = g_array_new (FALSE, FALSE, sizeof (WoProject));
}

static void
gen_clear (Gen *g)
{
  g_free (g->days);
  g_free (g->month_day);
  for (guint k = 0; k < N_DOCS; k++)
    g_free (g->seq[k]);
  g_free (g->arena);
  g_ptr_array_unref (g->spill);
  g_array_unref (g->ams);
  g_array_unref (g->aes);
  for (guint k = 0; k < CD_DEMO_N_DEPTS; k++)
    g_array_unref (g->creative[k]);
  for (guint k = 0; k < CD_DEMO_N_SUPPLIER_CATS; k++)
    g_array_unref (g->suppliers[k]);
  g_hash_table_unref (g->names);
  g_clear_pointer (&g->wo_projects, g_array_unref);
}

static gboolean
prepare_all (Gen *g)
{
  g->has_quantities = cd_store_get_schema_version (g->store) >= 3;
  for (guint i = 0; i < N_STMTS; i++)
    if ((i != S_QUANTITY || g->has_quantities)
        && (g->st[i] = cd_store_prepare (g->store, stmt_sql[i], g->error)) == NULL)
      return FALSE;
  return TRUE;
}

/* Secondary indexes are dropped for the bulk insert and built again at the
 * end from their own definitions: sorting once is far cheaper than a
 * million random index inserts. Unique indexes stay, so every number and
 * credit code is checked as it goes in. All inside the one transaction: a
 * failure or cancellation rolls the drop back with everything else. The
 * names and definitions come from the database's own catalogue. */
/* Indexes led by the parent's id: the demo writes children right after
 * their parent, so these only ever grow at their end and cost little to
 * keep; building them again would cost a sort. */
static const char *const appended_indexes[] = {
  "contact_client", "client_owner_history_client", "project_client", "quote_project",
  "quote_line_quote", "contract_project", "payment_installment", "work_order_project",
  "supplier_quote_project", "supplier_order_project", "supplier_order_line_order",
  "supplier_payment_order", "acceptance_item_acceptance", "acceptance_quantity_acceptance",
  "visit_client", "feedback_client",
};

static gboolean
is_appended (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (appended_indexes); i++)
    if (g_str_equal (name, appended_indexes[i]))
      return TRUE;
  return FALSE;
}

static GPtrArray *
drop_indexes (Gen *g)
{
  GPtrArray *defs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *s = cd_store_prepare (g->store,
                                      "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                      " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
                                      " ORDER BY name",
                                      g->error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  while (s != NULL && sqlite3_step (s) == SQLITE_ROW)
    {
      if (is_appended ((const char *) sqlite3_column_text (s, 0)))
        continue;
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (s, 0)));
      g_ptr_array_add (defs, g_strdup ((const char *) sqlite3_column_text (s, 1)));
    }
  if (s != NULL)
    sqlite3_reset (s);
  for (guint i = 0; s != NULL && i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = cd_store_exec (g->store, sql, g->error);

      sqlite3_free (sql);
      if (!ok)
        break;
    }
  g_ptr_array_unref (names);
  if (*g->error != NULL)
    g_clear_pointer (&defs, g_ptr_array_unref);
  return defs;
}

static gboolean
create_indexes (Gen *g, GPtrArray *defs)
{
  for (guint i = 0; i < defs->len; i++)
    if (!cd_store_exec (g->store, defs->pdata[i], g->error))
      return FALSE;
  return TRUE;
}

static gboolean
generate_rows (Gen *g, CdDemoScale scale, guint32 seed)
{
  report (g, 0.0, _("Staff and suppliers"));
  if (!prepare_all (g) || !gen_settings (g) || !gen_staff (g) || !gen_catalogue (g) || !gen_suppliers (g))
    return FALSE;
  if (!gen_clients (g))
    return FALSE;
  report (g, AT_CAMPAIGN, _("Nationwide campaign"));
  if (!gen_campaign (g))
    return FALSE;
  report (g, AT_TOP_UP, _("Work orders"));
  if (!gen_top_up (g))
    return FALSE;
  arena_reset (g);
  return write_sequences (g) && write_audit (g, scale == CD_DEMO_LARGE ? "large" : "small", seed);
}

static gboolean
generate_all (Gen *g, CdDemoScale scale, guint32 seed)
{
  g_autoptr (GPtrArray) indexes = drop_indexes (g);

  if (indexes == NULL)
    return FALSE;
  if (!generate_rows (g, scale, seed))
    return FALSE;
  report (g, AT_INDEXES, _("Indexes"));
  return create_indexes (g, indexes);
}

/* Bigger page cache while generating: the indexes of a million work orders
 * stay in memory. Restored to the store's own setting afterwards. */
static void
set_cache_kib (CdStore *store, gint64 kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, kib);

  cd_store_exec (store, sql, NULL);
}

/* Inside the write transaction, so that nothing can slip in between the
 * check for emptiness and the rows. */
static gboolean
fill_empty (Gen *g, CdDemoScale scale, guint32 seed)
{
  if (!cd_store_is_empty (g->store))
    {
      g_set_error (g->error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_EMPTY,
                   _("The database already holds data: the demo agency can only fill an empty database."));
      return FALSE;
    }
  if (!cd_store_set_bulk_mode (g->store, TRUE, g->error)
      || !generate_all (g, scale, seed)
      || !cd_demo_plans_generate (g->store, g->today, seed, g->error)  /* plans, meetings (issue 12) */
      || !cd_store_set_bulk_mode (g->store, FALSE, g->error))
    return FALSE;
  report (g, AT_SEARCH, _("Search index"));
  if (!cd_store_rebuild_search (g->store, g->error))
    return FALSE;
  /* Accepted quotes, signed contracts and acceptances, reviewed visits
   * were locked with plain UPDATEs: their lock hashes, as the app's own
   * lockers would have stored them. */
  report (g, AT_HASHES, _("Lock hashes"));
  return cd_store_fill_locked_hashes (g->store, g->error);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * cd_demo_scale_from_string:
 * @name: "small" or "large"
 *
 * Returns: %TRUE and sets @out_scale if @name is a scale
 */
gboolean
cd_demo_scale_from_string (const char *name, CdDemoScale *out_scale)
{
  if (g_strcmp0 (name, "small") == 0)
    *out_scale = CD_DEMO_SMALL;
  else if (g_strcmp0 (name, "large") == 0)
    *out_scale = CD_DEMO_LARGE;
  else
    return FALSE;
  return TRUE;
}

/**
 * cd_demo_generate:
 *
 * Fills an empty database with an agency. Runs in one transaction: on any
 * error or cancellation (G_IO_ERROR_CANCELLED) nothing is written.
 */
gboolean
cd_demo_generate (CdStore *store, CdDemoScale scale, guint32 seed, const GDate *today,
                  CdProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 old_cache;
  gboolean ok = FALSE;
  Gen g;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cd_store_lock (store);
  gen_init (&g, store, scale, seed, today);
  g.error = &local;
  g.cancellable = cancellable;
  g.progress = progress;
  g.progress_data = progress_data;
  old_cache = cd_store_query_int (store, "PRAGMA cache_size", NULL);
  set_cache_kib (store, -GEN_CACHE_KIB);

  if (cd_store_begin (store, &local))
    {
      ok = fill_empty (&g, scale, seed);
      if (ok)
        ok = cd_store_commit (store, &local);
      else
        cd_store_rollback (store);
    }
  set_cache_kib (store, old_cache);
  gen_clear (&g);
  cd_store_unlock (store);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  report (&g, 1.0, _("Done"));
  return TRUE;
}

typedef struct
{
  CdDemoScale    scale;
  guint32        seed;
  CdProgressFunc progress;
  gpointer       progress_data;
} AsyncData;

static void
generate_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;

  if (cd_demo_generate (CD_STORE (source), d->scale, d->seed, NULL, d->progress, d->progress_data,
                        cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cd_demo_generate_async:
 *
 * cd_demo_generate () for today on a worker thread; @progress is called
 * from that thread.
 */
void
cd_demo_generate_async (CdStore *store, CdDemoScale scale, guint32 seed, CdProgressFunc progress,
                        gpointer progress_data, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (CD_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_demo_generate_async);
  d = g_new0 (AsyncData, 1);
  d->scale = scale;
  d->seed = seed;
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_task_data (task, d, g_free);
  g_task_run_in_thread (task, generate_thread);
}

gboolean
cd_demo_generate_finish (CdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_demo_generate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
