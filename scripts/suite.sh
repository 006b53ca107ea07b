#!/usr/bin/env bash
# make e2e, make chaos: the JUnit scenarios (scenarios/, by scripts/scenarios.sh) on the real stack,
# from a cold make dev, in an isolated Compose project: scripts/SUITE.env names it, its ports, image
# tags, settings and the scenarios' tags, so a developer's stack and images are untouched.
#   scripts/suite.sh e2e    README "End to end": the HTTP contract suite through the web origin
#     (scripts/contract.sh), make k8s-compare, the scenarios tagged devcontainer | e2e | e2e-profiles
#     (E2E_TEST=Class[#method],... runs some of them)
#   scripts/suite.sh chaos  README "Proving it holds": the scenarios tagged chaos | security, their
#     table. CHAOS_KEEP=1 keeps the stack up; CHAOS_ONLY='RedisOutage Cors' runs the classes whose
#     names contain those words against the chaos stack already up (no make dev, no teardown).
# One line per check (the scenarios: one per test class, and each failure), a table of measured
# times (never asserted), `SUITE: N passed, M failed`, exit 1 on any failure; tears down on any exit.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
suite=${1:-}
case $suite in
  e2e) only='' keep='' tests=${E2E_TEST:-} tools='docker npm' ;;
  chaos) only=${CHAOS_ONLY:-} keep=${CHAOS_KEEP:-}${CHAOS_ONLY:-} tests='' tools=docker ;;
  *) die "usage: scripts/suite.sh e2e|chaos" ;;
esac
unset COMPOSE_FILE
set -a
# shellcheck source=scripts/e2e.env
. "scripts/$suite.env"
set +a
read -r -a MAKE_CMD <<<"${MAKE:-make} --no-print-directory"
have_jdk || die "$suite drives Docker from JUnit scenarios: install a JDK 17+ (e.g. Eclipse Temurin 21)"
for tool in $tools; do
  command -v "$tool" >/dev/null 2>&1 || die "$suite needs $tool on PATH (apt-get install $tool)"
done
tmp=$(mktemp -d)
export SCENARIOS_TIMES=$tmp/times CHECK_TIMES=$tmp/times # each check's and scenario make run's time
started=$(now_ms)
cleanup() {
  local rc=$?
  if [ -n "$keep" ]; then
    [ "$keep" = cleaned ] || info "$suite: leaving $COMPOSE_PROJECT_NAME up (make down / make clean with the same environment removes it)"
  else
    info "$suite: tearing down ($COMPOSE_PROJECT_NAME: containers, volumes, images)"
    "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || warn "$suite: make clean failed; remove the project $COMPOSE_PROJECT_NAME by hand"
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$only" ]; then
  info "${C_BOLD}== $suite: make dev (cold) as $COMPOSE_PROJECT_NAME on http://127.0.0.1:$WEB_PORT${C_OFF}"
  "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || true # leftovers of an interrupted run
  run_check "make dev (cold: images built, empty volumes)" "${MAKE_CMD[@]}" dev || die "$suite: make dev failed; nothing to test"
fi
if [ "$suite" = e2e ]; then
  run_check "the contract suite through the web origin (build/test-logs/contract.log)" \
    scripts/contract.sh "http://127.0.0.1:$WEB_PORT" '!bad-input' || true
  # The generator converts the project as committed: without this run's COMPOSE_PROJECT_NAME.
  run_check "make k8s-compare" env -u COMPOSE_PROJECT_NAME "${MAKE_CMD[@]}" k8s-compare || true
  # The browser checks (web/e2e) and the devcontainer CLI come with the web's packages.
  (cd web && npm ci --no-audit --no-fund --loglevel=error) || die "$suite: npm ci in web/ failed"
fi

for word in $only; do tests+="*$word*,"; done # CHAOS_ONLY's words: surefire patterns *WORD*
args=()
[ -z "$tests" ] || args=("-Dtest=${tests%,}" -Dsurefire.failIfNoSpecifiedTests=false)
info "${C_BOLD}== $suite: scenarios (JUnit, tags $SUITE_TAGS${tests:+; ${tests%,}})${C_OFF}"
rm -f scenarios/target/chaos-summary.txt
start=$(now_ms) rc=0
scripts/scenarios.sh "$SUITE_TAGS" ${args[@]+"${args[@]}"} | tee "$tmp/scenarios.out" || rc=$?
echo "the scenarios, in all|$(fmt_ms $(($(now_ms) - start)))|exit $rc" >>"$tmp/times"
# The report's tally; a run that failed without one (Maven, no tests) counts as one failure.
read -r tp tf < <(sed -n 's/^tests: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$tmp/scenarios.out" | tail -n 1) || true
if [ "$rc" != 0 ] && [ "${tf:-0}" = 0 ]; then tf=1; fi
if [ -z "$keep" ]; then
  run_check "make clean" "${MAKE_CMD[@]}" clean || true
  keep=cleaned
fi

[ ! -f scenarios/target/chaos-summary.txt ] || { echo && cat scenarios/target/chaos-summary.txt; }
echo
{ echo "STEP|WALL TIME|RESULT" && cat "$tmp/times"; } | column -t -s '|'
echo
info "$suite: took $(fmt_ms $(($(now_ms) - started)))"
summary="$suite: $((${#PASSED[@]} + ${tp:-0})) passed, $((${#FAILED[@]} + ${tf:-0})) failed"
if ((${#FAILED[@]} + ${tf:-0} > 0)); then
  fail "$summary"
  exit 1
fi
ok "$summary"
