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
TAIL_LINES=40
REPORTS=(api/target/surefire-reports tools/target/surefire-reports)
mkdir -p "$LOGS"

passed=() failed=() skipped=()
stage() { # stage NAME LOG COMMAND...: runs COMMAND with its output in $LOGS/LOG
  local name=$1 log=$LOGS/$2 started=$SECONDS status=0
  shift 2
  if [ -n "$VERBOSE" ]; then
    info "${C_BOLD}== test: $name${C_OFF}"
    "$@" 2>&1 | tee "$log" || status=$?
  else
    "$@" >"$log" 2>&1 || status=$?
  fi
  if ((status == 0)); then
    passed+=("$name")
    ok "$name ($((SECONDS - started)) s)"
  else
    failed+=("$name")
    fail "$name ($((SECONDS - started)) s, log: $log)"
  fi
  return "$status"
}
show_tail() { # the end of a failed stage's log, when no better report exists
  [ -n "$VERBOSE" ] || tail -n "$TAIL_LINES" "$LOGS/$1" | sed 's/^/  | /'
}
skip() {
  info "${C_DIM}- $1 skipped: $2${C_OFF}"
  skipped+=("$1")
}

# Java: one line per test class from Surefire's reports, then each failure with its assertion and
# the tail of its class's log. The report runs from source, so it speaks even when tools/ failed
# to build. A failure with no failed test (compilation, a plugin) shows the end of Maven's log.
rm -rf "${REPORTS[@]}"
maven_args=(-B --fail-at-end verify)
if [ -n "$VERBOSE" ]; then maven_args+=(-Dverbose); else maven_args+=(-q); fi
if stage "api+tools (mvnw verify)" maven.log ./mvnw "${maven_args[@]}"; then maven_ok=1; else maven_ok=0; fi
report=0
java tools/src/main/java/dev/zerotorunning/testreport/TestReport.java "${REPORTS[@]}" || report=$?
# The report exits 1 when tests failed and 2 when none ran.
if ((!maven_ok && report != 1)); then show_tail maven.log; fi
if ((maven_ok && report != 0)); then failed+=("api+tools test report"); fi

if [ -f web/package.json ]; then
  web_tests() { (cd web && npm ci --no-audit --no-fund --loglevel=error && npm test); }
  stage "web (npm test)" web.log web_tests || show_tail web.log
else
  skip web "no web/package.json"
fi

if grep -Eqs '^k8s-check[[:space:]]*:' mk/*.mk; then
  stage "k8s manifests (make k8s-check)" k8s.log "${MAKE:-make}" --no-print-directory k8s-check || show_tail k8s.log
else
  skip k8s "mk/k8s.mk defines no k8s-check"
fi

# Formatting and linters over the whole tree: Spotless, ESLint, Prettier, tsc, shellcheck, yamllint.
stage "lint (make lint)" lint.log scripts/lint.sh || show_tail lint.log

# Both configurations interpolate and validate (no daemon needed).
if docker compose version >/dev/null 2>&1; then
  compose_configs() { # the dev (merged) and the production-like configuration
    compose --env-file .env.example config --quiet &&
      COMPOSE_FILE=compose.yaml compose --env-file .env.example config --quiet
  }
  stage "compose config" compose.log compose_configs || show_tail compose.log
else
  skip "compose config" "no docker compose"
fi

echo
summary="test: ${#passed[@]} passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
if ((${#failed[@]} > 0)); then
  fail "$summary (failed: $(IFS=,; echo "${failed[*]}"))"
  info "full logs: $LOGS/ (make test VERBOSE=1 prints everything as it runs)"
  exit 1
fi
ok "$summary"
