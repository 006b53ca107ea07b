#!/usr/bin/env bash
# shellcheck disable=SC2034 # variables are used by the scripts that source this file
# Shared helpers for scripts/k8s/*.sh (sourced, never run). Builds on scripts/lib.sh (repo root,
# colours, info/ok/warn/fail/die, .env handling) and adds what every kind/kubectl step needs.

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# The compose file(s) the generator converts (mk/k8s.mk K8S_COMPOSE_FILES; not Docker's COMPOSE_FILE).
K8S_COMPOSE_FILES=${K8S_COMPOSE_FILES:-compose.yaml}
K8S_DIR=${K8S_DIR:-k8s-generated}
# The kustomize base inside it (beside overlays/staging and overlays/production).
K8S_BASE=$K8S_DIR/base
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
  if [ ! -f "$K8S_BASE/kustomization.yaml" ] || [ ! -f "$K8S_DIR/kind-config.yaml" ]; then
    die "$K8S_DIR/ has no base/kustomization.yaml / kind-config.yaml. Fix: make k8s"
  fi
}
require_generated
NAMESPACE=$(yaml_top "$K8S_BASE/kustomization.yaml" namespace)
KIND_CLUSTER=${KIND_CLUSTER:-$(yaml_top "$K8S_DIR/kind-config.yaml" name)}
PART_OF=$(sed -n 's/^ *app.kubernetes.io\/part-of: *//p' "$K8S_BASE/kustomization.yaml" | head -n 1)
PART_OF=${PART_OF:-$NAMESPACE}
# The git-ignored overlay make dev K8S=1 applies (the base with content-tagged images), and the
# port-forwards' pid file and logs.
K8S_LOCAL_DIR=${K8S_LOCAL_DIR:-.k8s-local}

# Which cluster: kind (created from kind-config.yaml) or the current kubectl context. Everything
# after the choice is the same code path; only how images reach the nodes differs (K8S_LOAD_CMD:
# kind loads them; Docker Desktop's cluster sees the local Docker images, so nothing by default).
K8S_CLUSTER=${K8S_CLUSTER:-kind}
case $K8S_CLUSTER in
  kind)
    # Always name the context: a developer's current context may well be a real cluster.
    KUBE_CONTEXT=${KUBE_CONTEXT:-kind-$KIND_CLUSTER}
    K8S_LOAD_CMD=${K8S_LOAD_CMD-kind load docker-image --name $KIND_CLUSTER}
    ;;
  current)
    KUBE_CONTEXT=${KUBE_CONTEXT:-}
    K8S_LOAD_CMD=${K8S_LOAD_CMD-}
    ;;
  *) die "K8S_CLUSTER=$K8S_CLUSTER is not a cluster choice (kind or current). Fix: make dev K8S=1 (kind) or make dev K8S=1 K8S_CLUSTER=current" ;;
esac

# port_holder PORT: prints who listens on 127.0.0.1:PORT ("python3 (pid 42)", "container NAME" for
# Docker's port proxy, else "another process"); returns 1 when the port is free. (make dev's
# preflight has the same in Java: tools/.../stack/preflight/PortHolders.)
port_holder() {
  local p=$1 out holder='' other
  if command -v ss >/dev/null 2>&1; then
    out=$(ss -ltnp "( sport = :$p )" 2>/dev/null | grep -v '^State' || true)
    [ -n "$out" ] || return 1
    holder=$(sed -nE 's/.*users:\(\("([^"]+)",pid=([0-9]+).*/\1 (pid \2)/p' <<<"$out" | head -n1)
  elif command -v lsof >/dev/null 2>&1; then
    out=$(lsof -nP -iTCP:"$p" -sTCP:LISTEN 2>/dev/null || true)
    [ -n "$out" ] || return 1
    holder=$(awk 'NR == 2 { print $1 " (pid " $2 ")" }' <<<"$out")
  else
    (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null || return 1
  fi
  if [ "${holder%% *}" = docker-proxy ]; then
    other=$(docker ps --filter "publish=$p" --format '{{.Names}}' 2>/dev/null | head -n1 || true)
    [ -z "$other" ] || holder="container $other"
  fi
  echo "${holder:-another process}"
}

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
# The current context, for K8S_CLUSTER=current (KUBE_CONTEXT, when set, names another).
resolve_current_context() {
  [ -z "$KUBE_CONTEXT" ] || return 0
  KUBE_CONTEXT=$(kubectl config current-context 2>/dev/null || true)
  [ -n "$KUBE_CONTEXT" ] ||
    die "K8S_CLUSTER=current but kubectl has no current context. Fix: kubectl config use-context <name> (kubectl config get-contexts lists them), or make dev K8S=1 for kind"
}
require_reachable() {
  local out
  out=$(kc get --raw /readyz --request-timeout 5s 2>&1) ||
    die "the kubectl context $KUBE_CONTEXT is unreachable ($(tail -n 1 <<<"$out")). Fix: start that cluster (kind: make dev K8S=1; Docker Desktop: enable Kubernetes; minikube start; k3d cluster start), or kubectl config use-context <name>"
}
# A cluster that runs: the kind cluster exists, or the current context answers.
preflight_cluster() {
  preflight_kubectl
  if [ "$K8S_CLUSTER" = kind ]; then
    preflight_kind
    kind get clusters 2>/dev/null | grep -qx "$KIND_CLUSTER" ||
      die "the kind cluster $KIND_CLUSTER does not exist. Fix: make dev K8S=1"
  else
    resolve_current_context
  fi
  require_reachable
}

# workload SVC: the Deployment or StatefulSet the generator made of a compose service, as
# kind/name for kubectl; one line with the fix when there is none.
workload() {
  local kind
  for kind in deployment statefulset; do
    if [ -f "$K8S_BASE/$kind-$1.yaml" ]; then
      echo "$kind/$1"
      return
    fi
  done
  die "SVC=$1 names no workload in $K8S_BASE/ (there are: $(workload_names | paste -sd' ' -)). Fix: make ${2:-shell} SVC=<one of them> K8S=1"
}
workload_names() {
  # shellcheck disable=SC2012 # generated file names: no spaces
  ls "$K8S_BASE" | sed -nE 's/^(deployment|statefulset)-(.*)\.yaml$/\2/p' | sort
}

# "containerPort hostPort listenAddress" per port kind publishes (kind-config.yaml extraPortMappings;
# the container port is a node port).
kind_port_mappings() {
  awk '/containerPort:/ {c=$NF} /hostPort:/ {h=$NF} /listenAddress:/ {print c, h, $NF}' \
    "$K8S_DIR/kind-config.yaml"
}
# "service hostPort servicePort" per published port: the Service that owns each kind node port.
published_services() {
  local svc_ports node_port host_port
  svc_ports=$(kcn get services -o jsonpath='{range .items[*]}{range .spec.ports[*]}{.nodePort}{" "}{.port}{" "}{end}{"|"}{.metadata.name}{"\n"}{end}' 2>/dev/null || true)
  while read -r node_port host_port _; do
    [ -n "$node_port" ] || continue
    awk -F'|' -v p="$node_port" -v h="$host_port" '{ n = split($1, f, " "); for (i = 1; i < n; i += 2) if (f[i] == p) print $2, h, f[i + 1] }' <<<"$svc_ports" | head -n 1
  done < <(kind_port_mappings)
}

# The host ports make port-forward K8S=1 publishes on 127.0.0.1, as "service:VARIABLE:port": the
# .env variable (the one compose.override.yaml publishes it with) gives the host port, so scripts
# and IDE settings work unchanged on both. With K8S_CLUSTER=current kind's published ports (web)
# are forwarded too: no kind port mapping exists there.
K8S_PORT_FORWARDS=${K8S_PORT_FORWARDS:-api:API_PORT:8080 api:API_ADMIN_PORT:8081 db:DB_PORT:5432 redis:REDIS_PORT:6379}
# "service hostPort port" per forward, with .env's values.
port_forwards() {
  local f svc var port
  load_env .env
  for f in $K8S_PORT_FORWARDS; do
    IFS=: read -r svc var port <<<"$f"
    echo "$svc ${!var:-$port} $port"
  done
  [ "$K8S_CLUSTER" = kind ] || published_services
}

# "service|URL" per published service (kind's port mappings and the port-forwards), from the
# compose file's dev.zerotorunning.* labels as make status formats Compose's (k8s-gen urls).
service_urls() {
  load_env .env
  {
    [ "$K8S_CLUSTER" != kind ] || published_services
    port_forwards
  } | k8s_gen urls --compose-file "$K8S_COMPOSE_FILES" --env-file "$K8S_ENV_FILE" --process-env
}
print_urls() {
  local svc url
  service_urls | while IFS='|' read -r svc url; do info "  $svc: $url"; done
}
