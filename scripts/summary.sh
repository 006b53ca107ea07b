#!/usr/bin/env bash
# The stack at a glance (make dev's closing summary, make status): each service, its state,
# its health, how long it took from container start to healthy (from `docker inspect`:
# State.StartedAt and the health-check log), when that was relative to `make dev`'s start,
# and its URL or port.
# Usage: summary.sh [START_MS [EVENTS_FILE]]
#   START_MS: epoch ms when make dev started (-> total time and the AT column)
#   EVENTS_FILE: "container-name time-ns health_status: healthy" lines recorded by make dev
#   (`docker events`), for containers whose five-entry health log no longer shows the moment.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env
start_ms=${1:-}
events_file=${2:-/dev/null}

# 75000 (ms) -> "1m15s"
fmt_age() { if (($1 < 60000)); then echo "$(($1 / 1000))s"; else echo "$(($1 / 60000))m$((($1 % 60000) / 1000))s"; fi; }

# Time from container start to its first passing health check. Docker keeps the last five
# probes only: when the log is full and starts with a pass, the recorded `docker events` tell,
# else the moment is unknown ("").
healthy_ms() { # healthy_ms NAME STARTED_MS "exit,end;exit,end;..."
  local name=$1 started=$2 entries=$3 n=0 entry i t event
  IFS=';' read -r -a entries <<<"$entries"
  n=${#entries[@]}
  for ((i = 0; i < n; i++)); do
    entry=${entries[i]}
    t=$(ts_ms "${entry#*,}")
    ((t >= started)) || continue # a probe from before a restart: the log reaches back far enough
    if [ "${entry%%,*}" = 0 ]; then
      if ((i == 0 && n >= 5)); then
        event=$(awk -v n="$name" -v t="$started" '$1 == n && / healthy$/ {
          ms = substr($2, 1, length($2) - 6); if (ms + 0 >= t + 0) { print ms; exit } }' "$events_file")
        [ -z "$event" ] || echo $((event - started))
        return
      fi
      echo $((t - started))
      return
    fi
  done
}

format='{{index .Config.Labels "com.docker.compose.container-number"}}|{{.Name}}|{{.Config.Hostname}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.StartedAt}}|{{.State.FinishedAt}}|{{.State.ExitCode}}|'
format+='{{if .State.Health}}{{range .State.Health.Log}}{{.ExitCode}},{{json .End}};{{end}}{{end}}|'
# shellcheck disable=SC2016 # a Go template, not shell
format+='{{range $p, $c := .NetworkSettings.Ports}}{{range $c}}{{$p}}={{.HostIp}}:{{.HostPort}} {{end}}{{end}}'

# Every service that has containers, whichever profile started it; of the others, only those a
# plain make dev starts are named (after a partial stack), in one line.
configured=" $(services_in_order | paste -sd' ' -) "
export COMPOSE_PROFILES='*'
rows=() absent=() running=0 done=0 total=0 last_ready=0
now=$(now_ms)
for svc in $(services_in_order); do
  # A scaled service (the worker) has one container per replica, listed as worker-1, worker-2, ...
  # shellcheck disable=SC2207 # container ids: no spaces, no globs
  ids=($(compose ps -a -q "$svc" 2>/dev/null))
  if ((${#ids[@]} == 0)); then
    [[ $configured != *" $svc "* ]] || absent+=("$svc")
    continue
  fi
  while IFS='|' read -r number name host state health started finished code log ports; do
    label=$svc
    ((${#ids[@]} == 1)) || label="$svc-$number"
    total=$((total + 1))
    started_ms=$(ts_ms "$started")
    ready='-' at='-'
    if [ "$state" = running ]; then
      running=$((running + 1))
      if [ -n "$health" ]; then
        took=$(healthy_ms "${name#/}" "$started_ms" "${log//\"/}")
        if [ -n "$took" ]; then
          ready=$(fmt_ms "$took")
          if [ -n "$start_ms" ] && ((started_ms + took >= start_ms)); then
            at="+$(fmt_ms $((started_ms + took - start_ms)))"
            ((started_ms + took <= last_ready)) || last_ready=$((started_ms + took))
          fi
        else
          ready="(up $(fmt_age $((now - started_ms))))"
        fi
      fi
    elif [ "$state" = exited ]; then
      state="exited($code)"
      [ "$code" != 0 ] || done=$((done + 1))
      ready="ran $(fmt_ms $(($(ts_ms "$finished") - started_ms)))"
    fi
    url=-
    [ "$state" != running ] || url=$(urls "$svc" "$ports" "$host")
    rows+=("$label|$state|${health:--}|$ready|$at|$url")
  done < <(docker inspect -f "$format" "${ids[@]}" | sort -n)
done

if ((total == 0)); then
  info "The stack is not running. Start it with: make dev"
  exit 0
fi
{
  echo "SERVICE|STATE|HEALTH|HEALTHY AFTER|AT|URL / PORT"
  printf '%s\n' "${rows[@]}"
} | column -t -s '|' | sed "1s/.*/$C_BOLD&$C_OFF/"

[ -n "$start_ms" ] || ((${#absent[@]} == 0)) || info "Not running: ${absent[*]} (make dev starts them)"
echo
if [ -n "$start_ms" ]; then
  ok "make dev: stack ready in $(fmt_ms $((now - start_ms)))$( ((last_ready == 0)) || echo " (last service healthy at +$(fmt_ms $((last_ready - start_ms))))"); $running services running$( ((done == 0)) || echo ", $done one-shot done")."
fi
web_port=$(compose port web 3000 2>/dev/null | sed 's/.*://' || true)
[ -z "$web_port" ] || info "Dashboard: ${C_BOLD}http://localhost:$web_port${C_OFF}"
info "Next: make logs [SVC=api|worker] | make status | make workers | make psql | make reset-db | make down (keeps data) | make help"
