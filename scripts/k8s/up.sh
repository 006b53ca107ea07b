#!/usr/bin/env bash
# make dev K8S=1 (make k8s-up): the compose topology on a local cluster (kind, or the current
# kubectl context with K8S_CLUSTER=current).
#   preflight and host-port check (k8s-gen cluster, port-forward check) -> manifests up to date ->
#   build the images the manifests name -> cluster (kind: created from kind-config.yaml if absent) ->
#   secrets from .env -> tag each built image with its content and load it, local overlay (the base
#   with those tags; k8s-gen overlay) -> replace the Jobs whose release changed -> kubectl apply -k
#   -> wait -> port-forwards -> status and URLs.
#   An unchanged image keeps its tag, so nothing restarts; an edit gets a new tag, so its pods roll.
#   On failure: the failing pod's events and logs, a hint, exit 1 (the cluster stays up).
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(now_ms)
cluster_settings --require up
ensure_env
# kind publishes kind-config.yaml's host ports when it creates the cluster; a holder (a running
# Compose stack, say) would fail it deep inside kind, so check them (and the forwards') first.
k8s_gen port-forward check --kind-exists "${KIND_EXISTS:-true}"

info "${C_BOLD}== manifests${C_OFF} ($K8S_DIR from $K8S_COMPOSE_FILES)"
k8s_gen check "${compose_args[@]}" --out "$K8S_DIR" >/dev/null ||
  die "$K8S_DIR/ is stale for $K8S_COMPOSE_FILES. Fix: make k8s (and commit the result)"

if [ "${K8S_SKIP_BUILD:-}" != 1 ]; then
  info "${C_BOLD}== build images${C_OFF} (what $K8S_COMPOSE_FILES names; no compose.override.yaml)"
  read -r -a build_cmd <<<"${K8S_BUILD_CMD:-scripts/build.sh}"
  # The manifests come from this one file, so the build must too: with the override merged,
  # `docker compose build` would build the Vite dev image instead of the nginx one.
  COMPOSE_FILE=$K8S_COMPOSE_FILES "${build_cmd[@]}"
fi

if [ "$K8S_CLUSTER" = kind ]; then
  info "${C_BOLD}== kind cluster $KIND_CLUSTER${C_OFF}"
  if [ "$KIND_EXISTS" = true ]; then
    ok "cluster $KIND_CLUSTER exists"
  else
    kind create cluster --name "$KIND_CLUSTER" --config "$K8S_DIR/kind-config.yaml" --wait 120s
  fi
  cluster_settings --require cluster
else
  ok "cluster: the current context $KUBE_CONTEXT"
fi

# Secret values: interpolated from .env and the shell like Compose does, into git-ignored files.
k8s_gen secrets --compose-file "$K8S_COMPOSE_FILES" --out "$K8S_DIR" --process-env --keys-env-file "$K8S_ENV_FILE"
info "${C_BOLD}== images${C_OFF} (no registry: the node gets them from the local Docker)"
releases=$(k8s_gen overlay --base "$K8S_BASE" --out "$K8S_LOCAL_DIR" --own-image "$API_IMAGE" --own-image "$WEB_IMAGE")

info "${C_BOLD}== apply${C_OFF} (namespace $NAMESPACE, $K8S_LOCAL_DIR over $K8S_BASE)"
# A Job runs once per release; its pod template cannot change, so a new release replaces it
# (deleted before the apply, so no waiting pod can see the old one complete).
jobs=()
while read -r job release; do
  [ -n "$job" ] || continue
  jobs+=("job/$job")
  current=$(kcn get job "$job" --ignore-not-found -o jsonpath='{.metadata.name} {.metadata.annotations.k8s-gen/release}')
  if [ -n "$current" ] && [ "$current" != "$job $release" ]; then
    info "job $job: new release $release (code or config changed): runs again"
    kcn delete job "$job" --wait >/dev/null
  fi
done <<<"$releases"
kc apply -k "$K8S_LOCAL_DIR"

info "${C_BOLD}== wait${C_OFF} (timeout $K8S_TIMEOUT each)"
mapfile -t workloads < <(kcn get deployments,statefulsets -o name)
wait_ready ${jobs[@]+"${jobs[@]}"} ${workloads[@]+"${workloads[@]}"}

k8s_gen port-forward start
info
status
info
ok "the stack is up on $K8S_CLUSTER in $((($(now_ms) - start) / 1000)) s (context $KUBE_CONTEXT, namespace $NAMESPACE)"
k8s_gen urls "${compose_args[@]}" --process-env | while IFS='|' read -r svc url; do info "  $svc: $url"; done
info "next: edit, then make dev K8S=1 again (only what changed restarts) | make logs K8S=1 | make psql K8S=1 | make down K8S=1"
