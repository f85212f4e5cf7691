/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-cli-test"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "cd-cli-test-util.h"

void
cd_run_free (CdRun *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static char **
make_env (const char *const *changes)
{
  char **env = g_get_environ ();

  for (guint i = 0; changes != NULL && changes[i] != NULL; i++)
    {
      const char *equals = strchr (changes[i], '=');

      if (equals == NULL)
        env = g_environ_unsetenv (env, changes[i]);
      else
        {
          g_autofree char *name = g_strndup (changes[i], equals - changes[i]);

          env = g_environ_setenv (env, name, equals + 1, TRUE);
        }
    }
  return env;
}

CdRun *
cd_run_cli_argv (const char *const *env,
                 const char *const *args)
{
  const char *cli = g_getenv ("CLIENTDESK_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = make_env (env);
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *err = NULL;
  CdRun *run = g_new0 (CdRun, 1);
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* TAP needs valid UTF-8, whatever the arguments and output hold. */
  joined = g_strjoinv (" ", (char **) argv->pdata);
  shown = g_utf8_make_valid (joined, -1);
  g_test_message ("run: %s", shown);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    {
      g_test_fail_printf ("could not run %s: %s", cli, error->message);
      run->status = -1;
      run->out = g_strdup ("");
      run->err = g_strdup ("");
      return run;
    }

  if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else if (WIFSIGNALED (wait_status))
    run->status = 128 + WTERMSIG (wait_status);
  err = g_utf8_make_valid (run->err, -1);
  g_test_message ("status %d; stdout %zu bytes; stderr: %s", run->status,
                  strlen (run->out), err);
  return run;
}

CdRun *
cd_run_cli_env (const char *const *env,
                const char        *first_arg,
                ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cd_run_cli_argv (env, (const char *const *) args->pdata);
}

guint
cd_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  if (*text != '\0' && text[strlen (text) - 1] != '\n')
    n++;
  return n;
}

void
cd_assert_refused (const CdRun *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (cd_count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "clientdesk-cli: "));
}

void
cd_assert_usage (const CdRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "Usage: clientdesk-cli"));
}

/* A small strict JSON reader (RFC 8259), enough to read `list --json`
 * back the way a script would. */
typedef struct
{
  const char *p;
  const char *end;
  int         depth;
} Reader;

static GVariant *read_value (Reader *r);

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (r->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  r->p += 4;
  *out = value;
  return TRUE;
}

static gboolean
read_escape (Reader  *r,
             GString *text)
{
  gunichar c, low;
  char e = *r->p++;

  switch (e)
    {
    case '"': case '\\': case '/': g_string_append_c (text, e); return TRUE;
    case 'b': g_string_append_c (text, '\b'); return TRUE;
    case 'f': g_string_append_c (text, '\f'); return TRUE;
    case 'n': g_string_append_c (text, '\n'); return TRUE;
    case 'r': g_string_append_c (text, '\r'); return TRUE;
    case 't': g_string_append_c (text, '\t'); return TRUE;
    case 'u':
      if (!read_hex4 (r, &c))
        return FALSE;
      if (c >= 0xD800 && c < 0xDC00)
        {
          if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
            return FALSE;
          r->p += 2;
          if (!read_hex4 (r, &low) || low < 0xDC00 || low > 0xDFFF)
            return FALSE;
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        }
      else if (c >= 0xDC00 && c <= 0xDFFF)
        return FALSE;
      if (c == 0)
        return FALSE;  /* a GVariant string cannot hold NUL */
      g_string_append_unichar (text, c);
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
read_string (Reader *r)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (r->p >= r->end || *r->p != '"')
    return NULL;
  r->p++;
  while (r->p < r->end && *r->p != '"')
    {
      if ((guchar) *r->p < 0x20)
        return NULL;
      if (*r->p == '\\')
        {
          r->p++;
          if (r->p >= r->end || !read_escape (r, text))
            return NULL;
        }
      else
        g_string_append_c (text, *r->p++);
    }
  if (r->p >= r->end)
    return NULL;
  r->p++;
  if (!g_utf8_validate (text->str, text->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
skip_digits (Reader *r)
{
  const char *start = r->p;

  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return r->p > start;
}

static GVariant *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean integer = TRUE;
  g_autofree char *text = NULL;

  if (*r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (!skip_digits (r))
    return NULL;
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      integer = FALSE;
      if (!skip_digits (r))
        return NULL;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      integer = FALSE;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!skip_digits (r))
        return NULL;
    }
  text = g_strndup (start, r->p - start);
  if (integer)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return NULL;
      return g_variant_new_int64 (value);
    }
  return g_variant_new_double (g_ascii_strtod (text, NULL));
}

static GVariant *
read_object (Reader *r)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return g_variant_builder_end (&builder);
    }
  for (;;)
    {
      g_autofree char *key = NULL;
      GVariant *value;

      skip_space (r);
      if ((key = read_string (r)) == NULL)
        return NULL;
      skip_space (r);
      if (r->p >= r->end || *r->p++ != ':')
        return NULL;
      if ((value = read_value (r)) == NULL)
        return NULL;
      g_variant_builder_add (&builder, "{sv}", key, value);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          return g_variant_builder_end (&builder);
        }
      return NULL;
    }
}

static GVariant *
read_array (Reader *r)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("av"));

  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return g_variant_builder_end (&builder);
    }
  for (;;)
    {
      GVariant *value = read_value (r);

      if (value == NULL)
        return NULL;
      g_variant_builder_add (&builder, "v", value);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          return g_variant_builder_end (&builder);
        }
      return NULL;
    }
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (r->end - r->p) < length || strncmp (r->p, word, length) != 0)
    return FALSE;
  r->p += length;
  return TRUE;
}

static GVariant *
read_value (Reader *r)
{
  GVariant *value = NULL;

  skip_space (r);
  if (r->p >= r->end || ++r->depth > 64)
    return NULL;
  if (*r->p == '{')
    value = read_object (r);
  else if (*r->p == '[')
    value = read_array (r);
  else if (*r->p == '"')
    {
      char *text = read_string (r);

      value = text ? g_variant_new_take_string (text) : NULL;
    }
  else if (*r->p == '-' || g_ascii_isdigit (*r->p))
    value = read_number (r);
  else if (read_literal (r, "true"))
    value = g_variant_new_boolean (TRUE);
  else if (read_literal (r, "false"))
    value = g_variant_new_boolean (FALSE);
  else if (read_literal (r, "null"))
    value = g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
  r->depth--;
  return value;
}

GVariant *
cd_parse_json (const char *text)
{
  Reader r = { text, text + strlen (text), 0 };
  GVariant *value = read_value (&r);

  if (value == NULL)
    return NULL;
  g_variant_ref_sink (value);
  skip_space (&r);
  if (r.p != r.end)
    {
      g_variant_unref (value);
      return NULL;
    }
  return value;
}

char *
cd_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("cd-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
cd_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cd_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

char *
cd_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}
