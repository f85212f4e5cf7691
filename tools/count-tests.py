#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts meson's test results (testlog.json: one JSON object per test) and
prints the closing line CI reads: "N passed, N failed[, N skipped]".
Exits 1 when anything failed or when no test ran at all."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get("result", "")
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        print(f"{path}: no test log (the build or the test run did not start)", file=sys.stderr)
        failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed or passed == 0 else 0)
