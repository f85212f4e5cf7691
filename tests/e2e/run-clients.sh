#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on the small demo with the Clients view open, drives it
# with dogtail (test_clients.py, which prints TAP), and stops it.
# Usage: run-clients.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
. "$SOURCE/tests/e2e/e2elib.sh"

e2e_demo
# Visits are logged in the name of the current staff member: an account manager.
e2e_settings clients "$(e2e_value "SELECT id FROM staff WHERE role = 'account_manager' AND active = 1
                                   ORDER BY id LIMIT 1")"
e2e_start
e2e_scenario 180 "$SOURCE/tests/e2e/test_clients.py" "$DB"
