#!/usr/bin/python3
"""Writes the hostile department files of the benchmark (issue 15), the
shapes that once took a county build to 6 GB and exit 2:

  make_hostile.py DIR

  DIR/五万行.xlsx      50,000 rows of three filled columns (about 0.8 MB)
  DIR/数字甲.xlsx …    three workbooks of 14.5 million number cells (about 30 MB each)

Written with zipfile, streamed, so that making them needs little memory.
"""
import os
import random
import sys
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="实施清单" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>')


def workbook(path, rows):
    """Writes a one-sheet workbook whose rows come from the iterator `rows`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            chunk = []
            for row in rows:
                chunk.append(row)
                if len(chunk) == 2000:
                    f.write("".join(chunk).encode())
                    chunk = []
            f.write("".join(chunk).encode())
            f.write(b"</sheetData></worksheet>")


def text_rows(n):
    """A header row and n rows of three text cells."""
    def cell(t):
        return '<c t="inlineStr"><is><t>%s</t></is></c>' % t
    yield "<row>" + cell("事项名称") + cell("事项类型") + cell("设定依据") + "</row>"
    for i in range(n):
        yield "<row>" + cell("事项%d" % i) + cell("行政许可") + cell("《某法》第%d条" % i) + "</row>"


def number_rows(rows, cols, seed):
    """rows × cols number cells, varied as real numbers are."""
    rnd = random.Random(seed)
    for _ in range(rows):
        yield "<row>" + "".join("<c><v>%d</v></c>" % rnd.randrange(1000) for _ in range(cols)) + "</row>"


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    workbook(os.path.join(out, "五万行.xlsx"), text_rows(50000))
    first = os.path.join(out, "数字甲.xlsx")
    workbook(first, number_rows(500000, 29, 1))  # 14.5 million cells
    for name in ("数字乙.xlsx", "数字丙.xlsx"):
        with open(first, "rb") as src, open(os.path.join(out, name), "wb") as dst:
            dst.write(src.read())


if __name__ == "__main__":
    main()
