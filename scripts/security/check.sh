#!/usr/bin/env bash
# Security checks on the Compose project and its running stack: the scenarios tagged security
# (JUnit, scenarios/.../scenarios/security; README "Security checks"). make chaos runs them; they
# also run on their own against `make dev`: scripts/security/check.sh [maven args]. Without a
# running stack the live port, user and HTTP checks are skipped (with that reason).
exec "$(dirname "$0")/../scenarios.sh" security "$@"
