# Shared by bench/calibrate-prometheus and bench/validate-prometheus (sourced, not run).
# Installs Debian's prometheus package without letting it start its daemon, makes sure the
# packaged daemon is not running, and stops everything the bench started when the script exits.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
PROM_BIN=/usr/bin/prometheus
BENCH_PID=""
PIDDIR=$(mktemp -d /tmp/promplan-bench-pids.XXXXXX)
export PROMPLAN_BENCH_PIDDIR=$PIDDIR
CREATED_POLICY=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill -TERM "$BENCH_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$BENCH_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$BENCH_PID" 2>/dev/null || true
  fi
  # children the python bench registered and did not stop itself
  for f in "$PIDDIR"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    kill -TERM "$pid" 2>/dev/null || true
    sleep 1
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$PIDDIR"
  if [ "$CREATED_POLICY" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_packaged_daemon() {
  # The package's own daemon (user "prometheus"); ours runs from this script only.
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl stop prometheus.service prometheus-node-exporter.service >/dev/null 2>&1 || true
  elif [ -x /etc/init.d/prometheus ] && command -v service >/dev/null 2>&1; then
    service prometheus stop >/dev/null 2>&1 || true
  fi
  local pid
  for pid in $(pgrep -u prometheus -x prometheus 2>/dev/null || true); do
    echo "stopping the packaged prometheus daemon (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
  done
}

ensure_prometheus() {
  if [ ! -x "$PROM_BIN" ]; then
    if [ "$(id -u)" != 0 ]; then echo "need root to apt-get install prometheus" >&2; exit 1; fi
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      # keep the package from starting its daemon during the install
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod 755 /usr/sbin/policy-rc.d
      CREATED_POLICY=1
    fi
    echo "installing Debian's prometheus package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus
    if [ "$CREATED_POLICY" = 1 ]; then rm -f /usr/sbin/policy-rc.d; CREATED_POLICY=0; fi
  fi
  stop_packaged_daemon
  command -v curl >/dev/null 2>&1 || true
  "$PROM_BIN" --version 2>&1 | head -1
}

run_bench() {
  # run_bench MODE OUT [args...]: the python bench in the background so the traps fire
  python3 "$BENCH_DIR/promplan_bench.py" "$@" &
  BENCH_PID=$!
  wait "$BENCH_PID"
  local rc=$?
  BENCH_PID=""
  return $rc
}
