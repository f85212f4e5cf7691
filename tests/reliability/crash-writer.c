/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The writer that test-crash kills: quote editing, contract signing and
 * settings through the store API, in an endless loop of small commits.
 * After each commit — and only after cd_store_*() has returned from it —
 * it writes one line to stdout:
 *
 *   committed N project ID
 *   committed N quote ID
 *   committed N line QUOTE-ID LINE-ID
 *   committed N setting KEY VALUE
 *   committed N sent QUOTE-ID
 *   committed N accepted QUOTE-ID
 *   committed N contract ID
 *   committed N installments CONTRACT-ID
 *   committed N signed CONTRACT-ID
 *
 * so every line the test reads names a change that must survive the kill.
 * Usage: crash-writer DATABASE RUN (RUN makes names unique per run). */
#define G_LOG_DOMAIN "cd-reliability"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/cd-store-contracts.h"
#include "store/cd-store-private.h"
#include "store/cd-store-quotes.h"

typedef struct
{
  CdStore *store;
  guint    run;
  guint    n;        /* commits so far */
  guint    cycle;
} Writer;

static void G_GNUC_PRINTF (2, 3)
report (Writer *w, const char *format, ...)
{
  g_autofree char *what = NULL;
  g_autofree char *line = NULL;
  va_list args;
  gsize length;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  line = g_strdup_printf ("committed %u %s\n", ++w->n, what);
  length = strlen (line);
  /* One write(2) per line, unbuffered: the line is in the pipe before the
   * next change starts. */
  if (write (STDOUT_FILENO, line, length) != (gssize) length)
    exit (3);
}

static G_GNUC_NORETURN void
fail (const char *doing, GError *error)
{
  fprintf (stderr, "crash-writer: %s: %s\n", doing, error ? error->message : "failed");
  exit (2);
}

static gint64
new_project (Writer *w)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *number = g_strdup_printf ("CR%u-%u", w->run, w->cycle);
  gint64 id;

  if (!cd_store_begin (w->store, &error))
    fail ("beginning", error);
  stmt = cd_store_prepare (w->store,
                           "INSERT INTO project (number, client_id, name, status, start_date)"
                           " VALUES (?1, 1, ?2, 'brief', '2026-03-02')", &error);
  if (stmt == NULL)
    fail ("preparing", error);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, "断电测试项目 ⚡", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    fail ("inserting a project", NULL);
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (cd_store_get_db (w->store));
  /* A complete brief: the first quote moves the project on. */
  stmt = cd_store_prepare (w->store,
                           "INSERT INTO brief (project_id, background, objectives, audience,"
                           " deliverables, channels, budget_min_fen, budget_max_fen, launch_date,"
                           " mandatory, approvals) VALUES (?1, '新品上市', '提升知名度', '白领',"
                           " '海报', '微信', 10000000, 20000000, '2026-04-15', '品牌标志', '市场总监')",
                           &error);
  if (stmt == NULL)
    fail ("preparing", error);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    fail ("inserting a brief", NULL);
  sqlite3_reset (stmt);
  if (!cd_store_commit (w->store, &error))
    fail ("committing", error);
  report (w, "project %" PRId64, id);
  return id;
}

static void
quote_cycle (Writer *w, gint64 project)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("crash.key%u", w->cycle % 5);
  g_autofree char *value = NULL;
  const CdInstallmentShare shares[] = {
    { "首付款", "2026-03-20", 4000 }, { "尾款", "2026-05-20", 6000 },
  };
  gint64 quote, contract;

  quote = cd_store_quote_create (w->store, project, "2026-03-10", &error);
  if (quote == 0)
    fail ("creating a quote", error);
  report (w, "quote %" PRId64, quote);

  for (guint k = 0; k < 3; k++)
    {
      g_autoptr (CdQuoteLine) line = cd_quote_line_new ();
      gint64 line_id;

      line->item = g_strdup_printf ("crash %u-%u-%u", w->run, w->cycle, k);
      line->unit = g_strdup ("项");
      line->qty_milli = 1000 * (k + 1);
      line->unit_price_fen = 10000 + w->cycle;
      line->tax_rate_bp = 600;
      line_id = cd_store_quote_add_line (w->store, quote, line, 0, &error);
      if (line_id == 0)
        fail ("adding a line", error);
      report (w, "line %" PRId64 " %" PRId64, quote, line_id);
    }

  /* Grows from run to run, so the test can ask for "at least". */
  value = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) w->run * 1000000 + w->n + 1);
  if (!cd_store_set_setting (w->store, key, value, &error))
    fail ("saving a setting", error);
  report (w, "setting %s %s", key, value);

  if (!cd_store_quote_send (w->store, quote, "2026-03-11", &error))
    fail ("sending", error);
  report (w, "sent %" PRId64, quote);
  if (!cd_store_quote_accept (w->store, quote, "2026-03-12", &error))
    fail ("accepting", error);
  report (w, "accepted %" PRId64, quote);

  contract = cd_store_contract_create_from_quote (w->store, quote, "2026-03-15", &error);
  if (contract == 0)
    fail ("making a contract", error);
  report (w, "contract %" PRId64, contract);
  if (!cd_store_contract_split_installments (w->store, contract, shares, 2, &error))
    fail ("planning installments", error);
  report (w, "installments %" PRId64, contract);
  if (!cd_store_contract_sign (w->store, contract, "2026-03-16", &error))
    fail ("signing", error);
  report (w, "signed %" PRId64, contract);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  Writer w = { 0 };

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-writer DATABASE RUN\n");
      return 2;
    }
  w.run = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  w.store = cd_store_open (argv[1], &error);
  if (w.store == NULL)
    fail ("opening", error);
  cd_store_set_actor (w.store, 1);

  for (w.cycle = 0;; w.cycle++)
    quote_cycle (&w, new_project (&w));
}
