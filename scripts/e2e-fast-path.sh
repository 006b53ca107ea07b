# shellcheck shell=bash disable=SC2153,SC2154 # tmp, BASE, API_IMAGE and the helpers are e2e.sh's
# Sourced by scripts/e2e.sh: make dev after a code change takes the fast path (compile, restart api
# and worker on the mounted classes; the image is not rebuilt) and the API answers with the new
# code; with the change undone, make dev serves the old code again.

FAST_FILE=api/src/main/java/dev/zerotorunning/wander/service/DeploymentService.java
FAST_FROM='" does not exist"'
FAST_TO='" does not exist (e2e: the fast path)"'
# e2e.sh's cleanup puts the file back when the run stops half-way
fast_path_restore() { [ ! -f "$tmp/fast-path.orig" ] || cp "$tmp/fast-path.orig" "$FAST_FILE"; }

# not_found_says TEXT: GET of an unknown deployment answers 404 with TEXT in its error
not_found_says() { req GET /api/deployments/987654321 && [ "$STATUS" = 404 ] && jq -e --arg t "$1" '.error | contains($t)' <<<"$BODY" >/dev/null; }

fast_path() {
  section "a code change: make dev compiles and restarts the API on the new classes (no image build)"
  local image
  image=$(docker image inspect -f '{{.Id}}' "$API_IMAGE")
  cp "$FAST_FILE" "$tmp/fast-path.orig"
  sed -i "s/$FAST_FROM/$FAST_TO/" "$FAST_FILE"
  grep -qF "$FAST_TO" "$FAST_FILE" || die "e2e: the fast-path edit did not apply to $FAST_FILE (its text moved?)"
  if timed "make dev (a Java change: the fast path)" dev; then
    if grep -q 'API classes compiled' "$tmp/out" && ! grep -q 'with Jib' "$tmp/out"; then
      pass "make dev compiled the change and built no image"
    else flunk "make dev after a code change did not take the fast path: $(grep 'build:' "$tmp/out")"; fi
    if [ "$(docker image inspect -f '{{.Id}}' "$API_IMAGE")" = "$image" ]; then pass "the API image is the same one"; else flunk "the API image was rebuilt"; fi
    if not_found_says "(e2e: the fast path)"; then pass "the API runs the new code: $(jq -r .error <<<"$BODY")"; else
      flunk "the API does not run the new code: HTTP $STATUS $(head -c 200 <<<"$BODY")"
    fi
  else flunk "make dev after a code change"; fi

  fast_path_restore
  rm -f "$tmp/fast-path.orig"
  if timed "make dev (the change undone)" dev && not_found_says "does not exist" && ! not_found_says "(e2e: the fast path)"; then
    pass "with the change undone, make dev serves the old code again"
  else flunk "after undoing the change: HTTP $STATUS $(head -c 200 <<<"$BODY")"; fi
  must timed "make dev (nothing changed)" dev
  if grep -q 'nothing to start' "$tmp/out"; then pass "make dev right after: nothing to compile, nothing to restart"; else flunk "make dev with nothing changed restarted something"; fi
}
