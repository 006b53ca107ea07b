#!/usr/bin/env bash
# make fmt: rewrite what formatters own, in place: Java (google-java-format through Spotless) and
# the web (Prettier, then ESLint's safe fixes). Shell and YAML have no formatter here: make lint.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

info "${C_BOLD}== fmt: java (spotless:apply)${C_OFF}"
./mvnw -q -B spotless:apply
info "${C_BOLD}== fmt: web (prettier, eslint --fix)${C_OFF}"
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
(cd web && npm run -s format >/dev/null && npm run -s lint:fix)
ok "fmt: done; review with git diff"
