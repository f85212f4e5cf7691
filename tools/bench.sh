#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every budget of DESIGN.md §8, measured on the large demo agency against a
# baseline taken in the same run, in one table (issue 11). Not part of the
# test run: it takes several minutes and wants a quiet machine.
#
#   bash tools/bench.sh [--quick] [--skip-demo] [--fresh] [--seed N]
#
#   --quick      fewer repetitions (a first look, not figures to publish)
#   --skip-demo  do not time `demo --scale large` again when the database
#                is already cached
#   --fresh      generate the cached database again
#
# Builds build-bench (--buildtype=release), generates the large demo once
# into tests/bench/cache/large-seed<N>-schema<V>.db (git-ignored; a new
# schema version means a new file), works on a copy of it, and prints the
# table; the figures and the machine go to build-bench/bench-results.json,
# each program's own output to build-bench/bench-logs/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

BUILD="$ROOT/build-bench"
SEED=42
QUICK=0
SKIP_DEMO=0
FRESH=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1 ;;
    --skip-demo) SKIP_DEMO=1 ;;
    --fresh) FRESH=1 ;;
    --seed) SEED=$2; shift ;;
    *) echo "usage: bash tools/bench.sh [--quick] [--skip-demo] [--fresh] [--seed N]" >&2; exit 2 ;;
  esac
  shift
done

# Repetitions: enough for a p95 that means something, within ~15 minutes
# on a 2-core machine (the demo alone takes one to three).
if [ $QUICK -eq 1 ]; then
  STARTUP_RUNS=4 SEARCH_QUERIES=30 MODEL_RUNS=5 SCROLL_RUNS=1 SHEET_RUNS=1 PDF_RUNS=10 CHART_RUNS=50
else
  STARTUP_RUNS=10 SEARCH_QUERIES=100 MODEL_RUNS=20 SCROLL_RUNS=3 SHEET_RUNS=3 PDF_RUNS=30 CHART_RUNS=200
fi

install_missing_packages
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup --buildtype=release "$BUILD" "$ROOT" >&2
fi
meson compile -C "$BUILD" >&2

LOGS="$BUILD/bench-logs"
rm -rf "$LOGS"
mkdir -p "$LOGS"
BENCH="$BUILD/tests/bench"
REPORT=(/usr/bin/python3 "$ROOT/tests/bench/bench-report.py")
uptime > "$LOGS/uptime-start.txt"

# The large demo, once per seed and schema version. The campaign month (the
# month before the one it was generated in) is kept beside it.
SCHEMA=$(sed -n 's/^#define CD_STORE_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$ROOT/src/store/cd-store.h")
CACHE="$ROOT/tests/bench/cache/large-seed$SEED-schema$SCHEMA.db"
mkdir -p "$(dirname "$CACHE")"
if [ $FRESH -eq 1 ]; then
  rm -f "$CACHE" "$CACHE.month"
fi
if [ ! -f "$CACHE" ]; then
  echo "Generating the large demo (seed $SEED, schema $SCHEMA) into $CACHE…" >&2
  rm -f "$CACHE.tmp" "$CACHE.tmp-wal" "$CACHE.tmp-shm"
  "${REPORT[@]}" time "$LOGS/demo.txt" -- \
    "$BUILD/src/clientdesk-cli" --db "$CACHE.tmp" demo --scale large --seed "$SEED"
  mv "$CACHE.tmp" "$CACHE"
  date -d "$(date +%Y-%m-15) -1 month" +%Y-%m > "$CACHE.month"
elif [ $SKIP_DEMO -eq 0 ]; then
  echo "Timing demo --scale large…" >&2
  rm -f "$BUILD/bench-demo.db" "$BUILD/bench-demo.db-wal" "$BUILD/bench-demo.db-shm"
  "${REPORT[@]}" time "$LOGS/demo.txt" -- \
    "$BUILD/src/clientdesk-cli" --db "$BUILD/bench-demo.db" demo --scale large --seed "$SEED"
  rm -f "$BUILD/bench-demo.db" "$BUILD/bench-demo.db-wal" "$BUILD/bench-demo.db-shm"
fi
MONTH=$(cat "$CACHE.month" 2>/dev/null || date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)

# The programs below may write (the app keeps its preferences in the
# database): they get a copy, the cache stays as generated.
WORK="$BUILD/bench-work.db"
rm -f "$WORK" "$WORK-wal" "$WORK-shm"
cp --reflink=auto "$CACHE" "$WORK"

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD/data" LC_ALL=C.UTF-8
XVFB=(xvfb-run -a -s "-screen 0 1280x800x24")

echo "Start to first painted window ($STARTUP_RUNS runs each)…" >&2
"${XVFB[@]}" dbus-run-session -- "$BENCH/bench-startup" \
  --shim "$BENCH/libbench-first-frame-shim.so" --runs "$STARTUP_RUNS" \
  "$BUILD/src/clientdesk" --db "$WORK" -- "$BENCH/bench-bare-window" \
  > "$LOGS/startup.txt" 2> "$LOGS/startup.err" || echo "startup: failed, see $LOGS/startup.err" >&2

# Both client lists: CdListView, and CdClientsView over the paged model
# (which of them the window shows is noted in the table), then the paged
# model alone, typed into as bench-client-search does it (issue 3).
for view in list clients; do
  echo "Client search in the $view view ($SEARCH_QUERIES queries)…" >&2
  DBUS_SESSION_BUS_ADDRESS=disabled: "${XVFB[@]}" "$BENCH/bench-search-keystroke" \
    --db "$WORK" --view "$view" --queries "$SEARCH_QUERIES" \
    > "$LOGS/search-$view.txt" 2> "$LOGS/search-$view.err" \
    || echo "search ($view): failed, see $LOGS/search-$view.err" >&2
done
if [ -x "$BENCH/bench-client-search" ]; then
  "$BENCH/bench-client-search" --db "$WORK" --runs "$MODEL_RUNS" \
    > "$LOGS/search-model.txt" 2> "$LOGS/search-model.err" || true   # exit 1 = over budget
fi
if grep -q "cd_clients_view_new" "$ROOT/src/gui/cd-window.c"; then
  WINDOW_CLIENTS=clients
else
  WINDOW_CLIENTS=list
fi

echo "Work-order list, open and scroll to the end ($SCROLL_RUNS runs)…" >&2
for i in $(seq "$SCROLL_RUNS"); do
  DBUS_SESSION_BUS_ADDRESS=disabled: "${XVFB[@]}" "$BENCH/bench-work-order-scroll" --db "$WORK" \
    > "$LOGS/scroll-$i.txt" 2> "$LOGS/scroll-$i.err" || echo "scroll: failed, see $LOGS/scroll-$i.err" >&2
done

echo "Monthly supplier sheet, $MONTH ($SHEET_RUNS runs)…" >&2
for i in $(seq "$SHEET_RUNS"); do
  "$BENCH/bench-supplier-sheet" --db "$WORK" --month "$MONTH" --repeat 1 \
    > "$LOGS/sheet-$i.txt" 2> "$LOGS/sheet-$i.err" || true   # exit 1 = over budget, still a figure
done

echo "Quote PDF and chart redraw…" >&2
"$BENCH/bench-quote-pdf" --runs "$PDF_RUNS" > "$LOGS/pdf.txt" 2> "$LOGS/pdf.err" || true
"$BENCH/bench-chart" --runs "$CHART_RUNS" > "$LOGS/chart.txt" 2> "$LOGS/chart.err" || true

uptime > "$LOGS/uptime-end.txt"
rm -f "$WORK" "$WORK-wal" "$WORK-shm"
"${REPORT[@]}" report "$LOGS" "$BUILD/bench-results.json" \
  --seed "$SEED" --schema "$SCHEMA" --month "$MONTH" --quick "$QUICK" \
  --window-clients "$WINDOW_CLIENTS"
