#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a small agency (one client, one project in
# production, three print suppliers, an account manager as the current
# staff member), drives it with dogtail (test_supply.py, which prints TAP)
# from supplier quotes to a signed, locked acceptance, and stops it.
# Usage: run-supply.sh BUILD_ROOT SOURCE_ROOT [--keep]  (--keep: leave the
# app running and print the database path, for looking at it by hand)
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
INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);
INSERT INTO project (id, number, client_id, name, status, am_id)
  VALUES (1, 'XM202611-0001', 1, '春茶上市发布会', 'in_production', 1);
INSERT INTO supplier (id, name, category, vat_type, invoice_rate_bp) VALUES
  (1, '上海彩虹印务有限公司', 'print', 'general', 1300),
  (2, '苏州精工印刷有限公司', 'print', 'general', 1300),
  (3, '杭州西子印刷厂', 'print', 'small_scale', 300);
""")
con.commit()
PY
then
  echo "1..1"
  echo "not ok 1 - the agency was set up"
  sed 's/^/# /' "$TMP/init.log"
  exit 1
fi

# The window opens on Suppliers & deliveries; acceptances are signed by the
# current staff member.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$TMP/config
export GSETTINGS_SCHEMA_DIR=${GSETTINGS_SCHEMA_DIR:-$BUILD/data}
gsettings set org.example.ClientDesk last-view suppliers-deliveries
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
timeout 300 /usr/bin/python3 "$SOURCE/tests/e2e/test_supply.py" "$DB" "$BUILD/src/clientdesk-cli"
RC=$?
[ $RC -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
exit $RC
