# shellcheck shell=bash
# Sourced by .ci/run: install Debian's PostgreSQL, start a throwaway server on 127.0.0.1 and export
# NEWSLEDGER_TEST_PG_URL for the PostgreSQL tests. Never fails CI: without a server those tests skip.
# Uses `return`, never `exit` (this file is sourced), and ${VAR:-} everywhere (.ci/run sets -u).

_newsledger_pg_setup() {
  local pgbin data port user runas
  pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "setup-postgres: no PostgreSQL and cannot apt-get install it; PostgreSQL tests will skip"
      return 0
    fi
    echo "setup-postgres: installing Debian's postgresql"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          postgresql >/dev/null; }; then
      echo "setup-postgres: apt-get install postgresql failed; PostgreSQL tests will skip"
      return 0
    fi
    pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "setup-postgres: initdb not found after install; PostgreSQL tests will skip"
    return 0
  fi
  # initdb refuses to run as root: run the server as the postgres user the package created.
  runas=()
  user="$(id -un)"
  if [ "$(id -u)" = "0" ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "setup-postgres: no postgres user; PostgreSQL tests will skip"
      return 0
    fi
    runas=(runuser -u postgres --)
    user=postgres
  fi
  data="$(mktemp -d /tmp/newsledger-pg.XXXXXX)" || return 0
  [ "${#runas[@]}" -gt 0 ] && chown postgres "$data"
  # First free port from 54329 up (5432 may belong to a system cluster).
  port=54329
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  if ! "${runas[@]}" "$pgbin/initdb" -D "$data/db" -A trust -U "$user" -E UTF8 --locale=C >"$data/initdb.log" 2>&1; then
    echo "setup-postgres: initdb failed (see $data/initdb.log); PostgreSQL tests will skip"
    return 0
  fi
  if ! "${runas[@]}" "$pgbin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null; then
    echo "setup-postgres: server did not start (see $data/server.log); PostgreSQL tests will skip"
    return 0
  fi
  if ! "${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U "$user" newsledger_test; then
    echo "setup-postgres: createdb failed; PostgreSQL tests will skip"
    return 0
  fi
  export NEWSLEDGER_TEST_PG_URL="postgresql://$user@127.0.0.1:$port/newsledger_test"
  echo "setup-postgres: PostgreSQL up at $NEWSLEDGER_TEST_PG_URL (data in $data)"
}

_newsledger_pg_setup || echo "setup-postgres: setup failed; PostgreSQL tests will skip"
unset -f _newsledger_pg_setup
