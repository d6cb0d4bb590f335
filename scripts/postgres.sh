#!/usr/bin/env bash
# A private PostgreSQL cluster for one test run, in a folder of its own:
#   scripts/postgres.sh start DIR   initdb and start; prints the superuser's URL, also kept in DIR/url
#   scripts/postgres.sh stop DIR    stops it and removes DIR
# The cluster listens on 127.0.0.1 only, on a free port, with SCRAM passwords and a superuser
# of its own, so it never meets the system's cluster or another run's. initdb refuses root:
# as root the cluster belongs to the `postgres` OS user (the package creates it).
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
SUPERUSER=rastau_test

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
DIR=$2

as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  [ -x "$BIN/initdb" ] || { echo "postgres: $BIN/initdb is missing: run scripts/setup.sh" >&2; exit 1; }
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
  local password port
  password=$(openssl rand -hex 16)
  port=$(free_port)
  # initdb reads the password from a file; a process substitution is not readable by postgres.
  (umask 077 && echo "$password" >"$DIR/pwfile")
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR/pwfile"
  as_owner "$BIN/initdb" -D "$DIR/data" -A scram-sha-256 --pwfile="$DIR/pwfile" -U "$SUPERUSER" \
    --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  rm -f "$DIR/pwfile"
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-p $port -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null \
    || { cat "$DIR/server.log" >&2; exit 1; }
  local url="postgres://$SUPERUSER:$password@127.0.0.1:$port/postgres"
  (umask 077 && echo "$url" >"$DIR/url")
  echo "$url"
}

stop() {
  if [ -d "$DIR/data" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$DIR"
}

case $1 in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
