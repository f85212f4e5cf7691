# SPDX-License-Identifier: GPL-3.0-or-later
# What the end-to-end scenarios (test_*.py) share: TAP reporting, the
# dogtail setup, finding widgets on the accessibility bus by role and
# accessible name, acting through AT-SPI actions, waiting, and checking the
# database and clientdesk-cli. Each scenario imports it and stays a story.
import json
import sqlite3
import subprocess
import time

from dogtail.config import config
# Set before tree is imported: its import looks for the a11y bus otherwise.
config.checkForA11y = False
config.searchBackoffDuration = 0.5
config.searchCutoffCount = 40
config.logDebugToStdOut = False
config.logDebugToFile = False
from dogtail import rawinput, tree  # noqa: E402,F401

BUTTONS = ("push button", "toggle button", "radio button", "page tab")
MENU_BUTTONS = ("push button", "toggle button", "menu item", "check menu item", "radio menu item")
BUDGET = 20000

# ---------------------------------------------------------------- TAP

results = []


def check(ok, what):
    """Prints the TAP line at once (the plan comes last): a step that hangs
    still leaves the lines before it."""
    results.append((bool(ok), what))
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), what), flush=True)
    return ok


def diag(text):
    for line in str(text).splitlines() or [""]:
        print("# " + line, flush=True)


def finish():
    """Prints the plan; the exit code says whether every check held."""
    print("1..%d" % len(results), flush=True)
    return 0 if all(ok for ok, _ in results) else 1


def application(name="clientdesk"):
    app = tree.root.application(name)
    check(app is not None, "the app is on the accessibility bus")
    return app

# ---------------------------------------------------------- finding


def walk(node, test, budget=None):
    """The first node below @node (itself included) for which @test holds;
    looks at no more than @budget nodes."""
    budget = budget if isinstance(budget, list) else [budget or BUDGET]
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


def walk_all(node, test, budget=None, found=None):
    """Every node below @node for which @test holds."""
    budget = budget if isinstance(budget, list) else [budget or BUDGET]
    found = found if found is not None else []
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
        walk_all(child, test, budget, found)
    return found


def find(root, test, seconds=20, budget=BUDGET):
    """Waits up to @seconds for a node for which @test holds."""
    end = time.time() + seconds
    while True:
        found = walk(root, test, budget)
        if found is not None or time.time() > end:
            return found
        time.sleep(0.5)


def named(name, *roles):
    """GTK 4.8 may append a button's visible label to the name it was given,
    mnemonic underscore included."""
    return lambda n: ((n.name or "").replace("_", "").startswith(name)
                      and (not roles or n.roleName in roles))


def find_label(root, test_name, seconds=10):
    """A label whose name passes @test_name (given the name as a string)."""
    return find(root, lambda n: n.roleName == "label" and test_name(n.name or ""), seconds)


def editable(node):
    try:
        node.queryEditableText()
        return True
    except Exception:
        return False


def sensitive(node):
    try:
        return node.sensitive
    except Exception:
        return None


def actionable(node):
    """GTK 4.8 puts a button's "click" on an inner node of the same name."""
    try:
        return bool(sensitive(node)) and len(node.actions) > 0
    except Exception:
        return False


def text_of(node):
    """What a label or entry shows (GTK 4.8 answers getText (0, -1) with
    nothing: ask for its characters by count)."""
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return node.name or ""


def describe(root, name):
    """TAP comments naming every node called @name, with its role and
    actions: what to look at when a click finds nothing."""
    nodes = walk_all(root, named(name))
    if not nodes:
        diag("nothing named %r below %r" % (name, getattr(root, "name", root)))
    for node in nodes:
        try:
            actions = ", ".join(node.actions.keys())
        except Exception:
            actions = "?"
        diag("%r: role %r, actions [%s]" % (node.name, node.roleName, actions))


def dump(node, depth=0, budget=None):
    """The tree below @node as TAP comments (for a failing step)."""
    budget = budget if budget is not None else [400]
    budget[0] -= 1
    if budget[0] < 0:
        return
    try:
        diag("%s%s [%s]" % ("  " * depth, node.roleName, node.name))
        for child in node.children:
            dump(child, depth + 1, budget)
    except Exception:
        pass

# ---------------------------------------------------------- windows


def toplevels(app):
    return list(app.children)


def top_level(app, test, seconds=20):
    """Windows and dialogs are children of the application: looking only
    there keeps each search from walking the main window's long lists."""
    end = time.time() + seconds
    while True:
        try:
            for child in list(app.children):
                if test(child):
                    return child
        except Exception:  # a window that went away while we looked
            pass
        if time.time() > end:
            return None
        time.sleep(0.5)


def window(app, title, seconds=20):
    return top_level(app, lambda n: (n.name or "").startswith(title), seconds)


def new_toplevel(app, before, seconds=20):
    """A window (or message dialog) that was not there in @before."""
    found = top_level(app, lambda n: n not in before, seconds)
    if found is None:
        diag("no new window; open: %s" % [getattr(w, "name", "?") for w in toplevels(app)])
    return found


def dialog_with(app, text, seconds=20):
    """An AdwMessageDialog, known by its heading."""
    return top_level(app, lambda n: walk(n, lambda c: c.roleName == "label" and
                                         (c.name or "").startswith(text), 400) is not None,
                     seconds)


def click_opening(app, root, name, seconds=20):
    """Clicks the button @name in @root; whether it could, and the window
    (or message dialog) that opened then."""
    before = toplevels(app)
    clicked = click(root, name, seconds)
    return clicked, new_toplevel(app, before)


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

# ----------------------------------------------------------- acting


def click(root, name, seconds=20, roles=BUTTONS, budget=BUDGET):
    """Clicks the first button named @name; says what there is when there
    is none."""
    button = find(root, named(name, *roles), seconds, budget)
    if button is None:
        describe(root, name)
        return False
    button.doActionNamed("click")
    return True


def click_enabled(root, name, seconds=20):
    """Clicks the enabled button named @name (a menu button opens its menu,
    a menu item runs its action). GTK 4.8 names a menu button's outer node
    and puts "click" on an inner one."""
    roles = MENU_BUTTONS
    end = time.time() + seconds
    while True:
        button = walk(root, lambda n: named(name, *roles)(n) and sensitive(n))
        if button is not None and not actionable(button):
            button = walk(button, lambda n: n.roleName in roles and actionable(n), 50)
        if button is not None:
            break
        if time.time() > end:
            describe(root, name)
            return False
        time.sleep(0.5)
    for action in ("click", "activate", "press", "toggle"):
        try:
            button.doActionNamed(action)
            return True
        except Exception:
            continue
    return False


def menu_item(root, menu_button, item):
    """Opens the menu of @menu_button and runs its @item."""
    if not click_enabled(root, menu_button):
        return False
    time.sleep(0.5)
    return click_enabled(root, item, 10)


def entry_in(node):
    """@node if text can be typed into it, else its editable child (an
    AdwEntryRow keeps its text in one)."""
    if node is None:
        return None
    return node if editable(node) else walk(node, editable, 200)


def type_into(target, text, what):
    """Sets the text of @target through the editable text interface; says
    which field was missing when there is none."""
    if target is None:
        diag("no editable field %s" % what)
        return False
    target.text = text
    return True


def set_field(root, label, text):
    """Types into the entry labelled @label."""
    return type_into(entry_in(find(root, named(label))), text, repr(label))


def set_entry(root, label, text):
    """Like set_field, but prefers a node named @label that is itself an
    entry over others of that name (a row's caption, say)."""
    node = find(root, lambda n: named(label)(n) and (editable(n) or n.roleName == "entry"))
    if node is None:
        node = find(root, named(label), 5)
    return type_into(entry_in(node), text, repr(label))


def set_exact(root, label, text):
    """Types into the entry (or text view) named exactly @label; its caption
    label carries the same name, so look for the editable one."""
    target = find(root, lambda n: (n.name or "") == label and editable(n))
    return type_into(target, text, "named exactly %r" % label)


def choose(root, combo_name, downs):
    """Picks the item @downs places below the first of the drop-down named
    @combo_name, with the keyboard (GTK 4.8's drop-down list items have no
    action on the accessibility bus)."""
    combo = find(root, lambda n: n.roleName == "combo box" and n.name == combo_name)
    toggle = combo and walk(combo, lambda n: n.roleName in BUTTONS, 100)
    if not toggle:
        diag("no drop-down %r" % combo_name)
        return False
    toggle.doActionNamed("click")
    time.sleep(1)
    for _ in range(downs):
        rawinput.pressKey("Down")
        time.sleep(0.2)
    rawinput.pressKey("Return")
    time.sleep(1)
    return True

# ---------------------------------------------------------- waiting


def wait_for(probe, seconds=15, interval=0.5):
    """Calls @probe until it answers something true, for up to @seconds;
    returns its last answer."""
    end = time.time() + seconds
    got = probe()
    while not got and time.time() < end:
        time.sleep(interval)
        got = probe()
    return got


def wait_gone(root, test, seconds=15, budget=BUDGET):
    return bool(wait_for(lambda: walk(root, test, budget) is None, seconds, 0.3))

# ----------------------------------------------------- the database


def db_rows(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def db_row(db, sql, *args):
    rows = db_rows(db, sql, *args)
    return rows[0] if rows else None


def db_value(db, sql, *args):
    row = db_row(db, sql, *args)
    return row[0] if row else None


def wait_db(db, sql, expected, seconds=10):
    """Waits until the first value @sql reads is @expected."""
    return wait_for(lambda: db_value(db, sql) == expected, seconds, 0.3)


def refuses(db, sql, *args):
    """Whether the database refuses the change @sql (a trigger's ABORT)."""
    con = sqlite3.connect(db)
    try:
        con.execute(sql, args)
        con.commit()
        return False
    except sqlite3.DatabaseError:
        con.rollback()
        return True
    finally:
        con.close()


def cli(program, db, *args):
    """Runs clientdesk-cli on @db; its completed process."""
    return subprocess.run([program, "--db", db] + list(args), capture_output=True, text=True)


def cli_json(program, db, *args):
    """What clientdesk-cli prints with --json, or [] when it fails."""
    out = cli(program, db, *(list(args) + ["--json"]))
    if out.returncode != 0:
        diag("clientdesk-cli %s failed: %s" % (" ".join(args), out.stderr))
        return []
    return json.loads(out.stdout)
