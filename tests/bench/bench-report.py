#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The table of tools/bench.sh: reads what each benchmark printed and sets
every figure beside its budget from DESIGN.md §8.

  bench-report.py time LOG -- COMMAND...   run COMMAND, write its wall time,
                                           CPU time and peak RSS to LOG
  bench-report.py report LOGDIR OUT.json [--seed N] [--schema N] [--month M]

Rules: a budget in time or memory is held against the 95th percentile
(nearest rank: with ten runs, the slowest); a budget that is a ratio is the
ratio of medians, measured against a baseline run in the same session.
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import resource
import subprocess
import sys
import time


def percentile(values, p):
    values = sorted(values)
    if not values:
        return None
    rank = max(1, min(len(values), math.ceil(p * len(values))))
    return values[rank - 1]


def median(values):
    values = sorted(values)
    if not values:
        return None
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def result_line(text):
    """The RESULT {...} line of one of the benchmarks written for bench.sh."""
    for line in (text or "").splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    return None


def numbered(logs, stem):
    out = []
    i = 1
    while os.path.exists(os.path.join(logs, f"{stem}-{i}.txt")):
        out.append(read(os.path.join(logs, f"{stem}-{i}.txt")))
        i += 1
    return out


def row(item, unit, med, p95, budget, verdict, baseline=None, ratio=None, runs=None, note=""):
    return {"item": item, "unit": unit, "median": med, "p95": p95, "baseline": baseline,
            "ratio": ratio, "budget": budget, "verdict": verdict, "runs": runs, "note": note}


def missing(item, why):
    return row(item, "", None, None, "", "not measured", note=why)


def verdict(ok):
    return "within" if ok else "OVER"


def startup_rows(logs):
    r = result_line(read(os.path.join(logs, "startup.txt")))
    if r is None:
        return [missing("start to first painted window", "see bench-logs/startup.err")]
    app, bare = r["app"], r["bare"]
    ratio = app["median_ms"] / bare["median_ms"]
    ok = ratio <= 1.5 and app["p95_ms"] <= 600
    return [row("start to first painted window, large DB", "ms", app["median_ms"], app["p95_ms"],
                "≤ 1.5 × bare, ≤ 600 ms", verdict(ok), bare["median_ms"], ratio, r["runs"],
                f"bare AdwApplication window p95 {bare['p95_ms']:.0f} ms; peak RSS at first "
                f"frame {app['rss_mb']:.0f} MB (bare {bare['rss_mb']:.0f} MB)")]


VIEWS = {
    "list": "CdListView, first 500 rows",
    "clients": "CdClientsView, paged",
}


def search_rows(logs, window_view):
    rows = []
    for view, label in VIEWS.items():
        item = f"client search, keystroke to list: {label}"
        if view == window_view:
            item += " (window)"
        r = result_line(read(os.path.join(logs, f"search-{view}.txt")))
        if r is None:
            rows.append(missing(item, f"see bench-logs/search-{view}.err"))
            continue
        lst, like = r["list"], r["like"]
        keystrokes = r.get("keystrokes", r["queries"])
        note = (f"{r['queries']} two-character queries from client names, each typed one "
                f"character at a time and cleared: {keystrokes} keystrokes counted (median "
                f"{r['median_matches']:.0f} matches); baseline: LIKE '%xy%' over every name; "
                f"painted p95 {r['painted']['p95_ms']:.0f} ms; the reads alone median "
                f"{r['store']['median_ms']:.0f} ms, p95 {r['store']['p95_ms']:.0f} ms")
        if "peak_rss_mb" in r:
            note += f"; peak RSS {r['peak_rss_mb']:.0f} MB (budget 250 MB)"
        if "ui_cpu" in r:
            note += (f"; UI thread CPU a keystroke median {r['ui_cpu']['median_ms']:.0f} ms, "
                     f"p95 {r['ui_cpu']['p95_ms']:.0f} ms (to the painted frame)")
        kinds = [(k, label) for k, label in (("first_char", "first character"),
                                             ("second_char", "second"), ("clear", "clear"))
                 if k in r]
        if kinds:
            note += "; p95 by keystroke: " + ", ".join(
                f"{label} {r[k]['p95_ms']:.0f} ms" for k, label in kinds)
        if r.get("timeouts"):
            note += (f"; {r['timeouts']} lists not updated within {r['timeout_ms']} ms, "
                     f"counted as {r['timeout_ms']} ms (the run stops after 3)")
        # The budget is the window's list; the other is measured beside it.
        judged = verdict(lst["p95_ms"] <= 30) if view == window_view else "comparison only"
        rows.append(row(item, "ms", lst["median_ms"], lst["p95_ms"], "p95 ≤ 30 ms",
                        judged, like["median_ms"],
                        lst["median_ms"] / like["median_ms"], keystrokes, note))
    r = result_line(read(os.path.join(logs, "search-model.txt")))
    if r is not None:
        m, like = r["model"], r["like"]
        rows.append(row("client search, keystroke to model: paged model alone", "ms",
                        m["median_ms"], m["p95_ms"], "p95 ≤ 30 ms", verdict(m["p95_ms"] <= 30),
                        like["median_ms"], m["median_ms"] / like["median_ms"], r["keystrokes"],
                        f"bench-client-search (issue 3) typing 上海, no widget; baseline: LIKE over "
                        f"name, short name and credit code, "
                        f"then the first 200 by name; CPU {m['cpu_ms']:.0f} ms a keystroke; "
                        f"peak RSS {r['peak_rss_mb']:.0f} MB"))
    return rows


def scroll_rows(logs):
    runs = [result_line(t) for t in numbered(logs, "scroll")]
    runs = [r for r in runs if r is not None]
    if not runs:
        return [missing("work-order list, open and scroll to the end", "see bench-logs/scroll-*.err")]
    frames = [r["max_frame_ms"] for r in runs]
    rss = [r["rss_mb"] for r in runs]
    rows_in_model = min(r["rows"] for r in runs)
    note = (f"{rows_in_model:,} rows in the list's model; rows shown after "
            f"{median([r['open_ms'] for r in runs]):.0f} ms; p95 frame interval "
            f"{median([r['p95_frame_ms'] for r in runs]):.0f} ms; longest time in a frame "
            f"{max(r['max_work_ms'] for r in runs):.0f} ms (CPU "
            f"{max(r['max_work_cpu_ms'] for r in runs):.0f} ms); reached the bottom: "
            f"{'yes' if all(r['at_bottom'] for r in runs) else 'no'}, last row read: "
            f"{'yes' if all(r.get('last_row_read') for r in runs) else 'no'}")
    complete = rows_in_model >= 1000000
    return [
        row("work-order list: longest frame, open + scroll to end", "ms", median(frames),
            percentile(frames, 0.95), "≤ 50 ms",
            verdict(percentile(frames, 0.95) <= 50) + ("" if complete else " (incomplete)"),
            runs=len(runs), note=note),
        row("work-order list: peak RSS", "MB", median(rss), percentile(rss, 0.95), "≤ 250 MB",
            verdict(percentile(rss, 0.95) <= 250) + ("" if complete else " (incomplete)"),
            runs=len(runs)),
    ]


SHEET_RE = {
    "bare": re.compile(r"bare libxlsxwriter: ([\d.]+) s \(CPU ([\d.]+) s\), peak RSS ([\d.]+) MB"),
    "sheet": re.compile(r"supplier sheet: +([\d.]+) s \(CPU ([\d.]+) s\), peak RSS ([\d.]+) MB"),
    "rows": re.compile(r"month (\S+): .*?(\d+) detail lines.*= (\d+) rows"),
}


def sheet_rows(logs):
    bare, sheet, cpu_b, cpu_s, rss_b, rss_s = [], [], [], [], [], []
    info = None
    for text in numbered(logs, "sheet"):
        b, s = SHEET_RE["bare"].search(text or ""), SHEET_RE["sheet"].search(text or "")
        if b is None or s is None:
            continue
        bare.append(float(b[1]))
        cpu_b.append(float(b[2]))
        rss_b.append(float(b[3]))
        sheet.append(float(s[1]))
        cpu_s.append(float(s[2]))
        rss_s.append(float(s[3]))
        info = SHEET_RE["rows"].search(text) or info
    if not sheet:
        return [missing("monthly supplier sheet", "see bench-logs/sheet-*.err")]
    ratio = median(sheet) / median(bare)
    lines = f"{int(info[2]):,} detail lines in {info[1]}" if info else "lines unknown"
    return [
        row("monthly supplier sheet", "s", median(sheet), percentile(sheet, 0.95),
            "≤ 1.5 × bare libxlsxwriter", verdict(ratio <= 1.5), median(bare), ratio, len(sheet),
            f"{lines}; CPU ratio {median(cpu_s) / median(cpu_b):.2f}"),
        row("monthly supplier sheet: peak RSS", "MB", median(rss_s), percentile(rss_s, 0.95),
            "≤ 60 MB", verdict(percentile(rss_s, 0.95) <= 60), median(rss_b),
            median(rss_s) / median(rss_b), len(rss_s)),
    ]


def pdf_rows(logs):
    text = read(os.path.join(logs, "pdf.txt")) or ""
    m = re.search(r"(\d+) runs: first ([\d.]+) ms, median ([\d.]+) ms, p95 ([\d.]+) ms", text)
    if m is None:
        return [missing("quote PDF, 50 lines", "see bench-logs/pdf.err")]
    p95 = float(m[4])
    return [row("quote PDF, 50 lines", "ms", float(m[3]), p95, "≤ 150 ms", verdict(p95 <= 150),
                runs=int(m[1]), note=f"first (cold) run {float(m[2]):.0f} ms")]


def chart_rows(logs):
    text = (read(os.path.join(logs, "chart.txt")) or "").split("worst case")[0]
    kinds = re.findall(r"^(\S+(?: bars)?)\s+\d+×\d+, (\d+) runs: .*?median ([\d.]+) ms, "
                       r"p95 ([\d.]+) ms.*?CPU median ([\d.]+) ms, p95 ([\d.]+) ms", text, re.M)
    if not kinds:
        return [missing("chart redraw, 120 months × 8 series", "see bench-logs/chart.err")]
    worst = max(kinds, key=lambda k: float(k[3]))
    p95 = float(worst[3])
    return [row("chart redraw, 120 months × 8 series", "ms", float(worst[2]), p95, "≤ 5 ms",
                verdict(p95 <= 5), runs=int(worst[1]),
                note=f"slowest of {', '.join(k[0] for k in kinds)}: {worst[0]}; "
                     f"its CPU time p95 {float(worst[5]):.2f} ms")]


def demo_rows(logs):
    text = read(os.path.join(logs, "demo.txt"))
    if text is None:
        return [missing("demo --scale large", "cached database, --skip-demo")]
    d = dict(kv.split("=", 1) for kv in text.split())
    if d.get("status") != "0":
        return [missing("demo --scale large", f"exit status {d.get('status')}")]
    wall = float(d["wall_s"])
    return [row("demo --scale large", "s", wall, wall, "≤ 60 s", verdict(wall <= 60), runs=1,
                note=f"one run; CPU {float(d['user_s']) + float(d['sys_s']):.0f} s; "
                     f"peak RSS {int(d['maxrss_kb']) / 1024:.0f} MB")]


def command(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine(logs):
    cpu = ""
    for line in (read("/proc/cpuinfo") or "").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", read("/proc/meminfo") or "MemTotal: 0")[1])
    pc = {name: command(["pkg-config", "--modversion", name])
          for name in ("gtk4", "libadwaita-1", "sqlite3", "glib-2.0", "cairo")}
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": cpu, "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "debian": (read("/etc/debian_version") or "").strip(),
        "versions": pc, "xlsxwriter": command(["dpkg-query", "-W", "-f=${Version}",
                                                "libxlsxwriter-dev"]),
        "uptime_start": (read(os.path.join(logs, "uptime-start.txt")) or "").strip(),
        "uptime_end": (read(os.path.join(logs, "uptime-end.txt")) or "").strip(),
    }


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"


def print_table(rows):
    head = ("item", "median", "p95", "baseline", "ratio", "budget", "verdict")
    cells = [head] + [(r["item"], fmt(r["median"], r["unit"]), fmt(r["p95"], r["unit"]),
                       fmt(r["baseline"], r["unit"]),
                       "—" if r["ratio"] is None else f"{r['ratio']:.2f}",
                       r["budget"], r["verdict"]) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for i, c in enumerate(cells):
        print("  ".join(c[j].ljust(widths[j]) for j in range(len(head))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    notes = [r for r in rows if r["note"]]
    if notes:
        print()
        for r in notes:
            print(f"- {r['item'].strip(' …')}: {r['note']}")


def report(args):
    rows = (startup_rows(args.logs) + search_rows(args.logs, args.window_clients)
            + scroll_rows(args.logs)
            + sheet_rows(args.logs) + pdf_rows(args.logs) + chart_rows(args.logs)
            + demo_rows(args.logs))
    info = machine(args.logs)
    result = {"machine": info, "seed": args.seed, "schema": args.schema, "month": args.month,
              "quick": bool(args.quick), "rows": rows}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
    print(f"ClientDesk benchmarks, {info['date']}: {info['nproc']} × {info['cpu']}, "
          f"{info['ram_gib']} GiB; large demo seed {args.seed}, schema {args.schema}, "
          f"campaign month {args.month}{' (--quick)' if args.quick else ''}")
    print(f"load: {info['uptime_start']}  →  {info['uptime_end']}")
    print()
    print_table(rows)
    print(f"\nJSON: {args.out}")
    return 0


def time_command(args):
    start = time.monotonic()
    status = subprocess.run(args.command, check=False).returncode
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(args.log, "w", encoding="utf-8") as f:
        f.write(f"status={status} wall_s={wall:.2f} user_s={usage.ru_utime:.2f} "
                f"sys_s={usage.ru_stime:.2f} maxrss_kb={usage.ru_maxrss}\n")
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("time")
    t.add_argument("log")
    t.add_argument("command", nargs=argparse.REMAINDER)
    r = sub.add_parser("report")
    r.add_argument("logs")
    r.add_argument("out")
    r.add_argument("--seed", default="42")
    r.add_argument("--schema", default="?")
    r.add_argument("--month", default="?")
    r.add_argument("--quick", type=int, default=0)
    r.add_argument("--window-clients", default="list", choices=sorted(VIEWS))
    args = parser.parse_args()
    if args.what == "time":
        if args.command and args.command[0] == "--":
            args.command = args.command[1:]
        return time_command(args)
    return report(args)


if __name__ == "__main__":
    sys.exit(main())
