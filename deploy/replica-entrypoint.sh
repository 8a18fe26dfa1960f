#!/bin/bash
# The read replica's entrypoint (docker-compose.yml, service db-replica, on the postgres image).
# On the first start, with an empty data volume, it waits for the primary and copies it with
# pg_basebackup; -R makes the copy a standby that streams the primary's changes from then on.
# Then it runs its arguments: postgres, as a hot standby (read-only queries).
#   PRIMARY_HOST (db), PRIMARY_PORT (5432), REPLICATION_USER (replicator), REPLICATION_PASSWORD
set -Eeuo pipefail

primary_host="${PRIMARY_HOST:-db}"
primary_port="${PRIMARY_PORT:-5432}"
replication_user="${REPLICATION_USER:-replicator}"
# Written once a copy is complete: a folder with files but without it holds an interrupted copy.
copied="$PGDATA/replica-copy-complete"

if [ "$(id -u)" = 0 ]; then
  # As the image's own entrypoint does: the data folder is postgres's, and postgres runs as postgres.
  mkdir -p "$PGDATA"
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  exec gosu postgres bash "${BASH_SOURCE[0]}" "$@"
fi

# PostgreSQL refuses a data folder others may read (a new volume's is open to all: 1777).
chmod 700 "$PGDATA"

# As process 1 the shell would ignore the stop signal while it waits for the primary.
trap 'exit 130' INT
trap 'exit 143' TERM

if [ ! -e "$copied" ]; then
  if [ -n "$(ls -A "$PGDATA")" ]; then
    echo "replica: $PGDATA holds an unfinished copy of the primary; removing it"
    find "$PGDATA" -mindepth 1 -delete
  fi
  echo "replica: waiting for the primary at $primary_host:$primary_port"
  until pg_isready -q -h "$primary_host" -p "$primary_port" -U "$replication_user"; do sleep 1; done
  echo "replica: copying the primary (pg_basebackup)"
  if ! PGPASSWORD="${REPLICATION_PASSWORD:-replication}" pg_basebackup -h "$primary_host" -p "$primary_port" \
    -U "$replication_user" -D "$PGDATA" -R -X stream --checkpoint=fast --no-password; then
    echo "replica: pg_basebackup failed. A database created before db-replica existed has no replication" \
      "role yet: run once  docker compose exec -u postgres db bash /docker-entrypoint-initdb.d/primary-init.sh" >&2
    exit 1
  fi
  touch "$copied"
  echo "replica: copy complete; starting as a standby of $primary_host"
fi

exec "$@"
