#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: on
# the Calendar page, Visit plan opens the account manager's plan for the
# month; an entry is added for a client they own; the visit is logged in
# the client's file (Log visit on the entry); the plan's completion rate
# counts it. Checked in the database too. Prints TAP. Run by run-plans.sh,
# which starts and stops the app.
import re
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

results = []
RATE = re.compile(r"(\d+) planned, (\d+) done")


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


def click(root, name, seconds=20):
    button = find(root, named(name, "push button", "toggle button", "radio button"), seconds)
    if button is None:
        return False
    button.doActionNamed("click")
    return True


def window(app, title, seconds=20):
    return find(app, lambda n: n.roleName in ("frame", "dialog", "alert") and
                (n.name or "").startswith(title), seconds)


def rate(root, seconds=10):
    """(planned, done) as the plan's completion line reads."""
    label = find(root, lambda n: (n.name or "").startswith("Completion in")
                 and RATE.search(n.name or ""), seconds)
    if label is None:
        return None
    m = RATE.search(label.name)
    return int(m.group(1)), int(m.group(2))


def wait_rate(root, expected, seconds=15):
    end = time.time() + seconds
    got = None
    while time.time() < end:
        got = rate(root, 2)
        if got == expected:
            return got
        time.sleep(0.5)
    return got


def main():
    db, staff, day = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    planned_day = day[:8] + "12"
    con = sqlite3.connect(db)
    client = con.execute("SELECT id, name FROM client WHERE owner_id = ? ORDER BY id LIMIT 1",
                         (staff,)).fetchone()
    con.close()
    app = tree.root.application("clientdesk")
    check(app is not None, "the app is on the accessibility bus")

    check(click(app, "Visit plan"), "the Calendar page offers Visit plan")
    plan = window(app, "Visit Plan")
    if not check(plan is not None, "the visit plan window opens"):
        return finish()
    before = rate(plan)
    check(before is not None, "the plan shows its completion rate")
    before = before or (0, 0)

    check(click(plan, "Add entry"), "Add entry opens the entry form")
    check(set_field(plan, "Client", client[1]), "the client's name is typed")
    check(click(plan, "Choose client " + client[1]), "the client is chosen from the matches")
    check(set_field(plan, "Planned date", planned_day), "the planned date is typed")
    check(set_field(plan, "Purpose", "春季方案沟通"), "the purpose is typed")
    check(click(plan, "Save entry"), "Save entry adds the entry")
    after_plan = wait_rate(plan, (before[0] + 1, before[1]))
    check(after_plan == (before[0] + 1, before[1]),
          "the rate counts one more planned visit (%s → %s)" % (before, after_plan))

    check(click(plan, "Log visit to " + client[1]), "the entry offers Log visit")
    page = window(app, client[1])
    if check(page is not None, "the client's file opens"):
        check(set_field(page, "Visit date", planned_day), "the visit date is typed")
        check(set_field(page, "What was discussed", "春季方案沟通"), "the visit topic is typed")
        check(click(page, "Log Visit"), "Log Visit saves the visit")
        time.sleep(1)
        click(page, "Close")
    check(click(plan, "Refresh plan"), "the plan can be read again")
    after_visit = wait_rate(plan, (before[0] + 1, before[1] + 1))
    check(after_visit == (before[0] + 1, before[1] + 1),
          "the rate counts the visit as done (%s → %s)" % (after_plan, after_visit))

    time.sleep(1)
    con = sqlite3.connect(db)
    row = con.execute("SELECT count(*) FROM visit WHERE client_id = ? AND date = ? AND staff_id = ?",
                      (client[0], planned_day, staff)).fetchone()
    con.close()
    check(row is not None and row[0] == 1, "the visit is in the database")
    return finish()


def finish():
    for number, (ok, what) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", number, what))
    print("1..%d" % len(results))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
