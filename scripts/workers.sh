#!/usr/bin/env bash
# make workers (also the end of make scale-worker): the worker containers and how the rollouts of
# the last hour spread over them, from PostgreSQL. A worker's consumer name is its container's
# hostname (the short container ID), which maps it to its Compose container (worker-N).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env

[ -n "$(compose ps -a -q worker 2>/dev/null)" ] || die "no worker container: the stack is not up. Fix: make dev"
[ -n "$(compose ps -q --status running db 2>/dev/null)" ] || die "the database is not running. Fix: make dev"

web_port=$(compose port web 3000 2>/dev/null | sed 's/.*://' || true)
# SQL on the stack's database: db_sql 'select ...' -> unaligned rows, fields separated by '|'.
db_sql() {
  # shellcheck disable=SC2016 # expanded by the container's shell
  compose exec -T db sh -c 'psql -X -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "$1"' sh "$1" </dev/null
}
worker_spread db_sql --api "http://localhost:${web_port:-${WEB_PORT:-3000}}/api"
