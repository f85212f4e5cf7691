/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Client search, keystroke to updated list (DESIGN.md §8, p95 ≤ 30 ms), as
 * issue 3 describes it: open the view, type a two-character Chinese query
 * one character at a time, clear it; each of the three is a keystroke.
 * The queries are runs of two Han characters taken from real client names;
 * a LIKE '%…%' scan of the name column is timed in the same run.
 *
 *   bench-search-keystroke --db LARGE.db [--view list|clients] [--queries N] [--seed N]
 *
 * Needs a display (tools/bench.sh runs it under Xvfb). For each keystroke,
 * in turn and interleaved so that a busy machine weighs on all alike:
 *   list   a client list on screen — CdListView (--view list, a page of
 *          rows read whole) or CdClientsView (--view clients, rows read in
 *          pages by CdPagedModel): from setting the search text to the
 *          moment its model has changed and is no longer loading — the
 *          budgeted figure; "ids" is when the model's first change
 *          reached this program (for CdClientsView: its "results-changed",
 *          the new ids with their first pages of rows, since it fills rows
 *          in place; for CdListView the end of loading when no item
 *          changed), after the list widget's own handlers of that change;
 *          "painted" is the end of the next frame after the list;
 *   store  the same reads on this thread, without the widget: cd_store_list ()
 *          of the page (list), or what the paged model asks for (clients):
 *          the whole list's ids filtered by the text, and the first page's
 *          rows;
 *   like   the baseline: SELECT id FROM client WHERE name LIKE '%xy%'
 *          ORDER BY id over the whole column, on its own read-only
 *          connection (bench code; the app never builds such SQL).
 * The first two queries (six keystrokes) warm the page cache and are not
 * counted. A list not updated after five seconds counts as five seconds
 * (a "timeout"), and the next keystroke is typed. The p95 of each kind of
 * keystroke (first character, second, clear) is printed too, and the
 * process's peak RSS at the end (budget 250 MB; it includes the baseline's
 * own connection). */
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "bench-stats.h"
#include "gui/cd-clients-view.h"
#include "gui/cd-list-view.h"
#include "store/cd-context.h"
#include "store/cd-store-pages.h"

/* Queries (three keystrokes each) not counted. */
#define WARM_UP 2
/* A keystroke that takes longer is counted as this long and the next one
 * typed: the run must end in reasonable time whatever the list does. */
#define TIMEOUT_MS 5000
/* After this many, the rest would only measure the backlog they left. */
#define MAX_TIMEOUTS 3

typedef struct
{
  GtkWidget     *view;        /* a CdListView or a CdClientsView */
  GObject       *loader;      /* what has the "loading" property */
  GListModel    *model;
  GtkWidget     *window;
  gboolean       changed;
  gint64         changed_at;  /* first items-changed after the search: new ids, µs */
  gint64         model_at;    /* when the list had its new rows, µs */
  gint64         painted_at;  /* end of the first frame after that */
} Watch;

static guint32 prng;

static guint32
next_random (void)
{
  prng ^= prng << 13;
  prng ^= prng >> 17;
  prng ^= prng << 5;
  return prng;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* A random run of two Han characters of @name, or NULL if it has none. */
static char *
two_han (const char *name)
{
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (name, -1, NULL);
  glong n = chars != NULL ? (glong) g_utf8_strlen (name, -1) : 0;
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (glong));

  for (glong i = 0; i + 1 < n; i++)
    if (is_han (chars[i]) && is_han (chars[i + 1]))
      g_array_append_val (starts, i);
  if (starts->len == 0)
    return NULL;
  return g_ucs4_to_utf8 (chars + g_array_index (starts, glong, next_random () % starts->len), 2,
                         NULL, NULL, NULL);
}

static GPtrArray *
sample_queries (sqlite3 *db, guint n)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *range, *pick;
  gint64 lo = 0, hi = 0;

  sqlite3_prepare_v2 (db, "SELECT min (id), max (id) FROM client", -1, &range, NULL);
  if (sqlite3_step (range) == SQLITE_ROW)
    {
      lo = sqlite3_column_int64 (range, 0);
      hi = sqlite3_column_int64 (range, 1);
    }
  sqlite3_finalize (range);
  sqlite3_prepare_v2 (db, "SELECT name FROM client WHERE id >= ?1 ORDER BY id LIMIT 1", -1,
                      &pick, NULL);
  for (guint tries = 0; queries->len < n && hi > lo && tries < n * 20; tries++)
    {
      char *query;

      sqlite3_bind_int64 (pick, 1, lo + (gint64) (next_random () % (guint64) (hi - lo + 1)));
      if (sqlite3_step (pick) == SQLITE_ROW
          && (query = two_han ((const char *) sqlite3_column_text (pick, 0))) != NULL)
        {
          /* The same text twice in a row changes nothing: no keystroke. */
          if (queries->len > 0 && g_str_equal (query, queries->pdata[queries->len - 1]))
            g_free (query);
          else
            g_ptr_array_add (queries, query);
        }
      sqlite3_reset (pick);
    }
  sqlite3_finalize (pick);
  return queries;
}

static double
like_scan (sqlite3_stmt *like, const char *query, guint *out_matches)
{
  g_autofree char *pattern = g_strconcat ("%", query, "%", NULL);
  gint64 start = g_get_monotonic_time ();
  guint matches = 0;

  sqlite3_bind_text (like, 1, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (like) == SQLITE_ROW)
    matches++;
  sqlite3_reset (like);
  *out_matches = matches;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
store_list (CdStore *store, const char *query)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) rows = cd_store_list (store, CD_KIND_CLIENTS, NULL, query, 0,
                                             CD_LIST_VIEW_PAGE_SIZE, &error);

  if (rows == NULL)
    g_printerr ("store: %s\n", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* What CdPagedModel asks for on a keystroke: the ids of the whole list
 * (@base, in the view's order) that contain the text, then the first page. */
static double
store_pages (CdStore *store, const GArray *base, const char *query)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = *query != '\0'
    ? cd_store_page_filter_ids (store, CD_KIND_CLIENTS, query, base, NULL, &error)
    : g_array_ref ((GArray *) base);
  g_autoptr (GVariant) rows = NULL;

  if (ids != NULL)
    rows = cd_store_page_rows (store, CD_KIND_CLIENTS, (const gint64 *) ids->data,
                               MIN (ids->len, CD_PAGED_MODEL_PAGE_SIZE), &error);
  if (rows == NULL)
    g_printerr ("store: %s\n", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
is_loading (Watch *w)
{
  gboolean loading = FALSE;

  g_object_get (w->loader, "loading", &loading, NULL);
  return loading;
}

static void
set_search (Watch *w, const char *text)
{
  if (CD_IS_LIST_VIEW (w->view))
    cd_list_view_set_search (CD_LIST_VIEW (w->view), text);
  else
    cd_clients_view_set_search (CD_CLIENTS_VIEW (w->view), text);
}

static void
check_done (Watch *w)
{
  if (w->model_at != 0 || !w->changed || is_loading (w))
    return;
  w->model_at = g_get_monotonic_time ();
  /* New rows are drawn anyway; this makes sure a frame follows even if
   * they look the same. */
  gtk_widget_queue_draw (w->window);
}

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, Watch *w)
{
  w->changed = TRUE;
  if (w->changed_at == 0)
    w->changed_at = g_get_monotonic_time ();
  check_done (w);
}

/* A model that fills its rows in place (CdClientsView's) changes no item
 * when the new results are as many as the old ones: it says that they are
 * in place with "results-changed". */
static void
on_results_changed_cb (GObject *model, Watch *w)
{
  w->changed = TRUE;
  if (w->changed_at == 0)
    w->changed_at = g_get_monotonic_time ();
  check_done (w);
}

/* CdListView's end of loading marks its new rows even if none changed. */
static void
on_loading_cb (GObject *loader, GParamSpec *pspec, Watch *w)
{
  if (!CD_IS_PAGED_MODEL (w->model) && !is_loading (w))
    {
      w->changed = TRUE;
      if (w->changed_at == 0)
        w->changed_at = g_get_monotonic_time ();
    }
  check_done (w);
}

static void
on_after_paint_cb (GdkFrameClock *clock, Watch *w)
{
  if (w->model_at != 0 && w->painted_at == 0)
    w->painted_at = g_get_monotonic_time ();
}

static gboolean
on_wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done, or for at most TIMEOUT_MS. */
static gboolean
iterate_until (gboolean (*done) (Watch *), Watch *w)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  /* Wakes the loop up now and then, so that the deadline is seen. */
  guint wake_up = g_timeout_add (250, on_wake_up_cb, NULL);

  while (!done (w) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);
  return done (w);
}

static gboolean
is_loaded (Watch *w)
{
  return g_list_model_get_n_items (w->model) > 0 && !is_loading (w);
}

static gboolean
is_painted (Watch *w)
{
  return w->painted_at != 0;
}

/* Sets @query and waits for the painted result: the list time and the
 * painted time, in ms (TIMEOUT_MS and FALSE when it did not come). */
/* CPU time of this thread (the UI thread), ms: on a shared machine it
 * tells the list's own cost from waiting for a core. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static gboolean
list_search (Watch *w, const char *query, double *ids_ms, double *list_ms, double *painted_ms,
             double *ui_cpu_ms)
{
  gint64 start;
  double cpu_start = thread_cpu_ms ();
  gboolean done;

  w->changed = FALSE;
  w->model_at = w->painted_at = w->changed_at = 0;
  start = g_get_monotonic_time ();
  set_search (w, query);
  done = iterate_until (is_painted, w);
  *ui_cpu_ms = thread_cpu_ms () - cpu_start;
  *ids_ms = w->changed_at != 0 ? (w->changed_at - start) / 1000.0 : TIMEOUT_MS;
  *list_ms = w->model_at != 0 ? (w->model_at - start) / 1000.0 : TIMEOUT_MS;
  *painted_ms = done ? (w->painted_at - start) / 1000.0 : TIMEOUT_MS;
  return done;
}

static void
print_stats (const char *name, double *values, guint n)
{
  double median = bench_median (values, n), p95 = bench_percentile (values, n, 0.95);

  printf ("\"%s\": {\"median_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f}", name, median, p95,
          values[n - 1]);
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *view_name = NULL;
  int n_queries = 100, seed = 42;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The large demo database", "PATH" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, "list (CdListView) or clients (CdClientsView)",
      "VIEW" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Queries measured, three keystrokes each (default 100)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed for picking them (default 42)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("— client search benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdContext) context = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autofree double *list = NULL, *painted = NULL, *sql = NULL, *like = NULL, *ids = NULL;
  g_autofree double *matches = NULL, *ui_cpu = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *like_stmt = NULL;
  g_autoptr (GArray) base = NULL;
  /* The three keystrokes of a query, for their own p95. */
  const char *const kinds[] = { "first_char", "second_char", "clear" };
  double *by_kind[G_N_ELEMENTS (kinds)];
  guint n_by_kind[G_N_ELEMENTS (kinds)] = { 0 };
  Watch w = { 0 };
  guint n = 0, timeouts = 0, n_keys;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || db_path == NULL
      || (view_name != NULL && !g_str_equal (view_name, "list") && !g_str_equal (view_name, "clients")))
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--db is needed; --view list or clients");
      return 2;
    }
  if (view_name == NULL)
    view_name = g_strdup ("list");
  gtk_init ();
  adw_init ();
  prng = (guint32) seed * 2654435761u + 1;
  n_queries = CLAMP (n_queries, 1, 10000);

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT id FROM client WHERE name LIKE ?1 ORDER BY id", -1,
                             &like_stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", db_path, sqlite3_errmsg (db));
      return 2;
    }
  queries = sample_queries (db, n_queries + WARM_UP);
  store = cd_store_open (db_path, &error);
  if (store == NULL || queries->len < (guint) WARM_UP + 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "no client names to search for");
      return 2;
    }
  context = cd_context_new (store);

  w.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (w.window), 1100, 720);
  if (g_str_equal (view_name, "list"))
    {
      w.view = GTK_WIDGET (cd_list_view_new (context, CD_SOURCE_CLIENTS));
      w.loader = G_OBJECT (w.view);
      w.model = cd_list_view_get_model (CD_LIST_VIEW (w.view));
    }
  else
    {
      w.view = GTK_WIDGET (cd_clients_view_new (context));
      w.loader = G_OBJECT (cd_clients_view_get_model (CD_CLIENTS_VIEW (w.view)));
      w.model = G_LIST_MODEL (w.loader);
    }
  gtk_window_set_child (GTK_WINDOW (w.window), w.view);
  g_signal_connect (w.model, "items-changed", G_CALLBACK (on_items_changed_cb), &w);
  g_signal_connect (w.loader, "notify::loading", G_CALLBACK (on_loading_cb), &w);
  if (CD_IS_PAGED_MODEL (w.model))
    g_signal_connect (w.model, "results-changed", G_CALLBACK (on_results_changed_cb), &w);
  gtk_window_present (GTK_WINDOW (w.window));
  g_signal_connect (gtk_widget_get_frame_clock (w.window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &w);
  if (!iterate_until (is_loaded, &w))
    {
      g_printerr ("the client list did not load\n");
      return 2;
    }


  if (CD_IS_CLIENTS_VIEW (w.view))
    base = cd_paged_model_dup_ids (CD_PAGED_MODEL (w.model));
  n_keys = queries->len * G_N_ELEMENTS (kinds);
  list = g_new (double, n_keys);
  ids = g_new (double, n_keys);
  painted = g_new (double, n_keys);
  sql = g_new (double, n_keys);
  like = g_new (double, n_keys);
  matches = g_new (double, n_keys);
  ui_cpu = g_new (double, n_keys);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    by_kind[k] = g_new (double, queries->len);
  for (guint i = 0; i < queries->len && timeouts < MAX_TIMEOUTS; i++)
    {
      const char *query = queries->pdata[i];
      /* The first character, both, then the search cleared. */
      g_autofree char *first = g_strndup (query, g_utf8_next_char (query) - query);
      const char *steps[] = { first, query, "" };

      for (guint k = 0; k < G_N_ELEMENTS (steps) && timeouts < MAX_TIMEOUTS; k++)
        {
          double l, p, s, q, d, c;
          guint found;

          q = like_scan (like_stmt, steps[k], &found);
          s = CD_IS_LIST_VIEW (w.view) ? store_list (store, steps[k])
                                       : store_pages (store, base, steps[k]);
          if (!list_search (&w, steps[k], &d, &l, &p, &c))
            {
              printf ("%-6s no updated list after %d ms (model changed: %s, still loading: %s,"
                      " %u rows)\n", *steps[k] ? steps[k] : "(clear)", TIMEOUT_MS,
                      w.changed ? "yes" : "no", is_loading (&w) ? "yes" : "no",
                      g_list_model_get_n_items (w.model));
              /* Counted even in the warm-up: a figure, not an empty table. */
              if (++timeouts >= MAX_TIMEOUTS)
                printf ("%d lists not updated: stopping here\n", MAX_TIMEOUTS);
              else if (i < WARM_UP)
                continue;
            }
          else if (i < WARM_UP)
            continue;
          printf ("%-7s ids %7.2f ms  list %7.2f ms  painted %7.2f ms  UI CPU %6.2f ms"
                  "  store %7.2f ms  LIKE %7.2f ms  %u names\n", *steps[k] ? steps[k] : "(clear)",
                  d, l, p, c, s, q, found);
          list[n] = l, painted[n] = p, sql[n] = s, like[n] = q, matches[n] = found, ids[n] = d;
          ui_cpu[n] = c;
          by_kind[k][n_by_kind[k]++] = l;
          n++;
        }
    }
  if (n == 0)
    {
      g_printerr ("no keystroke measured\n");
      return 2;
    }

  printf ("RESULT {\"item\": \"client-search\", \"view\": \"%s\", \"queries\": %u,"
          " \"keystrokes\": %u, ", view_name, n / (guint) G_N_ELEMENTS (kinds), n);
  print_stats ("list", list, n);
  printf (", ");
  print_stats ("ids", ids, n);
  printf (", ");
  print_stats ("painted", painted, n);
  printf (", ");
  print_stats ("ui_cpu", ui_cpu, n);
  printf (", ");
  print_stats ("store", sql, n);
  printf (", ");
  print_stats ("like", like, n);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (n_by_kind[k] > 0)
      {
        printf (", ");
        print_stats (kinds[k], by_kind[k], n_by_kind[k]);
      }
  printf (", \"timeouts\": %u, \"timeout_ms\": %d, \"peak_rss_mb\": %.0f", timeouts, TIMEOUT_MS,
          bench_peak_rss_kb () / 1024.0);
  printf (", \"median_matches\": %.0f, \"page_size\": %d}\n", bench_median (matches, n),
          g_str_equal (view_name, "list") ? CD_LIST_VIEW_PAGE_SIZE : CD_PAGED_MODEL_PAGE_SIZE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_free (by_kind[k]);
  gtk_window_destroy (GTK_WINDOW (w.window));
  sqlite3_finalize (like_stmt);
  sqlite3_close (db);
  return 0;
}
