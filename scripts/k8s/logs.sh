#!/usr/bin/env bash
# make logs K8S=1 [SVC=name]: follow the logs of every pod of the stack (or of one service),
# init containers included, each line prefixed with its pod and container.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

preflight_cluster
selector="app.kubernetes.io/part-of=$PART_OF"
[ -z "${1:-}" ] || selector="$selector,app.kubernetes.io/name=$1"
exec kubectl --context "$KUBE_CONTEXT" --namespace "$NAMESPACE" logs --follow --tail 100 --prefix \
  --all-containers --max-log-requests 20 -l "$selector"
