#!/usr/bin/env bash
# `java` for the Makefile (the manifest generator): this machine's JDK, else MAVEN_IMAGE's (lib.sh
# java_tool; README "No JDK").
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
java_tool "$@"
