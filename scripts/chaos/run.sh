#!/usr/bin/env bash
# make chaos: fault, bad-input and security scenarios on the real stack (CI runs it after make e2e).
#  1. make dev (cold: images built, empty volumes) in its own Compose project (ztr-chaos) on
#     non-default ports (231xx) with its own image tags; writes unlimited
#     (RATE_LIMIT_WRITES_PER_MINUTE=0), short rollout steps
#  2. the scenarios, JUnit tests tagged chaos (scenarios/src/test/java/.../scenarios/chaos) and
#     security (.../scenarios/security), through scripts/scenarios.sh: faults under bounded load on
#     127.0.0.1, the bad-input battery, the write rate limit, the security checks (README "Proving
#     it holds")
# One line per scenario class and each failure, the closing table (scenario, what was done,
# requests, failures, recovery) and `chaos: N passed, M failed`. Always tears down (make clean of
# the chaos project; CHAOS_KEEP=1 keeps it up), keeps the exit code.
# CHAOS_ONLY='RedisOutage ResetDb' runs only the scenario classes whose names contain those words
# (e.g. Cors for a security class) against an already running chaos stack (no make dev, no teardown).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

export COMPOSE_PROJECT_NAME=${CHAOS_PROJECT:-ztr-chaos}
export WEB_PORT=${CHAOS_WEB_PORT:-23100} API_PORT=${CHAOS_API_PORT:-23180} API_ADMIN_PORT=${CHAOS_API_ADMIN_PORT:-23181}
export API_DEBUG_PORT=${CHAOS_API_DEBUG_PORT:-23105} DB_PORT=${CHAOS_DB_PORT:-23154} REDIS_PORT=${CHAOS_REDIS_PORT:-23163}
export API_IMAGE=zero-to-running/api:chaos WEB_IMAGE=zero-to-running/web:chaos WEB_DEV_IMAGE=zero-to-running/web-dev:chaos
# The developer topology (what make dev runs) plus the rate-limit pass-through.
export COMPOSE_FILE=compose.yaml:compose.override.yaml:scripts/chaos/compose.chaos.yaml
export RATE_LIMIT_WRITES_PER_MINUTE=0
# Short rollout steps (the defaults, 1-3 s a step, are for people watching the dashboard).
export ROLLOUT_STEP_DELAY_MIN=${CHAOS_ROLLOUT_STEP_DELAY_MIN:-300ms} ROLLOUT_STEP_DELAY_MAX=${CHAOS_ROLLOUT_STEP_DELAY_MAX:-900ms}
read -r -a MAKE_CMD <<<"${MAKE:-make} --no-print-directory"

command -v docker >/dev/null 2>&1 || die "chaos needs docker on PATH (https://docs.docker.com/engine/install/)"
have_jdk || die "chaos drives Docker from JUnit scenarios: install a JDK 17+ (e.g. Eclipse Temurin 21)"
only=${CHAOS_ONLY:-}
summary=scenarios/target/chaos-summary.txt
tmp=$(mktemp -d)
started=$(now_ms)
passed=0 failed=0
cleanup() {
  local rc=$?
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
  info "${C_BOLD}== chaos: make dev (cold) as $COMPOSE_PROJECT_NAME on http://127.0.0.1:$WEB_PORT${C_OFF}"
  "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || true # leftovers of an interrupted run
  t0=$(now_ms)
  if ! "${MAKE_CMD[@]}" dev >"$tmp/dev.out" 2>&1; then
    tail -n 40 "$tmp/dev.out"
    die "chaos: make dev failed; nothing to test"
  fi
  sed -n '/^SERVICE/,$p' "$tmp/dev.out" | head -n 7
  passed=1
  ok "chaos: make dev (cold) in $(fmt_ms $(($(now_ms) - t0)))"
fi

# CHAOS_ONLY's words pick scenario classes by name (surefire patterns *WORD*).
read -r -a words <<<"$only"
patterns=''
for word in ${words[@]+"${words[@]}"}; do patterns+="*$word*,"; done
args=()
[ -z "$patterns" ] || args+=("-Dtest=${patterns%,}" -Dsurefire.failIfNoSpecifiedTests=false)
info "${C_BOLD}== chaos: scenarios (JUnit, tags chaos | security)${C_OFF}"
rm -f "$summary"
rc=0
"$ROOT/scripts/scenarios.sh" 'chaos | security' ${args[@]+"${args[@]}"} | tee "$tmp/scenarios.out" || rc=$?
# The report's tally; a run that failed without one (Maven, no tests) counts as one failure.
read -r tp tf < <(sed -n 's/^tests: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$tmp/scenarios.out" | tail -n 1) || true
passed=$((passed + ${tp:-0})) failed=$((failed + ${tf:-0}))
if [ "$rc" != 0 ] && [ "${tf:-0}" = 0 ]; then failed=$((failed + 1)); fi

echo
[ ! -f "$summary" ] || cat "$summary"
echo
info "chaos: took $(fmt_ms $(($(now_ms) - started)))"
if ((failed > 0)); then
  fail "chaos: $passed passed, $failed failed"
  exit 1
fi
ok "chaos: $passed passed, $failed failed"
