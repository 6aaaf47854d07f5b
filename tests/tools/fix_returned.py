#!/usr/bin/python3
"""Corrects a returned form (output/returns/<部门>.xlsx) the way a clerk would
for the end-to-end tests: reads the comments the office put on the cells
("【错误】RULE\\n message") and the lines of the 审核意见 sheet, changes the
flagged cells in place, deletes the rows that should not be there and adds
the items and rows that are missing. Comments and colours are left as they
are. Prints one line per correction ("FIXED 实施清单!U34 LIMIT-INSTANT")
and, for every item it added, "ADDED <name>".

  fix_returned.py FILE [AREA_CODE]
"""
import re
import sys

import openpyxl

FILE = sys.argv[1]
AREA = sys.argv[2] if len(sys.argv) > 2 else "0313"
MARK = re.compile(r"【(错误|警告|建议|通报|退回)】(\S+)")
STEPS = ["受理", "审查", "决定", "办结"]


def label(ws, col):
    v = ws.cell(row=1, column=col).value
    return str(v).strip().rstrip("*").strip() if v is not None else ""


def column(ws, name):
    for c in range(1, ws.max_column + 1):
        if label(ws, c) == name:
            return c
    raise SystemExit(f"no column {name} in {ws.title}")


def rows_of(ws):
    """The data rows that hold something (blank formatted rows excluded)."""
    return [r for r in range(2, ws.max_row + 1)
            if any(ws.cell(row=r, column=c).value not in (None, "") for c in range(1, ws.max_column + 1))]


def get(ws, row, name):
    v = ws.cell(row=row, column=column(ws, name)).value
    return "" if v is None else str(v)


def put(ws, row, name, value):
    cell = ws.cell(row=row, column=column(ws, name))
    cell.value = value
    cell.data_type = "s"


def quoted(text):
    return re.findall(r"“([^”]*)”", text)


wb = openpyxl.load_workbook(FILE)
items = wb["实施清单"]
deleted = {}   # sheet → rows to delete
added = []


def delete_row(ws, row):
    deleted.setdefault(ws.title, set()).add(row)


def blocks(ws, name):
    """The rows of `name` in a sub-table sheet, in blocks: a block ends where
    the name's rows break off or their 序号 starts again (one block per item
    row of a name given twice)."""
    out, last, last_seq = [], None, None
    for r in rows_of(ws):
        if ws.cell(row=r, column=1).value != name:
            continue
        seq = get(ws, r, "序号") if "序号" in [label(ws, c) for c in range(1, ws.max_column + 1)] else ""
        restarts = seq.isdigit() and last_seq is not None and last_seq.isdigit() and int(seq) <= int(last_seq)
        if last is None or r != last + 1 or restarts:
            out.append([])
        out[-1].append(r)
        last, last_seq = r, seq
    return out


def delete_item(row):
    """Deletes an item row and its rows in the sub-table sheets: all of them,
    or, for one of several rows of a name, its own block of them."""
    name = items.cell(row=row, column=1).value
    same = [r for r in rows_of(items) if items.cell(row=r, column=1).value == name]
    delete_row(items, row)
    for sheet in ("申请材料", "办理流程", "收费项目", "常见问题"):
        ws = wb[sheet]
        found = blocks(ws, name)
        if len(same) == 1:
            doomed = [r for b in found for r in b]
        elif len(found) == len(same):
            doomed = found[same.index(row)]
        else:
            doomed = []
        for r in doomed:
            delete_row(ws, r)


def append(ws, values):
    r = max(rows_of(ws) + [1]) + 1
    for c, v in enumerate(values, start=1):
        ws.cell(row=r, column=c).value = v
        ws.cell(row=r, column=c).data_type = "s" if isinstance(v, str) else ws.cell(row=r, column=c).data_type


def clone_item(name, type_label=None, public=False):
    """Adds an item `name` as a copy of one of the department's items (of the
    same type when there is one), codes cleared, with copies of its rows."""
    rows = rows_of(items)
    want = "公共服务" if public else type_label
    model = next((r for r in rows if want and get(items, r, "事项类型") == want), rows[0])
    values = [items.cell(row=model, column=c).value for c in range(1, items.max_column + 1)]
    old = values[0]
    values[0] = name
    for code in ("基本编码", "实施编码"):
        values[column(items, code) - 1] = None
    if type_label:
        values[column(items, "事项类型") - 1] = type_label
    append(items, values)
    for sheet in ("申请材料", "办理流程", "收费项目", "常见问题"):
        ws = wb[sheet]
        for r in rows_of(ws):
            if ws.cell(row=r, column=1).value == old:
                row = [ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)]
                row[0] = name
                append(ws, row)
    added.append(name)


def fix_cell(ws, cell, rule, comment):
    row, col = cell.row, cell.column
    what = label(ws, col)
    value = "" if cell.value is None else str(cell.value)
    if rule in ("PHONE", "NUMBER-AS-CODE") and "电话" in what:
        digits = re.sub(r"\D", "", value)
        if len(digits) in (7, 8):
            cell.value = f"{AREA}-{digits}"
        elif digits.startswith(AREA.lstrip("0")) and len(digits) == len(AREA) - 1 + 7:
            cell.value = f"{AREA}-{digits[len(AREA) - 1:]}"
        else:
            cell.value = f"{AREA}-6521000"
        cell.data_type = "s"
    elif rule == "LIMIT-INSTANT":
        put(ws, row, "承诺办结时限", "即办" if get(ws, row, "办件类型") == "即办件" else "5个工作日")
    elif rule == "LIMIT-ORDER":
        put(ws, row, "承诺办结时限", get(ws, row, "法定办结时限"))
    elif rule == "ONLINE-VISITS":
        put(ws, row, "到办事现场次数", "0")
    elif rule == "ONLINE-URL":
        put(ws, row, "网上办理地址", "http://zwfw.zhuolu.gov.cn/online/" + str(row))
    elif rule == "VISIT-REASON":
        put(ws, row, "必须现场办理原因说明", "需现场核验设备和原件")
    elif rule == "FEE-BASIS":
        if get(ws, row, "收费标准") in ("", "不收费"):
            put(ws, row, "收费标准", "按国家规定标准收取")
        put(ws, row, "收费依据", "《行政事业性收费标准管理办法》第十条")
    elif rule in ("BASIS-FORM", "BASIS-MISSING"):
        put(ws, row, "设定依据", "《中华人民共和国行政许可法》第十二条")
    elif rule == "REQ-MISSING":
        cell.value = "申请人具备相应条件，材料齐全，符合法定形式"
    elif rule == "ENUM-VALUE":
        options = comment.split("请改为以下之一：", 1)[1].split("。")[0].split("、")
        cell.value = "承诺件" if what == "办件类型" else options[0]
    elif rule == "POWER-MISMATCH":
        if what == "事项类型":
            cell.value = quoted(comment.split("请改为", 1)[1])[0]
        else:
            delete_item(row)  # not in the power list: submitted by mistake
    elif rule == "CREDIT-CODE":
        codes = [get(ws, r, "实施主体编码") for r in rows_of(ws) if r != row]
        cell.value = max(set(codes), key=codes.count)
    elif rule == "DUPLICATE":
        delete_item(row)
    elif rule == "ORPHAN-ROW":
        delete_row(ws, row)
    elif rule == "MATERIALS-NONE":
        append(wb["申请材料"], [value, "1", "申请书", "原件", "1", None, "纸质", "申请人自备", None, "必需"])
    elif rule == "PROCESS-STEPS":
        steps = wb["办理流程"]
        have = {get(steps, r, "环节名称") for r in rows_of(steps) if steps.cell(row=r, column=1).value == value}
        for n, step in enumerate(STEPS, start=1):
            if step not in have:
                append(steps, [value, str(n), step, "窗口工作人员", "1个工作日", "材料齐全", "办理完成"])
    elif rule == "TEXT-CHARS":
        cell.value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)
    elif rule == "CODE-FORMAT":
        cell.value = None
    else:
        return False
    return True


# The flagged cells: every error and warning in a comment.
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            if cell.comment is None:
                continue
            for kind, rule in MARK.findall(cell.comment.text):
                if kind not in ("错误", "警告"):
                    continue
                paragraph = cell.comment.text.split(f"】{rule}\n", 1)[1].split("\n\n")[0]
                if fix_cell(ws, cell, rule, paragraph):
                    print(f"FIXED {ws.title}!{cell.coordinate} {rule}")

# The lines of 审核意见 without a cell: items to add.
notes = wb["审核意见"]
head = next(r for r in range(1, 20) if notes.cell(row=r, column=1).value == "序号")
for r in range(head + 1, notes.max_row + 1):
    rule, where, message = (notes.cell(row=r, column=c).value for c in (3, 5, 6))
    if where != "无" or not message:
        continue
    if rule == "POWER-OMITTED" and "没有报送" in message:
        names = quoted(message)
        name = re.sub(r"（.*）$", "", names[0])
        type_label = re.search(r"”（([^）]*)）本部门没有报送", message).group(1)
        clone_item(name, type_label)
        print(f"FIXED 审核意见!C{r} POWER-OMITTED")
    elif rule == "PUBLIC-FEWER" and "未报送：" in message:
        for name in message.split("未报送：", 1)[1].split("。")[0].split("、"):
            clone_item(name, public=True)
        print(f"FIXED 审核意见!C{r} PUBLIC-FEWER")

for title, rows in deleted.items():
    for r in sorted(rows, reverse=True):
        wb[title].delete_rows(r)
for name in added:
    print(f"ADDED {name}")
wb.save(FILE)
