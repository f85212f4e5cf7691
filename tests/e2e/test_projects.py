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
import sqlite3
import sys
import time

from dogtail.config import config
config.checkForA11y = False
config.searchBackoffDuration = 0.5
config.searchCutoffCount = 40
config.logDebugToStdOut = False
config.logDebugToFile = False
from dogtail import rawinput, tree  # noqa: E402

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


def walk_all(node, test, found, budget):
    budget[0] -= 1
    if budget[0] < 0:
        return found
    try:
        if test(node):
            found.append(node)
        children = list(node.children)
    except Exception:
        return found
    for child in children:
        walk_all(child, test, found, budget)
    return found


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


BUTTONS = ("push button", "toggle button", "radio button", "page tab")


def editable(node):
    try:
        node.queryEditableText()
        return True
    except Exception:
        return False


def set_field(root, label, text):
    """Types into the entry (or text view) named @label; its caption label
    carries the same name, so look for the editable one."""
    target = find(root, lambda n: (n.name or "") == label and editable(n))
    if target is None:
        return False
    target.text = text
    return True


def click(root, name, seconds=20):
    button = find(root, named(name, *BUTTONS), seconds)
    if button is None:
        return False
    button.doActionNamed("click")
    return True


def sensitive(node):
    try:
        return node.sensitive
    except Exception:
        return None


def window(app, title, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        for child in app.children:
            if (child.name or "").startswith(title):
                return child
        time.sleep(0.5)
    return None


def toplevels(app):
    return list(app.children)


def new_toplevel(app, before, seconds=20):
    """A window (or message dialog) that was not there in @before."""
    end = time.time() + seconds
    while time.time() < end:
        for child in app.children:
            if child not in before:
                return child
        time.sleep(0.3)
    return None


def respond(app, before, response):
    """Answers the message dialog that opened since @before."""
    dialog = new_toplevel(app, before)
    if dialog is None:
        return False
    return click(dialog, response)


def close(node):
    try:
        node.doActionNamed("window.close")
    except Exception:
        pass


def db_value(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        row = con.execute(sql, args).fetchone()
    finally:
        con.close()
    return row[0] if row else None


def wait_db(db, sql, expected, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if db_value(db, sql) == expected:
            return True
        time.sleep(0.3)
    return db_value(db, sql) == expected


def text_of(node):
    """What a label or entry shows (GTK 4.8 answers getText (0, -1) with
    nothing: ask for its characters by count)."""
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return node.name or ""


def dump(node, depth=0, budget=None):
    """The tree below @node as TAP comments (for a failing step)."""
    budget = budget if budget is not None else [400]
    budget[0] -= 1
    if budget[0] < 0:
        return
    try:
        print("# %s%s [%s]" % ("  " * depth, node.roleName, node.name))
        for child in node.children:
            dump(child, depth + 1, budget)
    except Exception:
        pass


def new_project(app, db):
    before = toplevels(app)
    check(click(app, "New Project"), "the Projects view has a New Project button")
    dialog = new_toplevel(app, before)
    check(dialog is not None, "New Project opens a dialog")
    if dialog is None:
        return None
    check(set_field(dialog, "Project name", NAME) and set_field(dialog, "Client", CLIENT)
          and set_field(dialog, "Due date", "2026-02-30"), "the project's name, client and due date are typed")
    before = toplevels(app)
    click(dialog, "Create")
    again = new_toplevel(app, before)
    why = again and find(again, lambda n: n.roleName == "label" and "due date" in (n.name or ""), 5)
    check(why is not None and db_value(db, "SELECT count(*) FROM project") == 0,
          "an impossible due date is refused with a sentence under the field, and nothing is saved")
    if again is None:
        return None
    field = find(again, lambda n: n.name == "Project name" and editable(n))
    check(field is not None and text_of(field) == NAME, "the form comes back with what was typed")
    set_field(again, "Due date", "2026-12-20")
    click(again, "Create")
    ok = wait_db(db, "SELECT count(*) FROM project WHERE name = '%s' AND status = 'brief'" % NAME, 1)
    check(ok, "the project is created in Brief")
    return db_value(db, "SELECT number FROM project WHERE name = ?", NAME)


def fill_brief(app, db):
    missing = find(app, named("Missing brief fields"))
    check(missing is not None and "Background" in text_of(missing),
          "the page says which brief fields are missing")
    typed = all(set_field(app, label, value) for label, value in BRIEF)
    check(typed, "every field of the brief is typed")
    check(click(app, "Save Brief"), "the brief is saved")
    end = time.time() + 10
    while time.time() < end:
        missing = find(app, named("Missing brief fields"), 2)
        if missing is not None and "complete" in text_of(missing):
            break
        time.sleep(0.5)
    check(missing is not None and "complete" in text_of(missing), "the page says the brief is complete")
    check(find(app, named("History", *BUTTONS), 5) is not None, "the project page has a History button")
    check(click(app, "Move to Quoting"), "the project page offers Move to Quoting")
    check(wait_db(db, "SELECT status FROM project WHERE name = '%s'" % NAME, "quoting"),
          "with its brief complete, the project moves on to quoting")


def choose(dialog, combo_name, downs):
    """Picks the item @downs places below the first of the drop-down named
    @combo_name, with the keyboard (GTK 4.8's drop-down list items have no
    action on the accessibility bus)."""
    combo = find(dialog, lambda n: n.roleName == "combo box" and n.name == combo_name)
    if combo is None:
        return False
    toggle = walk(combo, lambda n: n.roleName in BUTTONS, [100])
    if toggle is None:
        return False
    toggle.doActionNamed("click")
    time.sleep(1)
    for _ in range(downs):
        rawinput.pressKey("Down")
        time.sleep(0.2)
    rawinput.pressKey("Return")
    time.sleep(1)
    return True


def issue_work_order(app, db, project):
    before = toplevels(app)
    check(click(app, "New Work Order"), "the project page offers New Work Order")
    dialog = new_toplevel(app, before)
    check(dialog is not None, "New Work Order opens its form")
    if dialog is None:
        return None
    field = find(dialog, lambda n: n.name == "Project number" and editable(n))
    check(field is not None and text_of(field) == project, "the form knows the project")
    choose(dialog, "Assignee", 1)
    shown = [n.name for n in walk_all(dialog, lambda n: n.roleName == "label", [], [400])]
    check(DESIGNER in shown, "the designer is chosen as the assignee")
    typed = (set_field(dialog, "Title", TITLE) and set_field(dialog, "Due", "2026-12-10")
             and set_field(dialog, "Requirements", "A2 竖版海报，300dpi，CMYK；文案见附件；参考去年春茶主视觉"))
    check(typed, "title, due date and requirements are typed")
    click(dialog, "Save")
    ok = wait_db(db, "SELECT count(*) FROM work_order w JOIN staff s ON s.id = w.assignee_id"
                     " WHERE w.title = '%s' AND s.name = '%s' AND w.status = 'issued'" % (TITLE, DESIGNER), 1)
    check(ok, "the work order is issued to the designer")
    return db_value(db, "SELECT number FROM work_order WHERE title = ?", TITLE)


def move_to_done(app, db, number):
    before = toplevels(app)
    check(click(app, "Open work order " + number), "the project page lists the work order with Open")
    dialog = new_toplevel(app, before)
    check(dialog is not None, "the work order opens")
    if dialog is None:
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
    before = toplevels(app)
    check(click(app, "Work Sheets"), "the Work orders view offers Work Sheets")
    dialog = new_toplevel(app, before)
    check(dialog is not None, "the work sheets open")
    if dialog is None:
        return
    choose(dialog, "Period", 1)
    end = time.time() + 15
    line = None
    while time.time() < end and line is None:
        line = walk(dialog, lambda n: n.roleName == "label" and (n.name or "").startswith(number), [2000])
        time.sleep(0.5)
    summary = walk(dialog, lambda n: n.roleName == "label" and "work orders issued" in (n.name or ""), [2000])
    month = datetime.date.today().strftime("%Y-%m-01")
    check(summary is not None and month in summary.name, "the work sheet covers this month")
    check(summary is not None and "issued 1, done 1" in summary.name,
          "the month's work sheet counts the work order issued and done")
    check(line is not None and DESIGNER in line.name and "Done" in line.name,
          "the work order is listed in the month's work sheet, done, with its designer")
    hr = walk(dialog, lambda n: n.roleName == "label" and (n.name or "").startswith(DESIGNER + ": issued"),
              [2000])
    check(hr is not None and "issued 1, done 1, on time 1" in hr.name,
          "the month's work-order summary for HR counts the designer's work order done on time")
    if line is None or summary is None or hr is None:
        dump(dialog)
    close(dialog)


def main():
    db = sys.argv[1]
    app = tree.root.application("clientdesk")
    check(app is not None, "the app is on the accessibility bus")
    project = new_project(app, db)
    if project:
        fill_brief(app, db)
        number = issue_work_order(app, db, project)
        if number:
            move_to_done(app, db, number)
            monthly_sheet(app, number)
    print("1..%d" % len(results))
    for i, (ok, what) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, what))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
