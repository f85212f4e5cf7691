#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The month-end workbooks read back with openpyxl (TAP output).

A known month (month-end-fixture.sql, 2026-03) and the small demo are
exported with clientdesk-cli; the sheets, their layout and every total are
checked against the details and against the database itself."""

import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback
import zipfile

try:
    import openpyxl
except ImportError:
    print("1..0 # SKIP python3-openpyxl is not installed")
    sys.exit(0)

CLI = os.environ.get("CLIENTDESK_CLI", "clientdesk-cli")
ROOT = os.environ.get("CLIENTDESK_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(ROOT, "tests", "reports", "month-end-fixture.sql")
MONEY = "¥#,##0.00"
TMP = tempfile.mkdtemp(prefix="cd-xlsx-test-")

results = []


def test(name):
    def register(func):
        results.append((name, func))
        return func
    return register


def cli(db, *args):
    return subprocess.run([CLI, "--db", db, *args], capture_output=True, text=True)


def fixture_db(name="fixture.db"):
    db = os.path.join(TMP, name)
    if not os.path.exists(db):
        run = cli(db, "init")
        assert run.returncode == 0, run.stderr
        with sqlite3.connect(db) as con, open(FIXTURE, encoding="utf-8") as f:
            con.executescript(f.read())
    return db


def export(db, kind, month, name):
    out = os.path.join(TMP, name)
    run = cli(db, "export", kind, "--month", month, "-o", out)
    assert run.returncode == 0, "exit %d: %s" % (run.returncode, run.stderr)
    assert os.path.isfile(out)
    return out


def load(path):
    """The workbook twice: formulas as written, and their cached results."""
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def rows(ws, first=2, last=None):
    last = ws.max_row if last is None else last
    return [[c for c in r] for r in ws.iter_rows(min_row=first, max_row=last)]


def fen(value):
    return round(value * 100)


def db_scalar(db, sql, *params):
    with sqlite3.connect(db) as con:
        return con.execute(sql, params).fetchone()[0]


PAYABLE = """o.status = 'accepted' AND o.accepted_date >= ? AND o.accepted_date < ?
             AND EXISTS (SELECT 1 FROM acceptance a WHERE a.supplier_order_id = o.id
                         AND a.status = 'signed' AND a.result IN ('pass', 'conditional'))"""


def db_month(db, first, nxt):
    with sqlite3.connect(db) as con:
        amount, tax, lines = con.execute(
            "SELECT coalesce(sum(l.amount_fen), 0), coalesce(sum(l.tax_fen), 0), count(*)"
            " FROM supplier_order o JOIN supplier_order_line l ON l.order_id = o.id WHERE " + PAYABLE,
            (first, nxt)).fetchone()
        paid = con.execute(
            "SELECT coalesce(sum(y.amount_fen), 0) FROM supplier_payment y"
            " JOIN supplier_order o ON o.id = y.supplier_order_id WHERE " + PAYABLE,
            (first, nxt)).fetchone()[0]
        suppliers = con.execute(
            "SELECT count(DISTINCT o.supplier_id) FROM supplier_order o WHERE " + PAYABLE,
            (first, nxt)).fetchone()[0]
    return dict(amount=amount, tax=tax, total=amount + tax, paid=paid, lines=lines,
                suppliers=suppliers)


# ---------------------------------------------------------------------------
# The supplier sheet of the known month


def march():
    db = fixture_db()
    path = os.path.join(TMP, "march.xlsx")
    if not os.path.exists(path):
        export(db, "supplier-sheet", "2026-03", "march.xlsx")
    return db, path


@test("supplier sheet: the sheets are Summary, Details, Not payable, Pickup slips, About")
def _():
    _, path = march()
    wb, _ = load(path)
    assert wb.sheetnames == ["Summary", "Details", "Not payable", "Pickup slips", "About"], wb.sheetnames


@test("supplier sheet: header rows are frozen, filtered over the data and printed on every page")
def _():
    _, path = march()
    wb, _ = load(path)
    expected = {"Summary": "A1:I6", "Details": "A1:Q9", "Not payable": "A1:L5", "Pickup slips": "A1:I4"}
    for name, ref in expected.items():
        ws = wb[name]
        assert ws.freeze_panes == "A2", (name, ws.freeze_panes)
        assert ws.auto_filter.ref == ref, (name, ws.auto_filter.ref)
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0, name
        assert ws.print_title_rows in ("$1:$1", "1:1"), (name, ws.print_title_rows)
        for cell in ws[1]:
            assert cell.font.b, (name, cell.value)


@test("supplier sheet: money, dates, quantities and rates are real numbers with their formats")
def _():
    _, path = march()
    wb, _ = load(path)
    ws = wb["Details"]
    for row in rows(ws):
        for col in (8, 10, 11, 12):          # unit price, amount, tax, total
            assert isinstance(row[col].value, (int, float)), row[col].value
            assert row[col].number_format == MONEY, row[col].number_format
        for col in (13, 14):                 # delivery and acceptance dates
            assert isinstance(row[col].value, datetime.datetime), row[col].value
            assert row[col].number_format == "yyyy-mm-dd"
        assert isinstance(row[6].value, (int, float)) and row[6].value > 0
        assert row[6].number_format in ("#,##0", "#,##0.###"), row[6].number_format
        assert isinstance(row[9].value, (int, float)) and 0 <= row[9].value < 1
        assert row[9].number_format.endswith("%")
    quantities = sorted(r[6].value for r in rows(ws))
    assert 2.5 in quantities and 7.25 in quantities and 0.001 in quantities, quantities


@test("supplier sheet: a payment recorded later shows in Already paid and Payable of the next export")
def _():
    db = fixture_db("paid-later.db")
    before = export(db, "supplier-sheet", "2026-03", "paid-before.xlsx")
    with sqlite3.connect(db) as con:
        con.execute("INSERT INTO supplier_payment (supplier_order_id, date, amount_fen, reference)"
                    " VALUES (1, '2026-04-20', 12345, 'TX-0420')")
    after = export(db, "supplier-sheet", "2026-03", "paid-after.xlsx")

    def summary(path):
        _, values = load(path)
        body = rows(values["Summary"], 2, 6)        # five suppliers, then the totals row
        total = rows(values["Summary"], 7, 7)[0]
        assert total[0].value == "Total"
        by_name = {r[0].value: (fen(r[7].value), fen(r[8].value)) for r in body}
        return by_name, (fen(total[7].value), fen(total[8].value))

    (suppliers0, totals0), (suppliers1, totals1) = summary(before), summary(after)
    paid0, payable0 = suppliers0["上海印刷有限公司"]
    paid1, payable1 = suppliers1["上海印刷有限公司"]
    assert paid1 == paid0 + 12345 and payable1 == payable0 - 12345, (paid0, paid1, payable0, payable1)
    assert totals1 == (totals0[0] + 12345, totals0[1] - 12345), (totals0, totals1)
    for name in suppliers0:
        if name != "上海印刷有限公司":
            assert suppliers1[name] == suppliers0[name], name


@test("supplier sheet: every total is the sum of its details and the database's figure")
def _():
    db, path = march()
    wb, cached = load(path)
    ws, wc = wb["Summary"], cached["Summary"]
    n = 5
    totals = [c.value for c in wc[n + 2]]
    assert wc.cell(n + 2, 1).value == "Total"
    for col, letter in ((5, "E"), (6, "F"), (7, "G"), (8, "H"), (9, "I")):
        assert ws.cell(n + 2, col).value == "=SUM(%s2:%s%d)" % (letter, letter, n + 1), ws.cell(n + 2, col).value
        assert ws.cell(n + 2, col).number_format == MONEY
    body = [[c.value for c in r] for r in wc.iter_rows(min_row=2, max_row=n + 1)]
    for col in range(3, 9):
        assert fen(totals[col]) == sum(fen(r[col]) for r in body), (col, totals[col])
    details = [[c.value for c in r] for r in cached["Details"].iter_rows(min_row=2)]
    assert fen(totals[4]) == sum(fen(r[10]) for r in details)
    assert fen(totals[5]) == sum(fen(r[11]) for r in details)
    assert fen(totals[6]) == sum(fen(r[12]) for r in details)
    month = db_month(db, "2026-03-01", "2026-04-01")
    assert fen(totals[4]) == month["amount"] and fen(totals[5]) == month["tax"]
    assert fen(totals[6]) == month["total"] and fen(totals[7]) == month["paid"]
    assert fen(totals[8]) == month["total"] - month["paid"]
    assert totals[3] == 5 and len(details) == month["lines"] == 8
    # Each supplier's row is the sum of its own details.
    for r in body:
        mine = [d for d in details if d[0] == r[0]]
        assert fen(r[4]) == sum(fen(d[10]) for d in mine), r[0]
        assert fen(r[6]) == fen(r[4]) + fen(r[5]) and fen(r[8]) == fen(r[6]) - fen(r[7])


@test("supplier sheet: text that looks like a formula is stored as text")
def _():
    db, path = march()
    wb, _ = load(path)
    with sqlite3.connect(db) as con:
        texts = {t for (t,) in con.execute(
            "SELECT name FROM supplier UNION SELECT item FROM supplier_order_line"
            " UNION SELECT spec FROM supplier_order_line UNION SELECT name FROM client"
            " UNION SELECT item FROM pickup_slip_line") if t and t[0] in "=+-@"}
    strings, formulas = set(), set()
    for name in ("Summary", "Details", "Not payable", "Pickup slips"):
        for row in wb[name].iter_rows(min_row=2):
            for cell in row:
                (formulas if cell.data_type == "f" else strings).add(cell.value)
    for text in ('=HYPERLINK("x")', "+cmd|' /C calc'!A0", "@SUM(A1)", '=HYPERLINK("http://evil")',
                 "=1/0", "-1", "=1+1 客户"):
        assert text in texts, text
    for text in texts:
        if "\x07" not in text:
            assert text in strings and text not in formulas, text
    # The only formulas are the sheet's own: sums and the row's total and payable.
    assert all(f.startswith(("=SUM(", "=E", "=G", "=0")) for f in formulas), formulas


@test("supplier sheet: a supplier name of 300 characters and control characters survive")
def _():
    db, path = march()
    wb, _ = load(path)
    long_name = db_scalar(db, "SELECT name FROM supplier WHERE id = 4")
    assert len(long_name) == 300
    names = [r[0].value for r in rows(wb["Summary"], 2, 6)]
    assert long_name in names
    assert "-2+3 制作 厂" in names, names        # BEL became a space
    assert any(r[0].value == long_name for r in rows(wb["Details"]))
    assert wb["Details"].column_dimensions["A"].width <= 62
    # Excel reads "_xHHHH_" as an escape: the typed text is escaped in turn.
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet2.xml").decode("utf-8")
    assert "_x005F_x0041_ 字样" in xml


@test("supplier sheet: not payable deliveries are listed apart with their state, in no total")
def _():
    db, path = march()
    _, cached = load(path)
    ws = cached["Not payable"]
    body = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=5)]
    assert sorted(r[1] for r in body) == ["CG202603-0003", "CG202603-0004", "CG202603-0005", "CG202603-0006"]
    assert all(r[5] for r in body)
    total = [c.value for c in ws[6]]
    assert fen(total[11]) == sum(fen(r[11]) for r in body) == 45200 + 33900 + 22600 + 981000
    summary_total = fen(cached["Summary"].cell(7, 7).value)
    assert summary_total == db_month(db, "2026-03-01", "2026-04-01")["total"]


@test("supplier sheet: the month's pickup slips, one row per item, dates as dates")
def _():
    _, path = march()
    wb, _ = load(path)
    body = rows(wb["Pickup slips"])
    assert [r[0].value for r in body] == ["TH202603-0001", "TH202603-0001", "TH202603-0002"]
    assert all(isinstance(r[1].value, datetime.datetime) for r in body)
    assert body[1][6].value == '=HYPERLINK("x")' and body[1][6].data_type == "s"


@test("supplier sheet: About says the period, when, by whom and from which database")
def _():
    db, path = march()
    wb, _ = load(path)
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows() if r[0].value}
    assert "2026-03" in about["Period"] and "2026-03-31" in about["Period"]
    assert isinstance(about["Generated at"], datetime.datetime)
    assert about["Generated by"]
    assert os.path.basename(db) in about["Database"]
    assert about["Filters"]


@test("supplier sheet: a month with no deliveries is a valid workbook with zero totals")
def _():
    db = fixture_db()
    path = export(db, "supplier-sheet", "2025-01", "empty.xlsx")
    wb, cached = load(path)
    assert wb.sheetnames == ["Summary", "Details", "Not payable", "Pickup slips", "About"]
    assert [c.value for c in wb["Summary"][1]][0] == "Supplier"
    assert wb["Summary"].auto_filter.ref == "A1:I1"
    assert wb["Details"].max_row == 1
    totals = [c.value for c in cached["Summary"][2]]
    assert totals[0] == "Total" and all(v == 0 for v in totals[3:9]), totals


@test("supplier sheet: one sheet per supplier when the setting asks, each adding up")
def _():
    db = fixture_db("per-supplier.db")
    with sqlite3.connect(db) as con:
        con.execute("INSERT INTO setting (key, value) VALUES ('export.sheet_per_supplier', 'true')")
    path = export(db, "supplier-sheet", "2026-03", "per-supplier.xlsx")
    wb, cached = load(path)
    extra = wb.sheetnames[4:-1]
    assert wb.sheetnames[-1] == "About" and len(extra) == 5, wb.sheetnames
    assert len(set(n.casefold() for n in wb.sheetnames)) == len(wb.sheetnames)
    for name in extra:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name
    summary = {r[0].value: r for r in cached["Summary"].iter_rows(min_row=2, max_row=6)}
    for name in extra:
        ws = cached[name]
        body = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=ws.max_row - 1)]
        total = [c.value for c in ws[ws.max_row]]
        assert fen(total[12]) == sum(fen(r[12]) for r in body)
        assert fen(total[12]) == fen(summary[body[0][0]][6].value), name
        assert wb[name].freeze_panes == "A2"


# ---------------------------------------------------------------------------
# The work-order summary


@test("work-order summary: per person counts, hours and on-time rate match the database")
def _():
    db = fixture_db()
    path = export(db, "work-orders", "2026-03", "work-orders.xlsx")
    wb, cached = load(path)
    assert wb.sheetnames == ["Summary", "Details", "About"]
    ws = cached["Summary"]
    assert wb["Summary"].freeze_panes == "A2" and wb["Summary"].auto_filter.ref == "A1:H4"
    assert wb["Details"].freeze_panes == "A2" and wb["Details"].auto_filter.ref == "A1:O6"
    people = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=4)}
    with sqlite3.connect(db) as con:
        for staff, name in con.execute("SELECT id, name FROM staff WHERE id IN (2, 3)"):
            issued, done, on_time, minutes = con.execute(
                "SELECT count(*), sum(status = 'done'),"
                " sum(status = 'done' AND done_date <= due_date), sum(spent_minutes)"
                " FROM work_order WHERE assignee_id = ? AND issued_date >= '2026-03-01'"
                " AND issued_date < '2026-04-01'", (staff,)).fetchone()
            revisions = con.execute(
                "SELECT count(*) FROM work_order_revision r JOIN work_order w ON w.id = r.work_order_id"
                " WHERE w.assignee_id = ? AND w.issued_date >= '2026-03-01' AND w.issued_date < '2026-04-01'",
                (staff,)).fetchone()[0]
            row = people[name]
            assert row[2:5] == [issued, done, on_time], (name, row)
            assert abs(row[5] - (on_time / done if done else 0)) < 1e-9
            assert row[6] == revisions and abs(row[7] - minutes / 60) < 1e-9, row
    total = [c.value for c in ws[5]]
    body = list(people.values())
    assert total[0] == "Total"
    for col in (2, 3, 4, 6):
        assert total[col] == sum(r[col] for r in body), col
    assert abs(total[7] - sum(r[7] for r in body)) < 1e-9
    assert wb["Summary"]["C5"].value == "=SUM(C2:C4)"
    details = rows(wb["Details"])
    assert len(details) == 5
    assert all(isinstance(r[7].value, datetime.datetime) for r in details)
    assert any(r[1].value == "=门头效果图" and r[1].data_type == "s" for r in details)


# ---------------------------------------------------------------------------
# The small demo: whatever the month holds, the totals agree


@test("small demo: last month's supplier sheet agrees with its details and the database")
def _():
    db = os.path.join(TMP, "demo.db")
    run = cli(db, "demo", "--scale", "small", "--seed", "1")
    assert run.returncode == 0, run.stderr
    today = datetime.date.today().replace(day=1)
    last = (today - datetime.timedelta(days=1)).replace(day=1)
    month = last.strftime("%Y-%m")
    path = export(db, "supplier-sheet", month, "demo.xlsx")
    _, cached = load(path)
    expected = db_month(db, last.isoformat(), today.isoformat())
    n = expected["suppliers"]
    totals = [c.value for c in cached["Summary"][n + 2]]
    details = [[c.value for c in r] for r in cached["Details"].iter_rows(min_row=2)]
    assert len(details) == expected["lines"]
    assert fen(totals[4]) == expected["amount"] == sum(fen(r[10]) for r in details)
    assert fen(totals[5]) == expected["tax"] == sum(fen(r[11]) for r in details)
    assert fen(totals[7]) == expected["paid"]


# ---------------------------------------------------------------------------
# The command line's contract


@test("cli: a bad month, a bad or unwritable path refuse with one line and leave no file")
def _():
    db = fixture_db()
    out = os.path.join(TMP, "refused.xlsx")
    cases = [
        ("supplier-sheet", "2026-13", out),
        ("work-orders", "2026-3", out),
        ("supplier-sheet", "2026-03", os.path.join(TMP, "no-such-folder", "x.xlsx")),
        ("supplier-sheet", "2026-03", os.path.join(TMP, "refused.csv")),
        ("work-orders", "2026-03", TMP),
    ]
    for kind, month, target in cases:
        run = cli(db, "export", kind, "--month", month, "-o", target)
        assert run.returncode == 1, (kind, month, target, run.returncode, run.stderr)
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert run.stdout == ""
    assert not os.path.exists(out)
    assert not os.path.exists(os.path.join(TMP, "refused.csv"))
    assert not [f for f in os.listdir(TMP) if f.startswith(".")], os.listdir(TMP)
    run = cli(os.path.join(TMP, "missing.db"), "export", "supplier-sheet", "--month", "2026-03", "-o", out)
    assert run.returncode == 1 and not os.path.exists(out)


@test("cli: usage errors exit 2")
def _():
    db = fixture_db()
    for args in (["--month", "2026-03"], ["-o", "x.xlsx"], ["--month", "2026-03", "-o", "x.xlsx", "extra"],
                 ["--bogus", "1", "--month", "2026-03", "-o", "x.xlsx"]):
        run = cli(db, "export", "supplier-sheet", *args)
        assert run.returncode == 2, (args, run.returncode, run.stderr)
    run = cli(db, "export", "work-orders", "--month", "2026-03")
    assert run.returncode == 2


@test("cli: --help lists both month-end exports")
def _():
    run = subprocess.run([CLI, "--help"], capture_output=True, text=True)
    assert run.returncode == 0
    assert "export supplier-sheet --month YYYY-MM -o FILE.xlsx" in run.stdout
    assert "export work-orders --month YYYY-MM -o FILE.xlsx" in run.stdout
    run = cli(fixture_db(), "export", "work-orders", "--month", "2026-03")
    assert "export work-orders --month YYYY-MM -o FILE.xlsx" in run.stderr, run.stderr


def main():
    failed = 0
    for number, (name, func) in enumerate(results, 1):
        try:
            func()
            print("ok %d - %s" % (number, name))
        except Exception:
            failed += 1
            print("not ok %d - %s" % (number, name))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
    print("1..%d" % len(results))
    shutil.rmtree(TMP, ignore_errors=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
