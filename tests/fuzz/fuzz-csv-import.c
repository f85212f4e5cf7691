/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the CSV reader (src/core/cd-csv.c) and the checks of the
 * import (src/store/cd-import.c), as a dry run into a temporary database
 * that holds one staff member, a client and a supplier to collide with. */
#define G_LOG_DOMAIN "cd-fuzz"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "fuzz-targets.h"
#include "core/cd-csv.h"
#include "store/cd-import.h"
#include "store/cd-store-private.h"

static char *dir;
static char *csv_path;
static CdStore *store;

static void
open_store (void)
{
  g_autofree char *db = NULL;

  dir = g_dir_make_tmp ("cd-fuzz-XXXXXX", NULL);
  CD_FUZZ_CHECK (dir != NULL);
  db = g_build_filename (dir, "fuzz.db", NULL);
  csv_path = g_build_filename (dir, "input.csv", NULL);
  store = cd_store_open (db, NULL);
  CD_FUZZ_CHECK (store != NULL);
  CD_FUZZ_CHECK (cd_store_exec (store,
    "INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');"
    "INSERT INTO client (name, credit_code, status) VALUES ('星河', '91310000MA1FL4XQ3X', 'active');"
    "INSERT INTO supplier (name) VALUES ('云图印刷');", NULL));
  atexit (cd_fuzz_cleanup);
}

void
cd_fuzz_cleanup (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *db = NULL;

  if (dir == NULL)
    return;
  g_clear_object (&store);
  db = g_build_filename (dir, "fuzz.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, suffixes[i], NULL);
      g_unlink (file);
    }
  g_unlink (csv_path);
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&csv_path, g_free);
}

/* Valid UTF-8 apart from NUL bytes, which a field may hold. */
static gboolean
is_text (const char *p, gsize length)
{
  const char *end = p + length;

  while (p < end)
    {
      const char *nul = memchr (p, '\0', (gsize) (end - p));
      gsize run = (gsize) ((nul ? nul : end) - p);

      if (run > 0 && !g_utf8_validate (p, (gssize) run, NULL))
        return FALSE;
      p += run + (nul ? 1 : 0);
    }
  return TRUE;
}

static void
read_csv (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdCsvDocument) document = cd_csv_parse ((const char *) data, size, &error);

  if (document == NULL)
    {
      CD_FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return;
    }
  for (guint r = 0; r < document->records->len; r++)
    {
      const CdCsvRecord *record = document->records->pdata[r];

      CD_FUZZ_CHECK (record->line >= 1 && record->line <= document->n_lines + 1);
      CD_FUZZ_CHECK (record->problem == NULL || g_utf8_validate (record->problem, -1, NULL));
      for (guint f = 0; f < record->fields->len; f++)
        {
          const GString *field = cd_csv_record_field (record, f);

          CD_FUZZ_CHECK (is_text (field->str, field->len));
        }
    }
}

static void
import (CdKind kind)
{
  g_autoptr (CdImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = cd_import_csv (store, kind, csv_path, TRUE, &report, &error);

  CD_FUZZ_CHECK (ok || (error != NULL && g_utf8_validate (error->message, -1, NULL)));
  CD_FUZZ_CHECK (report != NULL && report->rows_imported == 0);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = cd_import_problem_to_string (report->problems->pdata[i]);

      CD_FUZZ_CHECK (g_utf8_validate (line, -1, NULL));
    }
}

int
cd_fuzz_csv_import (const uint8_t *data, size_t size)
{
  FILE *file;

  if (store == NULL)
    open_store ();
  read_csv (data, size);
  /* Plain stdio: g_file_set_contents () syncs to disk, thousands of times. */
  file = fopen (csv_path, "wb");
  CD_FUZZ_CHECK (file != NULL && fwrite (data, 1, size, file) == size);
  fclose (file);
  import (CD_KIND_CLIENTS);
  import (CD_KIND_SUPPLIERS);
  return 0;
}

#ifdef CD_FUZZ_MAIN
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return cd_fuzz_csv_import (data, size);
}
#endif
