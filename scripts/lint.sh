#!/usr/bin/env bash
# make lint: check every file without changing any. Each checker runs even when an earlier one
# failed; a tally closes the run. Tools: Spotless (Maven plugin), the web's npm devDependencies
# (ESLint, Prettier, tsc), shellcheck and yamllint (Debian packages; .ci/run installs them).
# Compiler warnings are errors in the Maven build itself (-Xlint:all, failOnWarning): make test.
# scripts/lint.sh --staged (the pre-commit hook): the same checks on the staged files only; a
# checker whose tool or web/node_modules is missing is skipped there.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
staged=${1:-}
[ -z "$staged" ] || [ "$staged" = --staged ] || die "usage: scripts/lint.sh [--staged]"
what=lint${staged:+ (staged files)}

files() { # files PATHSPEC...: the tree's files (tracked, or new and not ignored); --staged: the staged ones
  if [ -n "$staged" ]; then git diff --cached --name-only --diff-filter=ACMR -- "$@"; else
    git ls-files --cached --others --exclude-standard -- "$@"
  fi
}
java_format() {
  [ -n "$staged" ] || { ./mvnw -q -B spotless:check && return; }
  local java
  java=$(files '*.java')
  # Spotless takes regexes of absolute paths; one per staged file.
  [ -z "$java" ] || ./mvnw -q -B spotless:check -DspotlessFiles="$(sed "s|^|$PWD/|; s|[.]|[.]|g" <<<"$java" | paste -sd, -)"
}
web_check() {
  local web lintable
  if [ -n "$staged" ]; then
    web=$(files 'web/*' | sed 's|^web/||')
    [ -n "$web" ] && [ -d web/node_modules ] || return 0
    lintable=$(grep -E '\.(ts|tsx|js|mjs)$' <<<"$web" || true)
    # shellcheck disable=SC2086 # one path per line, none with spaces
    (cd web && npm run -s format:staged -- $web && { [ -z "$lintable" ] || npm run -s lint:staged -- $lintable; })
    return
  fi
  # Reinstall only when the lockfile changed since the last install.
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd web && npm run -s check)
}
lint_with() { # lint_with TOOL HINT FILES ARGS...: TOOL ARGS FILES (a missing TOOL fails, or is skipped when staged)
  local tool=$1 hint=$2 list=$3
  shift 3
  [ -n "$list" ] || return 0
  command -v "$tool" >/dev/null 2>&1 || { [ -n "$staged" ] && return 0; fail "$tool not found: $hint"; return 1; }
  # shellcheck disable=SC2086 # one path per line, none with spaces
  "$tool" "$@" $list
}

run_check "java format (spotless:check)" java_format || true
run_check "web (tsc, prettier, eslint)" web_check || true
run_check shellcheck lint_with shellcheck "apt-get install shellcheck (macOS: brew install shellcheck)" \
  "$(files '*.sh' .ci/run '.githooks/*')" -x || true
run_check yamllint lint_with yamllint "apt-get install yamllint (or pipx install yamllint)" \
  "$(files '*.yaml' '*.yml' ':!:web/**' ':!:tools/src/test/resources/**')" -s -c .yamllint.yaml || true

summary="$what: ${#PASSED[@]} passed, ${#FAILED[@]} failed"
if ((${#FAILED[@]} > 0)); then
  fail "$summary (failed: $(IFS=,; echo "${FAILED[*]}")); make fmt fixes formatting${staged:+; skip the hook once: git commit --no-verify}"
  exit 1
fi
ok "$summary"
