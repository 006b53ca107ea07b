# shellcheck shell=bash
# shellcheck disable=SC2154 # $tmp and the other globals are set by scripts/e2e.sh
# make e2e, part 3: the rollout worker on the real stack. Sourced by scripts/e2e.sh, whose helpers
# (req, check, pass, flunk, section, must, timed, $ISO, $API, $tmp, ...) it uses; `rollouts` runs it.
STEP_NAMES='["build","push","deploy","health_check","done"]'
# The steps answer of a finished rollout is consistent with its outcome: 5 steps in order; completed:
# all succeeded; failed: the steps before the failed one succeeded, the ones after it skipped.
# shellcheck disable=SC2016 # jq variables
STEPS_FINAL='.data as $d | ($d.status | IN("completed","failed")) and $d.automated == true
  and ([$d.steps[].step] == '"$STEP_NAMES"') and ([$d.steps[].position] == [1,2,3,4,5])
  and ($d.worker | type == "string") and ($d.attempts >= 1)
  and ([$d.steps[].status] as $s | if $d.status == "completed" then all($s[]; . == "succeeded")
       else ($s | index("failed")) as $f | $f != null and all($s[:$f][]; . == "succeeded") and all($s[$f+1:][]; . == "skipped") end)
  and all($d.steps[] | select(.status == "succeeded" or .status == "failed"); (.started_at | '"$ISO"') and (.finished_at | '"$ISO"'))'
# The deployment agrees with its steps: completed_at set; error_message exactly when it failed.
DEPLOYMENT_FINAL='(.data.status | IN("completed","failed")) and (.data.completed_at | '"$ISO"')
  and (if .data.status == "failed" then (.data.error_message | type == "string" and length > 0) else .data.error_message == null end)'

post_rollout() { # post_rollout VERSION -> the new id on stdout (empty when the POST failed)
  req POST /api/deployments "{\"service\":\"api\",\"environment\":\"staging\",\"version\":\"$1\",\"deployed_by\":\"e2e@example.com\"}"
  if [ "$STATUS" = 201 ] && jq -e '.data.status == "pending" and .data.automated == true' >/dev/null 2>&1 <<<"$BODY"; then
    jq -r '.data.id' <<<"$BODY"
  else
    warn "POST $1: HTTP $STATUS $(head -c 300 <<<"$BODY")"
  fi
}
# wait_final SECONDS ID...: until every rollout is completed or failed; 0 when all did in time.
wait_final() {
  local end=$(($(now_ms) + $1 * 1000)) id left
  shift
  while :; do
    left=()
    for id; do
      req GET "/api/deployments/$id/steps"
      jq -e '.data.status | IN("completed","failed")' >/dev/null 2>&1 <<<"$BODY" || left+=("$id")
    done
    ((${#left[@]} > 0)) || return 0
    if (($(now_ms) >= end)); then
      warn "not finished in time: ${left[*]}"
      return 1
    fi
    set -- "${left[@]}"
    sleep 1
  done
}
# "container-number|hostname|state|health|id" of each worker container (hostname = consumer name)
worker_containers() {
  local ids
  ids=$(compose ps -a -q worker | paste -sd' ' -)
  [ -n "$ids" ] || return 0
  # shellcheck disable=SC2086 # several ids
  docker inspect -f '{{index .Config.Labels "com.docker.compose.container-number"}}|{{.Config.Hostname}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.Id}}' $ids | sort -n
}
healthy_workers() { worker_containers | awk -F'|' '$3 == "running" && $4 == "healthy"' | wc -l | tr -d ' '; }
steps_in_db() { # "rows distinct-steps" of deployment_steps for one deployment
  db_sql "select count(*) || ' ' || count(distinct step) from deployment_steps where deployment_id = $1"
}

rollouts() {
  section "rollout worker: one deployment on its own"
  local id ids=() i workers t0 victim='' host='' container='' target='' step tries killed_id='' final_worker map rows distinct
  if [ "$(healthy_workers)" -ge 1 ] && [ "$(healthy_workers)" = "$(worker_containers | grep -c .)" ]; then
    pass "the worker container is healthy (consumer $(worker_containers | cut -d'|' -f2 | paste -sd' ' -))"
  else
    flunk "worker health: $(worker_containers | tr '\n' ' ')"
  fi
  id=$(post_rollout v7.0.0)
  if [ -z "$id" ]; then
    flunk "POST for the rollout: no pending deployment"
    return
  fi
  req GET "/api/deployments/$id/steps"
  check "GET /api/deployments/$id/steps right after the POST: 5 steps, automated, not cached" 200 \
    "(.data.deployment_id == $id) and .data.automated == true and ([.data.steps[].step] == $STEP_NAMES)
     and all(.data.steps[]; .status | IN(\"waiting\",\"running\",\"succeeded\",\"failed\",\"skipped\"))"
  if [ -z "$(header X-Cache)" ]; then pass "the steps answer carries no X-Cache header (never cached)"; else
    flunk "the steps answer has X-Cache: $(header X-Cache)"
  fi
  t0=$(now_ms)
  if wait_final 120 "$id"; then
    req GET "/api/deployments/$id/steps"
    check "rollout $id reached $(jq -r .data.status <<<"$BODY") on its own in $(fmt_ms $(($(now_ms) - t0))) (worker $(jq -r .data.worker <<<"$BODY")): steps consistent" 200 "$STEPS_FINAL"
    req GET "/api/deployments/$id"
    check "the deployment agrees with its steps (status, completed_at, error_message)" 200 "$DEPLOYMENT_FINAL and .data.automated == true"
  else
    flunk "rollout $id did not reach completed or failed within 120 s: $(head -c 600 <<<"$BODY")"
  fi
  req GET "/api/deployments/${MANUAL:-1}/steps"
  check "GET /steps of a manual deployment: no steps, no worker" 200 '.data.automated == false and .data.steps == [] and .data.worker == null and .data.attempts == 0'

  section "rollout worker: make scale-worker N=3, 9 rollouts"
  if timed "make scale-worker N=3" scale-worker N=3; then pass "make scale-worker N=3"; else flunk "make scale-worker N=3"; fi
  if [ "$(healthy_workers)" = 3 ]; then pass "3 healthy worker containers"; else flunk "workers after scale-worker N=3: $(worker_containers | tr '\n' ' ')"; fi
  if grep -q 'CONSUMER NAME' "$tmp/out" && grep -q '/api/deployments' "$tmp/out"; then pass "make scale-worker shows the workers' table and how to create rollouts"; else
    flunk "make scale-worker printed no workers table / hint"
  fi
  for i in 1 2 3 4 5 6 7 8 9; do
    id=$(post_rollout "v7.1.$i")
    [ -z "$id" ] || ids+=("$id")
  done
  if [ "${#ids[@]}" = 9 ]; then pass "9 rollouts requested (201 pending)"; else flunk "only ${#ids[@]} of 9 POSTs answered 201 pending"; fi
  t0=$(now_ms)
  if wait_final 240 "${ids[@]}"; then pass "all ${#ids[@]} rollouts reached completed or failed ($(fmt_ms $(($(now_ms) - t0))))"; else
    flunk "not every rollout finished within 240 s"
  fi
  : >"$tmp/took"
  for id in "${ids[@]}"; do
    req GET "/api/deployments/$id/steps"
    jq -e "$STEPS_FINAL" >/dev/null 2>&1 <<<"$BODY" || flunk "rollout $id: steps inconsistent with its outcome: $(head -c 400 <<<"$BODY")"
    jq -r '.data.worker' <<<"$BODY" >>"$tmp/took"
  done
  workers=$(sort "$tmp/took" | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')
  if [ "$(sort -u "$tmp/took" | grep -vc '^null$')" -ge 2 ]; then pass "the rollouts spread over $(sort -u "$tmp/took" | grep -vc '^null$') workers: $workers"; else
    flunk "the 9 rollouts did not spread over >= 2 workers: $workers"
  fi
  "${MAKE_CMD[@]}" workers 2>&1 | sed -n '1,6p' || true

  section "rollout worker: a worker killed mid-rollout"
  # Kill the worker holding a running rollout; another one must take the job over and finish it.
  map=$(worker_containers | awk -F'|' '$3 == "running"') # looked up once: the kill must be quick
  for tries in 1 2 3; do
    ids=()
    for i in 1 2 3; do
      id=$(post_rollout "v7.2.$tries$i")
      [ -z "$id" ] || ids+=("$id")
    done
    victim=''
    for _ in $(seq 1 100); do # ~20-40 s
      for id in "${ids[@]}"; do
        req GET "/api/deployments/$id/steps"
        # an early step still running: the rest of the rollout needs several seconds more
        step=$(jq -r 'select(.data.status == "in_progress") | .data.steps[] | select(.status == "running" and .position <= 3) | .step' <<<"$BODY" 2>/dev/null || true)
        if [ -n "$step" ]; then
          host=$(jq -r '.data.worker' <<<"$BODY")
          container=$(awk -F'|' -v h="$host" '$2 == h { print $1 }' <<<"$map")
          target=$(awk -F'|' -v h="$host" '$2 == h { print $5 }' <<<"$map")
          if [ -n "$target" ]; then
            victim=$id
            break 2
          fi
        fi
      done
      sleep 0.2
    done
    if [ -z "$victim" ]; then
      warn "no rollout caught in an early step (try $tries)"
      continue
    fi
    docker kill "$target" >/dev/null
    map=$(awk -F'|' -v t="$target" '$5 != t' <<<"$map")
    req GET "/api/deployments/$victim/steps"
    if jq -e '.data.status == "in_progress"' >/dev/null 2>&1 <<<"$BODY"; then
      killed_id=$victim
      break
    fi
    warn "rollout $victim finished before the kill landed (try $tries)"
    victim=''
  done
  if [ -z "${killed_id:-}" ]; then
    flunk "could not kill a worker while it ran a rollout (3 tries)"
  else
    pass "docker kill worker-$container (consumer $host) while it ran rollout $killed_id (step $step)"
    t0=$(now_ms)
    if wait_final 300 "$killed_id"; then
      req GET "/api/deployments/$killed_id/steps"
      final_worker=$(jq -r '.data.worker' <<<"$BODY")
      check "rollout $killed_id was taken over and reached $(jq -r .data.status <<<"$BODY") $(fmt_ms $(($(now_ms) - t0))) after the kill (attempts $(jq -r .data.attempts <<<"$BODY"), worker $final_worker)" 200 \
        "$STEPS_FINAL and .data.attempts >= 2 and .data.worker != \"$host\""
      read -r rows distinct <<<"$(steps_in_db "$killed_id")"
      if [ "$rows" = "$distinct" ] && [ "$rows" = "$(jq '[.data.steps[] | select(.status != "waiting" and .status != "skipped")] | length' <<<"$BODY")" ]; then
        pass "each step of rollout $killed_id recorded once ($rows rows in deployment_steps)"
      else
        flunk "rollout $killed_id: $rows step rows, $distinct distinct steps"
      fi
    else
      flunk "rollout $killed_id never finished after its worker was killed (300 s): $(head -c 600 <<<"$BODY")"
    fi
    wait_final 240 "${ids[@]}" || flunk "the other rollouts of the kill test did not finish"
  fi

  section "rollout worker: make scale-worker N=1"
  if timed "make scale-worker N=1" scale-worker N=1; then pass "make scale-worker N=1"; else flunk "make scale-worker N=1"; fi
  if [ "$(worker_containers | grep -c .)" = 1 ] && [ "$(healthy_workers)" = 1 ]; then pass "one healthy worker container again"; else
    flunk "workers after scale-worker N=1: $(worker_containers | tr '\n' ' ')"
  fi
}
