#!/usr/bin/env bash
# task.sh NAME SERVICE COMMAND...: run COMMAND once in a copy of SERVICE's pod (its image, env,
# secrets and wait-for init containers) as a Job, like `docker compose run --rm SERVICE COMMAND`.
# make reset-db K8S=1 runs `task.sh reset-db migrate db reset /app/config/config.yml`.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: task.sh NAME SERVICE [COMMAND...]"
name=$1 service=$2
shift 2
preflight_cluster
kcn delete job "$name" --ignore-not-found >/dev/null
k8s_gen task --compose-file "$K8S_COMPOSE_FILES" --env-file "$K8S_ENV_FILE" --overlay "$K8S_LOCAL_DIR" \
  --name "$name" --service "$service" -- "$@" |
  kc apply -f -
info "running $name ($*) in a $service pod, timeout $K8S_TIMEOUT"
if kcn wait --for=condition=complete "job/$name" --timeout "$K8S_TIMEOUT"; then
  kcn logs "job/$name" --all-containers --prefix --tail 50 || true
  ok "$name done"
else
  fail "$name did not complete"
  "$(dirname "$0")/diagnose.sh" "job.batch/$name"
  exit 1
fi
