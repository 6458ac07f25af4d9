#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and print its URL.
# Usage: eval "$(scripts/start-test-postgres.sh)"   (sets DIPLOGRAPH_TEST_PG_URL and PG_TEST_DATA)
set -euo pipefail
port="${PG_TEST_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
  echo "start-test-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
data="$(mktemp -d /tmp/diplograph-pg.XXXXXX)"
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
run "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 || { cat "$data.initdb.log" >&2; exit 1; }
run "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2
echo "export DIPLOGRAPH_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export PG_TEST_DATA=$data"
echo "export PG_TEST_BIN=$bin"
