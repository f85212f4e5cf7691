/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cli/cd-cli.h"

/* Run from the build tree (tests, development), the program must find the
 * catalogue just built, not an older installed one. The build root is the
 * folder that both build-tree paths in config.h start with. */
static const char *
locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *a = BUILD_LOCALEDIR, *b = BUILD_SCHEMADIR;
  gsize common = 0, i;

  for (i = 0; a[i] != '\0' && a[i] == b[i]; i++)
    if (a[i] == '/')
      common = i + 1;

  if (exe != NULL && common > 1 && strncmp (exe, a, common) == 0)
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cd_cli_run (argc, argv);
}
