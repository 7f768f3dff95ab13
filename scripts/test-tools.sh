#!/usr/bin/env bash
# The readers the tests read the produced files back with, as a user has
# them: pdftotext (poppler-utils), LibreOffice, and pandas, openpyxl,
# python-docx, PyYAML and pdfplumber (a PDF's rules and glyph places) for
# Python 3. Installs what is missing (apt-get as root, pip);
# `make test` runs it first. A test that needs one of them fails without it.
set -euo pipefail
# Debian's packages: pdftotext, and LibreOffice with CJK fonts (it makes
# the untagged PDFs and the re-saved DOCX and XLSX that import reads, and
# recalculates the roll-up's formulas).
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  ($sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null
fi
if ! python3 -c "import pandas, openpyxl, docx, yaml, pdfplumber" 2>/dev/null; then
  echo "installing pandas, openpyxl, python-docx, PyYAML, pdfplumber" >&2
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore pandas openpyxl python-docx PyYAML pdfplumber
fi
command -v pdftotext >/dev/null && command -v soffice >/dev/null && python3 -c "import pandas, openpyxl, docx, yaml, pdfplumber"
