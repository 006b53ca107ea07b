# shellcheck shell=bash disable=SC2153,SC2154 # tmp, API_IMAGE, MAKE_CMD and the helpers are e2e.sh's
# Sourced by scripts/e2e.sh: make dev on a machine with every JDK hidden. The JDK directories are
# masked by empty tmpfs mounts in a private mount namespace (root and unshare: CI), so the scripts
# find java and javac gone the way a machine without a JDK has them gone; no flag tells them.

# The directories that hold a JDK here: /usr/lib/jvm, JAVA_HOME, and the homes of java and javac
# (a directory inside another listed one is covered by it).
jdk_dirs() {
  local tool home
  {
    [ ! -d /usr/lib/jvm ] || echo /usr/lib/jvm
    [ -z "${JAVA_HOME:-}" ] || echo "$JAVA_HOME"
    for tool in java javac; do
      home=$(readlink -f "$(command -v "$tool" 2>/dev/null)" 2>/dev/null) || continue
      [ -z "$home" ] || dirname "$(dirname "$home")"
    done
  } | sort -u | awk '{ for (i = 1; i <= n; i++) if (index($0, kept[i] "/") == 1) next; kept[++n] = $0; print }'
}

nojdk() {
  section "no JDK: make dev builds the API inside MAVEN_IMAGE (every JDK directory masked)"
  if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
    info "e2e: skipped: masking the JDK needs root and unshare (CI has both)"
    return
  fi
  local dirs start rc=0
  dirs=$(jdk_dirs | paste -sd' ' -)
  must timed "make down" down
  start=$(now_ms)
  # FORCE=1: the API image is really built, by Maven and Jib in the container
  # shellcheck disable=SC2016 # expanded by the inner shell
  FORCE=1 JDK_DIRS=$dirs unshare --mount --propagation private bash -c '
    for dir in $JDK_DIRS; do mount -t tmpfs tmpfs "$dir"; done
    unset JAVA_HOME
    if java -version >/dev/null 2>&1 || javac -version >/dev/null 2>&1; then echo "a JDK is still visible"; exit 3; fi
    echo "masked: $JDK_DIRS (java and javac do not run)"
    exec "$@"' nojdk "${MAKE_CMD[@]}" dev >"$tmp/out" 2>&1 || rc=$?
  times+=("make dev (no JDK: Jib in MAVEN_IMAGE)|$(fmt_ms $(($(now_ms) - start)))|exit $rc")
  if [ "$rc" = 0 ]; then pass "make dev with every JDK hidden ($dirs)"; else
    flunk "make dev with every JDK hidden: exit $rc: $(tail -n 8 "$tmp/out")"
    return
  fi
  if grep -q 'preflight: no JDK here: the API is built inside' "$tmp/out" && grep -q "no JDK here \.\.\.$" "$tmp/out" &&
    grep -q "build: $API_IMAGE built in" "$tmp/out"; then
    pass "the preflight says which path it took, and the API image was built in the container"
  else flunk "no-JDK output: $(grep -E 'preflight|build:' "$tmp/out")"; fi
  req GET /api/deployments?limit=1
  check "the API built without a JDK serves the data" 200 '.count > 0'
}
