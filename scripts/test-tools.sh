#!/usr/bin/env bash
# The readers the tests read the produced files back with, as a user has
# them: pdftotext (poppler-utils), LibreOffice, Chromium with its driver,
# and pandas, openpyxl, python-docx, PyYAML, pdfplumber (a PDF's rules and
# glyph places), Selenium and easyofd (an OFD reader) for Python 3; PDFBox Preflight and qpdf for
# the PDF/A files; axe-core (npm) for the web
# page's accessibility test, into target/test-tools. Installs what is missing (apt-get as root, pip);
# `make test` runs it first. A test that needs one of them fails without it.
set -euo pipefail
# Debian's packages: pdftotext, and LibreOffice with CJK fonts (it makes
# the untagged PDFs and the re-saved DOCX and XLSX that import reads, and
# recalculates the roll-up's formulas).
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
# (grep -c reads all of fc-list: grep -q would stop early, and pipefail
# would take fc-list's broken pipe for a missing font.)
[ "$(fc-list 2>/dev/null | grep -c "Noto Sans CJK")" -gt 0 ] || need+=(fonts-noto-cjk)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v npm >/dev/null || need+=(npm)
# PDFBox Preflight validates the PDF/A files (it needs a Java runtime and
# the activation and JAXB libraries); qpdf checks a PDF's structure.
[ -f /usr/share/java/preflight.jar ] || need+=(libpdfbox2-java)
[ -f /usr/share/java/javax.activation.jar ] || need+=(libactivation-java)
[ -f /usr/share/java/jaxb-api.jar ] || need+=(libjaxb-api-java)
command -v java >/dev/null || need+=(default-jre-headless)
command -v qpdf >/dev/null || need+=(qpdf)
if ((${#need[@]})); then
  echo "installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  ($sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null
fi
if ! python3 -c "import pandas, openpyxl, docx, yaml, pdfplumber, selenium, easyofd" 2>/dev/null; then
  echo "installing pandas, openpyxl, python-docx, PyYAML, pdfplumber, selenium, easyofd" >&2
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore pandas openpyxl python-docx PyYAML pdfplumber selenium easyofd
fi
axe=target/test-tools/node_modules/axe-core/axe.min.js
if [ ! -f "$axe" ]; then
  echo "installing axe-core" >&2
  mkdir -p target/test-tools
  (cd target/test-tools && npm install --no-save --silent --no-audit --no-fund axe-core@4 >/dev/null)
fi
command -v pdftotext >/dev/null && command -v soffice >/dev/null && command -v chromium >/dev/null && command -v chromedriver >/dev/null \
  && command -v java >/dev/null && [ -f /usr/share/java/preflight.jar ] && command -v qpdf >/dev/null \
  && [ -f "$axe" ] && python3 -c "import pandas, openpyxl, docx, yaml, pdfplumber, selenium, easyofd"
