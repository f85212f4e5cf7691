#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: in the
# Clients view, a new client is created with the New Client form, a contact
# and a visit are added in its file, and the client is found again by a
# two-character Chinese substring of its name. Checked in the database too.
# Prints TAP. Run by run-clients.sh, which starts and stops the app.
import sqlite3
import sys
import time

from dogtail.config import config
config.checkForA11y = False
config.searchBackoffDuration = 0.5
config.searchCutoffCount = 40
config.logDebugToStdOut = False
config.logDebugToFile = False
from dogtail import tree  # noqa: E402

NAME = "苏州星河文旅发展有限公司"
results = []


def check(ok, what):
    results.append((bool(ok), what))
    return ok


def walk(node, test, budget):
    """The first node below @node for which @test holds."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    try:
        if test(node):
            return node
        children = list(node.children)
    except Exception:  # a node that went away while we looked
        return None
    for child in children:
        found = walk(child, test, budget)
        if found is not None:
            return found
    return None


def find(root, test, seconds=20):
    end = time.time() + seconds
    while True:
        found = walk(root, test, [20000])
        if found is not None or time.time() > end:
            return found
        time.sleep(0.5)


def named(name, *roles):
    """GTK 4.8 may append a button's visible label to the name it was given,
    mnemonic underscore included."""
    return lambda n: ((n.name or "").replace("_", "").startswith(name)
                      and (not roles or n.roleName in roles))


def editable(node):
    try:
        node.queryEditableText()
        return True
    except Exception:
        return False


def set_field(root, label, text):
    """Types into the entry labelled @label (an AdwEntryRow keeps its text
    in an editable child)."""
    row = find(root, named(label))
    if row is None:
        return False
    target = row if editable(row) else walk(row, editable, [200])
    if target is None:
        return False
    target.text = text
    return True


def describe(root, name):
    """TAP comments naming every node called @name, with its role and
    actions: what to look at when a click finds nothing."""
    found = []
    walk(root, lambda n: found.append(n) and False if (n.name or "").replace("_", "").startswith(name)
         else False, [20000])
    for node in found:
        try:
            actions = ", ".join(node.actions.keys())
        except Exception:
            actions = "?"
        print("# %r: role %r, actions [%s]" % (node.name, node.roleName, actions))


def click(root, name):
    button = find(root, named(name, "push button", "toggle button", "radio button", "page tab"))
    if button is None:
        describe(root, name)
        return False
    button.doActionNamed("click")
    return True


def window(app, title, seconds=20):
    return find(app, lambda n: n.roleName in ("frame", "dialog", "alert") and
                (n.name or "").startswith(title), seconds)


def main():
    db = sys.argv[1]
    app = tree.root.application("clientdesk")
    check(app is not None, "the app is on the accessibility bus")

    check(click(app, "New Client"), "the Clients view offers New Client")
    dialog = window(app, "New Client")
    if check(dialog is not None, "the New Client form opens"):
        check(set_field(dialog, "Name", NAME), "the name is typed into the form")
        check(click(dialog, "Create"), "Create saves the client")

    page = window(app, NAME)
    if check(page is not None, "the new client's file opens"):
        check(set_field(page, "Contact name", "王小明"), "a contact name is typed")
        check(set_field(page, "Phone", "13800001111"), "a phone number is typed")
        check(click(page, "Add Contact"), "Add Contact saves the contact")
        time.sleep(1)
        check(click(page, "Visits"), "the Visits tab opens")
        check(set_field(page, "What was discussed", "春季新品发布"), "the visit topic is typed")
        check(click(page, "Log Visit"), "Log Visit saves the visit")
        time.sleep(1)
        click(page, "Close")

    search = find(app, named("Search clients"))
    if check(search is not None and editable(search) or
             (search is not None and walk(search, editable, [200]) is not None),
             "the Clients view has a search field"):
        set_field(app, "Search clients", "星河")
        state = find(app, lambda n: n.roleName == "label" and
                     (n.name or "").startswith("1 client") and "星河" in (n.name or ""), 15)
        check(state is not None, "the two-character search “星河” finds exactly one client")

    time.sleep(1)
    con = sqlite3.connect(db)
    row = con.execute("SELECT c.id, (SELECT count(*) FROM contact k WHERE k.client_id = c.id"
                      " AND k.name = '王小明'), (SELECT count(*) FROM visit v"
                      " WHERE v.client_id = c.id AND v.topic = '春季新品发布')"
                      " FROM client c WHERE c.name = ?", (NAME,)).fetchone()
    con.close()
    check(row is not None, "the client is in the database")
    check(row is not None and row[1] == 1, "its contact is in the database")
    check(row is not None and row[2] == 1, "its visit is in the database")

    for number, (ok, what) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", number, what))
    print("1..%d" % len(results))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
