/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A disk that fills up during a backup or an export: the command says so in
 * one line (exit 1) and leaves no partial file — no target, no temporary
 * file beside it, an existing target as it was.
 *
 * The full disk is made two ways: a file-size limit (RLIMIT_FSIZE, with
 * SIGXFSZ ignored, so writes fail with EFBIG) that works for any user, and,
 * when the test may mount (root), a tiny tmpfs that really runs out of
 * space (ENOSPC). */
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "rel-util.h"
#include "store/cd-demo.h"
#include "store/cd-store.h"

typedef struct
{
  char *dir;       /* the database */
  char *db;
  char *month;     /* the month with the most accepted supplier orders */
  char *wo_month;  /* the month with the most work orders */
} Agency;

static Agency agency;

/* Every command that writes a file of its own, with @target in it. */
static GPtrArray *
writer_commands (const char *target_dir)
{
  GPtrArray *commands = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *backup = g_build_filename (target_dir, "backup.db", NULL);
  g_autofree char *sheet = g_build_filename (target_dir, "supplier-sheet.xlsx", NULL);
  g_autofree char *orders = g_build_filename (target_dir, "work-orders.xlsx", NULL);
  g_autofree char *pack = g_build_filename (target_dir, "director-pack.xlsx", NULL);
  const char *cli = g_getenv ("CLIENTDESK_CLI");

  g_ptr_array_add (commands, g_strdupv ((char *[]) { (char *) cli, "--db", agency.db, "backup", "-o",
                                                     backup, NULL }));
  g_ptr_array_add (commands, g_strdupv ((char *[]) { (char *) cli, "--db", agency.db, "export",
                                                     "supplier-sheet", "--month", agency.month, "-o",
                                                     sheet, NULL }));
  g_ptr_array_add (commands, g_strdupv ((char *[]) { (char *) cli, "--db", agency.db, "export",
                                                     "work-orders", "--month", agency.wo_month, "-o",
                                                     orders, NULL }));
  g_ptr_array_add (commands, g_strdupv ((char *[]) { (char *) cli, "--db", agency.db, "export",
                                                     "director-pack", "--from", agency.month, "--to",
                                                     agency.month, "-o", pack, NULL }));
  return commands;
}

static const char *
target_of (char **argv)
{
  return argv[g_strv_length (argv) - 1];
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_SIZE (data), GPOINTER_TO_SIZE (data) };

  /* Ignored, SIGXFSZ turns into EFBIG from write(2): a full disk as the
   * program sees it. Both survive exec. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run (char **argv, GSpawnChildSetupFunc setup, gpointer data, Run *out)
{
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  out->status = -1;
  out->out = out->err = NULL;
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, setup, data, &out->out, &out->err,
                     &wait_status, &error))
    {
      g_test_fail_printf ("cannot run %s: %s", argv[0], error->message);
      return;
    }
  if (WIFEXITED (wait_status))
    out->status = WEXITSTATUS (wait_status);
  else if (WIFSIGNALED (wait_status))
    out->status = 128 + WTERMSIG (wait_status);
}

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static char *
list_folder (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The command fails with one line and leaves @target_dir as it was. */
static void
assert_fails_cleanly (char **argv, const char *target_dir, GSpawnChildSetupFunc setup, gpointer data)
{
  g_autofree char *before = list_folder (target_dir);
  g_autofree char *after = NULL;
  g_autofree char *kept_before = NULL;
  g_autofree char *kept_after = NULL;
  const char *target = target_of (argv);
  Run r;

  g_file_get_contents (target, &kept_before, NULL, NULL);
  run (argv, setup, data, &r);
  g_test_message ("%s %s → %d: %s", argv[3], argv[4], r.status, r.err);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (r.err);
  g_assert_true (g_str_has_suffix (r.err, "\n"));
  /* One line, ClientDesk's: libxlsxwriter's own "[ERROR]" lines are kept
   * off stderr by cd_xlsx_close_quietly (). The director pack still closes
   * its workbook itself, so its reason may come after the library's. */
  if (g_strcmp0 (argv[4], "director-pack") == 0)
    g_assert_true (g_str_has_prefix (r.err, "clientdesk-cli: ")
                   || strstr (r.err, "\nclientdesk-cli: ") != NULL);
  else
    {
      g_assert_true (g_str_has_prefix (r.err, "clientdesk-cli: "));
      g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
    }
  g_assert_cmpstr (r.out, ==, "");
  after = list_folder (target_dir);
  g_assert_cmpstr (after, ==, before);
  g_file_get_contents (target, &kept_after, NULL, NULL);
  g_assert_cmpstr (kept_after, ==, kept_before);
  run_clear (&r);
}

/* Without a limit each command works: the failures below are the disk's. */
static void
test_commands_work_with_room (void)
{
  g_autofree char *dir = rel_make_temp_dir ("room");
  g_autoptr (GPtrArray) commands = writer_commands (dir);

  for (guint i = 0; i < commands->len; i++)
    {
      char **argv = commands->pdata[i];
      Run r;

      run (argv, NULL, NULL, &r);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_test (target_of (argv), G_FILE_TEST_IS_REGULAR));
      run_clear (&r);
    }
  rel_remove_tree (dir);
}

static void
test_file_size_limit (void)
{
  g_autofree char *dir = rel_make_temp_dir ("efbig");
  g_autoptr (GPtrArray) commands = writer_commands (dir);
  char *check[] = { (char *) g_getenv ("CLIENTDESK_CLI"), "--db", agency.db, "check", NULL };
  sqlite3 *holder = NULL;
  Run r;

  /* SQLite grows the database's -shm to 32 KiB when it opens it, which a
   * 4 KiB limit refuses: a connection held open here keeps it at full
   * size, so the limit hits what the command writes, not the opening. */
  g_assert_cmpint (sqlite3_open (agency.db, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "SELECT count(*) FROM client", NULL, NULL, NULL), ==, SQLITE_OK);
  run (check, limit_file_size, GSIZE_TO_POINTER (4096), &r);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  for (guint i = 0; i < commands->len; i++)
    assert_fails_cleanly (commands->pdata[i], dir, limit_file_size, GSIZE_TO_POINTER (4096));

  /* An existing file at the target stays as it was. */
  for (guint i = 0; i < commands->len; i++)
    g_assert_true (g_file_set_contents (target_of (commands->pdata[i]), "last month's file", -1, NULL));
  for (guint i = 0; i < commands->len; i++)
    assert_fails_cleanly (commands->pdata[i], dir, limit_file_size, GSIZE_TO_POINTER (4096));
  sqlite3_close (holder);
  rel_remove_tree (dir);
}

static void
test_tmpfs_runs_out_of_space (void)
{
  g_autofree char *dir = rel_make_temp_dir ("enospc");
  g_autofree char *small = g_build_filename (dir, "small", NULL);
  g_autofree char *filler = g_build_filename (small, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  g_autoptr (GPtrArray) commands = NULL;
  FILE *file;

  g_assert_cmpint (g_mkdir (small, 0700), ==, 0);
  if (geteuid () != 0 || mount ("tmpfs", small, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0700") != 0)
    {
      g_test_skip ("cannot mount a tmpfs here (needs root); the file-size limit stands in for it");
      rel_remove_tree (dir);
      return;
    }
  /* Fill it to the last few KiB. */
  file = fopen (filler, "w");
  while (file != NULL && fwrite (block, 1, 4096, file) == 4096 && fflush (file) == 0)
    ;
  if (file != NULL)
    fclose (file);
  /* Leave a page or two free, less than any backup or workbook. */
  truncate (filler, MAX (0, (goffset) 64 * 1024 - 8192));

  commands = writer_commands (small);
  for (guint i = 0; i < commands->len; i++)
    assert_fails_cleanly (commands->pdata[i], small, NULL, NULL);
  umount2 (small, MNT_DETACH);
  rel_remove_tree (dir);
}

static void
make_agency (void)
{
  g_autoptr (GError) error = NULL;
  CdStore *store;

  agency.dir = rel_make_temp_dir ("disk-full");
  agency.db = g_build_filename (agency.dir, "agency.db", NULL);
  store = cd_store_open (agency.db, &error);
  g_assert_no_error (error);
  g_assert_true (cd_demo_generate (store, CD_DEMO_SMALL, 3, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (store);
  agency.month = rel_raw_text (agency.db,
                               "SELECT substr (accepted_date, 1, 7) FROM supplier_order"
                               " WHERE status = 'accepted' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  agency.wo_month = rel_raw_text (agency.db,
                                  "SELECT substr (issued_date, 1, 7) FROM work_order"
                                  " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  g_assert_nonnull (agency.month);
  g_assert_nonnull (agency.wo_month);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
  make_agency ();

  g_test_add_func ("/reliability/disk-full/backup-and-exports-work-with-room", test_commands_work_with_room);
  g_test_add_func ("/reliability/disk-full/file-size-limit-fails-cleanly-leaving-no-partial-file",
                   test_file_size_limit);
  g_test_add_func ("/reliability/disk-full/full-tmpfs-fails-cleanly-leaving-no-partial-file",
                   test_tmpfs_runs_out_of_space);

  status = g_test_run ();
  rel_remove_tree (agency.dir);
  g_free (agency.db);
  g_free (agency.dir);
  g_free (agency.month);
  g_free (agency.wo_month);
  return status;
}
