#!/usr/bin/env bash
# make k8s-clean: delete the kind cluster, and with it every volume. Says so first.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

preflight_kind
"$(dirname "$0")/port-forward.sh" stop
if kind get clusters 2>/dev/null | grep -qx "$KIND_CLUSTER"; then
  warn "deleting kind cluster $KIND_CLUSTER and all its data"
  kind delete cluster --name "$KIND_CLUSTER"
else
  ok "no kind cluster $KIND_CLUSTER"
fi
rm -rf "${K8S_BASE:?}/secrets" "${K8S_LOCAL_DIR:?}"
