#!/usr/bin/env bash
# The readers the tests read the produced files back with, as a user has
# them: pdftotext (poppler-utils), and pandas, openpyxl, python-docx and
# PyYAML for Python 3. Installs what is missing (apt-get as root, pip);
# `make test` runs it first. A test that needs one of them fails without it.
set -euo pipefail
if ! command -v pdftotext >/dev/null; then
  echo "installing poppler-utils (pdftotext)" >&2
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null
  fi
fi
if ! python3 -c "import pandas, openpyxl, docx, yaml" 2>/dev/null; then
  echo "installing pandas, openpyxl, python-docx, PyYAML" >&2
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore pandas openpyxl python-docx PyYAML
fi
command -v pdftotext >/dev/null && python3 -c "import pandas, openpyxl, docx, yaml"
