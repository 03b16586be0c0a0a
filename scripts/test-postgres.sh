#!/usr/bin/env bash
# A throwaway PostgreSQL for the integration tests.
#   scripts/test-postgres.sh start   prints a postgres:// URL (starting a server if needed)
#   scripts/test-postgres.sh stop    stops the server this script started and removes its files
# With TEST_DATABASE_URL set, `start` prints it and starts nothing (CI services, a developer's own server).
# Otherwise it initdb's a cluster under $TEST_PG_DIR (default .tmp/pg/default; gitignored) with Debian's
# /usr/lib/postgresql/*/bin, as the `postgres` OS user when run as root (postgres refuses to run as root),
# listening on 127.0.0.1 on a free port (if the postgres user cannot reach the checkout, e.g. under /root, the
# cluster's files go to a folder under /tmp instead). Several test runs at once each use their own TEST_PG_DIR.
# Exit codes: 0 ok; 1 failure; 3 PostgreSQL is not installed (a failure when CI=true, which then exits 1).
set -euo pipefail
cd "$(dirname "$0")/.."

cmd="${1:-}"
dir="${TEST_PG_DIR:-.tmp/pg/default}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
dbname=gongkai_test

die() { echo "test-postgres: $*" >&2; exit 1; }

find_bin() {
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$candidate" ] || [ ! -x "$candidate/initdb" ]; then
    if [ "${CI:-}" = "true" ]; then die "PostgreSQL is not installed (/usr/lib/postgresql/*/bin); in CI this is a failure"; fi
    echo "test-postgres: PostgreSQL is not installed (/usr/lib/postgresql/*/bin)" >&2
    exit 3
  fi
  echo "$candidate"
}

# Runs a PostgreSQL program as the postgres OS user when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# Where the cluster's files are: in $dir, or in the folder under /tmp that $dir/cluster names.
cluster_dir() {
  if [ -f "$dir/cluster" ]; then cat "$dir/cluster"; else echo "$dir"; fi
}

start() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; return; fi
  local bin port cluster
  bin=$(find_bin)
  mkdir -p "$dir"
  # One start at a time per directory: a second caller waits, then finds the server running.
  exec 9>"$dir.lock"
  flock 9
  cluster=$(cluster_dir)
  if [ -f "$dir/port" ] && as_pg "$bin/pg_ctl" -D "$cluster/data" status >/dev/null 2>&1; then
    echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/$dbname"; return
  fi
  if [ "$cluster" != "$dir" ]; then rm -rf "$cluster"; fi
  rm -rf "$dir/data" "$dir/port" "$dir/cluster"
  cluster="$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    if ! (cd / && runuser -u postgres -- test -w "$dir"); then
      cluster=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-pg.XXXXXX")
      chown postgres "$cluster"
      echo "$cluster" >"$dir/cluster"
    fi
  fi
  as_pg "$bin/initdb" -D "$cluster/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || die "initdb failed; see $dir/initdb.log"
  port=$(free_port)
  # Durability is irrelevant for a throwaway test cluster: fsync off (-F) for speed. fd 9 (the lock) is not
  # inherited by the server, or the lock would outlive this script.
  as_pg "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $cluster -F -c max_connections=200" start >/dev/null 9>&- \
    || die "server did not start; see $cluster/server.log"
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$dbname" || die "createdb failed"
  echo "$port" >"$dir/port"
  echo "postgres://postgres@127.0.0.1:$port/$dbname"
}

stop() {
  if [ ! -d "$dir" ]; then return; fi
  local bin cluster
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  exec 9>"$dir.lock"
  flock 9
  cluster=$(cluster_dir)
  if [ -n "$bin" ] && [ -d "$cluster/data" ]; then
    as_pg "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "$cluster" != "$dir" ]; then rm -rf "$cluster"; fi
  rm -rf "$dir"
  rm -f "$dir.lock"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop   (TEST_PG_DIR selects the cluster directory)" >&2; exit 2 ;;
esac
