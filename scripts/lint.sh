#!/usr/bin/env bash
# make lint: check every file without changing any. Each checker runs even when an earlier one
# failed; a tally closes the run. Tools: Spotless (Maven plugin), the web's npm devDependencies
# (ESLint, Prettier, tsc), shellcheck and yamllint (Debian packages; .ci/run installs them).
# Compiler warnings are errors in the Maven build itself (-Xlint:all, failOnWarning): make test.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

passed=0 failed=()
check() { # check NAME COMMAND...
  local name=$1
  shift
  info "${C_BOLD}== lint: $name${C_OFF}"
  if "$@"; then passed=$((passed + 1)); else failed+=("$name"); fi
}
need() { # need TOOL HINT: a missing tool is a failure that says how to get it
  command -v "$1" >/dev/null 2>&1 || { fail "$1 not found: $2"; return 1; }
}

# Every shell script in the repo: *.sh, the CI entry point and the git hooks.
shell_files() {
  git ls-files --cached --others --exclude-standard -- '*.sh' .ci/run '.githooks/*'
}
yaml_files() {
  git ls-files --cached --others --exclude-standard -- '*.yaml' '*.yml' ':!:web/**' ':!:tools/src/test/resources/**'
}

check "java format (spotless:check)" ./mvnw -q -B spotless:check

web_check() {
  [ -f web/package.json ] || return 0
  # Reinstall only when the lockfile changed since the last install.
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd web && npm run -s check)
}
check "web (tsc, prettier, eslint)" web_check

shell_check() {
  need shellcheck "apt-get install shellcheck (macOS: brew install shellcheck)" || return 1
  local files
  files=$(shell_files)
  # shellcheck disable=SC2086 # one path per line, none with spaces
  shellcheck -x $files
}
check shellcheck shell_check

yaml_check() {
  need yamllint "apt-get install yamllint (or pipx install yamllint)" || return 1
  local files
  files=$(yaml_files)
  # shellcheck disable=SC2086 # one path per line, none with spaces
  yamllint -s -c .yamllint.yaml $files
}
check yamllint yaml_check

echo
summary="lint: $passed passed, ${#failed[@]} failed"
if ((${#failed[@]} > 0)); then
  fail "$summary (failed: $(printf '%s; ' "${failed[@]}")); make fmt fixes formatting"
  exit 1
fi
ok "$summary"
