/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays, through the fuzz targets' own entry points, every committed
 * fuzz input (tests/fuzz/corpus/<target>/, crashers found by tools/fuzz.sh
 * included) and every seed (the hostile corpus, the sample CSV files, the
 * shipped holiday calendars): a crasher found once stays a regression test
 * in every build, clang or not, sanitizers or not. A target that trips
 * aborts this program, which fails the test. */
#include <glib/gstdio.h>

#include "rel-util.h"
#include "fuzz-targets.h"

typedef int (*Target) (const uint8_t *data, size_t size);

typedef struct
{
  const char *name;
  Target      target;
  const char *folders[4];   /* from the source root */
} Replay;

static const Replay replays[] = {
  { "money", cd_fuzz_money,
    { "tests/fuzz/corpus/money", "tests/data/hostile/amounts", NULL } },
  { "ics", cd_fuzz_ics,
    { "tests/fuzz/corpus/ics", "tests/data/hostile/ics", "data/holidays", NULL } },
  { "csv-import", cd_fuzz_csv_import,
    { "tests/fuzz/corpus/csv-import", "tests/data/hostile/csv", "tests/data/csv", NULL } },
};

static guint
replay_folder (Target target, const char *relative)
{
  g_autofree char *path = rel_source_path (relative);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_str_has_suffix (name, ".md") || !g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      g_assert_true (g_file_get_contents (file, &data, &length, NULL));
      g_test_message ("%s/%s (%" G_GSIZE_FORMAT " bytes)", relative, name, length);
      g_assert_cmpint (target ((const uint8_t *) data, length), ==, 0);
      n++;
    }
  return n;
}

static void
test_replay (gconstpointer data)
{
  const Replay *replay = data;
  guint n = 0;

  for (guint i = 0; replay->folders[i] != NULL; i++)
    n += replay_folder (replay->target, replay->folders[i]);
  g_test_message ("%s: %u inputs replayed", replay->name, n);
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (replays); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reliability/fuzz/%s-corpus-replays-cleanly",
                                               replays[i].name);
      g_test_add_data_func (path, &replays[i], test_replay);
    }
  status = g_test_run ();
  cd_fuzz_cleanup ();
  return status;
}
