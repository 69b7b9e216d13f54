#!/usr/bin/env bash
# Installs what zorgrooster needs that a fresh machine of this kind lacks: GLPK's headers and
# library, zlib's headers (ZIPFoundation, for roster.xlsx) and SQLite's (GRDB, the planning
# board's versions).
set -euo pipefail
if [ -f /usr/include/glpk.h ] && ldconfig -p 2>/dev/null | grep -q libglpk && [ -f /usr/include/zlib.h ] && [ -f /usr/include/sqlite3.h ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "Installing libglpk-dev (GLPK), zlib1g-dev and libsqlite3-dev with apt-get…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libglpk-dev zlib1g-dev libsqlite3-dev >/dev/null
