#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests that run on both providers (issue 13).
#   bash .ci/postgres-setup.sh start   installs PostgreSQL from the Debian packages if missing, creates a cluster in a
#                                      temp folder listening on 127.0.0.1 only, prints the connection string
#   bash .ci/postgres-setup.sh stop    stops that cluster and deletes its folder
# The connection string is also written to $IKIBOT_PG_STATE/connection (default /tmp/ikibot-pg/connection).
set -euo pipefail

state=${IKIBOT_PG_STATE:-/tmp/ikibot-pg}
port=${IKIBOT_PG_PORT:-54329}

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

stop() {
  local bin
  if [ -f "$state/data/postmaster.pid" ] && bin=$(find_bin); then
    run_as "$bin/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$state"
}

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
run_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  if ! bin=$(find_bin); then
    echo "postgres-setup: installing postgresql (Debian packages)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(find_bin) || { echo "postgres-setup: postgresql did not install" >&2; exit 1; }
  fi
  stop
  mkdir -p "$state"
  [ "$(id -u)" -eq 0 ] && chown postgres "$state"
  run_as "$bin/initdb" -D "$state/data" -U ikibot --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; exit 1; }
  # Loopback only, no Unix socket outside the state folder, fsync off (a throw-away cluster: speed over durability).
  run_as "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $state -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$state/server.log" >&2; exit 1; }
  local cs="Host=127.0.0.1;Port=$port;Username=ikibot;Database=postgres"
  echo "$cs" >"$state/connection"
  echo "postgres-setup: $("$bin/postgres" --version) on 127.0.0.1:$port"
  echo "$cs"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
