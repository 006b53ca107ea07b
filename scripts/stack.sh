#!/usr/bin/env bash
# The stack inspection in tools/ (lib.sh stack_tool) for the Makefile: make status runs
# `stack.sh status` (each service: state, health, time to healthy, URL).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env
stack_tool "$@"
