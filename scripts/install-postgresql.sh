#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the planning board's database test (`serve
# --database postgres://…`), which starts a cluster of its own in a temporary folder and stops
# it again (its TLS test with a certificate made by openssl). Failing to install is not fatal:
# the tests then say they skipped.
set -uo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v openssl >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "Installing postgresql for the board's database test with apt-get…" >&2
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql openssl >/dev/null || echo "postgresql could not be installed; the board's database tests will skip" >&2
exit 0
