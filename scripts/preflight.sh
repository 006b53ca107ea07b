#!/usr/bin/env bash
# make dev, step 1: check everything before anything starts. Each problem is ONE line with its
# fix; any problem -> exit 1 with nothing started. Ports held by this project's own running
# containers are fine (make dev while the stack is up).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

MIN_COMPOSE=2.20
MIN_ENGINE=25
MIN_JDK=17
problems=0
problem() { # problem "what is wrong" "how to fix it"
  fail "$1 -> $2"
  problems=$((problems + 1))
}

# "v2.26.1-desktop.1" -> "2.26.1"
numeric_version() { sed -E 's/^[^0-9]*([0-9]+(\.[0-9]+)*).*/\1/' <<<"$1"; }
version_ge() { # version_ge 2.26.1 2.20 -> true
  local IFS=. i
  local -a a b
  read -r -a a <<<"$1"
  read -r -a b <<<"$2"
  for i in 0 1 2; do
    if ((10#${a[i]:-0} != 10#${b[i]:-0})); then
      ((10#${a[i]:-0} > 10#${b[i]:-0}))
      return
    fi
  done
}

# --- .env -----------------------------------------------------------------------------------
if [ ! -f .env ]; then
  ensure_env
else
  missing=$(comm -23 <(sed -nE 's/^([A-Za-z_][A-Za-z0-9_]*)=.*/\1/p' .env.example | sort -u) \
    <(sed -nE 's/^(export +)?([A-Za-z_][A-Za-z0-9_]*)=.*/\2/p' .env | sort -u) | paste -sd' ' -)
  if [ -n "$missing" ]; then
    warn "preflight: .env lacks $missing (new in .env.example) -> copy those lines from .env.example into .env (defaults apply meanwhile)"
  fi
fi
load_env .env

# --- Docker, Compose ---------------------------------------------------------------------------
docker_ok=false
if ! command -v docker >/dev/null 2>&1; then
  problem "Docker CLI not found" "install Docker Engine >= $MIN_ENGINE with the Compose plugin, or Docker Desktop: https://docs.docker.com/get-docker/"
elif ! engine=$(docker version -f '{{.Server.Version}}' 2>&1); then
  if grep -qi 'permission denied' <<<"$engine"; then
    problem "no permission to talk to the Docker daemon" "add yourself to the docker group: sudo usermod -aG docker \$USER (then log in again)"
  else
    problem "Docker daemon is not running" "start Docker Desktop, or: sudo systemctl start docker"
  fi
else
  docker_ok=true
  engine=$(numeric_version "$engine")
  if ! version_ge "$engine" "$MIN_ENGINE"; then
    problem "Docker Engine $engine is too old (health checks use start_interval: Engine >= $MIN_ENGINE)" "update Docker Engine or Docker Desktop"
  fi
  if ! compose_v=$(compose version --short 2>/dev/null); then
    docker_ok=false
    problem "Docker Compose v2 not found ('${COMPOSE:-docker compose}' failed)" "install the Compose plugin >= $MIN_COMPOSE (e.g. apt-get install docker-compose-plugin) or update Docker Desktop"
  else
    compose_v=$(numeric_version "$compose_v")
    if ! version_ge "$compose_v" "$MIN_COMPOSE"; then
      problem "Docker Compose $compose_v is older than $MIN_COMPOSE" "update the Compose plugin (apt-get install docker-compose-plugin) or Docker Desktop"
    fi
  fi
fi

# --- JDK: Jib builds the API image from a Maven build on this machine, or in MAVEN_IMAGE --------
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
  jdk=$(numeric_version "$("$javac" -version 2>&1 | tail -n1)")
  jdk_major=${jdk%%.*}
  [ "$jdk_major" != 1 ] || jdk_major=$(cut -d. -f2 <<<"$jdk") # 1.8 -> 8
  if ((jdk_major < MIN_JDK)); then
    problem "JDK $jdk is older than $MIN_JDK ($javac)" "install a JDK $MIN_JDK+ and put it first on PATH or set JAVA_HOME"
  fi
fi

# --- Compose configuration, ports --------------------------------------------------------------
# Each host port the services make dev starts publish (PROFILE=...: DEV_SERVICES), with its .env
# variable and whether this project's running containers hold it already (make dev while up); read
# from Compose's JSON by tools/.../stack (stack ports).
ports_checked=''
if $docker_ok; then
  if ! config=$(compose config --quiet 2>&1); then
    problem "the Compose configuration is invalid: $(grep -v '^ *$' <<<"$config" | tail -n1)" "compare .env with .env.example and fix the value it names"
  elif ! ports=$(stack_tool ports); then # its reason is on stderr, above
    problem "cannot read the ports the stack publishes (above)" "fix what it names (docker compose config shows the configuration)"
  else
    while read -r port svc var ours; do
      [ -n "$port" ] || continue
      ports_checked="$ports_checked $port"
      [ "$ours" = 0 ] || continue
      if holder=$(port_holder "$port"); then
        [ "$var" != - ] || var=''
        problem "port $port ($svc) is already in use by $holder" \
          "stop it, or set ${var:-its *_PORT variable} to a free port in .env (or: ${var:-WEB_PORT}=<port> make dev)"
      fi
    done <<<"$ports"
  fi
fi

# --- Disk -------------------------------------------------------------------------------------
min_gb=${MIN_FREE_DISK_GB:-3}
disk_dir=$ROOT
if $docker_ok; then
  root_dir=$(docker info -f '{{.DockerRootDir}}' 2>/dev/null || true)
  [ -z "$root_dir" ] || [ ! -d "$root_dir" ] || disk_dir=$root_dir
fi
free_gb=$(($(df -Pk "$disk_dir" | awk 'NR == 2 { print $4 }') / 1024 / 1024))
if ((free_gb < min_gb)); then
  problem "only $free_gb GB free on $disk_dir (need $min_gb GB for images and the database)" "free space: docker system prune, or make clean in other projects"
fi

platform_note=""
if [ "${PREFLIGHT_JDK:-1}" != 0 ] && [ -n "${jdk:-}" ] && $docker_ok; then
  if platform=$(image_platform 2>&1); then
    how="the engine's architecture; PLATFORM= overrides"
    [ -z "${PLATFORM:-}" ] || how="PLATFORM"
    platform_note=", API image for $platform ($how)"
  else
    problem "$platform" "see the README's Quickstart (macOS, Windows/WSL2, Linux arm64)"
  fi
fi

if ((problems > 0)); then
  fail "preflight: $problems problem(s), nothing was started."
  exit 1
fi
ok "preflight: Docker Engine $engine, Compose $compose_v, JDK $jdk, ports${ports_checked:- none} free, $free_gb GB disk free$platform_note"
[ -z "$jdk_note" ] || info "preflight: $jdk_note"
