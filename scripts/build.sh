#!/usr/bin/env bash
# make build / make dev step 2: build the images, each only when its inputs changed.
#  - the API image with Jib (jib:dockerBuild), then its class-data archive (api/cds/Dockerfile):
#    skipped when a stamp over the API's sources, the POMs, the Maven wrapper, the base image and
#    the target name matches AND that image is still
#    in Docker with the ID recorded by the stamp. When compose.override.yaml mounts the compiled
#    classes into the containers (the dev stack, from build/api-classes), the image holds the
#    dependencies only: a code change is a compile (with javac and Maven's recorded options, or
#    with Maven, which records them), a copy and target/make/api-classes.changed, on which make dev
#    restarts the api and the worker (the fast path; README "The inner loop");
#  - every service with a `build:` section (web) with `docker compose build` (Docker's layer
#    cache makes an unchanged build a no-op).
# FORCE=1 rebuilds the API image regardless of the stamp.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
ensure_env
load_env .env
load_env .env.example # the defaults of what .env leaves out


# Jib takes a base image from the local daemon as docker://NAME, else from its registry.
# make dev PROFILE=...: BUILD_API=0 / BUILD_WEB=0 skip what the partial stack does not run.
build_api=${BUILD_API:-1} build_web=${BUILD_WEB:-1}

base_id=$(docker image inspect -f '{{.Id}}' "$JAVA_BASE_IMAGE" 2>/dev/null) || base_id=remote
jib_from=docker://$JAVA_BASE_IMAGE
[ "$base_id" != remote ] || jib_from=$JAVA_BASE_IMAGE

# files_hash PATH...: one hash over the files' contents and names
# shellcheck disable=SC2086 # a command line
files_hash() { find "$@" -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 $SHA256_FILES | sha256; }
MIGRATIONS=api/src/main/resources/db/migration
DEV_CLASSES=build/api-classes # what the dev stack mounts (compose.override.yaml)
stamp_dir=target/make
stamp="$stamp_dir/api-image-$(tr -c 'A-Za-z0-9._-' '_' <<<"$API_IMAGE").stamp"
classes_stamp=$stamp_dir/api-classes.stamp # the code's hash, and (.migrations) the migrations'
mkdir -p "$stamp_dir"

# The dev stack mounts the compiled classes (DEV_CLASSES) over the image's (compose.override.yaml)?
# Then the image holds the dependencies only and its stamp leaves the code out.
classes_mounted=false
[ "$build_api" = 0 ] || ! compose config 2>/dev/null | grep -q 'target: /app/classes$' || classes_mounted=true
code_hash=$(files_hash api/src/main)
hash=$(echo "$API_IMAGE $jib_from $base_id $(files_hash pom.xml api/pom.xml api/config.yml .mvn mvnw) $($classes_mounted || echo "$code_hash")" | sha256)
image_id=$(docker image inspect -f '{{.Id}}' "$API_IMAGE" 2>/dev/null || true)

# classes_built CHANGED [DIR]: the classes compiled (into DIR; Maven's api/target/classes by default);
# the dev stack's mount gets them and dev.sh restarts the api and the worker
# (target/make/api-classes.changed: "code", or "migrations": migrate first).
classes_built() {
  echo "$code_hash" >"$classes_stamp"
  [ "$(files_hash "$MIGRATIONS")" = "$(cat "$classes_stamp.migrations" 2>/dev/null)" ] || set -- migrations
  files_hash "$MIGRATIONS" >"$classes_stamp.migrations"
  $classes_mounted || return 0
  mkdir -p "$DEV_CLASSES" && find "$DEV_CLASSES" -mindepth 1 -delete && cp -R "${2:-api/target/classes}/." "$DEV_CLASSES/"
  echo "$1" >"$stamp_dir/api-classes.changed"
}

# build_errors LOG: the compiler's and Maven's errors, without Maven's advice lines; javac's own
# messages when the fast path compiled without Maven
build_errors() { { grep -E '^\[ERROR\]' "$1" || head -n 25 "$1"; } | grep -vE '^\[ERROR\] *(->|$|To see|Re-run|For more|After correcting|\[Help)' | head -n 25 >&2 || true; }

if [ "$build_api" = 0 ]; then
  info "build: $API_IMAGE skipped (this profile runs no Java)"
elif [ -z "${FORCE:-}" ] && [ -n "$image_id" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash $image_id" ]; then
  if ! $classes_mounted; then
    ok "build: $API_IMAGE is up to date (API sources unchanged)"
  elif [ -d "$DEV_CLASSES/dev" ] && [ "$(cat "$classes_stamp" 2>/dev/null)" = "$code_hash" ]; then
    ok "build: $API_IMAGE and the API's classes are up to date (API sources unchanged)"
  else
    info "build: the API's code changed: compiling (the image holds the dependencies, unchanged) ..."
    start=$(now_ms)
    log="$stamp_dir/api-compile.log"
    # No Maven start when its last compile is recorded for these POMs and resources, here (its options
    # name absolute paths): the stack tool compiles with them (tools/.../stack/compile; exit 3: none).
    javac_dir=$stamp_dir/api-javac javac_key="$hash $PWD $(files_hash api/src/main/resources)" rc=3 classes=""
    ! have_jdk || { rc=0 && stack_tool compile --dir "$javac_dir" --key "$javac_key" >"$log" 2>&1 || rc=$?; }
    [ "$rc" != 0 ] || classes=$javac_dir/classes how="javac with Maven's recorded options"
    if [ "$rc" = 3 ]; then
      how=Maven
      # C1 and the serial GC start Maven's short-lived JVM (and javac in it) faster: 5 s instead of 8.
      # -X: its log has the compiler's options, which the stack tool records for the next compile.
      rc=0 && MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" maven -X -B -pl api compile >"$log" 2>&1 || rc=$?
      [ "$rc" != 0 ] || ! have_jdk || ! stack_tool compile --dir "$javac_dir" --key "$javac_key" --record "$log" ||
        how="Maven, whose compiler options are now recorded for the next change"
    fi
    if [ "$rc" != 0 ]; then
      build_errors "$log"
      die "build: the API does not compile (errors above; full output: $log) -> fix them, then: make dev"
    fi
    classes_built code "${classes:-}"
    ok "build: API classes compiled in $(fmt_ms $(($(now_ms) - start))) ($how); api and worker restart with them"
  fi
else
  info "build: $API_IMAGE with Jib (base $jib_from; a minute or two the first time)$(have_jdk || echo ", in $(maven_image): no JDK here") ..."
  start=$(now_ms)
  log="$stamp_dir/api-build.log"
  # A registry base is multi-platform: take PLATFORM, else the engine's architecture, or one line
  # with the fix (tools/.../ImagePlatform). A local base image is the engine's own already.
  platform_args=()
  if [ "$base_id" = remote ]; then
    platform=$(java_tool tools/src/main/java/dev/zerotorunning/devtools/ImagePlatform.java "${PLATFORM:-}" \
      "$(docker version -f '{{.Server.Arch}}' 2>/dev/null)") || die "build: cannot choose the image platform (above)"
    platform_args=(-Djib.from.platforms="$platform")
  fi
  jib_args=(-q -B -pl api -am package -Dmaven.test.skip=true -Djib.to.image="$API_IMAGE" ${platform_args[@]+"${platform_args[@]}"})
  if have_jdk; then
    ./mvnw "${jib_args[@]}" jib:dockerBuild -Djib.from.image="$jib_from" >"$log" 2>&1 || build_failed=1
  else
    # No JDK: Maven and Jib run in MAVEN_IMAGE, which has no Docker CLI, so Jib writes a tarball that
    # the host loads; a local base image reaches it as a tarball too (saved once per image ID).
    from=$jib_from
    if [ "$base_id" != remote ]; then
      base_tar=$stamp_dir/base-${base_id#sha256:}.tar
      [ -f "$base_tar" ] || { rm -f "$stamp_dir"/base-*.tar && docker save -o "$base_tar" "$JAVA_BASE_IMAGE"; }
      from=tar://$PWD/$base_tar
    fi
    if maven "${jib_args[@]}" jib:buildTar -Djib.from.image="$from" -Djib.outputPaths.tar="$PWD/$stamp_dir/api-image.tar" \
      -Djib.baseImageCache=/m2/jib-cache -Djib.applicationCache="$PWD/$stamp_dir/jib-cache" >"$log" 2>&1; then
      docker load -i "$stamp_dir/api-image.tar" >>"$log" 2>&1 || build_failed=1
      rm -f "$stamp_dir/api-image.tar"
    else build_failed=1; fi
  fi
  if [ -n "${build_failed:-}" ]; then
    build_errors "$log"
    die "build: the API image did not build (errors above; full output: $log) -> fix them, then: make dev"
  fi
  # The class-data-sharing archive of the libraries over Jib's image (api/cds/Dockerfile): Docker's
  # build cache keeps it per dependency set; without it the JVMs only start slower.
  cds_start=$(now_ms)
  if docker build -q -f api/cds/Dockerfile --build-arg API_IMAGE="$API_IMAGE" \
    --build-arg JAVA_BASE_IMAGE="$JAVA_BASE_IMAGE" -t "$API_IMAGE" api/cds >>"$log" 2>&1; then
    cds_took=" (the class-data archive $(fmt_ms $(($(now_ms) - cds_start))))"
  else
    warn "build: no class-data archive for $API_IMAGE (see $log): the JVMs start without it, slower"
  fi
  image_id=$(docker image inspect -f '{{.Id}}' "$API_IMAGE")
  echo "$hash $image_id" >"$stamp"
  classes_built migrations # Jib compiled them; the containers are recreated for the new image
  ok "build: $API_IMAGE built in $(fmt_ms $(($(now_ms) - start)))${cds_took:-}"
fi

# Services with a build section: web (nginx image, or the small Vite dev image with the override).
[ "$build_web" = 1 ] || exit 0
start=$(now_ms)
info "build: docker compose build (web) ..."
compose build --quiet
ok "build: web image ready in $(fmt_ms $(($(now_ms) - start)))"
