#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The launcher at the project root is valid and points at what we install."""
import configparser
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
from taplib import APP_ID, Tap, source_path  # noqa: E402


def main ():
    tap = Tap ()
    path = source_path (APP_ID + '.desktop')
    tap.run_tool ('desktop-file-validate accepts %s.desktop' % APP_ID,
                  ['desktop-file-validate', path])

    parser = configparser.RawConfigParser (interpolation=None, strict=True)
    parser.optionxform = str   # keys are case-sensitive
    try:
        parser.read (path, encoding='utf-8')
        entry = parser['Desktop Entry']
    except (configparser.Error, KeyError) as e:
        tap.check (False, 'the desktop file has a [Desktop Entry] group', [str (e)])
        return tap.finish ()

    tap.check (entry.get ('Exec') == 'clientdesk', 'Exec runs the installed clientdesk binary',
               ['Exec=%s' % entry.get ('Exec')])
    tap.check (entry.get ('Icon') == APP_ID, 'Icon is the application id',
               ['Icon=%s' % entry.get ('Icon')])
    icon = source_path ('icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg')
    tap.check (os.path.isfile (icon), 'the icon it names exists in icons/', [icon])
    categories = entry.get ('Categories', '').split (';')
    tap.check ('Office' in categories, 'it is listed under Office', categories)
    for key in ('Name', 'Comment', 'Keywords'):
        tap.check (entry.get (key + '[zh_CN]', '').strip () != '',
                   '%s has a zh_CN translation' % key)
    tap.check (entry.get ('DBusActivatable') == 'false' and entry.get ('StartupNotify') == 'true',
               'it is not D-Bus activated and uses startup notification')
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main ())
