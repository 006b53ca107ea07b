#!/usr/bin/env bash
# `mvn` for the Makefile: ./mvnw on this machine's JDK, else mvn in MAVEN_IMAGE (lib.sh maven;
# README "No JDK").
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
maven "$@"
