#!/usr/bin/env bash
# make scale-worker N=3: run N worker containers. Starts or removes workers only (no other service
# is recreated or restarted), waits until the new ones are healthy, then shows how the rollouts
# spread over the workers (scripts/workers.sh). make dev returns to WORKER_REPLICAS (.env).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env

n=${1:-}
require_count "$n" "make scale-worker N=3"
# The workers wait for migrate and Redis; --no-deps below starts neither, so they must be up.
if [ -z "$(compose ps -q --status running db 2>/dev/null)" ] || [ -z "$(compose ps -q --status running redis 2>/dev/null)" ]; then
  die "the stack is not up (db and redis must run). Fix: make dev, then make scale-worker N=$n"
fi

before=$(compose ps -q --status running worker 2>/dev/null | wc -l | tr -d ' ')
info "scale-worker: $before -> $n worker container(s), waiting until healthy ..."
start=$(now_ms)
if ! compose up --detach --wait --wait-timeout "${DEV_WAIT_TIMEOUT:-300}" --no-deps --no-recreate \
  --scale "worker=$n" worker; then
  fail "scale-worker: the workers did not become healthy"
  compose ps -a worker >&2 || true
  die "see make logs SVC=worker"
fi
ok "scale-worker: $n worker(s) healthy in $(fmt_ms $(($(now_ms) - start)))"
echo
"$(dirname "$0")/workers.sh"
configured=$(stack_tool replicas worker)
[ "$configured" = "$n" ] ||
  info "Kept until the next make dev, which returns to WORKER_REPLICAS=$configured (.env); set it there to keep $n."
