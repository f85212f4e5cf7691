/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting notice (会议通知), as text and as a PDF with the same content.
 * Dates go through translatable g_date_time_format () patterns, so the
 * Chinese UI writes "2026年11月26日 星期四" and the English one
 * "Thursday, 26 November 2026". */
#define G_LOG_DOMAIN "cd-reports"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n.h>

#include "reports/cd-meeting-notice.h"
#include "store/cd-store-meetings.h"

typedef struct
{
  const char *kind;
  const char *label;
} KindLabel;

static const KindLabel kind_labels[] = {
  { "client", N_("Client business meeting") },
  { "planning", N_("Planning and creative review") },
  { "proposal", N_("Proposal") },
  { "daily", N_("Daily work meeting") },
  { "other", N_("Meeting") },
};

const char *
cd_meeting_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind, kind_labels[i].kind) == 0)
      return _(kind_labels[i].label);
  return _("Meeting");
}

static const char *
lookup (GVariant *dict, const char *key)
{
  const char *value = NULL;

  if (dict == NULL || !g_variant_lookup (dict, key, "&s", &value))
    return "";
  return value;
}

static gint64
lookup_id (GVariant *dict, const char *key)
{
  gint64 value = 0;

  if (dict != NULL)
    g_variant_lookup (dict, key, "x", &value);
  return value;
}

/* "YYYY-MM-DDTHH:MM" (a space instead of the T too) → local time. */
static GDateTime *
parse_stamp (const char *text)
{
  int y, m, d, h, min;

  if (text == NULL || strlen (text) < 16
      || sscanf (text, "%4d-%2d-%2d%*1[T ]%2d:%2d", &y, &m, &d, &h, &min) != 5
      || !g_date_valid_dmy (d, m, y) || h > 23 || min > 59)
    return NULL;
  return g_date_time_new_local (y, m, d, h, min, 0);
}

static char *
format_day (GDateTime *dt)
{
  /* Translators: a meeting's day in a notice, see g_date_time_format ();
   * in Chinese write it as "%Y年%-m月%-d日 %A" */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

char *
cd_meeting_notice_format_when (const char *starts_at, const char *ends_at)
{
  g_autoptr (GDateTime) start = parse_stamp (starts_at);
  g_autoptr (GDateTime) end = parse_stamp (ends_at);
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == NULL)
    return NULL;
  day = format_day (start);
  from = g_date_time_format (start, "%H:%M");
  if (end == NULL || g_date_time_compare (end, start) <= 0)
    /* Translators: a meeting's day and its starting time */
    return g_strdup_printf (_("%s, %s"), day, from);
  to = g_date_time_format (end, "%H:%M");
  if (g_date_time_get_day_of_year (end) != g_date_time_get_day_of_year (start)
      || g_date_time_get_year (end) != g_date_time_get_year (start))
    {
      g_autofree char *end_day = format_day (end);

      /* Translators: a meeting that ends on another day: day, time – day, time */
      return g_strdup_printf (_("%s, %s – %s, %s"), day, from, end_day, to);
    }
  /* Translators: a meeting's day, then its hours "09:30–11:00" */
  return g_strdup_printf (_("%s, %s–%s"), day, from, to);
}

/* Names joined with the list separator of the UI's language. */
static void
append_name (GString *list, const char *name)
{
  if (name == NULL || name[0] == '\0')
    return;
  if (list->len > 0)
    /* Translators: separates names in a list; Chinese uses "、" */
    g_string_append (list, _(", "));
  g_string_append (list, name);
}

/* A staff member's "title" is their role as stored: print its name. */
static const char *
role_label (const char *role)
{
  static const KindLabel roles[] = {
    { "director", N_("Account director") },
    { "account_manager", N_("Account manager") },
    { "account_executive", N_("Account executive") },
    { "creative", N_("Creative department") },
    { "finance", N_("Finance") },
    { "hr", N_("Human resources") },
    { "admin", N_("Administration") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (role, roles[i].kind))
      return _(roles[i].label);
  return role;
}

static const char *
attendee_title (GVariant *attendee)
{
  const char *title = lookup (attendee, "title");

  return g_str_equal (lookup (attendee, "kind"), "staff") ? role_label (title) : title;
}

/* "Name (title)" */
static char *
person (GVariant *attendee)
{
  const char *name = lookup (attendee, "name");
  const char *title = attendee_title (attendee);

  if (title[0] == '\0')
    return g_strdup (name);
  /* Translators: an attendee and their job title, e.g. "张三（市场总监）" */
  return g_strdup_printf (_("%s (%s)"), name, title);
}

/* The people on one side ("contact" or "staff"), joined; "" when none. */
static char *
names_of (GVariant *attendees, const char *kind, gboolean with_titles)
{
  GString *list = g_string_new (NULL);
  GVariantIter iter;
  GVariant *attendee;

  if (attendees == NULL)
    return g_string_free (list, FALSE);
  g_variant_iter_init (&iter, attendees);
  while ((attendee = g_variant_iter_next_value (&iter)) != NULL)
    {
      if (g_str_equal (lookup (attendee, "kind"), kind))
        {
          g_autofree char *who = with_titles ? person (attendee) : g_strdup (lookup (attendee, "name"));

          append_name (list, who);
        }
      g_variant_unref (attendee);
    }
  return g_string_free (list, FALSE);
}

/* The creator's attendee row, for a phone number and an e-mail address. */
static GVariant *
find_creator (GVariant *meeting, GVariant *attendees)
{
  gint64 creator = lookup_id (meeting, "created_by");
  GVariantIter iter;
  GVariant *attendee;

  if (attendees == NULL || creator <= 0)
    return NULL;
  g_variant_iter_init (&iter, attendees);
  while ((attendee = g_variant_iter_next_value (&iter)) != NULL)
    {
      if (g_str_equal (lookup (attendee, "kind"), "staff") && lookup_id (attendee, "ref_id") == creator)
        return attendee;
      g_variant_unref (attendee);
    }
  return NULL;
}

/* "王晓明, phone 138…, e-mail …" */
static char *
contact_line (GVariant *meeting, GVariant *attendees, const CdLetterhead *letterhead)
{
  g_autoptr (GVariant) creator = find_creator (meeting, attendees);
  const char *name = lookup (meeting, "created_by_name");
  const char *phone = creator ? lookup (creator, "phone") : "";
  const char *email = creator ? lookup (creator, "email") : "";
  GString *line = g_string_new (name);

  if (phone[0] == '\0' && letterhead != NULL && letterhead->phone != NULL)
    phone = letterhead->phone;
  if (phone[0] != '\0')
    {
      if (line->len > 0)
        g_string_append (line, _(", "));
      /* Translators: the contact person's telephone number in a notice */
      g_string_append_printf (line, _("phone %s"), phone);
    }
  if (email[0] != '\0')
    {
      if (line->len > 0)
        g_string_append (line, _(", "));
      /* Translators: the contact person's e-mail address in a notice */
      g_string_append_printf (line, _("e-mail %s"), email);
    }
  return g_string_free (line, FALSE);
}

static char *
greeting (GVariant *meeting, GVariant *attendees)
{
  g_autofree char *contacts = names_of (attendees, "contact", FALSE);
  const char *client = lookup (meeting, "client_name");

  if (contacts[0] != '\0')
    /* Translators: the greeting of a notice; %s are the client's contacts */
    return g_strdup_printf (_("Dear %s,"), contacts);
  if (client[0] != '\0')
    /* Translators: the greeting of a notice; %s is the client company */
    return g_strdup_printf (_("Dear colleagues of %s,"), client);
  return g_strdup (_("Dear all,"));
}

static char *
notice_date (const GDate *today)
{
  g_autoptr (GDateTime) dt = NULL;
  GDate day;

  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    {
      g_date_clear (&day, 1);
      g_date_set_time_t (&day, time (NULL));
    }
  dt = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                              0, 0, 0);
  /* Translators: the date a notice is signed, see g_date_time_format ();
   * in Chinese write it as "%Y年%-m月%-d日" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* Everything both forms print, computed once. */
typedef struct
{
  char       *greeting;
  char       *intro;
  const char *title;
  char       *when;
  const char *place;
  const char *agenda;
  const char *client;
  char       *client_people;
  char       *agency_people;
  char       *contact;
  const char *agency;
  char       *date;
} Notice;

static void
notice_clear (Notice *notice)
{
  g_free (notice->greeting);
  g_free (notice->intro);
  g_free (notice->when);
  g_free (notice->client_people);
  g_free (notice->agency_people);
  g_free (notice->contact);
  g_free (notice->date);
}

static void
notice_init (Notice *notice, GVariant *meeting, GVariant *attendees, const CdLetterhead *letterhead,
             const GDate *today)
{
  memset (notice, 0, sizeof *notice);
  notice->greeting = greeting (meeting, attendees);
  notice->title = lookup (meeting, "title");
  notice->when = cd_meeting_notice_format_when (lookup (meeting, "starts_at"), lookup (meeting, "ends_at"));
  if (notice->when == NULL)
    notice->when = g_strdup (lookup (meeting, "starts_at"));
  notice->place = lookup (meeting, "place");
  notice->agenda = lookup (meeting, "agenda");
  notice->client = lookup (meeting, "client_name");
  notice->client_people = names_of (attendees, "contact", TRUE);
  notice->agency_people = names_of (attendees, "staff", TRUE);
  notice->contact = contact_line (meeting, attendees, letterhead);
  notice->agency = letterhead != NULL && letterhead->name != NULL ? letterhead->name : "";
  notice->date = notice_date (today);
  /* Translators: the first paragraph of a notice: the meeting's title, then its day and hours */
  notice->intro = g_strdup_printf (_("We would like to invite you to “%s” on %s. Please arrive on "
                                     "time; if you cannot attend, let the contact person below know."),
                                   notice->title, notice->when);
}

static void
append_field (GString *out, const char *label, const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  /* Translators: a labelled line of a notice, e.g. "Place: 3rd floor";
   * Chinese uses a full-width colon "%s：%s" */
  g_string_append_printf (out, _("%s: %s"), label, value);
  g_string_append_c (out, '\n');
}

char *
cd_meeting_notice_text (GVariant *meeting, GVariant *attendees, const CdLetterhead *letterhead,
                        const GDate *today)
{
  GString *out = g_string_new (NULL);
  Notice n;

  g_return_val_if_fail (meeting != NULL && g_variant_is_of_type (meeting, G_VARIANT_TYPE_VARDICT), NULL);

  notice_init (&n, meeting, attendees, letterhead, today);
  g_string_append_printf (out, "%s\n\n%s\n\n", n.greeting, n.intro);
  append_field (out, _("Meeting"), n.title);
  append_field (out, _("Time"), n.when);
  append_field (out, _("Place"), n.place[0] ? n.place : _("to be confirmed"));
  if (n.agenda[0] != '\0')
    {
      g_autofree char *agenda = g_strstrip (g_strdup (n.agenda));

      g_string_append_printf (out, "%s\n%s\n", _("Agenda:"), agenda);
    }
  if (n.client_people[0] != '\0' || n.agency_people[0] != '\0')
    {
      g_string_append_printf (out, "%s\n", _("Attendees:"));
      if (n.client_people[0] != '\0')
        append_field (out, n.client[0] ? n.client : _("Client"), n.client_people);
      if (n.agency_people[0] != '\0')
        append_field (out, n.agency[0] ? n.agency : _("Agency"), n.agency_people);
    }
  append_field (out, _("Contact"), n.contact);
  g_string_append_c (out, '\n');
  if (n.agency[0] != '\0')
    g_string_append_printf (out, "%s\n", n.agency);
  g_string_append_printf (out, "%s\n", n.date);
  notice_clear (&n);
  return g_string_free (out, FALSE);
}

static void
write_attendees (CdPdf *pdf, GVariant *attendees, const Notice *n)
{
  /* A column heading with a context is translated with it at use: "Title"
   * here is a person's job title, not a heading (职务, not 标题), and "Name"
   * a person's name (姓名, not the 名称 of a thing). */
  static const struct
  {
    const char *context;
    CdPdfColumn column;
  } columns[] = {
    /* Translators: column heading, an attendee's (a person's) name */
    { "attendee name", { NC_("attendee name", "Name"), 2.0, FALSE } },
    { NULL, { N_("Organisation"), 3.0, FALSE } },
    /* Translators: column heading, an attendee's job title (e.g. marketing director) */
    { "attendee job title", { NC_("attendee job title", "Title"), 2.0, FALSE } },
    { NULL, { N_("Phone"), 2.0, FALSE } },
  };
  CdPdfColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GVariantIter iter;
  GVariant *a;

  if (attendees == NULL || g_variant_n_children (attendees) == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *title = columns[i].column.title;

      translated[i] = columns[i].column;
      translated[i].title = columns[i].context != NULL
                              ? g_dpgettext2 (NULL, columns[i].context, title)
                              : _(title);
    }
  /* The client's people first, then the agency's. */
  for (int pass = 0; pass < 2; pass++)
    {
      g_variant_iter_init (&iter, attendees);
      while ((a = g_variant_iter_next_value (&iter)) != NULL)
        {
          gboolean is_contact = g_str_equal (lookup (a, "kind"), "contact");

          if (is_contact == (pass == 0))
            {
              char **row = g_new0 (char *, 5);

              row[0] = g_strdup (lookup (a, "name"));
              row[1] = g_strdup (is_contact ? n->client : n->agency);
              row[2] = g_strdup (attendee_title (a));
              row[3] = g_strdup (lookup (a, "phone"));
              g_ptr_array_add (rows, row);
            }
          g_variant_unref (a);
        }
    }
  cd_pdf_skip (pdf, 10);
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Attendees"));
  cd_pdf_table (pdf, translated, G_N_ELEMENTS (translated), rows);
}

gboolean
cd_meeting_notice_write_pdf (GVariant *meeting, GVariant *attendees, const CdLetterhead *letterhead,
                             const GDate *today, const char *path, GError **error)
{
  g_autoptr (CdPdf) pdf = NULL;
  Notice n;
  gboolean ok;

  g_return_val_if_fail (meeting != NULL && g_variant_is_of_type (meeting, G_VARIANT_TYPE_VARDICT), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  notice_init (&n, meeting, attendees, letterhead, today);
  pdf = cd_pdf_new (path, letterhead, _("Meeting notice"), lookup (meeting, "number"), n.date, error);
  if (pdf == NULL)
    {
      notice_clear (&n);
      return FALSE;
    }
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, n.title);
  cd_pdf_text (pdf, CD_PDF_TEXT_STRONG, n.greeting);
  cd_pdf_skip (pdf, 4);
  cd_pdf_text (pdf, CD_PDF_TEXT_PARAGRAPH, n.intro);
  cd_pdf_skip (pdf, 8);
  {
    const char *pairs[] = {
      _("Meeting"), n.title,
      _("Kind"), cd_meeting_kind_label (lookup (meeting, "kind")),
      _("Time"), n.when,
      _("Place"), n.place[0] ? n.place : _("to be confirmed"),
      _("Client"), n.client,
      _("Project"), lookup (meeting, "project_name"),
    };

    cd_pdf_fields (pdf, pairs, G_N_ELEMENTS (pairs) / 2, 1);
  }
  if (n.agenda[0] != '\0')
    {
      cd_pdf_skip (pdf, 10);
      cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Agenda"));
      cd_pdf_text (pdf, CD_PDF_TEXT_BODY, n.agenda);
    }
  write_attendees (pdf, attendees, &n);
  cd_pdf_skip (pdf, 10);
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Contact"));
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY, n.contact[0] ? n.contact : n.agency);
  cd_pdf_skip (pdf, 24);
  cd_pdf_keep (pdf, 40);
  if (n.agency[0] != '\0')
    cd_pdf_text (pdf, CD_PDF_TEXT_STRONG, n.agency);
  cd_pdf_text (pdf, CD_PDF_TEXT_BODY, n.date);
  notice_clear (&n);
  ok = cd_pdf_finish (pdf, error);
  return ok;
}

/* The meeting, its attendees and the letterhead, or FALSE with @error. */
static gboolean
read_meeting (CdStore *store, gint64 meeting_id, GVariant **out_meeting, GVariant **out_attendees,
              CdLetterhead **out_letterhead, GError **error)
{
  g_autoptr (GVariant) meeting = cd_store_meeting_get (store, meeting_id, error);
  g_autoptr (GVariant) attendees = NULL;

  if (meeting == NULL)
    return FALSE;
  attendees = cd_store_meeting_attendees (store, meeting_id, error);
  if (attendees == NULL)
    return FALSE;
  *out_meeting = g_steal_pointer (&meeting);
  *out_attendees = g_steal_pointer (&attendees);
  *out_letterhead = cd_letterhead_load (store);
  return TRUE;
}

char *
cd_meeting_notice_text_for (CdStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr (GVariant) meeting = NULL;
  g_autoptr (GVariant) attendees = NULL;
  g_autoptr (CdLetterhead) letterhead = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  if (!read_meeting (store, meeting_id, &meeting, &attendees, &letterhead, error))
    return NULL;
  return cd_meeting_notice_text (meeting, attendees, letterhead, NULL);
}

/**
 * cd_meeting_notice_render_pdf:
 *
 * Returns: whether @path was written (atomically: nothing is left on failure)
 */
gboolean
cd_meeting_notice_render_pdf (CdStore *store, gint64 meeting_id, const char *path, GError **error)
{
  g_autoptr (GVariant) meeting = NULL;
  g_autoptr (GVariant) attendees = NULL;
  g_autoptr (CdLetterhead) letterhead = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!read_meeting (store, meeting_id, &meeting, &attendees, &letterhead, error))
    return FALSE;
  return cd_meeting_notice_write_pdf (meeting, attendees, letterhead, NULL, path, error);
}

typedef struct
{
  CdStore *store;
  gint64   id;
  char    *path;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *rd = data;

  g_object_unref (rd->store);
  g_free (rd->path);
  g_free (rd);
}

static void
render_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RenderData *rd = data;
  GError *error = NULL;

  if (cd_meeting_notice_render_pdf (rd->store, rd->id, rd->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cd_meeting_notice_render_pdf_async (CdStore *store, gint64 meeting_id, const char *path,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  RenderData *rd;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  rd = g_new0 (RenderData, 1);
  rd->store = g_object_ref (store);
  rd->id = meeting_id;
  rd->path = g_strdup (path);
  g_task_set_source_tag (task, cd_meeting_notice_render_pdf_async);
  g_task_set_task_data (task, rd, render_data_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
cd_meeting_notice_render_pdf_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
