#!/usr/bin/env bash
# The write rate limit of make chaos (sourced by scripts/chaos/run.sh after lib.sh): 429 with
# Retry-After over the budget, per client, and failing open without Redis.
# shellcheck disable=SC2154 # tmp and the helpers are set by run.sh and lib.sh

rate_limit() {
  section "write rate limit: 429 + Retry-After; fails open without Redis"
  local codes=() i client=198.51.100.$((RANDOM % 200 + 1)) retry n=0 spoofed=0 since
  info "restarting the API with RATE_LIMIT_WRITES_PER_MINUTE=5"
  RATE_LIMIT_WRITES_PER_MINUTE=5 compose up -d --wait --no-deps api >/dev/null 2>&1 || flunk "api did not restart with the limit"
  # The client's window opens with its first write, so no clock minute can split the seven POSTs.
  for i in 1 2 3 4 5 6 7; do
    req POST "$API/deployments" '{"service":"api","environment":"development","version":"v2.0.'"$i"'","deployed_by":"limit@chaos.example"}' -H "X-Forwarded-For: $client"
    codes+=("$STATUS")
    n=$((n + 1))
  done
  retry=$(header Retry-After)
  [ "${codes[*]}" = "201 201 201 201 201 429 429" ] && [[ $retry =~ ^[0-9]+$ ]] && ((retry >= 1 && retry <= 60)) && is_error_body 429 <<<"$BODY" && r=0 || r=1
  verdict "$r" "rate limit 5/min: answers ${codes[*]}; the 429 has Retry-After: $retry and the JSON error body"
  req POST "$API/deployments" '{"service":"api","environment":"development","version":"v2.1.0","deployed_by":"limit@chaos.example"}' -H 'X-Forwarded-For: 198.51.100.250'
  n=$((n + 1))
  [ "$STATUS" = 201 ] && r=0 || r=1
  verdict "$r" "rate limit is per client: another client still gets 201 (HTTP $STATUS)"
  # Through the dashboard's origin, with a made-up X-Forwarded-For per request (finding, not a test).
  for i in 1 2 3 4 5 6 7; do
    req POST "$WEB/api/deployments" '{"service":"api","environment":"development","version":"v2.2.'"$i"'","deployed_by":"spoof@chaos.example"}' -H "X-Forwarded-For: 203.0.113.$i"
    n=$((n + 1))
    [ "$STATUS" != 201 ] || spoofed=$((spoofed + 1))
  done
  [ "$spoofed" -le 5 ] || warn "finding: $spoofed of 7 writes through $WEB passed the 5/min limit with a made-up X-Forwarded-For each (the client picks its own budget)"
  since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  compose stop redis >/dev/null 2>&1
  codes=()
  for i in 1 2 3 4 5 6 7; do
    req POST "$API/deployments" '{"service":"api","environment":"development","version":"v2.3.'"$i"'","deployed_by":"limit@chaos.example"}' -H "X-Forwarded-For: $client"
    codes+=("$STATUS")
    n=$((n + 1))
  done
  [ "${codes[*]}" = "201 201 201 201 201 201 201" ] && r=0 || r=1
  verdict "$r" "Redis stopped: the limiter fails open (over-limit client: ${codes[*]})"
  compose logs --no-color --since "$since" api >"$tmp/api.log" 2>&1 || true
  grep -q 'Rate limiter failing open' "$tmp/api.log" && r=0 || r=1
  verdict "$r" "Redis stopped: the API log says 'Rate limiter failing open'"
  compose start redis >/dev/null 2>&1
  wait_healthy redis 30 || flunk "redis not healthy again"
  info "restarting the API without the limit"
  RATE_LIMIT_WRITES_PER_MINUTE=0 compose up -d --wait --no-deps api >/dev/null 2>&1 || flunk "api did not restart without the limit"
  scenario_line "rate limit" "API at 5 writes/min: 7 POSTs, another client, Redis stopped" "$n" "0 unexpected (2 x 429 wanted)" \
    "fails open without Redis$([ "$spoofed" -le 5 ] || echo "; X-Forwarded-For spoofable: $spoofed/7 passed")"
}
