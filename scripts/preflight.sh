#!/usr/bin/env bash
# make dev, step 1: check everything before anything starts. Each problem is ONE line with its
# fix; any problem -> exit 1 with nothing started. Here: is Docker (with Compose) there, and a JDK
# to build with; then the stack tool (tools/.../stack/PreflightCommand) checks versions, ports (and
# who holds a taken one), disk, the API image's platform and .env against .env.example. Ports held
# by this project's own running containers are fine (make dev while the stack is up).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

MIN_JDK=17
problems=0
problem() { # problem "what is wrong" "how to fix it"
  fail "$1 -> $2"
  problems=$((problems + 1))
}

ensure_env
load_env .env

# --- Docker, Compose ---------------------------------------------------------------------------
if ! command -v docker >/dev/null 2>&1; then
  problem "Docker CLI not found" "install Docker Engine >= 25 with the Compose plugin, or Docker Desktop: https://docs.docker.com/get-docker/"
elif ! out=$(docker version -f '{{.Server.Version}}' 2>&1); then
  if grep -qi 'permission denied' <<<"$out"; then
    problem "no permission to talk to the Docker daemon" "add yourself to the docker group: sudo usermod -aG docker \$USER (then log in again)"
  else
    problem "Docker daemon is not running" "start Docker Desktop, or: sudo systemctl start docker"
  fi
elif ! compose version --short >/dev/null 2>&1; then
  problem "Docker Compose v2 not found ('${COMPOSE:-docker compose}' failed)" "install the Compose plugin >= 2.20 (e.g. apt-get install docker-compose-plugin) or update Docker Desktop"
elif ! out=$(compose config --quiet 2>&1); then
  problem "the Compose configuration is invalid: $(grep -v '^ *$' <<<"$out" | tail -n1)" "compare .env with .env.example and fix the value it names"
fi

# --- JDK: Jib builds the API image from a Maven build on this machine, or in MAVEN_IMAGE --------
# (the stack tool needs a JVM too: without a JDK it runs in MAVEN_IMAGE, like the build)
if [ -n "${JAVA_HOME:-}" ]; then javac="$JAVA_HOME/bin/javac"; else javac=$(command -v javac || true); fi
jdk_note=''
if [ "${PREFLIGHT_JDK:-1}" = 0 ]; then
  jdk="not needed" # make dev PROFILE=frontend builds and runs no Java
elif [ -n "${JAVA_HOME:-}" ] && [ ! -x "$javac" ]; then
  problem "JAVA_HOME=$JAVA_HOME has no bin/javac (not a JDK)" "point JAVA_HOME at a JDK $MIN_JDK+ or unset it"
elif ! have_jdk; then
  # Docker is the only prerequisite: Maven and Jib run in a container instead.
  jdk="none"
  jdk_note="no JDK here: the API is built inside $(maven_image) (its Maven cache in the volume $MAVEN_VOLUME; slower, the first build downloads the dependencies). For the faster path, make test and make run-api: install a JDK $MIN_JDK+ (e.g. Eclipse Temurin 21)"
else
  # the JDK's release file names its version without starting a JVM; javac -version otherwise
  release=$(dirname "$(readlink -f "$javac")")/../release
  jdk=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$release" 2>/dev/null || true)
  [ -n "$jdk" ] || jdk=$("$javac" -version 2>&1 | tail -n1 | sed -E 's/^[^0-9]*([0-9]+(\.[0-9]+)*).*/\1/')
  jdk_major=${jdk%%.*}
  [ "$jdk_major" != 1 ] || jdk_major=$(cut -d. -f2 <<<"$jdk") # 1.8 -> 8
  if ((jdk_major < MIN_JDK)); then
    problem "JDK $jdk is older than $MIN_JDK ($javac)" "install a JDK $MIN_JDK+ and put it first on PATH or set JAVA_HOME"
  fi
fi

if ((problems > 0)); then
  fail "preflight: $problems problem(s), nothing was started."
  exit 1
fi
stack_tool preflight --jdk "$jdk"
[ -z "$jdk_note" ] || info "preflight: $jdk_note"
