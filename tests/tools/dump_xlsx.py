#!/usr/bin/python3
"""Dumps every non-empty cell of an .xlsx as TSV lines: sheet, cell, type, value.

Used by the tests to compare what openpyxl reads with what qingdan's own
reader reads. Values are printed the way qingdan canonicalises them:
integers without ".0", line breaks escaped as \\n.
"""
import sys

import openpyxl


def canonical(v):
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "date") and hasattr(v, "isoformat"):
        return v.date().isoformat() if hasattr(v, "hour") else v.isoformat()
    return str(v)


def main(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                value = canonical(c.value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                print(f"{ws.title}\t{c.coordinate}\t{c.data_type}\t{value}")


if __name__ == "__main__":
    main(sys.argv[1])
