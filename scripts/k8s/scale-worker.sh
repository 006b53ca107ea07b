#!/usr/bin/env bash
# make scale-worker N=3 K8S=1: kubectl scale the worker Deployment, wait for the rollout, then show
# how the rollouts spread over the pods. make dev K8S=1 (kubectl apply) returns to the replicas of
# the generated manifest, as make dev does with Compose.
# Usage: scale-worker.sh DEPLOYMENT N
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

deployment=${1:?usage: scale-worker.sh DEPLOYMENT N}
n=${2:-}
require_count "$n" "make scale-worker N=3 K8S=1"
preflight_cluster
[ -f "$K8S_BASE/deployment-$deployment.yaml" ] ||
  die "$K8S_BASE/ has no Deployment $deployment. Fix: make k8s (compose.yaml needs a $deployment service)"
kcn scale "deployment/$deployment" --replicas "$n"
if ! kcn rollout status "deployment/$deployment" --timeout "$K8S_TIMEOUT"; then
  fail "not ready: deployment.apps/$deployment"
  "$(dirname "$0")/diagnose.sh" "deployment.apps/$deployment"
  exit 1
fi
ok "$n $deployment pod(s) ready"
echo
"$(dirname "$0")/workers.sh" "$deployment"
info "Kept until the next make dev K8S=1, which applies the manifest's replicas again (compose.yaml: WORKER_REPLICAS)."
