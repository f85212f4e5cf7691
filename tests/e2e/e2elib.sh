# SPDX-License-Identifier: GPL-3.0-or-later
# What the end-to-end launchers (run-*.sh) share, sourced by each after it
# sets BUILD and SOURCE: skip without a display, dogtail or xdotool; a temp
# directory removed on exit with the app stopped; the database; the app
# started as a screen reader would see it; the scenario run, and the app's
# log shown when it fails. The scenario prints TAP.

# The TAP a launcher prints when it cannot get as far as the scenario.
e2e_fail () {  # WHAT [LOG]
  echo "1..1"
  echo "not ok 1 - $1"
  [ -n "$2" ] && sed 's/^/# /' "$2"
  exit 1
}

e2e_skip () {
  echo "1..0 # SKIP $1"
  exit 0
}

[ -n "$DISPLAY" ] || e2e_skip "no display"
/usr/bin/python3 -c 'import dogtail' 2>/dev/null || e2e_skip "python3-dogtail is not installed"
command -v xdotool >/dev/null || e2e_skip "xdotool is not installed"

TMP=$(mktemp -d)
APP=
e2e_cleanup () {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  rm -rf "$TMP"
}
trap e2e_cleanup EXIT
DB=$TMP/e2e.db

# The small demo agency.
e2e_demo () {
  "$BUILD/src/clientdesk-cli" --db "$DB" demo >"$TMP/demo.log" 2>&1 ||
    e2e_fail "the demo database was made" "$TMP/demo.log"
}

# An empty database and the rows of the SQL script on stdin.
e2e_agency () {
  if ! "$BUILD/src/clientdesk-cli" --db "$DB" init </dev/null >"$TMP/init.log" 2>&1 ||
     ! /usr/bin/python3 -c '
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA foreign_keys = ON")
con.executescript(sys.stdin.read())
con.commit()' "$DB" >>"$TMP/init.log" 2>&1; then
    e2e_fail "the agency was set up" "$TMP/init.log"
  fi
}

# The first value SQL reads from the database ("" when there is no row).
e2e_value () {  # SQL
  /usr/bin/python3 -c '
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()
print(row[0] if row else "")' "$DB" "$1"
}

# The window opens on the view it was closed on; STAFF is the current staff
# member (whose name visits are logged in, acceptances signed...).
e2e_settings () {  # VIEW [STAFF]
  export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$TMP/config
  export GSETTINGS_SCHEMA_DIR=${GSETTINGS_SCHEMA_DIR:-$BUILD/data}
  gsettings set org.example.ClientDesk last-view "$1"
  [ -n "$2" ] && gsettings set org.example.ClientDesk current-staff-id "$2"
  return 0
}

# Starts the app on the accessibility bus (on the fixed day DAY when
# given) and waits for its window.
e2e_start () {  # [DAY]
  export GTK_A11Y=atspi GDK_BACKEND=x11 GSK_RENDERER=cairo
  [ -n "$1" ] && export CLIENTDESK_TODAY=$1
  unset NO_AT_BRIDGE
  "$BUILD/src/clientdesk" --db "$DB" >"$TMP/app.log" 2>&1 &
  APP=$!
  timeout 60 xdotool search --sync --onlyvisible --name "ClientDesk" >/dev/null ||
    e2e_fail "the window opened" "$TMP/app.log"
  # The first rows are read on a worker thread.
  sleep 2
}

# --keep: leave the app running and print the database path, for looking
# at it by hand.
e2e_keep () {  # [ARG]
  if [ "$1" = "--keep" ]; then
    echo "$DB"
    wait "$APP"
    exit 0
  fi
}

# Runs the scenario for at most SECONDS and exits with its status.
e2e_scenario () {  # SECONDS SCRIPT [ARG...]
  local seconds=$1
  shift
  PYTHONDONTWRITEBYTECODE=1 timeout "$seconds" /usr/bin/python3 "$@"
  local rc=$?
  [ $rc -ne 0 ] && sed 's/^/# /' "$TMP/app.log"
  exit $rc
}
