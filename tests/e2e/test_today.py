#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: on
# the Today view, "Mark “Visit plan” done" takes the paper off the list of
# papers due, offers "not done" instead, and the mark is in the database.
# Prints TAP. Run by run-today.sh, which starts and stops the app.
import os
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

DONE = "Mark \u201cVisit plan\u201d done"
NOT_DONE = "Mark \u201cVisit plan\u201d not done"
results = []


def check(ok, what):
    results.append((bool(ok), what))


def walk(node, name, budget):
    """The first node whose accessible name starts with @name (GTK 4.8
    appends a button's visible label to the name it was given)."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    try:
        if (node.name or "").startswith(name) and node.roleName == "push button":
            return node
        children = list(node.children)
    except Exception:  # a node that went away while we looked
        return None
    for child in children:
        found = walk(child, name, budget)
        if found is not None:
            return found
    return None


def find(root, name, seconds=20):
    end = time.time() + seconds
    while True:
        found = walk(root, name, [5000])
        if found is not None or time.time() > end:
            return found
        time.sleep(0.5)


def wait_gone(root, name, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        if walk(root, name, [5000]) is None:
            return True
        time.sleep(0.3)
    return False


def main():
    db, period = sys.argv[1], sys.argv[2]
    app = tree.root.application("clientdesk")
    check(app is not None, "the app is on the accessibility bus")
    done = find(app, DONE)
    check(done is not None, "Today lists the visit plan with a Done button")
    if done is not None:
        done.doActionNamed("click")
        check(wait_gone(app, DONE), "marking it done removes it from the papers due")
        check(find(app, NOT_DONE) is not None, "it can be marked not done again")
    else:
        check(False, "marking it done removes it from the papers due")
        check(False, "it can be marked not done again")
    con = sqlite3.connect(db)
    row = con.execute("SELECT value FROM setting WHERE key = ?",
                      ("deadline-done.visit-plan." + period,)).fetchone()
    con.close()
    check(row is not None and row[0] == "1", "the done mark is in the database")

    print("1..%d" % len(results))
    for i, (ok, what) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, what))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
