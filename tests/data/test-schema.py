#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The settings schema compiles strictly, documents every key, and the build
tree's compiled copy (what GSETTINGS_SCHEMA_DIR points at) serves it."""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
from taplib import APP_ID, BUILD_ROOT, Tap, source_path  # noqa: E402

EXPECTED_DEFAULTS = {
    'window-width': '1100',
    'window-height': '720',
    'window-maximized': 'false',
    'last-view': "'today'",
    'current-staff-id': 'int64 0',
    'notifications-enabled': 'true',
    'backup-rotation': '7',
}


def gsettings_get (schemadir, key):
    env = dict (os.environ, GSETTINGS_BACKEND='memory')
    proc = subprocess.run (['gsettings', '--schemadir', schemadir, 'get', APP_ID, key],
                           capture_output=True, text=True, env=env)
    return proc.stdout.strip () if proc.returncode == 0 else 'error: ' + proc.stderr.strip ()


def main ():
    tap = Tap ()
    data_dir = source_path ('data')
    tap.run_tool ('glib-compile-schemas --strict accepts data/',
                  ['glib-compile-schemas', '--strict', '--dry-run', data_dir])

    path = os.path.join (data_dir, APP_ID + '.gschema.xml')
    try:
        keys = list (ET.parse (path).getroot ().iter ('key'))
    except (OSError, ET.ParseError) as e:
        tap.check (False, 'the schema is well-formed XML', [str (e)])
        return tap.finish ()
    undocumented = [k.get ('name') for k in keys
                    if not (k.findtext ('summary') or '').strip ()
                    or not (k.findtext ('description') or '').strip ()]
    tap.check (keys and not undocumented, 'every key has a summary and a description',
               undocumented)

    compiled_dir = os.path.join (BUILD_ROOT, 'data')
    tap.check (os.path.isfile (os.path.join (compiled_dir, 'gschemas.compiled')),
               'the build compiled the schemas into <build>/data', [compiled_dir])
    wrong = ['%s = %s, expected %s' % (key, got, want)
             for key, want in EXPECTED_DEFAULTS.items ()
             if (got := gsettings_get (compiled_dir, key)) != want]
    tap.check (not wrong, 'the compiled schema serves the documented defaults', wrong)
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main ())
