#!/usr/bin/env bash
# The daily tools with K8S=1 (mk/k8s.mk): tools.sh ACTION [ARGS...]. Each checks its cluster first
# (k8s-gen cluster: one line with the fix when it is missing), then runs kubectl in its context and
# namespace.
#   down                     stop the port-forwards, delete the stack's objects but keep its data,
#                            like `docker compose down`: PersistentVolumeClaims and the namespace stay
#   clean                    delete the kind cluster, and with it every volume (says so first)
#   logs [SVC]               follow every pod's logs (or SVC's), init containers included
#   status                   make status's table: state, ready/desired, restarts, time to ready, URL
#   port-forward             (re)start the port-forwards (k8s-gen port-forward start)
#   exec SVC TARGET CMD...   CMD in a pod of SVC's workload, with a terminal when there is one
#   restart [SVC]            rolling restart of every workload (or one), wait, port-forwards, status
#   task NAME SVC CMD...     CMD once in a copy of SVC's pod (its image, env, secrets, init
#                            containers) as a Job, like `docker compose run --rm SVC CMD`
#   scale-worker DEPLOY N    kubectl scale, wait, then the spread; make dev K8S=1 applies the
#                            manifest's replicas again, as make dev does with Compose
#   workers [DEPLOY]         the worker pods (a consumer name is a pod name) and how the last hour's
#                            rollouts spread over them
#   compare                  does k8s-gen read the compose file as `docker compose config` does?
set -euo pipefail
# shellcheck source=scripts/k8s/lib.sh
. "$(dirname "$0")/lib.sh"

# SQL in the database pod (db is a StatefulSet; its container has psql and the credentials).
k8s_db_sql() {
  # shellcheck disable=SC2016 # expanded by the container's shell
  kcn exec statefulset/db -- sh -c 'psql -X -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "$1"' sh "$1" </dev/null
}
workers() {
  local web
  mkdir -p target/make
  pods=$(mktemp target/make/worker-pods.XXXXXX)
  trap 'rm -f "$pods"' EXIT
  # "pod|pod|state": the state is "ready" when the pod's container is, else its phase
  kcn get pods -l "app.kubernetes.io/name=$1" \
    -o jsonpath='{range .items[*]}{.metadata.name}{"|"}{.metadata.name}{"|"}{.status.phase}{"|"}{range .status.containerStatuses[*]}{.ready}{end}{"\n"}{end}' |
    sed 's/|[^|]*|true$/|ready/; t; s/|[^|]*$//' >"$pods"
  web=$(k8s_gen urls "${compose_args[@]}" --process-env | sed -n 's/^web|//p')
  worker_spread k8s_db_sql --workers "$pods" --api "${web:-http://localhost:3000}/api"
}

action=${1:-} && shift $(($# > 0))
case $action in
  down)
    k8s_gen port-forward stop
    cluster_settings
    kcn delete deployments,statefulsets,jobs,services,configmaps,secrets,ingresses,serviceaccounts,roles,rolebindings \
      -l "app.kubernetes.io/part-of=$PART_OF" --ignore-not-found --wait
    ok "stack removed from namespace $NAMESPACE; volumes kept (make k8s-clean deletes the cluster)"
    ;;
  clean)
    cluster_settings --require kind
    k8s_gen port-forward stop
    if [ "$KIND_EXISTS" = true ]; then
      warn "deleting kind cluster $KIND_CLUSTER and all its data"
      kind delete cluster --name "$KIND_CLUSTER"
    else
      ok "no kind cluster $KIND_CLUSTER"
    fi
    rm -rf "${K8S_BASE:?}/secrets" "${K8S_LOCAL_DIR:?}"
    ;;
  logs)
    cluster_settings
    exec kubectl --context "$KUBE_CONTEXT" --namespace "$NAMESPACE" logs --follow --tail 100 --prefix \
      --all-containers --max-log-requests 20 -l "app.kubernetes.io/part-of=$PART_OF${1:+,app.kubernetes.io/name=$1}"
    ;;
  status) cluster_settings && status ;;
  port-forward) cluster_settings && k8s_gen port-forward start ;;
  exec)
    [ $# -ge 3 ] || die "usage: tools.sh exec SVC TARGET COMMAND..."
    cluster_settings --workload "$1" --target "$2"
    shift 2
    if [ -t 0 ] && [ -t 1 ]; then tty=(-it); else tty=(-i); fi
    exec kubectl --context "$KUBE_CONTEXT" --namespace "$NAMESPACE" exec "${tty[@]}" "$WORKLOAD" -- "$@"
    ;;
  restart)
    if [ -n "${1:-}" ]; then
      cluster_settings --workload "$1" --target restart
      workloads=("$WORKLOAD")
    else
      cluster_settings
      mapfile -t workloads < <(kcn get deployments,statefulsets -l "app.kubernetes.io/part-of=$PART_OF" -o name)
    fi
    kcn rollout restart "${workloads[@]}"
    wait_ready "${workloads[@]}"
    k8s_gen port-forward start
    status
    ;;
  task)
    [ $# -ge 2 ] || die "usage: tools.sh task NAME SERVICE [COMMAND...]"
    name=$1 service=$2
    shift 2
    cluster_settings
    kcn delete job "$name" --ignore-not-found >/dev/null
    k8s_gen task "${compose_args[@]}" --overlay "$K8S_LOCAL_DIR" --name "$name" --service "$service" -- "$@" | kc apply -f -
    info "running $name ($*) in a $service pod, timeout $K8S_TIMEOUT"
    kcn wait --for=condition=complete "job/$name" --timeout "$K8S_TIMEOUT" ||
      { fail "$name did not complete"; diagnose "job.batch/$name"; exit 1; }
    kcn logs "job/$name" --all-containers --prefix --tail 50 || true
    ok "$name done"
    ;;
  scale-worker)
    require_count "${2:-}" "make scale-worker N=3 K8S=1"
    cluster_settings
    [ -f "$K8S_BASE/deployment-$1.yaml" ] ||
      die "$K8S_BASE/ has no Deployment $1. Fix: make k8s (compose.yaml needs a $1 service)"
    kcn scale "deployment/$1" --replicas "$2"
    kcn rollout status "deployment/$1" --timeout "$K8S_TIMEOUT" ||
      { fail "not ready: deployment.apps/$1"; diagnose "deployment.apps/$1"; exit 1; }
    ok "$2 $1 pod(s) ready"
    echo
    workers "$1"
    info "Kept until the next make dev K8S=1, which applies the manifest's replicas again (compose.yaml: WORKER_REPLICAS)."
    ;;
  workers) cluster_settings && workers "${1:-worker}" ;;
  compare)
    # Both sides see the same inputs: this compose file alone (no override; COMPOSE_FILE would make
    # Compose merge more files), .env, and the shell. Compose is the reference implementation.
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    env_args=()
    [ ! -f .env ] || env_args=(--env-file .env)
    (unset COMPOSE_FILE && compose -f "$K8S_COMPOSE_FILES" ${env_args[@]+"${env_args[@]}"} config --format json >"$tmp/compose.json")
    k8s_gen model --from-compose-config "$tmp/compose.json" >"$tmp/expected.json"
    k8s_gen model --json --compose-file "$K8S_COMPOSE_FILES" ${env_args[@]+"${env_args[@]}"} --process-env >"$tmp/actual.json"
    diff -u --label "docker compose config ($K8S_COMPOSE_FILES)" --label "k8s-gen model ($K8S_COMPOSE_FILES)" "$tmp/expected.json" "$tmp/actual.json" ||
      die "k8s-gen and docker compose disagree on $K8S_COMPOSE_FILES (diff above: - Compose, + k8s-gen)"
    ok "k8s-gen reads $K8S_COMPOSE_FILES as Compose does ($(grep -c '"image"' "$tmp/actual.json") services compared)"
    ;;
  *) die "usage: tools.sh down|clean|logs|status|port-forward|exec|restart|task|scale-worker|workers|compare" ;;
esac
