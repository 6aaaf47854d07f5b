#!/usr/bin/python3
"""Edits a workbook the way a clerk would, for the end-to-end tests.

  edit_xlsx.py FILE set SHEET CELL VALUE      set a cell (as text)
  edit_xlsx.py FILE append SHEET V1 V2 …      append a row of text cells
  edit_xlsx.py FILE setcol SHEET ROW LABEL VALUE
                                              set the cell under header LABEL in ROW
  edit_xlsx.py FILE find SHEET LABEL VALUE    print the row number whose LABEL column is VALUE
  edit_xlsx.py FILE where SHEET ROW LABEL     print the coordinate of the cell under LABEL in ROW
  edit_xlsx.py FILE rename * OLD NEW          rename an item in every sheet (事项名称 cells)
  edit_xlsx.py FILE clone * OLD NEW           copy an item's rows in every sheet under a new
                                              name, with its codes cleared (a new item)

Several commands can be chained with "--".
"""
import sys

import openpyxl


def header_row(ws):
    for row in ws.iter_rows(min_row=1, max_row=20):
        for c in row:
            if isinstance(c.value, str) and c.value.strip().rstrip("*").strip() == "事项名称":
                return c.row
    raise SystemExit(f"no header in {ws.title}")


def column_of(ws, label):
    h = header_row(ws)
    for c in ws[h]:
        if isinstance(c.value, str):
            v = c.value.strip().replace("（必填）", "").rstrip("*").strip()
            if v == label:
                return c.column
    raise SystemExit(f"no column {label} in {ws.title}")


def item_sheets(wb):
    for ws in wb.worksheets:
        try:
            yield ws, header_row(ws), column_of(ws, "事项名称")
        except SystemExit:
            pass


def run(wb, args):
    op, sheet = args[0], args[1]
    if op == "rename":
        for ws, h, col in item_sheets(wb):
            for row in range(h + 1, ws.max_row + 1):
                if ws.cell(row=row, column=col).value == args[2]:
                    ws.cell(row=row, column=col).value = args[3]
        return
    if op == "clone":
        for ws, h, col in item_sheets(wb):
            codes = [c.column for c in ws[h] if isinstance(c.value, str) and c.value.strip().rstrip("*") in ("基本编码", "实施编码")]
            rows = [[c.value for c in ws[row]] for row in range(h + 1, ws.max_row + 1)
                    if ws.cell(row=row, column=col).value == args[2]]
            for values in rows:
                values[col - 1] = args[3]
                for c in codes:
                    values[c - 1] = None
                ws.append(values)
        return
    ws = wb[sheet]
    if op == "set":
        ws[args[2]].value = args[3]
        ws[args[2]].data_type = "s"
    elif op == "append":
        ws.append(list(args[2:]))
    elif op == "setcol":
        cell = ws.cell(row=int(args[2]), column=column_of(ws, args[3]))
        cell.value = args[4]
        cell.data_type = "s"  # text, even when it starts with "=" (as Excel's '= does)
    elif op == "where":
        print(ws.cell(row=int(args[2]), column=column_of(ws, args[3])).coordinate)
    elif op == "find":
        col = column_of(ws, args[2])
        for row in range(header_row(ws) + 1, ws.max_row + 1):
            if ws.cell(row=row, column=col).value == args[3]:
                print(row)
                return
        raise SystemExit(f"{args[3]} not found")
    else:
        raise SystemExit(f"unknown op {op}")


def main():
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    cmd = []
    for a in sys.argv[2:] + ["--"]:
        if a == "--":
            if cmd:
                run(wb, cmd)
            cmd = []
        else:
            cmd.append(a)
    wb.save(path)


if __name__ == "__main__":
    main()
