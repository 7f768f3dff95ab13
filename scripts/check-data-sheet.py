#!/usr/bin/env python3
"""check-data-sheet.py REPORT.xlsx EXPECTED.tsv

Loads the XLSX's data sheet (数据) with pandas, as a statistics desk does,
and compares it with EXPECTED.tsv: one line per figure, 表<TAB>键<TAB>指标<TAB>值
(empty for a blank). Exit 0 when every figure, blank, key and label agrees.
`make test` runs it on the reference report (tests/data_sheet.rs)."""
import sys
from decimal import Decimal

import pandas as pd

xlsx, expected = sys.argv[1], sys.argv[2]
df = pd.read_excel(xlsx, sheet_name="数据")
want = [line.rstrip("\n").split("\t") for line in open(expected, encoding="utf-8") if line.strip()]
errors = []
if list(df.columns) != ["表", "表名", "键", "指标", "值", "单位", "类型", "机关", "年度"]:
    errors.append(f"columns: {list(df.columns)}")
if len(df) != len(want):
    errors.append(f"{len(df)} rows, {len(want)} expected")
if df.duplicated(["表", "指标"]).any():
    errors.append("two rows of one table share a 指标")
for i, (row, (table, key, indicator, value)) in enumerate(zip(df.itertuples(index=False), want)):
    if (row[0], row[2], row[3]) != (table, key, indicator):
        errors.append(f"row {i + 2}: {row[0]} {row[2]} {row[3]}, expected {table} {key} {indicator}")
    got = row[4]
    if value == "":
        if not pd.isna(got):
            errors.append(f"row {i + 2}: {indicator} is {got}, expected blank")
    elif pd.isna(got) or Decimal(repr(float(got))).normalize() != Decimal(value).normalize():
        errors.append(f"row {i + 2}: {indicator} is {got}, expected {value}")
for e in errors:
    print(e, file=sys.stderr)
print(f"{len(df)} figures read with pandas {pd.__version__}: {'ok' if not errors else f'{len(errors)} error(s)'}")
sys.exit(1 if errors else 0)
