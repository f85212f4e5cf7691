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
. "$SOURCE/tests/e2e/e2elib.sh"

e2e_agency <<'SQL'
INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');
INSERT INTO client (id, name, status, owner_id) VALUES (1, '杭州云栖茶业有限公司', 'active', 1);
INSERT INTO project (id, number, client_id, name, status, am_id)
  VALUES (1, 'XM202611-0001', 1, '春茶上市发布会', 'in_production', 1);
INSERT INTO supplier (id, name, category, vat_type, invoice_rate_bp) VALUES
  (1, '上海彩虹印务有限公司', 'print', 'general', 1300),
  (2, '苏州精工印刷有限公司', 'print', 'general', 1300),
  (3, '杭州西子印刷厂', 'print', 'small_scale', 300);
SQL
# The window opens on Suppliers & deliveries; acceptances are signed by the
# current staff member.
e2e_settings suppliers-deliveries 1
e2e_start
e2e_keep "$3"
e2e_scenario 300 "$SOURCE/tests/e2e/test_supply.py" "$DB" "$BUILD/src/clientdesk-cli"
