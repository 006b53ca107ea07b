#!/usr/bin/env bash
# The dev container (.devcontainer/), checked with the devcontainer CLI by the JUnit scenario
# scenarios/.../devcontainer/DevContainerTest: devcontainer up (MAVEN_IMAGE from the environment),
# then inside it the toolchain, the host's Docker, the workspace path, make status and the
# dashboard port on the running stack (when one runs), the tools module's tests; then removed.
# make e2e runs it with the e2e stack up; alone: scripts/e2e-devcontainer.sh (with or without a stack).
set -euo pipefail
[ -x web/node_modules/.bin/devcontainer ] || { echo "devcontainer-e2e: no devcontainer CLI at web/node_modules/.bin/devcontainer. Fix: (cd web && npm ci)" >&2; exit 1; }
exec "$(dirname "$0")/scenarios.sh" devcontainer
