#!/usr/bin/python3
"""Reads facts from an input folder's department workbooks (openpyxl), for the end-to-end tests.

  input_facts.py DIR codes     "file\\tname\\tbasic\\timpl\\tagency_code" for every 实施清单 row
  input_facts.py DIR shared    the number of 申请材料 rows whose 来源渠道 is 政府部门核发
  input_facts.py DIR undated   the workbooks (file names) that give no 报送日期
  input_facts.py DIR items     the number of 实施清单 rows
"""
import glob
import os
import sys

import openpyxl


def text(v):
    return "" if v is None else str(v).strip()


def table(ws):
    """The header (list of labels) and the data rows of a sheet whose header holds 事项名称."""
    rows = list(ws.iter_rows(values_only=True))
    for i, r in enumerate(rows[:20]):
        labels = [text(c).replace("（必填）", "").rstrip("*").strip() for c in r]
        if "事项名称" in labels:
            return labels, [r for r in rows[i + 1:] if any(text(c) for c in r)]
    return [], []


def main():
    folder, what = sys.argv[1], sys.argv[2]
    n = 0
    for path in sorted(glob.glob(os.path.join(folder, "departments", "*.xlsx"))):
        wb = openpyxl.load_workbook(path)
        name = os.path.basename(path)
        if what == "undated":
            date = None
            if "填报信息" in wb.sheetnames:
                for r in wb["填报信息"].iter_rows(values_only=True):
                    if r and text(r[0]) == "报送日期" and len(r) > 1:
                        date = r[1]
            if not text(date):
                print(name)
            continue
        if what == "shared":
            labels, rows = table(wb["申请材料"])
            n += sum(1 for r in rows if text(r[labels.index("来源渠道")]) == "政府部门核发")
            continue
        labels, rows = table(wb["实施清单"])
        if what == "items":
            n += len(rows)
            continue
        col = {k: labels.index(k) for k in ("事项名称", "基本编码", "实施编码", "实施主体编码")}
        for r in rows:
            print("\t".join([name] + [text(r[col[k]]) for k in ("事项名称", "基本编码", "实施编码", "实施主体编码")]))
    if what in ("shared", "items"):
        print(n)


if __name__ == "__main__":
    main()
