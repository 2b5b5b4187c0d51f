#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-store tests: a new cluster in a temporary folder, listening only on
# 127.0.0.1 at a free port (and on a unix socket in the folder), with fsync off: nothing in it outlives the tests.
#   pg-cluster.sh start   prints "FOLDER PORT" on success; exits 2 (with the reason on stderr) when PostgreSQL
#                         cannot be started here (not root, no binaries and no apt-get).
#   pg-cluster.sh stop FOLDER   stops the cluster and deletes the folder.
# PostgreSQL 15 from the distribution: when initdb is missing and the script runs as root with apt-get, it installs
# the postgresql package (apt does not start a service).
# TLS: when openssl is there, the cluster gets a self-signed certificate (server.crt, server.key in its data folder)
# and ssl=on, so the tests can connect with SSL Mode=Require; a client that asks to verify the certificate
# (SSL Mode=VerifyFull) is refused, as no authority signed it.
set -uo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
start)
  bin=$(find_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "pg-cluster: installing PostgreSQL (apt-get install postgresql)" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; } \
        || { echo "pg-cluster: apt-get could not install postgresql" >&2; exit 2; }
      bin=$(find_bin)
    fi
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg-cluster: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and cannot be installed here" >&2
    exit 2
  fi
  # initdb refuses to run as root: the cluster belongs to the postgres account. Without root, the current user runs it.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg-cluster: running as root, but there is no postgres account to own the cluster" >&2; exit 2; }
    as() { runuser -u postgres -- "$@"; }
  else
    as() { "$@"; }
  fi
  dir=$(mktemp -d /tmp/msplic-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  if ! as "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "pg-cluster: initdb failed: $(tail -3 "$dir/initdb.log")" >&2; rm -rf "$dir"; exit 2
  fi
  # Members of the role msplic_password log in over TCP with their password (SCRAM), so the tests can show that a
  # password given to the module is the one used; everyone else is trusted.
  sed -i '1i host all +msplic_password 127.0.0.1/32 scram-sha-256' "$dir/data/pg_hba.conf"
  ssl=
  if command -v openssl >/dev/null \
      && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=msplicensing-test" \
           -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >"$dir/openssl.log" 2>&1; then
    chmod 600 "$dir/data/server.key"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/data/server.key" "$dir/data/server.crt"
    ssl="-c ssl=on"
  fi
  for attempt in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
      || echo $((20000 + RANDOM % 20000)))
    if as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $ssl" >/dev/null 2>&1; then
      as "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -c "CREATE ROLE msplic_password NOLOGIN" >/dev/null 2>&1
      echo "$dir $port"
      exit 0
    fi
  done
  echo "pg-cluster: the server did not start: $(tail -3 "$dir/server.log" 2>/dev/null)" >&2
  rm -rf "$dir"
  exit 2
  ;;
stop)
  dir="${2:?pg-cluster.sh stop FOLDER}"
  case "$dir" in /tmp/msplic-pg.*) ;; *) echo "pg-cluster: not a test cluster: $dir" >&2; exit 1 ;; esac
  bin=$(find_bin)
  if [ -d "$dir/data" ]; then
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
    else "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1; fi
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-cluster.sh start | stop FOLDER" >&2
  exit 1
  ;;
esac
