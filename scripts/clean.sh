#!/usr/bin/env bash
# make clean: remove the containers, the volumes (database data, node_modules) and the images
# this project builds. Third-party images (postgres, redis, node, ...) are kept.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
load_env .env
load_env .env.example # the defaults of what .env leaves out

images=("$API_IMAGE" "$WEB_IMAGE" "$WEB_DEV_IMAGE")
project=$(project_name)
warn "clean: removing project '$project': its containers, its volumes (ALL database data, node_modules) and the images ${images[*]}"

if [ -f .env ] || [ -n "${POSTGRES_PASSWORD:-}" ]; then
  compose_all down --volumes --remove-orphans --timeout 5
else # no .env: Compose cannot interpolate the files; remove by label instead
  read -r -a ids <<<"$(docker ps -aq --filter "label=com.docker.compose.project=$project" | paste -sd' ' -)"
  ((${#ids[@]} == 0)) || docker rm -f "${ids[@]}" >/dev/null
  read -r -a vols <<<"$(docker volume ls -q --filter "label=com.docker.compose.project=$project" | paste -sd' ' -)"
  ((${#vols[@]} == 0)) || docker volume rm "${vols[@]}" >/dev/null
fi
for image in "${images[@]}"; do
  if docker image inspect "$image" >/dev/null 2>&1; then
    docker image rm "$image" >/dev/null
    info "clean: removed image $image"
  fi
done
rm -f "target/make/api-image-$(tr -c 'A-Za-z0-9._-' '_' <<<"${images[0]}").stamp"
ok "clean: done. make dev starts from scratch."
