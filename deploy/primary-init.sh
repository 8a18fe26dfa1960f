#!/bin/bash
# The primary's side of streaming replication (docker-compose.yml, service db): a role the replica
# copies and streams as, and a pg_hba.conf line letting it in over the network with its password.
#
# The postgres image runs this once, from /docker-entrypoint-initdb.d/, when it creates a new
# database (as postgres, with a server listening on its socket only). It can be run again: a
# database created before db-replica existed needs it once, then the replica's next start copies it:
#   docker compose exec -u postgres db bash /docker-entrypoint-initdb.d/primary-init.sh
#
# No `set -u` and no `exit`: the image sources a script that is not executable, in its own shell.
set -eo pipefail

replication_user="${REPLICATION_USER:-replicator}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-${POSTGRES_USER:-postgres}}" \
  --set user="$replication_user" --set password="${REPLICATION_PASSWORD:-replication}" <<'SQL'
SELECT format('CREATE ROLE %I WITH REPLICATION LOGIN PASSWORD %L', :'user', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user')
\gexec
SQL

# `all` addresses: the database is published nowhere, so only the compose network reaches it.
hba_line="host replication $replication_user all scram-sha-256"
if ! grep -qxF "$hba_line" "$PGDATA/pg_hba.conf"; then
  echo "$hba_line" >>"$PGDATA/pg_hba.conf"
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-${POSTGRES_USER:-postgres}}" \
    --quiet --command 'SELECT pg_reload_conf()' >/dev/null
fi
