#!/bin/sh
# One-shot schema setup for Temporal's two PostgreSQL databases, run by the `temporal-admin-tools` service before the
# server starts. Idempotent: `create` ignores an existing database, `setup-schema -v 0.0` keeps a newer version, and
# `update-schema` applies only the versioned scripts not yet applied, so it is also the upgrade step for a new server
# release (use the admin-tools image matching the server version).
set -eu

: "${POSTGRES_SEEDS:=postgresql}"
: "${DB_PORT:=5432}"
: "${POSTGRES_USER:=temporal}"
: "${POSTGRES_PWD:?POSTGRES_PWD must be set}"
: "${DBNAME:=temporal}"
: "${VISIBILITY_DBNAME:=temporal_visibility}"

export SQL_PASSWORD="$POSTGRES_PWD"
sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

echo "Waiting for PostgreSQL at $POSTGRES_SEEDS:$DB_PORT..."
attempt=0
until nc -z -w 5 "$POSTGRES_SEEDS" "$DB_PORT"; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "PostgreSQL did not open its port" >&2
    exit 1
  fi
  sleep 2
done

echo "Temporal persistence database: $DBNAME"
sql_tool --db "$DBNAME" create
sql_tool --db "$DBNAME" setup-schema -v 0.0
sql_tool --db "$DBNAME" update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned

echo "Temporal visibility database: $VISIBILITY_DBNAME"
sql_tool --db "$VISIBILITY_DBNAME" create
sql_tool --db "$VISIBILITY_DBNAME" setup-schema -v 0.0
sql_tool --db "$VISIBILITY_DBNAME" update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned

echo 'Temporal schema setup complete'
