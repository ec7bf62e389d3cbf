#!/usr/bin/env bash
# Builds localhost/reconcraft/gitleaks-fake:local: gitleaks itself cannot be installed here, so
# this test image answers like `gitleaks detect ... --report-path PATH`: it writes a real gitleaks
# v8 JSON report (fixtures/gitleaks/gitleaks-v8-simple.json, or $GITLEAKS_FAKE_REPORT) to
# PATH and exits 1, as gitleaks does when it found leaks. Only for tests of the container wiring.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/rootfs.sh"

IMAGE="${GITLEAKS_FAKE_IMAGE:-localhost/reconcraft/gitleaks-fake:local}"
source "$HERE/fake-report.sh"

begin_rootfs busybox-static
mkdir -p "$ROOTFS/bin" "$ROOTFS/usr/share/gitleaks-fake"
cp /bin/busybox "$ROOTFS/bin/busybox"
ln -s busybox "$ROOTFS/bin/sh"
cp "$REPORT" "$ROOTFS/usr/share/gitleaks-fake/report.json"
cp "$HERE/fake-gitleaks.sh" "$ROOTFS/usr/bin/gitleaks"
chmod 0755 "$ROOTFS/usr/bin/gitleaks"
import_rootfs "$ROOTFS" "$IMAGE" 'USER 65534:65534' 'ENV PATH=/usr/bin:/bin' 'WORKDIR /tmp' \
  'ENTRYPOINT ["/usr/bin/gitleaks"]'
