#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every src/ and ui/ file with translatable strings
(_(" N_(" C_( ngettext translatable="yes"), and only files that exist.
po/update-po.sh rewrites it from the same rule (po/potfiles.py)."""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
from taplib import SOURCE_ROOT, Tap, source_path  # noqa: E402

sys.path.insert (0, source_path ('po'))
import potfiles  # noqa: E402


def main ():
    tap = Tap ()
    try:
        listed = potfiles.read_potfiles (SOURCE_ROOT)
    except OSError as e:
        tap.check (False, 'po/POTFILES.in is readable', [str (e)])
        return tap.finish ()
    wanted = potfiles.wanted_potfiles (SOURCE_ROOT)

    # One line per offending file, so the failure names it.
    missing = [p for p in wanted if p not in listed]
    for path in missing:
        tap.check (False, '%s has translatable strings but is not in po/POTFILES.in' % path,
                   ['run po/update-po.sh'])
    if not missing:
        tap.check (True, 'every file with translatable strings is listed')

    gone = [p for p in listed if not os.path.isfile (os.path.join (SOURCE_ROOT, p))]
    for path in gone:
        tap.check (False, '%s is listed in po/POTFILES.in but does not exist' % path,
                   ['run po/update-po.sh'])
    if not gone:
        tap.check (True, 'every file listed exists')
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main ())
