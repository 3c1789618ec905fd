#!/usr/bin/env bash
# A throw-away PostgreSQL server for the storage test suite (tests/server/repository.postgres.test.ts).
#
#   eval "$(bash scripts/testPostgres.sh start)"   installs Debian's postgresql if it is missing
#        (as root), creates a cluster in a temporary folder, starts it on 127.0.0.1 on a free port,
#        creates the database atelier_test, and prints
#        export ATELIER_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/atelier_test
#        export ATELIER_TEST_PGDATA=/tmp/atelier-pg.XXXX
#   bash scripts/testPostgres.sh stop DIR          stops that cluster and removes its folder.
#
# Progress and errors go to stderr; stdout carries only the export lines. Exits non-zero when
# PostgreSQL cannot be installed or started, saying why.
set -euo pipefail
log() { printf '%s\n' "$*" >&2; }

find_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "${dir}" ] && [ -x "${dir}/initdb" ]; then printf '%s\n' "${dir}"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

# Runs a PostgreSQL program as the postgres user when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bindir
  if ! bindir=$(find_bindir); then
    if [ "$(id -u)" -ne 0 ]; then
      log "PostgreSQL is not installed and we are not root: install it (apt-get install postgresql) or set ATELIER_TEST_DATABASE_URL."
      return 1
    fi
    log "Installing Debian's postgresql…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
    apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir) || { log "postgresql installed, but no initdb was found under /usr/lib/postgresql/*/bin"; return 1; }
  fi
  local dir port
  dir=$(mktemp -d /tmp/atelier-pg.XXXXXX)
  chmod 755 "${dir}"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "${dir}"; fi
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")
  log "Starting PostgreSQL ($("${bindir}/postgres" --version)) in ${dir} on 127.0.0.1:${port}…"
  as_owner "${bindir}/initdb" -D "${dir}/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"${dir}/initdb.log" 2>&1 \
    || { log "initdb failed:"; cat "${dir}/initdb.log" >&2; return 1; }
  as_owner "${bindir}/pg_ctl" -D "${dir}/data" -l "${dir}/data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}/data -c max_connections=200" start >&2 \
    || { log "pg_ctl start failed:"; cat "${dir}/data/server.log" >&2; return 1; }
  as_owner "${bindir}/createdb" -h 127.0.0.1 -p "${port}" -U postgres atelier_test >&2
  printf 'export ATELIER_TEST_DATABASE_URL=%q\n' "postgres://postgres@127.0.0.1:${port}/atelier_test"
  printf 'export ATELIER_TEST_PGDATA=%q\n' "${dir}"
}

stop() {
  local dir=${1:?usage: testPostgres.sh stop DIR}
  local bindir
  bindir=$(find_bindir) || return 0
  as_owner "${bindir}/pg_ctl" -D "${dir}/data" -m fast -w stop >&2 || true
  rm -rf "${dir}"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) log "usage: testPostgres.sh start | stop DIR"; exit 2 ;;
esac
