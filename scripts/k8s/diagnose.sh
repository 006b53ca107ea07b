#!/usr/bin/env bash
# Why did a rollout fail? For each given workload (deployment.apps/api, job.batch/x, ...): its pods,
# their recent events and last 30 log lines of every container, then a hint matching what went wrong.
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

kcn get pods -o wide || true
for workload in "$@"; do
  name=${workload#*/}
  info
  info "${C_BOLD}== $workload${C_OFF}"
  for pod in $(kcn get pods -l "app.kubernetes.io/name=$name" -o name 2>/dev/null); do
    info "${C_DIM}-- events of $pod${C_OFF}"
    kcn get events --field-selector "involvedObject.name=${pod#pod/}" --sort-by .lastTimestamp 2>/dev/null | tail -n 15 || true
    info "${C_DIM}-- last 30 log lines of $pod (all containers)${C_OFF}"
    kcn logs "$pod" --all-containers --prefix --tail 30 2>&1 || true
    reasons=$(kcn get "$pod" -o jsonpath='{.status.initContainerStatuses[*].state.waiting.reason} {.status.containerStatuses[*].state.waiting.reason}' 2>/dev/null || true)
    case $reasons in
      *ImagePull* | *ErrImage*)
        warn "hint: the node cannot get an image. Built images reach it through make dev K8S=1 (K8S_LOAD_CMD loads them; with K8S_CLUSTER=current set it for minikube or k3d); others need the node to reach their registry" ;;
      *CrashLoopBackOff*)
        warn "hint: a container keeps exiting; its log is above. make logs K8S=1 SVC=$name follows it" ;;
      *CreateContainerConfigError*)
        warn "hint: a ConfigMap or Secret is missing; is .env complete? (make dev K8S=1 writes $K8S_BASE/secrets/)" ;;
      *)
        warn "hint: an init container wait-for-<service> still waiting means that service is not ready, or that Job has not completed; see its events above. make status K8S=1 shows all pods" ;;
    esac
  done
done
