#!/usr/bin/env bash
# make dev: preflight -> build (only what changed) -> up --wait (health-gated) -> summary.
# Safe to run again while the stack is up: it rebuilds/recreates only what changed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
start=$(now_ms)

# make dev failed: each service that is not up, with its last health check, last log lines and a
# hint (tools/.../stack/diagnose). The stack is left up for inspection.
diagnose() {
  stack_tool diagnose 2>&1 || true
  exit 1
}

# stop_others: stop and remove the project's services that this make dev does not start (whichever
# profile started them), so that what runs is exactly what it asked for: DEV_SERVICES, else what the
# Compose profiles start. Compose's own lists, no JVM (make dev counts seconds; rm needs no order).
stop_others() {
  local others
  others=$(comm -23 <(compose_all config --services | sort) \
    <(if [ -n "$DEV_SERVICES" ]; then tr ' ' '\n' <<<"$DEV_SERVICES"; else compose config --services; fi | sort) | paste -sd' ' -)
  # shellcheck disable=SC2086 # a word list of service names
  [ -z "$others" ] || compose_all rm --stop --force $others >/dev/null 2>&1
}

# up_partial NAME "SERVICES" TIMEOUT: a partial stack (x-partial-stacks), and any service a
# Compose profile adds to it.
# shellcheck disable=SC2086 # $2 is a word list of service names
up_partial() {
  local log
  info "up: PROFILE=${PROFILE} ($2), waiting up to ${3}s for each to be healthy ..."
  case $1 in
    deps)
      # nothing waits for the one-shot here, so it runs in the foreground: migrate, then seed
      compose up --detach --wait --wait-timeout "$3" $2 || diagnose
      log=$(mktemp)
      compose run --rm --no-TTY migrate >"$log" 2>&1 || { tail -n 30 "$log" >&2; die "up: migrate failed (output above). Fix it, then: make dev PROFILE=deps"; }
      rm -f "$log"
      ok "up: database migrated and seeded"
      ;;
    frontend) VITE_API_MOCK=1 compose up --detach --wait --wait-timeout "$3" --no-deps $2 || diagnose ;;
    *) compose up --detach --wait --wait-timeout "$3" $2 || diagnose ;;
  esac
}

# PROFILE=deps: what an IDE run configuration (or make run-api) needs to start the API here.
print_host_api_settings() {
  echo
  # shellcheck disable=SC2119 # no arguments: write and print
  ide_run_configs || warn "the IDE run configurations could not be written to $IDE_RUN_DIR/ (above)"
  have_jdk || warn "no JDK on this machine: the IDE and make run-api need one (JDK 17+, e.g. Eclipse Temurin 21)"
}

# make dev PROFILE=<name>[,<name>]: a partial stack (x-partial-stacks in compose.override.yaml) and/or
# Compose profiles, resolved by the stack tool to PARTIAL_STACK, PROFILE_SERVICES, COMPOSE_PROFILES.
PARTIAL_STACK=''
if [ -n "${PROFILE:-}" ]; then
  ensure_env # Compose reads .env to list the profiles
  choice=$(stack_tool profile "$PROFILE") || exit 1
  eval "$choice"
  export COMPOSE_PROFILES
fi
# the services this make dev starts (empty: all): the preflight checks their ports only (a host API
# on 8080 is fine for PROFILE=deps), and a failed start reports on them
export DEV_SERVICES=${PROFILE_SERVICES:-}
case $PARTIAL_STACK in
  frontend) export PREFLIGHT_JDK=0 BUILD_API=0 ;; # no JVM at all: the API is mocked in the browser
  deps) export BUILD_WEB=0 ;;
  backend) export BUILD_WEB=0 ;;
esac

scripts/preflight.sh
load_env .env
scripts/build.sh

# Record the moments services turn healthy, for the summary (Docker keeps 5 probes only). In the
# repository: without a JDK the summary runs in a container that mounts it.
mkdir -p target/make
events=$(mktemp target/make/events.XXXXXX)
docker events --filter type=container --filter event=health_status \
  --filter "label=com.docker.compose.project=$(project_name)" --format '{{json .}}' >"$events" 2>/dev/null &
events_pid=$!
trap 'kill "$events_pid" 2>/dev/null || true; rm -f "$events" "$events.open"' EXIT

timeout=${DEV_WAIT_TIMEOUT:-300}
# build.sh compiled new API classes into the dev stack's mount (README "The inner loop"). Code only:
# the running api and worker JVMs restart in place. New migrations, or nothing running: they stop,
# and the up below starts them again after migrate.
reload=$(cat target/make/api-classes.changed 2>/dev/null || true)
if [ "$reload" = code ] && [ -n "$(compose ps -q --status running api 2>/dev/null)" ]; then
  info "up: restarting api and worker on the new classes ..."
  compose restart api worker >/dev/null 2>&1 || true
  compose up --detach --wait --wait-timeout "$timeout" --no-deps --no-recreate api worker >/dev/null 2>&1 ||
    diagnose
  reload='' current_note="api and worker run the new classes; the rest is up, healthy and current"
elif [ -n "$reload" ]; then
  info "up: restarting api and worker on the new classes, after migrate ..."
  compose_all stop api worker >/dev/null 2>&1 || true
fi
# Nothing of the project running (make dev after make down): nothing to stop, nothing current, and
# no JVM to ask (half a second of the warm start).
running=$(compose_all ps -q --status running 2>/dev/null || true)
if [ -n "$PARTIAL_STACK" ]; then
  [ -z "$running" ] || stop_others
  up_partial "$PARTIAL_STACK" "$PROFILE_SERVICES" "$timeout"
elif [ -z "$reload" ] && [ -n "$running" ] && stack_tool current; then # up would change nothing but re-run the migration
  ok "up: ${current_note:-the stack is already up, healthy and current: nothing to start}"
else
  [ -z "$running" ] || stop_others
  info "up: starting the stack${COMPOSE_PROFILES:+ with the Compose profiles $COMPOSE_PROFILES}, waiting up to ${timeout}s for every service to be healthy ..."
  if ! compose up --detach --wait --wait-timeout "$timeout" --remove-orphans; then
    diagnose
  fi
fi
rm -f target/make/api-classes.changed
# The browser decision (a JVM start) runs beside the summary; its line comes last.
opener=''
if [ "$PARTIAL_STACK" != deps ] && [ "$PARTIAL_STACK" != backend ]; then
  scripts/open-browser.sh >"$events.open" 2>&1 &
  opener=$!
fi
echo
stack_tool summary --since "$start" --events "$events" ${DEV_SUMMARY_JSON:+--json-file "$DEV_SUMMARY_JSON"}
[ "$PARTIAL_STACK" != deps ] || print_host_api_settings
[ "$PARTIAL_STACK" != frontend ] || info "PROFILE=frontend: no API runs; the dashboard's API is mocked in the browser (web/src/testing, the tests' MSW handlers)."
if [ -n "$opener" ]; then
  wait "$opener" || true
  cat "$events.open"
fi
