#!/bin/sh
# Starts the Vite dev server in the web-dev container (compose.override.yaml).
# Installs dependencies only when package-lock.json differs from the last install.
set -eu
cd /app
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.package-lock.sha256 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "web-dev: package-lock.json changed, running npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >node_modules/.package-lock.sha256
else
  echo "web-dev: node_modules up to date"
fi
exec node_modules/.bin/vite --host 0.0.0.0 --port "${VITE_PORT:-3000}" --strictPort
