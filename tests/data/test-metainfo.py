#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The AppStream metainfo validates and agrees with the desktop file."""
import os
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
from taplib import APP_ID, Tap, source_path  # noqa: E402

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def main ():
    tap = Tap ()
    path = source_path ('data', APP_ID + '.metainfo.xml')
    tap.run_tool ('appstream-util validate-relax accepts the metainfo',
                  ['appstream-util', 'validate-relax', '--nonet', path])
    try:
        root = ET.parse (path).getroot ()
    except (OSError, ET.ParseError) as e:
        tap.check (False, 'the metainfo is well-formed XML', [str (e)])
        return tap.finish ()

    tap.check (root.findtext ('id') == APP_ID, 'its id is the application id')
    launchable = root.find ('launchable')
    desktop_id = launchable.text if launchable is not None else None
    tap.check (desktop_id == APP_ID + '.desktop'
               and os.path.isfile (source_path (desktop_id)),
               'it launches the desktop file at the project root', [str (desktop_id)])
    releases = [(r.get ('version'), r.get ('date')) for r in root.iter ('release')]
    tap.check (('0.1.0', '2026-11-25') in releases, 'it lists release 0.1.0 of 2026-11-25',
               [str (releases)])
    for tag in ('name', 'summary', 'description/p'):
        english = [e for e in root.findall (tag) if e.get (XML_LANG) is None]
        chinese = [e for e in root.findall (tag) if e.get (XML_LANG) == 'zh_CN']
        tap.check (english and len (chinese) == len (english),
                   'every %s has a zh_CN counterpart' % tag,
                   ['%d English, %d zh_CN' % (len (english), len (chinese))])
    tap.check (root.find ('content_rating') is not None, 'it has a content rating')
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main ())
