/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo's visit plans and meetings (issue 12). Plans are written with
 * plain statements (a few hundred staff-months at most, within the large
 * demo's minute); meetings through the store's own functions, so their
 * numbers, agenda and work orders are what the app would make. Every
 * timestamp is derived from the demo's today: same seed, same rows. */
#define G_LOG_DOMAIN "cd-store"

#include <glib/gi18n.h>

#include "store/cd-demo-plans.h"
#include "store/cd-demo-private.h"
#include "store/cd-store-meetings.h"
#include "store/cd-store-meetings-private.h"

#define N_MEETINGS 8

typedef struct
{
  CdStore   *store;
  CdDemoRng  rng;
  guint32    salt;
  GDate      today;
  char       t[11];            /* today */
  char       this_start[11], this_end[11], last_start[11], last_end[11];
  gint64     director;
  GError   **error;
} PlanGen;

static void
day_text (const GDate *d, int offset, char out[11])
{
  GDate x = *d;

  if (offset > 0)
    g_date_add_days (&x, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (&x, (guint) -offset);
  cd_meet_format_day (&x, out);
}

static sqlite3_stmt *
prep (PlanGen *g, const char *sql)
{
  return cd_store_prepare (g->store, sql, g->error);
}

static gboolean
step (PlanGen *g, sqlite3_stmt *stmt)
{
  return cd_docs_run (g->store, stmt, _("generating the demo agency"), g->error);
}

static gint64
insert_plan (PlanGen *g, gint64 staff, const char *start, const char *end)
{
  sqlite3_stmt *s = prep (g, "INSERT INTO visit_plan (staff_id, period, start_date, end_date, created_at)"
                             " VALUES (?1, 'month', ?2, ?3, date (?2, '-5 days') || 'T09:00:00Z')");

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, staff);
  sqlite3_bind_text (s, 2, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 3, end, -1, SQLITE_TRANSIENT);
  return step (g, s) ? cd_docs_last_id (g->store) : 0;
}

/* Most of the visits the person logged in the period were planned, a day
 * or two off; the planned entry is matched to the visit. */
/* SQL for the day @expr (between ?3 and ?4), moved off Saturday and Sunday
 * to the Friday or Monday that stays inside [?3, ?4]: planned visits fall
 * on working days, as a person would plan them. */
#define OFF_WEEKEND(expr) \
  " (SELECT date (x, CASE strftime ('%w', x)" \
  "   WHEN '6' THEN CASE WHEN x > ?3 THEN '-1 days' ELSE '+2 days' END" \
  "   WHEN '0' THEN CASE WHEN x < ?4 THEN '+1 days' ELSE '-2 days' END" \
  "   ELSE '+0 days' END) FROM (SELECT " expr " AS x))"

static gboolean
plan_visits (PlanGen *g, gint64 plan, gint64 staff, const char *from, const char *to)
{
  sqlite3_stmt *s = prep (g,
    "INSERT INTO visit_plan_entry (plan_id, client_id, contact_id, date, purpose, mode, visit_id)"
    " SELECT ?1, v.client_id, v.contact_id,"
    OFF_WEEKEND ("max (?3, min (?4, date (v.date, printf ('%+d days', (v.id * 7 + ?5) % 5 - 2))))")
    ", v.topic, v.mode, v.id"
    " FROM visit v WHERE v.staff_id = ?2 AND v.date BETWEEN ?3 AND ?4"
    " AND (v.id * 13 + ?5) % 10 < 8 AND NOT EXISTS (SELECT 1 FROM visit_plan_entry e WHERE e.visit_id = v.id)"
    " ORDER BY v.date, v.id");

  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, plan);
  sqlite3_bind_int64 (s, 2, staff);
  sqlite3_bind_text (s, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 4, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 5, g->salt);
  return step (g, s);
}

/* Visits planned and not (yet) made: clients the person owns, on days
 * from @from to @to. */
static gboolean
plan_unvisited (PlanGen *g, gint64 plan, gint64 staff, const char *from, const char *to, int n)
{
  sqlite3_stmt *s;

  if (n <= 0 || g_strcmp0 (from, to) > 0)
    return TRUE;
  s = prep (g,
    "INSERT INTO visit_plan_entry (plan_id, client_id, contact_id, date, purpose, mode)"
    " SELECT ?1, c.id, (SELECT k.id FROM contact k WHERE k.client_id = c.id"
    "  ORDER BY k.is_primary DESC, k.id LIMIT 1),"
    OFF_WEEKEND ("date (?3, printf ('+%d days', (c.id * 31 + ?5)"
                 " % (CAST (julianday (?4) - julianday (?3) AS INTEGER) + 1)))") ","
    " '例行拜访', CASE (c.id + ?5) % 4 WHEN 0 THEN 'phone' ELSE 'in_person' END"
    " FROM client c WHERE c.owner_id = ?2 AND c.status = 'active' AND c.tier IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM visit_plan_entry e WHERE e.plan_id = ?1 AND e.client_id = c.id)"
    " ORDER BY (c.id * 7919 + ?5) % 1009, c.id LIMIT ?6");
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, plan);
  sqlite3_bind_int64 (s, 2, staff);
  sqlite3_bind_text (s, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 4, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 5, g->salt);
  sqlite3_bind_int (s, 6, n);
  return step (g, s);
}

/* draft → submitted three days before the month, when it has entries. */
static gboolean
submit_plan (PlanGen *g, gint64 plan, gboolean *out_submitted)
{
  sqlite3_stmt *s = prep (g, "UPDATE visit_plan SET status = 'submitted',"
                             " submitted_at = date (start_date, '-3 days') || 'T09:30:00Z'"
                             " WHERE id = ?1 AND EXISTS (SELECT 1 FROM visit_plan_entry WHERE plan_id = ?1)");

  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, plan);
  if (!step (g, s))
    return FALSE;
  *out_submitted = sqlite3_changes (cd_store_get_db (g->store)) > 0;
  return TRUE;
}

/* submitted → reviewed by the person's lead, early in the month after,
 * with the hash the app's own review stores. */
static gboolean
review_plan (PlanGen *g, gint64 plan, gint64 reviewer)
{
  g_autofree char *hash = NULL;
  g_autofree char *at = NULL;
  const char *comment = cd_demo_rng_chance (&g->rng, 600) ? cd_demo_word (&g->rng, CD_DEMO_W_REVIEW_COMMENT) : NULL;
  char day[11];
  GDate last;
  sqlite3_stmt *s;

  cd_docs_parse_date (g->last_end, &last);
  g_date_add_days (&last, 2);
  if (g_date_compare (&last, &g->today) > 0)
    last = g->today;
  cd_meet_format_day (&last, day);
  at = g_strconcat (day, "T10:00:00Z", NULL);
  hash = cd_store_visit_plan_canonical_hash (g->store, plan, reviewer, at, comment, g->error);
  if (hash == NULL)
    return FALSE;
  s = prep (g, "UPDATE visit_plan SET status = 'reviewed', reviewed_by = ?2, reviewed_at = ?3,"
               " review_comment = ?4, locked_hash = ?5 WHERE id = ?1");
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, plan);
  sqlite3_bind_int64 (s, 2, reviewer);
  sqlite3_bind_text (s, 3, at, -1, SQLITE_TRANSIENT);
  cd_docs_bind_text (s, 4, comment);
  sqlite3_bind_text (s, 5, hash, -1, SQLITE_TRANSIENT);
  return step (g, s);
}

static gboolean
plans_for (PlanGen *g, gint64 staff, gint64 reviewer)
{
  char tomorrow[11];
  gboolean submitted = FALSE;
  gint64 last, now;

  day_text (&g->today, 1, tomorrow);
  last = insert_plan (g, staff, g->last_start, g->last_end);
  if (last == 0 || !plan_visits (g, last, staff, g->last_start, g->last_end)
      || !plan_unvisited (g, last, staff, g->last_start, g->last_end, cd_demo_rng_range (&g->rng, 0, 3))
      || !submit_plan (g, last, &submitted)
      || (submitted && !review_plan (g, last, reviewer)))
    return FALSE;
  now = insert_plan (g, staff, g->this_start, g->this_end);
  return now != 0 && plan_visits (g, now, staff, g->this_start, g->t)
         && plan_unvisited (g, now, staff, tomorrow, g->this_end, cd_demo_rng_range (&g->rng, 2, 5))
         && submit_plan (g, now, &submitted);
}

static gboolean
gen_plans (PlanGen *g)
{
  g_autoptr (GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *s;

  g->director = cd_meet_int_for (g->store, "SELECT id FROM staff WHERE role = 'director' AND id >= ?1"
                                           " ORDER BY active DESC, id LIMIT 1", 0, 0);
  s = prep (g, "SELECT s.id, coalesce (l.id, 0) FROM staff s LEFT JOIN staff l ON l.id = s.lead_id"
               " AND l.role IN ('director', 'account_manager') AND l.active = 1"
               " WHERE s.role IN ('account_manager', 'account_executive') AND s.active = 1 ORDER BY s.id");
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (s, 0), sqlite3_column_int64 (s, 1) };
      g_array_append_val (staff, pair);
    }
  sqlite3_reset (s);
  for (guint i = 0; i < staff->len; i++)
    {
      gint64 *pair = &g_array_index (staff, gint64, i * 2);
      gint64 reviewer = pair[1] > 0 ? pair[1] : g->director;

      if (reviewer <= 0 || reviewer == pair[0])
        reviewer = g->director > 0 ? g->director : pair[0];
      if (!plans_for (g, pair[0], reviewer))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Meetings                                                           */

typedef struct
{
  gint64 project, am, ae, contact, creative;
  char  *name;
} MeetingSource;

static const char *const kinds[] = { CD_MEETING_CLIENT, CD_MEETING_PLANNING, CD_MEETING_PROPOSAL };
static const char *const kind_titles[] = { "客户沟通会", "创意评审会", "方案提案会" };
static const char *const places[] = { "公司三楼会议室", "客户办公室", "腾讯会议 8843-2271", "公司二楼洽谈室" };
/* Days from today: some held, some ahead. */
static const int offsets[N_MEETINGS] = { -9, -6, -3, -1, 0, 1, 2, 6 };

static GVariant *
meeting_fields (PlanGen *g, const MeetingSource *m, guint i, const char *day)
{
  g_autofree char *title = g_strdup_printf ("%s · %s", kind_titles[i % 3], m->name);
  g_autofree char *starts = g_strconcat (day, i % 2 ? "T14:30" : "T10:00", NULL);
  g_autofree char *ends = g_strconcat (day, i % 2 ? "T16:00" : "T11:30", NULL);
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "title", "s", title);
  g_variant_dict_insert (&dict, "kind", "s", kinds[i % 3]);
  g_variant_dict_insert (&dict, "project_id", "x", m->project);
  g_variant_dict_insert (&dict, "starts_at", "s", starts);
  g_variant_dict_insert (&dict, "ends_at", "s", ends);
  g_variant_dict_insert (&dict, "place", "s", places[cd_demo_rng_below (&g->rng, G_N_ELEMENTS (places))]);
  g_variant_dict_insert (&dict, "agenda", "s", "1. 项目进度回顾\n2. 方案与创意讨论\n3. 下一步安排与分工");
  return g_variant_dict_end (&dict);
}

static gint64
add_action (PlanGen *g, gint64 meeting, const char *text, gint64 owner, const char *due)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "text", "s", text);
  if (owner > 0)
    g_variant_dict_insert (&dict, "owner_id", "x", owner);
  g_variant_dict_insert (&dict, "due_date", "s", due);
  return cd_store_meeting_add_action (g->store, meeting, g_variant_dict_end (&dict), g->error);
}

/* A meeting held: minutes, the notice sent two days before, two action
 * items — one a work order for the designer, one done. */
static gboolean
minutes (PlanGen *g, const MeetingSource *m, gint64 id, const char *day)
{
  char before[11], due[11], next[11];
  GDate d;
  GVariantDict dict;
  gint64 a;

  cd_docs_parse_date (day, &d);
  day_text (&d, -2, before);
  day_text (&g->today, 5, due);
  day_text (&d, 1, next);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "notes", "s", "客户认可整体方向，对主视觉色调和文案语气提出修改意见。");
  g_variant_dict_insert (&dict, "decisions", "s", "按方案B推进；主视觉改为品牌蓝色调，下周再评审一次。");
  if (!cd_store_meeting_update (g->store, id, g_variant_dict_end (&dict), g->error)
      || !cd_store_meeting_mark_notice_sent (g->store, id, before, g->error))
    return FALSE;
  a = add_action (g, id, "根据会议意见修改主视觉（品牌蓝色调）", m->creative, due);
  if (a == 0 || (m->creative > 0 && cd_store_meeting_action_to_work_order (g->store, a, "design", g->error) == 0))
    return FALSE;
  a = add_action (g, id, "整理会议纪要并发给客户确认", m->am, next);
  return a != 0 && cd_store_meeting_action_done (g->store, a, TRUE, g->error);
}

static gboolean
one_meeting (PlanGen *g, const MeetingSource *m, guint i)
{
  char day[11];
  GDate d;
  gint64 id;
  sqlite3_stmt *s;

  day_text (&g->today, offsets[i], day);
  cd_docs_parse_date (day, &d);
  /* Meetings are held on weekdays. */
  if (g_date_get_weekday (&d) == G_DATE_SATURDAY)
    day_text (&g->today, offsets[i] + (offsets[i] < 0 ? -1 : 2), day);
  else if (g_date_get_weekday (&d) == G_DATE_SUNDAY)
    day_text (&g->today, offsets[i] + (offsets[i] < 0 ? -2 : 1), day);
  cd_store_set_actor (g->store, m->am);
  id = cd_store_meeting_create (g->store, meeting_fields (g, m, i, day), g->error);
  if (id == 0 || cd_store_meeting_add_staff (g->store, id, m->am, g->error) == 0
      || (m->ae > 0 && cd_store_meeting_add_staff (g->store, id, m->ae, g->error) == 0)
      || (m->contact > 0 && cd_store_meeting_add_contact (g->store, id, m->contact, g->error) == 0))
    return FALSE;
  if (g_strcmp0 (day, g->t) < 0 && !minutes (g, m, id, day))
    return FALSE;
  /* Those ahead have had their notice today: the demo leaves the Today
   * view's notice warning to the meetings people add. */
  if (g_strcmp0 (day, g->t) >= 0 && !cd_store_meeting_mark_notice_sent (g->store, id, g->t, g->error))
    return FALSE;
  s = prep (g, "UPDATE meeting SET created_at = date (?2, '-7 days') || 'T08:00:00Z' WHERE id = ?1");
  return s != NULL && (sqlite3_bind_int64 (s, 1, id), sqlite3_bind_text (s, 2, g->t, -1, SQLITE_TRANSIENT),
                       step (g, s));
}

static gboolean
gen_meetings (PlanGen *g)
{
  MeetingSource m[N_MEETINGS];
  guint n = 0;
  gboolean ok = TRUE;
  sqlite3_stmt *s;

  s = prep (g, "SELECT p.id, p.am_id, coalesce (p.ae_id, 0), coalesce ((SELECT k.id FROM contact k"
               "  WHERE k.client_id = p.client_id ORDER BY k.is_primary DESC, k.id LIMIT 1), 0),"
               " coalesce ((SELECT s.id FROM staff s WHERE s.role = 'creative' AND s.active = 1"
               "  AND s.id >= (SELECT min (id) FROM staff WHERE role = 'creative') + p.id % 5"
               "  ORDER BY s.id LIMIT 1), (SELECT min (id) FROM staff WHERE role = 'creative'"
               "  AND active = 1), 0), p.name"
               " FROM project p WHERE p.status IN ('contracted', 'in_production') AND p.am_id IS NOT NULL"
               " AND p.start_date <= ?1 ORDER BY p.start_date DESC, p.id DESC LIMIT ?2");
  if (s == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, g->t, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (s, 2, N_MEETINGS);
  while (n < N_MEETINGS && sqlite3_step (s) == SQLITE_ROW)
    {
      m[n] = (MeetingSource) { sqlite3_column_int64 (s, 0), sqlite3_column_int64 (s, 1),
                               sqlite3_column_int64 (s, 2), sqlite3_column_int64 (s, 3),
                               sqlite3_column_int64 (s, 4), cd_docs_column_dup (s, 5) };
      n++;
    }
  sqlite3_reset (s);
  for (guint i = 0; ok && i < n; i++)
    ok = one_meeting (g, &m[i], i);
  for (guint i = 0; i < n; i++)
    g_free (m[i].name);
  return ok;
}

static gboolean
gen_daily (PlanGen *g)
{
  sqlite3_stmt *s;
  gint64 id;

  cd_store_set_actor (g->store, g->director);
  id = cd_store_meeting_create_daily (g->store, g->t, g->error);
  if (id == 0)
    return FALSE;
  s = prep (g, "UPDATE meeting SET created_at = ?2 || 'T08:45:00Z' WHERE id = ?1");
  return s != NULL && (sqlite3_bind_int64 (s, 1, id), sqlite3_bind_text (s, 2, g->t, -1, SQLITE_TRANSIENT),
                       step (g, s));
}

gboolean
cd_demo_plans_generate (CdStore *store, int today_julian, guint32 seed, GError **error)
{
  gint64 actor = cd_store_get_actor (store);
  gint64 started = g_get_monotonic_time ();
  PlanGen g = { 0 };
  GDate d;
  gboolean ok;

  g.store = store;
  g.error = error;
  g.salt = seed % 1000;
  g.rng.state = seed * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + 12;
  g_date_clear (&g.today, 1);
  g_date_set_julian (&g.today, (guint32) today_julian);
  cd_meet_format_day (&g.today, g.t);
  d = g.today;
  g_date_set_day (&d, 1);
  cd_meet_format_day (&d, g.this_start);
  g_date_add_months (&d, 1);
  g_date_subtract_days (&d, 1);
  cd_meet_format_day (&d, g.this_end);
  d = g.today;
  g_date_set_day (&d, 1);
  g_date_subtract_days (&d, 1);
  cd_meet_format_day (&d, g.last_end);
  g_date_set_day (&d, 1);
  cd_meet_format_day (&d, g.last_start);

  ok = gen_plans (&g) && gen_meetings (&g) && gen_daily (&g);
  cd_store_set_actor (store, actor);
  g_debug ("demo plans and meetings: %.2f s", (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  return ok;
}
