#!/usr/bin/env bash
# make restart K8S=1 [SVC=name]: a rolling restart of every workload (or one), wait until ready,
# then the port-forwards again (they follow the pods they started on) and the status table.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

if [ -n "${1:-}" ]; then
  workloads=("$(workload "$1" restart)")
  preflight_cluster
else
  preflight_cluster
  # shellcheck disable=SC2207 # kind/name words
  workloads=($(kcn get deployments,statefulsets -l "app.kubernetes.io/part-of=$PART_OF" -o name))
fi
kcn rollout restart "${workloads[@]}"
for w in "${workloads[@]}"; do
  if ! kcn rollout status "$w" --timeout "$K8S_TIMEOUT"; then
    fail "not ready: $w"
    "$(dirname "$0")/diagnose.sh" "$w"
    exit 1
  fi
done
"$(dirname "$0")/port-forward.sh" start
"$(dirname "$0")/status.sh"
