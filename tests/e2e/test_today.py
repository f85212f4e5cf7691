#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: on
# the Today view, "Mark “Visit plan” done" takes the paper off the list of
# papers due, offers "not done" instead, and the mark is in the database.
# Prints TAP. Run by run-today.sh, which starts and stops the app.
import sys

from e2elib import check, click, db_value, finish, find, named, application, wait_gone

DONE = "Mark \u201cVisit plan\u201d done"
NOT_DONE = "Mark \u201cVisit plan\u201d not done"
BUTTON = ("push button",)
BUDGET = 5000  # the papers due come before the view's long lists


def main():
    db, period = sys.argv[1], sys.argv[2]
    app = application()
    clicked = click(app, DONE, roles=BUTTON, budget=BUDGET)
    check(clicked, "Today lists the visit plan with a Done button")
    check(clicked and wait_gone(app, named(DONE, *BUTTON), budget=BUDGET),
          "marking it done removes it from the papers due")
    check(clicked and find(app, named(NOT_DONE, *BUTTON), budget=BUDGET) is not None,
          "it can be marked not done again")
    value = db_value(db, "SELECT value FROM setting WHERE key = ?", "deadline-done.visit-plan." + period)
    check(value == "1", "the done mark is in the database")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
