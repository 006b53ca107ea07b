#!/usr/bin/env bash
# The bad-input battery and the write rate limit of make chaos (sourced by scripts/chaos/run.sh
# after lib.sh). Every malformed request must get a 4xx JSON error body (no 5xx, no stack trace,
# no Server header); the database must be unchanged afterwards except for the valid writes.
# shellcheck disable=SC2154 # tmp and the WRK_* figures are set by run.sh and lib.sh

BAD_SENT=0 BAD_4XX=0 BAD_NOMATCH=0 BAD_FAILS=()
LEAK='exception|\.java|jetty|jersey|dropwizard|jackson|fasterxml|org\.postgresql|java\.|at [a-z]+\.[a-z]+\.'

# bad EXPECT METHOD PATH [curl args...]: one request; EXPECT is a status, 4xx, or nomatch (a filter
# value that must be treated as a plain name, 200 with no deployments, or refused with a 4xx).
bad() {
  local expect=$1 method=$2 path=$3 code ctype why=''
  shift 3
  code=$(curl -sS --max-time 20 -o "$tmp/bad.body" -D "$tmp/bad.headers" -w '%{http_code}' -X "$method" "$@" "$API$path" 2>/dev/null) || code=${code:-000}
  BAD_SENT=$((BAD_SENT + 1))
  ctype=$(tr -d '\r' <"$tmp/bad.headers" | awk -F': *' 'tolower($1) == "content-type" { print $2 }')
  if [ "$expect" = nomatch ]; then
    if [ "$code" = 200 ] && jq -e '.count == 0 and .data == []' "$tmp/bad.body" >/dev/null 2>&1; then
      BAD_NOMATCH=$((BAD_NOMATCH + 1))
      return
    fi
    expect=4xx
  fi
  if [[ $code != 4?? ]] || { [ "$expect" != 4xx ] && [ "$code" != "$expect" ]; }; then
    why="want $expect"
  elif [[ $ctype != application/json* ]] || ! is_error_body "$code" <"$tmp/bad.body"; then
    why="not the JSON error body ($ctype)"
  elif grep -Eiq "$LEAK" "$tmp/bad.body"; then
    why="internals in the body"
  elif grep -iq '^server:' "$tmp/bad.headers"; then
    why="Server header"
  fi
  if [ -n "$why" ]; then
    BAD_FAILS+=("$method $path $([ $# = 0 ] || head -c 80 <<<"${*: -1}"): HTTP $code ($why) $(head -c 160 "$tmp/bad.body")")
  else
    BAD_4XX=$((BAD_4XX + 1))
  fi
}
post() { bad "$1" POST /deployments -H 'Content-Type: application/json' --data-binary "$2"; }
patch() { bad "$1" PATCH "/deployments/$2" -H 'Content-Type: application/json' --data-binary "$3"; }
# A valid POST body with one field's value replaced by raw JSON text: body_with FIELD JSON-TEXT
body_with() {
  local s='"frontend"' e='"staging"' v='"v1.2.3"' d='"bad@chaos.example"'
  case $1 in service) s=$2 ;; environment) e=$2 ;; version) v=$2 ;; deployed_by) d=$2 ;; esac
  printf '{"service":%s,"environment":%s,"version":%s,"deployed_by":%s}' "$s" "$e" "$v" "$d"
}
body_without() { body_with "$1" '"-"' | sed "s/\"$1\":\"-\",\{0,1\}//; s/,}/}/"; }
long() { head -c "$1" /dev/zero | tr '\0' "${2:-a}"; }

bad_input() {
  section "bad input: >= 200 malformed requests across every endpoint"
  local before refs_before valid1 valid2 valid_ids after refs_after v f p t i manual running
  local valid='{"service":"frontend","environment":"staging","version":"v1.2.3","deployed_by":"bad@chaos.example"}'
  local refs="select md5(string_agg(concat_ws('|', id, name, description), ',' order by id)) from"
  before=$(db_fingerprint)
  refs_before=$(psql_q "$refs services")/$(psql_q "$refs environments")
  # The valid writes: two deployments (PATCH targets below), which the worker rolls out meanwhile.
  req POST "$API/deployments" "$valid"
  valid1=$(jq -r '.data.id // 0' <<<"$BODY")
  req POST "$API/deployments" "$valid"
  valid2=$(jq -r '.data.id // 0' <<<"$BODY")
  valid_ids="$valid1,$valid2"
  # PATCH targets whose state nobody else changes: seeded (manual) deployments, one pending, one
  # in_progress (the worker moves the valid writes). A wrongly accepted PATCH shows in the fingerprint.
  req GET "$API/deployments?status=pending&limit=100"
  manual=$(jq -r '[.data[] | select(.automated == false)][0].id // 0' <<<"$BODY")
  req GET "$API/deployments?status=in_progress&limit=100"
  running=$(jq -r '[.data[] | select(.automated == false)][0].id // 0' <<<"$BODY")

  # Malformed and truncated JSON, and JSON that is not an object.
  for v in '{' '{"service":' '{"service":"frontend"' '{"service":"frontend",}' "{'service':'frontend'}" 'not json' \
    '[1,2' '{"a":1}}' '' ' ' 'null' '[]' '"x"' '123' 'true' 'NaN' "$valid trailing" "$valid$valid" '/* c */{}' \
    $'\xff\xfe{}' '{"service":"frontend","environment":"staging","version":"v1.2.3","deployed_by":"a@b.co"'; do
    post 4xx "$v"
  done
  for i in 1 5 12 20 31 44 57 70 83 $((${#valid} - 1)); do post 400 "${valid:0:i}"; done
  # Wrong types, unknown enum values, missing, unknown and duplicate fields.
  for f in service environment version deployed_by; do
    for v in 123 true '[]' '{}' 1.5 null '["frontend"]'; do post 4xx "$(body_with "$f" "$v")"; done
    post 422 "$(body_without "$f")"
    post 400 "${valid%\}},\"$f\":\"x\"}"
  done
  for v in '"prod"' '"PRODUCTION"' '"Staging "' '""' '"   "'; do post 422 "$(body_with environment "$v")"; done
  for v in '"Frontend"' '"front end"' '"*"'; do post 422 "$(body_with service "$v")"; done
  for v in '"latest"' '"1.2"' '"v1.2.3.4"' '"01.2.3"' '"v-1.0.0"'; do post 422 "$(body_with version "$v")"; done
  for v in '"nobody"' '"a@b"' '"@example.com"' '"a b@example.com"'; do post 422 "$(body_with deployed_by "$v")"; done
  for f in id status started_at extra Service; do post 400 "${valid%\}},\"$f\":\"1\"}"; done
  post 422 '{}'
  post 422 '{"service":"frontend"}'
  # Huge strings (under the 16 KiB limit: 422) and bodies over it (413), also chunked.
  for f in service environment version deployed_by; do post 422 "$(body_with "$f" "\"$(long 15000)\"")"; done
  long 17000 >"$tmp/big1"
  { printf '{"service":"'; long 1048576; printf '"}'; } >"$tmp/big2" # JSON until past the limit
  bad 413 POST /deployments -H 'Content-Type: application/json' --data-binary @"$tmp/big1"
  bad 413 POST /deployments -H 'Content-Type: application/json' --data-binary @"$tmp/big2"
  bad 413 POST /deployments -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/big2"
  bad 400 POST /deployments -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/big1"
  bad 413 PATCH "/deployments/$running" -H 'Content-Type: application/json' --data-binary @"$tmp/big1"
  # SQL injection, script and other hostile strings in every field (NUL included: PostgreSQL text
  # cannot hold it, so it must be refused before it gets there).
  # shellcheck disable=SC2016 # literal strings
  local hostile=("' OR '1'='1" "'; DROP TABLE deployments;--" "frontend'--" "1; SELECT pg_sleep(5)" "<script>alert(1)</script>"
    '" onmouseover="alert(1)' '${jndi:ldap://127.0.0.1/a}' '../../../../etc/passwd' 'front\u0000end' '\ud800' '%00%27')
  for p in "${hostile[@]}"; do
    v=$(jq -Rc . <<<"$p" | sed 's/\\\\u/\\u/g') # keep \u escapes as JSON escapes
    for f in service environment version deployed_by; do post 422 "$(body_with "$f" "$v")"; done
    patch 4xx "$running" "{\"status\":$v}"
    patch 4xx "$manual" "{\"status\":\"in_progress\",\"error_message\":$v}"
    t=$(jq -rn --arg v "$p" '$v | @uri')
    bad nomatch GET "/deployments?service=$t"
    bad nomatch GET "/deployments?environment=$t"
    bad 400 GET "/deployments?status=$t"
  done
  patch 4xx "$running" '{"status":"failed","error_message":"stuck\u0000here"}'
  bad nomatch GET '/deployments?service=front%00end'
  bad nomatch GET '/deployments?environment=stag%00ing'
  # Wrong content types.
  for t in text/plain application/xml application/x-www-form-urlencoded multipart/form-data text/json; do
    bad 415 POST /deployments -H "Content-Type: $t" --data-binary "$valid"
    bad 415 PATCH "/deployments/$running" -H "Content-Type: $t" --data-binary '{"status":"completed"}'
  done
  bad 415 POST /deployments -H 'Content-Type:' --data-binary "$valid"
  # PATCH: malformed, wrong types, unknown and illegal statuses, extra fields.
  for v in '{' '{"status":' 'null' '[]' '' '{"status":1}' '{"status":true}' '{"status":[]}' '{"status":{}}' '{}' \
    '{"status":"done"}' '{"status":"PENDING"}' '{"status":"rolled back"}' '{"status":""}' \
    '{"status":"in_progress","foo":1}' '{"status":"completed","status":"failed"}' '{"status":"completed","error_message":"not allowed"}' \
    "{\"status\":\"failed\",\"error_message\":\"$(long 2500)\"}"; do
    patch 4xx "$running" "$v"
  done
  for v in completed failed rolled_back pending; do patch 409 "$manual" "{\"status\":\"$v\"}"; done
  # Ids, limit and offset: negative, zero, huge, not numbers.
  for i in -1 0 abc 1.5 99999999999999999999 9223372036854775807 "1%27%20OR%201=1" "%3Cscript%3E" "1%3BDROP" 0x10 " 1"; do
    bad 4xx GET "/deployments/${i// /%20}"
    patch 4xx "${i// /%20}" '{"status":"in_progress"}'
  done
  for v in -1 0 101 1e3 abc 99999999999999999999 1.5 %27 0x10 -2147483648; do bad 400 GET "/deployments?limit=$v"; done
  for v in -1 abc 99999999999999999999 1.5 2147483648 %3Cscript%3E; do bad 400 GET "/deployments?offset=$v"; done
  for v in bogus PENDING Completed "in%20progress"; do bad 400 GET "/deployments?status=$v"; done
  bad 400 GET '/deployments?limit=0&offset=-1&status=nope'
  # Wrong methods, unknown paths, what the server refuses before the API sees it.
  for m in PUT DELETE PATCH; do bad 405 "$m" /deployments; done
  bad 405 PUT "/deployments/$valid1"
  bad 405 POST "/deployments/$valid1"
  bad 405 DELETE "/deployments/$valid1"
  for p in /services /environments /stats /health; do
    for m in POST PUT DELETE PATCH; do bad 405 "$m" "$p"; done
  done
  for m in GET POST PUT PATCH; do bad 405 "$m" /cache; done
  for p in /nope /deployments/1/extra /services/1 /stats/today; do bad 404 GET "$p"; done
  bad 4xx GET /../../etc/passwd --path-as-is
  bad 400 GET /%
  bad 400 GET /deployments/%00
  bad 4xx GET "/deployments?limit=$(long 20000 1)"
  bad 431 GET /services -H "X-Padding: $(long 20000)"
  bad 400 GET /services -H 'Host:'
  bad 406 GET /services -H 'Accept: application/xml'
  bad 406 GET /deployments -H 'Accept: text/html'

  after=$(db_fingerprint "where id not in ($valid_ids)")
  refs_after=$(psql_q "$refs services")/$(psql_q "$refs environments")
  for f in "${BAD_FAILS[@]}"; do fail "  $f"; done
  ((BAD_SENT >= 200)) && ((${#BAD_FAILS[@]} == 0)) && r=0 || r=1
  verdict "$r" "bad input: $BAD_SENT requests: $BAD_4XX 4xx JSON error bodies, $BAD_NOMATCH hostile filter values answered as no match, ${#BAD_FAILS[@]} wrong"
  [ "$after" = "$before" ] && [ "$refs_after" = "$refs_before" ] && r=0 || r=1
  verdict "$r" "bad input: the database is unchanged except the 2 valid writes (deployments ${before%% *} -> $(psql_q 'select count(*) from deployments'); services and environments untouched)"
  scenario_line "bad input" "$BAD_SENT malformed requests on every endpoint" "$BAD_SENT" "${#BAD_FAILS[@]} not a 4xx JSON error" "-"
}

rate_limit() {
  section "write rate limit: 429 + Retry-After; fails open without Redis"
  local codes=() i client=198.51.100.$((RANDOM % 200 + 1)) retry n=0 spoofed=0 since
  info "restarting the API with RATE_LIMIT_WRITES_PER_MINUTE=5"
  RATE_LIMIT_WRITES_PER_MINUTE=5 compose up -d --wait --no-deps api >/dev/null 2>&1 || flunk "api did not restart with the limit"
  # The client's window opens with its first write, so no clock minute can split the seven POSTs.
  for i in 1 2 3 4 5 6 7; do
    req POST "$API/deployments" '{"service":"api","environment":"development","version":"v2.0.'"$i"'","deployed_by":"limit@chaos.example"}' -H "X-Forwarded-For: $client"
    codes+=("$STATUS")
    n=$((n + 1))
  done
  retry=$(header Retry-After)
  [ "${codes[*]}" = "201 201 201 201 201 429 429" ] && [[ $retry =~ ^[0-9]+$ ]] && ((retry >= 1 && retry <= 60)) && is_error_body 429 <<<"$BODY" && r=0 || r=1
  verdict "$r" "rate limit 5/min: answers ${codes[*]}; the 429 has Retry-After: $retry and the JSON error body"
  req POST "$API/deployments" '{"service":"api","environment":"development","version":"v2.1.0","deployed_by":"limit@chaos.example"}' -H 'X-Forwarded-For: 198.51.100.250'
  n=$((n + 1))
  [ "$STATUS" = 201 ] && r=0 || r=1
  verdict "$r" "rate limit is per client: another client still gets 201 (HTTP $STATUS)"
  # Through the dashboard's origin, with a made-up X-Forwarded-For per request (finding, not a test).
  for i in 1 2 3 4 5 6 7; do
    req POST "$WEB/api/deployments" '{"service":"api","environment":"development","version":"v2.2.'"$i"'","deployed_by":"spoof@chaos.example"}' -H "X-Forwarded-For: 203.0.113.$i"
    n=$((n + 1))
    [ "$STATUS" != 201 ] || spoofed=$((spoofed + 1))
  done
  [ "$spoofed" -le 5 ] || warn "finding: $spoofed of 7 writes through $WEB passed the 5/min limit with a made-up X-Forwarded-For each (the client picks its own budget)"
  since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  compose stop redis >/dev/null 2>&1
  codes=()
  for i in 1 2 3 4 5 6 7; do
    req POST "$API/deployments" '{"service":"api","environment":"development","version":"v2.3.'"$i"'","deployed_by":"limit@chaos.example"}' -H "X-Forwarded-For: $client"
    codes+=("$STATUS")
    n=$((n + 1))
  done
  [ "${codes[*]}" = "201 201 201 201 201 201 201" ] && r=0 || r=1
  verdict "$r" "Redis stopped: the limiter fails open (over-limit client: ${codes[*]})"
  compose logs --no-color --since "$since" api >"$tmp/api.log" 2>&1 || true
  grep -q 'Rate limiter failing open' "$tmp/api.log" && r=0 || r=1
  verdict "$r" "Redis stopped: the API log says 'Rate limiter failing open'"
  compose start redis >/dev/null 2>&1
  wait_healthy redis 30 || flunk "redis not healthy again"
  info "restarting the API without the limit"
  RATE_LIMIT_WRITES_PER_MINUTE=0 compose up -d --wait --no-deps api >/dev/null 2>&1 || flunk "api did not restart without the limit"
  scenario_line "rate limit" "API at 5 writes/min: 7 POSTs, another client, Redis stopped" "$n" "0 unexpected (2 x 429 wanted)" \
    "fails open without Redis$([ "$spoofed" -le 5 ] || echo "; X-Forwarded-For spoofable: $spoofed/7 passed")"
}
