#!/usr/bin/env bash
# make port-forward K8S=1 (also the end of make dev K8S=1; make down K8S=1 stops it): publishes the
# API, admin, PostgreSQL and Redis on 127.0.0.1 at the same ports as Compose (K8S_PORT_FORWARDS),
# one background `kubectl port-forward` per Service. Its pids and logs live in K8S_LOCAL_DIR.
# Usage: port-forward.sh start|stop|check   (check: the ports are free; needs no cluster)
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

pids="$K8S_LOCAL_DIR/port-forward.pids"

stop() {
  local pid
  [ -f "$pids" ] || return 0
  while read -r pid; do
    # Only our own port-forward: a pid from an old run may belong to another process by now.
    case $(ps -p "$pid" -o args= 2>/dev/null || true) in
      *port-forward*) kill "$pid" 2>/dev/null || true ;;
    esac
  done <"$pids"
  rm -f "$pids"
}

# Every forwarded host port must be free, or held by our own port-forward (which start replaces).
check() {
  local svc host_port holder pid
  while read -r svc host_port _; do
    [ -n "$svc" ] || continue
    if holder=$(port_holder "$host_port"); then
      pid=$(sed -nE 's/.*\(pid ([0-9]+)\)$/\1/p' <<<"$holder")
      [ -z "$pid" ] || [ ! -f "$pids" ] || ! grep -qx "$pid" "$pids" || continue
      die "port $host_port ($svc, forwarded like Compose publishes it) is already in use by $holder; nothing was started. Fix: make down (a running Compose stack), stop that process, or set its *_PORT in .env"
    fi
  done <<<"$1"
}

# Returns once every forward listens: kubectl prints "Forwarding from ..." then. A forward that
# exits, or does not listen within K8S_TIMEOUT, stops make with its last log line.
await_forwards() {
  local svc pid log limit=${K8S_TIMEOUT%s}
  [[ $limit =~ ^[0-9]+$ ]] || limit=300
  local deadline=$((SECONDS + limit))
  while read -r svc pid; do
    log="$K8S_LOCAL_DIR/port-forward-$svc.log"
    until grep -q '^Forwarding from' "$log" 2>/dev/null; do
      kill -0 "$pid" 2>/dev/null || die "port-forward to $svc stopped: $(tail -n 1 "$log"). Fix: make status K8S=1, then make port-forward K8S=1"
      ((SECONDS < deadline)) || die "port-forward to $svc is not listening after $K8S_TIMEOUT (log: $log). Fix: make status K8S=1"
      sleep 0.2
    done
  done <<<"$1"
}

start() {
  local forwards svc args started=""
  forwards=$(port_forwards)
  stop
  check "$forwards"
  mkdir -p "$K8S_LOCAL_DIR"
  while read -r svc; do
    # shellcheck disable=SC2207 # "host:port" words
    args=($(awk -v s="$svc" '$1 == s { print $2 ":" $3 }' <<<"$forwards"))
    kcn port-forward --address 127.0.0.1 "service/$svc" "${args[@]}" \
      </dev/null >"$K8S_LOCAL_DIR/port-forward-$svc.log" 2>&1 &
    echo $! >>"$pids"
    started+="$svc $!"$'\n'
  done < <(awk '{ print $1 }' <<<"$forwards" | sort -u)
  await_forwards "${started%$'\n'}"
  ok "port-forward: $(awk '{ printf "%s%s 127.0.0.1:%s", sep, $1, $2; sep = ", " }' <<<"$forwards") (logs: $K8S_LOCAL_DIR/port-forward-*.log; make down K8S=1 stops them)"
}

case ${1:-} in
  check) check "$(K8S_CLUSTER=kind port_forwards)" ;;
  start)
    preflight_cluster
    start
    ;;
  stop) stop ;;
  *) die "usage: port-forward.sh start|stop|check" ;;
esac
