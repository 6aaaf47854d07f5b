#!/usr/bin/python3
"""Counts the leaders' report's headline figures from the published
实施清单.xlsx alone (openpyxl), independently of qingdan's model, and prints
them as "key<TAB>value" lines for the end-to-end test to find in the PDF.

Definitions follow pipeline/writers/leaders/figures.h, read off the printed
list: one row per published item in every department sheet.
"""
import re
import sys

import openpyxl

KINDS = ["行政许可", "行政征收", "行政给付", "行政确认", "其他行政权力", "公共服务"]


def working_days(text, licence):
    """A 办结时限 in working days (即办 = 0), or None."""
    t = (text or "").strip()
    if t == "即办":
        return 0
    m = re.fullmatch(r"(\d+)个工作日", t)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"(\d+)[日天]", t)
    if m and licence:
        return int(m.group(1))
    return None


def pct(n, total):
    return "%.1f%%" % (100.0 * n / total if total else 0.0)


def main(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = []
    for ws in wb.worksheets:
        if ws.title == "汇总":
            continue
        header = None
        for row in ws.iter_rows(values_only=True):
            if header is None:
                if row and row[0] == "序号":
                    header = list(row)
                continue
            rec = dict(zip(header, row))
            if rec.get("事项名称"):
                rows.append(rec)
    n = len(rows)
    kinds = {k: 0 for k in KINDS}
    power = basis = instant = zero = once = full = online = 0
    materials = shared = shared_items = timed = legal = promised = 0
    for r in rows:
        kind = r["事项类型"]
        kinds[kind if kind in kinds else "其他行政权力"] += 1
        power += kind != "公共服务"
        b = r["设定依据"] or ""
        basis += bool(re.search(r"《[^》]+》", b) and re.search(r"第[0-9一二三四五六七八九十百千零〇两]+条", b))
        lic = kind == "行政许可"
        lg, pr = working_days(r["法定办结时限"], lic), working_days(r["承诺办结时限"], lic)
        if lg is not None and pr is not None:
            timed += 1
            legal += lg
            promised += pr
        instant += r["办件类型"] == "即办件"
        visits = str(r["到办事现场次数"])
        zero += visits == "0"
        once += visits in ("0", "1")
        depth = r["网上办理深度"]
        full += depth == "全程网办"
        online += depth in ("全程网办", "在线申办")
        any_shared = False
        for line in (r["申请材料"] or "").split("\n"):
            if not line.strip():
                continue
            materials += 1
            m = re.search(r"（([^（）]*)）$", line.strip())
            if m and "政府部门核发" in m.group(1).split("，"):
                shared += 1
                any_shared = True
        shared_items += any_shared
    out = {
        "公布事项": "%d项" % n,
        "行政权力事项": "%d项占%s" % (power, pct(power, n)),
        "公共服务事项": "%d项占%s" % (n - power, pct(n - power, n)),
        "设定依据明确": "%d项占%s" % (basis, pct(basis, n)),
        "平均法定办结时限": "%.1f个工作日" % (legal / timed if timed else 0),
        "平均承诺办结时限": "%.1f个工作日" % (promised / timed if timed else 0),
        "即办件": "%d项占%s" % (instant, pct(instant, n)),
        "零跑腿": "%d项占%s" % (zero, pct(zero, n)),
        "最多跑一次": "%d项占%s" % (once, pct(once, n)),
        "全程网办": "%d项占%s" % (full, pct(full, n)),
        "在线申办及以上": "%d项占%s" % (online, pct(online, n)),
        "申请材料": "%d份" % materials,
        "可共享获取的材料": "%d份占%s，涉及%d项" % (shared, pct(shared, materials), shared_items),
    }
    for k in KINDS[:-1]:
        out["kind:" + k] = "%s%d项" % (k, kinds[k])
    for k, v in out.items():
        print("%s\t%s" % (k, v))


if __name__ == "__main__":
    main(sys.argv[1])
