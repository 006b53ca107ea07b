#!/usr/bin/env bash
# make dev: preflight -> build (only what changed) -> up --wait (health-gated) -> summary.
# Safe to run again while the stack is up: it rebuilds/recreates only what changed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
start=$(now_ms)

scripts/preflight.sh
load_env .env
scripts/build.sh

timeout=${DEV_WAIT_TIMEOUT:-300}
info "up: starting the stack, waiting up to ${timeout}s for every service to be healthy ..."
if ! compose up --detach --wait --wait-timeout "$timeout" --remove-orphans; then
  scripts/diagnose.sh # exits 1
fi
echo
scripts/summary.sh "$start"
