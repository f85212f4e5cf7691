#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would, the
# supply chain of one production item: three supplier quotes are added and
# compared, one is chosen with its reason and ordered; the order is marked
# ordered and delivered; its acceptance fails on one checklist item and is
# signed, which rejects the order; the rework order is delivered, accepted
# item by item and signed; the signed acceptance shows read-only, and the
# database refuses to change it. Checked in the database and through
# clientdesk-cli. Prints TAP. Run by run-supply.sh, which starts and stops
# the app.
import shutil
import subprocess
import sys
import time

from e2elib import (application, check, cli, cli_json, click, close, db_value, entry_in, find, finish,
                    named, new_toplevel, refuses, respond, sensitive, set_field, toplevels, tree,
                    wait_db, walk_all)

PROJECT = "XM202611-0001"
ITEM = "宣传册"
SUPPLIERS = ["上海彩虹印务有限公司", "苏州精工印刷有限公司", "杭州西子印刷厂"]
PRICES = ["12.50", "11.80", "13.20"]
LEADS = ["7", "10", "5"]
CHOSEN = SUPPLIERS[1]
REASON = "价格最低，交期可以接受"
FAIL_NOTE = "封面颜色与签样不符"


def add_quotes(app, db):
    check(click(app, "Production"), "Suppliers & deliveries has a Production page")
    set_field(app, "Find a project", "春茶")
    before = toplevels(app)
    check(click(app, "Supplier quotes for " + PROJECT), "the project is found and offers its supplier quotes")
    quotes = new_toplevel(app, before)
    if not check(quotes is not None and (quotes.name or "").startswith("Supplier Quotes"),
                 "the supplier quotes window opens"):
        return None
    check(set_field(quotes, "New item", ITEM) and set_field(quotes, "Quantity", "500"),
          "a new production item is typed")
    for i in range(3):
        set_field(quotes, "Unit price before VAT (yuan)", PRICES[i])
        set_field(quotes, "Lead time (days)", LEADS[i])
        click(quotes, "Add quote")
        check(find(quotes, named("Quote of " + SUPPLIERS[i])) is not None,
              "the quote of supplier %d shows beside the others" % (i + 1))
    cards = walk_all(quotes, named("Quote of "))
    check(len(cards) == 3, "three quotes are compared side by side (found %d)" % len(cards))
    check(wait_db(db, "SELECT count(DISTINCT supplier_id) FROM supplier_quote WHERE item = '%s'" % ITEM, 3),
          "three suppliers' quotes are in the database")
    return quotes


def choose_and_order(app, db, quotes):
    before = toplevels(app)
    check(click(quotes, "Choose " + CHOSEN), "the cheapest quote can be chosen")
    dialog = new_toplevel(app, before)
    if check(dialog is not None, "choosing asks for the reason"):
        check(set_field(dialog, "Reason for the choice", REASON), "the reason is typed")
        check(click(dialog, "Choose"), "the choice is confirmed")
    check(wait_db(db, "SELECT count(*) FROM supplier_quote s JOIN supplier p ON p.id = s.supplier_id"
                      " WHERE s.chosen = 1 AND p.name = '%s' AND s.choice_reason = '%s'" % (CHOSEN, REASON), 1),
          "the chosen quote and its reason are kept")
    before = toplevels(app)
    check(click(quotes, "Order from " + CHOSEN), "the chosen quote offers an order")
    order = new_toplevel(app, before)
    check(order is not None and (order.name or "").startswith("Supplier Order"), "the supplier order opens")
    close(quotes)
    return order


def deliver(app, db, order, number):
    if click(order, "Mark ordered", 5):
        check(wait_db(db, "SELECT status FROM supplier_order WHERE number = '%s'" % number, "ordered"),
              "order %s is marked ordered" % number)
    before = toplevels(app)
    check(click(order, "Mark delivered"), "order %s can be marked delivered" % number)
    check(respond(app, before, "Delivered"), "the delivery date is confirmed")
    check(wait_db(db, "SELECT status FROM supplier_order WHERE number = '%s'" % number, "delivered"),
          "order %s is delivered" % number)
    before = toplevels(app)
    check(click(order, "Inspect"), "the delivered order can be inspected")
    editor = new_toplevel(app, before)
    check(editor is not None and (editor.name or "").startswith("Delivery Acceptance"),
          "the acceptance checklist opens")
    return editor


def judge(editor, fail_first):
    passes = walk_all(editor, named("Pass: ", "toggle button", "push button"))
    check(len(passes) >= 3, "the print checklist has its items (%d)" % len(passes))
    for i, button in enumerate(passes):
        text = button.name.split("Pass: ", 1)[1]
        if fail_first and i == 0:
            set_field(editor, "Note on \u201c" + text, FAIL_NOTE)
            click(editor, "Fail: " + text)
        else:
            button.doActionNamed("click")
        time.sleep(0.2)
    return len(passes)


def count_short(db, editor):
    """20 brochures short: the count differs from the order and says so."""
    entry = find(editor, named("Received quantity of \u201c" + ITEM))
    if not check(entry is not None, "the acceptance counts what arrived against the order"):
        return
    target = entry_in(entry)
    target.text = "480"
    target.doActionNamed("activate")
    check(wait_db(db, "SELECT received_milli FROM acceptance_quantity WHERE received_milli = 480000", 480000),
          "the received count is kept")
    check(find(editor, named("Differs from the order"), 10) is not None,
          "a count that differs from the order is flagged")


def sign(app, editor):
    before = toplevels(app)
    check(click(editor, "Sign"), "Sign is offered once every item is judged")
    check(respond(app, before, "Sign"), "signing is confirmed")


def printed_slip(db, program):
    """The slip as the cashier gets it: clientdesk-cli renders the same
    PDF as Save as PDF… in the window."""
    number = db_value(db, "SELECT number FROM pickup_slip")
    pdf = db + ".slip.pdf"
    out = cli(program, db, "render", "pickup-slip", number or "?", "-o", pdf)
    if shutil.which("pdftotext") is None:  # poppler-utils: then only that it renders
        check(out.returncode == 0, "the signed slip prints")
        return
    text = ""
    if out.returncode == 0:
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    check(number is not None and ITEM in text and "王伟" in text and number in text,
          "the signed slip prints with its goods and who received them")


def hand_over(app, db):
    """The accepted goods go to the client on a pickup slip, which is
    marked signed when the paper comes back."""
    before = toplevels(app)
    check(click(app, "New pickup slip for " + PROJECT), "the project offers a new pickup slip")
    slip = new_toplevel(app, before)
    if not check(slip is not None and (slip.name or "").startswith("Pickup Slip"), "the pickup slip window opens"):
        return
    # GTK 4.8 does not read an entry's text over AT-SPI: what the line holds
    # is checked in the database once the slip is created.
    check(find(slip, named("Item, line 1"), 10) is not None and find(slip, named("Item, line 2"), 1) is None,
          "the slip starts with one line, for the accepted goods")
    check(click(slip, "Create pickup slip"), "the slip is created")
    check(wait_db(db, "SELECT count(*) FROM pickup_slip_line WHERE item = '%s' AND qty_milli = 500000" % ITEM, 1),
          "the slip hands over the 500 accepted brochures")
    check(set_field(slip, "Received by", "王伟") and click(slip, "Mark signed"), "the client's signature is recorded")
    check(wait_db(db, "SELECT received_by FROM pickup_slip WHERE status = 'signed'", "王伟"),
          "the slip is signed by who received the goods")
    received = find(slip, named("Received by"), 5)
    check(received is not None and sensitive(received) is False, "the signed slip no longer changes")
    close(slip)


def main():
    db, program = sys.argv[1], sys.argv[2]
    app = application()

    quotes = add_quotes(app, db)
    order = choose_and_order(app, db, quotes) if quotes is not None else None
    first = db_value(db, "SELECT number FROM supplier_order WHERE rework_of_id IS NULL")
    check(first is not None, "the order is in the database")
    editor = deliver(app, db, order, first) if order is not None and first else None
    if editor is not None:
        count_short(db, editor)
        judge(editor, True)
        sign(app, editor)
        check(wait_db(db, "SELECT status FROM supplier_order WHERE number = '%s'" % first, "rejected"),
              "the failed acceptance rejects the order")
        before = toplevels(app)
        check(click(editor, "Create rework order"), "the failed acceptance offers a rework order")
        rework = new_toplevel(app, before)
        check(rework is not None and (rework.name or "").startswith("Supplier Order"), "the rework order opens")
        close(editor)
        close(order)
        second = db_value(db, "SELECT r.number FROM supplier_order r JOIN supplier_order o ON o.id = r.rework_of_id"
                              " WHERE o.number = ?", first)
        check(second is not None, "the rework order is linked to the rejected one")
        editor = deliver(app, db, rework, second) if rework is not None and second else None
    if editor is not None:
        judge(editor, False)
        sign(app, editor)
        check(wait_db(db, "SELECT status FROM supplier_order WHERE number = '%s'" % second, "accepted"),
              "the second acceptance passes and the rework order is accepted")
        status = find(editor, lambda n: n.roleName == "label" and "locked" in (n.name or ""), 10)
        check(status is not None, "the signed acceptance says it is locked")
        toggles = walk_all(editor, named("Fail: ", "toggle button", "push button"))
        check(toggles and all(sensitive(t) is False for t in toggles),
              "its judgement buttons can no longer be used")
        notes = walk_all(editor, named("Note on ", "text", "entry"))
        check(notes and all(not n.getState().contains(tree.pyatspi.STATE_EDITABLE) for n in notes),
              "its notes can no longer be typed in")

    hand_over(app, db)
    printed_slip(db, program)

    # The database and the command line agree.
    check(db_value(db, "SELECT count(*) FROM acceptance WHERE status = 'signed'") == 2,
          "both acceptances are signed")
    check(db_value(db, "SELECT count(*) FROM acceptance_item i JOIN acceptance a ON a.id = i.acceptance_id"
                       " WHERE a.result = 'fail' AND i.result = 'fail' AND i.note = ?", FAIL_NOTE) == 1,
          "the failed item and its note are on the first acceptance")
    check(db_value(db, "SELECT status FROM supplier_order WHERE rework_of_id IS NULL") == "reworked",
          "the first order is reworked")
    signed_id = db_value(db, "SELECT id FROM acceptance WHERE result = 'pass'")
    refused = [refuses(db, sql, signed_id) for sql in (
        "UPDATE acceptance_item SET result = 'fail' WHERE acceptance_id = ?",
        "UPDATE acceptance SET notes = 'changed' WHERE id = ?",
        "DELETE FROM acceptance_item WHERE acceptance_id = ?")]
    check(signed_id is not None and all(refused), "the database refuses to change the signed acceptance")
    rows = cli_json(program, db, "list", "acceptances")
    check(sorted(r.get("status") for r in rows) == ["signed", "signed"],
          "clientdesk-cli lists both acceptances as signed")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
