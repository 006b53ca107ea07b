#!/usr/bin/env bash
# make e2e: the real stack, end to end, through the dashboard's port (same origin as a browser).
#  1. make dev (cold: images built, empty volumes) on NON-default ports, in its own Compose project
#     with its own image tags, so a developer's stack and images are untouched
#  2. the HTTP contract suite (JUnit, scripts/contract.sh) through the web origin
#  3. the e2e scenarios (JUnit, scenarios/src/test/java/dev/zerotorunning/scenarios/e2e, run by
#     scripts/scenarios.sh e2e; E2E_TEST=Class[#method],... runs some of them): the rollout worker
#     (make scale-worker, a worker killed mid-rollout), make dev while up, a Java change on the fast
#     path, make down + make dev keeping the data, make reset-db, the dashboard in a browser, Redis
#     stopped, a published port taken, compose.yaml alone (nginx), the api and worker mapping the
#     image's class-data archive (and an api without it still healthy)
#  4. the dev container (scripts/e2e-devcontainer.sh), make k8s-compare
#  5. the profile scenarios (JUnit, scenarios/.../e2e/profiles, tag e2e-profiles): make dev
#     PROFILE=observability; PROFILE=deps (then make run-api), backend, frontend, a Compose profile;
#     then every JDK hidden (scripts/e2e-nojdk.sh)
# Always tears down (trap), prints measured times (no assertions on time), keeps the exit code.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

export COMPOSE_PROJECT_NAME=${E2E_PROJECT:-zero-to-running-e2e}
export WEB_PORT=${E2E_WEB_PORT:-13000} API_PORT=${E2E_API_PORT:-18080} API_ADMIN_PORT=${E2E_API_ADMIN_PORT:-18081}
export API_DEBUG_PORT=${E2E_API_DEBUG_PORT:-15005} DB_PORT=${E2E_DB_PORT:-15432} REDIS_PORT=${E2E_REDIS_PORT:-16379}
export PROMETHEUS_PORT=${E2E_PROMETHEUS_PORT:-19090}
export API_IMAGE=zero-to-running/api:e2e WEB_IMAGE=zero-to-running/web:e2e WEB_DEV_IMAGE=zero-to-running/web-dev:e2e
# Short rollout steps so the e2e does not wait minutes (the defaults, 1-3 s a step, stay realistic).
export ROLLOUT_STEP_DELAY_MIN=${E2E_ROLLOUT_STEP_DELAY_MIN:-400ms} ROLLOUT_STEP_DELAY_MAX=${E2E_ROLLOUT_STEP_DELAY_MAX:-1200ms}
export WORKER_REPLICAS=1
unset COMPOSE_FILE
BASE=http://127.0.0.1:$WEB_PORT
read -r -a MAKE_CMD <<<"${MAKE:-make} --no-print-directory"
for tool in curl jq docker npm; do
  command -v "$tool" >/dev/null 2>&1 || die "e2e needs $tool on PATH (apt-get install $tool)"
done

tmp=$(mktemp -d)
# the scenarios append their make runs' times here (support/Make.java)
export SCENARIOS_TIMES=$tmp/scenario-times
passed=0 failed=0 times=() cleaned=false
cleanup() {
  local rc=$?
  if ! $cleaned; then
    info "e2e: tearing down ($COMPOSE_PROJECT_NAME)"
    "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() {
  passed=$((passed + 1))
  ok "e2e: $1"
}
flunk() {
  failed=$((failed + 1))
  fail "e2e: $1"
}
section() { info "${C_BOLD}== e2e: $*${C_OFF}"; }
# outcome DESCRIPTION COMMAND...: one pass or flunk line for a command's exit code
outcome() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else flunk "$what"; fi
}

# For the checks still in shell (e2e-nojdk.sh):
# req METHOD PATH -> STATUS, BODY; check DESCRIPTION EXPECTED_STATUS [JQ_PREDICATE over BODY]
req() {
  STATUS=$(curl -sS --max-time 20 -o "$tmp/body" -w '%{http_code}' -X "$1" "$BASE$2" 2>"$tmp/curl.err") ||
    STATUS="000 ($(cat "$tmp/curl.err"))"
  BODY=$(cat "$tmp/body" 2>/dev/null || true)
}
check() {
  if [ "$STATUS" = "$2" ] && jq -e "${3:-true}" >/dev/null 2>&1 <<<"$BODY"; then
    pass "$1"
  else
    flunk "$1: HTTP $STATUS $(head -c 400 <<<"$BODY")"
  fi
}
# timed LABEL make-target... : runs make, records its wall time; output to the console and $tmp/out
timed() {
  local label=$1 start rc=0
  shift
  start=$(now_ms)
  "${MAKE_CMD[@]}" "$@" 2>&1 | tee "$tmp/out" || rc=$?
  times+=("$label|$(fmt_ms $(($(now_ms) - start)))|exit $rc")
  return "$rc"
}
must() { "$@" || die "e2e: '$*' failed; stopping (the trap tears the stack down)"; }

# No JDK: the nojdk function.
# shellcheck source=scripts/e2e-nojdk.sh
. "$(dirname "$0")/e2e-nojdk.sh"

# ---------------------------------------------------------------------------------------------
section "start from nothing: make clean"
"${MAKE_CMD[@]}" clean
must timed "make dev (cold: build images, empty volumes)" dev

section "HTTP contract through $BASE (JUnit, api/.../contract; scripts/contract.sh)"
outcome "the contract suite through $BASE (build/test-logs/contract.log)" scripts/contract.sh "$BASE" '!bad-input'

section "scenarios (JUnit, tag e2e${E2E_TEST:+, $E2E_TEST}): rollouts, the dev loop, reset-db, browser, Redis down, a taken port, compose.yaml alone"
# the browser checks (web/e2e) run with the web's packages
must bash -c 'cd web && npm ci --no-audit --no-fund --loglevel=error'
start=$(now_ms) rc=0
scripts/scenarios.sh e2e ${E2E_TEST:+"-Dtest=$E2E_TEST"} || rc=$?
times+=("the e2e scenarios, in all|$(fmt_ms $(($(now_ms) - start)))|exit $rc")
outcome "the e2e scenarios (build/test-logs/scenarios-e2e.log)" test "$rc" = 0

section "the dev container (scripts/e2e-devcontainer.sh): devcontainer up, then make status and tests inside"
outcome "dev container: up, the host's stack and Docker inside, the tools tests pass" scripts/e2e-devcontainer.sh

section "k8s-gen reads compose.yaml as Compose does (make k8s-compare)"
# The generator converts the project as committed: without this run's COMPOSE_PROJECT_NAME.
outcome "make k8s-compare" env -u COMPOSE_PROJECT_NAME "${MAKE_CMD[@]}" k8s-compare

section "profiles (JUnit, tag e2e-profiles): observability, deps + run-api, backend, frontend, a Compose profile"
outcome "the profile scenarios (build/test-logs/scenarios-e2e_profiles.log)" scripts/scenarios.sh e2e-profiles
nojdk

section "make clean"
outcome "make clean" timed "make clean" clean
cleaned=true

[ ! -f "$SCENARIOS_TIMES" ] || mapfile -t -O "${#times[@]}" times <"$SCENARIOS_TIMES"
echo
{
  echo "STEP|WALL TIME|RESULT"
  printf '%s\n' "${times[@]}"
} | column -t -s '|'
echo
if ((failed > 0)); then
  fail "e2e: $passed passed, $failed failed"
  exit 1
fi
ok "e2e: $passed passed, $failed failed"
