#!/usr/bin/env python3
"""Reads PDFs back with poppler (pdftohtml -xml) and prints every run of
text with its page, place and font size (issue 17: posters readable at
1-2 m, notes set smaller than the names they follow):

  pdf_text_runs.py FILE.pdf...

One line per run, tab-separated:
  FILE  PAGE  TOP  LEFT  SIZE  COLOR  TEXT
PAGE from 1; TOP and LEFT in pt from the page's top left corner; SIZE in pt
(to about 0.2 pt: poppler rounds sizes at 3 pixels a point); COLOR as
#rrggbb. Exits 2 if a file cannot be read.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ZOOM = 3  # pixels per point of pdftohtml's output


def runs(pdf):
    """[(page, top, left, size, color, text)] of one PDF."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", "-zoom", str(ZOOM), pdf],
                         capture_output=True, check=True).stdout.decode("utf-8")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    fonts = {}  # pdftohtml declares a font once, on the first page that uses it
    out = []
    for n, page in enumerate(root.iter("page"), 1):
        for f in page.iter("fontspec"):
            fonts[f.get("id")] = (float(f.get("size")) / ZOOM, f.get("color"))
        for t in page.iter("text"):
            size, color = fonts[t.get("font")]
            text = "".join(t.itertext())
            if not text.strip():
                continue
            out.append((n, float(t.get("top")) / ZOOM, float(t.get("left")) / ZOOM, size, color, text))
    return out


def main():
    for pdf in sys.argv[1:]:
        try:
            rows = runs(pdf)
        except (subprocess.CalledProcessError, ET.ParseError, KeyError) as e:
            print("%s: cannot read: %s" % (pdf, e), file=sys.stderr)
            return 2
        for page, top, left, size, color, text in rows:
            print("%s\t%d\t%.1f\t%.1f\t%.2f\t%s\t%s" % (pdf, page, top, left, size, color, text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
