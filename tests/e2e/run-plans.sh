#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a demo database with a fixed day, on the Calendar
# page, as an account manager; drives it with dogtail (test_plans.py, which
# prints TAP): a visit planned, logged in the client's file, counted.
# Usage: run-plans.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
DAY=2026-02-10

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

# The window opens on the view it was closed on: the Calendar.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$TMP/config
gsettings set org.example.ClientDesk last-view calendar
# The plan is the current staff member's, and visits are logged in their
# name: an account manager who owns clients.
STAFF=$(/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT s.id FROM staff s WHERE s.role = '"'"'account_manager'"'"' AND s.active = 1 AND EXISTS (SELECT 1 FROM client c WHERE c.owner_id = s.id) ORDER BY s.id LIMIT 1").fetchone()[0])' "$DB")
gsettings set org.example.ClientDesk current-staff-id "$STAFF"
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
sleep 2
timeout 180 /usr/bin/python3 "$SOURCE/tests/e2e/test_plans.py" "$DB" "$STAFF" "$DAY"
RC=$?
[ $RC -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
exit $RC
