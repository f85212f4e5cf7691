#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end, through the accessibility bus as a screen reader would (issue
# 4): a new project for a client; its brief filled in until the page says
# it is complete, which lets the project move on to quoting; a work order
# to the designer with its requirements; the work order moved through
# in progress and in review to done; and the designer's work order found,
# done, in the month's work sheet and its work-order summary for HR on screen. Checked in the database too.
# Prints TAP. Run by run-projects.sh, which starts and stops the app.
import datetime
import sys
import time

from e2elib import (BUTTONS, application, check, choose, click, click_opening, close, db_value, dump,
                    editable, find, finish, named, rawinput, set_exact, text_of, wait_db, wait_for,
                    walk, walk_all)

NAME = "春茶上市发布会"
CLIENT = "云栖"
DESIGNER = "陈晓"
TITLE = "主视觉海报"
BRIEF = [
    ("Background", "春茶上市，品牌第一次做线下发布"),
    ("Objectives", "发布会到场 300 人，线上曝光 100 万"),
    ("Target audience", "25–40 岁城市白领"),
    ("Deliverables", "主视觉、海报、易拉宝、邀请函"),
    ("Channels", "微信公众号、小红书、门店"),
    ("Mandatory elements", "品牌标志、产地认证标识"),
    ("Approvals needed", "市场总监、品牌经理"),
    ("Budget from (yuan)", "80000"),
    ("Budget to (yuan)", "120000"),
    ("Event date", "2026-12-18"),
]


def new_project(app, db):
    clicked, dialog = click_opening(app, app, "New Project")
    check(clicked, "the Projects view has a New Project button")
    if not check(dialog is not None, "New Project opens a dialog"):
        return None
    check(set_exact(dialog, "Project name", NAME) and set_exact(dialog, "Client", CLIENT)
          and set_exact(dialog, "Due date", "2026-02-30"), "the project's name, client and due date are typed")
    _, again = click_opening(app, dialog, "Create")
    why = again and find(again, lambda n: n.roleName == "label" and "due date" in (n.name or ""), 5)
    check(why is not None and db_value(db, "SELECT count(*) FROM project") == 0,
          "an impossible due date is refused with a sentence under the field, and nothing is saved")
    if again is None:
        return None
    field = find(again, lambda n: n.name == "Project name" and editable(n))
    check(field is not None and text_of(field) == NAME, "the form comes back with what was typed")
    set_exact(again, "Due date", "2026-12-20")
    click(again, "Create")
    ok = wait_db(db, "SELECT count(*) FROM project WHERE name = '%s' AND status = 'brief'" % NAME, 1)
    check(ok, "the project is created in Brief")
    return db_value(db, "SELECT number FROM project WHERE name = ?", NAME)


def missing_fields(app, seconds=20):
    """What the brief's "Missing brief fields" line says ("" when absent)."""
    line = find(app, named("Missing brief fields"), seconds)
    return text_of(line) if line is not None else ""


def fill_brief(app, db):
    check("Background" in missing_fields(app), "the page says which brief fields are missing")
    typed = all(set_exact(app, label, value) for label, value in BRIEF)
    check(typed, "every field of the brief is typed")
    check(click(app, "Save Brief"), "the brief is saved")
    check(wait_for(lambda: "complete" in missing_fields(app, 2), 10), "the page says the brief is complete")
    check(find(app, named("History", *BUTTONS), 5) is not None, "the project page has a History button")
    check(click(app, "Move to Quoting"), "the project page offers Move to Quoting")
    check(wait_db(db, "SELECT status FROM project WHERE name = '%s'" % NAME, "quoting"),
          "with its brief complete, the project moves on to quoting")


def issue_work_order(app, db, project):
    clicked, dialog = click_opening(app, app, "New Work Order")
    check(clicked, "the project page offers New Work Order")
    if not check(dialog is not None, "New Work Order opens its form"):
        return None
    field = find(dialog, lambda n: n.name == "Project number" and editable(n))
    check(field is not None and text_of(field) == project, "the form knows the project")
    choose(dialog, "Assignee", 1)
    shown = [n.name for n in walk_all(dialog, lambda n: n.roleName == "label", 400)]
    check(DESIGNER in shown, "the designer is chosen as the assignee")
    typed = (set_exact(dialog, "Title", TITLE) and set_exact(dialog, "Due", "2026-12-10")
             and set_exact(dialog, "Requirements", "A2 竖版海报，300dpi，CMYK；文案见附件；参考去年春茶主视觉"))
    check(typed, "title, due date and requirements are typed")
    click(dialog, "Save")
    ok = wait_db(db, "SELECT count(*) FROM work_order w JOIN staff s ON s.id = w.assignee_id"
                     " WHERE w.title = '%s' AND s.name = '%s' AND w.status = 'issued'" % (TITLE, DESIGNER), 1)
    check(ok, "the work order is issued to the designer")
    return db_value(db, "SELECT number FROM work_order WHERE title = ?", TITLE)


def move_to_done(app, db, number):
    clicked, dialog = click_opening(app, app, "Open work order " + number)
    check(clicked, "the project page lists the work order with Open")
    if not check(dialog is not None, "the work order opens"):
        return
    for step, state in (("In progress", "in_progress"), ("In review", "in_review"), ("Done", "done")):
        clicked = click(dialog, "Move to " + step, 10)
        moved = wait_db(db, "SELECT status FROM work_order WHERE number = '%s'" % number, state)
        check(clicked and moved, "the work order moves to %s" % step.lower())
    check(db_value(db, "SELECT done_date IS NOT NULL FROM work_order WHERE number = ?", number) == 1,
          "its done date is set")
    close(dialog)


def monthly_sheet(app, number):
    # Ctrl+4: the Work orders view.
    rawinput.keyCombo("<Control>4")
    time.sleep(1.5)
    clicked, dialog = click_opening(app, app, "Work Sheets")
    check(clicked, "the Work orders view offers Work Sheets")
    if not check(dialog is not None, "the work sheets open"):
        return
    choose(dialog, "Period", 1)
    line = wait_for(lambda: walk(dialog, lambda n: n.roleName == "label" and
                                 (n.name or "").startswith(number), 2000), 15)
    summary = walk(dialog, lambda n: n.roleName == "label" and "work orders issued" in (n.name or ""), 2000)
    month = datetime.date.today().strftime("%Y-%m-01")
    check(summary is not None and month in summary.name, "the work sheet covers this month")
    check(summary is not None and "issued 1, done 1" in summary.name,
          "the month's work sheet counts the work order issued and done")
    check(line is not None and DESIGNER in line.name and "Done" in line.name,
          "the work order is listed in the month's work sheet, done, with its designer")
    hr = walk(dialog, lambda n: n.roleName == "label" and (n.name or "").startswith(DESIGNER + ": issued"),
              2000)
    check(hr is not None and "issued 1, done 1, on time 1" in hr.name,
          "the month's work-order summary for HR counts the designer's work order done on time")
    if line is None or summary is None or hr is None:
        dump(dialog)
    close(dialog)


def main():
    db = sys.argv[1]
    app = application()
    project = new_project(app, db)
    if project:
        fill_brief(app, db)
        number = issue_work_order(app, db, project)
        if number:
            move_to_done(app, db, number)
            monthly_sheet(app, number)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
