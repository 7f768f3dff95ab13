#!/usr/bin/env python3
"""make-corpus.py OUT_DIR

Writes the hostile corpus of issue 28 into OUT_DIR: files that look like a
report's DOCX, XLSX, PDF or text but are built to exhaust a reader (zip,
Flate and object-stream bombs, far cells, huge dimensions, deep and cyclic
structure trees, page-tree cycles, entity expansion, external entities,
10^6 nested elements, 10^5 rows, character references). Nothing of it is
committed: the test (crates/enforcement-report/tests/hostile_corpus.rs)
runs this script into a scratch folder, then `import` and `diff` on every
file under a memory cap and a time limit. Standard library only.
"""
import os
import sys
import zipfile
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
MIB = 1 << 20


def package(name, parts, deflate=True):
    """A zip package: parts is a list of (name, bytes)."""
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
        for n, data in parts:
            z.writestr(n, data)


CT_DOCX = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
RELS_DOCX = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(name, body, prolog=b""):
    xml = b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + ("<w:document %s><w:body>" % W).encode() + body + b"</w:body></w:document>"
    package(name, [("[Content_Types].xml", CT_DOCX), ("_rels/.rels", RELS_DOCX), ("word/document.xml", xml)])


def para(text):
    return ("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % text).encode()


# DOCX
docx("docx-zip-bomb.docx", b"<w:p><w:r><w:t>" + b" " * (100 * MIB) + b"</w:t></w:r></w:p>")
rows = b"".join(b"<w:tr><w:tc>" + para(str(i)) + b"</w:tc></w:tr>" for i in range(100_000))
docx("docx-100k-rows.docx", para("表一") + b"<w:tbl>" + rows + b"</w:tbl>")
docx("docx-orphan-vmerge.docx", b"<w:tbl>" + b"".join(b'<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>' + para("x") + b"</w:tc></w:tr>" for _ in range(100_000)) + b"</w:tbl>")
docx("docx-nested-1m.docx", b"<w:p>" + b"<w:r>" * 1_000_000 + b"</w:r>" * 1_000_000 + b"</w:p>")
laughs = b'<!DOCTYPE d [<!ENTITY a "hahahahahaha">' + b"".join(
    b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"".join(b"&%s;" % bytes([97 + i]) for _ in range(10))) for i in range(9)
) + b"]>"
docx("docx-entity-expansion.docx", b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p>", prolog=laughs)
docx("docx-external-entity.docx", b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", prolog=b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
docx("docx-char-refs.docx", para("表二") + b"<w:tbl><w:tr><w:tc>" + para("&#32602;&#27454;") + b"</w:tc></w:tr><w:tr><w:tc>" + para("&#52;2&#x36;") + b"</w:tc></w:tr></w:tbl>")
docx("docx-10k-different-paragraphs.docx", b"".join(para("段落%d" % i) for i in range(10_000)))

# XLSX
CT_XLSX = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
RELS_XLSX = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
WB = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode()
WB_RELS = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'


def xlsx(name, sheet_data, dimension="A1"):
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="%s"/><sheetData>' % dimension).encode() + sheet_data + b"</sheetData></worksheet>"
    package(name, [("[Content_Types].xml", CT_XLSX), ("_rels/.rels", RELS_XLSX), ("xl/workbook.xml", WB), ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/worksheets/sheet1.xml", sheet)])


xlsx("xlsx-far-cell.xlsx", b'<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>', "A1:XFD1048576")
xlsx("xlsx-huge-dimension.xlsx", b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe8\xa1\xa8\xe4\xb8\x80</t></is></c></row>', "A1:XFD1048576")
xlsx("xlsx-100k-rows.xlsx", b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>1</v></c></row>' % (i, i, i, i) for i in range(1, 100_001)))
xlsx("xlsx-zip-bomb.xlsx", b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b" " * (100 * MIB) + b"</t></is></c></row>")
xlsx("xlsx-2m-cells.xlsx", b"".join(b'<row r="%d">' % r + b"".join(b'<c r="%s%d"><v>1</v></c>' % (c.encode(), r) for c in "ABCDEFGHIJKLMNOPQRST") + b"</row>" for r in range(1, 100_001)))


# PDF, written by hand: objects 1..n, an xref table, a trailer.
def pdf(name, objects, root=1):
    chunks = [b"%PDF-1.7\n"]
    size = len(chunks[0])
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(size)
        chunk = b"%d 0 obj\n" % i + body + b"\nendobj\n"
        chunks.append(chunk)
        size += len(chunk)
    chunks.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    chunks.extend(b"%010d 00000 n \n" % o for o in offsets)
    chunks.append(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, size))
    with open(os.path.join(out, name), "wb") as f:
        f.write(b"".join(chunks))


def stream(content, extra=b""):
    packed = zlib.compress(content, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
TEXT = b"BT /F1 12 Tf 72 700 Td (Report 2024) Tj ET"
# 1 catalog, 2 pages, 3 page, 4 font, 5 content
pdf("pdf-flate-bomb.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE, FONT, stream(b" " * (100 * MIB))])
objstm = b"6 0 " + b" " * (100 * MIB) + b"<< >>"
pdf("pdf-objstm-bomb.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE, FONT, stream(TEXT), stream(objstm, b"/Type /ObjStm /N 1 /First 4")])
pdf("pdf-pages-cycle.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", PAGE, FONT, stream(TEXT)])
pdf("pdf-parent-cycle.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>", b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>", FONT, stream(TEXT)])


def tagged(name, elements):
    """A one-page tagged PDF whose structure tree root's K is object 6; `elements` are objects 6…"""
    content = b"/P << /MCID 0 >> BDC BT /F1 12 Tf 72 700 Td (Report 2024) Tj ET EMC"
    pdf(name, [b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 7 0 R /MarkInfo << /Marked true >> >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE, FONT, stream(content)] + [b"<< /Type /StructTreeRoot /K 8 0 R >>"] + elements, root=1)


# Objects from 8 on: the Document element, then its kids.
tagged("pdf-struct-self.pdf", [b"<< /Type /StructElem /S /Document /K [8 0 R 9 0 R] >>", b"<< /Type /StructElem /S /P /Pg 3 0 R /K [0 9 0 R] >>", b"<< >>"][:2])
chain = [b"<< /Type /StructElem /S /Document /K 9 0 R >>"] + [b"<< /Type /StructElem /S /Part /K %d 0 R >>" % (10 + i) for i in range(100_000)] + [b"<< /Type /StructElem /S /P /Pg 3 0 R /K 0 >>"]
tagged("pdf-struct-deep-chain.pdf", chain)
deep_p = [b"<< /Type /StructElem /S /Document /K 9 0 R >>"] + [b"<< /Type /StructElem /S /P /Pg 3 0 R /K %d 0 R >>" % (10 + i) for i in range(100_000)] + [b"<< /Type /StructElem /S /Span /Pg 3 0 R /K 0 >>"]
tagged("pdf-struct-deep-p.pdf", deep_p)
tagged("pdf-tr-table-cycle.pdf", [b"<< /Type /StructElem /S /Document /K 9 0 R >>", b"<< /Type /StructElem /S /Table /K 10 0 R >>", b"<< /Type /StructElem /S /TR /K [11 0 R 9 0 R] >>", b"<< /Type /StructElem /S /TD /Pg 3 0 R /K 0 >>"])
tagged("pdf-part-cycle.pdf", [b"<< /Type /StructElem /S /Document /K 9 0 R >>", b"<< /Type /StructElem /S /Part /K [10 0 R 9 0 R] >>", b"<< /Type /StructElem /S /P /Pg 3 0 R /K 0 >>"])

# Text
with open(os.path.join(out, "text-65mib.txt"), "wb") as f:
    f.write(("第一部分 行政执法总体情况\n" * 10).encode() + b"x" * (65 * MIB))
with open(os.path.join(out, "text-bad-gbk-at-520.txt"), "wb") as f:
    f.write("第一部分 行政执法总体情况\n".encode("gbk") * 20 + b"\xff\xff\xff" + "表一\n".encode("gbk"))
with open(os.path.join(out, "text-one-long-line.txt"), "wb") as f:
    f.write(("表一" + "１２３" * (3 * MIB)).encode())

# Web pages
def html(name, body, charset="utf-8"):
    with open(os.path.join(out, name), "wb") as f:
        f.write(b'<!DOCTYPE html><html><head><meta charset="' + charset.encode() + b'"></head><body>' + body + b"</body></html>")

html("html-nested-1m-divs.html", b"<div>" * 1_000_000 + "表一".encode())
html("html-nested-60k-tables.html", b"<table><tr><td>" * 60_000 + "表一".encode())
html("html-wide-colspan.html", "<p>表一</p><table><tr>".encode() + b'<td colspan="1000">1</td>' * 20_000 + b"</tr></table>")
html("html-deep-rowspan.html", "<p>表一</p><table>".encode() + b'<tr><td rowspan="1000">1</td><td>2</td></tr>' * 50_000 + b"</table>")
html("html-bad-gbk.html", "<p>第一部分 行政执法总体情况</p>".encode("gbk") + b"\xff\xff\xff", charset="gbk")
html("html-unclosed-script.html", b"<script>" + b"<p>x</p>" * 100_000)

print(len(os.listdir(out)), "files in", out)
