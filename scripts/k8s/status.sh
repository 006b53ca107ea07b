#!/usr/bin/env bash
# make status K8S=1 (also the end of make dev K8S=1): the make status table for the cluster, each
# workload with its state, ready/desired pods, restarts, time to ready and URL. kubectl's JSON is
# read by the generator (k8s-gen status), not by shell.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

preflight_cluster
args=()
while IFS='|' read -r svc url; do
  [ -z "$svc" ] || args+=(--url "$svc=$url")
done < <(service_urls)
kcn get statefulsets,deployments,jobs,pods -l "app.kubernetes.io/part-of=$PART_OF" -o json |
  k8s_gen status ${args[@]+"${args[@]}"} | sed "1s/.*/$C_BOLD&$C_OFF/"
