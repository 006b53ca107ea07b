#!/usr/bin/env bash
# Fault scenarios of make chaos (sourced by scripts/chaos/run.sh after lib.sh): real containers,
# bounded load (wrk: 1 thread, 2 connections, fixed seconds; plus a curl probe that keeps a
# timeline), 127.0.0.1 only. Each ends with one scenario line.
# shellcheck disable=SC2154 # tmp, RUN_ID, SEED and the WRK_* figures are set by run.sh and lib.sh

fault_redis() {
  section "Redis stopped for 10 s under read load"
  local life t_stop t_stopped t_start hit_at='' bypass during_fail n fails
  req GET "$API/deployments?limit=20"
  life=$(container_life api)
  start_probe redis 45 "$API/deployments?limit=20" "$API/services" "$API/stats" "$API/environments"
  wrk_load redis 20 "$API/deployments?limit=20"
  sleep 3
  t_stop=$(now_ms)
  compose stop redis >/dev/null 2>&1
  t_stopped=$(now_ms) # reads may still hit the cache while Redis shuts down
  sleep 10
  t_start=$(now_ms)
  compose start redis >/dev/null 2>&1
  wait_healthy redis 30 || flunk "redis not healthy again within 30 s"
  for _ in $(seq 1 100); do # the first HIT after the restart (the probe revisits each URL)
    hit_at=$(awk -v t="$t_start" '$1 > t && $4 == "HIT" { print $1; exit }' "$tmp/redis.log")
    [ -z "$hit_at" ] || break
    sleep 0.2
  done
  stop_probes
  wrk_result redis
  n=$(($(probe_count redis) + WRK_requests))
  fails=$(($(probe_fails redis) + WRK_requests - WRK_s2xx + $(wrk_errors)))
  bypass=$(awk -v a="$t_stopped" -v b="$t_start" '$1 > a && $2 < b && $4 == "BYPASS"' "$tmp/redis.log" | wc -l | tr -d ' ')
  during_fail=$(awk -v a="$t_stopped" -v b="$t_start" '$1 > a && $2 < b && $4 != "BYPASS"' "$tmp/redis.log" | wc -l | tr -d ' ')
  [ "$during_fail" = 0 ] || awk -v a="$t_stopped" -v b="$t_start" '$1 > a && $2 < b && $4 != "BYPASS"' "$tmp/redis.log" | head -n 3 >&2
  [ "$fails" = 0 ] && r=0 || r=1
  verdict "$r" "Redis outage: 0 failed reads of $n (wrk $WRK_requests, probe $(probe_count redis))"
  [ "$bypass" -gt 0 ] && [ "$during_fail" = 0 ] && [ "$WRK_bypass" -gt 0 ] && r=0 || r=1
  verdict "$r" "Redis outage: X-Cache BYPASS on every probe read while it was down ($bypass; wrk $WRK_bypass)"
  [ -n "$hit_at" ] && r=0 || r=1
  verdict "$r" "Redis back: X-Cache HIT again${hit_at:+ $(secs_between "$t_start" "$hit_at") after redis start}"
  [ "$(container_life api)" = "$life" ] && r=0 || r=1
  verdict "$r" "Redis outage: no API restart"
  scenario_line "redis outage" "compose stop redis ($(secs_between "$t_stop" "$t_stopped")), 10 s down under GET load, start" "$n" "$fails" \
    "${hit_at:+first HIT $(secs_between "$t_start" "$hit_at") after start}$([ -n "$hit_at" ] || echo "no HIT")"
}

# rollout_status ID -> "status attempts steps-consistent" from GET /steps (consistent: 1 or 0)
rollout_status() {
  req GET "$API/deployments/$1/steps"
  # shellcheck disable=SC2016 # jq variables
  jq -r '.data as $d | [$d.status, $d.attempts, (if ([$d.steps[].step] == ["build","push","deploy","health_check","done"])
    and ([$d.steps[].status] as $s | if $d.status == "completed" then all($s[]; . == "succeeded")
      elif $d.status == "failed" then ($s | index("failed")) as $f | $f != null and all($s[$f+1:][]; . == "skipped")
      else true end) then 1 else 0 end)] | join(" ")' <<<"$BODY" 2>/dev/null || echo "? 0 0"
}

fault_rollouts_redis() {
  section "Redis stopped for 10 s while rollouts run (jobs queued before and during the outage)"
  local ids=() during=() id i t_stop t_start t_done='' left st consistent n_bad=0 posts=0 post_fail=0 rows distinct dup=0 life
  life=$(container_life worker)
  for i in 1 2 3 4 5; do
    req POST "$API/deployments" "{\"service\":\"api\",\"environment\":\"staging\",\"version\":\"v$RUN_ID.9.$i\",\"deployed_by\":\"rollouts@chaos.example\"}"
    posts=$((posts + 1))
    if [ "$STATUS" = 201 ]; then ids+=("$(jq -r '.data.id' <<<"$BODY")"); else post_fail=$((post_fail + 1)); fi
  done
  sleep 1
  t_stop=$(now_ms)
  compose stop redis >/dev/null 2>&1
  for i in 1 2 3; do # created while Redis is away: the API answers 201; the job reaches Redis later
    req POST "$API/deployments" "{\"service\":\"api\",\"environment\":\"staging\",\"version\":\"v$RUN_ID.9.1$i\",\"deployed_by\":\"rollouts@chaos.example\"}"
    posts=$((posts + 1))
    if [ "$STATUS" = 201 ]; then during+=("$(jq -r '.data.id' <<<"$BODY")"); else
      post_fail=$((post_fail + 1))
      warn "POST with Redis down: HTTP $STATUS $(head -c 200 <<<"$BODY")"
    fi
  done
  sleep 10
  t_start=$(now_ms)
  compose start redis >/dev/null 2>&1
  wait_healthy redis 30 || flunk "redis not healthy again within 30 s"
  ids+=("${during[@]}")
  # The jobs created before the stop are in the stream (Redis saves it on stop); the ones created
  # during the outage never reached it: the workers' relay queues them from PostgreSQL (60 s).
  for _ in $(seq 1 240); do
    left=0
    for id in "${ids[@]}"; do
      read -r st _ _ <<<"$(rollout_status "$id")"
      case $st in completed | failed) ;; *) left=$((left + 1)) ;; esac
    done
    if [ "$left" = 0 ]; then
      t_done=$(now_ms)
      break
    fi
    sleep 1
  done
  for id in "${ids[@]}"; do
    read -r st _ consistent <<<"$(rollout_status "$id")"
    case $st in completed | failed) [ "$consistent" = 1 ] || n_bad=$((n_bad + 1)) ;; *) n_bad=$((n_bad + 1)) ;; esac
    read -r rows distinct <<<"$(psql_q "select count(*) || ' ' || count(distinct step) from deployment_steps where deployment_id = $id")"
    [ "$rows" = "$distinct" ] || dup=$((dup + 1))
  done
  [ "$post_fail" = 0 ] && r=0 || r=1
  verdict "$r" "rollouts: every POST answered 201, ${#during[@]} of them with Redis stopped ($post_fail failed)"
  [ -n "$t_done" ] && [ "$n_bad" = 0 ] && r=0 || r=1
  verdict "$r" "rollouts: all ${#ids[@]} reached completed or failed with consistent steps after Redis came back${t_done:+ ($(secs_between "$t_start" "$t_done") after redis start)} ($n_bad not)"
  [ "$dup" = 0 ] && r=0 || r=1
  verdict "$r" "rollouts: no step recorded twice ($dup rollouts with a duplicate)"
  wait_healthy worker 60 && [ "$(container_life worker)" = "$life" ] && r=0 || r=1
  verdict "$r" "rollouts: the worker is healthy again without a restart"
  scenario_line "rollouts, redis outage" "5 rollouts, compose stop redis ($(secs_between "$t_stop" "$t_start") until start), 3 more POSTed while down" "$posts" \
    "$post_fail POSTs, $n_bad rollouts unfinished/inconsistent, $dup duplicate steps" \
    "$([ -n "$t_done" ] && echo "all finished $(secs_between "$t_start" "$t_done") after redis start" || echo "not finished in 240 s")"
}

fault_db() {
  section "PostgreSQL restarted under load"
  local life ids t_restart t_healthy bad early late last_end first_start n fails probe_fails recovery
  req GET "$API/deployments?limit=3"
  read -r -a ids <<<"$(jq -r '[.data[].id] | join(" ")' <<<"$BODY")"
  life=$(container_life api)
  # Reads by id are never cached: every one needs PostgreSQL.
  start_probe db 60 "$API/deployments/${ids[0]}" "$API/deployments/${ids[1]}" "$API/deployments/${ids[2]}"
  wrk_load db 20 "$API/deployments/${ids[0]}"
  sleep 3
  t_restart=$(now_ms)
  compose restart db >/dev/null 2>&1
  t_healthy=$t_restart
  if wait_healthy db 60; then t_healthy=$HEALTHY_AT; else flunk "db not healthy within 60 s of the restart"; fi
  sleep 8 # the recovery window (5 s) plus margin, still under load
  stop_probes
  wrk_result db
  probe_fails=$(fails_of db | wc -l | tr -d ' ')
  n=$(($(probe_count db) + WRK_requests))
  fails=$((probe_fails + WRK_requests - WRK_s2xx + $(wrk_errors)))
  bad=$(fails_of db | awk '$3 != 503 || $5 != 1' | wc -l | tr -d ' ')
  early=$(fails_of db | awk -v t="$t_restart" '$2 < t' | wc -l | tr -d ' ')
  late=$(fails_of db | awk -v t="$((t_healthy + 5000))" '$1 > t' | wc -l | tr -d ' ')
  last_end=$(fails_of db | awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { printf "%d\n", m }')
  first_start=$(fails_of db | awk 'NR == 1 || $1 < m { m = $1 } END { printf "%d\n", m }')
  recovery=0
  ((last_end <= t_healthy)) || recovery=$((last_end - t_healthy))
  [ "$bad" = 0 ] && [ "$WRK_s5xx" = "$WRK_s503" ] && [ "$WRK_bad5xx" = 0 ] && [ "$WRK_s4xx" = 0 ] && [ "$(wrk_errors)" = 0 ] && r=0 || r=1
  verdict "$r" "PostgreSQL restart: every failed request a 503 JSON error body (probe $probe_fails, wrk $WRK_s503; no socket errors)"
  [ "$early" = 0 ] && [ "$late" = 0 ] && r=0 || r=1
  verdict "$r" "PostgreSQL restart: errors only during the outage (before: $early, > 5 s after healthy: $late)"
  ((recovery <= 5000)) && r=0 || r=1
  verdict "$r" "PostgreSQL restart: recovered $(fmt_ms "$recovery") after db healthy (limit 5 s)"
  [ "$(container_life api)" = "$life" ] && r=0 || r=1
  verdict "$r" "PostgreSQL restart: no API restart (the pool validates connections)"
  scenario_line "postgres restart" "compose restart db under GET-by-id load (db healthy after $(secs_between "$t_restart" "$t_healthy"))" \
    "$n" "$fails (all 503$([ "$probe_fails" = 0 ] || echo ", probe saw them over $(secs_between "$first_start" "$last_end")"))" \
    "$(fmt_ms "$recovery") after db healthy"
}

# Kill a process of the host (the container's main process), also when we are not root.
host_kill() {
  if [ "$(id -u)" = 0 ]; then
    kill -9 "$1"
  else
    docker run --rm --pid=host --user 0 --entrypoint sh "${REDIS_IMAGE:-redis:7-alpine}" -c "kill -9 $1"
  fi
}

fault_api_kill() {
  section "API killed: a crash (SIGKILL of its process), then docker kill"
  local id restarts t_kill t_healthy='' banner_pid='' shown='' cleared='' n fails state banner_note
  if command -v node >/dev/null 2>&1 && [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && [ -d web/node_modules/playwright-core ]; then
    node "$CHAOS_DIR/banner.mjs" "$WEB" >"$tmp/banner.out" 2>&1 &
    banner_pid=$!
    for _ in $(seq 1 120); do
      if grep -qE '^(READY|ERROR)' "$tmp/banner.out"; then break; fi
      sleep 0.5
    done
    grep -q '^READY' "$tmp/banner.out" || { warn "banner watcher: $(tail -n 2 "$tmp/banner.out")"; banner_pid=''; }
  else
    warn "no node, Chromium or web/node_modules/playwright-core: the dashboard banner is not watched"
  fi
  start_probe kill 150 "$WEB/api/health" "$API/health"
  sleep 1
  # a) A crash: the process dies under Docker's feet. The restart policy (unless-stopped) applies.
  id=$(container_id api)
  restarts=$(docker inspect -f '{{.RestartCount}}' "$id")
  t_kill=$(now_ms)
  host_kill "$(docker inspect -f '{{.State.Pid}}' "$id")"
  sleep 1
  wait_healthy api 90 && [ "$(docker inspect -f '{{.RestartCount}}' "$id")" -gt "$restarts" ] && t_healthy=$HEALTHY_AT
  [ -n "$t_healthy" ] && r=0 || r=1
  verdict "$r" "API crash (kill -9 of its process): restarted by the restart policy and healthy${t_healthy:+ after $(secs_between "$t_kill" "$t_healthy")}"
  sleep 6 # one dashboard poll (5 s) on the healthy API
  n=$(probe_count kill)
  fails=$(probe_fails kill)
  scenario_line "api crash" "kill -9 of the API's process; Docker restarts it (unless-stopped)" "$n" "$fails (while it restarted)" \
    "healthy after ${t_healthy:+$(secs_between "$t_kill" "$t_healthy")}$([ -n "$t_healthy" ] || echo "never")"

  # b) docker kill: Docker records it as a manual stop, so unless-stopped does not restart it.
  t_kill=$(now_ms)
  docker kill "$id" >/dev/null
  sleep 8 # longer than one dashboard poll
  state=$(docker inspect -f '{{.State.Status}}' "$id")
  if [ "$state" = running ]; then
    info "docker kill: Docker restarted the API by itself (restart policy)"
    wait_healthy api 90 || true
  else
    info "docker kill: the API stays $state (Docker treats docker kill as a manual stop; unless-stopped does not restart it): make dev"
    "${MAKE_CMD[@]}" dev >"$tmp/dev-after-kill.out" 2>&1 || tail -n 20 "$tmp/dev-after-kill.out"
  fi
  t_healthy=''
  if wait_healthy api 60; then t_healthy=$HEALTHY_AT; fi
  [ -n "$t_healthy" ] && r=0 || r=1
  verdict "$r" "docker kill: API $state after 8 s; healthy again$([ "$state" = running ] || echo ' after make dev')${t_healthy:+ $(secs_between "$t_kill" "$t_healthy") after the kill}"
  sleep 7 # the dashboard's next poll sees the API again
  stop_probes
  if [ -n "$banner_pid" ]; then
    kill -TERM "$banner_pid" 2>/dev/null || true
    wait "$banner_pid" 2>/dev/null || true
    shown=$(awk -v t="$t_kill" '$1 == "SHOWN" && $2 > t { print $2; exit }' "$tmp/banner.out")
    cleared=$(awk -v t="${shown:-0}" '$1 == "CLEARED" && $2 > t { print $2; exit }' "$tmp/banner.out")
    [ -n "$shown" ] && [ -n "$cleared" ] && r=0 || r=1
    verdict "$r" "dashboard banner during the docker kill outage: ${shown:+shown $(secs_between "$t_kill" "$shown") after the kill}$([ -n "$shown" ] || echo "never shown"), ${cleared:+cleared $(secs_between "$t_kill" "$cleared") after it}$([ -n "$cleared" ] || echo "not cleared")"
    banner_note=$(grep -c '^SHOWN' "$tmp/banner.out" || true)
    info "dashboard banner: shown $banner_note time(s) over both outages (the crash outage can fall between two 5 s polls)"
  fi
  n=$(($(probe_count kill) - n))
  fails=$(($(probe_fails kill) - fails))
  scenario_line "api docker kill" "docker kill api (stays $state), then ${state/exited/make dev}" "$n" "$fails (while down)" \
    "healthy${t_healthy:+ (make dev done) $(secs_between "$t_kill" "$t_healthy") after the kill}$([ -n "$t_healthy" ] || echo "never")${shown:+; banner shown/cleared}"
}

# writer NAME SECONDS: POSTs in a loop; "id version" of every 201 to $tmp/NAME.acked, one line per
# request ("status") to $tmp/NAME.sent.
writer() {
  local name=$1 end=$(($(now_ms) + $2 * 1000)) i=0 out code id
  : >"$tmp/$name.acked"
  : >"$tmp/$name.sent"
  while [ ! -e "$tmp/stop" ] && (($(now_ms) < end)); do
    i=$((i + 1))
    out=$(curl -s --max-time 5 -o "$tmp/$name.body" -w '%{http_code}' -H 'Content-Type: application/json' \
      --data "{\"service\":\"worker\",\"environment\":\"staging\",\"version\":\"v$RUN_ID.$i.0\",\"deployed_by\":\"$name@chaos.example\"}" \
      "$API/deployments" 2>/dev/null) || true
    code=${out:-000}
    echo "$code" >>"$tmp/$name.sent"
    if [ "$code" = 201 ] && id=$(jq -er '.data.id' "$tmp/$name.body" 2>/dev/null); then
      echo "$id v$RUN_ID.$i.0" >>"$tmp/$name.acked"
    fi
    sleep 0.02
  done
}

fault_down_during_writes() {
  section "make down during a write burst, then make dev"
  local t_down acked sent lost=0 id version t_dev committed
  rm -f "$tmp/stop"
  writer burst-a 60 &
  bg_pids+=($!)
  writer burst-b 60 &
  bg_pids+=($!)
  sleep 4
  t_down=$(now_ms)
  "${MAKE_CMD[@]}" down >"$tmp/down.out" 2>&1 || tail -n 5 "$tmp/down.out"
  sleep 1
  stop_probes
  acked=$(cat "$tmp"/burst-?.acked | wc -l | tr -d ' ')
  sent=$(cat "$tmp"/burst-?.sent | wc -l | tr -d ' ')
  info "write burst: $sent POSTs, $acked acknowledged (201) before/while make down ($(secs_between "$t_down" "$(now_ms)"))"
  t_dev=$(now_ms)
  "${MAKE_CMD[@]}" dev >"$tmp/dev-after-down.out" 2>&1 || { tail -n 30 "$tmp/dev-after-down.out"; flunk "make dev after make down"; }
  t_dev=$(($(now_ms) - t_dev))
  # Authoritative check in PostgreSQL, then a sample through the API.
  psql_q "select id || ' ' || version from deployments where deployed_by like 'burst-_@chaos.example'" | sort >"$tmp/burst.db"
  while read -r id version; do
    grep -qx "$id $version" "$tmp/burst.db" || lost=$((lost + 1))
  done < <(cat "$tmp"/burst-?.acked)
  [ "$acked" -gt 0 ] && [ "$lost" = 0 ] && r=0 || r=1
  verdict "$r" "make down during writes: all $acked acknowledged deployments are in PostgreSQL after make dev ($lost lost)"
  read -r id version < <(tail -n 1 "$tmp/burst-a.acked")
  req GET "$API/deployments/${id:-0}"
  [ "$STATUS" = 200 ] && [ "$(jq -r '.data.version' <<<"$BODY")" = "$version" ] && r=0 || r=1
  verdict "$r" "the last acknowledged write ($id) reads back through the API"
  committed=$(wc -l <"$tmp/burst.db" | tr -d ' ')
  scenario_line "down during writes" "2 writers POSTing, make down after 4 s, then make dev ($(fmt_ms "$t_dev"))" "$sent" \
    "$((sent - acked)) not acknowledged (stack going down); $lost acknowledged lost; $((committed - acked)) committed unacknowledged" \
    "make dev $(fmt_ms "$t_dev")"
}

fault_reset_db() {
  section "make reset-db while the dashboard polls"
  local t0 took n fails five bad after window
  req GET "$API/deployments?limit=100"
  req GET "$API/deployments?limit=100" # cached (HIT) before the reset
  [ "$(header X-Cache)" = HIT ] || warn "list not cached before the reset (X-Cache $(header X-Cache))"
  # What the dashboard polls, through its own origin (the dev server's /api proxy).
  start_probe reset-a 120 "$WEB/api/health" "$WEB/api/deployments?limit=20" "$WEB/api/stats"
  start_probe reset-b 120 "$WEB/api/services" "$WEB/api/environments" "$WEB/api/deployments?limit=20&status=failed"
  sleep 2
  t0=$(now_ms)
  "${MAKE_CMD[@]}" reset-db >"$tmp/reset.out" 2>&1 || { tail -n 20 "$tmp/reset.out"; flunk "make reset-db failed"; }
  took=$(($(now_ms) - t0))
  sleep 3
  stop_probes
  n=$(probe_count reset-a reset-b)
  fails=$(probe_fails reset-a reset-b)
  five=$(plog reset-a reset-b | awk '$3 == 500' | wc -l | tr -d ' ')
  bad=$(plog reset-a reset-b | awk '$5 != 1' | wc -l | tr -d ' ')
  [ "$five" = 0 ] && [ "$bad" = 0 ] && r=0 || r=1
  verdict "$r" "make reset-db while polling: no 500s in $n requests; every answer JSON ($fails non-2xx, each an error body)"
  req GET "$API/deployments?limit=100"
  after=$(header X-Cache)
  [ "$after" = MISS ] && r=0 || r=1
  verdict "$r" "make reset-db flushed the cache: the list cached before it is a MISS (X-Cache $after)"
  [ "$(seed_snapshot)" = "$SEED" ] && r=0 || r=1
  verdict "$r" "make reset-db restored exactly the seed ($(jq -r '.[0]' <<<"$SEED") deployments, same rows)"
  [ "$(psql_q 'select count(*) from deployments')" = "$(jq -r '.[0]' <<<"$SEED")" ] && r=0 || r=1
  verdict "$r" "PostgreSQL holds exactly the seeded deployments"
  window=$(fails_of reset-a reset-b | awk 'NR == 1 || $1 < a { a = $1 } $2 > b { b = $2 } END { printf "%d\n", b - a }')
  scenario_line "reset-db while polling" "make reset-db ($(fmt_ms "$took")) while 2 pollers read via the dashboard origin" "$n" \
    "$fails ($five x 500)" "$([ "$fails" = 0 ] && echo 'nothing to recover' || echo "failed polls over $(fmt_ms "${window:-0}")")"
}
