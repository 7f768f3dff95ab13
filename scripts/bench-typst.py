#!/usr/bin/env python3
"""Typst's side of `make bench`: the same report typeset by Typst.

    bench-typst.py source FRAGMENT.html OUT.typ   write the report as Typst markup
    bench-typst.py cold OUT.typ FONT_DIR          one cold compile in this process
    bench-typst.py batch OUT.typ FONT_DIR N       N reports with one reused Compiler

`source` turns the web fragment that `render --format html` writes (the
same text, headings, tables with their merged header cells, notes and
signature as the PDF) into Typst markup: A4 with the GB/T 9704 margins,
the part with the tables on landscape pages, the shipped fonts. Every
figure cell adds `sys.inputs.n`, so a batch compiles N different reports.

`cold` and `batch` print one line of JSON: wall milliseconds of the
compile (cold), CPU milliseconds per report (batch), peak memory of the
process and the PDF's size. Typst comes from PyPI (`pip install typst`).
"""

import json
import resource
import sys
import time
from html.parser import HTMLParser


def string(text):
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Converter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = []
        self.text = None  # text of the open block
        self.style = ""
        self.table = None  # rows of cells while in a table
        self.cell = None
        self.caption = None
        self.in_header = False
        self.landscape = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "header":
            self.in_header = True
        elif tag in ("h2", "h3", "h4", "p") and not self.in_header:
            self.text, self.style = "", a.get("style", "")
        elif tag == "table":
            self.table = []
        elif tag == "caption":
            self.caption = ""
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = {"text": "", "rows": int(a.get("rowspan", 1)), "cols": int(a.get("colspan", 1)), "head": tag == "th"}
        elif tag == "br" and self.cell is not None:
            self.cell["text"] += "\n"

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data
        elif self.caption is not None:
            self.caption += data
        elif self.text is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "header":
            self.in_header = False
        elif tag in ("h2", "h3", "h4", "p") and self.text is not None:
            text, style = self.text.strip(), self.style
            self.text = None
            if tag == "h2":
                if text.startswith("第二部分") and not self.landscape:
                    self.out.append("#set page(flipped: true)")
                    self.landscape = True
                self.out.append(f"#align(center, text(font: \"Noto Sans CJK SC\")[#{string(text)}])\n")
            elif tag in ("h3", "h4"):
                font = "Noto Sans CJK SC" if tag == "h3" else "LXGW WenKai"
                self.out.append(f"#text(font: \"{font}\")[#{string(text)}]\n")
            elif "text-align:right" in style:
                self.out.append(f"#align(right)[#{string(text)}]\n")
            elif "font-size:12pt" in style:
                self.out.append(f"#par(first-line-indent: 0em, text(size: 12pt)[#{string(text)}])\n")
            else:
                self.out.append(f"#{string(text)}\n")
        elif tag == "caption" and self.caption is not None:
            self.out.append(f"#align(center, text(size: 18pt, font: \"Noto Serif CJK SC\", weight: \"bold\")[#{string(self.caption.strip())}])\n")
            self.caption = None
        elif tag in ("td", "th") and self.cell is not None:
            self.table[-1].append(self.cell)
            self.cell = None
        elif tag == "table" and self.table is not None:
            self.out.append(self.grid(self.table))
            self.table = None

    @staticmethod
    def grid(rows):
        # The grid's width: fill each row's free slots, as HTML places spans.
        taken = {}
        width = 0
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                for dr in range(cell["rows"]):
                    for dc in range(cell["cols"]):
                        taken[(r + dr, c + dc)] = True
                c += cell["cols"]
                width = max(width, c)
        cells = []
        for row in rows:
            for cell in row:
                text = cell["text"].strip()
                if not cell["head"] and text.isdigit():
                    body = f"#str({int(text)} + n)"
                else:
                    body = "#" + string(text)
                cells.append(f"table.cell(rowspan: {cell['rows']}, colspan: {cell['cols']})[{body}]")
        return f"#table(columns: {width}, align: center + horizon, stroke: 0.5pt, inset: 4pt, " + ", ".join(cells) + ")\n"


def source(fragment, out):
    conv = Converter()
    with open(fragment, encoding="utf-8") as f:
        conv.feed(f.read())
    head = """#let n = int(sys.inputs.at("n", default: "0"))
#set document(title: "行政执法年度报告")
#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), footer: context align(center)[— #counter(page).display() —])
#set text(font: ("Zhuque Fangsong", "Noto Serif CJK SC"), size: 16pt, lang: "zh", region: "cn")
#set par(first-line-indent: (amount: 2em, all: true), justify: true, leading: 15pt, spacing: 15pt)
#set table(stroke: 0.5pt)
#show table: set text(size: 12pt)
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(head + "\n".join(conv.out))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    mode = sys.argv[1]
    if mode == "source":
        source(sys.argv[2], sys.argv[3])
        return
    import typst

    typ, fonts = sys.argv[2], sys.argv[3]
    if mode == "cold":
        start = time.perf_counter()
        pdf = typst.compile(typ, font_paths=[fonts], ignore_system_fonts=True)
        ms = (time.perf_counter() - start) * 1e3
        print(json.dumps({"ms": ms, "peak_mb": peak_mb(), "pdf_bytes": len(pdf)}))
    elif mode == "batch":
        n = int(sys.argv[4])
        compiler = typst.Compiler(typ, font_paths=[fonts], ignore_system_fonts=True)
        start = time.process_time()
        for i in range(n):
            compiler.compile(sys_inputs={"n": str(i)})
        cpu = (time.process_time() - start) * 1e3 / n
        print(json.dumps({"cpu_ms": cpu, "peak_mb": peak_mb()}))


if __name__ == "__main__":
    main()
