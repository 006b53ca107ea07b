#!/usr/bin/env bash
# make psql / redis-cli / shell SVC=... with K8S=1: run a command in a pod of the service's
# workload (kubectl picks a running pod), with a terminal when there is one.
# Usage: exec.sh SVC TARGET COMMAND...   (TARGET: the make target, for the fix in an error)
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -ge 3 ] || die "usage: exec.sh SVC TARGET COMMAND..."
svc=$1 target=$2
shift 2
w=$(workload "$svc" "$target")
preflight_cluster
tty=(-i)
[ ! -t 0 ] || [ ! -t 1 ] || tty=(-it)
exec kubectl --context "$KUBE_CONTEXT" --namespace "$NAMESPACE" exec "${tty[@]}" "$w" -- "$@"
