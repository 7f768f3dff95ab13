#!/usr/bin/env bash
# recalc-rollup.sh ROLLUP.xlsx [SHEET]
#   Has LibreOffice recalculate a roll-up's formulas and prints the sheet
#   (1-based, default 2 = 表二) as CSV, so the 合计 row can be compared with
#   the cached values the XLSX holds. The cached values are taken out first,
#   so what is printed is LibreOffice's own sum. `make test` does the same
#   (tests/rollup.rs) when soffice is installed.
set -euo pipefail
xlsx=$(readlink -f "${1:?usage: recalc-rollup.sh ROLLUP.xlsx [SHEET]}")
sheet=${2:-2}
command -v soffice >/dev/null || { echo "recalc-rollup: install LibreOffice (libreoffice-calc) first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/x"
(cd "$work/x" && unzip -q "$xlsx")
# <f>SUM(…)</f><v>cached</v> → <f>SUM(…)</f>
for f in "$work"/x/xl/worksheets/*.xml; do
  sed -i -E 's#(</f>)<v>[^<]*</v>#\1#g' "$f"
done
(cd "$work/x" && zip -q -r "$work/stripped.xlsx" .)
soffice --headless "-env:UserInstallation=file://$work/profile" \
  --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,$sheet" \
  --outdir "$work" "$work/stripped.xlsx" >/dev/null 2>&1
cat "$work"/*.csv
