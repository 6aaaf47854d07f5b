#!/usr/bin/env python3
"""Reads PDFs back (pdftotext -bbox-layout) and reports the size the text
is printed at (issue 17, points 1 and 8): a word of Han characters only is
as wide as its characters times the font size (CJK fonts set Han
characters one em wide; LibreOffice does not squeeze them in a cell), so
its width divided by its character count is the printed size in points.
Words of other characters are not measured (their widths depend on the
font).

  pdf_text_sizes.py [--words N] FILE.pdf...

Prints, as JSON, per file: pages, the smallest size, the median size, and
the N smallest words with their page and size; exits 2 if a file cannot be
read.
"""
import argparse
import json
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET


def han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def sizes(path):
    out = subprocess.run(["pdftotext", "-bbox-layout", path, "-"], capture_output=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode("utf-8", "replace"))
    # The output is XHTML; drop the DOCTYPE and name spaces for ElementTree.
    text = out.stdout.decode("utf-8", "replace")
    text = text[text.find("<html"):]
    text = text.replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(text)
    pages = root.findall(".//page")
    words = []
    for n, page in enumerate(pages, 1):
        for w in page.iter("word"):
            t = (w.text or "").strip()
            if len(t) < 2 or not all(han(c) for c in t):
                continue
            width = float(w.get("xMax")) - float(w.get("xMin"))
            words.append((round(width / len(t), 2), n, t))
    return len(pages), words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=5)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    report = {}
    for f in args.files:
        try:
            pages, words = sizes(f)
        except Exception as e:  # noqa: BLE001 - any failure to read is reported
            print(f"{f}: {e}", file=sys.stderr)
            sys.exit(2)
        words.sort()
        report[f] = {
            "pages": pages,
            "min": words[0][0] if words else None,
            "median": statistics.median(w[0] for w in words) if words else None,
            "smallest": [{"size": s, "page": p, "word": t} for s, p, t in words[: args.words]],
        }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
