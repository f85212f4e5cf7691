#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on the small demo with the Clients view open, drives it
# with dogtail (test_clients.py, which prints TAP), and stops it.
# Usage: run-clients.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2

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

# The window opens on the view it was closed on: the Clients view.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$TMP/config
gsettings set org.example.ClientDesk last-view clients
# Visits are logged in the name of the current staff member: an account manager.
STAFF=$(/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM staff WHERE role = '"'"'account_manager'"'"' AND active = 1 ORDER BY id LIMIT 1").fetchone()[0])' "$DB")
gsettings set org.example.ClientDesk current-staff-id "$STAFF"
export GTK_A11Y=atspi GDK_BACKEND=x11 GSK_RENDERER=cairo
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
timeout 180 /usr/bin/python3 "$SOURCE/tests/e2e/test_clients.py" "$DB"
RC=$?
[ $RC -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
exit $RC
