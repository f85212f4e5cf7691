/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings and the calendar on the command line (issue 12), on a demo
 * database with one client meeting added through the store:
 *   render meeting-notice NUMBER -o FILE.pdf | --text
 *   export calendar --from --to [--staff NAME] -o FILE.ics
 *   list meetings [--month] [--search] --json
 * and bad input refused with one line and no file. */
#define G_LOG_DOMAIN "cd-cli-test"

#include <string.h>
#include <glib/gstdio.h>

#include "cd-cli-test-util.h"
#include "store/cd-store-clients.h"
#include "store/cd-store-meetings.h"

#define TITLE "春季新品提案会，含预算; 及排期"
#define PLACE "徐汇区漕溪北路88号 3楼会议室"

static char *dir;
static char *db;
static char *number;
static char *client_name;

static gboolean
set_up_meeting (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (db, &error);
  g_autoptr (GVariant) clients = NULL;
  g_autoptr (GVariant) first = NULL;
  g_autoptr (GVariant) meeting = NULL;
  GVariantDict fields;
  gint64 client_id = 0, contact_id, meeting_id;

  g_assert_no_error (error);
  if (store == NULL)
    return FALSE;
  cd_store_set_actor (store, 3);
  clients = cd_store_list (store, CD_KIND_CLIENTS, NULL, NULL, 1, 0, &error);
  g_assert_no_error (error);
  first = g_variant_get_child_value (clients, 0);
  g_variant_lookup (first, "id", "x", &client_id);
  g_variant_lookup (first, "name", "s", &client_name);

  g_variant_dict_init (&fields, NULL);
  g_variant_dict_insert (&fields, "name", "s", "张丽");
  g_variant_dict_insert (&fields, "title", "s", "市场总监");
  contact_id = cd_store_contact_add (store, client_id, g_variant_dict_end (&fields), &error);
  g_assert_no_error (error);

  g_variant_dict_init (&fields, NULL);
  g_variant_dict_insert (&fields, "title", "s", TITLE);
  g_variant_dict_insert (&fields, "kind", "s", "client");
  g_variant_dict_insert (&fields, "client_id", "x", client_id);
  g_variant_dict_insert (&fields, "starts_at", "s", "2026-11-26T09:30");
  g_variant_dict_insert (&fields, "ends_at", "s", "2026-11-26T11:00");
  g_variant_dict_insert (&fields, "place", "s", PLACE);
  g_variant_dict_insert (&fields, "agenda", "s", "1. 创意方案讲解\n2. 报价确认");
  meeting_id = cd_store_meeting_create (store, g_variant_dict_end (&fields), &error);
  g_assert_no_error (error);
  if (meeting_id <= 0)
    return FALSE;
  cd_store_meeting_add_contact (store, meeting_id, contact_id, &error);
  g_assert_no_error (error);
  cd_store_meeting_add_staff (store, meeting_id, 3, &error);
  g_assert_no_error (error);
  meeting = cd_store_meeting_get (store, meeting_id, &error);
  g_assert_no_error (error);
  g_variant_lookup (meeting, "number", "s", &number);
  g_test_message ("meeting %s for %s", number, client_name);
  return number != NULL;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *out = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) || status != 0)
    g_clear_pointer (&out, g_free);
  return out;
}

static void
test_notice_pdf (void)
{
  g_autofree char *path = g_build_filename (dir, "notice.pdf", NULL);
  g_autoptr (CdRun) run = cd_run_cli ("--db", db, "render", "meeting-notice", number, "-o", path, NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = pdf_text (path);
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "春季新品提案会"));
  g_assert_nonnull (strstr (text, "Thursday, 26 November 2026, 09:30–11:00"));
  g_assert_nonnull (strstr (text, "漕溪北路88号"));
  g_assert_nonnull (strstr (text, client_name));
  g_assert_nonnull (strstr (text, number));
}

static void
test_notice_text (void)
{
  g_autoptr (CdRun) run = cd_run_cli ("--db", db, "render", "meeting-notice", number, "--text", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_prefix (run->out, "Dear 张丽,\n"));
  g_assert_nonnull (strstr (run->out, "\nMeeting: " TITLE "\n"));
  g_assert_nonnull (strstr (run->out, "\nPlace: " PLACE "\n"));
  g_assert_nonnull (strstr (run->out, "张丽 (市场总监)"));
  g_assert_nonnull (strstr (run->out, "\n1. 创意方案讲解\n2. 报价确认\n"));
}

static void
test_notice_refusals (void)
{
  g_autofree char *txt = g_build_filename (dir, "notice.txt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "none.pdf", NULL);
  g_autoptr (CdRun) unknown = cd_run_cli ("--db", db, "render", "meeting-notice", "MT000000-9999",
                                          "-o", pdf, NULL);
  g_autoptr (CdRun) not_pdf = cd_run_cli ("--db", db, "render", "meeting-notice", number, "-o", txt, NULL);
  g_autoptr (CdRun) neither = cd_run_cli ("--db", db, "render", "meeting-notice", number, NULL);
  g_autoptr (CdRun) both = cd_run_cli ("--db", db, "render", "meeting-notice", number, "--text",
                                       "-o", pdf, NULL);

  cd_assert_refused (unknown);
  cd_assert_refused (not_pdf);
  cd_assert_usage (neither);
  cd_assert_usage (both);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* The .ics unfolded into content lines, after checking the physical ones. */
static GPtrArray *
ics_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) physical = g_strsplit (text, "\r\n", -1);

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  for (guint i = 0; physical[i] != NULL && physical[i][0] != '\0'; i++)
    {
      g_assert_cmpuint (strlen (physical[i]), <=, 75);
      g_assert_true (g_utf8_validate (physical[i], -1, NULL));
      g_assert_null (strchr (physical[i], '\n'));
      if (physical[i][0] == ' ' && lines->len > 0)
        {
          char *joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1), physical[i] + 1, NULL);

          g_free (g_ptr_array_index (lines, lines->len - 1));
          g_ptr_array_index (lines, lines->len - 1) = joined;
        }
      else
        g_ptr_array_add (lines, g_strdup (physical[i]));
    }
  return lines;
}

static gboolean
has_line (GPtrArray *lines, const char *line)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (g_ptr_array_index (lines, i), line))
      return TRUE;
  return FALSE;
}

static void
test_calendar_export (void)
{
  g_autofree char *path = g_build_filename (dir, "week.ics", NULL);
  g_autoptr (CdRun) run = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-11-23",
                                      "--to", "2026-11-29", "-o", path, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  GStatBuf st;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  if (text == NULL)
    return;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  lines = ics_lines (text);
  g_assert_true (has_line (lines, "BEGIN:VCALENDAR"));
  g_assert_true (has_line (lines, "END:VCALENDAR"));
  g_assert_true (has_line (lines, "TZID:Asia/Shanghai"));
  /* The meeting, its title escaped as TEXT, in Beijing time. */
  g_assert_true (has_line (lines, "SUMMARY:春季新品提案会\\，含预算\\; 及排期")
                 || has_line (lines, "SUMMARY:春季新品提案会，含预算\\; 及排期"));
  g_assert_true (has_line (lines, "DTSTART;TZID=Asia/Shanghai:20261126T093000"));
  g_assert_true (has_line (lines, "DTEND;TZID=Asia/Shanghai:20261126T110000"));
}

static void
test_calendar_of_one_person (void)
{
  g_autofree char *path = g_build_filename (dir, "mine.ics", NULL);
  g_autofree char *missing = g_build_filename (dir, "nobody.ics", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (db, &error);
  g_autoptr (GVariant) meeting = NULL;
  g_autofree char *creator = NULL;
  g_autoptr (CdRun) nobody = NULL;
  g_autoptr (CdRun) run = NULL;
  g_autofree char *text = NULL;

  meeting = cd_store_meeting_get (store, cd_store_meeting_find (store, number, NULL), &error);
  g_assert_no_error (error);
  if (meeting == NULL)
    return;
  g_variant_lookup (meeting, "created_by_name", "s", &creator);
  g_clear_object (&store);
  run = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-11-26", "--to", "2026-11-26",
                    "--staff", creator, "-o", path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text ? text : "", "DTSTART;TZID=Asia/Shanghai:20261126T093000"));
  nobody = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-11-26", "--to", "2026-11-26",
                       "--staff", "没有这个人", "-o", missing, NULL);
  cd_assert_refused (nobody);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_calendar_refusals (void)
{
  g_autofree char *path = g_build_filename (dir, "bad.ics", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "bad.xlsx", NULL);
  g_autoptr (CdRun) bad_day = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-02-30",
                                          "--to", "2026-03-01", "-o", path, NULL);
  g_autoptr (CdRun) reversed = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-12-01",
                                           "--to", "2026-11-01", "-o", path, NULL);
  g_autoptr (CdRun) wrong_ext = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-11-01",
                                            "--to", "2026-11-30", "-o", xlsx, NULL);
  g_autoptr (CdRun) no_output = cd_run_cli ("--db", db, "export", "calendar", "--from", "2026-11-01",
                                            "--to", "2026-11-30", NULL);

  cd_assert_refused (bad_day);
  cd_assert_refused (reversed);
  cd_assert_refused (wrong_ext);
  cd_assert_usage (no_output);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

static guint
count_number (const char *json)
{
  g_autoptr (GVariant) rows = cd_parse_json (json);
  guint found = 0;

  g_assert_nonnull (rows);
  if (rows == NULL)
    return 0;
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr (GVariant) boxed = g_variant_get_child_value (rows, i);
      g_autoptr (GVariant) row = g_variant_get_variant (boxed);
      const char *n = NULL;

      g_assert_true (g_variant_lookup (row, "id", "x", NULL));
      if (g_variant_lookup (row, "number", "&s", &n) && g_str_equal (n, number))
        found++;
    }
  return found;
}

static void
test_list_meetings (void)
{
  g_autoptr (CdRun) month = cd_run_cli ("--db", db, "list", "meetings", "--month", "2026-11", "--json", NULL);
  g_autoptr (CdRun) other = cd_run_cli ("--db", db, "list", "meetings", "--month", "2026-10", "--json", NULL);
  g_autoptr (CdRun) found = cd_run_cli ("--db", db, "list", "meetings", "--search", "新品提案", "--json", NULL);
  g_autoptr (CdRun) none = cd_run_cli ("--db", db, "list", "meetings", "--search", "不存在的会议", "--json", NULL);
  g_autoptr (CdRun) bad = cd_run_cli ("--db", db, "list", "meetings", "--month", "2026-13", "--json", NULL);

  g_assert_cmpint (month->status, ==, 0);
  g_assert_cmpuint (count_number (month->out), ==, 1);
  g_assert_cmpint (other->status, ==, 0);
  g_assert_cmpuint (count_number (other->out), ==, 0);
  g_assert_cmpint (found->status, ==, 0);
  g_assert_cmpuint (count_number (found->out), ==, 1);
  g_assert_cmpint (none->status, ==, 0);
  g_assert_cmpstr (none->out, ==, "[]\n");
  cd_assert_refused (bad);
}

int
main (int argc, char **argv)
{
  g_autoptr (CdRun) demo = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  dir = cd_make_temp_dir ();
  db = g_build_filename (dir, "demo.db", NULL);
  demo = cd_run_cli ("--db", db, "demo", "--scale", "small", "--seed", "12", NULL);
  if (demo->status != 0 || !set_up_meeting ())
    {
      g_printerr ("demo: %s\n", demo->err);
      printf ("1..0 # SKIP the demo database with a meeting could not be made\n");
      return 1;
    }

  g_test_add_func ("/cli/meetings/notice-pdf-has-title-date-place-and-client", test_notice_pdf);
  g_test_add_func ("/cli/meetings/notice-text-goes-to-stdout", test_notice_text);
  g_test_add_func ("/cli/meetings/bad-notice-requests-are-refused", test_notice_refusals);
  g_test_add_func ("/cli/meetings/calendar-export-reads-back", test_calendar_export);
  g_test_add_func ("/cli/meetings/calendar-of-one-person", test_calendar_of_one_person);
  g_test_add_func ("/cli/meetings/bad-calendar-requests-are-refused", test_calendar_refusals);
  g_test_add_func ("/cli/meetings/list-meetings-by-month-and-search", test_list_meetings);
  status = g_test_run ();
  cd_remove_tree (dir);
  return status;
}
