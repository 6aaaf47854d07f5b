#!/usr/bin/python3
"""Prints the bookmark tree of a PDF, as qpdf reads it, depth first:
one "depth<TAB>page<TAB>title" line per bookmark (page 1-based)."""
import json
import subprocess
import sys


def walk(items, depth):
    for o in items:
        print("%d\t%d\t%s" % (depth, o["destpageposfrom1"], o["title"]))
        walk(o["kids"], depth + 1)


def main(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", path],
                         check=True, capture_output=True).stdout
    walk(json.loads(out)["outlines"], 0)


if __name__ == "__main__":
    main(sys.argv[1])
