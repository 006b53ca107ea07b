#!/usr/bin/env bash
# make restart [SVC=name]: restart every long-running service (or one) and wait until healthy.
# The worker keeps the count make scale-worker set (a plain `up` would return it to WORKER_REPLICAS).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env

# Without SVC: the long-running services that run now, whichever profile started them.
if [ $# -gt 0 ]; then services=("$@"); else
  read -r -a services <<<"$(stack_tool services --running | paste -sd' ' -)"
  ((${#services[@]} > 0)) || die "restart: nothing runs. Fix: make dev"
fi
scale=()
case " ${services[*]} " in
  *" worker "*)
    n=$(compose_all ps -a -q worker 2>/dev/null | wc -l | tr -d ' ')
    [ "$n" = 0 ] || scale=(--scale "worker=$n")
    ;;
esac
compose_all restart "${services[@]}"
# --no-recreate: restart keeps each container as it was started (e.g. web with the API mocked).
compose_all up --detach --wait --no-deps --no-recreate ${scale[@]+"${scale[@]}"} "${services[@]}"
stack_tool status
