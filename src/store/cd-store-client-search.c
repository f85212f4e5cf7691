/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client search text in memory, for one- and two-character searches.
 *
 * Such a search has no trigram, so SQLite can only run instr () over every
 * row of the index's content table: about 20 ms of CPU for 100,000 clients,
 * more when the pages have left SQLite's cache, which is over the keystroke
 * budget (DESIGN.md §8, p95 ≤ 30 ms) once the first page of rows is read
 * too. The same text (some 18 MB for 100,000 clients) copied once into one
 * buffer is scanned with memmem () in 3–5 ms, and a search without ASCII
 * (Chinese) scans a copy without the ASCII runs, about half of it. The copy is read again
 * whenever the database may have changed since: this connection has written
 * (sqlite3_total_changes64) or another one has (PRAGMA data_version). */
#define G_LOG_DOMAIN "cd-store"
#define _GNU_SOURCE

#include <string.h>

#include <glib/gi18n.h>

#include "store/cd-store-client-search.h"
#include "store/cd-store-private.h"

/* One searchable copy: every body, each followed by a NUL, and where each
 * starts. */
typedef struct
{
  GByteArray *text;
  GArray     *starts;        /* guint32 offset of each body in @text */
} Copy;

typedef struct
{
  Copy        all;           /* the bodies as they are */
  /* The same with every run of ASCII (codes, phones, e-mail, spaces)
   * turned into one 0x01 byte: a search without ASCII, such as Chinese
   * text, cannot match inside such a run nor across the 0x01 that stands
   * for it, and this copy is about half the size. */
  Copy        wide;
  GArray     *ids;           /* gint64 client id of each body */
  sqlite3    *db;            /* the connection it was read from */
  gint64      max_id;
  gint64      data_version;
  gint64      total_changes;
} Corpus;

#define CORPUS_KEY "cd-client-search-corpus"
/* Rows between two looks at the cancellable. */
#define CHECK_EVERY 8192

static void
copy_init (Copy *copy)
{
  copy->text = g_byte_array_sized_new (1 << 20);
  copy->starts = g_array_new (FALSE, FALSE, sizeof (guint32));
}

static void
copy_clear (Copy *copy)
{
  g_clear_pointer (&copy->text, g_byte_array_unref);
  g_clear_pointer (&copy->starts, g_array_unref);
}

static void
corpus_free (Corpus *corpus)
{
  copy_clear (&corpus->all);
  copy_clear (&corpus->wide);
  g_array_unref (corpus->ids);
  g_free (corpus);
}

static void
append_body (Copy *copy, const guint8 *body, gsize length)
{
  guint32 start = copy->text->len;

  g_byte_array_append (copy->text, body, length);
  g_byte_array_append (copy->text, (const guint8 *) "", 1);
  g_array_append_val (copy->starts, start);
}

static void
append_wide_body (Copy *copy, const guint8 *body, gsize length)
{
  guint32 start = copy->text->len;
  gsize i = 0;

  while (i < length)
    {
      gsize run = i;

      while (run < length && body[run] >= 0x80)
        run++;
      g_byte_array_append (copy->text, body + i, run - i);
      if (run < length)
        {
          g_byte_array_append (copy->text, (const guint8 *) "\x01", 1);
          while (run < length && body[run] < 0x80)
            run++;
        }
      i = run;
    }
  g_byte_array_append (copy->text, (const guint8 *) "", 1);
  g_array_append_val (copy->starts, start);
}

static gboolean
corpus_is_current (CdStore *self, const Corpus *corpus, gint64 data_version)
{
  return corpus != NULL && corpus->db == cd_store_get_db (self)
         && corpus->data_version == data_version
         && corpus->total_changes == sqlite3_total_changes64 (cd_store_get_db (self));
}

/* Call with the store locked. */
static Corpus *
read_corpus (CdStore *self, gint64 data_version, GError **error)
{
  Corpus *corpus = g_new0 (Corpus, 1);
  sqlite3_stmt *stmt;
  int rc;

  copy_init (&corpus->all);
  copy_init (&corpus->wide);
  corpus->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->db = cd_store_get_db (self);
  corpus->data_version = data_version;
  corpus->total_changes = sqlite3_total_changes64 (cd_store_get_db (self));
  stmt = cd_store_prepare (self, "SELECT id, c0 FROM client_search_content ORDER BY id", error);
  if (stmt == NULL)
    {
      corpus_free (corpus);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guint8 *body = sqlite3_column_text (stmt, 1);
      gsize length = body != NULL ? (gsize) sqlite3_column_bytes (stmt, 1) : 0;

      if (corpus->all.text->len > G_MAXUINT32 / 2)
        break;  /* beyond any agency; the rest is not searched */
      append_body (&corpus->all, body != NULL ? body : (const guint8 *) "", length);
      append_wide_body (&corpus->wide, body != NULL ? body : (const guint8 *) "", length);
      g_array_append_val (corpus->ids, id);
      corpus->max_id = MAX (corpus->max_id, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cd_store_set_error (self, error, rc, _("searching a list"));
      corpus_free (corpus);
      return NULL;
    }
  return corpus;
}

/* The current copy, read again if the database changed. Call with the
 * store locked; the copy stays valid while it is. */
static Corpus *
current_corpus (CdStore *self, GError **error)
{
  Corpus *corpus = g_object_get_data (G_OBJECT (self), CORPUS_KEY);
  gint64 data_version = cd_store_query_int (self, "PRAGMA data_version", error);

  if (data_version < 0)
    return NULL;
  if (corpus_is_current (self, corpus, data_version))
    return corpus;
  corpus = read_corpus (self, data_version, error);
  if (corpus == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (self), CORPUS_KEY, corpus, (GDestroyNotify) corpus_free);
  return corpus;
}

/* Marks in @hit (indexed by client id, @max_id + 1 bytes) every client
 * whose text contains @needle. FALSE when cancelled. */
static gboolean
has_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x80)
      return TRUE;
  return FALSE;
}

static gboolean
scan (const Corpus *corpus, const char *needle, guint8 *hit, gint64 max_id,
      GCancellable *cancellable)
{
  const Copy *copy = has_ascii (needle) ? &corpus->all : &corpus->wide;
  const char *text = (const char *) copy->text->data;
  const char *end = text + copy->text->len;
  const guint32 *starts = (const guint32 *) copy->starts->data;
  const gint64 *ids = (const gint64 *) corpus->ids->data;
  gsize needle_len = strlen (needle);
  guint n = copy->starts->len, row = 0, next_check = CHECK_EVERY;
  const char *p = text;

  while (row < n && (p = memmem (p, end - p, needle, needle_len)) != NULL)
    {
      guint32 offset = p - text;

      while (row + 1 < n && starts[row + 1] <= offset)
        row++;
      if (ids[row] >= 0 && ids[row] <= max_id)
        hit[ids[row]] = 1;
      if (++row >= n)
        break;
      p = text + starts[row];
      if (row >= next_check)
        {
          if (g_cancellable_is_cancelled (cancellable))
            return FALSE;
          next_check = row + CHECK_EVERY;
        }
    }
  return TRUE;
}

/**
 * cd_store_client_search_warm:
 *
 * Reads the search text into memory now if it is not there or out of date,
 * so that the first keystroke does not pay for it. Safe on a worker thread.
 *
 * Returns: %FALSE with @error set on a database failure
 */
gboolean
cd_store_client_search_warm (CdStore *self, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  cd_store_lock (self);
  ok = current_corpus (self, error) != NULL;
  cd_store_unlock (self);
  return ok;
}

static void
warm_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (cd_store_client_search_warm (CD_STORE (source), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_store_client_search_warm_async (CdStore *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CD_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_client_search_warm_async);
  g_task_run_in_thread (task, warm_thread);
}

gboolean
cd_store_client_search_warm_finish (CdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cd_store_client_search_filter_ids:
 * @search: non-empty, valid UTF-8
 * @ordered: client ids in some order (the list as shown before searching)
 *
 * Keeps the ids of @ordered whose search text (name, short name, codes,
 * contacts) contains @search, in their order.
 *
 * Returns: (transfer full): a #GArray of gint64, or %NULL with @error set
 *   (cancelled, or a database failure)
 */
GArray *
cd_store_client_search_filter_ids (CdStore *self, const char *search, const GArray *ordered,
                                   GCancellable *cancellable, GError **error)
{
  g_autoptr (GArray) kept = NULL;
  g_autofree guint8 *hit = NULL;
  gint64 max_id = 0;
  Corpus *corpus;
  gboolean done;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (search != NULL && ordered != NULL, NULL);

  for (guint i = 0; i < ordered->len; i++)
    max_id = MAX (max_id, g_array_index (ordered, gint64, i));
  hit = g_malloc0 (max_id + 1);

  cd_store_lock (self);
  corpus = current_corpus (self, error);
  done = corpus != NULL && scan (corpus, search, hit, max_id, cancellable);
  cd_store_unlock (self);
  if (corpus == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  g_assert (done);

  kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < ordered->len; i++)
    {
      gint64 id = g_array_index (ordered, gint64, i);
      if (id >= 0 && hit[id])
        g_array_append_val (kept, id);
    }
  return g_steal_pointer (&kept);
}
