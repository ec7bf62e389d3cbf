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
# The service outlives the checkout that started it and reads its configuration again as it creates containers: it
# reads a copy kept beside its socket (refreshed by every setup), not a clone's file that may be deleted (without
# its log_driver every container's log stream stayed open 20 s after the tool ended, 2026-12-06).
export CONTAINERS_CONF="$STATE_DIR/containers.conf"
mkdir -p "$STATE_DIR"
cp "$HERE/containers.conf" "$CONTAINERS_CONF.new" && mv -f "$CONTAINERS_CONF.new" "$CONTAINERS_CONF"

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

# a service started before the copy above (by an older setup) reads another file: it is started again
service_pid=$(pgrep -f "podman system service --time=0 unix://$SOCKET" | head -1 || true)
if [[ -n "$service_pid" ]] && ! tr '\0' '\n' <"/proc/$service_pid/environ" 2>/dev/null \
    | grep -qx "CONTAINERS_CONF=$CONTAINERS_CONF"; then
  log "restarting the podman service (pid $service_pid): it reads another containers.conf"
  kill "$service_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 0.2
  done
fi

if ! answers; then
  log "starting podman system service on $SOCKET"
  rm -f "$SOCKET"
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
echo "export CONTAINERS_CONF=$CONTAINERS_CONF"
