#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Refresh the translation files after source strings changed:
#   1. rewrite po/POTFILES.in from the sources (every src/ and ui/ file with
#      _(" N_(" C_( ngettext or translatable="yes", plus the settings schema);
#   2. extract a fresh template with the same xgettext arguments as meson
#      (po/potfiles.py holds both, and the tests in tests/data/ use it too);
#   3. merge it into every language in po/LINGUAS (new strings come in empty,
#      changed ones marked fuzzy).
# Then translate the empty and fuzzy entries (remove the "fuzzy" flag when
# done) and check with:
#   meson test -C <build> --suite data --print-errorlogs
#
# Usage: po/update-po.sh            (from anywhere inside the project)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3
pot="$(mktemp --suffix=.pot)"
trap 'rm -f "$pot"' EXIT

"$python" "$root/po/potfiles.py" write "$root"
echo "po/POTFILES.in: $(grep -cv '^\s*\(#\|$\)' "$root/po/POTFILES.in") files"

"$python" "$root/po/potfiles.py" pot "$root" "$pot"

while read -r lang _; do
  case "$lang" in ''|'#'*) continue ;; esac
  po="$root/po/$lang.po"
  if [ -f "$po" ]; then
    msgmerge --quiet --update --backup=none --previous "$po" "$pot"
  else
    msginit --no-translator --locale="$lang" --input="$pot" --output-file="$po"
  fi
  printf 'po/%s.po: %s\n' "$lang" "$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)"
done < "$root/po/LINGUAS"
