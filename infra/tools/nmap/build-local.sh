#!/usr/bin/env bash
# Builds localhost/reconcraft/nmap:local from the host's Debian nmap, with no registry: the nmap
# binary, its libraries and data files, and a passwd naming nobody. No shell in the image.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/rootfs.sh"

IMAGE="${NMAP_IMAGE:-localhost/reconcraft/nmap:local}"

begin_rootfs nmap
copy_binary "$ROOTFS" /usr/bin/nmap
mkdir -p "$ROOTFS/usr/share"
cp -a /usr/share/nmap "$ROOTFS/usr/share/nmap"
cp /etc/services /etc/protocols "$ROOTFS/etc/"
# Name lookups stay off (-n is always passed), but libc still reads these.
printf 'hosts: files dns\n' >"$ROOTFS/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$ROOTFS/etc/hosts"
import_rootfs "$ROOTFS" "$IMAGE" 'USER 65534:65534' 'ENTRYPOINT ["/usr/bin/nmap"]' 'WORKDIR /tmp'
