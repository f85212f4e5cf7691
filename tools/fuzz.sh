#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the CSV import, the money parser and the .ics holiday parser with
# libFuzzer (clang, ASan, UBSan) for a bounded time each:
#
#   bash tools/fuzz.sh            # 20 s per target
#   bash tools/fuzz.sh 600        # longer, on demand
#   bash tools/fuzz.sh 60 money   # one target: money, ics or csv-import
#
# Builds in $FUZZ_BUILD (default build-fuzz) with CC=clang -Dfuzz=true.
# Each target starts from its committed inputs (tests/fuzz/corpus/<target>/)
# and seeds (tests/data/hostile/…, tests/data/csv/, data/holidays/); what it
# learns is kept in $FUZZ_BUILD/fuzz-corpus/<target>/. A crash, leak or
# timeout is written to tests/fuzz/corpus/<target>/ — commit it with the
# fix: the normal test run replays that folder (test-fuzz-corpus).
# Ends with one line per target: executions, and crashers found.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${FUZZ_BUILD:-$ROOT/build-fuzz}
SECONDS_EACH=${1:-20}
TARGETS=${2:-money ics csv-import}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# clang and its libFuzzer runtime, only when missing (the normal build and
# tests need neither).
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang meson setup "$BUILD" "$ROOT" -Dfuzz=true >&2 || exit 1
fi
names=()
for t in $TARGETS; do names+=("tests/reliability/fuzz-$t"); done
meson compile -C "$BUILD" "${names[@]}" >&2 || exit 1

seeds_for() {
  case "$1" in
    money) echo "$ROOT/tests/data/hostile/amounts" ;;
    ics) echo "$ROOT/tests/data/hostile/ics $ROOT/data/holidays" ;;
    csv-import) echo "$ROOT/tests/data/hostile/csv $ROOT/tests/data/csv" ;;
  esac
}

status=0
summary=()
for t in $TARGETS; do
  work="$BUILD/fuzz-corpus/$t"
  found="$ROOT/tests/fuzz/corpus/$t"
  mkdir -p "$work" "$found"
  before=$(find "$found" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'timeout-*' \) | wc -l)
  log="$BUILD/fuzz-$t.log"
  # New inputs go to the first folder ($work); the others are read only.
  # shellcheck disable=SC2046
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD/tests/reliability/fuzz-$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$found/" "$work" "$found" $(seeds_for "$t") >"$log" 2>&1
  rc=$?
  after=$(find "$found" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'timeout-*' \) | wc -l)
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  summary+=("$t: ${runs:-?} executions in ${SECONDS_EACH} s, $((after - before)) new crashers (log: $log)")
  if [ $rc -ne 0 ] || [ $((after - before)) -gt 0 ]; then
    status=1
    tail -40 "$log" >&2
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
