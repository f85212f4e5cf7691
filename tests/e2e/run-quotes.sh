#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on the small demo with the Quotes & contracts view
# open, drives it with dogtail (test_quotes.py, which prints TAP): a quote
# from v1 to v2, accepted, its contract signed and paid. Then stops it.
# Usage: run-quotes.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
SCRIPT=${CD_E2E_SCRIPT:-$SOURCE/tests/e2e/test_quotes.py}
. "$SOURCE/tests/e2e/e2elib.sh"

e2e_demo
# A project already quoting (its brief done) whose quotes are all still
# open: the new quote is made for it.
PROJECT=$(e2e_value "SELECT number FROM project p WHERE status = 'quoting' AND NOT EXISTS
                     (SELECT 1 FROM quote q WHERE q.project_id = p.id AND q.status = 'accepted')
                     ORDER BY id LIMIT 1")
[ -n "$PROJECT" ] || e2e_fail "the demo has a project in quoting"
e2e_settings quotes-contracts "$(e2e_value "SELECT id FROM staff WHERE role = 'account_manager'
                                            AND active = 1 ORDER BY id LIMIT 1")"
e2e_start
e2e_scenario 200 "$SCRIPT" "$DB" "$PROJECT" "$BUILD"
