#!/usr/bin/env bash
# shellcheck disable=SC2034 # variables used by the scripts that source this file
# Helpers for scripts/chaos/*.sh (sourced after scripts/lib.sh, never run): the chaos project's
# settings, results, HTTP requests, background probes with a timeline, wrk load, psql.

CHAOS_DIR=$ROOT/scripts/chaos
export COMPOSE_PROJECT_NAME=${CHAOS_PROJECT:-ztr-chaos}
export WEB_PORT=${CHAOS_WEB_PORT:-23100} API_PORT=${CHAOS_API_PORT:-23180} API_ADMIN_PORT=${CHAOS_API_ADMIN_PORT:-23181}
export API_DEBUG_PORT=${CHAOS_API_DEBUG_PORT:-23105} DB_PORT=${CHAOS_DB_PORT:-23154} REDIS_PORT=${CHAOS_REDIS_PORT:-23163}
export API_IMAGE=zero-to-running/api:chaos WEB_IMAGE=zero-to-running/web:chaos WEB_DEV_IMAGE=zero-to-running/web-dev:chaos
# The developer topology (what make dev runs) plus the rate-limit pass-through.
export COMPOSE_FILE=compose.yaml:compose.override.yaml:scripts/chaos/compose.chaos.yaml
export RATE_LIMIT_WRITES_PER_MINUTE=0
# Short rollout steps (the defaults, 1-3 s a step, are for people watching the dashboard).
export ROLLOUT_STEP_DELAY_MIN=${CHAOS_ROLLOUT_STEP_DELAY_MIN:-300ms} ROLLOUT_STEP_DELAY_MAX=${CHAOS_ROLLOUT_STEP_DELAY_MAX:-900ms}
API=http://127.0.0.1:$API_PORT/api
WEB=http://127.0.0.1:$WEB_PORT
read -r -a MAKE_CMD <<<"${MAKE:-make} --no-print-directory"

passed=0 failed=0 bg_pids=()
pass() {
  passed=$((passed + 1))
  ok "chaos: $1"
}
flunk() {
  failed=$((failed + 1))
  fail "chaos: $1"
}
# verdict CONDITION-EXIT-CODE MESSAGE: pass or flunk on the exit code of the last test.
verdict() { if [ "$1" = 0 ]; then pass "$2"; else flunk "$2"; fi; }
section() { info "${C_BOLD}== chaos: $*${C_OFF}"; }
# One summary line per scenario (also collected for the closing table).
SUMMARY=()
scenario_line() { # NAME | what was done | requests | failures | recovery
  SUMMARY+=("$1|$2|$3|$4|$5")
  info "${C_BOLD}-> $1${C_OFF}: $2; requests $3; failures $4; recovery $5"
}

# req METHOD URL [JSON] [curl args...] -> STATUS, BODY; headers in $tmp/headers
req() {
  local method=$1 url=$2 args=(-sS --max-time 20 -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}')
  shift 2
  if [ $# -gt 0 ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$1")
    shift
  fi
  STATUS=$(curl "${args[@]}" -X "$method" "$@" "$url" 2>/dev/null) || true
  BODY=$(cat "$tmp/body" 2>/dev/null || true)
}
header() { # the last value of response header $1 (case-insensitive) from $tmp/headers
  awk -v name="$(tr '[:upper:]' '[:lower:]' <<<"$1")" 'index(tolower($0), name ":") == 1 {
    value = substr($0, length(name) + 2); sub(/^[ \t]+/, "", value); sub(/[ \t\r]+$/, "", value) }
    END { print value }' "$tmp/headers"
}
ISO='test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$")'
ERR='(.error | type == "string") and (.status | type == "number") and (.details | type == "array") and (.timestamp | '"$ISO"')'
is_error_body() { jq -e "$ERR and .status == $1" >/dev/null 2>&1; } # stdin: body; $1: the HTTP status

# probe NAME SECONDS URL... : background loop of GETs (round robin, ~20/s) until stop_probes or
# SECONDS. Writes "start_ms end_ms status x-cache ok" to $tmp/NAME.log; ok=1 when a 2xx is JSON
# with data, or a non-2xx is the JSON error body with the same status.
probe() {
  local name=$1 secs=$2 i=0 t0 out code cache good
  shift 2
  local urls=("$@") end=$(($(now_ms) + secs * 1000)) log=$tmp/$name.log body=$tmp/$name.body
  : >"$log"
  while [ ! -e "$tmp/stop" ] && (($(now_ms) < end)); do
    t0=$(now_ms)
    out=$(curl -s --max-time 5 -o "$body" -w '%{http_code} %header{x-cache}' "${urls[i % ${#urls[@]}]}" 2>/dev/null) || true
    i=$((i + 1))
    read -r code cache <<<"$out"
    good=0
    case $code in
      2??) jq -e 'has("data") or has("status")' "$body" >/dev/null 2>&1 && good=1 ;;
      [45]??) is_error_body "$code" <"$body" && good=1 ;;
    esac
    echo "$t0 $(now_ms) ${code:-000} ${cache:--} $good" >>"$log"
    sleep 0.04
  done
}
start_probe() { # start_probe NAME SECONDS URL...
  rm -f "$tmp/stop"
  probe "$@" &
  bg_pids+=($!)
}
stop_probes() {
  touch "$tmp/stop"
  wait "${bg_pids[@]}" 2>/dev/null || true
  bg_pids=()
  rm -f "$tmp/stop"
}
# Figures over probe logs: plog NAME... prints them; probe_count / probe_fails NAME... count lines.
plog() {
  local name
  for name; do cat "$tmp/$name.log"; done
}
probe_count() { plog "$@" | wc -l | tr -d ' '; }
probe_fails() { plog "$@" | awk '$3 !~ /^2/' | wc -l | tr -d ' '; }
fails_of() { plog "$@" | awk '$3 !~ /^2/'; }

# wrk_load NAME SECONDS URL [wrk args]: bounded load in the background (1 thread, 2 connections);
# wrk_result NAME waits for it and sets WRK_<key> from its summary line (see count.lua).
wrk_load() {
  local name=$1 secs=$2 url=$3
  shift 3
  wrk -t1 -c2 -d"${secs}s" --timeout 10s -s "$ROOT/scripts/bench/count.lua" "$@" "$url" >"$tmp/$name.wrk" 2>&1 &
  bg_pids+=($!)
  eval "wrk_pid_$name=$!"
}
wrk_result() {
  local pid_var="wrk_pid_$1" kv line kvs
  wait "${!pid_var}" 2>/dev/null || true
  WRK_requests=0 WRK_s2xx=0 WRK_s4xx=0 WRK_s5xx=0 WRK_s503=0 WRK_bad5xx=0 WRK_hit=0 WRK_bypass=0
  WRK_connect=0 WRK_read=0 WRK_write=0 WRK_timeout=0 WRK_rps=0 WRK_p50_ms=0 WRK_p99_ms=0
  line=$(grep '^WRK ' "$tmp/$1.wrk" | cut -d' ' -f2-) || warn "wrk $1 printed no summary: $(tail -n 3 "$tmp/$1.wrk")"
  read -r -a kvs <<<"$line"
  for kv in "${kvs[@]}"; do printf -v "WRK_${kv%%=*}" '%s' "${kv#*=}"; done
}
wrk_errors() { echo $((WRK_connect + WRK_read + WRK_write + WRK_timeout)); }

# SQL on the chaos database: psql_q 'select ...' -> unaligned, tuples only
psql_q() {
  # shellcheck disable=SC2016 # expanded by the container's shell
  compose exec -T db sh -c 'psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "$1"' sh "$1"
}
# Fingerprint of every row of the deployments table (optionally WHERE ...): "count md5"
db_fingerprint() {
  psql_q "select count(*) || ' ' || coalesce(md5(string_agg(concat_ws('|', id, service_id, environment_id,
    version, status, deployed_by, started_at, completed_at, error_message, updated_at), ',' order by id)), '-')
    from deployments ${1:-}"
}

container_id() { compose ps -aq "$1" 2>/dev/null | head -n1; }
# "started-at restart-count" of a service's container
container_life() { docker inspect -f '{{.State.StartedAt}} {{.RestartCount}}' "$(container_id "$1")" 2>/dev/null; }
health_of() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$(container_id "$1")" 2>/dev/null; }
# wait_healthy SERVICE SECONDS: 0 when healthy in time; sets HEALTHY_AT (ms)
wait_healthy() {
  local end=$(($(now_ms) + $2 * 1000))
  while (($(now_ms) < end)); do
    if [ "$(health_of "$1")" = healthy ]; then
      HEALTHY_AT=$(now_ms)
      return 0
    fi
    sleep 0.2
  done
  return 1
}
# The seed as the API shows it, without ids and timestamps (they are relative to the seeding time).
seed_snapshot() {
  req GET "$API/deployments?limit=100"
  jq -c '[.count, [.data[] | [.service.name, .environment.name, .version, .status, .deployed_by, .error_message]]]' <<<"$BODY"
}
secs_between() { fmt_ms $(($2 - $1)); } # secs_between FROM_MS TO_MS
