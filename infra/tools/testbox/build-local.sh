#!/usr/bin/env bash
# Builds localhost/reconcraft/testbox:local, a test-only image: one static busybox (sh, sleep,
# tail, id, cat, touch ...) so the tool-runner's container tests can look at the sandbox from
# inside, outlive a timeout and exceed a memory limit. Never used for a real step.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/rootfs.sh"

IMAGE="${TESTBOX_IMAGE:-localhost/reconcraft/testbox:local}"

begin_rootfs busybox-static
mkdir -p "$ROOTFS/bin"
cp /bin/busybox "$ROOTFS/bin/busybox"
for applet in sh sleep tail head cat id touch echo grep tr ls; do
  ln -s busybox "$ROOTFS/bin/$applet"
done
import_rootfs "$ROOTFS" "$IMAGE" 'USER 65534:65534' 'ENV PATH=/bin' 'WORKDIR /tmp' 'ENTRYPOINT ["/bin/sh", "-c"]'
