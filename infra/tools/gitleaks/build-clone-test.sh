#!/usr/bin/env bash
# Builds localhost/reconcraft/gitleaks-clone-test:local, a TEST-ONLY image for the clone
# workspace: the production entrypoint (scan-repo.sh) with Debian's git, and the gitleaks stand-in
# (fake-gitleaks.sh) in place of gitleaks. The tool-runner's tests clone a repository served by
# an https server on loopback with a throw-away self-signed certificate, so this image turns TLS
# verification off (GIT_SSL_NO_VERIFY); the production image never does. Never used for a real step.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/rootfs.sh"

IMAGE="${GITLEAKS_CLONE_TEST_IMAGE:-localhost/reconcraft/gitleaks-clone-test:local}"
source "$HERE/fake-report.sh"

begin_rootfs busybox-static git
mkdir -p "$ROOTFS/bin" "$ROOTFS/usr/share/gitleaks-fake" "$ROOTFS/usr/local/bin" "$ROOTFS/usr/lib/git-core"
cp /bin/busybox "$ROOTFS/bin/busybox"
for applet in sh cat df; do
  ln -s busybox "$ROOTFS/bin/$applet"
done
copy_binary "$ROOTFS" /usr/bin/git /usr/lib/git-core/git-remote-https
ln -s /usr/bin/git "$ROOTFS/usr/lib/git-core/git"
ln -s git-remote-https "$ROOTFS/usr/lib/git-core/git-remote-http"
cp "$REPORT" "$ROOTFS/usr/share/gitleaks-fake/report.json"
cp "$HERE/fake-gitleaks.sh" "$ROOTFS/usr/bin/gitleaks"
cp "$HERE/scan-repo.sh" "$ROOTFS/usr/local/bin/scan-repo.sh"
chmod 0755 "$ROOTFS/usr/bin/gitleaks" "$ROOTFS/usr/local/bin/scan-repo.sh"
import_rootfs "$ROOTFS" "$IMAGE" 'USER 65534:65534' 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  'ENV GIT_EXEC_PATH=/usr/lib/git-core' 'ENV GIT_SSL_NO_VERIFY=true' 'WORKDIR /tmp' \
  'ENTRYPOINT ["/usr/local/bin/scan-repo.sh"]'
