#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for the saved-scenario tests.
#
#   scripts/pg_test_cluster.sh start   # prints "URL DIR": the database URL and the cluster's folder
#   scripts/pg_test_cluster.sh stop DIR
#
# initdb refuses to run as root: as root the cluster belongs to the postgres user (runuser). A start
# that fails half-way stops and removes what it made (trap).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x "$PGBIN/initdb" ]] || { echo "no PostgreSQL binaries (set PGBIN)" >&2; exit 3; }
as_owner() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
    DIR=$(mktemp -d /tmp/curul-pg.XXXXXX)
    trap 'as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"' ERR
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$DIR"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$PGBIN/initdb" -D "$DIR/data" -A trust -U curul -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off" start >/dev/null
    as_owner "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U curul curul_test
    echo "postgresql+psycopg://curul@127.0.0.1:$PORT/curul_test $DIR"
    ;;
stop)
    DIR=${2:?usage: $0 stop DIR}
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
