#!/usr/bin/env bash
# make watch: on every save under api/src/main (or of api/config.yml), make dev again; with only
# code changed that is its fast path: compile, restart api and worker on the mounted classes, wait
# until healthy (README "The inner loop"). The web has Vite's hot reload already. The watching is
# Java (tools/.../devtools/SourceWatcher, unit-tested), run from source.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
have_jdk ||
  die "make watch compiles on this machine: it needs a JDK 17+ (e.g. Eclipse Temurin 21). Without one: edit, then make dev"
compose config 2>/dev/null | grep -q 'target: /app/classes$' ||
  die "make watch needs the dev stack (compose.override.yaml mounts the compiled classes); COMPOSE_FILE=${COMPOSE_FILE:-} leaves it out. Fix: unset COMPOSE_FILE"
exec java tools/src/main/java/dev/zerotorunning/devtools/SourceWatcher.java api/src/main api/config.yml \
  -- "${MAKE:-make}" --no-print-directory dev OPEN=0
