#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts ClientDesk on a demo database with a fixed day, drives it with
# dogtail (test_today.py, which prints TAP), and stops it.
# Usage: run-today.sh BUILD_ROOT SOURCE_ROOT
BUILD=$1
SOURCE=$2
DAY=2026-02-10
PERIOD=2026-02
. "$SOURCE/tests/e2e/e2elib.sh"

e2e_demo
e2e_start "$DAY"
e2e_scenario 120 "$SOURCE/tests/e2e/test_today.py" "$DB" "$PERIOD"
