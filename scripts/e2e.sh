#!/usr/bin/env bash
# make e2e: the real stack, end to end, through the dashboard's port (same origin as a browser).
#  1. make dev (cold: images built, empty volumes) on NON-default ports, in its own Compose project
#     with its own image tags, so a developer's stack and images are untouched
#  2. every HTTP contract endpoint; cache MISS then HIT; create + list; writes invalidate
#  3. the rollout worker: a POSTed deployment reaches completed|failed on its own with 5 consistent
#     steps; make scale-worker N=3 spreads 9 rollouts over >= 2 workers; a worker docker-killed
#     mid-rollout leaves its job to another one (attempts >= 2, each step recorded once); N=1 again
#  4. make dev while up; make down + make dev -> the new deployment is still there
#  5. make reset-db -> exactly the seed again, cache flushed
#  6. the dashboard in a real browser (web/e2e/dashboard.e2e.mjs)
#  7. Redis stopped -> reads still succeed with X-Cache: BYPASS
#  8. a published port taken -> make dev refuses, names the port, starts nothing
#  9. the production-like compose.yaml alone (nginx image) answers the contract too
# 10. scripts/k8s/compare-with-compose.sh when present; make clean
# Always tears down (trap), prints measured times (no assertions on time), keeps the exit code.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

export COMPOSE_PROJECT_NAME=${E2E_PROJECT:-zero-to-running-e2e}
export WEB_PORT=${E2E_WEB_PORT:-13000} API_PORT=${E2E_API_PORT:-18080} API_ADMIN_PORT=${E2E_API_ADMIN_PORT:-18081}
export API_DEBUG_PORT=${E2E_API_DEBUG_PORT:-15005} DB_PORT=${E2E_DB_PORT:-15432} REDIS_PORT=${E2E_REDIS_PORT:-16379}
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
ERR='(.error | type == "string") and (.status | type == "number") and (.details | type == "array") and (.timestamp | '"$ISO"')'
DEPLOYMENT='(.id | type == "number") and (.service.name | type == "string") and (.environment.name | type == "string")
  and (.version | type == "string") and (.status | IN("pending","in_progress","completed","failed","rolled_back"))
  and (.deployed_by | type == "string") and (.started_at | '"$ISO"') and (.completed_at == null or (.completed_at | '"$ISO"'))
  and has("error_message")'
seed_snapshot() { # the seed, without ids and timestamps (they are relative to now)
  req GET '/api/deployments?limit=100'
  jq -c '[.count, [.data[] | [.service.name, .environment.name, .version, .status, .deployed_by, .error_message]]]' <<<"$BODY"
}

contract() { # every endpoint of the HTTP contract, read-only and write
  section "HTTP contract through $BASE"
  req GET /api/health
  check "GET /api/health: healthy, postgres and redis up" 200 '.status == "healthy" and .checks.postgres.status == "up"
    and .checks.redis.status == "up" and (.checks.postgres.latency_ms | type == "number") and (.version | type == "string") and (.uptime_s | type == "number")'
  req GET /api/services
  check "GET /api/services: the 4 seeded services" 200 '([.data[].name] | sort) == ["analytics","api","frontend","worker"]
    and all(.data[]; (.id | type == "number") and has("description") and has("repository_url"))'
  req GET /api/environments
  check "GET /api/environments: the 3 seeded environments" 200 '([.data[].name] | sort) == ["development","production","staging"]
    and all(.data[]; (.id | type == "number") and has("description"))'
  req GET /api/deployments
  check "GET /api/deployments: 20 per page, count, cached flag, newest first" 200 "(.data | length) == ([.count, 20] | min)
    and (.cached | type == \"boolean\") and all(.data[]; $DEPLOYMENT)
    and ([.data[] | [.started_at, .id]] == ([.data[] | [.started_at, .id]] | sort | reverse))"
  req GET '/api/deployments?limit=100'
  check "GET /api/deployments?limit=100: >= 30 deployments in every status" 200 '.count >= 30
    and ([.data[].status] | unique) == ["completed","failed","in_progress","pending","rolled_back"]'
  req GET '/api/deployments?service=frontend&environment=production&status=completed&limit=100'
  check "GET /api/deployments filtered by service, environment and status" 200 '.count == (.data | length) and all(.data[];
    .service.name == "frontend" and .environment.name == "production" and .status == "completed")'
  req GET '/api/deployments?limit=5&offset=5'
  check "GET /api/deployments?limit=5&offset=5" 200 '(.data | length) == 5 and .count >= 30'
  for bad in 'limit=0' 'limit=101' 'offset=-1' 'status=bogus' 'limit=abc'; do
    req GET "/api/deployments?$bad"
    check "GET /api/deployments?$bad -> 400 error body" 400 "$ERR and .status == 400"
  done
  req GET '/api/deployments?limit=1'
  local first
  first=$(jq -r '.data[0].id' <<<"$BODY")
  req GET "/api/deployments/$first"
  check "GET /api/deployments/{id}" 200 ".data.id == $first and (.data | $DEPLOYMENT)"
  req GET /api/deployments/987654321
  check "GET /api/deployments/{unknown} -> 404 error body" 404 "$ERR and .status == 404"
  req GET /api/stats
  # shellcheck disable=SC2016 # jq variables
  check "GET /api/stats: totals, by status/environment, 14 days oldest first" 200 '.data as $s | ($s.total | type == "number")
    and ($s.by_status | keys) == ["completed","failed","in_progress","pending","rolled_back"]
    and ($s.by_status | add) == $s.total and ($s.by_environment | keys) == ["development","production","staging"]
    and ($s.success_rate == null or ($s.success_rate >= 0 and $s.success_rate <= 1)) and ($s.last_24h | type == "number")
    and ($s.per_day | length) == 14 and ([$s.per_day[].date] == ([$s.per_day[].date] | sort))'

  section "cache: MISS then HIT, writes invalidate"
  req DELETE /api/cache
  check "DELETE /api/cache" 200 '.data.cleared | type == "number"'
  for path in /api/services /api/environments '/api/deployments?limit=7' /api/stats; do
    req GET "$path"
    check_cache "GET $path after a flush: X-Cache MISS" MISS
    req GET "$path"
    check_cache "GET $path again: X-Cache HIT" HIT
  done
  req GET '/api/deployments?limit=7'
  check "GET /api/deployments (HIT) body has cached: true" 200 '.cached == true'

  section "writes"
  req POST /api/deployments '{"service":"frontend","environment":"staging","version":"v9.8.7","deployed_by":"e2e@example.com"}'
  check "POST /api/deployments -> 201 pending, automated" 201 '.data.status == "pending" and .data.service.name == "frontend"
    and .data.environment.name == "staging" and .data.version == "v9.8.7" and .data.completed_at == null and .data.automated == true'
  CREATED=$(jq -r '.data.id // empty' <<<"$BODY")
  case $(header Location) in # the contract's path, or an absolute URL of this same origin
    "/api/deployments/$CREATED" | "$BASE/api/deployments/$CREATED" | "http://localhost:$WEB_PORT/api/deployments/$CREATED")
      pass "POST Location: $(header Location)" ;;
    *) flunk "POST Location: '$(header Location)', want /api/deployments/$CREATED (or $BASE/api/deployments/$CREATED)" ;;
  esac
  req GET '/api/deployments?limit=7'
  check_cache "the write invalidated the cache: X-Cache MISS" MISS
  req GET '/api/deployments?service=frontend&environment=staging'
  check "the new deployment is first in the list" 200 ".data[0].id == ${CREATED:-0}"
  req POST /api/deployments '{"service":"nope","environment":"staging","version":"v1.0.0","deployed_by":"a@b.co"}'
  check "POST unknown service -> 422" 422 "$ERR"
  req POST /api/deployments '{"service":"api","environment":"staging","version":"latest","deployed_by":"not-an-email"}'
  check "POST bad version and e-mail -> 422 with field details" 422 "$ERR and ([.details[].field] | index(\"version\") != null)"
  # The worker moves an automated deployment; by hand only the manual (seeded) ones move.
  req PATCH "/api/deployments/${CREATED:-0}" '{"status":"in_progress"}'
  if [ "$STATUS" = 200 ]; then
    flunk "PATCH on a deployment the worker rolls out must be refused: HTTP 200 $(head -c 200 <<<"$BODY")"
  elif [ "$STATUS" = 409 ] && jq -e "$ERR" >/dev/null 2>&1 <<<"$BODY"; then
    pass "PATCH on a deployment the worker rolls out -> 409 ($(jq -r .error <<<"$BODY"))"
  else # it may already have finished (failed at its first step): then in_progress is illegal anyway
    flunk "PATCH on an automated deployment: HTTP $STATUS $(head -c 300 <<<"$BODY")"
  fi
  req GET '/api/deployments?status=pending&limit=100'
  MANUAL=$(jq -r '[.data[] | select(.automated == false)][0].id // empty' <<<"$BODY")
  [ -n "$MANUAL" ] || flunk "no manual (seeded, automated: false) pending deployment to PATCH by hand"
  req PATCH "/api/deployments/${MANUAL:-0}" '{"status":"completed"}'
  check "PATCH pending -> completed is illegal -> 409" 409 "$ERR and .status == 409"
  req PATCH "/api/deployments/${MANUAL:-0}" '{"status":"in_progress"}'
  check "PATCH a manual deployment pending -> in_progress" 200 '.data.status == "in_progress" and .data.automated == false'
  req PATCH "/api/deployments/${MANUAL:-0}" '{"status":"failed","error_message":"e2e: smoke failed"}'
  check "PATCH in_progress -> failed with error_message" 200 '.data.status == "failed" and .data.error_message == "e2e: smoke failed" and (.data.completed_at | '"$ISO"')'
  req PATCH /api/deployments/987654321 '{"status":"in_progress"}'
  check "PATCH unknown id -> 404" 404 "$ERR"
}

# ---------------------------------------------------------------------------------------------
# The rollout worker.

STEP_NAMES='["build","push","deploy","health_check","done"]'
# The steps answer of a finished rollout is consistent with its outcome: 5 steps in order; completed:
# all succeeded; failed: the steps before the failed one succeeded, the ones after it skipped.
# shellcheck disable=SC2016 # jq variables
STEPS_FINAL='.data as $d | ($d.status | IN("completed","failed")) and $d.automated == true
  and ([$d.steps[].step] == '"$STEP_NAMES"') and ([$d.steps[].position] == [1,2,3,4,5])
  and ($d.worker | type == "string") and ($d.attempts >= 1)
  and ([$d.steps[].status] as $s | if $d.status == "completed" then all($s[]; . == "succeeded")
       else ($s | index("failed")) as $f | $f != null and all($s[:$f][]; . == "succeeded") and all($s[$f+1:][]; . == "skipped") end)
  and all($d.steps[] | select(.status == "succeeded" or .status == "failed"); (.started_at | '"$ISO"') and (.finished_at | '"$ISO"'))'
# The deployment agrees with its steps: completed_at set; error_message exactly when it failed.
DEPLOYMENT_FINAL='(.data.status | IN("completed","failed")) and (.data.completed_at | '"$ISO"')
  and (if .data.status == "failed" then (.data.error_message | type == "string" and length > 0) else .data.error_message == null end)'

post_rollout() { # post_rollout VERSION -> the new id on stdout (empty when the POST failed)
  req POST /api/deployments "{\"service\":\"api\",\"environment\":\"staging\",\"version\":\"$1\",\"deployed_by\":\"e2e@example.com\"}"
  if [ "$STATUS" = 201 ] && jq -e '.data.status == "pending" and .data.automated == true' >/dev/null 2>&1 <<<"$BODY"; then
    jq -r '.data.id' <<<"$BODY"
  else
    warn "POST $1: HTTP $STATUS $(head -c 300 <<<"$BODY")"
  fi
}
# wait_final SECONDS ID...: until every rollout is completed or failed; 0 when all did in time.
wait_final() {
  local end=$(($(now_ms) + $1 * 1000)) id left
  shift
  while :; do
    left=()
    for id; do
      req GET "/api/deployments/$id/steps"
      jq -e '.data.status | IN("completed","failed")' >/dev/null 2>&1 <<<"$BODY" || left+=("$id")
    done
    ((${#left[@]} > 0)) || return 0
    if (($(now_ms) >= end)); then
      warn "not finished in time: ${left[*]}"
      return 1
    fi
    set -- "${left[@]}"
    sleep 1
  done
}
# "container-number|hostname|state|health|id" of each worker container (hostname = consumer name)
worker_containers() {
  local ids
  ids=$(compose ps -a -q worker | paste -sd' ' -)
  [ -n "$ids" ] || return 0
  # shellcheck disable=SC2086 # several ids
  docker inspect -f '{{index .Config.Labels "com.docker.compose.container-number"}}|{{.Config.Hostname}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.Id}}' $ids | sort -n
}
healthy_workers() { worker_containers | awk -F'|' '$3 == "running" && $4 == "healthy"' | wc -l | tr -d ' '; }
steps_in_db() { # "rows distinct-steps" of deployment_steps for one deployment
  db_sql "select count(*) || ' ' || count(distinct step) from deployment_steps where deployment_id = $1"
}

rollouts() {
  section "rollout worker: one deployment on its own"
  local id ids=() i workers t0 victim='' host='' container='' target='' step tries killed_id='' final_worker map rows distinct
  if [ "$(healthy_workers)" -ge 1 ] && [ "$(healthy_workers)" = "$(worker_containers | grep -c .)" ]; then
    pass "the worker container is healthy (consumer $(worker_containers | cut -d'|' -f2 | paste -sd' ' -))"
  else
    flunk "worker health: $(worker_containers | tr '\n' ' ')"
  fi
  id=$(post_rollout v7.0.0)
  if [ -z "$id" ]; then
    flunk "POST for the rollout: no pending deployment"
    return
  fi
  req GET "/api/deployments/$id/steps"
  check "GET /api/deployments/$id/steps right after the POST: 5 steps, automated, not cached" 200 \
    "(.data.deployment_id == $id) and .data.automated == true and ([.data.steps[].step] == $STEP_NAMES)
     and all(.data.steps[]; .status | IN(\"waiting\",\"running\",\"succeeded\",\"failed\",\"skipped\"))"
  if [ -z "$(header X-Cache)" ]; then pass "the steps answer carries no X-Cache header (never cached)"; else
    flunk "the steps answer has X-Cache: $(header X-Cache)"
  fi
  t0=$(now_ms)
  if wait_final 120 "$id"; then
    req GET "/api/deployments/$id/steps"
    check "rollout $id reached $(jq -r .data.status <<<"$BODY") on its own in $(fmt_ms $(($(now_ms) - t0))) (worker $(jq -r .data.worker <<<"$BODY")): steps consistent" 200 "$STEPS_FINAL"
    req GET "/api/deployments/$id"
    check "the deployment agrees with its steps (status, completed_at, error_message)" 200 "$DEPLOYMENT_FINAL and .data.automated == true"
  else
    flunk "rollout $id did not reach completed or failed within 120 s: $(head -c 600 <<<"$BODY")"
  fi
  req GET "/api/deployments/${MANUAL:-1}/steps"
  check "GET /steps of a manual deployment: no steps, no worker" 200 '.data.automated == false and .data.steps == [] and .data.worker == null and .data.attempts == 0'
  req GET /api/deployments/987654321/steps
  check "GET /api/deployments/{unknown}/steps -> 404" 404 "$ERR"
  req GET /api/deployments/abc/steps
  check "GET /api/deployments/abc/steps -> 400 error body" 400 "$ERR"

  section "rollout worker: make scale-worker N=3, 9 rollouts"
  if timed "make scale-worker N=3" scale-worker N=3; then pass "make scale-worker N=3"; else flunk "make scale-worker N=3"; fi
  if [ "$(healthy_workers)" = 3 ]; then pass "3 healthy worker containers"; else flunk "workers after scale-worker N=3: $(worker_containers | tr '\n' ' ')"; fi
  if grep -q 'CONSUMER NAME' "$tmp/out" && grep -q '/api/deployments' "$tmp/out"; then pass "make scale-worker shows the workers' table and how to create rollouts"; else
    flunk "make scale-worker printed no workers table / hint"
  fi
  for i in 1 2 3 4 5 6 7 8 9; do
    id=$(post_rollout "v7.1.$i")
    [ -z "$id" ] || ids+=("$id")
  done
  if [ "${#ids[@]}" = 9 ]; then pass "9 rollouts requested (201 pending)"; else flunk "only ${#ids[@]} of 9 POSTs answered 201 pending"; fi
  t0=$(now_ms)
  if wait_final 240 "${ids[@]}"; then pass "all ${#ids[@]} rollouts reached completed or failed ($(fmt_ms $(($(now_ms) - t0))))"; else
    flunk "not every rollout finished within 240 s"
  fi
  : >"$tmp/took"
  for id in "${ids[@]}"; do
    req GET "/api/deployments/$id/steps"
    jq -e "$STEPS_FINAL" >/dev/null 2>&1 <<<"$BODY" || flunk "rollout $id: steps inconsistent with its outcome: $(head -c 400 <<<"$BODY")"
    jq -r '.data.worker' <<<"$BODY" >>"$tmp/took"
  done
  workers=$(sort "$tmp/took" | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')
  if [ "$(sort -u "$tmp/took" | grep -vc '^null$')" -ge 2 ]; then pass "the rollouts spread over $(sort -u "$tmp/took" | grep -vc '^null$') workers: $workers"; else
    flunk "the 9 rollouts did not spread over >= 2 workers: $workers"
  fi
  "${MAKE_CMD[@]}" workers 2>&1 | sed -n '1,6p' || true

  section "rollout worker: a worker killed mid-rollout"
  # Kill the worker holding a running rollout; another one must take the job over and finish it.
  map=$(worker_containers | awk -F'|' '$3 == "running"') # looked up once: the kill must be quick
  for tries in 1 2 3; do
    ids=()
    for i in 1 2 3; do
      id=$(post_rollout "v7.2.$tries$i")
      [ -z "$id" ] || ids+=("$id")
    done
    victim=''
    for _ in $(seq 1 100); do # ~20-40 s
      for id in "${ids[@]}"; do
        req GET "/api/deployments/$id/steps"
        # an early step still running: the rest of the rollout needs several seconds more
        step=$(jq -r 'select(.data.status == "in_progress") | .data.steps[] | select(.status == "running" and .position <= 3) | .step' <<<"$BODY" 2>/dev/null || true)
        if [ -n "$step" ]; then
          host=$(jq -r '.data.worker' <<<"$BODY")
          container=$(awk -F'|' -v h="$host" '$2 == h { print $1 }' <<<"$map")
          target=$(awk -F'|' -v h="$host" '$2 == h { print $5 }' <<<"$map")
          if [ -n "$target" ]; then
            victim=$id
            break 2
          fi
        fi
      done
      sleep 0.2
    done
    if [ -z "$victim" ]; then
      warn "no rollout caught in an early step (try $tries)"
      continue
    fi
    docker kill "$target" >/dev/null
    map=$(awk -F'|' -v t="$target" '$5 != t' <<<"$map")
    req GET "/api/deployments/$victim/steps"
    if jq -e '.data.status == "in_progress"' >/dev/null 2>&1 <<<"$BODY"; then
      killed_id=$victim
      break
    fi
    warn "rollout $victim finished before the kill landed (try $tries)"
    victim=''
  done
  if [ -z "${killed_id:-}" ]; then
    flunk "could not kill a worker while it ran a rollout (3 tries)"
  else
    pass "docker kill worker-$container (consumer $host) while it ran rollout $killed_id (step $step)"
    t0=$(now_ms)
    if wait_final 300 "$killed_id"; then
      req GET "/api/deployments/$killed_id/steps"
      final_worker=$(jq -r '.data.worker' <<<"$BODY")
      check "rollout $killed_id was taken over and reached $(jq -r .data.status <<<"$BODY") $(fmt_ms $(($(now_ms) - t0))) after the kill (attempts $(jq -r .data.attempts <<<"$BODY"), worker $final_worker)" 200 \
        "$STEPS_FINAL and .data.attempts >= 2 and .data.worker != \"$host\""
      read -r rows distinct <<<"$(steps_in_db "$killed_id")"
      if [ "$rows" = "$distinct" ] && [ "$rows" = "$(jq '[.data.steps[] | select(.status != "waiting" and .status != "skipped")] | length' <<<"$BODY")" ]; then
        pass "each step of rollout $killed_id recorded once ($rows rows in deployment_steps)"
      else
        flunk "rollout $killed_id: $rows step rows, $distinct distinct steps"
      fi
    else
      flunk "rollout $killed_id never finished after its worker was killed (300 s): $(head -c 600 <<<"$BODY")"
    fi
    wait_final 240 "${ids[@]}" || flunk "the other rollouts of the kill test did not finish"
  fi

  section "rollout worker: make scale-worker N=1"
  if timed "make scale-worker N=1" scale-worker N=1; then pass "make scale-worker N=1"; else flunk "make scale-worker N=1"; fi
  if [ "$(worker_containers | grep -c .)" = 1 ] && [ "$(healthy_workers)" = 1 ]; then pass "one healthy worker container again"; else
    flunk "workers after scale-worker N=1: $(worker_containers | tr '\n' ' ')"
  fi
}

# ---------------------------------------------------------------------------------------------
section "start from nothing: make clean"
"${MAKE_CMD[@]}" clean
must timed "make dev (cold: build images, empty volumes)" dev
SEED=$(seed_snapshot)
contract
rollouts

section "make dev while the stack is up"
must timed "make dev (stack already up)" dev
req GET "/api/deployments/${CREATED:-0}"
check "still serving after make dev while up" 200 ".data.id == ${CREATED:-0}"

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
