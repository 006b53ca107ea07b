#!/usr/bin/env bash
# make dev failed: name each service that is not where it should be, with its last health-check
# output, its last 30 log lines and a hint. The stack is left up for inspection. Exits 1.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env
exec 2>&1 # one stream: keeps the report in order when captured

hint() {
  case $1 in
    db) echo "PostgreSQL did not get ready. Changed POSTGRES_PASSWORD/USER/DB after the first start? The volume keeps the old ones: make clean (deletes data), then make dev." ;;
    redis) echo "Redis did not answer PING: make logs SVC=redis." ;;
    migrate) echo "Migration or seed failed (see the log above). Fix it and run make dev again; make reset-db rebuilds the database from scratch." ;;
    api) echo "The API did not answer /ready on its admin port: read the log above (config, database credentials); make build rebuilds the image; make logs SVC=api follows it." ;;
    worker) echo "The worker did not answer /ready on its admin port (it needs PostgreSQL, Redis and its consumer loop): read the log above; make logs SVC=worker follows it; make build rebuilds the image." ;;
    web) echo "The dashboard did not answer: the dev server's first start runs npm ci (slow network?); make logs SVC=web. Still starting? Raise DEV_WAIT_TIMEOUT in .env." ;;
    *) echo "make logs SVC=$1" ;;
  esac
}

format='{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.ExitCode}}'
bad=()
# make dev PROFILE=...: the services it starts (DEV_SERVICES), else all
for svc in ${DEV_SERVICES:-$(services_in_order)}; do
  ids=$(compose ps -a -q "$svc" 2>/dev/null || true)
  if [ -z "$ids" ]; then
    bad+=("$svc")
    fail "$svc: not created (it waits for a service above)"
    continue
  fi
  # A scaled service (the worker): report its first unhealthy container.
  id=$(head -n1 <<<"$ids")
  for candidate in $ids; do
    IFS='|' read -r state health code <<<"$(docker inspect -f "$format" "$candidate")"
    if [ "$state" != running ] || { [ -n "$health" ] && [ "$health" != healthy ]; }; then
      id=$candidate
      break
    fi
  done
  IFS='|' read -r state health code <<<"$(docker inspect -f "$format" "$id")"
  if [ "$state" = running ] && { [ -z "$health" ] || [ "$health" = healthy ]; }; then continue; fi
  if [ "$state" = exited ] && [ "$code" = 0 ] && [ "$svc" = migrate ]; then continue; fi
  bad+=("$svc")
  if [ "$state" = created ]; then
    fail "$svc: not started (it waits for a service above)"
    continue
  fi
  echo
  fail "$svc: state $state${health:+, health $health}$([ "$state" = exited ] && echo ", exit code $code")"
  if [ -n "$health" ]; then
    info "${C_BOLD}-- last health check:${C_OFF}"
    # The last probe: its exit code and output (wget -q prints nothing: 4 = no connection, 8 = HTTP error).
    docker inspect -f '{{with .State.Health}}{{range .Log}}@@probe {{.ExitCode}}{{println}}{{.Output}}{{println}}{{end}}{{end}}' "$id" |
      awk '/^@@probe / { code = $2; out = ""; next } NF { out = out "   " $0 "\n" }
        END { meaning = code == 4 ? " (wget: no connection yet)" : code == 8 ? " (wget: HTTP error status, e.g. 503)" : ""
              printf "   exit code %s%s\n%s", code, meaning, out }'
  fi
  info "${C_BOLD}-- last 30 log lines:${C_OFF}"
  logs=$(docker logs --tail 30 "$id" 2>&1 | sed $'s/\033\\[[0-9;]*[A-Za-z]//g')
  printf '   %s\n' "${logs//$'\n'/$'\n'   }"
  if grep -q 'password authentication failed' <<<"$logs"; then
    info "${C_YELLOW}hint:${C_OFF} POSTGRES_PASSWORD differs from the one the database volume was created with: restore it in .env, or make clean (deletes all data) and make dev."
  else
    info "${C_YELLOW}hint:${C_OFF} $(hint "$svc")"
  fi
done

echo
if ((${#bad[@]} == 0)); then
  fail "make dev: docker compose up failed (its message is above), yet every service is up now. Run make dev again; if it timed out, raise DEV_WAIT_TIMEOUT (now ${DEV_WAIT_TIMEOUT:-300}s) in .env."
else
  fail "make dev: not healthy: ${bad[*]}. The stack is left up for inspection: make status, make logs SVC=${bad[0]}, make down."
fi
exit 1
