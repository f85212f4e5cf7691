#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a small agency (an account manager, a designer, a
# client), drives it with dogtail (test_projects.py, which prints TAP) and
# stops it. Usage: run-projects.sh BUILD_ROOT SOURCE_ROOT [--keep]
# (--keep: set up and start the app, print the database path, wait).
BUILD=$1
SOURCE=$2
. "$SOURCE/tests/e2e/e2elib.sh"

e2e_agency <<'SQL'
INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');
INSERT INTO staff (id, name, role, department) VALUES (2, '陈晓', 'creative', 'creative');
INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);
SQL
# The window opens on Projects; the current staff member is the AM. No
# fixed day: the scenario looks for this month's work sheet.
e2e_settings projects 1
e2e_start
e2e_keep "$3"
e2e_scenario 240 "$SOURCE/tests/e2e/test_projects.py" "$DB"
