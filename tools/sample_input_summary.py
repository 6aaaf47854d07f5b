#!/usr/bin/python3
"""Sanity summary of a sample input folder: per-department item counts, kinds and domains.

Usage: /usr/bin/python3 tools/sample_input_summary.py [INPUT_DIR]   (default: input/)
Reads every department workbook/CSV folder with openpyxl/csv (the way a clerk's tools would),
checks the credit codes in county.toml, and prints totals per 事项类型 and 公共服务类别.
"""
import csv
import glob
import os
import re
import sys
import zipfile

import openpyxl

CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
KIND = {"01": "行政许可", "XK": "行政许可", "04": "行政征收", "ZS": "行政征收", "05": "行政给付", "JF": "行政给付",
        "07": "行政确认", "QR": "行政确认", "10": "其他行政权力", "QT": "其他行政权力", "20": "公共服务", "GG": "公共服务"}


def cc_ok(c):
    return len(c) == 18 and CC[(31 - sum(CC.index(x) * w for x, w in zip(c[:17], W)) % 31) % 31] == c[17]


def norm(h):
    h = str(h or "").strip()
    for s in ("*", "（必填）"):
        if h.endswith(s):
            h = h[: -len(s)]
    return h.strip()


def rows_of(table):
    hdr = None
    out = []
    for row in table:
        if hdr is None:
            if any(norm(v) == "事项名称" for v in row):
                hdr = [norm(v) for v in row]
            continue
        if all(v in (None, "") for v in row):
            continue
        out.append(dict(zip(hdr, row)))
    return out


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "input")
    toml = open(os.path.join(base, "county.toml"), encoding="utf-8").read()
    codes = re.findall(r'credit_code = "(\w+)"', toml)
    names = re.findall(r'^\[\[department\]\]\nname = "([^"]+)"', toml, re.M)
    bad = [c for c in codes if not cc_ok(c)]
    print("registered departments: %d, credit codes valid: %s" % (len(names), "yes" if not bad else bad))
    totals, domains, grand = {}, {}, 0
    seen = set()
    for path in sorted(glob.glob(os.path.join(base, "departments", "*"))):
        dept = os.path.basename(path)
        if os.path.isdir(path):
            with open(os.path.join(path, "实施清单.csv"), encoding="gb18030", newline="") as f:
                items = rows_of(list(csv.reader(f)))
            fmt = "csv"
        else:
            dept = dept[:-5]
            if not zipfile.is_zipfile(path):
                print("%-28s UNREADABLE (not a zip)" % dept)
                seen.add(dept)
                continue
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            items = rows_of(wb["实施清单"].iter_rows(values_only=True))
            app = zipfile.ZipFile(path).read("docProps/app.xml").decode("utf-8", "replace")
            fmt = "LibreOffice" if "LibreOffice" in app else "openpyxl"
            wb.close()
        seen.add(dept)
        kinds = {}
        for it in items:
            t = str(it.get("事项类型") or "").strip()
            k = KIND.get(t, t)
            kinds[k] = kinds.get(k, 0) + 1
            totals[k] = totals.get(k, 0) + 1
            if k == "公共服务":
                dm = it.get("公共服务类别") or "?"
                domains[dm] = domains.get(dm, 0) + 1
        grand += len(items)
        flag = "" if dept in names else "  (UNREGISTERED)"
        print("%-28s %-11s %3d  %s%s" % (dept, fmt, len(items), " ".join("%s%d" % (k, n) for k, n in sorted(kinds.items())), flag))
    for n in names:
        if n not in seen:
            print("%-28s NOT SUBMITTED" % n)
    print("\ntotal items: %d" % grand)
    for k, n in sorted(totals.items()):
        print("  %-8s %d" % (k, n))
    print("public-service domains (%d of 9):" % len(domains))
    for k, n in sorted(domains.items()):
        print("  %-10s %d" % (k, n))
    for f in ("reference/权力清单.xlsx", "reference/公共服务事项清单.xlsx", "review/审改办审核意见.xlsx",
              "review/法制办审核意见.xlsx", "review/行政审批局审核意见.xlsx"):
        wb = openpyxl.load_workbook(os.path.join(base, f), read_only=True)
        ws = wb.worksheets[0]
        print("%-34s sheet %-10s rows %d" % (f, ws.title, ws.max_row))
        wb.close()


if __name__ == "__main__":
    main()
