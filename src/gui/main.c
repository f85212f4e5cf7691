/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui/cd-application.h"

/* Whether this executable is the one meson built, not an installed copy:
 * then the translations and the settings schema come from the build tree. */
static gboolean
is_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = NULL;
  g_autofree char *build_root = g_path_get_dirname (BUILD_SCHEMADIR);
  g_autofree char *build_src = g_build_filename (build_root, "src", NULL);
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;

  if (exe == NULL)
    return FALSE;
  exe_dir = g_path_get_dirname (exe);
  a = g_file_new_for_path (exe_dir);
  b = g_file_new_for_path (build_src);
  return g_file_equal (a, b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CdApplication) app = NULL;
  gboolean uninstalled = is_uninstalled ();

  if (uninstalled)
    {
      bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMADIR, FALSE);
    }
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  setlocale (LC_ALL, "");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cd_application_new (uninstalled);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
