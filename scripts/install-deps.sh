#!/usr/bin/env bash
# Installs what zorgrooster needs that a fresh machine of this kind lacks: GLPK's headers and
# library, and zlib's headers (ZIPFoundation, for roster.xlsx).
set -euo pipefail
if [ -f /usr/include/glpk.h ] && ldconfig -p 2>/dev/null | grep -q libglpk && [ -f /usr/include/zlib.h ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "Installing libglpk-dev (GLPK) and zlib1g-dev with apt-get…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libglpk-dev zlib1g-dev >/dev/null
