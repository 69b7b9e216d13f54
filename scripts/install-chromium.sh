#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the report render and print tests,
# LibreOffice's Calc (no GUI) that prints the workbook to PDF for the print test, and
# chromium-driver with Selenium for the planning board's browser test (CI runs them;
# elsewhere the tests say they skipped). Failing to install is not fatal: the tests then skip.
set -uo pipefail
if { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } && command -v soffice >/dev/null 2>&1 \
   && command -v chromedriver >/dev/null 2>&1 && python3 -c "import selenium" >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "Installing chromium and libreoffice-calc-nogui for the render and print tests with apt-get…" >&2
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || echo "chromium could not be installed; the render test will skip" >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null || echo "libreoffice could not be installed; the workbook print test will skip" >&2
# The board's browser test: Debian's chromium-driver and Selenium from PyPI.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-driver >/dev/null || echo "chromium-driver could not be installed; the board's browser test will skip" >&2
python3 -c "import selenium" >/dev/null 2>&1 || python3 -m pip install -q selenium >/dev/null 2>&1 || echo "selenium could not be installed; the board's browser test will skip" >&2
