#!/usr/bin/env bash
# make test: every test that needs no Docker daemon. Runs each suite even when an earlier one
# failed, prints a tally and exits non-zero when any failed.
#   API + tools (./mvnw verify: embedded PostgreSQL/Redis), web (npm test), Kubernetes
#   manifests (make k8s-check, when mk/k8s.mk defines it), make lint, compose config.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

passed=() failed=() skipped=()
suite() { # suite NAME COMMAND...
  local name=$1
  shift
  info "${C_BOLD}== test: $name${C_OFF}"
  if "$@"; then passed+=("$name"); else failed+=("$name"); fi
}
skip() {
  info "${C_DIM}== test: $1 skipped: $2${C_OFF}"
  skipped+=("$1")
}

suite "api+tools (mvnw verify)" ./mvnw -q -B --fail-at-end verify

if [ -f web/package.json ]; then
  suite "web (npm test)" bash -c 'cd web && npm ci --no-audit --no-fund --loglevel=error && npm test'
else
  skip web "no web/package.json"
fi

if grep -Eqs '^k8s-check[[:space:]]*:' mk/*.mk; then
  suite "k8s manifests (make k8s-check)" "${MAKE:-make}" --no-print-directory k8s-check
else
  skip k8s "mk/k8s.mk defines no k8s-check"
fi

# Formatting and linters over the whole tree: Spotless, ESLint, Prettier, tsc, shellcheck, yamllint.
suite "lint (make lint)" scripts/lint.sh

# Both configurations interpolate and validate (no daemon needed).
if docker compose version >/dev/null 2>&1; then
  compose_configs() { # the dev (merged) and the production-like configuration
    compose --env-file .env.example config --quiet &&
      COMPOSE_FILE=compose.yaml compose --env-file .env.example config --quiet
  }
  suite "compose config" compose_configs
else
  skip "compose config" "no docker compose"
fi

echo
summary="test: ${#passed[@]} passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
if ((${#failed[@]} > 0)); then
  fail "$summary (failed: $(IFS=,; echo "${failed[*]}"))"
  exit 1
fi
ok "$summary"
