#!/usr/bin/env bash
# make run-api: the API on this machine's JVM, with api/config.yml, against the containers of
# make dev PROFILE=deps, with the settings it prints and the IDE run configurations hold
# (tools/.../IdeRunConfigs is their one source).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
have_jdk || die "run-api runs the API on this machine's JVM and needs a JDK 17+ (e.g. Eclipse Temurin 21). Without one: make dev runs it in a container"
ensure_env
load_env .env

running=" $(compose ps --status running --services 2>/dev/null | paste -sd' ' -) "
for svc in db redis; do
  case $running in *" $svc "*) ;; *) die "run-api: $svc is not running. Fix: make dev PROFILE=deps" ;; esac
done
for svc in api worker; do
  case $running in *" $svc "*) die "run-api: the $svc container is running too (ports, rollouts). Fix: make dev PROFILE=deps" ;; esac
done

mkdir -p target/make
classpath=$PWD/target/make/api-classpath.txt
info "run-api: compiling the API and resolving its classpath (Maven) ..."
./mvnw -q -B -pl api compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$classpath" >target/make/run-api.log 2>&1 ||
  die "run-api: the API did not compile (target/make/run-api.log). Fix the errors, then: make run-api"
# the settings an IDE gets: the env file of the run configurations, rewritten from .env now
main=$(ide_run_configs --main-class) || die "run-api: the run configurations could not be written to $IDE_RUN_DIR/ (above)"
while IFS= read -r setting; do export "${setting?}"; done < <(grep -v '^#' "$IDE_RUN_DIR/api-host.env")
info "run-api: $main server api/config.yml -> http://localhost:$HTTP_PORT/api (admin :$ADMIN_PORT); Ctrl-C stops it"
exec java -cp "api/target/classes:$(cat "$classpath")" "$main" server api/config.yml
