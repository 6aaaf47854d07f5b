#!/usr/bin/env python3
"""Reads PDFs back (pdftotext -bbox-layout) and reports every page that ends
with a heading or a table's header row (issue 17, point 2):

  - the last line of a page (above the folio and the footer) is a heading
    ("一、…", "（一）…", "问：…" at the left edge or the two-character indent)
    or part of a header row;
  - a heading has fewer than two lines under it on its page while what
    follows goes on overleaf (the next page does not start with a heading
    or a title);
  - a header row has no row under it on its page.

Header rows are told by their labels: a line with two labels of one header
(--header "序号,环节,办理人员,时限,审查标准,结果", repeatable; the booklet's
and the leaders' report's by default) and the pieces of labels wrapped in
their cells next to it.

  page_ends.py [--header LABELS]... FILE.pdf...

Prints one line per breach ("FILE:PAGE: what") and a summary; exits 1 if
there is a breach, 2 if a file cannot be read.
"""
import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

DEFAULT_HEADERS = [
    "序号,材料名称,原件/复印件,份数,形式,来源,是否必需",
    "序号,环节,办理人员,时限,审查标准,结果",
    "指标,数值,说明",
    "序号,部门,读取,公布,退回,待审核,取消",
    "序号,部门,报送情况,报送日期,是否按时",
    "部门,事项名称,变更类型,变更内容",
    "序号,部门,新增,调整,取消,合计",
    "序号,大厅或部门,窗口海报,一次性告知单,办事指南",
]

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|问：)")
FOLIO = re.compile(r"^—\s*\d+\s*—$")
NS = "{http://www.w3.org/1999/xhtml}"


def rows_of(pdf):
    """Per page, the text rows from the top: [(centre_y, x_min, height, [words])]."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-"],
                         capture_output=True, check=True).stdout
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(NS + "page"):
        words = []
        for w in page.iter(NS + "word"):
            y0, y1 = float(w.get("yMin")), float(w.get("yMax"))
            words.append(((y0 + y1) / 2, float(w.get("xMin")), y1 - y0, w.text or ""))
        words.sort()
        rows = []
        for cy, x, h, t in words:
            if rows and cy - rows[-1][0] < 3:
                r = rows[-1]
                r[3].append((x, t))
                r[1] = min(r[1], x)
                r[2] = max(r[2], h)
            else:
                rows.append([cy, x, h, [(x, t)]])
        pages.append([(cy, x, h, [t for _, t in sorted(ws)]) for cy, x, h, ws in rows])
    return pages


def furniture(words):
    """The folio and the footer line (实施编码, 清单版本) are not page content."""
    text = "".join(words)
    return bool(FOLIO.match(" ".join(words))) or "清单版本：" in text


def classify(pages, headers):
    """Per page, a string of row kinds from the top: H heading, I title, T header row, C content."""
    lefts = [x for page in pages for _, x, _, ws in page if not furniture(ws)]
    x0 = min(lefts) if lefts else 0
    labels = [set(h) for h in headers]
    kinds = []
    for page in pages:
        rows = [r for r in page if not furniture(r[3])]
        k = []
        for _, x, h, ws in rows:
            text = "".join(ws)
            if HEADING.match(text) and x <= x0 + 36:
                k.append("H")
            elif any(sum(w in l for w in ws) >= 2 for l in labels):
                k.append("T")
            elif h >= 22:  # 2号 (22 pt) titles; body text is 16 pt at most
                k.append("I")
            else:
                k.append("C")
        # Pieces of a label wrapped in its cell, next to a header row.
        for i, (_, _, _, ws) in enumerate(rows):
            if k[i] != "C":
                continue
            near = (i > 0 and k[i - 1] == "T") or (i + 1 < len(k) and k[i + 1] == "T")
            if near and all(any(w in lab for l in labels for lab in l) for w in ws):
                k[i] = "T"
        kinds.append("".join(k))
    return kinds


def breaches(kinds):
    """(page number, what) for every page that ends badly."""
    out = []
    for p, seq in enumerate(kinds):
        if not seq:
            continue
        nxt = kinds[p + 1] if p + 1 < len(kinds) else ""
        goes_on = p + 1 < len(kinds) and nxt[:1] not in ("H", "I", "")
        if seq[-1] in "HT":
            out.append((p + 1, "ends with a " + ("heading" if seq[-1] == "H" else "header row")))
            continue
        for i, k in enumerate(seq):
            below = seq[i + 1:]
            if k == "H" and "H" not in below.lstrip("H") and below.count("C") < 2 and goes_on:
                out.append((p + 1, "a heading with %d line(s) under it, the rest overleaf" % below.count("C")))
            if k == "T" and (i + 1 == len(seq) or seq[i + 1] not in "TC"):
                out.append((p + 1, "a header row without a row under it"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--header", action="append", default=None)
    ap.add_argument("pdf", nargs="+")
    a = ap.parse_args()
    headers = [h.split(",") for h in (a.header or DEFAULT_HEADERS)]
    pages = found = 0
    for pdf in a.pdf:
        try:
            kinds = classify(rows_of(pdf), headers)
        except (subprocess.CalledProcessError, ET.ParseError) as e:
            print("%s: cannot read: %s" % (pdf, e), file=sys.stderr)
            return 2
        pages += len(kinds)
        for page, what in breaches(kinds):
            print("%s:%d: %s" % (pdf, page, what))
            found += 1
    print("page_ends: %d files, %d pages, %d breaches" % (len(a.pdf), pages, found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
