#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test headless: the whole
# suite in a normal build under Xvfb, then the core, store and cli suites
# again under AddressSanitizer and UndefinedBehaviorSanitizer. Ends with one
# line "N passed, N failed[, N skipped]" counted from meson's test logs.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
set +e

install_missing_packages
ASAN_BUILD="$ROOT/build-asan"
status=0

configure_and_build "$BUILD" || status=1
configure_and_build "$ASAN_BUILD" -Db_sanitize=address,undefined -Db_lundef=false || status=1

# A fresh log per run: the count below must be this run's.
rm -f "$BUILD/meson-logs/testlog.json" "$ASAN_BUILD/meson-logs/testlog.json"

xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C "$BUILD" --print-errorlogs --num-processes 2 || status=1
meson test -C "$ASAN_BUILD" --suite core --suite store --suite cli --suite reliability \
  --print-errorlogs --num-processes 2 || status=1

# A short, bounded fuzz of the CSV import, the money parser and the .ics
# parser (libFuzzer needs clang); tools/fuzz.sh runs them longer on demand.
FUZZ_BUILD="$ROOT/build-fuzz"
if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
  CC=clang meson setup "$FUZZ_BUILD" "$ROOT" -Dfuzz=true >&2 || status=1
fi
meson compile -C "$FUZZ_BUILD" tests/reliability/fuzz-money tests/reliability/fuzz-ics \
  tests/reliability/fuzz-csv-import >&2 || status=1
rm -f "$FUZZ_BUILD/meson-logs/testlog.json"
meson test -C "$FUZZ_BUILD" --suite fuzz --no-rebuild --print-errorlogs --num-processes 2 || status=1

/usr/bin/python3 "$ROOT/tools/count-tests.py" \
  "$BUILD/meson-logs/testlog.json" "$ASAN_BUILD/meson-logs/testlog.json" \
  "$FUZZ_BUILD/meson-logs/testlog.json"
count_status=$?
[ $count_status -ne 0 ] && status=1
exit $status
