#!/usr/bin/env bash
# shellcheck disable=SC2034 # variables are used by the scripts that source this file
# Shared by scripts/k8s/*.sh (sourced, never run): scripts/lib.sh (colours, info/ok/warn/fail/die,
# .env handling) plus what every kind/kubectl step needs. The decisions are the generator's (k8s-gen
# cluster, port-forward, overlay, status, hint: tools/.../k8s/local); these scripts orchestrate.

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# The compose file(s) the generator converts (mk/k8s.mk K8S_COMPOSE_FILES; not Docker's COMPOSE_FILE),
# its output (the kustomize base beside kind-config.yaml), and the git-ignored local overlay make dev
# K8S=1 applies (the base with content-tagged images) with the port-forwards' pids and logs.
export K8S_COMPOSE_FILES=${K8S_COMPOSE_FILES:-compose.yaml} K8S_DIR=${K8S_DIR:-k8s-generated}
export K8S_ENV_FILE=${K8S_ENV_FILE:-.env.example} K8S_TIMEOUT=${K8S_TIMEOUT:-300s} K8S_LOCAL_DIR=${K8S_LOCAL_DIR:-.k8s-local}
K8S_BASE=$K8S_DIR/base
compose_args=(--compose-file "$K8S_COMPOSE_FILES" --env-file "$K8S_ENV_FILE")
# `K8S_GEN` may hold several words ("java -jar tools/target/k8s-gen.jar"); split it once.
read -r -a K8S_GEN_CMD <<<"${K8S_GEN:-java -jar tools/target/k8s-gen.jar}"
k8s_gen() { "${K8S_GEN_CMD[@]}" "$@"; }

# cluster_settings [--require none|kind|up|cluster] [--workload SVC --target TARGET]: exports the
# names read from the generated files (NAMESPACE, KIND_CLUSTER, PART_OF), the cluster choice
# (K8S_CLUSTER=kind|current, KUBE_CONTEXT, K8S_LOAD_CMD; see README), WORKLOAD and KIND_EXISTS when
# asked, once the checks pass; else one line with the fix, exit 1.
cluster_settings() {
  settings=$(k8s_gen cluster "$@") || exit 1
  eval "$settings"
}
kc() { kubectl --context "$KUBE_CONTEXT" "$@"; }
kcn() { kc --namespace "$NAMESPACE" "$@"; }

# wait_ready WORKLOAD...: each Job completes (job/NAME) and each rollout finishes; else the failing
# pods' events, logs and a hint, exit 1 (the cluster stays up).
wait_ready() {
  local w failed=()
  for w in "$@"; do
    case $w in
      job/*) kcn wait --for=condition=complete "$w" --timeout "$K8S_TIMEOUT" || failed+=("job.batch/${w#job/}") ;;
      *) kcn rollout status "$w" --timeout "$K8S_TIMEOUT" || failed+=("$w") ;;
    esac
  done
  ((${#failed[@]} == 0)) || { fail "not ready: ${failed[*]}"; diagnose "${failed[@]}"; exit 1; }
}

# diagnose WORKLOAD...: its pods, their recent events, the last 30 log lines of every container,
# then a hint matching what went wrong.
diagnose() {
  local w pod
  kcn get pods -o wide || true
  for w in "$@"; do
    info && info "${C_BOLD}== $w${C_OFF}"
    for pod in $(kcn get pods -l "app.kubernetes.io/name=${w#*/}" -o name 2>/dev/null); do
      info "${C_DIM}-- events of $pod${C_OFF}"
      kcn get events --field-selector "involvedObject.name=${pod#pod/}" --sort-by .lastTimestamp 2>/dev/null | tail -n 15 || true
      info "${C_DIM}-- last 30 log lines of $pod (all containers)${C_OFF}"
      kcn logs "$pod" --all-containers --prefix --tail 30 2>&1 || true
      { kcn get "$pod" -o json 2>/dev/null || true; } | k8s_gen hint --service "${w#*/}" --base "$K8S_BASE"
    done
  done
}

# make status's table for the cluster (kubectl's JSON read by k8s-gen status, URLs as Compose's).
status() {
  load_env .env
  kcn get statefulsets,deployments,jobs,pods -l "app.kubernetes.io/part-of=$PART_OF" -o json |
    k8s_gen status --cluster-urls "${compose_args[@]}" --process-env | sed "1s/.*/$C_BOLD&$C_OFF/"
}
