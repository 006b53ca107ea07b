#!/usr/bin/env bash
# make dev K8S=1 (make k8s-up): the compose topology on a local kind cluster.
#   preflight -> manifests up to date -> build images -> kind cluster (created from
#   k8s-generated/kind-config.yaml if absent) -> kind load the local images -> secrets from .env ->
#   kubectl apply -k -> wait for every rollout and one-shot -> URLs. On failure: the failing pod's
#   events and logs, a hint, exit 1 (the cluster stays up for inspection).
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(now_ms)
preflight_kind
preflight_kubectl
need docker "install Docker: https://docs.docker.com/get-docker/"
docker info >/dev/null 2>&1 || die "the Docker daemon is not running (kind runs its node in it). Fix: start Docker"
need java "install a JDK 17+ (the manifest generator is Java): https://adoptium.net"
ensure_env

info "${C_BOLD}== manifests${C_OFF} ($K8S_DIR from $K8S_COMPOSE_FILE)"
k8s_gen check --compose-file "$K8S_COMPOSE_FILE" --env-file "$K8S_ENV_FILE" --out "$K8S_DIR" >/dev/null ||
  die "$K8S_DIR/ is stale for $K8S_COMPOSE_FILE. Fix: make k8s (and commit the result)"

if [ "${K8S_SKIP_BUILD:-}" != 1 ]; then
  info "${C_BOLD}== build images${C_OFF}"
  read -r -a build_cmd <<<"${K8S_BUILD_CMD:-scripts/build.sh}"
  "${build_cmd[@]}"
fi

info "${C_BOLD}== kind cluster $KIND_CLUSTER${C_OFF}"
if kind get clusters 2>/dev/null | grep -qx "$KIND_CLUSTER"; then
  ok "cluster $KIND_CLUSTER exists"
else
  kind create cluster --name "$KIND_CLUSTER" --config "$K8S_DIR/kind-config.yaml" --wait 120s
fi

info "${C_BOLD}== load images${C_OFF} (no registry: the node gets them from the local Docker)"
for image in "$API_IMAGE" "$WEB_IMAGE"; do
  docker image inspect "$image" >/dev/null 2>&1 || die "image $image is not built. Fix: make build"
done
# Every image the manifests name that Docker has locally is loaded; the others the node pulls.
images=$(sed -n 's/^[ -]*image: *//p' "$K8S_DIR"/*.yaml | sort -u)
for image in $images; do
  if docker image inspect "$image" >/dev/null 2>&1; then
    kind load docker-image --name "$KIND_CLUSTER" "$image"
  fi
done
for image in "$API_IMAGE" "$WEB_IMAGE"; do
  grep -qx "$image" <<<"$images" ||
    warn "$image is not the image the manifests use ($(tr '\n' ' ' <<<"$images")); set it in .env.example and run make k8s"
done

info "${C_BOLD}== apply${C_OFF} (namespace $NAMESPACE)"
# Secret values: interpolated from .env and the shell like Compose does, into git-ignored files.
k8s_gen secrets --compose-file "$K8S_COMPOSE_FILE" --out "$K8S_DIR" --process-env --keys-env-file "$K8S_ENV_FILE"
# A Job's pod template cannot change: completed one-shots are replaced, like Compose re-runs them.
kc delete job --namespace "$NAMESPACE" -l "app.kubernetes.io/part-of=$PART_OF" --ignore-not-found >/dev/null 2>&1 || true
kc apply -k "$K8S_DIR"

info "${C_BOLD}== wait${C_OFF} (timeout $K8S_TIMEOUT each)"
failed=()
for workload in $(kcn get deployments,statefulsets -o name); do
  if ! kcn rollout status "$workload" --timeout "$K8S_TIMEOUT"; then
    failed+=("$workload")
  fi
done
for job in $(kcn get jobs -o name); do
  if ! kcn wait --for=condition=complete "$job" --timeout "$K8S_TIMEOUT"; then
    failed+=("$job")
  fi
done
if ((${#failed[@]} > 0)); then
  fail "not ready: ${failed[*]}"
  "$(dirname "$0")/diagnose.sh" "${failed[@]}"
  exit 1
fi

info
kcn get pods -o wide
info
ok "the stack is up on kind in $((($(now_ms) - start) / 1000)) s (cluster $KIND_CLUSTER, namespace $NAMESPACE)"
print_urls
info "next: make logs K8S=1 | make status K8S=1 | make down K8S=1"
