#!/usr/bin/python3
"""Prints "department\\tname\\timpl_code" for every item of a published 实施清单.xlsx."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for name in wb.sheetnames:
    rows = list(wb[name].iter_rows(values_only=True))
    header = next((i for i, r in enumerate(rows[:5]) if r and "事项名称" in r and "实施编码" in r), None)
    if header is None or name in ("汇总", "申请材料", "办理流程", "收费项目"):
        continue
    n, c = rows[header].index("事项名称"), rows[header].index("实施编码")
    for r in rows[header + 1:]:
        if r[n]:
            print(f"{name}\t{r[n]}\t{r[c]}")
