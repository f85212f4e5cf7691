#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints what a test needs to know of an .xlsx, one fact per line:
#   chart PART KIND GROUPING      a chart part and its type
#   ref PART RANGE               a range a chart part refers to
#   sheet TITLE FREEZE           a worksheet and its frozen cell
#   cell TITLE COORD TYPE VALUE FORMAT
# Read with openpyxl (values, formats, panes) and zipfile (chart parts).
import re
import sys
import zipfile

import openpyxl

path = sys.argv[1]
with zipfile.ZipFile(path) as archive:
    for part in sorted(n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
        xml = archive.read(part).decode("utf-8")
        kind = re.search(r"<c:(\w+Chart)>", xml)
        grouping = re.search(r'<c:grouping val="(\w+)"', xml)
        print("chart", part, kind.group(1) if kind else "?", grouping.group(1) if grouping else "-")
        for ref in re.findall(r"<c:f>([^<]*)</c:f>", xml):
            print("ref", part, ref)

book = openpyxl.load_workbook(path)
for sheet in book.worksheets:
    print("sheet", sheet.title, sheet.freeze_panes)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                print("cell", sheet.title, cell.coordinate, cell.data_type, repr(cell.value),
                      cell.number_format)
