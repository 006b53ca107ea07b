#!/usr/bin/env bash
# make bench: the figures of this machine, measured in one run (never asserted; not run by CI).
# The measuring is Java (tools/.../bench): make dev cold, warm (next to plain `docker compose up
# --wait`), unchanged, after a harmless Java edit (reverted); make k8s; wrk on the cached GET next
# to nginx serving the same bytes, admin /ping, both again with the image's JVM flags (C2), Redis
# stopped (BYPASS), POST. Each figure with a ceiling from the same run gets ours / ceiling; the
# table goes to build/bench/results.md and results.json.
# Own Compose project (ztr-bench) on non-default ports (251xx) with its own image tags; writes
# unlimited (RATE_LIMIT_WRITES_PER_MINUTE=0). BENCH_JAVA_TOOL_OPTIONS="..." replaces the dev JVM
# options of api and migrate (scripts/bench/compose.jvm.yaml). BENCH_SECONDS (15),
# BENCH_CONNECTIONS (8), BENCH_THREADS (2) tune wrk. Always tears down (make clean of ztr-bench;
# BENCH_KEEP=1 keeps it).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

have_jdk || die "make bench measures from Java: install a JDK 17+ (e.g. Eclipse Temurin 21)"
for tool in docker wrk; do
  command -v "$tool" >/dev/null 2>&1 || die "bench needs $tool on PATH (apt-get install $tool)"
done
export NO_COLOR=1 # make dev's build lines are parsed
export DEV_SUMMARY_JSON=$PWD/target/make/bench-summary.json # make dev's summary, for the figures
export COMPOSE_PROJECT_NAME=${BENCH_PROJECT:-ztr-bench}
export WEB_PORT=${BENCH_WEB_PORT:-25100} API_PORT=${BENCH_API_PORT:-25180} API_ADMIN_PORT=${BENCH_API_ADMIN_PORT:-25181}
export API_DEBUG_PORT=${BENCH_API_DEBUG_PORT:-25105} DB_PORT=${BENCH_DB_PORT:-25154} REDIS_PORT=${BENCH_REDIS_PORT:-25163}
export API_IMAGE=zero-to-running/api:bench WEB_IMAGE=zero-to-running/web:bench WEB_DEV_IMAGE=zero-to-running/web-dev:bench
export COMPOSE_FILE=compose.yaml:compose.override.yaml:scripts/chaos/compose.chaos.yaml RATE_LIMIT_WRITES_PER_MINUTE=0
jvm_note="compose.override.yaml's JVM options (C1-only JIT, JDWP agent)"
if [ -n "${BENCH_JAVA_TOOL_OPTIONS+x}" ]; then
  COMPOSE_FILE+=:scripts/bench/compose.jvm.yaml
  jvm_note="JAVA_TOOL_OPTIONS='$BENCH_JAVA_TOOL_OPTIONS' (BENCH_JAVA_TOOL_OPTIONS)"
fi
read -r -a MAKE_CMD <<<"${MAKE:-make} --no-print-directory"
cleanup() {
  local rc=$?
  if [ -z "${BENCH_KEEP:-}" ]; then
    info "bench: tearing down ($COMPOSE_PROJECT_NAME: containers, volumes, images)"
    "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || warn "bench: make clean failed for $COMPOSE_PROJECT_NAME"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

make -s --no-print-directory -f mk/k8s.mk "$STACK_JAR" >&2
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$STACK_JAR" dev.zerotorunning.bench.Bench \
  --seconds "${BENCH_SECONDS:-15}" --connections "${BENCH_CONNECTIONS:-8}" --threads "${BENCH_THREADS:-2}" \
  --api-port "$API_PORT" --admin-port "$API_ADMIN_PORT" --nginx-port "${BENCH_NGINX_PORT:-25190}" \
  --nginx-image "${NGINX_IMAGE:-nginx:1.27-alpine}" --jvm-file scripts/bench/compose.jvm.yaml \
  --jvm-note "$jvm_note" --summary-json "$DEV_SUMMARY_JSON"
