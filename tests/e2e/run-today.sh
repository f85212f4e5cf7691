#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a demo database with a fixed day, drives it with
# dogtail (test_today.py, which prints TAP), and stops it.
# Usage: run-today.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
DAY=2026-02-10
PERIOD=2026-02

if [ -z "$DISPLAY" ]; then
  echo "1..0 # SKIP no display"
  exit 0
fi
if ! /usr/bin/python3 -c 'import dogtail' 2>/dev/null; then
  echo "1..0 # SKIP python3-dogtail is not installed"
  exit 0
fi
if ! command -v xdotool >/dev/null; then
  echo "1..0 # SKIP xdotool is not installed"
  exit 0
fi

TMP=$(mktemp -d)
APP=
cleanup () {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

DB=$TMP/e2e.db
if ! "$BUILD/src/clientdesk-cli" --db "$DB" demo >"$TMP/demo.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - the demo database was made"
  sed 's/^/# /' "$TMP/demo.log"
  exit 1
fi

export GTK_A11Y=atspi GDK_BACKEND=x11 GSK_RENDERER=cairo CLIENTDESK_TODAY=$DAY
unset NO_AT_BRIDGE
"$BUILD/src/clientdesk" --db "$DB" >"$TMP/app.log" 2>&1 &
APP=$!
if ! timeout 60 xdotool search --sync --onlyvisible --name "ClientDesk" >/dev/null; then
  echo "1..1"
  echo "not ok 1 - the window opened"
  sed 's/^/# /' "$TMP/app.log"
  exit 1
fi
# The first rows are read on a worker thread.
sleep 2
timeout 120 /usr/bin/python3 "$SOURCE/tests/e2e/test_today.py" "$DB" "$PERIOD"
RC=$?
[ $RC -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
exit $RC
