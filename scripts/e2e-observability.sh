# shellcheck shell=bash disable=SC2153,SC2154 # tmp, ports, BASE and the helpers are e2e.sh's
# Sourced by scripts/e2e.sh: make dev PROFILE=observability. Prometheus scrapes the API and every
# worker replica (found by DNS), make status lists it, both processes expose the metrics the panel
# reads, and the dashboard's live panel shows numbers through the web origin.

# prometheus_up JOB COUNT: polls Prometheus's targets (60 s at most) until COUNT of JOB's are up;
# prints how many were up at the end.
prometheus_up() {
  local deadline=$(($(date +%s) + 60)) up
  while :; do
    up=$(curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/targets?state=active" |
      jq --arg job "$1" '[.data.activeTargets[] | select(.labels.job == $job and .health == "up")] | length' 2>/dev/null) || up=0
    echo "${up:-0}" >"$tmp/targets"
    ((${up:-0} < $2)) || return 0
    (($(date +%s) < deadline)) || return 1
    sleep 1
  done
}

observability() {
  section "PROFILE=observability: Prometheus scrapes the API and each worker; the live metrics panel"
  if ! timed "make dev PROFILE=observability" dev PROFILE=observability; then
    flunk "make dev PROFILE=observability"
    return
  fi
  local got
  got=$(running_services)
  if [ "$got" = "api db prometheus redis web worker" ]; then pass "PROFILE=observability runs the stack and prometheus"; else
    flunk "PROFILE=observability runs: $got"
  fi
  "${MAKE_CMD[@]}" status >"$tmp/status" 2>&1 || true
  if grep -Eq "^prometheus +running +healthy .*http://localhost:$PROMETHEUS_PORT" "$tmp/status"; then
    pass "make status lists prometheus with http://localhost:$PROMETHEUS_PORT"
  else flunk "make status: no prometheus row with its URL: $(grep prometheus "$tmp/status")"; fi

  # What the panel's queries read, in the text format, on the API's admin port.
  req GET '/api/deployments?limit=2'
  req GET '/api/deployments?limit=2'
  if curl -s "http://127.0.0.1:$API_ADMIN_PORT/prometheus" >"$tmp/metrics" &&
    grep -q '^http_server_request_duration_seconds_bucket{.*route="/api/deployments"' "$tmp/metrics" &&
    grep -q '^wander_cache_lookups_total{entry="deployments",result="hit"}' "$tmp/metrics" &&
    grep -q '^jvm_memory_used_bytes' "$tmp/metrics"; then
    pass "the API's admin port serves /prometheus: latency by route, cache lookups by result, JVM"
  else flunk "the API's /prometheus lacks the panel's series: $(head -c 300 "$tmp/metrics")"; fi

  if prometheus_up api 1 && prometheus_up worker 1; then pass "Prometheus scrapes the api and the worker (targets up)"; else
    flunk "Prometheus targets up: $(cat "$tmp/targets") (api, worker)"
  fi
  if timed "make scale-worker N=2" scale-worker N=2 && prometheus_up worker 2; then
    pass "Prometheus found the second worker replica by itself (DNS): 2 worker targets up"
  else flunk "worker targets up after make scale-worker N=2: $(cat "$tmp/targets")"; fi
  must timed "make scale-worker N=1" scale-worker N=1

  if (cd web && BASE_URL=$BASE EXPECT=live npm run -s e2e:metrics-panel); then
    pass "browser: the live metrics panel shows request rate, p99 and cache hit ratio"
  else flunk "browser: the live metrics panel (web/e2e/metrics-panel.e2e.mjs EXPECT=live)"; fi

  must timed "make dev (no profile: stops prometheus)" dev
  got=$(running_services)
  if [[ " $got " != *" prometheus "* ]]; then pass "make dev without the profile stops prometheus"; else flunk "prometheus still runs: $got"; fi
}
