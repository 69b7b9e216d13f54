#!/usr/bin/env bash
# Installs the Debian package on a fresh Debian machine without Swift, as a provider's IT
# department would (issue 31 item 8): a minimal Debian 12 made by debootstrap in a folder (no
# Swift, no GLPK, nothing of this machine's), `apt-get install ./zorgrooster_*.deb` inside it
# with its dependencies fetched from Debian's archive, then `zorgrooster --version`, a solve as
# the `zorgrooster` system user in /var/lib/zorgrooster that `check` passes, the systemd unit
# verified by systemd-analyze (systemd installed in the tree for that), and the unit's ExecStart
# run as the service runs it (its user, /etc/default/zorgrooster, the token) until the board
# answers GET /api/roster with the token and refuses it without. Needs root and the network (it downloads a base system), so it is a release check,
# not part of CI; the test suite's DebPackageTests unpacks the package offline instead.
# Usage: scripts/check-deb-on-fresh-debian.sh PACKAGE.deb [ROOT]   (ROOT: reuse a tree made before)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(realpath "$1")
root=${2:-$(mktemp -d)/debian}
command -v debootstrap >/dev/null || apt-get install -y debootstrap
[ -x "$root/bin/bash" ] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
if chroot "$root" sh -c 'command -v swift || command -v swiftc || ls /usr/lib/x86_64-linux-gnu/libglpk*' 2>/dev/null; then
  echo "not a fresh machine: $root has Swift or GLPK already" >&2; exit 1
fi
mkdir -p "$root/tmp/zorgrooster-check"
cp "$deb" scenarios/dagbesteding-de-linde.yaml scenarios/dagbesteding-clients.csv "$root/tmp/zorgrooster-check/"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc"' EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
in_root apt-get update -q
in_root apt-get install -y -q "/tmp/zorgrooster-check/$(basename "$deb")"
in_root zorgrooster --version
in_root test -f /lib/systemd/system/zorgrooster.service
in_root cp /tmp/zorgrooster-check/dagbesteding-de-linde.yaml /tmp/zorgrooster-check/dagbesteding-clients.csv /var/lib/zorgrooster/
in_root chown zorgrooster /var/lib/zorgrooster/dagbesteding-de-linde.yaml /var/lib/zorgrooster/dagbesteding-clients.csv
in_root runuser -u zorgrooster -- zorgrooster solve /var/lib/zorgrooster/dagbesteding-de-linde.yaml --out /var/lib/zorgrooster/linde --time-limit 20 --quiet
in_root runuser -u zorgrooster -- zorgrooster check /var/lib/zorgrooster/dagbesteding-de-linde.yaml /var/lib/zorgrooster/linde
# The unit as systemd reads it, and its command as the service runs it.
in_root apt-get install -y -q systemd >/dev/null
in_root systemd-analyze verify /lib/systemd/system/zorgrooster.service
in_root cp /var/lib/zorgrooster/dagbesteding-de-linde.yaml /var/lib/zorgrooster/scenario.yaml
in_root sed -i 's/^ZORGROOSTER_PORT=.*/ZORGROOSTER_PORT=18080/' /etc/default/zorgrooster
command=$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/zorgrooster.service")
chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin sh -c "set -a; . /etc/default/zorgrooster; cd /var/lib/zorgrooster; exec runuser -u zorgrooster -- $command" > "$root/tmp/zorgrooster-check/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do grep -q "http://" "$root/tmp/zorgrooster-check/serve.log" && break; sleep 0.5; done
with=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer change-me' http://127.0.0.1:18080/api/roster || true)
without=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18080/api/roster || true)
kill "$server" 2>/dev/null; pkill -f "serve /var/lib/zorgrooster/scenario.yaml" 2>/dev/null || true
echo "the service's command: GET /api/roster with the token $with, without $without"
[ "$with" = 200 ] && [ "$without" = 401 ] || { cat "$root/tmp/zorgrooster-check/serve.log" >&2; exit 1; }
echo "installed and ran on a fresh Debian without Swift: $root"
