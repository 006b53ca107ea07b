#!/usr/bin/env bash
# make chaos: fault, bad-input and security tests on the real stack (CI runs it after make e2e).
#  1. make dev (cold: images built, empty volumes) in its own Compose project (ztr-chaos) on
#     non-default ports (231xx) with its own image tags; writes unlimited (RATE_LIMIT_WRITES_PER_MINUTE=0)
#  2. scripts/security/check.sh on it
#  3. faults under bounded load (wrk and curl, 127.0.0.1 only): Redis stopped 10 s, Redis stopped
#     while rollouts run (they all finish after it is back), PostgreSQL restarted, the bad-input battery (the contract suite's
#     JUnit tests tagged bad-input, scripts/contract.sh, on the API's port), the write rate limit, the API crashed and docker-killed
#     (with the dashboard's banner watched in Chromium), make down during a write burst then
#     make dev, make reset-db while the dashboard polls
# One line per scenario (what was done, requests, failures, recovery), a table at the end, and
# `chaos: N passed, M failed`. Always tears down (make clean of the chaos project; CHAOS_KEEP=1
# keeps it up), keeps the exit code. CHAOS_ONLY="redis rollouts db bad_input limit kill down reset security"
# runs a subset against an already running chaos stack (for work on this script).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
# shellcheck source=scripts/chaos/lib.sh
. "$ROOT/scripts/chaos/lib.sh"
# shellcheck source=scripts/chaos/faults.sh
. "$ROOT/scripts/chaos/faults.sh"
# shellcheck source=scripts/chaos/rate-limit.sh
. "$ROOT/scripts/chaos/rate-limit.sh"

for tool in curl jq docker wrk; do
  command -v "$tool" >/dev/null 2>&1 || die "chaos needs $tool on PATH (apt-get install $tool)"
done
only=${CHAOS_ONLY:-}
wanted() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }

tmp=$(mktemp -d)
RUN_ID=$((RANDOM % 900 + 100))
started=$(now_ms)
cleanup() {
  local rc=$?
  touch "$tmp/stop"
  local pid
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${CHAOS_KEEP:-}" ] || [ -n "$only" ]; then
    info "chaos: leaving $COMPOSE_PROJECT_NAME up (make down / make clean with the same environment removes it)"
  else
    info "chaos: tearing down ($COMPOSE_PROJECT_NAME: containers, volumes, images)"
    "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || warn "chaos: make clean failed; remove the project $COMPOSE_PROJECT_NAME by hand"
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$only" ]; then
  section "make dev (cold) as $COMPOSE_PROJECT_NAME on $WEB"
  "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || true # leftovers of an interrupted run
  t0=$(now_ms)
  if ! "${MAKE_CMD[@]}" dev >"$tmp/dev.out" 2>&1; then
    tail -n 40 "$tmp/dev.out"
    die "chaos: make dev failed; nothing to test"
  fi
  sed -n '/^SERVICE/,$p' "$tmp/dev.out" | head -n 7
  pass "make dev (cold) in $(secs_between "$t0" "$(now_ms)")"
fi
if [ -n "$only" ] && wanted reset; then # the seed to compare with: a fresh one
  "${MAKE_CMD[@]}" reset-db >/dev/null 2>&1 || die "chaos: make reset-db failed"
fi
SEED=$(seed_snapshot)
[ -n "$only" ] || [ "$(jq -r '.[0]' <<<"$SEED")" -ge 30 ] || die "chaos: the fresh stack does not hold the seed: $(head -c 200 <<<"$SEED")"

if wanted security; then
  section "security (scripts/security/check.sh)"
  "$ROOT/scripts/security/check.sh" 2>&1 | tee "$tmp/security.out" || true
  read -r sp sf < <(sed -n 's/^tests: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$tmp/security.out" | tail -n 1)
  if [ -z "${sp:-}" ]; then
    flunk "security checks did not finish"
  else
    passed=$((passed + sp)) failed=$((failed + sf))
  fi
  scenario_line "security" "ports, users, secrets in images and k8s-generated/, .env ignored, error answers, CORS" "-" "${sf:-?} failed checks" "-"
fi

# The bad-input battery: the contract suite's tests tagged bad-input (JUnit) on the API's port; it
# writes nothing, so the deployments table must be exactly what it was.
bad_input() {
  section "bad input: the contract suite's battery (JUnit, tag bad-input) against $API"
  local before after r tests_passed tests_failed
  before=$(db_fingerprint '')
  "$ROOT/scripts/contract.sh" "${API%/api}" bad-input | tee "$tmp/bad-input.out" && r=0 || r=1
  verdict "$r" "bad input: every malformed request got a 4xx JSON error body and changed nothing the API shows"
  after=$(db_fingerprint '')
  [ "$after" = "$before" ] && r=0 || r=1
  verdict "$r" "bad input: the deployments table is unchanged (${before%% *} rows, then ${after%% *})"
  read -r tests_passed tests_failed < <(sed -n 's/^tests: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$tmp/bad-input.out" | tail -n 1) || true
  scenario_line "bad input" "malformed requests on every endpoint (JUnit: build/test-logs/contract.log)" \
    "$((${tests_passed:-0} + ${tests_failed:-0}))" "${tests_failed:-?} not a 4xx JSON error" "-"
}

if wanted redis; then fault_redis; fi
if wanted rollouts; then fault_rollouts_redis; fi
if wanted db; then fault_db; fi
if wanted bad_input; then bad_input; fi
if wanted limit; then rate_limit; fi
if wanted kill; then fault_api_kill; fi
if wanted down; then fault_down_during_writes; fi
if wanted reset; then fault_reset_db; fi

echo
{
  echo "SCENARIO|WHAT WAS DONE|REQUESTS|FAILURES|RECOVERY"
  printf '%s\n' "${SUMMARY[@]}"
} | column -t -s '|'
echo
info "chaos: took $(secs_between "$started" "$(now_ms)")"
if ((failed > 0)); then
  fail "chaos: $passed passed, $failed failed"
  exit 1
fi
ok "chaos: $passed passed, $failed failed"
