#!/usr/bin/env bash
# The HTTP contract suite (JUnit, api/src/test/.../wander/contract) against a running stack:
#   scripts/contract.sh BASE_URL [TAGS]
# BASE_URL serves /api/... (make e2e: the web origin; make chaos: the API's port); TAGS is a JUnit
# tag expression (bad-input: the battery; '!bad-input': the rest). Maven runs on this JDK, else in
# MAVEN_IMAGE on the host's network (it reaches the published ports). Prints one line per test
# class and each failed case; exit 1 when a test failed or none ran.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || die "usage: scripts/contract.sh BASE_URL [JUnit tags], e.g. scripts/contract.sh http://localhost:3000 '!bad-input'"
args=(-B -q -pl api test '-Dtest=dev.zerotorunning.wander.contract.**' -Dsurefire.failIfNoSpecifiedTests=false "-Dcontract.baseUrl=$1")
[ -z "${2:-}" ] || args+=("-Dgroups=$2")
MAVEN_NETWORK=host junit_suite "contract suite against $1${2:+ ($2)}" api/target/surefire-reports build/test-logs/contract.log \
  maven "${args[@]}"
