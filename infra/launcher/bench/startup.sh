#!/usr/bin/env bash
# Measures the local stack as a user gets it from `./reconcraft up [--processes]`, after the build:
# seconds until GET /api/health answers 200, resident memory of the whole idle stack (the launcher and
# every process it started, Kafka and the database included) and seconds until Ctrl-C (SIGTERM) has
# ended every one of them. Not a test: run it on a quiet machine and write the figures to STARTUP.md.
#
#   infra/launcher/bench/startup.sh [--processes] [runs]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.."

mode=()
if [[ "${1:-}" == "--processes" ]]; then mode=(--processes); shift; fi
runs=${1:-1}
idle_seconds=${RECONCRAFT_BENCH_IDLE_SECONDS:-20}

free_port() { # the kernel's pick of a free loopback port
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
tree() { # a pid and all its descendants
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree "$child"; done
}
rss_mib() { # summed VmRSS of the given pids, in MiB
  local total=0 pid kb
  for pid in "$@"; do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

home=${RECONCRAFT_BENCH_HOME:-$(mktemp -d /tmp/reconcraft-bench.XXXXXX)}
mkdir -p "$home"
export RECONCRAFT_HOME=$home
./reconcraft help >/dev/null   # builds the launcher if needed, outside the measurement

for run in $(seq 1 "$runs"); do
  export RECONCRAFT_GATEWAY_PORT=$(free_port) RECONCRAFT_RUN_ORCHESTRATOR_PORT=$(free_port) \
         RECONCRAFT_TOOL_RUNNER_PORT=$(free_port) RECONCRAFT_NOTIFIER_PORT=$(free_port) \
         RECONCRAFT_AUDIT_PORT=$(free_port) RECONCRAFT_KAFKA_PORT=$(free_port) \
         RECONCRAFT_KAFKA_CONTROLLER_PORT=$(free_port) RECONCRAFT_MONGO_PORT=$(free_port) \
         RECONCRAFT_READY_TIMEOUT_SECONDS=600
  start=$(date +%s.%N)
  ./reconcraft up "${mode[@]}" > "$home/bench-up-$run.log" 2>&1 &
  launcher=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$RECONCRAFT_GATEWAY_PORT/api/health"; do
    kill -0 "$launcher" 2>/dev/null || { echo "the stack exited; see $home/bench-up-$run.log" >&2; exit 1; }
    sleep 0.2
  done
  healthy=$(date +%s.%N)
  sleep "$idle_seconds"
  pids=($(tree "$launcher"))
  rss=$(rss_mib "${pids[@]}")
  per_process=$(for pid in "${pids[@]}"; do
    printf '%s=%sMiB ' "$(ps -o comm= -p "$pid" 2>/dev/null || echo gone)" "$(rss_mib "$pid")"; done)
  stop=$(date +%s.%N)
  kill -TERM "$launcher"
  left=()
  for _ in $(seq 1 600); do
    left=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left+=("$pid"); done
    (( ${#left[@]} == 0 )) && break
    sleep 0.1
  done
  stopped=$(date +%s.%N)
  printf 'run %d%s: healthy after %.1f s; idle RSS %d MiB (%s); stopped in %.1f s, %s; load %s\n' \
    "$run" "${mode[*]:+ ${mode[*]}}" "$(echo "$healthy - $start" | bc)" "$rss" "${per_process% }" \
    "$(echo "$stopped - $stop" | bc)" \
    "$( (( ${#left[@]} == 0 )) && echo 'nothing left running' || echo "STILL RUNNING: ${left[*]}")" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
done
