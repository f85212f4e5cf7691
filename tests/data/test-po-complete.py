#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/zh_CN.po translates every string the CURRENT sources ask for.

The template is regenerated from po/POTFILES.in with meson's xgettext
arguments (po/potfiles.py), merged with zh_CN.po into a temporary file, and
every untranslated or fuzzy message there is a failure. msgfmt --check must
accept both the merged and the committed catalogue (format strings match)."""
import ast
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
from taplib import SOURCE_ROOT, Tap, source_path  # noqa: E402

sys.path.insert (0, source_path ('po'))
import potfiles  # noqa: E402

LANGUAGE = 'zh_CN'


def parse_po (path):
    """A small PO reader: a list of dicts with msgctxt, msgid, msgstr (list),
    flags (set) and refs (list). Obsolete (#~) entries are skipped."""
    entries, entry, field = [], None, None

    def flush ():
        if entry is not None and 'msgid' in entry:
            entries.append (entry)

    with open (path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip ()
            if not line or line.startswith ('#~'):
                continue
            starts_entry = line.startswith (('#', 'msgctxt', 'msgid '))
            if entry is None or (starts_entry and entry['msgstr']):
                flush ()
                entry, field = {'flags': set (), 'refs': [], 'msgstr': {}}, None
            if line.startswith ('#,'):
                entry['flags'].update (f.strip () for f in line[2:].split (','))
            elif line.startswith ('#:'):
                entry['refs'].extend (line[2:].split ())
            elif line.startswith ('#'):
                pass
            elif line.startswith ('"'):
                value = ast.literal_eval (line)
                if field.startswith ('msgstr'):
                    entry['msgstr'][field] += value
                else:
                    entry[field] += value
            else:
                keyword, _, rest = line.partition (' ')
                field = keyword
                value = ast.literal_eval (rest)
                if keyword.startswith ('msgstr'):
                    entry['msgstr'][keyword] = value
                else:
                    entry[keyword] = value
    flush ()
    return entries


def describe (entry):
    text = entry['msgid']
    if entry.get ('msgctxt'):
        text = '%s|%s' % (entry['msgctxt'], text)
    return '"%s"' % text.replace ('\n', '\\n')


def main ():
    tap = Tap ()
    po = source_path ('po', LANGUAGE + '.po')
    with tempfile.TemporaryDirectory () as tmpdir:
        pot = os.path.join (tmpdir, 'clientdesk.pot')
        merged = os.path.join (tmpdir, LANGUAGE + '.po')
        rc, err = potfiles.make_pot (SOURCE_ROOT, pot)
        if not tap.check (rc == 0, 'xgettext extracts a template from po/POTFILES.in',
                          err.splitlines ()):
            return tap.finish ()
        # A message cut short by a macro xgettext cannot expand (such as
        # G_GINT64_FORMAT; PRId64 is understood) never matches at run time.
        cut = [line for line in err.splitlines () if 'middle of a directive' in line]
        tap.check (not cut, 'no message is cut short by a format macro xgettext cannot read'
                   + ((': ' + '; '.join (cut)) if cut else ''), cut)
        if not tap.run_tool ('msgmerge merges %s.po with the fresh template' % LANGUAGE,
                             ['msgmerge', '--quiet', '--previous', '-o', merged, po, pot]):
            return tap.finish ()

        messages = [e for e in parse_po (merged) if e['msgid'] != '']
        untranslated = [e for e in messages
                        if any (s == '' for s in e['msgstr'].values ())]
        fuzzy = [e for e in messages if 'fuzzy' in e['flags'] and e not in untranslated]
        for bad, what in ((untranslated, 'untranslated'), (fuzzy, 'fuzzy')):
            tap.check (not bad,
                       'no %s messages%s' % (what, (': ' + ', '.join (map (describe, bad))) if bad else ''),
                       ['%s: %s (%s)' % (what, describe (e), ' '.join (e['refs'])) for e in bad])
        tap.check (messages, 'the template is not empty', ['%d messages' % len (messages)])

        tap.run_tool ('msgfmt --check accepts the merged catalogue',
                      ['msgfmt', '--check', '-o', os.devnull, merged])
    tap.run_tool ('msgfmt --check accepts po/%s.po as committed' % LANGUAGE,
                  ['msgfmt', '--check', '-o', os.devnull, po])
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main ())
