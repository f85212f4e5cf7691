#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on the small demo with the Quotes & contracts view
# open, drives it with dogtail (test_quotes.py, which prints TAP): a quote
# from v1 to v2, accepted, its contract signed and paid. Then stops it.
# Usage: run-quotes.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
SCRIPT=${CD_E2E_SCRIPT:-$SOURCE/tests/e2e/test_quotes.py}

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

# A project already quoting (its brief done) whose quotes are all still
# open: the new quote is made for it.
PROJECT=$(/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
row = con.execute("SELECT number FROM project p WHERE status = 'quoting' AND NOT EXISTS"
                  " (SELECT 1 FROM quote q WHERE q.project_id = p.id AND q.status = 'accepted')"
                  " ORDER BY id LIMIT 1").fetchone()
print(row[0] if row else "")
PY
)
if [ -z "$PROJECT" ]; then
  echo "1..1"
  echo "not ok 1 - the demo has a project in quoting"
  exit 1
fi

# The window opens on the view it was closed on: Quotes & contracts.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$TMP/config
gsettings set org.example.ClientDesk last-view quotes-contracts
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
# The first rows are read on a worker thread.
sleep 2
timeout 200 /usr/bin/python3 "$SCRIPT" "$DB" "$PROJECT" "$BUILD"
RC=$?
[ $RC -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
exit $RC
