#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""export clients read back with openpyxl (TAP output): what the Clients
view shows (search, sort, visible columns), a frozen and filtered header,
text that stays text, private notes only with --private, and the default
file name clients-YYYY-MM-DD.xlsx in the current folder."""

import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

try:
    import openpyxl
except ImportError:
    print("1..0 # SKIP python3-openpyxl is not installed")
    sys.exit(0)

CLI = os.environ.get("CLIENTDESK_CLI", "clientdesk-cli")
if os.sep in CLI:
    CLI = os.path.abspath(CLI)
TMP = tempfile.mkdtemp(prefix="cd-clients-xlsx-")
DB = os.path.join(TMP, "t.db")
results = []


def test(name):
    def register(func):
        results.append((name, func))
        return func
    return register


def cli(*args, cwd=None):
    return subprocess.run([CLI, "--db", DB, *args], capture_output=True, text=True, cwd=cwd)


def setup():
    run = cli("init")
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(DB) as con:
        con.executescript("""
            INSERT INTO staff (id, name, role) VALUES (1, '李娜', 'account_manager');
            INSERT INTO client (name, short_name, tier, status, region, owner_id, private_notes)
            VALUES ('上海青禾广告有限公司', '青禾', 'A', 'active', '华东', 1, '老板喜欢喝茶'),
                   ('杭州云栖茶业有限公司', '云栖', 'B', 'prospect', '华东', 1, NULL),
                   ('=HYPERLINK("http://x")', NULL, 'C', 'prospect', '华北', NULL, NULL),
                   ('北京青禾文化传媒有限公司', '北青', 'C', 'active', '华北', NULL, '内部备注');
        """)


def export(*args, name="out.xlsx"):
    out = os.path.join(TMP, name)
    run = cli("export", "clients", "-o", out, *args)
    assert run.returncode == 0, "exit %d: %s" % (run.returncode, run.stderr)
    return openpyxl.load_workbook(out).active


def rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


@test("every client, sorted by name, header frozen and filtered, widths fitted")
def _():
    ws = export()
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Name", "Short name", "Tier", "Status"], header
    assert "Private notes" not in header
    assert ws.freeze_panes == "A2", ws.freeze_panes
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), ws.auto_filter.ref
    names = [r[0] for r in rows(ws)]
    assert len(names) == 4 and names == sorted(names), names
    assert ws.column_dimensions["A"].width > 10


@test("formula-looking names are written as text")
def _():
    ws = export()
    cells = [r[0] for r in ws.iter_rows(min_row=2)]
    odd = [c for c in cells if str(c.value).startswith("=")]
    assert len(odd) == 1 and odd[0].data_type == "s", [(c.value, c.data_type) for c in odd]


@test("search, sort and the columns shown are what is exported")
def _():
    ws = export("--search", "青禾", "--sort", "name", "--descending", "--columns", "name,tier")
    assert [c.value for c in ws[1]] == ["Name", "Tier"]
    # Names compare as text (code points): 北 (U+5317) after 上 (U+4E0A).
    assert rows(ws) == [["北京青禾文化传媒有限公司", "C"], ["上海青禾广告有限公司", "A"]], rows(ws)


@test("private notes only when asked for")
def _():
    ws = export("--columns", "name")
    assert all("喝茶" not in str(v) for r in rows(ws) for v in r)
    ws = export("--columns", "name", "--private", name="private.xlsx")
    assert [c.value for c in ws[1]] == ["Name", "Private notes"]
    notes = {r[0]: r[1] for r in rows(ws)}
    assert notes["上海青禾广告有限公司"] == "老板喜欢喝茶", notes


@test("without -o the file is clients-YYYY-MM-DD.xlsx in the current folder")
def _():
    here = os.path.join(TMP, "here")
    os.mkdir(here)
    run = cli("export", "clients", cwd=here)
    assert run.returncode == 0, run.stderr
    expected = "clients-%s.xlsx" % datetime.date.today().isoformat()
    assert os.listdir(here) == [expected], os.listdir(here)


@test("a bad sort key or column is refused in one line, nothing written")
def _():
    out = os.path.join(TMP, "bad.xlsx")
    run = cli("export", "clients", "-o", out, "--sort", "name; DROP TABLE client")
    assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    run = cli("export", "clients", "-o", out, "--columns", "name,salary")
    assert run.returncode == 1, run.stderr
    assert not os.path.exists(out)


def main():
    failed = 0
    setup()
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
