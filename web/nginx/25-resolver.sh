#!/bin/sh
# Run by the nginx image's entrypoint (/docker-entrypoint.d). nginx resolves the Prometheus
# upstream per request (it runs only with the observability profile, so the name may not exist
# when nginx starts), which needs a `resolver`: the container's own DNS server, as resolv.conf
# names it (Docker's 127.0.0.11, a cluster's DNS service on Kubernetes).
set -eu
ns=$(awk '$1 == "nameserver" { print $2; exit }' /etc/resolv.conf)
case $ns in *:*) ns="[$ns]" ;; esac
echo "resolver ${ns:-127.0.0.11} valid=10s; resolver_timeout 2s;" >/etc/nginx/conf.d/00-resolver.conf
