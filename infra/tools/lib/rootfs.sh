#!/usr/bin/env bash
# Helpers for building minimal tool images without a registry: copy host binaries with their
# shared libraries into a rootfs folder and `podman import` it. Sourced by the build-local scripts.

log() { echo "[tool-image] $*" >&2; }

# ensure_packages PKG... : apt-get install what is missing (update first only when needed)
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# begin_rootfs PKG... : the start of every image build: the host packages it copies from (PKG...), and ROOTFS, an
# empty rootfs (new_rootfs) in a work folder WORK that is removed when the script exits
begin_rootfs() {
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  ensure_packages "$@"
  ROOTFS="$WORK/rootfs"
  new_rootfs "$ROOTFS"
}

# new_rootfs DIR : an empty rootfs with /tmp, /etc/passwd and /etc/group naming nobody (65534)
new_rootfs() {
  local dir="$1"
  rm -rf "$dir"
  mkdir -p "$dir"/{etc,tmp,usr/bin,proc,dev,sys}
  chmod 1777 "$dir/tmp"
  printf 'root:x:0:0:root:/root:/nonexistent\nnobody:x:65534:65534:nobody:/nonexistent:/nonexistent\n' >"$dir/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$dir/etc/group"
}

# copy_binary DIR PATH... : copies each binary and every shared library ldd names for it
copy_binary() {
  local dir="$1" bin lib
  shift
  for bin in "$@"; do
    mkdir -p "$dir$(dirname "$bin")"
    cp -L "$bin" "$dir$bin"
    for lib in $(ldd "$bin" | grep -o '/[^ ]*' | sort -u); do
      mkdir -p "$dir$(dirname "$lib")"
      cp -L "$lib" "$dir$lib"
    done
  done
}

# import_rootfs DIR IMAGE CHANGE... : tars the rootfs and imports it as IMAGE with --change lines.
# The tar's digest is kept as a label: an unchanged rootfs is not imported again, and the tag is
# never removed first, so containers running the old image are not disturbed.
import_rootfs() {
  local dir="$1" image="$2" args=() change digest current
  shift 2
  tar -C "$dir" --numeric-owner --sort=name --mtime=@0 -cf "$dir.tar" .
  digest="$(sha256sum "$dir.tar" | cut -c1-64)"
  current="$(podman image inspect --format '{{ index .Labels "reconcraft.rootfs-sha256" }}' "$image" 2>/dev/null || true)"
  if [[ "$current" == "$digest" ]]; then
    rm -f "$dir.tar"
    log "$image is up to date"
    return
  fi
  for change in "$@"; do
    args+=(--change "$change")
  done
  args+=(--change "LABEL reconcraft.rootfs-sha256=$digest")
  podman import -q "${args[@]}" "$dir.tar" "$image" >/dev/null
  rm -f "$dir.tar"
  log "built $image ($(du -sh "$dir" | cut -f1) rootfs)"
}
