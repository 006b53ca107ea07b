#!/usr/bin/env bash
# make build / make dev step 2: build the images, each only when its inputs changed.
#  - the API image with Jib (jib:dockerBuild): skipped when a stamp over the API's sources, the
#    POMs, the Maven wrapper, the base image and the target name matches AND that image is still
#    in Docker with the ID recorded by the stamp;
#  - every service with a `build:` section (web) with `docker compose build` (Docker's layer
#    cache makes an unchanged build a no-op).
# FORCE=1 rebuilds the API image regardless of the stamp.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
ensure_env
load_env .env

API_IMAGE=${API_IMAGE:-zero-to-running/api:dev}
JAVA_BASE_IMAGE=${JAVA_BASE_IMAGE:-eclipse-temurin:21-jre}

# Jib takes a base image from the local daemon as docker://NAME, else from its registry.
# make dev PROFILE=...: BUILD_API=0 / BUILD_WEB=0 skip what the partial stack does not run.
build_api=${BUILD_API:-1} build_web=${BUILD_WEB:-1}

if base_id=$(docker image inspect -f '{{.Id}}' "$JAVA_BASE_IMAGE" 2>/dev/null); then
  jib_from="docker://$JAVA_BASE_IMAGE"
else
  base_id=remote
  jib_from=$JAVA_BASE_IMAGE
fi

inputs_hash() {
  {
    echo "$API_IMAGE $jib_from $base_id"
    find pom.xml api/pom.xml api/config.yml api/src .mvn mvnw -type f -print 2>/dev/null |
      LC_ALL=C sort | while IFS= read -r f; do
        printf '%s %s\n' "$(sha256 <"$f")" "$f"
      done
  } | sha256
}

stamp_dir=target/make
stamp="$stamp_dir/api-image-$(tr -c 'A-Za-z0-9._-' '_' <<<"$API_IMAGE").stamp"
hash=$(inputs_hash)
image_id=$(docker image inspect -f '{{.Id}}' "$API_IMAGE" 2>/dev/null || true)
if [ "$build_api" = 0 ]; then
  info "build: $API_IMAGE skipped (this profile runs no Java)"
elif [ -z "${FORCE:-}" ] && [ -n "$image_id" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash $image_id" ]; then
  ok "build: $API_IMAGE is up to date (API sources unchanged)"
else
  info "build: $API_IMAGE with Jib (base $jib_from; a minute or two the first time) ..."
  start=$(now_ms)
  mkdir -p "$stamp_dir"
  log="$stamp_dir/api-build.log"
  # A registry base is multi-platform: take the host's (ImagePlatform). A local base image is
  # already the engine's own, and Jib uses it as it is.
  platform_args=()
  if [ "$base_id" = remote ]; then
    platform=$(image_platform) || die "build: cannot choose the image platform (above)"
    platform_args=(-Djib.from.platforms="$platform")
  fi
  if ! ./mvnw -q -B -pl api -am package jib:dockerBuild -Dmaven.test.skip=true \
    -Djib.from.image="$jib_from" -Djib.to.image="$API_IMAGE" ${platform_args[@]+"${platform_args[@]}"} >"$log" 2>&1; then
    grep -E '^\[ERROR\]' "$log" | grep -vE '^\[ERROR\] *(->|$|To see|Re-run|For more|After correcting|\[Help)' | head -n 25 >&2 || true
    die "build: the API image did not build (errors above; full output: $log) -> fix them, then: make dev"
  fi
  image_id=$(docker image inspect -f '{{.Id}}' "$API_IMAGE")
  echo "$hash $image_id" >"$stamp"
  ok "build: $API_IMAGE built in $(fmt_ms $(($(now_ms) - start)))"
fi

# Services with a build section: web (nginx image, or the small Vite dev image with the override).
[ "$build_web" = 1 ] || exit 0
start=$(now_ms)
info "build: docker compose build (web) ..."
compose build --quiet
ok "build: web image ready in $(fmt_ms $(($(now_ms) - start)))"
