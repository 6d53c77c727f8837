#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests (with PostGIS when it is installed)
# and print its URL. Idempotent: a server already running on the port is reused.
# Used by `make test` (and so by .ci/run); needs no network unless PostgreSQL is missing,
# in which case it is installed from Debian's packages.
set -euo pipefail

DIR=${STRIFE_PG_DIR:-/tmp/strife-postgres}
PORT=${STRIFE_PG_PORT:-54329}
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/postgres"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing PostgreSQL from Debian's packages" >&2
    apt-get install -y -qq postgresql postgresql-15-postgis-3 >&2
  else
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
fi
BIN=$(pg_bin)
# PostGIS is optional (the store uses it when present); install it when we may, quietly give up
# when we cannot.
if [ "$(id -u)" = 0 ] && ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  apt-get install -y -qq "postgresql-$(basename "$(dirname "$BIN")")-postgis-3" >&2 \
    || echo "PostGIS could not be installed; the PostGIS test will be skipped" >&2
fi

# The server refuses to run as root: run it as the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 >/dev/null
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "$URL"
