#!/usr/bin/env bash
# make workers K8S=1 (also the end of make scale-worker K8S=1): the worker pods and how the
# rollouts of the last hour spread over them. On Kubernetes a worker's consumer name is its pod name.
# Usage: workers.sh [DEPLOYMENT]   (default: worker)
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

deployment=${1:-worker}
preflight_cluster
mkdir -p target/make
# SQL in the database pod (db is a StatefulSet; its container has psql and the credentials).
k8s_db_sql() {
  # shellcheck disable=SC2016 # expanded by the container's shell
  kcn exec statefulset/db -- sh -c 'psql -X -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "$1"' sh "$1" </dev/null
}
pods=$(mktemp target/make/worker-pods.XXXXXX)
trap 'rm -f "$pods"' EXIT
# "pod|pod|state": a pod's consumer name is its name; its state is "ready" when its container is,
# else its phase
kcn get pods -l "app.kubernetes.io/name=$deployment" \
  -o jsonpath='{range .items[*]}{.metadata.name}{"|"}{.metadata.name}{"|"}{.status.phase}{"|"}{range .status.containerStatuses[*]}{.ready}{end}{"\n"}{end}' |
  sed 's/|[^|]*|true$/|ready/; t; s/|[^|]*$//' >"$pods"
web=$(print_urls | sed -n 's/^ *web: //p' | head -n 1)
worker_spread k8s_db_sql --workers "$pods" --api "${web:-http://localhost:3000}/api"
