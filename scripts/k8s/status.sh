#!/usr/bin/env bash
# make status K8S=1: what runs in the kind cluster, and where to reach it.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

preflight_cluster
kcn get statefulsets,deployments,jobs,pods,services,persistentvolumeclaims -o wide
info
info "URLs:"
print_urls
