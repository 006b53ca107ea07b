#!/usr/bin/env bash
# Security checks on the Compose project and its running stack (make chaos runs it; it also runs
# on its own against `make dev`: scripts/security/check.sh). Fails when:
#  - a port is published on anything but 127.0.0.1 (the Compose files, and the running containers)
#  - the api, worker or migrate container runs as root
#  - a password/secret value from .env is in any layer or config of the project's images
#    (`docker save`), or in k8s-generated/ (committed or committable files)
#  - .env is not git-ignored, or is tracked
#  - an API answer carries a stack trace, internals or a server version (error bodies, headers)
#  - CORS lets another origin in (Access-Control-Allow-Origin for a foreign origin, or "*")
# Prints one line per check and `security: N passed, M failed`; exit 1 when any failed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
load_env .env

API=http://127.0.0.1:${API_PORT:-8080}/api
WEB=http://127.0.0.1:${WEB_PORT:-3000}
ADMIN=http://127.0.0.1:${API_ADMIN_PORT:-8081}
project=$(project_name)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check EXIT-CODE MESSAGE [DETAIL]
  if [ "$1" = 0 ]; then
    passed=$((passed + 1))
    ok "security: $2"
  else
    failed=$((failed + 1))
    fail "security: $2${3:+: $3}"
  fi
}
up() { [ -n "$(project_containers "$project")" ]; }
cid() { docker ps -aq --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1" | head -n1; }

# --- Published ports ------------------------------------------------------------------------
for files in compose.yaml compose.yaml:compose.override.yaml ${COMPOSE_FILE:+"$COMPOSE_FILE"}; do
  bad=$(COMPOSE_FILE=$files compose config --format json 2>/dev/null |
    jq -r '.services | to_entries[] | .key as $s | .value.ports[]? | select(.host_ip != "127.0.0.1") | "\($s):\(.published)->\(.target) on \(.host_ip // "all interfaces")"') ||
    bad="compose config failed"
  [ -z "$bad" ] && r=0 || r=1
  check "$r" "COMPOSE_FILE=$files publishes ports on 127.0.0.1 only" "$(paste -sd' ' <<<"$bad")"
done
if up; then
  # shellcheck disable=SC2046 # one id per word
  bound=$(docker inspect -f '{{.Name}}{{range $p, $b := .NetworkSettings.Ports}}{{range $b}} {{$p}}={{.HostIp}}:{{.HostPort}}{{end}}{{end}}' $(project_containers "$project"))
  bad=$(tr ' ' '\n' <<<"$bound" | grep '=' | grep -v '=127\.0\.0\.1:' || true)
  [ -z "$bad" ] && grep -q '=127\.0\.0\.1:' <<<"$bound" && r=0 || r=1
  check "$r" "running containers of $project: every published port on 127.0.0.1 ($(grep -o '=127\.0\.0\.1:[0-9]*' <<<"$bound" | cut -d: -f2 | sort -n | paste -sd, -))" "$(paste -sd' ' <<<"$bad")"
else
  warn "security: $project is not running: live port, user and HTTP checks skipped"
fi

# --- Users ------------------------------------------------------------------------------------
api_image=${API_IMAGE:-zero-to-running/api:dev}
for svc in api worker migrate; do
  id=$(cid "$svc")
  if [ -n "$id" ]; then
    user=$(docker inspect -f '{{.Config.User}}' "$id")
    image=$(docker inspect -f '{{.Config.Image}}' "$id")
  elif docker image inspect "$api_image" >/dev/null 2>&1; then
    user=$(docker image inspect -f '{{.Config.User}}' "$api_image")
    image=$api_image
  else
    warn "security: no $svc container and no $api_image image: user check skipped"
    continue
  fi
  if [ "$svc" != migrate ] && [ -n "$id" ] && [ "$(docker inspect -f '{{.State.Running}}' "$id")" = true ]; then
    uid=$(docker exec "$id" id -u 2>/dev/null || echo '?')
  else # a one-shot: the same image and user in a throwaway container
    uid=$(docker run --rm ${user:+--user "$user"} --entrypoint id "$image" -u 2>/dev/null || echo '?')
  fi
  case ${user%%:*} in '' | 0 | root) user_ok=1 ;; *) user_ok=0 ;; esac
  [ "$user_ok" = 0 ] && [ "$uid" != 0 ] && [ "$uid" != '?' ] && r=0 || r=1
  check "$r" "$svc runs as a non-root user (Config.User '$user', id -u $uid)"
done

# --- Secrets ----------------------------------------------------------------------------------
: >"$tmp/secrets"
while IFS='=' read -r key value; do
  value=${value%$'\r'} value=${value#\"} value=${value%\"} value=${value#\'} value=${value%\'}
  if [ "${#value}" -ge 6 ]; then printf '%s\n' "$value" >>"$tmp/secrets"; else
    [ -z "$value" ] || warn "security: $key is shorter than 6 characters: not searched (and too weak)"
  fi
done < <(grep -E '^[[:space:]]*(export[[:space:]]+)?[A-Za-z_]*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)[A-Za-z_]*=' .env 2>/dev/null | sed 's/^[[:space:]]*export[[:space:]]*//')
[ -z "${POSTGRES_PASSWORD:-}" ] || [ "${#POSTGRES_PASSWORD}" -lt 6 ] || echo "$POSTGRES_PASSWORD" >>"$tmp/secrets"
sort -u -o "$tmp/secrets" "$tmp/secrets"
nsecrets=$(wc -l <"$tmp/secrets" | tr -d ' ')
if [ "$nsecrets" = 0 ]; then
  warn "security: no secret values in .env to search for"
else
  for image in "$api_image" "${WEB_IMAGE:-zero-to-running/web:dev}" "${WEB_DEV_IMAGE:-zero-to-running/web-dev:dev}"; do
    docker image inspect "$image" >/dev/null 2>&1 || continue
    rm -rf "$tmp/img" && mkdir -p "$tmp/img"
    docker save "$image" | tar -x -C "$tmp/img"
    hits='' nblobs=0
    while IFS= read -r -d '' blob; do
      nblobs=$((nblobs + 1))
      if [ "$(head -c 2 "$blob" | od -An -tx1 | tr -d ' \n')" = 1f8b ]; then # a compressed layer
        count=$(gzip -dc "$blob" | grep -a -c -F -f "$tmp/secrets" || true)
      else
        count=$(grep -a -c -F -f "$tmp/secrets" "$blob" || true)
      fi
      [ "${count:-0}" = 0 ] || hits+=" ${blob#"$tmp/img/"}"
    done < <(find "$tmp/img" -type f -print0)
    rm -rf "$tmp/img"
    [ -z "$hits" ] && r=0 || r=1
    check "$r" "image $image: none of the $nsecrets secret value(s) of .env in its $nblobs layers/configs (docker save)" "found in$hits"
  done
  files=$( (git ls-files k8s-generated && git ls-files -o --exclude-standard k8s-generated) 2>/dev/null | sort -u)
  hits=$(if [ -n "$files" ]; then xargs grep -l -F -f "$tmp/secrets" <<<"$files" 2>/dev/null || true; fi)
  [ -z "$hits" ] && r=0 || r=1
  check "$r" "k8s-generated/: no secret value of .env in its $(grep -c . <<<"$files" || true) committed or committable files" "$(paste -sd' ' <<<"$hits")"
  ignored=$(git ls-files -o -i --exclude-standard k8s-generated 2>/dev/null | paste -sd' ' -)
  [ -z "$ignored" ] || info "  (git-ignored, local only: $ignored)"
fi
git check-ignore -q .env && ! git ls-files --error-unmatch .env >/dev/null 2>&1 && r=0 || r=1
check "$r" ".env is git-ignored and not tracked"

# --- What the API tells strangers -------------------------------------------------------------
LEAK='exception|\.java|jetty|jersey|dropwizard|jackson|fasterxml|org\.postgresql|java\.|at [a-z]+\.[a-z]+\.'
if up; then
  n=0 bad=()
  # probe NAME URL [curl args...]: no stack trace/internals in the body, no versioned Server header
  probe() {
    local name=$1 url=$2 code server
    shift 2
    code=$(curl -s --max-time 20 -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' "$@" "$url" 2>/dev/null) || true
    n=$((n + 1))
    server=$(tr -d '\r' <"$tmp/headers" | awk -F': *' 'tolower($1) == "server" || tolower($1) == "x-powered-by" { print $0 }')
    if grep -Eiq "$LEAK" "$tmp/body"; then bad+=("$name: internals in the body (HTTP $code): $(head -c 120 "$tmp/body")"); fi
    if grep -Eiq 'jetty|[0-9]+\.[0-9]+|express|x-powered-by' <<<"$server"; then bad+=("$name: '$server'"); fi
  }
  json=(-H 'Content-Type: application/json')
  head -c 20000 /dev/zero | tr '\0' a >"$tmp/big"
  for base in "$API" "$WEB/api"; do
    probe "GET $base/health" "$base/health"
    probe "404" "$base/nope"
    probe "405" "$base/services" -X DELETE
    probe "400 bad JSON" "$base/deployments" -X POST "${json[@]}" --data '{"service":'
    probe "400 unknown field" "$base/deployments" -X POST "${json[@]}" --data '{"nope":1}'
    probe "400 wrong type" "$base/deployments" -X POST "${json[@]}" --data '{"service":[1]}'
    probe "415" "$base/deployments" -X POST -H 'Content-Type: text/plain' --data x
    probe "413" "$base/deployments" -X POST "${json[@]}" --data-binary "@$tmp/big"
    probe "431" "$base/services" -H "X-Pad: $(head -c 20000 /dev/zero | tr '\0' a)"
    probe "414" "$base/deployments?x=$(head -c 20000 /dev/zero | tr '\0' a)"
    probe "400 bad escape" "$base/%"
    probe "406" "$base/services" -H 'Accept: application/xml'
    probe "bad id" "$base/deployments/1.5"
  done
  probe "admin 404" "$ADMIN/nope"
  probe "admin /ready" "$ADMIN/ready"
  for b in "${bad[@]}"; do fail "  $b"; done
  [ "${#bad[@]}" = 0 ] && r=0 || r=1
  check "$r" "$n answers (errors of every kind, through the API port, the dashboard origin and the admin port): no stack trace, internals or server version"

  # CORS: a foreign origin must never be allowed; "*" never.
  cors=()
  for url in "$API/deployments" "$WEB/api/deployments" "$API/services" "$WEB/"; do
    for origin in https://evil.example null http://127.0.0.1.evil.example; do
      for how in get preflight; do
        if [ "$how" = get ]; then
          curl -s --max-time 10 -o /dev/null -D "$tmp/headers" -H "Origin: $origin" "$url" || true
        else
          curl -s --max-time 10 -o /dev/null -D "$tmp/headers" -X OPTIONS -H "Origin: $origin" \
            -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type' "$url" || true
        fi
        acao=$(tr -d '\r' <"$tmp/headers" | awk -F': *' 'tolower($1) == "access-control-allow-origin" { print $2 }')
        [ -z "$acao" ] || cors+=("$how $url from $origin: Access-Control-Allow-Origin: $acao")
      done
    done
    curl -s --max-time 10 -o /dev/null -D "$tmp/headers" -H 'Origin: http://localhost:5173' "$url" || true
    if grep -iq '^access-control-allow-origin: \*' "$tmp/headers"; then cors+=("$url allows any origin (*)"); fi
  done
  for c in "${cors[@]}"; do fail "  $c"; done
  [ "${#cors[@]}" = 0 ] && r=0 || r=1
  check "$r" "CORS: no Access-Control-Allow-Origin for foreign origins (GET and preflight, API and dashboard origin), never *"
fi

echo
if ((failed > 0)); then
  fail "security: $passed passed, $failed failed"
  exit 1
fi
ok "security: $passed passed, $failed failed"
