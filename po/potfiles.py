#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which files hold translatable strings, and how their template is made.

Shared by po/update-po.sh and the tests in tests/data/, so the list the
tests demand is exactly the list the script writes.

  potfiles.py list ROOT          print the files POTFILES.in should list
  potfiles.py write ROOT         rewrite ROOT/po/POTFILES.in
  potfiles.py pot ROOT OUT.pot   extract the template from POTFILES.in
"""
import os
import re
import subprocess
import sys

PACKAGE = 'clientdesk'
SCAN_DIRS = ('src', 'ui')
SCAN_EXTS = ('.c', '.h', '.ui')
# Not found by the scan but always translated: the settings schema's
# summaries and descriptions (shown by dconf-editor and the like).
ALWAYS_LISTED = ('data/org.example.ClientDesk.gschema.xml',)

TRANSLATABLE = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(\s*"'   # _("…"), N_ ("…"), C_ ("ctx", …)
    r'|ngettext\s*\('                                # ngettext, g_dngettext
    r'|translatable\s*=\s*["\'](?:yes|true|1)["\']')  # GtkBuilder .ui

# The same arguments meson's i18n.gettext(preset: 'glib') passes (see
# po/meson.build), plus plain ngettext.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3', '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=ngettext:1:c-format', '--flag=ngettext:2:c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

POTFILES_HEADER = (
    '# Files with translatable strings, relative to the project root.\n'
    '# Regenerate with po/update-po.sh (tests/data/potfiles-complete checks it).\n')


def has_translatable (path):
    try:
        with open (path, encoding='utf-8', errors='replace') as f:
            return TRANSLATABLE.search (f.read ()) is not None
    except OSError:
        return False


def wanted_potfiles (root):
    """Every source file that needs to be in POTFILES.in, sorted."""
    found = []
    for top in SCAN_DIRS:
        for dirpath, dirnames, filenames in os.walk (os.path.join (root, top)):
            dirnames.sort ()
            for name in filenames:
                if name.endswith (SCAN_EXTS):
                    path = os.path.join (dirpath, name)
                    if has_translatable (path):
                        found.append (os.path.relpath (path, root))
    found.extend (p for p in ALWAYS_LISTED if os.path.exists (os.path.join (root, p)))
    return sorted (set (found))


def read_potfiles (root):
    """The entries of POTFILES.in, comments and blank lines skipped."""
    entries = []
    with open (os.path.join (root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip ()
            if line and not line.startswith ('#'):
                entries.append (line)
    return entries


def write_potfiles (root):
    with open (os.path.join (root, 'po', 'POTFILES.in'), 'w', encoding='utf-8') as f:
        f.write (POTFILES_HEADER)
        for path in wanted_potfiles (root):
            f.write (path + '\n')


def make_pot (root, out):
    """Extract the template the way meson's clientdesk-pot target does.

    Returns (returncode, stderr text)."""
    cmd = ['xgettext', '--package-name=' + PACKAGE, '-f',
           os.path.join (root, 'po', 'POTFILES.in'), '-D', root, '-k_',
           '--force-po', '-o', out] + XGETTEXT_ARGS
    proc = subprocess.run (cmd, capture_output=True, text=True)
    return proc.returncode, proc.stderr


def main (argv):
    if len (argv) >= 3 and argv[1] == 'list':
        print ('\n'.join (wanted_potfiles (argv[2])))
        return 0
    if len (argv) >= 3 and argv[1] == 'write':
        write_potfiles (argv[2])
        return 0
    if len (argv) >= 4 and argv[1] == 'pot':
        rc, err = make_pot (argv[2], argv[3])
        sys.stderr.write (err)
        return rc
    sys.stderr.write (__doc__)
    return 2


if __name__ == '__main__':
    sys.exit (main (sys.argv))
