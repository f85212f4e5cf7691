#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a small agency (an account manager, a designer, a
# client), drives it with dogtail (test_projects.py, which prints TAP) and
# stops it. Usage: run-projects.sh BUILD_ROOT SOURCE_ROOT [--keep]
# (--keep: set up and start the app, print the database path, wait).
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
if ! "$BUILD/src/clientdesk-cli" --db "$DB" init >"$TMP/init.log" 2>&1 ||
   ! /usr/bin/python3 - "$DB" >>"$TMP/init.log" 2>&1 <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA foreign_keys = ON")
con.executescript("""
INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');
INSERT INTO staff (id, name, role, department) VALUES (2, '陈晓', 'creative', 'creative');
INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);
""")
con.commit()
PY
then
  echo "1..1"
  echo "not ok 1 - the agency was set up"
  sed 's/^/# /' "$TMP/init.log"
  exit 1
fi

# The window opens on Projects; the current staff member is the AM.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$TMP/config
export GSETTINGS_SCHEMA_DIR=${GSETTINGS_SCHEMA_DIR:-$BUILD/data}
gsettings set org.example.ClientDesk last-view projects
gsettings set org.example.ClientDesk current-staff-id 1
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
if [ "$3" = "--keep" ]; then
  echo "$DB"
  wait "$APP"
  exit 0
fi
timeout 240 /usr/bin/python3 "$SOURCE/tests/e2e/test_projects.py" "$DB"
RC=$?
[ $RC -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
exit $RC
