#!/usr/bin/env bash
# The dev container (.devcontainer/) with the devcontainer CLI (web's @devcontainers/cli):
# devcontainer up builds and starts it (MAVEN_IMAGE from the environment: CI's stand-in), then
# devcontainer exec runs, inside it: the toolchain (JDK 21, Maven, Node, Docker CLI + Compose v2),
# the host's Docker through the mounted socket, make status on the running stack (when one runs),
# the stack's URL over the host network, and a subset of make test: the tools module's tests
# (./mvnw -pl tools test, ~1 min warm; the first run also fills the Maven volume). The dev
# container is removed at the end (its Maven volume stays as a cache). make e2e runs it with the
# e2e stack up; alone: scripts/e2e-devcontainer.sh (with or without a stack).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

CLI=web/node_modules/.bin/devcontainer
# Its own identity, not the workspace folder's: a developer's dev container of this clone is never touched.
ID_LABEL=zero-to-running.e2e=devcontainer
[ -x "$CLI" ] || die "devcontainer-e2e: no devcontainer CLI at $CLI. Fix: (cd web && npm ci)"

passed=0 failed=0 times=()
pass() { passed=$((passed + 1)) && ok "devcontainer: $1"; }
flunk() { failed=$((failed + 1)) && fail "devcontainer: $1"; }
remove_container() {
  local ids volumes
  mapfile -t ids < <(docker ps -aq --filter "label=$ID_LABEL")
  ((${#ids[@]} > 0)) || return 0
  # its node_modules volume (one per dev container); the Maven cache volume is shared and stays
  mapfile -t volumes < <(docker inspect --format '{{range .Mounts}}{{if eq .Type "volume"}}{{println .Name}}{{end}}{{end}}' "${ids[@]}" |
    grep '^zero-to-running-devcontainer-node-modules-' || true)
  docker rm -f "${ids[@]}" >/dev/null
  ((${#volumes[@]} == 0)) || docker volume rm "${volumes[@]}" >/dev/null
}
trap remove_container EXIT
trap 'exit 130' INT TERM

# The settings the host's make would use (project, ports, images), for make inside the container.
remote_env=()
for name in COMPOSE_PROJECT_NAME WEB_PORT API_PORT API_ADMIN_PORT API_DEBUG_PORT DB_PORT REDIS_PORT PROMETHEUS_PORT \
  API_IMAGE WEB_IMAGE WEB_DEV_IMAGE POSTGRES_IMAGE REDIS_IMAGE JAVA_BASE_IMAGE NODE_IMAGE NGINX_IMAGE MAVEN_IMAGE PROMETHEUS_IMAGE; do
  [ -z "${!name:-}" ] || remote_env+=(--remote-env "$name=${!name}")
done
in_container() { "$CLI" exec --workspace-folder "$ROOT" --id-label "$ID_LABEL" "${remote_env[@]}" "$@"; }
# the same, with none of this run's settings: what a developer's shell in the container has
in_container_plain() { "$CLI" exec --workspace-folder "$ROOT" --id-label "$ID_LABEL" "$@"; }
timed_step() { # timed_step LABEL COMMAND...: runs it, records its wall time
  local label=$1 start rc=0
  shift
  start=$(now_ms)
  "$@" || rc=$?
  times+=("$label|$(fmt_ms $(($(now_ms) - start)))|exit $rc")
  return "$rc"
}

info "${C_BOLD}== devcontainer: up (MAVEN_IMAGE=${MAVEN_IMAGE:-the Dockerfile default})${C_OFF}"
mkdir -p "$ROOT/build"
remove_container
if ! timed_step "devcontainer up" "$CLI" up --workspace-folder "$ROOT" --id-label "$ID_LABEL" --log-level info >"$ROOT/build/devcontainer-up.log" 2>&1; then
  tail -n 30 "$ROOT/build/devcontainer-up.log" >&2
  die "devcontainer up failed (log: build/devcontainer-up.log)"
fi
pass "devcontainer up"

if in_container bash -c 'java -version 2>&1 | grep -q "version \"21" && mvn -v >/dev/null && node -v && npm -v && docker compose version'; then
  pass "JDK 21, Maven, Node, npm and Docker Compose v2 inside"
else flunk "the dev container's toolchain is incomplete"; fi

host_docker=$(docker version --format '{{.Server.Version}} {{.Server.Os}}')
inside_docker=$(in_container docker version --format '{{.Server.Version}} {{.Server.Os}}' 2>&1 || true)
if [ "$inside_docker" = "$host_docker" ]; then pass "the host's Docker answers inside ($inside_docker)"; else flunk "Docker inside: $inside_docker (host: $host_docker)"; fi

# shellcheck disable=SC2016 # expanded inside the container
if in_container bash -c 'test "$(pwd)" = "$1" && test -f compose.override.yaml' _ "$ROOT"; then
  pass "the workspace is at the host's path ($ROOT), so Compose bind mounts resolve on the host"
else flunk "the workspace is not mounted at $ROOT"; fi

if [ -n "$(compose ps --status running --quiet 2>/dev/null)" ]; then
  if timed_step "make status (inside)" in_container make status >"$ROOT/build/devcontainer-status.log" 2>&1 &&
    grep -Eq '^ *api ' "$ROOT/build/devcontainer-status.log"; then
    pass "make status inside lists the host's stack ($(project_name))"
  else flunk "make status inside: $(tail -n 20 "$ROOT/build/devcontainer-status.log")"; fi
  if in_container curl -fsS --max-time 10 -o /dev/null "http://127.0.0.1:${WEB_PORT:-3000}/api/health"; then
    pass "the stack's dashboard port answers inside (host network: 127.0.0.1:${WEB_PORT:-3000})"
  else flunk "127.0.0.1:${WEB_PORT:-3000} does not answer inside"; fi
else
  info "(no stack running: make status and the ports are not checked)"
fi

if timed_step "make test subset: ./mvnw -pl tools test (inside)" in_container_plain ./mvnw -q -B -pl tools test >"$ROOT/build/devcontainer-test.log" 2>&1; then
  pass "the tools module's tests pass inside (./mvnw -pl tools test)"
else flunk "./mvnw -pl tools test inside: $(tail -n 30 "$ROOT/build/devcontainer-test.log")"; fi

timed_step "remove the dev container" remove_container
if [ -z "$(docker ps -aq --filter "label=$ID_LABEL")" ]; then pass "dev container removed"; else flunk "a dev container is left"; fi

echo
{
  echo "STEP|WALL TIME|RESULT"
  printf '%s\n' "${times[@]}"
} | column -t -s '|'
if ((failed > 0)); then
  fail "devcontainer: $passed passed, $failed failed"
  exit 1
fi
ok "devcontainer: $passed passed, $failed failed"
