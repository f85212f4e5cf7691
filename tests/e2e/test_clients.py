#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would: in the
# Clients view, a new client is created with the New Client form, a contact
# and a visit are added in its file, and the client is found again by a
# two-character Chinese substring of its name. Checked in the database too.
# Prints TAP. Run by run-clients.sh, which starts and stops the app.
import sys
import time

from e2elib import (application, check, click, db_row, entry_in, find, finish, named,
                    set_field, window)

NAME = "苏州星河文旅发展有限公司"


def main():
    db = sys.argv[1]
    app = application()

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

    if check(entry_in(find(app, named("Search clients"))) is not None,
             "the Clients view has a search field"):
        set_field(app, "Search clients", "星河")
        state = find(app, lambda n: n.roleName == "label" and
                     (n.name or "").startswith("1 client") and "星河" in (n.name or ""), 15)
        check(state is not None, "the two-character search “星河” finds exactly one client")

    time.sleep(1)
    row = db_row(db, "SELECT c.id, (SELECT count(*) FROM contact k WHERE k.client_id = c.id"
                 " AND k.name = '王小明'), (SELECT count(*) FROM visit v"
                 " WHERE v.client_id = c.id AND v.topic = '春季新品发布')"
                 " FROM client c WHERE c.name = ?", NAME)
    check(row is not None, "the client is in the database")
    check(row is not None and row[1] == 1, "its contact is in the database")
    check(row is not None and row[2] == 1, "its visit is in the database")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
