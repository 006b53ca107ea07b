#!/usr/bin/env bash
# make down K8S=1: stop the port-forwards and remove the stack's objects from the cluster but keep
# its data, like `docker compose down`: PersistentVolumeClaims (the database volume) and the
# namespace stay.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

"$(dirname "$0")/port-forward.sh" stop
preflight_cluster
kcn delete deployments,statefulsets,jobs,services,configmaps,secrets,ingresses,serviceaccounts,roles,rolebindings \
  -l "app.kubernetes.io/part-of=$PART_OF" --ignore-not-found --wait
ok "stack removed from namespace $NAMESPACE; volumes kept (make k8s-clean deletes the cluster)"
