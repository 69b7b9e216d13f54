#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the planning board's database test (`serve
# --database postgres://…`), which starts a cluster of its own in a temporary folder and stops
# it again. Failing to install is not fatal: the test then says it skipped.
set -uo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "Installing postgresql for the board's database test with apt-get…" >&2
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null || echo "postgresql could not be installed; the board's database test will skip" >&2
exit 0
