#!/usr/bin/env bash
# Makes a Debian package of zorgrooster for a provider's IT department: the release build with
# Swift's runtime linked in (no Swift on the target machine), depending on Debian's runtime
# libraries only (GLPK, zlib, SQLite), with a systemd unit for the planning board (`serve`).
#   scripts/build-deb.sh [OUTDIR]        → OUTDIR/zorgrooster_VERSION_ARCH.deb (default: out/)
# ZORGROOSTER_DEB_BINARY=PATH packages an already built binary instead of building one (tests).
set -euo pipefail
cd "$(dirname "$0")/.."
outdir="${1:-out}"
mkdir -p "$outdir"
if [ -n "${ZORGROOSTER_DEB_BINARY:-}" ]; then
  binary="$ZORGROOSTER_DEB_BINARY"
else
  scripts/install-deps.sh
  swift build -c release --static-swift-stdlib --product zorgrooster --scratch-path .build-deb
  binary=".build-deb/release/zorgrooster"
fi
version="$("$binary" --version | head -1 | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
install -D -m 0755 "$binary" "$root/usr/bin/zorgrooster"
strip --strip-unneeded "$root/usr/bin/zorgrooster" 2>/dev/null || true
install -D -m 0644 packaging/zorgrooster.service "$root/lib/systemd/system/zorgrooster.service"
install -D -m 0644 packaging/default "$root/etc/default/zorgrooster"
install -D -m 0644 README.md "$root/usr/share/doc/zorgrooster/README.md"
install -D -m 0644 docs/openapi.yaml "$root/usr/share/doc/zorgrooster/openapi.yaml"
for scenario in scenarios/*.yaml scenarios/*.csv; do install -D -m 0644 "$scenario" "$root/usr/share/zorgrooster/$scenario"; done
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: zorgrooster
Version: $version
Architecture: $arch
Maintainer: zorgrooster <zorgrooster@localhost>
Depends: libglpk40, zlib1g, libsqlite3-0, libc6, libstdc++6, libgcc-s1
Section: misc
Priority: optional
Description: Rosters and capacity gaps for Dutch care providers (GLPK)
 Plans group care, 24-hour homes and ambulatory work under the Working Hours Act, says what
 could not be covered and why, and serves a planning board for a team (zorgrooster serve).
CONTROL
echo "/etc/default/zorgrooster" > "$root/DEBIAN/conffiles"
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  getent group zorgrooster >/dev/null || addgroup --system zorgrooster >/dev/null
  # The home exists before the user, so adduser finds it (it warned on a first install).
  mkdir -p /var/lib/zorgrooster
  getent passwd zorgrooster >/dev/null || adduser --system --ingroup zorgrooster --home /var/lib/zorgrooster --no-create-home zorgrooster >/dev/null
  chown zorgrooster:zorgrooster /var/lib/zorgrooster
  [ -e /var/lib/zorgrooster/scenario.yaml ] || install -o zorgrooster -m 0644 /usr/share/zorgrooster/scenarios/dagbesteding-de-linde.yaml /var/lib/zorgrooster/scenario.yaml
  [ -e /var/lib/zorgrooster/dagbesteding-clients.csv ] || install -o zorgrooster -m 0644 /usr/share/zorgrooster/scenarios/dagbesteding-clients.csv /var/lib/zorgrooster/
  if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null || true; fi
fi
POSTINST
chmod 0755 "$root/DEBIAN/postinst"
package="$outdir/zorgrooster_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$package" >/dev/null
echo "$package"
