#!/usr/bin/env bash
# make dev K8S=1 (make k8s-up): the compose topology on a local cluster (kind, or the current
# kubectl context with K8S_CLUSTER=current).
#   preflight -> manifests up to date -> build the images the manifests name -> cluster (kind:
#   created from kind-config.yaml if absent, after a host-port check) -> tag each built image with
#   its content and load it -> secrets from .env -> local overlay (the base with those tags) ->
#   replace the Jobs whose release changed -> kubectl apply -k -> wait -> port-forwards -> URLs.
#   An unchanged image keeps its tag, so nothing restarts; an edit gets a new tag, so its pods roll.
#   On failure: the failing pod's events and logs, a hint, exit 1 (the cluster stays up).
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(now_ms)
preflight_kubectl
[ "$K8S_CLUSTER" != kind ] || preflight_kind
need docker "install Docker: https://docs.docker.com/get-docker/"
docker info >/dev/null 2>&1 || die "the Docker daemon is not running (it builds the images). Fix: start Docker"
[ "$K8S_CLUSTER" != current ] || { resolve_current_context && require_reachable; }
ensure_env

# kind publishes kind-config.yaml's host ports when it creates the cluster; a holder (a running
# Compose stack, say) would fail it deep inside kind, so check before anything starts.
create_kind=false
if [ "$K8S_CLUSTER" = kind ] && ! kind get clusters 2>/dev/null | grep -qx "$KIND_CLUSTER"; then
  create_kind=true
  while read -r _ host_port listen; do
    if holder=$(port_holder "$host_port"); then
      die "port $host_port ($listen, published by the kind cluster) is already in use by $holder; nothing was started. Fix: make down (a running Compose stack), or stop that process, then make dev K8S=1"
    fi
  done < <(kind_port_mappings)
fi
"$(dirname "$0")/port-forward.sh" check

info "${C_BOLD}== manifests${C_OFF} ($K8S_DIR from $K8S_COMPOSE_FILES)"
k8s_gen check --compose-file "$K8S_COMPOSE_FILES" --env-file "$K8S_ENV_FILE" --out "$K8S_DIR" >/dev/null ||
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
  if $create_kind; then
    kind create cluster --name "$KIND_CLUSTER" --config "$K8S_DIR/kind-config.yaml" --wait 120s
  else
    ok "cluster $KIND_CLUSTER exists"
  fi
  require_reachable
else
  ok "cluster: the current context $KUBE_CONTEXT"
fi

info "${C_BOLD}== images${C_OFF} (no registry: the node gets them from the local Docker)"
read -r -a load_cmd <<<"$K8S_LOAD_CMD"
load() { if ((${#load_cmd[@]} > 0)); then "${load_cmd[@]}" "$@"; fi; }
# The images the manifests name that Docker has locally: third-party ones are loaded as they are
# (the others the node pulls); the images this project builds get a tag derived from their image
# ID, so a rebuilt image is a new name in the pod templates and an unchanged one is not.
images=$(sed -n 's/^[ -]*image: *//p' "$K8S_BASE"/*.yaml | sort -u)
tags=()
for image in $images; do
  local_build=false
  for own in $API_IMAGE $WEB_IMAGE; do [ "$image" != "$own" ] || local_build=true; done
  if ! id=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null); then
    ! $local_build || die "image $image is not built (the build above names it). Fix: make build COMPOSE_FILE=$K8S_COMPOSE_FILES, then make dev K8S=1"
    continue
  fi
  if $local_build; then
    id=${id#sha256:}
    case ${image##*/} in
      *:*) tagged="$image-${id:0:12}" ;;
      *) tagged="$image:${id:0:12}" ;;
    esac
    docker tag "$image" "$tagged"
    tags+=(--image "$image=$tagged")
    image=$tagged
  fi
  load "$image"
done
for image in $API_IMAGE $WEB_IMAGE; do
  grep -qx "$image" <<<"$images" ||
    warn "$image is not the image the manifests use ($(tr '\n' ' ' <<<"$images")); set it in .env.example and run make k8s"
done

info "${C_BOLD}== apply${C_OFF} (namespace $NAMESPACE, $K8S_LOCAL_DIR over $K8S_BASE)"
# Secret values: interpolated from .env and the shell like Compose does, into git-ignored files.
k8s_gen secrets --compose-file "$K8S_COMPOSE_FILES" --out "$K8S_DIR" --process-env --keys-env-file "$K8S_ENV_FILE"
releases=$(k8s_gen overlay --base "$K8S_BASE" --out "$K8S_LOCAL_DIR" ${tags[@]+"${tags[@]}"})
# A Job runs once per release; its pod template cannot change, so a new release replaces it
# (deleted before the apply, so no waiting pod can see the old one complete).
while read -r job release; do
  [ -n "$job" ] || continue
  current=$(kcn get job "$job" --ignore-not-found -o jsonpath='{.metadata.name} {.metadata.annotations.k8s-gen/release}')
  if [ -n "$current" ] && [ "$current" != "$job $release" ]; then
    info "job $job: new release $release (code or config changed): runs again"
    kcn delete job "$job" --wait >/dev/null
  fi
done <<<"$releases"
kc apply -k "$K8S_LOCAL_DIR"

info "${C_BOLD}== wait${C_OFF} (timeout $K8S_TIMEOUT each)"
failed=()
while read -r job _; do
  [ -n "$job" ] || continue
  if ! kcn wait --for=condition=complete "job/$job" --timeout "$K8S_TIMEOUT"; then
    failed+=("job.batch/$job")
  fi
done <<<"$releases"
for workload in $(kcn get deployments,statefulsets -o name); do
  if ! kcn rollout status "$workload" --timeout "$K8S_TIMEOUT"; then
    failed+=("$workload")
  fi
done
if ((${#failed[@]} > 0)); then
  fail "not ready: ${failed[*]}"
  "$(dirname "$0")/diagnose.sh" "${failed[@]}"
  exit 1
fi

"$(dirname "$0")/port-forward.sh" start
info
"$(dirname "$0")/status.sh"
info
ok "the stack is up on $K8S_CLUSTER in $((($(now_ms) - start) / 1000)) s (context $KUBE_CONTEXT, namespace $NAMESPACE)"
print_urls
info "next: edit, then make dev K8S=1 again (only what changed restarts) | make logs K8S=1 | make psql K8S=1 | make down K8S=1"
