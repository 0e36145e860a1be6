#!/usr/bin/env bash
# Installs what `npm run cluster` runs, from Debian's packages: HAProxy, PgBouncer, and PostgreSQL's and
# Redis' servers if the machine lacks them. Needs root. Nothing of it is needed for `npm start` or `npm test`.
set -euo pipefail
missing=()
command -v haproxy >/dev/null || missing+=(haproxy)
command -v pgbouncer >/dev/null || missing+=(pgbouncer)
command -v pg_createcluster >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  echo "cluster packages: all installed ($(haproxy -v | head -1 | cut -d' ' -f1-3); pgbouncer $(pgbouncer --version | head -1 | awk '{print $2}'))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "cluster packages missing: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing from Debian: ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
# Debian starts the packaged services; the cluster runs its own on other ports.
for service in haproxy pgbouncer; do
  if [[ " ${missing[*]} " == *" $service "* ]]; then service "$service" stop >/dev/null 2>&1 || true; fi
done
