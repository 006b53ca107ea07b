#!/usr/bin/env bash
# shellcheck disable=SC2034 # variables are used by the scripts that source this file
# Shared helpers for scripts/k8s/*.sh (sourced, never run). Builds on scripts/lib.sh (repo root,
# colours, info/ok/warn/fail/die, .env handling) and adds what every kind/kubectl step needs.

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# Not COMPOSE_FILE: that name would change what `docker compose` reads in the build step.
K8S_COMPOSE_FILE=${K8S_COMPOSE_FILE:-compose.yaml}
K8S_DIR=${K8S_DIR:-k8s-generated}
K8S_ENV_FILE=${K8S_ENV_FILE:-.env.example}
K8S_TIMEOUT=${K8S_TIMEOUT:-300s}
API_IMAGE=${API_IMAGE:-zero-to-running/api:dev}
WEB_IMAGE=${WEB_IMAGE:-zero-to-running/web:dev}
# `K8S_GEN` may hold several words ("java -jar tools/target/k8s-gen.jar"); split it once.
read -r -a K8S_GEN_CMD <<<"${K8S_GEN:-java -jar tools/target/k8s-gen.jar}"
k8s_gen() { "${K8S_GEN_CMD[@]}" "$@"; }

# The generated files are the single source of names: the namespace from kustomization.yaml, the
# cluster from kind-config.yaml, the project from the part-of label. Nothing is hard-coded here.
yaml_top() { # yaml_top FILE KEY: a top-level scalar of a file the generator wrote
  sed -n "s/^$2: *//p" "$1" | head -n 1
}
require_generated() {
  if [ ! -f "$K8S_DIR/kustomization.yaml" ] || [ ! -f "$K8S_DIR/kind-config.yaml" ]; then
    die "$K8S_DIR/ has no kustomization.yaml / kind-config.yaml. Fix: make k8s"
  fi
}
require_generated
NAMESPACE=$(yaml_top "$K8S_DIR/kustomization.yaml" namespace)
KIND_CLUSTER=${KIND_CLUSTER:-$(yaml_top "$K8S_DIR/kind-config.yaml" name)}
# Always name the context: a developer's current context may well be a real cluster.
KUBE_CONTEXT=${KUBE_CONTEXT:-kind-$KIND_CLUSTER}
PART_OF=$(sed -n 's/^ *app.kubernetes.io\/part-of: *//p' "$K8S_DIR/kustomization.yaml" | head -n 1)
PART_OF=${PART_OF:-$NAMESPACE}

kc() { kubectl --context "$KUBE_CONTEXT" "$@"; }
kcn() { kubectl --context "$KUBE_CONTEXT" --namespace "$NAMESPACE" "$@"; }

# need TOOL HINT: one line naming the missing tool and how to get it.
need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. Fix: $2"
}
preflight_kubectl() {
  need kubectl "install kubectl: https://kubernetes.io/docs/tasks/tools/ (or: brew install kubectl)"
}
preflight_kind() {
  need kind "install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation (or: brew install kind, go install sigs.k8s.io/kind@latest)"
}
preflight_cluster() {
  preflight_kind
  preflight_kubectl
  kind get clusters 2>/dev/null | grep -qx "$KIND_CLUSTER" ||
    die "the kind cluster $KIND_CLUSTER does not exist. Fix: make dev K8S=1"
}

# URLs of the published ports: kind forwards 127.0.0.1:<hostPort> to a node port, which a Service owns.
print_urls() {
  local mappings svc_ports line host_port node_port listen name
  mappings=$(awk '/containerPort:/ {c=$NF} /hostPort:/ {h=$NF} /listenAddress:/ {print c, h, $NF}' \
    "$K8S_DIR/kind-config.yaml")
  [ -n "$mappings" ] || return 0
  svc_ports=$(kcn get services -o jsonpath='{range .items[*]}{.metadata.name}{range .spec.ports[*]}{" "}{.nodePort}{end}{"\n"}{end}' 2>/dev/null || true)
  while read -r node_port host_port listen; do
    name=$(awk -v p="$node_port" '{ for (i = 2; i <= NF; i++) if ($i == p) print $1 }' <<<"$svc_ports" | head -n 1)
    [ "$listen" = 127.0.0.1 ] && listen=localhost
    info "  ${name:-port $host_port}: http://$listen:$host_port"
  done <<<"$mappings"
}
