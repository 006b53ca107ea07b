#!/usr/bin/env bash
# make e2e: the real stack, end to end, through the dashboard's port (same origin as a browser).
#  1. make dev (cold: images built, empty volumes) on NON-default ports, in its own Compose project
#     with its own image tags, so a developer's stack and images are untouched
#  2. the HTTP contract suite (JUnit, scripts/contract.sh) through the web origin: every endpoint,
#     cache MISS then HIT, writes and invalidation, error bodies; the api and worker map the image's
#     class-data archive, and an api without it still gets healthy (scripts/scenarios.sh cds)
#  3. the rollout worker: a POSTed deployment reaches completed|failed on its own with 5 consistent
#     steps; make scale-worker N=3 spreads 9 rollouts over >= 2 workers; a worker docker-killed
#     mid-rollout leaves its job to another one (attempts >= 2, each step recorded once); N=1 again
#  4. make dev while up; a Java change -> make dev's fast path runs the new code (no image build);
#     make down + make dev -> the new deployment is still there
#  5. make reset-db -> exactly the seed again, cache flushed
#  6. the dashboard in a real browser (web/e2e/dashboard.e2e.mjs)
#  7. Redis stopped -> reads still succeed with X-Cache: BYPASS
#  8. a published port taken -> make dev refuses, names the port, starts nothing
#  9. the production-like compose.yaml alone (nginx image) answers the contract too
# 10. scripts/k8s/compare-with-compose.sh when present
# 11. make dev PROFILE=observability: Prometheus's targets, make status, the live panel in Chromium
#     (scripts/e2e-observability.sh)
# 12. make dev PROFILE=deps (then make run-api), backend, frontend (browser on the mocked API), and
#     VITE_POLL reaching the dev server (scripts/e2e-profiles.sh)
# 13. make dev with every JDK hidden: Jib in MAVEN_IMAGE (scripts/e2e-nojdk.sh)
# 14. the dev container: devcontainer up, make status and the tools tests inside
#     (scripts/e2e-devcontainer.sh); make clean
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
for tool in curl jq docker; do
  command -v "$tool" >/dev/null 2>&1 || die "e2e needs $tool on PATH (apt-get install $tool)"
done

tmp=$(mktemp -d)
passed=0 failed=0 times=() listener='' cleaned=false
cleanup() {
  local rc=$?
  [ -z "$listener" ] || kill "$listener" 2>/dev/null || true
  ! declare -F fast_path_restore >/dev/null || fast_path_restore
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

# req METHOD PATH [JSON] -> STATUS, BODY, headers in $tmp/headers
req() {
  local args=(-sS --max-time 20 -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$1")
  [ $# -lt 3 ] || args+=(-H 'Content-Type: application/json' --data "$3")
  STATUS=$(curl "${args[@]}" "$BASE$2" 2>"$tmp/curl.err") || STATUS="000 ($(cat "$tmp/curl.err"))"
  BODY=$(cat "$tmp/body" 2>/dev/null || true)
}
header() { # the last value of response header $1 (case-insensitive)
  awk -v name="$(tr '[:upper:]' '[:lower:]' <<<"$1")" 'index(tolower($0), name ":") == 1 {
    value = substr($0, length(name) + 2); sub(/^[ \t]+/, "", value); sub(/[ \t\r]+$/, "", value) }
    END { print value }' "$tmp/headers"
}
# check DESCRIPTION EXPECTED_STATUS [JQ_PREDICATE over BODY]
check() {
  if [ "$STATUS" = "$2" ] && jq -e "${3:-true}" >/dev/null 2>&1 <<<"$BODY"; then
    pass "$1"
  else
    flunk "$1: HTTP $STATUS $(head -c 400 <<<"$BODY")"
  fi
}
check_cache() { # check_cache DESCRIPTION HIT|MISS|BYPASS
  local got
  got=$(header X-Cache)
  if [ "$got" = "$2" ] && [ "${STATUS:0:1}" = 2 ]; then pass "$1"; else flunk "$1: HTTP $STATUS, X-Cache '$got'"; fi
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

ISO='test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$")'
seed_snapshot() { # the seed, without ids and timestamps (they are relative to now)
  req GET '/api/deployments?limit=100'
  jq -c '[.count, [.data[] | [.service.name, .environment.name, .version, .status, .deployed_by, .error_message]]]' <<<"$BODY"
}

contract() { # the HTTP contract: the JUnit suite through the web origin (the battery runs in make chaos)
  section "HTTP contract through $BASE (JUnit, api/.../contract; scripts/contract.sh)"
  if scripts/contract.sh "$BASE" '!bad-input'; then pass "the contract suite through $BASE"; else
    flunk "the contract suite through $BASE (build/test-logs/contract.log)"
  fi
  section "records the persistence and reset checks look for"
  req POST /api/deployments '{"service":"frontend","environment":"staging","version":"v9.8.7","deployed_by":"e2e@example.com"}'
  CREATED=$(jq -r '.data.id // empty' <<<"$BODY")
  [ -n "$CREATED" ] || flunk "POST /api/deployments (the persistence check's record): HTTP $STATUS $(head -c 300 <<<"$BODY")"
  # A manual (seeded, automated: false) deployment moved by hand: only the worker moves the others.
  req GET '/api/deployments?status=pending&limit=100'
  MANUAL=$(jq -r '[.data[] | select(.automated == false)][0].id // empty' <<<"$BODY")
  req PATCH "/api/deployments/${MANUAL:-0}" '{"status":"in_progress"}'
  req PATCH "/api/deployments/${MANUAL:-0}" '{"status":"failed","error_message":"e2e: smoke failed"}'
  check "manual deployment ${MANUAL:-?} failed by hand (the persistence check's record)" 200 '.data.status == "failed"'
}

# The rollout worker: the rollouts function.
# shellcheck source=scripts/e2e-rollouts.sh
. "$(dirname "$0")/e2e-rollouts.sh"
# Partial stacks and the observability profile: the profiles and observability functions.
# shellcheck source=scripts/e2e-profiles.sh
. "$(dirname "$0")/e2e-profiles.sh"
# shellcheck source=scripts/e2e-observability.sh
. "$(dirname "$0")/e2e-observability.sh"
# shellcheck source=scripts/e2e-fast-path.sh
. "$(dirname "$0")/e2e-fast-path.sh"
# shellcheck source=scripts/e2e-nojdk.sh
. "$(dirname "$0")/e2e-nojdk.sh"

# ---------------------------------------------------------------------------------------------
section "start from nothing: make clean"
"${MAKE_CMD[@]}" clean
must timed "make dev (cold: build images, empty volumes)" dev
SEED=$(seed_snapshot)
contract
section "class-data sharing: api and worker map the archive; an api without it still starts"
if scripts/scenarios.sh cds; then pass "class-data sharing (scenarios: cds)"; else flunk "class-data sharing (scenarios: cds)"; fi
rollouts

section "make dev while the stack is up"
must timed "make dev (stack already up)" dev
req GET "/api/deployments/${CREATED:-0}"
check "still serving after make dev while up" 200 ".data.id == ${CREATED:-0}"
fast_path

section "persistence: make down, make dev"
must timed "make down" down
must timed "make dev (warm: images built, data kept)" dev
req GET "/api/deployments/${CREATED:-0}"
check "the new deployment survived make down / make dev" 200 ".data.id == ${CREATED:-0} and .data.automated == true"
req GET "/api/deployments/${MANUAL:-0}"
check "the manual change survived make down / make dev" 200 '.data.status == "failed" and .data.error_message == "e2e: smoke failed"'

section "make reset-db"
req GET /api/stats
req GET /api/stats
check_cache "stats cached before the reset: X-Cache HIT" HIT
must timed "make reset-db (stack up)" reset-db
req GET /api/stats
check_cache "reset-db flushed the cache: X-Cache MISS" MISS
req GET "/api/deployments/${CREATED:-0}"
check "reset-db removed the new deployment" 404
if [ "$(seed_snapshot)" = "$SEED" ]; then pass "reset-db restored exactly the seed ($(jq '.[0]' <<<"$SEED") deployments)"; else
  flunk "reset-db did not restore exactly the seed"
fi

if [ -f web/e2e/dashboard.e2e.mjs ]; then
  section "the dashboard in a browser (web/e2e/dashboard.e2e.mjs)"
  if (cd web && npm ci --no-audit --no-fund --loglevel=error && BASE_URL=$BASE npm run e2e); then
    pass "browser: dashboard e2e"
  else flunk "browser: dashboard e2e (web/e2e/dashboard.e2e.mjs)"; fi
  if (cd web && BASE_URL=$BASE EXPECT=off npm run -s e2e:metrics-panel); then
    pass "browser: without the observability profile the metrics panel says how to start it"
  else flunk "browser: the metrics panel without Prometheus (web/e2e/metrics-panel.e2e.mjs EXPECT=off)"; fi
fi

if [ -f .devcontainer/devcontainer.json ]; then
  section "the dev container (scripts/e2e-devcontainer.sh): devcontainer up, then make status and tests inside"
  if scripts/e2e-devcontainer.sh; then pass "dev container: up, the host's stack and Docker inside, the tools tests pass"; else
    flunk "dev container (scripts/e2e-devcontainer.sh)"
  fi
fi

section "Redis down: reads bypass the cache"
compose stop redis
for path in /api/services /api/environments '/api/deployments?limit=3' /api/stats; do
  req GET "$path"
  check_cache "GET $path with Redis stopped: 200, X-Cache BYPASS" BYPASS
done
req GET /api/health
check "GET /api/health with Redis stopped: degraded, still 200" 200 '.status == "degraded" and .checks.redis.status == "down"'
compose start redis
for _ in $(seq 1 30); do
  req GET /api/services
  [ "$(header X-Cache)" = BYPASS ] || break
  sleep 1
done
case $(header X-Cache) in
  HIT | MISS) pass "Redis started again: the cache is used again" ;;
  *) flunk "Redis started again, but X-Cache is still '$(header X-Cache)' after 30s" ;;
esac

if grep -Eqs '^k8s-compare[[:space:]]*:' mk/*.mk; then
  section "k8s-gen reads compose.yaml as Compose does (make k8s-compare)"
  # The generator converts the project as committed: without this run's COMPOSE_PROJECT_NAME.
  if env -u COMPOSE_PROJECT_NAME "${MAKE_CMD[@]}" k8s-compare; then pass "make k8s-compare"; else flunk "make k8s-compare (scripts/k8s/compare-with-compose.sh)"; fi
fi

section "a taken port: make dev refuses and starts nothing"
req GET /api/deployments
COUNT=$(jq -r '.count' <<<"$BODY")
must timed "make down" down
if command -v python3 >/dev/null 2>&1; then
  python3 -m http.server --bind 127.0.0.1 "$API_PORT" >/dev/null 2>&1 &
  listener=$!
else
  docker run -d --rm --name "$COMPOSE_PROJECT_NAME-port-blocker" -p "127.0.0.1:$API_PORT:6379" "${REDIS_IMAGE:-redis:7-alpine}" >/dev/null
fi
for _ in $(seq 1 50); do
  if (: <"/dev/tcp/127.0.0.1/$API_PORT") 2>/dev/null; then break; fi
  sleep 0.1
done
if timed "make dev (API_PORT taken: must fail)" dev; then
  flunk "make dev started although port $API_PORT was taken"
else
  if grep -q "port $API_PORT" "$tmp/out" && grep -q API_PORT "$tmp/out"; then pass "make dev named port $API_PORT and API_PORT"; else
    flunk "make dev failed without naming port $API_PORT / API_PORT"
  fi
  if [ -z "$(project_containers "$COMPOSE_PROJECT_NAME")" ]; then pass "make dev started nothing"; else flunk "containers were created"; fi
fi
[ -z "$listener" ] || kill "$listener"
listener=''
docker rm -f "$COMPOSE_PROJECT_NAME-port-blocker" >/dev/null 2>&1 || true

observability
profiles
nojdk

if [ -f web/Dockerfile ]; then
  section "production-like: compose.yaml alone (nginx serving the built dashboard)"
  if COMPOSE_FILE=compose.yaml timed "make dev (compose.yaml only, nginx image)" dev; then
    req GET /
    if [ "$STATUS" = 200 ] && grep -qi '<div id="root"' <<<"$BODY"; then pass "nginx serves the dashboard"; else
      flunk "nginx serves the dashboard: HTTP $STATUS"
    fi
    req GET /api/health
    check "nginx proxies /api/health" 200 '.status == "healthy"'
    req GET /api/services
    req GET /api/services
    check_cache "nginx passes X-Cache through" HIT
    req GET /api/deployments
    check "same data as the dev stack ($COUNT deployments)" 200 ".count == $COUNT"
    req POST /api/deployments '{"service":"worker","environment":"production","version":"1.2.3","deployed_by":"e2e@example.com"}'
    check "POST through nginx -> 201" 201 '.data.status == "pending"'
    id=$(jq -r '.data.id // 0' <<<"$BODY")
    if wait_final 120 "$id"; then
      req GET "/api/deployments/$id/steps"
      check "the worker of compose.yaml alone rolled $id out (GET /steps through nginx)" 200 "$STEPS_FINAL"
    else
      flunk "rollout $id on the compose.yaml-only stack did not finish within 120 s"
    fi
    if [ -f web/e2e/dashboard.e2e.mjs ]; then
      if (cd web && BASE_URL=$BASE SCREENSHOT_DIR="$ROOT/build/e2e/nginx" npm run -s e2e); then
        pass "browser: dashboard e2e on nginx"
      else flunk "browser: dashboard e2e on nginx (web/e2e/dashboard.e2e.mjs)"; fi
      if (cd web && BASE_URL=$BASE EXPECT=off npm run -s e2e:metrics-panel); then
        pass "browser: nginx answers the metrics panel in Prometheus's error shape when it is off"
      else flunk "browser: the metrics panel on nginx without Prometheus (EXPECT=off)"; fi
    fi
  else
    flunk "make dev with compose.yaml only"
  fi
fi

section "make clean"
if timed "make clean" clean; then pass "make clean"; else flunk "make clean"; fi
cleaned=true

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
