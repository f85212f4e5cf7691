#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: a new
# quote for a project (v1, one line, sent), a second version made with a
# reason and a lower price, accepted (which locks it); the contract made
# from it, split in two installments, signed; both installments paid. Then
# the database must hold two versions (v1 superseded, v2 accepted and
# locked), a signed contract for v2's total, the payments and nothing
# receivable. Prints TAP. Run by run-quotes.sh, which starts and stops the
# app; arguments: DB PROJECT_NUMBER BUILD_ROOT.
import os
import sys
import time

from e2elib import (application, check, cli, cli_json, db_rows, dialog_with, find, find_label,
                    finish, menu_item, refuses, window)
# Menu buttons and items are pressed too, and only when enabled; a field is
# the entry of that name rather than its caption.
from e2elib import click_enabled as click, set_entry as set_field

ITEM = "主视觉设计"
REASON = "客户要求降价"


def quote_steps(app, project):
    check(click(app, "New record"), "the Quotes & contracts view offers New")
    picker = dialog_with(app, "New Quote")
    if not check(picker is not None, "the New Quote dialog opens"):
        return None
    check(set_field(picker, "Search projects", project), "the project is searched by its number")
    rows = find(picker, lambda n: n.roleName in ("list", "list box") and
                (n.name or "").startswith("Projects in brief or quoting") and n.childCount == 1)
    if check(rows is not None, "the search finds exactly the project"):
        rows.querySelection().selectChild(0)
    check(click(picker, "Create Quote"), "Create Quote makes version 1")

    editor = window(app, "Quote ")
    if not check(editor is not None, "the quote editor opens"):
        return None
    check(click(editor, "Add a line"), "a line is added")
    check(set_field(editor, "Item, line 1", ITEM), "the item is typed")
    check(set_field(editor, "Quantity, line 1", "3"), "the quantity is typed")
    check(set_field(editor, "Unit price, line 1", "33.33"), "the unit price is typed")
    check(find_label(editor, lambda name: "105.99" in name) is not None, "the total follows the typing: 3 × 33.33 + 6 % tax = 105.99")
    check(click(editor, "Save"), "the draft is saved")
    time.sleep(1)
    check(click(editor, "Send"), "version 1 is sent")
    time.sleep(1)

    check(menu_item(editor, "More quote actions", "New Version"), "New Version is offered")
    ask = dialog_with(app, "New Version")
    if check(ask is not None, "the New Version dialog asks for the reason"):
        check(set_field(ask, "Reason for the new version", REASON), "the reason is typed")
        check(click(ask, "Create Version"), "version 2 is made")
    check(find_label(editor, lambda name: name.startswith("Version 2"), 15) is not None,
          "the editor shows version 2")
    check(set_field(editor, "Unit price, line 1", "30"), "version 2 gets a lower price")
    check(click(editor, "Save"), "version 2 is saved")
    time.sleep(1)
    check(click(editor, "Send"), "version 2 is sent")
    time.sleep(1)
    check(click(editor, "Accept"), "Accept is offered for the sent version")
    ask = dialog_with(app, "Accept version 2")
    if check(ask is not None, "acceptance is confirmed first"):
        check(click(ask, "Accept"), "version 2 is accepted")
    time.sleep(1)
    return editor


def contract_steps(app, editor):
    check(menu_item(editor, "More quote actions", "Create Contract"), "Create Contract is offered")
    contract = window(app, "Contract ")
    if not check(contract is not None, "the contract editor opens"):
        return
    check(menu_item(contract, "Split the amount", "Half on signing"),
          "the amount is split in two installments")
    check(find_label(contract, lambda name: name.startswith("The installments add up to the amount"))
          is not None,
          "the installments add up to the amount")
    check(click(contract, "Sign"), "the contract is signed")
    check(find_label(contract, lambda name: name.startswith("Signed on")) is not None,
          "the contract shows it is signed")
    for n in (1, 2):
        time.sleep(1)
        due = find_label(contract, lambda name: "due)" in name)
        amount = due.name.split("(")[-1].split(" due")[0].replace("¥", "").replace(",", "") \
            if due is not None else ""
        check(set_field(contract, "Payment amount", amount), "payment %d: the amount due is typed" % n)
        check(set_field(contract, "Payment reference", "E2E-%d" % n), "payment %d: a reference" % n)
        check(click(contract, "Record the payment"), "payment %d is recorded" % n)
    check(find_label(contract, lambda name: "received" in name) is not None,
          "the installments show what was received")


def database_checks(db, project, build):
    versions = db_rows(db, "SELECT q.version, q.status, q.locked_hash IS NOT NULL, q.version_reason,"
                       " q.total_fen, q.id, q.number FROM quote q JOIN project p ON p.id = q.project_id"
                       " WHERE p.number = ? AND q.number = (SELECT number FROM quote WHERE id ="
                       " (SELECT max (id) FROM quote)) ORDER BY q.version", project)
    check(len(versions) == 2, "the database holds two versions of the new quote")
    if len(versions) != 2:
        return
    (v1, v2) = versions
    check(v1[1] == "superseded" and v1[4] == 10599, "v1 (99.99 + tax) is superseded")
    check(v2[1] == "accepted" and v2[2] == 1 and v2[3] == REASON,
          "v2 is accepted, locked and carries its reason")
    check(v2[4] == 9540, "v2's total is 90.00 + 6 % = 95.40")
    check(refuses(db, "UPDATE quote SET notes = 'x' WHERE id = ?", v2[5]),
          "the database refuses a change to the accepted version")
    contract = db_rows(db, "SELECT id, status, amount_fen, number FROM contract WHERE quote_id = ?", v2[5])
    if not check(len(contract) == 1, "one contract is made from v2"):
        return
    (kid, status, amount, number) = contract[0]
    check(status == "signed" and amount == 9540, "the contract is signed for v2's total")
    paid = db_rows(db, "SELECT count (*), coalesce (sum (y.amount_fen), 0) FROM payment y"
                   " JOIN installment i ON i.id = y.installment_id WHERE i.contract_id = ?", kid)[0]
    check(paid == (2, 9540), "two payments add up to the contract amount")
    open_fen = db_rows(db, "SELECT coalesce (sum (i.amount_fen - (SELECT coalesce (sum (y.amount_fen), 0)"
                       " FROM payment y WHERE y.installment_id = i.id)), -1) FROM installment i"
                       " WHERE i.contract_id = ?", kid)[0][0]
    check(open_fen == 0, "nothing is receivable on the contract")
    program = os.path.join(build, "src", "clientdesk-cli")
    rows = cli_json(program, db, "list", "contracts", "--search", number)
    check(any(r.get("number") == number and r.get("status") == "signed" for r in rows),
          "clientdesk-cli lists the contract as signed")
    check(cli(program, db, "check").returncode == 0, "clientdesk-cli check passes on the result")


def main():
    db, project, build = sys.argv[1], sys.argv[2], sys.argv[3]
    app = application()
    editor = quote_steps(app, project)
    if editor is not None:
        contract_steps(app, editor)
    time.sleep(1)
    database_checks(db, project, build)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
