#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the report render and print tests, and
# LibreOffice's Calc (no GUI) that prints the workbook to PDF for the print test (CI runs them;
# elsewhere the tests say they skipped). Failing to install is not fatal: the tests then skip.
set -uo pipefail
if { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } && command -v soffice >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "Installing chromium and libreoffice-calc-nogui for the render and print tests with apt-get…" >&2
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || echo "chromium could not be installed; the render test will skip" >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null || echo "libreoffice could not be installed; the workbook print test will skip" >&2
