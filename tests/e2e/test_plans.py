#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: on
# the Calendar page, Visit plan opens the account manager's plan for the
# month; an entry is added for a client they own; the visit is logged in
# the client's file (Log visit on the entry); the plan's completion rate
# counts it. Checked in the database too. Prints TAP. Run by run-plans.sh,
# which starts and stops the app.
import re
import sys
import time

from e2elib import (application, check, click, db_row, db_value, find, finish, set_field,
                    wait_for, window)

RATE = re.compile(r"(\d+) planned, (\d+) done")


def rate(root, seconds=10):
    """(planned, done) as the plan's completion line reads."""
    label = find(root, lambda n: (n.name or "").startswith("Completion in")
                 and RATE.search(n.name or ""), seconds)
    if label is None:
        return None
    m = RATE.search(label.name)
    return int(m.group(1)), int(m.group(2))


def wait_rate(root, expected, seconds=15):
    got = [None]

    def probe():
        got[0] = rate(root, 2)
        return got[0] == expected
    wait_for(probe, seconds)
    return got[0]


def main():
    db, staff, day = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    planned_day = day[:8] + "12"
    client = db_row(db, "SELECT id, name FROM client WHERE owner_id = ? ORDER BY id LIMIT 1", staff)
    app = application()

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
    count = db_value(db, "SELECT count(*) FROM visit WHERE client_id = ? AND date = ? AND staff_id = ?",
                     client[0], planned_day, staff)
    check(count == 1, "the visit is in the database")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
