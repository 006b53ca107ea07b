#!/usr/bin/env bash
# The end of make dev: open the dashboard on a desktop session (OPEN=1 forces, OPEN=0 disables; never
# in CI or over SSH). The decision is Java (tools/.../devtools/BrowserOpener, unit-tested); without
# a JDK (PROFILE=frontend needs none) nothing opens. Never fails make dev.
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
port=$(compose port web 3000 2>/dev/null | sed 's/.*://')
[ -n "$port" ] || exit 0
have_jdk || exit 0 # the decision and the opening are this machine's: no JDK, no browser
# From the tools jar that the summary beside it uses (a source launch compiles first: a second of CPU)
java "${TOOLS_JVM[@]}" dev.zerotorunning.devtools.BrowserOpener "http://localhost:$port" 2>/dev/null || true
