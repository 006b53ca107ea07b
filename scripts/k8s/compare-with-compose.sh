#!/usr/bin/env bash
# Does k8s-gen read compose.yaml the way Compose does? Prints both normalised models and fails with a
# diff when they differ. Compose is the reference implementation; run by make e2e (make k8s-compare).
# Both sides see the same inputs: this compose file alone (no override), .env, and the shell.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

file=${K8S_COMPOSE_FILES:-compose.yaml}
read -r -a K8S_GEN_CMD <<<"${K8S_GEN:-java -jar tools/target/k8s-gen.jar}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

env_args=()
[ ! -f .env ] || env_args=(--env-file .env)
# COMPOSE_FILE would make Compose merge more files; -f names exactly the one the generator reads.
(
  unset COMPOSE_FILE
  compose -f "$file" ${env_args[@]+"${env_args[@]}"} config --format json >"$tmp/compose.json"
)
"${K8S_GEN_CMD[@]}" model --from-compose-config "$tmp/compose.json" >"$tmp/expected.json"
"${K8S_GEN_CMD[@]}" model --json --compose-file "$file" ${env_args[@]+"${env_args[@]}"} --process-env >"$tmp/actual.json"
if diff -u --label "docker compose config ($file)" --label "k8s-gen model ($file)" \
  "$tmp/expected.json" "$tmp/actual.json"; then
  ok "k8s-gen reads $file as Compose does ($(grep -c '"image"' "$tmp/actual.json") services compared)"
else
  die "k8s-gen and docker compose disagree on $file (diff above: - Compose, + k8s-gen)"
fi
