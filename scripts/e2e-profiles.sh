# shellcheck shell=bash disable=SC2153,SC2154 # tmp, API_PORT, DB_PORT, BASE and the helpers are e2e.sh's
# Sourced by scripts/e2e.sh (its req/check/pass/flunk/timed/must, its ports and project):
# make dev PROFILE=deps|backend|frontend, each from a stopped stack, checked by what runs; a Compose
# profile (a fixture's) beside a partial stack, and make status/logs/down on it.

# running_services: the project's running services (of every profile), sorted, on one line
running_services() { compose_all ps --status running --services 2>/dev/null | sort | paste -sd' ' -; }

profiles() {
  section "PROFILE=deps: PostgreSQL and Redis, migrated and seeded; the API on the host JVM"
  # the IDE run configurations of this run's ports, not over the developer's .run/
  export IDE_RUN_DIR=$tmp/run
  must timed "make down" down
  if timed "make dev PROFILE=deps" dev PROFILE=deps; then
    local got api_pid api_port=$API_PORT admin_port=$API_ADMIN_PORT
    got=$(running_services)
    if [ "$got" = "db redis" ]; then pass "PROFILE=deps runs db and redis only"; else flunk "PROFILE=deps runs: $got"; fi
    if grep -q 'make run-api' "$tmp/out" && grep -q "DATABASE_URL=jdbc:postgresql://localhost:$DB_PORT/" "$tmp/out"; then
      pass "PROFILE=deps prints the IDE settings (DATABASE_URL on port $DB_PORT, make run-api)"
    else flunk "PROFILE=deps did not print the IDE settings"; fi
    if grep -q "localhost:$DB_PORT/" "$IDE_RUN_DIR/api-host.run.xml" && grep -q "^REDIS_URI=redis://localhost:$REDIS_PORT/" "$IDE_RUN_DIR/api-host.env"; then
      pass "PROFILE=deps writes the IntelliJ run configuration and the env file VS Code reads"
    else flunk "PROFILE=deps: no IDE run configurations in $IDE_RUN_DIR"; fi
    "${MAKE_CMD[@]}" status >"$tmp/status" 2>&1 || true
    if grep -q '^Not running: migrate api worker web' "$tmp/status" && ! grep -q 'not created' "$tmp/status"; then
      pass "make status after PROFILE=deps: db and redis, and one line for the rest"
    else flunk "make status after PROFILE=deps: $(cat "$tmp/status")"; fi
    # the printed settings, through make run-api: the API on API_PORT and API_ADMIN_PORT of this run
    "${MAKE_CMD[@]}" run-api >"$tmp/run-api.log" 2>&1 &
    api_pid=$!
    for _ in $(seq 1 180); do
      STATUS=$(curl -s -o "$tmp/body" -w '%{http_code}' "http://127.0.0.1:$admin_port/ready" || true)
      [ "$STATUS" != 200 ] || break
      kill -0 "$api_pid" 2>/dev/null || break
      sleep 1
    done
    STATUS=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api_port/api/health" || true)
    if [ "$STATUS" = 200 ]; then pass "make run-api: /api/health answers 200 on the host JVM"; else flunk "make run-api: /api/health $STATUS"; fi
    BODY=$(curl -s "http://127.0.0.1:$api_port/api/deployments?limit=1" || true)
    if jq -e '.count > 0' <<<"$BODY" >/dev/null 2>&1; then
      pass "make run-api: the API on the host JVM serves the seeded database ($(jq .count <<<"$BODY") deployments)"
    else
      flunk "make run-api did not serve the seed: $(tail -n 5 "$tmp/run-api.log")"
    fi
    if timed "make dev PROFILE=deps (again, the host API on API_PORT)" dev PROFILE=deps; then
      pass "make dev PROFILE=deps again while the host API holds port $API_PORT"
    else flunk "make dev PROFILE=deps refused to run beside make run-api"; fi
    pkill -P "$api_pid" 2>/dev/null || true
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  else
    flunk "make dev PROFILE=deps"
  fi

  section "PROFILE=backend: everything but the web"
  if timed "make dev PROFILE=backend" dev PROFILE=backend; then
    got=$(running_services)
    if [ "$got" = "api db redis worker" ]; then pass "PROFILE=backend runs api, db, redis, worker (no web)"; else
      flunk "PROFILE=backend runs: $got"
    fi
    STATUS=$(curl -s -o "$tmp/body" -w '%{http_code}' "http://127.0.0.1:$API_PORT/api/health" || true)
    if [ "$STATUS" = 200 ]; then pass "PROFILE=backend: the API answers on its port"; else flunk "PROFILE=backend: /api/health $STATUS"; fi
  else
    flunk "make dev PROFILE=backend"
  fi

  section "PROFILE=frontend: the dev server alone, the API mocked in the browser; VITE_POLL reaches it"
  if VITE_POLL=1 timed "make dev PROFILE=frontend (VITE_POLL=1)" dev PROFILE=frontend; then
    got=$(running_services)
    if [ "$got" = web ]; then pass "PROFILE=frontend runs the web dev server only (no JVM)"; else flunk "PROFILE=frontend runs: $got"; fi
    if [ "$(compose exec -T web printenv VITE_POLL 2>/dev/null)" = 1 ]; then pass "VITE_POLL=1 reaches the web container"; else
      flunk "VITE_POLL=1 did not reach the web container"
    fi
    if (cd web && BASE_URL=$BASE npm run -s e2e:mocked-api); then pass "browser: the dashboard renders its rows from the mocked API"; else
      flunk "browser: PROFILE=frontend (web/e2e/mocked-api.e2e.mjs)"
    fi
  else
    flunk "make dev PROFILE=frontend"
  fi

  section "a Compose profile: PROFILE= turns it on beside a partial stack; status and down reach its service"
  # scripts/e2e-profiles.compose.yaml declares the profile e2e-extra (a Redis, nothing published)
  export COMPOSE_FILE=compose.yaml:compose.override.yaml:scripts/e2e-profiles.compose.yaml
  if VITE_POLL=1 timed "make dev PROFILE=frontend,e2e-extra" dev PROFILE=frontend,e2e-extra; then
    got=$(running_services)
    if [ "$got" = "e2e-extra web" ]; then pass "PROFILE=frontend,e2e-extra runs web and the profile's service"; else flunk "PROFILE=frontend,e2e-extra runs: $got"; fi
    "${MAKE_CMD[@]}" status >"$tmp/status" 2>&1 || true
    if grep -q '^e2e-extra  *running' "$tmp/status"; then pass "make status lists the profile's service"; else flunk "make status: no e2e-extra row"; fi
  else
    flunk "make dev PROFILE=frontend,e2e-extra"
  fi
  if timed "make dev PROFILE=nope (must fail)" dev PROFILE=nope; then flunk "make dev accepted PROFILE=nope"; else
    if grep -q 'PROFILE=nope is not a profile (one of: deps backend frontend .*e2e-extra.*)' "$tmp/out"; then
      pass "an unknown PROFILE is one line naming the profiles"
    else flunk "PROFILE=nope: $(tail -n 2 "$tmp/out")"; fi
  fi
  must timed "make down" down
  got=$(running_services)
  if [ -z "$got" ]; then pass "make down stops every profile's services"; else flunk "after make down, running: $got"; fi
  unset COMPOSE_FILE IDE_RUN_DIR
}
