#!/usr/bin/env bash
# make test: every test that needs no Docker daemon, as a page rather than a log. Each stage
# prints one line (the Maven stage one per test class); a failed stage prints what failed and the
# tail of its log. Every stage runs even when an earlier one failed; a tally closes the run.
# Full output stays in build/test-logs/; VERBOSE=1 prints it all as it runs.
#   API + tools (./mvnw verify: embedded PostgreSQL/Redis), web (npm test), Kubernetes
#   manifests (make k8s-check), make lint, compose config.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

have_jdk || die "make test runs the Java tests on this machine's JDK: install a JDK 17+ (e.g. Eclipse Temurin 21). The dev container (.devcontainer/) has one"
VERBOSE=${VERBOSE:-}
LOGS=build/test-logs
mkdir -p "$LOGS"
skipped=()

# logged LOG COMMAND...: COMMAND with its output in $LOGS/LOG (VERBOSE=1: on the console too); when
# it fails, the end of that log (TAIL=0: not, a report says more).
logged() {
  local log=$LOGS/$1 rc=0
  shift
  if [ -n "$VERBOSE" ]; then "$@" 2>&1 | tee "$log" || rc=$?; else "$@" >"$log" 2>&1 || rc=$?; fi
  if ((rc != 0)) && [ -z "$VERBOSE" ] && [ "${TAIL:-}" != 0 ]; then tail -n 40 "$log" | sed 's/^/  | /'; fi
  return "$rc"
}
skip() {
  info "${C_DIM}- $1 skipped: $2${C_OFF}"
  skipped+=("$1")
}

# Java: one line per test class from Surefire's reports, then each failure with its assertion and
# the tail of its class's log. The report runs from source, so it speaks even when tools/ failed
# to build; it exits 1 when tests failed (then it said why), 2 when none ran. A failure with no
# failed test (compilation, a plugin) shows the end of Maven's log.
java_tests() {
  local reports=(api/target/surefire-reports tools/target/surefire-reports) built=0 report=0
  rm -rf "${reports[@]}"
  TAIL=0 logged maven.log ./mvnw -B --fail-at-end verify "$([ -n "$VERBOSE" ] && echo -Dverbose || echo -q)" || built=$?
  java tools/src/main/java/dev/zerotorunning/testreport/TestReport.java "${reports[@]}" || report=$?
  if ((built != 0 && report != 1)) && [ -z "$VERBOSE" ]; then tail -n 40 "$LOGS/maven.log" | sed 's/^/  | /'; fi
  ((built == 0 && report == 0))
}
run_check "api+tools (mvnw verify; log: $LOGS/maven.log)" java_tests || true

web_tests() { (cd web && npm ci --no-audit --no-fund --loglevel=error && npm test); }
run_check "web (npm test; log: $LOGS/web.log)" logged web.log web_tests || true
run_check "k8s manifests (make k8s-check)" logged k8s.log "${MAKE:-make}" --no-print-directory k8s-check || true
# Formatting and linters over the whole tree: Spotless, ESLint, Prettier, tsc, shellcheck, yamllint.
run_check "lint (make lint)" logged lint.log scripts/lint.sh || true
# Both configurations interpolate and validate (no daemon needed): the dev (merged) and the
# production-like one.
compose_configs() {
  compose --env-file .env.example config --quiet && COMPOSE_FILE=compose.yaml compose --env-file .env.example config --quiet
}
if docker compose version >/dev/null 2>&1; then
  run_check "compose config" logged compose.log compose_configs || true
else
  skip "compose config" "no docker compose"
fi

echo
summary="test: ${#PASSED[@]} passed, ${#FAILED[@]} failed, ${#skipped[@]} skipped"
if ((${#FAILED[@]} > 0)); then
  fail "$summary (failed: $(IFS=,; echo "${FAILED[*]}"))"
  info "full logs: $LOGS/ (make test VERBOSE=1 prints everything as it runs)"
  exit 1
fi
ok "$summary"
