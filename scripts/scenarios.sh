#!/usr/bin/env bash
# The scenarios (JUnit, scenarios/src/test) against the running stack of this environment
# (COMPOSE_PROJECT_NAME, WEB_PORT, API_PORT, API_ADMIN_PORT, COMPOSE_FILE as make dev saw them):
#   scripts/scenarios.sh TAGS [-Dtest=...]
# TAGS is a JUnit tag expression (chaos, security, e2e). The scenarios drive Docker's CLI from
# this machine's JDK. Prints one line per test class and each failed case; exit 1 when a test
# failed or none ran.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env # the ports, images and passwords make dev used, unless this environment sets them

[ $# -ge 1 ] || die "usage: scripts/scenarios.sh TAGS [maven args], e.g. scripts/scenarios.sh chaos"
have_jdk || die "the scenarios drive Docker from Java: install a JDK 17+ (e.g. Eclipse Temurin 21)"
tags=$1
shift
junit_suite "scenarios ($tags)" scenarios/target/surefire-reports "build/test-logs/scenarios-${tags//[^a-z0-9]/_}.log" \
  ./mvnw -B -q -pl scenarios test -Dscenarios.skip=false "-Dgroups=$tags" "$@"
