#!/usr/bin/env bash
# make dev: preflight -> build (only what changed) -> up --wait (health-gated) -> summary.
# Safe to run again while the stack is up: it rebuilds/recreates only what changed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
start=$(now_ms)

# True when every service already runs (healthy) from the current configuration and images, with
# as many containers as configured (the worker: WORKER_REPLICAS), so `up` would change nothing but
# re-run the one-shot migrate (idempotent, yet a JVM start). After make scale-worker the count
# differs, and `up` returns the worker to its configured count.
stack_current() {
  local project ids inspected hashes scales svc hash rows want expected=0 label state health code image_id image
  project=$(project_name)
  ids=$(project_containers "$project" | paste -sd' ' -)
  [ -n "$ids" ] || return 1
  # shellcheck disable=SC2086 # several ids
  inspected=$(docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}}|{{index .Config.Labels "com.docker.compose.config-hash"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.ExitCode}}|{{.Image}}|{{.Config.Image}}' $ids)
  hashes=$(compose config --hash '*' 2>/dev/null) || return 1
  scales=$(service_scales)
  while read -r svc hash; do
    want=$(awk -v s="$svc" '$1 == s { print $2; exit }' <<<"$scales")
    want=${want:-1}
    expected=$((expected + want))
    rows=$(grep "^$svc|" <<<"$inspected" || true)
    [ "$(grep -c . <<<"$rows" || true)" = "$want" ] || return 1
    while IFS='|' read -r _ label state health code image_id image; do
      [ -n "$label" ] || continue
      [ "$label" = "$hash" ] || return 1
      [ "$image_id" = "$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null)" ] || return 1
      if [ "$svc" = migrate ]; then
        [ "$state/$code" = exited/0 ] || return 1
      elif [ "$state" != running ] || [ "${health:-healthy}" != healthy ]; then
        return 1
      fi
    done <<<"$rows"
  done <<<"$hashes"
  [ "$(wc -l <<<"$inspected")" = "$expected" ] || return 1 # orphans
}

scripts/preflight.sh
load_env .env
scripts/build.sh

# Record the moments services turn healthy, for the summary (Docker keeps 5 probes only).
events=$(mktemp)
docker events --filter type=container --filter event=health_status \
  --filter "label=com.docker.compose.project=$(project_name)" \
  --format '{{.Actor.Attributes.name}} {{.TimeNano}} {{.Action}}' >"$events" 2>/dev/null &
events_pid=$!
trap 'kill "$events_pid" 2>/dev/null || true; rm -f "$events"' EXIT

timeout=${DEV_WAIT_TIMEOUT:-300}
if stack_current; then
  ok "up: the stack is already up, healthy and current: nothing to start"
else
  info "up: starting the stack, waiting up to ${timeout}s for every service to be healthy ..."
  if ! compose up --detach --wait --wait-timeout "$timeout" --remove-orphans; then
    scripts/diagnose.sh # exits 1
  fi
fi
echo
scripts/summary.sh "$start" "$events"
