#!/usr/bin/env bash
# make bench: the figures of this machine, measured in one run (never asserted; not run by CI).
#   1. make dev cold: no project images, no volumes -> every service healthy (per-service times)
#   2. make down; make dev warm: images built, stack down, data kept; next to plain
#      `docker compose up --wait` of the same files; the api's start -> healthy
#   3. a harmless edit of one Java file (a comment; restored by a trap) -> make dev (its fast path:
#      compile, restart in place) -> new code healthy
#   4. the generator: make k8s
#   5. API throughput and p50/p99 latency with wrk (fixed threads, connections, seconds):
#      GET /api/deployments with the cache (HIT) next to nginx serving the same bytes and to the
#      admin /ping (Jetty alone), without Redis (BYPASS), POST /api/deployments; then the cached GET
#      and /ping again with the image's own JVM flags (C2; compose.override.yaml's dev JVM is C1 only)
# Own Compose project (ztr-bench) on non-default ports with its own image tags; writes unlimited
# (RATE_LIMIT_WRITES_PER_MINUTE=0). Prints one table, also written to build/bench/results.md and
# build/bench/results.json; a figure with a ceiling measured in the same run gets ours / ceiling.
# BENCH_JAVA_TOOL_OPTIONS="..." replaces the dev JVM options of api and migrate (scripts/bench/compose.jvm.yaml).
# Always tears down (make clean of ztr-bench; BENCH_KEEP=1 keeps it). BENCH_SECONDS (15),
# BENCH_CONNECTIONS (8), BENCH_THREADS (2) tune the wrk runs.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

export NO_COLOR=1 # make dev's build lines are parsed
export DEV_SUMMARY_JSON=$PWD/target/make/bench-summary.json # make dev's summary, for the figures
export COMPOSE_PROJECT_NAME=${BENCH_PROJECT:-ztr-bench}
export WEB_PORT=${BENCH_WEB_PORT:-24100} API_PORT=${BENCH_API_PORT:-24180} API_ADMIN_PORT=${BENCH_API_ADMIN_PORT:-24181}
export API_DEBUG_PORT=${BENCH_API_DEBUG_PORT:-24105} DB_PORT=${BENCH_DB_PORT:-24154} REDIS_PORT=${BENCH_REDIS_PORT:-24163}
export API_IMAGE=zero-to-running/api:bench WEB_IMAGE=zero-to-running/web:bench WEB_DEV_IMAGE=zero-to-running/web-dev:bench
export COMPOSE_FILE=compose.yaml:compose.override.yaml:scripts/chaos/compose.chaos.yaml RATE_LIMIT_WRITES_PER_MINUTE=0
JVM_NOTE="compose.override.yaml's JVM options (C1-only JIT, JDWP agent)"
if [ -n "${BENCH_JAVA_TOOL_OPTIONS+x}" ]; then
  COMPOSE_FILE+=:scripts/bench/compose.jvm.yaml
  JVM_NOTE="JAVA_TOOL_OPTIONS='$BENCH_JAVA_TOOL_OPTIONS' (BENCH_JAVA_TOOL_OPTIONS)"
fi
API=http://127.0.0.1:$API_PORT/api
SECS=${BENCH_SECONDS:-15} CONNS=${BENCH_CONNECTIONS:-8} THREADS=${BENCH_THREADS:-2}
read -r -a MAKE_CMD <<<"${MAKE:-make} --no-print-directory"
for tool in curl jq docker wrk; do
  command -v "$tool" >/dev/null 2>&1 || die "bench needs $tool on PATH (apt-get install $tool)"
done

# The edited file: a comment line at the top of the class body (google-java-format keeps it). It
# moves the line numbers of the code below, so the bytecode and the image change (a comment that
# moves nothing compiles to the same classes, and Jib's reproducible image would be the same one).
# Restoring removes exactly that line, so a concurrent edit of the file by someone else survives.
EDIT_FILE=api/src/main/java/dev/zerotorunning/wander/AppVersion.java
EDIT_LINE='  // make bench: a harmless edit, reverted when the bench ends'
tmp=$(mktemp -d)
restore_edit() {
  if grep -qxF "$EDIT_LINE" "$EDIT_FILE"; then
    grep -vxF "$EDIT_LINE" "$EDIT_FILE" >"$tmp/edit.restored" || true
    cat "$tmp/edit.restored" >"$EDIT_FILE"
  fi
}
cleanup() {
  local rc=$?
  restore_edit
  if [ -z "${BENCH_KEEP:-}" ]; then
    info "bench: tearing down ($COMPOSE_PROJECT_NAME: containers, volumes, images)"
    "${MAKE_CMD[@]}" clean >/dev/null 2>&1 || warn "bench: make clean failed for $COMPOSE_PROJECT_NAME"
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One row a figure: "step|unit|value|detail|ceiling label|ceiling value" (unit ms or req/s); the
# ceiling is what the same machine does in the same run without our code in the way.
ROWS=()
row() { # row STEP UNIT VALUE DETAIL [CEILING_LABEL CEILING_VALUE]
  ROWS+=("$1|$2|$3|$4|${5:-}|${6:-}")
  info "${C_BOLD}bench:${C_OFF} $1: $(figure "$2" "$3")${4:+ ($4)}${5:+; ceiling: $5 $(figure "$2" "$6")}"
}
figure() { if [ "$1" = ms ]; then fmt_ms "$2"; else echo "$2 $1"; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b }'; }
# timed_make LABEL TARGET: runs make TARGET (output in $tmp/out), sets TOOK_MS
timed_make() {
  local t0 rc=0
  t0=$(now_ms)
  "${MAKE_CMD[@]}" "$2" >"$tmp/out" 2>&1 || rc=$?
  TOOK_MS=$(($(now_ms) - t0))
  if [ "$rc" != 0 ]; then
    tail -n 30 "$tmp/out"
    die "bench: make $2 ($1) failed"
  fi
}
# Per-service "svc healthy-after" from make dev's summary (its JSON, DEV_SUMMARY_JSON), and the
# build lines.
dev_detail() {
  local services build
  # shellcheck disable=SC2016 # jq
  services=$(jq -r 'def s: "\(. / 1000 | floor).\(. % 1000 / 100 | floor)s";
    [.services[] | "\(.container) " + (if .ranMs then "ran \(.ranMs | s)" elif .healthyAfterMs then (.healthyAfterMs | s)
      elif .upForMs then "unchanged" else "-" end)] | join(", ")' "$DEV_SUMMARY_JSON")
  build=$(sed -n 's/.*build: \(.*\) built in \([0-9.]*s\).*/\1 built in \2/p; s/.*build: web image ready in \([0-9.]*s\).*/web image \1/p' "$tmp/out" |
    sed 's/zero-to-running\///' | paste -sd';' - | sed 's/;/; /g')
  echo "healthy after start: $services${build:+; $build}"
}
# The api's time from container start to healthy, in ms (empty when unknown).
api_healthy_ms() { jq -r '.services[] | select(.container == "api") | .healthyAfterMs // empty' "$DEV_SUMMARY_JSON"; }

# --- 1-3: make dev cold, warm, after an edit ---------------------------------------------------
info "bench: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '? GB') RAM, Docker $(docker version -f '{{.Server.Version}}' 2>/dev/null)"
"${MAKE_CMD[@]}" clean >/dev/null 2>&1 || true # cold: no images of this project, no volumes
timed_make "cold" dev
row "make dev, cold (no project images, no volumes)" ms "$TOOK_MS" "$(dev_detail)"
timed_make "down" down
row "make down" ms "$TOOK_MS" ""
# The ceiling of a warm start: plain Compose on the same files and images, nothing of ours around it.
t0=$(now_ms)
compose up --detach --wait --quiet-pull >/dev/null 2>&1 || die "bench: plain docker compose up --wait failed"
plain_ms=$(($(now_ms) - t0))
timed_make "down" down
timed_make "warm" dev
row "make dev, warm (images built, stack down)" ms "$TOOK_MS" "$(dev_detail)" "docker compose up --wait" "$plain_ms"
api_ms=$(api_healthy_ms)
[ -z "$api_ms" ] || row "api container start -> healthy (warm)" ms "$api_ms" "from make dev's summary"
timed_make "again" dev
row "make dev while up, nothing changed" ms "$TOOK_MS" ""

# the api's start time: make dev's fast path restarts the same container
api_started() { docker inspect -f '{{.State.StartedAt}}' "$(docker ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --filter label=com.docker.compose.service=api)" 2>/dev/null; }
old_api=$(api_started)
awk -v edit="$EDIT_LINE" '{ print } !done && /^public .*class .*[{]$/ { print edit; done = 1 }' "$EDIT_FILE" >"$tmp/edit.java"
cat "$tmp/edit.java" >"$EDIT_FILE"
timed_make "edit" dev
restore_edit
[ "$(api_started)" != "$old_api" ] || warn "bench: the api was not restarted after the edit"
row "edit $(basename "$EDIT_FILE") -> make dev -> new api healthy" ms "$TOOK_MS" "$(dev_detail)"

# --- 4: the generator ---------------------------------------------------------------------------
if grep -Eqs '^k8s[[:space:]]*:' mk/*.mk; then
  before=$(git status --porcelain -- k8s-generated)
  # The generator converts the project as committed: compose.yaml, no run-specific project name.
  for run in 1 2; do
    t0=$(now_ms)
    if env -u COMPOSE_FILE -u COMPOSE_PROJECT_NAME "${MAKE_CMD[@]}" k8s >"$tmp/out" 2>&1; then
      row "make k8s (run $run)" ms $(($(now_ms) - t0)) "regenerates k8s-generated/ from compose.yaml"
    else
      warn "bench: make k8s failed: $(tail -n 5 "$tmp/out")"
    fi
  done
  [ "$(git status --porcelain -- k8s-generated)" = "$before" ] || warn "bench: make k8s changed k8s-generated/ (run make k8s-check)"
  # A large real-world shape: 57 services like getsentry/self-hosted's file (goal: under 2 s).
  for run in 1 2; do
    t0=$(now_ms)
    if env -u COMPOSE_PROJECT_NAME "${MAKE_CMD[@]}" k8s COMPOSE_FILE=scripts/bench/sentry-shaped/compose.yaml \
      K8S_DIR="$tmp/sentry-shaped" >"$tmp/out" 2>&1; then
      row "make k8s, 57-service file (run $run)" ms $(($(now_ms) - t0)) "goal 2 s, JVM start included"
    else
      warn "bench: make k8s of the 57-service file failed: $(tail -n 5 "$tmp/out")"
    fi
  done
fi

# --- 5: throughput and latency ----------------------------------------------------------------
# wrk_run LABEL URL [METHOD BODY [CEILING_LABEL CEILING_RPS]]: a row from count.lua's summary
# line; sets RPS
wrk_run() {
  local line kv
  WRK_METHOD=${3:-} WRK_BODY=${4:-} wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" --timeout 10s --latency \
    -s scripts/bench/count.lua "$2" >"$tmp/wrk.out" 2>&1 || true
  line=$(grep '^WRK ' "$tmp/wrk.out" | cut -d' ' -f2-) || die "bench: wrk printed no summary: $(tail -n 5 "$tmp/wrk.out")"
  local WRK_requests=0 WRK_s2xx=0 WRK_rps=0 WRK_p50_ms=0 WRK_p99_ms=0 WRK_hit=0 WRK_bypass=0 WRK_miss=0
  for kv in $line; do printf -v "WRK_${kv%%=*}" '%s' "${kv#*=}"; done
  RPS=${WRK_rps%.*}
  [ -z "$1" ] || row "$1" req/s "$RPS" "p50 ${WRK_p50_ms} ms, p99 ${WRK_p99_ms} ms; $WRK_requests requests, $((WRK_requests - WRK_s2xx)) not 2xx; X-Cache HIT $WRK_hit MISS $WRK_miss BYPASS $WRK_bypass" "${5:-}" "${6:-}"
}
target="$API/deployments?limit=20"
curl -sf -o /dev/null "$target" && curl -sf -o "$tmp/static/deployments.json" --create-dirs "$target" # cached
# The ceiling: nginx serving the same bytes as a static file, on the same machine, same wrk.
nginx_port=${BENCH_NGINX_PORT:-24190}
printf 'server { listen 8080; root /usr/share/nginx/html; default_type application/json; }\n' >"$tmp/nginx.conf"
docker run -d --rm --name "$COMPOSE_PROJECT_NAME-nginx-ceiling" -p "127.0.0.1:$nginx_port:8080" \
  -v "$tmp/static:/usr/share/nginx/html:ro" -v "$tmp/nginx.conf:/etc/nginx/conf.d/default.conf:ro" \
  "${NGINX_IMAGE:-nginx:1.27-alpine}" >/dev/null || die "bench: could not start nginx for the ceiling"
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/deployments.json" && break; sleep 0.2; done
wrk_run "" "http://127.0.0.1:$nginx_port/deployments.json"
nginx_rps=$RPS
docker rm -f "$COMPOSE_PROJECT_NAME-nginx-ceiling" >/dev/null 2>&1 || true
wrk_run "GET /api/deployments?limit=20, cache HIT (wrk -t$THREADS -c$CONNS)" "$target" "" "" "nginx, the same bytes as a static file" "$nginx_rps"
# What the API's JVM answers with no code of ours on the path: Dropwizard's admin /ping servlet
# (plain Jetty, same JVM, same flags): the floor under any endpoint of ours.
wrk_run "GET admin /ping: Jetty alone in the API's JVM (wrk -t$THREADS -c$CONNS)" "http://127.0.0.1:$API_ADMIN_PORT/ping" "" "" "nginx, the same bytes as a static file" "$nginx_rps"
# The same reads with the image's own JVM flags (C2 JIT, no agent: how compose.yaml alone and
# Kubernetes run it), after a warm-up run that lets C2 compile the hot path;
# before the writes, whose rollouts keep the worker busy and the cache missing for a while.
BENCH_JAVA_TOOL_OPTIONS='' COMPOSE_FILE="$COMPOSE_FILE:scripts/bench/compose.jvm.yaml" \
  compose up --detach --wait --no-deps api >/dev/null 2>&1 || die "bench: the api did not start with the image's JVM flags"
curl -sf -o /dev/null "$target" || true
wrk -t"$THREADS" -c"$CONNS" -d"$((SECS / 3 + 1))s" "$target" >/dev/null 2>&1 || true # the warm-up
wrk_run "GET /api/deployments?limit=20, cache HIT, the image's JVM flags (C2) (wrk -t$THREADS -c$CONNS)" "$target" "" "" "nginx, the same bytes as a static file" "$nginx_rps"
wrk_run "GET admin /ping, the image's JVM flags (C2) (wrk -t$THREADS -c$CONNS)" "http://127.0.0.1:$API_ADMIN_PORT/ping" "" "" "nginx, the same bytes as a static file" "$nginx_rps"
compose up --detach --wait --no-deps api >/dev/null 2>&1 || die "bench: the api did not start again with the dev JVM flags"
compose stop redis >/dev/null 2>&1
wrk_run "GET /api/deployments, Redis stopped: BYPASS (wrk -t$THREADS -c$CONNS)" "$target"
compose start redis >/dev/null 2>&1
compose up -d --wait redis >/dev/null 2>&1 || warn "bench: redis not healthy again"
wrk_run "POST /api/deployments (wrk -t$THREADS -c$CONNS)" "$API/deployments" POST \
  '{"service":"worker","environment":"staging","version":"v1.2.3","deployed_by":"bench@example.com"}'

# --- the table ------------------------------------------------------------------------------------
mkdir -p build/bench
{
  echo "# make bench"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) · commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') · $(nproc) CPUs · Docker $(docker version -f '{{.Server.Version}}' 2>/dev/null) · $(uname -sr)"
  echo "The dev topology (compose.yaml + compose.override.yaml), API with $JVM_NOTE, on 127.0.0.1:$API_PORT;"
  echo "wrk -t$THREADS -c$CONNS -d${SECS}s on the same machine. Per-service times: container start to healthy."
  echo
  echo "| Step | Ours | Ceiling (same run) | Ours / ceiling | Detail |"
  echo "|---|---|---|---|---|"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r step unit value detail clabel cvalue <<<"$r"
    ceiling=- share=-
    [ -z "$clabel" ] || ceiling="$clabel: $(figure "$unit" "$cvalue")" share="$(ratio "$value" "$cvalue")×"
    echo "| $step | $(figure "$unit" "$value") | $ceiling | $share | ${detail:--} |"
  done
} >build/bench/results.md
for r in "${ROWS[@]}"; do
  IFS='|' read -r step unit value detail clabel cvalue <<<"$r"
  jq -n --arg step "$step" --arg unit "$unit" --argjson value "$value" --arg detail "$detail" \
    --arg clabel "$clabel" --arg cvalue "$cvalue" --arg ratio "$(ratio "$value" "${cvalue:-0}")" \
    '{step: $step, unit: $unit, value: $value, detail: $detail}
     + if $clabel == "" then {} else {ceiling: {what: $clabel, value: ($cvalue | tonumber)}, ratio: ($ratio | tonumber)} end'
done | jq -s --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg commit "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  --argjson cpus "$(nproc)" '{at: $at, commit: $commit, cpus: $cpus, rows: .}' >build/bench/results.json
cat build/bench/results.md
echo
ok "bench: written to build/bench/results.md and build/bench/results.json"
