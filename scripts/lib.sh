#!/usr/bin/env bash
# shellcheck disable=SC2034 # colours and ROOT are used by the scripts that source this file
# Shared helpers for scripts/*.sh (sourced, never run). Keep bash 3.2 compatible (macOS):
# no associative arrays, no mapfile, no ${var,,}.

# Repository root, whatever the caller's working directory.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

# `COMPOSE` may hold several words ("docker compose"); split it once into an array.
read -r -a COMPOSE_CMD <<<"${COMPOSE:-docker compose}"
compose() { "${COMPOSE_CMD[@]}" "$@"; }

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  C_RED=$'\033[31m' C_GREEN=$'\033[32m' C_YELLOW=$'\033[33m' C_BOLD=$'\033[1m' C_DIM=$'\033[2m' C_OFF=$'\033[0m'
else
  C_RED='' C_GREEN='' C_YELLOW='' C_BOLD='' C_DIM='' C_OFF=''
fi

info() { printf '%s\n' "$*"; }
ok() { printf '%s✓%s %s\n' "$C_GREEN" "$C_OFF" "$*"; }
warn() { printf '%s!%s %s\n' "$C_YELLOW" "$C_OFF" "$*" >&2; }
fail() { printf '%s✗ %s%s\n' "$C_RED" "$*" "$C_OFF" >&2; }
die() {
  fail "$*"
  exit 1
}

# .env holds the local settings (git-ignored); it starts as a copy of .env.example.
ensure_env() {
  [ -f .env ] || { cp .env.example .env && info "created .env from .env.example (edit it to change ports, passwords or images)"; }
}

# Export the KEY=VALUE lines of .env that the environment does not set already
# (the same precedence Compose uses: shell environment first, then .env).
load_env() {
  local file=${1:-.env} line key
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    [[ ${line%$'\r'} =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=(.*)$ ]] || continue
    key=${BASH_REMATCH[2]} line=${BASH_REMATCH[3]}
    if [[ $line =~ ^\"(.*)\"$ || $line =~ ^\'(.*)\'$ ]]; then line=${BASH_REMATCH[1]}; fi
    [ -n "${!key+x}" ] || export "$key=$line"
  done <"$file"
}

# Milliseconds since the epoch, as precisely as this shell allows.
now_ms() {
  local t=${EPOCHREALTIME:-$(date +%s).000000} # bash 5's clock, else seconds (bash 3.2 on macOS)
  t=${t/,/.}
  echo $((${t%.*} * 1000 + 10#${t#*.} / 1000))
}

# 12345 (ms) -> "12.3s"
fmt_ms() { printf '%d.%ds' $(($1 / 1000)) $((($1 % 1000) / 100)); }

# run_check NAME COMMAND...: runs COMMAND, then one ✓ or ✗ line with NAME and its wall time. NAME
# joins PASSED or FAILED (for the caller's tally); NAME|time|exit code is appended to the file
# CHECK_TIMES names, when set (a table of times). Returns COMMAND's status.
PASSED=() FAILED=()
run_check() {
  local name=$1 start rc=0 took
  shift
  start=$(now_ms)
  "$@" || rc=$?
  took=$(fmt_ms $(($(now_ms) - start)))
  [ -z "${CHECK_TIMES:-}" ] || echo "$name|$took|exit $rc" >>"$CHECK_TIMES"
  if ((rc == 0)); then PASSED+=("$name") && ok "$name ($took)"; else FAILED+=("$name") && fail "$name ($took)"; fi
  return "$rc"
}

# The Compose project name as Compose resolves it (COMPOSE_PROJECT_NAME, then `name:`).
project_name() { echo "${COMPOSE_PROJECT_NAME:-$(compose config 2>/dev/null | sed -n 's/^name: *//p' | head -n1)}"; }

# Compose with every profile on: make down, logs, status and restart act on whatever runs,
# whichever profile started it.
compose_all() { COMPOSE_PROFILES='*' compose "$@"; }

# The IDE run configurations of make dev PROFILE=deps and make run-api, in .run/ (IntelliJ's
# api-host.run.xml, and api-host.env, which .vscode/launch.json and make run-api read), from .env's
# ports (tools/.../IdeRunConfigs, from source). IDE_RUN_DIR moves them (make e2e, on other ports).
IDE_RUN_DIR=${IDE_RUN_DIR:-.run}
ide_run_configs() { java_tool tools/src/main/java/dev/zerotorunning/devtools/IdeRunConfigs.java "$IDE_RUN_DIR" "$@"; }
# A JDK on this machine: java and javac (JAVA_HOME's when set) resolve to executable files. Without
# one, make dev builds and runs its Java inside MAVEN_IMAGE (README "No JDK"). Links are followed: a
# removed or masked JDK leaves dangling ones on PATH. No JVM starts here (it is asked often).
have_jdk() {
  local bin=${JAVA_HOME:+$JAVA_HOME/bin/} tool path
  for tool in javac java; do
    path=$(command -v "$bin$tool" 2>/dev/null) && [ -x "$path" ] && [ -f "$(readlink -f "$path")" ] || return 1
  done
}

# in_maven_image CMD...: CMD in MAVEN_IMAGE (JDK and Maven), the repository mounted at the same path,
# as this user, with the Maven repository in a named volume that outlives the container, and the
# settings this environment has of .env.example's and make dev's (docker run -e NAME copies a value).
# MAVEN_NETWORK=host puts it on the host's network (the contract suite calls the published ports).
MAVEN_VOLUME=zero-to-running-maven
maven_image() { echo "${MAVEN_IMAGE:-maven:3.9-eclipse-temurin-21}"; }
in_maven_image() {
  local image network=()
  [ -z "${MAVEN_NETWORK:-}" ] || network=(--network "$MAVEN_NETWORK")
  image=$(maven_image)
  if ! docker volume inspect "$MAVEN_VOLUME" >/dev/null 2>&1; then
    docker volume create "$MAVEN_VOLUME" >/dev/null
    docker run --rm -v "$MAVEN_VOLUME:/m2" "$image" chown "$(id -u):$(id -g)" /m2
  fi
  # shellcheck disable=SC2046 # -e NAME words
  docker run --rm -i ${network[@]+"${network[@]}"} -v "$PWD:$PWD" -w "$PWD" -v "$MAVEN_VOLUME:/m2" --user "$(id -u):$(id -g)" \
    -e HOME=/tmp -e MAVEN_OPTS="-Duser.home=/tmp ${MAVEN_OPTS:-}" -e PLATFORM="${PLATFORM:-}" \
    $(sed -nE 's/^([A-Za-z_][A-Za-z0-9_]*)=.*/-e \1/p' .env.example) -e COMPOSE_PROFILES -e DEV_SERVICES -e MIN_FREE_DISK_GB "$image" "$@"
}
# java_tool FILE ARGS...: one of tools/'s single-file programs, from source, on this JDK or in MAVEN_IMAGE
java_tool() { if have_jdk; then "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$@"; else in_maven_image java "$@"; fi; }
# maven ARGS...: the Maven build, with ./mvnw on this JDK or with mvn in MAVEN_IMAGE
maven() {
  if have_jdk; then ./mvnw "$@"; else in_maven_image mvn -Dmaven.repo.local=/m2/repository "$@"; fi
}

# junit_suite WHAT REPORTS LOG COMMAND...: runs a Maven test COMMAND (output in LOG), prints the
# TestReport of REPORTS (one line per class, each failure); exit 1 when a test failed or none ran.
junit_suite() {
  local what=$1 reports=$2 log=$3 built=0 report=0
  shift 3
  mkdir -p "$(dirname "$log")"
  rm -rf "$reports"
  "$@" >"$log" 2>&1 || built=$?
  java_tool tools/src/main/java/dev/zerotorunning/testreport/TestReport.java "$reports" || report=$?
  # The report exits 1 when tests failed, 2 when none ran: then the end of Maven's log says why.
  if ((built != 0 && report != 1)); then tail -n 40 "$log" | sed 's/^/  | /'; fi
  if ((built != 0 || report != 0)); then
    fail "$what: failed (Maven's log: $log)"
    return 1
  fi
  ok "$what"
}

# stack_tool COMMAND ARGS...: the stack inspection in tools/ (dev.zerotorunning.stack: summary,
# status) on Docker's JSON, from the tools jar (built first when tools/ changed). Without a JDK it
# runs in MAVEN_IMAGE, which has no Docker: the JSON it reads is recorded here first (docker_json).
# STACK_TOOL replaces the jar's command (the tools' tests: their class path).
STACK_JAR=tools/target/k8s-gen.jar
# A short run of a class in the tools jar: C1 alone and its class-data archive (mk/k8s.mk builds it)
TOOLS_JVM=(-XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr -XX:SharedArchiveFile="${STACK_JAR%.jar}.jsa" -cp "$STACK_JAR")
stack_tool() {
  if [ -n "${STACK_TOOL:-}" ]; then
    # shellcheck disable=SC2086 # a command line
    $STACK_TOOL "$@" ${C_BOLD:+--color}
    return
  fi
  make -s --no-print-directory -f mk/k8s.mk "${STACK_JAR%.jar}.jsa" >&2 # the jar, then its archive
  local cmd=("${TOOLS_JVM[@]}" dev.zerotorunning.stack.StackTool "$@" ${C_BOLD:+--color}) dir rc=0
  if have_jdk; then
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" "${cmd[@]}"
    return
  fi
  mkdir -p target/make
  dir=$(mktemp -d target/make/docker-json.XXXXXX) # in the repository: the container mounts it
  docker_json "$dir" "${1:-}"
  in_maven_image java "${cmd[@]}" --docker-json "$dir" || rc=$?
  rm -rf "$dir"
  return "$rc"
}
# docker_json DIR [COMMAND]: what stack_tool COMMAND reads from Docker, as files (its tests' fixtures
# have the same); diagnose also reads each container's last log lines, preflight the versions, the
# machine's listening sockets and the containers publishing ports.
docker_json() {
  local ids id
  compose_all config --format json >"$1/compose-config.json"
  compose_all ps --all --format json >"$1/compose-ps.json"
  ids=$(compose_all ps --all --quiet --no-trunc | paste -sd' ' -)
  # shellcheck disable=SC2086 # container ids
  if [ -n "$ids" ]; then docker inspect $ids >"$1/inspect.json"; else echo '[]' >"$1/inspect.json"; fi
  compose config --hash '*' >"$1/config-hash.txt"
  # shellcheck disable=SC2046 # image references
  docker image inspect $(compose_all config --images | sort -u) >"$1/image-inspect.json" 2>/dev/null || true
  if [ "${2:-}" = preflight ]; then
    docker version --format json >"$1/version.json"
    compose version --short >"$1/compose-version.txt"
    docker info --format '{{.DockerRootDir}}' >"$1/docker-root-dir.txt" 2>/dev/null || true
    docker ps --format json >"$1/docker-ps.json"
    { ss -ltnp 2>/dev/null || lsof -nP -iTCP -sTCP:LISTEN 2>/dev/null || true; } >"$1/socket-table.txt"
  fi
  [ "${2:-}" = diagnose ] || return 0
  for id in $ids; do docker logs --tail 30 "$id" >"$1/logs-$id.txt" 2>&1 || true; done
}

# require_count VALUE USAGE: VALUE must be a positive integer, else one line with the fix.
require_count() {
  [ -n "$1" ] || die "N is not set: how many? Fix: $2"
  [[ $1 =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer (got '$1'). Fix: $2"
}


# worker_spread RUN_SQL [ARGS...]: the table of make workers (stack workers ARGS...) from
# scripts/worker-spread.sql. RUN_SQL runs its one argument as SQL on the stack's database (db_sql,
# or kubectl exec on kind).
worker_spread() {
  local run=$1 file rc=0
  shift
  mkdir -p target/make
  file=$(mktemp target/make/worker-spread.XXXXXX) # in the repository: stack_tool may run in a container
  if ! "$run" "$(cat scripts/worker-spread.sql)" >"$file"; then
    rm -f "$file"
    fail "cannot read deployment_steps: does the API image predate the worker? Fix: make build, then make dev"
    return 1
  fi
  stack_tool workers --spread "$file" "$@" || rc=$?
  rm -f "$file"
  return "$rc"
}

# SHA256_FILES FILE...: "hash  name" lines, on Linux (sha256sum) and macOS (shasum); sha256: of stdin.
if command -v sha256sum >/dev/null 2>&1; then SHA256_FILES=sha256sum; else SHA256_FILES='shasum -a 256'; fi
# shellcheck disable=SC2086 # a command line
sha256() { $SHA256_FILES | cut -d' ' -f1; }
