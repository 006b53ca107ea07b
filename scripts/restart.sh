#!/usr/bin/env bash
# make restart [SVC=name]: restart every long-running service (or one) and wait until healthy.
# The worker keeps the count make scale-worker set (a plain `up` would return it to WORKER_REPLICAS).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env

if [ $# -gt 0 ]; then services=("$@"); else services=(db redis api worker web); fi
scale=()
case " ${services[*]} " in
  *" worker "*)
    n=$(compose ps -a -q worker 2>/dev/null | wc -l | tr -d ' ')
    [ "$n" = 0 ] || scale=(--scale "worker=$n")
    ;;
esac
compose restart "${services[@]}"
compose up --detach --wait --no-deps ${scale[@]+"${scale[@]}"} "${services[@]}"
"$(dirname "$0")/summary.sh"
