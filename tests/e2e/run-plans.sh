#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a demo database with a fixed day, on the Calendar
# page, as an account manager; drives it with dogtail (test_plans.py, which
# prints TAP): a visit planned, logged in the client's file, counted.
# Usage: run-plans.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
DAY=2026-02-10
. "$SOURCE/tests/e2e/e2elib.sh"

e2e_demo
# The plan is the current staff member's, and visits are logged in their
# name: an account manager who owns clients.
STAFF=$(e2e_value "SELECT s.id FROM staff s WHERE s.role = 'account_manager' AND s.active = 1
                   AND EXISTS (SELECT 1 FROM client c WHERE c.owner_id = s.id) ORDER BY s.id LIMIT 1")
e2e_settings calendar "$STAFF"
e2e_start "$DAY"
e2e_scenario 180 "$SOURCE/tests/e2e/test_plans.py" "$DB" "$STAFF" "$DAY"
