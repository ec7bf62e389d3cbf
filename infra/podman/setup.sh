#!/usr/bin/env bash
# Installs podman, starts its Docker-compatible API on a unix socket and builds the local tool
# images. Idempotent; run as root. Prints only the exports (DOCKER_HOST, CONTAINERS_CONF) on stdout,
# so `eval "$(infra/podman/setup.sh)"` sets them; progress goes to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOCKET="${RECONCRAFT_PODMAN_SOCKET:-/run/reconcraft-podman.sock}"
STATE_DIR="${RECONCRAFT_PODMAN_STATE_DIR:-/run/reconcraft-podman}"
LOG="$STATE_DIR/service.log"
export CONTAINERS_CONF="$HERE/containers.conf"

log() { echo "[podman-setup] $*" >&2; }

missing=()
for pkg in podman runc fuse-overlayfs slirp4netns uidmap; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

answers() { curl -sf --max-time 2 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1; }

if ! answers; then
  log "starting podman system service on $SOCKET"
  rm -f "$SOCKET"
  mkdir -p "$STATE_DIR"
  # conmon leaves files (e.g. "oom") in the service's working directory: give it its own.
  pushd "$STATE_DIR" >/dev/null
  nohup podman system service --time=0 "unix://$SOCKET" >"$LOG" 2>&1 </dev/null &
  popd >/dev/null
  for _ in $(seq 1 100); do
    answers && break
    sleep 0.2
  done
  answers || { log "podman API did not answer on $SOCKET; see $LOG"; cat "$LOG" >&2; exit 1; }
fi
log "podman API answers on $SOCKET"

"$ROOT/infra/tools/nmap/build-local.sh"
"$ROOT/infra/tools/gitleaks/build-local.sh"
"$ROOT/infra/tools/gitleaks/build-clone-test.sh"
"$ROOT/infra/tools/testbox/build-local.sh"

echo "export DOCKER_HOST=unix://$SOCKET"
echo "export CONTAINERS_CONF=$HERE/containers.conf"
