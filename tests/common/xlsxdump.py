#!/usr/bin/env python3
"""Dumps an .xlsx workbook as JSON with an independent reader (openpyxl), for the C++ tests.

Usage: xlsxdump.py FILE.xlsx  ->  stdout: {"properties": {...}, "sheets": [{"name", "freeze",
"autofilter", "widths": {letter: width}, "rows": [[{"t": type, "v": value, "bold": bool,
"format": number_format}, ...], ...]}]}. Numbers are given as their repr() text so that the C++
side sees exactly what the reader holds (no JSON double round trip). Exit 3 when openpyxl is missing.
"""
import json
import sys

try:
    import openpyxl
except ImportError:  # the test says how to get it
    print("python3-openpyxl is not installed (tools/dev setup installs it)", file=sys.stderr)
    sys.exit(3)


def cell_json(cell):
    value = cell.value
    if value is None:
        return {"t": "empty"}
    if isinstance(value, bool):
        kind, text = "bool", str(value)
    elif isinstance(value, int):
        kind, text = "int", str(value)
    elif isinstance(value, float):
        kind, text = "float", repr(value)
    elif isinstance(value, str):
        kind, text = "str", value
    else:
        kind, text = type(value).__name__, str(value)
    return {"t": kind, "dt": cell.data_type, "v": text, "bold": bool(cell.font and cell.font.b),
            "format": cell.number_format}


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    props = book.properties
    out = {"properties": {"title": props.title or "", "creator": props.creator or ""}, "sheets": []}
    for sheet in book.worksheets:
        widths = {}
        for letter, dim in sheet.column_dimensions.items():
            if dim.width:
                widths[letter] = dim.width
        out["sheets"].append({
            "name": sheet.title,
            "freeze": sheet.freeze_panes or "",
            "autofilter": sheet.auto_filter.ref or "",
            "widths": widths,
            "rows": [[cell_json(c) for c in row] for row in sheet.iter_rows()],
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
